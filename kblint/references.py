"""Finding the references an article makes to other articles.

Three kinds: ``mention`` (a bare id in prose: KB4407, IBKB 3396), ``link`` (a Markdown link
whose destination is an article file) and ``related`` (an entry of a "Related articles" list,
which also carries the title it lists). Ids inside code, URLs and front matter are never
references: prose spans have those masked already.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache

from typing import TYPE_CHECKING

from kblint.config import Config
from kblint.text import MASK

if TYPE_CHECKING:
    from kblint.markdown import ParsedMarkdown, ProseSpan

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_TITLE_SEPARATOR = re.compile(r"[\s\])]*(?:[-–—:：|]+\s*)?")  # used with match(pos): no ^
_HEADING_END = " \t:：.。"


@dataclass  # not frozen: a frozen dataclass is five times slower to create, and there are many
class Reference:
    target: str  # canonical article id
    kind: str  # "mention", "link" or "related"
    start: int  # file offsets of the reference text
    end: int
    title: str | None = None  # the title listed beside a related entry
    title_start: int = -1
    title_end: int = -1
    url: str | None = None  # a link's destination as written
    link_path: str | None = None  # a relative article link, resolved against the article's folder


def _link_target(url: str, config: Config) -> str | None:
    for pattern in config.links:
        m = pattern.regex.search(url)
        if m:
            return pattern.canonical(m)
    return None


@lru_cache(maxsize=16)
def _folded_headings(headings: tuple[str, ...]) -> tuple[frozenset[str], tuple[tuple[str, int], ...]]:
    """The related-articles headings case-folded: as a set, and each with its length."""
    return frozenset(h.casefold() for h in headings), tuple((h.casefold(), len(h)) for h in headings)


def _is_related_heading(text: str, config: Config) -> bool:
    cleaned = text.replace(MASK, "").strip().rstrip(_HEADING_END).strip().casefold()
    return cleaned in _folded_headings(tuple(config.related_headings))[0]


def _related_intro(span: ProseSpan, config: Config) -> int | None:
    """If ``span`` opens with a related-articles label, the index just after it."""
    first_line = span.text[:80].split("\n", 1)[0]
    if len(first_line) >= 80:
        return None  # a label is short; a long first line is a sentence
    if _is_related_heading(first_line, config):
        return len(first_line)
    folded = first_line.casefold()
    for heading, length in _folded_headings(tuple(config.related_headings))[1]:
        if folded.startswith(heading):
            rest = first_line[length:]
            if rest[:1] in (":", "："):
                return length + 1
    return None


def extract_references(md: ParsedMarkdown, config: Config, relative_path: str | None) -> list[Reference]:
    """All references in the parsed body. ``relative_path`` is the article's path (posix)
    relative to the knowledge base root, used to resolve relative links."""
    refs: list[Reference] = []
    # Links to article files.
    link_spans: list[tuple[int, int, str]] = []
    folder = posixpath.dirname(relative_path) if relative_path else ""
    for link in md.links:
        if link.image or link.autolink:
            continue
        url = link.url.strip()
        if not url or url.startswith("#"):
            continue
        target = _link_target(url, config)
        if target is None:
            continue
        link_path = None
        if not _SCHEME.match(url) and not url.startswith("/"):
            path_part = url.split("#", 1)[0].split("?", 1)[0]
            link_path = posixpath.normpath(posixpath.join(folder, path_part))
        refs.append(Reference(target, "link", link.start, link.end, url=url, link_path=link_path))
        link_spans.append((link.start, link.end, target))

    # Which prose spans belong to a related-articles section: from a related heading (or a
    # paragraph that is only such a label) to the next heading.
    in_related = False
    for span in md.prose:
        intro = None
        if span.kind == "heading":
            in_related = _is_related_heading(span.text, config)
            if in_related:
                continue
        elif not span.in_list:
            intro = _related_intro(span, config)
            if intro is not None:
                in_related = True
        for pattern in config.references:
            for m in pattern.regex.finditer(span.text):
                start = span.offset(m.start())
                end = span.end_offset(m.end())
                target = pattern.canonical(m)
                if link_spans and any(s <= start < e and t == target for s, e, t in link_spans):
                    continue  # the link that wraps it is the reference
                refs.append(Reference(target, "mention", start, end))
        if in_related and span.kind != "heading":
            refs.extend(_related_entries(span, config, link_spans, intro or 0))
    refs.sort(key=lambda r: (r.start, r.kind != "related"))
    # A related entry replaces the plain mention or link at the same place.
    result: list[Reference] = []
    related_at = {(r.start, r.target) for r in refs if r.kind == "related"}
    for r in refs:
        if r.kind != "related" and (r.start, r.target) in related_at:
            continue
        result.append(r)
    return result


def _related_entries(
    span: ProseSpan, config: Config, link_spans: list[tuple[int, int, str]], skip: int
) -> list[Reference]:
    """Entries such as ``KB3842 - Using GPG`` or ``[Using GPG](KB3842.md)``, one per line."""
    entries = []
    position = 0
    for line in span.text.split("\n"):
        line_start = position
        position += len(line) + 1
        if line_start + len(line) <= skip:
            continue
        lead = len(line) - len(line.lstrip(" \t-*•·[("))
        if line_start < skip:
            lead = max(lead, skip - line_start)
            lead += len(line[lead:]) - len(line[lead:].lstrip(" \t-*•·[("))
        body = line[lead:]
        entry = None
        for pattern in config.references:
            m = pattern.regex.match(body)
            if m:
                entry = (m.start(), m.end(), pattern.canonical(m))
                break
        if entry is not None:
            id_start = span.offset(line_start + lead + entry[0])
            id_end = span.end_offset(line_start + lead + entry[1])
            rest_from = line_start + lead + entry[1]
            sep = _TITLE_SEPARATOR.match(span.text, rest_from, line_start + len(line))
            title_from = sep.end() if sep else rest_from
            title = span.text[title_from : line_start + len(line)].rstrip()
            target = entry[2]
            if title and MASK not in title:
                entries.append(
                    Reference(
                        target,
                        "related",
                        id_start,
                        id_end,
                        title=title,
                        title_start=span.offset(title_from),
                        title_end=span.end_offset(title_from + len(title)),
                    )
                )
            else:
                entries.append(Reference(target, "related", id_start, id_end))
            continue
        # A link as the entry: its text is the listed title.
        first = span.offset(line_start + lead) if body.strip() else None
        if first is None:
            continue
        for start, end, target in link_spans:
            if start <= first <= end or (first - 2 <= start <= first):
                title = body.rstrip().rstrip(")]").strip()
                entries.append(
                    Reference(
                        target,
                        "related",
                        start,
                        end,
                        title=title or None,
                        title_start=first if title else -1,
                        title_end=span.end_offset(line_start + lead + len(title)) if title else -1,
                    )
                )
                break
    return entries
