"""broken-reference: missing ids with a suggestion, missing files; other languages count."""

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
