"""self-reference: links and related entries that lead back to the article."""

def test_self_reference(kb):
    kb.add("KB1000", "en", "Self", "Mentioning KB1000 is fine. [Me](KB1000.md)\n\n## Related articles\n\n- KB1000 - Self\n")
    found = [(f.line, f.column, f.message) for f in kb.lint("self-reference")]
    assert [(l, c) for l, c, _ in found] == [(7, 28), (11, 3)]
    assert "links to itself" in found[0][2] and "lists itself" in found[1][2]
