"""Stable identities for findings: unchanged when unrelated lines move.

A finding is identified by its file, its rule, the text it is about and its message, plus an
occurrence number for identical findings in the same file. Line numbers are left out on
purpose, so adding a paragraph above a finding does not make it "new".
"""

from __future__ import annotations

import hashlib
from typing import Iterable

from kblint.model.finding import Finding


def fingerprints(findings: Iterable[Finding]) -> list[str]:
    """One fingerprint per finding, in the same order."""
    seen: dict[str, int] = {}
    result = []
    for finding in findings:
        key = "\x1f".join((finding.path, finding.code, " ".join(finding.context.split()), finding.message))
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        result.append(hashlib.sha256(f"{key}\x1f{occurrence}".encode("utf-8", "surrogatepass")).hexdigest()[:32])
    return result
