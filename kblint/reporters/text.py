"""``path:line:col: CODE name message``, one finding a line."""

from __future__ import annotations

from kblint.reporters import Report


def _clean(text: str) -> str:
    # One finding, one line: article text can never break the format.
    return text.replace("\r", "\\r").replace("\n", "\\n")


def render(report: Report) -> str:
    lines = [
        f"{_clean(f.path)}:{f.line}:{f.column}: {f.code} {f.name} {_clean(f.message)}"
        for f in report.findings
    ]
    return "\n".join(lines) + ("\n" if lines else "")
