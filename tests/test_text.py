import codecs

from kblint.model.text import LineIndex, decode, encode, is_binary


def test_positions_count_code_points_and_all_line_endings():
    text = "a𠀋b\r\nx😀y\rz\n"
    index = LineIndex(text)
    assert index.position(text.index("b")) == (1, 3)
    assert index.position(text.index("y")) == (2, 3)
    assert index.position(text.index("z")) == (3, 1)
    assert index.line_text(1) == "a𠀋b"
    assert index.line_text(2) == "x😀y"
    assert index.offset(2, 3) == text.index("y")


def test_only_crlf_cr_lf_split_lines():
    # U+2028 and form feed are ordinary characters in Markdown.
    text = "one\u2028still one\x0cstill\nTwo"
    index = LineIndex(text)
    assert [index.line_text(1), index.line_text(2)] == ["one\u2028still one\x0cstill", "Two"]
    assert index.line_count == 2


def test_decode_utf8_bom_and_utf16():
    assert decode(codecs.BOM_UTF8 + "é".encode()).bom
    decoded = decode(codecs.BOM_UTF16_LE + "中文\r\n".encode("utf-16-le"))
    assert decoded.text == "中文\r\n" and decoded.encoding == "utf-16-le" and decoded.newline == "\r\n"
    assert encode(decoded.text, decoded) == codecs.BOM_UTF16_LE + "中文\r\n".encode("utf-16-le")


def test_invalid_utf8_keeps_the_rest_and_the_first_bad_position():
    decoded = decode(b"ok\ncaf\xe9 ok\n\xff")
    assert decoded.text.startswith("ok\ncaf\ufffd ok")
    assert decoded.bad_byte_offset == 6
    assert LineIndex(decoded.text).position(decoded.bad_char_offset) == (2, 4)


def test_binary_detection():
    assert is_binary(b"\x89PNG\x00\x00")
    assert not is_binary(codecs.BOM_UTF16_LE + "a".encode("utf-16-le"))
    assert not is_binary(b"plain text")
