"""file-too-large: files above max_file_size are skipped, and the message says how to lint them."""



def test_file_above_the_limit_is_skipped(kb):
    kb.config("source_locale: en\nmax_file_size: 200\n")
    kb.add("KB10", "en", "T", "We recieve it. " * 20 + "\n")
    kb.add("KB11", "en", "T", "Short.\n")
    found = [(f.path, f.name, f.message) for f in kb.lint("file-too-large", "typo")]
    assert len(found) == 1
    path, name, message = found[0]
    assert (path, name) == ("en/KB10.md", "file-too-large") and "max_file_size" in message
