"""Layouts recognized with no configuration, and names and locales that never end a run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kblint.app.cli import main
from kblint.run.settings import load_config
from kblint.kb.identity import resolve
from helpers import write_files as write

ENGLISH = "# Setup\n\nInstall the tool on the server before you start the service for the first time.\n"
TRADITIONAL = "# 設定\n\n第一次啟動服務之前，請先在伺服器上安裝工具。\n"
SIMPLIFIED = "# 设置\n\n第一次启动服务之前，请先在服务器上安装工具。\n"


def lint(cwd: Path, monkeypatch, capsys, *args: str) -> tuple[int, list[dict], str]:
    """Run kblint in ``cwd``: (exit code, findings, standard error)."""
    monkeypatch.chdir(cwd)
    code = main(["--no-cache", "--format", "json", *args])
    out, err = capsys.readouterr()
    findings = json.loads(out)["findings"] if out.strip() else []
    return code, findings, err


# A Docusaurus site in English with a Chinese translation, its docs where the preset puts them.
DOCUSAURUS_EN_ZH = "module.exports = {i18n: {defaultLocale: 'en', locales: ['en', 'zh']}, presets: [['classic', {docs: {}}]]};\n"


def identities(root: Path, *relpaths: str) -> list[tuple[str, str, str]]:
    """(key, locale, root) of each article, as a run from ``root`` with no configuration sees them."""
    config = load_config(None, root, False)
    return [(i.key, i.locale, i.root) for i in (resolve(r, {}, config) for r in relpaths)]


# -- names and locales that never end a run ---------------------------------------------------


def test_a_file_named_like_a_site_is_not_a_locale(tmp_path, monkeypatch, capsys):
    write(tmp_path, {"tools/trunk.io.md": ENGLISH, "lang.ia.md": ENGLISH, "en/trunk.md": ENGLISH, "en/trunk.io.md": ENGLISH})
    code, findings, err = lint(tmp_path, monkeypatch, capsys, ".")
    assert code == 0, (err, findings)
    assert identities(tmp_path, "lang.ia.md", "en/trunk.io.md") == [("lang.ia", "en", ""), ("trunk.io", "en", "en")]


def test_a_page_that_lists_tools_named_like_domains_is_no_translation(tmp_path, monkeypatch, capsys):
    """A cheat sheet for a name two tools share lists them, each on a page of its own: the
    suffixes are a domain and a file extension, not Ido and a translation of the list."""
    listing = "# trunk\n\n> Trunk can refer to more than one command.\n\n- Read about one:\n\n`tldr trunk.io`\n"
    write(tmp_path, {"pages/common/trunk.md": listing, "pages/common/trunk.io.md": ENGLISH, "pages/common/trunk.rs.md": ENGLISH})
    assert identities(tmp_path, "pages/common/trunk.io.md") == [("pages/common/trunk.io", "en", "")]
    code, findings, err = lint(tmp_path, monkeypatch, capsys, ".")
    assert (code, findings) == (0, []), err


def test_a_code_named_like_a_domain_is_a_locale_where_the_convention_shows(tmp_path):
    """Two pages with the same suffix, or another locale's suffix beside it, show that the
    knowledge base names languages by suffix."""
    latin = "# Index\n\nLorem ipsum dolor sit amet.\n"
    write(tmp_path, {"a/guide.md": ENGLISH, "a/guide.la.md": latin, "b/intro.md": ENGLISH, "b/intro.la.md": latin})
    assert identities(tmp_path, "a/guide.la.md") == [("a/guide", "la", "")]
    other = tmp_path / "other"
    write(other, {"guide.md": ENGLISH, "guide.io.md": ENGLISH, "guide.de.md": ENGLISH})
    assert identities(other, "guide.io.md", "guide.de.md") == [("guide", "io", ""), ("guide", "de", "")]


def test_a_suffix_names_a_locale_that_is_configured_or_has_a_folder(tmp_path):
    write(tmp_path, {"guide.fr.md": ENGLISH, "setup.zh-Hant.md": TRADITIONAL})
    assert identities(tmp_path, "guide.fr.md", "setup.zh-Hant.md") == [("guide.fr", "en", ""), ("setup", "zh-Hant", "")]
    write(tmp_path, {"fr/other.md": ENGLISH})
    assert identities(tmp_path, "guide.fr.md") == [("guide", "fr", "")]


def test_a_suffix_beside_the_file_without_it_names_a_locale(tmp_path, monkeypatch, capsys):
    """guide.de.md beside guide.md is the guide in German, configured or not; trunk.io.md with no
    trunk.md beside it is still a site's name."""
    german = "# Einrichtung\n\nInstalliere das Werkzeug oder lies alle Hinweise, bevor du es startest.\n"
    write(tmp_path, {"docs/guide.md": ENGLISH, "docs/guide.de.md": german, "docs/trunk.io.md": ENGLISH})
    assert identities(tmp_path, "docs/guide.de.md", "docs/trunk.io.md") == [("docs/guide", "de", ""), ("docs/trunk.io", "en", "")]
    code, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "typo", ".")
    assert (code, findings) == (0, [])  # German words are not English typos ("oder", "alle")


_NAMES = st.tuples(
    st.text(st.characters(blacklist_characters="/\\\0.", blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12),
    st.lists(st.sampled_from(["io", "ia", "zh-Hant", "zh_TW", "nb", "fil", "x-custom", "md", "en", "1", "mi", "v2"]), max_size=2),
).map(lambda parts: ".".join([parts[0], *parts[1]]))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=_NAMES)
def test_no_file_name_changes_the_exit_code_of_a_clean_knowledge_base(tmp_path_factory, monkeypatch, capsys, name):
    root = tmp_path_factory.mktemp("kb")
    try:
        write(root, {f"en/{name}.md": ENGLISH, f"zh-Hant/{name}.md": TRADITIONAL})
    except OSError:
        return  # a name this file system does not take
    code, findings, err = lint(root, monkeypatch, capsys, ".")
    assert code == 0, (name, err, [(f["path"], f["name"], f["message"]) for f in findings])


# -- layouts ------------------------------------------------------------------------------------


def test_default_language_at_the_root_of_the_folder_that_holds_the_locale_folders(tmp_path, monkeypatch, capsys):
    """Hexo: source/docs beside source/zh-cn/docs and source/zh-tw/docs, in a git work tree."""
    site = tmp_path / "site"
    (site / ".git").mkdir(parents=True)
    write(site, {"source/docs/setup.md": ENGLISH, "source/zh-cn/docs/setup.md": SIMPLIFIED, "source/zh-tw/docs/setup.md": TRADITIONAL})
    assert identities(site, "source/docs/setup.md", "source/zh-cn/docs/setup.md", "source/zh-tw/docs/setup.md") == [
        ("docs/setup", "en", "source"), ("docs/setup", "zh-Hans", "source/zh-cn"), ("docs/setup", "zh-Hant", "source/zh-tw"),
    ]  # fmt: skip
    code, findings, err = lint(site, monkeypatch, capsys, ".")
    assert code == 0, (err, findings)
    # The same from another git work tree, naming the site's folder.
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / ".git").mkdir(parents=True)
    code, findings, err = lint(elsewhere, monkeypatch, capsys, str(site))
    assert code == 0, (err, findings)


def test_a_source_without_its_translation_still_reports_the_translation(tmp_path, monkeypatch, capsys):
    site = tmp_path / "site"
    (site / ".git").mkdir(parents=True)
    write(site, {"source/docs/setup.md": ENGLISH, "source/zh-cn/docs/gone.md": SIMPLIFIED})
    code, findings, _ = lint(site, monkeypatch, capsys, "--select", "missing-translation", ".")
    assert [(f["path"], f["name"]) for f in findings] == [("source/zh-cn/docs/gone.md", "missing-translation")]


def test_a_folder_beside_its_copy_named_for_a_locale_is_the_other_language(tmp_path):
    """Sphinx's docs/source (the project's Chinese) beside docs/source_en; docs_zh-TW beside an
    English docs/; a name's last word that looks like a code (lora-ga) names no locale."""
    write(tmp_path, {
        "docs/source/guide/setup.md": SIMPLIFIED, "docs/source_en/guide/setup.md": ENGLISH,
        "book/setup.md": ENGLISH, "book_zh-TW/setup.md": TRADITIONAL,
        "tuners/lora/setup.md": ENGLISH, "tuners/lora-ga/setup.md": ENGLISH,
    })  # fmt: skip
    assert identities(tmp_path, "docs/source/guide/setup.md", "docs/source_en/guide/setup.md", "book_zh-TW/setup.md", "tuners/lora-ga/setup.md") == [
        ("guide/setup", "zh-Hans", "docs/source"), ("guide/setup", "en", "docs/source_en"), ("setup", "zh-Hant", "book_zh-TW"),
        ("tuners/lora-ga/setup", "en", ""),
    ]  # fmt: skip


def test_a_code_that_is_a_common_name_is_a_locale_beside_sure_ones_named_alike(tmp_path):
    """pages.it and pages.id beside pages.de and pages.fr: Italian and Indonesian, as tldr names
    its translations; alone beside pages, lib.it is a folder of that name."""
    write(tmp_path, {
        "pages/common/ls.md": ENGLISH, "pages.de/common/ls.md": ENGLISH, "pages.fr/common/ls.md": ENGLISH,
        "pages.it/common/ls.md": ENGLISH, "pages.id/common/ls.md": ENGLISH,
        "lib/x.md": ENGLISH, "lib.it/x.md": ENGLISH,
    })  # fmt: skip
    assert [(locale, root) for _, locale, root in identities(tmp_path, "pages.it/common/ls.md", "pages.id/common/ls.md", "lib.it/x.md")] == [
        ("it", "pages.it"), ("id", "pages.id"), ("en", ""),
    ]  # fmt: skip


def test_vuepress_docs_with_a_zh_folder(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path, {"docs/guide/setup.md": ENGLISH, "docs/zh/guide/setup.md": SIMPLIFIED})
    assert identities(tmp_path, "docs/guide/setup.md", "docs/zh/guide/setup.md") == [
        ("guide/setup", "en", "docs"), ("guide/setup", "zh-Hans", "docs/zh"),
    ]  # fmt: skip


def test_an_address_from_a_translation_beside_a_source_at_the_root_is_the_sources_page(tmp_path, monkeypatch, capsys):
    """VuePress with its default language at the root: de/ and zh-CN/ beside guide/. The site
    serves the translations under /de/ and /zh-CN/, so /guide/… is the English page: from the
    German page, a link to its English original is no link to itself, and a link to another
    page that has a German version leads to the wrong language."""
    german = "# Einrichtung\n\nZur [Urfassung (EN)](/guide/setup.md), die neuer ist. Dann zum [Anfang](/guide/start.md).\n"
    write(tmp_path, {
        "guide/setup.md": ENGLISH, "guide/start.md": ENGLISH, "de/guide/setup.md": german, "de/guide/start.md": german,
        "zh-CN/guide/setup.md": SIMPLIFIED,
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "self-reference,wrong-locale-link,broken-link")
    found = sorted({(f["path"], f["name"], f["column"]) for f in findings})
    # (Each page links its own English original, at column 22, and the other page, at 73.)
    assert found == [("de/guide/setup.md", "wrong-locale-link", 73), ("de/guide/start.md", "wrong-locale-link", 22)], err


def test_a_code_that_is_a_common_folder_name_is_a_locale_beside_other_locales(tmp_path):
    italian = "# Configurazione\n\nInstalla lo strumento sul server prima di avviare il servizio.\n"
    write(tmp_path, {"content/en/setup.md": ENGLISH, "content/zh-tw/setup.md": TRADITIONAL, "content/it/setup.md": italian})
    assert identities(tmp_path, "content/it/setup.md") == [("setup", "it", "content/it")]


def test_such_a_folder_beside_two_translations_of_a_source_at_the_top_is_a_locale(tmp_path):
    italian = "# Configurazione\n\nInstalla lo strumento sul server prima di avviare il servizio.\n"
    write(tmp_path, {"docs/setup.md": ENGLISH, "docs/zh-tw/setup.md": TRADITIONAL, "docs/fr/setup.md": ENGLISH, "docs/it/setup.md": italian})
    assert identities(tmp_path, "docs/it/setup.md") == [("setup", "it", "docs/it")]


def test_a_link_through_such_a_locale_folder_is_that_locales_page(tmp_path, monkeypatch, capsys):
    italian = "# Configurazione\n\nVedi [il contenitore](/it/container/) e [la guida](/it/guida/).\n"
    write(tmp_path, {
        "content/en/setup.md": ENGLISH, "content/en/container.md": ENGLISH, "content/zh-tw/setup.md": TRADITIONAL,
        "content/it/setup.md": italian,
    })  # fmt: skip
    _, findings, _ = lint(tmp_path, monkeypatch, capsys, "--select", "broken-link")
    # /it/container/: the English page, served where the translation has none; /it/guida/: nothing.
    assert [(f["path"], f["message"]) for f in findings] == [
        ("content/it/setup.md", "link to /it/guida/: no such file or article in the knowledge base")
    ]


def test_a_code_that_is_a_common_folder_name_beside_english_alone_is_a_folder(tmp_path):
    write(tmp_path, {"docs/en/setup.md": ENGLISH, "docs/it/setup.md": ENGLISH, "docs/id/setup.md": ENGLISH})
    assert identities(tmp_path, "docs/it/setup.md", "docs/id/setup.md") == [("docs/it/setup", "en", ""), ("docs/id/setup", "en", "")]


def test_a_country_code_written_for_a_language_is_that_language_beside_other_locales(tmp_path):
    """jp/ beside en/ and zh/ is Japanese, tw/ Chinese as written in Taiwan; ua/ beside one
    locale's folder alone is a folder (a user agent's pages, say)."""
    japanese = "# セットアップ\n\nサービスを初めて起動する前に、サーバーにツールをインストールしてください。\n"
    write(tmp_path, {
        "docs/en/setup.md": ENGLISH, "docs/zh/setup.md": SIMPLIFIED, "docs/jp/setup.md": japanese, "docs/tw/setup.md": TRADITIONAL,
        "agents/en/setup.md": ENGLISH, "agents/ua/setup.md": ENGLISH,
    })  # fmt: skip
    assert identities(tmp_path, "docs/jp/setup.md", "docs/tw/setup.md", "agents/ua/setup.md") == [
        ("setup", "ja", "docs/jp"), ("setup", "zh-Hant", "docs/tw"), ("agents/ua/setup", "en", ""),
    ]  # fmt: skip


VITEPRESS_CONFIG = """import { defineConfig } from 'vitepress'

export default defineConfig({
  srcDir: 'docs',
  locales: {
    en: { label: 'English', lang: 'en', themeConfig: { nav: [{ text: 'Guide', link: '/en/guide' }] } },
    root: { label: '简体中文', lang: 'zh-CN' },
  },
})
"""


def test_a_vitepress_site_that_says_its_root_pages_are_chinese_has_them_for_source(tmp_path, monkeypatch, capsys):
    """The pages beside en/ and ru/ are the site's root locale's, in the language its
    configuration gives (``locales.root.lang``): they are the source, en/ and ru/ translate them."""
    (tmp_path / ".git").mkdir()
    russian = "# Настройка\n\nУстановите инструмент на сервер перед первым запуском службы (см. /en/setup).\n"
    write(tmp_path, {
        ".vitepress/config.mts": VITEPRESS_CONFIG, "docs/setup.md": SIMPLIFIED, "docs/start.md": SIMPLIFIED,
        "docs/en/setup.md": ENGLISH, "docs/ru/setup.md": russian,
    })  # fmt: skip
    assert identities(tmp_path, "docs/setup.md", "docs/en/setup.md", "docs/ru/setup.md") == [
        ("setup", "zh-Hans", "docs"), ("setup", "en", "docs/en"), ("setup", "ru", "docs/ru"),
    ]  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "missing-translation,untranslated-text")
    assert findings == [], err
    # Said in the configuration, the source stays the configuration's.
    write(tmp_path, {"kblint.yaml": "source_locale: en\n"})
    assert identities(tmp_path, "docs/setup.md", "docs/en/setup.md") == [("docs/setup", "en", ""), ("setup", "en", "docs/en")]


def test_the_repository_readme_beside_a_vuepress_site_is_no_version_of_its_home_page(tmp_path, monkeypatch, capsys):
    (tmp_path / ".git").mkdir()
    write(tmp_path, {
        "README.md": "# The project\n\nBuild the site: see https://example.com/build and run `pnpm build`.\n",
        "docs/.vuepress/config.ts": "export default defineUserConfig({ locales: { '/en/': { lang: 'en-US' }, '/zh/': { lang: 'zh-CN' } } })\n",
        "docs/en/README.md": "# Welcome\n\nStart with the guide.\n",
        "docs/zh/README.md": "# 欢迎\n\n从指南开始。\n",
    })  # fmt: skip
    assert identities(tmp_path, "README.md", "docs/en/README.md", "docs/zh/README.md") == [
        ("./README", "en", ""), ("README", "en", "docs/en"), ("README", "zh-Hans", "docs/zh"),
    ]  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "translation-drift,duplicate-id,missing-translation")
    assert findings == [], err


def test_the_repository_readme_beside_a_gitbooks_language_folders_is_no_book_page(tmp_path, monkeypatch, capsys):
    """A GitBook with one book per language (LANGS.md): en/README.md is the English book's first
    page, which de/README.md translates; the README beside the folders is the repository's."""
    (tmp_path / ".git").mkdir()
    write(tmp_path, {
        "LANGS.md": "* [English](en/)\n* [Deutsch](de/)\n",
        "README.md": "# The tutorial's sources\n\nVersion 0.1; build it with `honkit build`.\n",
        "en/README.md": "# Welcome\n\nStart with the first chapter.\n",
        "de/README.md": "# Willkommen\n\nBeginne mit dem ersten Kapitel.\n",
    })  # fmt: skip
    assert identities(tmp_path, "README.md", "en/README.md", "de/README.md") == [
        ("./README", "en", ""), ("README", "en", "en"), ("README", "de", "de"),
    ]  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "translation-drift,duplicate-id")
    assert findings == [], err


def test_a_vuepress_sites_pages_have_its_ids_whatever_the_rest_of_the_repository_links(tmp_path, monkeypatch, capsys):
    """An old tree beside a VuePress site links its headings GitHub's way (``#routerpush``)
    more often than the site links its own: the site's pages still make their ids as VuePress
    does (``### router.push`` is ``#router-push``), and a link to one of them is read so."""
    api = "# API\n\n### router.push\n\nGo there.\n\n### router.replace\n\nGo there instead.\n"
    write(tmp_path, {
        "docs/.vuepress/config.js": "module.exports = { title: 'Router' }\n",
        "docs/api.md": api,
        "docs/guide.md": "# Guide\n\nSee [push](./api.md#router-push), not [this](./api.md#routerpush).\n",
        "legacy/api.md": api,
        "legacy/guide.md": "# Guide\n\nSee [push](./api.md#routerpush) and [replace](./api.md#routerreplace).\n",
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "broken-anchor")
    assert [(f["path"], f["column"]) for f in findings] == [("docs/guide.md", 46)], err
    assert "did you mean #router-push?" in findings[0]["message"]


def test_a_vuepress_site_names_its_root_locale_by_its_path(tmp_path):
    from kblint.kb.site import vue_site

    config = """export default defineUserConfig({
  locales: {
    "/zh/": { lang: "zh-CN", title: "工具箱" },
    '/': { lang: 'ja-JP', title: "ツール", head: [{ lang: 'en' }] },
  },
});
"""
    write(tmp_path, {"docs/.vuepress/config.ts": config, "other/.vuepress/config.js": "export default { locales: { '/zh/': { lang: 'zh' } } }\n"})
    assert vue_site(tmp_path, "docs") == ("docs", "ja-JP")
    assert vue_site(tmp_path, "other") == ("other", None)  # no root locale
    assert vue_site(tmp_path, "") is None  # no configuration


def test_an_english_folder_beside_the_locale_folders_keeps_its_own_root(tmp_path):
    write(tmp_path, {"site/en/setup.md": ENGLISH, "site/zh-tw/setup.md": TRADITIONAL, "site/notes.md": ENGLISH})
    assert identities(tmp_path, "site/en/setup.md", "site/zh-tw/setup.md", "site/notes.md") == [
        ("setup", "en", "site/en"), ("setup", "zh-Hant", "site/zh-tw"), ("site/notes", "en", ""),
    ]  # fmt: skip


def test_docusaurus_i18n_mirrors_docs_and_blog(tmp_path, monkeypatch, capsys):
    docs = "i18n/zh-Hans/docusaurus-plugin-content-docs"
    write(
        tmp_path,
        {
            "website/docs/setup.md": ENGLISH,
            "website/blog/2024-05-01-setup.md": ENGLISH,
            "website/versioned_docs/version-1.0/setup.md": ENGLISH,
            f"website/{docs}/current/setup.md": SIMPLIFIED,
            f"website/{docs}/version-1.0/setup.md": SIMPLIFIED,
            "website/i18n/zh-Hans/docusaurus-plugin-content-blog/2024-05-01-setup.md": SIMPLIFIED,
        },
    )
    found = identities(
        tmp_path,
        "website/docs/setup.md",
        f"website/{docs}/current/setup.md",
        "website/blog/2024-05-01-setup.md",
        "website/i18n/zh-Hans/docusaurus-plugin-content-blog/2024-05-01-setup.md",
        f"website/{docs}/version-1.0/setup.md",
    )
    assert [(key, locale) for key, locale, _ in found] == [
        ("docs/setup", "en"), ("docs/setup", "zh-Hans"), ("blog/2024-05-01-setup", "en"),
        ("blog/2024-05-01-setup", "zh-Hans"), ("versioned_docs/version-1.0/setup", "zh-Hans"),
    ]  # fmt: skip
    code, findings, err = lint(tmp_path, monkeypatch, capsys, ".")
    assert code == 0, (err, findings)


def test_sibling_folders_named_after_a_locale(tmp_path, monkeypatch, capsys):
    """pages, pages.zh and pages.zh_TW: a bare zh is Simplified."""
    write(tmp_path, {"pages/common/tar.md": ENGLISH, "pages.zh/common/tar.md": SIMPLIFIED, "pages.zh_TW/common/tar.md": TRADITIONAL})
    assert identities(tmp_path, "pages/common/tar.md", "pages.zh/common/tar.md", "pages.zh_TW/common/tar.md") == [
        ("common/tar", "en", "pages"), ("common/tar", "zh-Hans", "pages.zh"), ("common/tar", "zh-Hant", "pages.zh_TW"),
    ]  # fmt: skip
    code, findings, err = lint(tmp_path, monkeypatch, capsys, ".")
    assert code == 0, (err, findings)
    # Chinese pages are checked as Chinese: a half-width comma between Chinese words is reported.
    write(tmp_path, {"pages.zh_TW/common/tar.md": TRADITIONAL.replace("，", ",")})
    code, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "cjk-punctuation", ".")
    assert [f["path"] for f in findings] == ["pages.zh_TW/common/tar.md"]


def test_a_configured_zh_is_not_taken_for_simplified(tmp_path):
    write(tmp_path, {"kblint.yaml": "locales: [en, zh-Hant]\nlocale_aliases: {zh: zh-Hant}\n", "pages.zh/common/tar.md": TRADITIONAL, "pages/common/tar.md": ENGLISH})
    config = load_config(tmp_path / "kblint.yaml", tmp_path, False)
    assert resolve("pages.zh/common/tar.md", {}, config).locale == "zh-Hant"


def test_a_hint_names_the_locale_roots_line_that_would_pair_locale_folders(tmp_path, monkeypatch, capsys):
    write(tmp_path, {"content/guide/setup.md": ENGLISH, "zh-Hant/guide/setup.md": TRADITIONAL})
    _, _, err = lint(tmp_path, monkeypatch, capsys, ".")
    assert err.count("locale_roots") == 1
    assert "locale_roots: {en: content}" in err
    write(tmp_path, {"kblint.yaml": "locale_roots: {en: content}\n"})
    code, findings, err = lint(tmp_path, monkeypatch, capsys, ".")
    assert "locale_roots" not in err
    assert code == 0, (err, findings)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=_NAMES)
def test_no_file_name_outside_a_locale_folder_ends_a_run(tmp_path_factory, monkeypatch, capsys, name):
    """Whatever its suffix says, a file beside the locale folders is linted, never an error."""
    root = tmp_path_factory.mktemp("kb")
    try:
        write(root, {"en/setup.md": ENGLISH, "zh-Hant/setup.md": TRADITIONAL, f"{name}.md": ENGLISH})
    except OSError:
        return
    code, _, err = lint(root, monkeypatch, capsys, ".")
    assert code in (0, 1), (name, err)


def test_a_site_linted_from_another_work_tree_keeps_its_relative_paths(tmp_path, monkeypatch, capsys):
    """Its relative links are checked (they were not while its paths were absolute); an
    e-mail autolink is not a path."""
    site = tmp_path / "site"
    (site / ".git").mkdir(parents=True)
    write(site, {"en/setup.md": ENGLISH + "\nWrite to <ops+robot@example.com> or read [the notes](notes.md).\n"})
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / ".git").mkdir(parents=True)
    code, findings, _ = lint(elsewhere, monkeypatch, capsys, "--select", "broken-link", str(site))
    assert [(f["line"], f["message"]) for f in findings] == [(5, "link to notes.md: no such file or article in the knowledge base")]


def test_translated_placeholders_of_paired_cheat_sheets_are_no_drift(tmp_path, monkeypatch, capsys):
    """pages.zh translates the words of `{{placeholders}}`; an option that changed is drift."""
    english = "# tar\n\n- Extract an archive:\n\n`tar xf {{path/to/source.tar}}`\n\n- List its files:\n\n`tar tvf {{path/to/source.tar}}`\n"
    chinese = "# tar\n\n- 解压缩归档文件：\n\n`tar xf {{路径/到/源.tar}}`\n\n- 列出其中的文件：\n\n`tar -t {{路径/到/源.tar}}`\n"
    write(tmp_path, {"pages/common/tar.md": english, "pages.zh/common/tar.md": chinese})
    _, findings, _ = lint(tmp_path, monkeypatch, capsys, "--select", "translation-drift", ".")
    assert sorted((f["line"], f["message"]) for f in findings) == [
        (9, "the code `tar tvf {{path/to/source.tar}}` of the source (en common/tar, line 9) is missing here"),
    ]


def test_a_sibling_named_with_a_common_extension_is_no_locale_tree(tmp_path):
    write(tmp_path, {"src/notes.md": ENGLISH, "src.ts/notes.md": ENGLISH, "pages/a.md": ENGLISH, "pages.ja/a.md": ENGLISH})
    assert identities(tmp_path, "src.ts/notes.md", "pages.ja/a.md") == [("src.ts/notes", "en", ""), ("a", "ja", "pages.ja")]


def test_a_path_through_a_site_builders_alias_is_not_checked(tmp_path, monkeypatch, capsys):
    write(tmp_path, {"en/setup.md": ENGLISH + '\n<style src="@theme/styles/extra.css"></style>\n\n![logo](@site/static/logo.png)\n'})
    code, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "broken-link", ".")
    assert code == 0, (err, findings)


def test_translations_a_docusaurus_site_does_not_build_are_not_checked(kb, monkeypatch, capsys):
    """i18n.locales lists what the site builds; a translation platform writes the other
    folders, which no reader sees (unless kblint.yaml's locales asks for them)."""
    kb.write("docusaurus.config.js", "module.exports = {i18n: {defaultLocale: 'en', locales: ['en', 'zh-TW']}};\n")
    kb.write("docs/a.md", "# Alpha\n\nSee the the guide.\n")
    kb.write("i18n/zh-TW/docusaurus-plugin-content-docs/current/a.md", "# 甲\n\n請看 Go to to 指南。\n")
    kb.write("i18n/nl/docusaurus-plugin-content-docs/current/a.md", "# Alfa\n\nZie de de gids.\n")
    assert sorted(f.path.split("/")[1] for f in kb.lint("repeated-word")) == ["a.md", "zh-TW"]
    _, _, err = lint(kb.root, monkeypatch, capsys, "--select", "repeated-word")
    assert "not checked: 1 translation the site does not build (nl: not in its i18n.locales)" in err
    kb.config("locales: [en, zh-Hant, nl]\n")
    assert sorted(f.path.split("/")[1] for f in kb.lint("repeated-word")) == ["a.md", "nl", "zh-TW"]


def test_a_readme_named_for_another_language_is_the_readmes_translation(tmp_path):
    write(tmp_path, {"README.md": "# Tool\n", "README-zh_CN.md": "# 工具\n", "README_zh-TW.md": "# 工具\n", "README-draft.md": "# Draft\n"})
    assert identities(tmp_path, "README-zh_CN.md", "README_zh-TW.md", "README-draft.md") == [
        ("README", "zh-Hans", ""), ("README", "zh-Hant", ""), ("README-draft", "en", ""),
    ]  # fmt: skip


def test_a_page_named_as_a_readme_in_another_language_is_its_pages_translation(tmp_path, monkeypatch, capsys):
    """A repository that names its README's translation README-zh_CN names its guides' so too
    (guide/setup-v1.2-zh_CN.md beside guide/setup-v1.2.md): the same page, and a link to it
    from the translated README is the source's link to setup-v1.2.md, and start-zh_cn.md
    beside start.md. A name that only ends in a language's code is not one (data_zh), nor one
    in the source's language (en_US)."""
    write(tmp_path, {
        "README.md": "# Tool\n\nSee [the setup guide](guide/setup-v1.2.md) before you start the server.\n",
        "README-zh_CN.md": "# 工具\n\n开始之前，请参阅[安装指南](guide/setup-v1.2-zh_CN.md)。\n",
        "guide/setup-v1.2.md": "# Setup\n\nInstall the tool on the server before you start the service.\n",
        "guide/setup-v1.2-zh_CN.md": "# 安装\n\n启动服务之前，请先在服务器上安装工具。\n",
    })  # fmt: skip
    # (In lower case too, its parts joined by "_": start-zh_cn; not a name's last two words.)
    assert identities(tmp_path, "guide/setup-v1.2-zh_CN.md", "guide/data_zh.md", "guide/notes-en_US.md", "guide/start-zh_cn.md", "guide/db_us.md") == [
        ("guide/setup-v1.2", "zh-Hans", ""), ("guide/data_zh", "en", ""), ("guide/notes-en_US", "en", ""), ("guide/start", "zh-Hans", ""), ("guide/db_us", "en", ""),
    ]  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "translation-drift,missing-translation")
    assert findings == [], err


def test_a_readme_in_any_language_beside_the_readme_is_its_translation(tmp_path, monkeypatch, capsys):
    """README-ro.md beside README.md is the README in Romanian, not an English page: its words
    are not English misspellings, and its anchors are read on GitHub, in any case."""
    write(tmp_path, {
        "README.md": "# Tool\n\n- [Basics](#basics)\n\n## Basics\n\nRun the tool on the server.\n",
        "README-ro.md": "# Unealta\n\n- [Elemente de baza](#Elemente-de-baza)\n\n## Elemente de baza\n\nRulati unealta pe sistem in mod interactiv.\n",
        "README-draft.md": "# Draft\n\nThe draft of a sistem.\n",
    })  # fmt: skip
    assert identities(tmp_path, "README-ro.md", "README-draft.md") == [("README", "ro", ""), ("README-draft", "en", "")]
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "typo,broken-anchor")
    assert [(f["path"], f["name"], f["line"], f["column"]) for f in findings] == [("README-draft.md", "typo", 3, 16)], err


def test_every_language_named_by_suffix_with_none_unnamed_is_paired(tmp_path, monkeypatch, capsys):
    """Nextra names each language's page, the source's too (``about.en.mdx`` beside
    ``about.de.mdx``, with no ``about.mdx``): a suffix beside a configured locale's names a
    language. One alone, beside no locale's, is a name (``trunk.io.md``)."""
    write(tmp_path, {
        "pages/about.en.mdx": "# About\n\nThe guide explains how to write prompts for the assistant.\n",
        "pages/about.de.mdx": "# Über\n\nDer Leitfaden erklärt, wie man Anweisungen für den Assistenten schreibt.\n",
        "pages/about.zh.mdx": "# 关于\n\n本指南说明如何为助手编写提示。\n",
        "pages/trunk.io.md": "# Trunk\n\nA tool.\n",
    })  # fmt: skip
    assert identities(tmp_path, "pages/about.en.mdx", "pages/about.de.mdx", "pages/about.zh.mdx", "pages/trunk.io.md") == [
        ("pages/about", "en", ""), ("pages/about", "de", ""), ("pages/about", "zh-Hans", ""), ("pages/trunk.io", "en", ""),
    ]  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "typo,missing-translation")
    assert findings == [], err  # the German words are no English misspellings


def test_a_jekyll_site_serves_posts_by_date_and_no_underscored_partials(tmp_path, monkeypatch, capsys):
    """Jekyll serves a post of en/news/_posts/2018-03-28-fix.md at /en/news/2018/03/28/fix/
    (categories, then the date), and publishes nothing under _includes/."""
    post = "---\ntitle: A fix\n---\n\nSee [the follow-up](/en/news/2018/03/29/follow-up/) and [the other](/en/news/2018/03/30/gone.html).\n"
    write(tmp_path, {
        "_config.yml": "permalink: pretty\n",
        "en/news/_posts/2018-03-28-fix.md": post,
        "en/news/_posts/2018-03-29-follow-up.md": "---\ntitle: Follow-up\n---\n\nMore.\n",
        "_includes/notice.md": "This page is kept by volunteers.\n",
        "en/examples/sample.md": "---\nlayout: null\n---\n\n    vault export --all\n",
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "broken-link,front-matter")
    assert [(f["path"], f["name"], f["column"]) for f in findings] == [("en/news/_posts/2018-03-28-fix.md", "broken-link", 69)], err


def test_an_astro_project_publishes_its_collections_and_no_underscored_partials(tmp_path, monkeypatch, capsys):
    """Starlight's pages are in src/content/docs; a file named with a leading "_" is a
    fragment another page imports, and the repository's README is no page of the site: neither
    asks for a title. A page of the collection still does."""
    write(tmp_path, {
        "astro.config.mjs": "export default {};\n",
        "README.md": "Clone the repository, then run the site locally.\n",
        "src/content/docs/_fragments/notice.mdx": "Kept by volunteers.\n",
        "src/content/docs/setup.mdx": "Turn the vault on in the settings.\n",
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "front-matter")
    assert [(f["path"], f["line"]) for f in findings] == [("src/content/docs/setup.mdx", 1)], err


STARLIGHT_CONFIG = """\
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import languages from './src/i18n/languages';

export default defineConfig({ integrations: [starlight({ title: 'Vault', locales: languages })] });
"""


def test_a_starlight_sites_root_locale_is_the_source_and_its_readme_keeps_its_language(tmp_path, monkeypatch, capsys):
    """Starlight's root locale, given by a module the configuration imports, is Chinese: the
    English pages are the translations compared with it (a step the English page lacks is
    its drift). The repository's README, written in English, pairs with README.zh-CN.md as
    its English version, not as a second Chinese one linking to itself. A link to
    ``start.md`` reaches ``start.mdx`` (a remark plugin drops the suffix)."""
    source = "---\ntitle: 设置\n---\n\n先读[开始](./start.md)。\n\n1. 开启保险库\n2. 重启服务\n"
    switcher = "- [English](README.md)\n- [简体中文](README.zh-CN.md)\n\n"
    write(tmp_path, {
        "astro.config.mjs": STARLIGHT_CONFIG,
        "src/i18n/languages.ts": "export default {\n  'root': { label: '简体中文', lang: 'zh-CN' },\n  'en': { label: 'English', lang: 'en' },\n};\n",
        "README.md": "# Vault site\n\n" + switcher + "The pages of the vault's website, written in Chinese first and translated into English.\n",
        "README.zh-CN.md": "# 保险库网站\n\n" + switcher + "保险库网站的页面，先以中文写成，再译为英文。\n",
        "src/content/docs/setup.md": source,
        "src/content/docs/start.mdx": "---\ntitle: 开始\n---\n\n从这里开始。\n",
        "src/content/docs/en/setup.md": "---\ntitle: Setup\n---\n\nRead [Start](./start.md) first.\n\n1. Turn the vault on\n",
        "src/content/docs/en/start.mdx": "---\ntitle: Start\n---\n\nStart here.\n",
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "translation-drift,self-reference,broken-link,wrong-locale-link")
    assert [(f["path"], f["name"]) for f in findings] == [("src/content/docs/en/setup.md", "translation-drift")], err
    assert findings[0]["message"] == "the source (zh-Hans setup) has 2 numbered steps, this translation 1"


def test_a_starlight_site_in_a_folder_of_its_theme_pairs_its_locales(tmp_path, monkeypatch, capsys):
    """A theme's repository keeps its own site in docs/ (docs/src/content/docs, five folders
    down): the English pages at the collection's root are the source of the locale folders
    beside them, not pages with no source of their own; the theme's package README is no page."""
    write(tmp_path, {
        "package.json": "{}\n",
        "packages/theme/README.md": "Install the theme, then add it to the configuration.\n",
        "docs/astro.config.mjs": "import starlight from '@astrojs/starlight';\nexport default { integrations: [starlight({ locales: { root: { label: 'English', lang: 'en' }, 'zh-cn': { label: '简体中文', lang: 'zh-CN' } } })] };\n",
        "docs/src/content/docs/setup.md": "---\ntitle: Setup\n---\n\nRead [the start](./start/) first.\n\n1. Turn the vault on\n2. Restart it\n",
        "docs/src/content/docs/start.md": "---\ntitle: Start\n---\n\nStart here.\n",
        "docs/src/content/docs/zh-cn/setup.md": "---\ntitle: 设置\n---\n\n先读[开始](../start/)。\n\n1. 开启保险库\n",
        "docs/src/content/docs/zh-cn/start.md": "---\ntitle: 开始\n---\n\n从这里开始。\n",
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "missing-translation,translation-drift,broken-link,front-matter")
    assert [(f["path"], f["name"]) for f in findings] == [("docs/src/content/docs/zh-cn/setup.md", "translation-drift")], err
    assert findings[0]["message"] == "the source (en setup) has 2 numbered steps, this translation 1"


def test_locale_folders_in_each_versions_folder_are_that_versions_articles(tmp_path, monkeypatch, capsys):
    """docs/v1/en beside docs/v2/en: the same page in two versions is two articles (no id
    claimed twice), each paired with its translation in its own version."""
    page = "---\ntitle: Setup\n---\n\nTurn the vault on.\n"
    write(tmp_path, {
        "docs/v1/en/setup.md": page, "docs/v1/zh-cn/setup.md": "---\ntitle: 设置\n---\n\n开启保险库。\n",
        "docs/v2/en/setup.md": page.replace("on.", "on at port 8848."),
        "docs/v2/zh-cn/setup.md": "---\ntitle: 设置\n---\n\n开启保险库。\n",
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "duplicate-id,translation-drift")
    assert [(f["path"], f["name"]) for f in findings] == [("docs/v2/zh-cn/setup.md", "translation-drift")], err


def test_a_translations_fallback_to_its_source_stays_in_its_version(tmp_path, monkeypatch, capsys):
    """A link from docs/next/zh-cn to a page that folder lacks falls back to the source's page
    of the same version (docs/next/en), not of the first version found (docs/latest/en)."""
    page = "---\ntitle: Start\n---\n\nStart here.\n"
    write(tmp_path, {
        "docs/latest/en/start.md": page, "docs/next/en/start.md": page,
        "docs/next/en/guide.md": "---\ntitle: Guide\n---\n\nSee [start](./start.md).\n",
        "docs/next/zh-cn/start.mdx": "---\ntitle: 开始\n---\n\n从这里开始。\n",
        "docs/next/zh-cn/guide.md": "---\ntitle: 指南\n---\n\n参见[开始](./start.md)。\n",
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "wrong-locale-link,broken-link")
    assert [(f["path"], f["message"]) for f in findings] == [(
        "docs/next/zh-cn/guide.md",
        "link to ./start.md leads to the en version of next/start; this zh-Hans article has its own: start.mdx",
    )], err


def test_a_docusaurus_site_leaves_number_prefixes_out_and_serves_each_blog_by_date(tmp_path, monkeypatch, capsys):
    """docs/02-setup/01-install.md is served at /docs/setup/install; a blog plugin instance's
    post release-notes/2024-01-30-5.2.0.md at /release-notes/2024/01/30/5.2.0. A month
    written without its zero, or a prefix kept, still leads nowhere."""
    config = (
        "module.exports = {presets: [['classic', {docs: {routeBasePath: '/docs/'}}]],\n"
        "  plugins: [['@docusaurus/plugin-content-blog', {id: 'release-notes', routeBasePath: 'release-notes', path: './release-notes'}]]};\n"
    )
    links = "See [install](/docs/setup/install), [notes](/release-notes/2024/01/30/5.2.0), [old](/release-notes/2024/1/30/5.2.0) and [kept](/docs/02-setup/install-it).\n"
    write(tmp_path, {
        "docusaurus.config.js": config,
        "docs/02-setup/01-install.md": "# Install\n\nRun it.\n",
        "docs/intro.md": "# Intro\n\n" + links,
        "release-notes/2024-01-30-5.2.0.md": "# 5.2.0\n\nFixes.\n",
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "broken-link")
    assert [f["message"].split(":")[0] for f in findings] == ["link to /release-notes/2024/1/30/5.2.0", "link to /docs/02-setup/install-it"], err


def test_a_docusaurus_translation_leaves_number_prefixes_out_of_its_own_addresses(tmp_path, monkeypatch, capsys):
    """A translated page's relative address without number prefixes is its own language's page,
    which the site serves under the translation's route, not the source's it mirrors."""
    zh = "i18n/zh/docusaurus-plugin-content-docs/current"
    write(tmp_path, {
        "docusaurus.config.js": DOCUSAURUS_EN_ZH,
        "docs/roadmap.md": "# Roadmap\n\nThe [HTTP connector](./design/connect/http-connector) is done.\n",
        "docs/design/03-connect/01-http-connector.md": "# HTTP connector\n\nSends events over HTTP.\n",
        f"{zh}/roadmap.md": "# 路线图\n\n[HTTP 连接器](./design/connect/http-connector)已完成。\n",
        f"{zh}/design/03-connect/01-http-connector.md": "# HTTP 连接器\n\n通过 HTTP 发送事件。\n",
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "broken-link,wrong-locale-link")
    assert findings == [], err


def test_a_docusaurus_plugin_instance_with_an_id_has_its_own_translations(tmp_path, monkeypatch, capsys):
    """A docs plugin with ``id: 'team'`` keeps its translations in
    i18n/<locale>/docusaurus-plugin-content-docs-team/current; the preset's docs, written
    without a route, keep theirs at /docs. A translation's root-absolute address under either
    route is the page in its own language, and a link to a file falls back to the folder its
    translation mirrors, as Docusaurus resolves it."""
    config = (
        "module.exports = {i18n: {defaultLocale: 'en', locales: ['en', 'zh-Hans']},\n"
        "  presets: [['classic', {docs: {sidebarPath: './sidebars.js'}}]],\n"
        "  plugins: [['@docusaurus/plugin-content-docs', {id: 'team', path: 'team', routeBasePath: 'team'}]]};\n"
    )
    docs, team = "i18n/zh-Hans/docusaurus-plugin-content-docs/current", "i18n/zh-Hans/docusaurus-plugin-content-docs-team/current"
    write(tmp_path, {
        "docusaurus.config.js": config,
        "docs/setup/start.md": "# Start\n\nRead [the rota](/team/rota) and [the steps](/setup/steps.md).\n",
        "docs/setup/steps.md": ENGLISH,
        "team/rota.md": "# Rota\n\nSee [the start](/docs/setup/start).\n",
        f"{docs}/setup/start.md": "# 开始\n\n请阅读[值班表](/team/rota)和[步骤](/setup/steps.md)。\n",
        f"{team}/rota.md": "# 值班表\n\n请看[开始](/docs/setup/start)。\n",
    })  # fmt: skip
    assert [(key, locale) for key, locale, _ in identities(tmp_path, "team/rota.md", f"{team}/rota.md")] == [
        ("team/rota", "en"), ("team/rota", "zh-Hans"),
    ]  # fmt: skip
    code, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "broken-link,wrong-locale-link,missing-translation")
    assert findings == [], err


def test_an_rspress_site_serves_no_page_of_its_fragments(tmp_path, monkeypatch, capsys):
    """Rspress leaves out of its routes the files named with a leading "_" and those its
    ``route.exclude`` globs name (relative to its docs folder); it serves docs/public at the
    site's root, and routes a link by its path without the suffix (x.md is x.mdx)."""
    write(tmp_path, {
        "rspress.config.ts": "export default defineConfig({\n  route: {\n    exclude: ['**/fragments/**'],\n  },\n});\n",
        "docs/en/guide.md": "---\ntitle: Guide\n---\n\n![Logo](/logo.png) See [the setup](/setup.md) and [the lost](./lost.md).\n",
        "docs/en/setup.mdx": "---\ntitle: Setup\n---\n\nText.\n",
        "docs/en/fragments/note.mdx": "A note that the guide imports.\n",
        "docs/en/_aside.mdx": "An aside that the guide imports.\n",
        "docs/en/other.md": "An article with no title.\n",
        "docs/public/logo.png": "",
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "broken-link,front-matter")
    assert [(f["path"], f["name"]) for f in findings] == [("docs/en/guide.md", "broken-link"), ("docs/en/other.md", "front-matter")], err


def test_each_rspress_site_of_a_monorepo_excludes_its_own_fragments(tmp_path, monkeypatch, capsys):
    """A monorepo keeps a small example site (examples/) before its documentation's
    (packages/document/): the documentation's ``route.exclude`` holds for its fragments."""
    config = "export default defineConfig({\n  root: path.join(__dirname, 'docs'),\n  route: {\n    // fragments\n    exclude: ['**/shared/**'],\n  },\n});\n"
    write(tmp_path, {
        "examples/minimal/rspress.config.ts": "export default defineConfig({ route: { cleanUrls: true } });\n",
        "examples/minimal/docs/index.md": "---\ntitle: Home\n---\n\nText.\n",
        "packages/document/rspress.config.ts": config,
        "packages/document/docs/en/shared/intro.md": "An introduction that pages import.\n",
        "packages/document/docs/en/guide.md": "An article with no title.\n",
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "front-matter")
    assert [f["path"] for f in findings] == ["packages/document/docs/en/guide.md"], err


def test_an_rstack_configuration_defines_an_rspress_site(tmp_path, monkeypatch, capsys):
    """Rstack configures Rsbuild, Rslib and Rspress in one file: its ``define.doc({…})`` is an
    Rspress site's configuration, in the folder that holds the docs, even where the
    repository's own ``rstack.config.ts`` at the root defines only a library. A page whose
    ``pageType`` is ``home`` takes its title from the site."""
    write(tmp_path, {
        "rstack.config.ts": "import { define } from 'rstack';\ndefine.lib({ format: 'esm' });\n",
        "site/rstack.config.ts": "define.doc({\n  route: {\n    exclude: ['**/en/shared/**'],\n  },\n});\n",
        "site/docs/en/index.mdx": "---\npageType: home\n---\n",
        "site/docs/en/guide.mdx": "---\ntitle: Guide\n---\n\nText.\n",
        "site/docs/en/shared/option.mdx": "A fragment the guide imports.\n",
        "site/docs/en/other.md": "An article with no title.\n",
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "front-matter")
    assert [f["path"] for f in findings] == ["site/docs/en/other.md"], err


def test_a_docusaurus_page_is_served_at_its_slug(tmp_path, monkeypatch, capsys):
    """A blog post's ``slug`` is its address under the blog's route, a doc's absolute slug
    under its docs' route, a doc's id its name in its folder's address; a translation's own
    post answers its links; a component of src/pages serves its own route. A run of one file
    finds the slugs of the others in the cache."""
    blog_zh = "i18n/zh-Hans/docusaurus-plugin-content-blog"
    write(tmp_path, {
        "docusaurus.config.js": "module.exports = {i18n: {defaultLocale: 'en', locales: ['en', 'zh-Hans']}, presets: [['classic', {docs: {}, blog: {}}]]};\n",
        "blog/2024-01-02-launch.md": "---\ntitle: Launch\nslug: we-launched\n---\n\nRead [the start](/docs/start-here/).\n",
        "blog/2024-03-04-later.md": "---\ntitle: Later\n---\n\nSee [the launch](/blog/we-launched/) and [a lost post](/blog/no-such-post).\n",
        "docs/guide/intro.md": "---\ntitle: Start\nslug: /start-here\n---\n\nWelcome to [the party](/party/) and [the CLI](/docs/tools/cli).\n",
        "docs/tools/Commandline.md": "---\nid: cli\ntitle: CLI\n---\n\nThe command line, at its id's address.\n",
        "src/pages/party.js": "export default function Party() { return null; }\n",
        f"{blog_zh}/2024-01-02-launch.md": "---\ntitle: 发布\nslug: we-launched\n---\n\n请阅读[开始](/docs/start-here/)。\n",
        f"{blog_zh}/2024-03-04-later.md": "---\ntitle: 之后\n---\n\n请看[发布](/blog/we-launched/)。\n",
    })  # fmt: skip
    code, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "broken-link,wrong-locale-link")
    assert [(f["path"], f["column"]) for f in findings] == [("blog/2024-03-04-later.md", 56)], err
    monkeypatch.chdir(tmp_path)
    for _ in range(2):  # the second run: every article but the one asked for is in the cache
        main(["--format", "json", "--select", "broken-link", "blog/2024-03-04-later.md"])
        found = json.loads(capsys.readouterr()[0])["findings"]
        assert [f["column"] for f in found] == [56]


def test_a_docusaurus_version_is_served_under_its_path(tmp_path, monkeypatch, capsys):
    """versions.json lists the versions; each is served under the docs' route at its name, or
    at the ``path`` the configuration's ``versions`` gives it."""
    write(tmp_path, {
        "docusaurus.config.js": "module.exports = {presets: [['classic', {docs: {lastVersion: 'current', versions: {'2.x': {label: 'Two', path: 'v2'}}}}]]};\n",
        "versions.json": '["2.x", "1.x"]\n',
        "docs/start.md": "# Start\n\nSee [the old setup](/docs/v2/setup), [the oldest](/docs/1.x/setup) and [none](/docs/v2/gone).\n",
        "versioned_docs/version-2.x/setup.md": ENGLISH,
        "versioned_docs/version-1.x/setup.md": ENGLISH,
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "broken-link")
    assert [(f["path"], f["message"].split(":")[0]) for f in findings] == [("docs/start.md", "link to /docs/v2/gone")], err


def test_a_docusaurus_version_the_site_does_not_build_is_not_checked(tmp_path, monkeypatch, capsys):
    """Docusaurus builds only the versions versions.json lists and, of them, those the docs'
    ``onlyIncludeVersions`` names (here a function that returns the newest two): an older
    version's folder, and its translation, are no page of the site."""
    zh = "i18n/zh/docusaurus-plugin-content-docs"
    write(tmp_path, {
        "docusaurus.config.js": "const versions = require('./versions.json');\n"
        "module.exports = {i18n: {defaultLocale: 'en', locales: ['en', 'zh']}, presets: [['classic', {docs: {\n"
        "  // onlyIncludeVersions: ['current'],\n"
        "  onlyIncludeVersions: (() => {\n    return ['current', ...versions.slice(0, 2)];\n  })(),\n}}]]};\n",
        "versions.json": '["1.2", "1.1", "1.0"]\n',
        "docs/start.md": "# Start\n\nThe the start.\n",
        "versioned_docs/version-1.2/start.md": "# Start\n\nThe the start.\n",
        "versioned_docs/version-1.1/start.md": "# Start\n\nThe the start.\n",
        "versioned_docs/version-1.0/start.md": "# Start\n\nThe the start.\n",
        "versioned_docs/version-0.9/start.md": "# Start\n\nThe the start.\n",
        f"{zh}/version-1.1/start.md": "# 开始\n\nThe the 开始。\n",
        f"{zh}/version-1.0/start.md": "# 开始\n\nThe the 开始。\n",
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "repeated-word")
    assert sorted({f["path"] for f in findings}) == [
        "docs/start.md", f"{zh}/version-1.1/start.md", "versioned_docs/version-1.1/start.md", "versioned_docs/version-1.2/start.md",
    ], err
    assert "not checked: 2 versions of the docs the site does not build (0.9, 1.0" in err


def test_only_include_versions_decided_at_build_time_leaves_every_version_built(tmp_path, monkeypatch, capsys):
    """``onlyIncludeVersions: isDev ? [...] : undefined`` is decided when the site is built:
    every version versions.json lists is checked."""
    write(tmp_path, {
        "docusaurus.config.js": "const versions = require('./versions.json');\nconst isDev = false;\n"
        "module.exports = {presets: [['classic', {docs: {onlyIncludeVersions: isDev ? ['current'] : undefined}}]]};\n",
        "versions.json": '["1.1", "1.0"]\n',
        "docs/start.md": "# Start\n\nThe the start.\n",
        "versioned_docs/version-1.0/start.md": "# Start\n\nThe the start.\n",
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "repeated-word")
    assert sorted(f["path"] for f in findings) == ["docs/start.md", "versioned_docs/version-1.0/start.md"], err
    assert "not checked" not in err


def test_a_docusaurus_site_serves_its_newest_version_at_the_docs_route(tmp_path, monkeypatch, capsys):
    """With no ``lastVersion``, the newest version of versions.json is served at /docs/ and
    the docs being written at /docs/next/, in each locale (/zh/docs/next/x)."""
    write(tmp_path, {
        "docusaurus.config.js": DOCUSAURUS_EN_ZH,
        "versions.json": '["1.1", "1.0"]\n',
        "docs/start.md": "# Start\n\nSee [the setup](/docs/next/setup), [the released one](/docs/only-released) and [none](/docs/next/gone).\n",
        "docs/setup.md": ENGLISH,
        "versioned_docs/version-1.1/only-released.md": ENGLISH,
        "versioned_docs/version-1.1/start.md": "# Start\n\nSee [the setup](/docs/next/setup).\n",
        "i18n/zh/docusaurus-plugin-content-docs/version-1.1/start.md": "# 开始\n\n请看[设置](/zh/docs/next/setup)和[没有的](/zh/docs/next/gone)。\n",
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "broken-link")
    assert sorted((f["path"], f["message"].split(":")[0]) for f in findings) == [
        ("docs/start.md", "link to /docs/next/gone"),
        ("i18n/zh/docusaurus-plugin-content-docs/version-1.1/start.md", "link to /zh/docs/next/gone"),
    ], err


def test_a_docusaurus_translation_reaches_its_own_dated_post(tmp_path, monkeypatch, capsys):
    """A root-relative address in a translation is served under its locale's base, so a
    post's dated address (/blog/2024/01/02/launch) there is the translated post."""
    blog_zh = "i18n/zh/docusaurus-plugin-content-blog"
    write(tmp_path, {
        "docusaurus.config.js": "module.exports = {i18n: {defaultLocale: 'en', locales: ['en', 'zh']}, presets: [['classic', {docs: {}, blog: {}}]]};\n",
        "blog/2024-01-02-launch.md": "---\ntitle: Launch\n---\n\nWe launched.\n",
        "docs/start.md": "# Start\n\nRead [the launch](/blog/2024/01/02/launch).\n",
        f"{blog_zh}/2024-01-02-launch.md": "---\ntitle: 发布\n---\n\n我们发布了。\n",
        "i18n/zh/docusaurus-plugin-content-docs/current/start.md": "# 开始\n\n请阅读[发布](/blog/2024/01/02/launch)。\n",
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "broken-link,wrong-locale-link")
    assert findings == [], err


def test_a_docusaurus_category_named_like_a_locale_is_the_sources(tmp_path, monkeypatch, capsys):
    """A site that translates in i18n/ keeps no translation in its content folders: talks/cn
    is the category of the talks given in Chinese, its pages English ones with their own
    translations."""
    videos_zh = "i18n/zh/docusaurus-plugin-content-docs-videos/current"
    write(tmp_path, {
        "docusaurus.config.js": "module.exports = {i18n: {defaultLocale: 'en', locales: ['en', 'zh']}, "
        "plugins: [['@docusaurus/plugin-content-docs', {id: 'videos', path: 'videos', routeBasePath: 'videos'}]]};\n",
        "docs/intro.md": ENGLISH,
        "i18n/zh/docusaurus-plugin-content-docs/current/intro.md": SIMPLIFIED,
        "videos/talks/cn/meetup.md": ENGLISH,
        "videos/talks/en/keynote.md": ENGLISH,
        f"{videos_zh}/talks/cn/meetup.md": SIMPLIFIED,
        f"{videos_zh}/talks/en/keynote.md": SIMPLIFIED,
    })  # fmt: skip
    assert identities(tmp_path, "videos/talks/cn/meetup.md", f"{videos_zh}/talks/cn/meetup.md") == [
        ("videos/talks/cn/meetup", "en", ""), ("videos/talks/cn/meetup", "zh-Hans", f"{videos_zh}"),
    ]  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "missing-translation")
    assert findings == [], err


def test_a_docusaurus_site_that_translates_into_its_default_locale_has_its_docs_for_source(tmp_path, monkeypatch, capsys):
    """Docusaurus reads i18n/<locale>/docusaurus-plugin-content-docs before docs/ for every
    locale, the default one too: a site whose i18n/en/ holds the docs' English serves docs/ to
    its other locale, whose language they are written in, and compares the English with them."""
    english = "i18n/en/docusaurus-plugin-content-docs"
    write(tmp_path, {
        "docusaurus.config.js": DOCUSAURUS_EN_ZH, "versions.json": '["1.0"]\n',
        "docs/setup.md": SIMPLIFIED, "docs/start.md": SIMPLIFIED, "versioned_docs/version-1.0/setup.md": SIMPLIFIED,
        f"{english}/current/setup.md": ENGLISH, f"{english}/version-1.0/setup.md": ENGLISH + "\nThen run `tool start --port 8080`.\n",
        "i18n/en/code.json": "{}\n",
    })  # fmt: skip
    assert identities(tmp_path, "docs/setup.md", f"{english}/current/setup.md", f"{english}/version-1.0/setup.md") == [
        ("docs/setup", "zh-Hans", ""), ("docs/setup", "en", f"{english}/current"), ("versioned_docs/version-1.0/setup", "en", f"{english}/version-1.0"),
    ]  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "translation-drift")
    assert [(f["name"], f["path"]) for f in findings] == [("translation-drift", f"{english}/version-1.0/setup.md")], err
    # Labels alone (current.json) translate no docs: the docs stay the default locale's.
    shutil.rmtree(tmp_path / english)
    write(tmp_path, {f"{english}/current.json": "{}\n"})
    assert identities(tmp_path, "docs/setup.md") == [("docs/setup", "en", "")]


def test_a_docusaurus_page_resolves_relative_addresses_from_its_slug(tmp_path, monkeypatch, capsys):
    """``slug: /`` serves a page at /docs/, so ``./install`` there is /docs/install, as the
    browser resolves it; a link to a file (``./more.md``) is still resolved beside the file."""
    write(tmp_path, {
        "docusaurus.config.js": "module.exports = {presets: [['classic', {docs: {}}]]};\n",
        "docs/intro/welcome.md": "---\nslug: /\n---\n\n# Welcome\n\nFirst [install](./install), then [more](./more.md) and [a lost page](./intro/gone).\n",
        "docs/intro/more.md": ENGLISH,
        "docs/install.md": ENGLISH,
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "broken-link")
    assert [(f["path"], f["message"].split(":")[0]) for f in findings] == [("docs/intro/welcome.md", "link to ./intro/gone")], err


def test_a_docusaurus_site_makes_heading_ids_in_lower_case(tmp_path, monkeypatch, capsys):
    """Docusaurus makes heading ids as GitHub does, whatever most links guess: a fragment in
    the heading's case (#writeRef) is broken, and its fix is safe."""
    table = "".join(f"| field{n} | [writeRef](#writeRef) |\n" for n in range(3))
    write(tmp_path, {
        "docusaurus.config.js": "module.exports = {presets: [['classic', {docs: {}}]]};\n",
        "docs/ref.md": f"# Reference\n\n| Name | Type |\n| --- | --- |\n{table}\n## writeRef\n\nThe secret. See [the top](#reference).\n",
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "broken-anchor")
    assert [(f["line"], f["fix"]["safe"], f["fix"]["edits"][0]["replacement"]) for f in findings] == [(n, True, "#writeref") for n in (5, 6, 7)], err


def test_a_hugo_site_that_translates_by_file_name(tmp_path, monkeypatch, capsys):
    """Hugo's own way: content/guide.en.md and content/guide.cn.md are one page, in the
    languages [languages] names (cn: Simplified Chinese, as Chinese projects write it), served
    at /en/guide/ and /cn/guide/; a section's page is its _index.<key>.md; front matter in
    TOML between +++ lines; an archetype is no page."""
    config = 'baseURL = "https://example.org/"\ndefaultContentLanguage = "en"\ndefaultContentLanguageInSubdir = true\n[languages.en]\nweight = 1\n[languages.cn]\nweight = 2\n'
    english = '+++\ntitle = "Guide"\n+++\n\nRead [the setup](/en/setup/), [the section](/en/ops/) and [a page gone](/en/ops/old/).\n'
    chinese = '+++\ntitle = "指南"\n+++\n\n請看[設定](/cn/setup/)、[章節](/cn/ops/)與[舊頁](/cn/ops/old/)。\n'
    write(tmp_path, {
        "site/config.toml": config, "site/layouts/.keep": "", "site/content/guide.en.md": english, "site/content/guide.cn.md": chinese,
        "site/content/setup.en.md": '+++\ntitle = "Setup"\n+++\n\nText.\n', "site/content/setup.cn.md": '+++\ntitle = "設定"\n+++\n\n文字。\n',
        "site/content/ops/_index.en.md": '+++\ntitle = "Ops"\n+++\n\nText.\n', "site/content/ops/_index.cn.md": '+++\ntitle = "運維"\n+++\n\n文字。\n',
        "site/archetypes/default.md": "+++\ndate = {{ .Date }}\n+++\n",  # a template for new pages, no page
    })  # fmt: skip
    assert [(key, locale) for key, locale, _ in identities(tmp_path, "site/content/guide.en.md", "site/content/guide.cn.md")] == [
        ("site/content/guide", "en"), ("site/content/guide", "zh-Hans"),
    ]  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "broken-link,front-matter,missing-translation")
    assert sorted((f["path"], f["name"], f["message"].split(":")[0]) for f in findings) == [
        ("site/content/guide.cn.md", "broken-link", "link to /cn/ops/old/"),
        ("site/content/guide.en.md", "broken-link", "link to /en/ops/old/"),
    ], err


def test_a_hugo_themes_own_files_are_not_checked(tmp_path, monkeypatch, capsys):
    """A theme in the site's themes/ (vendored, or a submodule) brings its own example site and
    documentation: not the knowledge base's. A file of it named on the command line is checked."""
    config = 'defaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.cn]\nweight = 2\n'
    write(tmp_path, {
        "config.toml": config, "themes/plain/layouts/.keep": "", "content/a.en.md": '+++\ntitle = "A"\n+++\n\nText.\n',
        "content/a.cn.md": '+++\ntitle = "甲"\n+++\n\n文字。\n', "themes/plain/exampleSite/content/b.md": "# B\n\nSee the the site.\n",
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "repeated-word")
    assert findings == [] and "not checked: themes/ (a Hugo theme's own files" in err
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "repeated-word", "themes/plain/exampleSite/content/b.md")
    assert [f["path"] for f in findings] == ["themes/plain/exampleSite/content/b.md"] and "not checked" not in err


def test_a_hugo_site_with_a_configuration_folder_and_mounts(tmp_path, monkeypatch, capsys):
    """config/_default/hugo.yaml, and the mounts a template beside it gives (the build makes
    module.yaml of it): each language's folder is its content, the English docs stand in for
    a translation's missing pages, and a folder a script fills before the build (tmp/spec) is
    served at /docs/spec/ — a link there cannot be checked, one elsewhere can. A relative link
    is resolved from the page's address (x.md at x/)."""
    mounts = (
        "mounts:\n  - {source: content/en, target: content}\n  - {source: tmp/spec, target: content/docs/spec}\n"
        "  - {source: tmp/intro.md, target: content/docs/intro/_index.md}\n"
        "  - {source: content/fr, target: content, sites: {matrix: {languages: [fr]}}}\n"
        "  - {source: content/en/docs, target: content/docs, sites: {matrix: {languages: [fr]}}}\n"
        "  - {source: art/icons, target: static/img/icons}\n"
    )
    english = "---\ntitle: Start\n---\n\nRead [the spec](/docs/spec/api/), [the intro](/docs/intro/), [setup](../setup/), [the icon](/img/icons/a.svg) and [a page gone](/docs/gone/).\n"
    french = "---\ntitle: Départ\n---\n\nLisez [la spec](/docs/spec/api/), [l'installation](../setup/), [l'aide](/docs/help/) et [une page disparue](/docs/gone/).\n"
    write(tmp_path, {
        "config/_default/hugo.yaml": "defaultContentLanguage: en\nlanguages:\n  en: {weight: 1}\n  fr: {weight: 2}\n",
        "config/_default/module-template.yaml": mounts, "layouts/_shortcodes/note.md": "A [link](/nowhere/) in a template.\n",
        "content/en/docs/start.md": english, "content/en/docs/setup.md": "---\ntitle: Setup\n---\n\nText.\n",
        "content/en/docs/help.md": "---\ntitle: Help\n---\n\nText.\n", "art/icons/a.svg": "<svg/>\n",
        "content/fr/docs/start.md": french, "content/fr/docs/setup.md": "---\ntitle: Installation\n---\n\nTexte.\n",
        "README.md": "# The site\n\nBuild it with Hugo.\n",
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "broken-link,front-matter")
    assert sorted((f["path"], f["message"].split(":")[0]) for f in findings) == [
        ("content/en/docs/start.md", "link to /docs/gone/"),
        ("content/fr/docs/start.md", "link to /docs/gone/"),
        ("layouts/_shortcodes/note.md", "link to /nowhere/"),
    ], err


def test_a_hugo_sites_unrendered_includes_are_partials(tmp_path, monkeypatch, capsys):
    """The configuration's cascade builds _includes/ without rendering it: its files are text
    an include shortcode puts in a page, found in the _includes folder of the page's section
    or one above it (or the one a shortcode's template names). They ask for no front matter;
    their headings are the page's, and their own #fragments name a place on the page that
    includes them."""
    config = "languages:\n  en: {weight: 1}\ncascade:\n  - build: {render: never, list: never}\n    target: {path: '{,/**}/_includes{,/**}'}\n"
    write(tmp_path, {
        "hugo.yaml": config, "layouts/.keep": "",
        "content/docs/_includes/setup.md": "## Collector setup\n\nSee [the exporters](#exporters).\n",
        "content/docs/lang/go.md": '---\ntitle: Go\n---\n\n{{% include "setup.md" %}}\n\n## Exporters\n\nSee [the setup](#collector-setup) and [none](#nothing).\n',
        "content/docs/lang/js.md": "---\ntitle: JS\n---\n\nSee [Go's setup](../go/#collector-setup).\n",
        # A shortcode whose template includes the file it names: its headings are the page's.
        "layouts/_shortcodes/docs/intro.md": '{{ partial "include" (dict "_dot" . "_path" "setup.md") -}}\n',
        "content/docs/lang/rust.md": "---\ntitle: Rust\n---\n\n{{% docs/intro %}}\n\nSee [the setup](#collector-setup) and [none](#nothing).\n",
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "broken-anchor,front-matter,broken-link")
    assert [(f["path"], f["message"]) for f in findings] == [
        ("content/docs/lang/go.md", "no heading or anchor #nothing on this page"),
        ("content/docs/lang/rust.md", "no heading or anchor #nothing on this page"),
    ], err


def test_a_hugo_pages_aliases_and_redirects_reach_it(tmp_path, monkeypatch, capsys):
    """Hugo redirects a page's aliases to it: /docs/old/ from the top of its language's content,
    installation from a section's address as a URL without its slash (/docs/installation/ for
    docs/install/_index.md). A site's redirects template reads a redirects list's from, from
    the page's address. The relative links of an included text are its including page's."""
    write(tmp_path, {
        "hugo.toml": 'defaultContentLanguage = "en"\n[cascade]\n[cascade.build]\nrender = "never"\n[cascade.target]\npath = "{,/**}/_includes{,/**}"\n',
        "layouts/.keep": "",
        "content/docs/install/_index.md": "---\ntitle: Install\naliases: [installation, /docs/setup/]\nredirects: [{from: old-guide, to: '#guide'}]\n---\n\n## Guide\n",
        "content/docs/start.md": "---\ntitle: Start\n---\n\nSee [one](/docs/installation/), [two](/docs/setup/), [three](/docs/install/old-guide/) and [four](/docs/gone/).\n",
        "content/docs/_includes/more.md": "Read [the next page](../next/).\n",
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "broken-link")
    assert [(f["path"], f["message"].split(":")[0]) for f in findings] == [("content/docs/start.md", "link to /docs/gone/")], err


def test_a_hugo_sections_permalinks_give_its_pages_their_addresses(tmp_path, monkeypatch, capsys):
    """``[permalinks] blog = "/:section/:year/:month/:day/:slug/"``: a post is served at its date
    and its slug, else its title as Hugo's urlize writes it; a docs page (no pattern) at its path."""
    write(tmp_path, {
        "config.toml": '[permalinks]\nblog = "/:section/:year/:month/:day/:slug/"\n',
        "layouts/.keep": "",
        "content/blog/upgrade.md": "---\ntitle: Upgrade to Vault 0.1.0\ndate: 2022-02-15\n---\n\nText.\n",
        "content/blog/launch.md": "---\ntitle: Launch\nslug: we-launch\ndate: 2022-03-01T10:00:00+08:00\n---\n\nText.\n",
        "content/docs/start.md": (
            "---\ntitle: Start\n---\n\nSee [one](/blog/2022/02/15/upgrade-to-vault-0.1.0/), [two](/blog/2022/03/01/we-launch/),"
            " [three](/blog/2022/03/02/we-launch/) and [four](/docs/start/).\n"
        ),
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "broken-link")
    assert [(f["path"], f["message"].split(":")[0]) for f in findings] == [("content/docs/start.md", "link to /blog/2022/03/02/we-launch/")], err


def test_a_link_into_a_submodule_not_checked_out_is_not_checked(tmp_path, monkeypatch, capsys):
    """.gitmodules lists the submodule; its folder is there and empty, as git leaves it before
    `git submodule update`: what it holds cannot be told. One checked out is checked."""
    write(tmp_path, {
        ".gitmodules": '[submodule "spec"]\n\tpath = vendor/spec\n\turl = https://example.org/spec.git\n[submodule "lib"]\n\tpath = vendor/lib\n',
        "vendor/lib/README.md": "# Lib\n",
        "guide.md": "# Guide\n\nSee [the spec](vendor/spec/api.md), [the lib](vendor/lib/README.md) and [its API](vendor/lib/api.md).\n",
    })  # fmt: skip
    (tmp_path / "vendor" / "spec").mkdir(parents=True)
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "broken-link")
    assert [(f["path"], f["message"].split(":")[0]) for f in findings] == [("guide.md", "link to vendor/lib/api.md")], err


def test_a_hugo_shortcode_is_markup_on_a_hugo_site_and_text_elsewhere(tmp_path, monkeypatch, capsys):
    """On a Hugo site a shortcode's call renders into something else: no words of a language,
    and its arguments that name a page are links. On another site (a page moved from a Hugo
    site) the page shows it as it is."""
    # (A call's arguments may go on over lines of their own.)
    call = '{{< export-table kind="vault" columns="name size owner"\n    show="all of them" limit="10" >}}\n'
    # A call's argument that names a page is a link: checked, unless the call is shown as code.
    cards = '{{< card title="Setup" url="/setup/" >}}\n\n{{< card\n    ctaUrl="/gone/" >}}\n\n```\n{{< card url="/example/" >}}\n```\n'
    write(tmp_path, {"content/en/setup.md": "---\ntitle: Setup\n---\n\nText.\n", "content/en/cards.md": "---\ntitle: Cards\n---\n\n" + cards})
    english = "---\ntitle: Export\n---\n\nOpen the vault before you start the export.\n\n" + call
    french = "---\ntitle: Exporter\n---\n\nOuvrez le coffre avant de commencer l'exportation.\n\n" + call
    site = {"content/en/export.md": english, "content/fr/export.md": french}
    write(tmp_path, {"hugo.toml": '[languages.en]\ncontentDir = "content/en"\n[languages.fr]\ncontentDir = "content/fr"\n', **site})
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "untranslated-text,broken-link")
    assert [(f["path"], f["name"], f["message"].split(":")[0]) for f in findings] == [("content/en/cards.md", "broken-link", "link to /gone/")], err
    (tmp_path / "hugo.toml").unlink()
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "untranslated-text")
    assert [(f["path"], f["line"]) for f in findings] == [("content/fr/export.md", 7)], err


def test_an_older_hugo_serves_a_root_absolute_link_as_written(tmp_path, monkeypatch, capsys):
    """Before 0.123 Hugo renders ``/docs/x`` as written: from a French page (served under
    /fr/) it is the English page, which has its own anchors. Later ones, a site that names
    no version, and one with a link hook of its own find the page in the linking page's own
    language."""
    config = '[languages.en]\ncontentDir = "content/en"\n[languages.fr]\ncontentDir = "content/fr"\n'
    write(tmp_path, {
        "hugo.toml": config,
        "netlify.toml": '[build.environment]\nHUGO_VERSION = "0.102.3"\n',
        "content/en/docs/setup.md": "---\ntitle: Setup\n---\n\n## Open the vault\n\nText.\n",
        "content/fr/docs/setup.md": "---\ntitle: Installation\n---\n\n## Ouvrir le coffre\n\nTexte.\n",
        "content/fr/docs/start.md": "---\ntitle: Début\n---\n\nLisez [l'installation](/docs/setup/#open-the-vault).\n",
        "content/en/docs/start.md": "---\ntitle: Start\n---\n\nRead [the setup](/docs/setup/#open-the-vault).\n",
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "broken-anchor,wrong-locale-link")
    assert [(f["path"], f["name"]) for f in findings] == [("content/fr/docs/start.md", "wrong-locale-link")], err
    (tmp_path / "netlify.toml").write_text('[build.environment]\nHUGO_VERSION = "0.151.0"\n', encoding="utf-8")
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "broken-anchor,wrong-locale-link")
    assert [(f["path"], f["name"]) for f in findings] == [("content/fr/docs/start.md", "broken-anchor")], err
    # An older Hugo with a link hook of the site's own: the hook decides, in the page's language.
    (tmp_path / "netlify.toml").write_text('[build.environment]\nHUGO_VERSION = "0.102.3"\n', encoding="utf-8")
    write(tmp_path, {"layouts/_default/_markup/render-link.html": '<a href="{{ .Destination }}">{{ .Text }}</a>\n'})
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "broken-anchor,wrong-locale-link")
    assert [(f["path"], f["name"]) for f in findings] == [("content/fr/docs/start.md", "broken-anchor")], err


def test_a_docusaurus_translations_link_up_falls_back_within_its_content_folder(tmp_path, monkeypatch, capsys):
    """``[Introduction](../)`` from a page one folder down reaches the docs' root, the page
    whose slug is /; in the translation it is the translated one, whose source is the same
    page: no drift, and the repository's README is no candidate."""
    zh = "i18n/zh/docusaurus-plugin-content-docs/current"
    write(tmp_path, {
        "docusaurus.config.js": DOCUSAURUS_EN_ZH,
        "README.md": "# The site\n\nHow to build it.\n",
        "docs/intro.md": "---\nslug: /\n---\n\n# Introduction\n\nWelcome.\n",
        "docs/guides/sync.md": "# Sync\n\nRead the [Introduction](../) first.\n",
        f"{zh}/intro.md": "---\nslug: /\n---\n\n# 介绍\n\n欢迎。\n",
        f"{zh}/guides/sync.md": "# 同步\n\n请先阅读[介绍](../)。\n",
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "translation-drift,broken-link")
    assert findings == [], err


# A MkDocs site whose i18n plugin makes Chinese its default language: guide.md is the page in
# Chinese, guide.en.md its English.
MKDOCS_I18N_ZH = """site_name: Grid
markdown_extensions:
  - toc:
      permalink: true
plugins:
  - i18n:
      docs_structure: suffix
      languages:
        - locale: en
          name: English
          nav_translations:
            指南: Guide
        - locale: zh
          default: true
          name: 中文
  - mike:
      default: true
"""


def test_a_mkdocs_site_whose_i18n_default_is_chinese_has_its_unsuffixed_pages_for_source(tmp_path, monkeypatch, capsys):
    (tmp_path / ".git").mkdir()
    write(tmp_path, {"mkdocs.yml": MKDOCS_I18N_ZH, "docs/guide.md": SIMPLIFIED, "docs/guide.en.md": ENGLISH})
    assert identities(tmp_path, "docs/guide.md", "docs/guide.en.md") == [("docs/guide", "zh-Hans", ""), ("docs/guide", "en", "")]
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "duplicate-id,missing-translation,untranslated-text")
    assert findings == [], err


def test_a_mkdocs_sites_chinese_headings_have_python_markdowns_ids(tmp_path, monkeypatch, capsys):
    """Python-Markdown's toc drops what is not ASCII: ``#_1`` is the first heading left empty,
    ``#1`` the heading "方案 1"; a link with the Chinese words names nothing on the built site."""
    (tmp_path / ".git").mkdir()
    page = "# 部署指南\n\n## 前提条件\n\n先准备节点。\n\n### 方案 1\n\n见[前提](#_1)与[方案](#1)。\n\n见[错误](#前提条件)与[方案](#方案-1)。\n"
    write(tmp_path, {"mkdocs.yml": MKDOCS_I18N_ZH, "docs/deploy.md": page})
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "broken-anchor")
    assert [(f["line"], f["message"]) for f in findings] == [
        (11, "no heading or anchor #前提条件 on this page"), (11, "no heading or anchor #方案-1 on this page: did you mean #1?"),
    ], err


def test_a_link_to_a_page_from_a_mkdocs_translation_is_to_that_pages_translation(tmp_path, monkeypatch, capsys):
    """The i18n plugin's English build looks for ``start.en.md`` where an English page links
    ``start.md``, and falls back to ``start.md`` where there is none."""
    (tmp_path / ".git").mkdir()
    write(tmp_path, {
        "mkdocs.yml": MKDOCS_I18N_ZH, "docs/guide.md": SIMPLIFIED, "docs/start.md": "# 开始\n\n先阅读[设置](guide.md)。\n",
        "docs/guide.en.md": ENGLISH, "docs/start.en.md": "# Start\n\nRead the [setup](guide.md) and the [notes](notes.md) first.\n",
        "docs/notes.md": "# 说明\n\n只有中文。\n",
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "wrong-locale-link,broken-link")
    assert findings == [], err


def test_a_hugo_pages_own_sections_are_reached_from_its_address(tmp_path, monkeypatch, capsys):
    """Hugo serves x.md at x/, so ``./#start`` from it is the page itself; its redirects
    template (layouts/index.redirects, Netlify's _redirects at build time) redirects /chat,
    and its lines of template code name no address to check."""
    write(tmp_path, {
        "hugo.toml": 'baseURL = "https://vault.example.org/"\n',
        "layouts/index.redirects": "# {{- $latest := site.Params.latest }}\n/docs  /docs/{{ $latest }}/ 301!\n/chat  https://chat.example.org/invite 301\n",
        "content/docs/_index.md": "---\ntitle: Docs\n---\n\nAll the docs.\n",
        "content/docs/operate.md": "---\ntitle: Operate\n---\n\n- [Start](./#start-the-vault)\n- [Stop](./#stop-the-vault)\n\n## Start the vault\n\nText.\n",
        "content/docs/help.md": "---\ntitle: Help\n---\n\nAsk [in the chat](/chat) or see [the gone page](/gone).\n",
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "broken-anchor,broken-link,redirected-link")
    assert [(f["path"], f["line"], f["message"].split(":")[0]) for f in findings] == [
        ("content/docs/help.md", 5, "link to /gone"),
        ("content/docs/operate.md", 6, "no heading or anchor #stop-the-vault on this page"),
    ], err


def test_a_vitepress_site_with_its_own_slugify_keeps_its_anchors_case(tmp_path, monkeypatch, capsys):
    """A configuration folder's module gives markdown-it-anchor a slugify of its own (a copy of
    VitePress's without lower case): ``#Shared-Getters`` and ``#Vuex-3-x-4-x`` may be its ids;
    an anchor no heading has in any case is still reported. ``%{#id}%`` (markdown-it-attrs with
    delimiters of the site's choosing) is no part of the heading's text."""
    write(tmp_path, {
        "docs/.vitepress/config/index.ts": "import { shared } from './shared'\nexport default defineConfig({ ...shared })\n",
        "docs/.vitepress/config/shared.ts": "export const slugify = (s) => s.replace(/\\s+/g, '-')\nexport const shared = {\n  markdown: {\n    attrs: { leftDelimiter: '%{', rightDelimiter: '}%' },\n    anchor: {\n      slugify,\n    },\n  },\n}\n",
        "docs/store.md": "# Store\n\n## Shared Getters\n\n## Vuex 3.x/4.x\n\n## Options %{#opts}%\n\nText.\n",
        "docs/guide.md": "# Guide\n\nSee [getters](./store.md#Shared-Getters), [Vuex](./store.md#Vuex-3-x-4-x), [options](./store.md#opts) and [plugins](./store.md#Plugins).\n",
        # Most of the site's links name its ids in lower case: no scheme that keeps the case is guessed.
        "docs/api.md": "# API\n\n## Define Store\n\n## Map State\n\n## Map Getters\n\n## Map Actions\n\nSee [one](#define-store), [two](#map-state), [three](#map-getters) and [four](#map-actions).\n",
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "broken-anchor")
    assert [(f["path"], f["message"].split(" in ")[0]) for f in findings] == [("docs/guide.md", "no heading or anchor #Plugins")], err


def test_a_docusaurus_sites_own_address_is_a_link_to_its_page(tmp_path, monkeypatch, capsys):
    """https://vault.example.org/docs/setup, written with the site's own ``url``, is the page
    /docs/setup: the translation that writes it so keeps its source's link, and a page of
    the site written so that does not exist is a broken link."""
    zh = "i18n/zh/docusaurus-plugin-content-docs/current"
    config = "module.exports = {url: 'https://vault.example.org', baseUrl: '/', i18n: {defaultLocale: 'en', locales: ['en', 'zh']}, presets: [['classic', {docs: {}}]]};\n"
    write(tmp_path, {
        "docusaurus.config.js": config,
        "docs/setup.md": "# Setup\n\nInstall the vault.\n",
        "docs/backup.md": "# Backup\n\nFirst [set up the vault](/docs/setup) as the guide says.\n",
        f"{zh}/setup.md": "# 设置\n\n安装保险库。\n",
        f"{zh}/backup.md": "# 备份\n\n首先按指南[设置保险库](https://vault.example.org/docs/setup)。\n",
        "docs/faq.md": "# FAQ\n\nSee [the old page](https://www.vault.example.org/docs/gone).\n",
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "translation-drift,broken-link")
    assert [(f["path"], f["name"]) for f in findings] == [("docs/faq.md", "broken-link")], err


def test_an_address_commented_out_in_a_docusaurus_config_is_not_the_sites(tmp_path, monkeypatch, capsys):
    """``// url: 'https://old.example.org'`` beside a ``url`` chosen when the site is built is
    an address the site no longer has: a link to a page there is a link to another site."""
    config = (
        "const isHome = process.env.HOME_SITE === '1';\n"
        "module.exports = {\n  url: isHome ? 'https://vault.example.org' : 'https://docs.vault.example.org',\n"
        "  // url: 'https://vault.example.github.io',\n  baseUrl: '/',\n  presets: [['classic', {docs: {}}]],\n};\n"
    )
    write(tmp_path, {
        "docusaurus.config.js": config,
        "docs/setup.md": "# Setup\n\nThe [benchmarks](https://vault.example.github.io/docs/benchmarks/) are published elsewhere.\n",
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "broken-link")
    assert findings == [], err


def test_an_address_in_a_docusaurus_index_page_is_read_from_where_it_is_served(tmp_path, monkeypatch, capsys):
    """docs/faq/faq.md (and docs/faq/index.md) is served at /docs/faq, with no slash: a browser
    reads ./setup written there as /docs/setup, faq's sibling; what the file's own folder holds
    is found first, and an address that is neither is broken. With ``trailingSlash: true`` the
    page is /docs/faq/, and ./setup is docs/faq/setup alone."""
    files = {
        "docusaurus.config.js": "module.exports = {presets: [['classic', {docs: {}}]]};\n",
        "docs/setup.md": "# Setup\n\nInstall it.\n",
        "docs/faq/keys.md": "# Keys\n\nRotate them.\n",
        "docs/faq/faq.md": "# FAQ\n\nSee [setup](./setup), [keys](./keys) and [backup](./backup).\n",
        "docs/help/index.md": "# Help\n\nSee [setup](./setup).\n",
    }
    write(tmp_path, files)
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "broken-link")
    assert [(f["path"], f["message"].split(":")[0]) for f in findings] == [("docs/faq/faq.md", "link to ./backup")], err
    write(tmp_path, {"docusaurus.config.js": "module.exports = {trailingSlash: true, presets: [['classic', {docs: {}}]]};\n"})
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "broken-link")
    assert sorted(f["message"].split(":")[0] for f in findings) == ["link to ./backup", "link to ./setup", "link to ./setup"], err


def test_a_docusaurus_category_index_named_in_its_category_file_is_a_page(tmp_path, monkeypatch, capsys):
    """A sidebar generated from the folders takes a category's page from its
    ``_category_.json`` (``link: {type: 'generated-index'}``): the build serves it at
    /docs/category/<slug>; with no such link the address leads nowhere."""
    category = '{"label": "Install", "link": {"type": "generated-index"}}\n'
    files = {
        "docusaurus.config.js": "module.exports = {presets: [['classic', {docs: {sidebarPath: './sidebars.js'}}]]};\n",
        "sidebars.js": "module.exports = {docs: [{type: 'autogenerated', dirName: '.'}]};\n",
        "docs/intro.md": "# Intro\n\nThe steps are in [the install pages](/docs/category/install).\n",
        "docs/install/_category_.json": category,
        "docs/install/server.md": ENGLISH,
    }
    write(tmp_path, files)
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "broken-link")
    assert findings == [], err
    write(tmp_path, {"docs/install/_category_.json": '{"label": "Install"}\n'})
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "broken-link")
    assert [(f["name"], f["line"]) for f in findings] == [("broken-link", 3)], err


def test_a_docsite_site_written_in_chinese_first_has_its_chinese_for_source(tmp_path, monkeypatch, capsys):
    """A docsite site names the language its docs are written in first (``defaultLanguage`` in
    site_config/site.js): its English pages are the translations, and a Chinese page without
    an English one is a source not yet translated, not a translation without a source."""
    write(tmp_path, {
        "site_config/site.js": "export default {\n  rootPath: '',\n  defaultLanguage: 'zh-cn',\n  'en-us': {},\n};\n",
        "docs/zh-cn/intro.md": SIMPLIFIED,
        "docs/en-us/intro.md": ENGLISH,
        "docs/zh-cn/design.md": "# 设计\n\n这一页只有中文。\n",
    })  # fmt: skip
    assert identities(tmp_path, "docs/en-us/intro.md", "docs/zh-cn/intro.md") == [
        ("intro", "en", "docs/en-us"), ("intro", "zh-Hans", "docs/zh-cn"),
    ]  # fmt: skip
    assert load_config(None, tmp_path, False).source_locale == "zh-Hans"
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "missing-translation")
    assert findings == [], err


def test_a_page_a_framework_rendered_ahead_of_time_is_no_article(tmp_path, monkeypatch, capsys):
    """A site that commits its built pages (``zh-cn/docs/intro.html``, rendered by React from
    docs/zh-cn/intro.md) holds the header, menus and footer in each: no article, though a
    link may lead there."""
    shell = ('<!DOCTYPE html><html><head><title>intro</title></head><body><div id="root">'
             '<div class="page" data-reactroot=""><header><img src="/img/logo.png"/>'
             '<a href="/zh-cn/docs/intro.html">intro</a></header><p>Setup  the the tool</p></div></div></body></html>\n')
    write(tmp_path, {
        "zh-cn/docs/intro.html": shell,
        "docs/guide.md": "# Guide\n\nRead [the built page](/zh-cn/docs/intro.html) first.\n",
    })  # fmt: skip
    code, findings, err = lint(tmp_path, monkeypatch, capsys, ".")
    assert (code, findings) == (0, []), err


def test_a_hugo_sites_default_content_language_is_its_sources(tmp_path, monkeypatch, capsys):
    """A Hugo site that names Chinese its default language (``defaultContentLanguage =
    "zh-cn"``) writes its pages in Chinese first: content/en/ is the translation, and a Chinese
    page without an English one is a source not yet translated."""
    config = 'baseURL = "https://example.org/"\ndefaultContentLanguage = "zh-cn"\n[languages.zh-cn]\nweight = 1\n[languages.en]\nweight = 2\n'
    write(tmp_path, {
        "config.toml": config, "layouts/.keep": "",
        "content/zh-cn/docs/intro.md": SIMPLIFIED, "content/en/docs/intro.md": ENGLISH,
        "content/zh-cn/docs/design.md": "# 设计\n\n这一页只有中文。\n",
    })  # fmt: skip
    assert load_config(None, tmp_path, False).source_locale == "zh-Hans"
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "missing-translation")
    assert findings == [], err


def test_a_docusaurus_content_folders_language_categories_are_no_translations(tmp_path, monkeypatch, capsys):
    """Docusaurus keeps translations in i18n/: a videos plugin's sessions/en and sessions/zh are
    the talks given in each language, different talks; a Chinese one is no translation that
    lacks its source, and its Chinese is still read as Chinese."""
    write(tmp_path, {
        "docusaurus.config.js": "module.exports = {plugins: [['@docusaurus/plugin-content-docs', {id: 'videos', path: 'videos', routeBasePath: 'videos'}]]};\n",
        "docs/intro.md": ENGLISH,
        "videos/sessions/en/2024-05-01-keynote.md": ENGLISH,
        "videos/sessions/zh/2024-06-01-meetup.md": "# 聚会\n\n会上介绍了新版本的功能,欢迎大家参加。\n",
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "missing-translation,cjk-punctuation")
    assert [(f["path"], f["name"]) for f in findings] == [("videos/sessions/zh/2024-06-01-meetup.md", "cjk-punctuation")], err


def test_hugo_finds_front_matter_after_the_blank_lines_that_open_a_page(tmp_path, monkeypatch, capsys):
    """A Hugo page may open with a blank line before its front matter, which Hugo reads; its
    title is there, and its '---' lines are no rule and heading. Elsewhere such a page has
    no front matter (a Markdown renderer shows a rule and a heading)."""
    page = "\n---\ntitle: Extension points\naliases: /old/extension\n---\n\n## Overview\n\nRegister an extension.\n"
    write(tmp_path, {"hugo.toml": 'title = "Docs"\n', "content/guide.md": page, "content/TOML.md": "\n\n+++\ntitle = \"Rules\"\n+++\n\nText.\n"})
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "front-matter,empty-section")
    assert findings == [], err
    (tmp_path / "hugo.toml").unlink()
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "front-matter")
    assert sorted((f["path"], f["line"]) for f in findings) == [("content/TOML.md", 1), ("content/guide.md", 1)], err


def test_a_docusaurus_sites_own_plugin_with_a_blogs_options_serves_a_blog():
    """A plugin of the site's own that wraps the blog's (``['./plugins/own-blog', {blogTitle:
    …}]``, the preset's ``blog: false``) serves blog/ at /blog, as the blog plugin would; a
    navbar's or a theme's objects are no blog."""
    from kblint.kb.site import _routes_in

    text = """module.exports = {
  presets: [['classic', {docs: {routeBasePath: 'docs'}, blog: false}]],
  plugins: [['./plugins/own-blog', {blogTitle: 'News', postsPerPage: 10}]],
  themeConfig: {navbar: {items: [{to: '/blog', label: 'Blog'}]}},
};
"""
    routes = _routes_in(text, "")
    assert routes.folders == (("docs", "docs"), ("blog", "blog")) and routes.blogs == ("blog",)


def test_a_docusaurus_sites_own_plugins_are_known_by_the_options_they_pass_on(tmp_path):
    """The preset's docs and blog turned off, the site wraps them in plugins of its own: one
    passes the docs' options on (``sidebarPath``) and serves docs/ at /docs; one, defined in
    the configuration, the blog's (``showReadingTime``); one makes a changelog (``blogTitle``,
    served at /changelog) into a folder its module names itself (``path:``), not blog/."""
    from kblint.kb.site import docusaurus_routes

    (tmp_path / "src/plugins/docs").mkdir(parents=True)
    (tmp_path / "src/plugins/changelog").mkdir(parents=True)
    (tmp_path / "src/plugins/docs/index.js").write_text("import docs from '@docusaurus/plugin-content-docs';\nexport default docs.default;\n")
    (tmp_path / "src/plugins/changelog/index.js").write_text(
        "import blog from '@docusaurus/plugin-content-blog';\n"
        "export default async function changelog(context, options) {\n  const plugin = await blog.default(context, {\n    ...options,\n    path: 'changelog/source',\n  });\n  return {...plugin, name: 'changelog', routes: [{path: '/changelog'}]};\n}\n"
    )
    (tmp_path / "docusaurus.config.js").write_text("""async function newsPlugin(context, opts) { return blogPlugin(context, opts); }
module.exports = {
  plugins: [
    [newsPlugin, {showReadingTime: true}],
    ['./src/plugins/changelog/index.js', {blogTitle: 'Changelog', routeBasePath: '/changelog'}],
    ['./src/plugins/docs/index.js', {sidebarPath: require.resolve('./sidebars.js'), includeCurrentVersion: true}],
  ],
  presets: [['@docusaurus/preset-classic', {docs: false, blog: false}]],
};
""")
    routes = docusaurus_routes(tmp_path)
    assert set(routes.folders) == {("blog", "blog"), ("docs", "docs")} and routes.blogs == ("blog",)


def test_a_title_a_translation_writes_over_a_docusaurus_docs_text_is_shown_once(tmp_path, monkeypatch, capsys):
    """Docusaurus shows the heading a doc opens with in the place of its front matter title,
    but a blog post's title over its text whatever heading follows: a translated doc that opens
    with its title has as many headings as its source; a post that does shows it twice."""
    zh = "i18n/zh/docusaurus-plugin-content"
    config = "module.exports = {i18n: {defaultLocale: 'en', locales: ['en', 'zh']}, presets: [['classic', {docs: {}, blog: {}}]]};\n"
    write(tmp_path, {
        "docusaurus.config.js": config,
        "docs/setup.md": "---\ntitle: Setup\n---\n\n## Install\n\nInstall the vault.\n",
        f"{zh}-docs/current/setup.md": "---\ntitle: 设置\n---\n\n# 设置\n\n## 安装\n\n安装保险库。\n",
        "blog/2024-05-01-launch.md": "---\ntitle: Launch\n---\n\n## Why\n\nIt is out.\n",
        f"{zh}-blog/2024-05-01-launch.md": "---\ntitle: 发布\n---\n\n# 发布\n\n## 为什么\n\n它发布了。\n",
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "translation-drift")
    assert [(f["path"], f["message"]) for f in findings] == [
        (f"{zh}-blog/2024-05-01-launch.md", "the source (en blog/2024-05-01-launch) has 1 headings, this translation 2")
    ], err


def test_a_page_a_themes_component_lays_out_needs_no_text_or_title_of_its_own(tmp_path, monkeypatch, capsys):
    """``layout: HomePage``, ``layout: UserStory``: a component of a VuePress theme renders the
    page from its front matter's data; its title may be the theme's and its text a title alone.
    A Jekyll layout's file name (``layout: post``) lays out the page's own text."""
    write(tmp_path, {
        "docs/.vuepress/config.js": "module.exports = {title: 'Vault'};\n",
        "docs/README.md": "---\nlayout: HomePage\nquickStart: Start here\n---\n\nWelcome.\n",
        "docs/story/README.md": "---\nlayout: UserStory\nstories: [{name: Bank}]\n---\n\n# Stories\n",
        "docs/news.md": "---\nlayout: post\n---\n\n# News\n",
        "docs/guide.md": "---\nlayout: post\n---\n\nAn article with no title.\n",
    })  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "front-matter,empty-section")
    assert sorted((f["path"], f["name"]) for f in findings) == [("docs/guide.md", "front-matter"), ("docs/news.md", "empty-section")], err


def test_an_i18n_locale_folder_that_mirrors_the_docs_beside_it(tmp_path, monkeypatch, capsys):
    """Two archived versions of a docs site, each with its docs/ and i18n/zh-Hans/ holding the
    docs' own sections (no plugin's folder, no configuration left): each translation pairs
    with the page at its path in its version's docs/, and the versions keep ids of their own."""
    files = {}
    for version in ("4.0", "5.0"):
        for page in ("guide/setup", "guide/usage", "reference/api"):
            files[f"archive/{version}/docs/{page}.md"] = ENGLISH
            files[f"archive/{version}/i18n/zh-Hans/{page}.md"] = SIMPLIFIED
    write(tmp_path, {**files, "archive/5.0/i18n/zh-Hans/guide/extra.md": SIMPLIFIED})
    assert identities(tmp_path, "archive/5.0/docs/guide/setup.md", "archive/5.0/i18n/zh-Hans/guide/setup.md") == [
        ("archive/5.0/docs/guide/setup", "en", ""), ("archive/5.0/docs/guide/setup", "zh-Hans", "archive/5.0/i18n/zh-Hans"),
    ]  # fmt: skip
    _, findings, err = lint(tmp_path, monkeypatch, capsys, "--select", "duplicate-id,missing-translation")
    assert [(f["path"], f["name"]) for f in findings] == [("archive/5.0/i18n/zh-Hans/guide/extra.md", "missing-translation")], err
