"""Lists of stored summaries kept as JSON text until a rule reads them."""

from __future__ import annotations

import json
from typing import Any


class Deferred:
    """A list of a stored summary kept as the JSON text it was stored as, and decoded each
    time it is read: translation-QA data (numbers, code, placeholders, text keys, each with its
    place), headings, external URLs and anchors. As objects, a 100,000-article corpus holds
    gigabytes of it, though a rule reads it once per translation pair or link."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    @staticmethod
    def of(value: Any) -> "Deferred | list":
        """A Deferred for stored JSON text; a list (older rows, or tests) as it is."""
        return Deferred(value) if isinstance(value, str) else value

    def __iter__(self):
        return iter(json.loads(self.text))

    def __len__(self) -> int:
        return len(json.loads(self.text))

    def __bool__(self) -> bool:
        return self.text != "[]"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (Deferred, list)):
            return json.loads(self.text) == _plain(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"Deferred({self.text[:60]!r})"


def _plain(value: Any) -> Any:
    """``value`` as JSON gives it back (tuples as lists), for comparing with a Deferred."""
    return json.loads(deferred_text(value))


# One encoder for every list: json.dumps with options builds a new one per call, and a summary
# stores a dozen lists.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def deferred_text(value: Any) -> str:
    """The JSON text a Deferred field is stored as."""
    if isinstance(value, Deferred):
        return value.text
    return _ENCODER.encode(value)
