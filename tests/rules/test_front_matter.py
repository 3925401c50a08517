"""front-matter: unclosed and invalid blocks, required keys, and what the path supplies."""

from helpers import DOCUSAURUS_DOCS_AT_ROOT


def test_front_matter_problems(kb):
    kb.config("source_locale: en\nlocales: [en, zh-Hant, zh-Hans]\nid_pattern: 'KB[0-9]+'\nrequired_front_matter: [id, lang, title]\n")
    kb.write("en/KB1000.md", "No front matter.\n")
    kb.write("zh-Hant/notes.md", "---\ntitle: 無語言\n---\n內容。\n")
    kb.write("en/KB1002.md", "---\nid: KB1002\nlang: en\ntitle: [unclosed\n---\nText.\n")
    kb.write("en/KB1003.md", "---\nid: nope\nlang: fr\ntitle: T\n---\nText.\n")
    kb.write("en/KB1004.md", "---\nid: KB1004\nlang: english\ntitle: T\n---\nText.\n")
    found = [(f.path, f.line, f.message) for f in kb.lint("front-matter")]
    assert found == [
        ("en/KB1000.md", 1, "no front matter, and nothing else gives the article its 'title': start the file with a '---' block that sets 'title'"),
        ("en/KB1002.md", 5, "front matter is not valid YAML: did not find expected ',' or ']'"),
        ("en/KB1003.md", 2, "id 'nope' does not match the article id pattern 'KB[0-9]+'"),
        ("en/KB1003.md", 3, "lang 'fr' contradicts the folder en/, which holds en articles"),
        ("en/KB1004.md", 3, "lang 'english' is not a locale: write a language tag such as en, zh-Hant, zh-Hans"),
        ("zh-Hant/notes.md", 3, "front matter has no 'id' and its file name is no article id"),
    ]


def test_a_docs_as_code_article_needs_no_front_matter(kb):
    """Identified by its path, its language from its folder, its title from its heading."""
    kb.config("source_locale: en\n")
    kb.write("en/help/troubleshooting/reset.md", "# Resetting the device\n\nHold the button.\n")
    kb.write("zh-Hant/help/troubleshooting/reset.md", "---\ntitle: 重設裝置\n---\n按住按鈕。\n")
    kb.write("zh-Hans/help/untitled.md", "按住按钮。\n")
    found = [(f.path, f.message) for f in kb.lint("front-matter")]
    assert found == [("zh-Hans/help/untitled.md", "no front matter, and nothing else gives the article its 'title': start the file with a '---' block that sets 'title'")]


def test_ids_are_free_form_unless_a_pattern_is_configured(kb):
    kb.config("source_locale: en\n")
    kb.write("docs/intro.md", "---\nid: getting-started\ntitle: Getting started\n---\nText.\n")
    assert kb.lint("front-matter") == []


def test_an_escaped_tag_in_the_level_1_heading_is_its_title(kb):
    kb.write("en/guide/setup.md", "# \\<script setup> {#script-setup}\n\nThe setup block.\n")
    assert [f for f in kb.lint("front-matter") if f.path == "en/guide/setup.md"] == []


def test_a_docusaurus_doc_is_titled_by_its_id(kb):
    """Docusaurus titles a doc with no title and no Markdown title by its id, and a partial
    is no page; Markdown beside its content folders is no page either."""
    kb.config("source_locale: en\nrequired_front_matter: [title]\n")
    kb.write("docusaurus.config.js", DOCUSAURUS_DOCS_AT_ROOT)
    kb.write("docs/settings/_cache.mdx", "### cacheDir\n\nWhere the cache is.\n")
    kb.write("docs/settings/other.mdx", "No title either.\n")
    kb.write("docs/settings/ids.md", "---\nid: identifiers\nsidebar_position: 2\n---\n\n## Names\n\nEach setting has one.\n")
    assert kb.lint("front-matter") == []


def test_a_tools_files_are_no_pages(kb):
    """A coding assistant's instructions (AGENTS.md, CLAUDE.md) and anything in a hidden folder
    (.claude/, .changeset/) is no page of the site: it needs no title."""
    kb.config("source_locale: en\n")
    kb.write("AGENTS.md", "You write short sentences.\n")
    kb.write(".claude/CLAUDE.md", "Run the tests first.\n")
    kb.write(".changeset/quick-fox.md", "Fixes the reset link.\n")
    kb.write("docs/untitled.md", "Hold the button.\n")
    assert [f.path for f in kb.lint("front-matter")] == ["docs/untitled.md"]


def test_a_title_for_each_language_is_a_title(kb):
    """A page that holds every language's text names its title once per language tag; a
    mapping of anything else is no title."""
    kb.config("source_locale: en\n")
    kb.write("demo/basic.md", "---\ntitle:\n  zh-CN: 基本\n  en-US: Basic\n---\n\n## zh-CN\n\n最简单的用法。\n\n## en-US\n\nThe simplest use.\n")
    kb.write("demo/missing.md", "---\ntitle:\n  zh-CN: 404\n  en-US: 404\n---\n\nA page not found.\n")
    kb.write("demo/odd.md", "---\ntitle:\n  short: Basic\n  long: Basic use\n---\n\nText.\n")
    assert [(f.path, f.message) for f in kb.lint("front-matter")] == [("demo/odd.md", "front matter 'title' must be text, not a dict")]


def test_a_front_matter_that_lost_its_opening_line(kb):
    """``title: …`` lines under a blank first line and over a ``---`` are a front matter that
    lost its opening line (Markdown shows them as a heading), even where a Docusaurus doc
    needs no title; a sentence with a colon over a rule is a heading."""
    kb.config("source_locale: en\n")
    kb.write("docusaurus.config.js", DOCUSAURUS_DOCS_AT_ROOT)
    kb.write("docs/metrics.md", "\ntitle: Metrics\nsidebar_position: 3\n---\n\nScrape the agent.\n")
    kb.write("docs/note.md", "Note: the agent restarts\n---\n\nIt restarts at midnight.\n")
    assert [(f.path, f.line, f.column, f.message) for f in kb.lint("front-matter")] == [
        ("docs/metrics.md", 2, 1, "front matter without its opening '---': add one above 'title: Metrics' (as it is, the block shows as a heading)")
    ]


def test_hexo_scaffolds_are_no_pages(kb):
    """A Hexo site's scaffolds/ are the templates ``hexo new`` makes posts from, written with
    no opening ``---`` as Hexo allows: no page."""
    kb.config("source_locale: en\n")
    kb.write("_config.yml", "title: Notes\n")
    kb.write("scaffolds/post.md", "title: {{ title }}\ndate: {{ date }}\n---\n")
    assert kb.lint("front-matter") == []


def test_arco_designs_yaml_block_is_front_matter(kb):
    """A ```yaml block that opens the file (after blank lines) and titles the page is its front
    matter, as Arco Design's documentation tool reads it; one that marks a change log needs no
    title; a component's __demo__/ files are partials and TEMPLATE.md is no page. A YAML
    example that opens a page and titles nothing is code."""
    kb.config("source_locale: en\n")
    kb.write("components/button/README.en-US.md", "\n```yaml\nmeta:\n  type: Component\ntitle: Button\n```\n\n@import ./__demo__/basic.md\n")
    kb.write("components/button/CHANGELOG.md", "```yaml\nchangelog: true\n```\n\n## 2.1.0\n\nFixed the focus ring.\n")
    kb.write("components/button/__demo__/basic.md", "```yaml\ntitle:\n  zh-CN: 基本用法\n  en-US: Basic\n```\n\n## en-US\n\nThe basic button.\n")
    kb.write("components/button/TEMPLATE.md", "## en-US\n```yaml\ntitle: Button\n```\n")
    kb.write("docs/config.md", "```yaml\nport: 8080\n```\n\nThe port to listen on.\n")
    assert [(f.path, f.line) for f in kb.lint("front-matter")] == [("docs/config.md", 1)]


def test_a_change_log_is_titled_by_its_name(kb):
    kb.config("source_locale: en\n")
    kb.write("charts/agent/CHANGELOG.md", "0.2.0\n\n- Faster start.\n")
    kb.write("charts/agent/NOTES.md", "Notes without a title.\n")
    kb.write("CHANGELOG/CHANGELOG-4.3.0-rc1.md", "- Faster start.\n")  # one file a release
    kb.write("docs/history-of-the-agent.md", "How the agent came to be.\n")
    assert [f.path for f in kb.lint("front-matter")] == ["charts/agent/NOTES.md", "docs/history-of-the-agent.md"]


def test_where_no_known_builder_makes_the_pages_a_readme_a_partial_and_a_page_under_its_top_heading_are_titled(kb):
    kb.config("source_locale: en\n")
    kb.write("README_CN.md", '<p align="center"><img alt="logo" src="logo.svg"></p>\n\n一个文件系统。\n')
    kb.write("tools/bench/readme.md", "## Bench results\n\nThe numbers of the last run.\n")
    kb.write("docs/en/_shared_options.mdx", "| Option | Meaning |\n| --- | --- |\n| `--debug` | more output |\n")
    kb.write("docs/en/alert.md", "\n## Alert\n\nShows a message.\n\n### Basic use\n\nOne line.\n")
    kb.write("docs/en/notes.md", "Some notes.\n\n## First\n\nText.\n")
    kb.write("docs/en/levels.md", "## Setup\n\nText.\n\n## Steps\n\nMore.\n")
    # Text before the first heading, or another heading at its level: nothing titles the page.
    assert sorted(f.path for f in kb.lint("front-matter")) == ["docs/en/levels.md", "docs/en/notes.md"]


def test_files_at_the_root_beside_language_folders_below_it_are_the_repositorys_own(kb):
    """Pages in docs/en/ and docs/zh/: a roadmap at the root is shown by GitHub by its name."""
    kb.write("ROADMAP.md", "<!-- licence header -->\n\n### Goals\n\nFaster.\n\n### Later\n\nSmaller.\n")
    kb.write("docs/en/guide/setup.md", "## Install\n\nText.\n\n## Run\n\nMore.\n")
    kb.write("docs/zh/guide/setup.md", "## 安装\n\n文字。\n\n## 运行\n\n更多。\n")
    assert sorted(f.path for f in kb.lint("front-matter")) == ["docs/en/guide/setup.md", "docs/zh/guide/setup.md"]
    # Where a language's folder is at the root, a file beside it may be a page of the site.
    kb.write("en/start.md", "---\ntitle: Start\n---\n\nText.\n")
    assert "ROADMAP.md" in [f.path for f in kb.lint("front-matter")]


def test_where_no_known_builder_makes_the_pages_a_repositorys_own_files_are_titled_by_their_names(kb):
    """GitHub shows a contributing guide, a licence or a code of conduct by its file's name."""
    kb.config("source_locale: en\n")
    kb.write("CONTRIBUTING.md", "## How to help\n\nOpen an issue first.\n\n## Style\n\nShort lines.\n")
    kb.write("license.md", "                Permissive License\n\nUse it as you like.\n")
    kb.write("CODE_OF_CONDUCT.zh-CN.md", "请友善待人。\n")
    kb.write("docs/en/contributors-guide.md", "## How to help\n\nText.\n\n## Style\n\nMore.\n")
    assert [f.path for f in kb.lint("front-matter")] == ["docs/en/contributors-guide.md"]


def test_a_gitbook_books_pages_are_titled_by_its_summary(kb):
    """A GitBook book (book.json, or LANGS.md for one book per language) takes each page's
    title from its SUMMARY.md, its includes' too: none asks for front matter."""
    kb.config("source_locale: en\n")
    kb.write("en/SUMMARY.md", "# Summary\n\n* [Setup](setup/README.md)\n")
    kb.write("en/setup/README.md", "Install the tool first.\n\n{% include \"/setup/steps.md\" %}\n")
    kb.write("en/setup/steps.md", "Run the installer and follow it.\n")
    assert [f.path for f in kb.lint("front-matter")] == ["en/setup/steps.md"]  # (a README is its folder's page)
    kb.write("book.json", '{"gitbook": ">=3.2.0"}\n')
    assert kb.lint("front-matter") == []


def test_a_nextra_sites_pages_are_titled_by_its_navigation(kb):
    """A Nextra site (theme.config.tsx) titles each page by its _meta file's entry, else by
    the page's name: a page that opens with a level-2 heading needs no front matter."""
    kb.config("source_locale: en\n")
    kb.write("pages/models/vault.en.mdx", "## Vault: a model of keys\n\nText.\n\n## Results\n\nMore.\n")
    kb.write("pages/models/_meta.en.json", '{"vault": "Vault"}\n')
    assert [f.path for f in kb.lint("front-matter")] == ["pages/models/vault.en.mdx"]
    kb.write("theme.config.tsx", "export default { logo: 'Guide' }\n")
    assert kb.lint("front-matter") == []


def test_a_sites_not_found_page_needs_no_title(kb):
    kb.config("source_locale: en\n")
    kb.write("docs/404.en-US.md", "Oops, this page does not exist. [Back home](/)\n")
    kb.write("docs/4040.md", "Room 4040 is on the fourth floor.\n")
    assert [f.path for f in kb.lint("front-matter")] == ["docs/4040.md"]
