"""missing-translation: translations without a source, and required locales."""

def test_translation_without_source(kb):
    kb.add("KB9", "zh-Hant", "孤兒", "內容。\n")
    (finding,) = kb.lint("missing-translation")
    assert finding.path == "zh-Hant/KB9.md" and "has no en version" in finding.message


def test_required_locale(kb):
    kb.config("source_locale: en\nlocales: [en, zh-Hant]\nrequired_locales: [zh-Hant]\n")
    kb.add("KB1", "en", "Source", "Text.\n")
    (finding,) = kb.lint("missing-translation")
    assert "no translation into zh-Hant" in finding.message


def test_a_translation_named_as_its_source_was_is_told_the_source_it_may_be(kb):
    kb.write("en/guide/auto-scaling.md", "# Auto scaling\n\nText.\n")
    kb.write("en/guide/cloud-native-apps.md", "# Cloud native apps\n\nText.\n")
    kb.write("en/guide/tools.md", "# Tools\n\nText.\n")
    kb.write("zh-Hant/guide/autoscaling.md", "# 自動擴展\n\n內容。\n")
    kb.write("zh-Hant/guide/cloud_native_apps.md", "# 雲原生應用\n\n內容。\n")
    kb.write("zh-Hant/guide/glossary.md", "# 詞彙表\n\n內容。\n")
    found = {f.path: f.message for f in kb.lint("missing-translation")}
    assert found == {
        "zh-Hant/guide/autoscaling.md": "zh-Hant article guide/autoscaling has no en version: its source may be en "
        "guide/auto-scaling, whose path is close (moved or renamed?): name the translation as its source",
        "zh-Hant/guide/cloud_native_apps.md": "zh-Hant article guide/cloud_native_apps has no en version: its source "
        "may be en guide/cloud-native-apps, whose path is close (moved or renamed?): name the translation as its source",
        "zh-Hant/guide/glossary.md": "zh-Hant article guide/glossary has no en version: write it, or, if this was translated "
        "from one, check the path (its source may have been moved or deleted)",
    }


def test_a_translation_whose_section_moved_is_told_where_the_source_went(kb):
    """The English section moved into archive/; the translations stayed where it was."""
    kb.write("en/archive/safari/setup/install.md", "# Install\n\nText.\n")
    kb.write("en/archive/safari/setup/index.md", "# Setup\n\nText.\n")
    kb.write("en/phone/setup/index.md", "# Setup\n\nText.\n")
    kb.write("zh-Hant/safari/setup/install.md", "# 安裝\n\n內容。\n")
    kb.write("zh-Hant/safari/setup/index.md", "# 設定\n\n內容。\n")
    kb.write("zh-Hant/tablet/setup/index.md", "# 設定\n\n這一節說明如何設定平板。\n")  # two sources end in setup/index
    found = {f.path: f.message.partition(": ")[2] for f in kb.lint("missing-translation")}
    assert found == {
        "zh-Hant/safari/setup/install.md": "its source may be en archive/safari/setup/install, whose path is close (moved or renamed?): name the translation as its source",
        "zh-Hant/safari/setup/index.md": "its source may be en archive/safari/setup/index, whose path is close (moved or renamed?): name the translation as its source",
        "zh-Hant/tablet/setup/index.md": "write it, or, if this was translated from one, check the path (its source may have been moved or deleted)",
    }


def test_a_translation_the_site_does_not_publish_is_not_missing_its_source(kb):
    """In a MkDocs repository, a translator's prompt beside the German site's folder is no page."""
    kb.write("docs/en/mkdocs.yml", "site_name: Tiles\n")
    kb.write("docs/en/docs/guide.md", "# Guide\n\nText.\n")
    kb.write("docs/de/docs/guide.md", "# Anleitung\n\nText.\n")
    kb.write("docs/de/docs/extra.md", "# Extra\n\nNur auf Deutsch.\n")
    kb.write("docs/de/prompt.md", "# Prompt\n\nÜbersetze ins Deutsche.\n")
    assert [f.path for f in kb.lint("missing-translation")] == ["docs/de/docs/extra.md"]


def test_a_name_alike_but_for_its_numbers_is_another_event(kb):
    """meetup-2007 is no renamed meetup-2005: the year tells them apart."""
    kb.write("en/events/meetup-2005.md", "# Meetup 2005\n\nText.\n")
    kb.write("zh-Hant/events/meetup-2007.md", "# 2007 聚會\n\n內容。\n")
    (finding,) = kb.lint("missing-translation")
    assert finding.message.endswith("write it, or, if this was translated from one, check the path (its source may have been moved or deleted)")


def test_a_post_of_a_language_s_own_blog_is_no_translation(kb):
    """Hugo gives each language its blog (content/zh/blog/news/x/index.md): a post written in
    Chinese only names no date, and is still news of its own; a page beside it is not."""
    kb.write("en/blog/news/release/index.md", "# Release\n\nText.\n")
    kb.write("zh-Hans/blog/news/meetup-recap/index.md", "# 聚会回顾\n\n内容。\n")
    kb.write("zh-Hans/guide/meetups.md", "# 聚会\n\n内容。\n")
    assert [f.path for f in kb.lint("missing-translation")] == ["zh-Hans/guide/meetups.md"]


def test_a_dated_post_in_one_language_is_news_of_its_own(kb):
    kb.write("en/news/_posts/2024-05-01-release.md", "# Release\n\nText.\n")
    kb.write("zh-Hant/news/_posts/2024-05-02-taipei-meetup.md", "# 台北聚會\n\n內容。\n")
    kb.write("zh-Hant/news/_posts/2024-05-01-releases.md", "# 發布\n\n內容。\n")  # a renamed translation still is one
    assert [f.path for f in kb.lint("missing-translation")] == ["zh-Hant/news/_posts/2024-05-01-releases.md"]


def test_a_post_translated_days_later_is_told_its_source(kb):
    kb.write("en/news/_posts/2010-08-16-webrick-cve-2010-0541.md", "# Fix\n\nText.\n")
    kb.write("zh-Hant/news/_posts/2010-08-24-webrick-cve-2010-0541.md", "# 修正\n\n內容。\n")
    (finding,) = kb.lint("missing-translation")
    assert "its source may be en news/_posts/2010-08-16-webrick-cve-2010-0541" in finding.message


def test_a_draft_is_no_page_to_translate(kb):
    """A translation that is a draft (``draft: true``), whose source was deleted, and a draft
    source a required locale lacks: the site publishes neither."""
    kb.config("source_locale: en\nlocales: [en, zh-Hant]\nrequired_locales: [zh-Hant]\n")
    kb.write("zh-Hant/KB9.md", "---\ntitle: 舊版說明\ndraft: true\n---\n\n內容。\n")
    kb.write("en/KB1.md", "---\ntitle: Plans\ndraft: true\n---\n\nText.\n")
    assert kb.lint("missing-translation") == []
    kb.write("zh-Hant/KB9.md", "---\ntitle: 舊版說明\n---\n\n內容。\n")
    assert [f.path for f in kb.lint("missing-translation")] == ["zh-Hant/KB9.md"]


def test_a_docusaurus_translation_named_with_another_suffix_is_never_served(kb):
    kb.config("source_locale: en\n")
    kb.write("docusaurus.config.js", "module.exports = {i18n: {defaultLocale: 'en', locales: ['en', 'zh-CN']}};\n")
    kb.write("docs/intro.mdx", "# Intro\n")
    kb.write("docs/setup.md", "# Setup\n")
    translated = "i18n/zh-CN/docusaurus-plugin-content-docs/current"
    kb.write(f"{translated}/intro.md", "# 简介\n")
    kb.write(f"{translated}/setup.md", "# 设置\n")
    [found] = kb.lint("missing-translation")
    assert found.path == f"{translated}/intro.md"
    assert found.message.endswith("is named intro.md, so its readers get the en page; rename it intro.mdx")


def test_a_docusaurus_partial_or_an_index_of_a_heading_alone_is_not_missing_its_source(kb):
    """Docusaurus makes no page of a file or folder whose name starts with "_" (a partial, a
    draft kept aside); a folder's index that is a heading alone has nothing to write."""
    kb.write("docusaurus.config.js", "module.exports = {i18n: {defaultLocale: 'en', locales: ['en', 'zh-Hant']}};\n")
    kb.write("docs/guide/setup.md", "# Setup\n\nInstall the agent and sign in.\n")
    base = "i18n/zh-Hant/docusaurus-plugin-content-docs/current/guide"
    kb.write(f"{base}/setup.md", "# 設定\n\n安裝代理程式並登入帳號。\n")
    kb.write(f"{base}/_coming-soon.md", "# 即將推出\n\n這一頁還在撰寫，之後會補上內容。\n")
    kb.write(f"{base}/index.md", "# 指南\n")
    kb.write(f"{base}/extra.md", "# 額外\n\n這一頁只有中文版本的說明內容。\n")
    assert [f.path for f in kb.lint("missing-translation")] == [f"{base}/extra.md"]
