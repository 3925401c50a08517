"""empty-section: fires on its example, stays silent on the traps."""


def test_empty_section(kb):
    body = "# Top\n\nText.\n\n## Troubleshooting\n\n## Next\n\nMore.\n\n## Last\n"
    found = kb.check("empty-section", body)
    assert [(l, c) for l, c, _ in found] == [(11, 4), (17, 4)]


def test_subsection_is_content(kb):
    body = "## Troubleshooting\n\n### Detail\n\nText.\n"
    assert kb.check("empty-section", body) == []
