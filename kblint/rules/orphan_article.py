from __future__ import annotations

from collections import Counter
from typing import Iterator

from kblint.corpus.corpus import ARTICLE_KINDS
from kblint.model.finding import Finding, Severity
from kblint.rules.api import Rule


class Referrers:
    """Which articles refer to each article id (by any reference to an article), kept up to
    date as articles are replaced (see ``Corpus.index``)."""

    def __init__(self, corpus) -> None:
        self.of: dict[str, Counter[str]] = {}
        for summary in corpus.articles:
            self._count(summary, 1)

    def _count(self, summary, step: int) -> None:
        for ref in summary.references:
            if ref.kind in ARTICLE_KINDS and ref.target is not None and ref.target != summary.id:
                found = self.of.setdefault(ref.target, Counter())
                found[summary.id] += step
                if found[summary.id] <= 0:  # nothing kept for what is gone: a server runs for days
                    del found[summary.id]
                    if not found:
                        del self.of[ref.target]

    def before(self, corpus, relpath: str) -> None:
        old = corpus.by_path.get(relpath)
        if old is not None:
            self._count(old, -1)

    def after(self, corpus, relpath: str) -> None:
        self._count(corpus.by_path[relpath], 1)


def check_corpus(corpus, config) -> Iterator[Finding]:
    referrers = corpus.index("referrers", Referrers).of
    ids = corpus.checked_ids()
    for article_id in sorted(corpus.by_id) if ids is None else ids:
        if referrers.get(article_id):
            continue
        versions = corpus.by_id[article_id]
        summary = versions.get(corpus.source_locale) or versions[sorted(versions)[0]]
        yield RULE.finding_span(summary, summary.id_span, f"{article_id} is not referenced by any other article")


RULE = Rule(
    code="KL105",
    name="orphan-article",
    severity=Severity.INFO,
    summary="No other article references this one.",
    enabled_by_default=False,
    documentation="""\
## What it does
Reports articles that no other article mentions, links to or lists as related, once per
article (on its source-language version).

## Why it matters
An orphan can only be found through search. Sometimes that is fine (a landing page), which is
why the rule is off by default; run it now and then to find articles worth linking or retiring.

## Example
`KB5120` when no article anywhere names it:
```markdown file=en/KB5120.md
Nothing links here.
```

## Does not fire
`KB5120` when `KB2481` says "see KB5120" (and `KB5120` names `KB2481` back):
```markdown file=en/KB5120.md
See KB2481.
```
```markdown file=en/KB2481.md
See KB5120.
```

## Fix
None.
""",
    check_corpus=check_corpus,
    needs=frozenset({"every-article"}),
)
