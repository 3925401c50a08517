"""unbalanced-bracket: fires on its example, stays silent on the traps."""


def test_unbalanced_bracket_fires_on_unclosed_and_stray(kb):
    found = kb.check("unbalanced-bracket", "The list (refreshes every minute.\n\nThen] it【works.\n")
    assert [(l, c) for l, c, _ in found] == [(7, 10), (9, 5), (9, 9)]


def test_unbalanced_bracket_traps(kb):
    body = (
        "Choose a) the phone or b) the laptop (both work) :)\n\n"
        "- a) first\n- b) second\n\n"
        "See https://en.example.org/wiki/Foo_(bar) and [the guide](KB2.md) and `f(x`.\n\n"
        "中文（括號）與【標記】。\n"
    )
    assert kb.check("unbalanced-bracket", body) == []
