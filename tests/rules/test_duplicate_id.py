"""duplicate-id: two files claiming one id in one language."""

def test_duplicate_id(kb):
    kb.add("KB1000", "en", "A", "Text.\n")
    kb.write("en/KB1000-old.md", "---\nid: KB1000\nlang: en\ntitle: Old\n---\nText.\n")
    kb.add("KB1000", "zh-Hant", "A", "內容。\n")
    (finding,) = kb.lint("duplicate-id")
    assert (finding.path, finding.line) == ("en/KB1000.md", 2) and "en/KB1000-old.md" in finding.message
