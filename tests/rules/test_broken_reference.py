"""broken-reference: missing ids with a suggestion; ids in link destinations; other languages count."""


def test_broken_reference_and_suggestion(kb):
    kb.add("KB4417", "en", "Exporting reports", "Text.\n")
    kb.add("KB1000", "en", "T", "See KB4471 and KB9999 and [gone](KB5555.md).\n")
    found = [(f.line, f.column, f.message) for f in kb.lint("broken-reference")]
    assert found[0][:2] == (7, 5) and "did you mean KB4417 (Exporting reports)?" in found[0][2]
    assert found[1][:2] == (7, 16) and "did you mean" not in found[1][2]
    assert found[2] == (7, 27, "KB5555 does not exist in any language")
    assert len(found) == 3


def test_reference_to_article_in_another_language_only_is_not_broken(kb):
    kb.add("KB2000", "zh-Hant", "只有中文", "內容。\n")
    kb.add("KB1000", "en", "T", "See KB2000.\n")
    assert kb.lint("broken-reference") == []


def test_a_link_to_an_id_in_another_folder_is_a_missing_file_not_a_missing_id(kb):
    kb.add("KB2000", "en", "Elsewhere", "Text.\n", folder="en/archive")
    kb.add("KB1000", "en", "T", "See [this](KB2000.md) and [that](/articles/KB2000.md).\n")
    assert kb.lint("broken-reference") == []
    found = [(f.line, f.column, f.message) for f in kb.lint("broken-link")]
    assert found == [(7, 12, "link to KB2000.md: the file en/KB2000.md does not exist; the article is at en/archive/KB2000.md")]


def test_an_id_in_the_text_of_a_link_to_another_site_names_that_sites_page(kb):
    text = "Install the update [KB5049981](https://support.example.com/topic/kb5049981-builds) first, then read KB7777.\n"
    kb.add("KB1000", "en", "T", text)
    assert [(f.column, f.message) for f in kb.lint("broken-reference")] == [(text.index("KB7777") + 1, "KB7777 does not exist in any language")]
