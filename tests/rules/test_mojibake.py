"""mojibake: U+FFFD and UTF-8 read as Windows-1252; genuine accents stay silent."""

import sys


def test_mojibake_and_replacement_character(kb):
    kb.add("KB1", "en", "T", "Members donâ€™t pay. Ã© here.\n")
    kb.add("KB1", "zh-Hant", "T", "這個功能屬\ufffd進階設定。\n")
    found = kb.lint("mojibake")
    assert [(f.path, f.line, f.column) for f in found] == [("en/KB1.md", 7, 9), ("en/KB1.md", 7, 22), ("zh-Hant/KB1.md", 7, 6)]
    assert found[0].fix.safe and found[0].fix.edits[0].replacement == "don’t"
    assert "lost" in found[2].message


def test_genuine_accents_are_not_mojibake(kb):
    kb.add("KB1", "en", "T", "A café owner, a naïve user, Ørsted’s résumé, São Paulo, Zürich.\n")
    assert kb.lint("mojibake") == []


def test_the_heuristic_loaded_alone_is_ftfys(monkeypatch):
    from ftfy.badness import is_bad

    from kblint.rules import mojibake

    mojibake._heuristic.cache_clear()
    monkeypatch.delitem(sys.modules, "ftfy.badness")  # as in a run that has not imported ftfy
    alone = mojibake._heuristic()
    mojibake._heuristic.cache_clear()
    assert alone is not is_bad and alone.__module__ == "kblint.rules._ftfy_badness"
    words = ["donâ€™t", "Ã©", "Ã", "cafÃ©", "â€œquotedâ€\x9d", "café", "naïve", "“quoted”", "Ørsted’s", "……", "——", "ação", "вЂ", "Ã¡", "×²", "œ."]
    assert [alone(word) for word in words] == [is_bad(word) for word in words]
    assert alone("donâ€™t") and not alone("“quoted”")


def test_the_heuristic_falls_back_to_ftfys_import(monkeypatch):
    import importlib.util

    from ftfy.badness import is_bad

    from kblint.rules import mojibake

    mojibake._heuristic.cache_clear()
    monkeypatch.delitem(sys.modules, "ftfy.badness")
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)  # no module to load alone
    try:
        fallback = mojibake._heuristic()
    finally:
        mojibake._heuristic.cache_clear()
    assert fallback.__module__ == "ftfy.badness"
    assert fallback("donâ€™t") == is_bad("donâ€™t") and not fallback("“quoted”")


def test_a_replacement_character_shown_on_purpose_is_not_reported(kb):
    kb.add("KB1", "en", "T", "The lossy mode puts the REPLACEMENT CHARACTER U+FFFD, which looks like \ufffd, in its place.\n")
    kb.add("KB1", "zh-Hant", "T", "寬鬆模式以替代字元（即 `\ufffd`）取代無效字元。\n\n另一段：這裡屬\ufffd遺失的字。\n")
    assert [(f.path, f.line) for f in kb.lint("mojibake")] == [("zh-Hant/KB1.md", 9)]
