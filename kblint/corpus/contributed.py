"""Facts of an article that some corpus rules read, beside a summary's core fields.

A summary's core is who the article is and what it points at (identity, title, anchors,
references, headings, dates, the help center's state): every corpus rule may read it. A fact
is what one rule family compares between a translation and its source: the numbers, code and
URLs translation-drift matches, the text keys untranslated-text looks up, the glossary terms of
each paragraph. A rule declares the facts it reads (``Rule.facts``); a run computes, sends,
stores and loads only the facts of its rules, and a new fact is one ``Fact`` here and its name
in the rules that read it: no field of ``Summary``, no column of the cache.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

from kblint.corpus.codekey import code_key
from kblint.corpus.deferred import Deferred, deferred_text
from kblint.corpus.places import last_text_line, line_span, make_span, span_or_none, text_span
from kblint.model.layout import docusaurus_translation
# Imported here, not where they are used: a worker process forked after this module was
# loaded finds their regular expressions compiled.
from kblint.lang.cjk_brackets import bracket_findings, bracket_widths
from kblint.lang.facts import article_facts
from kblint.lang.phrases import packed_prose
from kblint.lang.untranslated import (
    ALL_IDENTICAL, foreign_runs, identical_candidates, mostly_identical, script_of, source_keys, text_paragraphs, title_key,
    title_worth_comparing,
)  # fmt: skip

if TYPE_CHECKING:
    from kblint.model.config import Config
    from kblint.kb.document import Document
    from kblint.model.location import Span


@dataclass(frozen=True)
class Fact:
    """One fact: its name (its key in ``Summary.contributed``), how it is computed from the
    document, what an article without it reads (``empty``), and how it is kept: a list that is
    ``deferred`` stays the JSON text it was stored as and is decoded each time it is read (a
    corpus holds gigabytes of these as objects, though a rule reads each once per pair); any
    other value is stored as JSON and made again by ``load`` (places become Spans)."""

    name: str
    compute: Callable[["Document", "Config | None"], Any]
    empty: Any = ()
    deferred: bool = True
    load: Callable[[Any], Any] | None = None
    prepare: Callable[[set[str], "Config"], Callable[[], None] | None] | None = None  # as Rule.prepare
    # Computed for every article, not only those of a translation pair (whose facts a run may
    # leave out of the others' summaries): what a rule counts over a whole language.
    every_article: bool = False
    # Read from the article's path too, not only from its text, locale, title and format: made
    # for each copy of a file (see fact_value).
    reads_path: bool = False

    def stored(self, value: Any) -> Any:
        """``value`` as a summary's row holds it."""
        return deferred_text(value) if self.deferred else value

    def loaded(self, value: Any) -> Any:
        """The value a row holds, as rules read it."""
        if self.deferred:
            return Deferred.of(value)
        return self.load(value) if self.load is not None and value is not None else value


def _source_locale(config: "Config | None") -> str:
    return config.source_locale if config is not None else "en"


def _translation_facts(doc: "Document", config: "Config | None") -> list:
    return [(kind, value, make_span(doc, start, end)) for kind, value, start, end in article_facts(doc)]


def _texts(doc: "Document", config: "Config | None") -> list:
    """A source's text keys; a translation's candidates for "identical", each with its place."""
    source = _source_locale(config)
    title_line = doc.front.key_lines.get("title")
    title = doc.front.data.get("title") if title_line is not None else None
    title = title.strip() if isinstance(title, str) else None
    if doc.locale == source:
        texts = source_keys(doc, source)  # a source's: the keys alone
        if title is not None and title_line is not None:
            texts.append(title_key(title))
        return texts
    glossary_keep = config.glossary.keep if config is not None and config.glossary else ()
    kept = frozenset(term.casefold() for term in [*doc.body.kept, *glossary_keep])
    texts = [(key, text_span(doc, span)) for key, span in identical_candidates(doc, source, kept)]
    same_script = script_of(doc.locale) == script_of(source)
    # (A title in Latin letters is English left as it was only where the source writes Latin
    # letters: a Chinese source's "Vault Sync Tool" is a name its translations keep.)
    latin_source = script_of(source) == "Latin"
    if title is not None and title_line is not None and latin_source and title_worth_comparing(title, doc.text, same_script) and not _named_in_subtitle(doc, title):
        # The title's text, where front matter prose has it; else its line.
        written = next((span for span in doc.front_prose if span.start_line == title_line), None)
        texts.append((title_key(title), text_span(doc, written) if written is not None else line_span(doc, title_line)))
    return texts


def _named_in_subtitle(doc: "Document", title: str) -> bool:
    """Does the front matter give the page a subtitle of its own beside its title? Then the
    title is a name kept in every language (a component's, ``title: Carousel``) and the subtitle
    its translation (``subtitle: 走马灯``), as Ant Design's pages put them."""
    subtitle = doc.front.data.get("subtitle")
    return isinstance(subtitle, str) and bool(subtitle.strip()) and subtitle.strip() != title


def _foreign(doc: "Document", config: "Config | None") -> list:
    source = _source_locale(config)
    if doc.locale == source:
        return []
    return [make_span(doc, start, end) for start, end in foreign_runs(doc, source)]


def _prose_places(doc: "Document", config: "Config | None") -> list:
    """(offset, line, column) where a translation's prose spans (paragraphs, items, headings,
    cells) start their text, the first of each line: where translation-drift reports what a
    part of the source lacks there, on its very line (a paragraph without a number or a link
    of its own has no other place). Points, not spans: they cost every translation's summary."""
    if doc.locale == _source_locale(config):
        return []
    places: list[tuple[int, int, int]] = []
    position, last_line = doc.index.position, 0
    for span in doc.body.prose:
        first = span.text_start()
        if first < len(span.text):  # (markup alone holds no text)
            offset = span.offset(first)
            line, column = position(offset)
            if line != last_line:
                places.append((offset, line, column))
                last_line = line
    return places


def _text_paragraphs(doc: "Document", config: "Config | None") -> int:
    """A translation's prose spans that are text (see ``text_paragraphs``); 0 for a source."""
    source = _source_locale(config)
    if doc.locale == source:
        return 0
    # Paragraphs identical to a source in Latin letters hold three Latin words on a line.
    return text_paragraphs(doc, ALL_IDENTICAL if script_of(source) == "Latin" else 0)


# A letter past the Latin alphabets (Han, kana, Hangul, Cyrillic, Greek, Arabic…): not a mark.
_OTHER_LETTER = re.compile(r"[^\W\d_\x00-\u024f]")


def _own_script_spans(doc: "Document", config: "Config | None") -> int:
    """A translation's prose spans that hold a letter of its own script, where that script is
    not its source's Latin (Chinese of English); -1 where that does not tell (a source, a
    translation in Latin letters, a source in another script)."""
    source = _source_locale(config)
    if doc.locale == source or script_of(doc.locale) == "Latin" or script_of(source) != "Latin":
        return -1
    return sum(1 for span in doc.body.prose if _OTHER_LETTER.search(span.text))


def _terms(doc: "Document", config: "Config | None") -> list:
    """(prose span, glossary strings, place): a source's paragraphs that hold a term, and every
    paragraph of a translation, for findings at the paragraph that lacks one."""
    glossary = config.glossary if config is not None else None
    if glossary is None:
        return []
    translation = doc.locale != _source_locale(config)
    terms = []
    for k, span in enumerate(doc.body.prose):
        found = glossary.find(span.text)
        if found or translation:
            terms.append((k, sorted(found), text_span(doc, span)))
    return terms


def _steps(doc: "Document") -> list:
    return [lst for lst in doc.body.lists if lst.ordered and lst.items]


# A number and the Chinese enumeration comma opening a line: a step numbered by hand.
_HAND_NUMBER = re.compile(r"(?m)^[ \t]{0,3}\d{1,3}、")
# A numbered item indented past where CommonMark's lists may start (MDX reads it as one).
_INDENTED_STEP = re.compile(r"(?m)^(?: {4,}|\t)[ \t]*\d{1,3}[.)][ \t]")


def _hand_numbered_lines(doc: "Document") -> int:
    """The paragraphs' lines that number a step the parser reads in no list: ``1、`` (Chinese
    numbering by hand), and in MDX a step indented by four spaces or more (``    1. Run…``
    inside a component, ``<Steps>``: a list to MDX, which has no indented code, text here)."""
    found = []
    if "、" in doc.text:  # (most articles: one search in C)
        found = [doc.index.position(m.start())[0] for m in _HAND_NUMBER.finditer(doc.text)]
    if doc.format == "mdx":
        found += [doc.index.position(m.start())[0] for m in _INDENTED_STEP.finditer(doc.text)]
    if not found:
        return 0
    in_paragraphs = {line for span in doc.body.prose if span.kind == "paragraph" for line in range(span.start_line, span.end_line + 1)}
    return sum(1 for line in found if line in in_paragraphs)


def _linked_steps(doc: "Document", config: "Config | None") -> int:
    """The items of the numbered lists of links alone (channels to ask for help, a page's
    contents): destinations, not steps."""
    return sum(len(lst.items) for lst in _steps(doc) if _links_alone(doc, lst))


# A numbered item that is one link and nothing else ("1. [Forum](https://…)"), but a note in
# brackets ("（英文）": the language it is in).
_LINK_ITEM = re.compile(r"\d{1,9}[.)][ \t]+(\*\*|__)?\[[^\]\n]+\]\([^()\s]+(?:[ \t]+\"[^\"\n]*\")?\)\1?(?:[ \t]*[(（][^()（）\n]{1,20}[)）])?[ \t]*$")


def _links_alone(doc: "Document", lst) -> bool:
    line_text = doc.index.line_text
    return all(item.start_line == item.end_line and _LINK_ITEM.match(line_text(item.line), item.column - 1) for item in lst.items)


def _step_lists(doc: "Document", config: "Config | None") -> list:
    """Each numbered list's number of items and the place of its first."""
    return [(len(lst.items), _item_span(doc, lst.items[0])) for lst in _steps(doc)]


def _item_span(doc: "Document", item) -> Span:
    return make_span(doc, doc.index.offset(item.line, item.column), doc.index.offset(item.line, item.end_column))


def _step_rows(rows: Any) -> list:
    return [(count, span_or_none(place)) for count, place in rows]


def _code_blocks_of(doc: "Document") -> list:
    """The article's code blocks; MDX has no indented code (an indented block there is markup
    or text: JSX children)."""
    mdx = doc.format == "mdx"
    return [block for block in doc.body.code_blocks if block.fenced or not mdx]


def _code_blocks(doc: "Document", config: "Config | None") -> list:
    """Each code block's hash (see ``code_key``) and first line."""
    return [(code_key(block.text, block.info), line_span(doc, block.start_line)) for block in _code_blocks_of(doc)]


def _code_text(doc: "Document", config: "Config | None") -> str:
    """The text of the article's code blocks (its first ``CODE_TEXT_MOST`` characters): a
    number, an address or a name the other language's prose writes may be there (``9411`` in
    ``zipkin.port=9411``, a URL in a ``curl`` command)."""
    return "\n".join(block.text for block in _code_blocks_of(doc))[:CODE_TEXT_MOST]


CODE_TEXT_MOST = 50_000


# Text a source sets in quotes ('helm search', "Save", ‘x’, “x”): a translation may set it as
# code instead. A straight single quote opens after no letter and closes before none, so an
# apostrophe (it's) is neither. One pattern a quote mark, each starting with its mark: the
# search skips to it (a lookbehind first made every character a try, a tenth of a
# millisecond an article).
_QUOTED = tuple(
    (mark, re.compile(mark + pattern))
    for mark, pattern in (("'", r"([^'\n]{1,80}?)'(?![\w'])"), ('"', r'([^"\n]{1,80}?)"'), ("‘", r"([^’\n]{1,80}?)’"), ("“", r"([^”\n]{1,80}?)”"))
)


def _quoted(doc: "Document", config: "Config | None") -> list[str]:
    """What the prose of ``doc`` sets in quotes, each once."""
    text = doc.joined_prose.text
    found: dict[str, None] = {}
    for mark, pattern in _QUOTED:
        if mark not in text:
            continue
        m = pattern.search(text)
        while m is not None:
            at = m.start()
            if mark == "'" and at > 0 and (text[at - 1].isalnum() or text[at - 1] in "_'"):
                m = pattern.search(text, at + 1)  # an apostrophe: a quote may open after it
                continue
            quoted = m.group(1).strip()
            if quoted:
                found[quoted] = None
            m = pattern.search(text, m.end())
    return list(found)


def _external_urls(doc: "Document", config: "Config | None") -> list:
    """The article's URLs with a scheme and a host (a scheme alone, "https://" in "no
    protocol, such as https:// or http://", names no page), and its mailto: addresses."""
    return [
        (url, make_span(doc, start, start + len(url)))
        for url, start in doc.body.urls
        if ("://" in url and any(ch.isalnum() for ch in url.partition("://")[2])) or url.startswith("mailto:")
    ]


def _end_span(doc: "Document", config: "Config | None"):
    return last_text_line(doc)


def _code_rows(rows: Any) -> list:
    return [(key, span_or_none(place)) for key, place in rows]


def _prepare_identifier(locales: set[str], config: "Config") -> Callable[[], None] | None:
    """The language identifier's model (half a second to load, in a thread), when a
    translation shares its source's script: only then does it judge a paragraph's language."""
    from kblint.lang.untranslated import prepare_identifier

    return prepare_identifier(locales, config.source_locale)


# Numbers, code, placeholders, heading ids… with their places (kblint.lang.facts).
TRANSLATION_FACTS = Fact("facts", _translation_facts)
# Text keys (a source), or (key, place) of what may be left untranslated (a translation).
TEXTS = Fact("texts", _texts)
# Runs written in the source's language (translations).
FOREIGN = Fact("foreign", _foreign, prepare=_prepare_identifier)
# Prose spans of the body: translations with as many align with their source.
PARAGRAPHS = Fact("paragraphs", lambda doc, config: len(doc.body.prose), empty=0, deferred=False)
# A translation's prose spans that are text, in any script (see text_paragraphs).
TEXT_PARAGRAPHS = Fact("text_paragraphs", _text_paragraphs, empty=0, deferred=False)
# A translation's prose spans written in its own script (see _own_script_spans): none, and
# the page holds nothing translated.
OWN_SCRIPT = Fact("own_script", _own_script_spans, empty=-1, deferred=False)
TERMS = Fact("terms", _terms)  # (prose span, glossary strings, place)
KEPT = Fact("kept", lambda doc, config: doc.body.kept, deferred=False)  # the text of [!DNL …]
STEPS = Fact("steps", lambda doc, config: sum(len(lst.items) for lst in _steps(doc)), empty=0, deferred=False)  # items of ordered lists
STEP_LISTS = Fact("step_lists", _step_lists, deferred=False, load=_step_rows)  # each numbered list's items, first item
LINKED_STEPS = Fact("linked_steps", _linked_steps, empty=0, deferred=False)  # items of numbered lists of links alone
# Lines of paragraphs numbered by hand (``1、安装依赖``, which Markdown reads as no list): a
# translation may write them as a numbered list.
HAND_STEPS = Fact("hand_steps", lambda doc, config: _hand_numbered_lines(doc), empty=0, deferred=False)
# Items of every list, numbered or not: a translation may number what its source bullets.
LIST_ITEMS = Fact("list_items", lambda doc, config: sum(len(lst.items) for lst in doc.body.lists), empty=0, deferred=False)


# A heading over a page's table of contents, which a translation may add (## 目录).
_TABLE_OF_CONTENTS = re.compile(r"(?i:table of contents|contents|toc)|目[录錄]|內容目錄|内容目录|もくじ|目次|목차")


def _over_links(doc: "Document", line: int) -> bool:
    """Does a list of links to the page's own headings start right under ``line`` (a table of
    contents, not a section on folders: 目录 is both)?"""
    first = next((lst.items[0].line for lst in doc.body.lists if lst.items and line < lst.items[0].line <= line + 3), None)
    return first is not None and "](#" in doc.index.line_text(first)


def _heading_count(doc: "Document", config: "Config | None") -> int:
    """The headings but the small print closing the page (a translation may leave that out),
    a table of contents' (which it may add), and those that open a list item (``1. #####
    Update the configuration``: the step's title, which a translation may write as the
    item's plain text)."""
    headings = doc.body.headings
    count = len(headings) - (doc.body.closing_small_print() is not None)
    count -= sum(1 for heading in headings if _TABLE_OF_CONTENTS.fullmatch(heading.text.strip()) and _over_links(doc, heading.line))
    if headings and doc.body.lists:
        marker_at = {}  # each item's line: the column of its marker (the leftmost, of nested ones)
        for lst in doc.body.lists:
            for item in lst.items:
                marker_at[item.line] = min(item.column, marker_at.get(item.line, item.column))
        count -= sum(1 for heading in headings if heading.line in marker_at and marker_at[heading.line] < heading.column)
    return count


HEADING_COUNT = Fact("heading_count", _heading_count, empty=0, deferred=False)


def _title_heading(doc: "Document", config: "Config | None") -> bool:
    """Does the page open with its title as a heading (of level 1, or the front matter's title
    again, whole or with words after it: "Allocate device memory to container" under "Allocate
    device memory"), nothing but blank lines before it? A site shows the front matter's title
    there where the page writes none: a translation may write it, or leave it to the front
    matter, as its source does not."""
    headings = doc.body.headings
    if not headings or _shows_both_titles(doc.relpath, config):
        return False
    if headings[0].level != 1 and not _restates(doc.front.data.get("title"), headings[0].text):
        return False
    first = max(doc.front.body_line, 1)
    return all(not doc.index.line_text(line).strip() for line in range(first, headings[0].line))


def _restates(title: object, heading: str) -> bool:
    """Is ``heading`` the front matter's ``title`` again, or it and words after it (two words
    of it at least: one is a section's name as often as a title's)?"""
    if not isinstance(title, str) or not title.strip():
        return False
    title, heading = title.strip().casefold(), heading.strip().casefold()
    return heading == title or (len(title.split()) >= 2 and heading.startswith(title + " "))


def _shows_both_titles(relpath: str, config: "Config | None") -> bool:
    """Does the site show a page's front matter title over its text whatever heading the text
    opens with (a Docusaurus blog post, a Hugo page), so that a title written again shows twice?
    (Docusaurus's docs show the heading a page opens with in its title's place.)"""
    layout = config.layout if config is not None else None
    if layout is None:
        return False
    translated = docusaurus_translation(relpath)
    if (translated is not None and translated[2].startswith("docusaurus-plugin-content-blog")) or any(relpath.startswith(blog + "/") for blog in layout.routes.blogs):
        return True
    return layout.hugo_project_of(relpath) is not None


TITLE_HEADING = Fact("title_heading", _title_heading, empty=False, deferred=False, reads_path=True)


def _text_before_headings(doc: "Document", config: "Config | None") -> list[bool]:
    """For each heading with text (a summary's headings), whether text lies between it and the
    heading before it (or the page's start): a heading the translation puts over its opening
    text ("What it is", which its source dropped) has none before it, the source's first
    heading, after that text, has."""
    text_lines = sorted(span.start_line for span in doc.body.prose if span.kind != "heading")
    found, since = [], 0
    for heading in doc.body.headings:
        if heading.text:
            at = bisect_right(text_lines, since)
            found.append(at < len(text_lines) and text_lines[at] < heading.line)
            since = heading.line
    return found


TEXT_BEFORE_HEADINGS = Fact("text_before_headings", _text_before_headings, deferred=False)
CODE_BLOCKS = Fact("code_blocks", _code_blocks, deferred=False, load=_code_rows)  # content hash, first line
CODE_TEXT = Fact("code_text", _code_text, empty="", deferred=False)
EXTERNAL_URLS = Fact("external_urls", _external_urls)
QUOTED = Fact("quoted", _quoted, deferred=False)  # what the prose sets in quotes  # URLs with a scheme, in order, and their places
# The last line with text: where what a translation lacks at its end is reported.
END_SPAN = Fact("end_span", _end_span, empty=None, deferred=False, load=span_or_none)

_LATIN_RUN = re.compile(r"[!-~](?:[ -~]*[!-~])?")


def _latin_prose(doc: "Document", config: "Config | None") -> str:
    """A translation into another script's runs of ASCII text in its prose (not its code), one
    a line: a command or a name a translator wrote as plain text where the source set it as
    code (``linux/amd64``) is there for its readers. (A translation in its source's script
    would keep its whole text here.) So are a source's in another script than Latin: what its
    translation sets as code where it wrote plain text (``-p 5602:5601``)."""
    source = _source_locale(config)
    if script_of(doc.locale) == script_of(source) and (doc.locale != source or script_of(source) == "Latin"):
        return ""
    return "\n".join(_LATIN_RUN.findall(doc.joined_prose.text))


def _source_prose(doc: "Document", config: "Config | None") -> str:
    """A source's in Latin letters: its sentences (see kblint.lang.phrases), where its
    translations may set words as code (`etcd cluster`). Not its headings: a page's heading
    names what it is about (`# git clean`), which its examples show as code. (A source in
    another script keeps its Latin runs in ``LATIN_PROSE``.)"""
    source = _source_locale(config)
    if doc.locale != source or script_of(source) != "Latin":
        return ""
    return packed_prose(span.text for span in doc.body.prose if span.kind != "heading")


def _explicit_headings(doc: "Document", config: "Config | None") -> list[list]:
    """[index, id] of each of the summary's headings (``Body.worded_headings``) that has an
    explicit id, the only id a generator gives it: broken-anchor makes ids from the others'
    texts, and names the id of one whose text's slug a link has."""
    return [[i, heading.explicit_id] for i, heading in enumerate(doc.body.worded_headings()) if heading.explicit_id]


# Where a translation's prose spans start their text (see _prose_places).
PROSE_PLACES = Fact("prose_places", _prose_places)
LATIN_PROSE = Fact("latin_prose", _latin_prose, empty="", deferred=False)
SOURCE_PROSE = Fact("source_prose", _source_prose, empty="", deferred=False)
EXPLICIT_HEADINGS = Fact("explicit_headings", _explicit_headings, deferred=False, every_article=True)


def _brackets(doc: "Document", config: "Config | None") -> list | None:
    """A Chinese article's round brackets around Chinese text: how many it writes half-width
    and full-width, and its half-width pairs to report (place, message, the fix's edits and
    title, why it is unsafe, the text), which cjk-punctuation reports unless the article's
    language writes its brackets half-width as often as not (a knowledge base's style)."""
    if config is None or "cjk_brackets" in config.raw or not doc.locale.lower().startswith("zh"):
        return None
    half, full = bracket_widths(doc)
    if not half:
        return [0, full, []] if full else None
    found = [
        [make_span(doc, b.first, b.last), b.message, [[make_span(doc, start, end), text] for start, end, text in b.edits], b.description, b.reason, b.context]
        for b in bracket_findings(doc, config.cjk_brackets, False)
        if not b.mixed
    ]
    return [half, full, found]


BRACKETS = Fact("brackets", _brackets, empty=None, deferred=False, every_article=True)


def left_mostly_as_its_source(original, translation) -> bool:
    """Is half or more of a translation's text (ten paragraphs at least) identical to its
    source's? Then it is one untranslated article, not many untranslated pieces."""
    return mostly_identical(_identical_paragraphs(original, translation), translation.fact(TEXT_PARAGRAPHS))


def left_wholly_as_its_source(original, translation) -> bool:
    """Is nine tenths or more of a translation's text (ALL_IDENTICAL paragraphs at least)
    identical to its source's: a copy not yet translated, its title and a line at most?"""
    identical = _identical_paragraphs(original, translation)
    return identical >= ALL_IDENTICAL and identical * 10 >= translation.fact(TEXT_PARAGRAPHS) * 9


def _identical_paragraphs(original, translation) -> int:
    source = set(original.fact(TEXTS))
    return sum(1 for key, _ in translation.fact(TEXTS) if key in source)


ALL_FACTS = (
    TRANSLATION_FACTS, TEXTS, FOREIGN, PARAGRAPHS, TEXT_PARAGRAPHS, OWN_SCRIPT, TERMS, KEPT, STEPS, STEP_LISTS, LINKED_STEPS, HAND_STEPS, LIST_ITEMS, HEADING_COUNT, TITLE_HEADING, CODE_BLOCKS, EXTERNAL_URLS,
    END_SPAN, PROSE_PLACES, QUOTED, LATIN_PROSE, SOURCE_PROSE, EXPLICIT_HEADINGS, BRACKETS, CODE_TEXT, TEXT_BEFORE_HEADINGS,
)  # fmt: skip
BY_NAME = {fact.name: fact for fact in ALL_FACTS}


def fact_value(fact: Fact, doc: "Document", config: "Config | None") -> Any:
    """``fact`` of ``doc``; a fact of kblint's own that reads no path made once for the copies
    of a file (its Documents share ``of_the_text``) of one locale and title, in one run."""
    if fact.reads_path or BY_NAME.get(fact.name) is not fact:
        return fact.compute(doc, config)  # (a pack's fact: what it reads is not known)
    kept = doc.of_the_text_for(config)
    key = (fact.name, doc.locale, doc.title)
    if key not in kept:
        kept[key] = fact.compute(doc, config)
    return kept[key]


def facts_of(rules: list[Any]) -> tuple[Fact, ...]:
    """The facts the ``rules`` read, each once, in a fixed order (asked once a file: answered
    once a rule list). Keyed by the rules' identities, with the rules kept beside the answer:
    while they are kept, no other rule can take over one of their identities. Only the last
    list asked of is kept: a run asks of one, and a process that runs again (the language
    server, a test) must not keep every earlier run's rules alive."""
    key = tuple(map(id, rules))
    found = _FACTS_OF.get(key)
    if found is None:
        declared = [fact for rule in rules for fact in getattr(rule, "facts", ())]
        wanted = {fact.name for fact in declared}
        extra = {fact.name: fact for fact in declared if fact.name not in BY_NAME}  # a pack's own
        facts = tuple(fact for fact in ALL_FACTS if fact.name in wanted) + tuple(extra[name] for name in sorted(extra))
        found = (tuple(rules), facts)
        _FACTS_OF.clear()
        _FACTS_OF[key] = found
    return found[1]


_FACTS_OF: dict[tuple[int, ...], tuple[tuple, tuple[Fact, ...]]] = {}  # at most one entry
