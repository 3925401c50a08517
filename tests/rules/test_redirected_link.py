"""redirected-link: links to moved pages, with the fix; redirects that lead nowhere."""

from helpers import DOCUSAURUS_DOCS_AT_ROOT

from kblint.corpus.routes import OwnRoutes


def test_links_to_moved_pages_keep_their_style(kb):
    kb.config("source_locale: en\n")
    kb.write("redirects.csv", "/help/old.md,/help/new.md\n/help/gone.md,/help/nowhere.md\n/help/away.md,https://archive.example.org/away\n")
    kb.write("en/help/new.md", "# New\n")
    kb.write("en/help/a.md", "# A\n\n[1](/help/old.md#step) [2](old) [3](/help/away.md) [4](/help/gone.md)\n")
    found = [(f.path, f.line, f.message, f.fix.edits[0].replacement if f.fix else None) for f in kb.lint("redirected-link")]
    assert found == [
        ("en/help/a.md", 3, "/help/old.md#step has moved to /help/new.md (redirect at redirects.csv:1): link to the new place", "/help/new.md#step"),
        ("en/help/a.md", 3, "old has moved to /help/new.md (redirect at redirects.csv:1): link to the new place", "new"),
        ("en/help/a.md", 3, "/help/away.md has moved to https://archive.example.org/away (redirect at redirects.csv:3): link to the new place", "https://archive.example.org/away"),
        ("en/help/a.md", 3, "/help/gone.md has moved to /help/nowhere.md (redirect at redirects.csv:2), which does not exist either", None),
        ("redirects.csv", 2, "the redirect from /help/gone.md leads to /help/nowhere.md, which does not exist", None),
    ]


def test_a_map_applies_to_the_articles_under_its_folder(kb):
    kb.config("source_locale: en\n")
    kb.write("site-a/redirects.csv", "/help/old.md,/help/new.md\n")
    kb.write("site-a/en/help/new.md", "# New\n")
    kb.write("site-b/en/help/a.md", "# A\n\n[x](/help/old.md)\n")
    assert kb.lint("redirected-link") == []
    assert [f.name for f in kb.lint("broken-link")] == ["broken-link"]


def _fixed(kb, relpath: str) -> str:
    from helpers import registry
    from kblint.run.settings import load_config
    from kblint.run.fix import fix

    config = load_config(kb.root / "kblint.yaml", kb.root)
    fix([kb.root], config, registry().select(["redirected-link"], []))
    return (kb.root / relpath).read_text("utf-8")


def test_a_shortcut_reference_link_is_fixed_in_its_definition(kb):
    kb.config("source_locale: en\n")
    kb.write("redirects.csv", "/help/old.md,/help/new.md\n")
    kb.write("en/help/new.md", "# New\n")
    kb.write("en/help/a.md", "# A\n\nSee [the old page] for more.\n\n[the old page]: /help/old.md#step\n")
    [found] = kb.lint("redirected-link")
    assert (found.line, found.column, found.end_column) == (3, 5, 19)  # the link, not the definition
    assert _fixed(kb, "en/help/a.md") == "# A\n\nSee [the old page] for more.\n\n[the old page]: /help/new.md#step\n"


def test_a_destination_from_the_map_is_encoded_as_a_link_destination(kb):
    kb.config("source_locale: en\n")
    kb.write("redirects.csv", "/help/old.md,https://example.com/a b)c\n/help/moved.md,/help/new page.md\n")
    kb.write("en/help/new page.md", "# New\n")
    kb.write("en/help/a.md", "# A\n\n[x](/help/old.md) [y](/help/moved.md)\n")
    assert _fixed(kb, "en/help/a.md") == "# A\n\n[x](https://example.com/a%20b%29c) [y](/help/new%20page.md)\n"


def test_a_script_url_from_the_map_is_never_written(kb):
    kb.config("source_locale: en\n")
    kb.write("redirects.csv", "/help/a.md,javascript://%0Aalert(1)\n/help/b.md,JavaScript://x\n/help/c.md,data://text\n/help/d.md,//elsewhere.example/x\n")
    kb.write("en/help/start.md", "# S\n\n[a](/help/a.md) [b](/help/b.md) [c](/help/c.md) [d](/help/d.md)\n")
    found = kb.lint("redirected-link")
    assert len(found) == 4 and all(f.fix is None for f in found)
    assert found[0].message == "/help/a.md has moved to javascript://%0Aalert(1) (redirect at redirects.csv:1): not a web address a link should have"
    assert _fixed(kb, "en/help/start.md") == "# S\n\n[a](/help/a.md) [b](/help/b.md) [c](/help/c.md) [d](/help/d.md)\n"


def test_a_site_path_keeps_its_language_segment(kb):
    kb.config("source_locale: en\n")
    kb.write("redirects.csv", "/help/old.md,/help/new.md\n")
    for locale in ("en", "zh-Hant"):
        kb.write(f"{locale}/help/new.md", "# New\n")
    kb.write("zh-Hant/help/a.md", "# 甲\n\n見[新頁](/zh-Hant/help/old.md#step)。\n")
    assert _fixed(kb, "zh-Hant/help/a.md") == "# 甲\n\n見[新頁](/zh-Hant/help/new.md#step)。\n"


def test_a_redirect_to_a_docusaurus_route_reaches_its_content_folder(kb):
    """routeBasePath '/' serves docs/cli/pnx.md at /cli/pnx: a redirect there leads somewhere."""
    kb.config("source_locale: en\n")
    kb.write("docusaurus.config.js", DOCUSAURUS_DOCS_AT_ROOT)
    kb.write("docs/cli/pnx.md", "# pnx\n")
    kb.write("vercel.json", '{"redirects": [{"source": "/cli/dlx", "destination": "/cli/pnx"}, {"source": "/old", "destination": "/gone"}]}\n')
    assert [f.message for f in kb.lint("redirected-link")] == ["the redirect from /old leads to /gone, which does not exist"]


def test_a_redirect_to_a_file_of_the_static_folder_leads_to_it(kb):
    """static/api/v2/index.html is served at /api/v2/index.html, as it is."""
    kb.config("source_locale: en\n")
    kb.write("static/api/v2/index.html", "<html></html>\n")
    kb.write("netlify.toml", '[[redirects]]\n  from = "/api/v2/"\n  to = "/api/v2/index.html"\n\n[[redirects]]\n  from = "/old"\n  to = "/gone/index.html"\n')
    assert [f.message for f in kb.lint("redirected-link")] == ["the redirect from /old leads to /gone/index.html, which does not exist"]


def test_a_redirect_to_a_netlify_function_is_the_platforms(kb):
    """/.netlify/functions/x is served by Netlify from the site's functions folder: no page."""
    kb.config("source_locale: en\n")
    kb.write("netlify.toml", '[[redirects]]\n  from = "/latest"\n  to = "/.netlify/functions/latest"\n\n[[redirects]]\n  from = "/old"\n  to = "/gone"\n')
    assert [f.message for f in kb.lint("redirected-link")] == ["the redirect from /old leads to /gone, which does not exist"]


def test_a_servers_map_in_the_static_folder_is_the_sites_and_matches_paths_as_written(kb):
    """Netlify's static/_redirects is copied to the site's root: its redirects apply to every
    article. It matches the path as written: /zh-tw/old/ is not /old/, and stays broken."""
    kb.config("source_locale: en\n")
    kb.write("static/_redirects", "/old/    /new/\n")
    kb.write("content/en/new.md", "# New\n")
    kb.write("content/de/a.md", "# A\n\n[alt](/old/)\n")
    kb.write("content/zh-tw/a.md", "# 甲\n\n[舊](/zh-tw/old/)\n")
    found = [(f.path, f.message) for f in kb.lint("redirected-link")]
    assert found == [("content/de/a.md", "/old/ has moved to /new/ (redirect at static/_redirects:1): link to the new place")]
    assert [(f.path, f.name) for f in kb.lint("broken-link")] == [("content/zh-tw/a.md", "broken-link")]


def test_a_short_address_for_another_site_is_kept_on_purpose(kb):
    """``/chat`` redirected to the project's chat server is the site's own short address, which
    its pages link so that the site can move it; a page moved to another site is not."""
    kb.config("source_locale: en\n")
    kb.write("redirects.csv", "/chat,https://chat.example.com/invite/x1\n/help/old.md,https://docs.example.org/help/new\n")
    kb.write("en/help/a.md", "# A\n\nJoin [the chat](/chat), or read [the old page](/help/old.md).\n")
    assert [f.message.split(" (")[0] for f in kb.lint("redirected-link")] == ["/help/old.md has moved to https://docs.example.org/help/new"]


def test_a_destination_a_sites_own_router_serves_is_no_missing_page(kb):
    # The pages are src/content/…, which the site's own router serves at the root (no builder
    # kblint knows): /reference/vault is src/content/reference/vault/index.md.
    kb.config("source_locale: en\n")
    redirects = [{"source": "/apis", "destination": "/reference/vault"}, {"source": "/old", "destination": "/reference/gone"}]
    kb.write("vercel.json", '{"redirects": [\n' + ",\n".join(f'{{"source": "{r["source"]}", "destination": "{r["destination"]}"}}' for r in redirects) + "\n]}\n")
    kb.write("src/content/reference/vault/index.md", "---\ntitle: Vault\n---\n\nText.\n")
    kb.write("src/content/learn/start.md", "---\ntitle: Start\n---\n\nRead [the APIs](/apis) and [this](/old).\n")
    found = [(f.path, f.line, f.message, f.fix.edits[0].replacement if f.fix else None) for f in kb.lint("redirected-link")]
    assert found == [
        ("src/content/learn/start.md", 5, "/apis has moved to /reference/vault (redirect at vercel.json:2): link to the new place", "/reference/vault"),
        ("src/content/learn/start.md", 5, "/old has moved to /reference/gone (redirect at vercel.json:3), which does not exist either", None),
        ("vercel.json", 3, "the redirect from /old leads to /reference/gone, which does not exist", None),
    ]


def test_the_routes_index_follows_the_pages_added_and_removed():
    # Both rules share one index of the corpus; a language server's corpus adds and removes
    # pages as they are edited.
    class Corpus:
        paths = {"src/content/reference/vault/index.md", "public/logo.png"}

    corpus = Corpus()
    routes = OwnRoutes(corpus)
    assert routes.serve("/reference/vault") and not routes.serve("/reference/keys")
    corpus.paths.add("src/content/reference/keys.md")
    routes.after(corpus, "src/content/reference/keys.md")
    assert routes.serve("/reference/keys")
    corpus.paths.discard("src/content/reference/vault/index.md")
    routes.before(corpus, "src/content/reference/vault/index.md")
    assert not routes.serve("/reference/vault") and routes.serve("/reference/keys")
