from __future__ import annotations

import difflib
from typing import Iterator

from kblint.finding import Finding, Severity
from kblint.linkfix import places
from kblint.rules import Rule

# Fragments a browser understands without an element: the top of the page, a text fragment.
_BUILT_IN = ("", "top")


def check_corpus(corpus, config) -> Iterator[Finding]:
    for summary in corpus.checked_articles:
        for ref in summary.references:
            fragment = ref.fragment
            if fragment is None or fragment in _BUILT_IN or fragment.startswith(":~:") or ref.kind == "image":
                continue
            if fragment in config.site_anchors:
                continue  # the site's layout puts it on every page
            target = corpus.article_at(ref.resolved)
            if target is None:
                continue  # a missing file is broken-link's; a file that is not an article has no headings to check
            anchors = list(target.anchors)  # decoded once here (see summary.Deferred)
            if fragment in anchors:
                continue
            where = "on this page" if target is summary else f"in {(ref.url or '').split('#', 1)[0]}"
            folded = {a.casefold(): a for a in anchors}
            if fragment.casefold() in folded:
                actual = folded[fragment.casefold()]
                at, edited = places(ref)  # a reference link's destination is in its definition
                yield RULE.finding_span(
                    summary,
                    at,
                    f"anchor #{fragment} differs in case from #{actual} {where}: browsers match anchors exactly",
                    replacement=_with_fragment(ref.url, actual) if edited is not None else None,
                    fix_description=f"link to #{actual}",
                    edit_span=edited,
                )
                continue
            message = f"no heading or anchor #{fragment} {where}"
            close = difflib.get_close_matches(fragment, anchors, n=1, cutoff=0.75)
            if close:
                message += f": did you mean #{close[0]}?"
            yield RULE.finding_span(summary, ref.url_span or ref.span, message)


def _with_fragment(url: str | None, fragment: str) -> str | None:
    if not url or "#" not in url:
        return None
    written = url.split("#", 1)[1]
    if any(ch in written for ch in "%"):
        return None  # percent-encoded: leave the spelling to the writer
    return url.split("#", 1)[0] + "#" + fragment


RULE = Rule(
    code="KL107",
    name="broken-anchor",
    severity=Severity.ERROR,
    summary="A link's #anchor names no heading or anchor of the page it leads to.",
    documentation="""\
## What it does
Checks the `#fragment` of every link to a page of the knowledge base, on the same page
(`#reset`) or another (`/help/x.md#scen1`), against that page's anchors: GitHub-style
heading slugs (lower case, punctuation dropped, spaces as hyphens, repeated headings numbered
`-1`, `-2`; Chinese headings keep their characters), explicit heading ids (`{#scen1}` as in
Pandoc, kramdown and Experience League, `{/*scen1*/}` as in MDX) and HTML `id=`/`name=`
anchors, and the id attributes of MDX components (`<Recipes titleId="x">`,
`<TeamMember permalink="x">`). `#top` is the top of any page, and `site_anchors` in the
configuration lists anchors the site's layout adds to every page. When an anchor differs only
in case, or another anchor is a near miss, the message says so.

## Why it matters
Headings get reworded and their anchors change with them. The link still opens the page, so
nobody notices, but the reader lands at the top instead of the step they were sent to.

## Example
```markdown file=en/help/reset.md
# Resetting a branch

## Reset the local branch {#reset-local}

Follow [these steps](#reset-git-branch), then see [the first scenario](scenarios.md#scen-1).
```
```markdown file=en/help/scenarios.md
# Scenarios

## Scenario 1 {#scen1}
```
fires twice: `#reset-git-branch` is not on the page; `#scen-1` is a near miss of `#scen1`.

## Does not fire
```markdown file=en/help/reset.md
# Resetting a branch

## Reset the local branch {#reset-local}

<a name="reset-git-branch"></a>

Follow [these steps](#reset-git-branch), [the same](#reset-local) or
[the heading](#reset-the-local-branch), and see [the first scenario](scenarios.md#scen1).
```
```markdown file=en/help/scenarios.md
# Scenarios

## Scenario 1 {#scen1}
```

## Fix
Safe when the anchor differs only in case: the link names the anchor as the page writes it.
None otherwise.
""",
    fix="safe",
    check_corpus=check_corpus,
)
