from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from kblint.formats.heading_ids import makes_ids_in_lower_case
from kblint.model.finding import Finding, Severity
from kblint.model.patterns import lazy_pattern
from kblint.rules.api import Rule
from kblint.model.text import KANA_HAN_HANGUL_CHARACTER, LATIN
from kblint.kb.words import WORD, fold, spell_checker_words
from kblint.lang.quoted import in_quoted_title, quoted_titles


@lru_cache(maxsize=1)
def dictionary() -> dict[str, str]:
    """codespell's main dictionary, read from the installed package: misspelling -> the raw
    corrections text, parsed by ``corrections`` only for the words that occur."""
    from kblint.lang.data import package_file

    inside = ("data", "dictionary.txt")
    path = package_file("codespell_lib", *inside)
    try:
        text = path.read_text("utf-8") if path is not None else None
    except OSError:
        text = None
    if text is None:  # a package that is not a folder on disk (a zip): read through it
        from importlib.resources import files

        text = files("codespell_lib").joinpath(*inside).read_text("utf-8")
    entries = dict(line.split("->", 1) for line in text.splitlines() if "->" in line)
    entries.update(_NOT_ONE_CORRECTION)
    from kblint.lang.data import load_data

    for name in load_data("data-typos.yaml").get("names", ()):
        entries.pop(name, None)
    return entries


# Misspellings the dictionary gives one correction for where the text may mean another: a fix
# would write a second error ("render is's toolbar" means "its", not "it's"; "be awared" means
# "aware", not "awarded"; "mmaped" is "mmapped", from mmap; "it is strongly recomments" wants
# "recommended").
_NOT_ONE_CORRECTION = {"is's": "its, it's,", "awared": "aware, awarded,", "mmaped": "mmapped, mapped,", "recomments": "recommends, recommended,"}


@lru_cache(maxsize=4096)
def corrections(data: str) -> tuple[tuple[str, ...], str]:
    """(corrections, reason) from codespell's ``a, b,`` or ``a`` or ``a, reason`` notation.
    One correction and no reason means the fix is unambiguous."""
    reason = ""
    comma = data.rfind(",")
    if comma == len(data) - 1:
        data = data[:comma]
    elif comma >= 0 and data.count(",") == 1 and " " in data[comma + 1 :].strip():
        data, reason = data[:comma], data[comma + 1 :].strip()
    return tuple(c.strip() for c in data.split(",") if c.strip()), reason


@dataclass(frozen=True)
class ContextTypo:
    """A misspelling that is one only in some context (a word before or after it)."""

    pattern: re.Pattern[str]
    right: str
    when: re.Pattern[str] | None
    note: str
    folded: str  # the word in lower case, for a cheap test on the whole file
    key: str  # its first word (log-in: log), looked up among the article's words first


@lru_cache(maxsize=1)
def context_typos() -> tuple[ContextTypo, ...]:
    from kblint.lang.data import load_data

    result = []
    for item in load_data("data-typos.yaml")["typos"]:
        flags = 0 if item.get("case_sensitive") else re.IGNORECASE
        pattern = re.compile(rf"(?<![A-Za-z0-9_]){re.escape(item['word'])}(?![A-Za-z0-9_])", flags)
        when = re.compile(item["when"]) if item.get("when") else None
        folded = item["word"].lower()
        first = WORD.search(folded)
        result.append(ContextTypo(pattern, item["right"], when, item.get("note", ""), folded, first.group(0) if first else folded))
    return tuple(result)


def match_case(correction: str, original: str) -> str:
    if original.isupper() and len(original) > 1:
        return correction.upper()
    if original[:1].isupper():
        return correction[:1].upper() + correction[1:]
    return correction


def _occurrences(text: str, lowered: str, words: list[str]) -> list[re.Match[str]]:
    """The WORD matches of ``text`` that are one of ``words`` (lower case, straight
    apostrophes; ``lowered`` is ``text`` so written), in text order: found with str.find
    rather than by looking at every word."""
    if not words:
        return []
    if len(lowered) != len(text):  # lower() changed a length (İ): look at every word
        wanted = set(words)
        return [m for m in WORD.finditer(text) if fold(m.group(0)) in wanted]
    found = []
    for word in words:
        at = lowered.find(word)
        while at >= 0:
            m = WORD.match(text, at)
            if m is not None and m.end() == at + len(word):
                found.append(m)
            at = lowered.find(word, at + 1)
    found.sort(key=lambda m: m.start())
    return found


# Latin-script languages other than English: codespell's English list would call their own
# words misspellings (Spanish "comando", Portuguese "atual"). Their articles get the pack only.
OTHER_LATIN_LANGUAGES = frozenset(
    "af ca cs cy da de eo es et eu fi fil fr ga gl hr ht hu id is it lb lt lv ms mt nb nl nn no "
    "pl pt ro sk sl so sq sr-latn sv sw tl tr uz vi".split()
)
# A word cut by key markers, as cheat sheets show a command's options: [u]ser, e[x]tract, Chec[k].
KEY_MARKED = lazy_pattern(rf"(?:[{LATIN}]*\[[{LATIN}]+\])+[{LATIN}]*")
_KEY_MARKED_CHARS = lazy_pattern(rf"[{LATIN}\[\]]+")
KEY_MARKER = lazy_pattern(rf"\][{LATIN}]|[{LATIN}]\[[{LATIN}]+\]")  # a marker inside a word ([link] is none)
# What may stand between the start of a sentence and its first word.
_SENTENCE_OPENERS = " \t\"'“‘(*_>«「『【"
_SENTENCE_ENDS = ".!?:;…"
_CODE_MARKS = frozenset("@#$%&;{}=~^|\\`")
_SENTENCE_END = lazy_pattern(r"[.!?…](?:\s|$)|[。！？]")


# The commonest function words of English and of the Latin-script languages a knowledge base
# is most often written in: an article in the source's locale that holds many of another's and
# few of English's is written in that language (a French style guide beside the English docs).
_FUNCTION_WORDS = {
    "en": frozenset("the and of to is in that it for with you this are be on not can your".split()),
    "de": frozenset("der die das und ist nicht mit ein eine für auf sie du wir den dem auch oder wenn".split()),
    "fr": frozenset("le les et est des une pour dans que qui vous pas sur avec du au ce ne".split()),
    "es": frozenset("el los las y es que en una para con por se del al como su lo".split()),
    "it": frozenset("il lo gli è di che per una non con del della sono come anche questo".split()),
    "pt": frozenset("os é que em uma para com não do da no na você ao se".split()),
    "nl": frozenset("de het een en van is dat niet op te met voor je zijn".split()),
}
_OTHER_LANGUAGE_WORDS = 6  # function words of another language an article must hold


def _function_words(words: "set[str] | frozenset[str]") -> tuple[int, int]:
    """(English's, the most of another Latin-script language's) function words among ``words``."""
    english = len(words & _FUNCTION_WORDS["en"])
    other = max(len(words & function) for language, function in _FUNCTION_WORDS.items() if language != "en")
    return english, other


def reads_as_another_language(words: "set[str] | frozenset[str]") -> bool:
    """Do ``words`` (an article's, lower case) hold many function words of a Latin-script
    language other than English, and fewer than half as many of English's?"""
    english, other = _function_words(words)
    return other >= _OTHER_LANGUAGE_WORDS and other > 2 * english


_SPAN_WORD = lazy_pattern(rf"[{LATIN}]+")


def _a_passage_in_another_language(lowered: str) -> bool:
    """Does a paragraph (lower case) hold two function words of a Latin-script language other
    than English and none of English's, or three times as many? A page that holds several
    languages' text (an FAQ in Chinese, English and Spanish) has passages whose words are not
    English."""
    english, other = _function_words(set(_SPAN_WORD.findall(lowered)))
    return other >= 2 and other > 3 * english


def uses_english_dictionary(locale: str) -> bool:
    """Does codespell's English list apply to an article in ``locale``? Not to an article in
    another Latin-script language; English and the words that Chinese (and other) text borrows, yes."""
    language = locale.lower()
    return language not in OTHER_LATIN_LANGUAGES and language.split("-")[0] not in OTHER_LATIN_LANGUAGES


def key_marked_token(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """The whole word that the word at ``start``..``end`` is a piece of, when key markers cut it
    (``[u]ser``): its start, end and letters joined (``user``); None for a word no marker touches."""
    touches_marker = (start > 0 and text[start - 1] in "[]") or (end < len(text) and text[end] in "[]")
    if not touches_marker:
        return None
    run_start = start
    while run_start > 0 and _KEY_MARKED_CHARS.match(text, run_start - 1, run_start):
        run_start -= 1
    run = _KEY_MARKED_CHARS.match(text, run_start)
    if run is None or not KEY_MARKED.fullmatch(run.group(0)) or not KEY_MARKER.search(run.group(0)):
        return None
    return run.start(), run.end(), run.group(0).replace("[", "").replace("]", "")


def key_marked_tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """Each word of ``text`` cut by key markers: its start, end and letters joined."""
    for m in KEY_MARKED.finditer(text):
        if KEY_MARKER.search(m.group(0)) and not (m.start() and text[m.start() - 1].isalnum()):
            yield m.start(), m.end(), m.group(0).replace("[", "").replace("]", "")


def is_identifier(word: str) -> bool:
    """A word that names something rather than spells it: an acronym of up to four capitals
    (AKS, EDN) or a word with a capital inside (FileTests, iPhone)."""
    if word.isupper():
        return len(word) <= 4
    return any(c.isupper() for c in word[1:]) and any(c.islower() for c in word)


def joined_by(text: str, start: int, end: int, marks: str) -> bool:
    """Is the word at ``start``..``end`` joined to a letter or digit by one of ``marks``
    (``linode-cli``, ``trunk.io``)?"""
    before = start >= 2 and text[start - 1] in marks and text[start - 2].isalnum()
    after = end + 1 < len(text) and text[end] in marks and text[end + 1].isalnum()
    return before or after


def an_option(text: str, start: int) -> bool:
    """Is the word at ``start`` a command-line option written as text (``-fo``, ``--ot``): a
    dash before it, and none of a word before the dash? Code, not a word."""
    dash = start - 1
    while dash >= 0 and text[dash] == "-" and start - dash <= 2:
        dash -= 1
    return dash < start - 1 and (dash < 0 or not text[dash].isalnum())


# Characters a path written in prose can hold (ASCII: a path inside Chinese text starts after it).
_PATH_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-~+@%")


def in_a_path(text: str, start: int) -> bool:
    """Is the word at ``start`` a part of a file system path written in prose (/dev/hda,
    ~/.config/teh, ../lib/x) after its first slash? A path's parts are names, not English;
    a slash between words (and/or) makes no path."""
    first = start
    while first > 0 and text[first - 1] in _PATH_CHARS:
        first -= 1
    if text[start - 1 : start] != "/":
        return False
    return text.startswith(("/", "~/", "./", "../"), first)


def glued_to_code(text: str, start: int, end: int) -> bool:
    """Is the word at file offsets ``start``..``end`` of the article's ``text`` written against a
    character that only names and code put there: a package scope (@bable/x), an option's
    braces ({ex,in}clude), an HTML entity (&#x63;reate), a code span? (The file, not the prose,
    where code and HTML tags alike are masked: a word inside <b>…</b> is prose.)"""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return before in _CODE_MARKS or after in _CODE_MARKS


def starts_sentence(text: str, start: int) -> bool:
    """Is the word at ``start`` the first of a sentence (the start of the prose, or after a full
    stop, a colon or Chinese text)? A capital elsewhere may be a name's (Vas, Nam)."""
    at = start
    while at > 0 and text[at - 1] in _SENTENCE_OPENERS:
        at -= 1
    return at == 0 or text[at - 1] in _SENTENCE_ENDS or ord(text[at - 1]) >= 0x2E80


def in_a_name(span, start: int, end: int) -> bool:
    """Is the capitalized word at ``start``..``end`` one of a run of capitalized words inside a
    sentence: a person's or a company's name (Gilles De Mey, Condé Nast)? Not in headings and
    titles, where every word may have a capital."""
    text, word = span.text, span.text[start:end]
    if span.kind != "paragraph" or not word[:1].isupper() or not word[1:].islower() or starts_sentence(text, start):
        return False
    next_is_capital = text[end : end + 1] == " " and text[end + 1 : end + 2].isupper()
    before = start - 1
    if before < 1 or text[before] != " ":
        return next_is_capital
    first = before
    while first > 0 and text[first - 1].isalpha():
        first -= 1
    return next_is_capital or (first < before and text[first].isupper())


def has_word(text: str, word: str) -> bool:
    """Is ``word`` in ``text`` as a whole word (no letter on either side)? str.find, not a
    regular expression: the texts are whole code blocks."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not text[at - 1].isalpha()) and (end == len(text) or not text[end].isalpha()):
            return True
        at = text.find(word, at + 1)
    return False


class ArticleTerms:
    """The words an article uses as names: in its file name, its code spans and blocks, and its
    link destinations. A misspelling that is also one of these may be a command or a name
    (``shotcut``, ``aks``): its correction is not safe. Each text is joined on first use, and
    searched for the few words asked about rather than split into words: only articles with a
    misspelling ask, and they ask little."""

    def __init__(self, doc, ids_in_lower_case: bool = False) -> None:
        self._doc = doc
        self._texts: dict[str, str] = {}
        self._titles: list[tuple[int, int]] | None = None
        # Does the site make its headings' ids in lower case (a scheme it is known to use)?
        self.ids_in_lower_case = ids_in_lower_case

    def __contains__(self, word: str) -> bool:
        """Is ``word`` one of the terms, in any case?"""
        return any(self._holds(kind, fold(word)) for kind in ("file name", "code", "links"))

    def written(self, word: str) -> bool:
        """Is ``word`` one of the terms, in this very case (``Github``, not ``github.com``)?"""
        return any(self._holds(kind, word, exact=True) for kind in ("file name", "code", "links"))

    def quoted(self, span, start: int) -> bool:
        """Is ``start`` of the prose span in a link's text that quotes a change's title (a
        pull request's, as a release note copies it)? Its spelling is its author's."""
        if self._titles is None:
            self._titles = quoted_titles(self._doc)
        return bool(self._titles) and in_quoted_title(self._titles, span.offset(start))

    def names_the_article(self, word: str) -> bool:
        """Is ``word`` in both the file name and the code: the command or the program the
        article is about (``chage.md`` that runs ``chage -l``), not a misspelling?"""
        return self._holds("file name", fold(word)) and self._holds("code", fold(word))

    def _holds(self, kind: str, word: str, exact: bool = False) -> bool:
        text = self._text(kind)
        if not exact:
            text = self._texts.setdefault(kind + " folded", fold(text))
        return has_word(text, word)

    def _text(self, kind: str) -> str:
        if kind not in self._texts:
            md = self._doc.body
            if kind == "file name":
                texts = [_file_name(self._doc.relpath)]
            elif kind == "code":
                texts = [code for code, _, _ in md.code_spans] + [block.text for block in md.code_blocks]
            else:
                texts = [url for url, _ in md.urls] + [link.url for link in md.links]
            self._texts[kind] = "\n".join(texts).replace("_", " ")  # snake_case names are words too
        return self._texts[kind]


# How near the correction stands when a text is about a misspelling ("recieve" => receive,
# "Javascript" instead of "JavaScript"); farther, it is the same word written right elsewhere.
_CITING_REACH = 30
_QUOTES = {'"': '"', "'": "'", "“": "”", "‘": "’", "(": ")", "«": "»", "「": "」", "『": "』"}


def is_cited(text: str, start: int, end: int, right: str) -> str:
    """Does the text cite the word rather than use it? A word alone in quotes or parentheses
    may be quoted as written or be someone's handle; a text that also writes the correction
    near it, in the same sentence ("fix typo recieve => receive"), may be about the misspelling."""
    before = text[start - 1] if start > 0 else ""
    if before in _QUOTES and text[end : end + 1] == _QUOTES[before]:
        return "a word in quotes or parentheses may be cited as written"
    first, last = sentence_around(text, start, end)
    near = text[max(first, start - _CITING_REACH) : min(last, end + _CITING_REACH)]
    # Only the case may differ (Github, GitHub): then only the correction as written counts.
    case_only = right.casefold() == text[start:end].casefold()
    if has_word(near, right) if case_only else has_word(near.lower(), right.lower()):
        return "the text also writes the correction and may be about the misspelling"
    return ""


def in_a_character_class(text: str, start: int, end: int) -> bool:
    """Is the word at ``start``..``end`` a POSIX character class's name (``[:cntrl:]``,
    ``[[:alnum:]]``), as regular expressions and tr write it?"""
    return text[start - 2 : start] == "[:" and text[end : end + 2] == ":]"


# What says a sentence is about a misspelling: "fix typo occuring -> occurring".
_ABOUT_SPELLING = re.compile(r"typo|misspel|spelling|->|=>|\u2192")


def corrects_itself(text: str, start: int, end: int, corrections: list[str]) -> bool:
    """Is the word at ``start``..``end`` quoted by a sentence that corrects it: one that also
    writes a correction, after it, and says it is about spelling ("fix typo occuring ->
    occurring", "typo from overriden to overridden")? Such a word is cited, not misspelled."""
    first, last = sentence_around(text, start, end)
    after = text[end : min(last, end + _CITING_REACH)].lower()
    if not any(has_word(after, right.lower()) for right in corrections):
        return False
    return _ABOUT_SPELLING.search(text[first:last].lower()) is not None


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence that holds ``start``..``end`` begins and ends in ``text``."""
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    return (before[-1] if before else 0), (after.end() if after else len(text))


# "!" inside a sentence, the next word in lower case: part of a name ("Zapit! backup").
_NAME_WITH_BANG = re.compile(r"! +[a-z]")


def _changes_an_anchor(doc, span, word: str, right: str, terms: ArticleTerms) -> bool:
    """Would writing ``right`` for ``word`` in ``span`` change a heading's id? Not outside a
    heading, nor in one with an explicit id, nor where only the case changes on a site known to
    make its ids in lower case (``Github`` → ``GitHub`` on a Docusaurus site)."""
    if span.kind != "heading" or doc.body.has_explicit_id(span.start_line):
        return False
    return not (terms.ids_in_lower_case and word.lower() == right.lower())


def place_key(doc, config) -> tuple[str, bool]:
    """What the check reads of the article's place: its file's name (a word there is a name)
    and whether the site's heading ids are in lower case (see Rule.place_key)."""
    return _file_name(doc.relpath), _ids_in_lower_case(doc.relpath, config)


def _file_name(relpath: str) -> str:
    return relpath.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def _ids_in_lower_case(relpath: str, config) -> bool:
    """Is the scheme the site makes ``relpath``'s heading ids with known, and one in lower
    case? (Guessed from the links, it is not known: Hexo's keeps the case.)"""
    layout = config.layout
    named = config.heading_ids or (layout.heading_ids or layout.mkdocs_heading_ids(relpath) if layout is not None else None)
    return named is not None and makes_ids_in_lower_case(named)


def unsafe_because(doc, span, start: int, end: int, right: str, terms: ArticleTerms) -> str:
    """Why the fix of the word at ``start``..``end`` of ``span`` must be checked by a person;
    "" when it is safe."""
    text, word = span.text, span.text[start:end]
    if _changes_an_anchor(doc, span, word, right, terms):
        return "the heading's anchor would change and break the links to it"
    if span.kind == "table_cell":
        return "a table cell may hold a value or a word of another language (a table of translations)"
    if word.isupper() and len(word) > 1:
        return "a word in capitals may be an acronym"
    if len(word) <= 3:
        return "a short word may be an abbreviation or a name"
    if text.strip(" *_") == word:
        return "a word alone in its paragraph may name what follows it (a field or an option, as written in code)"
    if joined_by(text, start, end, "-/"):
        return "part of a hyphenated or slashed name"
    if joined_by(text, start, end, ":@"):
        # (an image and its tag written as text: the name is the registry's, in its case)
        return "part of a name written as code (an image and its tag, name:tag; user@host)"
    if word[:1].isupper() and not starts_sentence(text, start):
        return "a capitalized word may be a name"
    if word[:1].isupper() and _NAME_WITH_BANG.match(text, end):
        return "a capitalized word with '!' before a lower-case one is a name's (Yahoo!)"
    if "-" in right and right.replace("-", "").casefold() == word.casefold():
        return "the correction only adds a hyphen: the closed form is a spelling too (reenable), or another language's word (viceversa)"
    if word[:1].isupper() and KANA_HAN_HANGUL_CHARACTER.search(text):
        return "a capitalized word among Chinese or Japanese text is a name"
    if _inside_double_quotes(text, start, end):
        return "quoted text may be cited as written, or in another language"
    if word in terms:
        return "the article also uses the word in code, a file name or a link"
    if word.lower() in _MAY_MEAN_ANOTHER:
        return "it may stand for another word than the correction (a translation's 'dowload' meant shedding load)"
    if _after_a_plural_subject_or_a_modal(text, start, word, right):
        return "the word before it asks for another form of the verb (they rely, can rely)"
    return is_cited(text, start, end, right)


# Misspellings whose one correction was read wrong on real text: a fix, yes, but not a safe one.
_MAY_MEAN_ANOTHER = frozenset({"dowload", "dowloaded", "dowloading", "dowloads"})


# Words after which a verb takes no "-s": plural pronouns, modals, "to" and "do".
_BARE_VERB_BEFORE = frozenset("i we you they can could will would shall should may might must to do does did don't doesn't didn't not".split())
_WORD_BEFORE = re.compile(r"([A-Za-z']+)[ \t]+$")


def _an_s_form(word: str) -> bool:
    """Does ``word`` end as a verb's "-s" form does (relies, runs), not as a word whose "s" is
    its own (access, status, analysis)?"""
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _after_a_plural_subject_or_a_modal(text: str, start: int, word: str, right: str) -> bool:
    """Is the misspelling a verb's "-s" form (``relys`` for ``relies``) after a word that asks
    for its bare form (``they relys``: ``rely``)? The dictionary's correction keeps the "-s"."""
    if not (_an_s_form(word) and _an_s_form(right)):
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 20), start)
    return before is not None and before.group(1).lower() in _BARE_VERB_BEFORE


def _inside_double_quotes(text: str, start: int, end: int) -> bool:
    """Is ``start``..``end`` of ``text`` between double quotes, straight or curly?"""
    before, after = text[:start], text[end:]
    if before.count('"') % 2 == 1 and '"' in after:
        return True
    return before.rfind("\u201c") > before.rfind("\u201d") and "\u201d" in after


def check(doc, config) -> Iterator[Finding]:
    entries = dictionary() if uses_english_dictionary(doc.locale) else {}
    # The configuration's words, and those the page lists for a spell checker (cSpell:ignore).
    accepted = {w.casefold() for w in config.accepted_words} | spell_checker_words(doc.front.data, doc.body.html_comments)
    # Lower case, one apostrophe: the dictionary's spelling.
    prose = doc.prose_words
    lowered_spans = prose.lowered_spans
    # One pass over all the prose first: most articles have no misspelling at all.
    present = set(prose.words)
    if entries and reads_as_another_language(present):
        entries = {}  # an article in another language among English ones: its words are not English
    active = [typo for typo in context_typos() if typo.key in present and typo.folded in prose.lowered]
    misspelled = present & entries.keys()
    if misspelled:
        misspelled -= _ends_of_names(misspelled, present, doc.text) | _parts_of_identifiers(misspelled, doc.text)
    marked = bool(entries) and "]" in prose.lowered and KEY_MARKER.search(prose.lowered) is not None
    if not active and not misspelled and not marked:
        return
    terms = ArticleTerms(doc, _ids_in_lower_case(doc.relpath, config))
    for span, lowered_span in zip(doc.prose, lowered_spans):
        if len(lowered_span.strip()) <= 3:
            continue  # a cell or a line of one short token is a code ("fo", "nd": ISO 639), not a word
        span_marked = marked and "]" in lowered_span and KEY_MARKER.search(lowered_span) is not None
        # The pack's typos whose word the span holds (the test the whole prose passed, span
        # by span: a long article holds most of their words somewhere).
        in_span = [typo for typo in active if typo.folded in lowered_span] if active else active
        if not in_span and not span_marked and not any(word in lowered_span for word in misspelled):
            continue
        reported: set[int] = set()
        yield from _context_findings(doc, span, in_span, accepted, reported, terms)
        if span_marked:
            yield from _key_marked_findings(doc, span, entries, accepted)
        words = [w for w in misspelled if w in lowered_span]
        if words and _a_passage_in_another_language(lowered_span):
            continue  # a Spanish answer in an FAQ that holds every language's: "componentes" is a word
        for m in _occurrences(span.text, lowered_span, words):
            if m.start() not in reported and m.group(0).casefold() not in accepted:
                yield from _dictionary_finding(doc, span, m, entries, reported, terms)


def _ends_of_names(misspelled: set[str], present: set[str], text: str) -> set[str]:
    """The words of ``misspelled`` (plural or not) that the article also writes capitalized
    and that end a longer word of it: a product's name that the article shortens (Storyblok's
    "Bloks"), not a misspelling ("lables" ends "available", but is not written as a name)."""
    found = set()
    for word in misspelled:
        stem = word[:-1] if word.endswith("s") and len(word) > 4 else word
        if len(stem) < 4 or word.capitalize() not in text:
            continue
        if any(len(other) >= len(stem) + 3 and other.endswith(stem) for other in present):
            found.add(word)
    return found


def _parts_of_identifiers(misspelled: set[str], text: str) -> set[str]:
    """The short words of ``misspelled`` (four letters at most: an abbreviation, a product's
    code) that the article also writes as a part of a snake_case name (``ons_instance_name``
    beside "the name of the ons instance": Alibaba Cloud's ONS, not "owns")."""
    return {
        word for word in misspelled
        if len(word) <= 4 and re.search(rf"(?i)(?<![^\W_]){re.escape(word)}_[^\W_]|[^\W_]_{re.escape(word)}(?![^\W_])", text)
    }  # fmt: skip


def _context_findings(doc, span, active, accepted, reported: set[int], terms: ArticleTerms) -> Iterator[Finding]:
    """The pack's typos in one prose span."""
    text = span.text
    for typo in active:
        for m in typo.pattern.finditer(text):
            if m.start() in reported or m.group(0).casefold() in accepted:
                continue
            if typo.when is not None and not typo.when.match(text, m.start()):
                continue
            if in_a_character_class(text, m.start(), m.end()) or terms.quoted(span, m.start()):
                continue
            reported.add(m.start())
            right = typo.right if typo.right[:1].isupper() or typo.right.isupper() else match_case(typo.right, m.group(0))
            note = f" ({typo.note})" if typo.note else ""
            why = _pack_unsafe_because(doc, span, m.start(), m.end(), right, terms)
            yield _finding(doc, span, m.start(), m.end(), f"'{m.group(0)}' should be '{right}'{note}", right, why)


def _pack_unsafe_because(doc, span, start: int, end: int, right: str, terms: ArticleTerms) -> str:
    """The pack's corrections are names and key names in capitals (HTPS → HTTPS): only where
    they stand, what the article calls things and citations make them unsafe."""
    if _changes_an_anchor(doc, span, span.text[start:end], right, terms):
        return "the heading's anchor would change and break the links to it"
    if joined_by(span.text, start, end, "./"):
        return "part of a dotted or slashed name"
    if terms.written(span.text[start:end]):
        return "the article also uses the word in code, a file name or a link"
    cited = is_cited(span.text, start, end, right)
    if not cited and _in_a_cited_title(span.text, start, end):
        return "a title in quotes or title marks is cited as its work spells it"
    return cited


def _in_a_cited_title(text: str, start: int, end: int) -> bool:
    """Is ``start``..``end`` of ``text`` inside a title: between Chinese title marks (《…》,
    〈…〉) or double quotes? A post or a book is named as its author wrote the name, and the
    title the link leads to still says it so (《使用 Github…》)."""
    before = text[:start]
    for opening, closing in _TITLE_MARKS:
        if before.rfind(opening) > before.rfind(closing) and closing in text[end:]:
            return True
    return _inside_double_quotes(text, start, end)


_TITLE_MARKS = (("\u300a", "\u300b"), ("\u3008", "\u3009"))  # 《》 and 〈〉


def _dictionary_finding(doc, span, m: re.Match[str], entries, reported: set[int], terms: ArticleTerms) -> Iterator[Finding]:
    """The finding, if any, for one word of codespell's list at ``m`` in a prose span."""
    text, word = span.text, m.group(0)
    if key_marked_token(text, m.start(), m.end()) is not None:
        return  # a piece of a longer word: checked whole
    if is_identifier(word) or joined_by(text, m.start(), m.end(), ".") or glued_to_code(doc.text, *_file_range(span, m)):
        return
    if in_a_name(span, m.start(), m.end()) or in_a_path(text, m.start()):
        return
    if terms.names_the_article(word) or _a_linked_name(doc, span, m):
        return
    if len(word) <= 3 and joined_by(text, m.start(), m.end(), "-"):
        return  # a prefix or a suffix (add-ons), not a word
    if in_a_character_class(text, m.start(), m.end()) or _after_a_bracketed_letter(text, m.start()):
        return
    if an_option(text, m.start()) or terms.quoted(span, m.start()):
        return
    candidates, reason = corrections(entries[fold(word)])
    if not candidates:
        return
    suggestions = [match_case(c, word) for c in candidates]
    if corrects_itself(text, m.start(), m.end(), suggestions):
        return
    reported.add(m.start())
    if len(suggestions) == 1 and not reason:
        why = unsafe_because(doc, span, m.start(), m.end(), suggestions[0], terms)
        yield _finding(doc, span, m.start(), m.end(), f"'{word}' is misspelled: '{suggestions[0]}'", suggestions[0], why)
    else:
        yield _finding(doc, span, m.start(), m.end(), _maybe_message(word, suggestions, reason))


def _after_a_bracketed_letter(text: str, start: int) -> bool:
    """Is the word at ``start`` the end of one whose first letter is set in brackets, as a
    list of abbreviations marks it: "(S)tring, (N)umber"?"""
    return start >= 3 and text[start - 1] == ")" and text[start - 3] == "(" and text[start - 2].isalpha()


def _a_linked_name(doc, span, m: re.Match[str]) -> bool:
    """Is the word a name its link gives: the whole text of a link, capitalized
    (``[Didi](http://…)``), or a word of a link's text that its destination spells too
    (``[no-inferrable-types](…/rules/no-inferrable-types)``: the name of what it links)?"""
    word = m.group(0)
    at = span.offset(m.start())
    for link in doc.body.links:
        if link.start < at < link.end:
            if word[:1].isupper() and link.text.strip() == word:
                return True
            if re.search(rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])", link.url, re.IGNORECASE):
                return True
    return False


def _file_range(span, m: re.Match[str]) -> tuple[int, int]:
    return span.offset(m.start()), span.end_offset(m.end())


def _key_marked_findings(doc, span, entries, accepted: set[str]) -> Iterator[Finding]:
    """A word cut by key markers is checked whole (``[u]ser`` is ``user``), and never fixed:
    which letters the markers hold is the author's choice."""
    for start, end, joined in key_marked_tokens(span.text):
        entry = entries.get(fold(joined))
        if entry is None or joined.casefold() in accepted or is_identifier(joined):
            continue
        candidates, reason = corrections(entry)
        if candidates:
            message = _maybe_message(span.text[start:end], [match_case(c, joined) for c in candidates], reason)
            yield _finding(doc, span, start, end, message)


def _maybe_message(word: str, suggestions: list[str], reason: str) -> str:
    listed = ", ".join(f"'{s}'" for s in suggestions)
    why = f" ({reason})" if reason else ""
    return f"'{word}' may be misspelled: {listed}{why}"


def _finding(doc, span, start: int, end: int, message: str, right: str | None = None, unsafe: str = "") -> Finding:
    """A finding over ``start``..``end`` of a prose span; with a fix to ``right``, safe unless
    ``unsafe`` says why not."""
    return RULE.finding(
        doc,
        span.offset(start),
        span.end_offset(end),
        message,
        replacement=right,
        fix_description=f"write '{right}'" if right is not None else "",
        unsafe_reason=unsafe,
    )


RULE = Rule(
    code="KL201",
    name="typo",
    severity=Severity.WARNING,
    summary="A misspelled word, from codespell's dictionary and a pack of context-dependent typos.",
    documentation="""\
## What it does
Checks every Latin-script word of the prose (in articles of every language: a Chinese article's
`HTPS` is a typo too) against codespell's dictionary of common misspellings, read from the
installed `codespell` package, and against the `data-typos.yaml` pack: real words misused in
context (`Secrete` where `Secret` is meant), key names (`CRTL` → `Ctrl`) and product names
(`Github` → `GitHub`). Corrections keep the word's case. Words in the configuration's
`accepted_words` never fire, nor do those a page lists for a spell checker (the front matter's
`cSpell:ignore: Furst Omlet`, a comment's `<!-- cspell:words Hashi -->`); code, URLs and front matter are never checked, nor are command-line
options written as text (`-fo`, `--ot`).

codespell's list is English: articles in another Latin-script language (Spanish, Portuguese,
French…) are checked against the pack only, and so is an article among the English ones that is
written in another (many of its function words, "und", "der", "les", few of English's), and a
passage of a page that holds several languages' (an FAQ answered in English and in Spanish: a
paragraph with two such words and none of English's). A word
the article also writes capitalized that ends a longer word of it is a name shortened
(`Bloks` of a product called `Rockblok`). A word cut by key markers, as cheat sheets mark
options (`[u]ser`, `e[x]tract`), is checked whole. Names are left alone: acronyms of up to four
capitals (`AKS`), words with a capital inside (`FileTests`), dotted names (`recieve.conf`), the
parts of a path written in prose after a slash (`/dev/hda`, `~/recieve`; `and/or` is no
path), short parts of hyphenated words (`add-ons`), words written against `@`, braces, an HTML
entity or a code span (`@bable/x`), a capitalized word among capitalized words inside a
sentence (a person's or a company's name), a word that is both in the article's file name
and in its code (the command a page is about), a word of four letters at most that the article
also writes as a part of a snake_case name (`ons` beside `ons_instance_name`: a product's
code), and the rest of a word whose first letter is bracketed (`(S)tring, (N)umber`). A word quoted by a sentence that corrects it, as a change
log's line about a fix does (`fix typo occuring -> occurring`: the sentence writes a
correction after the word and speaks of a typo, a misspelling or spelling, or has an arrow), is
cited, not misspelled, and so is a POSIX character class's name (`[:cntrl:]`). The text of a
link to a pull request, an issue or a commit quotes the change's title as its author wrote it
(a release note's `[Recieve retries](https://git.example.com/kb/tool/pull/41)`): it is not the
article's spelling. Nor is the rest of a change log's entry that opens with a link to its
change or issue by its id (`[[TOOL-208](…/browse/TOOL-208)] - crash in the enviroment check`),
or that GitHub's release notes write before its author and change (`Keep the udpate queue by
@kim-lee in https://…/pull/8106`).

## Why it matters
Typos in instructions cost trust, and some cost more: a reader searching for "Secret key" never
finds "Secrete key".

## Example
```markdown
Type: Secrete and public key, then press CRTL+Enter to recieve a code.
```
fires three times: `Secret`, `Ctrl`, `receive`.

## Does not fire
```markdown
The gland can secrete fluid. Run `recieve --dry-run` (inline code is not prose).

- docs: fix typo recieve -> receive in the guide.

Remove every control character ([:cntrl:]) from the name.

- Merged [recieve retries on timeout](https://github.com/example/kbtool/pull/41).

The old tests ran on testng; the new ones run on JUnit.

| Language | Code |
| --- | --- |
| Faroese | fo |
```
A table cell or a paragraph of one short token is a code (a language's, a currency's), not a
word. A few names are written in lower case where codespell's list takes them for a misspelled
word (`testng`, the TestNG framework): the `names` of `data-typos.yaml`.

## Fix
Safe when there is one correction (`recieve` → `receive`) and nothing says the word could be
meant as written. The fix is unsafe (offered with `--unsafe-fixes`, the fix's reason says
why) in a heading without an explicit id (`{#id}`: the anchor would change and links to
it break), in a table cell (a value, or a word of another language in a table of
translations: `paket` is Serbian for package), for a word in capitals, of three letters or fewer, part of a hyphenated or slashed
name, capitalized inside a sentence or before a '!' that the sentence goes on after
(`Yahoo! mail`: a name), capitalized among Chinese or Japanese text (a name: `ローカル Hashi
環境`), used by the article in its code, file name or links, alone in quotes or parentheses,
inside a quotation or a title in title marks (《…》: another language's words, or a citation
that spells a name as its work does), whose correction only adds a
hyphen (`reenabled` → `re-enabled`: the closed form is a spelling too), a verb's `-s` form after
a word that asks for the bare verb (`they relys` wants `rely`, not `relies`), or in a text that also writes
the correction (it may be about the misspelling). Several candidates are listed in the message and not fixed; a word cut
by key markers is never fixed.

## Fixed
What `kblint --fix` makes of the example:
```markdown file=en/KB1.md
Type: Secret and public key, then press Ctrl+Enter to receive a code.
```
""",
    fix="safe",
    check=check,
    text_alone=True,
    place_key=place_key,
)
