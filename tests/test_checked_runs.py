"""Runs that check a few files of a large knowledge base (pre-commit) find what a whole run
finds for those files, and read no more of the cache than those files need."""

import json
import sys

import pytest

from helpers import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate  # noqa: E402

from kblint.app.cli import main


def lint(capsys, *args: str) -> list[dict]:
    capsys.readouterr()
    main(["--format", "json", "-q", *args])
    return json.loads(capsys.readouterr().out)["findings"]


def place(finding: dict) -> tuple:
    return finding["path"], finding["line"], finding["column"], finding["code"], finding["message"]


def edit(path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


@pytest.fixture
def kb(tmp_path, monkeypatch):
    root = tmp_path / "kb"
    generate(root, 120)
    monkeypatch.chdir(root)
    return root


def test_parallel_workers_with_a_cache_find_what_one_process_finds(kb, capsys, monkeypatch):
    import kblint.run.parallel

    monkeypatch.setattr(kblint.run.parallel, "PARALLEL_THRESHOLD", 2)  # 120 files: a pool all the same
    alone = lint(capsys, "--no-cache", "--jobs", "1", ".")
    cold = lint(capsys, "--jobs", "2", ".")
    warm = lint(capsys, "--jobs", "2", ".")
    assert {f["name"] for f in alone} >= {"broken-reference", "untranslated-text", "typo"}
    assert cold == alone
    assert warm == alone


def test_a_run_of_a_few_files_finds_what_a_whole_run_finds_for_them(kb, capsys):
    lint(capsys, ".")  # a warm cache, as before a commit
    # Translators change how a heading reads in three articles (two of them not checked):
    # the usual rendering and its count come from the whole knowledge base all the same.
    renderings = sorted(kb.glob("zh-Hant/000/*.md"))[:4]
    for path in renderings[:3]:
        edit(path, "## 參考文章", "## 相關連結")
    edit(renderings[3], "## 參考文章", "## 延伸閱讀")
    gone = sorted(kb.glob("zh-Hant/000/*.md"))[-1]
    gone.unlink()
    checked = [renderings[0], renderings[3], sorted(kb.glob("en/000/*.md"))[5]]
    names = [str(p.relative_to(kb)) for p in checked]
    part = lint(capsys, *names)
    whole = lint(capsys, ".")
    assert sorted(map(place, part)) == sorted(place(f) for f in whole if f["path"] in names)
    messages = [f["message"] for f in part if f["name"] == "inconsistent-translation"]
    assert any("'延伸閱讀' translates 'Related articles'" in m for m in messages), messages
    # And again with the cache these runs left (the changed shares stored, the old ones gone).
    assert sorted(map(place, lint(capsys, *names))) == sorted(map(place, part))


def test_a_run_of_a_few_files_after_a_whole_run_takes_its_findings_for_them(kb, capsys, monkeypatch):
    """Nothing changed since a whole run (a pre-commit hook after a full run): a run of a few
    files reads the whole run's corpus findings for them, and runs no corpus rule. Once a
    file changed, it runs them."""
    import kblint.run.engine

    whole = lint(capsys, ".")
    names = [str(p.relative_to(kb)) for p in sorted(kb.glob("zh-Hant/000/*.md"))[:3]]
    ran = []
    real = kblint.run.engine.run_rules
    monkeypatch.setattr(kblint.run.engine, "run_rules", lambda *args, **kwargs: ran.append(1) or real(*args, **kwargs))
    part = lint(capsys, *names)
    assert ran == [] and sorted(map(place, part)) == sorted(place(f) for f in whole if f["path"] in names)
    edit(kb / names[0], "## 參考文章", "## 延伸閱讀")
    lint(capsys, *names)
    assert ran == [1]


def test_a_run_of_one_file_reads_only_what_its_rules_need(tmp_path, capsys, monkeypatch):
    """The articles a run of one changed file reads do not grow with the knowledge base: the
    summaries it decodes are those its rules look into, and it makes a skeleton (from the
    cache's columns) only of an article a rule asks for by id or path."""
    from kblint.store import cache as cache_module
    from kblint.corpus import summary as summary_module
    decoded = []
    real = summary_module.Summary.from_json
    real_make = summary_module.LazySummary.make

    def counting(data):
        decoded.append(data[0])
        return real(data)

    def making(relpath, *rest):
        decoded.append(relpath)
        return real_make(relpath, *rest)

    def never(self):
        raise AssertionError("every identity was loaded")

    counts = []
    for size in (60, 240):
        root = tmp_path / f"kb{size}"
        generate(root, size)
        monkeypatch.chdir(root)
        lint(capsys, ".")
        translation = sorted(root.glob("zh-Hant/000/*.md"))[1]
        edit(translation, "## 參考文章", "## 相關連結")
        decoded.clear()
        with monkeypatch.context() as patched:
            patched.setattr(summary_module.Summary, "from_json", staticmethod(counting))
            patched.setattr(summary_module.LazySummary, "make", staticmethod(making))
            patched.setattr(cache_module.Cache, "_load_identities", never)
            found = lint(capsys, str(translation.relative_to(root)))
        assert any(f["name"] == "inconsistent-translation" for f in found)
        counts.append(len(decoded))
    # The checked translation and its source, and the few articles they name.
    assert counts[1] <= counts[0] + 3, counts
    assert counts[1] < 30, counts


def test_a_translation_whose_name_is_not_utf8_counts_in_a_run_of_a_few_files(kb, capsys):
    import os

    lint(capsys, ".")
    translations = sorted(kb.glob("zh-Hant/000/*.md"))
    # Unzipped from a Big5 archive, say: the name's bytes are not UTF-8 (the cache cannot
    # store it, so its share is made again in every run).
    odd = os.fsencode(translations[2]).replace(b".md", b"\xb4\xfa.md")
    os.rename(translations[2], odd)
    edit(translations[0], "## 參考文章", "## 延伸閱讀")
    name = str(translations[0].relative_to(kb))
    part = lint(capsys, name)
    whole = lint(capsys, ".")
    assert sorted(map(place, part)) == sorted(place(f) for f in whole if f["path"] == name)
    assert any(f["name"] == "inconsistent-translation" for f in part)


def test_a_run_of_a_few_files_agrees_with_a_whole_run_after_any_change(kb, capsys):
    """Each kind of change a knowledge base sees between two runs (an edited heading, a new
    translation, a deleted article, a changed id, a file that became binary, a new article
    that claims an id first), then runs of a few files, each compared with a whole run."""
    lint(capsys, ".")
    zh = sorted(kb.glob("zh-Hant/000/*.md"))
    en = sorted(kb.glob("en/000/*.md"))
    for path in zh[:3]:
        edit(path, "## 參考文章", "## 相關連結")
    edit(zh[3], "## 參考文章", "## 延伸閱讀")
    changes = [
        lambda: edit(zh[4], "## 參考文章", "## 延伸閱讀"),
        lambda: zh[5].unlink(),  # a translation deleted
        lambda: en[6].unlink(),  # a source deleted: its translations have none
        lambda: edit(zh[7], f"id: {zh[7].stem}", "id: KB99999"),  # a translation now of another id
        lambda: zh[8].write_bytes(b"\x00\x01binary\x00" * 50),  # no article any more
        # A copy that sorts first claims the same id: it is the source now (the other one a
        # duplicate-id finding), with another heading.
        lambda: (kb / "en" / "000" / f"A{en[9].name}").write_text(en[9].read_text("utf-8").replace("## Related articles", "## See also"), "utf-8"),
        lambda: (kb / "zh-Hant" / "000" / f"A{zh[10].name}").write_text(zh[10].read_text("utf-8").replace("## 參考文章", "## 另見"), "utf-8"),
    ]
    groups = ([str(zh[3].relative_to(kb))], [str(p.relative_to(kb)) for p in (zh[0], zh[11], en[12])])
    for number, change in enumerate(changes):
        change()
        # Runs of a few files first (what they store must not mislead the next), then the whole.
        parts = [(names, lint(capsys, *names)) for names in groups]
        whole = lint(capsys, ".")
        for names, part in parts:
            assert sorted(map(place, part)) == sorted(place(f) for f in whole if f["path"] in names), (number, names)


def test_diff_of_one_file_parses_that_file_not_the_knowledge_base(kb, capsys, monkeypatch):
    """--diff works out each pass's edits on the would-be text of the files it fixes; every
    other file is served by the cache, as in any run (120 files here, 100,000 elsewhere)."""
    import kblint.run.engine

    lint(capsys, ".")
    name = next(str(p.relative_to(kb)) for p in sorted(kb.glob("en/000/*.md")) if "seperate" in p.read_text("utf-8"))
    before = (kb / name).read_bytes()
    parsed = []
    real = kblint.run.engine.process_file

    def counting(path, relpath, *rest, **options):
        parsed.append(relpath)
        return real(path, relpath, *rest, **options)

    monkeypatch.setattr(kblint.run.engine, "process_file", counting)
    capsys.readouterr()
    main(["--diff", name])
    patch = capsys.readouterr().out
    assert "-" in patch and "+" in patch and "separate" in patch
    assert set(parsed) == {name}, parsed
    assert (kb / name).read_bytes() == before  # --diff writes nothing
    # and the cache still serves what is on disk, not the would-be text
    assert any("seperate" in f["message"] for f in lint(capsys, name))
