"""Wiki links in Markdown prose, as an Obsidian vault writes them.

``[[Note]]``, ``[[Folder/Note#Heading|the text shown]]``, ``[[#Heading]]`` (this note),
``[[Note#^block]]`` (a block's ``^id``) and embeds, ``![[diagram.png|300]]`` and
``![[Note]]``. Its comments, ``%%a note to writers%%``, are no prose. A link names a note or a file by its name, anywhere in the vault
(``kblint.kb.links.wiki_destination`` resolves it). In a table, the pipe before the text shown
is escaped (``[[Note\\|text]]``).

Read only where the configuration says the knowledge base links so (``wiki_links``): elsewhere
``[[1]]`` is a footnote's number and ``[[v, r, s]]`` a value. The text shown, where the link
gives one, is the article's prose; the brackets, the name and an embed are not: a note's name
is written as its file is named.
"""

from __future__ import annotations

import re

from kblint.model.body import Body, Link, ProseSpan
from kblint.model.text import MASK

# "[[", no bracket or line break inside, "]]"; "!" first for an embed.
_WIKI_LINK = re.compile(r"(!?)\[\[([^\[\]\n]+)\]\]")
_SHOWN_AFTER = re.compile(r"\\?\|")  # the pipe before the text shown, escaped in a table
# A block's id, which [[Note#^id]] names: "^" and letters, digits or "-" at a line's end.
_BLOCK_ID = re.compile(r"(?:(?<=[\s\x00])|^)\^([A-Za-z0-9-]+)[ \t]*$", re.M)  # (\x00: after a link)


def read_wiki_links(body: Body, text: str) -> None:
    """Add the wiki links of ``body``'s prose to its links, in the order of the file, and mask
    in the prose what a reader does not read as text (everything but a link's text shown).
    ``text`` is the file's text, which the prose's offsets point into."""
    found: list[Link] = []
    in_comment = False
    for span in body.prose:
        if in_comment or "%%" in span.text:
            in_comment = _mask_comments(span, in_comment)
        if "[[" in span.text:
            found.extend(_span_links(span, text))
        if "^" in span.text:
            _block_ids(span, body)
    if found:
        body.links.extend(found)
        body.links.sort(key=lambda link: link.start)


def _span_links(span: ProseSpan, text: str) -> list[Link]:
    links = []
    hidden: list[tuple[int, int]] = []  # what of the prose a reader does not read
    for m in _WIKI_LINK.finditer(span.text):
        if MASK in m.group(2):
            continue  # code or markup inside: not a link Obsidian reads
        start, end = span.offset(m.start()), span.end_offset(m.end())
        written = _WIKI_LINK.fullmatch(text, start, end)
        if written is None:
            continue  # the prose is not the file's text here (an escape, a line break)
        link, shown = _link(written)
        links.append(link)
        if shown:  # the text shown stays prose (after the pipe, which the prose has unescaped)
            hidden += [(m.start(), m.start(2) + m.group(2).index("|") + 1), (m.end(2), m.end())]
        else:
            hidden.append((m.start(), m.end()))
    span.text = _masked(span.text, hidden)
    return links


def _mask_comments(span: ProseSpan, in_comment: bool) -> bool:
    """Mask ``span``'s Obsidian comments (``%%a note to writers%%``, over lines and
    paragraphs too), which no reader sees; ``in_comment``: one opened in an earlier span.
    Whether one is still open at its end."""
    text = span.text
    hidden: list[tuple[int, int]] = []
    opened = 0 if in_comment else -1  # where the comment open at ``at`` started
    at = 0
    while (mark := text.find("%%", at)) >= 0:
        if opened < 0:
            opened = mark
        else:
            hidden.append((opened, mark + 2))
            opened = -1
        at = mark + 2
    if opened >= 0:
        hidden.append((opened, len(text)))
    span.text = _masked(text, hidden)
    return opened >= 0


def _block_ids(span: ProseSpan, body: Body) -> None:
    """Take the block ids (``^id``) at the ends of ``span``'s lines as its anchors, and out of
    its prose: a reader does not see them."""
    ids = list(_BLOCK_ID.finditer(span.text))
    for m in ids:
        anchor = "^" + m.group(1).casefold()
        body.anchors.append(anchor)
        body.named_anchors.append(anchor)
    span.text = _masked(span.text, [m.span() for m in ids])


def _masked(text: str, ranges: list[tuple[int, int]]) -> str:
    """``text`` with the characters in ``ranges`` (its own indexes) masked."""
    if not ranges:
        return text
    chars = list(text)
    for start, end in ranges:
        chars[start:end] = MASK * (end - start)
    return "".join(chars)


def _link(m: re.Match[str]) -> tuple[Link, bool]:
    """The link ``m`` matched in the file's text, and whether it gives a text to show (else
    it shows the note's name, or embeds)."""
    embed = bool(m.group(1))
    inner, inner_start = m.group(2), m.start(2)
    bar = _SHOWN_AFTER.search(inner)
    target = (inner[: bar.start()] if bar else inner).strip()
    shown = bar is not None and not embed and bool(inner[bar.end() :].strip())
    name = target.split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    label = inner[bar.end() :].strip() if shown else (name or target.lstrip("#"))
    image = embed and _is_file(name)
    return Link(target, label, m.start(), m.end(), inner_start, image=image, wiki=True), shown


def _is_file(name: str) -> bool:
    """Does ``name`` name a file other than a note (``diagram.png``, ``report.pdf``)? A note's
    name has no suffix, or ``.md``."""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return bool(suffix) and suffix != "md" and suffix.isalnum() and len(suffix) <= 5
