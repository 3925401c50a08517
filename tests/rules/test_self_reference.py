"""self-reference: links and related entries that lead back to the article."""

def test_self_reference(kb):
    kb.add("KB1000", "en", "Self", "Mentioning KB1000 is fine. [Me](KB1000.md)\n\n## Related articles\n\n- KB1000 - Self\n")
    found = [(f.line, f.column, f.message) for f in kb.lint("self-reference")]
    assert [(l, c) for l, c, _ in found] == [(7, 28), (11, 3)]
    assert "links to itself" in found[0][2] and "lists itself" in found[1][2]


def test_a_link_to_the_copy_its_name_gives_another_locale_is_a_switch_of_language(kb):
    """A project whose site says its pages named for no locale are Chinese: its English README
    is read as Chinese too, yet its link to README.zh-CN.md leads to another file, named for
    a locale: a switch of language, not a link to itself."""
    kb.config("source_locale: zh-Hans\nlocales: [zh-Hans, en]\n")
    kb.write("README.md", "# Charts\n\nEnglish | [简体中文](./README.zh-CN.md)\n\nA grammar of charts.\n")
    kb.write("README.zh-CN.md", "# 图表\n\n[English](./README.md) | 简体中文\n\n图表的语法。\n")
    kb.write("guide/intro.md", "# Intro\n\nSee [this page](./intro.md) again.\n")
    assert [(f.path, f.line) for f in kb.lint("self-reference")] == [("guide/intro.md", 3)]


def test_a_link_from_a_copy_named_for_a_locale_after_an_underscore_leads_elsewhere(kb):
    """README_EN.md, left to say that the English README is README.md now, links to another
    file, though both are English: no link to itself."""
    kb.config("source_locale: zh-Hans\nlocales: [zh-Hans, en]\n")
    kb.write("README.md", "---\nlang: en\n---\n\n# Charts\n\nA grammar of charts.\n")
    kb.write("README_EN.md", "The English README is [here](README.md) now.\n")
    kb.write("NOTES.md", "See [these notes](NOTES.md).\n")
    assert [(f.path, f.line) for f in kb.lint("self-reference")] == [("NOTES.md", 1)]


def test_a_line_of_links_to_each_languages_version_is_a_choice_of_language(kb):
    kb.write("tools/console/README.md", "# Console\n\n[English](./README.md) | [中文](README_ZH.md)\n\nSee [this page](README.md) again.\n")
    kb.write("tools/console/README_ZH.md", "# 控制台\n\n[English](./README.md) | [中文](README_ZH.md)\n\n內容。\n")
    assert [(f.path, f.line) for f in kb.lint("self-reference")] == [("tools/console/README.md", 5)]
    kb.write("tools/agent/README.md", "# Agent\n\n[English](README.md) | [中文](README_CN.md) | [Notes](NOTES.md)\n")
    kb.write("tools/agent/README_CN.md", "# 代理\n\n[English](README.md) | [中文](README_CN.md)\n")
    kb.write("tools/agent/NOTES.md", "# Notes\n\nText.\n")
    assert [(f.path, f.line) for f in kb.lint("self-reference")] == [("tools/console/README.md", 5)]
