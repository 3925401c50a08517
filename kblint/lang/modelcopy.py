"""A decompressed copy of a library's compressed model, kept in the user's cache folder.

py3langid ships its model LZMA-compressed (4.6 MB); decompressing it takes half a second of
CPU in every run that identifies a language (a knowledge base whose translations share their
source's script), as much as linting a hundred articles. The copy, 68 MB, is made by the first
such run and mapped into memory by the next ones, which costs a millisecond and shares its
pages with the workers. It is data derived from the installed package, as a compiled file is:
its name holds the model file's size and modification time, so a new version of the package
makes a new copy, and a copy no run has used for a month is removed when a new one is made.
``KBLINT_MODEL_CACHE`` names another folder for it, or ``off`` keeps none.
"""

from __future__ import annotations

import hashlib
import mmap
import os
import time
from pathlib import Path

ENVIRONMENT = "KBLINT_MODEL_CACHE"
_OFF = ("off", "0", "no", "false", "")
_DAY = 24 * 3600
_UNUSED = 30 * _DAY  # seconds since a copy was last used, after which a new copy clears it


def copy_folder() -> Path | None:
    """Where decompressed models are kept: ``KBLINT_MODEL_CACHE``, else the user's cache folder
    for kblint (``~/.cache/kblint`` on Linux); None when the user keeps none."""
    chosen = os.environ.get(ENVIRONMENT)
    if chosen is not None:
        return None if chosen.strip().lower() in _OFF else Path(chosen).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("kblint", appauthor=False))


def copy_path(model: Path) -> Path | None:
    """The name of ``model``'s decompressed copy, None when none is kept or the model cannot
    be found. The name changes with the model file: a copy is never of another version."""
    folder = copy_folder()
    if folder is None:
        return None
    try:
        st = model.stat()
    except OSError:
        return None
    key = hashlib.sha256(f"{model.resolve()}\0{st.st_size}\0{st.st_mtime_ns}".encode()).hexdigest()[:20]
    return folder / f"{model.name.split('.')[0]}-{key}.decompressed"


def mapped_copy(model: Path) -> mmap.mmap | None:
    """The decompressed copy of ``model``, mapped read-only, or None when there is none yet
    (or it cannot be read: the caller decompresses the model as if there were none)."""
    path = copy_path(model)
    if path is None:
        return None
    try:
        with open(path, "rb") as handle:
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
            if time.time() - os.fstat(handle.fileno()).st_mtime > _DAY:
                os.utime(handle.fileno())  # in use: not a copy to clear away (see keep_copy)
            return mapped
    except (OSError, ValueError):  # ValueError: an empty file cannot be mapped
        return None


def keep_copy(model: Path, decompressed: bytes, replace: bool = False) -> None:
    """Keep ``decompressed`` as ``model``'s copy for the next runs (``replace``: in place of
    one that could not be read), written atomically (``atomic_write``), so that a run never
    maps half a copy. A folder that cannot be written keeps none, silently: the copy
    only saves time."""
    from kblint.model.fsutil import atomic_write

    path = copy_path(model)
    if path is None or (path.exists() and not replace):
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, decompressed)
    except OSError:
        return
    _clear_unused(path)


def _clear_unused(kept: Path) -> None:
    """Remove the copies of the same model that no run has used for a month: those of
    versions since replaced (a run that maps a copy marks it used once a day)."""
    stem = kept.name.rsplit("-", 1)[0]
    for other in kept.parent.glob(f"{stem}-*.decompressed"):
        try:
            if other != kept and time.time() - other.stat().st_mtime > _UNUSED:
                other.unlink()
        except OSError:
            pass
