"""inconsistent-translation: how translations render titles and headings, counted once each."""


def test_a_title_taken_from_the_level_1_heading_is_counted_and_reported_once(kb):
    for k, rendering in ((1, "介绍"), (2, "介绍"), (3, "简介"), (4, "介绍")):
        kb.write(f"en/guide/page{k}.md", "---\nfooter: false\n---\n\n# Introduction\n\nText.\n")
        kb.write(f"zh-Hans/guide/page{k}.md", f"---\nfooter: false\n---\n\n# {rendering}\n\n内容。\n")
    found = [(f.path, f.line, f.column, f.message) for f in kb.lint("inconsistent-translation")]
    assert found == [("zh-Hans/guide/page3.md", 5, 3, "'简介' translates 'Introduction', which 3 other articles translate as '介绍'")]


def test_an_api_name_kept_as_a_heading_is_not_reported(kb):
    for k, rendering in ((1, "组件"), (2, "组件"), (3, "components")):
        kb.write(f"en/api/page{k}.md", "---\ntitle: Options\n---\n\n## components\n\nText.\n")
        kb.write(f"zh-Hans/api/page{k}.md", f"---\ntitle: 选项\n---\n\n## {rendering}\n\n内容。\n")
    assert kb.lint("inconsistent-translation") == []


def test_the_usual_rendering_with_the_source_words_beside_it_is_not_reported(kb):
    renderings = ("插槽", "插槽", "插槽 Slots", "插槽（slots）", "槽位")
    for k, rendering in enumerate(renderings, 1):
        kb.write(f"en/guide/page{k}.md", "---\nfooter: false\n---\n\n# Slots\n\nText.\n")
        kb.write(f"zh-Hant/guide/page{k}.md", f"---\nfooter: false\n---\n\n# {rendering}\n\n內容。\n")
    found = [(f.path, f.message) for f in kb.lint("inconsistent-translation")]
    assert found == [("zh-Hant/guide/page5.md", "'槽位' translates 'Slots', which 4 other articles translate as '插槽'")]


def test_the_usual_rendering_with_words_that_set_it_apart_is_not_reported(kb):
    renderings = ("量化", "量化", "量化", "量化", "模型量化", "壓縮")
    for k, rendering in enumerate(renderings, 1):
        kb.write(f"en/guide/page{k}.md", "---\nfooter: false\n---\n\n# Quantization\n\nText.\n")
        kb.write(f"zh-Hant/guide/page{k}.md", f"---\nfooter: false\n---\n\n# {rendering}\n\n內容。\n")
    found = [(f.path, f.message) for f in kb.lint("inconsistent-translation")]
    assert found == [("zh-Hant/guide/page6.md", "'壓縮' translates 'Quantization', which 4 other articles translate as '量化'")]


def _pages(kb, renderings, source="Prerequisites"):
    for k, rendering in enumerate(renderings, 1):
        headings = "".join(f"## {r}\n\n內容。\n\n" for r in rendering) if isinstance(rendering, tuple) else f"## {rendering}\n\n內容。\n"
        count = len(rendering) if isinstance(rendering, tuple) else 1
        kb.write(f"en/guide/page{k}.md", f"# Page {k}\n\n" + f"## {source}\n\nText.\n\n" * count)
        kb.write(f"zh-Hant/guide/page{k}.md", f"# 第{k}頁\n\n{headings}")


def test_two_renderings_each_in_use_are_two_conventions(kb):
    _pages(kb, ["先決條件"] * 5 + ["前置條件"] * 3)
    assert kb.lint("inconsistent-translation") == []


def test_a_rendering_of_three_articles_is_reported_where_the_usual_is_four_times_as_common(kb):
    _pages(kb, ["先決條件"] * 12 + ["前置條件"] * 3)
    found = kb.lint("inconsistent-translation")
    assert len(found) == 3 and found[0].message == "'前置條件' translates 'Prerequisites', which 12 other articles translate as '先決條件'"


def test_an_article_counts_once_for_a_rendering_it_repeats(kb):
    _pages(kb, [("先決條件", "先決條件"), "先決條件", "先決條件", "前置條件"])
    [found] = kb.lint("inconsistent-translation")
    assert found.message == "'前置條件' translates 'Prerequisites', which 3 other articles translate as '先決條件'"


def test_two_articles_against_one_show_no_convention(kb):
    _pages(kb, ["先決條件", "先決條件", "前置條件"])
    assert kb.lint("inconsistent-translation") == []


def test_a_heading_left_in_the_source_language_is_named_so(kb):
    _pages(kb, ["先決條件", "先決條件", "先決條件", "Prerequisites"])
    [found] = kb.lint("inconsistent-translation")
    assert found.message == "'Prerequisites' is left untranslated here; 3 other articles translate it as '先決條件'"


def test_english_left_in_most_articles_is_no_usual_translation_of_another_word(kb):
    """Four Chinese pages kept an English heading ("Requirements") under a source heading the
    English has since renamed ("Prerequisites"); the one page that translates it is not the
    outlier."""
    _pages(kb, ["Requirements"] * 4 + ["先決條件"])
    assert kb.lint("inconsistent-translation") == []


def test_renderings_that_differ_in_spacing_or_case_are_one(kb):
    _pages(kb, ["Que faire\u202f?", "Que faire\u00a0?", "que faire ?", "Que dois-je faire ?"], source="What to do?")
    [found] = kb.lint("inconsistent-translation")
    assert found.message.startswith("'Que dois-je faire ?' translates 'What to do?', which 3 other articles translate as")


def test_a_rendering_without_a_majority_is_no_usual_one(kb):
    _pages(kb, ["先決條件"] * 3 + ["前置條件"] * 2 + ["前提"])
    assert kb.lint("inconsistent-translation") == []


def test_one_articles_rendering_against_five_is_a_slip_whatever_else_is_in_use(kb):
    _pages(kb, ["先決條件"] * 5 + ["前置條件"] * 3 + ["先绝條件"])
    found = [(f.path, f.message) for f in kb.lint("inconsistent-translation")]
    assert found == [("zh-Hant/guide/page9.md", "'先绝條件' translates 'Prerequisites', which 5 other articles translate as '先決條件'")]


def test_a_heading_of_an_article_left_mostly_untranslated_is_not_reported_again(kb):
    """untranslated-text reports the article as one; its headings left as the source's are part of it."""
    body = "".join(f"Step {k} of the setup copies the files to the right place.\n\n" for k in range(12))
    for k in range(1, 7):
        kb.write(f"en/guide/page{k}.md", f"# Page {k}\n\n## Prerequisites\n\n{body}")
        translated = body if k == 6 else "內容。\n"
        heading = "Prerequisites" if k >= 5 else "先決條件"
        kb.write(f"zh-Hant/guide/page{k}.md", f"# 第{k}頁\n\n## {heading}\n\n{translated}")
    found = [(f.path, f.message) for f in kb.lint("inconsistent-translation")]
    assert found == [("zh-Hant/guide/page5.md", "'Prerequisites' is left untranslated here; 4 other articles translate it as '先決條件'")]


def test_a_blogs_posts_are_neither_counted_nor_reported(kb):
    """Each post is a piece of its own: its closing "Join us" is its author's choice."""
    for k, rendering in ((1, "加入我們"), (2, "加入我們"), (3, "一起參與")):
        kb.write(f"en/blog/post{k}.md", "---\ntitle: Post\n---\n\n## Join us\n\nText.\n")
        kb.write(f"zh-Hant/blog/post{k}.md", f"---\ntitle: 文章\n---\n\n## {rendering}\n\n內容。\n")
    assert kb.lint("inconsistent-translation") == []


def test_a_blog_post_is_not_held_to_the_documentations_renderings(kb):
    for k, rendering in ((1, "總結"), (2, "總結"), (3, "總結")):
        kb.write(f"en/guide/page{k}.md", "---\ntitle: Page\n---\n\n## Summary\n\nText.\n")
        kb.write(f"zh-Hant/guide/page{k}.md", f"---\ntitle: 頁面\n---\n\n## {rendering}\n\n內容。\n")
    kb.write("en/blog/post.md", "---\ntitle: Post\n---\n\n## Summary\n\nText.\n")
    kb.write("zh-Hant/blog/post.md", "---\ntitle: 文章\n---\n\n## 小結\n\n內容。\n")
    assert kb.lint("inconsistent-translation") == []


def test_a_released_versions_copy_of_a_page_is_no_vote_of_its_own(kb):
    """A Docusaurus site's versions copy its docs: a page in three released versions is one
    vote, the current docs' page, not four; and one finding, the current page's."""
    kb.write("docusaurus.config.js", "module.exports = {i18n: {defaultLocale: 'en', locales: ['en', 'zh']}, presets: [['classic', {docs: {}}]]};\n")
    kb.write("versions.json", '["1.2", "1.1", "1.0"]\n')
    zh = "i18n/zh/docusaurus-plugin-content-docs"
    for folder, translated in [("docs", f"{zh}/current"), *((f"versioned_docs/version-{v}", f"{zh}/version-{v}") for v in ("1.2", "1.1", "1.0"))]:
        kb.write(f"{folder}/setup.md", "# Setup\n\n## Usage\n\nText.\n")
        kb.write(f"{translated}/setup.md", "# 设置\n\n## 用法\n\n内容。\n")
    kb.write("docs/other.md", "# Other\n\n## Usage\n\nText.\n")
    kb.write(f"{zh}/current/other.md", "# 其他\n\n## 使用\n\n内容。\n")
    assert kb.lint("inconsistent-translation") == []


def test_a_rendering_repeated_on_one_page_is_one_finding(kb):
    """A page that renders "Overview" as 简介 under each of its sections made one choice: one
    finding, at its first heading, that says how many there are."""
    for k in range(1, 4):
        kb.write(f"en/guide/page{k}.md", f"# Page {k}\n\n## Overview\n\nText.\n")
        kb.write(f"zh-Hans/guide/page{k}.md", f"# 第{k}页\n\n## 概述\n\n内容。\n")
    sections = "".join(f"## Action {n}\n\n### Overview\n\nText.\n\n" for n in range(3))
    kb.write("en/guide/actions.md", "# Actions\n\n" + sections)
    kb.write("zh-Hans/guide/actions.md", "# 动作\n\n" + "".join(f"## 动作 {n}\n\n### 简介\n\n内容。\n\n" for n in range(3)))
    found = [(f.path, f.line, f.message) for f in kb.lint("inconsistent-translation")]
    assert found == [("zh-Hans/guide/actions.md", 5, "'简介' translates 'Overview', which 3 other articles translate as '概述' (3 times here)")]


def test_a_released_versions_copy_is_not_reported(kb):
    kb.write("docusaurus.config.js", "module.exports = {i18n: {defaultLocale: 'en', locales: ['en', 'zh']}, presets: [['classic', {docs: {}}]]};\n")
    kb.write("versions.json", '["1.0"]\n')
    zh = "i18n/zh/docusaurus-plugin-content-docs"
    for k in range(1, 4):
        kb.write(f"docs/page{k}.md", f"# Page {k}\n\n## Usage\n\nText.\n")
        kb.write(f"{zh}/current/page{k}.md", f"# 页面 {k}\n\n## 用法\n\n内容。\n")
    for folder, translated in (("docs", f"{zh}/current"), ("versioned_docs/version-1.0", f"{zh}/version-1.0")):
        kb.write(f"{folder}/odd.md", "# Odd\n\n## Usage\n\nText.\n")
        kb.write(f"{translated}/odd.md", "# 其他\n\n## 使用\n\n内容。\n")
    assert [f.path for f in kb.lint("inconsistent-translation")] == [f"{zh}/current/odd.md"]


def test_the_usual_rendering_taken_by_another_heading_of_the_article_is_not_asked_for(kb):
    """Four articles render "Configuration" as 配置; one renders its "Setup" so, and its
    "Configuration" as 设定, which it had to: not reported. A fifth that has no such clash is."""
    for k in range(1, 5):
        kb.write(f"en/guide/page{k}.md", f"# Page {k}\n\n## Configuration\n\nText.\n")
        kb.write(f"zh-Hans/guide/page{k}.md", f"# 第{k}页\n\n## 配置\n\n内容。\n")
    kb.write("en/guide/page5.md", "# Page 5\n\n## Setup\n\nText.\n\n## Configuration\n\nText.\n")
    kb.write("zh-Hans/guide/page5.md", "# 第5页\n\n## 配置\n\n内容。\n\n## 设定\n\n内容。\n")
    kb.write("en/guide/page6.md", "# Page 6\n\n## Configuration\n\nText.\n")
    kb.write("zh-Hans/guide/page6.md", "# 第6页\n\n## 设定\n\n内容。\n")
    assert [f.path for f in kb.lint("inconsistent-translation")] == ["zh-Hans/guide/page6.md"]
