from __future__ import annotations

from typing import Iterator

from kblint.model.finding import Finding, Severity
from kblint.rules.api import Rule


def check(doc, config) -> Iterator[Finding]:
    decoded = doc.decoded
    if decoded.bad_char_offset is None:
        return
    shown = " ".join(f"0x{b:02X}" for b in decoded.bad_bytes) or "?"
    yield RULE.finding(
        doc,
        decoded.bad_char_offset,
        decoded.bad_char_offset + 1,
        f"the file is not valid {decoded.encoding.upper()}: byte {shown} (file offset {decoded.bad_byte_offset}) "
        "cannot be decoded and the text after it may be garbled; re-save the file as UTF-8",
    )


RULE = Rule(
    code="KL001",
    name="invalid-encoding",
    severity=Severity.ERROR,
    summary="The file is not valid UTF-8 (or UTF-16 with a byte order mark).",
    documentation="""\
## What it does
Reports the first byte that cannot be decoded, at its line and column. kblint reads UTF-8 with
or without a byte order mark and UTF-16 with a byte order mark; any other file is decoded with
replacement characters so that the rest of it is still linted.

## Why it matters
A file saved in a legacy encoding (Big5, GB2312, Windows-1252) shows as garbage on the site and
breaks search. The problem is usually invisible in the editor that saved it.

## Example
A file whose bytes contain `caf\\xE9` (Latin-1 `é`):

```text
en/KB1001.md:4:4: KL001 invalid-encoding the file is not valid UTF-8: byte 0xE9 ...
```

## Does not fire
On any UTF-8 file, with or without a BOM, with any line endings, and on UTF-16 files that start
with a BOM.

## Fix
None: only the author knows which encoding the file was saved in. Re-save it as UTF-8.
""",
    check=check,
)
