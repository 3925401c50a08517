"""Places (Spans) of a document's offsets, as summaries keep them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kblint.model.location import Span

if TYPE_CHECKING:
    from kblint.kb.document import Document


def span_or_none(value: Any) -> Span | None:
    """A place as a stored row holds it (a list, or nothing), as a Span."""
    return Span._make(value) if value else None


def make_span(doc: "Document", start: int, end: int) -> Span:
    line, column = doc.index.position(start)
    if end <= start:
        return Span(start, end, line, column, line, column)
    text = doc.text
    if text.find("\n", start, end) < 0 and text.find("\r", start, end) < 0 and end <= len(text):
        return Span(start, end, line, column, line, column + end - start)  # on one line: no second search
    end_line, end_column = doc.index.position(end)
    return Span(start, end, line, column, end_line, end_column)


def inner_span(doc: "Document", outer: Span, start: int, end: int) -> Span:
    """The place of ``start``..``end`` inside ``outer`` (a link's destination in the link):
    on the outer span's first line when no line break comes before its end."""
    if outer.start <= start <= end <= outer.end and outer.line == outer.end_line:
        column = outer.column + start - outer.start
        return Span(start, end, outer.line, column, outer.line, column + end - start)
    return make_span(doc, start, end)


def last_text_line(doc: "Document") -> Span:
    """The span of the last line that holds more than spaces."""
    line = doc.index.line_count
    while line > 1 and not doc.text[doc.index.line_start(line) : doc.index.line_end(line)].strip():
        line -= 1
    return line_span(doc, line)


def line_span(doc: "Document", line: int) -> Span:
    return make_span(doc, doc.index.line_start(line), doc.index.line_end(line))


def text_span(doc: "Document", span) -> Span:
    """The place of a prose span's text, from its first character that is not markup to its
    last (the whole span when it is markup alone)."""
    start, end = span.text_bounds()
    return make_span(doc, span.offset(start), span.end_offset(end))
