"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` per finding.

Escaping follows the Actions runner (``@actions/core``): data escapes ``%``, CR and LF;
properties also escape ``:`` and ``,``. With line breaks escaped, no article text, title or
file name can end the command early or start a workflow command of its own.
"""

from __future__ import annotations

from kblint.output.reporters.report import Report, printable

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    # Control characters are shown as escapes first: the runner would decode a %1B back into
    # an ESC that the log viewer acts on.
    return printable(text).replace("%", "%25")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    lines = []
    for f in report.findings:
        properties = ",".join(
            f"{key}={escape_property(str(value))}"
            for key, value in (
                ("file", f.path),
                ("line", f.line),
                ("col", f.column),
                ("endLine", f.end_line),
                ("endColumn", f.end_column),
                ("title", f"{f.code} {f.name}"),
            )
        )
        lines.append(f"::{LEVELS[f.severity.value]} {properties}::{escape_data(f.message)}")
    return "\n".join(lines) + ("\n" if lines else "")
