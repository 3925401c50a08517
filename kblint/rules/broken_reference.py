from __future__ import annotations

import re
from typing import Iterator

from kblint.finding import Finding, Severity
from kblint.rules import Rule

_DIGITS = re.compile(r"[0-9]+")


def close_ids(article_id: str, known: dict) -> list[str]:
    """Existing ids one typing slip away: one digit changed, or two neighbours swapped."""
    found = set()
    for m in _DIGITS.finditer(article_id):
        digits = m.group(0)
        prefix, suffix = article_id[: m.start()], article_id[m.end() :]
        for i in range(len(digits)):
            for d in "0123456789":
                if d != digits[i]:
                    found.add(prefix + digits[:i] + d + digits[i + 1 :] + suffix)
            if i + 1 < len(digits) and digits[i] != digits[i + 1]:
                swapped = digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :]
                found.add(prefix + swapped + suffix)
    return sorted(candidate for candidate in found if candidate in known)


def check_corpus(corpus, config) -> Iterator[Finding]:
    known = corpus.by_id  # what Corpus.exists looks at, once for the many references
    for summary in corpus.checked_articles:
        for ref in summary.references:
            if ref.link_path is not None and ref.link_path not in corpus.paths:
                where = ""
                versions = corpus.by_id.get(ref.target, {})
                if versions:
                    where = "; the article is at " + ", ".join(sorted(v.relpath for v in versions.values()))
                yield RULE.finding_span(summary, ref.span, f"link to {ref.url}: the file {ref.link_path} does not exist{where}")
                continue
            if ref.target in known:
                continue
            message = f"{ref.target} does not exist in any language"
            candidates = close_ids(ref.target, corpus.by_id)
            if len(candidates) == 1:
                title, _ = corpus.title_of(candidates[0], summary.locale)
                named = f" ({title})" if title else ""
                message += f": did you mean {candidates[0]}{named}?"
            yield RULE.finding_span(summary, ref.span, message)


RULE = Rule(
    code="KL101",
    name="broken-reference",
    severity=Severity.ERROR,
    summary="A reference to an article id that exists in no language, or a link to a missing file.",
    documentation="""\
## What it does
Checks every reference an article makes (a bare id such as `KB4407` or `IBKB 3396`, a link to
`KB1234.md`, an entry of a related-articles list) against the whole knowledge base. An id that
exists in no language, or a relative link to a file that does not exist, is reported. When one
existing id is a single slip away (one digit changed, two neighbouring digits swapped), the
message suggests it.

## Why it matters
Articles are retired and renumbered; the references to them stay behind and send readers to a
"page not found". A reference to an article that exists only in another language is not broken
(the reader can still be sent there), so it does not fire.

## Example
```markdown
For the export steps, see KB4471.
```
fires when no KB4471 exists: `KB4471 does not exist in any language: did you mean KB4417?`

## Does not fire
```markdown
For the export steps, see KB4417. The code `KB9999` and https://example.com/KB9999 are not references.
```

## Fix
None: which article was meant is for the writer to decide.
""",
    check_corpus=check_corpus,
)
