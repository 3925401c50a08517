"""The pipeline: single files resolve against the whole knowledge base."""

import json
import os
import subprocess
import sys

from helpers import ROOT


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
