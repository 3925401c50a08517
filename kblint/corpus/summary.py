"""The compact summary of a Document that corpus rules read.

Corpus rules need ids, titles, references and structure, not ASTs. A summary is small, plain
data with positions already resolved, so worker processes can return it and the cache can
store it: a warm run re-reads no Markdown at all.
"""

from __future__ import annotations

import hashlib
import json
import sys
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kblint.model.location import Span
from kblint.model.text import MASK
# Imported here, not where they are used: a worker process forked after this module was
# loaded finds their regular expressions compiled.
from kblint.lang.facts import article_facts
from kblint.lang.untranslated import foreign_runs, identical_candidates, source_keys, title_key, title_worth_comparing

if TYPE_CHECKING:
    from kblint.model.config import Config
    from kblint.kb.document import Document


def as_span(value) -> "Span":
    """A place kept as a Span, or as the list a stored summary holds."""
    return value if isinstance(value, Span) or value is None else Span._make(value)


@dataclass(slots=True, weakref_slot=True)  # not frozen: five times slower to create; slots: no dict per reference (millions)
class RefSummary:
    target: str | None  # the article's identity (for a path link: once the corpus resolved it)
    kind: str  # mention, link, related, image, anchor (see kblint.kb.references)
    span: Span
    title: str | None = None
    title_span: Span | None = None
    url: str | None = None
    url_span: Span | None = None  # the destination as written
    bases: tuple[tuple[str, str], ...] = ()  # candidate paths (kblint.kb.links.Destination)
    fragment: str | None = None
    style: str | None = None  # same-page, relative, root, site, article (a help-center id), article-elsewhere (on a host the corpus decides on); None: an id in prose
    link_locale: str | None = None  # a locale the destination names
    definition_span: Span | None = None  # a reference link's destination, in its definition
    # Set by the corpus (kblint.corpus.corpus.Corpus.resolve_links), never stored:
    resolved: str | None = None  # the file reached (root-relative)
    case_path: str | None = None  # a file whose name differs only in case, when none matched
    folder: bool = False  # the destination is an existing folder

    def to_row(self) -> list:
        """As the cache stores it: a list without the empty fields at its end (a mention has
        only its target, kind and place)."""
        row = [
            self.target, self.kind, self.span, self.title, self.title_span, self.url, self.url_span,
            self.bases, self.fragment, self.style, self.link_locale, self.definition_span,
        ]  # fmt: skip
        while len(row) > 3 and not row[-1]:
            row.pop()
        return row

    @staticmethod
    def from_row(row: list) -> "RefSummary":
        if len(row) < 12:
            row = [*row, *([None] * (12 - len(row)))]
        target, kind, span, title, title_span, url, url_span, bases, fragment, style, link_locale, definition_span = row
        # Interned: a corpus holds millions of references, and JSON gives each its own copy of
        # the same few kinds and of ids that many articles point at.
        return RefSummary(
            _intern(target) if target else target, _intern(kind), Span._make(span), title, Span._make(title_span) if title_span else None, url,
            Span._make(url_span) if url_span else None, tuple(tuple(b) for b in bases) if bases else (),
            fragment, style, link_locale, Span._make(definition_span) if definition_span else None,
        )  # fmt: skip


@dataclass(slots=True, weakref_slot=True)  # no dict per article: a corpus holds 100,000 of them
class Summary:
    relpath: str
    id: str  # the article's identity (kblint.kb.identity): an id or a path
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
    external_urls: list[tuple[str, Span]] = field(default_factory=list)  # URLs with a scheme, in order, and their places
    source_commit: str | None = None
    updated: str | None = None
    suppressed: dict[str, Any] = field(default_factory=dict)  # whole_file and ranges
    light: bool = False
    # For translation QA (kblint.lang.facts, kblint.lang.untranslated, kblint.kb.glossary); places are Spans
    # or, loaded from the cache or a worker, the lists they are stored as (see as_span):
    title_span: Span | None = None  # the title in front matter, or the level-1 heading
    headings: list[tuple[str, Span]] = field(default_factory=list)  # each heading's text
    facts: list[tuple[str, str, Span]] = field(default_factory=list)  # (kind, value, place)
    texts: list = field(default_factory=list)  # text keys (a source), or (key, place) (a translation)
    foreign: list[Span] = field(default_factory=list)  # runs in the source's language (translations)
    paragraphs: int = 0  # prose spans of the body: translations with as many align with their source
    terms: list[tuple[int, list[str], Span]] = field(default_factory=list)  # (prose span, glossary strings, place)
    kept: list[str] = field(default_factory=list)  # the text of [!DNL …]  # only the identity: references and structure were left out
    named_anchors: list[str] = field(default_factory=list)  # anchors that are no heading's slug (see kblint.model.body.Body)
    end_span: Span | None = None  # the last line with text: where what a translation lacks at its end is reported
    # What a help center's metadata says of the article (kblint.corpus.summary.help_center_state):
    # html_url, edited_at, draft, and the locales flagged outdated.
    state: dict[str, Any] = field(default_factory=dict)

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
            title_span=self.title_span,
            headings=self.headings,  # how every article's headings are translated: see inconsistent-translation
            named_anchors=self.named_anchors,
            state=self.state,
        )

    def to_json(self) -> list:
        """As the cache and the workers store it: the fields in order (see from_json), an array
        rather than a mapping, since naming each of thirty fields in each of thousands of rows
        is most of the bytes to write and read. By hand, not dataclasses.asdict: this runs once
        per file on a cold run and asdict's recursive copying was a tenth of the time."""
        return [
            self.relpath, self.id, self.locale, self.title, self.id_span, self.lang_span, self.root, self.by_path,
            _deferred_text(self.anchors), [r.to_row() for r in self.references], self.heading_count, self.steps, self.steps_span,
            self.code_blocks, _deferred_text(self.external_urls), self.source_commit, self.updated, self.suppressed, self.light,
            self.title_span, _deferred_text(self.headings), _deferred_text(self.facts), _deferred_text(self.texts),
            _deferred_text(self.foreign), self.paragraphs, _deferred_text(self.terms), self.kept, _deferred_text(self.named_anchors),
            self.end_span, self.state,
        ]  # fmt: skip

    @staticmethod
    def from_json(data: list) -> "Summary":
        (
            relpath, article_id, locale, title, id_span, lang_span, root, by_path, anchors, references, heading_count,
            steps, steps_span, code_blocks, external_urls, source_commit, updated, suppressed, light, title_span,
            headings, facts, texts, foreign, paragraphs, terms, kept, named_anchors, end_span, state,
        ) = data  # fmt: skip
        span = _span_or_none
        return Summary(
            relpath=relpath,
            id=article_id,
            locale=locale,
            title=title,
            id_span=span(id_span),
            lang_span=span(lang_span),
            root=root,
            by_path=by_path,
            anchors=Deferred.of(anchors),
            references=[RefSummary.from_row(row) for row in references],
            heading_count=heading_count,
            steps=steps,
            steps_span=span(steps_span),
            code_blocks=[(h, span(s)) for h, s in code_blocks],
            external_urls=Deferred.of(external_urls),
            source_commit=source_commit,
            updated=updated,
            suppressed=suppressed,
            light=light,
            title_span=span(title_span),
            # Translation QA data stays as the JSON gave it: places become Spans (as_span) only
            # for what a finding reports, which is little of it.
            headings=Deferred.of(headings),
            facts=Deferred.of(facts),
            texts=Deferred.of(texts),
            foreign=Deferred.of(foreign),
            paragraphs=paragraphs,
            terms=Deferred.of(terms),
            kept=kept,
            named_anchors=Deferred.of(named_anchors),
            end_span=span(end_span),
            state=state,
        )


_intern = sys.intern

# What a light summary holds beyond its skeleton (see LazySummary).
_IDENTITY_DETAILS = (
    "id_span", "lang_span", "anchors", "source_commit", "updated", "suppressed", "title_span", "headings", "named_anchors",
    "state",
)  # fmt: skip
_NO_PLACE = Span(0, 0, 1, 1, 1, 1)


class LazySummary(Summary):
    """An article known by its skeleton (path, id, locale, root, title), as the cache keeps it
    in columns of its own: the rest of its identity (places, anchors, headings, dates) is read
    from the cache when a rule first asks for it (kblint.store.cache.StoredArticles makes them for a
    run that checks a few files of a large knowledge base: the articles its rules ask for by id
    or path, of which they read the rest of few). A light summary has no references or
    translation-QA data: those fields are empty from the start."""

    __slots__ = ("_source", "_digest")

    @staticmethod
    def make(relpath: str, article_id: str, locale: str, root: str, title: str | None, by_path: bool, source: Any, digest: str) -> "LazySummary":
        summary = object.__new__(LazySummary)
        summary.relpath, summary.id, summary.locale, summary.root, summary.title = relpath, article_id, locale, root, title
        summary.by_path, summary.light = bool(by_path), True
        summary.references, summary.code_blocks, summary.external_urls = _EMPTY, _EMPTY, _EMPTY
        summary.facts, summary.texts, summary.foreign, summary.terms, summary.kept = _EMPTY, _EMPTY, _EMPTY, _EMPTY, _EMPTY
        summary.heading_count = summary.steps = summary.paragraphs = 0
        summary.steps_span = None
        summary._source, summary._digest = source, digest
        return summary

    def __getattr__(self, name: str) -> Any:
        # Called only for a field not yet set: the rest of the identity, read once.
        if name not in _IDENTITY_DETAILS:
            raise AttributeError(name)
        stored = self._source.stored_identity(self.relpath, self._digest) if self._source is not None else None
        for field_name in _IDENTITY_DETAILS:
            value = getattr(stored, field_name) if stored is not None else None
            if value is None and field_name in ("id_span", "lang_span"):
                value = _NO_PLACE  # the row went (another run rebuilt the cache): a place still
            elif value is None and field_name in ("anchors", "headings", "named_anchors"):
                value = _EMPTY
            elif value is None and field_name == "suppressed":
                value = {}
            setattr(self, field_name, value)
        self._source = None
        return getattr(self, name)


_EMPTY: tuple = ()  # shared by every skeleton's empty lists: nothing appends to a light summary's


class Deferred:
    """A list of a stored summary kept as the JSON text it was stored as, and decoded each
    time it is read: translation-QA data (numbers, code, placeholders, text keys, each with its
    place), headings, external URLs and anchors. As objects, a 100,000-article corpus holds
    gigabytes of it, though a rule reads it once per translation pair or link."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    @staticmethod
    def of(value: Any) -> "Deferred | list":
        """A Deferred for stored JSON text; a list (older rows, or tests) as it is."""
        return Deferred(value) if isinstance(value, str) else value

    def __iter__(self):
        return iter(json.loads(self.text))

    def __len__(self) -> int:
        return len(json.loads(self.text))

    def __bool__(self) -> bool:
        return self.text != "[]"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (Deferred, list)):
            return json.loads(self.text) == _plain(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"Deferred({self.text[:60]!r})"


def _plain(value: Any) -> Any:
    """``value`` as JSON gives it back (tuples as lists), for comparing with a Deferred."""
    return json.loads(_deferred_text(value))


def _deferred_text(value: Any) -> str:
    """The JSON text a Deferred field is stored as."""
    if isinstance(value, Deferred):
        return value.text
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _span_or_none(value: Any) -> Span | None:
    return Span._make(value) if value else None


# What translators may change in a code block without changing the code: comments, the text
# of string literals and the text between tags (JSX and HTML samples whose UI text is
# translated). Both sides are normalized the same way, so commands, names and structure
# still have to match.
# (A // comment needs no space after it: translators write //注释.)
# Where a comment starts: /* */ and <!-- --> run to their closer, the others to the line's end.
_COMMENT_START = re.compile(r"/\*|<!--|(?:^|(?<=\s))(?://|(?:#+|--|;)[ \t]|#+$)", re.M)
_BLOCK_CLOSERS = {"/*": "*/", "<!--": "-->"}


def _strip_code_comments(text: str) -> str:
    """``text`` without its comments. A scan, not one pattern with ``/[*].*?[*]/``: that pattern
    rescans to the end of the text from every opener without a closer (quadratic); here an
    opener without a closer means no later one has a closer either."""
    pieces: list[str] = []
    kept_from = pos = 0
    closable = {"/*": True, "<!--": True}
    while (m := _COMMENT_START.search(text, pos)) is not None:
        opener = m.group(0)
        closer = _BLOCK_CLOSERS.get(opener)
        if closer is not None:
            end = text.find(closer, m.end()) if closable[opener] else -1
            if end < 0:
                closable[opener] = False
                pos = m.start() + 1
                continue
            end += len(closer)
        else:
            end = text.find("\n", m.end())  # the rest of the line (a lone "#" at its end: nothing)
            end = len(text) if end < 0 else end
        pieces.append(text[kept_from : m.start()])
        kept_from = pos = end
    if not pieces:
        return text
    pieces.append(text[kept_from:])
    return "".join(pieces)


_CODE_STRING = re.compile(r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`""")
# Text between tags, with the expressions in it ({name}, Vue's {{ name }}), which stay: they are code.
# A text is a letter or a full-width mark (a translation's "！" after a translated word).
_CODE_TEXT = re.compile(r">(?:[^<>{};=()]|\{\{[^{}<>]*\}\}|\{[^{}<>]*\})*?(?:[^\W\d_]|[\u3000-\u303f\uff01-\uff5e])(?:[^<>{};=()]|\{\{[^{}<>]*\}\}|\{[^{}<>]*\})*<")
_CODE_EXPRESSION = re.compile(r"\{\{[^{}<>]*\}\}|\{[^{}<>]*\}")
_FULL_WIDTH = str.maketrans("：，。；！？（）", ":,.;!?()")
_CODE_LINE_SEMICOLON = re.compile(r";[ \t]*$", re.M)
_CODE_TRAILING_COMMA = re.compile(r",(?=[\]})])")
# Blocks of plain text (no language, or text): often an illustration a translator translates.
TEXT_INFOS = ("", "text", "txt", "plaintext", "plain", "markdown", "md")
TRANSLATED_TEXT = "text"  # the key of a text block written in another script: not compared


def _empty_string(m: "re.Match[str]") -> str:
    return '""'  # whichever quotes: a formatter's choice too


_EMPTY_ELEMENT = re.compile(r"<([A-Za-z][\w.-]*)([^<>]*?)/?></\1>")


def code_key(code: str, info: str = "code") -> str:
    """The hash by which a translation's code block is compared with its source's."""
    if info.split(" ", 1)[0].lower() in TEXT_INFOS and any(ch > "\u02ff" and ch.isalpha() for ch in code):
        return TRANSLATED_TEXT
    text = code
    if "//" in text or "#" in text or "-- " in text or "; " in text or "/*" in text or "<!" in text:
        text = _strip_code_comments(text)
    text = code_without_text(text)
    if ";" in text:
        text = _CODE_LINE_SEMICOLON.sub("", text)  # a formatter's, like the spacing
    text = "".join(text.split())  # spacing is formatting, not code
    if "></" in text:
        text = _EMPTY_ELEMENT.sub(r"<\1\2/>", text)  # <Tag a={b}></Tag> is <Tag a={b} />
    if "{''}" in text or '{""}' in text:
        text = text.replace("{''}", "").replace('{""}', "")  # JSX's explicit space: spacing too
    if not text.isascii():
        text = text.translate(_FULL_WIDTH)  # punctuation of translated text between tags: {label}：
        text = text.replace("……", "...").replace("…", "...")  # an ellipsis, as a translator writes it
    if "," in text:
        text = _CODE_TRAILING_COMMA.sub("", text)  # [a, b,] is [a, b]: a formatter's choice
    return hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:16]


def _expressions_between_tags(m: re.Match[str]) -> str:
    # Sorted: a translation's word order may put them the other way round ({planet} … {place}).
    return ">" + "".join(sorted(_CODE_EXPRESSION.findall(m.group(0)))) + "<"


def code_without_text(code: str) -> str:
    """Code without the text of its string literals and between its tags (a message or a label
    a translator translates): `"✅ 连接中..."` and `"✅ Connecting..."` are one code (code blocks
    through ``code_key``, code spans in translation-drift)."""
    text = code
    if '"' in text or "'" in text or "`" in text:
        text = _CODE_STRING.sub(_empty_string, text)
    if ">" in text and "<" in text:
        text = _CODE_TEXT.sub(_expressions_between_tags, text)
    return text


def make_span(doc: Document, start: int, end: int) -> Span:
    line, column = doc.index.position(start)
    if end <= start:
        return Span(start, end, line, column, line, column)
    text = doc.text
    if text.find("\n", start, end) < 0 and text.find("\r", start, end) < 0 and end <= len(text):
        return Span(start, end, line, column, line, column + end - start)  # on one line: no second search
    end_line, end_column = doc.index.position(end)
    return Span(start, end, line, column, end_line, end_column)


def _inner_span(doc: Document, outer: Span, start: int, end: int) -> Span:
    """The place of ``start``..``end`` inside ``outer`` (a link's destination in the link):
    on the outer span's first line when no line break comes before its end."""
    if outer.start <= start <= end <= outer.end and outer.line == outer.end_line:
        column = outer.column + start - outer.start
        return Span(start, end, outer.line, column, outer.line, column + end - start)
    return make_span(doc, start, end)


def _last_text_line(doc: Document) -> Span:
    """The span of the last line that holds more than spaces."""
    line = doc.index.line_count
    while line > 1 and not doc.text[doc.index.line_start(line) : doc.index.line_end(line)].strip():
        line -= 1
    return _line_span(doc, line)


def _line_span(doc: Document, line: int) -> Span:
    return make_span(doc, doc.index.line_start(line), doc.index.line_end(line))


def _front_value(data: dict, key: str):
    """``key`` of front matter ``data``; "a.b" is key b of mapping a (or the key "a.b")."""
    if key in data:
        return data[key]
    value: Any = data
    for part in key.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _heading_span(doc: Document, heading) -> tuple[str, Span]:
    """A heading's text and place (on one line, which the heading knows: no search)."""
    start = doc.index.offset(heading.line, heading.column)
    return heading.text, Span(start, start + heading.end_column - heading.column, heading.line, heading.column, heading.line, heading.end_column)


def _title_span(doc: Document) -> Span | None:
    line = doc.front.key_lines.get("title")
    if line is not None:
        return _line_span(doc, line)
    for heading in doc.body.headings:
        if heading.level == 1 and heading.text:
            return _heading_span(doc, heading)[1]
    return None


def _text_span(doc: Document, span) -> Span:
    """The place of a prose span's text, from its first character that is not markup."""
    text = span.text
    first = len(text) - len(text.lstrip(MASK + " \n"))
    return make_span(doc, span.offset(min(first, max(len(text) - 1, 0))), span.end_offset(len(text)))


def _translation_qa(doc: Document, config: "Config | None") -> dict[str, Any]:
    """What translation QA compares (see the Summary fields)."""
    source = config.source_locale if config is not None else "en"
    translation = doc.locale != source
    headings = [_heading_span(doc, h) for h in doc.body.headings if h.text]
    facts = [(kind, value, make_span(doc, start, end)) for kind, value, start, end in article_facts(doc)]
    title_line = doc.front.key_lines.get("title")
    title = doc.front.data.get("title") if title_line is not None else None
    title = title.strip() if isinstance(title, str) else None
    if translation:
        kept = frozenset(term.casefold() for term in [*doc.body.kept, *(config.glossary.keep if config is not None and config.glossary else ())])
        texts = [(key, _text_span(doc, span)) for key, span in identical_candidates(doc, source, kept)]
        if title is not None and title_line is not None and title_worth_comparing(title, doc.text):
            texts.append((title_key(title), _line_span(doc, title_line)))
    else:
        texts = source_keys(doc, source)  # a source's: the keys alone
        if title is not None and title_line is not None:
            texts.append(title_key(title))
    foreign = [make_span(doc, start, end) for start, end in foreign_runs(doc, source)] if translation else []
    terms = []
    glossary = config.glossary if config is not None else None
    if glossary is not None:
        # A source keeps the paragraphs that hold a term; a translation every paragraph, for
        # findings at the paragraph that lacks one.
        for k, span in enumerate(doc.body.prose):
            found = glossary.find(span.text)
            if found or translation:
                terms.append((k, sorted(found), _text_span(doc, span)))
    return {
        "title_span": _title_span(doc),
        "headings": headings,
        "facts": facts,
        "texts": texts,
        "foreign": foreign,
        "paragraphs": len(doc.body.prose),
        "terms": terms,
        "kept": doc.body.kept,
    }


def _ref_summary(doc: Document, r) -> RefSummary:
    """A reference of ``doc`` as the corpus keeps it, its places resolved."""
    destination = r.destination
    span = make_span(doc, r.start, r.end)
    return RefSummary(
        r.target,
        r.kind,
        span,
        r.title,
        make_span(doc, r.title_start, r.title_end) if r.title_start >= 0 else None,
        r.url,
        _inner_span(doc, span, r.url_start, r.url_end) if r.url_start >= 0 else None,
        destination.bases if destination else (),
        destination.fragment if destination else None,
        destination.style if destination else None,
        destination.locale if destination else None,
        make_span(doc, r.definition_start, r.definition_end) if r.definition_start >= 0 else None,
    )


def summarize(doc: Document, config: "Config | None" = None) -> Summary:
    front = doc.front
    # MDX has no indented code: an indented block there is markup or text (JSX children).
    mdx = doc.format == "mdx"
    code_blocks = [
        (code_key(block.text, block.info), _line_span(doc, block.start_line)) for block in doc.body.code_blocks if block.fenced or not mdx
    ]
    ordered = [lst for lst in doc.body.lists if lst.ordered and lst.items]
    steps_span = None
    if ordered:
        first = ordered[0].items[0]
        steps_span = make_span(doc, doc.index.offset(first.line, first.column), doc.index.offset(first.line, first.end_column))
    keys = config.source_commit_keys if config is not None else ("source_commit",)
    source_commit = next((v for v in (_front_value(front.data, k) for k in keys) if v not in (None, "")), None)
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
        anchors=doc.body.anchors,
        named_anchors=doc.body.named_anchors,
        end_span=_last_text_line(doc),
        references=[_ref_summary(doc, r) for r in doc.references],
        heading_count=len(doc.body.headings),
        steps=sum(len(lst.items) for lst in ordered),
        steps_span=steps_span,
        code_blocks=code_blocks,
        external_urls=[(url, make_span(doc, start, start + len(url))) for url, start in doc.body.urls if "://" in url or url.startswith("mailto:")],
        source_commit=str(source_commit) if source_commit is not None else None,
        updated=str(updated) if updated is not None else None,
        suppressed=doc.suppressions.to_json() if doc.suppressions else {},
        state=help_center_state(front.data, doc.locale, config) if front.data else {},
        **_translation_qa(doc, config),
    )


def help_center_state(data: dict, locale: str, config: "Config | None") -> dict[str, Any]:
    """What a help center's metadata (Zendesk's fields) says of an article: its address, when
    it was last edited, whether it is a draft, and which locales are flagged outdated (its own,
    ``outdated: true``; or, on a source, its ``outdated_locales``)."""
    from kblint.kb.identity import canonical_locale

    state: dict[str, Any] = {}
    if isinstance(data.get("html_url"), str):
        state["html_url"] = data["html_url"]
    edited = data.get("edited_at")
    if edited is not None and not isinstance(edited, bool):
        state["edited_at"] = str(edited)
    if data.get("draft") is True:
        state["draft"] = True
    flagged = [locale] if data.get("outdated") is True else []
    listed = data.get("outdated_locales")
    if isinstance(listed, list) and config is not None:
        flagged += [canonical_locale(str(tag), config) or str(tag) for tag in listed if str(tag).strip()]
    if flagged:
        state["outdated"] = sorted(set(flagged))
    return state
