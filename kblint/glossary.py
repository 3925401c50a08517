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
case). Text inside ``[!DNL …]`` is a term to keep for that article.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kblint import yamlsafe


class GlossaryError(Exception):
    """A glossary that cannot be used: reported as a configuration error."""


@dataclass
class Glossary:
    terms: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # term -> locale -> forms
    keep: list[str] = field(default_factory=list)
    _pattern: re.Pattern[str] | None = None
    _names: dict[str, str] = field(default_factory=dict)

    def strings(self) -> list[str]:
        """Every string the glossary looks for: terms, translations, terms to keep."""
        found = set(self.terms) | set(self.keep)
        for forms in self.terms.values():
            for values in forms.values():
                found.update(values)
        return sorted(found, key=lambda s: (-len(s), s))

    def find(self, text: str) -> set[str]:
        """The glossary strings present in ``text``."""
        if self._pattern is None:
            parts = []
            for string in self.strings():
                body = re.escape(string)
                if string in self.terms:
                    body += r"(?:s|es)?"  # a source term in its plural
                if re.match(r"\w", string, re.ASCII):
                    body = r"(?<![A-Za-z0-9_])" + body
                if re.search(r"\w$", string, re.ASCII):
                    body += r"(?![A-Za-z0-9_])"
                parts.append(body)
            self._pattern = re.compile("|".join(parts) or "(?!)", re.IGNORECASE)
            self._names = {string.casefold(): string for string in self.strings()}
        found = set()
        for m in self._pattern.finditer(text):
            written = m.group(0).casefold()
            name = self._names.get(written) or self._names.get(written[:-1]) or self._names.get(written[:-2])
            if name is not None:
                found.add(name)
        return found


def load_glossary(path: Path) -> Glossary:
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise GlossaryError(f"{path}: cannot be read: {error}") from error
    if path.suffix.lower() == ".csv":
        return _from_csv(text, path)
    try:
        data = yamlsafe.load(text) or {}
    except yaml.YAMLError as error:
        raise GlossaryError(f"{path}: invalid YAML: {getattr(error, 'problem', error)}") from error
    if not isinstance(data, dict):
        raise GlossaryError(f"{path}: a glossary is a mapping with 'terms' and 'keep'")
    glossary = Glossary()
    terms = data.get("terms") or {}
    if not isinstance(terms, dict):
        raise GlossaryError(f"{path}: terms: a mapping of source terms to translations by locale")
    for term, forms in terms.items():
        if not isinstance(forms, dict):
            raise GlossaryError(f"{path}: terms: {term}: a mapping of locales to translations")
        glossary.terms[str(term)] = {
            str(locale): [str(v) for v in (values if isinstance(values, list) else [values])] for locale, values in forms.items()
        }
    keep = data.get("keep") or []
    if not isinstance(keep, list):
        raise GlossaryError(f"{path}: keep: a list of terms never translated")
    glossary.keep = [str(k) for k in keep]
    unknown = set(data) - {"terms", "keep"}
    if unknown:
        raise GlossaryError(f"{path}: unknown key '{sorted(unknown)[0]}'")
    return glossary


def _from_csv(text: str, path: Path) -> Glossary:
    rows = [row for row in csv.reader(io.StringIO(text)) if row and any(cell.strip() for cell in row)]
    if not rows:
        return Glossary()
    header = [cell.strip() for cell in rows[0]]
    if len(header) < 2:
        raise GlossaryError(f"{path}: the first row names the columns: term, then one locale a column")
    glossary = Glossary()
    for row in rows[1:]:
        term = row[0].strip()
        forms = {
            header[k]: [v.strip() for v in cell.split("|") if v.strip()]
            for k, cell in enumerate(row[1:], 1)
            if k < len(header) and cell.strip()
        }
        if not term:
            continue
        if forms:
            glossary.terms[term] = forms
        else:
            glossary.keep.append(term)
    return glossary
