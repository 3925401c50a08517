"""Writing files so that readers see the old content or the new, never a mix."""

from __future__ import annotations

import os
import signal
import stat
import tempfile
from pathlib import Path

_DEFERRED = {signal.SIGINT, signal.SIGTERM}

TEMP_MARK = ".kblint-tmp-"


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


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
    if mode is None and not path.exists():
        mode = 0o666 & ~_umask()  # a new file: what open() would have made, not mkstemp's 0600
    # SIGINT and SIGTERM wait until the file is either replaced or cleaned up: an interrupt
    # between creating the temporary file and the cleanup below would leave it behind.
    try:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, _DEFERRED)
    except (AttributeError, ValueError, OSError):  # no such call here, or not the main thread
        previous = None
    temp = None
    try:
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}{TEMP_MARK}")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        if temp is not None:
            try:
                os.unlink(temp)
            except OSError:
                pass
        raise
    finally:
        if previous is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)
