"""The compact summary of a Document that corpus rules read.

Corpus rules need ids, titles, references and structure, not ASTs. A summary is small, plain
data with positions already resolved, so worker processes can return it and the cache can
store it: a warm run re-reads no Markdown at all.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

from kblint.document import Document


@dataclass(frozen=True)
class Span:
    start: int  # file offsets
    end: int
    line: int  # 1-based positions
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
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
    headings: list[tuple[int, str, Span]] = field(default_factory=list)
    ordered_lists: list[list[tuple[int | None, Span]]] = field(default_factory=list)
    code_blocks: list[tuple[str, Span]] = field(default_factory=list)  # content hash, first line
    urls: list[tuple[str, Span]] = field(default_factory=list)
    source_commit: str | None = None
    updated: str | None = None
    suppressed: dict[str, Any] = field(default_factory=dict)  # whole_file and ranges
    id_from_front_matter: bool = False

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @staticmethod
    def from_json(data: dict[str, Any]) -> "Summary":
        def span(value: Any) -> Span | None:
            return Span(**value) if value else None

        refs = [
            RefSummary(
                r["target"], r["kind"], span(r["span"]), r["title"], span(r["title_span"]), r["url"], r["link_path"]
            )
            for r in data["references"]
        ]
        return Summary(
            relpath=data["relpath"],
            id=data["id"],
            locale=data["locale"],
            title=data["title"],
            id_span=span(data["id_span"]),
            lang_span=span(data["lang_span"]),
            references=refs,
            headings=[(h[0], h[1], span(h[2])) for h in data["headings"]],
            ordered_lists=[[(n, span(s)) for n, s in items] for items in data["ordered_lists"]],
            code_blocks=[(h, span(s)) for h, s in data["code_blocks"]],
            urls=[(u, span(s)) for u, s in data["urls"]],
            source_commit=data["source_commit"],
            updated=data["updated"],
            suppressed=data["suppressed"],
            id_from_front_matter=data["id_from_front_matter"],
        )


def make_span(doc: Document, start: int, end: int) -> Span:
    line, column = doc.position(start)
    end_line, end_column = doc.position(max(start, end))
    return Span(start, end, line, column, end_line, end_column)


def _line_span(doc: Document, line: int) -> Span:
    return make_span(doc, doc.index.line_start(line), doc.index.line_end(line))


def summarize(doc: Document) -> Summary:
    front = doc.front
    code_blocks = [
        (hashlib.sha1(block.text.strip().encode("utf-8", "replace")).hexdigest()[:16], _line_span(doc, block.start_line))
        for block in doc.md.code_blocks
    ]
    headings = []
    for heading in doc.md.headings:
        start = doc.index.offset(heading.line, heading.column)
        end = doc.index.offset(heading.line, heading.end_column)
        headings.append((heading.level, heading.text, make_span(doc, start, end)))
    ordered = []
    for lst in doc.md.lists:
        if lst.ordered:
            ordered.append(
                [
                    (item.number, make_span(doc, doc.index.offset(item.line, item.column), doc.index.offset(item.line, item.end_column)))
                    for item in lst.items
                ]
            )
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
        headings=headings,
        ordered_lists=ordered,
        code_blocks=code_blocks,
        urls=[(url, make_span(doc, offset, offset + len(url))) for url, offset in doc.md.urls],
        source_commit=str(source_commit) if source_commit is not None else None,
        updated=str(updated) if updated is not None else None,
        suppressed={
            "whole_file": sorted(doc.suppressions.whole_file),
            "ranges": [list(r) for r in doc.suppressions.ranges],
        },
        id_from_front_matter=doc.id_from_front_matter,
    )
