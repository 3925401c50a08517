"""broken-anchor: fragments against slugs, explicit ids and HTML anchors, here and elsewhere."""


def test_fragments_on_the_same_page_and_elsewhere(kb):
    kb.config("source_locale: en\n")
    line = "[one](#reset) [two](#reset-the-branch) [three](#Reset) [four](#missing) [five](b.md#scen-1) [six](b.md#scen1) [seven](#top)"
    kb.write("en/help/a.md", f"# A\n\n## Reset the branch {{#reset}}\n\n{line}\n")
    kb.write("en/help/b.md", "# B\n\n## Scenario 1 {#scen1}\n")
    found = [(f.column, f.message) for f in kb.lint("broken-anchor")]
    assert found == [
        (line.index("#Reset") + 1, "anchor #Reset differs in case from #reset on this page: browsers match anchors exactly"),
        (line.index("#missing") + 1, "no heading or anchor #missing on this page"),
        (line.index("b.md#scen-1") + 1, "no heading or anchor #scen-1 in b.md: did you mean #scen1?"),
    ]


def test_chinese_headings_keep_their_characters(kb):
    kb.config("source_locale: en\n")
    kb.write("zh-Hant/help/a.md", "# 說明\n\n## 步驟（一）：安裝\n\n請參閱[安裝](#步驟一安裝)與[編碼的](#%E6%AD%A5%E9%A9%9F%E4%B8%80%E5%AE%89%E8%A3%9D)。\n")
    assert kb.lint("broken-anchor") == []


def test_site_anchors_from_the_configuration(kb):
    kb.config("source_locale: en\nsite_anchors: [challenges]\n")
    kb.write("en/a.md", "# A\n\nTry [the challenges](#challenges).\n")
    assert kb.lint("broken-anchor") == []
