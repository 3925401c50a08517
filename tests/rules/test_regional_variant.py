"""regional-variant: a region's preferred forms, where the locale names the region."""

from kblint.rules.regional_variant import find_variants


def test_taiwan_and_hong_kong_forms():
    text = "檔案在資料夾裏面，羣組着色，臺灣。"
    assert [(text[i], form) for i, form in find_variants(text, "TW")] == [("裏", "裡"), ("羣", "群"), ("着", "著")]
    assert [(text[i], form) for i, form in find_variants(text, "HK")] == [("臺", "台")]
    assert find_variants("檔案在資料夾裡面，群組著色。", "TW") == []


def test_the_region_comes_from_the_folder_or_the_front_matter(kb):
    kb.write("zh-TW/a.md", "# 甲\n\n在資料夾裏面。\n")
    kb.write("zh-Hant/b.md", "---\nlang: zh-TW\n---\n# 乙\n\n在資料夾裏面。\n")
    kb.write("zh-Hant/c.md", "# 丙\n\n在資料夾裏面。\n")  # no region: both forms are right
    found = [(f.path, f.line, f.column) for f in kb.lint("regional-variant")]
    assert found == [("zh-Hant/b.md", 6, 5), ("zh-TW/a.md", 3, 5)]
