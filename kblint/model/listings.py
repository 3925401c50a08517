"""Folders' listings, read once while the layout is found.

Finding a knowledge base's layout asks the same folders again and again: its own walk, then
each site generator's search for its configuration, then all of it a second time when a
site's configuration names the source's language. In a monorepo of 800 folders that was
1,700 listings and 2,800 failed opens for one run. While ``listings_remembered()`` holds,
each folder is listed once; outside it, every call lists afresh (a language server's session
outlives any listing).
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

_REMEMBERED: ContextVar["dict[str, list[tuple[str, bool]]] | None"] = ContextVar("listings", default=None)


@contextmanager
def listings_remembered() -> Iterator[None]:
    token = _REMEMBERED.set({})
    try:
        yield
    finally:
        _REMEMBERED.reset(token)


def entries_of(folder: "str | os.PathLike[str]") -> list[tuple[str, bool]]:
    """(name, is a folder, a link not followed) of each entry of ``folder``; raises OSError
    where it cannot be listed."""
    path = os.fspath(folder)
    remembered = _REMEMBERED.get()
    if remembered is not None and path in remembered:
        return remembered[path]
    with os.scandir(path) as listing:
        found = [(entry.name, entry.is_dir(follow_symlinks=False)) for entry in listing]
    if remembered is not None:
        remembered[path] = found
    return found


def names_in(folder: "str | os.PathLike[str]") -> set[str]:
    """The names of the entries of ``folder``; raises OSError where it cannot be listed."""
    return {name for name, _ in entries_of(folder)}
