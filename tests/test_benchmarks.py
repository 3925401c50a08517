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


def test_realworld_table_samples_and_fixes(tmp_path, capsys, monkeypatch):
    """The real-world benchmark on two small corpora written here: one with a typo and a
    translation, one whose only file is clean."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import realworld

    site = tmp_path / "corpora" / "site"
    for folder, lang, text in (("en", "en", "We recieve mail."), ("zh-Hant", "zh-Hant", "我們收到郵件。")):
        (site / folder).mkdir(parents=True)
        (site / folder / "mail.md").write_text(f"---\ntitle: Mail\nlang: {lang}\n---\n\n{text}\n", "utf-8")
    (tmp_path / "corpora" / "clean" / "en").mkdir(parents=True)
    (tmp_path / "corpora" / "clean" / "en" / "a.md").write_text("---\ntitle: A\n---\n\nPlain words.\n", "utf-8")

    rows = [realworld.lint(c) for c in realworld.corpora(tmp_path / "corpora", [])]
    assert [(r["corpus"], r["exit"], r["files"], r["pairs"]) for r in rows] == [("clean", 0, 1, 0), ("site", 1, 2, 1)]
    realworld.print_table(rows)
    assert "| typo | 0 | 1 |" in capsys.readouterr().out
    realworld.print_sample(rows, "typo", 5, 1, tmp_path / "corpora")
    out = capsys.readouterr().out
    assert "en/mail.md:6:4:" in out and "We recieve mail." in out
    realworld.print_fixes(tmp_path / "corpora", rows[1:], 5, 1)
    assert "  - We recieve mail.\n  + We receive mail." in capsys.readouterr().out
    assert realworld.changed_lines("--- a/x.md\n+++ b/x.md\n@@ -1 +1 @@\n-a\n+b\n c\n") == [("x.md", "a", "b")]


def test_realworld_peers_are_timed_on_the_markdown_files(tmp_path, capsys):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import realworld

    (tmp_path / "c" / "en").mkdir(parents=True)
    (tmp_path / "c" / "en" / "a.md").write_text("Plain words.\n", "utf-8")
    timings = realworld.peers(tmp_path / "c", None)
    assert set(timings) <= {"codespell", "typos"} and all(wall >= 0 and cpu >= 0 for wall, cpu in timings.values())
    warm = realworld.warm_times(tmp_path / "c")
    assert set(warm) == {"kblint warm", "kblint one file, warm"} and all(wall > 0 for wall, _ in warm.values())
    broken = tmp_path / "broken-markdownlint"
    broken.write_text("#!/bin/sh\nexit 2\n", "utf-8")
    broken.chmod(0o755)
    assert realworld.peers(tmp_path / "c", str(broken))["markdownlint-cli2"] == "failed (exit code 2)"
    failed = {"markdownlint-cli2": "failed (exit code 2)"}
    realworld.print_peers([{"corpus": "c", "wall": 1.0, "cpu": 0.5, "peers": {"kblint warm": (0.25, 0.2), "typos": (0.5, 0.25), **failed}}])
    printed = capsys.readouterr().out
    assert "| c | markdownlint-cli2 | failed (exit code 2) | | | |" in printed
    assert "| c | kblint cold | 1.00 | 0.50 | |" in printed
    assert "| c | kblint warm | 0.25 | 0.20 |  |" in printed
    assert "| c | typos | 0.50 | 0.25 | 2.00 |" in printed


def test_realworld_rounds_pair_each_run_with_its_peer(tmp_path, capsys):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import realworld

    (tmp_path / "c" / "en").mkdir(parents=True)
    (tmp_path / "c" / "en" / "a.md").write_text("Plain words.\n", "utf-8")
    ratios = realworld.alternated(tmp_path / "c", 2)
    assert set(ratios) <= {"cold ÷ codespell", "warm ÷ typos"} and "cold ÷ codespell" in ratios  # codespell is a dependency
    assert all(len(pairs) == 2 and all(wall > 0 and cpu >= 0 for wall, cpu in pairs) for pairs in ratios.values())
    realworld.print_alternated([{"corpus": "c", "alternated": {"cold ÷ codespell": [(2.0, 3.0), (4.0, 5.0), (3.0, 1.0)]}}])
    assert "| c | cold ÷ codespell | 3 | 3.00× (2.00–4.00) | 3.00× |" in capsys.readouterr().out


def test_stage_timings_cover_every_article(tmp_path, capsys):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate
    from phases import STAGES, print_stages, stages

    generate(tmp_path / "kb", 40)
    count, seconds = stages(tmp_path / "kb")
    assert count == 40 and list(seconds) == list(STAGES) and seconds["parse"] > 0 and all(s >= 0 for s in seconds.values())
    print_stages(tmp_path / "kb")
    out = capsys.readouterr().out
    assert out.startswith("40 articles in ") and "| CPU a file | read | parse | rules | summary | send |" in out


def test_the_history_benchmark_checks_each_way_to_the_log(tmp_path, monkeypatch):
    import os
    import shutil
    import subprocess

    import pytest

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from history import main, rows

    for name in [k for k in os.environ if k.startswith("GIT_")]:
        monkeypatch.delenv(name)
    env = {**os.environ, "GIT_AUTHOR_NAME": "w", "GIT_AUTHOR_EMAIL": "w@x", "GIT_COMMITTER_NAME": "w", "GIT_COMMITTER_EMAIL": "w@x", "HOME": str(tmp_path)}
    repo = tmp_path / "kb"
    (repo / "en").mkdir(parents=True)
    subprocess.run(["git", "-C", str(repo), "init", "-q"], check=True, env=env)
    for n in range(3):
        (repo / "en" / f"page{n}.md").write_text(f"# Page {n}\n", "utf-8")
        subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True, env=env)
        subprocess.run(["git", "-C", str(repo), "commit", "-q", "-m", f"Page {n}"], check=True, env=env)
    ways = [way for way, wall, cpu in rows(repo, [1, 2, 50], 1)]
    assert ways == ['git log with the pathspec "."', "kblint's log", "after 1 commit (the log kept at HEAD~1)", "after 2 commits (the log kept at HEAD~2)"]
    assert main([str(repo), "--runs", "1", "--since", "1"]) == 0
