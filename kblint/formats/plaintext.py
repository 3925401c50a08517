"""Plain-text exports: one article per ``.txt`` file, its first line the title, as scraped
help-center dumps are. Paragraphs are separated by blank lines; bare URLs are not prose."""

from __future__ import annotations

import re

from kblint.model.body import Block, Body, Heading, ProseSpan
from kblint.model.text import MASK, LineIndex

_PARAGRAPH = re.compile(r"[^\n]+(?:\n[ \t]*[^\s][^\n]*)*")
_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"']+", re.IGNORECASE)
_URL_TRAILING = ".,:;!?'\")]}"


def parse_text(text: str, index: LineIndex) -> Body:
    """The paragraphs of ``text``; the first non-blank line is the title (a level-1 heading)."""
    body = Body([], [], [], [], [], [], [], [])
    for m in _PARAGRAPH.finditer(text):
        raw = m.group(0)
        if not raw.strip():
            continue
        lead = len(raw) - len(raw.lstrip())
        content = raw.strip()
        start = m.start() + lead
        first, last = index.position(start)[0], index.position(start + len(content) - 1)[0]
        heading = not body.prose
        if heading and "\n" in content:  # the title is the first line alone
            content = content.split("\n", 1)[0].rstrip()
            last = first
        span = ProseSpan("heading" if heading else "paragraph", content, first, last, _text_starts=[0], _src_starts=[start])
        span.text = _mask_urls(span, body)
        body.prose.append(span)
        body.blocks.append(Block("heading" if heading else "paragraph", first, last, 0, {"level": 1} if heading else {}))
        if heading:
            end_column = index.position(start + len(content))[1]
            body.headings.append(Heading(1, content, first, index.position(start)[1], end_column))
            rest = raw[lead + len(content) :]
            if rest.strip():  # the lines after the title, up to the blank line: a paragraph
                after = start + len(content) + len(rest) - len(rest.lstrip())
                tail = rest.strip()
                span = ProseSpan("paragraph", tail, index.position(after)[0], index.position(after + len(tail) - 1)[0], _text_starts=[0], _src_starts=[after])
                span.text = _mask_urls(span, body)
                body.prose.append(span)
                body.blocks.append(Block("paragraph", span.start_line, span.end_line, 0))
    return body


def _mask_urls(span: ProseSpan, body: Body) -> str:
    text = span.text
    if "://" not in text and "www." not in text:
        return text
    pieces, last = [], 0
    for m in _URL.finditer(text):
        url = m.group(0).rstrip(_URL_TRAILING)
        start, end = m.start(), m.start() + len(url)
        body.urls.append((url, span.offset(start)))
        pieces += [text[last:start], MASK * (end - start)]
        last = end
    return "".join(pieces) + text[last:] if pieces else text
