"""What every format masks in prose the same way: bare URLs and e-mail addresses."""

from __future__ import annotations

import re

from kblint.model.body import ProseSpan
from kblint.model.text import MASK

# Bare URLs and e-mail addresses inside prose. A URL ends at white space, at CJK punctuation,
# full-width forms or a Chinese or Japanese character (Chinese text glues a URL to the next
# word: 请将https://example.com/a.txt添加到), at a zero-width space (which writers put between
# a URL and emphasis), and loses trailing sentence punctuation. A placeholder in braces is part
# of it, spaces and all (http://{cluster address}/subscribe); a brace it never closes is not.
BARE_URL = re.compile(
    r"(?<![A-Za-z0-9_])(?:(?:https?|ftp|file)://|www\.|mailto:)"
    r"(?:[^\s<>\"'`{\x00\u200b-\u200d\u2060\ufeff\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]++|\{\{?[^{}\n<>]{1,60}\}\}?)++"
    r"|(?<![A-Za-z0-9_.+-])[A-Za-z0-9_.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
)
_TRAILING = ".,;:!?'\""


def may_hold_url(text: str) -> bool:
    """What every match of BARE_URL contains: most paragraphs have none of it."""
    return "://" in text or "www." in text or "@" in text or "mailto:" in text


def trimmed_url(found: str) -> str:
    """A match of BARE_URL without the sentence's punctuation after it; a closing paren
    belongs to the URL only if the URL opened one."""
    url = found.rstrip(_TRAILING)
    if ")" in url and not url.isascii():
        url = _before_a_closing_paren_in_text(url)
    while url.endswith(")") and url.count("(") < url.count(")"):
        url = url[:-1]
    return url


def _before_a_closing_paren_in_text(url: str) -> str:
    """``url`` up to a ")" that closes no "(" of it and that letters of another script follow
    ("(see http://localhost:4321/blog/)로 이동": the sentence's bracket, then its words)."""
    depth = 0
    for i, ch in enumerate(url):
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0 and i + 1 < len(url) and not url[i + 1].isascii() and url[i + 1].isalpha():
                return url[:i]
            depth = max(0, depth - 1)
    return url


def mask_bare_urls(span: ProseSpan, urls: list[tuple[str, int]]) -> str:
    """``span``'s text with its bare URLs masked; each is added to ``urls`` with its file offset."""
    text = span.text
    if not may_hold_url(text):
        return text
    pieces, last = [], 0
    for m in BARE_URL.finditer(text):
        url = trimmed_url(m.group(0))
        if not url:
            continue
        start, end = m.start(), m.start() + len(url)
        urls.append((url, span.offset(start)))
        pieces += [text[last:start], MASK * (end - start)]
        last = end
    return "".join(pieces) + text[last:] if pieces else text
