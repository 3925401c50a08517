"""The rules API and the registry of built-in rules.

A rule is one module that defines ``RULE``: its metadata (code, kebab-case name, default
severity, summary, documentation, fix safety) beside the function that does the work. There
are three kinds of check, each given what it needs and nothing more:

- ``check_file(relpath, data, config)``: the raw bytes, before parsing (binary files, size);
- ``check(doc, config)``: one parsed Document;
- ``check_corpus(corpus, config)``: every Document and the reference graph.

Checks yield Findings; they never read files or print.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Iterable

from kblint.finding import Edit, Finding, Fix, Severity

if TYPE_CHECKING:
    from kblint.config import Config
    from kblint.corpus import Corpus
    from kblint.document import Document

CODE_PATTERN = re.compile(r"^[A-Z]{2,4}[0-9]{3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
FIX_SAFETY = ("safe", "unsafe", "none")


@lru_cache(maxsize=1024)
def _applies(languages: tuple[str, ...], locale: str) -> bool:
    """Does a rule for ``languages`` (``en``, ``zh-*``, ``*``) apply to ``locale``? Asked for
    every rule and file: answered once per pair."""
    return any(
        locale == lang or locale.startswith(lang.rstrip("*").rstrip("-") + "-") or lang == "*" for lang in languages
    )


@dataclass
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    documentation: str  # Markdown: what, why, an example that fires, one that does not
    fix: str = "none"  # "safe", "unsafe" or "none"
    enabled_by_default: bool = True
    check: Callable[["Document", "Config"], Iterable[Finding]] | None = None
    check_corpus: Callable[["Corpus", "Config"], Iterable[Finding]] | None = None
    check_file: Callable[[str, bytes, "Config"], Iterable[Finding]] | None = None
    origin: str = "built-in"  # or the path of the pack that defines it
    # A corpus rule that reads every article's references, not only the checked articles'.
    needs_all_details: bool = False
    languages: tuple[str, ...] = field(default=())  # locale prefixes it applies to; () for any

    def __post_init__(self) -> None:
        if not CODE_PATTERN.match(self.code):
            raise ValueError(f"rule code {self.code!r} must be 2-4 upper-case letters and 3 digits")
        if not NAME_PATTERN.match(self.name):
            raise ValueError(f"rule name {self.name!r} must be kebab-case")
        if self.fix not in FIX_SAFETY:
            raise ValueError(f"rule {self.name}: fix must be one of {FIX_SAFETY}")

    @property
    def is_corpus_rule(self) -> bool:
        return self.check_corpus is not None

    def applies_to(self, locale: str) -> bool:
        return not self.languages or _applies(tuple(self.languages), locale)

    # -- building findings
    def finding(
        self,
        doc: "Document",
        start: int,
        end: int,
        message: str,
        replacement: str | None = None,
        safe: bool | None = None,
        fix_description: str = "",
    ) -> Finding:
        """A finding over file offsets ``start``..``end`` of ``doc``, with an optional fix that
        replaces that text."""
        if replacement is not None and end > start and doc.crosses_prose(start, end):
            # The prose range spans markup the prose does not show (a link's destination
            # between two words): reported, never edited, and only as far as its first piece.
            replacement = None
        line, column = doc.position(start)
        end_line, end_column = doc.position(max(end, start))
        edit = Edit(start, end, replacement or "", line, column, end_line, end_column)
        fix = self._fix(edit, replacement, safe, fix_description)
        return self._finding(doc.relpath, edit, message, fix, doc.text[start:end][:200])

    def finding_span(
        self,
        summary,
        span,
        message: str,
        replacement: str | None = None,
        safe: bool | None = None,
        fix_description: str = "",
        edit_span=None,
    ) -> Finding:
        """A finding over a resolved ``Span`` of an article summary (for corpus rules); its fix
        replaces that text, or ``edit_span``'s (a reference link's destination is written in
        its definition, away from the link)."""
        where = Edit(span.start, span.end, "", span.line, span.column, span.end_line, span.end_column)
        target = edit_span or span
        edit = Edit(target.start, target.end, replacement or "", target.line, target.column, target.end_line, target.end_column)
        fix = self._fix(edit, replacement, safe, fix_description)
        return self._finding(summary.relpath, where, message, fix, f"{summary.id}:{message}"[:200])

    def _fix(self, edit: Edit, replacement: str | None, safe: bool | None, description: str) -> Fix | None:
        if replacement is None:
            return None
        return Fix((edit,), self.fix == "safe" if safe is None else safe, description)

    def _finding(self, path: str, where: Edit, message: str, fix: Fix | None, context: str) -> Finding:
        """A finding of this rule at the place ``where`` describes."""
        return Finding(
            path=path,
            line=where.line,
            column=where.column,
            end_line=where.end_line,
            end_column=where.end_column,
            code=self.code,
            name=self.name,
            severity=self.severity,
            message=message,
            fix=fix,
            context=context,
        )

    def finding_at(
        self, relpath: str, line: int, column: int, message: str, end_line: int = 0, end_column: int = 0, context: str = ""
    ) -> Finding:
        return Finding(
            path=relpath,
            line=line,
            column=column,
            end_line=end_line or line,
            end_column=end_column or column,
            code=self.code,
            name=self.name,
            severity=self.severity,
            message=message,
            context=context,
        )


# The built-in rules, one module each, in code order.
BUILTIN_MODULES = (
    "invalid_encoding",
    "binary_file",
    "file_too_large",
    "front_matter",
    "duplicate_id",
    "unreadable_file",
    "broken_reference",
    "self_reference",
    "ref_title_mismatch",
    "dangling_reference",
    "orphan_article",
    "broken_link",
    "broken_anchor",
    "wrong_locale_link",
    "redirected_link",
    "typo",
    "repeated_word",
    "unbalanced_quote",
    "unbalanced_bracket",
    "empty_section",
    "numbering_gap",
    "missing_translation",
    "translation_drift",
    "translation_outdated",
    "mixed_script",
    "mojibake",
    "cjk_punctuation",
    "cjk_spacing",
    "regional_variant",
    "untranslated_text",
    "glossary_term",
    "inconsistent_translation",
)


def registry_for(config) -> "Registry":
    """Every rule a configuration can select: the built-in ones and its rule packs. A pack
    that cannot be used is a configuration error."""
    from kblint.config import ConfigError
    from kblint.packs import PackError, load_packs

    try:
        return Registry([*builtin_rules(), *load_packs(config.packs)])
    except (PackError, ValueError) as error:
        raise ConfigError(str(error)) from error


def builtin_rules() -> list[Rule]:
    return [importlib.import_module(f"kblint.rules.{module}").RULE for module in BUILTIN_MODULES]


class Registry:
    """All rules that exist in this run: the built-in ones and those of the rule packs."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules: list[Rule] = []
        self._by_key: dict[str, Rule] = {}
        for rule in rules:
            self.add(rule)

    def add(self, rule: Rule) -> None:
        for key in (rule.code, rule.name):
            if key in self._by_key:
                other = self._by_key[key]
                raise ValueError(f"rule {rule.name} ({rule.origin}) reuses '{key}' of {other.name} ({other.origin})")
        self._by_key[rule.code] = rule
        self._by_key[rule.name] = rule
        self.rules.append(rule)

    def get(self, key: str) -> Rule | None:
        return self._by_key.get(key) or self._by_key.get(key.upper())

    def __iter__(self):
        return iter(sorted(self.rules, key=lambda r: r.code))

    def select(self, select: list[str], ignore: list[str], extend: list[str] = ()) -> list[Rule]:
        """Rules to run: ``select`` (or the default-on ones), plus ``extend``, minus ``ignore``.

        Keys are names, codes, or code prefixes such as ``KL2`` or ``ALL``."""
        def matching(key: str) -> list[Rule]:
            rule = self.get(key)
            if rule:
                return [rule]
            if key.upper() == "ALL":
                return list(self.rules)
            prefixed = [r for r in self.rules if r.code.startswith(key.upper())]
            if prefixed and re.fullmatch(r"[A-Za-z]+[0-9]*", key):
                return prefixed
            raise KeyError(key)

        chosen: dict[str, Rule] = {}
        base = [r for key in select for r in matching(key)] if select else [r for r in self.rules if r.enabled_by_default]
        for rule in base + [r for key in extend for r in matching(key)]:
            chosen[rule.code] = rule
        for key in ignore:
            for rule in matching(key):
                chosen.pop(rule.code, None)
        return sorted(chosen.values(), key=lambda r: r.code)
