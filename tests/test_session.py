"""The lint session behind the language server: one article's text against a corpus loaded once."""

from __future__ import annotations

import gc
import shutil
import tracemalloc
from pathlib import Path

import pytest

from helpers import EXAMPLES
from kblint.run.settings import load_config
from kblint.run.engine import run
from kblint.rules.registry import registry_for
from kblint.run.session import Session

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "server-kb"


@pytest.fixture
def kb(tmp_path) -> Path:
    root = tmp_path / "kb"
    shutil.copytree(FIXTURE, root)
    return root


def _shown(findings):
    return [(f.path, f.line, f.column, f.end_line, f.end_column, f.code, f.severity, f.message) for f in findings]


def test_an_article_linted_alone_gives_what_the_batch_run_gives(tmp_path):
    shutil.copytree(EXAMPLES, tmp_path / "examples")  # with its configuration
    shutil.copytree(EXAMPLES / "docs-kb", tmp_path / "docs-kb")  # without one
    for root in (tmp_path / "examples", tmp_path / "docs-kb"):
        config = load_config(None, root, False)
        rules = registry_for(config).select(config.select, config.ignore, config.extend_select)
        expected = run([config.root], config, rules).findings
        session = Session(root, use_cache=False)
        paths = sorted({f.path for f in expected})
        assert len(paths) >= 5
        for relpath in paths:
            path = config.root / relpath
            linted = session.lint(path, path.read_text("utf-8"))
            assert _shown(linted.findings) == _shown([f for f in expected if f.path == relpath]), relpath


def test_the_corpus_follows_the_buffer_and_goes_back_on_close(kb):
    session = Session(kb, use_cache=False)
    target = kb / "en" / "KB2002.md"
    listing = kb / "en" / "KB2003.md"
    assert session.corpus.by_id["KB2002"]["en"].title == "Exporting recovery codes"
    session.lint(target, target.read_text("utf-8").replace("KB2002", "KB2098"))  # the id in front matter too
    assert "KB2002" not in session.corpus.by_id and "KB2098" in session.corpus.by_id
    found = session.lint(listing, listing.read_text("utf-8")).findings
    assert [f.name for f in found] == ["broken-reference", "typo"]
    session.close(target)
    assert session.corpus.by_id["KB2002"]["en"].relpath == "en/KB2002.md"
    assert [f.name for f in session.lint(listing, listing.read_text("utf-8")).findings] == ["typo"]


def test_a_file_deleted_on_disk_leaves_the_corpus(kb):
    session = Session(kb, use_cache=False)
    listing = kb / "en" / "KB2003.md"
    (kb / "en" / "help" / "sync.md").unlink()
    session.refresh_from_disk(kb / "en" / "help" / "sync.md")
    names = [f.name for f in session.lint(listing, listing.read_text("utf-8")).findings]
    assert names == ["broken-link", "typo"]


def test_the_session_reads_the_cache_a_batch_run_wrote(kb):
    first = Session(kb)  # writes the cache
    second = Session(kb)  # reads it
    assert {s.relpath for s in second.corpus.articles} == {s.relpath for s in first.corpus.articles}
    assert all(s.light for s in second.corpus.articles)  # identities only, until an article is opened
    translation = kb / "zh-Hant" / "KB2001.md"
    second.lint(translation, translation.read_text("utf-8").replace("1. 開啟登入畫面。\n", ""))
    assert not second.corpus.by_id["KB2001"]["en"].light  # its source, in full: drift is checked
    names = [f.name for f in second.lint(translation, translation.read_text("utf-8").replace("1. 開啟登入畫面。\n", "")).findings]
    assert "translation-drift" in names


def test_days_of_typing_do_not_grow_the_session(kb):
    session = Session(kb, use_cache=False, config_file=None)
    translation = kb / "zh-Hant" / "KB2001.md"
    original = translation.read_text("utf-8")
    session.lint(translation, original)

    def sizes():
        renderings = session.corpus.index("renderings", lambda c: None)
        renderings_kept = sum(len(counts) for counts in renderings.counts.values())
        return renderings_kept, len(renderings.counts), len(session.corpus.by_id), len(session.corpus.paths)

    before = sizes()
    gc.collect()
    tracemalloc.start()
    for round_ in range(2):
        for k in range(150):
            # A heading and a reference typed one character at a time.
            typed = original.replace("## 步驟", f"## 步驟{'變' * (k % 12)}").replace("KB2002", f"KB2{k:03d}")
            session.lint(translation, typed)
        session.lint(translation, original)
        gc.collect()
        if round_ == 0:
            first, _ = tracemalloc.get_traced_memory()
    second, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert sizes() == before
    assert second - first < 200_000, (first, second)  # the second round of typing kept nothing


def test_a_replaced_article_is_freed_without_the_cyclic_collector(kb):
    """The server freezes what a load made (see kblint.app.server._loading): that is only sound
    while a replaced summary, and what it holds, are freed by reference counting alone."""
    import weakref

    session = Session(kb, use_cache=False)
    target = kb / "en" / "KB2003.md"
    session.lint(target, target.read_text("utf-8"))
    old = session.corpus.by_path["en/KB2003.md"]
    gone = [weakref.ref(old), *(weakref.ref(ref) for ref in old.references)]
    assert len(gone) == 3  # the article, its mention of KB2002 and its link
    del old
    enabled = gc.isenabled()
    gc.disable()
    try:
        session.lint(target, target.read_text("utf-8") + "\nMore text.\n")
        assert [ref() for ref in gone] == [None] * len(gone)
    finally:
        if enabled:
            gc.enable()


def test_a_translation_typed_anew_is_compared_with_a_source_cached_without_facts(kb, monkeypatch):
    """A source that had no translation on disk was summarized without the facts of pairs; the
    editor's new translation of it gets them computed, from the cache's summary or the file."""
    from kblint.run import engine

    translation = kb / "zh-Hant" / "KB2001.md"
    text = translation.read_text("utf-8").replace("1. 開啟登入畫面。\n", "")
    translation.unlink()
    (kb / "zh-Hant" / "KB2099.md").write_text("---\nid: KB2099\nlang: zh-Hant\ntitle: 另一篇\n---\n\n文字。\n", "utf-8")  # the paths name two locales
    monkeypatch.setattr(engine, "_GUESS_PAIRS_FROM", 10**9)  # every fact of every article
    expected = _shown(Session(kb, use_cache=False).lint(translation, text).findings)
    assert "KL302" in {shown[5] for shown in expected}  # translation-drift: the step it lacks
    monkeypatch.setattr(engine, "_GUESS_PAIRS_FROM", 1)
    for session in (Session(kb), Session(kb)):  # the first writes the cache, the second reads it
        source = session.corpus.by_id["KB2001"]["en"]
        assert source.light or source.facts_left_out
        assert _shown(session.lint(translation, text).findings) == expected
        assert not session.corpus.by_id["KB2001"]["en"].facts_left_out
