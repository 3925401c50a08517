from __future__ import annotations

from typing import Iterator

from kblint.model.finding import Finding, Severity
from kblint.rules.api import Rule
from kblint.model.text import is_binary, is_encrypted


def check_file(relpath: str, data: bytes, config) -> Iterator[Finding]:
    if is_binary(data) and not is_encrypted(data):
        yield RULE.finding_at(relpath, 1, 1, "binary file (it contains NUL bytes): skipped")


RULE = Rule(
    code="KL002",
    name="binary-file",
    severity=Severity.INFO,
    summary="A file with a Markdown name holds binary data and is skipped.",
    documentation="""\
## What it does
Skips a file whose first 8 KiB contain a NUL byte (and that is not UTF-16 with a byte order
mark), and says so.

## Why it matters
A binary file named `.md` is usually an export gone wrong or a misnamed attachment. Linting it
would only produce noise, but silently skipping it would hide the problem.

## Example
`en/KB1002.md` that is really a PNG image: `en/KB1002.md:1:1: KL002 binary-file binary file ...`

## Does not fire
On text files, including UTF-16 files that start with a byte order mark; nor on a file that
git-crypt keeps encrypted (it starts with git-crypt's header), which is skipped without a word:
it is unreadable on purpose.

## Fix
None.
""",
    check_file=check_file,
)
