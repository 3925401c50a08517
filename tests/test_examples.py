"""The sample corpus is the end-to-end fixture: every rule fires somewhere, clean articles stay
clean, and the exact output is pinned in examples/expected.txt."""

import json
import os
import subprocess
import sys

from helpers import EXAMPLES, ROOT

CLEAN = ["en/KB1001.md", "en/KB1002.md", "zh-Hant/KB1001.md", "zh-Hans/KB1001.md"]


def run_examples(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "kblint", *args, "examples/"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_output_matches_the_pinned_expectation():
    result = run_examples()
    assert result.returncode == 1
    expected = (EXAMPLES / "expected.txt").read_text("utf-8")
    assert result.stdout == expected, "run: python -m kblint examples/ > examples/expected.txt, and review the diff"


def test_clean_articles_have_no_findings():
    findings = json.loads(run_examples("--format", "json").stdout)["findings"]
    paths = {f["path"].removeprefix("examples/corpus/") for f in findings}
    assert not paths & set(CLEAN)


def test_every_default_rule_that_can_fire_on_text_fires_somewhere():
    from helpers import registry

    findings = json.loads(run_examples("--format", "json", "--select", "ALL").stdout)["findings"]
    fired = {f["name"] for f in findings}
    # Rules about raw bytes or the file system are exercised by tests/test_robustness.py.
    file_level = {"binary-file", "file-too-large", "unreadable-file", "invalid-encoding", "duplicate-id"}
    expected = {r.name for r in registry() if r.origin == "built-in"} - file_level
    assert expected - fired == set()


def test_every_fix_has_a_title():
    # An editor lists quick fixes by title, and SARIF carries it: a fix is never nameless.
    result = run_examples("--format", "json")
    fixes = [f["fix"] for f in json.loads(result.stdout)["findings"] if f.get("fix")]
    assert fixes and all(fix["description"].strip() for fix in fixes), fixes
