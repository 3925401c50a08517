"""Hugo's shortcodes in a page's prose: ``{{< tabpane text=true >}}``, ``{{% param _issue %}}``.

On a Hugo site a shortcode's call is markup the page renders into something else (a table, a
value, an alert), not words a reader reads: masked in the prose, as a template's tag is. On
any other site the same braces are text the page shows as they are (a shortcode left in a
page moved from a Hugo site), and stay prose: the caller decides (kblint.kb.document).
"""

from __future__ import annotations

import re

from kblint.model.body import Body, Link
from kblint.model.text import MASK

# A call, opening or closing: {{< name args >}}, {{% /name %}}; its arguments may go on over
# lines of their own, no blank one ({{< showcase\n    limit="10" >}}).
_SHORTCODE = re.compile(r"\{\{[<%](?:[^\n]|\n(?![ \t]*\n))*?[>%]\}\}")


# A call's argument that names a page (url="/docs/languages/", ctaUrl="…", href="…").
_LINKING_ARGUMENT = re.compile(r"""\b(?:[A-Za-z][\w-]*?)?(?:url|href|link)\s*=\s*(["'])(?P<value>[^"'\s]+)\1""", re.IGNORECASE)
_ADDRESS = re.compile(r"(?:/|\./|\.\./|https?://)")


def mask_shortcodes(body: Body, text: str) -> None:
    """Mask the shortcode calls of ``body``'s prose, and add the pages their arguments link to
    (``{{< card url="/docs/" >}}``) to its links; ``text`` is the file's text, which the
    prose's offsets point into."""
    if "{{" not in text:
        return
    calls = [(m.start(), m.end()) for m in _SHORTCODE.finditer(text)]
    if not calls:
        return
    _add_argument_links(body, text, calls)
    ends = dict(calls)  # by where each call starts
    for span in body.prose:
        text = span.text
        if "{" not in text:
            continue
        offsets = span.offsets()
        masked = None
        j = text.find("{")
        while j >= 0:
            end = ends.get(offsets[j])
            if end is None:
                j = text.find("{", j + 1)
                continue
            masked = masked if masked is not None else list(text)
            k = j
            while k < len(text) and offsets[k] < end:
                masked[k] = MASK
                k += 1
            j = text.find("{", k)
        if masked is not None:
            span.text = "".join(masked)


def _add_argument_links(body: Body, text: str, calls: list[tuple[int, int]]) -> None:
    """The links the calls' arguments make, among ``body``'s links in the file's order (not
    in code: a call shown in a code block is an example)."""
    code = [(block.start_line, block.end_line) for block in body.code_blocks]
    found = []
    line, counted = 1, 0  # the line of ``counted``: the calls come in order, counted on from the last
    for start, end in calls:
        call = text[start:end]
        if "=" not in call:
            continue
        line, counted = line + text.count("\n", counted, start), start
        if any(first <= line <= last for first, last in code):
            continue
        for m in _LINKING_ARGUMENT.finditer(call):
            if _ADDRESS.match(m.group("value")):
                found.append(Link(m.group("value"), "", start, end, start + m.start("value")))
    if found:
        body.links.extend(found)
        body.links.sort(key=lambda link: link.start)
