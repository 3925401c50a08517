from __future__ import annotations

from kblint.model.finding import Severity
from kblint.rules.api import Rule

# The loader produces this finding when the operating system refuses to read a file; the rule
# exists so that it has a code, documentation and a severity that the configuration can change.
RULE = Rule(
    code="KL006",
    name="unreadable-file",
    severity=Severity.ERROR,
    summary="A file could not be read (permissions, a vanished file, an I/O error).",
    documentation="""\
## What it does
Reports a Markdown file that was found but could not be read, with the operating system's
reason.

## Why it matters
An article that cannot be read cannot be checked; a silent skip would make a run look clean.

## Example
`en/KB1004.md` with mode `000`: `en/KB1004.md:1:1: KL006 unreadable-file cannot be read: Permission denied`

## Does not fire
On every file that can be read.

## Fix
None.
""",
)
