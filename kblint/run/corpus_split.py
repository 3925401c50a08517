"""Corpus rules on two cores. Once the workers are done the parent is alone, and the corpus
rules would run one after another in it (1.7 s on the 20,000-article benchmark). Where the run
may use more than one process, a forked child runs the rules that compare translation pairs'
facts while the parent runs the others, which include every rule that writes to the cache (the
child never touches it: a database connection must not be shared across a fork). What the
child sends back is pickled: it is this process's own copy, not outside input.

Findings come back in the order one process would have made them: rule by rule, each rule's as
it made them. When the child cannot be forked or fails, the parent runs its rules itself.
"""

from __future__ import annotations

import os
import pickle
import threading
from typing import Any

from kblint.model.finding import Finding
from kblint.rules.api import Rule
from kblint.run.article import guard

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
    """Forking is safe and worth it: a platform that forks, no other thread (one could hold a
    lock the child would wait for forever), a corpus that holds every article it is asked for
    (one read from the cache on demand would share the database) and is large enough."""
    return hasattr(os, "fork") and threading.active_count() == 1 and not corpus.reads_on_demand and len(corpus.articles) >= MIN_ARTICLES


class _Child:
    """A forked process running some rules; its findings come back pickled through a pipe."""

    def __init__(self, pid: int, reader: int) -> None:
        self.pid, self.reader = pid, reader

    @classmethod
    def start(cls, rules: list[tuple[int, Rule]], corpus, config) -> "_Child | None":
        try:
            reader, writer = os.pipe()
            pid = os.fork()
        except OSError:
            return None
        if pid == 0:  # the child: never returns
            os.close(reader)
            _child_main(rules, corpus, config, writer)
        os.close(writer)
        return cls(pid, reader)

    def stop(self) -> None:
        """End the child (the parent is ending the run otherwise)."""
        import signal

        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            os.close(self.reader)
        except OSError:
            pass

    def result(self) -> "dict[int, tuple[list[Finding], list[str]]] | None":
        """The child's findings and failures by the index of their rule; None when it ended
        without them."""
        chunks = []
        with os.fdopen(self.reader, "rb") as pipe:
            while chunk := pipe.read(1 << 20):
                chunks.append(chunk)
        _, status = os.waitpid(self.pid, 0)
        if status != 0 or not chunks:
            return None
        try:
            kind, payload = pickle.loads(b"".join(chunks))
        except Exception:
            return None
        if kind == "raise":  # what guard lets through (a user's pattern too slow): as here
            raise payload
        return payload


def _child_main(rules: list[tuple[int, Rule]], corpus, config, writer: int) -> None:
    """Run ``rules``, write what they made to ``writer``, and end without running anything
    the parent set to run at exit (its cache, its temporary files)."""
    import gc

    gc.disable()  # a short life: no collector passes over the parent's objects
    code = 0
    try:
        payload: Any = ("done", {i: _one(rule, corpus, config) for i, rule in rules})
        data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException as error:  # noqa: BLE001 - carried to the parent, which raises it
        try:
            data = pickle.dumps(("raise", error))
        except Exception:
            data, code = b"", 1
    try:
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(data)
    except BaseException:  # noqa: BLE001 - the parent sees no findings and runs the rules
        code = 1
    os._exit(code)
