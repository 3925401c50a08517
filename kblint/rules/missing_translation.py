from __future__ import annotations

from typing import Iterator

from kblint.model.finding import Finding, Severity
from kblint.rules.api import Rule


def check_corpus(corpus, config) -> Iterator[Finding]:
    source = config.source_locale
    ids = corpus.checked_ids()
    for article_id in sorted(corpus.by_id) if ids is None else ids:
        versions = corpus.by_id.get(article_id)
        if versions is None:
            continue
        if source not in versions:
            for locale, summary in sorted(versions.items()):
                yield RULE.finding_span(
                    summary,
                    summary.id_span,
                    f"{locale} article {article_id} has no {source} source article: add it, or check the "
                    + ("path (the source may have been moved or deleted)" if summary.by_path else "id"),
                ).with_severity(Severity.ERROR)
            continue
        original = versions[source]
        missing = [locale for locale in config.required_locales if locale != source and locale not in versions]
        if missing:
            yield RULE.finding_span(
                original,
                original.id_span,
                f"{article_id} has no translation into {', '.join(missing)} (required by the configuration)",
            ).with_severity(Severity.WARNING)


RULE = Rule(
    code="KL301",
    name="missing-translation",
    severity=Severity.ERROR,
    summary="A translation without a source article, or a source article missing a required translation.",
    documentation="""\
## What it does
Reports a translation whose id has no article in the source locale (an error: the source was
deleted or renamed, or the id is wrong), and, for the locales listed in `required_locales`, a
source article that has no translation (a warning; nothing is required unless configured).

## Why it matters
A translation without a source can no longer be kept up to date, and readers of a required
language who follow a link find nothing.

## Example
`zh-Hant/KB1009.md` with no `en/KB1009.md`; `zh-Hant/help/old.md` with no `en/help/old.md`:
```markdown file=zh-Hant/KB1009.md
# 舊的說明
```
```markdown file=zh-Hant/help/old.md
# 舊的說明
```

## Does not fire
`zh-Hant/KB1001.md` beside `en/KB1001.md`:
```markdown file=en/KB1001.md
# Resetting your password
```
```markdown file=zh-Hant/KB1001.md
# 重設密碼
```

## Fix
None.
""",
    check_corpus=check_corpus,
)
