from __future__ import annotations

import bisect
from typing import Iterator

from kblint.model.finding import Finding, Severity
from kblint.rules.api import Rule


def _place(block, end: bool = False):
    """Where a block starts (or ends): its file offset where the format gives it (in HTML a
    heading and its text may share a line), else its line."""
    offsets = block.attrs.get("offsets")
    if offsets is not None:
        return offsets[1] - 1 if end else offsets[0]  # the end: its last character, as a line is
    return block.end_line if end else block.start_line


def check(doc, config) -> Iterator[Finding]:
    blocks = [b for b in doc.body.blocks if b.depth == 0]
    headings = [b for b in blocks if b.kind == "heading"]
    texts = {h.line: h for h in doc.body.headings}
    # Where content starts, sorted: one binary search per heading instead of a scan of every
    # block (an article of 20,000 headings stays linear).
    content = sorted(_place(b) for b in blocks if b.kind != "heading")
    for i, heading in enumerate(headings):
        level = heading.attrs.get("level", 1)
        nxt = headings[i + 1] if i + 1 < len(headings) else None
        if nxt is not None and nxt.attrs.get("level", 1) > level:
            continue  # a subsection is content
        limit = _place(nxt) if nxt is not None else (len(doc.text) if "offsets" in heading.attrs else doc.index.line_count) + 1
        k = bisect.bisect_right(content, _place(heading, end=True))
        if k < len(content) and content[k] < limit:
            continue
        info = texts.get(heading.start_line)
        title = info.text if info else ""
        start = doc.index.line_start(heading.start_line)
        end = doc.index.line_end(heading.start_line)
        if info is not None:
            start = doc.index.offset(info.line, info.column)
            end = doc.index.offset(info.line, info.end_column)
        after = f"before '{texts[nxt.start_line].text}'" if nxt is not None and nxt.start_line in texts else "at the end of the article"
        yield RULE.finding(doc, start, end, f"section '{title}' is empty {after}: add content or remove the heading")


RULE = Rule(
    code="KL205",
    name="empty-section",
    severity=Severity.WARNING,
    summary="A heading with no content before the next heading of the same or a higher level.",
    documentation="""\
## What it does
Reports a heading that is followed directly by a heading of the same or a higher level, or by
the end of the article. A heading followed by a deeper subheading is not empty: the subsection
is its content.

## Why it matters
An empty "Troubleshooting" section promises help that is not there; it is usually a template
left unfilled or content lost in a migration.

## Example
```markdown
## Troubleshooting

## If the device comes back
```

## Does not fire
```markdown
## Troubleshooting

### The lock does not apply
Restart the device.
```

## Fix
None.
""",
    check=check,
)
