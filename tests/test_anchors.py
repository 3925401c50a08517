"""What a #fragment can name in an article: GitHub heading slugs, explicit ids, HTML anchors."""

from kblint.formats.heading_ids import slug
from kblint.formats.markdown import parse_markdown
from kblint.model.text import LineIndex


def parse(text: str, mdx: bool = False):
    return parse_markdown(text, LineIndex(text), 1, mdx)


def test_github_slugs():
    assert slug("Resetting a password") == "resetting-a-password"
    assert slug("Café & Résumé -- 2.0!") == "café--résumé----20"
    assert slug("步驟（一）：安裝") == "步驟一安裝"
    assert slug("The useState hook") == "the-usestate-hook"
    assert slug("snake_case and kebab-case") == "snake_case-and-kebab-case"
    assert slug("Emoji 🎉 party") == "emoji--party"


def test_anchors_of_an_article():
    md = parse(
        "# Title\n\n## The `useState` hook\n\n## The `useState` hook\n\n## Scenario 1 {#scen1}\n\n"
        "## Start here {/*start-here*/}\n\n## Setext\n---\n\n<a name=\"legacy\"></a>\n\n"
        "Text <span id='inline-id'>here</span>.\n\n```html\n<a name=\"in-code\"></a>\n```\n"
    )
    assert md.anchors == [
        "title",
        "the-usestate-hook",
        "the-usestate-hook-1",
        "scen1",  # an explicit id is the heading's only one: no scenario-1
        "start-here",
        "setext",
        "legacy",
        "inline-id",
    ]
    assert [h.text for h in md.headings] == ["Title", "The useState hook", "The useState hook", "Scenario 1", "Start here", "Setext"]
    assert [h.explicit_id for h in md.headings] == [None, None, None, "scen1", "start-here", None]


def test_an_mdx_comment_id_with_its_hash():
    # Docusaurus writes the id in an MDX comment after a hash, which is no part of the id.
    md = parse("## Der Treiber {/* #driver */}\n\nSee [the driver](#driver).\n", mdx=True)
    assert [h.explicit_id for h in md.headings] == ["driver"]
    assert "driver" in md.anchors
    # Rspress escapes the braces of {#id} in MDX.
    md = parse("## What is this? \\{#what\\}\n\nText.\n", mdx=True)
    assert [(h.text, h.explicit_id) for h in md.headings] == [("What is this?", "what")]


def test_an_attribute_list_whose_id_is_not_first():
    # goldmark's attributes, in any order: a class and a language before the id.
    md = parse("## Localización {.notranslate lang=en #localization}\n\n## Plain {.wide}\n\nText.\n")
    assert [(h.text, h.explicit_id) for h in md.headings] == [("Localización", "localization"), ("Plain", None)]
    assert "localization" in md.anchors


def test_component_anchors_and_links_from_html():
    md = parse(
        '<Recipes titleText="Examples" titleId="examples-basic">\n\nText.\n\n</Recipes>\n\n'
        '<TeamMember name="A Person" permalink="a-person" />\n\n<img src="/images/a.png" alt="A" />\n\n'
        'See <a href="/help/x.md#y">x</a>.\n'
    )
    assert md.anchors == ["examples-basic", "a-person"]
    assert [(l.url, l.image) for l in md.links] == [("/images/a.png", True), ("/help/x.md#y", False)]


def test_extension_markup_is_not_prose():
    md = parse(
        "> [!NOTE]\n> Use [!DNL Acme] and [!UICONTROL Save].\n\n## Id {#the-id}\n\n"
        "A&nbsp;b &amp; c {/* note */} <Badge type=\"x\" /> {width=\"300\"}.\n"
    )
    texts = [span.text.replace("\x00", "·") for span in md.prose]
    assert texts[0] == "·······\nUse ······Acme· and ············Save·."
    assert texts[1] == "Id ·········"
    assert "A······b ····· c" in texts[2] and "Badge" not in texts[2] and "width" not in texts[2]
    assert md.admonitions == [("NOTE", 1)]


def test_mdx_imports_and_exports_are_not_prose():
    md = parse("import Tabs from '@theme/Tabs';\n\nexport const x = 1;\n\nText.\n", mdx=True)
    assert [span.text for span in md.prose] == ["Text."]
    assert [span.text for span in parse("import this from here.\n").prose] == ["import this from here."]


def test_heading_ids_of_each_scheme():
    from kblint.formats.heading_ids import heading_ids

    texts = ["Render a Page", "The data_files option", "Settings & Defaults", "Café: 2.0 (beta)", "安裝（Windows）", "Render a Page", "1st step"]
    assert heading_ids(texts, "github") == [
        "render-a-page", "the-data_files-option", "settings--defaults", "café-20-beta", "安裝windows", "render-a-page-1", "1st-step",
    ]  # fmt: skip
    assert heading_ids(texts, "hexo") == [
        "Render-a-Page", "The-data-files-option", "Settings-Defaults", "Settings-amp-Defaults", "Cafe-2-0-beta",
        "安裝（Windows）", "Render-a-Page-1", "1st-step",
    ]  # fmt: skip
    assert heading_ids(texts, "vitepress") == [
        "render-a-page", "the-data-files-option", "settings-defaults", "cafe-2-0-beta", "安裝-windows", "render-a-page-1", "_1st-step",
    ]  # fmt: skip
    assert heading_ids(texts, "kramdown") == [
        "render-a-page", "the-datafiles-option", "settings--defaults", "caf-20-beta", "windows", "render-a-page-1", "st-step",
    ]  # fmt: skip
    assert heading_ids(texts, "python-markdown") == [
        "render-a-page", "the-data_files-option", "settings-defaults", "cafe-20-beta", "windows", "render-a-page_1", "1st-step",
    ]  # fmt: skip


def test_vitepress_leaves_an_emoji_shortcode_out_of_a_heading_id():
    """VitePress and VuePress make an id of a heading's text tokens, and ``:rocket:`` is an
    emoji's token; a name markdown-it-emoji may not know (``:wq:``) may stay text, so that id
    is accepted too. A time is no shortcode."""
    from kblint.formats.heading_ids import heading_ids

    assert heading_ids(["Launch :rocket:", "Save with :wq: in vim", "Start at 09:15:30"], "vitepress") == [
        "launch", "launch-rocket", "save-with-in-vim", "save-with-wq-in-vim", "start-at-09-15-30",
    ]  # fmt: skip


def test_python_markdown_numbers_headings_left_empty_and_repeated_with_underscores():
    """MkDocs drops a Chinese heading's words: an all-Chinese heading's id is ``_1``, the next
    one's ``_2``; a heading whose id already ends so is counted on."""
    from kblint.formats.heading_ids import heading_ids

    texts = ["安裝步驟", "方案 1", "常見問題", "方案 1", "step_1", "Step"]
    assert heading_ids(texts, "python-markdown") == ["_1", "1", "_2", "1_1", "step_1", "step"]


def test_the_anchors_a_page_names_itself_are_kept_apart():
    import json

    from kblint.corpus.summary import Summary

    md = parse("# Title\n\n## Scenario 1 {#scen1}\n\n<a name=\"legacy\"></a>\n")
    assert md.anchors == ["title", "scen1", "legacy"]
    assert md.named_anchors == ["scen1", "legacy"]
    summary = Summary("a.md", "a", "en", "Title", None, None, named_anchors=md.named_anchors)
    assert list(Summary.from_json(json.loads(json.dumps(summary.to_json()))).named_anchors) == ["scen1", "legacy"]


def test_attribute_lists_with_spaces_give_a_heading_its_id():
    """Python-Markdown's attr_list (MkDocs) and kramdown write { #id } and {: #id .class }."""
    md = parse("# Title\n\n## Run it { #run-it }\n\n## Other {: #other-one .wide }\n\n## Set { .wide }\n")
    assert [(h.text, h.explicit_id) for h in md.headings] == [("Title", None), ("Run it", "run-it"), ("Other", "other-one"), ("Set", None)]
    assert md.named_anchors == ["run-it", "other-one"]


def test_kramdown_block_attribute_lists_give_ids():
    """Jekyll's kramdown: {: #packages} on the line under a heading (or a footnote's paragraph)
    gives that block its id. One in code is code."""
    md = parse("# Install\n\n### Packages on Linux\n{: #packages}\n\n1. The note.\n{: #fn1 .note}\n\n```\n{: #in-code}\n```\n")
    assert "packages" in md.anchors and "fn1" in md.anchors
    assert "in-code" not in md.anchors
    assert md.named_anchors == ["packages", "fn1"]


def test_an_id_in_delimiters_of_a_sites_choosing_is_the_headings_only_one():
    """%{#id}%: markdown-it-attrs with the delimiters a VitePress site configures, which then
    gives the heading that id alone; the text keeps no part of it. So does {#id}: a generator
    that reads it gives that id alone, and GitHub, which does not, shows the braces (its slug
    is setup-install), so that the text's slug is no id anywhere."""
    md = parse("# Store\n\n### \\_GettersTree %{#getterstree}%\n\n## Setup {#install}\n")
    assert [h.text for h in md.headings] == ["Store", "_GettersTree", "Setup"]
    assert md.anchors == ["store", "getterstree", "install"]
