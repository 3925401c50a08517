"""The Document: one article, parsed once, with everything rules need and exact positions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from bisect import bisect_right
from functools import cached_property
from pathlib import Path

from typing import TYPE_CHECKING, Callable, Iterator, TypeVar

from kblint.model.config import Config
from kblint.formats.registry import MARKDOWN, format_for, format_of_text, read_with_front_matter_after_blank_lines, without_article_suffix
from kblint.formats.shortcodes import mask_shortcodes
from kblint.formats.wikilinks import read_wiki_links
from kblint.kb.helpcenter import own_hosts
from kblint.kb.identity import Identity, in_the_language_written, resolve
from kblint.kb.suppressions import Suppressions
from kblint.model.body import Body, JoinedProse, ProseSpan
from kblint.model.patterns import lazy_pattern
from kblint.model.text import MASK, DecodedText, LineIndex, decode

if TYPE_CHECKING:
    from kblint.formats.frontmatter import FrontMatter
    from kblint.formats.registry import Format, Parsed
    from kblint.kb.references import Reference
    from kblint.kb.words import ProseWords

# The directive, then its rule list checked on its own: one pattern with a lazy list between
# two runs of spaces tried every split of a long run of spaces (cubic time).
_DIRECTIVE = lazy_pattern(r"\s*kblint-(disable-next-line|disable|enable)\b")
_RULE_LIST = re.compile(r"[\w\-, ]*")
_T = TypeVar("_T")
_CONFIGURATION = "configuration"  # Document.of_the_text's key of the settings it was made with


# The words that end a Chinese text introducing a quotation: what follows (以下, 如下 and a
# few characters naming it: 以下警告), or saying (写道, 回复说, 指出), before a full stop.
_INTRODUCING = lazy_pattern(r"(?:(?:以下|如下)\w{0,6}|写道|寫道|说道|說道|回复说|回覆說|回复|回覆|表示|指出|提到|原文)[。.]?$")


@dataclass
class Document:
    """One article as rules read it: its text, front matter, body and identity."""

    path: Path  # absolute
    relpath: str  # posix path relative to the knowledge base root
    decoded: DecodedText
    index: LineIndex
    front: FrontMatter
    body: Body
    identity: Identity
    title: str | None  # the front matter title, else the first level-1 heading
    references: list[Reference]
    suppressions: Suppressions
    # The front matter's title and description: readers see them in lists and search results.
    front_prose: list[ProseSpan] = field(default_factory=list)
    format: str = "markdown"  # the name of the format it was read with (kblint.formats.registry)
    # What is worked out from the file's text alone, kept for its copies (see _read): the same
    # mapping in the Documents of every copy of the file, read from the same kept read.
    of_the_text: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def prose(self) -> list[ProseSpan]:
        """Everything a reader reads: the front matter's title and description, then the
        body's prose. (References, numbering and sections are the body's alone: body.prose.)"""
        return self.front_prose + self.body.prose if self.front_prose else self.body.prose

    @property
    def id(self) -> str:
        """What other articles and translations know this article by (``kblint.kb.identity``)."""
        return self.identity.key

    @property
    def locale(self) -> str:
        return self.identity.locale

    @property
    def text(self) -> str:
        return self.decoded.text

    # What several rules derive from the document, made on first use and shared.

    @cached_property
    def lowered(self) -> str:
        """The whole file in lower case, for rules' cheap whole-file tests."""
        return self._of_the_text("lowered", self.decoded.text.lower)

    @cached_property
    def joined_prose(self) -> JoinedProse:
        """All the prose at once (see ``JoinedProse``)."""
        return self._of_the_text("joined_prose", lambda: JoinedProse.of(self.prose))

    def of_the_text_for(self, config: Config | None) -> dict:
        """``of_the_text``, for what is worked out from the text with ``config`` too (None: no
        settings): emptied when the settings are not those it was made with (a language
        server's session whose settings changed after it read the file)."""
        kept = self.of_the_text
        if kept.get(_CONFIGURATION) is not config:
            kept.clear()
            kept[_CONFIGURATION] = config
        return kept

    def _of_the_text(self, name: str, make: Callable[[], _T]) -> _T:
        """What ``make`` works out from the file's text alone, made once for its copies."""
        kept = self.of_the_text
        found = kept.get(name)
        if found is None:
            found = kept[name] = make()
        return found

    def _introduces(self, span: ProseSpan) -> bool:
        """Does ``span`` end as a text that introduces a quotation after it does: with a colon,
        a word that says what follows ("会出现以下警告", "官方回复说") or a link to where
        the words are from ("见该 [issue](…)。")?"""
        text = span.text.rstrip(f" \t{MASK}")
        if text.endswith((":", "：")) or _INTRODUCING.search(text) is not None:
            return True
        stop = span.end_offset(len(span.text))
        return any(link.start < stop and not self.text[link.end : stop].strip(" \t。.") and not link.image for link in self.body.links)

    @cached_property
    def introduced_quotations(self) -> frozenset[int]:
        """The body's prose spans in block quotes that the paragraph before them introduces
        ("React 的文档这样说：", "会出现以下警告", see ``_introduces``), by the file offset
        each starts at: a quotation kept in its language on purpose (a warning a program
        prints, a maintainer's words), not a note left untranslated."""
        found: set[int] = set()
        before = None  # the last prose span outside a quote
        introduced = False
        for span in self.body.prose:
            if not span.in_quote:
                before, introduced = span, False
                continue
            if before is not None:
                introduced = before.end_line >= span.start_line - 2 and self._introduces(before)
                before = None  # (judged once, at the quote's first span)
            if introduced:
                found.add(span.offset(0))
        return frozenset(found)

    def body_spans_with(self, pattern: "re.Pattern[str]") -> Iterator[ProseSpan]:
        """The body's prose spans where ``pattern`` matches (not the title's or the
        description's), found by one search over all the prose (see ``JoinedProse.spans_with``)."""
        joined, first_body = self.joined_prose, len(self.front_prose)
        return (joined.spans[k] for k in joined.spans_with(pattern) if k >= first_body)

    @cached_property
    def prose_words(self) -> ProseWords:
        """The Latin-script words of the prose (see ``kblint.kb.words``)."""
        from kblint.kb.words import find_prose_words

        return self._of_the_text("prose_words", lambda: find_prose_words(self.joined_prose))

    def position(self, offset: int) -> tuple[int, int]:
        return self.index.position(offset)

    @cached_property
    def _prose_pieces(self) -> tuple[list[int], list[int]]:
        """Where each piece of prose lies in the file (starts, ends), sorted: a piece is a run
        of prose that is also one run of the file (a link's destination, markup or a line's
        indentation lies between two pieces)."""
        begins: list[int] = []
        ends: list[int] = []
        for span in self.prose:
            starts, sources = span._text_starts, span._src_starts
            begins += sources
            if len(starts) == 1:  # most spans: one piece
                ends.append(sources[0] + len(span.text) - starts[0])
            else:
                ends += [source + end - start for source, start, end in zip(sources, starts, [*starts[1:], len(span.text)])]
        if any(b <= a for a, b in zip(begins, begins[1:])):  # most articles: in order already
            pieces = sorted(zip(begins, ends))
            return [a for a, _ in pieces], [b for _, b in pieces]
        return begins, ends

    def crosses_prose(self, start: int, end: int) -> bool:
        """Does ``start``..``end`` begin in a piece of prose and run past its end (over what
        lies between two pieces: ``(黄玄)](https://…) 分享`` is ``(黄玄) 分享`` as prose)? An
        edit of such a range would delete that markup."""
        starts, ends = self._prose_pieces
        k = bisect_right(starts, start) - 1
        return k >= 0 and start < ends[k] and end > ends[k]


def _parse_rule_list(text: str) -> list[str]:
    rules = [r for r in re.split(r"[\s,]+", text.strip()) if r]
    return rules or ["*"]


def _suppressions(front: FrontMatter, comments: list[tuple[str, int]], index: LineIndex) -> Suppressions:
    result = Suppressions()
    settings = front.data.get("kblint")
    if isinstance(settings, dict):
        disabled = settings.get("disable")
        if isinstance(disabled, str):
            disabled = [disabled]
        if isinstance(disabled, list):
            result.whole_file.update(str(r) for r in disabled)
    open_ranges: dict[str, int] = {}
    last_line = index.line_count
    for body, offset in comments:
        m = _DIRECTIVE.match(body)
        if not m:
            continue
        listed = body[m.end() :].strip()
        if not _RULE_LIST.fullmatch(listed):
            continue
        line = index.position(offset)[0]
        end_line = index.position(offset + len(body) + 7)[0]
        kind, rules = m.group(1), _parse_rule_list(listed)
        for rule in rules:
            if kind == "disable-next-line":
                result.ranges.append((rule, end_line + 1, end_line + 1))
            elif kind == "disable":
                open_ranges.setdefault(rule, line)
            elif rule == "*":
                for name, first in open_ranges.items():
                    result.ranges.append((name, first, line))
                open_ranges.clear()
            elif rule in open_ranges:
                result.ranges.append((rule, open_ranges.pop(rule), line))
    for rule, first in open_ranges.items():
        result.ranges.append((rule, first, last_line))
    result.do_not_edit = any(_DO_NOT_EDIT.search(body) and index.position(offset)[0] <= _TOP_LINES for body, offset in comments)
    return result


# A generated or imported file says so in a comment at its top: "Code generated by x. DO NOT
# EDIT.", "DO NOT EDIT THIS FILE DIRECTLY - IT WILL BE OVERWRITTEN".
_DO_NOT_EDIT = lazy_pattern(r"(?i)\bdo not edit\b")
_TOP_LINES = 30


def build_document(path: Path, relpath: str, data: bytes, config: Config, companion: bytes | None = None) -> Document:
    """Decode and parse one file. ``data`` must not be binary (see ``text.is_binary``);
    ``companion`` is its metadata file's content, for an export article that has one."""
    from kblint.kb.links import page_address as front_matter_address
    from kblint.kb.references import extract_references

    decoded, index, form, parsed, of_the_text = _read(relpath, data, config, companion)
    front, body = parsed.front, parsed.body
    identity = in_the_language_written(resolve(relpath, front.data, config), relpath, (span.text for span in body.prose), config)
    page_address = front_matter_address(relpath, identity, front.data, config) if front.data else None
    references = extract_references(body, config, relpath, identity, own_hosts(front.data, config.help_center_hosts), page_address)
    return Document(
        path=path,
        relpath=relpath,
        decoded=decoded,
        index=index,
        front=front,
        body=body,
        identity=identity,
        title=front_title(front.data) or (note_name(relpath) if config.wiki_links else first_heading(body, decoded.text, index)),
        references=references,
        suppressions=_suppressions(front, body.html_comments, index),
        front_prose=parsed.front_prose,
        format=form.name,
        of_the_text=of_the_text,
    )


# The files last read, by what a read depends on: a versioned docs site keeps each page in every
# version it documents and in each translation's copy of those (docs/x.md, versioned_docs/
# version-1.2/x.md…), byte for byte the same in most of them, and a run that meets copies one
# after another (see kblint.run.article.reading_order) reads them once. What is kept is only
# read by rules, never changed (tests/test_document.py holds them to it), and a Document of
# its own is made for each path.
_READ_KEPT = 8
_Read = tuple[DecodedText, LineIndex, "Format", "Parsed", dict]
_read_lately: dict[tuple, _Read] = {}


def _read(relpath: str, data: bytes, config: Config, companion: bytes | None) -> _Read:
    """``data`` decoded, its lines indexed, its format and what the format read (the
    metadata file's fields, ``companion``, over its front matter's), and a mapping for what is
    worked out from them (Document.of_the_text)."""
    # A Hugo site's page: its front matter is found after blank lines, its shortcodes masked.
    hugo = config.layout is not None and bool(config.layout.hugo_projects) and config.layout.hugo_project_of(relpath) is not None
    found = format_for(relpath)
    key = (data, found.name if found is not None else None, hugo, config.wiki_links) if companion is None else None
    kept = _read_lately.get(key) if key is not None else None
    if kept is not None:
        return kept
    decoded = decode(data)
    index = LineIndex(decoded.text)
    form = format_of(relpath, decoded.text)
    if decoded.text[:1] in ("\n", "\r") and hugo:
        parsed = read_with_front_matter_after_blank_lines(form, decoded.text, index)  # Hugo passes over them
    else:
        parsed = form.read(decoded.text, index)
    if companion is not None:
        front = parsed.front
        front.data = {**companion_metadata(companion), **front.data} if front.data else companion_metadata(companion)
    if config.wiki_links and form.name == MARKDOWN.name:
        read_wiki_links(parsed.body, decoded.text)
    if hugo:
        mask_shortcodes(parsed.body, decoded.text)  # a Hugo site's markup (elsewhere, text the page shows)
    read = (decoded, index, form, parsed, {})
    if key is not None:
        if len(_read_lately) >= _READ_KEPT:
            del _read_lately[next(iter(_read_lately))]
        _read_lately[key] = read
    return read


def companion_metadata(data: bytes) -> dict:
    """An export article's metadata file (JSON or YAML, loaded safely) as a mapping; a Zendesk
    API object (``{"article": {…}}``) is unwrapped. What cannot be read is no metadata."""
    import json

    text = data.decode("utf-8", errors="replace").lstrip("\ufeff")
    try:
        loaded = json.loads(text)
    except ValueError:
        from kblint.formats.yamlsafe import load

        try:
            loaded = load(text)
        except Exception:  # a broken metadata file is no metadata; the article is still read
            return {}
    if isinstance(loaded, dict) and isinstance(loaded.get("article"), dict):
        loaded = loaded["article"]
    return {str(k): v for k, v in loaded.items() if k != "body"} if isinstance(loaded, dict) else {}


def format_of(relpath: str, text: str):
    """The format ``relpath`` is read with (Markdown written for MDX, ``text`` says, is MDX): a
    file given by name whatever its suffix is read as Markdown, as it always was. The document
    keeps its name; --fix asks ``format_named`` for it rather than decide again."""
    return format_of_text(relpath, text) or MARKDOWN


def front_title(data: dict) -> str | None:
    """The front matter's title; on a site's home page, which has none, the name its hero
    shows (VuePress's ``home: true`` with ``heroText``, VitePress's ``layout: home`` with
    ``hero: {name}``)."""
    title = _written(data.get("title"))
    if title is None and (data.get("home") is True or data.get("layout") == "home"):
        hero = data.get("hero")
        title = _written(data.get("heroText")) or (_written(hero.get("name")) or _written(hero.get("text")) if isinstance(hero, dict) else None)
    return title


def _written(value: object) -> str | None:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value).strip():
        return str(value).strip()
    return None


def note_name(relpath: str) -> str:
    """A note's title in a vault: its file's name, without the suffix (Obsidian shows it)."""
    return without_article_suffix(relpath.rsplit("/", 1)[-1])


def first_heading(body: Body, text: str = "", index: LineIndex | None = None) -> str | None:
    """The text of the article's first level-1 heading, which sites show as its title, where
    no heading of another level comes before it (a ``# Linux:`` deep in a page that opens with
    ``## yurtadm completion``, a shell comment out of its code block, titles nothing: Docusaurus
    takes only a first heading); else that of an ``<h1>`` in the HTML that opens it (a
    repository README's centred title)."""
    for heading in body.headings:
        if heading.level == 1 and heading.text:
            return heading.text
        if heading.text:
            break
    return _opening_html_title(body, text, index) if index is not None else None


_HTML_H1 = lazy_pattern(r"<h1\b[^>]*>(.*?)</h1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = lazy_pattern(r"<[^>]*>")


def _opening_html_title(body: Body, text: str, index: LineIndex) -> str | None:
    """The text of an ``<h1>`` in the HTML blocks the article opens with, before any other."""
    import html  # here: few articles open with HTML

    for block in body.blocks:
        if block.depth:
            continue
        if block.kind != "html":
            return None
        m = _HTML_H1.search(text, index.line_start(block.start_line), index.line_end(block.end_line))
        title = " ".join(html.unescape(_TAG.sub("", m.group(1))).split()) if m else ""
        if title:
            return title
    return None
