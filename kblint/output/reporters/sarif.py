"""SARIF 2.1.0, ready for GitHub code scanning."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from kblint import __version__
from kblint.output.reporters.indented import indented_json
from kblint.output.reporters.report import Report

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
BASE = "%SRCROOT%"


def _uri(path: str) -> str:
    return quote(path, safe="/-._~")


def _region(line: int, column: int, end_line: int, end_column: int) -> dict:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _section(markdown: str, title: str) -> str | None:
    """The text under ``## title`` in a rule's documentation."""
    marker = f"## {title}\n"
    if marker not in markdown:
        return None
    return markdown.split(marker, 1)[1].split("\n## ", 1)[0].strip()


def _rule(rule) -> dict:
    help_text = rule.documentation.strip()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": _section(help_text, "What it does") or rule.summary},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": LEVELS[rule.severity.value], "enabled": rule.enabled_by_default},
        "properties": {"tags": [rule.name], "fix": rule.fix},
    }


def render(report: Report) -> str:
    rules = sorted(report.rules, key=lambda r: r.code)
    index = {rule.code: i for i, rule in enumerate(rules)}
    results = []
    for finding, fingerprint in zip(report.findings, report.prints()):
        location = {
            "physicalLocation": {
                "artifactLocation": {"uri": _uri(finding.path), "uriBaseId": BASE},
                "region": _region(finding.line, finding.column, finding.end_line, finding.end_column),
            }
        }
        result = {
            "ruleId": finding.code,
            "level": LEVELS[finding.severity.value],
            "message": {"text": finding.message},
            "locations": [location],
            "partialFingerprints": {"kblintFingerprint/v1": fingerprint},
        }
        if finding.code in index:
            result["ruleIndex"] = index[finding.code]
        if finding.fix is not None:
            result["fixes"] = [
                {
                    "description": {"text": _fix_text(finding.fix)},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": _uri(finding.path), "uriBaseId": BASE},
                            "replacements": [
                                {
                                    "deletedRegion": _region(e.line, e.column, e.end_line, e.end_column),
                                    "insertedContent": {"text": e.replacement},
                                }
                                for e in finding.fix.edits
                            ],
                        }
                    ],
                }
            ]
        results.append(result)
    root = Path(report.root).resolve().as_uri().rstrip("/") + "/"
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "kblint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [_rule(rule) for rule in rules],
                    }
                },
                "originalUriBaseIds": {BASE: {"uri": root}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return indented_json(document) + "\n"


def _fix_text(fix) -> str:
    """The fix's title, and for an unsafe fix why it is unsafe."""
    title = fix.description or ("safe fix" if fix.safe else "unsafe fix")
    return title if fix.safe or not fix.reason else f"{title} (unsafe: {fix.reason})"
