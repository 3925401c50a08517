"""wrong-locale-link: a link into another language's copy when the article's own exists."""


def test_relative_root_and_query_links_with_fixes(kb):
    kb.config("source_locale: en\nbase_urls: ['https://docs.example.com/{path}']\n")
    kb.write("en/help/x.md", "# X\n\n## Top\n")
    kb.write("zh-Hant/help/x.md", "# X\n\n## 頂端 {#top}\n")
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


def test_a_fix_that_keeps_an_anchor_the_own_version_lacks_is_unsafe(kb):
    """The translated page's headings make ids of their own: #install-the-agent, kept, may
    lead nowhere on it."""
    kb.config("source_locale: en\n")
    kb.write("en/help/x.md", "# X\n\n## Install the agent\n")
    kb.write("zh-Hant/help/x.md", "# X\n\n## 安裝代理程式\n")
    kb.write("en/help/a.md", "# A\n")
    kb.write("zh-Hant/help/a.md", "# 甲\n\n請參閱[安裝](../../en/help/x.md#install-the-agent)。\n")
    [found] = kb.lint("wrong-locale-link")
    assert found.fix.edits[0].replacement == "x.md#install-the-agent"
    assert not found.fix.safe
    assert "#install-the-agent may not be an anchor of the zh-Hant version" in found.fix.reason


def test_a_fix_of_a_link_whose_text_writes_its_address_is_unsafe(kb):
    """A page that shows how to link writes the address in the link's text too: changing the
    link alone would make the two disagree."""
    kb.config("source_locale: en\n")
    kb.write("en/help/x.md", "# X\n")
    kb.write("zh-Hant/help/x.md", "# X\n")
    kb.write("en/help/a.md", "# A\n")
    kb.write("zh-Hant/help/a.md", "# 甲\n\n- [寫法：/en/help/x](/en/help/x)\n- [另一種](/en/help/x)\n")
    found = kb.lint("wrong-locale-link")
    assert [(f.line, f.fix.safe, f.fix.reason) for f in found] == [
        (3, False, "the link's text writes the address too: change both, or neither"), (4, True, ""),
    ]  # fmt: skip


def test_no_own_version_or_a_link_to_the_original_is_fine(kb):
    kb.config("source_locale: en\n")
    kb.write("en/help/only-english.md", "# Only English\n")
    kb.write("en/help/a.md", "# A\n")
    kb.write("zh-Hant/help/a.md", "# 甲\n\n[英文原文](../../en/help/a.md)與[只有英文](../../en/help/only-english.md)\n")
    assert kb.lint("wrong-locale-link") == []


def _fixed(kb, rule: str, relpath: str, unsafe: bool = False) -> str:
    from helpers import registry
    from kblint.run.settings import load_config
    from kblint.run.fix import fix

    config = load_config(kb.root / "kblint.yaml", kb.root)
    fix([kb.root], config, registry().select([rule], []), unsafe=unsafe)
    return (kb.root / relpath).read_text("utf-8")


def _two_languages(kb, name: str = "install.md") -> None:
    kb.config("source_locale: en\n")
    kb.write(f"en/help/{name}", "# Installing\n")
    kb.write(f"zh-Hant/help/{name}", "# 安裝\n")
    kb.write("en/help/setup.md", "# Setup\n")


def test_a_reference_link_is_fixed_in_its_definition(kb):
    _two_languages(kb)
    kb.write("zh-Hant/help/install.md", "# 安裝\n\n## 頂端 {#top}\n")  # (the anchor the fix keeps)
    kb.write("zh-Hant/help/setup.md", "# 設定\n\n請參閱[安裝步驟][ref]，或[安裝]。\n\n[ref]: ../../en/help/install.md\n[安裝]: <../../en/help/install.md#top> \"標題\"\n")
    found = kb.lint("wrong-locale-link")
    assert [(f.line, f.column) for f in found] == [(3, 4), (3, 17)]  # reported at the links
    assert [(e.line, e.column, e.replacement) for f in found for e in f.fix.edits] == [(5, 8, "install.md"), (6, 8, "install.md#top")]
    assert _fixed(kb, "wrong-locale-link", "zh-Hant/help/setup.md") == (
        "# 設定\n\n請參閱[安裝步驟][ref]，或[安裝]。\n\n[ref]: install.md\n[安裝]: <install.md#top> \"標題\"\n"
    )


def test_a_shared_definition_in_a_quote_is_fixed_once(kb):
    _two_languages(kb)
    kb.write("zh-Hant/help/setup.md", "# 設定\n\n> 見[甲][r]與[乙][r]。\n>\n> [r]:\n>   ../../en/help/install.md\n")
    assert _fixed(kb, "wrong-locale-link", "zh-Hant/help/setup.md") == (
        "# 設定\n\n> 見[甲][r]與[乙][r]。\n>\n> [r]:\n>   install.md\n"
    )


def test_a_rewritten_destination_is_still_a_destination(kb):
    _two_languages(kb, "a b(1.md")
    kb.write("zh-Hant/help/setup.md", "# 設定\n\n見[甲](../../en/help/a%20b%281.md)與[乙](<../../en/help/a b(1.md>)。\n")
    assert _fixed(kb, "wrong-locale-link", "zh-Hant/help/setup.md") == (
        "# 設定\n\n見[甲](a%20b%281.md)與[乙](<a%20b%281.md>)。\n"
    )



def test_the_rest_of_a_url_stays_as_written(kb):
    _two_languages(kb, "x.md")
    kb.config("source_locale: en\nbase_urls: ['https://docs.example.com/{path}']\n")
    kb.write("zh-Hant/help/setup.md", "# 設定\n\n見[甲](https://docs.example.com/help/x.html?lang=en&q=a\\(b)。\n")
    assert _fixed(kb, "wrong-locale-link", "zh-Hant/help/setup.md") == (
        "# 設定\n\n見[甲](https://docs.example.com/help/x.html?lang=zh-hant&q=a\\(b)。\n"
    )


def test_a_link_to_another_languages_home_page_is_a_language_switch(kb):
    kb.config("source_locale: en\nlocales: [en, zh-Hant]\n")
    for lang in ("en", "zh-Hant"):
        kb.write(f"{lang}/index.md", f"---\ntitle: Home {lang}\n---\n\nWelcome.\n")
    kb.write("en/news.md", "---\ntitle: News\n---\n\nThe docs are now in [Traditional Chinese](/zh-Hant/).\n")
    assert kb.lint("wrong-locale-link") == []


def test_a_site_address_without_the_folder_of_a_nested_translation_is_the_sources_page(kb):
    """With the translations inside the source's tree (docs/zh-cn beside docs/start), the site
    serves them under /zh-cn/: from a translation, /start/b/ is the English page, whose own
    heading makes the anchor."""
    kb.config("source_locale: en\n")
    kb.write("docs/start/b.md", "# B\n\n## Running it\n")
    kb.write("docs/zh-cn/start/b.md", "# 乙\n\n## 運行\n")
    kb.write("docs/start/a.md", "# A\n")
    kb.write("docs/zh-cn/start/a.md", "# 甲\n\n見[乙](/start/b/#running-it)與[乙](/zh-cn/start/b/)。\n")
    assert kb.lint("broken-anchor") == []
    [found] = kb.lint("wrong-locale-link")
    assert found.message.startswith("link to /start/b/#running-it leads to the en version of start/b; this zh-Hans article has its own")


def test_links_to_both_languages_of_a_page_are_a_choice_of_language(kb):
    kb.config("source_locale: en\n")
    for locale in ("en", "zh-Hant"):
        kb.write(f"{locale}/help/setup.md", "# Setup\n")
    kb.write("en/help/index.md", "# Help\n\n- [English](setup.md)\n- [中文](../../zh-Hant/help/setup.md)\n\nLater, [the steps](../../zh-Hant/help/setup.md).\n")
    kb.write("en/help/other.md", "# Other\n\nSee [設定](../../zh-Hant/help/setup.md).\n")
    assert [(f.path, f.line) for f in kb.lint("wrong-locale-link")] == [("en/help/index.md", 6), ("en/help/other.md", 3)]


def test_a_hugo_sites_default_language_is_linked_without_its_key(kb):
    """A Hugo site serves its default language at the root (/docs/x) unless the configuration
    puts it in a folder of its own: the fix leaves the other language's key out; with
    defaultContentLanguageInSubdir it writes the default language's key."""
    kb.write(".git/HEAD", "ref: refs/heads/main\n")
    settings = '[languages.en]\ncontentDir = "content/en"\n[languages.zh]\ncontentDir = "content/zh"\n'
    kb.write("hugo.toml", 'defaultContentLanguage = "en"\n' + settings)
    kb.write("content/en/docs/setup.md", "# Setup\n\nInstall it.\n")
    kb.write("content/zh/docs/setup.md", "# 安装\n\n安装它。\n")
    kb.write("content/en/docs/start.md", "# Start\n\nSee [setup](/zh/docs/setup/).\n")
    kb.write("content/zh/docs/start.md", "# 开始\n\n见[安装](/zh/docs/setup/)。\n")
    [found] = kb.lint("wrong-locale-link")
    assert (found.fix.edits[0].replacement, found.fix.safe) == ("/docs/setup/", True)
    kb.write("content/en/docs/start.md", "# Start\n\nSee [setup](/docs/setup/).\n")
    assert kb.lint("wrong-locale-link", "broken-link") == []  # the fixed link reaches the page
    kb.write("content/en/docs/start.md", "# Start\n\nSee [setup](/zh/docs/setup/).\n")
    kb.write("hugo.toml", 'defaultContentLanguage = "en"\ndefaultContentLanguageInSubdir = true\n' + settings)
    [found] = kb.lint("wrong-locale-link")
    assert found.fix.edits[0].replacement == "/en/docs/setup/"


WRAPPED_BLOG_SITE = """module.exports = {
  url: 'https://vault.example.org',
  baseUrl: '/',
  i18n: {defaultLocale: 'en', locales: ['en', 'zh-TW']},
  presets: [['classic', {docs: {routeBasePath: 'docs'}, blog: false}]],
  plugins: [['./plugins/own-blog', {blogTitle: 'Vault blog', postsPerPage: 10}]],
};
"""
TW = "i18n/zh-TW/docusaurus-plugin-content"


def _wrapped_blog_site(kb, tw_text: str) -> None:
    kb.config("source_locale: en\n")
    kb.write("docusaurus.config.js", WRAPPED_BLOG_SITE)
    kb.write("docs/sync.md", "# Sync\n")
    kb.write(f"{TW}-docs/current/sync.md", "# 同步\n")
    kb.write("blog/launch/index.md", "# Launch\n")
    kb.write(f"{TW}-blog/launch/index.md", "# 發表\n")
    kb.write("blog/notes/index.md", "# Notes\n")
    kb.write(f"{TW}-blog/notes/index.md", tw_text)


def test_a_docusaurus_sites_root_relative_links_are_its_languages_own(kb):
    """Docusaurus puts a translation's locale before a root-relative address, also for a blog
    that a plugin of the site's own serves (its options are a blog's): /blog/launch from a
    Chinese page is the Chinese post. A full address without a locale is the English page:
    the fix puts the locale after the site's base, unsafe (the address is inferred)."""
    _wrapped_blog_site(kb, "# 筆記\n\n請看[發表](/blog/launch)與[同步](https://vault.example.org/docs/sync)。\n")
    [found] = kb.lint("wrong-locale-link")
    assert found.message.endswith("this zh-Hant article has its own: https://vault.example.org/zh-TW/docs/sync")
    assert found.fix.edits[0].replacement == "https://vault.example.org/zh-TW/docs/sync"
    assert not found.fix.safe and "Docusaurus" in found.fix.reason


def test_a_copy_of_the_source_not_yet_translated_keeps_its_sources_links(kb):
    """A page copied from its source and not yet translated (its paragraphs the source's, or
    an older English text in the Chinese tree): untranslated-text reports it as one; its links
    are the source's, as its text is. A page half translated is reported."""
    paragraphs = "".join(f"Paragraph {n} of the notes says something about syncing vaults.\n\n" for n in range(12))
    link = "See [sync](https://vault.example.org/docs/sync).\n"
    _wrapped_blog_site(kb, f"# Notes\n\n{paragraphs}{link}")
    kb.write("blog/notes/index.md", f"# Notes\n\n{paragraphs}{link}")
    assert kb.lint("wrong-locale-link") == []
    kb.write(f"{TW}-blog/notes/index.md", f"# Notes\n\nAn older opening paragraph.\n\n{link}")  # English, older
    assert kb.lint("wrong-locale-link") == []
    translated = "".join(f"筆記的第 {n} 段說明保險庫的同步。\n\n" for n in range(6))
    half = "".join(f"Paragraph {n} of the notes says something about syncing vaults.\n\n" for n in range(6, 12))
    kb.write(f"{TW}-blog/notes/index.md", f"# 筆記\n\n{translated}{half}{link}")  # half translated
    assert len(kb.lint("wrong-locale-link")) == 1


def test_a_docusaurus_site_in_a_folder_links_its_translations_own_pages(kb):
    """A site in home/ of its repository: /docs/sync from its Chinese page is the Chinese page
    (Docusaurus puts the locale before a root-relative address), and so is the site's full
    address with /zh-cn/ in it."""
    kb.config("source_locale: en\n")
    kb.write("home/docusaurus.config.js", WRAPPED_BLOG_SITE.replace("zh-TW", "zh-cn"))
    kb.write("home/docs/sync.md", "# Sync\n")
    kb.write("home/docs/setup.md", "# Setup\n")
    translated = "home/i18n/zh-cn/docusaurus-plugin-content-docs/current"
    kb.write(f"{translated}/sync.md", "# 同步\n")
    kb.write(f"{translated}/setup.md", "# 设置\n\n请看[同步](/docs/sync)与[同步](https://vault.example.org/zh-cn/docs/sync)。\n")
    assert kb.lint("wrong-locale-link", "broken-link") == []
