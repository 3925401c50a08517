"""empty-section: fires on its example, stays silent on the traps."""


def test_empty_section(kb):
    body = "# Top\n\nText.\n\n## Troubleshooting\n\n## Next\n\nMore.\n\n## Last\n"
    found = kb.check("empty-section", body)
    assert [(l, c) for l, c, _ in found] == [(11, 4), (17, 4)]


def test_subsection_is_content(kb):
    body = "## Troubleshooting\n\n### Detail\n\nText.\n"
    assert kb.check("empty-section", body) == []


def test_a_github_templates_sections_are_fields_to_fill_in(kb):
    kb.write(".github/ISSUE_TEMPLATE/bug.md", "## What happened\n\n## What you expected\n")
    kb.write(".github/CONTRIBUTING.md", "# Contributing\n\n## Setup\n\n## Tests\n\nRun them.\n")
    # Gitee's and GitLab's, in any language, and GitHub's pull request template at the root.
    kb.write(".gitee/ISSUE_TEMPLATE.zh-CN.md", "## 版本\n\n## 重现步骤\n")
    kb.write(".gitlab/merge_request_templates/default.md", "## Summary\n\n## Checks\n")
    kb.write("PULL_REQUEST_TEMPLATE.md", "## Summary\n\n## Tests\n")
    assert [f.path for f in kb.lint("empty-section")] == [".github/CONTRIBUTING.md"]


def test_three_empty_headings_in_a_row_are_one_list_set_as_headings(kb):
    body = "## Contact us\n\n#### Forum\n#### Chat\n#### Mail\n#### Mailing lists\n\nWrite to the list.\n\n## Alone\n\n## End\n\nText.\n"
    found = kb.check("empty-section", body)
    assert [(l, c) for l, c, _ in found] == [(9, 6), (16, 4)]
    assert found[0][2] == (
        "3 headings in a row have no text under them ('Forum', 'Chat', 'Mail'): "
        "give each its content, or write them as a list if they are one"
    )


def test_a_heading_that_is_a_link_alone_points_at_its_content(kb):
    body = "## Concepts\n\nText.\n\n### [More concepts](KB2.md)\n\n## Empty\n\n## End\n\nText.\n"
    assert [l for l, _, _ in kb.check("empty-section", body)] == [13]
    pointed = "## Try it\n\n### 👉 [The demo](https://example.com/demo)\n\n### ➜ [The sandbox](https://example.com/box)\n\n## Help\n\nText.\n"
    assert kb.check("empty-section", pointed) == []
    switch = "## <a href='https://docs.example.com/en/latest/'>English</a>\n\n## <a href=\"https://docs.example.com/zh_CN/latest/\">简体中文</a>\n"
    assert kb.check("empty-section", switch) == []


def test_a_heading_that_is_a_placeholder_alone_is_left_to_placeholder_text(kb):
    assert kb.check("empty-section", "## TODO\n") == []
    assert [l for l, _, _ in kb.check("empty-section", "## Setup\n")] == [7]


def test_a_release_with_no_notable_change_is_a_change_logs_record(kb):
    log = (
        "# Changes\n\n## [3.2.1](https://example.com/compare/v3.2.0...v3.2.1) (2024-05-02)\n\n## v3.2.0\n\n"
        "## 3.1.0 (2024-04-11)\n\n## Features\n\n- Faster start.\n"
    )
    kb.write("CHANGELOG.md", log)
    kb.write("guide/versions.md", "# Versions\n\n## 3.2.1\n\n## 3.2.0\n\nText.\n")
    # 3.1.0 is empty: its changes sit under a heading of its own level.
    assert [(f.path, f.line) for f in kb.lint("empty-section")] == [("CHANGELOG.md", 7), ("guide/versions.md", 3)]


def test_a_heading_that_names_a_language_opens_its_text(kb):
    """A page that holds each language's text opens each with its tag as a heading: the tag
    heading is content of the section it is in (FAQ), no section of its own."""
    kb.config("source_locale: en\n")
    body = "## FAQ\n\n## zh-CN\n\n插槽优先于属性。\n\n## en-US\n\nA slot wins over the attribute.\n\n## API\n\n## Events\n\nThe events.\n"
    kb.write("components/tag/TEMPLATE.md", body)
    assert [(f.line, f.message) for f in kb.lint("empty-section")] == [
        (11, "section 'API' is empty before 'Events': add content or remove the heading")
    ]


def test_a_heading_of_marks_alone_is_named_by_its_marks(kb):
    assert [m for _, _, m in kb.check("empty-section", "## Setup\n\nText.\n\n### \n\n## Samples\n\nText.\n")] == [
        "heading '###' has no title and nothing under it before 'Samples': remove it"
    ]


def test_the_pages_title_needs_no_text_of_its_own(kb):
    assert kb.check("empty-section", "# Data loading\n\n# Prerequisites\n\nA cluster.\n") == []
    assert [m for _, _, m in kb.check("empty-section", "# Data loading\n\n# Prerequisites\n\n# Steps\n\nRun it.\n")] == [
        "section 'Prerequisites' is empty before 'Steps': add content or remove the heading"
    ]


def test_a_page_of_its_title_alone_is_an_empty_page_not_a_section_to_remove(kb):
    assert [m for _, _, m in kb.check("empty-section", "# Language reference\n")] == [
        "the article has nothing under its title 'Language reference': write its text, or list the pages it introduces"
    ]


def test_headings_of_an_id_alone_are_anchors_not_sections(kb):
    body = "## Options\n\nSee below.\n\n#### {#mount-options}\n#### {#cache-options}\n#### {#metrics-options}\n\n## Empty\n"
    assert [(l, m) for l, _, m in kb.check("empty-section", body)] == [(15, "section 'Empty' is empty at the end of the article: add content or remove the heading")]


def test_headings_a_code_block_above_writes_are_its_output_shown(kb):
    """A page that shows what its code renders repeats the code's headings ("### Title
    <Tag …/>"): no sections. An empty heading no code block writes is still one."""
    code = '```html\n### Title <Tag kind="new" />\n### Title <Tag kind="old" />\n```\n\nIt renders as:\n\n'
    body = "## Tags\n\n" + code + '### Title <Tag kind="new" />\n### Title <Tag kind="old" />\n\n## Colors\n\nSet them.\n\n### Title\n\n## End\n\nDone.\n'
    assert [(l, m) for l, _, m in kb.check("empty-section", body)] == [(23, "section 'Title' is empty before 'End': add content or remove the heading")]


def test_names_of_code_stacked_over_one_body_share_it(kb):
    """An API page gives each of its functions (or an option's forms) a heading of its own,
    for its anchor, over the text they share, which names them; titles that are not names of
    code, a name the text under the next does not name (its own text missing), or names with
    nothing under the last, are still empty."""
    shared = "### vault.seal\n\n### vault.unseal\n\n`vault.seal(key)` and `vault.unseal(key)` take a key.\n\n### -q, --quiet `[level]`\n\n### --no-quiet\n\nSets how quiet it is.\n"
    assert kb.check("empty-section", shared) == []
    titles = "### Sealing\n\n### Unsealing\n\nBoth take a key.\n"
    assert [l for l, _, _ in kb.check("empty-section", titles)] == [7]
    unnamed = "### addReporter\n\n### addRunner\n\nAdds a runner: `addRunner(fn)`.\n"
    assert [l for l, _, _ in kb.check("empty-section", unnamed)] == [7]
    bare = "## Functions\n\n### vault.seal\n\n### vault.unseal\n"
    assert [l for l, _, _ in kb.check("empty-section", bare)] == [9, 11]
