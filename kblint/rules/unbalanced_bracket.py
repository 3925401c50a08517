from __future__ import annotations

import re
from typing import Iterator

from kblint.finding import Finding, Severity
from kblint.pairing import MarkPairer, span_findings
from kblint.rules import Rule

PAIRS = {"(": ")", "[": "]", "{": "}", "（": "）", "【": "】", "《": "》", "〈": "〉"}
CLOSERS = {v: k for k, v in PAIRS.items()}  # for the character class below
# "a)", "1)", "iv)" starting an item or an inline enumeration; ":)" and ";)" smileys.
_ENUMERATION = re.compile(r"(?:^|(?<=[\s(（]))[A-Za-z0-9]{1,3}\)$")


def _ignorable_closer(text: str, i: int) -> bool:
    before = text[max(0, i - 4) : i + 1]
    if text[i] == ")" and _ENUMERATION.search(before):
        return True
    return i > 0 and text[i - 1] in ":;" and text[i] == ")"


_BRACKET = re.compile("[" + re.escape("".join(PAIRS) + "".join(CLOSERS)) + "]")


def unbalanced(text: str) -> list[tuple[int, str]]:
    if _BRACKET.search(text) is None:
        return []
    pairer = MarkPairer(PAIRS)
    for m in _BRACKET.finditer(text):
        pairer.feed(m.start(), m.group(0), lone_closer_is_fine=_ignorable_closer(text, m.start()))
    return pairer.finish()


def check(doc, config) -> Iterator[Finding]:
    return span_findings(RULE, doc, unbalanced, _BRACKET)


RULE = Rule(
    code="KL204",
    name="unbalanced-bracket",
    severity=Severity.WARNING,
    summary="A bracket without its partner: () [] {} （） 【】 《》 〈〉.",
    documentation="""\
## What it does
Pairs brackets within each paragraph, list item, heading and table cell and reports the one
without a partner. List markers and enumerations such as `a)`, `1)` or `iv)` and the smileys
`:)` are not brackets; Markdown link syntax, code and URLs (also those with parentheses, such
as `https://en.example.org/wiki/Foo_(bar)`) are not prose.

## Why it matters
An unclosed parenthesis makes the reader wonder where an aside ends, and often means a
sentence was cut in half.

## Example
```markdown
The lock takes effect in the device list (the list refreshes every minute.
```

## Does not fire
```markdown
Choose a) the phone or b) the laptop (both work). See [the guide](KB1.md) :)
```

## Fix
None.
""",
    check=check,
)
