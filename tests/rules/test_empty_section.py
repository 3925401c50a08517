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
    assert [f.path for f in kb.lint("empty-section")] == [".github/CONTRIBUTING.md"]
