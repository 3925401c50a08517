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
