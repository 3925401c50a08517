"""Hugo's shortcodes in a page's prose: ``{{< tabpane text=true >}}``, ``{{% param _issue %}}``.

On a Hugo site a shortcode's call is markup the page renders into something else (a table, a
value, an alert), not words a reader reads: masked in the prose, as a template's tag is. On
any other site the same braces are text the page shows as they are (a shortcode left in a
page moved from a Hugo site), and stay prose: the caller decides (kblint.kb.document).
"""

from __future__ import annotations

import re

from kblint.model.body import Body
from kblint.model.text import MASK

# A call on one line, opening or closing: {{< name args >}}, {{% /name %}}.
_SHORTCODE = re.compile(r"\{\{[<%][^\n]*?[>%]\}\}")


def mask_shortcodes(body: Body, text: str) -> None:
    """Mask the shortcode calls of ``body``'s prose; ``text`` is the file's text, which the
    prose's offsets point into."""
    if "{{" not in text:
        return
    calls = [(m.start(), m.end()) for m in _SHORTCODE.finditer(text)]
    if not calls:
        return
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
