"""The incremental cache.

Per file, it keeps what parsing the file produced: its per-document findings and the summary
that corpus rules read. An entry is valid for the same file content (checked first by size
and modification time, then by a content hash) under the same kblint version, library
versions, configuration, rule packs and rule selection: all of those go into the cache's file
name, so a change in any of them starts a fresh cache.

The cache is an SQLite database (in the standard library) with these tables: ``files`` (size,
time, hash, inline suppressions, loaded whole, and per-document findings, read when a run
reports them), ``summaries`` (each article's skeleton in columns of its own: id, locale, root,
title, a vault note's aliases; its identity and, separately, its full summary, read only for the articles corpus rules
must look into), ``corpus`` (the corpus rules' findings for the last few states of the whole
corpus, so that an unchanged corpus runs no corpus rule), ``derived_state`` and
``derived_rows`` (what a corpus rule counts over the whole knowledge base, kept per article or
pair with the contents it came from: see ``kblint.corpus.corpus.DerivedStore``) and ``meta``.
SQLite gives row-level updates (a changed file rewrites one row, not megabytes), atomic
transactions and locking for concurrent runs. Values are JSON text, never pickles, and the
database is opened with ``trusted_schema=OFF``: the folder lives in the user's tree, and a
cache from elsewhere must never be able to run code. A corrupt or foreign database is
deleted and rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any, Iterable, Iterator, NamedTuple

from kblint import __version__
from kblint.store.identity import code_identity
from kblint.model.text import has_surrogates
from kblint.model.config import Config
from kblint.model.fsutil import make_cache_folder
from kblint.store import snapshot
from kblint.store.statkeys import stat_keys
from kblint.model.finding import Finding, finding_from_json, finding_to_json
from kblint.rules.api import Rule
from kblint.corpus.summary import Summary

FORMAT = 28  # 28: a summary keeps the place of the source revision it records
# An index entry's findings: their JSON text (written by this run), _RELEASED when they are
# stored in the database (and, while a run of many files reads them, in Cache._loaded), 0 or
# None when none are stored (a file that was not a target).
_RELEASED = 1
LIBRARIES = ("mistune", "opencc", "codespell", "ftfy", "PyYAML")
MAX_SETTINGS = 4  # caches of older settings beyond this many are removed
_RECENTLY_USED = 60.0  # seconds: a corpus state used this recently is not stamped again
CORPUS_STATES = 4  # corpus results kept per settings (a full run and pre-commit runs stay warm)
_BY_PATH_AT_MOST = 500  # files a run names, up to which it reads their corpus findings by path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files(relpath TEXT PRIMARY KEY, size INTEGER, mtime INTEGER, hash TEXT, findings TEXT, suppressed TEXT);
CREATE TABLE IF NOT EXISTS summaries(
    relpath TEXT PRIMARY KEY, hash TEXT, id TEXT, locale TEXT, root TEXT, title TEXT, by_path INTEGER, aliases TEXT, identity TEXT,
    details TEXT
);
CREATE INDEX IF NOT EXISTS summaries_by_id ON summaries(id, locale, relpath, hash, root, title);
CREATE TABLE IF NOT EXISTS corpus(digest TEXT PRIMARY KEY, findings TEXT, used REAL);
CREATE TABLE IF NOT EXISTS corpus_paths(digest TEXT, path TEXT, findings TEXT, PRIMARY KEY(digest, path));
CREATE TABLE IF NOT EXISTS derived_state(name TEXT, owner TEXT, state TEXT, PRIMARY KEY(name, owner));
CREATE TABLE IF NOT EXISTS derived_rows(name TEXT, owner TEXT, grp TEXT, key TEXT, value TEXT);
CREATE INDEX IF NOT EXISTS derived_by_key ON derived_rows(name, grp, key);
CREATE INDEX IF NOT EXISTS derived_by_owner ON derived_rows(name, owner);
CREATE TABLE IF NOT EXISTS history(root TEXT PRIMARY KEY, head TEXT, log TEXT);
""" + snapshot.SCHEMA


def _library_versions() -> str:
    """The versions of the libraries results depend on, read from the names of their installed
    metadata folders (``name-version.dist-info``, on ``sys.path`` in its order, as
    importlib.metadata looks them up): importing importlib.metadata and asking it costs 25 ms
    at every start, a third of a warm run of one file. A library installed otherwise (an egg,
    a zip) is asked of importlib.metadata."""
    wanted = {_project_key(name): name for name in LIBRARIES}
    found: dict[str, str] = {}
    for entry in sys.path:
        if len(found) == len(wanted):
            break
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info"):
                project, _, version = name[: -len(".dist-info")].partition("-")
                key = _project_key(project)
                if key in wanted:
                    found.setdefault(key, version)
    return ";".join(f"{name}={found[key] if key in found else _installed_version(name)}" for key, name in wanted.items())


def _project_key(name: str) -> str:
    """A project's name as its metadata folder may spell it (PyYAML, pyyaml, py_yaml)."""
    return re.sub(r"[-_.]+", "_", name).lower()


def _installed_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


def settings_key(config: Config, rules: list[Rule]) -> str:
    """Everything besides the files' content that cached results depend on."""
    from kblint.lang.data import packs_folder

    digest = hashlib.sha256()
    digest.update(f"{FORMAT}|{__version__}|{_library_versions()}".encode())
    digest.update(code_identity().encode())  # an edited rule must not serve old results
    digest.update(json.dumps(config.raw, sort_keys=True, default=str).encode())
    digest.update(str(config.root).encode())
    if config.layout is not None:  # identities depend on the locale trees found
        digest.update(config.layout.key().encode())
    digest.update(f"wiki:{config.wiki_links}".encode())  # found from a .obsidian folder, where not set
    # Commits that do not count (a translation tracker's keywords, read beside the configuration).
    digest.update("\0".join(config.outdated_ignore).encode())
    extra = [config.glossary_file] if config.glossary_file is not None else []
    for path in sorted(packs_folder().glob("*.yaml")) + list(config.packs) + extra:
        try:
            digest.update(path.name.encode() + path.read_bytes())
        except OSError:
            digest.update(path.name.encode())
    digest.update(",".join(sorted(r.code for r in rules)).encode())
    return digest.hexdigest()[:24]


_INSERT_SUMMARY = "INSERT OR REPLACE INTO summaries VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
# A summary row whose article columns are not of the shape kblint writes (see _forget_damaged).
_DAMAGED_SUMMARY = (
    "typeof(relpath)!='text' OR typeof(hash)!='text' OR typeof(id)!='text' OR typeof(locale)!='text'"
    " OR typeof(root) NOT IN ('text', 'null') OR typeof(title) NOT IN ('text', 'null')"
)
_SUMMARIES_CHECKED = "INSERT OR REPLACE INTO meta VALUES('summaries-checked', '1')"
_RECHECKED_SUMMARIES = 500  # a save of more summaries leaves the whole table to the next run's check
_OWN_DATABASE = re.compile(r"cache-[0-9a-f]{24}\.sqlite")


def _is_range(value: Any) -> bool:
    return (
        isinstance(value, list) and len(value) == 3 and isinstance(value[0], str)
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value[1:])
    )  # fmt: skip


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


# One encoder for every value: json.dumps with options builds a new one per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _dumps(value: Any) -> str:
    text = _ENCODER.encode(value)
    if has_surrogates(text):  # a name that is not UTF-8: JSON's escapes keep it, SQLite takes them
        return json.dumps(value, ensure_ascii=True, separators=(",", ":"))
    return text


def _summary(text: str) -> Summary | None:
    """A stored summary, or None when the row is damaged or from another format."""
    try:
        return Summary.from_json(json.loads(text))
    except (KeyError, TypeError, ValueError, IndexError):
        return None


def _loads_or_none(text: Any) -> Any:
    """A stored JSON value, or None when the cell is damaged."""
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return None


class RowValues(NamedTuple):
    """A file's results as the cache stores them (None where there is nothing)."""

    findings: str | None  # JSON text
    suppressed: str  # JSON text, "" for none
    skeleton: tuple | None  # id, locale, root, title, by_path: columns of their own (see StoredArticles)
    identity: str | None  # JSON text of the light summary
    details: str | None  # JSON text of the full summary


def row_values(findings: list[Finding] | None, summary: Summary | None) -> RowValues:
    findings_json = None if findings is None else _dumps([finding_to_json(f) for f in findings])
    if summary is None:
        return RowValues(findings_json, "", None, None, None)
    suppressed = _dumps(summary.suppressed) if summary.suppressed else ""
    # A vault note's aliases have a column of their own: a run of a few files finds the note a
    # name gives among thousands without reading their summaries.
    aliases = _dumps(summary.aliases) if summary.aliases else None
    skeleton = (summary.id, summary.locale, summary.root, summary.title, int(summary.by_path), aliases)
    row = summary.to_json()
    return RowValues(findings_json, suppressed, skeleton, _dumps(Summary.identity_row(row)), _dumps(row))


def write_rows(database: Path, rows: list[tuple]) -> bool:
    """Store (relpath, stat, hash, row_values) rows from a worker process, in one transaction
    of its own; SQLite's locking serializes the workers. False if the cache could not take
    them (the parent then stores them itself)."""
    try:
        db = sqlite3.connect(database, timeout=60, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        db.execute("PRAGMA trusted_schema=OFF")
        db.execute("PRAGMA synchronous=NORMAL")  # as the parent's connection: no fsync per commit in WAL mode
        with db:
            db.execute("BEGIN")
            for relpath, stat, digest, (findings_json, suppressed, skeleton, identity, details) in rows:
                size, mtime = stat if stat is not None else (-1, -1)
                db.execute("INSERT OR REPLACE INTO files VALUES(?, ?, ?, ?, ?, ?)", (relpath, size, mtime, digest, findings_json, suppressed))
                if identity is not None:
                    db.execute(_INSERT_SUMMARY, (relpath, digest, *skeleton, identity, details))
        return True
    except sqlite3.Error:
        return False
    finally:
        db.close()


class Cache:
    def __init__(self, folder: Path, key: str) -> None:
        self.folder = folder
        self.path = folder / f"cache-{key}.sqlite"
        self.db: sqlite3.Connection | None = None
        # relpath -> (size, mtime_ns, hash, findings JSON or None, suppressions JSON)
        self.index: dict[str, tuple] = {}
        self._held: set[str] = set()  # the entries that hold their findings' text (stored by this run)
        self._loaded: dict[str, str] = {}  # every stored file's findings text, while a run of many reads them
        self._version = -1  # the database's data version when it was opened (see _marks_kept)
        self._summaries_checked = False  # the summaries table was known to be of the checked shape then
        self._identities: dict[str, tuple[str, str]] | None = None
        self._pending_files: dict[str, tuple] = {}
        self._pending_summaries: dict[str, tuple] = {}
        self.new_details: dict[str, Summary] = {}
        self._open()

    # -- opening, and starting over when the database is damaged or foreign
    def _open(self) -> None:
        for attempt in range(2):
            try:
                make_cache_folder(self.folder)
                db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
                db.execute("PRAGMA trusted_schema=OFF")
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                db.executescript(_SCHEMA)
                row = db.execute("SELECT value FROM meta WHERE key='format'").fetchone()
                if row is None:
                    db.execute("INSERT OR REPLACE INTO meta VALUES('format', ?)", (str(FORMAT),))
                elif row[0] != str(FORMAT):
                    raise sqlite3.DatabaseError("foreign cache format")
                self._version = snapshot.data_version(db)  # before anything is read
                self._summaries_checked = self._forget_damaged(db)
                # Findings stay in the database until a run asks for them (see load_findings):
                # a run of one file in a large knowledge base needs its own only.
                self.index = snapshot.read_index(db)
                self.db = db
                self._prune()
                return
            except (sqlite3.Error, OSError, ValueError):
                self.index = {}
                try:
                    db.close()  # type: ignore[possibly-undefined]
                except Exception:
                    pass
                for suffix in ("", "-wal", "-shm"):
                    try:
                        os.unlink(f"{self.path}{suffix}")
                    except OSError:
                        pass
        self.db = None  # a read-only or broken folder: lint without a cache

    def _forget_damaged(self, db: sqlite3.Connection) -> bool:
        """Rows whose article columns are of another shape (a damaged or foreign cache) go, with
        their files' rows: those files are linted again. (Read from the index, which holds those
        columns: the table's own rows are large.) Once the check finds none, a mark says so
        until a row of ``summaries`` changes (a trigger removes it: see ``snapshot.SCHEMA``), and
        the next runs skip it: 15 ms of every start at 20,000 articles. True when the table is
        known to hold none."""
        if db.execute("SELECT 1 FROM meta WHERE key='summaries-checked'").fetchone() is not None:
            return True
        db.execute("BEGIN")  # the check and its mark are of one state of the table
        try:
            damaged = [relpath for (relpath,) in db.execute(f"SELECT relpath FROM summaries INDEXED BY summaries_by_id WHERE {_DAMAGED_SUMMARY}")]
        except BaseException:
            db.execute("ROLLBACK")
            raise
        if damaged or not snapshot.write_unless_busy(db, lambda: db.execute(_SUMMARIES_CHECKED)):
            db.execute("ROLLBACK")
        if not damaged:
            return True
        with db:
            db.execute("BEGIN")
            db.executemany("DELETE FROM summaries WHERE relpath=?", [(relpath,) for relpath in damaged])
            db.executemany("DELETE FROM files WHERE relpath=?", [(relpath,) for relpath in damaged])
        return False

    def _prune(self) -> None:
        """Only databases named as kblint names them go (cache-<24 hex digits>.sqlite): the
        folder may be shared with files kblint did not write."""
        try:
            caches = sorted(
                (p for p in self.folder.glob("cache-*.sqlite") if _OWN_DATABASE.fullmatch(p.name)), key=lambda p: p.stat().st_mtime, reverse=True
            )
            for old in caches[MAX_SETTINGS:]:
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{old}{suffix}").unlink(missing_ok=True)
        except OSError:
            pass

    # -- per file
    stat_keys = staticmethod(stat_keys)  # see kblint.store.statkeys

    def lookup(self, relpath: str, stat: tuple[int, int] | None, digest: str | None = None) -> tuple | None:
        """The entry for ``relpath`` if it matches the file's stat (or, given, its hash)."""
        entry = self.index.get(relpath)
        if entry is None:
            return None
        if digest is not None:
            if entry[2] != digest:
                return None
            if stat is not None and (entry[0], entry[1]) != tuple(stat):
                entry = (stat[0], stat[1], *entry[2:])  # same content, new time: a checkout or a touch
                self.index[relpath] = entry
                self._pending_files[relpath] = entry
            return entry
        if stat is None or entry[0] != stat[0] or entry[1] != stat[1]:
            return None
        return entry

    def _stored_findings(self, relpath: str) -> str | None:
        try:
            row = self.db.execute("SELECT findings FROM files WHERE relpath=?", (relpath,)).fetchone() if self.db else None
        except sqlite3.Error:
            return None
        return row[0] if row else None

    def _findings_text(self, relpath: str, entry: tuple) -> str | None:
        text = self._findings_in_memory(relpath, entry)
        return self._stored_findings(relpath) if text is None and entry[3] == _RELEASED else text

    def _findings_in_memory(self, relpath: str, entry: tuple) -> str | None:
        """An entry's findings text where this process holds it (the entry, or the texts a run
        of many files read at once), without asking the database."""
        held = entry[3]
        if isinstance(held, str):
            return held
        return self._loaded.get(relpath) if held == _RELEASED else None

    def findings_of(self, relpath: str, entry: tuple) -> list[Finding] | None:
        """The findings an entry holds (read again from the database once their text was let
        go); None when there are none stored or they are not of this version's shape."""
        text = self._findings_text(relpath, entry)
        if text == "[]":
            return []  # most files of a clean knowledge base: no decoding
        try:
            return None if text is None else [finding_from_json(f) for f in json.loads(text)]
        except (KeyError, TypeError, ValueError):
            return None

    def load_findings(self) -> None:
        """Read every stored file's findings at once: a run over many files would otherwise
        ask the database once per file."""
        if self.db is None:
            return
        try:
            self._loaded = dict(self.db.execute("SELECT relpath, findings FROM files WHERE findings IS NOT NULL").fetchall())
        except sqlite3.Error:
            self._loaded = {}

    def release_all_findings(self) -> None:
        """Let go of every entry's findings text once the files of a run were looked up (they
        stay in the database, read again if needed): at 100,000 articles the texts are tens of
        megabytes that a run of one file would hold for nothing."""
        self._loaded = {}
        for relpath in self._held:
            entry = self.index.get(relpath)
            if entry is not None and isinstance(entry[3], str):
                self.index[relpath] = (entry[0], entry[1], entry[2], _RELEASED, entry[4])
        self._held.clear()

    def holds_nothing(self, relpath: str, entry: tuple) -> bool:
        """Does an entry say its file had no findings and no inline suppressions (nearly every
        file of a warm run of a whole knowledge base)? ``findings_of`` and ``suppressed_of`` in
        one test, for the loop that serves every file."""
        return not entry[4] and self._findings_in_memory(relpath, entry) == "[]"

    @staticmethod
    def suppressed_of(entry: tuple) -> dict | None:
        """A row's inline suppressions; None when the row does not hold them in their shape
        (another version's row, a damaged one): the file is linted again."""
        if not entry[4]:
            return {}  # none: nearly every file
        try:
            value = json.loads(entry[4])
        except ValueError:
            return None
        if not isinstance(value, dict):
            return None
        whole, ranges = value.get("whole_file", []), value.get("ranges", [])
        if not (isinstance(whole, list) and all(isinstance(r, str) for r in whole)):
            return None
        if not (isinstance(ranges, list) and all(_is_range(r) for r in ranges)):
            return None
        return value

    def store(
        self,
        relpath: str,
        stat: tuple[int, int] | None,
        digest: str,
        findings: list[Finding] | None,
        summary: Summary | None,
        values: RowValues | None = None,
    ) -> None:
        """Remember one file's results. ``values`` are ``row_values``' output, when a worker
        process already serialized them (so the parent does not)."""
        if has_surrogates(relpath):
            return  # SQLite keeps UTF-8 text: a file whose name is not UTF-8 is linted every time
        findings_json, suppressed, skeleton, identity, details = values if values is not None else row_values(findings, summary)
        old = self.index.get(relpath)
        if findings is None and old is not None and old[2] == digest and old[3]:
            # Keep findings computed by an earlier run.
            findings_json = self._findings_text(relpath, old)
        size, mtime = stat if stat is not None else (-1, -1)
        entry = (size, mtime, digest, findings_json, suppressed)
        self.index[relpath] = entry
        if isinstance(findings_json, str):
            self._held.add(relpath)
        self._pending_files[relpath] = entry
        if summary is not None and identity is not None:
            self.new_details[relpath] = summary
            self._pending_summaries[relpath] = (digest, *skeleton, identity, details)
            if self._identities is not None:
                self._identities[relpath] = (digest, identity)

    # -- summaries
    def _load_identities(self) -> dict[str, tuple[str, str]]:
        if self._identities is None:
            self._identities = {}
            if self.db is not None:
                try:
                    for relpath, digest, identity in self.db.execute("SELECT relpath, hash, identity FROM summaries"):
                        self._identities[relpath] = (digest, identity)
                except sqlite3.Error:
                    pass
        return self._identities

    def identity(self, relpath: str, digest: str) -> Summary | None:
        """The article's light summary, if stored for this content (every identity is read at
        the first call: the language server asks for all of them)."""
        if relpath in self.new_details:
            return self.new_details[relpath].identity()
        entry = self._load_identities().get(relpath)
        if entry is None or entry[0] != digest:
            return None
        return _summary(entry[1])

    def stored_identity(self, relpath: str, digest: str) -> Summary | None:
        """One article's light summary read from the database (for LazySummary: a run that
        does not load every identity)."""
        if relpath in self.new_details:
            return self.new_details[relpath].identity()
        return self._stored_summary(relpath, digest, "identity")

    def details(self, relpath: str, digest: str) -> Summary | None:
        if relpath in self.new_details:
            return self.new_details[relpath]
        return self._stored_summary(relpath, digest, "details")

    def _stored_summary(self, relpath: str, digest: str, column: str) -> Summary | None:
        """The summary stored in ``column`` (identity or details), if stored for this content."""
        if self.db is None:
            return None
        try:
            row = self.db.execute(f"SELECT hash, {column} FROM summaries WHERE relpath=?", (relpath,)).fetchone()
        except sqlite3.Error:
            return None
        if row is None or row[0] != digest:
            return None
        return _summary(row[1])

    def all_details(self) -> dict[str, tuple[str, Summary]]:
        """Every stored full summary (for runs that check the whole corpus)."""
        result: dict[str, tuple[str, Summary]] = {}
        if self.db is None:
            return result
        try:
            for relpath, digest, details in self.db.execute("SELECT relpath, hash, details FROM summaries"):
                summary = _summary(details)
                if summary is not None:
                    result[relpath] = (digest, summary)
        except sqlite3.Error:
            pass
        return result

    # -- values kept whole (what a rule's data takes long to make, see chinese.keep_views_in)
    def kept(self, key: str) -> str | None:
        if self.db is None:
            return None
        try:
            row = self.db.execute("SELECT value FROM meta WHERE key=?", (f"kept:{key}",)).fetchone()
        except sqlite3.Error:
            return None
        return row[0] if row and isinstance(row[0], str) else None

    def keep(self, key: str, value: str) -> None:
        if self.db is None:
            return
        try:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES(?, ?)", (f"kept:{key}", value))
        except sqlite3.Error:
            pass

    # -- rows a corpus rule derives from articles (see kblint.corpus.corpus.DerivedStore)
    def derived_changes(self, name: str, states: Iterable[tuple[str, str]]) -> tuple[list[str], list[str]] | None:
        """Given every owner's current state: the owners whose stored state differs (or who
        have none), and the stored owners that are gone. None if it cannot say. (The stored
        states are read at once and compared here: a few hundred kilobytes for ten thousand
        pairs, in a third of the time of comparing them in a temporary table.)"""
        if self.db is None:
            return None
        try:
            # A row of another shape (a damaged or foreign cache): nothing stored under this name
            # is trusted, and every share is made again.
            damaged = self.db.execute(
                "SELECT 1 FROM derived_rows WHERE name=? AND (typeof(owner)!='text' OR typeof(grp)!='text' OR typeof(key)!='text'"
                " OR typeof(value)!='text') UNION ALL SELECT 1 FROM derived_state WHERE name=? AND (typeof(owner)!='text'"
                " OR typeof(state)!='text') LIMIT 1",
                (name, name),
            ).fetchone()
            if damaged:
                with self.db:
                    self.db.execute("BEGIN")
                    self.db.execute("DELETE FROM derived_rows WHERE name=?", (name,))
                    self.db.execute("DELETE FROM derived_state WHERE name=?", (name,))
            stored = dict(self.db.execute("SELECT owner, state FROM derived_state WHERE name=?", (name,)))
            unstorable: list[str] = []  # names that are not UTF-8: never stored, so always made again
            current: dict[str, str] = {}
            for owner, state in states:  # (the states may be read from the database as they come)
                if has_surrogates(owner):
                    unstorable.append(owner)
                else:
                    current[owner] = state  # an owner named twice: its last state
        except (sqlite3.Error, UnicodeError):  # UnicodeError: text SQLite cannot take
            return None
        changed = unstorable + [owner for owner, state in current.items() if stored.get(owner) != state]
        return changed, [owner for owner in stored if owner not in current]

    def derived_counts(self, name: str, group: str, key: str) -> dict[str, int]:
        if self.db is None:
            return {}
        try:
            rows = self.db.execute("SELECT value, COUNT(*) FROM derived_rows WHERE name=? AND grp=? AND key=? GROUP BY value", (name, group, key))
            return {value: count for value, count in rows if isinstance(value, str)}  # a row of another shape counts for nothing
        except (sqlite3.Error, UnicodeError):  # UnicodeError: text SQLite cannot take
            return {}

    def derived_rows(self, name: str, owners: list[str]) -> list[tuple[str, str, str, str]]:
        found: list[tuple[str, str, str, str]] = []
        if self.db is None:
            return found
        try:
            for start in range(0, len(owners), 500):  # SQLite limits the parameters of a query
                part = [owner for owner in owners[start : start + 500] if not has_surrogates(owner)]
                marks = ",".join("?" * len(part))
                rows = self.db.execute(f"SELECT owner, grp, key, value FROM derived_rows WHERE name=? AND owner IN ({marks})", (name, *part))
                found.extend(row for row in rows if all(isinstance(v, str) for v in row))
        except (sqlite3.Error, UnicodeError):  # UnicodeError: text SQLite cannot take
            return []
        return found

    def replace_derived(self, name: str, changed: dict[str, tuple[str, list[tuple[str, str, str]]]], gone: list[str]) -> None:
        changed = {owner: share for owner, share in changed.items() if not has_surrogates(owner)}  # SQLite keeps UTF-8
        if self.db is None or not (changed or gone):
            return
        try:
            with self.db:
                self.db.execute("BEGIN")
                self.db.executemany("DELETE FROM derived_rows WHERE name=? AND owner=?", [(name, owner) for owner in [*changed, *gone]])
                self.db.executemany("DELETE FROM derived_state WHERE name=? AND owner=?", [(name, owner) for owner in gone])
                self.db.executemany("INSERT OR REPLACE INTO derived_state VALUES(?, ?, ?)", [(name, o, state) for o, (state, _) in changed.items()])
                self.db.executemany(
                    "INSERT INTO derived_rows VALUES(?, ?, ?, ?, ?)", [(name, o, *row) for o, (_, rows) in changed.items() for row in rows]
                )
        except (sqlite3.Error, UnicodeError):  # UnicodeError: text SQLite cannot take
            pass  # the next run works them out again

    # -- corpus findings
    def stored_history(self, root: str) -> tuple[str, str] | None:
        """The git log kept for the repository at ``root``: (the commit it ends at, its text)."""
        if self.db is None:
            return None
        try:
            row = self.db.execute("SELECT head, log FROM history WHERE root=?", (root,)).fetchone()
        except sqlite3.Error:
            return None
        return (row[0], row[1]) if row is not None and isinstance(row[0], str) and isinstance(row[1], str) else None

    def store_history(self, root: str, head: str, log: str) -> None:
        """Keep the git log of ``root`` at commit ``head`` (one per repository: the last)."""
        if self.db is None or not head:
            return
        try:
            with self.db:
                self.db.execute("BEGIN")
                self.db.execute("INSERT OR REPLACE INTO history VALUES(?, ?, ?)", (root, head, log))
        except sqlite3.Error:
            pass  # a failure costs the next run a git log, no findings

    def corpus_findings(self, digest: str, paths: "set[str] | None" = None) -> list[Finding] | None:
        """The corpus findings stored for the state ``digest``; given ``paths``, only theirs, in
        the order of their paths (a run of one file after a whole run reads its own of the
        whole run's thousands: see corpus_paths)."""
        if self.db is None:
            return None
        try:
            if paths is not None and len(paths) <= _BY_PATH_AT_MOST and not any(map(has_surrogates, paths)):
                found = self._findings_of(digest, paths)
                if found is not None:
                    return found
            row = self.db.execute("SELECT findings, used FROM corpus WHERE digest=?", (digest,)).fetchone()
            if row is None:
                return None
            self._mark_used(digest, row[1])
            stored = json.loads(row[0])
            return [finding_from_json(f) for f in stored if paths is None or f["p"] in paths]
        except (sqlite3.Error, KeyError, TypeError, ValueError):
            return None

    def _findings_of(self, digest: str, paths: set[str]) -> list[Finding] | None:
        """The findings of ``paths`` in the state ``digest``, from its rows by path; None where the
        state has none (it is not kept, or a version that wrote no such rows stored it)."""
        mark = self.db.execute("SELECT findings FROM corpus_paths WHERE digest=? AND path=''", (digest,)).fetchone()
        if mark is None:
            return None
        ordered = sorted(paths)
        marks = ",".join("?" * len(ordered))
        rows = dict(self.db.execute(f"SELECT path, findings FROM corpus_paths WHERE digest=? AND path IN ({marks})", (digest, *ordered)))
        self._mark_used(digest, float(mark[0]))
        return [finding_from_json(f) for path in ordered if path in rows for f in json.loads(rows[path])]

    def _mark_used(self, digest: str, used) -> None:
        now = time.time()
        if not isinstance(used, (int, float)) or now - used > _RECENTLY_USED:
            # A write costs a warm run 10 ms: one a minute keeps the order of the states
            # (the least recently used goes) as it is.
            self.db.execute("UPDATE corpus SET used=? WHERE digest=?", (now, digest))
            self.db.execute("UPDATE corpus_paths SET findings=? WHERE digest=? AND path=''", (str(now), digest))

    def store_corpus_findings(self, digest: str, findings: list[Finding]) -> None:
        """Keep the corpus findings of the state ``digest``: whole, and a row of each path's
        (``corpus_paths``, with a row of path '' that says they were written, its findings the
        time the state was last used), so that a run of a few files reads theirs alone."""
        if self.db is None:
            return
        encoded = [finding_to_json(f) for f in findings]
        by_path: dict[str, list[dict]] = {}
        for item in encoded:
            by_path.setdefault(item["p"], []).append(item)
        now = time.time()
        try:
            with self.db:
                self.db.execute("BEGIN")
                self.db.execute("INSERT OR REPLACE INTO corpus VALUES(?, ?, ?)", (digest, _dumps(encoded), now))
                self.db.execute("DELETE FROM corpus_paths WHERE digest=?", (digest,))
                if not any(map(has_surrogates, by_path)):  # (a name that is not UTF-8 is no key SQLite takes: read whole)
                    rows = [(digest, "", str(now)), *((digest, path, _dumps(items)) for path, items in by_path.items())]
                    self.db.executemany("INSERT INTO corpus_paths VALUES(?, ?, ?)", rows)
                self.db.execute(
                    "DELETE FROM corpus WHERE digest NOT IN (SELECT digest FROM corpus ORDER BY used DESC LIMIT ?)", (CORPUS_STATES,)
                )
                self.db.execute("DELETE FROM corpus_paths WHERE digest NOT IN (SELECT digest FROM corpus)")
        except sqlite3.Error:
            pass

    # -- writing
    def save(self) -> None:
        if self.db is None or not (self._pending_files or self._pending_summaries):
            return
        try:
            with self.db:
                self.db.execute("BEGIN")
                self.db.executemany(
                    "INSERT OR REPLACE INTO files VALUES(?, ?, ?, ?, ?, ?)",
                    [(relpath, *entry[:3], self._findings_text(relpath, entry), entry[4]) for relpath, entry in self._pending_files.items()],
                )
                self.db.executemany(_INSERT_SUMMARY, [(relpath, *values) for relpath, values in self._pending_summaries.items()])
                self._marks_kept()
        except sqlite3.Error:
            pass  # a cache that cannot be written only makes the next run slower
        self._pending_files.clear()
        self._pending_summaries.clear()

    def _marks_kept(self) -> None:
        """In the transaction that wrote the pending rows (whose triggers removed the files
        snapshot and the mark of checked summaries), both written again where this cache knows
        them to be true: no other connection changed the database since it was opened, and the
        summaries it wrote are of the checked shape. A run of a changed file then leaves the
        next run what a run that changed nothing leaves it."""
        try:
            if snapshot.data_version(self.db) != self._version:
                return  # another run wrote: what this one holds may not be the tables' content
            if self._pending_files:
                snapshot.rewrite(self.db, self.index)
            written = list(self._pending_summaries)
            if self._summaries_checked and written and len(written) <= _RECHECKED_SUMMARIES:
                marks = ", ".join("?" * len(written))
                if self.db.execute(f"SELECT 1 FROM summaries WHERE relpath IN ({marks}) AND ({_DAMAGED_SUMMARY})", written).fetchone() is None:
                    self.db.execute(_SUMMARIES_CHECKED)
        except sqlite3.Error:
            pass  # the rows written stand; the next run reads them one by one, and checks them

    def forget_missing(self, present: set[str]) -> None:
        """Drop rows of files that no longer exist (only after a run over the whole root)."""
        gone = self.index.keys() - present
        if not gone or self.db is None:
            return
        try:
            with self.db:
                self.db.execute("BEGIN")
                self.db.executemany("DELETE FROM files WHERE relpath=?", [(g,) for g in gone])
                self.db.executemany("DELETE FROM summaries WHERE relpath=?", [(g,) for g in gone])
        except sqlite3.Error:
            pass
        for relpath in gone:
            self.index.pop(relpath, None)

    def close(self) -> None:
        if self.db is not None:
            self.save()
            self.db.close()
            self.db = None


class StoredArticles:
    """The articles of a knowledge base as the cache stores them, for a corpus that holds only
    what its rules need (``kblint.corpus.corpus.Lookup``): each read by id or path when asked, as a
    skeleton (``LazySummary``: path, id, locale, root and title from the cache's columns; the
    rest of its identity read if a rule asks for it). Only rows of the current version of a
    file count (``digests``: relpath -> content hash of what this run found), and never one of
    the ``held`` files, which the corpus has already. (Rows of another shape went when the
    cache was opened: see ``Cache._forget_damaged``.)"""

    _COLUMNS = "SELECT relpath, hash, id, locale, root, title, by_path FROM summaries"

    def __init__(self, cache: Cache, digests: dict[str, str], held: set[str]) -> None:
        self.cache, self.digests, self.held = cache, digests, held

    def _current(self, relpath: str, digest: str) -> bool:
        return relpath not in self.held and self.digests.get(relpath) == digest

    def _read(self, where: str, parameters: tuple) -> list[Summary]:
        from kblint.corpus.summary import LazySummary

        if self.cache.db is None:
            return []
        try:
            rows = self.cache.db.execute(f"{self._COLUMNS} WHERE {where}", parameters).fetchall()
        except (sqlite3.Error, UnicodeError):  # UnicodeError: a name that is not UTF-8 is never stored
            return []
        return [
            LazySummary.make(relpath, sys.intern(article_id), sys.intern(locale), sys.intern(root or ""), title, by_path, self.cache, digest)
            for relpath, digest, article_id, locale, root, title, by_path in rows
            if self._current(relpath, digest)
        ]

    def with_id(self, article_id: str) -> list[Summary]:
        return self._read("id=?", (article_id,))

    def at(self, relpath: str) -> Summary | None:
        found = self._read("relpath=?", (relpath,))
        return found[0] if found else None

    def locale_roots(self) -> dict[str, set[str]]:
        """Each locale's roots that a current article lies under."""
        roots: dict[str, set[str]] = {}
        if self.cache.db is None:
            return roots
        try:
            pairs = self.cache.db.execute("SELECT DISTINCT locale, root FROM summaries").fetchall()
            for locale, root in pairs:
                rows = self.cache.db.execute("SELECT relpath, hash FROM summaries WHERE locale=? AND root IS ?", (locale, root))
                if any(self._current(relpath, digest) for relpath, digest in rows):
                    roots.setdefault(locale, set()).add(root or "")
        except sqlite3.Error:
            pass
        return roots

    def aliases(self) -> Iterator[tuple[str, str]]:
        """(alias, relpath) of every current article whose front matter gives it other names (a
        vault note's aliases, a page's slug address: see Summary.aliases)."""
        if self.cache.db is None:
            return
        try:
            rows = self.cache.db.execute("SELECT relpath, hash, aliases FROM summaries WHERE aliases IS NOT NULL").fetchall()
        except sqlite3.Error:
            return
        for relpath, digest, text in rows:
            names = _loads_or_none(text) if self._current(relpath, digest) else None
            if isinstance(names, list):
                yield from ((name, relpath) for name in names if isinstance(name, str))

    def identities(self) -> Iterator[tuple[str, str, str]]:
        """(id, locale, relpath) of every current article, in that order, as a stream."""
        if self.cache.db is None:
            return
        try:
            rows = self.cache.db.execute("SELECT id, locale, relpath, hash FROM summaries WHERE id IS NOT NULL AND id != '' ORDER BY id, locale, relpath")
            for article_id, locale, relpath, digest in rows:
                if self._current(relpath, digest):
                    yield article_id, locale, relpath
        except sqlite3.Error:
            return
