"""The Document: locale and id resolution, suppressions, positions with a BOM."""

import codecs

from kblint.model.config import Config
from kblint.kb.document import build_document
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
