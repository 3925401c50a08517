"""front-matter: missing, unclosed, invalid blocks and keys; ids from file names."""

def test_front_matter_problems_and_ids_from_file_names(kb):
    kb.write("en/KB1000.md", "No front matter.\n")
    kb.write("zh-Hant/KB1001.md", "---\ntitle: 無語言\n---\n內容。\n")
    kb.write("en/KB1002.md", "---\nid: KB1002\nlang: en\ntitle: [unclosed\n---\nText.\n")
    kb.write("en/KB1003.md", "---\nid: nope\nlang: fr\ntitle: T\n---\nText.\n")
    found = [(f.path, f.line, f.message) for f in kb.lint("front-matter")]
    assert ("en/KB1000.md", 1, "no front matter: start the file with a '---' block that sets id, lang and title (the id KB1000 is taken from the file name)") in found
    assert any(p == "zh-Hant/KB1001.md" and "no 'id'" in m and "KB1001" in m for p, _, m in found)
    assert any(p == "zh-Hant/KB1001.md" and "no 'lang'" in m for p, _, m in found)
    assert any(p == "en/KB1002.md" and l == 5 and "not valid YAML" in m for p, l, m in found)
    assert any(p == "en/KB1003.md" and "does not match the article id pattern" in m for p, _, m in found)
    assert any(p == "en/KB1003.md" and "lang 'fr'" in m for p, _, m in found)
