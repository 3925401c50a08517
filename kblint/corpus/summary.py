"""The compact summary of a Document that corpus rules read.

Corpus rules need ids, titles, references and structure, not ASTs. A summary is small, plain
data with positions already resolved, so worker processes can return it and the cache can
store it: a warm run re-reads no Markdown at all.
"""

from __future__ import annotations

import posixpath
import re
import sys
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Iterable

from kblint.corpus.contributed import ALL_FACTS, BY_NAME, Fact, fact_value
from kblint.corpus.deferred import Deferred, deferred_text
from kblint.corpus.places import inner_span, line_span, make_span, span_or_none
from kblint.kb.dumi import demo_anchors, legacy_route
from kblint.kb.hugo import included_pages, page_language, permalink_address, redirected_from
from kblint.kb.links import slug_address
from kblint.lang.untranslated import lead_key
from kblint.model.location import Span

if TYPE_CHECKING:
    from kblint.model.config import Config
    from kblint.kb.document import Document


def as_span(value) -> "Span":
    """A place kept as a Span, or as the list a stored summary holds."""
    return value if isinstance(value, Span) or value is None else Span._make(value)


@dataclass(slots=True, weakref_slot=True)  # not frozen: five times slower to create; slots: no dict per reference (millions)
class RefSummary:
    """One reference of an article (mention, link, related entry, image or anchor) as corpus rules read it."""

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
    shows_url: bool = False  # its text writes its destination (a page that shows how to link)
    # Set by the corpus (kblint.corpus.corpus.Corpus.resolve_links), never stored:
    resolved: str | None = None  # the file reached (root-relative)
    case_path: str | None = None  # a file whose name differs only in case, when none matched
    folder: bool = False  # the destination is an existing folder
    generated: bool = False  # the destination is a page the build writes (kblint.kb.site)

    @property
    def leads_somewhere(self) -> bool:
        """Does the link reach a file, a folder or a page the build writes (once resolved)?"""
        return self.resolved is not None or self.folder or self.generated

    def __reduce__(self) -> tuple:
        # Pickled (a worker's results go to the parent so) as its fields in order: by default
        # pickle writes a dict of the slots for each object, a third slower both ways.
        return (RefSummary, _ref_fields(self))

    def to_row(self) -> list:
        """As the cache stores it: a list without the empty fields at its end (a mention has
        only its target, kind and place)."""
        row = [
            self.target, self.kind, self.span, self.title, self.title_span, self.url, self.url_span,
            self.bases, self.fragment, self.style, self.link_locale, self.definition_span, self.shows_url,
        ]  # fmt: skip
        while len(row) > 3 and not row[-1]:
            row.pop()
        return row

    @staticmethod
    def from_row(row: list) -> "RefSummary":
        if len(row) < 13:
            row = [*row, *([None] * (13 - len(row)))]
        target, kind, span, title, title_span, url, url_span, bases, fragment, style, link_locale, definition_span, shows_url = row
        # Interned: a corpus holds millions of references, and JSON gives each its own copy of
        # the same few kinds and of ids that many articles point at.
        return RefSummary(
            _intern(target) if target else target, _intern(kind), Span._make(span), title, Span._make(title_span) if title_span else None, url,
            Span._make(url_span) if url_span else None, tuple(tuple(b) for b in bases) if bases else (),
            fragment, style, link_locale, Span._make(definition_span) if definition_span else None, shows_url is True,
        )  # fmt: skip


@dataclass(slots=True, weakref_slot=True)  # no dict per article: a corpus holds 100,000 of them
class Summary:
    """An article's core facts (any corpus rule may read them) and the facts contributed for
    the rules of the run (kblint.corpus.contributed: read with ``fact``)."""

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
    source_commit: str | None = None
    updated: str | None = None
    suppressed: dict[str, Any] = field(default_factory=dict)  # whole_file and ranges
    light: bool = False  # only the identity: references and contributed facts were left out
    # Places are Spans or, loaded from the cache or a worker, the lists they are stored as (see as_span):
    title_span: Span | None = None  # the title in front matter, or the level-1 heading
    headings: list[tuple[str, Span]] = field(default_factory=list)  # each heading's text
    named_anchors: list[str] = field(default_factory=list)  # anchors that are no heading's slug (see kblint.model.body.Body)
    # What a help center's metadata says of the article (kblint.corpus.summary.help_center_state):
    # html_url, edited_at, draft, and the locales flagged outdated.
    state: dict[str, Any] = field(default_factory=dict)
    contributed: dict[str, Any] = field(default_factory=dict)  # Fact.name -> value
    # The run's facts were left out: the article was not expected to be in a translation pair
    # (kblint.kb.identity.paired_by_path). Whoever pairs it must have them computed first.
    facts_left_out: bool = False
    # The text key of the body's first paragraph of text (kblint.lang.untranslated.lead_key):
    # whether a language keeps a folder's lead paragraphs as the source's is its convention.
    lead: int = 0
    # The partials the page renders (root-relative paths): their headings are its anchors too.
    includes: list[str] = field(default_factory=list)
    # Other names links may give the article: a vault's note's (its front matter's aliases; see
    # wiki_links), and, after a "/", the address a site serves it at besides its path (a
    # Docusaurus slug, kblint.kb.links.slug_address): /blog/launch.
    aliases: list[str] = field(default_factory=list)
    # The front matter's line that records the source revision (source_commit_keys), if any:
    # where translation-outdated says the translation is behind.
    source_commit_span: Span | None = None

    def __reduce__(self) -> tuple:
        return (Summary, _summary_fields(self))  # as RefSummary's

    def fact(self, fact: Fact) -> Any:
        """The value of ``fact`` for this article (its ``empty`` value when it was not computed:
        a light summary, a run whose rules do not read it, or facts left out)."""
        return self.contributed.get(fact.name, fact.empty)

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
            lead=self.lead,
            includes=self.includes,
            aliases=self.aliases,
            source_commit_span=self.source_commit_span,
        )

    def to_json(self) -> list:
        """As the cache and the workers store it: the fields in order (see from_json), an array
        rather than a mapping, since naming each field in each of thousands of rows is most of
        the bytes to write and read. By hand, not dataclasses.asdict: this runs once per file on
        a cold run and asdict's recursive copying was a tenth of the time."""
        return [
            self.relpath, self.id, self.locale, self.title, self.id_span, self.lang_span, self.root, self.by_path,
            deferred_text(self.anchors), [r.to_row() for r in self.references], self.source_commit, self.updated,
            self.suppressed, self.light, self.title_span, deferred_text(self.headings), deferred_text(self.named_anchors),
            self.state, {name: _fact(name).stored(value) for name, value in self.contributed.items()}, self.facts_left_out,
            self.lead, self.includes, self.aliases, self.source_commit_span,
        ]  # fmt: skip

    @staticmethod
    def identity_row(row: list) -> list:
        """``identity().to_json()`` made from this summary's ``to_json()`` row: the same fields
        but the references and contributed facts, which a light summary leaves out (the cache
        stores both rows of every article, and encoding the lists again cost a tenth of a
        worker's time on a knowledge base of short articles)."""
        return [*row[:9], [], *row[10:13], True, *row[14:18], {}, False, row[20], row[21], row[22], row[23]]

    @staticmethod
    def from_json(data: list) -> "Summary":
        (
            relpath, article_id, locale, title, id_span, lang_span, root, by_path, anchors, references, source_commit,
            updated, suppressed, light, title_span, headings, named_anchors, state, contributed, facts_left_out, lead,
            includes, aliases, source_commit_span,
        ) = data  # fmt: skip
        span = span_or_none
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
            source_commit=source_commit,
            updated=updated,
            suppressed=suppressed,
            light=light,
            title_span=span(title_span),
            # Lists stay as the JSON gave them: places become Spans (as_span) only for what a
            # finding reports, which is little of it.
            headings=Deferred.of(headings),
            named_anchors=Deferred.of(named_anchors),
            state=state,
            contributed={name: _fact(name).loaded(value) for name, value in contributed.items()},
            facts_left_out=facts_left_out,
            lead=lead,
            includes=includes,
            aliases=aliases,
            source_commit_span=span(source_commit_span),
        )


_ref_fields = attrgetter(*(f.name for f in fields(RefSummary)))
_summary_fields = attrgetter(*(f.name for f in fields(Summary)))


def _fact(name: str) -> Fact:
    """The fact ``name`` (a pack's rule may contribute one the built-in list does not hold: it
    is kept as it is)."""
    return BY_NAME.get(name) or Fact(name, lambda doc, config: None, deferred=False)


_intern = sys.intern

# What a light summary holds beyond its skeleton (see LazySummary).
_IDENTITY_DETAILS = (
    "id_span", "lang_span", "anchors", "source_commit", "updated", "suppressed", "title_span", "headings", "named_anchors",
    "state", "lead", "includes", "aliases", "source_commit_span",
)  # fmt: skip
_NO_PLACE = Span(0, 0, 1, 1, 1, 1)


class LazySummary(Summary):
    """An article known by its skeleton (path, id, locale, root, title), as the cache keeps it
    in columns of its own: the rest of its identity (places, anchors, headings, dates) is read
    from the cache when a rule first asks for it (kblint.store.cache.StoredArticles makes them for a
    run that checks a few files of a large knowledge base: the articles its rules ask for by id
    or path, of which they read the rest of few). A light summary has no references or
    contributed facts: those are empty from the start."""

    __slots__ = ("_source", "_digest")
    __reduce__ = object.__reduce__  # not Summary's, which would read every field (from the cache) and drop these

    @staticmethod
    def make(relpath: str, article_id: str, locale: str, root: str, title: str | None, by_path: bool, source: Any, digest: str) -> "LazySummary":
        summary = object.__new__(LazySummary)
        summary.relpath, summary.id, summary.locale, summary.root, summary.title = relpath, article_id, locale, root, title
        summary.by_path, summary.light, summary.facts_left_out = bool(by_path), True, False
        summary.references, summary.contributed = _EMPTY, _NO_FACTS
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
            elif value is None and field_name in ("anchors", "headings", "named_anchors", "includes", "aliases"):
                value = _EMPTY
            elif value is None and field_name == "suppressed":
                value = {}
            elif value is None and field_name == "lead":
                value = 0
            setattr(self, field_name, value)
        self._source = None
        return getattr(self, name)


_EMPTY: tuple = ()  # shared by every skeleton's empty lists: nothing appends to a light summary's
_NO_FACTS: dict = {}  # shared by every skeleton: nothing adds to a light summary's facts


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
        return line_span(doc, line)
    for heading in doc.body.headings:
        if heading.level == 1 and heading.text:
            return _heading_span(doc, heading)[1]
    return None


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
        inner_span(doc, span, r.url_start, r.url_end) if r.url_start >= 0 else None,
        destination.bases if destination else (),
        destination.fragment if destination else None,
        destination.style if destination else None,
        destination.locale if destination else None,
        make_span(doc, r.definition_start, r.definition_end) if r.definition_start >= 0 else None,
        r.shows_url,
    )


def summarize(doc: Document, config: "Config | None" = None, facts: "Iterable[Fact] | None" = None, left_out: bool = False) -> Summary:
    """The summary of ``doc``, with the contributed ``facts`` (all of them when None: a caller
    that does not know its rules), or, ``left_out``, none of them but those every article
    has (Fact.every_article; marked so)."""
    front = doc.front
    keys = config.source_commit_keys if config is not None else ("source_commit",)
    recorded = next((k for k in keys if _front_value(front.data, k) not in (None, "")), None)
    source_commit = _front_value(front.data, recorded) if recorded is not None else None
    updated = front.data.get("updated")
    dumi = config.layout.dumi_of(doc.relpath) if config is not None and config.layout is not None else None
    site_anchors = demo_anchors(dumi, doc.relpath, doc.text) if dumi is not None else []
    return Summary(
        relpath=doc.relpath,
        id=doc.id,
        locale=doc.locale,
        title=doc.title,
        id_span=line_span(doc, front.key_lines.get("id", 1)),
        lang_span=line_span(doc, front.key_lines.get("lang", front.key_lines.get("id", 1))),
        root=doc.identity.root,
        by_path=doc.identity.by_path,
        anchors=doc.body.anchors + site_anchors if site_anchors else doc.body.anchors,
        named_anchors=doc.body.named_anchors + site_anchors if site_anchors else doc.body.named_anchors,
        references=[_ref_summary(doc, r) for r in doc.references],
        source_commit=str(source_commit) if source_commit is not None else None,
        updated=str(updated) if updated is not None else None,
        suppressed=doc.suppressions.to_json() if doc.suppressions else {},
        state=_state(doc, front.data, config),
        title_span=_title_span(doc),
        headings=[_heading_span(doc, h) for h in doc.body.worded_headings()],
        contributed={fact.name: fact_value(fact, doc, config) for fact in (ALL_FACTS if facts is None else facts) if not left_out or fact.every_article},
        facts_left_out=left_out,
        lead=lead_key(doc),
        includes=_included(doc, config),
        aliases=_aliases(doc, config),
        source_commit_span=line_span(doc, front.key_lines[recorded.split(".", 1)[0]]) if recorded is not None and recorded.split(".", 1)[0] in front.key_lines else None,
    )


def _aliases(doc: Document, config: "Config | None") -> list[str]:
    """The names the front matter's ``aliases`` give a note of a vault, which its links may
    use for its file's name (``aliases: [AI]`` and ``[[AI]]``); the address its ``slug`` gives
    a page of a Docusaurus site, the route a dumi 1 page's nav or group path gives it, and
    those its ``aliases`` redirect to a page of a Hugo site, and its section's ``permalinks``
    give it."""
    if config is None:
        return []
    if not config.wiki_links:
        slug = doc.front.data.get("slug") if doc.front.data else None
        address = slug_address(doc.relpath, doc.identity, slug, config) if slug is not None else None
        if slug is None and doc.front.data and doc.front.data.get("id") is not None:
            # A doc's id is its name in its folder's address (id: cli serves CLI/Commandline.md at CLI/cli).
            address = slug_address(doc.relpath, doc.identity, doc.front.data["id"], config, from_id=True)
        dumi = config.layout.dumi_of(doc.relpath) if config.layout is not None else None
        if address is None and dumi is not None and dumi.legacy and doc.front.data:
            address = legacy_route(dumi, doc.relpath, doc.front.data)  # under its nav path: /hooks/use-x
        project = config.layout.hugo_project_of(doc.relpath) if config.layout is not None and doc.front.data else None
        redirected = redirected_from(project, doc.relpath, doc.front.data) if project is not None else []
        permalink = permalink_address(project, doc.relpath, doc.front.data) if project is not None else None
        redirected += [permalink] if permalink else []  # (its section's permalinks pattern: /blog/2022/02/15/x/)
        if redirected:
            # The addresses Hugo redirects to the page: a link to one reaches it.
            return ([address] if address else []) + redirected
        return [address] if address else []
    found = doc.front.data.get("aliases") if doc.front.data else None
    found = [found] if isinstance(found, str) else found
    return [str(name).strip() for name in found if isinstance(name, (str, int, float)) and str(name).strip()] if isinstance(found, list) else []


def _included(doc: Document, config: "Config | None") -> list[str]:
    """The partials ``doc`` renders, root-relative (those that climb out of the root left out),
    and on a Hugo site where the files its shortcodes render may be (kblint.kb.hugo)."""
    project = config.layout.hugo_project_of(doc.relpath) if config is not None and config.layout is not None and "{{" in doc.text else None
    shortcodes = included_pages(project, doc.relpath, doc.text, page_language(project, doc.locale, config)) if project is not None else []
    if not doc.body.includes:
        return shortcodes or _EMPTY_INCLUDES
    folder = posixpath.dirname(doc.relpath)
    joined = (posixpath.normpath(posixpath.join(folder, path)) for path in doc.body.includes)
    return [path for path in joined if not path.startswith(("../", "/")) and path != ".."] + shortcodes


_EMPTY_INCLUDES: list[str] = []


def _state(doc: "Document", data: dict, config: "Config | None") -> dict[str, Any]:
    """What the article's metadata says of it (``help_center_state``), and whether a generator
    wrote it: its front matter says so, a comment at its top ("Code generated by gomarkdoc. DO
    NOT EDIT."), or it ends with the line cobra's documentation generator closes a command's
    page with ("###### Auto generated by spf13/cobra on …")."""
    state = help_center_state(data, doc.locale, config) if data else {}
    if doc.suppressions.do_not_edit:
        state["generated"] = True
        return state
    small_print = doc.body.closing_small_print()
    if small_print is not None and _GENERATOR_LINE.match(doc.index.line_text(small_print.start_line)):
        state["generated"] = True
    return state


# The closing small print of a command's page that cobra's generator writes (its name, or the
# project's script that runs it, in a link).
_GENERATOR_LINE = re.compile(r"#{5,6}[ \t]+Auto generated by [^\n]*cobra")


def help_center_state(data: dict, locale: str, config: "Config | None") -> dict[str, Any]:
    """What a help center's metadata (Zendesk's fields) says of an article: its address, when
    it was last edited, whether it is a draft, and which locales are flagged outdated (its own,
    ``outdated: true``; or, on a source, its ``outdated_locales``); and whether a generator
    wrote it (``auto_generated: true``)."""
    from kblint.kb.identity import canonical_locale

    state: dict[str, Any] = {}
    if isinstance(data.get("html_url"), str):
        state["html_url"] = data["html_url"]
    edited = data.get("edited_at")
    if edited is not None and not isinstance(edited, bool):
        state["edited_at"] = str(edited)
    if data.get("draft") is True:
        state["draft"] = True
    if data.get("auto_generated") is True:
        state["generated"] = True  # a generator's page (Kubernetes' reference docs say so)
    flagged = [locale] if data.get("outdated") is True else []
    listed = data.get("outdated_locales")
    if isinstance(listed, list) and config is not None:
        flagged += [canonical_locale(str(tag), config) or str(tag) for tag in listed if str(tag).strip()]
    if flagged:
        state["outdated"] = sorted(set(flagged))
    return state
