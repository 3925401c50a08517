"""The pipeline: single files resolve against the whole knowledge base."""

import json
import os
import subprocess
import sys

from helpers import ROOT, article


def test_single_file_resolves_against_the_whole_corpus():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "kblint", "--format", "json", "examples/corpus/en/KB1003.md"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    findings = json.loads(result.stdout)["findings"]
    assert {f["path"] for f in findings} == {"examples/corpus/en/KB1003.md"}
    names = {f["name"] for f in findings}
    # KB1001 and KB1002 exist elsewhere in the corpus: only KB1020 is broken.
    assert [f["message"].split()[0] for f in findings if f["name"] == "broken-reference"] == ["KB1020"]
    assert {"self-reference", "ref-title-mismatch", "dangling-reference"} <= names


def test_configured_severities_and_per_path_ignores(kb):
    kb.config(
        "source_locale: en\n"
        "severity: {typo: error, repeated-word: off}\n"
        "per_path_ignores: {'legacy/*': [typo], 'old/': ['*']}\n"
    )
    body = "We recieve the the mail.\n"
    kb.add("KB10", "en", "T", body)
    kb.add("KB11", "en", "T", body, folder="legacy")
    kb.add("KB12", "en", "T", body, folder="old")
    found = [(f.path, f.name, f.severity.value) for f in kb.lint("typo", "repeated-word")]
    assert found == [("en/KB10.md", "typo", "error")]



def test_documents_leave_no_reference_cycles(kb):
    """engine.run pauses the cyclic garbage collector: that is only sound while documents,
    summaries and findings are freed by reference counting alone. Setting up a run (rules,
    packs) leaves no cycle either, and linting more articles must not leave one."""
    import gc

    body = (
        "Intro with [a link](KB2.md), `code`, <b>html</b>, https://example.com/x and the the.\n\n"
        "> quoted **text** with 情况 and donâ€™t\n\n| a | b |\n|---|---|\n| [x](KB1.md) | y |\n\n"
        "1. one\n3. three\n\n## Related articles\n\n- KB9 - Missing\n"
    )
    kb.add("KB1", "en", "One", body)
    kb.add("KB1", "zh-Hant", "一", body)  # a translation left in English (an index of such pairs)
    kb.write("en/KB2.md", b"---\nid: [unclosed\n---\n\xff broken \xe6\x83\n" + b"> " * 2000 + b"deep\n")

    def collect() -> int:
        gc.unfreeze()  # run() freezes what survives it; look at everything
        return gc.collect()

    def add(first: int, last: int) -> None:
        for n in range(first, last):
            kb.add(f"KB{n}", "zh-Hant" if n % 3 else "en", f"Title {n}", body, folder=f"f{n % 4}")

    # Runs of 40 articles, then of 80: the same paths of the engine (workers and all), and a
    # first run before them loads what is loaded once (dictionaries, tables, patterns compiled
    # on first use). What a run leaves is then its own, and a leak grows with the articles.
    add(3, 40)
    kb.lint()
    collect()
    kb.lint()
    assert collect() == 0  # a run's rules and their packs' included
    add(40, 80)
    kb.lint()
    assert collect() == 0


def _corpus_seen_by(rule_needs, root):
    """The corpus a corpus rule with ``rule_needs`` is given over the knowledge base at ``root``."""
    from kblint.model.finding import Severity
    from kblint.rules.api import Rule
    from kblint.run.engine import run
    from kblint.run.settings import load_config

    seen = []
    rule = Rule(
        code="ZZ901", name="corpus-probe", severity=Severity.INFO, summary="Looks at the corpus.",
        documentation="", check_corpus=lambda corpus, config: seen.append(corpus) or [], needs=frozenset(rule_needs),
    )  # fmt: skip
    config = load_config(None, root, memo_dir=False)
    run([root], config, [rule])
    return seen[0]


def test_a_rule_that_needs_the_history_is_given_it_whatever_its_name(tmp_path):
    import subprocess

    (tmp_path / "kblint.yaml").write_text("source_locale: en\n", "utf-8")
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "KB1.md").write_text("---\nid: KB1\nlang: en\ntitle: T\n---\n\nText.\n", "utf-8")
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "first"], check=True)
    assert _corpus_seen_by({"history"}, tmp_path).history is not None
    assert _corpus_seen_by(set(), tmp_path).history is None


def test_a_rule_cannot_need_what_no_run_provides():
    import pytest

    from kblint.rules.api import Rule

    with pytest.raises(ValueError, match="needs must be among"):
        Rule(code="ZZ902", name="odd-needs", severity=None, summary="", documentation="", needs=frozenset({"network"}))


def _summaries_seen_by(facts, root):
    """The summaries a corpus rule that reads ``facts`` is given over the knowledge base at ``root``."""
    from kblint.model.finding import Severity
    from kblint.rules.api import Rule
    from kblint.run.engine import run
    from kblint.run.settings import load_config

    seen = []
    rule = Rule(
        code="ZZ903", name="facts-probe", severity=Severity.INFO, summary="Reads facts.", documentation="",
        check_corpus=lambda corpus, config: seen.extend(corpus.checked_articles) or [], facts=tuple(facts),
    )  # fmt: skip
    run([root], load_config(None, root, memo_dir=False), [rule])
    return {s.relpath: s for s in seen}


def test_a_run_computes_only_the_facts_its_rules_read(kb):
    import json

    from kblint.corpus.contributed import STEPS, Fact
    from kblint.corpus.summary import Summary

    kb.config("source_locale: en\n")
    kb.add("KB1", "en", "Reset a vault", "1. Open it.\n2. Close it.\n\nThree words here.\n")
    words = Fact("word_count", lambda doc, config: len(doc.text.split()), deferred=False)  # a fact no rule of kblint has
    summary = _summaries_seen_by([words, STEPS], kb.root)["en/KB1.md"]
    assert summary.contributed == {"steps": 2, "word_count": summary.fact(words)} and summary.fact(words) > 5
    assert Summary.from_json(json.loads(json.dumps(summary.to_json()))).contributed == summary.contributed  # a stored row keeps it
    bare = _summaries_seen_by([], kb.root)["en/KB1.md"]
    assert bare.contributed == {} and bare.fact(STEPS) == 0  # not computed: the empty value


def _steps_seen(root, cache=None):
    """(steps, facts left out) of each article, as a corpus rule that reads STEPS is given them."""
    from kblint.corpus.contributed import STEPS
    from kblint.model.finding import Severity
    from kblint.rules.api import Rule
    from kblint.run.engine import run
    from kblint.run.settings import load_config

    seen = {}

    def probe(corpus, config):
        for summary in corpus.articles:
            seen[summary.relpath] = (summary.fact(STEPS), summary.facts_left_out)
        return [rule.finding_at(t.relpath, 1, 1, f"{s.fact(STEPS)} {t.fact(STEPS)}") for s, t in corpus.checked_translations()]

    rule = Rule(code="ZZ904", name="steps-probe", severity=Severity.INFO, summary="Reads steps.", documentation="", check_corpus=probe, facts=(STEPS,))
    findings = run([root], load_config(None, root, memo_dir=False), [rule], cache=cache).findings
    return seen, [(f.path, f.message) for f in findings]


def test_facts_are_left_out_of_articles_without_a_translation(kb, monkeypatch):
    """The facts of translation pairs are computed for the articles the paths pair; an article
    whose front matter pairs it elsewhere is linted again with them before the rules compare."""
    from kblint.run import engine

    monkeypatch.setattr(engine, "_GUESS_PAIRS_FROM", 1)
    steps = "1. Open it.\n2. Close it.\n"
    kb.add("KB1", "en", "Paired by path", steps)
    kb.add("KB1", "zh-Hant", "路徑配對", "1. 打開。\n")
    kb.add("KB2", "en", "Alone", steps)
    kb.write("en/first-name.md", article("KB3", "en", "Paired by id", steps))
    kb.write("zh-Hant/another-name.md", article("KB3", "zh-Hant", "編號配對", "1. 打開。\n2. 關閉。\n3. 完成。\n"))
    seen, findings = _steps_seen(kb.root)
    assert seen["en/KB2.md"] == (0, True)  # no translation: nothing to compare
    for relpath in ("en/KB1.md", "en/first-name.md"):
        assert seen[relpath] == (2, False)
    assert seen["zh-Hant/KB1.md"] == (1, False) and seen["zh-Hant/another-name.md"] == (3, False)
    assert findings == [("zh-Hant/KB1.md", "2 1"), ("zh-Hant/another-name.md", "2 3")]
    monkeypatch.setattr(engine, "_GUESS_PAIRS_FROM", 10**9)  # every fact of every article
    assert _steps_seen(kb.root)[1] == findings


def test_where_the_paths_name_one_locale_only_an_article_of_another_keeps_its_facts(kb, monkeypatch):
    """Paths that name one locale (no locale folder or suffix) cannot pair articles: only an
    article whose front matter gives it another locale can be a translation. Where a sample of
    the files states no locale, an article of the paths' locale leaves its facts out, one of
    another keeps them, and a source found to be paired is linted again with them, alone.
    Where the sample meets a locale, every article keeps its facts (none is linted twice)."""
    from kblint.run import engine

    monkeypatch.setattr(engine, "_GUESS_PAIRS_FROM", 1)
    kb.write("help/KB1.md", "---\nid: KB1\ntitle: Source\n---\n\n1. Open it.\n2. Close it.\n")
    kb.write("help/KB2.md", "---\nid: KB2\ntitle: Alone\n---\n\n1. Open it.\n2. Close it.\n")
    kb.write("help/translated-one.md", article("KB1", "zh-Hant", "譯文", "1. 打開。\n"))
    completed = []
    real = engine._Batch.complete
    monkeypatch.setattr(engine._Batch, "complete", lambda self, indexes: completed.extend(self.relpaths[i] for i in indexes) or real(self, indexes))
    monkeypatch.setattr(engine, "_LOCALE_SAMPLE", 1)  # the first file only: the translation escapes
    seen, findings = _steps_seen(kb.root)
    assert completed == ["help/KB1.md"]
    assert seen == {"help/KB1.md": (2, False), "help/translated-one.md": (1, False), "help/KB2.md": (0, True)}
    assert findings == [("help/translated-one.md", "2 1")]
    monkeypatch.setattr(engine, "_LOCALE_SAMPLE", 64)
    completed.clear()
    seen, again = _steps_seen(kb.root)
    assert completed == [] and again == findings and seen["help/KB2.md"] == (2, False)
    monkeypatch.setattr(engine, "_GUESS_PAIRS_FROM", 10**9)  # every fact of every article
    assert _steps_seen(kb.root)[1] == findings


def test_a_new_translation_of_a_cached_article_gets_its_sources_facts(kb, monkeypatch):
    """An article cached without facts (it had no translation) has them computed when one appears."""
    from kblint.run import engine
    from kblint.store.cache import Cache

    monkeypatch.setattr(engine, "_GUESS_PAIRS_FROM", 1)
    kb.add("KB1", "en", "Source", "1. Open it.\n2. Close it.\n")
    kb.add("KB2", "zh-Hant", "另一篇", "文字。\n")  # a translation whose source is gone: the paths name two locales
    config_cache = lambda: Cache(kb.root / ".kblint_cache", "probe")  # noqa: E731
    seen, _ = _steps_seen(kb.root, config_cache())
    assert seen["en/KB1.md"] == (0, True)
    kb.add("KB1", "zh-Hant", "來源", "1. 打開。\n")
    seen, findings = _steps_seen(kb.root, config_cache())
    assert seen["en/KB1.md"] == (2, False) and findings == [("zh-Hant/KB1.md", "2 1")]
    kb.add("KB3", "en", "Third", "Text.\n")  # the corpus rules run again, on cached summaries
    completed = []
    monkeypatch.setattr(engine._Batch, "complete", lambda self, indexes: completed.extend(indexes))
    seen, findings = _steps_seen(kb.root, config_cache())
    assert completed == []
    assert seen["en/KB1.md"] == (2, False) and findings == [("zh-Hant/KB1.md", "2 1")]  # as completed and stored


def test_what_rules_prepare_is_made_once_before_the_workers_are_forked(kb):
    """A rule's tables are made in the parent for the locales the run will meet (judged from
    the paths), so that the forked workers find them made."""
    from kblint.lang import chinese
    from kblint.model.finding import Severity
    from kblint.rules.api import Rule
    from kblint.rules.registry import Registry, builtin_rules
    from kblint.run.engine import run
    from kblint.run.parallel import first_of_each_locale, prepare_shared
    from kblint.run.settings import load_config

    for n in range(1, 7):
        kb.add(f"KB{n}", "zh-Hant" if n % 2 else "en", f"Title {n}", "Text.\n")
    config = load_config(None, kb.root, memo_dir=False)
    seen: list[set] = []
    probe = Rule(code="ZZ904", name="prepare-probe", severity=Severity.INFO, summary="", documentation="", prepare=lambda locales, c: seen.append(locales))
    prepare_shared(config, [probe], set(first_of_each_locale([str(p) for p in sorted(kb.root.rglob("*.md"))], config)))
    assert seen == [{"en", "zh-Hant"}]
    chinese.script.cache_clear()
    run([kb.root], config, Registry(builtin_rules()).select(["mixed-script"], []), workers=2, min_parallel=1)
    assert chinese.script.cache_info().currsize == 1  # made here, in the parent: Traditional only


def test_the_parent_lints_one_file_of_each_locale_before_the_workers_fork(kb, monkeypatch):
    """What rules load the first time they meet an article is then made once and shared; the
    files the parent linted take their places among the workers' results."""
    from kblint.rules.registry import Registry, builtin_rules
    from kblint.run import parallel
    from kblint.run.engine import run
    from kblint.run.settings import load_config

    for n in range(1, 9):
        kb.add(f"KB{n}", "zh-Hant" if n % 2 else "en", f"Title {n}", f"Open the the vault {n}.\n")
    config = load_config(None, kb.root, memo_dir=False)
    paths = [str(p) for p in sorted(kb.root.rglob("*.md"))]
    chosen = parallel.warm_up_items(parallel.first_of_each_locale(paths, config))
    assert [paths[i].split("/")[-2] for i in chosen] == ["en", "zh-Hant"]  # the first of each
    parent = os.getpid()
    linted_here: list[str] = []
    real = parallel.process_file
    monkeypatch.setattr(parallel, "process_file", lambda path, *a, **k: (linted_here.append(path.name) if os.getpid() == parent else None, real(path, *a, **k))[1])
    rules = Registry(builtin_rules()).select(["repeated-word"], [])
    pooled = run([kb.root], config, rules, workers=2, min_parallel=1)
    assert sorted(linted_here) == ["KB1.md", "KB2.md"]
    assert pooled.findings == run([kb.root], config, rules).findings and len(pooled.findings) == 8


def test_a_pool_is_started_for_many_files_or_for_fewer_long_ones(kb, monkeypatch):
    from kblint.rules.registry import Registry, builtin_rules
    from kblint.run import engine, parallel
    from kblint.run.settings import load_config

    pooled: list[int] = []
    real = parallel.process_files
    monkeypatch.setattr(parallel, "process_files", lambda items, config, rules, workers, *a: pooled.append(len(items)) or real(items, config, rules, 1, *a))
    monkeypatch.setattr(parallel, "PARALLEL_THRESHOLD", 40)
    monkeypatch.setattr(parallel, "PARALLEL_BYTES", 20_000)
    monkeypatch.setattr(parallel, "POOL_MIN_FILES", 4)
    rules = Registry(builtin_rules()).select(["repeated-word"], [])

    def pool_used(sizes: list[int]) -> bool:
        for old in kb.root.rglob("*.md"):
            old.unlink()
        for n, size in enumerate(sizes):
            kb.add(f"KB{n + 1}", "en", "Title", "word " * (size // 5) + "\n")
        pooled.clear()
        engine.collect([kb.root], load_config(None, kb.root, memo_dir=False), rules, workers=2)
        return bool(pooled)

    assert pool_used([100] * 40)  # many files
    assert not pool_used([100] * 39)  # fewer, and short
    assert pool_used([6_000] * 4)  # fewer, but long
    assert not pool_used([30_000] * 3)  # too few to share


def test_workers_take_files_in_order_in_chunks_that_shrink_toward_the_end():
    from kblint.run.parallel import CHUNK, MIN_CHUNK, chunked

    for count in (1, 7, 300, 663, 20_000):
        chunks = chunked(list(range(count)), 2)
        assert [i for chunk in chunks for i in chunk] == list(range(count))
        sizes = [len(chunk) for chunk in chunks]
        assert max(sizes) <= CHUNK and all(size >= MIN_CHUNK for size in sizes[:-1])
        assert sizes == sorted(sizes, reverse=True)  # the long ones first, the short ones last
    assert len(chunked(list(range(20_000)), 2)[0]) == CHUNK and len(chunked(list(range(663)), 2)[-2]) == MIN_CHUNK


def _summary_of_a_translated_article(kb):
    """A full summary (references, facts, headings) of a translation, as a run makes it."""
    from kblint.corpus.contributed import ALL_FACTS

    kb.config("source_locale: en\nlocales: [en, zh-Hant]\n")
    kb.add("KB1", "en", "Reset a vault", "## Steps\n\n1. Run `vault reset 3`.\n2. See KB2 and [the guide](/help/guide.md#top).\n")
    kb.add("KB2", "en", "Guide", "Some text.\n")
    kb.add("KB1", "zh-Hant", "重設保險庫", "## 步驟\n\n1. 執行 `vault reset 3`。\n2. 請參閱 KB2 與[指南](/help/guide.md#top)。\n")
    return _summaries_seen_by(ALL_FACTS, kb.root)["zh-Hant/KB1.md"]


def test_a_summary_crosses_to_the_parent_whole(kb):
    """Workers pickle summaries to the parent by their fields in order: every field, those the
    corpus sets on a reference too, comes back; a summary read from the cache stays one."""
    import pickle

    from kblint.corpus.summary import LazySummary

    summary = _summary_of_a_translated_article(kb)
    assert summary.references and summary.contributed and summary.headings
    summary.references[0].resolved, summary.references[0].folder = "en/KB2.md", True
    copied = pickle.loads(pickle.dumps(summary, pickle.HIGHEST_PROTOCOL))
    assert copied == summary and copied.references[0].resolved == "en/KB2.md" and copied.references[0].folder
    lazy = LazySummary.make("en/KB3.md", "KB3", "en", "en", "A title", False, None, "digest")
    assert type(pickle.loads(pickle.dumps(lazy, pickle.HIGHEST_PROTOCOL))) is LazySummary


def test_the_cache_row_of_a_light_summary_is_made_from_the_full_one(kb):
    from kblint.corpus.summary import Summary

    summary = _summary_of_a_translated_article(kb)
    assert summary.references and summary.contributed
    assert Summary.identity_row(summary.to_json()) == summary.identity().to_json()
