"""The cache's ``files`` table as one row, read at every start in a fraction of the time of
its rows.

A run of one file in a knowledge base of 20,000 articles looks up every file's row: read row
by row, the table costs 30 to 45 ms of that run; its columns packed together (the names and
hashes as NUL-joined text, the sizes and times as arrays of integers) are read and unpacked in
a few. The snapshot is written by the first run that opens the cache after a change, and
removed by the database itself whenever a row of ``files`` changes (the triggers of
``SCHEMA``), whoever changes it: kblint's runs, its workers, or a program that edits the
database. So a snapshot that exists is the table's content. Nothing in it is code: a damaged
snapshot unpacks to columns of different lengths, or fails, and the rows are read instead.
"""

from __future__ import annotations

import sqlite3
from array import array

SCHEMA = """
CREATE TABLE IF NOT EXISTS files_snapshot(relpaths TEXT, hashes TEXT, suppressed TEXT, sizes BLOB, mtimes BLOB, flags BLOB);
CREATE TRIGGER IF NOT EXISTS files_inserted AFTER INSERT ON files BEGIN DELETE FROM files_snapshot; END;
CREATE TRIGGER IF NOT EXISTS files_updated AFTER UPDATE ON files BEGIN DELETE FROM files_snapshot; END;
CREATE TRIGGER IF NOT EXISTS files_deleted AFTER DELETE ON files BEGIN DELETE FROM files_snapshot; END;
CREATE TRIGGER IF NOT EXISTS summaries_inserted AFTER INSERT ON summaries BEGIN DELETE FROM meta WHERE key='summaries-checked'; END;
CREATE TRIGGER IF NOT EXISTS summaries_updated AFTER UPDATE ON summaries BEGIN DELETE FROM meta WHERE key='summaries-checked'; END;
CREATE TRIGGER IF NOT EXISTS summaries_deleted AFTER DELETE ON summaries BEGIN DELETE FROM meta WHERE key='summaries-checked'; END;
"""

# What the index holds of a row: (size, mtime, hash, whether findings are stored, suppressed).
IndexEntry = tuple
_ROWS = "SELECT relpath, size, mtime, hash, findings IS NOT NULL, ifnull(suppressed, '') FROM files"


def data_version(db: sqlite3.Connection) -> int:
    """A number that changes when another connection commits a change to the database."""
    return db.execute("PRAGMA data_version").fetchone()[0]


def read_index(db: sqlite3.Connection) -> dict[str, IndexEntry]:
    """Every row of ``files`` by relpath: from the snapshot when there is one; else from the
    rows, and a snapshot of them is written for the next run when no other run wrote in the
    meantime (it never waits for one)."""
    db.execute("BEGIN")  # what is read and the snapshot written are of one state
    try:
        row = db.execute("SELECT relpaths, hashes, suppressed, sizes, mtimes, flags FROM files_snapshot").fetchone()
        index = _unpacked(row) if row is not None else None
        rows = db.execute(_ROWS).fetchall() if index is None else []
    except BaseException:
        db.execute("ROLLBACK")
        raise
    if index is not None:
        db.execute("COMMIT")
        return index
    packed = _packed(rows)
    if packed is None or not write_unless_busy(db, lambda: _write(db, packed)):
        db.execute("ROLLBACK")
    return {row[0]: row[1:] for row in rows}


def rewrite(db: sqlite3.Connection, index: dict[str, tuple]) -> None:
    """In the transaction that wrote rows of ``files`` (whose triggers removed the snapshot),
    when the cache's ``index`` is the table's content (no other connection changed the database
    since it was read: this one's writes are in it), a snapshot of it. A run of a changed file
    then leaves a snapshot for the next, as a run that changed nothing does."""
    packed = _packed([(relpath, entry[0], entry[1], entry[2], 1 if entry[3] else 0, entry[4]) for relpath, entry in index.items()])
    if packed is not None:
        _write(db, packed)


def _write(db: sqlite3.Connection, packed: tuple) -> None:
    db.execute("DELETE FROM files_snapshot")
    db.execute("INSERT INTO files_snapshot VALUES(?, ?, ?, ?, ?, ?)", packed)


def write_unless_busy(db: sqlite3.Connection, write) -> bool:
    """Make ``write`` and commit the transaction open on ``db``, unless another connection holds
    or took the write lock since it began: what was read is then out of date, and SQLite refuses
    at once. Such a write is only for the next run's speed, and never waits. False when the
    write was refused (the transaction is then still open, for the caller to roll back)."""
    (patience,) = db.execute("PRAGMA busy_timeout").fetchone()
    db.execute("PRAGMA busy_timeout=0")
    try:
        write()
        db.execute("COMMIT")
        return True
    except sqlite3.Error:
        return False
    finally:
        db.execute(f"PRAGMA busy_timeout={int(patience)}")


def _packed(rows: list[tuple]) -> tuple | None:
    """The rows as the snapshot's columns; None when a row is not of the shape kblint writes
    (a damaged or foreign database: such rows are read one by one)."""
    try:
        relpaths, sizes, mtimes, hashes, flags, suppressed = zip(*rows) if rows else ((),) * 6
        texts = ["\0".join(relpaths), "\0".join(hashes), "\0".join(text or "" for text in suppressed)]
        if any(text.count("\0") != max(len(rows) - 1, 0) for text in texts):
            return None  # a NUL inside a value: its column could not be split again
        return (*texts, array("q", sizes).tobytes(), array("q", mtimes).tobytes(), bytes(flags))
    except (TypeError, ValueError, OverflowError):
        return None


def _unpacked(row: tuple) -> dict[str, IndexEntry] | None:
    """The index a snapshot holds; None when it is damaged."""
    try:
        relpaths, hashes, suppressed, size_bytes, mtime_bytes, flags = row
        sizes, mtimes = array("q"), array("q")
        sizes.frombytes(size_bytes)
        mtimes.frombytes(mtime_bytes)
        if not isinstance(flags, bytes):
            return None
        if not relpaths and not sizes:
            return {}
        names, digests, notes = relpaths.split("\0"), hashes.split("\0"), suppressed.split("\0")
    except (TypeError, ValueError, AttributeError):
        return None
    if not len(names) == len(digests) == len(notes) == len(sizes) == len(mtimes) == len(flags):
        return None
    return dict(zip(names, zip(sizes, mtimes, digests, flags, notes)))
