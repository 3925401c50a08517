"""mojibake: U+FFFD and UTF-8 read as Windows-1252; genuine accents stay silent."""

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
