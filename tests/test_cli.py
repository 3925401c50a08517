"""The command line as users and CI meet it: formats, exit codes, one-line errors."""

import json
import re
import os
import subprocess
import sys
from pathlib import Path

from helpers import ROOT, article


def kblint(*args: str, cwd: Path = ROOT, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "kblint", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120, input=stdin
    )


def test_text_output_on_examples():
    result = kblint("examples/")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines
    for line in lines:
        path, row, col, rest = line.split(":", 3)
        assert path.startswith(("examples/corpus/", "examples/docs-kb/")) and row.isdigit() and col.isdigit()
        code, name, message = rest.strip().split(" ", 2)
        assert re.fullmatch(r"[A-Z]{2,4}[0-9]{3}", code) and name == name.lower() and message
    assert result.stderr.startswith("kblint: ") and len(result.stderr.splitlines()) == 1


def test_json_output_shape():
    result = kblint("--format", "json", "examples/")
    data = json.loads(result.stdout)
    assert data["version"] == 1
    assert data["summary"]["findings"] == len(data["findings"]) > 0
    keys = {"path", "line", "column", "end_line", "end_column", "code", "name", "severity", "message", "fix"}
    assert all(set(f) == keys for f in data["findings"])


def test_clean_knowledge_base_exits_zero(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "KB1.md").write_text(article("KB1", "en", "A title", "Plain text.\n"), "utf-8")
    result = kblint(str(tmp_path))
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""


def test_bad_option_is_exit_2_with_one_line():
    result = kblint("--bogus")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "--bogus" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_path_and_unknown_rule_and_format_are_usage_errors():
    for args in (["no/such/dir"], ["--select", "no-such-rule", "examples/"], ["--format", "xml", "examples/"]):
        result = kblint(*args)
        assert result.returncode == 2, args
        assert len(result.stderr.strip().splitlines()) == 1


def test_bad_config_names_the_file_and_key(tmp_path):
    (tmp_path / "kblint.yaml").write_text("source_locale: en\nseverity:\n  typo: loud\n", "utf-8")
    result = kblint(".", cwd=tmp_path)
    assert result.returncode == 2
    assert "kblint.yaml" in result.stderr and "severity.typo" in result.stderr
    (tmp_path / "kblint.yaml").write_text("colour: blue\n", "utf-8")
    result = kblint(".", cwd=tmp_path)
    assert result.returncode == 2 and "unknown key 'colour'" in result.stderr


def test_explain_prints_documentation_sections():
    result = kblint("explain", "front-matter")
    assert result.returncode == 0
    for section in ("## What it does", "## Why it matters", "## Example", "## Does not fire", "## Fix"):
        assert section in result.stdout
    assert kblint("explain", "KL004").stdout == result.stdout
    assert kblint("explain", "nope").returncode == 2


def test_rules_table_lists_every_rule():
    result = kblint("rules")
    assert result.returncode == 0
    assert result.stdout.splitlines()[0].split()[:3] == ["CODE", "NAME", "SEVERITY"]
    assert "front-matter" in result.stdout and "broken-reference" in result.stdout


def test_select_and_ignore_by_name_and_code():
    selected = kblint("--select", "KL101", "--format", "json", "examples/")
    names = {f["name"] for f in json.loads(selected.stdout)["findings"]}
    assert names == {"broken-reference"}
    ignored = kblint("--ignore", "broken-reference,KL004", "--format", "json", "examples/")
    names = {f["name"] for f in json.loads(ignored.stdout)["findings"]}
    assert "broken-reference" not in names and "front-matter" not in names


def test_inline_and_front_matter_suppressions(tmp_path):
    body = (
        "See KB404.\n\n"
        "<!-- kblint-disable-next-line broken-reference -->\nSee KB405.\n\n"
        "<!-- kblint-disable KL101 -->\nSee KB406.\n<!-- kblint-enable KL101 -->\n\nSee KB407.\n"
    )
    (tmp_path / "kblint.yaml").write_text("source_locale: en\n", "utf-8")
    (tmp_path / "KB1.md").write_text(article("KB1", "en", "T", body), "utf-8")
    (tmp_path / "KB2.md").write_text("---\nid: KB2\nlang: en\ntitle: U\nkblint: {disable: [broken-reference]}\n---\nSee KB408.\n", "utf-8")
    result = kblint("--select", "broken-reference", ".", cwd=tmp_path)
    found = [line.split(" ")[-4] for line in result.stdout.splitlines()]
    assert "KB404" in result.stdout and "KB407" in result.stdout
    assert "KB405" not in result.stdout and "KB406" not in result.stdout and "KB408" not in result.stdout
    assert len(found) == 2


def test_python_dash_m_and_version():
    result = kblint("--version")
    assert result.returncode == 0 and result.stdout.startswith("kblint ")


def test_the_fast_exit_leaves_a_complete_report(tmp_path):
    # The command ends its process without tearing down the run: every finding is still
    # written, to a pipe and to a file.
    for i in range(400):
        (tmp_path / f"KB{1000 + i}.md").write_text(article(f"KB{1000 + i}", "en", "A title", "We recieve the the data.\n"), "utf-8")
    (tmp_path / "kblint.yaml").write_text("source_locale: en\n", "utf-8")
    piped = kblint("--format", "json", "--no-cache", str(tmp_path))
    assert piped.returncode == 1
    assert len(json.loads(piped.stdout)["findings"]) >= 800
    report = tmp_path / "report.json"
    written = kblint("--format", "json", "--no-cache", "--output", str(report), str(tmp_path))
    assert written.returncode == 1 and json.loads(report.read_text("utf-8")) == json.loads(piped.stdout)


def test_a_reader_that_stops_early_is_no_error():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = f"{sys.executable} -m kblint --no-cache examples/ | head -c 20"
    result = subprocess.run(["sh", "-c", command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert len(result.stdout) == 20
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


def test_knowledge_base_outside_the_working_tree_is_its_own_root(tmp_path):
    """With no configuration, a knowledge base named by an absolute path outside the working
    directory's tree is linted as from inside it: paths relative to it, links resolved against
    it (a link that leads nowhere used to make the resolver loop for ever on "/")."""
    kb = tmp_path / "kb"
    for folder, lang in (("en", "en"), ("zh-Hant", "zh-Hant")):
        (kb / folder / "help").mkdir(parents=True)
        body = "See [the guide](../help/missing.md) and [start](start.md).\n"
        (kb / folder / "help" / "start.md").write_text(f"---\ntitle: Start\nlang: {lang}\n---\n\n{body}", "utf-8")
    inside = kblint("--no-cache", "--format", "json", ".", cwd=kb)
    outside = kblint("--no-cache", "--format", "json", str(kb), cwd=ROOT)
    assert inside.returncode == outside.returncode == 1, outside.stderr
    found = [json.loads(r.stdout)["findings"] for r in (inside, outside)]
    strip = lambda fs: sorted((Path(f["path"]).name, f["line"], f["column"], f["code"]) for f in fs)
    assert strip(found[0]) == strip(found[1]) and any(f["name"] == "broken-link" for f in found[1])
