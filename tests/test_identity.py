"""One identity resolver: an article's identity, locale and locale root."""

import pytest

from kblint.model.config import Config
from kblint.kb.identity import normalize_tag, resolve
from helpers import ROOT, DOCUSAURUS_DOCS_AT_ROOT


def identity(relpath: str, front: dict | None = None, **settings):
    config = Config(root=ROOT)
    for key, value in settings.items():
        setattr(config, key, value)
    return resolve(relpath, front or {}, config)


@pytest.mark.parametrize(
    "relpath, locale, tag, root, key",
    [
        ("en/help/how-to/x.md", "en", "en", "en", "help/how-to/x"),
        ("docs/en-US/help/x.md", "en", "en-US", "docs/en-US", "help/x"),
        ("zh-Hant/help/x.md", "zh-Hant", "zh-Hant", "zh-Hant", "help/x"),
        ("zh-TW/help/x.md", "zh-Hant", "zh-TW", "zh-TW", "help/x"),
        ("zh_tw/help/x.md", "zh-Hant", "zh-TW", "zh_tw", "help/x"),
        ("zh-hk/help/x.md", "zh-Hant", "zh-HK", "zh-hk", "help/x"),
        ("zh-CN/help/x.md", "zh-Hans", "zh-CN", "zh-CN", "help/x"),
        ("files/ja/web/x.md", "ja", "ja", "files/ja", "web/x"),
        ("files/pt-br/web/x.md", "pt-BR", "pt-BR", "files/pt-br", "web/x"),
        ("en/KB2481.md", "en", "en", "en", "KB2481"),
        # Locale folders in a version's folder: the version names the article too.
        ("docs/v2/zh-cn/guide/x.md", "zh-Hans", "zh-CN", "docs/v2/zh-cn", "v2/guide/x"),
        ("docs/latest/en/guide/x.md", "en", "en", "docs/latest/en", "latest/guide/x"),
        ("docs/1.x/en/x.md", "en", "en", "docs/1.x/en", "1.x/x"),
        ("docs/guide/en/x.md", "en", "en", "docs/guide/en", "x"),
        ("en/help/index.md", "en", "en", "en", "help/index"),
        ("en/help/x.mdx", "en", "en", "en", "help/x"),
        # The outermost locale folder is the locale root.
        ("en/help/zh-Hant/x.md", "en", "en", "en", "help/zh-Hant/x"),
    ],
)
def test_locale_from_the_path(relpath, locale, tag, root, key):
    found = identity(relpath)
    assert (found.locale, found.tag, found.root, found.key) == (locale, tag, root, key)
    assert found.locale_source == "folder"


def test_folders_named_like_common_words_are_not_locales_unless_configured():
    assert identity("it/help/x.md").locale == "en" and identity("it/help/x.md").key == "it/help/x"
    assert identity("id/x.md").locale == "en"
    assert identity("it-IT/help/x.md").locale == "it-IT"
    configured = identity("it/help/x.md", locales=["en", "it"])
    assert (configured.locale, configured.root, configured.key) == ("it", "it", "help/x")


def test_front_matter_then_suffix_when_no_folder_says():
    assert identity("help/x.md", {"lang": "zh-TW"}).locale == "zh-Hant"
    assert identity("help/x.md", {"locale": "zh_CN"}).locale == "zh-Hans"
    assert identity("help/x.md", {"language": "ja"}).locale == "ja"
    found = identity("help/x.zh-Hant.md")
    assert (found.locale, found.key, found.locale_source) == ("zh-Hant", "help/x", "suffix")
    assert identity("help/x.md").locale_source == "default"


def test_identity_from_front_matter_then_file_name_then_path():
    assert identity("en/help/x.md", {"id": "KB1234"}).key == "KB1234"
    assert identity("en/help/x.md", {"id": 42}).key == "42"
    assert identity("en/help/KB1234.md").key_source == "file name"
    assert identity("en/help/x.md").by_path


def test_configured_locale_roots_for_other_layouts():
    layout = {"en": ["docs"], "zh-Hans": ["i18n/zh-Hans/docusaurus-plugin-content-docs/current"]}
    source = identity("docs/guide/x.md", locale_roots=layout)
    translation = identity("i18n/zh-Hans/docusaurus-plugin-content-docs/current/guide/x.md", locale_roots=layout)
    assert (source.locale, source.key) == ("en", "guide/x")
    assert (translation.locale, translation.key) == ("zh-Hans", "guide/x")


def test_region_of_chinese_articles():
    assert identity("zh-TW/x.md").region == "TW"
    assert identity("zh-HK/x.md").region == "HK"
    assert identity("zh-Hant/x.md").region is None
    assert identity("en/x.md").region is None


def test_normalize_tag():
    assert normalize_tag("zh_hant_tw") == "zh-Hant-TW"
    assert normalize_tag("EN-us") == "en-US"
    assert normalize_tag("docs") is None and normalize_tag("xx") is None and normalize_tag("help") is None


def test_the_paths_alone_guess_which_articles_have_a_translation():
    from kblint.kb.identity import guess_pairs, may_state_a_locale, paired_by_path

    config = Config(root=ROOT)
    paths = ["en/help/a.md", "zh-Hant/help/a.md", "en/help/b.md", "zh-Hant/help/only-here.md", "zh-CN/help/a.md"]
    assert paired_by_path(paths, config) == {"en/help/a.md", "zh-Hant/help/a.md", "zh-CN/help/a.md"}
    # A translation whose source is missing is no pair; flat folders say nothing of locales.
    assert paired_by_path(["en/x.md", "zh-Hant/y.md"], config) == set()
    assert paired_by_path(["help/a.md", "help/b.md"], config) is None
    # ... but the one locale they name: only an article of another can have a translation.
    assert guess_pairs(["help/a.md", "help/b.md"], config) == (None, "en")
    assert guess_pairs(["zh-Hant/a.md", "zh-Hant/b.md"], config) == (None, "zh-Hant")
    assert guess_pairs(paths, config)[1] is None
    # Whether a file may give itself a locale, read of its first bytes.
    assert may_state_a_locale("help/a.md", b"---\nid: KB1\nlang: zh-Hant\n---\n")
    assert may_state_a_locale("help/a.md", b'+++\nlocale = "zh-TW"\n+++\n')
    assert may_state_a_locale("help/a.md", b"---\nhtml_url: https://x.zendesk.com/hc/zh-tw/articles/360012345678\n---\n")
    assert not may_state_a_locale("help/a.md", b"---\nid: KB1\ntitle: A language of its own\n---\n\nSet the lang attribute: lang=en.\n")
    assert may_state_a_locale("help/a.md", b"\xef\xbb\xbf\n```yaml\ntitle: A\nlanguage: zh-CN\n```\n")
    assert not may_state_a_locale("help/a.md", b"---\nid: KB1\n---\n\n```yaml\nurl: https://example.org\nlang: en\n```\n")
    assert not may_state_a_locale("help/a.md", b"# Title\n\nlang: en\n")
    assert not may_state_a_locale("help/a.md", b'---\nlink: "<link>"\nurl: https://example.org/docs/\n---\n')
    assert may_state_a_locale("export/360012345678.html", b"<h1>Title</h1>")  # its metadata may
    # Where a front matter key pairs translations whose files are named in their languages,
    # the paths say nothing: every article's facts are computed at once, not read twice.
    config.translation_keys = ["id", "permalink"]
    assert paired_by_path(paths, config) is None and guess_pairs(paths, config) == (None, None)


def test_a_folders_locale_is_found_again_when_the_settings_change():
    """The locale tree of each folder is remembered for a configuration as it is: a change of
    its locales, locale roots or layout finds it again (the language server edits them)."""
    config = Config(root=ROOT)
    assert resolve("it/help/x.md", {}, config).locale == "en"
    assert resolve("x.md", {}, config).key == "x" and resolve("zh-TW/x.md", {}, config).locale == "zh-Hant"
    config.locales = ["en", "it"]
    assert resolve("it/help/x.md", {}, config).locale == "it"
    config.locale_roots = {"zh-Hans": ["it/help"]}
    assert resolve("it/help/x.md", {}, config).locale == "zh-Hans"
    config.locale_roots["zh-Hans"].append("other")
    config.locale_roots["zh-Hans"].remove("it/help")
    assert resolve("it/help/x.md", {}, config).locale == "it"  # changed in place: found again


def test_on_a_docusaurus_site_a_front_matter_id_names_the_page_in_its_version(kb):
    """Docusaurus' id is the page's name in its folder and version: the path is the article."""
    kb.config("source_locale: en\n")
    kb.write("docusaurus.config.js", DOCUSAURUS_DOCS_AT_ROOT)
    kb.write("docs/install.md", "---\nid: install\n---\n# Install\n")
    kb.write("versioned_docs/version-2.x/install.md", "---\nid: install\n---\n# Install\n")
    kb.write("docs/faq.md", "---\nid: KB4407\n---\n# FAQ\n")
    kb.write("docs/faq2.md", "---\nid: KB4407\n---\n# FAQ\n")
    assert [(f.path, f.name) for f in kb.lint("duplicate-id")] == [("docs/faq2.md", "duplicate-id")]


def test_an_id_that_repeats_the_file_name_names_the_page_by_its_path():
    """Docusaurus pages write ``id: debug-mode`` in debug-mode.md; a translation may leave it
    out. Both are the page at that path. An id of the knowledge base's pattern stays the key."""
    assert identity("docs/en/latest/debug-mode.md", {"id": "debug-mode"}).key == identity("docs/zh/latest/debug-mode.md").key == "latest/debug-mode"
    assert identity("en/help/KB2481.md", {"id": "KB2481"}).key == "KB2481"
    assert identity("en/help/setup.md", {"id": "install-guide"}).key == "install-guide"
