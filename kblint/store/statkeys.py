"""A file's stat key: what tells the cache that a file is as it was without reading it.

A run of one file stats every file of the knowledge base (see ``kblint.run.walk``), in a child
process that has imported little: this module imports nothing the walk does not.
"""

from __future__ import annotations

import os

from kblint.formats.registry import ARTICLE_SUFFIXES, is_export_path

_COMMONEST = ARTICLE_SUFFIXES[0]  # an article's suffix, never an export's


_SIGNATURE_BITS = 0x7FFF_FFFF_FFFF_FFFF  # a signature fits a signed 64-bit integer


def stat_key(size: int, signature: tuple[int, ...]) -> tuple[int, int]:
    return size, hash(signature) & _SIGNATURE_BITS


def export_stat_key(path: str) -> tuple[int, int] | None:
    """The stat key of an export's file or of an article an export holds (whose stat is the
    export file's own); an export article's metadata file is part of it: a change there is a
    change."""
    try:
        st = os.stat(path)
    except OSError:
        from kblint.kb.containers import container_stat

        st = container_stat(path)
        if st is None:
            return None
    signature = (st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
    if is_export_path(path):
        from kblint.kb.discover import companion_of

        companion = companion_of(path)
        if companion is not None:
            try:
                other = os.stat(companion)
                signature += (other.st_size, other.st_mtime_ns, other.st_ctime_ns, other.st_ino)
            except OSError:
                pass
    return stat_key(st.st_size, signature)


def stat_keys(paths: list[str]) -> list[tuple[int, int] | None]:
    """Each file's (size, signature), None where it cannot be read: a file whose size and
    signature are as cached is served without reading it. The signature is the
    modification time together with the status-change time and the inode, as git's index
    compares them: a copy that keeps the modification time (cp -p, rsync -t, tar x,
    touch -r) changes the other two, since no program can set a status-change time. A
    changed signature is not a re-parse: the file's content hash is checked first.
    (One loop for all: a run of one file looks up every file of the knowledge base, and
    a call per file would cost as much as its ``stat``.)"""
    keys: list[tuple[int, int] | None] = []
    append, stat = keys.append, os.stat
    for path in paths:
        # A Markdown file is never an export's: the suffix test of nearly every file, first.
        if not path.endswith(_COMMONEST) and is_export_path(path):
            append(export_stat_key(path))
            continue
        try:
            st = stat(path)
        except OSError:
            append(export_stat_key(path))  # an article an export holds, or gone
            continue
        append((st.st_size, hash((st.st_mtime_ns, st.st_ctime_ns, st.st_ino)) & _SIGNATURE_BITS))  # stat_key, inlined
    return keys
