"""Files that hold many articles (a help center's JSON export), and the paths of those articles.

An article held in a container is known by a *member path*: the container's path, then the
member's key as folders and a file (``export/articles.json/zh-tw/360001234567.html``). Every
layer treats it as a file path: its locale folder and id are read from it as from any export
article, it is linted with the HTML format, cached and reported under it. Only reading it, its
metadata and its stat, and writing a fix, go through here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache

from kblint.formats.registry import HTML
from kblint.formats.zendesk import CONTAINER_SUFFIXES, Member, looks_like_export, read_container
from kblint.model.text import LineIndex

_MARKS = tuple(suffix + "/" for suffix in CONTAINER_SUFFIXES)
MEMBER_SUFFIX = HTML.suffixes[0]  # a member's body is HTML: its path says so to every layer
_SNIFF_BYTES = 4096


def is_container_path(path: str) -> bool:
    return path.lower().endswith(CONTAINER_SUFFIXES)


def split_member(path: str) -> tuple[str, str] | None:
    """(container path, member key) of a member path, else None."""
    lowered = path.lower()
    if not lowered.endswith(MEMBER_SUFFIX) or not any(mark in lowered for mark in _MARKS):
        return None
    for mark in _MARKS:
        at = lowered.rfind(mark)
        if at >= 0:
            container = path[: at + len(mark) - 1]
            if os.path.isfile(container):
                return container, path[at + len(mark) : -len(MEMBER_SUFFIX)]
    return None


def member_paths(container: str) -> list[str]:
    """The member paths of the export ``container``; none when it is not one."""
    try:
        with open(container, "rb") as handle:
            head = handle.read(_SNIFF_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return []
    if not looks_like_export(head):
        return []
    return [f"{container}/{key}{MEMBER_SUFFIX}" for key in _members(container)]


def read_member(path: str) -> tuple[bytes, bytes] | OSError:
    """(body, metadata as JSON) of the member at ``path``."""
    import json

    found = split_member(path)
    if found is None:
        return FileNotFoundError(2, "no such article in the export", path)
    container, key = found
    member = _members(container).get(key)
    if member is None:
        return FileNotFoundError(2, "no such article in the export", path)
    return member.body.encode("utf-8"), json.dumps(member.metadata, ensure_ascii=False, default=str).encode("utf-8")


def container_stat(path: str) -> os.stat_result | None:
    found = split_member(path)
    try:
        return os.stat(found[0] if found else path)
    except OSError:
        return None


@dataclass
class _Snapshot:
    """An export file as it is now: its text (less a byte order mark), its members, and its
    line table when a position in it is asked for."""

    text: str
    members: dict[str, Member]
    _index: LineIndex | None = None

    @property
    def index(self) -> LineIndex:
        if self._index is None:
            self._index = LineIndex(self.text)
        return self._index


def _members(container: str) -> dict[str, Member]:
    return _snapshot(container).members


def _snapshot(container: str) -> _Snapshot:
    try:
        st = os.stat(container)
    except OSError:
        return _Snapshot("", {})
    return _read(container, st.st_size, st.st_mtime_ns, st.st_ino)


@lru_cache(maxsize=4)
def _read(container: str, size: int, mtime_ns: int, inode: int) -> _Snapshot:
    """The export file as it is now (size, time and inode say which version: a fix writes a
    new file, so a rewrite within the clock's tick is a new version too): a list page of a
    thousand articles is read once, not once for each of them."""
    try:
        with open(container, "rb") as handle:
            text = handle.read().decode("utf-8", errors="replace").lstrip("\ufeff")
    except OSError:
        return _Snapshot("", {})
    return _Snapshot(text, {member.key: member for member in read_container(text)})


def rewritten_container(path: str, new_body: str) -> bytes | None:
    """The container of the member at ``path`` with that member's body replaced (every other
    byte as it was), or None when that cannot be done safely. The file is read afresh: what
    is written must be what is there."""
    from kblint.formats.zendesk import rewrite_body

    found = split_member(path)
    if found is None:
        return None
    container, key = found
    try:
        with open(container, "rb") as handle:
            text = handle.read().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    text = text[len(bom) :]  # the bodies' places are counted without it
    member = {member.key: member for member in read_container(text)}.get(key)
    new_text = rewrite_body(text, member, new_body) if member is not None else None
    return (bom + new_text).encode("utf-8") if new_text is not None else None


def place_in_container(path: str, *positions: tuple[int, int]) -> tuple[str, str, list[tuple[int, int]]] | None:
    """The export file of the member at ``path``, the member's key (``zh-tw/360001``), and
    where each of ``positions`` (1-based line and column of its body, in code points) is
    written in that file: for outputs that name real files (annotations, SARIF). None when
    the member or its body's place is unknown."""
    from kblint.formats.zendesk import char_offsets

    found = split_member(path)
    if found is None:
        return None
    container, key = found
    snapshot = _snapshot(container)
    member = snapshot.members.get(key)
    if member is None or member.raw is None:
        return None
    start, end = member.raw
    written = char_offsets(snapshot.text[start:end])
    body_index = LineIndex(member.body)
    placed = [snapshot.index.position(start + written[min(body_index.offset(line, column), len(member.body))]) for line, column in positions]
    return container, key, placed
