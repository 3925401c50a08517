"""unreadable-file: a file the operating system refuses to read is an error, not a silent skip."""

from kblint.run import article


def test_unreadable_file_is_reported(kb, monkeypatch):
    path = kb.add("KB10", "en", "T", "Text.\n")
    real = article.read_bytes

    def refusing(p, *args, **kwargs):
        if str(p) == str(path):
            return PermissionError(13, "Permission denied")
        return real(p, *args, **kwargs)

    monkeypatch.setattr(article, "read_bytes", refusing)
    (finding,) = kb.lint("unreadable-file")
    assert (finding.path, finding.line) == ("en/KB10.md", 1) and "Permission denied" in finding.message
