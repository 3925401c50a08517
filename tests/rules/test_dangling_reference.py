"""dangling-reference: phrases that promise a link that is not there."""

def test_dangling_reference(kb):
    body = (
        "For the steps, refer to this article.\n\n"
        "For the keys, refer to this article: KB2000.\n\n"
        "See the following articles:\n\n- [Keys](KB2000.md)\n\n"
        "Click on one of the links below.\n\n- nothing here\n"
    )
    kb.add("KB2000", "en", "Keys", "Text.\n")
    kb.add("KB1000", "en", "T", body)
    kb.add("KB1000", "zh-Hans", "T", "详情请参见下方。\n\n请参见以下文章：\n\n- KB2000 - 密钥\n\n完整的值太长，请参阅下方示例。\n")
    found = [(f.path, f.line, f.column) for f in kb.lint("dangling-reference")]
    assert found == [("en/KB1000.md", 7, 16), ("en/KB1000.md", 15, 1), ("zh-Hans/KB1000.md", 7, 3)]


def test_links_below_may_be_in_the_sections_under_the_introduction(kb):
    body = (
        "An older version is available from the links below.\n\n:::note\n\nIt is older.\n\n:::\n\n"
        "## Phones\n\nDownload it:\n\n- https://example.com/phone-old\n\n"
        "## Desktops\n\nSee the links below for the desktop versions.\n\n## Watches\n\nNo download.\n"
    )
    found = [(line, message.split("'")[1]) for line, _, message in kb.check("dangling-reference", body)]
    assert found == [(23, "the links below")]  # under Desktops, the section ends with nothing


def test_a_phrase_set_in_bold_names_a_label_on_the_screen(kb):
    body = "A sign-in window opens. Click the **Click here to generate** link:\n\nThen paste the token.\n"
    assert kb.check("dangling-reference", body) == []


def test_a_phrase_in_a_details_summary_names_what_is_clicked(kb):
    body = (
        "Run the export.\n\n<details>\n<summary>Click here to see the output</summary>\n\n"
        "```\nexported 3 vaults\n```\n\n</details>\n\nFor the import steps, click here.\n"
    )
    findings = kb.check("dangling-reference", body)
    assert [(line, message.split("'")[1]) for line, _, message in findings] == [(18, "click here")]


def test_a_phrase_that_is_the_links_own_text_points_at_it(kb):
    kb.add("KB1000", "zh-Hans", "T", "报名已经开始。\n\n[报名地址请点击此处](https://example.com/join)\n\n详情点击此处。\n")
    assert [(f.line, f.column) for f in kb.lint("dangling-reference")] == [(11, 3)]


def test_links_shown_as_code_are_the_links_a_guide_lists(kb):
    body = (
        "A page may hold any of the following links:\n\n"
        "- to another site: `[Vaultline](https://example.com)`\n- to a page: `[Keys](../keys.md)`\n\n"
        "Use one of the following links:\n\n- `vault export`\n\n"
        "For the setup, see the following article:\n\n[The setup guide](https://example.com/setup)\n"
    )
    assert [line for line, _, _ in kb.check("dangling-reference", body)] == [12]


def test_a_section_named_below_is_on_the_page(kb):
    """请参考下方"完全清理"章节: the section named, below on the page, not a lost link; a bare
    请参考下方 with nothing after it still is one."""
    body = "## 安装\n\n如需移除，请参考下方“完全清理”章节。\n\n详情请参见下方。\n\n## 完全清理\n\n删除全部资源。\n"
    found = [(line, message.split("'")[1]) for line, _, message in kb.check("dangling-reference", body, "zh-Hans")]
    assert found == [(11, "请参见下方")]


def test_a_heading_further_down_named_by_its_text_is_on_the_page(kb):
    """请参阅下方同步设置, with ``## 同步设置`` below: a section of the page by its heading's text.
    The name of a heading above is no section below."""
    body = "## 概述\n\n详情请参阅下方同步设置。\n\n其他请参阅下方概述。\n\n## 同步设置\n\n选择保险库。\n"
    found = [(line, message.split("'")[1]) for line, _, message in kb.check("dangling-reference", body, "zh-Hans")]
    assert found == [(11, "请参阅下方")]


def test_an_address_shown_as_code_below_is_the_link(kb):
    """"Enter the following link in your browser", then the address in a code block: the link
    is there, to be copied. A code block of no address is no link."""
    body = "Enter the following link in your browser:\n\n```\nhttps://console.example.org\n```\n\nOpen the following link to start:\n\n```\nprobe start\n```\n"
    assert [line for line, _, _ in kb.check("dangling-reference", body)] == [13]
