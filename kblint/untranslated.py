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
article or a product as it is.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator

from kblint.text import MASK

if TYPE_CHECKING:
    from kblint.document import Document
    from kblint.markdown import ProseSpan

# Scripts by language subtag (Latin for any other).
_SCRIPTS = {
    "zh": "Han", "ja": "Japanese", "ko": "Hangul", "ru": "Cyrillic", "uk": "Cyrillic", "bg": "Cyrillic",
    "sr": "Cyrillic", "el": "Greek", "ar": "Arabic", "fa": "Arabic", "he": "Hebrew", "th": "Thai", "hi": "Devanagari",
}  # fmt: skip
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['’][A-Za-z]+)?")
_HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff][\u3400-\u9fff\uf900-\ufaff，、：；「」（）\s]{3,}")
# English function words: a run of source-language words that holds two of them is prose.
FUNCTION_WORDS = frozenset(
    """a an the to of and or in on at for from by with as is are was were be been being it its this that
    these those you your we our they their he she his her not no can will would should could may might
    must do does did have has had if then than but so into onto about after before when where which who
    what how all any each more most some such only also there here""".split()
)
MIN_RUN_WORDS = 4
MIN_IDENTICAL_WORDS = 3
MIN_IDENTIFIED_WORDS = 6


def script_of(locale: str) -> str:
    return _SCRIPTS.get(locale.split("-")[0].lower(), "Latin")


def text_key(text: str) -> int:
    """A hash of the words of ``text`` (case, spacing and masked runs do not count)."""
    words = " ".join(text.replace(MASK, " ").casefold().split())
    return int.from_bytes(hashlib.blake2b(words.encode("utf-8", "replace"), digest_size=8).digest(), "big")


def latin_words(text: str) -> int:
    return len(_LATIN_WORD.findall(text))


def _link_ranges(doc: "Document") -> list[tuple[int, int]]:
    return [(link.start, link.end) for link in doc.md.links if not link.autolink]


def foreign_runs(doc: "Document", source_locale: str) -> Iterator[tuple[int, int]]:
    """File offsets of the runs of ``doc``'s prose written in the source language."""
    source_script, own_script = script_of(source_locale), script_of(doc.locale)
    if doc.locale == source_locale or doc.locale.split("-")[0] == source_locale.split("-")[0]:
        return
    links = None
    for span in doc.md.prose:
        text = span.text
        if source_script == own_script:
            if source_script == "Latin" and latin_words(text) >= MIN_IDENTIFIED_WORDS:
                if identify(text.replace(MASK, " "), (source_locale, doc.locale)) == source_locale.split("-")[0]:
                    yield span.offset(0), span.end_offset(len(text))
            continue
        if source_script == "Latin":
            runs = _latin_runs(text)
        elif source_script == "Han":
            runs = [(m.start(), m.end()) for m in _HAN_RUN.finditer(text)]
        else:
            continue
        for start, end in runs:
            begin, finish = span.offset(start), span.end_offset(end)
            if links is None:
                links = _link_ranges(doc)
            if any(a <= begin and finish <= b for a, b in links):
                continue  # a link's text
            yield begin, finish


def _latin_runs(text: str) -> list[tuple[int, int]]:
    """Runs of four or more Latin words, with at most spaces and sentence punctuation between
    them, two of which are function words."""
    runs = []
    words = list(_LATIN_WORD.finditer(text))
    k = 0
    while k < len(words):
        j = k
        while j + 1 < len(words) and _joined(text[words[j].end() : words[j + 1].start()]):
            j += 1
        group = words[k : j + 1]
        if len(group) >= MIN_RUN_WORDS and sum(w.group(0).lower() in FUNCTION_WORDS for w in group) >= 2:
            runs.append((group[0].start(), group[-1].end()))
        k = j + 1
    return runs


def _joined(gap: str) -> bool:
    """Does ``gap`` keep two words in one run of prose (spaces, commas, hyphens...)?"""
    return len(gap) <= 3 and all(ch in " ,;:-'’\"()/\n" for ch in gap)


@lru_cache(maxsize=1)
def _identifier():
    from py3langid import langid

    return langid.LanguageIdentifier.from_modelpath(langid.MODEL_DIR / langid.MODEL_FILE, norm_probs=True)


def identify(text: str, locales: tuple[str, ...]) -> str | None:
    """The language of ``text`` among ``locales`` (language subtags), by py3langid."""
    identifier = _identifier()
    languages = sorted({locale.split("-")[0].lower() for locale in locales})
    if len(languages) < 2:
        return None
    identifier.set_languages(languages)
    language, probability = identifier.classify(text)
    return language if probability >= 0.9 else None


_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def worth_comparing(text: str) -> bool:
    """Has ``text`` enough words that a translation identical to it was not translated?
    (Three Latin words, or six Chinese characters: less is a name or a label.)"""
    return latin_words(text) >= MIN_IDENTICAL_WORDS or len(_HAN.findall(text)) >= 2 * MIN_IDENTICAL_WORDS


def identical_candidates(doc: "Document") -> Iterator[tuple[int, "ProseSpan"]]:
    """(text key, span) of each prose span with enough words to be compared with the source's."""
    for span in doc.md.prose:
        if worth_comparing(span.text):
            yield text_key(span.text), span
