"""The Latin-script words of an article's prose, found once per article
(``Document.prose_words``) and shared by the rules that look at words (typo, repeated-word)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kblint.model.patterns import lazy_pattern
from kblint.model.text import LATIN

if TYPE_CHECKING:
    from kblint.model.body import JoinedProse

# Latin-script words, also inside Chinese text; digits glued to a word (KB1131abc) make it a code.
# Each part of a hyphenated word is a word of its own; a word cut by a replacement character
# (U+FFFD, a lost letter) is no word at all, nor is one glued to a Greek or Cyrillic letter
# (Сontext with a Cyrillic С: a look-alike letter, not a Latin word "ontext").
# (Its look-behind follows the first letter, so that the regex engine skips to letters.)
_GLUED = "0-9_\ufffd\u0370-\u03ff\u0400-\u052f"
WORD = lazy_pattern(rf"[{LATIN}](?<![{LATIN}{_GLUED}][{LATIN}])[{LATIN}]*+(?:['’][{LATIN}]+)?(?![{LATIN}{_GLUED}])")


# An ASCII text in lower case splits into words at every character but these. A run of them
# with a digit or an underscore holds no word (WORD wants none next to a letter); only a run
# with an apostrophe needs WORD to say what in it is a word.
_ASCII_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_'")
_ASCII_SEPARATORS = str.maketrans({chr(c): " " for c in range(128) if chr(c) not in _ASCII_WORD_CHARS})


def ascii_words(lowered: str) -> list[str]:
    """``WORD.findall(lowered)`` for an ASCII text in lower case, in a fraction of the time:
    str.split, and WORD only on the runs with an apostrophe. (A separator bounds every run, and
    WORD's look-arounds see a separator and the end of a run alike.)"""
    text = lowered.translate(_ASCII_SEPARATORS)
    if "'" not in text:
        return list(filter(str.isalpha, text.split()))  # runs with a digit or _ are not alpha
    return [word for run in text.split() for word in ((run,) if run.isalpha() else WORD.findall(run))]


def fold(text: str) -> str:
    """``text`` as the word lists spell it: lower case, with one apostrophe (’ written ')."""
    return text.lower().replace("’", "'")


@dataclass
class ProseWords:
    """An article's prose in lower case and its words, made once for the rules that look words up."""

    lowered_spans: list[str]  # each prose span in lower case, with ’ written '
    lowered: str  # those, one per line
    words: list[str]  # the WORD matches of ``lowered``, in order
    same_length: bool  # lower() kept every span's length (no İ): offsets carry over


def find_prose_words(prose: JoinedProse) -> ProseWords:
    """The words of an article's prose (``Document.prose_words`` keeps them)."""
    lowered_spans = [fold(span.text) for span in prose.spans]
    lowered = "\n".join(lowered_spans)
    words = ascii_words(lowered) if lowered.isascii() else WORD.findall(lowered)
    return ProseWords(lowered_spans, lowered, words, len(lowered) == len(prose.text))


# A spell checker's word list in a page (cspell's, as the Code Spell Checker reads it): the
# front matter's ``cSpell:ignore: word word`` and a comment's ``<!-- cspell:words word -->``.
_SPELL_CHECKER_KEYS = ("cspell:ignore", "cspell:words", "spell-checker:ignore", "spell-checker:words")
_SPELL_CHECKER_COMMENT = lazy_pattern(r"^\s*(?:cspell|spell-checker)\s*:\s*(?:ignore|words)\b(.*)$", re.IGNORECASE | re.DOTALL)


def spell_checker_words(front: dict, comments: "list[tuple[str, int]]") -> frozenset[str]:
    """The words the page tells a spell checker to accept, case-folded: names, handles and
    foreign words its writers listed on purpose."""
    written: list[str] = []
    for key, value in front.items() if front else ():
        if isinstance(key, str) and key.lower() in _SPELL_CHECKER_KEYS:
            written.extend(str(v) for v in value) if isinstance(value, list) else written.append(str(value))
    for body, _ in comments:
        m = _SPELL_CHECKER_COMMENT.match(body) if "spell" in body.lower() else None
        if m is not None:
            written.append(m.group(1))
    return frozenset(word.casefold() for text in written for word in re.split(r"[\s,;]+", text) if word)
