"""The built-in rules' metadata, read without importing the rules.

Each rule is one module (see ``kblint.rules``), and importing the 33 of them, with what they
import, is a fifth of a run the cache serves whole (a pre-commit hook, a warm run), which
calls none of their checks. ``catalog_data`` holds what such a run reads of each rule (code,
name, severity, documentation, the facts it reads…), made from the modules by
``python -m kblint.rules.catalog``; a test fails when it is not what the modules say.

``deferred_rules`` makes the rules from it. A check, ``prepare`` or corpus check of such a
rule is a ``_Deferred`` function: its first call imports the rule's module and puts the
module's own function in the rule's place, so that later calls (and the workers a run forks
after linting its first files) call the rule's function directly.
"""

from __future__ import annotations

import importlib
import pprint
import sys
import textwrap
import weakref
from pathlib import Path
from typing import Any, Iterable

from kblint.model.finding import Severity
from kblint.rules.api import Rule

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
    "incomplete_image",
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


# The functions a rule may have: a deferred rule has a _Deferred where the module's has one.
FUNCTIONS = ("check", "check_corpus", "check_file", "prepare", "place_key")
DATA_MODULE = Path(__file__).with_name("catalog_data.py")


class _Deferred:
    """A rule's function, imported with its module when first called."""

    __slots__ = ("rule", "module", "field", "real")

    def __init__(self, rule: Rule, module: str, field: str) -> None:
        # The rule holds this in its field: held back weakly, a rule never run (one that is
        # off) is freed by reference counting, not left to the cyclic collector.
        self.rule, self.module, self.field, self.real = weakref.ref(rule), module, field, None

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return (self.real or self.resolve())(*args, **kwargs)

    def resolve(self) -> Any:
        """The module's function, imported, and put in the rule's place of this one: later reads
        of the field get the function itself."""
        if self.real is None:
            self.real = getattr(importlib.import_module(f"kblint.rules.{self.module}").RULE, self.field)
            rule = self.rule()
            if rule is not None:
                setattr(rule, self.field, self.real)
        return self.real

    def __repr__(self) -> str:
        return f"<{self.field} of kblint.rules.{self.module}, not imported yet>"


def deferred_rules() -> list[Rule]:
    """The built-in rules, in code order, as ``catalog_data`` describes them."""
    from kblint.corpus.contributed import BY_NAME
    from kblint.rules.catalog_data import RULES

    rules = []
    for entry in RULES:
        rule = Rule(
            entry["code"], entry["name"], Severity[entry["severity"]], entry["summary"], entry["documentation"],
            fix=entry["fix"], unsafe_reason=entry["unsafe_reason"], enabled_by_default=entry["enabled_by_default"],
            needs=frozenset(entry["needs"]), languages=tuple(entry["languages"]),
            facts=tuple(BY_NAME[name] for name in entry["facts"]), pairwise=entry["pairwise"], text_alone=entry["text_alone"],
        )  # fmt: skip
        for field in entry["functions"]:
            setattr(rule, field, _Deferred(rule, entry["module"], field))
        rules.append(rule)
    return rules


def resolve(rules: Iterable[Rule]) -> None:
    """Import the modules of ``rules`` that are deferred, and put their functions in place: a
    run calls this before it lints a file or runs its corpus rules, so that the workers it forks
    share the modules it imported, as they would share rules imported at the start."""
    for rule in rules:
        for field in FUNCTIONS:
            value = getattr(rule, field)
            if isinstance(value, _Deferred):
                value.resolve()


def describe(module: str, rule: Rule) -> dict[str, Any]:
    """What ``catalog_data`` holds of the rule defined by ``kblint.rules.<module>``."""
    return {
        "module": module,
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity.name,
        "summary": rule.summary,
        "documentation": rule.documentation,
        "fix": rule.fix,
        "unsafe_reason": rule.unsafe_reason,
        "enabled_by_default": rule.enabled_by_default,
        "needs": sorted(rule.needs),
        "languages": list(rule.languages),
        "facts": [fact.name for fact in rule.facts],
        "pairwise": rule.pairwise,
        "text_alone": rule.text_alone,
        "functions": [field for field in FUNCTIONS if getattr(rule, field) is not None],
    }


def imported_rules() -> list[Rule]:
    """The built-in rules as their modules define them (what the catalog describes)."""
    return [importlib.import_module(f"kblint.rules.{module}").RULE for module in BUILTIN_MODULES]


def entries() -> list[dict[str, Any]]:
    """What ``catalog_data`` should hold, made from the rule modules themselves."""
    return [describe(module, rule) for module, rule in zip(BUILTIN_MODULES, imported_rules())]


def is_current() -> bool:
    """Does ``catalog_data`` hold what the rule modules say? (Compared as data: the text's
    layout is pprint's, which another Python may lay out otherwise.)"""
    from kblint.rules import catalog_data

    return list(importlib.reload(catalog_data).RULES) == entries()


def data_source() -> str:
    """The text of ``catalog_data.py``, made from the rule modules themselves."""
    lines = [
        '"""The built-in rules\' metadata, made from their modules by `python -m kblint.rules.catalog`:',
        'not edited by hand (see kblint.rules.catalog)."""',
        "",
        "RULES = (",
    ]
    lines += [textwrap.indent(pprint.pformat(entry, width=100, sort_dicts=False), "    ") + "," for entry in entries()]
    lines += [")", ""]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Write ``catalog_data.py`` again; with ``--check``, only say whether it is current."""
    if "--check" in argv:
        if not is_current():
            print(f"{DATA_MODULE} is not what the rules say: run python -m kblint.rules.catalog", file=sys.stderr)
            return 1
        return 0
    text = data_source()
    if text != (DATA_MODULE.read_text("utf-8") if DATA_MODULE.exists() else ""):
        DATA_MODULE.write_text(text, "utf-8")
        print(f"wrote {DATA_MODULE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
