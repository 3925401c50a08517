"""The terminology a knowledge base keeps: a glossary named in the configuration.

YAML::

    terms:                          # source term -> its required translation in each locale
      recovery code: {zh-Hant: 復原碼, zh-Hans: [恢复码, 恢复代码]}
      vault: {zh-Hant: 保管庫}
    keep: [Vaultline, GPG]          # never translated: product names, commands

or CSV, one term a row, a header naming the locales (``term,zh-Hant,zh-Hans``); a row with no
translation is a term to keep as it is. Several forms of one translation are separated by
``|`` in CSV.

Matching: a source term is found whole (not inside another word), in any case and in its plural
(``recovery codes``); a translation or a term to keep is found as written (Latin letters in any
case). Text inside ``[!DNL …]`` is a term to keep for that article. A term or translation with
no text, and a term listed twice (in any case), are errors of the glossary.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kblint.formats import yamlsafe
class GlossaryError(Exception):
    """A glossary that cannot be used: reported as a configuration error."""


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


def load_glossary(path: Path) -> Glossary:
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise GlossaryError(f"{path}: cannot be read: {error}") from error
    if path.suffix.lower() == ".csv":
        return _from_csv(text, path)
    try:
        node = yamlsafe.compose(text)
    except yaml.YAMLError as error:
        raise GlossaryError(f"{path}: invalid YAML: {getattr(error, 'problem', error)}") from error
    if node is None:
        return Glossary()
    if not isinstance(node, yaml.MappingNode):
        raise GlossaryError(f"{path}: a glossary is a mapping with 'terms' and 'keep'")
    glossary = Glossary()
    for key, value in node.value:
        name = key.value if isinstance(key, yaml.ScalarNode) else None
        if name == "terms":
            glossary.terms = _terms(value, path)
        elif name == "keep":
            glossary.keep = _keep(value, path)
        else:
            raise GlossaryError(f"{path}: unknown key '{name}'")
    return glossary


# The glossary is read from its nodes, not constructed: each term keeps its line for the
# errors below, and a term written twice is seen (a mapping would keep only the last).


def _text(node: yaml.Node) -> str | None:
    """A scalar's text as written (``yes`` stays yes, ``1.0`` stays 1.0); None for null or
    anything that is not a scalar."""
    if not isinstance(node, yaml.ScalarNode) or node.tag == "tag:yaml.org,2002:null":
        return None
    return node.value


def _terms(node: yaml.Node, path: Path) -> dict[str, dict[str, list[str]]]:
    if _text(node) is None and isinstance(node, yaml.ScalarNode):
        return {}  # "terms:" with nothing under it
    if not isinstance(node, yaml.MappingNode):
        raise GlossaryError(f"{path}: terms: a mapping of source terms to translations by locale")
    terms: dict[str, dict[str, list[str]]] = {}
    lines: dict[str, int] = {}
    for key, value in node.value:
        line = key.start_mark.line + 1
        term = (_text(key) or "").strip()
        if not term:
            raise GlossaryError(f"{path}: terms: line {line}: a term with no text")
        if term.lower() in lines:  # found in any case: a second spelling would never be found
            raise GlossaryError(f"{path}: terms: '{term}' is listed twice (lines {lines[term.lower()]} and {line}): keep one")
        lines[term.lower()] = line
        if not isinstance(value, yaml.MappingNode):
            raise GlossaryError(f"{path}: terms: {term}: a mapping of locales to translations")
        terms[term] = {}
        for locale, forms in value.value:
            values = forms.value if isinstance(forms, yaml.SequenceNode) else [forms]
            if not (_text(locale) or "").strip():
                raise GlossaryError(f"{path}: terms: {term}: a locale with no text (line {locale.start_mark.line + 1})")
            if not all(isinstance(v, yaml.ScalarNode) for v in values):
                raise GlossaryError(f"{path}: terms: {term}: {_text(locale)}: a translation or a list of them (line {forms.start_mark.line + 1})")
            written = [(_text(v) or "").strip() for v in values]
            if not all(written):
                raise GlossaryError(f"{path}: terms: {term}: {_text(locale)}: a translation with no text (line {forms.start_mark.line + 1})")
            terms[term][_text(locale).strip()] = written
    return terms


def _keep(node: yaml.Node, path: Path) -> list[str]:
    if _text(node) is None and isinstance(node, yaml.ScalarNode):
        return []
    if not isinstance(node, yaml.SequenceNode):
        raise GlossaryError(f"{path}: keep: a list of terms never translated")
    keep: list[str] = []
    lines: dict[str, int] = {}
    for item in node.value:
        line = item.start_mark.line + 1
        term = (_text(item) or "").strip()
        if not term:
            raise GlossaryError(f"{path}: keep: line {line}: a term with no text")
        if term.lower() in lines:
            raise GlossaryError(f"{path}: keep: '{term}' is listed twice (lines {lines[term.lower()]} and {line}): keep one")
        lines[term.lower()] = line
        keep.append(term)
    return keep


def _from_csv(text: str, path: Path) -> Glossary:
    rows = [(number, row) for number, row in enumerate(csv.reader(io.StringIO(text)), 1) if row and any(cell.strip() for cell in row)]
    if not rows:
        return Glossary()
    header = [cell.strip() for cell in rows[0][1]]
    if len(header) < 2:
        raise GlossaryError(f"{path}: the first row names the columns: term, then one locale a column")
    glossary = Glossary()
    seen: dict[str, int] = {}
    for number, row in rows[1:]:
        term = row[0].strip()
        if not term:
            raise GlossaryError(f"{path}: row {number}: a term with no text")
        if term.lower() in seen:
            raise GlossaryError(f"{path}: '{term}' is listed twice (rows {seen[term.lower()]} and {number}): keep one")
        seen[term.lower()] = number
        forms = {
            header[k]: [v.strip() for v in cell.split("|") if v.strip()]
            for k, cell in enumerate(row[1:], 1)
            if k < len(header) and cell.strip()
        }
        if forms:
            glossary.terms[term] = forms
        else:
            glossary.keep.append(term)
    return glossary
