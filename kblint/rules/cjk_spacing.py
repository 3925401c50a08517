from __future__ import annotations

from typing import Iterator

from kblint.model.finding import Finding, Severity
from kblint.model.patterns import lazy_pattern
from kblint.model.text import HAN as CJK
from kblint.rules.api import Rule

ADJACENT = lazy_pattern(rf"(?<=[{CJK}])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[{CJK}])")


def check(doc, config) -> Iterator[Finding]:
    for span in doc.body.prose:
        for m in ADJACENT.finditer(span.text):
            i = m.start()
            left, right = span.text[i - 1], span.text[i]
            offset = span.offset(i)
            if span.offset(i - 1) + 1 != offset:
                continue  # markup lies between them in the source
            yield RULE.finding(
                doc,
                offset - 1,
                offset + 1,
                f"no space between '{left}' and '{right}': put a space between Chinese and Latin text",
                replacement=f"{left} {right}",
            )


RULE = Rule(
    code="KL307",
    name="cjk-spacing",
    severity=Severity.INFO,
    summary="No space between Chinese characters and Latin letters or digits (a house style).",
    enabled_by_default=False,
    languages=("zh-Hant", "zh-Hans"),
    documentation="""\
## What it does
In `zh-*` articles, reports a Chinese character directly followed or preceded by a Latin
letter or digit (`使用GPG加密` → `使用 GPG 加密`). Off by default: style guides disagree, so
enable it with `--extend-select cjk-spacing` or in the configuration if yours asks for spaces.

## Why it matters
Where a style guide asks for the space, consistency makes mixed text easier to scan.

## Example
```markdown file=zh-Hant/KB1.md
使用GPG加密。
```

## Does not fire
```markdown file=zh-Hant/KB1.md
使用 GPG 加密，共 3 個步驟。
```

## Fix
Safe: inserts one space.

## Fixed
What `kblint --fix` makes of the example:
```markdown file=zh-Hant/KB1.md
使用 GPG 加密。
```
""",
    fix="safe",
    check=check,
    text_alone=True,
)
