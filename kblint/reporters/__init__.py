"""Reporters turn sorted findings into text for people or machines. They never decide what is
wrong: every finding they are given is printed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from kblint.finding import Finding
from kblint.rules import Rule


@dataclass
class Report:
    findings: list[Finding]  # paths already as the user should see them
    rules: list[Rule]  # the rules that ran
    files: int
    root: str = "."  # the folder paths are relative to (absolute), for SARIF's base URI
    summary: dict = field(default_factory=dict)
    fingerprints: list[str] = field(default_factory=list)  # one per finding, path-independent of cwd

    def prints(self) -> list[str]:
        if len(self.fingerprints) == len(self.findings):
            return self.fingerprints
        from kblint.fingerprint import fingerprints

        return fingerprints(self.findings)


def summarize(findings: list[Finding], files: int) -> dict:
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in findings:
        counts[finding.severity.value] += 1
    return {"files": files, "findings": len(findings), **counts}


def get_reporter(name: str) -> Callable[[Report], str]:
    if name == "text":
        from kblint.reporters.text import render
    elif name == "json":
        from kblint.reporters.json import render
    elif name == "github":
        from kblint.reporters.github import render
    elif name == "gitlab":
        from kblint.reporters.gitlab import render
    elif name == "sarif":
        from kblint.reporters.sarif import render
    else:
        raise KeyError(name)
    return render


FORMATS = ("text", "json", "github", "gitlab", "sarif")
