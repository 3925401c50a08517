"""invalid-encoding: the first undecodable byte, at its line and column; the rest still linted."""

from helpers import article


def test_first_bad_byte_is_reported_and_the_rest_is_linted(kb):
    data = article("KB10", "en", "T", "Fine line.\n").encode() + "Caf".encode() + b"\xe9 and \xff then recieve.\n"
    kb.write("en/KB10.md", data)
    found = [(f.name, f.line, f.column, f.message) for f in kb.lint("invalid-encoding", "typo")]
    assert found[0][:3] == ("invalid-encoding", 8, 4) and "0xE9" in found[0][3]
    assert ("typo", 8, 17) in [(n, l, c) for n, l, c, _ in found]


def test_utf8_with_bom_and_utf16_are_fine(kb):
    kb.write("en/KB10.md", b"\xef\xbb\xbf" + article("KB10", "en", "T", "Text.\n").encode())
    kb.write("en/KB11.md", b"\xff\xfe" + article("KB11", "en", "T", "Text.\n").encode("utf-16-le"))
    assert kb.lint("invalid-encoding") == []
