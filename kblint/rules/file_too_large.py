from __future__ import annotations

from typing import Iterator

from kblint.model.finding import Finding, Severity
from kblint.rules.api import Rule


def check_file(relpath: str, data: bytes, config) -> Iterator[Finding]:
    if len(data) > config.max_file_size:
        size = getattr(data, "size", len(data)) / (1024 * 1024)  # only the start of a large file is read
        limit = config.max_file_size / (1024 * 1024)
        yield RULE.finding_at(
            relpath,
            1,
            1,
            f"file is {size:.1f} MiB, above max_file_size ({limit:.1f} MiB): skipped; "
            "raise max_file_size in the configuration to lint it",
        )


RULE = Rule(
    code="KL003",
    name="file-too-large",
    severity=Severity.INFO,
    summary="A file larger than max_file_size is skipped.",
    documentation="""\
## What it does
Skips a file larger than `max_file_size` (10 MiB unless configured) and says so.

## Why it matters
A knowledge base article is a few kilobytes. A file of many megabytes is a generated dump or a
mistake, and parsing it would make every run slow.

## Example
A 50 MB `en/KB1003.md`: `en/KB1003.md:1:1: KL003 file-too-large file is 50.0 MiB ...`

## Does not fire
On files up to `max_file_size`.

## Fix
None. Raise `max_file_size` in `kblint.yaml` if the file really is an article.
""",
    check_file=check_file,
)
