"""Corpus rules on two cores. Once the workers are done the parent is alone, and the corpus
rules would run one after another in it (1.7 s on the 20,000-article benchmark). Where the run
may use more than one process, a forked child (``kblint.run.forked``) runs the rules that compare
translation pairs' facts while the parent runs the others, which include every rule that writes
to the cache (the child never touches it).

The rules that compare pairs one by one (``Rule.pairwise``: translation-drift, the heaviest) are
shared: the child starts on them, and the parent, done with its own rules, takes pairs too. The
pairs are handed out in ranges, each to whichever process asks first (a counter both processes
see), so that neither waits for the other while pairs are left.

Findings come back in the order one process would have made them: rule by rule, each rule's as
it made them (a shared rule's by the index of their pair, then as made). When the child cannot
be forked or fails, the parent runs its rules itself, whole.
"""

from __future__ import annotations

import mmap
import os
from typing import Iterator

from kblint.model.finding import Finding
from kblint.rules.api import Rule
from kblint.run.article import guard
from kblint.run.forked import Forked, may_fork

# Below this many articles, forking and reading back cost more than the rules save (with the pairs
# shared, a site of 100 articles gains a little: 87 -> 77 ms, 235 articles: 131 -> 108 ms).
MIN_ARTICLES = 100


def run_rules(rules: list[Rule], corpus, config, errors: list[str], split: bool) -> list[Finding]:
    """The findings of ``rules`` over ``corpus``, in rule order, with their failures added to
    ``errors`` (see ``guard``); ``split``: the run may use a second process."""
    away = [i for i, rule in enumerate(rules) if rule.facts] if split and _may_fork(corpus) else []
    if len(away) == len(rules):
        away = []  # nothing would be left for this process to do meanwhile
    shares = _shares_for([i for i in away if rules[i].pairwise])
    child = _Child.start([(i, rules[i], shares.get(i)) for i in away], corpus, config) if away else None
    if child is None:
        away = []  # and the shares go unused: closed below
    try:
        made = {i: _one(rule, corpus, config) for i, rule in enumerate(rules) if i not in away}
        own = {i: _shared_part(rules[i], corpus, config, part) for i, part in shares.items()} if child is not None else {}
    except BaseException:
        if child is not None:
            child.stop()
        raise
    finally:
        for part in shares.values():
            part.close()
    returned = child.result() if child is not None else None
    if returned is None:  # no child, or it ended without its findings: its rules run here, whole
        returned = {i: _one(rules[i], corpus, config) for i in away}
    else:
        returned.update({i: _joined(returned[i], own[i]) for i in own})
    made.update(returned)
    produced: list[Finding] = []
    for i in range(len(rules)):
        findings, failed = made[i]
        produced.extend(findings)
        errors.extend(failed)
    return produced


def _shares_for(indexes: list[int]) -> "dict[int, _Shares]":
    """A counter for each shared rule; none at all where the system gives no shared memory or
    pipe (each rule then runs whole in the child, as the others do)."""
    made: dict[int, _Shares] = {}
    try:
        for i in indexes:
            made[i] = _Shares()
    except (OSError, ValueError):
        for part in made.values():
            part.close()
        return {}
    return made


def _one(rule: Rule, corpus, config, check=None) -> tuple[list[Finding], list[str]]:
    failed: list[str] = []
    return guard(rule, "the corpus", check or rule.check_corpus, corpus, config, errors=failed), failed


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
    def start(cls, rules: "list[tuple[int, Rule, _Shares | None]]", corpus, config) -> "_Child | None":
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


def _child_main(rules: "list[tuple[int, Rule, _Shares | None]]", corpus, config) -> dict:
    """What the child does: run ``rules``, its share of the pairs of each shared one. The
    whole ones first: the parent takes pairs as soon as its own rules are done, and the two
    then end together, where a whole rule left after the pairs kept the parent waiting."""
    made = {i: _one(rule, corpus, config) for i, rule, part in rules if part is None}
    made.update({i: _shared_part(rule, corpus, config, part) for i, rule, part in rules if part is not None})
    return made


class _Shares:
    """One shared rule's pairs, handed out in ranges of checked-article indexes to whichever
    process asks first: the next free index lives in memory both processes map (made before the
    fork), read and moved on under a lock that is one byte in a pipe."""

    def __init__(self) -> None:
        self._memory = mmap.mmap(-1, 8)  # anonymous and shared: a forked child sees the same page
        self._next = memoryview(self._memory).cast("q")
        self._lock_out, self._lock_in = os.pipe()
        os.write(self._lock_in, b"\0")
        self.at = -1

    def claims(self, total: int) -> Iterator[tuple[int, int]]:
        # Ranges of a 64th: few enough that taking one costs nothing beside the pairs' rules,
        # small enough that the process that ends first waits little for the other.
        size = max(1, total // 64)
        while True:
            os.read(self._lock_out, 1)
            start = self._next[0]
            self._next[0] = start + size
            os.write(self._lock_in, b"\0")
            if start >= total:
                return
            yield start, min(start + size, total)

    def close(self) -> None:
        self._next.release()
        self._memory.close()
        os.close(self._lock_out)
        os.close(self._lock_in)


def _shared_part(rule: Rule, corpus, config, part: _Shares) -> tuple[list[tuple[int, Finding]], list[str]]:
    """This process's share of ``rule``'s pairs: its findings, each with the index of its pair,
    and its failures (none found when it failed, as ``guard`` does)."""
    at: list[int] = []

    def noted(corpus, config) -> Iterator[Finding]:
        for finding in rule.check_corpus(corpus, config):
            at.append(part.at)
            yield finding

    corpus.pair_shares = part
    try:
        findings, failed = _one(rule, corpus, config, noted)
    finally:
        corpus.pair_shares = None
    return ([] if failed else list(zip(at, findings))), failed


def _joined(theirs: tuple[list, list[str]], ours: tuple[list, list[str]]) -> tuple[list[Finding], list[str]]:
    """A shared rule's findings in the order of their pairs, and its failures: a rule that
    failed in either process finds nothing, and says so once (the first failure met)."""
    if theirs[1] or ours[1]:
        return [], theirs[1] or ours[1]
    return [finding for _, finding in sorted(theirs[0] + ours[0], key=lambda noted: noted[0])], []
