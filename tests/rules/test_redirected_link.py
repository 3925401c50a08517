"""redirected-link: links to moved pages, with the fix; redirects that lead nowhere."""


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
