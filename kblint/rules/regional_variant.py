from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from kblint.lang.chinese import converter, region
from kblint.model.finding import Finding, Severity
from kblint.rules.api import Rule

REGIONS = {"TW": "Taiwan", "HK": "Hong Kong"}


@lru_cache(maxsize=2)
def _finder(name: str) -> "re.Pattern[str]":
    return re.compile("[" + re.escape("".join(sorted(region(name).preferred))) + "]")


def find_variants(text: str, name: str) -> list[tuple[int, str]]:
    """(index, the region's form) of each character of ``text`` that region ``name`` writes
    otherwise, unless a word the region keeps holds it (a name such as 黃東樑)."""
    view = region(name)
    found = []
    for m in _finder(name).finditer(text):
        i = m.start()
        if any(word in text[max(0, i - len(word) + 1) : i + len(word)] for word in view.kept if m.group(0) in word):
            continue
        window = text[max(0, i - 4) : i + 5]
        k = i - max(0, i - 4)
        converted = converter(view.converter).convert(window)
        form = converted[k] if len(converted) == len(window) and converted[k] != m.group(0) else view.preferred[m.group(0)]
        found.append((i, form))
    return found


def check(doc, config) -> Iterator[Finding]:
    name = doc.identity.region
    if name is None or doc.locale != "zh-Hant":
        return
    joined = doc.joined_prose
    for i, form in find_variants(joined.text, name):
        k, start = joined.locate(i)
        span = joined.spans[k]
        written = span.text[start]
        yield RULE.finding(
            doc,
            span.offset(start),
            span.end_offset(start + 1),
            f"'{written}' is Traditional, but {REGIONS[name]}'s standard ({doc.identity.tag}) writes '{form}'",
            replacement=form,
        )


RULE = Rule(
    code="KL308",
    name="regional-variant",
    severity=Severity.INFO,
    summary="A Traditional character that the article's region writes another way (裏 for 裡 in zh-TW).",
    enabled_by_default=False,
    languages=("zh-Hant",),
    documentation="""\
## What it does
In articles whose locale names a region (`zh-TW`, `zh-HK`, from the folder, the file name or
the front matter), reports Traditional characters that the region's standard writes another
way, by OpenCC's Taiwan and Hong Kong variant tables: `裏` (Taiwan writes `裡`), `着` (`著`),
`羣` (`群`) in `zh-TW`; `臺` (`台`) in `zh-HK`. Off by default: both forms are Traditional, and
`mixed-script` never reports them; turn it on when a knowledge base follows one region's
standard.

## Why it matters
A Taiwanese reader reads `裏面` without trouble, but a knowledge base that mixes `裏` and `裡` looks
unedited, and its search finds only one spelling.

## Example
```markdown file=zh-TW/KB1.md
檔案在資料夾裏面。
```

## Does not fire
```markdown file=zh-TW/KB1.md
檔案在資料夾裡面。
```

## Fix
Safe: the region's form replaces the character.

## Fixed
What `kblint --fix` makes of the example:
```markdown file=zh-TW/KB1.md
檔案在資料夾裡面。
```
""",
    fix="safe",
    check=check,
    text_alone=True,
)
