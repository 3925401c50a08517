"""The health report's figures (kblint.output.report) and its page (kblint.output.report_html), without a
browser (tests/test_report_browser.py opens the page in one)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import EXAMPLES
from kblint.app.cli import main
from kblint.output.report import LocaleHealth, build
from kblint.output.report_html import _script_json, render

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "server-kb"


@pytest.fixture(scope="module")
def examples(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("report") / "examples"
    shutil.copytree(EXAMPLES, root)
    return root


def test_the_figures_of_the_sample_knowledge_base(examples):
    data = build([examples], use_cache=False)
    assert data.articles == 26 and len(data.findings) == 42
    assert data.totals == {"error": 9, "warning": 32, "info": 1}
    by_locale = {h.locale: h for h in data.locales}
    assert sorted(by_locale) == ["en", "zh-Hans", "zh-Hant"]
    assert sum(h.errors + h.warnings + h.infos for h in data.locales) == 42
    en = by_locale["en"]
    assert en.score == round(100 / (1 + (3 * en.errors + en.warnings) / en.articles))
    # Broken references are the findings of the three broken rules.
    assert sum(h.broken for h in data.locales) == sum(1 for f in data.findings if f.name in ("broken-reference", "broken-link", "broken-anchor"))
    # Coverage agrees with `kblint translations`.
    zh_hant = [r for r in data.coverage if r.locale == "zh-Hant"]
    assert sum(r.translated for r in zh_hant) == 7 and sum(r.missing for r in zh_hant) == 6
    assert [o.translation for o in data.outdated] == ["corpus/zh-Hant/KB1003.md"] and data.outdated[0].days == 79
    # The graph: one edge per broken finding it could place, from the article to what it asks for.
    broken = [f for f in data.findings if f.name in ("broken-reference", "broken-link", "broken-anchor")]
    assert len(data.edges) == len(broken)
    assert any(e.target == "KB1020" and e.rule == "broken-reference" for e in data.edges)
    assert {n.key for n in data.nodes if n.missing} >= {"KB1020"}
    # The worst article first: the most errors and warnings, errors counting three times.
    weights = [3 * w.errors + w.warnings for w in data.worst]
    assert weights == sorted(weights, reverse=True)


def test_a_locale_without_findings_scores_100():
    assert LocaleHealth("en", articles=10).score == 100
    assert LocaleHealth("en", articles=10, warnings=10).score == 50
    assert LocaleHealth("en", articles=10, errors=10).score == 25


def test_json_in_the_page_cannot_end_its_script_element():
    text = _script_json({"message": "</script><script>alert(1)</script><!-- & -->"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"message": "</script><script>alert(1)</script><!-- & -->"}


def test_the_page_is_self_contained(examples, tmp_path):
    output = tmp_path / "health.html"
    assert main(["report", str(examples), "-o", str(output), "--no-cache", "--quiet"]) == 0
    page = output.read_text("utf-8")
    assert page.count("<svg") >= 4
    # Nothing is fetched: no URL in a src or href attribute, a policy that forbids it.
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "default-src 'none'" in page
    # The policy names the hash of the one script there is.
    [script] = re.findall(r"<script>(.*?)</script>", page, re.S)
    import base64
    import hashlib

    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in page


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), "-c", "user.name=kblint", "-c", "user.email=kblint@example.invalid", *args], check=True, capture_output=True)


def test_history_counts_findings_per_rule_at_each_commit(tmp_path):
    root = tmp_path / "kb"
    shutil.copytree(FIXTURE, root)
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "the first articles")
    typo = root / "en" / "KB2003.md"
    typo.write_text(typo.read_text("utf-8").replace("CRTL", "Ctrl"), "utf-8")
    _git(root, "commit", "-qam", "a typo fixed")
    broken = root / "en" / "KB2002.md"
    broken.write_text(broken.read_text("utf-8") + "\nSee KB2099.\n", "utf-8")
    _git(root, "commit", "-qam", "a reference to nothing")
    data = build([root], history=5)
    assert [p.subject for p in data.history] == ["the first articles", "a typo fixed", "a reference to nothing"]
    assert [p.counts.get("typo", 0) for p in data.history] == [1, 0, 0]
    assert [p.counts.get("broken-reference", 0) for p in data.history] == [0, 0, 1]
    page = render(data)
    assert 'id="chart-history"' in page
    # The knowledge base's cache still serves every file of today (the history kept their rows).
    from kblint.store.cache import Cache, settings_key
    from kblint.run.settings import load_config
    from kblint.run.engine import collect
    from kblint.rules.registry import registry_for

    config = load_config(None, root, False)
    rules = registry_for(config).select(config.select, config.ignore, config.extend_select)
    collected = collect([root], config, rules, cache=Cache(root / ".kblint_cache", settings_key(config, rules)))
    assert collected.results and all(result.cached for result in collected.results)


def test_the_same_knowledge_base_draws_the_same_page_in_every_process(tmp_path):
    """The broken-reference graph is laid out with a seed, over its nodes in sorted order: a
    page differs only when the knowledge base does (string hashing differs per process)."""
    import os
    import sys

    kb = tmp_path / "kb"
    (kb / "en").mkdir(parents=True)
    (kb / "kblint.yaml").write_text("source_locale: en\n", "utf-8")
    # Groups of three (an article and the two articles it asks for that are gone), each less
    # than half of the graph: networkx's view of such a group iterates a set.
    for number in range(10, 14):
        text = f"---\nid: KB{number}\nlang: en\ntitle: Article {number}\n---\nSee KB{number + 80} and KB{number + 90}.\n"
        (kb / "en" / f"KB{number}.md").write_text(text, "utf-8")
    pages = []
    for seed in ("1", "2", "3", "4"):
        output = tmp_path / f"health-{seed}.html"
        env = {**os.environ, "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": "1764633600"}  # one minute for all four
        done = subprocess.run(
            [sys.executable, "-m", "kblint", "report", str(kb), "-o", str(output), "--no-cache", "--quiet"], env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        pages.append(output.read_text("utf-8"))
    assert "KB103: does not exist" in pages[0]
    assert "2025-12-02 00:00 UTC" in pages[0]  # the time SOURCE_DATE_EPOCH names
    assert pages[0] == pages[1] == pages[2] == pages[3]


def test_a_full_disk_is_one_line_naming_the_report_and_leaves_no_file(examples, tmp_path, monkeypatch, capsys):
    import errno

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    output = tmp_path / "out" / "health.html"
    output.parent.mkdir()
    monkeypatch.setattr("kblint.model.fsutil.os.fsync", full)
    assert main(["report", str(examples), "-o", str(output), "--no-cache", "--quiet"]) == 2
    error = capsys.readouterr().err
    assert error == f"kblint: error: {output}: cannot write the report: No space left on device\n"
    assert list(output.parent.iterdir()) == []


_STOPPED_DURING_HISTORY = """
import os, signal, sys
from kblint.output import report
exported = report._export


def export_then_stop(top, sha, prefix, folder):
    done = exported(top, sha, prefix, folder)
    os.kill(os.getpid(), signal.SIGTERM)  # with a commit's files written out
    return done


report._export = export_then_stop
from kblint.app.cli import main

sys.exit(main(["report", sys.argv[1], "-o", sys.argv[2], "--history", "3", "--quiet"]))
"""


def test_sigterm_during_the_history_leaves_no_temporary_folder(tmp_path):
    import os
    import sys

    from helpers import ROOT

    root = tmp_path / "kb"
    shutil.copytree(FIXTURE, root)
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "the first articles")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    output = tmp_path / "health.html"
    env = {**os.environ, "TMPDIR": str(temporary), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _STOPPED_DURING_HISTORY, str(root), str(output)], env=env, capture_output=True, text=True)
    assert done.returncode == 130, done.stderr
    assert done.stderr == "kblint: interrupted\n"
    assert [p.name for p in temporary.iterdir() if p.name.startswith("kblint-")] == []
    assert not output.exists()


def test_many_sections_rules_and_locales_are_cut_to_the_top_and_the_others(tmp_path):
    from kblint.output.report import MAX_ROWS, _top_locales, _top_rules
    from kblint.output.report_html import _coverage_spec

    kb = tmp_path / "kb"
    for k in range(90):
        (kb / "en" / f"part{k:02d}").mkdir(parents=True)
        (kb / "en" / f"part{k:02d}" / "intro.md").write_text(f"# Part {k}\n\nHow part {k} works.\n", "utf-8")
        if k % 3:
            (kb / "zh-Hant" / f"part{k:02d}").mkdir(parents=True)
            (kb / "zh-Hant" / f"part{k:02d}" / "intro.md").write_text(f"# 第 {k} 部分\n\n第 {k} 部分如何運作。\n", "utf-8")
    (kb / "kblint.yaml").write_text("source_locale: en\nlocales: [en, zh-Hant]\n", "utf-8")
    data = build([kb], use_cache=False)
    assert len(data.coverage) == MAX_ROWS
    others = data.coverage[-1]
    assert others.section == f"{90 - MAX_ROWS + 1} other sections"
    assert sum(r.sources for r in data.coverage) == 90 and sum(r.missing for r in data.coverage) == 30
    # The sections with missing translations come first, the others are added up.
    assert sum(r.missing for r in data.coverage[:-1]) == 30 and others.missing == 0
    assert len({v["part"] for v in _coverage_spec(data)["data"]["values"]}) == MAX_ROWS
    assert len(render(data)) < 400_000

    locales = [LocaleHealth("en", articles=1000)] + [LocaleHealth(f"x{k:02d}", articles=k, warnings=1) for k in range(60)]
    top = _top_locales(locales)
    assert len(top) == MAX_ROWS and top[0].locale == "en" and top[-1].locale == "22 other locales"
    assert sum(h.articles for h in top) == sum(h.articles for h in locales) and top[-1].warnings == 22

    by_rule = [(f"rule-{k:02d}", f"KX{k:03d}", "warning" if k % 2 else "error", 100 - k) for k in range(50)]
    cut = _top_rules(by_rule)
    assert len(cut) == 31 and cut[-2:] == [("21 other rules", "", "error", sum(100 - k for k in range(29, 50) if k % 2 == 0)), ("21 other rules", "", "warning", sum(100 - k for k in range(29, 50) if k % 2))]
