"""broken-link: missing files and articles by path, images, case mismatches, nearby names."""

import json

import pytest


def test_missing_pages_and_images_at_the_link(kb):
    kb.config("source_locale: en\n")
    line = "See [b](b.md), [c](/help/c), [d](../help/d.md) and ![shot](img/shot.png)."
    kb.write("en/help/a.md", f"# A\n\n{line}\n")
    kb.write("en/help/b.md", "# B\n")
    kb.write("en/help/c/index.md", "# C\n")
    found = [(f.line, f.column, f.end_column, f.message) for f in kb.lint("broken-link")]
    at = line.index("../help/d.md") + 1
    image = line.index("img/shot.png") + 1
    assert found == [
        (3, at, at + len("../help/d.md"), "link to ../help/d.md: no such file or article in the knowledge base"),
        (3, image, image + len("img/shot.png"), "image to img/shot.png: no such file or article in the knowledge base"),
    ]


def test_a_slash_after_a_files_name_is_named(kb):
    """``src=/img/a.svg/>``: in an unquoted attribute the slash of ``/>`` belongs to the
    address, which then names a folder; the message says the file is there."""
    kb.config("source_locale: en\n")
    kb.write("en/help/a.md", "# A\n\n<div><img width=50% src=/img/flow.svg/></div>\n")
    kb.write("en/img/flow.svg", "<svg/>")
    [finding] = kb.lint("broken-link")
    assert (finding.line, finding.column) == (3, 25)
    assert finding.message == "image to /img/flow.svg/: /img/flow.svg is a file, and the slash after its name asks for a folder of that name: remove the slash"


def test_case_mismatch_with_a_safe_fix(kb):
    kb.config("source_locale: en\n")
    kb.write("en/help/a.md", "# A\n\n![The dialog](../assets/Dialog.PNG)\n")
    kb.write("en/assets/dialog.png", b"\x89PNG")
    [finding] = kb.lint("broken-link")
    assert "the file is dialog.png, whose name differs in case" in finding.message
    assert finding.fix is not None and finding.fix.safe and finding.fix.edits[0].replacement == "../assets/dialog.png"


def test_a_case_fix_of_an_address_without_its_suffix_is_unsafe(kb):
    """``../license`` may be a page the site serves as written, not the LICENSE file whose
    name it matches in another case."""
    kb.config("source_locale: en\n")
    kb.write("en/help/a.md", "# A\n\nSee the [license](../../LICENSE.txt) and the [terms](../../terms).\n")
    kb.write("LICENSE.txt", "MIT\n")
    kb.write("TERMS", "Terms.\n")
    found = kb.lint("broken-link")
    assert [(f.fix.edits[0].replacement, f.fix.safe) for f in found] == [("../../TERMS", False)], found
    assert "an address without the file's suffix" in found[0].fix.reason


def test_a_near_name_is_suggested(kb):
    kb.config("source_locale: en\n")
    kb.write("en/help/a.md", "# A\n\nSee [setup](instal-agent.md).\n")
    kb.write("en/help/install-agent.md", "# Install\n")
    [finding] = kb.lint("broken-link")
    assert finding.message.endswith("did you mean en/help/install-agent.md?")


def test_a_file_beside_the_page_is_suggested_for_a_path_from_the_top(kb):
    # "/guide-fr.md" from archive/guide.md: the slash is a slip, the file is beside the page
    # (not the near name at the top, guide.md).
    kb.write("guide.md", "# Guide\n")
    kb.write("archive/guide.md", "# Guide\n\nRead it [in French](/guide-fr.md).\n")
    kb.write("archive/guide-fr.md", "# Guide\n")
    assert [f.message for f in kb.lint("broken-link")] == [
        "link to /guide-fr.md: no such file at the top of the knowledge base, where a path that starts with / begins; did you mean guide-fr.md, beside this page?"
    ]


def test_a_near_name_is_suggested_for_a_pages_address_too(kb):
    """A page's address names it without its suffix, a folder's slash after it
    ("./default-value/" for bind-default-values.md); an image's name is no page's."""
    kb.config("source_locale: en\n")
    kb.write("en/help/index.md", "# Help\n\nSee [defaults](./default-value/) and ![chart](default-values).\n")
    kb.write("en/help/bind-default-values.md", "# Defaults\n")
    assert [f.message for f in kb.lint("broken-link")] == [
        "link to ./default-value/: no such file or article in the knowledge base; did you mean en/help/bind-default-values.md?",
        "image to default-values: no such file or article in the knowledge base",
    ]


def test_other_sites_folders_and_links_into_other_files_are_not_checked_or_fine(kb):
    kb.config("source_locale: en\n")
    kb.write("en/help/a.md", "# A\n\n[site](https://example.org/x.md) [mail](mailto:a@example.org) [folder](../api/) [pdf](../files/guide.pdf) `[code](nowhere.md)`\n")
    kb.write("en/api/v1/a.md", "# V1\n")
    kb.write("en/files/guide.pdf", b"%PDF")
    assert kb.lint("broken-link") == []


def test_links_as_a_site_serves_them(kb):
    kb.config("source_locale: en\n")
    line = "See [x](/learn/x/), [y](../learn/y), [guide](/guide/), [z](/learn/z/) and [gone](/learn/gone/)."
    kb.write("en/help/a.md", f"# A\n\n{line}\n")
    kb.write("en/learn/x.md", "# X\n")
    kb.write("en/learn/y.md", "# Y\n")
    kb.write("en/learn/z/index.md", "# Z\n")
    kb.write("en/guide/README.md", "# Guide\n")
    found = [(f.line, f.column) for f in kb.lint("broken-link")]
    assert found == [(3, line.index("/learn/gone/") + 1)]


def test_e_mail_autolinks_are_not_paths(kb):
    kb.config("source_locale: en\n")
    kb.write("en/help/a.md", "# A\n\nWrite to <team@example.com> or <mailto:team@example.com>, see <sub.team@mail.example.org>.\n")
    assert kb.lint("broken-link") == []


def test_a_translation_may_link_to_a_page_only_the_default_language_has(kb):
    kb.config("source_locale: en\nlocales: [en, zh-Hant]\n")
    kb.write("en/help/only.md", "# Only in English\n")
    kb.write("en/help/a.md", "# A\n")
    text = "# 甲\n\n請看 [只有英文](only.md)、[根](/help/only/) 與 [不存在](/help/nowhere)。\n"
    kb.write("zh-Hant/help/a.md", text)
    found = [(f.path, f.line, f.column) for f in kb.lint("broken-link")]
    assert [(line, column) for _, line, column in found] == [(3, text.split("\n")[2].index("/help/nowhere") + 1)]


def test_files_a_site_serves_at_its_root(kb):
    kb.config("source_locale: en\nlocales: [en, zh-Hant]\n")
    kb.write("en/public/images/logo.svg", b"<svg/>")
    kb.write("en/guide/a.md", "# A\n\n![logo](/images/logo.svg) ![gone](/images/gone.svg)\n")
    kb.write("zh-Hant/guide/a.md", "# 甲\n")
    assert [f.column for f in kb.lint("broken-link")] == [len("![logo](/images/logo.svg) ![gone](") + 1]


def test_files_a_vuepress_site_serves_from_its_public_folder(kb):
    # VuePress keeps them in .vuepress/public in the folder that holds the locale folders.
    kb.write("docs/.vuepress/public/images/2025/account.webp", b"RIFF")
    kb.write("docs/en/guide/a.md", "# A\n\n![account](/images/2025/account.webp) ![gone](/images/2025/gone.webp)\n")
    kb.write("docs/zh/guide/a.md", "# 甲\n")
    assert [f.column for f in kb.lint("broken-link")] == [len("![account](/images/2025/account.webp) ![gone](") + 1]


def test_a_default_language_beside_the_locale_folders_links_from_the_site_root(kb):
    kb.config("source_locale: en\nlocales: [en, zh-Hant]\n")
    kb.write("site/docs/setup.md", "# Setup\n")
    kb.write("site/docs/a.md", "# A\n\nSee [setup](/docs/setup) and [gone](/docs/gone).\n")
    kb.write("site/zh-tw/docs/setup.md", "# 設定\n")
    assert [f.column for f in kb.lint("broken-link")] == [len("See [setup](/docs/setup) and [gone](") + 1]


@pytest.mark.parametrize(
    "line, judged",
    [
        # Root-absolute: /pictures is a top folder the knowledge base does not have.
        ("![a](/pictures/a.png) ![b](/assets/b.png) [c](/pictures/c) [d](/pictures/d.md)", ["/assets/b.png", "/pictures/c", "/pictures/d.md"]),
        # Relative, climbing out: a site resolves ../pictures/a.png against the page's address
        # (from /guide/a it is /pictures/a.png). Judged: an existing folder's missing file, a
        # file beside the article, a page, a folder below the article.
        (
            "![a](../../pictures/a.png) ![b](../assets/b.png) ![c](c.png) [d](../pictures/d) ![e](pictures/e.png)",
            ["../assets/b.png", "c.png", "../pictures/d", "pictures/e.png"],
        ),
    ],
)
def test_files_under_a_folder_the_knowledge_base_does_not_have_are_not_judged(kb, line, judged):
    kb.config("source_locale: en\n")
    kb.write("en/assets/shot.png", b"\x89PNG")
    kb.write("en/guide/a.md", f"# A\n\n{line}\n")
    assert [f.column for f in kb.lint("broken-link")] == [line.index(url) + 1 for url in judged]


def test_a_page_of_the_site_as_a_whole_from_a_translation(kb):
    kb.config("source_locale: en\nlocales: [en, zh-Hant]\n")
    kb.write("site/themes/index.md", "# Themes\n")
    kb.write("site/docs/a.md", "# A\n")
    kb.write("site/zh-tw/docs/a.md", "# 甲\n\n請看 [主題](/themes) 與 [無](/nothing)。\n")
    assert [f.line for f in kb.lint("broken-link")] == [3]


def test_a_site_that_lowercases_addresses_serves_capitalized_paths(kb):
    """Astro (and Hugo) serve develop/Plugins/Inter Process.mdx at /develop/plugins/inter-process/."""
    kb.config("source_locale: en\n")
    kb.write("astro.config.mjs", "export default {};\n")
    line = "See [p](/develop/plugins/inter-process/), [m](../develop/plugins/mobile/) and [f](../develop/Plugins/mobile.mdx)."
    kb.write("src/content/docs/start/a.md", f"# A\n\n{line}\n")
    kb.write("src/content/docs/zh-cn/start/a.md", "# 甲\n")  # English at the top, translations beside
    kb.write("src/content/docs/develop/Plugins/Inter Process.mdx", "# P\n")
    kb.write("src/content/docs/develop/Plugins/Mobile.mdx", "# M\n")
    found = [(f.column, f.message) for f in kb.lint("broken-link")]
    # A file's own path keeps its case: only an address is served in lower case.
    assert found == [(line.index("../develop/Plugins/mobile.mdx") + 1, "link to ../develop/Plugins/mobile.mdx: the file is Mobile.mdx, whose name differs in case: this works on macOS and Windows but not on a Linux server")]


def test_without_a_builder_that_lowercases_a_capitalized_path_differs_in_case(kb):
    kb.config("source_locale: en\n")
    kb.write("hugo.toml", "disablePathToLower = true\n")
    kb.write("docs/start/a.md", "# A\n\nSee [p](/develop/plugins/).\n")
    kb.write("docs/zh-cn/start/a.md", "# 甲\n")
    kb.write("docs/develop/Plugins/index.md", "# P\n")
    [finding] = kb.lint("broken-link")
    assert "the file is Plugins/index.md, whose folder differs in case" in finding.message


def test_pages_a_gitignore_lists_are_generated_not_broken(kb):
    kb.config("source_locale: en\n")
    # The root's own: build output (not pages), and a place the build fills (an API reference).
    kb.write(".gitignore", "public/\n# generated\ndocs/api\n")
    kb.write("docs/reference/.gitignore", "config.md\njavascript/*\n!javascript/index.mdx\n")
    line = "See [c](/reference/config/), [j](/reference/javascript/os/), [g](/reference/gone/), [a](../api/store.md) and [p](/public/x/)."
    kb.write("docs/start/a.md", f"# A\n\n{line}\n")
    kb.write("docs/zh-cn/start/a.md", "# 甲\n")
    kb.write("docs/reference/env.md", "# Env\n")
    found = [(f.column, f.message.split(":")[0]) for f in kb.lint("broken-link")]
    assert found == [
        (line.index("/reference/gone/") + 1, "link to /reference/gone/"),
        (line.index("/public/x/") + 1, "link to /public/x/"),
    ]


def test_an_astro_projects_own_routes_are_pages_of_the_site(kb):
    kb.config("source_locale: en\n")
    kb.write("astro.config.mjs", "export default {};\n")
    kb.write("src/pages/feed.xml.ts", "export function GET() {}\n")
    kb.write("src/pages/about.astro", "<h1>About</h1>\n")
    line = "Read [the feed](/feed.xml), [about us](/about/) and [the map](/map.xml)."
    kb.write("src/content/docs/start/a.md", f"# A\n\n{line}\n")
    kb.write("src/content/docs/zh-cn/start/a.md", "# 甲\n")
    assert [(f.column, f.message.split(":")[0]) for f in kb.lint("broken-link")] == [(line.index("/map.xml") + 1, "link to /map.xml")]


DOCUSAURUS_AT_THE_ROOT = """export default {
  trailingSlash: true,
  i18n: {defaultLocale: 'en', locales: ['en', 'zh-TW']},
  presets: [['classic', {docs: {routeBasePath: '/', sidebarPath: './sidebars.js'}, blog: false}]],
  plugins: [['@docusaurus/plugin-content-docs', {id: 'api', path: './api-docs', routeBasePath: 'api'}]],
};
"""
TW_DOCS = "i18n/zh-TW/docusaurus-plugin-content-docs/current"


def test_a_docusaurus_site_serves_its_docs_folder_at_its_route(kb):
    """routeBasePath '/' serves docs/general/x.md at /general/x/; a second docs plugin serves
    api-docs/ at /api/; a link to a file (/general/x.md) is looked for in the content folders."""
    kb.config("source_locale: en\n")
    kb.write("docusaurus.config.js", DOCUSAURUS_AT_THE_ROOT)
    line = "See [x](/general/x), [y](/general/y/), [f](/general/x.md), [a](/api/calls) and [g](/general/gone)."
    kb.write("docs/general/intro.md", f"# Intro\n\n{line}\n")
    kb.write("docs/general/x.md", "# X\n")
    kb.write("docs/general/y.md", "# Y\n")
    kb.write("api-docs/calls.md", "# Calls\n")
    translated = "請看 [x](/general/x) 與 [無](/general/none)。"
    kb.write(f"{TW_DOCS}/general/intro.md", f"# 簡介\n\n{translated}\n")
    found = [(f.path, f.column) for f in kb.lint("broken-link")]
    assert found == [
        ("docs/general/intro.md", line.index("/general/gone") + 1),
        (f"{TW_DOCS}/general/intro.md", translated.index("/general/none") + 1),
    ]


def test_a_docusaurus_page_at_x_slash_climbs_from_there(kb):
    """With trailingSlash: true the page docs/general/account/features.md is served at
    /general/account/features/, so ../2fa is docs/general/account/2fa.md; a category's page
    a/a.md is served at a/ and climbs from there; a file named without ./ is looked for in the
    content folder first."""
    kb.config("source_locale: en\n")
    kb.write("docusaurus.config.js", DOCUSAURUS_AT_THE_ROOT)
    kb.write("docs/general/account/features.md", "# F\n\nSee [2fa](../2fa), [up](../../stealth#x) and [no](../none).\n")
    kb.write("docs/general/account/2fa.md", "# 2FA\n")
    kb.write("docs/general/stealth.md", "# Stealth\n\n## X\n")
    kb.write("docs/general/general.md", "# General\n\nSee [s](../general/stealth/) and [f](general/stealth.md).\n")
    found = [(f.path, f.message) for f in kb.lint("broken-link")]
    assert found == [("docs/general/account/features.md", "link to ../none: no such file or article in the knowledge base")]


def test_without_trailing_slashes_a_page_address_climbs_from_its_folder(kb):
    kb.config("source_locale: en\n")
    kb.write("docusaurus.config.js", DOCUSAURUS_AT_THE_ROOT.replace("trailingSlash: true", "trailingSlash: false"))
    kb.write("docs/general/account/features.md", "# F\n\nSee [2fa](../2fa).\n")
    kb.write("docs/general/account/2fa.md", "# 2FA\n")
    [finding] = kb.lint("broken-link")
    assert finding.message.startswith("link to ../2fa:")


def test_a_docusaurus_version_links_its_own_files(kb):
    """A file named without ./ is looked for in the article's content folder: its version's."""
    kb.config("source_locale: en\n")
    kb.write("docusaurus.config.js", DOCUSAURUS_AT_THE_ROOT)
    kb.write("docs/cli/add.md", "# Add\n\nSee [s](settings.md#store).\n")
    kb.write("docs/settings.md", "# Settings\n\n## Store\n")
    kb.write("versioned_docs/version-2.x/cli/add.md", "# Add\n\nSee [s](settings.md#cache).\n")
    kb.write("versioned_docs/version-2.x/settings.md", "# Settings\n\n## Cache\n")
    assert kb.lint("broken-link", "broken-anchor") == []


def test_a_docusaurus_blog_post_is_served_at_its_date(kb):
    kb.config("source_locale: en\n")
    kb.write("docusaurus.config.js", DOCUSAURUS_AT_THE_ROOT)
    kb.write("blog/2020-05-27-flat-trees.md", "# Flat trees\n")
    kb.write("blog/2021-01-02-a-year/index.md", "# A year\n")
    line = "See [f](/blog/2020/05/27/flat-trees), [y](/blog/2021/01/02/a-year/) and [n](/blog/2020/05/28/flat-trees)."
    kb.write("docs/intro.md", f"# Intro\n\n{line}\n")
    assert [f.column for f in kb.lint("broken-link")] == [line.index("/blog/2020/05/28") + 1]


def test_pages_a_docusaurus_plugin_writes_into_a_folder_are_not_broken(kb):
    """docusaurus-plugin-openapi-docs writes docs/references/rpc/*.md at build time."""
    kb.config("source_locale: en\n")
    kb.write("docusaurus.config.js", DOCUSAURUS_AT_THE_ROOT.replace(
        "plugins: [", "plugins: [['docusaurus-plugin-openapi-docs', {config: {rpc: {specPath: 'rpc.yaml', outputDir: 'docs/references/rpc'}}}], "
    ))
    kb.write("docs/references/rpc/README.md", "# RPC\n")
    line = "See [peers](../references/rpc/peers) and [gone](../references/gone)."
    kb.write("docs/guide/a.md", f"# A\n\n{line}\n")
    kb.write(f"{TW_DOCS}/guide/a.md", "# 甲\n\n請看 [peers](../references/rpc/peers)。\n")
    assert [(f.path, f.column) for f in kb.lint("broken-link")] == [("docs/guide/a.md", line.index("../references/gone") + 1)]


def test_a_docusaurus_sidebars_generated_category_pages_are_served(kb):
    """A sidebar category with link: {type: 'generated-index'} is a page the build writes at
    /docs/category/<slug>; without one, the address is broken."""
    kb.config("source_locale: en\n")
    kb.write("docusaurus.config.js", DOCUSAURUS_AT_THE_ROOT)
    line = "See [the guides](/docs/category/guides)."
    kb.write("docs/intro.md", f"# Intro\n\n{line}\n")
    assert [f.column for f in kb.lint("broken-link")] == [line.index("/docs/category") + 1]
    kb.write("sidebars.js", "module.exports = {docs: [{type: 'category', label: 'Guides', link: {type: 'generated-index'}, items: ['intro']}]};\n")
    kb.write("docs/intro.md", f"# Intro\n\n{line}\n\nText.\n")
    assert kb.lint("broken-link") == []


def test_a_destination_a_template_fills_in_is_not_checked(kb):
    kb.config("source_locale: en\n")
    kb.write("en/help/a.md", (
        "# A\n\nOur [sponsor]({{ sponsor.url }}), the [English page](ENGLISH_VERSION_URL), the [option](${optionPath}series.data) "
        "and [gone](GONE.md).\n"
    ))  # fmt: skip
    assert [f.message for f in kb.lint("broken-link")] == ["link to GONE.md: no such file or article in the knowledge base"]


def test_a_mkdocs_sites_root_is_its_docs_folder_also_for_translations_beside_it(kb):
    """docs/en/mkdocs.yml serves docs/en/docs at the site's root; docs/de/docs, its German
    mirror, is served under /de/, and its root-absolute addresses are the English site's."""
    kb.write("docs/en/mkdocs.yml", "site_name: Tiles\ntheme:\n  name: material\nmarkdown_extensions:\n  - attr_list\n")
    kb.write("docs/en/docs/img/tiles.png", "png")
    kb.write("docs/en/docs/guide.md", "# Guide\n\n![Tiles](/img/tiles.png) and ![gone](/img/gone.png)\n")
    kb.write("docs/de/docs/guide.md", "# Anleitung\n\n![Kacheln](/img/tiles.png)\n")
    kb.write("docs/de/docs/notes.md", "Nur Text: MkDocs names the page by its file.\n")
    kb.write("docs/de/prompt.md", "Nur Text, keine Seite der Website: no page, no title asked.\n")
    found = [(f.path, f.name, f.message[:40]) for f in kb.lint("broken-link", "front-matter")]
    assert found == [("docs/en/docs/guide.md", "broken-link", "image to /img/gone.png: no such file or ")]


def test_a_route_of_a_site_whose_builder_is_unknown_is_not_checked(kb):
    """No builder kblint reads: the site's own router serves /components/tree (the tree
    component's page) and /docs/theme/en; a route that names no page, or a file, is checked."""
    kb.config("source_locale: en\n")
    kb.write("components/tree/README.en-US.md", "# Tree\n\nSee [the table](/components/table) and [theming](/docs/theme/en).\n")
    kb.write("components/table/README.en-US.md", "# Table\n\nSee [nothing](/components/nothing-here) and [a file](/docs/gone.md).\n")
    kb.write("docs/theme.en-US.md", "# Theme\n\nText.\n")
    assert sorted(f.message.split(":")[0] for f in kb.lint("broken-link")) == ["link to /components/nothing-here", "link to /docs/gone.md"]


def test_a_relative_route_of_a_site_whose_builder_is_unknown_is_not_checked(kb):
    """The site's own router serves ``tooltip`` from the popover component's page (its
    sibling's address), and ``popover`` (its own); a name no article has, a part of the path
    that is no sibling's (``demos``), a sibling's name from elsewhere, or a file, is still checked. In a repository
    read on GitHub (a README, no site builder) the same link is a file's path, and broken."""
    kb.write("package.json", '{"name": "widgets", "scripts": {"build": "vite build"}}')
    kb.write("README.md", "# Widgets\n")
    kb.write("src/tooltip/demos/enUS/index.demo-entry.md", "# Tooltip\n\nText.\n")
    kb.write("src/guide/start.md", "# Start\n\nSee [tooltip](tooltip): no sibling's route from here.\n")
    body = "Like [tooltip](./tooltip#props) and [its API](popover#api), not [gone](tooltipp), [demos](demos) or [a file](gone.md).\n"
    kb.write("src/popover/demos/enUS/index.demo-entry.md", "# Popover\n\n" + body)
    assert sorted(f.message.split(":")[0] for f in kb.lint("broken-link")) == ["link to demos", "link to gone.md", "link to tooltip", "link to tooltipp"]
    (kb.root / "package.json").unlink()
    assert len(kb.lint("broken-link")) == 6


def test_an_email_address_written_as_a_path_says_so(kb):
    kb.config("source_locale: en\n")
    kb.write("ADOPTERS.md", "# Adopters\n\nAsk [Dana](dana.lee@example.org) or [Ravi](mailto:ravi@example.org).\n")
    assert [f.message for f in kb.lint("broken-link")] == [
        "link to dana.lee@example.org: an e-mail address needs 'mailto:' before it; as written it is a file's path"
    ]


def test_myst_references_to_a_target_or_a_python_object_are_no_files(kb):
    """MyST reads "[the format](data-format)" as a reference to the target "(data-format)=" of
    any page, and "[`Loader`](kbtool.io.loader.Loader)" as one to a documented object; a name
    no page gives, or a file's name with its extension, is still a broken link."""
    kb.config("source_locale: en\n")
    kb.write("en/docs/data.md", "# Data\n\n(data-format)=\n\n## The format\n\nText.\n")
    line = "See [the format](data-format), [`Loader`](kbtool.io.loader.Loader), [layout](data-layout) and [sample](sample.config.yaml)."
    kb.write("en/docs/start.md", f"# Start\n\n{line}\n")
    assert [f.message for f in kb.lint("broken-link")] == [
        "link to data-layout: no such file or article in the knowledge base",
        "link to sample.config.yaml: no such file or article in the knowledge base",
    ]


def test_pages_a_mintlify_site_writes_from_its_openapi_specification(kb):
    """A Mintlify site writes a page for each operation of the specification its navigation
    names: at its x-mint.href, or at the directory, its tag and its summary made slugs. A link
    to an operation the specification lacks is broken."""
    kb.write("docs.json", json.dumps({"navigation": {"languages": [{"language": "en", "tabs": [
        {"tab": "API", "groups": [{"group": "Chats", "openapi": "en/api/spec.json"}]},
        {"tab": "Admin", "openapi": {"source": "admin.yaml", "directory": "Admin-API"}},
    ]}]}}))
    kb.write("en/api/spec.json", json.dumps({"paths": {
        "/chats": {"post": {"tags": ["Chat Messages"], "summary": "Send a Message", "x-mint": {"href": "/en/api/chats/send-message"}}},
        "/chats/{id}/stop": {"post": {"tags": ["Chat Messages"], "summary": "Stop (Generation)"}},
    }}))
    kb.write("admin.yaml", "paths:\n  /users/{id}/posts:\n    get:\n      tags: [Users]\n")
    line = ("See [send](/en/api/chats/send-message), [stop](/api-reference/chat-messages/stop-generation), "
            "[posts](/admin-api/users/get-users-posts) and [gone](/en/api/chats/rename).")
    kb.write("en/guide.mdx", f"---\ntitle: Guide\n---\n\n{line}\n")
    assert [f.column for f in kb.lint("broken-link")] == [line.index("/en/api/chats/rename") + 1]


def test_a_placeholders_path_is_no_link_to_check(kb):
    """A writing guide's example links any page: /path, path/to/file.md; a page named path in
    another folder is still checked."""
    kb.config("source_locale: en\n")
    line = "Write [text](/path), [text](path/to/file.md#part), ![shot](./path/to/shot.png) and [x](/paths/x)."
    kb.write("en/style.md", f"# Style\n\n{line}\n")
    assert [f.column for f in kb.lint("broken-link")] == [line.index("/paths/x") + 1]


def test_a_docusaurus_site_in_a_folder_serves_its_static_files_to_its_translations(kb):
    """A site in home/ of its repository: /img/x.png from a page of home/docs and from its
    translation in home/i18n/zh-cn/… is home/static/img/x.png."""
    kb.config("source_locale: en\n")
    kb.write("home/docusaurus.config.js", "module.exports = {i18n: {defaultLocale: 'en', locales: ['en', 'zh-cn']}};\n")
    kb.write("home/static/img/sync.png", "png")
    kb.write("home/docs/sync.md", "# Sync\n\n![Sync](/img/sync.png)\n")
    kb.write("home/i18n/zh-cn/docusaurus-plugin-content-docs/current/sync.md", "# 同步\n\n![同步](/img/sync.png) ![無](/img/none.png)\n")
    found = [(f.path, f.message) for f in kb.lint("broken-link")]
    assert found == [("home/i18n/zh-cn/docusaurus-plugin-content-docs/current/sync.md", "image to /img/none.png: no such file or article in the knowledge base")]


def test_a_relative_image_the_pages_address_reaches_in_a_static_folder(kb):
    # src/content/learn/start.md is served at /learn/start: ../images/x.png is /images/x.png,
    # a file of public/; an image public/ does not hold is still reported.
    kb.config("source_locale: en\n")
    kb.write("public/images/tutorial/board.png", b"PNG")
    kb.write("src/content/images/other.png", b"PNG")  # (a folder of that name beside the pages)
    kb.write("src/content/learn/start.md", "# Start\n\n![board](../images/tutorial/board.png) ![gone](../images/tutorial/gone.png)\n")
    assert [f.message for f in kb.lint("broken-link")] == ["image to ../images/tutorial/gone.png: no such file or article in the knowledge base"]


def test_an_issue_forms_links_lead_from_the_forges_page(kb):
    kb.config("source_locale: en\n")
    form = "Read the [guide](../blob/main/CONTRIBUTING.md) and the [style](/example/kb/blob/main/style.md) first. See [gone](https://kb.example.com/x).\n"
    kb.write(".github/PULL_REQUEST_TEMPLATE.md", form)
    kb.write("docs/a.md", "# A\n\nRead the [guide](../blob/main/CONTRIBUTING.md).\n")
    assert [f.path for f in kb.lint("broken-link")] == ["docs/a.md"]
