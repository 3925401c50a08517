from __future__ import annotations

import re
from typing import Iterator

from kblint.model.finding import Finding, Severity
from kblint.model.patterns import lazy_pattern
from kblint.rules.api import Rule

# Sources that stand in for an image not yet chosen: an empty fragment, a blank page, an empty
# data URL, the placeholder services, files named as placeholders, the reserved example domains.
_PLACEHOLDER = lazy_pattern(
    r"(?:#|about:blank|data:,?|javascript:.*"
    r"|(?:https?:)?//(?:via\.)?placeholder\.com(?:/.*)?|(?:https?:)?//(?:dummyimage\.com|placehold\.(?:co|it))(?:/.*)?"
    r"|(?:.*/)?(?:placeholder|dummy|image-here|your-image)(?:[-_.][\w-]*)?\.(?:png|jpe?g|gif|svg|webp)"
    r"|(?:https?:)?//(?:www\.)?example\.(?:com|org|net)(?:/.*)?)",
    re.IGNORECASE,
)


def check(doc, config) -> Iterator[Finding]:
    for link in doc.body.links:
        if not link.image:
            continue
        url = link.url.strip()
        if not url:
            yield RULE.finding(doc, link.start, link.end, "image without a source: its address is empty; add the image's address")
        elif _PLACEHOLDER.fullmatch(url):
            yield RULE.finding(doc, link.start, link.end, f"image source is a placeholder ({url}): replace it with the real image")
        if link.no_alt:
            yield RULE.finding(
                doc, link.start, link.end, 'image without alt text: add alt="…" saying what it shows (alt="" if it only decorates)'
            ).with_severity(Severity.INFO)


RULE = Rule(
    code="KL110",
    name="incomplete-image",
    severity=Severity.WARNING,
    summary="An image with no source, a placeholder source, or (in HTML) no alt attribute.",
    documentation="""\
## What it does
Reports an image whose address is empty (`<img src="">`, `![Diagram]()`) or a placeholder
(`#`, `about:blank`, an empty `data:` URL, placeholder.com and its kin, a file named
`placeholder.png`, the reserved `example.com`), and, with information severity, an HTML image
with no `alt` attribute at all. `alt=""` is the way to say an image only decorates, so it is
not reported; Markdown cannot tell a missing text from an empty one, so its images are not
checked for it.

## Why it matters
Help-center editors insert an image box first and the picture later; an empty or placeholder
source shows a broken image to every reader. Screen readers read an image without `alt` as its
file name, or skip it, and the step it illustrates is lost.

## Example
```html file=en-us/360000101.html
<h1>Choosing a plan</h1>
<p>Select a plan.</p>
<img src="https://via.placeholder.com/600x300">
```
fires twice: `image source is a placeholder (https://via.placeholder.com/600x300): replace it
with the real image` and `image without alt text: …`.

## Does not fire
```html file=en-us/360000102.html
<h1>Choosing a plan</h1>
<p>Select a plan.</p>
<img src="/hc/article_attachments/360001/plans.png" alt="The plans page">
<img src="/hc/article_attachments/360002/divider.png" alt="">
```

## Fix
None: which image belongs there is for the writer to decide.
""",
    check=check,
    text_alone=True,
)
