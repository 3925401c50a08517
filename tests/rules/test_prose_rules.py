"""typo, repeated-word, unbalanced-quote, unbalanced-bracket, empty-section, numbering-gap:
each fires on its example and stays silent on the traps."""

from helpers import where


def lint(kb, rule, body, lang="en"):
    kb.add("KB1", lang, "Title", body)
    return [(f.line, f.column, f.message) for f in kb.lint(rule)]


# -- typo ----------------------------------------------------------------------------------


def test_typo_dictionary_context_and_key_names(kb):
    found = lint(kb, "typo", "Type: Secrete and public key, then press CRTL+Enter to recieve it.\n")
    assert [(l, c) for l, c, _ in found] == [(7, 7), (7, 42), (7, 56)]
    assert "'Secret'" in found[0][2] and "'Ctrl'" in found[1][2] and "'receive'" in found[2][2]


def test_typo_keeps_case_and_offers_a_safe_fix_for_one_correction(kb):
    kb.add("KB1", "en", "Title", "Recieve it.\n")
    (finding,) = kb.lint("typo")
    assert finding.fix.safe and finding.fix.edits[0].replacement == "Receive"


def test_typo_in_chinese_article_and_never_in_code_or_urls(kb):
    found = lint(kb, "typo", "請使用 HTPS 連線。\n\n```\nrecieve\n```\n\n`recieve` and https://example.com/recieve\n", "zh-Hant")
    assert [m for _, _, m in found] == ["'HTPS' should be 'HTTPS'"]


def test_typo_accepted_words_and_real_words(kb):
    kb.config("source_locale: en\naccepted_words: [recieve]\n")
    assert lint(kb, "typo", "The gland can secrete fluid. We recieve it. A café in Ørsted.\n") == []


# -- repeated-word -------------------------------------------------------------------------


def test_repeated_word_also_across_a_line_break(kb):
    found = lint(kb, "repeated-word", "Close the the window and\nto\nto the end.\n")
    assert [(l, c) for l, c, _ in found] == [(7, 7), (8, 1)]


def test_repeated_word_allows_grammatical_doubles_and_code(kb):
    assert lint(kb, "repeated-word", "He had had enough; that that is fine. `the the`\n") == []


# -- unbalanced-quote ----------------------------------------------------------------------


def test_unbalanced_quote_reports_the_unmatched_mark(kb):
    found = lint(kb, "unbalanced-quote", "It is next to ‘Debug mode in the list.\n\nA “quote” and a 「引號.\n")
    assert [(l, c) for l, c, _ in found] == [(7, 15), (9, 17)]


def test_unbalanced_quote_traps(kb):
    body = (
        "The users’ files, IBKR’s site, don’t worry, the ’90s and 5' 3\" tall.\n\n"
        "He said “she wrote ‘yes’ twice” and left.\n\n"
        "Run `echo \"x` or see <https://example.com/“x>.\n\n"
        "```\nprint(“open\n```\n"
    )
    assert lint(kb, "unbalanced-quote", body) == []


def test_unbalanced_quote_straight_quotes(kb):
    found = lint(kb, "unbalanced-quote", 'Click "Save" and then "Close.\n')
    assert [(l, c) for l, c, _ in found] == [(7, 23)]


# -- unbalanced-bracket --------------------------------------------------------------------


def test_unbalanced_bracket_fires_on_unclosed_and_stray(kb):
    found = lint(kb, "unbalanced-bracket", "The list (refreshes every minute.\n\nThen] it【works.\n")
    assert [(l, c) for l, c, _ in found] == [(7, 10), (9, 5), (9, 9)]


def test_unbalanced_bracket_traps(kb):
    body = (
        "Choose a) the phone or b) the laptop (both work) :)\n\n"
        "- a) first\n- b) second\n\n"
        "See https://en.example.org/wiki/Foo_(bar) and [the guide](KB2.md) and `f(x`.\n\n"
        "中文（括號）與【標記】。\n"
    )
    assert lint(kb, "unbalanced-bracket", body) == []


# -- empty-section -------------------------------------------------------------------------


def test_empty_section(kb):
    body = "# Top\n\nText.\n\n## Troubleshooting\n\n## Next\n\nMore.\n\n## Last\n"
    found = lint(kb, "empty-section", body)
    assert [(l, c) for l, c, _ in found] == [(11, 4), (17, 4)]


def test_subsection_is_content(kb):
    body = "## Troubleshooting\n\n### Detail\n\nText.\n"
    assert lint(kb, "empty-section", body) == []


# -- numbering-gap -------------------------------------------------------------------------


def test_numbering_gap_in_steps_and_figures(kb):
    body = "1. a\n2. b\n4. c\n\nThen:\n\n1. x\n2. y\n2. z\n\nFigure 6 shows it; Figure 10 too. 圖1 與 圖3。\n"
    found = lint(kb, "numbering-gap", body)
    assert [(l, c) for l, c, _ in found] == [(9, 1), (15, 1), (17, 1), (17, 20), (17, 40)]
    assert "expected 3 after 2" in found[0][2] and "repeats" in found[1][2]


def test_numbering_that_is_fine(kb):
    body = "1. a\n1. b\n1. c\n\nThen:\n\n3. start at three\n4. next\n\nFigure 1, then Figure 2, then Figure 1 again.\n"
    assert lint(kb, "numbering-gap", body) == []


def test_quoted_mentions_are_not_uses(kb):
    body = 'A doubled word ("the the") is a classic. The rule looks for "refer to this article".\n'
    assert lint(kb, "repeated-word", body) == []
    kb.add("KB2", "en", "Title", body)
    assert [f for f in kb.lint("dangling-reference") if f.path == "en/KB2.md"] == []


def test_straight_quote_after_a_digit_closes_an_open_quote(kb):
    assert lint(kb, "unbalanced-quote", 'See the note ("this is KB2481") and a 27" screen.\n') == []
    found = lint(kb, "unbalanced-quote", 'Open "Settings on a 27" screen and "Display.\n')
    assert [(l, c) for l, c, _ in found] == [(7, 36)]
