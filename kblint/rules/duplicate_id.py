from __future__ import annotations

from typing import Iterator

from kblint.model.finding import Finding, Severity
from kblint.rules.api import Rule


def check_corpus(corpus, config) -> Iterator[Finding]:
    # A checked article is reported as a later claimant, or named as the first one.
    keys = sorted(corpus.claims) if corpus.checked is None else sorted({(s.id, s.locale) for s in corpus.checked_articles if s.id})
    for article_id, locale in keys:
        docs = corpus.claims.get((article_id, locale), [])
        if len(docs) > 1 and config.layout is not None:
            # A file the site publishes no page of (the repository's README beside a VuePress
            # site's folder, whose home page is docs/en/README.md) claims no page of it.
            docs = [doc for doc in docs if config.layout.publishes(doc.relpath)]
        if len(docs) < 2:
            continue
        first = docs[0]
        for doc in docs[1:]:
            yield RULE.finding_span(
                doc,
                doc.id_span,
                f"{article_id} ({locale}) is also claimed by {first.relpath}: give one of them another id or locale",
            )


RULE = Rule(
    code="KL005",
    name="duplicate-id",
    severity=Severity.ERROR,
    summary="Two files claim the same article id in the same language.",
    documentation="""\
## What it does
Groups articles by id and locale and reports every file after the first (in path order) that
claims a pair already taken. A file the site publishes no page of claims none (the
repository's README beside the folder a VitePress or VuePress site builds, whose own
`en/README.md` is its English home page).

## Why it matters
References resolve by id. With two `KB2481` articles in English, readers and kblint alike
cannot tell which one a link means, and one of them is never published.

## Example
Two English files claim `KB2481`:
```markdown file=en/KB2481.md
---
id: KB2481
title: Resetting a password
---
```
```markdown file=en/KB2481-old.md
---
id: KB2481
title: Resetting a password (old)
---
```

## Does not fire
The same article in two languages:
```markdown file=en/KB2481.md
---
id: KB2481
title: Resetting a password
---
```
```markdown file=zh-Hant/KB2481.md
---
id: KB2481
title: 重設密碼
---
```

## Fix
None.
""",
    check_corpus=check_corpus,
)
