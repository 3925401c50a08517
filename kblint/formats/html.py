"""HTML articles: a help center's article body (``<h1>`` and the body, as Zendesk's backup
recipe writes it) or a whole page (``<html lang>``, ``<title>``, ``<meta>``), read into the
format-neutral ``Body`` with exact positions.

Python's ``html.parser`` reads the file with character references left as written
(``convert_charrefs=False``), so that every piece of text, every entity and every tag has its
place in the file: prose holds entities decoded (``&nbsp;`` is a no-break space) and maps each
back to where it is written. Text inside ``pre``, ``code``, ``script``, ``style`` and attribute
values is never prose; bare URLs in text are masked as in Markdown. In a whole page, the site's
navigation, header, footer, sidebars and forms are not the article's.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from kblint.formats.prose import mask_bare_urls
from kblint.model.body import Block, Body, CodeBlock, Heading, Link, ListBlock, ListItem, ProseSpan
from kblint.model.text import MASK, LineIndex

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Elements whose start or end ends a run of prose (a reader sees a new block there).
_BLOCK_TAGS = frozenset(
    """address article aside blockquote body caption dd details dialog div dl dt fieldset figcaption figure
    footer form h1 h2 h3 h4 h5 h6 head header hr html li main nav ol p pre section summary table tbody td
    tfoot th thead title tr ul""".split()
)
# Elements whose text a reader does not read as prose.
_RAW_TAGS = frozenset({"script", "style", "template", "textarea", "noscript", "svg", "math"})
# A whole page's chrome around the article: the site's navigation, header, footer and sidebars
# (recent and related articles, votes, comments' forms). Neither prose nor the article's links.
_CHROME = frozenset({"nav", "header", "footer", "aside", "form"})
# The elements whose end ``leave`` records something for.
_LEFT = frozenset({"title", "pre", "code", "a", "ul", "ol", "li", "table", "blockquote", *_HEADINGS})
# Elements that show something other than text: content of a section.
_EMBEDDED = frozenset({"iframe", "video", "audio", "object", "embed", "canvas", "picture"})
_VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_ATTRIBUTE = re.compile(r"""([^\s/>"'=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_NEWLINE = re.compile(r"\n")


@dataclass
class Attribute:
    """An HTML attribute's value, decoded and as written, with its file offset."""

    value: str  # entities decoded
    start: int  # file offset of the value as written (inside the quotes)
    raw: str  # as written


@dataclass
class Metadata:
    """What an HTML page says of itself (``<html lang>``, ``<title>``, ``<meta>``, ``<link
    rel=canonical>``): the same keys front matter would hold."""

    data: dict[str, Any] = field(default_factory=dict)
    title_span: ProseSpan | None = None


@dataclass
class _Open:
    """An element being read."""

    tag: str
    start: int
    attrs: dict[str, Attribute]


@dataclass
class _Run:
    """The prose being gathered: text pieces and where each starts in the file."""

    text: list[str] = field(default_factory=list)
    text_starts: list[int] = field(default_factory=list)
    src_starts: list[int] = field(default_factory=list)
    length: int = 0
    first_offset: int = -1

    def add(self, text: str, offset: int, exact: bool = True) -> None:
        """``text`` written at ``offset``; not ``exact`` (a decoded entity): every character
        of it maps to the entity's start."""
        if not text:
            return
        if self.first_offset < 0:
            self.first_offset = offset
        if exact:
            self.text_starts.append(self.length)
            self.src_starts.append(offset)
        else:
            for k in range(len(text)):
                self.text_starts.append(self.length + k)
                self.src_starts.append(offset)
        self.text.append(text)
        self.length += len(text)


class _Reader(HTMLParser):
    def __init__(self, text: str, index: LineIndex) -> None:
        super().__init__(convert_charrefs=False)
        self.src = text
        self.index = index
        # A whole page (not an article's body alone): its chrome is skipped.
        head = text[:4096].lower()
        self.skipped = _RAW_TAGS | _CHROME if "<body" in head or "<html" in head else _RAW_TAGS
        self.line_starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
        self.stack: list[_Open] = []
        # How many of each element are open: asked at every block, so not counted in the stack
        # (a page of 20,000 nested elements would make that quadratic).
        self.open_count: dict[str, int] = {}
        self.body = Body([], [], [], [], [], [], [], [])
        self.meta = Metadata()
        self.run = _Run()
        self.raw_depth = 0  # inside script, style...: not prose
        self.pre: _Open | None = None
        self.pre_text: list[str] = []
        self.code_depth = 0  # inside inline <code>: masked
        self.code_start = -1
        self.code_text: list[str] = []
        self.link: tuple[_Open, list[str]] | None = None
        self.lists: list[ListBlock] = []
        self.next_numbers: list[int] = []  # of each open ordered list: <ol start>, <li value>
        self.items: list[ListItem] = []  # the list items open
        self.table: list[int] | None = None  # [rows, columns, first line, cells in this row]
        self.title: list[str] | None = None
        self.heading: tuple[int, str | None] | None = None
        self.headings_before = 0  # how many headings were read when the open one began

    # Positions.

    def here(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column if line - 1 < len(self.line_starts) else len(self.src)

    def line(self, offset: int) -> int:
        return self.index.position(offset)[0]

    def end_of_tag(self, start: int) -> int:
        end = self.src.find(">", start)
        return len(self.src) if end < 0 else end + 1

    def attributes(self, start: int) -> dict[str, Attribute]:
        raw = self.get_starttag_text() or ""
        found: dict[str, Attribute] = {}
        name_end = re.match(r"<[^\s/>]+", raw)
        for m in _ATTRIBUTE.finditer(raw, name_end.end() if name_end else 1):
            name = m.group(1).lower()
            group = 2 if m.group(2) is not None else 3 if m.group(3) is not None else 4
            value = m.group(group)
            if name in found or value is None:
                found.setdefault(name, Attribute("", start + m.end(), ""))
                continue
            found[name] = Attribute(html.unescape(value), start + m.start(group), value)
        return found

    # The parser's events.

    def handle_starttag(self, tag: str, attrs: list) -> None:
        opened = self.start_tag(tag)
        if tag in self.skipped:
            if tag == "svg" and self.raw_depth == 0:
                self.embedded(opened)  # a drawing: content, whose text is not prose
            if self.raw_depth == 0:
                self.flush()  # what comes after is another run of prose
            self.raw_depth += 1
        elif self.raw_depth == 0:
            self.enter(opened, tag not in _VOID_TAGS)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        opened = self.start_tag(tag)
        if self.raw_depth == 0 and tag not in self.skipped:
            self.enter(opened, False)

    def start_tag(self, tag: str) -> _Open:
        """The tag just read, its markup noted as no edit's place (but for a link's address,
        the one place inside a tag a fix may rewrite)."""
        start = self.here()
        opened = _Open(tag, start, self.attributes(start))
        end = start + len(self.get_starttag_text() or "")
        href = opened.attrs.get("href") if tag == "a" else None
        if href is not None and href.raw == href.value and href.value:
            self.body.html += [(start, href.start), (href.start + len(href.raw), end)]
        else:
            self.body.html.append((start, end))
        if self.raw_depth == 0:
            self.note_anchors(opened)
        return opened

    def enter(self, opened: _Open, has_end: bool) -> None:
        if opened.tag in _BLOCK_TAGS:
            self.flush()
        self.begin(opened)
        if has_end:
            self.stack.append(opened)
            self.open_count[opened.tag] = self.open_count.get(opened.tag, 0) + 1

    def handle_endtag(self, tag: str) -> None:
        start = self.here()
        end = self.end_of_tag(start)
        self.body.html.append((start, end))
        if tag in self.skipped:
            self.raw_depth = max(0, self.raw_depth - 1)
            return
        if self.raw_depth:
            return
        if not self.is_open(tag):
            return  # a stray end tag
        while self.stack:
            opened = self.stack[-1]
            if opened.tag in _BLOCK_TAGS:
                self.flush()  # while the element is open: the prose is its (a cell's, a heading's)
            self.stack.pop()
            self.open_count[opened.tag] -= 1
            self.leave(opened, end)
            if opened.tag == tag:
                break

    def handle_data(self, data: str) -> None:
        self.text(data, self.here(), True)

    def handle_entityref(self, name: str) -> None:
        self.entity(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.entity(f"&#{name};")

    def entity(self, written: str) -> None:
        start = self.here()
        # html.parser reports "&amp" without its ";" as "amp": what is written decides.
        length = len(written) if self.src.startswith(written, start) else len(written) - 1
        decoded = html.unescape(self.src[start : start + length])
        self.body.html.append((start, start + length))  # an edit never cuts an entity in two
        self.text(decoded, start, False)

    def handle_comment(self, data: str) -> None:
        start = self.here()
        if self.raw_depth == 0 and self.pre is None:
            self.body.html_comments.append((data, start))
        self.body.html.append((start, start + len(data) + 7))

    def handle_decl(self, decl: str) -> None:
        start = self.here()
        self.body.html.append((start, self.end_of_tag(start)))

    # What the events build.

    def text(self, data: str, offset: int, exact: bool) -> None:
        if self.raw_depth:
            return
        if self.title is not None:
            self.title.append(data)
            return
        if self.pre is not None:
            self.pre_text.append(data)
            return
        if self.link is not None:
            self.link[1].append(data)
        if self.code_depth:
            self.code_text.append(data)
            self.run.add(MASK * len(data), offset, exact)
            return
        self.run.add(data, offset, exact)

    def note_anchors(self, opened: _Open) -> None:
        for name in ("id", "name") if opened.tag == "a" else ("id",):
            attribute = opened.attrs.get(name)
            if attribute is not None and attribute.value:
                self.body.anchors.append(attribute.value)
                self.body.named_anchors.append(attribute.value)

    def begin(self, opened: _Open) -> None:
        tag, start = opened.tag, opened.start
        if tag == "br":
            self.run.add("\n", start, False)
        elif tag == "title":
            self.title = []
        elif tag == "html" and "lang" in opened.attrs:
            self.meta.data.setdefault("lang", opened.attrs["lang"].value)
        elif tag == "meta":
            self.meta_tag(opened.attrs)
        elif tag == "link" and opened.attrs.get("rel", Attribute("", 0, "")).value.lower() == "canonical":
            if "href" in opened.attrs:
                self.meta.data.setdefault("html_url", opened.attrs["href"].value)
        elif tag == "pre":
            self.pre, self.pre_text = opened, []
        elif tag == "code" and self.pre is None:
            if self.code_depth == 0:
                self.code_start, self.code_text = start, []
            self.code_depth += 1
        elif tag == "a":
            if self.link is not None:
                self.finish_link(start)
            if "href" in opened.attrs:
                self.link = (opened, [])
        elif tag == "img":
            self.image(opened)
            self.embedded(opened)
        elif tag in _EMBEDDED:
            self.embedded(opened)
        elif tag in _HEADINGS:
            identifier = opened.attrs.get("id")
            self.heading = (_HEADINGS[tag], identifier.value if identifier else None)
            self.headings_before = len(self.body.headings)
        elif tag in ("ul", "ol"):
            self.open_list(opened)
        elif tag == "li":
            self.open_item(opened)
        elif tag == "table":
            self.table = [0, 0, self.line(start), 0]
        elif tag == "tr" and self.table is not None:
            self.table[0] += 1
            self.table[3] = 0
        elif tag in ("td", "th") and self.table is not None:
            self.table[3] += 1
            self.table[1] = max(self.table[1], self.table[3])
        elif tag == "hr":
            line = self.line(start)
            self.block("rule", line, line, start, start)

    def leave(self, opened: _Open, end: int) -> None:
        tag = opened.tag
        if tag not in _LEFT:
            return  # an inline element: nothing to record (most end tags)
        first, last = self.line(opened.start), self.line(max(opened.start, end - 1))
        if tag == "title" and self.title is not None:
            text = " ".join("".join(self.title).split())
            if text:
                self.meta.data.setdefault("html_title", text)
            self.title = None
        elif tag == "pre" and self.pre is not None:
            self.body.code_blocks.append(CodeBlock(first, last, "".join(self.pre_text), "", True))
            self.block("code", first, last, opened.start, end)
            self.pre = None
        elif tag == "code" and self.code_depth:
            self.code_depth -= 1
            if self.code_depth == 0:
                self.body.code_spans.append(("".join(self.code_text), self.code_start, end))
        elif tag == "a" and self.link is not None and self.link[0] is opened:
            self.finish_link(end)
        elif tag in _HEADINGS:
            self.heading = None
            if len(self.body.headings) > self.headings_before:  # a heading with no text shows nothing
                line = self.body.headings[self.headings_before].line
                self.block("heading", line, max(line, last), opened.start, end, level=_HEADINGS[tag])
        elif tag in ("ul", "ol"):
            self.close_list(opened, end, last)
        elif tag == "li":
            self.close_item(opened, end, last)
        elif tag == "table" and self.table is not None:
            self.body.tables.append((self.table[0], self.table[1], self.table[2]))
            self.block("table", first, last, opened.start, end)
            self.table = None
        elif tag == "blockquote":
            self.block("quote", first, last, opened.start, end)

    def depth(self) -> int:
        return self.open_count.get("li", 0) + self.open_count.get("blockquote", 0)

    def is_open(self, tag: str) -> bool:
        return self.open_count.get(tag, 0) > 0

    def block(self, kind: str, first: int, last: int, start: int, end: int, **attrs: Any) -> None:
        """A block, with its file offsets: in HTML a heading and its content may share a line."""
        self.body.blocks.append(Block(kind, first, last, self.depth(), {"offsets": (start, end), **attrs}))

    def embedded(self, opened: _Open) -> None:
        """An image, a video, a frame: content, although no text."""
        line = self.line(opened.start)
        self.block("other", line, line, opened.start, opened.start, element=opened.tag)

    def meta_tag(self, attrs: dict[str, Attribute]) -> None:
        name = (attrs.get("name") or attrs.get("property") or Attribute("", 0, "")).value.lower()
        content = attrs.get("content")
        if content is None:
            return
        if name in ("description", "keywords"):
            self.meta.data.setdefault(name, content.value)
        elif name in ("og:url",):
            self.meta.data.setdefault("html_url", content.value)
        elif name in ("language", "og:locale", "content-language"):
            self.meta.data.setdefault("lang", content.value)

    def finish_link(self, end: int) -> None:
        opened, texts = self.link
        self.link = None
        href = opened.attrs["href"]
        text = " ".join("".join(texts).split())
        self.body.links.append(Link(href.value, text, opened.start, end, href.start))
        if href.value:
            self.body.urls.append((href.value, href.start))

    def image(self, opened: _Open) -> None:
        source = opened.attrs.get("src")
        alt = opened.attrs.get("alt")
        url_start = source.start if source is not None else opened.start
        end = opened.start + len(self.get_starttag_text() or "")
        self.body.links.append(
            Link(source.value if source else "", alt.value if alt else "", opened.start, end, url_start, image=True, no_alt=alt is None)
        )

    def open_list(self, opened: _Open) -> None:
        ordered = opened.tag == "ol"
        first = self.line(opened.start)
        start_at = opened.attrs.get("start")
        self.lists.append(ListBlock(ordered, len(self.lists), first, first, []))
        self.next_numbers.append(_number(start_at.value, 1) if start_at else 1)

    def close_list(self, opened: _Open, end: int, last: int) -> None:
        if not self.lists:
            return
        block = self.lists.pop()
        self.next_numbers.pop()
        block.end_line = last
        self.body.lists.append(block)
        self.block("list", block.start_line, last, opened.start, end)

    def open_item(self, opened: _Open) -> None:
        line, column = self.index.position(opened.start)
        end_column = column + len(self.get_starttag_text() or "")
        number = None
        if self.lists and self.lists[-1].ordered:
            value = opened.attrs.get("value")
            number = _number(value.value, self.next_numbers[-1]) if value else self.next_numbers[-1]
            self.next_numbers[-1] = number + 1
        item = ListItem(number, line, column, end_column, line, line)
        if self.lists:
            self.lists[-1].items.append(item)
        self.items.append(item)

    def close_item(self, opened: _Open, end: int, last: int) -> None:
        if self.items:
            item = self.items.pop()
            item.end_line = last
            self.block("list_item", item.start_line, last, opened.start, end)

    def flush(self) -> None:
        """End the run of prose: one span, its ends trimmed of white space."""
        if not self.run.text:
            return  # nothing since the last block boundary (most of them)
        run, self.run = self.run, _Run()
        text = "".join(run.text)
        stripped = text.strip()
        if not stripped or stripped.strip(MASK + " ") == "":
            return
        lead = len(text) - len(text.lstrip())
        kind = "heading" if self.heading is not None else "table_cell" if self.in_cell() else "paragraph"
        span = _span(kind, text, lead, len(stripped), run, self.index)
        span.in_list = self.is_open("li")
        span.in_quote = self.is_open("blockquote")
        span.text = self.mask_urls(span)
        self.body.prose.append(span)
        if self.heading is not None:
            self.add_heading(span)
        elif kind == "paragraph":  # in a <p>, a <div> or the body itself: a paragraph to a reader
            self.block("paragraph", span.start_line, span.end_line, span.offset(0), span.end_offset(len(span.text)))

    def in_cell(self) -> bool:
        return self.is_open("td") or self.is_open("th")

    def add_heading(self, span: ProseSpan) -> None:
        level, explicit_id = self.heading
        text = " ".join(span.text.replace(MASK, "").split())
        line, column = self.index.position(span.offset(0))
        _, end_column = self.index.position(span.end_offset(len(span.text)))
        self.body.headings.append(Heading(level, text, line, column, end_column, explicit_id))

    def mask_urls(self, span: ProseSpan) -> str:
        return mask_bare_urls(span, self.body.urls)


def _span(kind: str, text: str, lead: int, length: int, run: _Run, index: LineIndex) -> ProseSpan:
    """The prose ``text[lead:lead + length]`` of ``run`` as a span, with its offset map."""
    starts, sources = run.text_starts, run.src_starts
    k = bisect_right(starts, lead) - 1
    text_starts = [0]
    src_starts = [sources[k] + lead - starts[k]]
    for j in range(k + 1, len(starts)):
        if starts[j] >= lead + length:
            break
        text_starts.append(starts[j] - lead)
        src_starts.append(sources[j])
    body = text[lead : lead + length]
    first = index.position(src_starts[0])[0]
    last = index.position(src_starts[-1] + max(0, length - text_starts[-1] - 1))[0]
    return ProseSpan(kind, body, first, last, _text_starts=text_starts, _src_starts=src_starts)


def _number(value: str, default: int) -> int:
    try:
        return int(value.strip())
    except ValueError:
        return default


# What a JavaScript framework writes into the pages it renders ahead of time (React's
# ``data-reactroot``, Vue's ``data-server-rendered``): such a page is a build's output, its
# article written elsewhere (a docsite site commits ``zh-cn/docs/x.html`` built from
# ``docs/zh-cn/x.md``), and its text the whole site's header, menus and footer besides.
_PRERENDERED_MARKS = (b"data-reactroot", b'data-server-rendered="true"')


def is_prerendered_page(relpath: str, data: bytes) -> bool:
    """Is the HTML file ``relpath`` (its bytes ``data``) a page a framework rendered ahead of
    time: no article of its own, a link target only?"""
    return relpath.lower().endswith((".html", ".htm")) and any(mark in data for mark in _PRERENDERED_MARKS)


def parse_html(text: str, index: LineIndex) -> tuple[Body, Metadata]:
    """The body and what the page says of itself."""
    reader = _Reader(text, index)
    try:
        reader.feed(text)
        reader.close()
    except AssertionError:  # html.parser's own checks on malformed markup: keep what was read
        pass
    reader.flush()
    while reader.stack:
        opened = reader.stack.pop()
        reader.leave(opened, len(text))
    if reader.link is not None:
        reader.finish_link(len(text))
    body = reader.body
    if "title" not in reader.meta.data and not any(h.level == 1 for h in body.headings):
        if "html_title" in reader.meta.data:
            reader.meta.data["title"] = reader.meta.data["html_title"]
    return body, reader.meta


def escape_edits(body: Body, edits: list) -> list:
    """``edits`` with their replacements written as HTML: in text, ``&``, ``<`` and ``>`` as
    entities; in a link's address (the one place inside a tag a fix may change), quotes."""
    from dataclasses import replace

    addresses = [(link.url_start, link.url_start + len(link.url)) for link in body.links if not link.image]
    escaped = []
    for edit in edits:
        in_address = any(lo <= edit.start and edit.end <= hi for lo, hi in addresses)
        if in_address:
            text = edit.replacement.replace('"', "&quot;").replace("'", "&#39;")
        else:
            text = html.escape(edit.replacement, quote=False)
        escaped.append(edit if text == edit.replacement else replace(edit, replacement=text))
    return escaped
