"""YAML files remembered as JSON, so that a run whose files are all cached never imports the
YAML library: importing it costs 20-25 ms, about a tenth of a warm run of one file at 20,000
articles (its reader compiles a class of every printable character when it is imported).

A document is remembered in the cache folder by the hash of its text, kblint's version and
the installed YAML library's, and only when JSON gives back exactly what YAML read (no dates,
no keys other than strings, no NaN); anything else is read as YAML every time. One memo is
kept per source file (the configuration, each rule pack): a changed file replaces its memo.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from functools import cache
from importlib.machinery import PathFinder
from pathlib import Path
from typing import Any

from kblint import __version__
from kblint.model.fsutil import atomic_write

_MEMO = re.compile(r"yaml-[0-9a-f]{8}-[0-9a-f]{24}\.json")


def load_remembered(text: str, source: Path, folder: Path | None) -> Any:
    """``yamlsafe.load(text)`` of the file ``source``, taken from its memo in ``folder`` when
    there is one for this text; the memo is written when ``folder`` exists. Without a folder,
    the text is read as YAML. Errors are the YAML library's (see ``is_yaml_error``)."""
    if folder is None:
        return _load(text)
    owner = hashlib.sha256(str(source).encode("utf-8", "surrogatepass")).hexdigest()[:8]
    content = hashlib.sha256(f"{__version__}|{_library_identity()}|".encode() + text.encode("utf-8", "surrogatepass"))
    memo = folder / f"yaml-{owner}-{content.hexdigest()[:24]}.json"
    try:
        return json.loads(memo.read_bytes())["document"]
    except (OSError, ValueError, KeyError, TypeError):
        pass  # none yet, or unreadable: read the YAML
    data = _load(text)
    _remember(memo, owner, data)
    return data


def is_yaml_error(error: BaseException) -> bool:
    """Whether ``error`` is the YAML library's (a file that is not valid YAML)."""
    import yaml

    return isinstance(error, yaml.YAMLError)


def _load(text: str) -> Any:
    from kblint.formats import yamlsafe

    return yamlsafe.load(text)


def _remember(memo: Path, owner: str, data: Any) -> None:
    try:
        written = json.dumps({"document": data}, ensure_ascii=True, allow_nan=False)
        if json.loads(written)["document"] != data:
            return  # keys that are not strings: JSON would change them
    except (TypeError, ValueError):
        return  # dates, sets, binary or NaN: not JSON
    try:
        if not memo.parent.is_dir():
            return  # the cache folder is made by a run that caches, not here
        for old in memo.parent.glob(f"yaml-{owner}-*.json"):
            if _MEMO.fullmatch(old.name) and old != memo:
                old.unlink(missing_ok=True)
        atomic_write(memo, written.encode("ascii"), keep_mode=False)
    except OSError:
        pass  # a read-only cache folder: read the YAML next time too


@cache
def _library_identity() -> str:
    """The installed YAML library's own file, by size and time: an upgrade changes it.
    (Found without importing it, as the import system would find it.)"""
    spec = PathFinder.find_spec("yaml")
    if spec is None or spec.origin is None:
        return "none"
    try:
        st = os.stat(spec.origin)
    except OSError:
        return spec.origin
    return f"{spec.origin}:{st.st_size}:{st.st_mtime_ns}"
