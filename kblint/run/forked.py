"""Work done in a forked child of this process while the parent goes on, its outcome sent back
pickled through a pipe. What comes back is this process's own copy, not outside input.

The child never runs what the parent set to run at exit (its cache, its temporary files) and
never touches what the parent holds open: a database connection must not be shared across a
fork. Forking is only safe with no other thread (one could hold a lock the child would wait for
forever); ``may_fork`` says so.
"""

from __future__ import annotations

import os
import pickle
import threading
from typing import Any, Callable


def may_fork() -> bool:
    """A platform that forks, and no other thread in this process."""
    return hasattr(os, "fork") and threading.active_count() == 1


class Forked:
    """A forked process running one function; see ``result`` for what comes back."""

    def __init__(self, pid: int, reader: int) -> None:
        self.pid, self.reader = pid, reader
        self.done = False

    @classmethod
    def start(cls, work: Callable[[], Any]) -> "Forked | None":
        """``work`` running in a child, or None when no child could be made."""
        try:
            reader, writer = os.pipe()
            pid = os.fork()
        except OSError:
            return None
        if pid == 0:  # the child: never returns
            os.close(reader)
            _child_main(work, writer)
        os.close(writer)
        return cls(pid, reader)

    def stop(self) -> None:
        """End the child, if its outcome was not read (the parent ends the work otherwise)."""
        if self.done:
            return
        import signal

        self.done = True
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            os.close(self.reader)
        except OSError:
            pass

    def result(self) -> "tuple[str, Any] | None":
        """("done", what ``work`` returned) or ("raise", the exception it raised); None when
        the child ended without either (it died, or what it made could not be pickled)."""
        self.done = True
        chunks = []
        with os.fdopen(self.reader, "rb") as pipe:
            while chunk := pipe.read(1 << 20):
                chunks.append(chunk)
        _, status = os.waitpid(self.pid, 0)
        if status != 0 or not chunks:
            return None
        try:
            return pickle.loads(b"".join(chunks))
        except Exception:
            return None


def _child_main(work: Callable[[], Any], writer: int) -> None:
    """Run ``work``, write its outcome to ``writer`` and end."""
    import gc

    gc.disable()  # a short life: no collector passes over the parent's objects
    code = 0
    try:
        data = pickle.dumps(("done", work()), protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException as error:  # noqa: BLE001 - carried to the parent, which decides
        try:
            data = pickle.dumps(("raise", error))
        except Exception:
            data, code = b"", 1
    try:
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(data)
    except BaseException:  # noqa: BLE001 - the parent sees no outcome and does the work itself
        code = 1
    os._exit(code)
