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
