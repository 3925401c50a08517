"""The benchmark tools run (they time nothing here: measuring belongs in benchmarks/)."""

import sys

from helpers import ROOT


def test_generated_corpus_is_deterministic(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    generate(tmp_path / "a", 30)
    generate(tmp_path / "b", 30)
    first = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.md"))
    assert first == sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*.md"))
    assert len(first) == 30
    assert all((tmp_path / "a" / p).read_bytes() == (tmp_path / "b" / p).read_bytes() for p in first)


def test_phase_timings_cover_the_pipeline(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate
    from phases import phases

    generate(tmp_path / "kb", 40)
    names = [name for name, seconds in phases(tmp_path / "kb", passes=1)]
    assert names[:4] == ["Parsing (build_document)", "— Markdown: block scanner or mistune, and positions", "— reference extraction", "— front matter"]
    assert {"Per-document rules", "Summaries for corpus rules", "Corpus rules"} <= set(names)
