"""Regular expressions written by users (rule packs with ``regex: true``, ``references``,
``links``, ``id_pattern``), run with a time limit.

Python's ``re`` cannot be interrupted: ``(a|aa)+b`` on forty letters runs for minutes, and one
such pattern in a configuration would hang every run. User patterns are compiled with the
``regex`` package (the syntax of ``re``, and a ``timeout`` on every match) and a pattern that
runs longer than ``SECONDS`` on one text stops the run with a configuration error naming it.
kblint's own patterns stay on ``re``: they are written and tested to run in linear time.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

SECONDS = 2.0  # per text searched: real patterns take microseconds


class SlowPattern(Exception):
    """A user pattern ran past its time limit: a configuration error (exit 2) naming the
    pattern, and the file once the engine knows it."""


class UserPattern:
    """A compiled user pattern with the parts of ``re.Pattern`` kblint uses; every match is
    bounded by ``SECONDS`` (SlowPattern). ``name`` says where the pattern was written."""

    def __init__(self, source: str, flags: int, name: str) -> None:
        import regex  # here: most runs compile no user pattern, and the import costs 10 ms

        try:
            self._compiled = regex.compile(source, flags | regex.VERSION0)
        except (regex.error, OverflowError, ValueError) as error:
            raise re.error(str(error)) from None
        self.pattern = source
        self.flags = flags
        self.name = name
        self.groupindex = self._compiled.groupindex

    def _slow(self, text: str) -> SlowPattern:
        shown = self.pattern if len(self.pattern) <= 80 else self.pattern[:77] + "..."
        return SlowPattern(
            f"{self.name}: the pattern '{shown}' ran over {SECONDS:g} s on a text of {len(text):,} characters and was "
            "stopped: it backtracks catastrophically (nested repetition such as (a+)+ or (a|aa)+); rewrite it"
        )

    def _bounded(self, method: Any, text: str, *args: Any) -> Any:
        """``method(text, *args)`` of the compiled pattern, stopped after ``SECONDS``."""
        try:
            return method(text, *args, timeout=SECONDS)
        except TimeoutError:
            raise self._slow(text) from None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._bounded(self._compiled.search, text, pos, len(text) if endpos is None else endpos)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._bounded(self._compiled.match, text, pos, len(text) if endpos is None else endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._bounded(self._compiled.fullmatch, text, pos, len(text) if endpos is None else endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Any]:
        # Collected at once: the time limit covers the whole scan, and a slow pattern stops
        # before any of its matches were used.
        def every(*args: Any, timeout: float) -> list[Any]:
            return list(self._compiled.finditer(*args, timeout=timeout))

        return iter(self._bounded(every, text, pos, len(text) if endpos is None else endpos))

    def sub(self, replacement: Any, text: str, count: int = 0) -> str:
        def substitute(subject: str, *, timeout: float) -> str:
            return self._compiled.sub(replacement, subject, count, timeout=timeout)

        return self._bounded(substitute, text)

    def __reduce__(self) -> tuple:  # sent to worker processes as its source, compiled there
        return (UserPattern, (self.pattern, self.flags, self.name))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, UserPattern) and (self.pattern, self.flags) == (other.pattern, other.flags)

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags))

    def __repr__(self) -> str:
        return f"UserPattern({self.pattern!r}, {self.name!r})"


def compile_user(source: str, name: str, flags: int = 0) -> UserPattern:
    """``source`` compiled as a user pattern; ``re.error`` when it is not a valid one."""
    return UserPattern(source, flags, name)


def template_fields(template: str) -> list[tuple[str, str, str]]:
    """(name, format spec, conversion) of each ``{field}`` a user's message or id template
    names; ValueError for a lone brace. The callers refuse specs and odd names: applied, they
    fail or fill memory at the first use instead of when the configuration is read."""
    import string

    return [(name, spec or "", conversion or "") for _, name, spec, conversion in string.Formatter().parse(template) if name is not None]
