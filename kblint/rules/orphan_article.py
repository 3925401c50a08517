from __future__ import annotations

from typing import Iterator

from kblint.finding import Finding, Severity
from kblint.rules import Rule


def check_corpus(corpus, config) -> Iterator[Finding]:
    graph = corpus.graph
    for article_id, versions in sorted(corpus.by_id.items()):
        if any(source != article_id for source in graph.predecessors(article_id)):
            continue
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
    needs_all_details=True,
)
