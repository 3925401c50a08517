"""GitHub annotations, GitLab Code Quality, SARIF and baselines, as CI systems read them."""

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from helpers import ROOT, article
from kblint.model.finding import Finding, Severity
from kblint.output.reporters import Report
from kblint.output.reporters.github import render as github

SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"


def kblint(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "kblint", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def finding(path="en/KB1.md", message="m", line=1) -> Finding:
    return Finding(path, line, 2, line, 5, "KL201", "typo", Severity.WARNING, message, context="x")


def test_github_annotation_format():
    out = github(Report([finding()], [], 1))
    assert out == "::warning file=en/KB1.md,line=1,col=2,endLine=1,endColumn=5,title=KL201 typo::m\n"


def test_article_text_and_file_names_cannot_inject_workflow_commands():
    hostile = "done\n::error file=x::injected\r\n::add-mask::secret %0A 100%"
    out = github(Report([finding(path="en/a,b:c\n::warning::x.md", message=hostile)], [], 1))
    lines = out.splitlines()
    assert len(lines) == 1
    # Line breaks are shown as \n and \r (not %0A, which the runner would turn back into one).
    assert lines[0].startswith("::warning file=en/a%2Cb%3Ac\\n%3A%3Awarning%3A%3Ax.md,")
    assert lines[0].endswith("::done\\n::error file=x::injected\\r\\n::add-mask::secret %250A 100%25")


def test_terminal_control_sequences_are_shown_not_obeyed():
    from kblint.output.reporters.text import render as text

    # A title that would retitle the window (OSC), erase the screen (CSI) and ring the bell.
    hostile = "Intro \x1b]0;owned\x07 and \x1b[2J\x1b[H gone \u202ereversed\u2028next"
    for out in (text(Report([finding(path="en/\x1b[31mred.md", message=hostile)], [], 1)), github(Report([finding(message=hostile)], [], 1))):
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out and "\u2028" not in out
        assert "\\x1b]0;owned\\x07" in out and "\\u202e" in out
        assert len(out.splitlines()) == 1


def test_end_to_end_injection_from_an_article(tmp_path):
    (tmp_path / "kblint.yaml").write_text("source_locale: en\n", "utf-8")
    title = "Title with %0A::error::oops"
    (tmp_path / "KB10.md").write_text(article("KB10", "en", "T", f"## Related articles\n\n- KB20 - {title}\n"), "utf-8")
    (tmp_path / "KB20.md").write_text(article("KB20", "en", "Real title", "Text.\n"), "utf-8")
    result = kblint("--format", "github", ".", cwd=tmp_path)
    assert result.stdout
    for line in result.stdout.splitlines():
        assert line.startswith(("::error ", "::warning ", "::notice "))
        assert "%0A::error::oops" not in line and "%250A::error::oops" in line


def test_gitlab_code_quality_shape_and_stable_fingerprints(tmp_path):
    (tmp_path / "kblint.yaml").write_text("source_locale: en\n", "utf-8")
    path = tmp_path / "KB1.md"
    path.write_text(article("KB1", "en", "T", "We recieve it.\n"), "utf-8")
    first = json.loads(kblint("--format", "gitlab", ".", cwd=tmp_path).stdout)
    assert isinstance(first, list) and len(first) == 1
    issue = first[0]
    assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
    assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
    assert issue["location"]["path"] == "KB1.md" and issue["location"]["lines"]["begin"] == 7
    path.write_text(article("KB1", "en", "T", "A new paragraph.\n\nAnother one.\n\nWe recieve it.\n"), "utf-8")
    moved = json.loads(kblint("--format", "gitlab", ".", cwd=tmp_path).stdout)
    assert moved[0]["location"]["lines"]["begin"] == 11
    assert moved[0]["fingerprint"] == issue["fingerprint"]


@pytest.mark.skipif(not SCHEMA.exists(), reason="the official SARIF schema is in ../shared/schemas")
def test_sarif_validates_against_the_official_schema():
    result = kblint("--format", "sarif", "--select", "ALL", "examples/")
    data = json.loads(result.stdout)
    schema = json.loads(SCHEMA.read_text("utf-8"))
    validator = jsonschema.validators.validator_for(schema)  # the schema says draft-04
    validator.check_schema(schema)
    errors = list(validator(schema).iter_errors(data))
    assert errors == []
    run = data["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file://")
    rules = run["tool"]["driver"]["rules"]
    assert {r["name"] for r in rules} >= {"broken-reference", "typo", "mixed-script"}
    assert all(r["shortDescription"]["text"] and r["fullDescription"]["text"] and r["help"]["text"] for r in rules)
    results = run["results"]
    assert results and all(r["partialFingerprints"] for r in results)
    located = results[0]["locations"][0]["physicalLocation"]
    assert located["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert not located["artifactLocation"]["uri"].startswith("/")
    assert set(located["region"]) == {"startLine", "startColumn", "endLine", "endColumn"}
    assert any("fixes" in r for r in results)
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]


def test_baseline_reports_only_new_findings_and_survives_moving_lines(tmp_path):
    (tmp_path / "kblint.yaml").write_text("source_locale: en\n", "utf-8")
    path = tmp_path / "KB1.md"
    path.write_text(article("KB1", "en", "T", "We recieve it.\n"), "utf-8")
    assert kblint("--write-baseline", "b.json", ".", cwd=tmp_path).returncode == 0
    assert kblint("--baseline", "b.json", ".", cwd=tmp_path).returncode == 0
    path.write_text(article("KB1", "en", "T", "New text above.\n\nWe recieve it.\n\nThe the end.\n"), "utf-8")
    result = kblint("--baseline", "b.json", ".", cwd=tmp_path)
    assert result.returncode == 1
    assert [line.split()[2] for line in result.stdout.splitlines()] == ["repeated-word"]
    (tmp_path / "kblint.yaml").write_text("source_locale: en\nbaseline: b.json\nignore: [repeated-word]\n", "utf-8")
    assert kblint(".", cwd=tmp_path).returncode == 0
    (tmp_path / "bad.json").write_text("{", "utf-8")
    bad = kblint("--baseline", "bad.json", ".", cwd=tmp_path)
    assert bad.returncode == 2 and "bad.json" in bad.stderr


def test_statistics_counts_per_rule():
    result = kblint("--statistics", "examples/")
    rows = [line.split() for line in result.stdout.splitlines()]
    counts = [int(r[0]) for r in rows]
    assert counts == sorted(counts, reverse=True)
    assert ["1", "KL101", "broken-reference"] in rows
