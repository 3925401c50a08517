"""Finding the references an article makes to other articles.

Kinds: ``mention`` (a bare id in prose: KB4407, IBKB 3396), ``link`` (a link to a page of the
knowledge base, by path or by an id in its destination), ``related`` (an entry of a "Related
articles" list, which also carries the title it lists), ``image`` (an image or other file of
the knowledge base) and ``anchor`` (a link to a place on the same page). Ids inside code,
URLs and front matter are never references: prose spans have those masked already.

A link's destination is resolved to a file only at corpus time (``kblint.kb.links``), when every
file of the knowledge base is known; here it becomes its candidate paths.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from typing import TYPE_CHECKING

from kblint.model.config import Config
from kblint.kb.helpcenter import parse_address
from kblint.kb.identity import canonical_locale
from kblint.kb.links import Destination, parse_destination, wiki_destination
from kblint.model.text import MASK

if TYPE_CHECKING:
    from kblint.kb.identity import Identity
    from kblint.model.body import Body, ProseSpan

_TITLE_SEPARATOR = re.compile(r"[\s\])]*(?:[-–—:：|]+\s*)?")  # used with match(pos): no ^
_HEADING_END = " \t:：.。"


class _LinkIndex:
    """The links of a page in order of their start, to find those around an offset by
    bisection: a page of thousands of entries is not searched once for each of them."""

    def __init__(self, links: list[Reference]) -> None:
        self.links = sorted(links, key=lambda r: r.start)
        self.starts = [r.start for r in self.links]
        self.reach: list[int] = []  # the furthest end of the links up to each one (links may nest)
        for link in self.links:
            self.reach.append(max(link.end, self.reach[-1] if self.reach else link.end))

    def _around(self, offset: int, before: int = 0):
        """The links that start at or before ``offset`` and end at or after it, or start at
        most ``before`` characters before it: nearest first."""
        i = bisect_right(self.starts, offset) - 1
        while i >= 0 and (self.reach[i] >= offset or self.starts[i] >= offset - before):
            link = self.links[i]
            if link.end >= offset or link.start >= offset - before:
                yield link
            i -= 1

    def wraps(self, offset: int, target: str | None) -> bool:
        """Is there a link to ``target`` whose text holds ``offset``?"""
        return any(link.start <= offset < link.end and link.target == target for link in self._around(offset))

    def entry_link(self, first: int) -> Reference | None:
        """The link a related entry starting at ``first`` is: one that holds it or starts at
        most two characters before it (after ``[`` or ``**``); the first such on the page."""
        found = None
        for link in self._around(first, before=2):
            found = link  # the last one met is the first on the page
        return found


@dataclass  # not frozen: a frozen dataclass is five times slower to create, and there are many
class Reference:
    """A reference an article makes (mention, link, related entry, image or anchor) with its file offsets."""

    target: str | None  # canonical article id (None for a path link: resolved at corpus time)
    kind: str  # "mention", "link", "related", "image" or "anchor"
    start: int  # file offsets of the reference text
    end: int
    title: str | None = None  # the title listed beside a related entry
    title_start: int = -1
    title_end: int = -1
    url: str | None = None  # a link's destination as written
    destination: Destination | None = None  # where a link's destination may lead
    url_start: int = -1  # file offsets of the destination as written (inline links)
    url_end: int = -1
    definition_start: int = -1  # a reference link's: in its definition
    definition_end: int = -1
    shows_url: bool = False  # a link whose text writes its own destination ("path - /zh/x.md")


# A path through a site builder's alias (Vite's @theme/, Docusaurus' @site/).
_BUNDLER_ALIAS = re.compile(r"@[A-Za-z][\w-]*/")
# A destination a template fills in: an expression ({{ sponsor.url }}, Hugo's {{< relref "x" >}},
# a template literal's ${optionPath}) or a placeholder in capitals (ENGLISH_VERSION_URL).
_TEMPLATED = re.compile(r"\{\{[^{}]*\}\}|\$\{[^{}]+\}|^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$")


def _link_target(url: str, config: Config) -> str | None:
    for pattern in config.links:
        m = pattern.regex.search(url)
        if m:
            return pattern.canonical(m)
    return None


class _RelatedHeadings:
    """The related-articles headings of a configuration, case-folded: as a set, each with its
    length, and the first letters they may start with (None: any, where one is empty)."""

    def __init__(self, headings: tuple[str, ...]) -> None:
        self.folded = frozenset(h.casefold() for h in headings)
        self.lengths = tuple((h.casefold(), len(h)) for h in headings)
        self.firsts = None if "" in self.folded else frozenset(h[0] for h in self.folded)

    def may_open(self, text: str) -> bool:
        """Could ``text`` be, or open with, one of the headings? False only when neither its
        first character nor its first one that is not markup or a space is a first letter of
        one, case-folded (case folding goes character by character): most prose, at once."""
        firsts = self.firsts
        if firsts is None or text[:1].casefold()[:1] in firsts:
            return True
        for ch in text:
            if ch != MASK and not ch.isspace():
                return ch.casefold()[:1] in firsts
        return False


@lru_cache(maxsize=16)
def _headings_of(headings: tuple[str, ...]) -> _RelatedHeadings:
    return _RelatedHeadings(headings)


def _related_headings(config: Config) -> _RelatedHeadings:
    return _headings_of(tuple(config.related_headings))


def _is_related_heading(text: str, config: Config, related: _RelatedHeadings | None = None) -> bool:
    related = related or _related_headings(config)
    if not related.may_open(text):
        return False
    cleaned = text.replace(MASK, "").strip().rstrip(_HEADING_END).strip().casefold()
    return cleaned in related.folded


def _related_intro(span: ProseSpan, config: Config, related: _RelatedHeadings | None = None) -> int | None:
    """If ``span`` opens with a related-articles label, the index just after it."""
    related = related or _related_headings(config)
    if not related.may_open(span.text):
        return None
    first_line = span.text[:80].split("\n", 1)[0]
    if len(first_line) >= 80:
        return None  # a label is short; a long first line is a sentence
    if _is_related_heading(first_line, config, related):
        return len(first_line)
    folded = first_line.casefold()
    for heading, length in related.lengths:
        if folded.startswith(heading):
            rest = first_line[length:]
            if rest[:1] in (":", "："):
                return length + 1
    return None


def extract_references(
    md: Body, config: Config, relative_path: str, identity: "Identity", hosts: frozenset[str] = frozenset(), page_address: str | None = None
) -> list[Reference]:
    """All references in the parsed body of the article at ``relative_path`` (posix, relative
    to the knowledge base root), whose identity is ``identity``; ``hosts`` are the help
    center's own (``kblint.kb.helpcenter``), ``page_address`` where its slug serves it."""
    elsewhere: list[tuple[int, int]] = []
    refs = _link_references(md, config, relative_path, identity, hosts, page_address, elsewhere)
    links = _LinkIndex([ref for ref in refs if ref.kind == "link"])
    refs += _prose_references(md, config, links, elsewhere)
    refs.sort(key=lambda r: (r.start, r.kind != "related"))
    # A related entry replaces the plain mention or link at the same place.
    related_at = {(r.start, r.target, r.url) for r in refs if r.kind == "related"}
    return [r for r in refs if r.kind == "related" or (r.start, r.target, r.url) not in related_at]


def _link_references(
    md: Body, config: Config, relative_path: str, identity: "Identity", hosts: frozenset[str], page_address: str | None,
    elsewhere: list[tuple[int, int]],
) -> list[Reference]:
    """Links and images to pages and files of the knowledge base; the offsets of the text of
    links to another site go to ``elsewhere``."""
    refs: list[Reference] = []
    generated = _contributors_tables(md) if md.html_comments else []
    for link in md.links:
        url = link.url.strip()
        if not url or (link.autolink and "@" in url and ":" not in url):
            continue  # <user@example.com> is an e-mail address, not a path
        if generated and url.startswith("#") and any(start <= link.start < end for start, end in generated):
            continue  # all-contributors' #code-kim: a table its bot writes, with its own anchors
        if _BUNDLER_ALIAS.match(url):
            continue  # @theme/x.css, @site/static/x.png: the site's build resolves them
        if _TEMPLATED.search(url):
            continue  # {{ sponsor.url }}, ENGLISH_VERSION_URL: a template fills it in when the site is built
        # A configured links pattern comes first: it says what its addresses are.
        address = parse_address(url) if not link.wiki and "/hc/" in url and (link.image or _link_target(url, config) is None) else None
        if address is not None:
            if address.kind != "articles" or link.image:
                continue  # a section or an attachment: not an article
            locale = canonical_locale(address.locale, config) if address.locale else None
            # A host not known to be the help center's own: the corpus decides (kblint.corpus.corpus).
            style = "article" if address.host is None or address.host in hosts else "article-elsewhere"
            destination, target = Destination(style, (), address.fragment, locale), address.id
        elif link.wiki:
            destination, target = wiki_destination(url, relative_path, identity), None
        else:
            destination = parse_destination(url, relative_path, identity, config, page_address)
            target = None if link.image else _link_target(url, config)
        if destination is None and target is None:
            elsewhere.append((link.start, link.end))
            continue  # another site
        if destination is not None and destination.style == "same-page":
            kind = "anchor"
        else:
            kind = "image" if link.image else "link"
        inline = not link.reference
        # A link with no text shows nothing ([](#x), a heading's pasted permalink): its title
        # is "" (None: not known), which self-reference reads.
        blank = kind == "link" and not link.text.strip() and not any(link.start <= at < link.end for _, at, _ in md.code_spans)
        title = "" if blank else None  # (a link whose text is code shows the code)
        address = url.partition("#")[0].partition("?")[0]
        refs.append(Reference(
            target, kind, link.start, link.end, title=title, url=url, destination=destination,
            shows_url=kind == "link" and len(address) > 1 and address in link.text,
            url_start=link.url_start if inline else -1, url_end=link.url_start + len(link.url) if inline else -1,
            definition_start=link.definition_start, definition_end=link.definition_end,
        ))  # fmt: skip
    return refs


def _contributors_tables(md: Body) -> list[tuple[int, int]]:
    """Where the all-contributors bot's tables are: between its ``ALL-CONTRIBUTORS-LIST:START``
    and ``ALL-CONTRIBUTORS-LIST:END`` comments ("do not remove or modify this section"), whose
    links to ``#code-kim`` name kinds of contribution, no heading of the page."""
    found, start = [], None
    for body, offset in md.html_comments:
        mark = body.strip()
        if mark.startswith("ALL-CONTRIBUTORS-LIST:START"):
            start = offset
        elif mark.startswith("ALL-CONTRIBUTORS-LIST:END") and start is not None:
            found.append((start, offset))
            start = None
    return found


def _prose_references(md: Body, config: Config, links: "_LinkIndex", elsewhere: list[tuple[int, int]]) -> list[Reference]:
    """Ids mentioned in the prose, and the entries of related-articles sections: from a related
    heading (or a paragraph that is only such a label) to the next heading. An id in the text
    of a link to another site names that site's page (a vendor's KB5049981), none of these."""
    refs: list[Reference] = []
    in_related = False
    related = _related_headings(config)
    for span in md.prose:
        intro = None
        if span.kind == "heading":
            in_related = _is_related_heading(span.text, config, related)
            if in_related:
                continue
        elif not span.in_list:
            intro = _related_intro(span, config, related)
            if intro is not None:
                in_related = True
        for pattern in config.references:
            for m in pattern.regex.finditer(span.text):
                start = span.offset(m.start())
                target = pattern.canonical(m)
                if links.wraps(start, target):
                    continue  # the link that wraps it is the reference
                if elsewhere and any(a <= start < b for a, b in elsewhere):
                    continue
                refs.append(Reference(target, "mention", start, span.end_offset(m.end())))
        if in_related and span.kind != "heading":
            refs.extend(_related_entries(span, config, links, intro or 0))
    return refs


def _related_entries(span: ProseSpan, config: Config, links: "_LinkIndex", skip: int) -> list[Reference]:
    """Entries such as ``KB3842 - Using GPG``, ``Using GPG (KB3842)``, ``Using GPG: KB3842`` or
    ``[Using GPG](KB3842.md)``, one per line."""
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
        entry = _leading_id(body, config) or _trailing_id(body, config)
        if entry is not None:
            id_from, id_to, target, title_from, title_to = entry
            at = line_start + lead  # where ``body`` starts in the span's text
            title = span.text[at + title_from : at + title_to]
            reference = Reference(target, "related", span.offset(at + id_from), span.end_offset(at + id_to))
            if title and MASK not in title:
                reference.title = title
                reference.title_start = span.offset(at + title_from)
                reference.title_end = span.end_offset(at + title_to)
            entries.append(reference)
            continue
        # A link as the entry: its text is the listed title.
        first = span.offset(line_start + lead) if body.strip() else None
        if first is None:
            continue
        link = links.entry_link(first)
        if link is None:
            continue
        # The listed title is the link's text: what lies before its destination.
        at = line_start + lead
        end = at
        while end < line_start + len(line) and span.offset(end) < link.url_start:
            end += 1
        title = _link_text(span.text[at:end])
        if MASK in title:
            title = ""  # code in the title: not a title to compare
        entries.append(
            Reference(
                link.target,
                "related",
                link.start,
                link.end,
                title=title or None,
                title_start=first if title else -1,
                title_end=span.end_offset(at + len(title)) if title else -1,
                url=link.url,
                destination=link.destination,
                url_start=link.url_start,
                url_end=link.url_end,
                definition_start=link.definition_start,
                definition_end=link.definition_end,
            )
        )
    return entries


def _link_text(written: str) -> str:
    """A link's text as the line writes it before its destination, without the link's own
    marks (a title may end in a bracket of its own: "Builder (OCB)")."""
    return written.rstrip().removesuffix("(").rstrip().removesuffix("]").strip()


def _leading_id(body: str, config: Config) -> tuple[int, int, str, int, int] | None:
    """``KB3842 - Title``: (id start, id end, id, title start, title end) in ``body``."""
    for pattern in config.references:
        m = pattern.regex.match(body)
        if m:
            sep = _TITLE_SEPARATOR.match(body, m.end())
            title_from = sep.end() if sep else m.end()
            title = body[title_from:].rstrip()
            return m.start(), m.end(), pattern.canonical(m), title_from, title_from + len(title)
    return None


# What may stand between a listed title and the id that ends its line: "Title (KB1234)",
# "Title: KB1234", "Title - KB1234", "標題:KB1234", "標題（KB1234）".
_TITLE_BEFORE_ID = re.compile(r"[ \t]*(?:[-–—:：|][ \t]*|[(（][ \t]*)$")
_AFTER_ID = re.compile(r"[ \t]*[)）]?[ \t.。]*$")


def _trailing_id(body: str, config: Config) -> tuple[int, int, str, int, int] | None:
    """``Title (KB1234)`` or ``Title: KB1234``: the same as ``_leading_id``."""
    for pattern in config.references:
        last = None
        for m in pattern.regex.finditer(body):
            last = m
        if last is None or _AFTER_ID.match(body, last.end()) is None:
            continue
        before = _TITLE_BEFORE_ID.search(body, 0, last.start())
        if before is None or before.start() == 0:
            continue
        opened = "(" in before.group(0) or "（" in before.group(0)
        if opened != bool(body[last.end() :].strip(" \t.。").startswith((")", "）"))):
            continue  # "Title (KB1234" or "Title KB1234)": not this form
        title = body[: before.start()].rstrip()
        return last.start(), last.end(), pattern.canonical(last), 0, len(title)
    return None
