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


def test_a_straight_quote_after_a_digit_before_a_han_character_opens(kb):
    body = '这正是阶段 3"用空闲算力复用解码"这一思路的前提。\n'
    assert kb.check("unbalanced-quote", body, lang="zh-Hans") == []


def test_in_chinese_a_right_quote_beside_a_chinese_character_closes(kb):
    body = "他说：“卡上的值，也就是‘设置’的值。”\n\n打开‘%s’时出现错误。\n\n「外層『內層』外層」與“外‘内’外”。\n"
    assert kb.check("unbalanced-quote", body, lang="zh-Hans") == []
    found = kb.check("unbalanced-quote", "打开‘设置时出现错误。\n\n他说：“值’。\n", lang="zh-Hans")
    assert [(l, c, m.split(":")[0]) for l, c, m in found] == [
        (7, 3, "opening ‘ is never closed (expected ’)"),
        (9, 4, "opening “ is never closed (expected ”)"),
        (9, 6, "closing ’ has no opening ‘"),
    ]


def test_apostrophes_stay_between_latin_letters_and_digits(kb):
    assert kb.check("unbalanced-quote", "The app’s 1990’s look; Vaultline’s 設定 and the users’ files.\n") == []


def test_german_single_quotes_open_low_and_close_high(kb):
    assert kb.check("unbalanced-quote", "Er sagt: „Das heißt ‚richtig‘, nicht ‚falsch‘.“\n", "de") == []
    assert [m[:24] for _, _, m in kb.check("unbalanced-quote", "Er sagt ‚richtig und geht.\n", "de")] == ["opening ‚ is never close"]


def test_an_apostrophe_after_a_quotation_attaches_a_suffix(kb):
    assert kb.check("unbalanced-quote", 'Bu, yanıtın "media type"’ını belirler.\n', "tr") == []
    assert kb.check("unbalanced-quote", "It joined the Apache Software Foundation (ASF)’s incubator.\n") == []


def test_an_apostrophe_inside_a_cyrillic_word_is_no_quote(kb):
    assert kb.check("unbalanced-quote", "Це обов’язковий об’єкт, а ORM’и — ні.\n", "uk") == []
    assert [m for _, _, m in kb.check("unbalanced-quote", "Поле ‘ім’я обов’язкове.\n", "uk")] == ["opening ‘ is never closed (expected ’): '‘ім’я обов’язкове.'"]


def test_marks_named_between_other_quotes_are_not_quotations(kb):
    assert kb.check("unbalanced-quote", "在「“」與「”」之間輸入文字，或輸入 `\"' 與 (\")。\n", lang="zh-Hant") == []


def test_an_apostrophe_after_code_is_not_a_quote(kb):
    body = "Read `list`’s getter; a `Resize(0)`’d buffer stays. Then ‘close’ it.\n"
    assert kb.check("unbalanced-quote", body) == []


def test_a_quotation_written_with_closing_marks_at_both_ends_is_one_finding(kb):
    body = "在積木中加入”如果...那麼”，並設”距離 ≤ 4”為條件；最後一個”沒有配對。\n"
    found = [(l, c, m) for l, c, m in kb.check("unbalanced-quote", body, "zh-Hant")]
    assert [(l, c) for l, c, _ in found] == [(7, 7), (7, 19), (7, 35)]
    assert found[0][2].startswith("” opens a quotation written with ” at both ends: write “ here: '”如果...那麼”")
    assert found[2][2].startswith("closing ” has no opening “")


def test_a_low_opening_quote_closes_with_a_high_one(kb):
    """„ opens: German closes it with “, Polish and Hungarian with ”; “ still opens where none is open."""
    body = "Klicke auf „Speichern“ und dann auf „Weiter“.\n\nWybierz „Zapisz” i “Dalej”.\n"
    assert kb.check("unbalanced-quote", body, "de") == []
    found = kb.check("unbalanced-quote", "Klicke auf „Speichern und dann auf Weiter.\n\nDas “ist” gut“.\n", "de")
    assert [(l, c, m.split(":")[0]) for l, c, m in found] == [
        (7, 12, "opening „ is never closed (expected “)"),
        (9, 14, "opening “ is never closed (expected ”)"),  # no „ is open: “ opens, as in English
    ]


def test_a_quotation_written_with_the_german_closing_mark_at_both_ends_is_one_finding(kb):
    """Czech and German open with „ and close with “: “Vypnuto“ has the English opening."""
    body = "Klepněte na “Vypnuto“ a pak na “Zapnuto”. He said “a “b” c” then.\n"
    found = kb.check("unbalanced-quote", body, "cs")
    assert [(column, message.split(":")[0]) for _, column, message in found] == [(13, "“ opens a quotation that “ closes")]


def test_a_quotation_with_an_opening_mark_at_both_ends_is_wrong_at_its_end_where_it_closes(kb):
    """Where ” closes a quotation, the second mark is the wrong one."""
    found = kb.check("unbalanced-quote", "它會顯示“你說了你好“還是“再見”？\n", "zh-Hant")
    assert [(column, message.split(":")[0]) for _, column, message in found] == [(11, "“ closes a quotation that “ opens")]


def test_a_quotation_that_a_straight_quote_closes_is_one_finding(kb):
    """„…" is one problem, at the straight quote: “ closes it in German, ” in Polish."""
    kb.add("KB1", "de", "Titel", 'Wähle dein „primäres Gerät" für die Sicherung.\n')
    kb.add("KB1", "pl", "Tytuł", 'Podejście „wygrywa ostatnia zmiana" i „druga".\n')
    found = [(f.path, f.column, f.message.split(": '")[0]) for f in kb.lint("unbalanced-quote")]
    write = '„ opens a quotation that a straight " closes: write {} here'
    assert found == [("de/KB1.md", 27, write.format("“")), ("pl/KB1.md", 35, write.format("”")), ("pl/KB1.md", 45, write.format("”"))]


def test_a_straight_mark_that_closes_a_quotation_pairs_no_curly_one(kb):
    """In `"DN"(x)，发起”绑定“` the second " closes "DN": the ” after it is the start of a
    quotation written the wrong way round, not the end of one the " opens; a " that opens
    and a ” that closes are still one quotation (`"Checkout”`)."""
    found = kb.check("unbalanced-quote", '的 "DN"(识别名)，发起”绑定“。\n\n按下 "Checkout” 即可。\n', "zh-Hans")
    assert [(column, message.split(":")[0]) for _, column, message in found] == [(15, "”…“ has its quotation marks the wrong way round")]


def test_a_quotation_over_paragraphs_opens_each_and_closes_the_last(kb):
    body = (
        "The maintainer said:\n\n"
        '"Open source keeps the project alive.\n\n'
        "Every release brings new people to it.\n\n"
        'We will keep it so."\n\n'
        "“A second quotation opens here.\n\n"
        "“And goes on here.\n\n"
        "And ends here.”\n\n"
        '"This one is never closed.\n\nA paragraph after it.\n'
    )
    found = kb.check("unbalanced-quote", body)
    assert [(line, column) for line, column, _ in found] == [(21, 1)], found


def test_a_quotation_with_its_marks_swapped_is_one_finding_at_the_first(kb):
    found = kb.check("unbalanced-quote", "點選選單中的 ”匯出保險庫“ 按鈕。\n", "zh-Hant")
    assert [(c, m) for _, c, m in found] == [(8, "”…“ has its quotation marks the wrong way round: write “…”: '”匯出保險庫“ 按鈕。'")]


def test_an_apostrophe_typed_with_the_opening_mark_is_named_so(kb):
    # One finding, at the mark, that says what it is; the quotation after it still pairs.
    found = kb.check("unbalanced-quote", "The job hasn‘t started; press ‘Run’ again.\n")
    assert [(l, c, m.split(": '")[0]) for l, c, m in found] == [(7, 13, "‘ between letters is an apostrophe written with an opening quote: write ’")]
    # After a number, no contraction's end after it: a quotation glued to what it names.
    assert kb.check("unbalanced-quote", "發行版 2.4‘Quiet Fox’已經推出。\n") == []
