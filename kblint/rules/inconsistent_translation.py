from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Iterator

from kblint.finding import Finding, Severity
from kblint.rules import Rule
from kblint.summary import as_span


@lru_cache(maxsize=65536)  # the same headings recur in most articles
def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _pairs(original, translation) -> list[tuple[str, str, object]]:
    """(source text, its translation, the translation's place) of a title and the headings,
    paired in order where both articles have as many."""
    pairs = []
    if original.title and translation.title and translation.title_span is not None:
        pairs.append((original.title, translation.title, translation.title_span))  # a Span already
    source_headings, headings = list(original.headings), list(translation.headings)  # each decoded once
    if len(source_headings) == len(headings):
        pairs.extend((source, text, span) for (source, _), (text, span) in zip(source_headings, headings))
    return pairs


class Renderings:
    """How the translations into each locale render each source title and heading:
    (locale, source text folded) -> Counter of renderings. Every article's title and headings
    are in its identity (light summaries too), so the usual rendering is the knowledge base's,
    also in a run that checks one file; kept up to date as articles are replaced (see
    ``Corpus.index``)."""

    def __init__(self, corpus) -> None:
        self.counts: dict[tuple[str, str], Counter[str]] = {}
        self.written: dict[str, list] = {}  # a source text folded -> [as first written, uses]
        for original in corpus.articles:
            if original.locale == corpus.source_locale:
                for translation in self._translations(corpus, original):
                    self._count(original, translation, 1)

    @staticmethod
    def _translations(corpus, original) -> list:
        return [t for locale, t in sorted(corpus.by_id.get(original.id, {}).items()) if locale != original.locale]

    def _count(self, original, translation, step: int) -> None:
        for source, text, _ in _pairs(original, translation):
            key = _key(source)
            written = self.written.setdefault(key, [source.strip(), 0])
            written[1] += step
            counts = self.counts.setdefault((translation.locale, key), Counter())
            counts[text.strip()] += step
            # Nothing is kept for what is gone: a language server runs for days of typing.
            if counts[text.strip()] <= 0:
                del counts[text.strip()]
                if not counts:
                    del self.counts[(translation.locale, key)]
            if written[1] <= 0:
                del self.written[key]

    def _affected(self, corpus, relpath: str) -> list[tuple]:
        """The (source, translation) pairs the article at ``relpath`` takes part in."""
        summary = corpus.by_path.get(relpath)
        if summary is None or not summary.id:
            return []
        if summary.locale == corpus.source_locale:
            if corpus.by_id.get(summary.id, {}).get(summary.locale) is not summary:
                return []
            return [(summary, t) for t in self._translations(corpus, summary)]
        pair = corpus.translation_pair(summary)
        return [pair] if pair is not None else []

    def before(self, corpus, relpath: str) -> None:
        for original, translation in self._affected(corpus, relpath):
            self._count(original, translation, -1)

    def after(self, corpus, relpath: str) -> None:
        for original, translation in self._affected(corpus, relpath):
            self._count(original, translation, 1)


def check_corpus(corpus, config) -> Iterator[Finding]:
    renderings = corpus.index("renderings", Renderings)
    for original, translation in corpus.checked_translations():
        for source, text, span in _pairs(original, translation):
            key, text = _key(source), text.strip()
            counts = renderings.counts.get((translation.locale, key), Counter())
            # The usual translation is the most common one that is a translation (not the
            # source text left as it is); text left as it is is held to it too.
            translated = {t: n for t, n in counts.items() if _key(t) != key}
            if not translated or len(counts) < 2:
                continue
            usual, times = sorted(translated.items(), key=lambda item: (-item[1], item[0]))[0]
            if times < 2 or text == usual:
                continue  # no usual translation to hold the others to, or this is it
            yield RULE.finding_span(
                translation, as_span(span), f"'{text}' translates '{renderings.written[key][0]}', which {times} other articles translate as '{usual}'"
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
