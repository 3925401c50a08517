"""Regular expressions compiled on first use.

A run that lints nothing (every file served from the cache: a pre-commit hook, an editor's
first request) still imports every rule, and compiling a rule's patterns costs more than
importing it: a class of Chinese or Latin letters takes a millisecond or more. A module-level
``lazy_pattern(...)`` costs nothing until a rule first uses it, and then no more than the
compiled pattern: its methods are looked up on the instance, as they would be on a pattern.
"""

from __future__ import annotations

import re
from typing import Any

# What a rule asks of a compiled pattern.
_ATTRIBUTES = (
    "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split",
    "pattern", "flags", "groups", "groupindex",
)  # fmt: skip


class LazyPattern:
    """``re.compile(pattern, flags)``, made when one of its attributes is first read."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        # Called only for an attribute the instance does not hold yet, so once for a pattern:
        # then the compiled pattern's methods sit in the instance's own dictionary.
        if name.startswith("__") or name == "_source":
            raise AttributeError(name)
        compiled = re.compile(*self._source)
        self.__dict__.update((attribute, getattr(compiled, attribute)) for attribute in _ATTRIBUTES)
        self.__dict__["compiled"] = compiled
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_pattern({self._source[0]!r}, {self._source[1]})"


def lazy_pattern(pattern: str, flags: int = 0) -> LazyPattern:
    """A pattern compiled the first time it is used (see the module's documentation)."""
    return LazyPattern(pattern, flags)


# An e-mail address (name@example.org): a fact a translation keeps, and no file's path.
EMAIL_ADDRESS = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
AN_EMAIL_ADDRESS = lazy_pattern(EMAIL_ADDRESS)
