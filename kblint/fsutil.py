"""Writing files so that readers see the old content or the new, never a mix."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

TEMP_MARK = ".kblint-tmp-"


def atomic_write(path: Path, data: bytes, keep_mode: bool = True) -> None:
    """Replace ``path``'s content with ``data`` atomically: a temporary file in the same folder,
    flushed and synced, then ``os.replace``. No temporary file is left behind on an error or
    an interrupt (SIGINT, or SIGTERM where the caller turns it into an exception); one left by
    a process killed outright is removed by the next write of the same file."""
    folder = path.parent
    for stale in folder.glob(f".{path.name}{TEMP_MARK}*"):
        try:
            stale.unlink()
        except OSError:
            pass
    mode = stat.S_IMODE(os.stat(path).st_mode) if keep_mode and path.exists() else None
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}{TEMP_MARK}")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
