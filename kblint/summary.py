"""The compact summary of a Document that corpus rules read.

Corpus rules need ids, titles, references and structure, not ASTs. A summary is small, plain
data with positions already resolved, so worker processes can return it and the cache can
store it: a warm run re-reads no Markdown at all.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kblint.document import Document


class Span(NamedTuple):
    """A resolved place in a file. A tuple, so that thousands of them load fast from the cache."""

    start: int  # file offsets
    end: int
    line: int  # 1-based positions
    column: int
    end_line: int
    end_column: int


@dataclass  # not frozen: a frozen dataclass is five times slower to create, and there are many
class RefSummary:
    target: str | None  # the article's identity (for a path link: once the corpus resolved it)
    kind: str  # mention, link, related, image, anchor (see kblint.references)
    span: Span
    title: str | None = None
    title_span: Span | None = None
    url: str | None = None
    url_span: Span | None = None  # the destination as written
    bases: tuple[tuple[str, str], ...] = ()  # candidate paths (kblint.links.Destination)
    fragment: str | None = None
    style: str | None = None  # same-page, relative, root, site (None: an id in prose)
    link_locale: str | None = None  # a locale the destination names
    # Set by the corpus (kblint.corpus.Corpus.resolve_links), never stored:
    resolved: str | None = None  # the file reached (root-relative)
    case_path: str | None = None  # a file whose name differs only in case, when none matched
    folder: bool = False  # the destination is an existing folder

    def to_row(self) -> list:
        """As the cache stores it: a list without the empty fields at its end (a mention has
        only its target, kind and place)."""
        row = [
            self.target, self.kind, self.span, self.title, self.title_span, self.url, self.url_span,
            self.bases, self.fragment, self.style, self.link_locale,
        ]  # fmt: skip
        while len(row) > 3 and not row[-1]:
            row.pop()
        return row

    @staticmethod
    def from_row(row: list) -> "RefSummary":
        if len(row) < 11:
            row = [*row, *([None] * (11 - len(row)))]
        target, kind, span, title, title_span, url, url_span, bases, fragment, style, link_locale = row
        return RefSummary(
            target, kind, Span._make(span), title, Span._make(title_span) if title_span else None, url,
            Span._make(url_span) if url_span else None, tuple(tuple(b) for b in bases) if bases else (),
            fragment, style, link_locale,
        )  # fmt: skip


@dataclass
class Summary:
    relpath: str
    id: str  # the article's identity (kblint.identity): an id or a path
    locale: str
    title: str | None
    id_span: Span  # the front matter id line, else the first line
    lang_span: Span
    root: str = ""  # the locale root the article lies under
    by_path: bool = False  # identified by its path, not an id
    anchors: list[str] = field(default_factory=list)  # what a #fragment can name in it
    references: list[RefSummary] = field(default_factory=list)
    heading_count: int = 0
    steps: int = 0  # items of ordered lists
    steps_span: Span | None = None  # the first numbered step
    code_blocks: list[tuple[str, Span]] = field(default_factory=list)  # content hash, first line
    external_urls: list[str] = field(default_factory=list)  # URLs with a scheme, in order
    source_commit: str | None = None
    updated: str | None = None
    suppressed: dict[str, Any] = field(default_factory=dict)  # whole_file and ranges
    light: bool = False  # only the identity: references and structure were left out

    def identity(self) -> "Summary":
        """Who the article is, without what it says: enough to be a reference target."""
        return Summary(
            relpath=self.relpath,
            id=self.id,
            locale=self.locale,
            title=self.title,
            id_span=self.id_span,
            lang_span=self.lang_span,
            root=self.root,
            by_path=self.by_path,
            anchors=self.anchors,
            source_commit=self.source_commit,
            updated=self.updated,
            suppressed=self.suppressed,
            light=True,
        )

    def to_json(self) -> dict[str, Any]:
        # By hand, not dataclasses.asdict: this runs once per file on a cold run and asdict's
        # recursive copying was a tenth of the time. References are stored as arrays.
        return {
            "relpath": self.relpath,
            "id": self.id,
            "locale": self.locale,
            "title": self.title,
            "id_span": self.id_span,
            "lang_span": self.lang_span,
            "root": self.root,
            "by_path": self.by_path,
            "anchors": self.anchors,
            "references": [r.to_row() for r in self.references],
            "heading_count": self.heading_count,
            "steps": self.steps,
            "steps_span": self.steps_span,
            "code_blocks": self.code_blocks,
            "external_urls": self.external_urls,
            "source_commit": self.source_commit,
            "updated": self.updated,
            "suppressed": self.suppressed,
            "light": self.light,
        }

    @staticmethod
    def from_json(data: dict[str, Any]) -> "Summary":
        def span(value: Any) -> Span | None:
            return Span._make(value) if value else None

        refs = [RefSummary.from_row(row) for row in data["references"]]
        return Summary(
            relpath=data["relpath"],
            id=data["id"],
            locale=data["locale"],
            title=data["title"],
            id_span=span(data["id_span"]),
            lang_span=span(data["lang_span"]),
            root=data["root"],
            by_path=data["by_path"],
            anchors=data["anchors"],
            references=refs,
            heading_count=data["heading_count"],
            steps=data["steps"],
            steps_span=span(data["steps_span"]),
            code_blocks=[(h, span(s)) for h, s in data["code_blocks"]],
            external_urls=data["external_urls"],
            source_commit=data["source_commit"],
            updated=data["updated"],
            suppressed=data["suppressed"],
            light=data.get("light", False),
        )


# What translators may change in a code block without changing the code: comments, the text
# of string literals and the text between tags (JSX and HTML samples whose UI text is
# translated). Both sides are normalized the same way, so commands, names and structure
# still have to match.
_CODE_COMMENT = re.compile(r"/\*.*?\*/|<!--.*?-->|(?:^|(?<=\s))(?://|#|--|;)\s.*?$|(?:^|(?<=\s))(?://|#)$", re.S | re.M)
_CODE_STRING = re.compile(r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`""")
_CODE_TEXT = re.compile(r">(?:[^<>{};=()]|\{[^{}<>]*\})*?[^\W\d_](?:[^<>{};=()]|\{[^{}<>]*\})*<")
# Blocks of plain text (no language, or text): often an illustration a translator translates.
TEXT_INFOS = ("", "text", "txt", "plaintext", "plain", "markdown", "md")
TRANSLATED_TEXT = "text"  # the key of a text block written in another script: not compared


def code_key(code: str, info: str = "code") -> str:
    """The hash by which a translation's code block is compared with its source's."""
    if info.split(" ", 1)[0].lower() in TEXT_INFOS and any(ch > "\u02ff" and ch.isalpha() for ch in code):
        return TRANSLATED_TEXT
    text = code
    if "/" in text or "#" in text or "--" in text or ";" in text or "<!" in text:
        text = _CODE_COMMENT.sub("", text)
    if '"' in text or "'" in text or "`" in text:
        text = _CODE_STRING.sub(lambda m: m.group(0)[0] * 2, text)
    if ">" in text:
        text = _CODE_TEXT.sub("><", text)
    text = "".join(text.split())  # spacing is formatting, not code
    return hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:16]


def make_span(doc: Document, start: int, end: int) -> Span:
    position = doc.index.position
    line, column = position(start)
    end_line, end_column = position(end if end > start else start)
    return Span(start, end, line, column, end_line, end_column)


def _line_span(doc: Document, line: int) -> Span:
    return make_span(doc, doc.index.line_start(line), doc.index.line_end(line))


def summarize(doc: Document) -> Summary:
    front = doc.front
    code_blocks = [(code_key(block.text, block.info), _line_span(doc, block.start_line)) for block in doc.md.code_blocks]
    ordered = [lst for lst in doc.md.lists if lst.ordered and lst.items]
    steps_span = None
    if ordered:
        first = ordered[0].items[0]
        steps_span = make_span(doc, doc.index.offset(first.line, first.column), doc.index.offset(first.line, first.end_column))
    refs = []
    for r in doc.references:
        destination = r.destination
        refs.append(
            RefSummary(
                r.target,
                r.kind,
                make_span(doc, r.start, r.end),
                r.title,
                make_span(doc, r.title_start, r.title_end) if r.title_start >= 0 else None,
                r.url,
                make_span(doc, r.url_start, r.url_end) if r.url_start >= 0 else None,
                destination.bases if destination else (),
                destination.fragment if destination else None,
                destination.style if destination else None,
                destination.locale if destination else None,
            )
        )
    source_commit = front.data.get("source_commit")
    updated = front.data.get("updated")
    return Summary(
        relpath=doc.relpath,
        id=doc.id,
        locale=doc.locale,
        title=doc.title,
        id_span=_line_span(doc, front.key_lines.get("id", 1)),
        lang_span=_line_span(doc, front.key_lines.get("lang", front.key_lines.get("id", 1))),
        root=doc.identity.root,
        by_path=doc.identity.by_path,
        anchors=doc.md.anchors,
        references=refs,
        heading_count=len(doc.md.headings),
        steps=sum(len(lst.items) for lst in ordered),
        steps_span=steps_span,
        code_blocks=code_blocks,
        external_urls=[url for url, _ in doc.md.urls if "://" in url or url.startswith("mailto:")],
        source_commit=str(source_commit) if source_commit is not None else None,
        updated=str(updated) if updated is not None else None,
        suppressed=(
            {"whole_file": sorted(doc.suppressions.whole_file), "ranges": [list(r) for r in doc.suppressions.ranges]}
            if doc.suppressions.whole_file or doc.suppressions.ranges
            else {}
        ),
    )
