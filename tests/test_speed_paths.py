"""Cold, warm (cached) and parallel runs give identical findings; the cache is safe."""

import json
import os
import subprocess
import sys

from helpers import ROOT


def kblint(*args: str, cwd=ROOT):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "kblint", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_cold_warm_and_parallel_findings_are_identical(tmp_path):
    cache = tmp_path / "cache"
    cold = kblint("--format", "json", "--no-cache", "--jobs", "1", "examples/")
    first = kblint("--format", "json", "--cache-dir", str(cache), "--jobs", "1", "examples/")
    warm = kblint("--format", "json", "--cache-dir", str(cache), "--jobs", "1", "examples/")
    parallel = kblint("--format", "json", "--no-cache", "--jobs", "2", "examples/")
    outputs = [json.loads(r.stdout)["findings"] for r in (cold, first, warm, parallel)]
    assert outputs[0] and all(o == outputs[0] for o in outputs)
    assert list(cache.glob("cache-*.sqlite"))
    assert (cache / ".gitignore").read_text("utf-8").strip().endswith("*")


def test_rows_written_by_worker_processes_serve_the_next_run(tmp_path):
    import sqlite3

    cache = tmp_path / "cache"
    cold = kblint("--format", "json", "--cache-dir", str(cache), "--jobs", "2", "examples/")
    warm = kblint("--format", "json", "--cache-dir", str(cache), "--jobs", "2", "examples/")
    alone = kblint("--format", "json", "--no-cache", "--jobs", "1", "examples/")
    # (Workers that write the cache send the parent each summary as its row's JSON.)
    assert json.loads(cold.stdout)["findings"] == json.loads(warm.stdout)["findings"] == json.loads(alone.stdout)["findings"]
    articles = len([p for p in (ROOT / "examples").rglob("*") if p.suffix in (".md", ".mdx")])
    [database] = cache.glob("cache-*.sqlite")
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT count(*) FROM files").fetchone()[0] == articles
        assert db.execute("SELECT count(*) FROM summaries").fetchone()[0] == articles


def test_changed_file_is_relinted_and_corrupt_cache_is_ignored(tmp_path):
    kb = tmp_path / "kb"
    (kb / "en").mkdir(parents=True)
    (kb / "kblint.yaml").write_text("source_locale: en\n", "utf-8")
    article = kb / "en" / "KB10.md"
    article.write_text("---\nid: KB10\nlang: en\ntitle: T\n---\nWe recieve it.\n", "utf-8")
    assert "recieve" in kblint(".", cwd=kb).stdout
    assert "recieve" in kblint(".", cwd=kb).stdout  # from the cache
    article.write_text("---\nid: KB10\nlang: en\ntitle: T\n---\nWe receive it. See KB99.\n", "utf-8")
    out = kblint(".", cwd=kb).stdout
    assert "recieve" not in out and "KB99" in out
    for cache_file in (kb / ".kblint_cache").glob("cache-*"):
        cache_file.write_text("not a database", "utf-8")
    out = kblint(".", cwd=kb)
    assert out.returncode == 1 and "KB99" in out.stdout
    import sqlite3

    (database,) = (kb / ".kblint_cache").glob("cache-*.sqlite")
    rows = sqlite3.connect(database).execute("SELECT relpath FROM files").fetchall()
    assert rows == [("en/KB10.md",)]


def test_cache_is_never_code(tmp_path):
    """The cache holds JSON text in SQLite, opened with trusted_schema off: a planted pickle is
    a damaged database, deleted and rebuilt, never run."""
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "kblint.yaml").write_text("source_locale: en\n", "utf-8")
    (kb / "KB10.md").write_text("---\nid: KB10\nlang: en\ntitle: T\n---\nText.\n", "utf-8")
    (kb / ".kblint_cache").mkdir()
    assert kblint(".", cwd=kb).returncode == 0
    for cache_file in (kb / ".kblint_cache").glob("cache-*"):
        cache_file.write_bytes(b"\x80\x04\x95cos\nsystem\n(S'touch pwned'\ntR.")
    assert kblint(".", cwd=kb).returncode == 0
    assert not (kb / "pwned").exists()


def test_deleted_files_leave_the_cache(tmp_path):
    import sqlite3

    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "kblint.yaml").write_text("source_locale: en\n", "utf-8")
    for number in (10, 11):
        (kb / f"KB{number}.md").write_text(f"---\nid: KB{number}\nlang: en\ntitle: T\n---\nText.\n", "utf-8")
    assert kblint(".", cwd=kb).returncode == 0
    (kb / "KB11.md").unlink()
    assert kblint(".", cwd=kb).returncode == 0
    (database,) = (kb / ".kblint_cache").glob("cache-*.sqlite")
    rows = sqlite3.connect(database).execute("SELECT relpath FROM files ORDER BY relpath").fetchall()
    assert rows == [("KB10.md",)]


def test_a_new_reference_target_is_seen_by_a_warm_single_file_run(tmp_path):
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "kblint.yaml").write_text("source_locale: en\n", "utf-8")
    (kb / "KB10.md").write_text("---\nid: KB10\nlang: en\ntitle: T\n---\nSee KB12.\n", "utf-8")
    assert "KB12 does not exist" in kblint("KB10.md", cwd=kb).stdout
    (kb / "KB12.md").write_text("---\nid: KB12\nlang: en\ntitle: U\n---\nText.\n", "utf-8")
    result = kblint("KB10.md", cwd=kb)
    assert result.returncode == 0, result.stdout


def test_no_cache_writes_nothing(tmp_path):
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "kblint.yaml").write_text("source_locale: en\n", "utf-8")
    (kb / "KB10.md").write_text("---\nid: KB10\nlang: en\ntitle: T\n---\nText.\n", "utf-8")
    assert kblint("--no-cache", ".", cwd=kb).returncode == 0
    assert sorted(p.name for p in kb.iterdir()) == ["KB10.md", "kblint.yaml"]


def test_a_copy_that_keeps_size_and_modification_time_is_not_served_from_the_cache(tmp_path):
    """cp -p, rsync -t, tar x and touch -r bring new text with the old size and time: the
    status-change time and the inode still tell the file changed."""
    import shutil

    kb = tmp_path / "kb"
    (kb / "en").mkdir(parents=True)
    (kb / "kblint.yaml").write_text("source_locale: en\n", "utf-8")
    article = kb / "en" / "KB1.md"
    article.write_text("---\nid: KB1\nlang: en\ntitle: T\n---\n\nKeep the password safe.\n", "utf-8")
    cache = tmp_path / "cache"
    first = kblint("--format", "json", "--cache-dir", str(cache), "kb/", cwd=tmp_path)
    assert json.loads(first.stdout)["findings"] == []
    # The same size, the same modification time, another text: a typo now.
    other = tmp_path / "other.md"
    other.write_text("---\nid: KB1\nlang: en\ntitle: T\n---\n\nKeep the pasword, safe.\n", "utf-8")
    assert other.stat().st_size == article.stat().st_size
    shutil.copystat(article, other)
    os.replace(other, article)
    second = kblint("--format", "json", "--cache-dir", str(cache), "kb/", cwd=tmp_path)
    assert [f["message"] for f in json.loads(second.stdout)["findings"]] == ["'pasword' is misspelled: 'password'"]


def test_a_warm_run_serves_clean_findings_and_suppressed_files_alike(tmp_path):
    """A warm run serves a file without findings from its index entry alone; a file whose
    corpus finding an inline comment turns off, or with findings of its own, still reads them."""
    kb = tmp_path / "kb"
    (kb / "en").mkdir(parents=True)
    (kb / "kblint.yaml").write_text("source_locale: en\n", "utf-8")
    for n in range(1001, 1301):  # more files than a run reads the findings of one by one
        (kb / "en" / f"KB{n}.md").write_text(f"---\nid: KB{n}\ntitle: Clean {n}\n---\n\nNothing to say here.\n", "utf-8")
    (kb / "en" / "KB2002.md").write_text(
        "---\nid: KB2002\ntitle: Quiet\n---\n\n<!-- kblint-disable broken-reference -->\nSee KB9999 for more.\n", "utf-8"
    )
    (kb / "en" / "KB2003.md").write_text("---\nid: KB2003\ntitle: Loud\n---\n\nSee KB9998 and recieve it.\n", "utf-8")
    cache = tmp_path / "cache"
    runs = [kblint("--format", "json", "--cache-dir", str(cache), ".", cwd=kb) for _ in range(2)]
    alone = kblint("--format", "json", "--no-cache", ".", cwd=kb)
    findings = [json.loads(r.stdout)["findings"] for r in (*runs, alone)]
    assert findings[0] == findings[1] == findings[2]
    assert {(f["path"], f["name"]) for f in findings[0]} == {("en/KB2003.md", "broken-reference"), ("en/KB2003.md", "typo")}
