"""Hostile, unlucky and concurrent inputs: each a regression test for a defect once found."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import ROOT, article


def kblint(*args: str, cwd: Path, timeout: float = 120):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "kblint", *args], cwd=cwd, env=env, capture_output=True, timeout=timeout)


def knowledge_base(root: Path, body: str = "Text.\n") -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "kblint.yaml").write_text("source_locale: en\n", "utf-8")
    (root / "KB10.md").write_text(article("KB10", "en", "T", body), "utf-8")
    return root


def test_a_directive_with_thousands_of_spaces_is_read_in_linear_time(tmp_path):
    kb = knowledge_base(tmp_path, "<!-- kblint-disable" + " " * 20000 + "x! -->\n\nText.\n")
    started = time.monotonic()
    result = kblint("--no-cache", ".", cwd=kb)
    assert result.returncode in (0, 1) and time.monotonic() - started < 10


def test_a_directive_still_works(tmp_path):
    kb = knowledge_base(tmp_path, "<!-- kblint-disable-next-line   typo ,  repeated-word   -->\nIt occured.\n\nIt occured.\n")
    result = kblint("--no-cache", "--format", "json", ".", cwd=kb)
    assert [f["line"] for f in json.loads(result.stdout)["findings"]] == [10]


def _rows(database: Path) -> list:
    with sqlite3.connect(database) as db:
        return db.execute("SELECT relpath, suppressed FROM files").fetchall()


def test_a_cache_row_of_another_shape_is_linted_again(tmp_path):
    kb = knowledge_base(tmp_path / "kb", "<!-- kblint-disable typo -->\nIt occured.\n")
    first = kblint("--format", "json", ".", cwd=kb)
    assert json.loads(first.stdout)["findings"] == []
    [database] = (kb / ".kblint_cache").glob("cache-*.sqlite")
    for damaged in ('{"ranges": [1]}', '{"whole_file": "typo"}', "[1, 2]", '{"ranges": [["typo", "a", 3]]}', "not json"):
        with sqlite3.connect(database) as db:
            db.execute("UPDATE files SET suppressed=?", (damaged,))
        again = kblint("--format", "json", ".", cwd=kb)
        assert again.returncode == 0, (damaged, again.stderr)
        assert json.loads(again.stdout)["findings"] == []  # the suppression still holds


def test_a_cache_folder_shared_with_other_files_keeps_them(tmp_path):
    kb = knowledge_base(tmp_path / "kb")
    shared = tmp_path / "shared"
    shared.mkdir()
    theirs = [shared / "cache-notes.sqlite", shared / "cache-1.sqlite", shared / "data.json"]
    for path in theirs:
        path.write_text("not kblint's", "utf-8")
    for k in range(6):  # more settings than the cache keeps: old databases of kblint's go
        (kb / "kblint.yaml").write_text(f"source_locale: en\naccepted_words: [word{k}]\n", "utf-8")
        assert kblint("--cache-dir", str(shared), ".", cwd=kb).returncode == 0
    assert all(path.read_text("utf-8") == "not kblint's" for path in theirs)
    assert not (shared / ".gitignore").exists()  # the folder is not kblint's to hide from git
    assert len(list(shared.glob("cache-*.sqlite"))) <= 3 + len(theirs)


def test_an_unreadable_cache_folder_means_no_cache(tmp_path, monkeypatch):
    """(As root, mode 000 stops nothing: the folder's failures are simulated.)"""
    from kblint import cache as caching
    from kblint.config import load_config
    from kblint.engine import run
    from kblint.rules import registry_for

    kb = knowledge_base(tmp_path, "It occured.\n")
    real_exists = Path.exists

    def denied(self, *args, **kwargs):
        if ".kblint_cache" in str(self):
            raise PermissionError(13, "Permission denied", str(self))
        return real_exists(self, *args, **kwargs)

    monkeypatch.setattr(Path, "exists", denied)
    monkeypatch.setattr(caching.sqlite3, "connect", lambda *a, **k: (_ for _ in ()).throw(sqlite3.OperationalError("unable to open database file")))
    config = load_config(None, kb)
    rules = registry_for(config).select([], [])
    cache = caching.Cache(kb / ".kblint_cache", caching.settings_key(config, rules))
    assert cache.db is None
    assert [f.name for f in run([kb], config, rules, cache=cache).findings] == ["typo"]


def test_a_file_name_that_is_not_utf8_is_linted_and_shown_escaped(tmp_path):
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "kblint.yaml").write_text("source_locale: en\n", "utf-8")
    name = b"KB11-\xb1\xa8\xb8\xe6.md"  # GBK bytes, as an archive unzipped on Linux leaves them
    try:
        with open(os.path.join(os.fsencode(kb), name), "wb") as handle:
            handle.write(article("KB11", "en", "T", "It occured.\n").encode("utf-8"))
    except OSError:
        pytest.skip("this file system takes only UTF-8 names")
    shown = "KB11-\\xb1\\xa8\\xb8\\xe6.md"
    for args in ([], [], ["--format", "json"], ["--format", "sarif"], ["--format", "github"], ["--format", "gitlab"]):
        result = kblint(*args, ".", cwd=kb)  # twice with the cache: the second reads it
        assert result.returncode == 1, (args, result.stderr)
        out = result.stdout.decode("utf-8")  # strictly UTF-8
        from urllib.parse import quote

        # As text, as JSON (a backslash escaped), as a SARIF URI (percent-encoded).
        assert shown in out or shown.replace("\\", "\\\\") in out or quote(shown, safe="/-._~") in out, args
    assert kblint("--output", str(tmp_path / "out.txt"), ".", cwd=kb).returncode == 1
    assert shown in (tmp_path / "out.txt").read_text("utf-8")
    assert kblint("--write-baseline", str(tmp_path / "base.json"), ".", cwd=kb).returncode == 0
    assert kblint("--baseline", str(tmp_path / "base.json"), ".", cwd=kb).returncode == 0
    assert kblint("report", ".", "-o", str(tmp_path / "health.html"), cwd=kb).returncode == 0
    assert kblint("--fix", ".", cwd=kb).returncode == 0
    with open(os.path.join(os.fsencode(kb), name), "rb") as handle:
        assert handle.read().endswith(b"It occurred.\n")
