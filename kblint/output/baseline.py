"""Baselines: record today's findings, then report only new ones.

This is how a team adopts kblint on a large knowledge base that already has many findings:
the baseline is committed, CI fails only on findings that are not in it, and the baseline
shrinks as old findings are fixed. Findings match by fingerprint (see ``fingerprint.py``), so
they survive lines moving.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from kblint.model.config import ConfigError
from kblint.model.finding import Finding
from kblint.model.text import has_surrogates

FORMAT_VERSION = 1


def write_baseline(path: Path, findings: list[Finding], prints: list[str]) -> None:
    data = {
        "version": FORMAT_VERSION,
        "tool": "kblint",
        "findings": [
            {"fingerprint": fp, "path": f.path, "line": f.line, "code": f.code, "name": f.name, "message": f.message}
            for f, fp in zip(findings, prints)
        ],
    }
    try:
        text = json.dumps(data, ensure_ascii=False, indent=1)
        if has_surrogates(text):  # a file name that is not UTF-8: kept by JSON's escapes
            text = json.dumps(data, ensure_ascii=True, indent=1)
        path.write_text(text + "\n", "utf-8")
    except OSError as error:
        raise ConfigError(f"{path}: cannot write the baseline: {error.strerror}") from error


def load_baseline(path: Path) -> Counter:
    try:
        data = json.loads(path.read_text("utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot read the baseline: {error.strerror}") from error
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: the baseline is not valid JSON: {error}") from error
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION or not isinstance(data.get("findings"), list):
        raise ConfigError(f"{path}: not a kblint baseline (version {FORMAT_VERSION})")
    return Counter(str(item.get("fingerprint")) for item in data["findings"] if isinstance(item, dict))


def new_findings(findings: list[Finding], prints: list[str], baseline: Counter) -> tuple[list[Finding], list[str]]:
    """The findings not in the baseline (each baseline entry absorbs one finding)."""
    remaining = Counter(baseline)
    kept, kept_prints = [], []
    for finding, fp in zip(findings, prints):
        if remaining[fp] > 0:
            remaining[fp] -= 1
            continue
        kept.append(finding)
        kept_prints.append(fp)
    return kept, kept_prints
