"""unbalanced-quote: fires on its example, stays silent on the traps."""


def test_unbalanced_quote_reports_the_unmatched_mark(kb):
    found = kb.check("unbalanced-quote", "It is next to ‘Debug mode in the list.\n\nA “quote” and a 「引號.\n")
    assert [(l, c) for l, c, _ in found] == [(7, 15), (9, 17)]


def test_unbalanced_quote_traps(kb):
    body = (
        "The users’ files, IBKR’s site, don’t worry, the ’90s and 5' 3\" tall.\n\n"
        "He said “she wrote ‘yes’ twice” and left.\n\n"
        "Run `echo \"x` or see <https://example.com/“x>.\n\n"
        "```\nprint(“open\n```\n"
    )
    assert kb.check("unbalanced-quote", body) == []


def test_unbalanced_quote_straight_quotes(kb):
    found = kb.check("unbalanced-quote", 'Click "Save" and then "Close.\n')
    assert [(l, c) for l, c, _ in found] == [(7, 23)]


def test_straight_quote_after_a_digit_closes_an_open_quote(kb):
    assert kb.check("unbalanced-quote", 'See the note ("this is KB2481") and a 27" screen.\n') == []
    found = kb.check("unbalanced-quote", 'Open "Settings on a 27" screen and "Display.\n')
    assert [(l, c) for l, c, _ in found] == [(7, 36)]
