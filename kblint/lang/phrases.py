"""Which phrases a source article writes in its sentences, kept compressed in its summary.

translation-drift asks of a source whether it writes, as plain words, a phrase its translation
sets as code (`etcd cluster`, `502 Bad Gateway`): nothing was added, only the words' type
changed. The source's prose, in lower case, is kept as compressed text: a third of its size,
made in a tenth of a millisecond for a page of 3,500 characters, and read only for a pair whose
translation sets such a phrase as code."""

from __future__ import annotations

import base64
import re
import zlib
from typing import Iterable

from kblint.model.text import MASK

# A word: letters and digits, joined into one by a hyphen, a dot, a slash, a colon, an
# underscore or an at sign between them (kube-controller-manager, 1.5, cipher_suites.go,
# go/src/crypto: one word each, so that a path names no phrase of its parts).
_WORD = re.compile(r"[^\W_]+(?:[-./:_@][^\W_]+)*")
# A phrase of words and digits only, two at least, spaced or hyphenated (not a command's
# options, a call or a path, which the comparison keeps as code).
_PHRASE = re.compile(r"[^\W_]+(?:[ -][^\W_]+)+")
# Where a phrase's words stand alone: no word, nor a word and its joining mark, on either side.
_BEFORE = r"(?<!\w)(?<![^\W_][-./:_@])"
_AFTER = r"(?!\w)(?![-./:_@][^\W_])"


def packed_prose(texts: Iterable[str]) -> str:
    """``texts`` (prose, code masked with MASK) in lower case, one after the other with a MASK
    between them, compressed: what a summary keeps."""
    text = MASK.join(texts).lower().encode("utf-8", "surrogatepass")
    return base64.b64encode(zlib.compress(text, 6)).decode("ascii") if text else ""


def unpacked_prose(kept: str) -> str:
    """The text ``packed_prose`` kept."""
    return zlib.decompress(base64.b64decode(kept)).decode("utf-8", "surrogatepass") if kept else ""


def is_phrase(text: str) -> bool:
    """Is ``text`` words alone (two at least), as prose writes them?"""
    return _PHRASE.fullmatch(text) is not None


def phrase_in(phrase: str, prose: str) -> bool:
    """Does ``prose`` (lower case, as ``unpacked_prose`` gives it) write the words of ``phrase``
    one after the other, spaced, in one sentence (no code between them)?"""
    words = _WORD.findall(phrase.lower())
    if len(words) < 2:
        return False
    return re.search(_BEFORE + r"\s+".join(map(re.escape, words)) + _AFTER, prose) is not None
