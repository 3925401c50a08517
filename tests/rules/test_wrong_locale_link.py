"""wrong-locale-link: a link into another language's copy when the article's own exists."""


def test_relative_root_and_query_links_with_fixes(kb):
    kb.config("source_locale: en\nbase_urls: ['https://docs.example.com/{path}']\n")
    for locale in ("en", "zh-Hant"):
        kb.write(f"{locale}/help/x.md", "# X\n")
    kb.write(
        "zh-Hant/help/a.md",
        "# 甲\n\n[一](../../en/help/x.md#top) [二](/en/help/x) [三](https://docs.example.com/help/x.html?lang=en)\n",
    )
    kb.write("en/help/a.md", "# A\n")
    found = kb.lint("wrong-locale-link")
    assert [f.fix.edits[0].replacement for f in found] == [
        "x.md#top",
        "/zh-Hant/help/x",
        "https://docs.example.com/help/x.html?lang=zh-hant",
    ]
    assert all(f.fix.safe for f in found)
    assert found[0].message == "link to ../../en/help/x.md#top leads to the en version of help/x; this zh-Hant article has its own: x.md"


def test_no_own_version_or_a_link_to_the_original_is_fine(kb):
    kb.config("source_locale: en\n")
    kb.write("en/help/only-english.md", "# Only English\n")
    kb.write("en/help/a.md", "# A\n")
    kb.write("zh-Hant/help/a.md", "# 甲\n\n[英文原文](../../en/help/a.md)與[只有英文](../../en/help/only-english.md)\n")
    assert kb.lint("wrong-locale-link") == []
