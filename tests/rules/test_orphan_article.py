"""orphan-article: off by default; articles nothing references."""

def test_orphan_article_is_off_by_default(kb):
    kb.add("KB1000", "en", "A", "See KB2000.\n")
    kb.add("KB2000", "en", "B", "Text.\n")
    assert kb.lint() == []
    found = kb.lint("orphan-article")
    assert [(f.path, f.message) for f in found] == [("en/KB1000.md", "KB1000 is not referenced by any other article")]
