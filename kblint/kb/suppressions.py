"""Where an article turns rules off: inline ``kblint-disable`` comments and its front matter.

Its own module: the run applies them to findings the cache served, without the Document
(``kblint.kb.document``) and its parsers.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Suppressions:
    """Inline ``kblint-disable`` comments and the front matter ``kblint: {disable: [...]}``."""

    whole_file: set[str] = field(default_factory=set)  # rule names/codes, or "*" for all
    # (rule or "*", first line, last line) ranges, inclusive
    ranges: list[tuple[str, int, int]] = field(default_factory=list)
    # A comment at the file's top says it must not be edited ("DO NOT EDIT … IT WILL BE
    # OVERWRITTEN"): it is generated or imported, and its fixes belong upstream. None is safe.
    do_not_edit: bool = False

    def __bool__(self) -> bool:
        return bool(self.whole_file or self.ranges or self.do_not_edit)

    def to_json(self) -> dict:
        """The one stored form (a summary's, the cache's): {"whole_file": [...], "ranges": [[rule, first, last], ...]},
        with "do_not_edit": true where the file says so."""
        stored = {"whole_file": sorted(self.whole_file), "ranges": [list(r) for r in self.ranges]}
        return {**stored, "do_not_edit": True} if self.do_not_edit else stored

    @classmethod
    def from_json(cls, data: dict) -> "Suppressions":
        return cls(set(data.get("whole_file", ())), [tuple(r) for r in data.get("ranges", ())], data.get("do_not_edit") is True)

    def covers(self, name: str, code: str, line: int) -> bool:
        keys = {"*", name, code}
        if self.whole_file & keys:
            return True
        return any(rule in keys and first <= line <= last for rule, first, last in self.ranges)
