"""``path:line:col: CODE name message``, one finding a line."""

from __future__ import annotations

from kblint.output.reporters.report import Report, printable

_clean = printable  # one finding, one line, and nothing a terminal would act on


def render(report: Report) -> str:
    lines = [
        f"{_clean(f.path)}:{f.line}:{f.column}: {f.code} {f.name} {_clean(f.message)}"
        for f in report.findings
    ]
    return "\n".join(lines) + ("\n" if lines else "")
