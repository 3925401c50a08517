"""Findings and the fixes attached to them."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from kblint.model.location import Span


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True)
class Edit:
    """Replace the text between two string offsets of the decoded file."""

    start: int
    end: int
    replacement: str
    # The same span as 1-based line and code-point column, for reporters (SARIF, JSON).
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0

    @classmethod
    def replacing(cls, span: Span, replacement: str) -> "Edit":
        return cls(span.start, span.end, replacement, span.line, span.column, span.end_line, span.end_column)

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.line, self.column, self.end_line, self.end_column)


@dataclass(frozen=True)
class Fix:
    """A finding's fix: its edits, whether it is safe, and what it does."""

    edits: tuple[Edit, ...]
    safe: bool
    description: str = ""  # the fix's title: what it does ("write 'receive'")
    reason: str = ""  # why it is unsafe, decided for this finding ("" when it is safe)


@dataclass(slots=True)
class Finding:
    """One finding: where (1-based lines and columns), which rule, what is wrong and its fix."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    severity: Severity
    message: str
    fix: Fix | None = None
    # Stable identity of the offending text, for baselines and fingerprints.
    context: str = field(default="", compare=False)

    def with_path(self, path: str, message: str | None = None) -> "Finding":
        """The finding at ``path`` (and with ``message``): cheaper than ``dataclasses.replace``,
        which output pays for every finding of a run from a folder below the root."""
        return Finding(
            path, self.line, self.column, self.end_line, self.end_column, self.code, self.name,
            self.severity, self.message if message is None else message, self.fix, self.context,
        )

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.message)

    def with_message(self, message: str) -> "Finding":
        """The same finding with another message (its place, fix and context kept)."""
        return Finding(
            self.path, self.line, self.column, self.end_line, self.end_column, self.code, self.name,
            self.severity, message, self.fix, self.context,
        )

    def with_severity(self, severity: Severity) -> "Finding":
        return Finding(
            self.path, self.line, self.column, self.end_line, self.end_column, self.code, self.name,
            severity, self.message, self.fix, self.context,
        )

    def to_dict(self) -> dict:
        fix = None
        if self.fix is not None:
            fix = {
                "safe": self.fix.safe,
                "description": self.fix.description,
                **({"reason": self.fix.reason} if self.fix.reason else {}),
                "edits": [
                    {
                        "line": e.line,
                        "column": e.column,
                        "end_line": e.end_line,
                        "end_column": e.end_column,
                        "replacement": e.replacement,
                    }
                    for e in self.fix.edits
                ],
            }
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "fix": fix,
        }


def finding_to_json(finding: Finding) -> dict:
    """Everything about a finding, offsets of fixes included (for the cache)."""
    data = {
        "p": finding.path,
        "l": [finding.line, finding.column, finding.end_line, finding.end_column],
        "c": finding.code,
        "n": finding.name,
        "s": finding.severity.value,
        "m": finding.message,
        "x": finding.context,
    }
    if finding.fix is not None:
        data["f"] = {
            "safe": finding.fix.safe,
            "d": finding.fix.description,
            "r": finding.fix.reason,
            "e": [[e.start, e.end, e.replacement, e.line, e.column, e.end_line, e.end_column] for e in finding.fix.edits],
        }
    return data


_SEVERITIES = {s.value: s for s in Severity}


def finding_from_json(data: dict) -> Finding:
    fix = None
    if "f" in data:
        edits = tuple(Edit(*values) for values in data["f"]["e"])
        fix = Fix(edits, data["f"]["safe"], data["f"]["d"], data["f"].get("r", ""))
    line, column, end_line, end_column = data["l"]
    return Finding(
        data["p"], line, column, end_line, end_column, data["c"], data["n"], _SEVERITIES[data["s"]], data["m"], fix, data["x"]
    )
