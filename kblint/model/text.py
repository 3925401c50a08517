"""Source text: decoding bytes and mapping offsets to 1-based lines and code-point columns.

Lines end at CRLF, CR or LF only. ``str.splitlines()`` would also split on U+2028, form
feeds and other separators that Markdown treats as ordinary characters, shifting every
position after them.
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, repeat
from operator import add

from kblint.model.patterns import lazy_pattern

NEWLINE = re.compile(r"\r\n|\r|\n")
OPENING_QUOTES = "\"'“‘「『"
CLOSING_QUOTES = "\"'”’」』"


@lru_cache(maxsize=65536)  # titles and headings recur in most articles
def folded(text: str) -> str:
    """``text`` as texts are compared where case and spacing do not count: case-folded, each
    run of white space one space, none at the ends."""
    return " ".join(text.casefold().split())


def is_quoted(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` itself in quotes ("the the"): mentioned rather than used?"""
    return start > 0 and end < len(text) and text[start - 1] in OPENING_QUOTES and text[end] in CLOSING_QUOTES


MASK = "\x00"  # stands in prose for text that is not prose (code, HTML, URLs); never in a linted file
# Latin letters for a regex character class, accented ones included, so that "café" is one
# word (never "caf") while a Latin word glued to Chinese text ("中文HTPS") is still a word.
LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
# Kana, Chinese characters (their extension A too) and Hangul, for a class: letters of
# Japanese, Chinese and Korean.
KANA_HAN_HANGUL = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
# One character of those (a search finds text that holds any).
KANA_HAN_HANGUL_CHARACTER = lazy_pattern(f"[{KANA_HAN_HANGUL}]")
# Chinese characters, for a class: the unified ones (extension A too) and the compatibility
# ones; and one character of those.
HAN = "\u3400-\u9fff\uf900-\ufaff"
HAN_CHARACTER = lazy_pattern(f"[{HAN}]")


class LineIndex:
    """Maps string offsets to (line, column), both 1-based, columns in code points."""

    __slots__ = ("text", "starts")

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        if "\r" in text:
            self.starts.extend(m.end() for m in NEWLINE.finditer(text))
        else:  # the common case, summed in C: each line's length plus its "\n"
            self.starts.extend(accumulate(map(add, map(len, text.split("\n")[:-1]), repeat(1))))

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def position(self, offset: int) -> tuple[int, int]:
        # Comparisons rather than max()/min(): this runs for every position kblint reports.
        if offset < 0:
            offset = 0
        elif offset > len(self.text):
            offset = len(self.text)
        starts = self.starts
        line = bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def offset(self, line: int, column: int = 1) -> int:
        line = max(1, min(line, len(self.starts)))
        return min(self.starts[line - 1] + column - 1, len(self.text))

    def line_start(self, line: int) -> int:
        starts = self.starts
        if line < 1:
            return 0
        return starts[line - 1] if line <= len(starts) else starts[-1]

    def line_end(self, line: int) -> int:
        """Offset of the end of ``line``'s content, before its line break."""
        if line >= len(self.starts):
            return len(self.text)
        end = self.starts[line]
        if self.text.startswith("\r\n", end - 2):
            return end - 2
        return end - 1

    def line_text(self, line: int) -> str:
        return self.text[self.line_start(line) : self.line_end(line)]


@dataclass(frozen=True)
class DecodedText:
    """A file's text as decoded, with what writing it back needs: its encoding, BOM and line ending."""

    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16-le", "utf-16-be"
    bom: bool
    newline: str  # the dominant line ending: "\n", "\r\n" or "\r"
    bad_byte_offset: int | None = None  # byte offset of the first undecodable byte
    bad_char_offset: int | None = None  # where that byte's replacement landed in ``text``
    bad_bytes: bytes = b""  # the undecodable bytes themselves (at most a few)


def has_surrogates(text: str) -> bool:
    """Does ``text`` hold undecodable bytes as lone surrogates (a file name that is not UTF-8,
    as the file system gave it)? Such text cannot be written as UTF-8."""
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def escape_undecodable(text: str) -> str:
    """``text`` with its undecodable bytes written as escapes (``KB11-\\xb1\\xa8.md``), for
    people and for output formats that must be UTF-8."""
    if not has_surrogates(text):
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if 0xD800 <= code <= 0xDFFF:
            # surrogateescape keeps byte b as U+DC00 + b; any other lone surrogate as it is.
            out.append(f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def detect_newline(text: str) -> str:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    if crlf >= lf and crlf >= cr and crlf:
        return "\r\n"
    if cr > lf:
        return "\r"
    return "\n"


def is_binary(data: bytes) -> bool:
    """A NUL byte in the first 8 KiB marks a binary file, unless the file is UTF-16 with a BOM."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in data[:8192]


# git-crypt's header: a file its repository keeps encrypted (.gitattributes: filter=git-crypt),
# unreadable on purpose where the key is not at hand.
_GIT_CRYPT = b"\x00GITCRYPT\x00"


def is_encrypted(data: bytes) -> bool:
    """Does git-crypt keep this file encrypted? Then it is no text to read, nor a mistake."""
    return data.startswith(_GIT_CRYPT)


def decode(data: bytes) -> DecodedText:
    """Decode a file's bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM.

    Anything else that is not valid UTF-8 is decoded with replacement characters and the
    position of the first bad byte is kept, so that the rest of the file can still be linted.
    """
    if data.startswith(codecs.BOM_UTF8):
        encoding, bom, body = "utf-8", True, data[3:]
    elif data.startswith(codecs.BOM_UTF16_LE):
        encoding, bom, body = "utf-16-le", True, data[2:]
    elif data.startswith(codecs.BOM_UTF16_BE):
        encoding, bom, body = "utf-16-be", True, data[2:]
    else:
        encoding, bom, body = "utf-8", False, data
    try:
        text = body.decode(encoding)
        return DecodedText(text, encoding, bom, detect_newline(text))
    except UnicodeDecodeError as error:
        good = body[: error.start].decode(encoding)
        text = good + body[error.start :].decode(encoding, errors="replace")
        prefix = len(data) - len(body)
        return DecodedText(
            text,
            encoding,
            bom,
            detect_newline(text),
            prefix + error.start,
            len(good),
            body[error.start : error.end][:4],
        )


def encode(text: str, like: DecodedText) -> bytes:
    """Encode ``text`` the way ``like`` was stored: same encoding and BOM."""
    data = text.encode(like.encoding)
    if like.bom:
        bom = {
            "utf-8": codecs.BOM_UTF8,
            "utf-16-le": codecs.BOM_UTF16_LE,
            "utf-16-be": codecs.BOM_UTF16_BE,
        }[like.encoding]
        data = bom + data
    return data
