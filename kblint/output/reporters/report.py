"""What every reporter is given (a Report) and the helpers they share."""

from __future__ import annotations

from dataclasses import dataclass, field

from kblint.model.finding import Finding
from kblint.rules.api import Rule


def _visible(code: int) -> str:
    return {0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"}.get(code, f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


# Characters a terminal or a log viewer acts on instead of showing: C0 and C1 controls (ESC
# starts colour, cursor and title sequences; BEL, OSC), DEL, line and paragraph separators, and
# the bidirectional controls that make text read in another order than it is written.
_CONTROLS = {
    code: _visible(code)
    for code in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
}


def printable(text: str) -> str:
    """``text`` with every control character written as an escape (``\\x1b``, ``\\n``): what a
    person reads in a terminal or a CI log is exactly what the article says, and article text
    can neither break the one-finding-a-line format nor drive the terminal."""
    return text.translate(_CONTROLS) if not text.isprintable() or "\u2028" in text or "\u2029" in text else text


@dataclass
class Report:
    """What a reporter writes: the findings to show, the rules that ran and the run's counts."""

    findings: list[Finding]  # paths already as the user should see them
    rules: list[Rule]  # the rules that ran
    files: int
    root: str = "."  # the folder paths are relative to (absolute), for SARIF's base URI
    summary: dict = field(default_factory=dict)
    fingerprints: list[str] = field(default_factory=list)  # one per finding, path-independent of cwd
    # Path -> the help-center article there (id, locale, title, html_url), for outputs to name.
    articles: dict[str, dict] = field(default_factory=dict)

    def prints(self) -> list[str]:
        if len(self.fingerprints) == len(self.findings):
            return self.fingerprints
        from kblint.output.fingerprint import fingerprints

        return fingerprints(self.findings)


def summarize(findings: list[Finding], files: int) -> dict:
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in findings:
        counts[finding.severity.value] += 1
    return {"files": files, "findings": len(findings), **counts}
