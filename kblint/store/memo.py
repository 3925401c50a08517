"""What a run finds in the file system, remembered in the cache folder with what it was found
from: the knowledge base's layout and the walk of its whole tree.

Finding the layout lists up to 3,000 folders and reads the site generators' configurations
(on a large tree, 80-120 ms, a third of a run of one file with a warm cache); a run of one file
walks the whole tree for its corpus rules. What each looks at is recorded as it looks (every
folder listed, every file opened, every path whose kind or existence it asked, each as it was
then: kind, size, time, inode), and kept beside what it found. A later run with the same
configuration and the same kblint stats those paths again, a few milliseconds; where each is
as it was, what was found is taken, else it is found again and remembered anew.

The record is made by wrapping, while the search runs, the few functions of ``os`` and ``io``
that reach the file system (``os.stat``, ``os.lstat``, ``os.scandir``, ``os.listdir``,
``open``): pathlib, ``os.path`` and ``os.walk`` go through them. A search that starts a
process (a tool it runs) is not remembered. Nor is one that saw a path changed in the last
two seconds: a file written twice within the file system's clock tick keeps its time, and its
second content could not be told from the first.

The memo is JSON, never a pickle: a repository could hold a cache folder of its own.
"""

from __future__ import annotations

import builtins
import dataclasses
import hashlib
import io
import json
import os
import stat
import subprocess
import threading
import time
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any, Callable, Iterator

from kblint import __version__
from kblint.model import layout as layout_model
from kblint.model.fsutil import atomic_write

MEMO_FORMAT = 1
# A path seen changed this recently may change again within the same clock tick, unseen.
RACY_SECONDS = 2.0

Witness = tuple  # (path, follows links, kind or -1 when missing, size, mtime in ns, inode)


def remembered(config, memo_folder: Path | None, find: Callable[[], None]) -> None:
    """Run ``find`` (which sets ``config.layout`` and may change ``config.source_locale``), or
    set both from the memo in ``memo_folder`` where everything it was found from is unchanged;
    remember what ``find`` found when it ran."""

    def found() -> tuple:
        find()
        return config.layout, config.source_locale

    parts = (config.root, json.dumps(config.raw, sort_keys=True, default=str), config.source_locale, config.locales, sorted(config.locale_aliases.items()))
    value = remembered_value(memo_folder, "layout", parts, found, lambda v: [encoded_layout(v[0]), v[1]], lambda v: (decoded(v[0]), v[1]))
    config.layout, config.source_locale = value


def remembered_value(folder: Path | None, name: str, parts: tuple, compute: Callable[[], Any], encode: Callable[[Any], Any], decode: Callable[[Any], Any]) -> Any:
    """What ``compute`` returns, taken from the memo ``name`` in ``folder`` where it was
    computed with the same ``parts`` (everything it depends on besides the files: kblint's
    code is added) and every path it looked at is as it was; else computed, recorded, and
    remembered (``encode`` makes it JSON, ``decode`` reads that back)."""
    if folder is None:
        return compute()
    from kblint.store.identity import code_identity

    key = hashlib.sha256(repr((MEMO_FORMAT, __version__, code_identity(), name, *parts)).encode("utf-8", "surrogatepass")).hexdigest()
    memo = folder / f"{name}-{key[:16]}.json"
    taken = _taken(memo, key, decode)
    if taken is not None:
        return taken[0]
    with recorded() as seen:
        value = compute()
    if seen.usable():
        _write(memo, key, seen.witnesses(), value, encode, decode)
    return value


def _taken(memo: Path, key: str, decode: Callable[[Any], Any]) -> tuple[Any] | None:
    """(the value,) of ``memo`` when it is this key's and its witnesses hold."""
    try:
        data = json.loads(memo.read_bytes())
        witnesses = data["witnesses"]
        if data.get("key") != key or not witnesses or not all(_holds(tuple(w)) for w in witnesses):
            return None  # (a search looks at something: a memo that saw nothing is no search's)
        return (decode(data["value"]),)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # none, another's, or damaged: computed again


def _write(memo: Path, key: str, witnesses: list[Witness], value: Any, encode: Callable[[Any], Any], decode: Callable[[Any], Any]) -> None:
    if not memo.parent.is_dir():
        return  # the cache folder is made by the cache; none, no memo
    try:
        text = json.dumps({"key": key, "witnesses": witnesses, "value": encode(value)}, ensure_ascii=False)
        if decode(json.loads(text)["value"]) != value:
            return  # (a value the codec does not carry: not remembered rather than remembered wrong)
        atomic_write(memo, text.encode("utf-8", "surrogatepass"))
    except (TypeError, ValueError, OSError):
        pass


def _holds(witness: Witness) -> bool:
    return _observed(witness[0], witness[1]) == witness


# -- the record --------------------------------------------------------------------------

class Seen:
    """The paths a search looked at, each as it was when first looked at."""

    def __init__(self) -> None:
        self.paths: dict[tuple[str, bool], Witness] = {}
        self.started_a_process = False
        self.started = time.time_ns()

    def note(self, path: Any, follow: bool = True) -> None:
        if isinstance(path, int):
            return  # a file descriptor: its path was noted when it was opened
        try:
            name = os.path.abspath(os.fsdecode(os.fspath(path if path is not None else ".")))
        except (TypeError, ValueError):
            return
        if (name, follow) not in self.paths:
            self.paths[(name, follow)] = _observed(name, follow)

    def usable(self) -> bool:
        """Can what was seen be trusted next time: no process started, nothing changed lately?"""
        recent = self.started - int(RACY_SECONDS * 1e9)
        return not self.started_a_process and all(w[4] < recent for w in self.paths.values())

    def witnesses(self) -> list[Witness]:
        return sorted(self.paths.values())


_RECORDING: ContextVar[Seen | None] = ContextVar("layout_record", default=None)
_LOCK = threading.Lock()
_WRAPPED = 0
_REAL: dict[str, Any] = {}


def _observed(path: str, follow: bool) -> Witness:
    """``path`` as it is now (-1 for its kind where there is none), by the real ``os.stat``.
    Asked without following links (``os.lstat``: resolving a path, ``is_symlink``), what counts
    is its kind, and a link's target: not the time of a folder above the knowledge base, which
    changes whenever anything beside it does."""
    real_stat, real_lstat = _REAL.get("stat", os.stat), _REAL.get("lstat", os.lstat)
    try:
        st = real_stat(path) if follow else real_lstat(path)
        kind = stat.S_IFMT(st.st_mode)
        if follow:
            return (path, follow, kind, st.st_size, st.st_mtime_ns, st.st_ino)
        return (path, follow, kind, os.readlink(path) if kind == stat.S_IFLNK else "", 0, 0)
    except OSError:
        return (path, follow, -1, 0, 0, 0)


@contextmanager
def recorded() -> Iterator[Seen]:
    """The paths the code run inside looks at, in this thread (see the module's documentation)."""
    seen = Seen()
    token = _RECORDING.set(seen)
    _wrap()
    try:
        yield seen
    finally:
        _unwrap()
        _RECORDING.reset(token)


def _wrap() -> None:
    global _WRAPPED
    with _LOCK:
        _WRAPPED += 1
        if _WRAPPED > 1:
            return
        _REAL.update(stat=os.stat, lstat=os.lstat, scandir=os.scandir, listdir=os.listdir, open=builtins.open, popen_init=subprocess.Popen.__init__)
        os.stat = _noting(_REAL["stat"], True)
        os.lstat = _noting(_REAL["lstat"], False)
        os.scandir = _noting(_REAL["scandir"], True)
        os.listdir = _noting(_REAL["listdir"], True)
        builtins.open = io.open = _noting(_REAL["open"], True)
        subprocess.Popen.__init__ = _noting_a_process(_REAL["popen_init"])


def _unwrap() -> None:
    global _WRAPPED
    with _LOCK:
        _WRAPPED -= 1
        if _WRAPPED:
            return
        os.stat, os.lstat, os.scandir, os.listdir = _REAL["stat"], _REAL["lstat"], _REAL["scandir"], _REAL["listdir"]
        builtins.open = io.open = _REAL["open"]
        subprocess.Popen.__init__ = _REAL["popen_init"]
        _REAL.clear()


def _noting(real: Callable, follow: bool) -> Callable:
    def noted(path: Any = None, *args: Any, **kwargs: Any) -> Any:
        seen = _RECORDING.get()
        if seen is not None:
            seen.note(path, follow and kwargs.get("follow_symlinks", True))
        return real(path, *args, **kwargs) if path is not None else real(*args, **kwargs)

    return noted


def _noting_a_process(real: Callable) -> Callable:
    def noted(self: Any, *args: Any, **kwargs: Any) -> None:
        seen = _RECORDING.get()
        if seen is not None:
            seen.started_a_process = True
        real(self, *args, **kwargs)

    return noted


# -- the layout as JSON ------------------------------------------------------------------

def encoded_layout(value: Any) -> Any:
    """``value`` (a layout: frozen dataclasses of strings, numbers, tuples and sets) as JSON."""
    if dataclasses.is_dataclass(value):
        fields = {field.name: encoded_layout(getattr(value, field.name)) for field in dataclasses.fields(value)}
        return {"$": type(value).__name__, **fields}
    if isinstance(value, tuple):
        return [encoded_layout(item) for item in value]
    if isinstance(value, frozenset):
        return {"$set": sorted(encoded_layout(item) for item in value)}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"no JSON for {type(value).__name__}")


def decoded(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(decoded(item) for item in value)
    if isinstance(value, dict):
        if "$set" in value:
            return frozenset(decoded(item) for item in value["$set"])
        cls = getattr(layout_model, value["$"])
        if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
            raise TypeError(value["$"])
        return cls(**{name: decoded(item) for name, item in value.items() if name != "$"})
    return value
