"""Corpus rules on two cores. Once the workers are done the parent is alone, and the corpus
rules would run one after another in it (1.7 s on the 20,000-article benchmark). Where the run
may use more than one process, a forked child (``kblint.run.forked``) runs the rules that compare
translation pairs' facts while the parent runs the others, which include every rule that writes
to the cache (the child never touches it).

Findings come back in the order one process would have made them: rule by rule, each rule's as
it made them. When the child cannot be forked or fails, the parent runs its rules itself.
"""

from __future__ import annotations

from kblint.model.finding import Finding
from kblint.rules.api import Rule
from kblint.run.article import guard
from kblint.run.forked import Forked, may_fork

# Below this many articles, forking and reading back cost more than the rules.
MIN_ARTICLES = 300


def run_rules(rules: list[Rule], corpus, config, errors: list[str], split: bool) -> list[Finding]:
    """The findings of ``rules`` over ``corpus``, in rule order, with their failures added to
    ``errors`` (see ``guard``); ``split``: the run may use a second process."""
    away = [i for i, rule in enumerate(rules) if rule.facts] if split and _may_fork(corpus) else []
    if len(away) == len(rules):
        away = []  # nothing would be left for this process to do meanwhile
    child = _Child.start([(i, rules[i]) for i in away], corpus, config) if away else None
    try:
        made = {i: _one(rule, corpus, config) for i, rule in enumerate(rules) if i not in away}
    except BaseException:
        if child is not None:
            child.stop()
        raise
    returned = child.result() if child is not None else None
    if returned is None:  # no child, or it ended without its findings: its rules run here
        returned = {i: _one(rules[i], corpus, config) for i in away}
    made.update(returned)
    produced: list[Finding] = []
    for i in range(len(rules)):
        findings, failed = made[i]
        produced.extend(findings)
        errors.extend(failed)
    return produced


def _one(rule: Rule, corpus, config) -> tuple[list[Finding], list[str]]:
    failed: list[str] = []
    return guard(rule, "the corpus", rule.check_corpus, corpus, config, errors=failed), failed


def _may_fork(corpus) -> bool:
    """Forking is safe (``forked.may_fork``) and worth it: a corpus that holds every article it
    is asked for (one read from the cache on demand would share the database) and is large
    enough."""
    return may_fork() and not corpus.reads_on_demand and len(corpus.articles) >= MIN_ARTICLES


class _Child:
    """A forked process running some rules; its findings come back by the index of their rule."""

    def __init__(self, forked: Forked) -> None:
        self.forked = forked

    @classmethod
    def start(cls, rules: list[tuple[int, Rule]], corpus, config) -> "_Child | None":
        forked = Forked.start(lambda: _child_main(rules, corpus, config))
        return cls(forked) if forked is not None else None

    def stop(self) -> None:
        self.forked.stop()

    def result(self) -> "dict[int, tuple[list[Finding], list[str]]] | None":
        """The child's findings and failures by the index of their rule; None when it ended
        without them."""
        outcome = self.forked.result()
        if outcome is None:
            return None
        kind, payload = outcome
        if kind == "raise":  # what guard lets through (a user's pattern too slow): as here
            raise payload
        return payload


def _child_main(rules: list[tuple[int, Rule]], corpus, config) -> dict[int, tuple[list[Finding], list[str]]]:
    """What the child does: run ``rules``."""
    return {i: _one(rule, corpus, config) for i, rule in rules}
