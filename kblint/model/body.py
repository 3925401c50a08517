"""The body of an article, whatever format it was written in: the blocks, the prose a writer
wrote (with a map from every prose character back to the file), links, headings, lists, tables,
code and comments, with exact positions. A format (``kblint.formats``) reads a file into this;
rules read only this.

Block kinds are the format's neutral names (``BLOCK_KINDS``), not a parser's token names.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterator

from kblint.model.text import MASK

if TYPE_CHECKING:
    import re

# What a block is, in every format: a Markdown block quote and an HTML <blockquote> are both a
# "quote"; a paragraph inside a tight list item is a "paragraph".
BLOCK_KINDS = frozenset(
    {"paragraph", "heading", "list", "list_item", "quote", "code", "html", "rule", "table", "definition", "other"}
)

@dataclass
class Block:
    """A block of the body (paragraph, heading, list, code…) with its lines."""

    kind: str  # one of BLOCK_KINDS
    start_line: int  # 1-based, inclusive
    end_line: int  # 1-based, inclusive
    depth: int  # how many containers (block quotes, list items) enclose it
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class ProseSpan:
    """One unit of prose: a paragraph, a heading or a table cell."""

    kind: str  # "paragraph", "heading" or "table_cell"
    text: str  # prose; non-prose runs are masked with MASK characters
    start_line: int
    end_line: int
    in_list: bool = False
    in_quote: bool = False
    # Piecewise map from text index to file offset: piece k starts at text index
    # _text_starts[k] and file offset _src_starts[k].
    _text_starts: list[int] = field(default_factory=list, repr=False)
    _src_starts: list[int] = field(default_factory=list, repr=False)

    def offset(self, index: int) -> int:
        """File offset of the prose character at ``index`` (or just after the last one)."""
        starts = self._text_starts
        if not starts:
            return 0
        if index >= len(self.text) and self.text:
            return self.offset(len(self.text) - 1) + 1
        # Most spans are one piece of source: no search needed.
        k = bisect_right(starts, index) - 1 if len(starts) > 1 else 0
        if k < 0:
            k = 0
        return self._src_starts[k] + index - starts[k]

    def offsets(self) -> list[int]:
        """The file offset of each of its characters, in one pass (``offset`` for them all)."""
        if not self._text_starts:
            return [0] * len(self.text)
        found = []
        for first, stop, shift in self.pieces():
            found.extend(range(first + shift, max(stop, first) + shift))
        return found[: len(self.text)]

    def pieces(self) -> Iterator[tuple[int, int, int]]:
        """(first, stop, shift) of each piece of its map to the file: its characters from text
        index ``first`` to ``stop`` are at file offsets ``first + shift`` on (the first piece
        from index 0, as ``offset`` counts it); none for a span with no map."""
        starts, sources = self._text_starts, self._src_starts
        for k, start in enumerate(starts):
            stop = starts[k + 1] if k + 1 < len(starts) else len(self.text)
            yield (0 if k == 0 else start), stop, sources[k] - start

    def end_offset(self, index_end: int) -> int:
        """File offset just after the prose character at ``index_end - 1``."""
        if index_end <= 0:
            return self.offset(0)
        return self.offset(index_end - 1) + 1

    def text_start(self) -> int:
        """The index of its first character that is not markup, a space or a line break (the
        length of its text when it holds none): where a finding about the whole span starts."""
        text = self.text
        return len(text) - len(text.lstrip(MASK + " \n"))

    def text_end(self) -> int:
        """The index after its last character that is not markup, a space or a line break (0
        when it holds none): where a finding about the whole span ends (a paragraph's closing
        ``:::`` or an inline tag after its words is not its text)."""
        return len(self.text.rstrip(MASK + " \n"))

    def text_bounds(self) -> tuple[int, int]:
        """(``text_start``, ``text_end``); for a span of markup alone, its last character to
        its end (a finding needs a place)."""
        start, end = self.text_start(), self.text_end()
        if start >= end:
            return max(len(self.text) - 1, 0), len(self.text)
        return start, end


@dataclass
class JoinedProse:
    """All the prose spans of an article as one text, one span a line, for rules that search
    the whole article at once: a match never crosses from one span into the next, and
    ``locate`` takes its offset back to its span."""

    spans: list[ProseSpan]
    text: str
    starts: list[int]  # where each span's text starts in ``text``

    @classmethod
    def of(cls, spans: list[ProseSpan]) -> "JoinedProse":
        starts = []
        position = 0
        for span in spans:
            starts.append(position)
            position += len(span.text) + 1
        return cls(spans, "\n".join(span.text for span in spans), starts)

    def locate(self, offset: int) -> tuple[int, int]:
        """(index of the span, offset in its text) of ``offset`` in ``text``."""
        k = bisect_right(self.starts, offset) - 1
        return k, offset - self.starts[k]

    def spans_with(self, pattern: "re.Pattern[str]") -> Iterator[int]:
        """The index of each span where ``pattern`` matches, in order: one search a span (on
        to the next span at the first match), not one a match, where an article holds
        thousands of matches and most of its spans none."""
        text, starts, spans = self.text, self.starts, self.spans
        m = pattern.search(text)
        while m is not None:
            k = self.locate(m.start())[0]
            yield k
            m = pattern.search(text, starts[k] + len(spans[k].text) + 1)


@dataclass
class Link:
    """A link or image: its destination and text, with their file offsets."""

    url: str  # the destination as written in the source
    text: str  # the link text (plain)
    start: int  # file offset of the link's first character ("[" or "<")
    end: int  # file offset just after the link
    url_start: int  # file offset of the destination (the link start when not inline)
    image: bool = False
    autolink: bool = False
    # A reference link's form ("full" [text][label], "collapsed" [label][], "shortcut"
    # [label]; "" when inline), and where its definition's destination is written (file
    # offsets, without <…>; -1 when not found): what a fix of the destination rewrites.
    reference: str = ""
    definition_start: int = -1
    definition_end: int = -1
    no_alt: bool = False  # an image whose format can say "no text alternative" and does (HTML without alt)
    wiki: bool = False  # [[Note#Heading|text]]: the url names a note or file (kblint.formats.wikilinks)


@dataclass
class CodeBlock:
    """A fenced or indented code block, with its lines and info string."""

    start_line: int
    end_line: int
    text: str
    info: str = ""
    fenced: bool = True


@dataclass
class Heading:
    """A heading: its level, its text as a reader sees it, and where it is."""

    level: int
    text: str  # as a reader sees it: markup and explicit ids left out, code spans' text kept
    line: int
    column: int
    end_column: int
    # {#id} (Pandoc, kramdown, Experience League), {/*id*/} (MDX), %{#id}% (markdown-it-attrs with
    # a site's own delimiters): the heading's only id (see heading_anchors).
    explicit_id: str | None = None


@dataclass
class ListItem:
    """A list item: its number (None for a bullet) and where its marker and lines are."""

    number: int | None  # None for bullet items
    line: int
    column: int  # column of the marker
    end_column: int
    start_line: int
    end_line: int


@dataclass
class ListBlock:
    """A list: ordered or not, how deep it is nested, and its items."""

    ordered: bool
    depth: int
    start_line: int
    end_line: int
    items: list[ListItem]


SMALL_PRINT_LEVEL = 5  # a heading this deep that ends the body is small print (Body.closing_small_print)


@dataclass
class Body:
    """What a format read of a file's body: blocks, prose, links, code, headings and lists."""

    blocks: list[Block]
    prose: list[ProseSpan]
    links: list[Link]
    urls: list[tuple[str, int]]  # bare and linked URLs with their file offsets
    code_blocks: list[CodeBlock]
    headings: list[Heading]
    lists: list[ListBlock]
    html_comments: list[tuple[str, int]]  # comment body and file offset, outside code
    unaligned: int = 0  # inline tokens that could not be placed (kept for tests)
    html: list[tuple[int, int]] = field(default_factory=list)  # file offsets of raw HTML and JSX tags
    anchors: list[str] = field(default_factory=list)  # what a link's #fragment can name here
    # Of those, the ones that are no heading's slug (explicit heading ids, HTML ids and names):
    # the same whatever scheme the site makes heading ids with (kblint.formats.heading_ids).
    named_anchors: list[str] = field(default_factory=list)
    admonitions: list[tuple[str, int]] = field(default_factory=list)  # [!NOTE] kinds and their lines
    code_spans: list[tuple[str, int, int]] = field(default_factory=list)  # inline code: its text, file offsets
    kept: list[str] = field(default_factory=list)  # the text of [!DNL …]: not to be translated
    tables: list[tuple[int, int, int]] = field(default_factory=list)  # (rows, columns, first line) of each table
    expressions: list[tuple[int, int]] = field(default_factory=list)  # file offsets of MDX {…} expressions in prose
    # The partials the page renders (import X from './_x.mdx' and <X />), as written: their
    # headings are the page's too.
    includes: list[str] = field(default_factory=list)

    def closing_small_print(self) -> Block | None:
        """The level-5 or level-6 heading that ends the body, if one does: small print (a
        generator's "generated on <date>"), no section."""
        last = next((block for block in reversed(self.blocks) if block.depth == 0), None)
        if last is not None and last.kind == "heading" and last.attrs.get("level", 1) >= SMALL_PRINT_LEVEL:
            return last
        return None

    def in_code(self, line: int) -> bool:
        """Is the 1-based ``line`` one of a code block's (its fences included)?"""
        return any(block.start_line <= line <= block.end_line for block in self.code_blocks)

    def worded_headings(self) -> list[Heading]:
        """The headings that have a text, in order: those a summary lists (and numbers, for
        the facts that name one by its place)."""
        return [heading for heading in self.headings if heading.text]

    def has_explicit_id(self, line: int) -> bool:
        """Does the heading on ``line`` give itself an id ({#id})? Then an edit of its text
        leaves its anchor, and the links to it, as they are."""
        return any(heading.line == line and heading.explicit_id for heading in self.headings)
