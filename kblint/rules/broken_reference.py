from __future__ import annotations

import re
from typing import Iterator

from kblint.corpus.corpus import ARTICLE_KINDS
from kblint.model.finding import Finding, Severity
from kblint.rules.api import Rule

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
    known = corpus.by_id
    for summary in corpus.checked_articles:
        for ref in summary.references:
            # An id (written in prose, or in a link's destination that reached no file) that no
            # article has. Links by path alone are broken-link's.
            if ref.kind not in ARTICLE_KINDS or ref.target is None or ref.target in known or ref.resolved is not None:
                continue
            message = f"{ref.target} does not exist in any language"
            # A long id (a help center's 360012345678) is pasted, never typed: no slip to guess.
            candidates = close_ids(ref.target, known) if sum(ch.isdigit() for ch in ref.target) <= 8 else []
            if len(candidates) == 1:
                title, _ = corpus.title_of(candidates[0], summary.locale)
                named = f" ({title})" if title else ""
                message += f": did you mean {candidates[0]}{named}?"
            yield RULE.finding_span(summary, ref.span, message)


RULE = Rule(
    code="KL101",
    name="broken-reference",
    severity=Severity.ERROR,
    summary="A reference to an article id that exists in no language.",
    documentation="""\
## What it does
Checks every article id an article names (a bare id such as `KB4407` or `IBKB 3396`, an entry
of a related-articles list, or a link whose destination names an id, such as `KB1234.md` or
`/articles/360012345`) against the whole knowledge base. An id that exists in no language is
reported. When one existing id is a single slip away (one digit changed, two neighbouring
digits swapped), the message suggests it. Links by path (`/help/x.md`) are checked by
`broken-link`. An id in the text of a link to another site names that site's page (a
vendor's update, `[KB5049981](https://support.example.com/…)`), none of the knowledge base's.

## Why it matters
Articles are retired and renumbered; the references to them stay behind and send readers to a
"page not found". A reference to an article that exists only in another language is not broken
(the reader can still be sent there), so it does not fire.

## Example
```markdown file=en/KB4417.md
For the export steps, see KB4471.
```
fires when no KB4471 exists: `KB4471 does not exist in any language: did you mean KB4417?`

## Does not fire
```markdown file=en/KB4418.md
For the export steps, see KB4418. The code `KB9999` and https://example.com/KB9999 are not references.
```

## Fix
None: which article was meant is for the writer to decide.
""",
    check_corpus=check_corpus,
)
