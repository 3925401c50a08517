"""Text of a translation still written in its source's language.

Two signs, both found at parse time and kept in the article's summary:

- a paragraph, heading, list item or table cell identical to one of the source's (compared by a
  hash of its words, so that the source's summary keeps only numbers);
- a run written in the source language: where the two languages use different scripts (English
  and Chinese) a run of source-script words that reads as a sentence (four or more words, two of
  them function words such as "the", "to", "and"; names of products and code do not read so);
  where they share a script (English and French), a paragraph of six or more words that the
  language identifier (py3langid, loaded only then) takes for the source language.

Code, URLs and markup are not prose, and link texts do not count: a link's text often names an
article or a product as it is. The identifier judges a paragraph only on six words of its own,
outside its links' texts and identifiers (``swc: [github.com/swc-project/swc](…)`` is a name).
"""

from __future__ import annotations

import re
import threading
import zlib
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate, islice
from typing import TYPE_CHECKING, Callable, Collection, Iterator

from kblint.model.patterns import lazy_pattern
from kblint.model.text import CLOSING_QUOTES, HAN, KANA_HAN_HANGUL, MASK, OPENING_QUOTES

if TYPE_CHECKING:
    import mmap
    from pathlib import Path

    from kblint.kb.document import Document
    from kblint.model.body import ProseSpan

# Scripts by language subtag (Latin for any other).
_SCRIPTS = {
    "zh": "Han", "ja": "Japanese", "ko": "Hangul", "ru": "Cyrillic", "uk": "Cyrillic", "bg": "Cyrillic",
    "sr": "Cyrillic", "el": "Greek", "ar": "Arabic", "fa": "Arabic", "he": "Hebrew", "th": "Thai", "hi": "Devanagari",
}  # fmt: skip
_LATIN_WORD = lazy_pattern(r"[A-Za-z\u00c0-\u024f]+(?:['’][A-Za-z]+)?")
# English function words: a run of source-language words that holds two of them is prose.
FUNCTION_WORDS = frozenset(
    """a an the to of and or in on at for from by with as is are was were be been being it its this that
    these those you your we our they their he she his her not no can will would should could may might
    must do does did have has had if then than but so into onto about after before when where which who
    what how all any each more most some such only also there here""".split()
)
MIN_RUN_WORDS = 4
MOSTLY_IDENTICAL = 10  # identical paragraphs that, half or more of a translation's text, are one finding
ALL_IDENTICAL = 3  # identical paragraphs that, four fifths of a (short) translation's text or more, are one finding
MIN_IDENTICAL_WORDS = 3
MIN_IDENTIFIED_WORDS = 6


def mostly_identical(identical: int, paragraphs: int) -> bool:
    """Are ``identical`` paragraphs of a translation's ``paragraphs`` of text (MOSTLY_IDENTICAL
    at least, and half or more of them; or ALL_IDENTICAL at least, and four fifths of them or
    more: a short page copied as it is, but a line) an article left mostly as its source?"""
    if identical >= ALL_IDENTICAL and identical * 5 >= paragraphs * 4:
        return True
    return identical >= MOSTLY_IDENTICAL and identical * 2 >= max(paragraphs, identical)


def script_of(locale: str) -> str:
    return _SCRIPTS.get(locale.split("-")[0].lower(), "Latin")


def text_key(text: str) -> int:
    """A checksum of ``text`` as it is (a text left untranslated is a copy): compared only
    with the few texts of one source article, 32 bits are plenty."""
    return zlib.crc32(text.encode("utf-8", "surrogatepass"))


def latin_words(text: str) -> int:
    return len(_LATIN_WORD.findall(text))


def _words_of_its_own(span: "ProseSpan", links: "_LinkCover", enough: int) -> bool:
    """Has ``span`` ``enough`` Latin words outside its links' texts and not part of an
    identifier (``ag_bug_finder``, ``x86``): words that say which language it is written in?"""
    text = span.text
    if _GLUE.search(text) is None and not links.any_within(span.offset(0), span.end_offset(len(text))):
        return True  # no link and no identifier: its words (enough, counted before) are its own
    count = 0
    for m in _LATIN_WORD.finditer(text):
        start, end = m.span()
        if text[start - 1 : start] in _IDENTIFIER_GLUE or text[end : end + 1] in _IDENTIFIER_GLUE:
            continue
        if not links.holds(span.offset(start), span.end_offset(end)):
            count += 1
            if count >= enough:
                return True
    return False


_IDENTIFIER_GLUE = frozenset("_0123456789")
_GLUE = lazy_pattern("[_0-9]")


def _link_ranges(doc: "Document") -> list[tuple[int, int]]:
    return [(link.start, link.end) for link in doc.body.links if not link.autolink]


def _same_language(locale: str, source_locale: str) -> bool:
    return locale == source_locale or locale.split("-")[0] == source_locale.split("-")[0]


def _identified(locale: str, source_locale: str) -> bool:
    """Is a paragraph of a translation in ``locale`` judged by the language identifier? When
    it shares its source's script, the Latin one: other scripts are told apart by their
    characters."""
    return not _same_language(locale, source_locale) and script_of(locale) == script_of(source_locale) == "Latin"


def foreign_runs(doc: "Document", source_locale: str) -> Iterator[tuple[int, int]]:
    """File offsets of the runs of ``doc``'s prose (title and body) written in the source
    language."""
    source_script, own_script = script_of(source_locale), script_of(doc.locale)
    if _same_language(doc.locale, source_locale):
        return
    if source_script == own_script:
        if not _identified(doc.locale, source_locale):
            return
        quoted_entries = quotes_change_entries(doc)
        cited = _CitedTitles(doc)
        judged = [span for span in _to_identify(doc) if not (quoted_entries and _a_change_entry(span)) and not cited(span)]
        languages = identify_many([span.text.replace(MASK, " ") for span in judged], (source_locale, doc.locale))
        for span, language in zip(judged, languages):
            if language == source_locale:
                # From its first character that is not markup, as an identical text's place
                # (kblint.corpus.places.text_span): a tag that opens it is not the text.
                yield span.offset(span.text_bounds()[0]), span.end_offset(len(span.text))
        return
    # Scripts differ: one search over all the prose, each run then placed in its span.
    joined = doc.joined_prose
    if source_script == "Latin":
        runs = _latin_runs(joined.text)
    elif source_script == "Han":
        runs = [(m.start(), m.end()) for m in _han_patterns()[0].finditer(joined.text)]
    else:
        return
    links: _LinkCover | None = None
    quoted_entries = quotes_change_entries(doc)
    front, title = len(doc.front_prose), (doc.title or "").strip()
    named = {word.lower() for word in _LATIN_WORD.findall(title)}  # the page's name's words
    for start, end in runs:
        k, at = joined.locate(start)
        span = joined.spans[k]
        if is_verbatim(span.text):
            continue  # a message the software printed, quoted over lines
        if span.kind == "table_cell" and _value_list(span.text):
            continue  # a column of values or tags, the same in every language
        if span.in_quote and span.offset(0) in doc.introduced_quotations:
            continue  # a quotation the text introduces, kept in its language
        if quoted_entries and _a_change_entry(span):
            continue  # a change log's entry: the title of a pull request, quoted
        if k >= front and _names_the_page(joined.text[start:end], named) and span.text.strip() != title:
            continue  # the page's name, as its title writes it (a glossary's term); the title itself is judged
        begin, finish = span.offset(at), span.end_offset(at + end - start)
        if links is None:
            links = _LinkCover(_link_ranges(doc))
        if links.holds(begin, finish) or _a_cited_title(span, links, *span.text_bounds()):
            continue  # a link's text, or a paper's, cited (the run is its title and date)
        if links.any_within(begin, finish) and _links_alone_or_labelled(span, links, at, at + end - start):
            continue  # links' texts and commas between them, or a name's label on them (a paper cited by its title)
        yield begin, finish


def _names_the_page(run: str, named: set[str]) -> bool:
    """Are the words of ``run`` all words of the page's title (``named``, lower case:
    ``Function as a Service (FaaS)`` in the text of a page titled so)?"""
    words = _LATIN_WORD.findall(run) if named else []
    return bool(words) and all(word.lower() in named for word in words)


def _to_identify(doc: "Document") -> Iterator["ProseSpan"]:
    """The spans of ``doc``'s prose the language identifier judges: six Latin words of their
    own, not an error message."""
    links: _LinkCover | None = None
    for span in doc.prose:
        text = span.text
        if latin_words(text) >= MIN_IDENTIFIED_WORDS and not is_verbatim(text):
            if span.kind == "table_cell" and _value_list(text):
                continue  # a column of a property's values, the same in every language
            if span.kind == "table_cell" and _is_command(" ".join(text.replace(MASK, " ").split())):
                continue  # a table's command example (copy c:\test\a.txt c:\b.txt), the same in every language
            if links is None:
                links = _LinkCover(_link_ranges(doc))
            if _words_of_its_own(span, links, MIN_IDENTIFIED_WORDS):
                yield span  # (not a name and a link: swc: github.com/swc-project/swc)


# Four or more Latin words with at most spaces and sentence punctuation between them.
_LETTER = r"[A-Za-z\u00c0-\u024f]"
_ELISION = r"(?:['’][A-Za-z]+)?"  # don't, it's
_WORD = rf"{_LETTER}+{_ELISION}"
# A run's first letter starts a word (it and the letter before it are not both letters): a
# search that failed at a word's start fails inside it too, after reading on to the same words,
# and would try again at every letter of a long one. (The look behind comes after the letter: a
# pattern that starts with a class is searched for by that class, in C.) One run reads
# otherwise, and no prose of the five sites has it: a run that ends inside a word, after an
# apostrophe's ASCII letters before a Latin-1 one ("l'Xé the …"), no longer starts another
# at the "é".
_WORD_START = rf"{_LETTER}(?<!{_LETTER}{{2}})"
# (No line break between them: the joined prose puts one between spans.)
_BETWEEN_WORDS = r"[ ,;:\-'’\"()/]{1,3}"
_RUN = lazy_pattern(
    rf"{_WORD_START}{_LETTER}*{_ELISION}(?:{_BETWEEN_WORDS}(?:\x00+{_BETWEEN_WORDS})?(?:{_WORD}|[0-9]+(?![0-9A-Za-z]))){{{MIN_RUN_WORDS - 1},}}"
)
# (A number between words is one of them: "rewrite a 404 inside a page" is one run; so is a
# sentence with code in it, "Lower `priority` runs first", the code (masked, \x00) no word.)


def _latin_runs(text: str) -> list[tuple[int, int]]:
    """Runs of four or more Latin words, with at most spaces and sentence punctuation between
    them, two of which are function words."""
    runs = []
    for m in _RUN.finditer(text):
        words = _LATIN_WORD.findall(m.group(0))
        if "-" in m.group(0):
            # A name joined by hyphens is one word (on-before-ok, a property: no "on" and "before").
            words = _HYPHENATED.findall(m.group(0))
            if len(words) < MIN_RUN_WORDS:
                continue
        function_words = (1 for w in words if w.lower() in FUNCTION_WORDS)
        if sum(islice(function_words, 2)) == 2 and not _quoted(text, m.start(), m.end()):  # counted up to two
            if not is_verbatim(text, m.start()) and not _gloss(text, m.start(), m.end(), len(words)) and not _sql(words):
                runs.append((m.start(), m.end()))
    return runs


_HYPHENATED = lazy_pattern(rf"{_WORD}(?:-{_LETTER}+)*")  # a word, or words joined by hyphens
# SQL's keywords, written in capitals as a statement writes them.
_SQL_KEYWORDS = frozenset(("SELECT", "FROM", "WHERE", "INSERT", "INTO", "VALUES", "UPDATE", "SET", "DELETE", "JOIN", "GROUP", "ORDER", "BY", "LIMIT"))


def _sql(words: list[str]) -> bool:
    """Are ``words`` a SQL statement's (two of its keywords in capitals: FROM "t/1" WHERE id)?"""
    return sum(1 for word in words if word in _SQL_KEYWORDS) >= 2

MAX_GLOSS_WORDS = 6


def _before_spaces(text: str, at: int) -> int:
    """The index of the last character before ``at`` that is not a space (-1: none)."""
    at -= 1
    while at >= 0 and text[at] == " ":
        at -= 1
    return at


def _gloss(text: str, start: int, end: int, words: int) -> bool:
    """Is ``text[start:end]`` the source's term given in brackets after the translated one
    ("инфраструктура как услуга (Infrastructure as a Service)", "服務型基礎架構（IaaS,
    infrastructure as a service）"), or an acronym's words spelled out before its translation
    ("FaaS（Function as a Service，函数即服务）"): a few words that fill the brackets, or
    open them before a comma and words of another script, which open after a letter of
    another script or after the acronym the words' initials spell?"""
    if words > MAX_GLOSS_WORDS:
        return False
    at = _before_spaces(text, start)
    if at < 1 or text[at] not in "(（":
        return False
    while end < len(text) and text[end] == " ":
        end += 1
    if end >= len(text) or (text[end] not in ")）" and not _translation_follows(text, end)):
        return False
    at = _before_spaces(text, at)
    return at >= 0 and text[at].isalpha() and (not _LATIN_LETTER.match(text[at]) or _spells(_word_ending(text, at), text[start:end]))


_TRANSLATION_IN_BRACKETS = lazy_pattern(r"[,，、;；]\s*[^\x00-\x7f)）]{1,30}[)）]")


def _translation_follows(text: str, at: int) -> bool:
    """Does a comma at ``at`` lead to words of another script that close the brackets
    ("，函数即服务）")?"""
    found = _TRANSLATION_IN_BRACKETS.match(text, at)
    return found is not None and not _LATIN_LETTER.search(found.group(0))


def _word_ending(text: str, at: int) -> str:
    start = at
    while start > 0 and text[start - 1].isascii() and text[start - 1].isalnum():
        start -= 1
    return text[start : at + 1]


def _spells(acronym: str, words: str) -> bool:
    """Does ``acronym`` (FaaS, CRD) spell the initials of ``words`` (Function as a Service,
    Custom Resource Definition), their capitals or, in lower case, all of them?"""
    capitals = "".join(ch for ch in acronym if ch.isupper())
    if len(capitals) < 2:
        return False
    initials = [word[0] for word in _HYPHENATED.findall(words)]
    return capitals == "".join(ch for ch in initials if ch.isupper()) or capitals == "".join(initials).upper()


_LATIN_LETTER = lazy_pattern(r"[A-Za-z\u00c0-\u024f]")


def _quoted(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` a quotation ("the error “A component is changing…” appears"):
    text shown as it is, such as a message of the software?"""
    at = _before_spaces(text, start)
    curly = _in_curly_quotes(text, start)
    if (at < 0 or text[at] not in OPENING_QUOTES) and not curly:
        return False
    while end < len(text) and text[end] in " .,:;!?…)）":  # ("Add a new term (English)", "as follows:...")
        end += 1
    if end < len(text) and text[end] in CLOSING_QUOTES:
        return True
    # Inside a curly quotation that closes further on its line (a message quoted whole: “Reject
    # restart. Because there are no DataNode(whose nodeId=xx) in the cluster.”).
    line_end = text.find("\n", end)
    rest = text[end : line_end if line_end >= 0 else len(text)]
    return curly and any(mark in rest for mark in _CURLY_CLOSING)


_CURLY_OPENING, _CURLY_CLOSING = "“「『", "”」』"


def _in_curly_quotes(text: str, start: int) -> bool:
    """Does a quotation opened with a curly quote or a corner bracket before ``start``, on its
    line and not closed yet, hold it (“driver name fuse.csi.example.io not found in …”: a run
    that the dotted name ended starts inside the message)?"""
    window = text[max(0, start - 160) : start]
    opened = max(window.rfind(mark) for mark in _CURLY_OPENING)
    return opened >= 0 and "\n" not in window[opened:] and not any(mark in window[opened:] for mark in _CURLY_CLOSING)


_LOADING = threading.Lock()  # held while the model loads: a second caller waits for it
_loaded: list = []  # the identifier, once loaded


def _identifier():
    with _LOADING:
        if not _loaded:
            _one_blas_thread()
            _loaded.append(_load_identifier())
        return _loaded[0]


# What numpy's linear-algebra library reads, once, when numpy is first imported.
_BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_NUM_THREADS")


def _one_blas_thread() -> None:
    """One thread for numpy's BLAS, unless the user chose otherwise. The identifier multiplies
    a few hundred numbers at a time, and OpenBLAS starts a thread per core when numpy is
    imported, which spin before they sleep: on two cores, importing numpy took 113 ms and
    190 ms of CPU, against 82 ms and 82 ms with one thread, in series before a cold run's
    workers start (and 2,000 of the identifier's products 4.1 ms against 2.7 ms)."""
    import os

    for name in _BLAS_THREADS:
        os.environ.setdefault(name, "1")


def _load_identifier():
    """py3langid's identifier, built as its loader (``modelio.load_model``) builds it: from the
    decompressed copy of its model that an earlier run kept (``kblint.lang.modelcopy``), or
    from the model, decompressed in one call before py3langid is imported: a thread loading
    it (see prepare_identifier) leaves the GIL to the run all that time (a third of a second),
    while the run imports numpy (a tenth). (py3langid's loader decompresses a block at a time,
    and a thread doing that waits for the GIL after each block.)"""
    from kblint.lang.modelcopy import keep_copy, mapped_copy

    path = _model_path()
    kept = mapped_copy(path) if path is not None else None
    if kept is not None:
        from py3langid import langid

        try:
            identifier = _from_decompressed(langid, kept) if langid.MODEL_DIR / langid.MODEL_FILE == path else None
        except Exception:  # a copy damaged since it was kept: made again below
            identifier = None
        if identifier is not None:
            return identifier
    return _decompressed_identifier(path, lambda model, raw: keep_copy(model, raw, replace=kept is not None))


def _decompressed_identifier(path: "Path | None", keep: "Callable[[Path, bytes], None]"):
    """The identifier, its model decompressed here, and kept (``keep``) for the next runs."""
    import lzma

    try:
        raw = lzma.decompress(path.read_bytes()) if path is not None else None
    except (OSError, lzma.LZMAError):
        raw = None
    from py3langid import langid

    model = langid.MODEL_DIR / langid.MODEL_FILE
    try:
        if raw is None or model != path:  # another layout of py3langid's package
            raw = lzma.decompress(model.read_bytes())
        identifier = _from_decompressed(langid, raw)
        if identifier is None:
            return _from_numpy(langid, raw)
    except Exception:  # another layout of py3langid's model: its own loader reads it
        return langid.LanguageIdentifier.from_modelpath(model, norm_probs=True)
    keep(model, raw)
    return identifier


def _model_path() -> "Path | None":
    """Where py3langid keeps its model (``langid.MODEL_DIR / langid.MODEL_FILE``), found
    without importing it."""
    from kblint.lang.data import package_file

    return package_file("py3langid", "data", "model.npz.xz")


def _from_decompressed(langid, raw: "bytes | mmap.mmap"):
    """The identifier of a decompressed model (a .npz archive), its arrays read where they
    lie in it; None when numpy must read them itself (see ``_stored_arrays``)."""
    data = _stored_arrays(raw)
    return _identifier_of(langid, data, views=not isinstance(raw, bytes)) if data is not None else None


def _from_numpy(langid, raw: bytes):
    """The identifier of a model whose members numpy must read (compressed, in Fortran
    order…)."""
    import io

    import numpy

    with numpy.load(io.BytesIO(raw), allow_pickle=False) as npz:
        data = {name: npz[name] for name in ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")}
    return _identifier_of(langid, data, views=False)


def _identifier_of(langid, data: dict, views: bool):
    """The identifier of a model's arrays. Without ``views``, its tables are copies: a view of
    decompressed bytes would keep them all (68 MB) alive for the run. With them (a mapped
    copy), its pages are the file's, shared by the workers, and memoryviews index as fast as
    py3langid's arrays."""
    import numpy
    from py3langid.modelio import _to_array

    pc, classes, output = numpy.array(data["pc"]), data["classes"].tolist(), data["out_feat"].tolist()
    if views:
        ptc, nextmove, row = data["ptc"], memoryview(data["nextmove"]), memoryview(data["nextmove_row"])
    else:
        ptc, nextmove, row = numpy.array(data["ptc"]), _to_array(data["nextmove"]), _to_array(data["nextmove_row"])
    return langid.LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row)


_LOCAL_HEADER = 30  # bytes of a zip member's local header before its name and extra field
_NPY_HEADERS = {(1, 0): "read_array_header_1_0", (2, 0): "read_array_header_2_0"}  # .npy versions


def _stored_arrays(raw: "bytes | mmap.mmap") -> "dict | None":
    """The arrays of the .npz archive ``raw`` as read-only views of it (no copy), or None
    when one of its members is compressed or is not a plain array numpy could view so."""
    import io
    import zipfile

    import numpy
    from numpy.lib import format as npy

    arrays = {}
    try:
        with zipfile.ZipFile(io.BytesIO(raw) if isinstance(raw, bytes) else raw) as archive:
            for member in archive.infolist():
                if member.compress_type != zipfile.ZIP_STORED or not member.filename.endswith(".npy"):
                    return None
                at = member.header_offset
                name_length, extra_length = int.from_bytes(raw[at + 26 : at + 28], "little"), int.from_bytes(raw[at + 28 : at + 30], "little")
                start = at + _LOCAL_HEADER + name_length + extra_length
                header = io.BytesIO(raw[start : start + min(member.file_size, 65536)])
                read_header = _NPY_HEADERS.get(npy.read_magic(header))
                if read_header is None:
                    return None
                shape, fortran, dtype = getattr(npy, read_header)(header)
                if fortran or dtype.hasobject:
                    return None
                count = int(numpy.prod(shape, dtype=numpy.int64))
                if header.tell() + count * dtype.itemsize != member.file_size:
                    return None
                arrays[member.filename[:-4]] = numpy.frombuffer(raw, dtype, count, start + header.tell()).reshape(shape)
    except (ValueError, zipfile.BadZipFile):
        return None
    return arrays


def prepare_identifier(locales: "Collection[str]", source_locale: str) -> "Callable[[], None] | None":
    """Start loading the identifier in a thread when ``foreign_runs`` will need it for some of
    ``locales`` (a translation written in its source's script); return what waits for it.
    A failed load is left for the first article that needs it, which reports it."""
    if not any(_identified(locale, source_locale) for locale in locales):
        return None

    def load() -> None:
        try:
            _identifier()
        except Exception:
            pass

    import lzma  # noqa: F401  (imported here, not in the thread, with the import lock free)

    _one_blas_thread()  # before the thread imports numpy
    thread = threading.Thread(target=load, name="kblint-language-model", daemon=True)
    thread.start()
    # py3langid and numpy are imported here, while the thread decompresses the model.
    try:
        import py3langid.langid  # noqa: F401
    except RuntimeError as error:
        # The import lock saw this import and the thread's wait for each other (numpy taken
        # first there, py3langid here) and failed this one: the thread imports it.
        if type(error).__name__ != "_DeadlockError":
            raise
    return thread.join


@lru_cache(maxsize=1)
def _known_languages() -> frozenset[str]:
    """Every language the identifier knows (its ``nb_classes`` are only those of the last
    restriction)."""
    identifier = _identifier()
    identifier.set_languages(None)
    _restricted_to[0] = None
    return frozenset(identifier.nb_classes)


# Locale languages the identifier knows by another code (Norwegian Bokmål, the old code of
# Hebrew, Filipino) and, for a few languages, the code it has.
_IDENTIFIER_CODES = {"nb": "no", "iw": "he", "fil": "tl", "in": "id", "ji": "yi"}


def identifier_language(locale: str, known: "Collection[str]") -> str | None:
    """The code the identifier knows ``locale``'s language by (``nb_NO`` → ``no``), or None
    when it does not know that language."""
    language = locale.replace("_", "-").split("-")[0].lower()
    language = _IDENTIFIER_CODES.get(language, language)
    return language if language in known else None


def identify(text: str, locales: tuple[str, ...]) -> str | None:
    """Which of ``locales`` ``text`` is written in, by py3langid; None when it cannot tell, or
    cannot judge a language of the pair (one it does not know: ``mi``, ``x-custom``)."""
    identifier = _identifier()
    codes = _restricted_to_pair(identifier, locales)
    if codes is None:
        return None
    try:
        language, probability = identifier.classify(text)
    except ValueError:
        return None
    return codes.get(language) if probability >= 0.9 else None


def identify_many(texts: list[str], locales: tuple[str, ...]) -> list[str | None]:
    """``identify`` for each of ``texts``, in one batch where py3langid's model allows it
    (kblint.lang.batchid)."""
    if len(texts) < 2:
        return [identify(text, locales) for text in texts]
    identifier = _identifier()
    codes = _restricted_to_pair(identifier, locales)
    if codes is None:
        return [None] * len(texts)
    from kblint.lang.batchid import batch_probabilities

    rows = batch_probabilities(identifier, texts)
    if rows is None:
        return [identify(text, locales) for text in texts]
    best = rows.argmax(axis=1).tolist()
    return [codes.get(identifier.nb_classes[k]) if row[k] >= 0.9 else None for k, row in zip(best, rows)]


def _restricted_to_pair(identifier, locales: tuple[str, ...]) -> dict[str, str] | None:
    """The locale of each code the identifier knows ``locales``' languages by, with the
    identifier restricted to them; None when it cannot judge the pair (a language it does
    not know, one language only, a code the model lists but cannot restrict to)."""
    codes: dict[str, str] = {}
    for locale in locales:
        code = identifier_language(locale, _known_languages())
        if code is None:
            return None
        codes.setdefault(code, locale)
    if len(codes) < 2:
        return None
    try:
        _restrict(identifier, tuple(sorted(codes)))
    except ValueError:
        return None
    return codes


_restricted_to: list[tuple[str, ...] | None] = [None]  # the languages the identifier is restricted to now
# The identifier's state under each restriction made lately (its attributes, which
# set_languages replaces with new arrays: a copy of them is references only).
_restrictions: dict[tuple[str, ...], dict] = {}
_RESTRICTIONS_KEPT = 32


def _restrict(identifier, codes: tuple[str, ...]) -> None:
    """Restrict the identifier to ``codes`` unless it already is: a restriction copies the
    model's weights (1-2 ms), and an article asks for the same pair for each paragraph, and the
    next file for another pair (a page's translations are read one after another: see
    kblint.run.article.reading_order), so the last restrictions are kept and put back."""
    if _restricted_to[0] == codes:
        return
    _restricted_to[0] = None  # until it succeeded: a failed restriction leaves it unknown
    kept = _restrictions.get(codes)
    if kept is not None:
        for name, value in kept.items():
            setattr(identifier, name, value)
    else:
        identifier.set_languages(list(codes))
        if len(_restrictions) >= _RESTRICTIONS_KEPT:
            del _restrictions[next(iter(_restrictions))]
        _restrictions[codes] = _state_of(identifier)
    _restricted_to[0] = codes


def _state_of(identifier) -> dict:
    """Every attribute ``identifier`` has (its slots' and its dictionary's, whichever its
    version of py3langid uses): references, no copy of an array."""
    names: set[str] = set(getattr(identifier, "__dict__", {}))
    for cls in type(identifier).__mro__:
        slots = getattr(cls, "__slots__", ())
        names.update((slots,) if isinstance(slots, str) else slots)
    return {name: getattr(identifier, name) for name in names if not name.startswith("__") and hasattr(identifier, name)}


@lru_cache(maxsize=1)
def _han_patterns() -> tuple["re.Pattern[str]", "re.Pattern[str]"]:
    """A run of Chinese text, and six Chinese characters: compiled when a source is Chinese
    (their character classes take milliseconds to compile, in every process)."""
    return re.compile(rf"[{HAN}][{HAN}，、：；「」（） ]{{3,}}"), re.compile(rf"[{HAN}](?:[^{HAN}]*[{HAN}]){{5}}")


# Three Latin words, a space between each and the next: `accepted_internal_networks` and
# `dc.os.agent` are one name, as a table of parameters lists them in every language.
# (From a word's start, whole: a run of letters with no space in it is tried once, not from
# each of its letters: a megabyte of "aaaa…" took minutes.)
_THREE_WORDS = lazy_pattern(r"(?<![A-Za-z\u00c0-\u024f])[A-Za-z\u00c0-\u024f]++(?:[^A-Za-z\u00c0-\u024f\s]*\s[^A-Za-z\u00c0-\u024f]*[A-Za-z\u00c0-\u024f]+){2}")


# Six letters of a script other than Latin (Chinese characters, kana, Hangul, Cyrillic…).
_SIX_OTHER_LETTERS = lazy_pattern(r"[^\W\d_A-Za-z\u00c0-\u024f](?:.*?[^\W\d_A-Za-z\u00c0-\u024f]){5}", re.DOTALL)


def text_paragraphs(doc: "Document", at_least: int = 0) -> int:
    """How many prose spans of ``doc`` are text in any script (three Latin words, or six
    letters of another script): what an article's share of untranslated text is counted in
    (a one-word list item, a heading that names a function, a line of markup are the same in
    every language). 0 when fewer than ``at_least`` spans hold three Latin words on a line
    (asked when the source is in Latin letters: fewer paragraphs can be identical to it, and
    no share is then asked for)."""
    if at_least and sum(1 for _ in islice(doc.body_spans_with(_THREE_WORDS_ON_A_LINE), at_least)) < at_least:
        return 0
    return sum(1 for span in doc.body.prose if _is_text(span.text))


def _is_text(text: str) -> bool:
    """Is ``text`` text in any script: three Latin words, or six letters of another script?"""
    return _THREE_WORDS.search(text) is not None or (not text.isascii() and _SIX_OTHER_LETTERS.search(text) is not None)


def lead_key(doc: "Document") -> int:
    """The text key of ``doc``'s first paragraph of text (``_is_text``: a heading of one name or
    a line of markup is the same in every language), 0 when it has none."""
    return next((text_key(span.text) for span in doc.body.prose if _is_text(span.text)), 0)


def worth_comparing(text: str, script: str) -> bool:
    """Has ``text`` enough words in ``script`` (the source's) that a translation identical to
    it was not translated? Three Latin words, or six Chinese characters: less is a name or a
    label."""
    if script == "Latin":
        return _THREE_WORDS.search(text) is not None
    if script == "Han":
        return not text.isascii() and _han_patterns()[1].search(text) is not None
    return False


# Three Latin words on one line (the joined prose puts each span on a line of its own).
_THREE_WORDS_ON_A_LINE = lazy_pattern(rf"{_WORD_START}{_LETTER}*(?:[^A-Za-z\u00c0-\u024f\n]+{_LETTER}+){{2}}")  # (from a word's start, as _RUN)


_COMMAND_CHARACTERS = lazy_pattern(r"[-/._=:@~]")
# A word of a name: a capital or a digit first, or a brand's capital inside (macOS, iPadOS); a
# comma after it where names are listed (Linux, macOS, Windows).
_NAME_WORD = lazy_pattern(r"(?:[A-Z0-9][\w.+&'’-]*|[a-z]{1,4}[A-Z][\w.+&'’-]*),?")


def _is_command(text: str) -> bool:
    """Does ``text`` read as a command example (`$ npm install hexo-server --save`, `vault
    export --all`, `clients show <ClientId>`) rather than a sentence?"""
    if text.startswith(("$ ", "> ", "% ")):
        return True
    if not text.isascii() or not text[:1].islower():
        return False  # (most prose starts with a capital: told before the words are listed)
    words = [word for word in text.split() if word.strip("[]")]  # (an argument's brackets, its name markup: [<Duration>])
    if any(w.lower() in FUNCTION_WORDS for w in words if not w.startswith("-")):  # --all is an option, not a word
        return False
    if all(word.islower() for word in words) and len(words) <= 5:
        return True  # lower-case words and no function word: a command's name (gh pr checks)
    return any(word.startswith("-") or _COMMAND_CHARACTERS.search(word) or _PLACEHOLDER_WORD.fullmatch(word) for word in words[1:])


# A command's argument named in angle brackets, optional or not: <ClientId>, [<Duration>].
_PLACEHOLDER_WORD = lazy_pattern(r"\[?<[A-Za-z][\w-]*>(?:\.\.\.)?\]?")


def _is_name(text: str, kept: frozenset[str], in_brackets: bool = False) -> bool:
    """Is ``text`` a name (Vaultline Cloud Export Service: capitalized words and no function
    word; SSR vs. SSG; names listed: Netlify / Cloudflare Pages / Render) or a term the glossary or a [!DNL …] keeps as it is? ``in_brackets``:
    names may also stand in brackets (a table's column of a library and its languages,
    Ramda (JavaScript / TypeScript); a heading's "(Optional) Download Snapshot" is a title)."""
    if text.casefold() in kept:
        return True
    count = total = 0  # a name's words, six at most; a list of names (A / B / C), twelve
    words = text.split()
    if len(words) > 1 and _ACRONYM_IN_BRACKETS.fullmatch(words[-1]):
        words.pop()  # Internet Information Services (IIS): a name and its short form
    for word in words:
        if word in _NAME_JOINERS:
            count = 0
            continue
        count += 1
        total += 1
        if in_brackets:
            word = word.removeprefix("(").removesuffix(")")
        if count > 6 or total > 12 or not _NAME_WORD.fullmatch(word):
            return False  # told at the first word that is not a name's, or past six
    return True


_NAME_JOINERS = frozenset(("vs.", "vs", "/", "&", "-", "+"))
_ACRONYM_IN_BRACKETS = lazy_pattern(r"\([A-Z][A-Za-z0-9]{1,7}\)")


# A word of prose: letters, with hyphens or an apostrophe inside, no capital inside
# (idPrefix, app.config.errorHandler and v-else-if are names of code).
_PROSE_WORD = lazy_pattern(r"[(\"'“‘]*[A-Za-z][a-z]*(?:[-'’][a-z]+)?[)\"'”’.,:;!?]*")


def _few_prose_words(text: str) -> bool:
    words = (1 for token in text.split() if _PROSE_WORD.fullmatch(token))
    return sum(islice(words, MIN_IDENTICAL_WORDS)) < MIN_IDENTICAL_WORDS  # counted up to enough


def _links_alone_or_labelled(span: "ProseSpan", links: "_LinkCover", start: int = 0, end: int | None = None) -> bool:
    """Is the span (its text from ``start`` to ``end``) links' texts and what separates them
    only (``[HTTP spans][], [HTTP metrics][]`` in a table's cell: names that label the pages
    they link to), or links under a name that labels them ("LoRA+: [LoRA+: Efficient Low Rank
    Adaptation …](…)", "Agarwal et al. [On-Policy Distillation …](…)": a technique, or
    authors, and the title of the paper it links)? The text outside the links is read once."""
    text = span.text
    stop = len(text) if end is None else min(end, len(text))
    outside = _outside_links(span, links, start, stop)
    if not any(ch.isalnum() for ch in outside):
        return True
    segment = text[start:stop]
    if ":" not in segment and "：" not in segment and "et al" not in segment and not segment.lstrip(f" *_{MASK}")[:1].isdigit():
        return False  # (most runs with a link are sentences)
    words = _LABEL_WORD.findall(_CITED.sub(" ", outside.replace(MASK, " ").replace("/", " / ")))
    if not words or all(word.isdigit() for word in words):
        return True  # links alone, or numbered
    # A label says so: a colon after it, or the authors' "et al." ("Inserts [a tag](…)." is a sentence).
    labelled = ":" in outside or "：" in outside or _CITED.search(outside) is not None
    return labelled and _is_name(" ".join(words), frozenset())


def _outside_links(span: "ProseSpan", links: "_LinkCover", start: int, stop: int) -> str:
    """The span's text from ``start`` to ``stop`` with every character a link holds made a
    space. (Piece by piece of the span's map to the file, and link by link: a question per
    character cost a search each.)"""
    kept = list(span.text[start:stop])
    pieces = list(span.pieces())
    if not pieces:  # (no map: every character at the file's start)
        return " " * len(kept) if links.covers(0) else "".join(kept)
    for first, piece_stop, shift in pieces:
        low, high = max(first, start), min(piece_stop, stop)
        for begin, finish in links.merged_within(low + shift, high + shift):
            held_from, held_to = max(begin - shift, low), min(finish - shift, high)
            if held_from < held_to:
                kept[held_from - start : held_to - start] = " " * (held_to - held_from)
    return "".join(kept)


_CITED = lazy_pattern(r"\bet al\.?")  # "Agarwal et al." before a paper's title
_LABEL_WORD = lazy_pattern(r"[^\s.,;:：()<>|]+")  # a label's words, its marks left out ("GaLore / Q-GaLore:", "Agarwal. 2023.")


class _LinkCover:
    """Does a link or an image hold a stretch of the file? (Links sorted by start, and the
    furthest end among each one and those before it: a bisection per question, not a look at
    every link of the article.)"""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        ranges = sorted(ranges)
        self.starts = [start for start, _ in ranges]
        self.furthest = list(accumulate((end for _, end in ranges), max))
        self.merged = _union(ranges)
        self.merged_starts = [start for start, _ in self.merged]

    def covers(self, offset: int) -> bool:
        """Does a link hold the character at ``offset``?"""
        return self.holds(offset, offset + 1)

    def merged_within(self, begin: int, finish: int) -> list[tuple[int, int]]:
        """The stretches links hold (overlapping links as one) that lie over any of
        ``begin``…``finish``."""
        k = max(bisect_right(self.merged_starts, begin) - 1, 0)
        found = []
        for low, high in self.merged[k:]:
            if low >= finish:
                break
            if high > begin:
                found.append((low, high))
        return found

    def holds(self, begin: int, finish: int) -> bool:
        k = bisect_right(self.starts, begin) - 1
        return k >= 0 and self.furthest[k] >= finish

    def any_within(self, begin: int, finish: int) -> bool:
        """Does a link lie over any of the stretch, in part at least?"""
        k = bisect_left(self.starts, begin)
        return (k < len(self.starts) and self.starts[k] < finish) or (k > 0 and self.furthest[k - 1] > begin)


def _union(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted stretches as their union: overlapping or touching ones made one, empty ones
    left out."""
    merged: list[tuple[int, int]] = []
    for low, high in ranges:
        if high <= low:
            continue
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def _only_link_name_or_command(span: "ProseSpan", kept: frozenset[str], links: _LinkCover, quoted_entries: bool = False) -> bool:
    """Is a span identical to the source's only a link's or an image's text, a name, a term
    kept as it is, a command example or an error message? Those are the same in every
    language."""
    text = span.text
    stripped = text.strip(MASK + " \t\n*_")
    if not stripped:
        return True
    first = text.index(stripped[0]) if stripped else 0
    if links.holds(span.offset(first), span.end_offset(first + len(stripped))):
        return True
    if _a_cited_title(span, links, first, first + len(stripped)):
        return True  # a reference list's entry: the linked title of a paper, and its date
    if links.any_within(span.offset(first), span.end_offset(first + len(stripped))) and _links_alone_or_labelled(span, links, first, first + len(stripped)):
        return True  # links, or a name's label on them (a technique, then the paper it links)
    plain = " ".join(stripped.replace(MASK, " ").split())
    if plain.startswith(":::"):
        plain = _CONTAINER_OPENING.sub("", plain, count=1)  # a container's label: "::: tab Amazon Linux"
    person = span.in_list and span.kind == "paragraph" and _is_person(plain) or "@" in plain and _people_thanked(plain)
    if quoted_entries and _a_change_entry(span):
        return True  # a change log's entry: a pull request's title, quoted as its author wrote it
    cell = span.kind == "table_cell"
    if span.kind == "heading" and (_CALL_SIGNATURE.fullmatch(plain) or _CODED_NAME.match(plain)):
        # A function's reference heading ("coalesce_ne(Value1: any, Value2: any) -> any"), or a
        # rule's or an error's, its code first ("[E1006] Module mixed chunks"): a name.
        return True
    signature = cell and (_SIGNATURE.search(plain) is not None or _is_form(plain) or _LIST_LITERAL.fullmatch(plain) is not None or _value_list(plain) or _STRING_LITERAL.fullmatch(plain) is not None)
    # (A heading too may name a thing with its long form in brackets: "BNPO (Batch Normalized Policy Optimization)".)
    return _few_prose_words(plain) or _is_name(plain, kept, cell or span.kind == "heading") or person or signature or _is_command(plain) or is_verbatim(plain)


# A rule's or an error's code in brackets opening a heading: [E1006], [W012], [RULE-3].
_CODED_NAME = lazy_pattern(r"\[[A-Z]{1,6}-?\d{2,6}\] ")


# A container's opening and its kind (VuePress's ``::: tab``, ``::: details``), before a label.
_CONTAINER_OPENING = lazy_pattern(r":{3,}\s*[\w-]+\s*")
# A function's signature: its name, its parameters in brackets, and what it returns.
_CALL_SIGNATURE = lazy_pattern(r"[A-Za-z_$][\w.$]*\([^()]*\)(?:\s*(?:->|=>|:)\s*[\w.$\[\]<>|, ]+)?")


# The date after a reference list's linked title: "[A Paper](…) (April 2023)", "(2021)".
_CITATION_DATE = lazy_pattern(r"[ \t]*[(（][ \t]*(?:[A-Z][a-z]{2,8}\.?[ \t]+)?(?:19|20)\d{2}[ \t]*[)）][ \t]*[.,]?$")


class _CitedTitles:
    """Which spans of a document are a reference list's cited titles, its links' places read
    only when a list item asks (most spans are not in a list)."""

    def __init__(self, doc: "Document") -> None:
        self.doc, self.links = doc, None

    def __call__(self, span: "ProseSpan") -> bool:
        if not span.in_list:
            return False
        if self.links is None:
            self.links = _LinkCover(_link_ranges(self.doc))
        return _a_cited_title(span, self.links, *span.text_bounds())


def _a_cited_title(span: "ProseSpan", links: "_LinkCover", start: int, end: int) -> bool:
    """Is ``span.text[start:end]`` a reference list's entry: a linked title, then its date?
    (Translations cite a paper by its own title.)"""
    if not span.in_list:
        return False
    dated = _CITATION_DATE.search(span.text[start:end])
    return dated is not None and dated.start() > 0 and links.holds(span.offset(start), span.end_offset(start + dated.start()))


# The number of a pull request or an issue that ends a change log's entry: "feat(context): add
# GetError ([#4502](…))", "Fix the parser (#812)." (An entry is the change's title, which
# translations of release notes quote as written.)
_CHANGE_NUMBER = lazy_pattern(r"(?<![\w#])#\d+ *\)? *[.;]?$")
# Or starts it, in brackets, the number linked: "[[#1732](…)] optimize(rpcinfo): …", a list
# item or a paragraph of its own.
# (One change or several: "[[#837](…) [#842](…)]", "[[#1541](…)][[#1633](…)]".)
_LEADING_CHANGE_NUMBER = lazy_pattern(r"(?:\[#\d+(?:,? *#\d+)*\] *)+\S")


# Or gives it in brackets after the change's title, with a note after it: "refactor
# ([#2967](…)). Please replace …" (an entry of a list).
_BRACKETED_CHANGE_NUMBER = lazy_pattern(r"(?<=\S) ?\(#\d+(?:, *#\d+)*\)")


def _a_change_entry(span: "ProseSpan") -> bool:
    """Is the span a change log's entry, a list item that ends with its change's number (or
    gives it in brackets after its title) or with its authors' handles (``… #469 @zenan08``,
    ``… contribute by @kim``), or one that starts with its number in brackets?"""
    if "#" not in span.text and "@" not in span.text:
        return False
    text = span.text.replace(MASK, " ").strip()
    if _LEADING_CHANGE_NUMBER.match(text) is not None:
        return True
    return span.in_list and (
        _CHANGE_NUMBER.search(text) is not None or _BRACKETED_CHANGE_NUMBER.search(text) is not None or _AUTHORS_AT_THE_END.search(text) is not None
    )


# Or ends with the handles of its authors: "fix the parser #469 @zenan08", "add a probe
# contribute by @kim and @dana" (GitHub's release notes credit them so).
_AUTHORS_AT_THE_END = lazy_pattern(r"(?<![\w@.])@[A-Za-z0-9][\w-]*(?:(?: *,| +and| *&)? +@[A-Za-z0-9][\w-]*)* *[.;]?$")


def quotes_change_entries(doc: "Document") -> bool:
    """Does the translation ``doc`` quote its change log's entries (two at least) as their
    authors wrote them, a convention of release notes (none of them holds a letter of its own
    script)? Where some
    are written in it, the translation translates them, and one left as the source's is a
    slip. (In a language of Latin letters, where scripts do not tell, they are quoted.)"""
    entries = [span for span in doc.body.prose if _a_change_entry(span)]
    if len(entries) < 2:
        return False  # (one entry is no list of release notes: a line to translate)
    return script_of(doc.locale) == "Latin" or not any(_NOT_LATIN_LETTER.search(span.text) for span in entries)


_NOT_LATIN_LETTER = lazy_pattern(r"[^\W\d_A-Za-z\u00c0-\u024f]")


# An API table's type or version, written without code marks: `(open: boolean) => void`,
# `{ start?: string }`, `(direction, event): void`, `'small' | 'large'` (a union, its bars
# spaced), `string: 5.28.0`, or a CSS value: a font stack (`Helvetica Neue, Arial,
# sans-serif`). (Only in a table cell: "(note: …)" in a paragraph is prose.)
_SIGNATURE = lazy_pattern(
    r"=>|[({,]\s*(?:\.\.\.)?[A-Za-z_$][\w$]*\??\s*:\s*[A-Za-z_${\[('\",}]|\)\s*:\s*[A-Za-z_$]| \| |\b\d+\.\d+\.\d+\b"
    r"|,\s*(?:sans-serif|serif|monospace|system-ui)\s*$"
)


# A Lisp form in a table that compares languages' commands: `(apply map list rows)`, a
# function and two arguments at least (a cell "(default value)" is prose).
# (Its words are names of functions: no function word of English, "(see the list)".)
# (A nested form is balanced, three deep at most: one way to read it, so no input makes the
# search run long, as an open ".*" between brackets did.)
_FORM = lazy_pattern(r"\((?:[a-z][\w?!*<>=+-]*|[+*/<>=-]+)(?: +(?:[a-z][\w?!*<>=+'-]*|[0-9.]+|[+*/<>=-]+|\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\))){2,} *\)")


# A list of values in a table's column of valid values: `[openai, deepseek, azure-openai]`,
# `["GET", "POST"]` (two at least; names of code, no spaces inside).
_LIST_LITERAL = lazy_pattern(r"\[ *[\w\"'.:/-]+(?: *, *[\w\"'.:/-]+)+ *,? *\]")


# A string in straight double quotes, alone in a table's cell: a parameter's default value, the
# message a program returns as it is (`"Your host is not allowed"`).
_STRING_LITERAL = lazy_pattern(r'"[^"\n]+"')


# A property's accepted values, listed between slashes: primary / success / warning,
# top/top-start/bottom-end (lower-case words and names of code: no sentence); a row's tags,
# between commas: chat, sft, 🔥, zh.
_VALUE_LIST = lazy_pattern(r"[a-z][\w-]*(?: ?/ ?[a-z][\w-]*){2,}")
_TAG = lazy_pattern(r"[^\s,/]{1,24}")


def _value_list(text: str) -> bool:
    plain = " ".join(text.replace(MASK, " ").split()).strip(" *_")
    if _VALUE_LIST.fullmatch(plain) is not None:
        return True
    tags = [tag.strip() for tag in plain.split(",")]
    return len(tags) >= 3 and all(_TAG.fullmatch(tag) and tag.lower() not in FUNCTION_WORDS for tag in tags)


def _is_form(text: str) -> bool:
    return _FORM.fullmatch(text) is not None and not any(word.strip("()") in FUNCTION_WORDS for word in text.split())


# Someone named in a list of people: a handle or a name, then a name in brackets, linked or
# not: `kimlee (Kim Lee)`, `Andrea Brandi (Italian)`. The same in every language. (Only in a
# list: a heading "Compatible Tokens (KCTs)" is a title to translate.)
_PERSON = lazy_pattern(r"[\w.-]+(?: [A-Z][\w.'’-]*){0,2} ?\( ?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3} ?\)")


def _is_person(text: str) -> bool:
    return _PERSON.fullmatch(text) is not None


def _people_thanked(text: str) -> bool:
    """Is ``text`` a list of people by their handles (`@kim, @Lee Park, @ravi`), as a release
    note thanks its contributors? Names, the same in every language."""
    items = [item.strip() for item in _LIST_SEPARATOR.split(text) if item.strip()]
    return len(items) >= _PEOPLE and all(_HANDLE.fullmatch(item) for item in items)


_PEOPLE = 3  # handles in a list of people, at least
_LIST_SEPARATOR = lazy_pattern(r"[,，、]|\band\b|&")
# A handle, or a name a chat or a forge shows after an @ (`@Tom van Dinther`), and where the
# person works, in brackets (`@Ana Lima (Acme)`).
_HANDLE = lazy_pattern(r"@[\w.'’-]+(?:@[\w.'’-]+)*(?: [\w.'’-]+){0,3}(?: ?[(（][^()（）]{1,40}[)）])?")  # (two run together: @ana@jo)


# A program's error message quoted as it prints it ("Error: ENOENT: no such file or directory",
# "TypeError: x is not a function"): a troubleshooting article's heading keeps it verbatim.
# (After what masks code, spaces and emphasis marks: "**Error: …**".)
# (After a question's number, as an FAQ's heading quotes it: "Q48: safetensors_rust.SafetensorError: …";
# and as a browser's console prints an uncaught one: "Uncaught (in promise) TypeError: …".)
_ERROR_MESSAGE = lazy_pattern(rf"[{MASK} *_]*(?:Q\d+[:：.] *)?(?:Uncaught (?:\(in promise\) )?)?(?:[A-Za-z_][\w]*\.)*(?:[A-Z][A-Za-z]*)?(?:Error|Exception): \S")


# An error wrapped as Go programs wrap them, causes joined by colons, in lower case ("failed
# get objs: failed to list objs: …"): a program's message, quoted as it prints it.
_WRAPPED_ERROR = lazy_pattern(rf"[{MASK} *_]*[a-z][a-z0-9 _'-]{{2,60}}: [a-z][a-z0-9 _'-]{{2,60}}: \S")


# JavaScript's own messages, quoted without their error's name ("h is not a function").
_RUNTIME_MESSAGE = lazy_pattern(rf"[{MASK} *_]*[\w$.]+ is not (?:a function|defined|iterable|a constructor)\b")
# A commit message in the Conventional Commits form (`fix(Button): wrong colour`), as a
# contribution guide shows them: written in English whatever the guide's language.
_CHANGELOG_MARK = lazy_pattern(r"#\d|@\w")
_COMMIT_SUBJECT = lazy_pattern(rf"[{MASK} *_]*(?:feat|fix|docs|style|refactor|perf|test|build|ci|chore|revert)(?:\([\w./$ -]*\))?!?: \S")


def is_verbatim(text: str, at: int = 0) -> bool:
    """Does ``text`` (from ``at``) start with what is quoted as it is in every language: an
    error message as a program prints it, or an example of a commit message (after masked
    text, spaces and emphasis marks)?"""
    if _ERROR_MESSAGE.match(text, at) is not None or _RUNTIME_MESSAGE.match(text, at) is not None:
        return True
    if _WRAPPED_ERROR.match(text, at) is not None:
        return True
    # A changelog's entry names its pull request or author ("#5301", "@kim"): a line to translate.
    return _COMMIT_SUBJECT.match(text, at) is not None and _CHANGELOG_MARK.search(text, at) is None


def identical_candidates(doc: "Document", source_locale: str, kept: frozenset[str] = frozenset()) -> Iterator[tuple[int, "ProseSpan"]]:
    """(text key, span) of each prose span of the body written in the source's script with
    enough words to be compared with the source's (in a Chinese translation of an English
    source, only the spans in Latin letters), less a link's text, a name, a term ``kept``
    (case-folded), a command example and an error message."""
    script = script_of(source_locale)
    if script != "Latin":
        for span in doc.body.prose:
            if worth_comparing(span.text, script):
                yield text_key(span.text), span
        return
    # One search over the whole article finds the few spans with Latin words in a
    # translation into another script, where a search per span costs one per span.
    links = _LinkCover([(link.start, link.end) for link in doc.body.links])
    quoted_entries = quotes_change_entries(doc)
    for span in doc.body_spans_with(_THREE_WORDS_ON_A_LINE):  # the title and description are not compared
        if not _only_link_name_or_command(span, kept, links, quoted_entries):
            # A span in the translation's own script is no candidate, whatever the source holds,
            # nor a quotation its text introduces; its place still is one (translation-drift
            # places facts by these spans).
            kept_as_written = _mostly_in_another_script(span.text) or (span.in_quote and span.offset(0) in doc.introduced_quotations)
            yield (NO_MATCH if kept_as_written else text_key(span.text)), span


NO_MATCH = -1  # a key no source text has (text keys are CRC-32 values: never negative)


_LATIN_LETTER = lazy_pattern(r"[A-Za-z\u00c0-\u024f]")
_EAST_ASIAN = lazy_pattern(rf"[{KANA_HAN_HANGUL}\uf900-\ufaff]")


def _mostly_in_another_script(text: str) -> bool:
    """Is ``text``, which holds three words in Latin letters, written in Chinese, Japanese or
    Korean for the most part ("本文介绍 Nacos 的 Spring Cloud 集成……")? Then it is in the
    translation's language: a source that holds it too is what is left untranslated. (A
    character of those scripts counted twice: a word of them is one or two, an English one five
    letters or so; or as many of them as English words: a sentence that names long English
    things, "为 Yurttunnel Server 生成 TLS 证书", is a Chinese one.)"""
    east_asian = len(_EAST_ASIAN.findall(text))
    return east_asian > 0 and (2 * east_asian > len(_LATIN_LETTER.findall(text)) or east_asian >= len(_LATIN_WORD_RUN.findall(text)))


_LATIN_WORD_RUN = lazy_pattern(rf"{_LETTER}+")


def source_keys(doc: "Document", source_locale: str) -> list[int]:
    """The text keys of ``doc`` (a source article): what ``identical_candidates`` gives, without
    the spans, as quickly as it can be made (every source article makes it). A span too short
    to be worth comparing gets a key as well: it costs less than the test, and no identical
    translation of it is ever compared."""
    crc32 = zlib.crc32
    return [crc32(t.encode("utf-8", "surrogatepass")) for t in (span.text for span in doc.body.prose) if len(t) >= 5]


# A title's key is apart from the paragraphs' (a title is compared with the source's title).
_TITLE_KEY_PREFIX = "\x00title\x00"
_CODE_LIKE = lazy_pattern(r"[<>()_/.@#`{}\[\]=|\\]")


def title_key(title: str) -> int:
    return text_key(_TITLE_KEY_PREFIX + title)


def title_worth_comparing(title: str, text: str, same_script: bool = False) -> bool:
    """Could ``title``, the front matter title of a translation (its file's ``text``), be
    English left untranslated if it is the source's? Not when it is a name: an API's
    (useState, <Suspense>, act, rules-of-hooks), a product's (GitLab Pages, API), or a term
    the translation writes in its text too: beside its own script (Box, in 「Box 是……的容器」),
    or, in a translation written in Latin letters as its source is (``same_script``), anywhere
    in its text (Firewall, Idempotence: a loanword, or the same word in both languages)."""
    words = title.split()
    if not words or not title.isascii() or _CODE_LIKE.search(title) is not None:
        return False
    parts = [part for word in words for part in re.split(r"[-:,'’!?]+", word) if part]
    if not parts or any(not part.isalnum() or part[1:] != part[1:].lower() for part in parts):
        return False  # GitLab, iOS, API, DOM: names
    if not any(part[0].isupper() and part.isalpha() and len(part) >= 3 for part in parts):
        return False  # lower case only (an API's name: use server, cache), or a letter
    if same_script:
        return text.casefold().count(title.casefold()) < 2  # (once: the title itself)
    # (In the text a title's word may be in lower case and singular: "Actions", "Enqueue action 是".)
    return not any(_written_among_other_script(form, text) for form in _term_forms(title))


def _term_forms(title: str) -> list[str]:
    """``title`` as a text may write it as a term: as it is, in lower case, and a one-word
    plural in the singular."""
    forms = [title, title.lower()]
    if " " not in title and len(title) > 4 and title.endswith("s") and not title.endswith("ss"):
        forms += [title[:-1], title[:-1].lower()]
    return list(dict.fromkeys(forms))


def _written_among_other_script(term: str, text: str) -> bool:
    """Does ``text`` write ``term`` beside text of a script other than Latin (「Box 是……」,
    使用 Box 處理, «Pod — это»), as a term it keeps? (Beside English, in a sentence left
    untranslated, it says nothing.)"""
    at = text.find(term)
    while at >= 0:
        # The nearest characters on each side, past spaces and dashes ("Kubernetes — это").
        before = text[max(0, at - 4) : at].rstrip(" -—–:")[-2:]
        after = text[at + len(term) : at + len(term) + 4].lstrip(" -—–:")[:2]
        if any(ch > "\u024f" and (ch.isalpha() or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef") for ch in before + after):
            return True
        at = text.find(term, at + 1)
    return False
