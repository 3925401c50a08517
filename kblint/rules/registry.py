"""The one place rules are assembled: the built-in ones, one module each, and the rule packs."""

from __future__ import annotations

import re
from typing import Iterable

from kblint.rules.api import Rule
from kblint.rules.catalog import deferred_rules


def registry_for(config) -> "Registry":
    """Every rule a configuration can select: the built-in ones and its rule packs. A pack
    that cannot be used is a configuration error."""
    from kblint.model.config import ConfigError
    from kblint.rules.packs import PackError, load_packs

    try:
        return Registry([*builtin_rules(), *load_packs(config.packs, config.memo_folder)])
    except (PackError, ValueError) as error:
        raise ConfigError(str(error)) from error


def builtin_rules() -> list[Rule]:
    """The built-in rules, described by ``kblint.rules.catalog`` without importing their modules:
    each is imported when the run first calls one of its checks."""
    return deferred_rules()


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
