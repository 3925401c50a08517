"""cjk-spacing: off by default; a space between Chinese and Latin text when selected."""

def test_cjk_spacing_is_off_by_default_and_fires_when_selected(kb):
    kb.add("KB1", "en", "T", "Use GPG.\n")
    kb.add("KB1", "zh-Hant", "T", "使用GPG加密，共 3 個步驟。\n")
    assert [f.name for f in kb.lint()] == []
    found = kb.lint("cjk-spacing")
    assert [(f.column, f.fix.edits[0].replacement) for f in found] == [(2, "用 G"), (5, "G 加")]
