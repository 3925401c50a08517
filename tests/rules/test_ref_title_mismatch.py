"""ref-title-mismatch: listed titles against the target's title, with an unsafe fix."""

def test_ref_title_mismatch_with_locale_fallback_and_fix(kb):
    kb.add("KB2000", "en", "Encrypting files with GPG", "Text.\n")
    kb.add("KB3000", "zh-Hant", "重設密碼", "內容。\n")
    kb.add("KB3000", "en", "Resetting a password", "Text.\n")
    kb.add(
        "KB1000",
        "en",
        "T",
        "## Related articles\n\n- KB2000 - Signing files with GPG\n- KB2000 - encrypting FILES with gpg\n- KB2000 - Encrypting files…\n",
    )
    kb.add("KB1000", "zh-Hant", "T", "## 參考文章\n\n- KB3000 - 重設密碼\n- KB2000 - 使用 GPG 加密檔案\n")
    found = kb.lint("ref-title-mismatch")
    assert [(f.path, f.line, f.column) for f in found] == [("en/KB1000.md", 9, 12)]
    assert "'Encrypting files with GPG'" in found[0].message
    assert found[0].fix and not found[0].fix.safe and found[0].fix.edits[0].replacement == "Encrypting files with GPG"


def test_an_entry_that_links_to_a_section_lists_the_section(kb):
    kb.write("en/guide/typing.md", "---\ntitle: Types in depth\n---\n\n## Typing props\n\nText.\n")
    kb.write(
        "en/guide/props.md",
        "---\ntitle: Props\n---\n\nSee also: [Typing props](typing.md#typing-props)\n\n"
        "## Related articles\n\n- [Typing in depth](typing.md)\n",
    )
    found = kb.lint("ref-title-mismatch")
    assert [(f.path, f.line, f.column) for f in found] == [("en/guide/props.md", 9, 4)]


def test_a_listed_title_keeps_a_bracket_of_its_own(kb):
    """The link's text ends in a bracket of its own: only the link's marks are taken off."""
    kb.write("en/guide/ocb.md", "---\ntitle: Build a custom collector\n---\n\nText.\n")
    kb.write("en/guide/start.md", "---\ntitle: Start\n---\n\nSee also: [Collector Builder (OCB)](ocb.md)\n")
    found = kb.lint("ref-title-mismatch")
    assert [(f.line, f.message) for f in found] == [
        (5, "listed title 'Collector Builder (OCB)' does not match guide/ocb's title 'Build a custom collector'")
    ], found


def test_a_link_into_another_language_is_read_against_that_version(kb):
    """A Chinese page's entry that links the English page names it by its English title:
    compared with that title, not with the Chinese version's (wrong-locale-link says that the
    link leaves the language)."""
    kb.write("en/guide/deploy.md", "---\ntitle: Deployment\n---\n\nText.\n")
    kb.write("zh-Hans/guide/deploy.md", "---\ntitle: 部署\n---\n\n内容。\n")
    kb.write("en/guide/start.md", "---\ntitle: Start\n---\n\nSee also: [Deploying](deploy.md)\n")
    kb.write("zh-Hans/guide/start.md", "---\ntitle: 开始\n---\n\n## See also\n\n- [Deployment](../../en/guide/deploy.md)\n")
    found = kb.lint("ref-title-mismatch")
    assert [(f.path, f.line, f.message) for f in found] == [
        ("en/guide/start.md", 5, "listed title 'Deploying' does not match guide/deploy's title 'Deployment'")
    ], found


def test_a_link_that_names_a_kind_of_page_after_the_titles_subject_describes_it(kb):
    # "Installation Guide" says what the page is; "Backup Guide" for a page on restoring, and
    # a title quoted wrong, are still reported.
    kb.write("en/setup.md", "---\ntitle: Installing from the package (recommended)\n---\n\nText.\n")
    kb.write("en/restore.md", "---\ntitle: Restore a vault\n---\n\nText.\n")
    kb.write("en/remove.md", "---\ntitle: Uninstall\n---\n\nText.\n")
    body = "## See also\n\n- [Installation Guide](setup.md)\n- [Uninstallation Guide](remove.md)\n- [Backup Guide](restore.md)\n- [Restore the vault](restore.md)\n"
    kb.write("en/faq.md", "---\ntitle: FAQ\n---\n\n" + body)
    assert [f.message for f in kb.lint("ref-title-mismatch")] == [
        "listed title 'Backup Guide' does not match restore's title 'Restore a vault'",
        "listed title 'Restore the vault' does not match restore's title 'Restore a vault'",
    ]
