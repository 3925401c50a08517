"""duplicate-id: two files claiming one id in one language."""

def test_duplicate_id(kb):
    kb.add("KB1000", "en", "A", "Text.\n")
    kb.write("en/KB1000-old.md", "---\nid: KB1000\nlang: en\ntitle: Old\n---\nText.\n")
    kb.add("KB1000", "zh-Hant", "A", "內容。\n")
    (finding,) = kb.lint("duplicate-id")
    assert (finding.path, finding.line) == ("en/KB1000.md", 2) and "en/KB1000-old.md" in finding.message


def test_the_repository_readme_beside_a_vuepress_sites_folder_claims_none_of_its_pages(kb):
    kb.config("")
    kb.write("README.md", "# The project\n\nBuild the site with `pnpm docs:build`.\n")
    kb.write("docs/en/README.md", "# Welcome\n\nStart with the guide.\n")
    kb.write("docs/zh/README.md", "# 欢迎\n\n从指南开始。\n")
    assert [f.path for f in kb.lint("duplicate-id")] == ["docs/en/README.md"]  # (no site said)
    kb.write("docs/.vuepress/config.ts", "export default defineUserConfig({ locales: { '/en/': { lang: 'en-US' }, '/zh/': { lang: 'zh-CN' } } })\n")
    assert kb.lint("duplicate-id") == []


def test_a_docusaurus_source_page_is_the_default_locales_whatever_its_front_matter_says(kb):
    """Docusaurus reads no lang: or language: key: a source page that carries one left over
    from its translation is still the default language's, and its translation's pair."""
    kb.config("source_locale: en\n")
    kb.write("docusaurus.config.js", "module.exports = {i18n: {defaultLocale: 'en', locales: ['en', 'zh-CN']}};\n")
    kb.write("docs/setup.md", "---\nid: setup\nlanguage: 'zh-CN'\n---\n# Setup\n")
    kb.write("i18n/zh-CN/docusaurus-plugin-content-docs/current/setup.md", "---\nid: setup\n---\n# 设置\n")
    assert kb.lint("duplicate-id", "missing-translation") == []
