"""typo: fires on its example, stays silent on the traps."""


def test_typo_dictionary_context_and_key_names(kb):
    found = kb.check("typo", "Type: Secrete and public key, then press CRTL+Enter to recieve it.\n")
    assert [(l, c) for l, c, _ in found] == [(7, 7), (7, 42), (7, 56)]
    assert "'Secret'" in found[0][2] and "'Ctrl'" in found[1][2] and "'receive'" in found[2][2]


def test_typo_keeps_case_and_offers_a_safe_fix_for_one_correction(kb):
    kb.add("KB1", "en", "Title", "Recieve it.\n")
    (finding,) = kb.lint("typo")
    assert finding.fix.safe and finding.fix.edits[0].replacement == "Receive"


def test_typo_in_chinese_article_and_never_in_code_or_urls(kb):
    found = kb.check("typo", "請使用 HTPS 連線。\n\n```\nrecieve\n```\n\n`recieve` and https://example.com/recieve\n", "zh-Hant")
    assert [m for _, _, m in found] == ["'HTPS' should be 'HTTPS'"]


def test_typo_accepted_words_and_real_words(kb):
    kb.config("source_locale: en\naccepted_words: [recieve]\n")
    assert kb.check("typo", "The gland can secrete fluid. We recieve it. A café in Ørsted.\n") == []
