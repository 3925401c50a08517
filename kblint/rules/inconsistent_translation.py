from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache
from typing import Iterator

from kblint.finding import Finding, Severity
from kblint.rules import Rule
from kblint.summary import as_span


@lru_cache(maxsize=65536)  # the same headings recur in most articles
def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def check_corpus(corpus, config) -> Iterator[Finding]:
    # (locale, a source title or heading) -> its translations, each with where it is.
    seen: dict[tuple[str, str], list[tuple[str, object, object]]] = defaultdict(list)
    written: dict[str, str] = {}  # a source text as first written
    # Every article's title and headings are in its identity (light summaries too): the usual
    # translation is the knowledge base's, also in a run that checks one file.
    for original in corpus.articles:
        if original.locale != corpus.source_locale:
            continue
        for locale, translation in sorted(corpus.by_id.get(original.id, {}).items()):
            if locale == original.locale:
                continue
            pairs = []
            if original.title and translation.title and translation.title_span is not None:
                pairs.append((original.title, translation.title, translation.title_span))  # a Span already
            if len(original.headings) == len(translation.headings):
                pairs.extend((source, text, span) for (source, _), (text, span) in zip(original.headings, translation.headings))
            for source, text, span in pairs:
                written.setdefault(_key(source), source.strip())
                seen[(locale, _key(source))].append((text.strip(), translation, span))
    checked = None if corpus.checked is None else set(corpus.checked)
    for (locale, source), uses in sorted(seen.items()):
        counts = Counter(text for text, _, _ in uses)
        if len(counts) < 2:
            continue
        # The usual translation is the most common one that is a translation (not the source
        # text left as it is); text left as it is is held to it too.
        translated = {text: n for text, n in counts.items() if _key(text) != source}
        if not translated:
            continue
        usual, times = sorted(translated.items(), key=lambda item: (-item[1], item[0]))[0]
        if times < 2:
            continue  # no usual translation to hold the others to
        for text, translation, span in uses:
            if text == usual or (checked is not None and translation.relpath not in checked):
                continue
            yield RULE.finding_span(
                translation, as_span(span), f"'{text}' translates '{written[source]}', which {times} other articles translate as '{usual}'"
            )


RULE = Rule(
    code="KL311",
    name="inconsistent-translation",
    severity=Severity.INFO,
    summary="A source title or heading translated one way here and another way in most articles.",
    documentation="""\
## What it does
Collects, per language, how the translations render each title and heading of their sources
(headings are paired in order where both have as many), and reports a translation that renders a
source text differently from the way most articles render it (when at least two agree).

## Why it matters
"Troubleshooting" as 疑難排解 in one article and 故障排除 in the next reads as two different
things; a consistent knowledge base is easier to navigate and to search.

## Example
```markdown file=en/KB1.md
# One

## Troubleshooting
```
```markdown file=en/KB2.md
# Two

## Troubleshooting
```
```markdown file=en/KB3.md
# Three

## Troubleshooting
```
```markdown file=zh-Hant/KB1.md
# 一

## 疑難排解
```
```markdown file=zh-Hant/KB2.md
# 二

## 疑難排解
```
```markdown file=zh-Hant/KB3.md
# 三

## 故障排除
```

## Does not fire
```markdown file=en/KB1.md
# One

## Troubleshooting
```
```markdown file=en/KB2.md
# Two

## Troubleshooting
```
```markdown file=zh-Hant/KB1.md
# 一

## 疑難排解
```
```markdown file=zh-Hant/KB2.md
# 二

## 疑難排解
```

## Fix
None: which wording is right is the glossary's or the translators' decision.
""",
    check_corpus=check_corpus,
)
