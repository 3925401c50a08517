"""repeated-word: fires on its example, stays silent on the traps."""


def test_repeated_word_also_across_a_line_break(kb):
    found = kb.check("repeated-word", "Close the the window and\nto\nto the end.\n")
    assert [(l, c) for l, c, _ in found] == [(7, 7), (8, 1)]


def test_repeated_word_allows_grammatical_doubles_and_code(kb):
    assert kb.check("repeated-word", "He had had enough; that that is fine. `the the`\n") == []


def test_quoted_mentions_are_not_uses(kb):
    body = 'A doubled word ("the the") is a classic. The rule looks for "refer to this article".\n'
    assert kb.check("repeated-word", body) == []
    kb.add("KB2", "en", "Title", body)
    assert [f for f in kb.lint("dangling-reference") if f.path == "en/KB2.md"] == []
