"""The Document: locale and id resolution, suppressions, positions with a BOM."""

import codecs
import copy
from pathlib import Path

from kblint.corpus.contributed import EXTERNAL_URLS, TITLE_HEADING, Fact, fact_value
from kblint.model.config import Config
from kblint.model.finding import Severity
from kblint.rules.api import Rule
from kblint.kb.document import _read_lately, build_document
from kblint.model.text import is_binary
from kblint.rules.registry import builtin_rules
from kblint.run.article import process_file, read_companion, reading_order
from helpers import ROOT


def doc(relpath: str, text: str | bytes):
    data = text if isinstance(text, bytes) else text.encode()
    return build_document(ROOT / relpath, relpath, data, Config(root=ROOT))


def test_locale_from_folder_then_front_matter_then_suffix():
    # The folder decides where there is one (front-matter reports a contradicting lang).
    assert doc("en/KB1.md", "---\nid: KB1\nlang: zh-TW\ntitle: T\n---\n").locale == "en"
    assert doc("articles/KB1.md", "---\nid: KB1\nlang: zh-TW\ntitle: T\n---\n").locale == "zh-Hant"
    assert doc("zh-CN/KB1.md", "---\nid: KB1\ntitle: T\n---\n").locale == "zh-Hans"
    assert doc("articles/KB1.zh-Hant.md", "---\ntitle: T\n---\n").locale == "zh-Hant"
    assert doc("articles/KB1.zh-Hant.md", "---\nlocale: zh-Hans\n---\n").locale == "zh-Hans"
    plain = doc("articles/KB1.md", "")
    assert plain.locale == "en" and plain.id == "KB1" and plain.identity.key_source == "file name"


def test_bom_does_not_shift_columns():
    d = doc("en/KB1.md", codecs.BOM_UTF8 + "---\nid: KB1\nlang: en\ntitle: T\n---\nSee KB22.\n".encode())
    (ref,) = d.references
    assert d.position(ref.start) == (6, 5)


def test_suppression_ranges():
    text = (
        "---\nid: KB1\nlang: en\ntitle: T\nkblint:\n  disable: [typo]\n---\n"
        "<!-- kblint-disable-next-line -->\nline 9\n<!-- kblint-disable KL101, self-reference -->\nline 11\n"
        "<!-- kblint-enable -->\nline 13\n"
    )
    s = doc("en/KB1.md", text).suppressions
    assert s.covers("typo", "KL201", 13)
    assert s.covers("anything", "KL999", 9) and not s.covers("anything", "KL999", 11)
    assert s.covers("broken-reference", "KL101", 11) and s.covers("self-reference", "KL102", 11)
    assert not s.covers("broken-reference", "KL101", 13)


def test_suppressions_have_one_stored_form():
    from kblint.kb.document import Suppressions

    found = Suppressions({"typo"}, [("KL201", 3, 5), ("*", 9, 9)])
    stored = found.to_json()
    assert stored == {"whole_file": ["typo"], "ranges": [["KL201", 3, 5], ["*", 9, 9]]}
    assert Suppressions.from_json(stored) == found
    assert not Suppressions() and found


def test_a_readme_that_opens_with_html_takes_its_title_from_the_h1_there():
    opening = '<p align="center">\n  <img src="logo.png" alt="">\n</p>\n\n<h1 align="center">Tide &amp; Time</h1>\n\n'
    assert doc("README.md", opening + "A scheduler.\n").title == "Tide & Time"
    assert doc("README.md", "# Tide\n\n" + opening).title == "Tide"  # a Markdown heading comes first
    assert doc("README.md", "Intro first.\n\n" + opening).title is None  # only HTML that opens the file
    assert doc("README.md", "```html\n<h1>Code</h1>\n```\n").title is None


def test_a_level_one_heading_titles_the_page_only_as_its_first_heading():
    """A ``# Linux:`` deep in a page that opens with ``## Completion`` (a shell comment out of
    its code block) titles nothing, as Docusaurus takes only a first heading for a title."""
    assert doc("en/KB1.md", "## Completion\n\nEnable it:\n\n# Linux:\n\nDone.\n").title is None
    assert doc("en/KB2.md", "# Completion\n\n## Linux\n\n# Other\n").title == "Completion"


def _article_files() -> list[Path]:
    """Every Markdown and HTML article of the examples and the rule fixtures."""
    folders = [ROOT / "examples", ROOT / "tests" / "fixtures"]
    return sorted(p for folder in folders for p in folder.rglob("*") if p.suffix in (".md", ".mdx", ".html") and p.is_file())


def test_a_read_kept_for_copies_is_never_changed_by_rules():
    # A file's copies (a versioned site's pages) share what was read of it: every rule and the
    # summary only read it. Each file is read, a copy of its parts taken, then linted from the
    # kept read by every rule, and its parts compared with the copy.
    config = Config(root=ROOT)
    rules = list(builtin_rules())
    files = _article_files()
    assert len(files) > 40
    for path in files:
        relpath = path.relative_to(ROOT).as_posix()
        data = path.read_bytes()
        if is_binary(data) or read_companion(path, config.max_file_size) is not None:
            continue  # (an export article with a metadata file is read each time: see _read)
        first = build_document(path, relpath, data, config)
        before = copy.deepcopy((first.decoded, first.front, first.body, first.front_prose))
        result = process_file(path, relpath, config, rules, True, data, keep_document=True)
        assert result.document is not None and result.document is not first
        assert result.document.body is first.body, relpath  # read once
        assert (first.decoded, first.front, first.body, first.front_prose) == before, relpath


def test_copies_of_a_file_read_once_give_the_findings_of_each_read_alone(tmp_path):
    text = "---\ntitle: Setup\n---\n\nSee the [guide](./guide.md) and the the steps.\n\n## Steps\n\n1. Open it.\n3. Close it.\n"
    for folder in ("docs", "versioned_docs/version-1.0", "versioned_docs/version-2.0"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "setup.md").write_text(text)
    config = Config(root=tmp_path)
    rules = list(builtin_rules())
    alone = {}
    for folder in ("docs", "versioned_docs/version-1.0", "versioned_docs/version-2.0"):
        _read_lately.clear()
        relpath = f"{folder}/setup.md"
        alone[relpath] = process_file(tmp_path / relpath, relpath, config, rules, True).findings
    _read_lately.clear()
    together = {relpath: process_file(tmp_path / relpath, relpath, config, rules, True).findings for relpath in alone}
    assert together == alone
    for relpath, findings in together.items():
        # numbering-gap reads only the text, repeated-word whether the path names a change log
        assert {f.name for f in findings} >= {"repeated-word", "numbering-gap"}
        assert {f.path for f in findings} == {relpath}


def test_reading_order_puts_copies_of_a_page_together():
    paths = ["docs/a.md", "docs/api/README.md", "v1/a.md", "v1/api/README.md", "i18n/zh/current/a.md", "docs/guide/README.md", "v1/guide/README.md"]
    assert [paths[i] for i in reading_order(paths)] == [
        "docs/api/README.md", "v1/api/README.md", "docs/guide/README.md", "v1/guide/README.md", "i18n/zh/current/a.md", "docs/a.md", "v1/a.md",
    ]  # fmt: skip


def test_a_check_that_reads_part_of_the_path_is_shared_only_where_that_part_agrees(tmp_path):
    checked = []

    def check(doc, config):
        checked.append(doc.relpath)
        yield rule.finding(doc, 0, 1, f"the file's name is {doc.relpath.rsplit('/', 1)[-1]}")

    rule = Rule(
        "KX901", "name-reader", Severity.WARNING, "Reads the file's name.", "Reads the file's name.",
        check=check, text_alone=True, place_key=lambda doc, config: doc.relpath.rsplit("/", 1)[-1],
    )  # fmt: skip
    config = Config(root=tmp_path)
    _read_lately.clear()
    found = {}
    for relpath in ("a/x.md", "b/x.md", "c/y.md"):
        (tmp_path / relpath).parent.mkdir()
        (tmp_path / relpath).write_text("Some text.\n")
        found[relpath] = [(f.path, f.message) for f in process_file(tmp_path / relpath, relpath, config, [rule], True).findings]
    assert checked == ["a/x.md", "c/y.md"]
    assert found == {
        "a/x.md": [("a/x.md", "the file's name is x.md")],
        "b/x.md": [("b/x.md", "the file's name is x.md")],
        "c/y.md": [("c/y.md", "the file's name is y.md")],
    }


def test_facts_of_copies_made_once_but_for_a_changed_configuration_or_a_path_they_read():
    data = "---\ntitle: 安裝\n---\n\n執行 `npm install` 然後打開 http://localhost:3000。\n".encode()
    config = Config(root=ROOT)
    _read_lately.clear()
    first = build_document(ROOT / "zh-TW/a.md", "zh-TW/a.md", data, config)
    copy_of_it = build_document(ROOT / "zh-TW/v1/a.md", "zh-TW/v1/a.md", data, config)
    assert copy_of_it.of_the_text is first.of_the_text
    assert fact_value(EXTERNAL_URLS, copy_of_it, config) is fact_value(EXTERNAL_URLS, first, config)
    assert fact_value(EXTERNAL_URLS, first, config)[0][0] == "http://localhost:3000"
    assert TITLE_HEADING.reads_path and fact_value(TITLE_HEADING, first, config) == TITLE_HEADING.compute(first, config)
    other = Config(root=ROOT)
    assert fact_value(EXTERNAL_URLS, first, other) is not fact_value(EXTERNAL_URLS, copy_of_it, config)
    assert fact_value(EXTERNAL_URLS, first, None) is not fact_value(EXTERNAL_URLS, first, config)  # (no settings: others)
    own = Fact("a pack's fact", lambda doc, config: [doc.relpath])
    assert fact_value(own, first, config) == ["zh-TW/a.md"] and fact_value(own, copy_of_it, config) == ["zh-TW/v1/a.md"]
