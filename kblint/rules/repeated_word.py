from __future__ import annotations

import re
from typing import Iterator

from kblint.finding import Finding, Severity
from kblint.rules import Rule
from kblint.text import LATIN, is_quoted

REPEAT = re.compile(
    rf"(?<![{LATIN}0-9_'’-])([{LATIN}]++)([ \t]*\n?[ \t]*)(\1)(?![{LATIN}0-9_'’-])", re.IGNORECASE
)
# Words as REPEAT delimits them: whatever REPEAT finds is two equal neighbours in their list.
TOKEN = re.compile(rf"[{LATIN}0-9_'’-]+")
# Doubles that can be grammatical: "that that", "had had", "is is" (what it is is ...).
ALLOWED = {"that", "had", "is", "do", "bye", "ha", "no", "yada", "knock", "very", "so", "far"}


def doubled_words(folded: str) -> set[str]:
    """Words of the case-folded ``folded`` that directly follow themselves (a cheap superset of
    what REPEAT can find)."""
    words = TOKEN.findall(folded)
    if not any(map(str.__eq__, words, words[1:])):
        return set()
    return {a for a, b in zip(words, words[1:]) if a == b and a.isalpha() and a not in ALLOWED}


def check(doc, config) -> Iterator[Finding]:
    folded_spans = [span.text.casefold() for span in doc.md.prose]
    doubled = doubled_words("\n".join(folded_spans))
    if not doubled:
        return
    for span, folded in zip(doc.md.prose, folded_spans):
        if not any(word in folded for word in doubled):
            continue
        for m in REPEAT.finditer(span.text):
            word = m.group(1)
            if word.lower() in ALLOWED or not m.group(2) or is_quoted(span.text, m.start(), m.end()):
                continue  # allowed, or quoted: a mention of the doubling, not a doubling
            start = span.offset(m.start(1))
            end = span.end_offset(m.end(3))
            second_from = span.end_offset(m.end(1))
            message = f"'{word}' is repeated: '{m.group(0).replace(chr(10), ' ')}'"
            finding = RULE.finding(doc, start, end, message, replacement=doc.text[start:second_from])
            yield finding


RULE = Rule(
    code="KL202",
    name="repeated-word",
    severity=Severity.WARNING,
    summary="A word written twice in a row (\"the the\"), also across a line break.",
    documentation="""\
## What it does
Reports a word followed by the same word (ignoring case), with only spaces or one line break
between them. Doubles that can be grammatical ("that that", "had had", "is is") are allowed.

## Why it matters
The eye skips doubled words, especially across a line break, so they survive every review.

## Example
```markdown
lock it from the web so that the the files
on it can no longer be opened; close the
the window.
```

## Does not fire
```markdown
He had had enough. She said that that was fine. `the the` in code.
```

## Fix
Unsafe: removes the second word (`--fix --unsafe-fixes`); a deliberate repetition is rare but
possible.
""",
    fix="unsafe",
    check=check,
)
