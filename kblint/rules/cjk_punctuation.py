from __future__ import annotations

import re
from typing import Iterator

from kblint.finding import Finding, Severity
from kblint.rules import Rule

CJK = "\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff"
FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
BETWEEN = re.compile(rf"(?<=[{CJK}])([,:;?!])[ ]?(?=[{CJK}])")
OPEN = re.compile(rf"(?:(?<=[{CJK}])[ ]?\((?=[^\s)]))|(?:\((?=[{CJK}]))")
CLOSE = re.compile(rf"(?:(?<=[{CJK}])\)(?:[ ]?(?=[{CJK}]))?)|(?:(?<=[^\s(])\)(?=[{CJK}]))")


_HALF_WIDTH = re.compile("[,:;?!()]")


def check(doc, config) -> Iterator[Finding]:
    for span in doc.md.prose:
        text = span.text
        if _HALF_WIDTH.search(text) is None:
            continue
        for pattern in (BETWEEN, OPEN, CLOSE):
            for m in pattern.finditer(text):
                mark = m.group(0).strip()
                start, end = span.offset(m.start()), span.end_offset(m.end())
                yield RULE.finding(
                    doc,
                    start,
                    end,
                    f"half-width '{mark}' between Chinese characters: use the full-width '{FULL[mark]}'",
                    replacement=FULL[mark],
                )


RULE = Rule(
    code="KL306",
    name="cjk-punctuation",
    severity=Severity.WARNING,
    summary="Half-width punctuation between Chinese characters in a Chinese article.",
    languages=("zh-Hant", "zh-Hans"),
    documentation="""\
## What it does
In `zh-*` articles, reports `, : ; ? !` between Chinese characters and `( )` next to them,
where the full-width forms `，：；？！（）` are expected. Code, URLs and Latin text are left alone.

## Why it matters
Half-width punctuation in Chinese text looks cramped and uneven, and is a sure sign of text
typed with the wrong input mode or pasted from an English draft.

## Example
```markdown file=zh-Hans/KB1.md
请将恢复码保存在安全的地方,它们是唯一方式(重设密码请参见 KB1001)。
```

## Does not fire
```markdown file=zh-Hans/KB1.md
请将恢复码保存在安全的地方，它们是唯一方式。版本 2.0, build 5 (beta) 与 `a,b`。
```

## Fix
Safe: the full-width mark replaces the half-width one (and a space after it).
""",
    fix="safe",
    check=check,
)
