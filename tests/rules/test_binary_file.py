"""binary-file: skipped with an info finding; UTF-16 with a BOM is text."""

from kblint.model.finding import Severity


def test_binary_file_is_skipped_with_info(kb):
    kb.write("en/KB10.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (finding,) = kb.lint("binary-file", "front-matter")
    assert (finding.name, finding.line, finding.column, finding.severity) == ("binary-file", 1, 1, Severity.INFO)


def test_utf16_text_is_not_binary(kb):
    kb.write("en/KB10.md", b"\xff\xfe" + "---\nid: KB10\nlang: en\ntitle: T\n---\n".encode("utf-16-le"))
    assert kb.lint("binary-file") == []
