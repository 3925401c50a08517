"""kblint's own code as a key: what the cache and the layout's memo are made by."""

from __future__ import annotations

import os
from functools import cache

import kblint


@cache
def code_identity() -> str:
    """The name, size and time of each of kblint's modules: an edited rule (in a development
    install) must not be served results its old code made."""
    parts = []
    for folder, folders, files in os.walk(os.path.dirname(kblint.__file__)):
        folders[:] = sorted(name for name in folders if name != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                st = os.stat(os.path.join(folder, name))
                parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
    return "|".join(parts)
