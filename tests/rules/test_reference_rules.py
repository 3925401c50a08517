"""broken-reference, self-reference, ref-title-mismatch, dangling-reference, orphan-article,
duplicate-id, front-matter."""

import json
import os
import subprocess
import sys

from helpers import EXAMPLES, ROOT


def test_broken_reference_and_suggestion(kb):
    kb.add("KB4417", "en", "Exporting reports", "Text.\n")
    kb.add("KB1000", "en", "T", "See KB4471 and KB9999 and [gone](KB5555.md).\n")
    found = [(f.line, f.column, f.message) for f in kb.lint("broken-reference")]
    assert found[0][:2] == (7, 5) and "did you mean KB4417 (Exporting reports)?" in found[0][2]
    assert found[1][:2] == (7, 16) and "did you mean" not in found[1][2]
    assert found[2][:2] == (7, 27) and "KB5555.md does not exist" in found[2][2]


def test_reference_to_article_in_another_language_only_is_not_broken(kb):
    kb.add("KB2000", "zh-Hant", "只有中文", "內容。\n")
    kb.add("KB1000", "en", "T", "See KB2000.\n")
    assert kb.lint("broken-reference") == []


def test_self_reference(kb):
    kb.add("KB1000", "en", "Self", "Mentioning KB1000 is fine. [Me](KB1000.md)\n\n## Related articles\n\n- KB1000 - Self\n")
    found = [(f.line, f.column, f.message) for f in kb.lint("self-reference")]
    assert [(l, c) for l, c, _ in found] == [(7, 28), (11, 3)]
    assert "links to itself" in found[0][2] and "lists itself" in found[1][2]


def test_ref_title_mismatch_with_locale_fallback_and_fix(kb):
    kb.add("KB2000", "en", "Encrypting files with GPG", "Text.\n")
    kb.add("KB3000", "zh-Hant", "重設密碼", "內容。\n")
    kb.add("KB3000", "en", "Resetting a password", "Text.\n")
    kb.add(
        "KB1000",
        "en",
        "T",
        "## Related articles\n\n- KB2000 - Signing files with GPG\n- KB2000 - encrypting FILES with gpg\n- KB2000 - Encrypting files…\n",
    )
    kb.add("KB1000", "zh-Hant", "T", "## 參考文章\n\n- KB3000 - 重設密碼\n- KB2000 - 使用 GPG 加密檔案\n")
    found = kb.lint("ref-title-mismatch")
    assert [(f.path, f.line, f.column) for f in found] == [("en/KB1000.md", 9, 12)]
    assert "'Encrypting files with GPG'" in found[0].message
    assert found[0].fix and not found[0].fix.safe and found[0].fix.edits[0].replacement == "Encrypting files with GPG"


def test_dangling_reference(kb):
    body = (
        "For the steps, refer to this article.\n\n"
        "For the keys, refer to this article: KB2000.\n\n"
        "See the following articles:\n\n- [Keys](KB2000.md)\n\n"
        "Click on one of the links below.\n\n- nothing here\n"
    )
    kb.add("KB2000", "en", "Keys", "Text.\n")
    kb.add("KB1000", "en", "T", body)
    kb.add("KB1000", "zh-Hans", "T", "详情请参见下方。\n\n请参见以下文章：\n\n- KB2000 - 密钥\n")
    found = [(f.path, f.line, f.column) for f in kb.lint("dangling-reference")]
    assert found == [("en/KB1000.md", 7, 16), ("en/KB1000.md", 15, 1), ("zh-Hans/KB1000.md", 7, 3)]


def test_orphan_article_is_off_by_default(kb):
    kb.add("KB1000", "en", "A", "See KB2000.\n")
    kb.add("KB2000", "en", "B", "Text.\n")
    assert kb.lint() == []
    found = kb.lint("orphan-article")
    assert [(f.path, f.message) for f in found] == [("en/KB1000.md", "KB1000 is not referenced by any other article")]


def test_duplicate_id(kb):
    kb.add("KB1000", "en", "A", "Text.\n")
    kb.write("en/KB1000-old.md", "---\nid: KB1000\nlang: en\ntitle: Old\n---\nText.\n")
    kb.add("KB1000", "zh-Hant", "A", "內容。\n")
    (finding,) = kb.lint("duplicate-id")
    assert (finding.path, finding.line) == ("en/KB1000.md", 2) and "en/KB1000-old.md" in finding.message


def test_front_matter_problems_and_ids_from_file_names(kb):
    kb.write("en/KB1000.md", "No front matter.\n")
    kb.write("zh-Hant/KB1001.md", "---\ntitle: 無語言\n---\n內容。\n")
    kb.write("en/KB1002.md", "---\nid: KB1002\nlang: en\ntitle: [unclosed\n---\nText.\n")
    kb.write("en/KB1003.md", "---\nid: nope\nlang: fr\ntitle: T\n---\nText.\n")
    found = [(f.path, f.line, f.message) for f in kb.lint("front-matter")]
    assert ("en/KB1000.md", 1, "no front matter: start the file with a '---' block that sets id, lang and title (the id KB1000 is taken from the file name)") in found
    assert any(p == "zh-Hant/KB1001.md" and "no 'id'" in m and "KB1001" in m for p, _, m in found)
    assert any(p == "zh-Hant/KB1001.md" and "no 'lang'" in m for p, _, m in found)
    assert any(p == "en/KB1002.md" and l == 5 and "not valid YAML" in m for p, l, m in found)
    assert any(p == "en/KB1003.md" and "does not match the article id pattern" in m for p, _, m in found)
    assert any(p == "en/KB1003.md" and "lang 'fr'" in m for p, _, m in found)


def test_single_file_resolves_against_the_whole_corpus():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "kblint", "--format", "json", "examples/corpus/en/KB1003.md"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    findings = json.loads(result.stdout)["findings"]
    assert {f["path"] for f in findings} == {"examples/corpus/en/KB1003.md"}
    names = {f["name"] for f in findings}
    # KB1001 and KB1002 exist elsewhere in the corpus: only KB1020 is broken.
    assert [f["message"].split()[0] for f in findings if f["name"] == "broken-reference"] == ["KB1020"]
    assert {"self-reference", "ref-title-mismatch", "dangling-reference"} <= names


def test_graph_export_formats(tmp_path):
    import networkx

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for fmt in ("graphml", "json", "dot"):
        result = subprocess.run(
            [sys.executable, "-m", "kblint", "graph", "--format", fmt, "examples/"], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
        (tmp_path / f"g.{fmt}").write_text(result.stdout, "utf-8")
    graph = networkx.read_graphml(tmp_path / "g.graphml")
    assert graph.nodes["KB1020"]["broken"] is True
    assert graph.has_edge("KB1003", "KB1001") and graph.nodes["KB1001"]["locales"] == "en,zh-Hans,zh-Hant"
    data = json.loads((tmp_path / "g.json").read_text("utf-8"))
    assert any(n["id"] == "KB1020" and n["broken"] for n in data["nodes"])
    dot = (tmp_path / "g.dot").read_text("utf-8")
    assert dot.startswith("digraph kblint {") and '"KB1003" -> "KB1020"' in dot
