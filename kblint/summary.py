"""The compact summary of a Document that corpus rules read.

Corpus rules need ids, titles, references and structure, not ASTs. A summary is small, plain
data with positions already resolved, so worker processes can return it and the cache can
store it: a warm run re-reads no Markdown at all.
"""

from __future__ import annotations

import hashlib
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
    target: str
    kind: str  # mention, link, related
    span: Span
    title: str | None = None
    title_span: Span | None = None
    url: str | None = None
    link_path: str | None = None


@dataclass
class Summary:
    relpath: str
    id: str | None
    locale: str
    title: str | None
    id_span: Span  # the front matter id line, else the first line
    lang_span: Span
    references: list[RefSummary] = field(default_factory=list)
    heading_count: int = 0
    steps: int = 0  # items of ordered lists
    steps_span: Span | None = None  # the first numbered step
    code_blocks: list[tuple[str, Span]] = field(default_factory=list)  # content hash, first line
    external_urls: list[str] = field(default_factory=list)  # URLs with a scheme, in order
    source_commit: str | None = None
    updated: str | None = None
    suppressed: dict[str, Any] = field(default_factory=dict)  # whole_file and ranges
    id_from_front_matter: bool = False
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
            source_commit=self.source_commit,
            updated=self.updated,
            suppressed=self.suppressed,
            id_from_front_matter=self.id_from_front_matter,
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
            "references": [
                (r.target, r.kind, r.span, r.title, r.title_span, r.url, r.link_path) for r in self.references
            ],
            "heading_count": self.heading_count,
            "steps": self.steps,
            "steps_span": self.steps_span,
            "code_blocks": self.code_blocks,
            "external_urls": self.external_urls,
            "source_commit": self.source_commit,
            "updated": self.updated,
            "suppressed": self.suppressed,
            "id_from_front_matter": self.id_from_front_matter,
            "light": self.light,
        }

    @staticmethod
    def from_json(data: dict[str, Any]) -> "Summary":
        def span(value: Any) -> Span | None:
            return Span._make(value) if value else None

        refs = [
            RefSummary(target, kind, Span._make(where), title, span(title_span), url, link_path)
            for target, kind, where, title, title_span, url, link_path in data["references"]
        ]
        return Summary(
            relpath=data["relpath"],
            id=data["id"],
            locale=data["locale"],
            title=data["title"],
            id_span=span(data["id_span"]),
            lang_span=span(data["lang_span"]),
            references=refs,
            heading_count=data["heading_count"],
            steps=data["steps"],
            steps_span=span(data["steps_span"]),
            code_blocks=[(h, span(s)) for h, s in data["code_blocks"]],
            external_urls=data["external_urls"],
            source_commit=data["source_commit"],
            updated=data["updated"],
            suppressed=data["suppressed"],
            id_from_front_matter=data["id_from_front_matter"],
            light=data.get("light", False),
        )


def make_span(doc: Document, start: int, end: int) -> Span:
    position = doc.index.position
    line, column = position(start)
    end_line, end_column = position(end if end > start else start)
    return Span(start, end, line, column, end_line, end_column)


def _line_span(doc: Document, line: int) -> Span:
    return make_span(doc, doc.index.line_start(line), doc.index.line_end(line))


def summarize(doc: Document) -> Summary:
    front = doc.front
    code_blocks = [
        (hashlib.sha1(block.text.strip().encode("utf-8", "replace")).hexdigest()[:16], _line_span(doc, block.start_line))
        for block in doc.md.code_blocks
    ]
    ordered = [lst for lst in doc.md.lists if lst.ordered and lst.items]
    steps_span = None
    if ordered:
        first = ordered[0].items[0]
        steps_span = make_span(doc, doc.index.offset(first.line, first.column), doc.index.offset(first.line, first.end_column))
    refs = [
        RefSummary(
            r.target,
            r.kind,
            make_span(doc, r.start, r.end),
            r.title,
            make_span(doc, r.title_start, r.title_end) if r.title_start >= 0 else None,
            r.url,
            r.link_path,
        )
        for r in doc.references
    ]
    source_commit = front.data.get("source_commit")
    updated = front.data.get("updated")
    return Summary(
        relpath=doc.relpath,
        id=doc.id,
        locale=doc.locale,
        title=doc.title,
        id_span=_line_span(doc, front.key_lines.get("id", 1)),
        lang_span=_line_span(doc, front.key_lines.get("lang", front.key_lines.get("id", 1))),
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
        id_from_front_matter=doc.id_from_front_matter,
    )
