"""The corpus findings the cache keeps for a state of the knowledge base: whole, for a run
like the one that stored them, and by path, for a run of a few files after a whole run (a
pre-commit hook), which reads its own files' alone."""

from __future__ import annotations

import json

from kblint.model.finding import Finding, Severity
from kblint.store.cache import Cache


def finding(path: str, line: int, message: str) -> Finding:
    return Finding(path, line, 1, line, 6, "KL101", "broken-reference", Severity.ERROR, message, None, "")


FINDINGS = [
    finding("zh-Hant/b.md", 3, "a reference to KB9 names no article"),
    finding("en/a.md", 7, "a reference to KB8 names no article"),
    finding("zh-Hant/b.md", 9, "a reference to KB7 names no article"),
    finding("en/c.md", 2, "a reference to KB6 names no article"),
]


def test_a_run_of_a_few_files_reads_their_findings_alone(tmp_path, monkeypatch):
    cache = Cache(tmp_path, "c" * 24)
    cache.store_corpus_findings("state", FINDINGS)
    assert cache.corpus_findings("state") == FINDINGS
    decoded = []
    real = json.loads
    monkeypatch.setattr(json, "loads", lambda text, *a, **k: decoded.append(text) or real(text, *a, **k))
    assert cache.corpus_findings("state", {"zh-Hant/b.md", "en/a.md", "en/none.md"}) == [FINDINGS[1], FINDINGS[0], FINDINGS[2]]
    assert len(decoded) == 2 and all("KB6" not in text for text in decoded)  # each file's own row, no other
    assert cache.corpus_findings("state", {"en/none.md"}) == []
    assert cache.corpus_findings("another state", {"en/a.md"}) is None


def test_a_state_stored_without_rows_by_path_is_read_whole(tmp_path):
    """A state an earlier version stored (no rows by path), or whose names are not UTF-8,
    is read whole and its files' findings taken from it."""
    cache = Cache(tmp_path, "c" * 24)
    cache.store_corpus_findings("state", FINDINGS)
    with cache.db:
        cache.db.execute("DELETE FROM corpus_paths")
    assert cache.corpus_findings("state", {"en/a.md", "en/c.md"}) == [FINDINGS[1], FINDINGS[3]]
    odd = [finding("en/caf\udce9.md", 1, "a reference to KB5 names no article"), *FINDINGS]
    cache.store_corpus_findings("odd", odd)
    assert cache.db.execute("SELECT count(*) FROM corpus_paths WHERE digest='odd'").fetchone()[0] == 0
    assert cache.corpus_findings("odd", {"en/caf\udce9.md", "en/c.md"}) == [odd[0], odd[4]]


def test_only_the_states_kept_keep_their_rows_by_path(tmp_path):
    cache = Cache(tmp_path, "c" * 24)
    for n in range(7):
        cache.store_corpus_findings(f"state {n}", FINDINGS)
    kept = {row[0] for row in cache.db.execute("SELECT digest FROM corpus")}
    assert {row[0] for row in cache.db.execute("SELECT DISTINCT digest FROM corpus_paths")} == kept and len(kept) == 4
