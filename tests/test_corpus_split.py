"""Corpus rules over two processes find what one process finds, in the same order, with the
same failures; a child that cannot help leaves its rules to the parent."""

from __future__ import annotations

import dataclasses
import os
import threading

import pytest

from helpers import EXAMPLES, registry
from kblint.model.userregex import SlowPattern
from kblint.run import corpus_split
from kblint.run.engine import run
from kblint.run.settings import load_config


@pytest.fixture(scope="module")
def examples():
    """The examples' corpus (complete: no cache), its configuration and its corpus rules."""
    config = load_config(EXAMPLES / "kblint.yaml", EXAMPLES)
    rules = registry(config.packs).select([], [])
    result = run([EXAMPLES], config, rules, build_corpus=True)
    corpus_rules = [rule for rule in rules if rule.check_corpus is not None]
    assert any(rule.facts for rule in corpus_rules) and not all(rule.facts for rule in corpus_rules)
    return result.corpus, config, corpus_rules


@pytest.fixture(autouse=True)
def small_corpora_split(monkeypatch):
    monkeypatch.setattr(corpus_split, "MIN_ARTICLES", 0)


def both(examples, rules=None):
    corpus, config, corpus_rules = examples
    rules = corpus_rules if rules is None else rules
    alone_errors, split_errors = [], []
    alone = corpus_split.run_rules(rules, corpus, config, alone_errors, split=False)
    split = corpus_split.run_rules(rules, corpus, config, split_errors, split=True)
    return (alone, alone_errors), (split, split_errors)


def test_two_processes_find_what_one_finds_in_the_same_order(examples, monkeypatch):
    forked = []
    start = corpus_split._Child.start.__func__
    monkeypatch.setattr(corpus_split._Child, "start", classmethod(lambda cls, *a: forked.append(1) or start(cls, *a)))
    (alone, alone_errors), (split, split_errors) = both(examples)
    assert forked, "no child was forked"
    assert alone and any(f.name == "translation-drift" for f in alone)
    assert [(f, f.context) for f in split] == [(f, f.context) for f in alone]
    assert split_errors == alone_errors == []


def test_a_child_that_dies_leaves_its_rules_to_the_parent(examples, monkeypatch):
    monkeypatch.setattr(corpus_split, "_child_main", lambda *args: os._exit(3))
    (alone, _), (split, errors) = both(examples)
    assert split == alone and errors == []


def test_a_rule_that_fails_in_the_child_is_reported_as_in_one_process(examples):
    corpus, config, corpus_rules = examples

    def broken(corpus, config):
        yield from ()
        raise RuntimeError("a bug")

    rules = [dataclasses.replace(rule, check_corpus=broken) if rule.name == "translation-drift" else rule for rule in corpus_rules]
    (alone, alone_errors), (split, split_errors) = both(examples, rules)
    assert split == alone
    assert len(split_errors) == 1 and split_errors[0].startswith("rule translation-drift failed on the corpus: RuntimeError: a bug")
    assert [e.splitlines()[0] for e in split_errors] == [e.splitlines()[0] for e in alone_errors]


def test_a_pattern_too_slow_in_the_child_ends_the_run_as_in_one_process(examples):
    corpus, config, corpus_rules = examples

    def slow(corpus, config):
        raise SlowPattern("pattern 'x' took too long")
        yield

    rules = [dataclasses.replace(rule, check_corpus=slow) if rule.name == "untranslated-text" else rule for rule in corpus_rules]
    with pytest.raises(SlowPattern, match="took too long"):
        corpus_split.run_rules(rules, corpus, config, [], split=True)


def test_no_child_is_forked_while_another_thread_runs(examples, monkeypatch):
    monkeypatch.setattr(corpus_split._Child, "start", classmethod(lambda cls, *a: pytest.fail("forked beside a thread")))
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        (alone, _), (split, _) = both(examples)
    finally:
        release.set()
        other.join()
    assert split == alone


def test_a_rule_that_fails_on_one_pair_finds_nothing_and_says_so_once(examples):
    corpus, config, corpus_rules = examples
    drift = next(rule for rule in corpus_rules if rule.name == "translation-drift")

    def fails_on_the_third_pair(corpus, config):
        for k, _ in enumerate(corpus.checked_translations()):
            if k == 2:
                raise RuntimeError("a bug on one pair")
        yield from drift.check_corpus(corpus, config)

    assert len(list(corpus.checked_translations())) > 2
    rules = [dataclasses.replace(rule, check_corpus=fails_on_the_third_pair) if rule is drift else rule for rule in corpus_rules]
    (alone, alone_errors), (split, split_errors) = both(examples, rules)
    assert not any(f.name == "translation-drift" for f in split)
    assert split == alone
    assert [e.splitlines()[0] for e in split_errors] == [e.splitlines()[0] for e in alone_errors]


def test_both_processes_take_shares_of_the_pairs_and_none_twice(examples, monkeypatch):
    """The child is slowed at its first pair, so that the parent takes pairs too."""
    import time

    corpus, config, corpus_rules = examples
    taken: dict[str, list[int]] = {}
    original = corpus_split._shared_part

    def slow_start(rule, corpus, config, part):
        if os.getpid() != parent:
            time.sleep(0.3)  # the child: the parent is done with its own rules meanwhile
        findings, failed = original(rule, corpus, config, part)
        taken.setdefault(rule.name, []).extend(k for k, _ in findings)
        return findings, failed

    parent = os.getpid()
    monkeypatch.setattr(corpus_split, "_shared_part", slow_start)
    (alone, alone_errors), (split, split_errors) = both(examples)
    assert [(f, f.context) for f in split] == [(f, f.context) for f in alone] and split_errors == alone_errors == []
    assert taken["translation-drift"], "the parent took no pair"


def test_pair_shares_hand_out_every_index_once_across_a_fork():
    shares = corpus_split._Shares()
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: claims as fast as it can, writes what it took
        taken = [k for start, stop in shares.claims(10_000) for k in range(start, stop)]
        os.write(writer, ",".join(map(str, taken)).encode() or b"-")
        os._exit(0)
    os.close(writer)
    mine = [k for start, stop in shares.claims(10_000) for k in range(start, stop)]
    with os.fdopen(reader, "rb") as pipe:
        text = pipe.read().decode()
    os.waitpid(pid, 0)
    theirs = [int(k) for k in text.split(",")] if text != "-" else []
    shares.close()
    assert sorted(mine + theirs) == list(range(10_000))


def test_a_child_that_cannot_be_forked_leaves_every_rule_to_the_parent(examples, monkeypatch):
    monkeypatch.setattr(corpus_split.Forked, "start", classmethod(lambda cls, work: None))
    (alone, alone_errors), (split, split_errors) = both(examples)
    assert [(f, f.context) for f in split] == [(f, f.context) for f in alone] and split_errors == alone_errors == []
