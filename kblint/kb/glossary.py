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
from pathlib import Path

import yaml

from kblint.formats import yamlsafe
from kblint.model.glossary import Glossary


class GlossaryError(Exception):
    """A glossary that cannot be used: reported as a configuration error."""


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
