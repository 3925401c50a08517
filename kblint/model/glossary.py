"""A glossary's terms as a value, and how they are found in text (the matching rules are in
``kblint.kb.glossary``, which reads the glossary's file)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class Glossary:
    """The glossary: each term's translations by locale, and the terms kept as they are."""

    terms: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # term -> locale -> forms
    keep: list[str] = field(default_factory=list)
    _matcher: "_Matcher | None" = None

    def strings(self) -> list[str]:
        """Every string the glossary looks for: terms, translations, terms to keep."""
        found = set(self.terms) | set(self.keep)
        for forms in self.terms.values():
            for values in forms.values():
                found.update(values)
        return sorted(found, key=lambda s: (-len(s), s))

    def find(self, text: str) -> set[str]:
        """The glossary strings present in ``text``: from left to right, at each place the
        longest string written there (in any case; a source term also in its plural), whole
        where it begins or ends with a letter or digit."""
        if self._matcher is None:
            self._matcher = _Matcher(self.strings(), set(self.terms))
        return self._matcher.find(text)


_WORD = re.compile(r"[a-z0-9_]+")
_WORD_CHAR = re.compile(r"[A-Za-z0-9_]")
_PLURALS = ("es", "s", "")  # the longest first, as an alternation of them would try them


class _Bucket:
    """The strings that begin with one word (or one character): looked up by their text, one
    slice of each length there is, longest first."""

    def __init__(self) -> None:
        self.strings: dict[str, tuple[str, bool]] = {}  # lowered -> (name, may be plural)
        self.lengths: list[int] = []

    def add(self, lowered: str, name: str, plural: bool) -> None:
        self.strings[lowered] = (name, plural)
        if len(lowered) not in self.lengths:
            self.lengths.append(len(lowered))
            self.lengths.sort(reverse=True)

    def longest(self, lowered: str, at: int, plural_only: bool = False) -> tuple[int, str] | None:
        """(end, name) of the longest of these strings written at ``at``, whole, else None."""
        for length in self.lengths:
            if at + length > len(lowered):
                continue  # runs past the end of the text
            found = self.strings.get(lowered[at : at + length])
            if found is None or (plural_only and not found[1]):
                continue
            name, plural = found
            whole = _WORD_CHAR.match(lowered[at + length - 1]) is not None
            for suffix in _PLURALS if plural else ("",):
                end = at + length
                if suffix and not lowered.startswith(suffix, end):
                    continue
                end += len(suffix)
                if not whole or end >= len(lowered) or not _WORD_CHAR.match(lowered[end]):
                    return end, name
        return None


class _Matcher:
    """Finds glossary strings without one big regular expression (whose compilation, for a
    glossary of 100,000 terms, takes minutes and gigabytes). A string that begins with a
    letter or digit can only start a word: it is looked up among those that begin with the
    word. Any other is looked up by its first character, at the places a regex of those
    characters finds."""

    def __init__(self, strings: list[str], terms: set[str]) -> None:
        self.by_word: dict[str, _Bucket] = {}
        self.by_char: dict[str, _Bucket] = {}
        names: dict[str, str] = {}
        for string in strings:
            lowered = string.lower()
            if not lowered or names.setdefault(lowered, string) != string:
                continue  # the same string in another case: found under the first name
            word = _WORD.match(lowered)
            index, key = (self.by_word, word.group(0)) if word is not None else (self.by_char, lowered[0])
            bucket = index.get(key)
            if bucket is None:
                bucket = index[key] = _Bucket()
            bucket.add(lowered, string, string in terms)
        starts = "".join(re.escape(c) for c in sorted(self.by_char))
        self.places = re.compile(f"[a-z0-9_]+|[{starts}]" if starts else "[a-z0-9_]+")

    def find(self, text: str) -> set[str]:
        lowered = text.lower()
        found: set[str] = set()
        resume = 0  # matches do not overlap: the next one starts after the last
        for place in self.places.finditer(lowered):
            at = place.start()
            if at < resume:
                continue
            token = place.group(0)
            match = self._at_word(lowered, at, token) if token[0] not in self.by_char else self.by_char[token[0]].longest(lowered, at)
            if match is not None:
                resume, name = match
                found.add(name)
        return found

    def _at_word(self, lowered: str, at: int, token: str) -> tuple[int, str] | None:
        """The longest string at the word ``token``: one that begins with the word, else a
        source term of one word written here in its plural (all shorter than the first)."""
        bucket = self.by_word.get(token)
        match = bucket.longest(lowered, at) if bucket is not None else None
        for suffix in ("s", "es"):
            if match is None and token.endswith(suffix) and len(token) > len(suffix):
                singular = self.by_word.get(token[: -len(suffix)])
                match = singular.longest(lowered, at, plural_only=True) if singular is not None else None
        return match
