"""``{"version": 1, "findings": [...], "summary": {...}}``."""

from __future__ import annotations

from kblint.output.reporters.indented import indented_json
from kblint.output.reporters.report import Report, summarize


def render(report: Report) -> str:
    document = {
        "version": 1,
        "findings": [_with_article(f.to_dict(), report.articles.get(f.path)) for f in report.findings],
        "summary": report.summary or summarize(report.findings, report.files),
    }
    return indented_json(document) + "\n"


def _with_article(finding: dict, article: dict | None) -> dict:
    """The finding, with the help-center article it is in (id, locale, title, html_url)."""
    if article:
        finding["article"] = article
    return finding
