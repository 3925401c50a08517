"""broken-anchor: fragments against slugs, explicit ids and HTML anchors, here and elsewhere."""


def test_fragments_on_the_same_page_and_elsewhere(kb):
    kb.config("source_locale: en\n")
    line = "[one](#reset) [two](#reset-the-branch) [three](#Reset) [four](#missing) [five](b.md#scen-1) [six](b.md#scen1) [seven](#top)"
    kb.write("en/help/a.md", f"# A\n\n## Reset the branch {{#reset}}\n\n{line}\n")
    kb.write("en/help/b.md", "# B\n\n## Scenario 1 {#scen1}\n")
    found = [(f.column, f.message) for f in kb.lint("broken-anchor")]
    assert found == [
        # (A heading with an explicit id has that id alone.)
        (line.index("#reset-the-branch") + 1, "no heading or anchor #reset-the-branch on this page: the heading 'Reset the branch' has an id of its own, #reset"),
        (line.index("#Reset") + 1, "anchor #Reset differs in case from #reset on this page: browsers match anchors exactly"),
        (line.index("#missing") + 1, "no heading or anchor #missing on this page"),
        (line.index("b.md#scen-1") + 1, "no heading or anchor #scen-1 in b.md: did you mean #scen1?"),
    ]


def test_a_fragment_that_names_the_pages_title_lands_at_its_top(kb):
    # A generated API reference links each type to its page so; the page's title is no heading.
    kb.config("source_locale: en\n")
    kb.write("en/api/item-meta.md", "---\ntitle: ItemMeta\n---\n\nWhat every stored item has.\n\n- **labels** (map)\n")
    line = "- **metadata** ([ItemMeta](item-meta.md#itemmeta)), its [labels](item-meta.md#labels)"
    kb.write("en/api/item.md", f"---\ntitle: Item\n---\n\n{line}\n")
    found = [(f.column, f.message) for f in kb.lint("broken-anchor")]
    assert found == [(line.index("item-meta.md#labels") + 1, "no heading or anchor #labels in item-meta.md")]


def test_chinese_headings_keep_their_characters(kb):
    kb.config("source_locale: en\n")
    kb.write("zh-Hant/help/a.md", "# 說明\n\n## 步驟（一）：安裝\n\n請參閱[安裝](#步驟一安裝)與[編碼的](#%E6%AD%A5%E9%A9%9F%E4%B8%80%E5%AE%89%E8%A3%9D)。\n")
    assert kb.lint("broken-anchor") == []


def test_site_anchors_from_the_configuration(kb):
    kb.config("source_locale: en\nsite_anchors: [challenges]\n")
    kb.write("en/a.md", "# A\n\nTry [the challenges](#challenges).\n")
    assert kb.lint("broken-anchor") == []


def _case_site(kb, setting: str = "") -> None:
    """A site whose links name headings with their case, as Hexo's ids keep it."""
    kb.config("source_locale: en\n" + setting)
    kb.write("en/docs/render.md", "# Rendering\n\n## Render a Page\n\n## Output Folder\n\n## The data_files option\n")
    kb.write(
        "en/docs/index.md",
        "# Start\n\n## Getting Started\n\nSee [pages](render.md#Render-a-Page), [output](render.md#Output-Folder),"
        " [data](render.md#The-data-files-option), [start](#Getting-Started) and [lower](render.md#output-folder).\n",
    )


def test_a_site_that_keeps_case_in_heading_ids_is_recognized(kb):
    _case_site(kb)
    found = kb.lint("broken-anchor")
    assert [f.message for f in found] == [
        "anchor #output-folder differs in case from #Output-Folder in render.md"
        " (as Hexo makes heading ids, guessed from the links): browsers match anchors exactly"
    ]
    assert not found[0].fix.safe and found[0].fix.edits[0].replacement == "render.md#Output-Folder"


def test_a_configured_scheme_makes_the_case_fix_safe(kb):
    _case_site(kb, "heading_ids: hexo\n")
    found = kb.lint("broken-anchor")
    assert [f.fix.safe for f in found] == [True]
    assert "(as Hexo makes heading ids)" in found[0].message


def test_under_githubs_scheme_the_case_kept_links_are_broken(kb):
    _case_site(kb, "heading_ids: github\n")
    found = kb.lint("broken-anchor")
    assert len(found) == 4 and all(f.fix is None or f.fix.safe for f in found)
    assert "anchor #Getting-Started differs in case from #getting-started on this page: browsers match anchors exactly" in [f.message for f in found]


def test_a_case_fix_from_a_guessed_scheme_is_unsafe(kb):
    kb.config("source_locale: en\n")
    kb.write("en/a.md", "# A\n\n## Reset the branch\n\n[one](#reset-the-branch) [two](#Reset-the-Branch)\n")
    found = kb.lint("broken-anchor")
    assert [f.fix.safe for f in found] == [False]


def test_text_fragments_are_never_broken_anchors(kb):
    kb.config("source_locale: en\n")
    kb.write(
        "en/a.md",
        "# A\n\n## Intro\n\n[one](#:~:text=some%20words) [two](b.md#:~:text=start,end) [three](#intro:~:text=x)"
        " [four](#nowhere:~:text=x)\n",
    )
    kb.write("en/b.md", "# B\n")
    assert [f.message for f in kb.lint("broken-anchor")] == ["no heading or anchor #nowhere on this page"]


def test_explicit_ids_count_under_every_scheme(kb):
    kb.config("source_locale: en\nheading_ids: vitepress\n")
    kb.write(
        "en/a.md",
        "# A\n\n## 1. Install it {#1-install}\n\n## Set up_the server\n\n<a id=\"Legacy_Name\"></a>\n\n"
        "[a](#1-install) [b](#set-up-the-server) [c](#Legacy_Name) [d](#_1-install-it) [e](#set-up_the-server)\n",
    )
    assert [f.message for f in kb.lint("broken-anchor")] == [
        "no heading or anchor #_1-install-it on this page: the heading '1. Install it' has an id of its own, #1-install",
        "no heading or anchor #set-up_the-server on this page: did you mean #set-up-the-server?",
    ]


def test_a_vitepress_site_is_recognized_by_its_hyphens(kb):
    kb.config("source_locale: en\n")
    kb.write(
        "en/guide.md",
        "# Guide\n\n## Set up_the server\n\n## 1. Install it\n\n## Check: the Logs\n\n"
        "[a](#set-up-the-server) [b](#_1-install-it) [c](#Check-the-Logs)\n",
    )
    found = kb.lint("broken-anchor")
    assert [f.message for f in found] == [
        "anchor #Check-the-Logs differs in case from #check-the-logs on this page"
        " (as VitePress and VuePress make heading ids, guessed from the links): browsers match anchors exactly"
    ]
    assert not found[0].fix.safe


def test_a_scheme_that_finds_no_more_links_is_not_taken(kb):
    kb.config("source_locale: en\n")
    # Hexo's scheme finds #Intro but loses #the-end: GitHub's finds as many and stays.
    kb.write("en/a.md", "# A\n\n## Intro\n\n## The End\n\n[a](#Intro) [b](#the-end)\n")
    assert [f.message for f in kb.lint("broken-anchor")] == [
        "anchor #Intro differs in case from #intro on this page: browsers match anchors exactly"
    ]


def test_a_no_break_space_and_entities_in_a_heading_are_its_characters(kb):
    """French puts a no-break space before a colon; github-slugger drops it (and a soft
    hyphen written &shy;) where a space becomes "-"."""
    kb.config("source_locale: en\n")
    heading = "## Dépréciation\u00a0: `start()` et l’API\n\n## Aktualisierungs&shy;anleitungen\n"
    kb.write("fr/help/a.md", f"# A\n\n{heading}\nVoir [ici](#dépréciation-start-et-lapi) et [là](#aktualisierungsanleitungen).\n")
    assert kb.lint("broken-anchor") == []


def test_the_headings_of_a_partial_the_page_renders_are_its_own(kb):
    """import Cache from './_cache.mdx' and <Cache />: the partial's headings are the page's."""
    kb.config("source_locale: en\n")
    kb.write("docs/settings/_cache.mdx", "### cacheDir\n\nWhere the cache is.\n")
    kb.write("docs/settings/_unused.mdx", "### unusedDir\n")
    page = "# Other\n\nimport Cache from './_cache.mdx';\nimport Unused from './_unused.mdx'\n\n<Cache />\n"
    kb.write("docs/settings/other.mdx", page)
    kb.write("docs/start.md", "# Start\n\nSee [c](settings/other.mdx#cachedir) and [u](settings/other.mdx#unuseddir).\n")
    assert [f.message for f in kb.lint("broken-anchor")] == ["no heading or anchor #unuseddir in settings/other.mdx"]


def test_a_heading_as_written_is_an_anchor_where_no_scheme_is_known(kb):
    """Where no known scheme explains the links, a fragment that is a heading's text exactly
    as written may be the site's own id; where the scheme is configured, it differs in case."""
    kb.config("source_locale: en\n")
    body = "See [the options](#VirtualListProps), [the events](#events) and [the slots](#Slots).\n\n"
    kb.write("en/list.md", f"# List\n\n{body}### VirtualListProps\n\nOptions.\n\n## Events\n\nEvents.\n\n## slots\n\nSlots.\n")
    assert [f.message for f in kb.lint("broken-anchor")] == ["anchor #Slots differs in case from #slots on this page: browsers match anchors exactly"]
    kb.config("source_locale: en\nheading_ids: github\n")
    assert len(kb.lint("broken-anchor")) == 2


def test_an_anchor_that_moved_to_another_page_names_it(kb):
    """A reference split into pages keeps its sections' anchors on the new pages: the message
    says where the anchor is now (one or two pages; one common word, or a name many pages
    have, says nothing)."""
    kb.config("source_locale: en\n")
    kb.write("en/config/index.md", "# Configuration\n\nSee the pages below.\n")
    kb.write("en/config/server.md", "# Server options\n\n## Server port\n\n## Usage\n")
    kb.write("en/config/build.md", "# Build options\n\n## Build target\n\n## Usage\n")
    kb.write("en/config/cache.md", "# Cache options\n\n## Usage\n")
    line = "Set [the port](../config/index.md#server-port), [the target](../config/index.md#build-target) and [usage](../config/index.md#usage)."
    kb.write("en/guide/start.md", f"# Start\n\n{line}\n")
    assert [f.message for f in kb.lint("broken-anchor")] == [
        "no heading or anchor #server-port in ../config/index.md; it is an anchor of en/config/server.md",
        "no heading or anchor #build-target in ../config/index.md; it is an anchor of en/config/build.md",
        "no heading or anchor #usage in ../config/index.md",
    ]


def test_an_anchor_that_moved_is_named_before_one_alike_on_the_target(kb):
    """A setting documented on another page now (its name run together, a long word) is told
    where it is, rather than offered a setting of a like name on the linked page; one moved
    onto the linking page itself is told so."""
    kb.config("source_locale: en\nheading_ids: github\n")
    kb.write("en/settings.md", "# Settings\n\n## hoistWorkspacePackages\n\n## storeDir\n")
    kb.write("en/workspaces.md", "# Workspaces\n\n## linkWorkspacePackages\n")
    body = "Set [it](settings.md#linkworkspacepackages) or [that](settings.md#auditconfigignorecves).\n\n## auditConfig.ignoreCves\n"
    kb.write("en/audit.md", f"# Audit\n\n{body}")
    assert [f.message for f in kb.lint("broken-anchor")] == [
        "no heading or anchor #linkworkspacepackages in settings.md; it is an anchor of en/workspaces.md",
        "no heading or anchor #auditconfigignorecves in settings.md; it is an anchor of this page",
    ]


def test_a_myst_target_is_an_anchor(kb):
    """MyST (Sphinx) names a place by a line "(label)=" before it; links name it by #label."""
    kb.config("source_locale: en\n")
    kb.write("en/docs/data.md", "# Data\n\n(data-format)=\n\n## The format\n\nText.\n")
    kb.write("en/docs/start.md", "# Start\n\nSee [the format](data.md#data-format) and [this](data.md#layout).\n")
    assert [f.message for f in kb.lint("broken-anchor")] == ["no heading or anchor #layout in data.md"]


def test_a_repository_read_on_github_finds_an_anchor_in_any_case(kb):
    """A repository that opens with a README and builds no site is read on GitHub, whose page
    script finds #Basics at the heading basics; with a site's configuration, browsers match
    anchors exactly."""
    kb.config("source_locale: en\n")
    kb.write("README.md", "# Tool\n\n- [Basics](#Basics)\n- [Later](#later-steps)\n\n## Basics\n\nSee [the top](#basics).\n")
    assert [f.message for f in kb.lint("broken-anchor")] == ["no heading or anchor #later-steps on this page"]
    kb.write("package.json", '{"scripts": {"docs": "vitepress build"}}\n')
    assert [f.message for f in kb.lint("broken-anchor")] == [
        "anchor #Basics differs in case from #basics on this page: browsers match anchors exactly",
        "no heading or anchor #later-steps on this page",
    ]


def test_a_fumadocs_heading_id_written_after_the_heading_is_its_anchor(kb):
    """Fumadocs reads "## Title [#custom-id]" as the heading's id; "[#123]" after a release's
    heading names a pull request and is the heading's own text."""
    kb.config("source_locale: en\n")
    kb.write("en/a.mdx", "# A\n\n## Deep Comparison [#deep-compare]\n\n## 1.2 [#345]\n\n## On Mount[#on-mount]\n\n"
             "[a](#deep-compare) [b](#345) [c](#12-345) [d](#dedup) [e](#on-mount)\n")
    assert [f.message for f in kb.lint("broken-anchor")] == [
        "no heading or anchor #345 on this page",
        "no heading or anchor #dedup on this page",
    ]


def test_a_mintlify_sites_ids_keep_full_width_punctuation_and_its_tabs_are_anchors(kb):
    """Mintlify keeps what is not ASCII in a heading's id (its full-width comma), and a tab's
    or an accordion's title is an anchor."""
    kb.write("docs.json", '{"navigation": {"languages": [{"language": "zh", "pages": ["zh/a", "zh/b"]}]}}\n')
    kb.write("zh/a.mdx", "---\ntitle: 甲\n---\n\n## 暂停，而非错误\n\n[a](#暂停，而非错误) [b](#暂停而非错误) [c](/zh/b#new-agent) [d](/zh/b#old-agent)\n")
    kb.write("zh/b.mdx", '---\ntitle: 乙\n---\n\n<Tabs>\n<Tab title="New Agent">\n文字。\n</Tab>\n</Tabs>\n')
    assert [f.message for f in kb.lint("broken-anchor")] == [
        "no heading or anchor #暂停而非错误 on this page: did you mean #暂停，而非错误?",
        "no heading or anchor #old-agent in /zh/b",
    ]


def test_the_all_contributors_table_links_kinds_of_contribution(kb):
    """The all-contributors bot's table links each contribution's kind (#code-kim), no heading:
    not checked between its START and END comments; a link to a missing anchor elsewhere is."""
    table = (
        "<!-- ALL-CONTRIBUTORS-LIST:START - Do not remove or modify this section -->\n"
        '<table><tr><td><a href="https://example.com/kim"><sub><b>Kim</b></sub></a><br />'
        '<a href="#code-kim" title="Code">💻</a></td></tr></table>\n\n'
        "<!-- ALL-CONTRIBUTORS-LIST:END -->\n"
    )
    kb.add("KB1", "en", "Contributors", f"## Thanks\n\n{table}\nSee [thanks](#thanks) and [gone](#nowhere).\n")
    assert [f.message for f in kb.lint("broken-anchor")] == ["no heading or anchor #nowhere on this page"]


def test_a_heading_that_grew_is_suggested_before_one_alike_by_letters(kb):
    # "Install the agent (Optional)" was "Install the agent": its anchor grew; "start-the-agent"
    # is closer letter by letter, and another section.
    kb.config("source_locale: en\n")
    kb.write("en/guide.md", "# Guide\n\n## Install the agent (Optional)\n\n## Start the agent\n")
    kb.write("en/a.md", "# A\n\nSee [install](guide.md#install-the-agent).\n")
    assert [f.message for f in kb.lint("broken-anchor")] == [
        "no heading or anchor #install-the-agent in guide.md: did you mean #install-the-agent-optional?"
    ]
