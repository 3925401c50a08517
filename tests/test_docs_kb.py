"""The docs-as-code sample knowledge base: articles identified by path in en, zh-Hant and
zh-Hans trees, a redirect map, no configuration of its own. kblint reports exactly the
defects planted in it (pinned in examples/expected-docs-kb.txt) and nothing about its front
matter or its markup."""

import json
import os
import shutil
import subprocess
import sys

from helpers import EXAMPLES, ROOT

PLANTED = {
    ("en/help/troubleshooting/offline-mode.md", "broken-link"),  # a missing image, a missing article
    ("en/help/troubleshooting/offline-mode.md", "broken-anchor"),  # #scen3
    ("en/help/troubleshooting/offline-mode.md", "redirected-link"),  # /help/old/firewall.md moved
    ("zh-Hant/help/install/install-agent.md", "translation-drift"),  # a dropped step, a changed number
    ("zh-Hant/help/troubleshooting/sync-conflicts.md", "translation-drift"),  # a [!NOTE] became a [!TIP]
    ("zh-Hant/help/troubleshooting/firewall-rules.md", "inconsistent-translation"),  # a heading two ways
    ("zh-Hant/help/troubleshooting/legacy-proxy.md", "missing-translation"),  # its source is gone
    ("zh-Hant/help/troubleshooting/sync-conflicts.md", "wrong-locale-link"),  # into /en/
}


def kblint(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "kblint", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_output_matches_the_pinned_expectation():
    result = kblint("examples/docs-kb/")
    assert result.returncode == 1
    expected = (EXAMPLES / "expected-docs-kb.txt").read_text("utf-8")
    assert result.stdout == expected, "run: python -m kblint examples/docs-kb/ > examples/expected-docs-kb.txt, and review the diff"


def test_exactly_the_planted_defects_and_no_configuration_needed(tmp_path):
    """Copied where no configuration file is found, the sample gives the same findings."""
    alone = tmp_path / "kb"
    shutil.copytree(EXAMPLES / "docs-kb", alone)
    result = kblint("--format", "json", "--no-cache", ".", cwd=alone)
    findings = json.loads(result.stdout)["findings"]
    assert {(f["path"], f["name"]) for f in findings} == PLANTED
    assert not any(f["name"] == "front-matter" for f in findings)
    inside = json.loads(kblint("--format", "json", "--no-cache", "examples/docs-kb/").stdout)["findings"]
    assert [(f["path"].removeprefix("examples/docs-kb/"), f["line"], f["column"], f["name"]) for f in inside] == [
        (f["path"], f["line"], f["column"], f["name"]) for f in findings
    ]


def test_the_safe_fixes_mend_the_moved_and_wrong_locale_links(tmp_path):
    kb = tmp_path / "kb"
    shutil.copytree(EXAMPLES / "docs-kb", kb)
    kblint("--fix", "--no-cache", ".", cwd=kb)
    offline = (kb / "en/help/troubleshooting/offline-mode.md").read_text("utf-8")
    assert "[firewall settings](/help/troubleshooting/firewall-rules.md)" in offline
    conflicts = (kb / "zh-Hant/help/troubleshooting/sync-conflicts.md").read_text("utf-8")
    assert "[防火牆規則](firewall-rules.md)" in conflicts
    after = json.loads(kblint("--format", "json", "--no-cache", ".", cwd=kb).stdout)["findings"]
    assert not {f["name"] for f in after} & {"redirected-link", "wrong-locale-link"}
    again = kblint("--diff", "--no-cache", ".", cwd=kb)
    assert again.stdout == ""  # idempotent


def test_graph_of_path_identified_articles(tmp_path):
    result = kblint("graph", "--format", "json", "examples/docs-kb/")
    graph = json.loads(result.stdout)
    nodes = {n["id"]: n for n in graph["nodes"]}
    assert "help/troubleshooting/sync-conflicts" in nodes
    assert nodes["help/install/install-agent"]["locales"] == "en,zh-Hans,zh-Hant"
    edges = {(e["source"], e["target"]) for e in graph["edges"]}
    assert ("help/index", "help/troubleshooting/firewall-rules") in edges
    assert any(nodes[t]["broken"] for s, t in edges if s == "help/troubleshooting/offline-mode")
