"""Plain-text exports: one article per ``.txt`` file, its first line the title, as scraped
help-center dumps are. Paragraphs are separated by blank lines; bare URLs are not prose."""

from __future__ import annotations

import re

from kblint.formats.prose import mask_bare_urls
from kblint.model.body import Block, Body, Heading, ProseSpan
from kblint.model.text import LineIndex

_PARAGRAPH = re.compile(r"[^\n]+(?:\n[ \t]*[^\s][^\n]*)*")


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
        span.text = mask_bare_urls(span, body.urls)
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
                span.text = mask_bare_urls(span, body.urls)
                body.prose.append(span)
                body.blocks.append(Block("paragraph", span.start_line, span.end_line, 0))
    return body
