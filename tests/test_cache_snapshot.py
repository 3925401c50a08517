"""The cache's files table read as one packed row (kblint.store.snapshot): what it reads is what
the rows say; any change to a row, by kblint or by anyone, removes it; a damaged one is read as
none; writing one never waits for another run."""

from __future__ import annotations

import sqlite3

import pytest

from kblint.store import snapshot
from kblint.store.cache import Cache

ROWS = [
    ("en/KB10.md", 120, 2**63 - 1, "a" * 64, "[]", ""),
    ("zh-Hant/KB10.md", -1, -1, "b" * 64, None, '{"whole_file": ["typo"], "ranges": []}'),
    ("en/sub folder/ünïcode.md", 0, 7, "c" * 64, '[{"x": 1}]', None),
]


@pytest.fixture
def cache(tmp_path) -> Cache:
    """A cache whose files table holds ROWS (written by another run, as the database sees it)."""
    first = Cache(tmp_path, "k" * 24)
    with first.db:
        first.db.executemany("INSERT INTO files VALUES(?, ?, ?, ?, ?, ?)", ROWS)
    first.db.close()
    return Cache(tmp_path, "k" * 24)


def rows_read(db: sqlite3.Connection) -> dict:
    return {row[0]: (row[1], row[2], row[3], int(row[4] is not None), row[5] or "") for row in db.execute("SELECT * FROM files")}


def snapshots(db: sqlite3.Connection) -> int:
    return db.execute("SELECT count(*) FROM files_snapshot").fetchone()[0]


def test_the_snapshot_a_run_writes_is_what_the_next_reads(cache):
    first = cache.index
    assert first == rows_read(cache.db) and snapshots(cache.db) == 1
    again = Cache(cache.folder, "k" * 24)
    assert again.index == first
    assert again.findings_of("en/KB10.md", again.index["en/KB10.md"]) == []  # read from its row
    assert again.findings_of("zh-Hant/KB10.md", again.index["zh-Hant/KB10.md"]) is None  # none stored


@pytest.mark.parametrize(
    "change",
    [
        "UPDATE files SET suppressed='[1]' WHERE relpath='en/KB10.md'",
        "DELETE FROM files WHERE relpath='en/KB10.md'",
        "INSERT INTO files VALUES('en/KB11.md', 1, 2, 'd', NULL, '')",
        "INSERT OR REPLACE INTO files VALUES('en/KB10.md', 1, 2, 'd', NULL, '')",
    ],
)
def test_any_change_to_a_row_removes_the_snapshot(cache, change):
    """By whoever makes it: the triggers are the database's own."""
    with sqlite3.connect(cache.path) as other:
        other.execute(change)
        assert snapshots(other) == 0
        expected = rows_read(other)
    again = Cache(cache.folder, "k" * 24)
    assert again.index == expected


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE files_snapshot SET sizes=x'0102'",
        "UPDATE files_snapshot SET relpaths='one'",
        "UPDATE files_snapshot SET flags='text'",
        "UPDATE files_snapshot SET hashes=NULL",
        "UPDATE files_snapshot SET mtimes=12",
    ],
)
def test_a_damaged_snapshot_is_read_as_none(cache, damage):
    expected = dict(cache.index)
    with sqlite3.connect(cache.path) as other:
        other.execute(damage)
    again = Cache(cache.folder, "k" * 24)
    assert again.index == expected
    assert snapshots(again.db) == 1 and Cache(cache.folder, "k" * 24).index == expected  # and written anew


def test_rows_of_another_shape_get_no_snapshot(tmp_path):
    first = Cache(tmp_path, "k" * 24)
    with first.db:
        first.db.execute("INSERT INTO files VALUES('en/a.md', 'ten', 1, 'h', NULL, '')")
        first.db.execute("INSERT INTO files VALUES(?, 1, 1, 'h', NULL, '')", ("en/b\0c.md",))
    again = Cache(tmp_path, "k" * 24)
    assert again.index["en/a.md"][0] == "ten" and snapshots(again.db) == 0


def test_a_snapshot_is_not_written_while_another_run_writes(tmp_path):
    """The snapshot only saves the next run some time: it never waits for the write lock."""
    import time

    Cache(tmp_path, "k" * 24).db.close()
    writer = sqlite3.connect(tmp_path / f"cache-{'k' * 24}.sqlite", isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO files VALUES('en/a.md', 1, 1, 'h', NULL, '')")
    started = time.monotonic()
    reader = Cache(tmp_path, "k" * 24)
    assert time.monotonic() - started < 5 and reader.db is not None
    assert reader.index == {} and not reader.db.in_transaction
    writer.execute("COMMIT")
    assert snapshots(writer) == 0
    assert set(Cache(tmp_path, "k" * 24).index) == {"en/a.md"}


def test_the_summaries_check_is_skipped_until_a_summary_changes(cache):
    def checked(db) -> bool:
        return db.execute("SELECT 1 FROM meta WHERE key='summaries-checked'").fetchone() is not None

    assert checked(cache.db)
    with sqlite3.connect(cache.path) as other:
        other.execute("INSERT INTO summaries VALUES('en/KB10.md', 'h', x'01', 'en', NULL, 'T', 0, NULL, '{}', '{}')")
        assert not checked(other)
    again = Cache(cache.folder, "k" * 24)
    assert "en/KB10.md" not in again.index  # the damaged summary's file is linted again
    assert again.db.execute("SELECT count(*) FROM summaries").fetchone()[0] == 0
    assert checked(Cache(cache.folder, "k" * 24).db)


def test_a_run_that_changes_rows_leaves_a_snapshot_of_them(cache):
    from kblint.model.finding import Finding, Severity

    finding = Finding("en/KB12.md", 3, 1, 3, 4, "KL201", "typo", Severity.WARNING, "'teh' is misspelled")
    cache.store("en/KB12.md", (40, 9), "e" * 64, [finding], None)
    cache.store("en/KB10.md", None, "f" * 64, None, None)
    cache.save()
    assert snapshots(cache.db) == 1
    again = Cache(cache.folder, "k" * 24)
    assert again.index == rows_read(again.db)
    assert again.findings_of("en/KB12.md", again.index["en/KB12.md"]) == [finding]


def test_a_run_that_another_changed_the_table_under_leaves_none(cache):
    """What the cache holds in memory is not the table once another connection wrote to it."""
    with sqlite3.connect(cache.path) as other:
        other.execute("INSERT INTO files VALUES('en/KB13.md', 1, 2, 'd', NULL, '')")
    cache.store("en/KB12.md", (40, 9), "e" * 64, [], None)
    cache.save()
    assert snapshots(cache.db) == 0
    again = Cache(cache.folder, "k" * 24)
    assert {"en/KB12.md", "en/KB13.md"} <= set(again.index) and again.index == rows_read(again.db)


def test_a_run_of_a_changed_file_leaves_the_next_run_both_marks(tmp_path):
    """The snapshot and the mark of checked summaries, which the rows it writes remove, are
    written again in the same transaction; the next run finds what a run without a cache finds."""
    import shutil

    from helpers import EXAMPLES
    from kblint.app.cli import main

    kb = tmp_path / "kb"
    shutil.copytree(EXAMPLES, kb, ignore=shutil.ignore_patterns(".kblint_cache"))
    named = kb / "corpus/en/KB1004.md"
    args = ["--quiet", "--jobs", "1", "--cache-dir", str(tmp_path / "cache"), str(named)]
    main(args)
    main(args)
    named.write_text(named.read_text("utf-8") + "\nSee KB1001.\n", "utf-8")
    main(args)
    [database] = (tmp_path / "cache").glob("cache-*.sqlite")
    with sqlite3.connect(database) as db:
        assert snapshots(db) == 1
        assert db.execute("SELECT 1 FROM meta WHERE key='summaries-checked'").fetchone() is not None
    again = Cache(tmp_path / "cache", database.stem.removeprefix("cache-"))
    assert again.index == rows_read(again.db) and again.index["corpus/en/KB1004.md"][0] == named.stat().st_size
