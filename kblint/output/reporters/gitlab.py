"""GitLab Code Quality report: a JSON array of issues."""

from __future__ import annotations

from kblint.output.reporters.indented import indented_json
from kblint.output.reporters.report import Report

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def render(report: Report) -> str:
    issues = []
    for finding, fingerprint in zip(report.findings, report.prints()):
        issues.append(
            {
                "type": "issue",
                "description": f"{finding.name}: {finding.message}",
                "check_name": f"{finding.code} {finding.name}",
                "fingerprint": fingerprint,
                "severity": SEVERITIES[finding.severity.value],
                "categories": ["Style"],
                "location": {
                    "path": finding.path,
                    "lines": {"begin": finding.line, "end": finding.end_line},
                },
            }
        )
    return indented_json(issues) + "\n"
