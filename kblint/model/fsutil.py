"""Writing files so that readers see the old content or the new, never a mix."""

from __future__ import annotations

import errno
import glob
import os
import signal
import stat
import time
from pathlib import Path

_DEFERRED = {signal.SIGINT, signal.SIGTERM}

TEMP_MARK = ".kblint-tmp-"
STALE_TEMP_SECONDS = 86_400  # a temporary file older than this was left behind, whoever wrote it


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def _left_behind(temp: Path) -> bool:
    """Was ``temp`` left by a process that is gone? Its name carries the writer's process id;
    a process that still runs is writing it now (or, after a day, the id was reused)."""
    owner = temp.name.rsplit(TEMP_MARK, 1)[-1].split("-", 1)[0]
    try:
        age = time.time() - temp.stat().st_mtime
    except OSError:
        return False
    if age > STALE_TEMP_SECONDS:
        return True
    if not owner.isdigit():
        return age > 60  # no process id in the name: not one of this version's
    try:
        os.kill(int(owner), 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OverflowError, OSError):
        return False  # another user's process: alive
    return False


def _temp_stem(name: str) -> str:
    """The part of a temporary file's name that says whose it is: the file's name, shortened
    with a hash when the temporary name would pass the 255 bytes a file name may have."""
    encoded = os.fsencode(name)
    if len(encoded) <= 150:
        return name
    import hashlib

    short = encoded[:100].decode("utf-8", "ignore")  # a character cut in two is dropped
    return f"{short}~{hashlib.sha1(encoded).hexdigest()[:12]}"


def atomic_write(path: Path, data: bytes, keep_mode: bool = True) -> None:
    """Replace ``path``'s content with ``data`` atomically: a temporary file in the same folder,
    flushed and synced, then ``os.replace``. No temporary file is left behind on an error or
    an interrupt (SIGINT, or SIGTERM where the caller turns it into an exception); one left by
    a process killed outright is removed by the next write of the same file."""
    folder = path.parent
    # A temporary file left by a process killed outright goes; one that another process is
    # writing now stays. The name is escaped: [ ] * ? in it are not wildcards.
    stem = _temp_stem(path.name)
    for stale in folder.glob(f".{glob.escape(stem)}{TEMP_MARK}*"):
        if _left_behind(stale):
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
        import tempfile  # here: only a run that writes a file needs it (random, hashing: 4 ms)

        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{stem}{TEMP_MARK}{os.getpid()}-")
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


class LockTimeout(Exception):
    """Another process holds the lock."""


# Descriptors of the folder locks this process holds. A forked child (a pool worker) gets a
# copy of each, and a flock lasts while any copy is open: a worker orphaned by a killed run
# would hold the knowledge base locked. The child closes its copies at once.
_HELD_LOCKS: set[int] = set()


def _close_locks_in_child() -> None:
    for fd in _HELD_LOCKS:
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD_LOCKS.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_locks_in_child)


def locked_folder(folder: Path, seconds: float = 120.0):
    """An exclusive lock on ``folder`` (flock on the folder itself: no file is created in it),
    held while the returned context lasts; LockTimeout after ``seconds`` of waiting. Where
    the system has no flock, no lock."""
    import contextlib

    @contextlib.contextmanager
    def holding():
        try:
            import fcntl
        except ImportError:  # not POSIX
            yield
            return
        fd = os.open(folder, os.O_RDONLY)
        _HELD_LOCKS.add(fd)
        try:
            deadline = time.monotonic() + seconds
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise LockTimeout(str(folder)) from None
                    time.sleep(0.05)
            yield
        finally:
            _HELD_LOCKS.discard(fd)
            os.close(fd)  # closing releases the lock

    return holding()


def make_cache_folder(folder: Path) -> None:
    """Create the cache folder if it is missing. A folder kblint makes is kblint's: git is told
    to leave it out. A folder that was there (cache_dir shared with other files) gets nothing
    of the kind."""
    if folder.exists():
        return
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ".gitignore").write_text("# created by kblint: the cache is not for version control\n*\n", "utf-8")


class Oversized(bytes):
    """The first bytes of a file larger than the limit it was read with; ``size`` is the
    file's whole size. Never to be written back: the rest of the file is not here."""

    size: int


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"


def read_at_most(path: Path | str, limit: int | None = None, follow_links: bool = True) -> bytes:
    """A regular file's bytes, at most ``limit`` + 1 of them (an ``Oversized`` when there are
    more): a file past the limit costs no more memory than the limit. Anything else (a pipe,
    which would wait forever; a device such as /dev/zero, which never ends; a folder; a
    symbolic link when ``follow_links`` is false) is an OSError. The file is opened without
    blocking and checked once open, so nothing can be swapped in between."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    if not follow_links:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        if not follow_links and error.errno == errno.ELOOP and os.path.islink(path):
            raise OSError(errno.ELOOP, "a symbolic link: not followed", str(path)) from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, f"{_kind_of(info.st_mode)}, not a regular file", str(path))
        wanted = None if limit is None else limit + 1
        chunks = []
        got = 0
        while wanted is None or got < wanted:
            # As much as the file holds (and one byte, to see its end), not a fixed megabyte:
            # os.read allocates what it is asked for, and a megabyte a call (two calls a file)
            # cost more than reading a whole article.
            size = min(max(info.st_size + 1 - got, 4096), 1 << 20)
            asked = size if wanted is None else min(size, wanted - got)
            chunk = os.read(fd, asked)
            chunks.append(chunk)
            got += len(chunk)
            if len(chunk) < asked:
                break  # a regular file reads short only at its end: no second call to learn it
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if limit is not None and len(data) > limit:
        oversized = Oversized(data)
        oversized.size = max(info.st_size, len(data))
        return oversized
    return data
