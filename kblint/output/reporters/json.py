"""``{"version": 1, "findings": [...], "summary": {...}}``."""

from __future__ import annotations

import json

from kblint.output.reporters.report import Report, summarize


def render(report: Report) -> str:
    document = {
        "version": 1,
        "findings": [f.to_dict() for f in report.findings],
        "summary": report.summary or summarize(report.findings, report.files),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
