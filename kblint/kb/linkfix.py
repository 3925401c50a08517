"""Destinations that link fixes write: still links, written where the destination is.

A fix that rewrites a link's destination must leave a destination Markdown reads as one: a
space, a control character, ``<``, ``>``, a backslash or an unbalanced parenthesis would end
it early or turn the link into text, so those are percent-encoded (which reads the same
inside ``<…>`` and bare). A reference link's destination is written in its definition, not
in the link: the fix rewrites it there and leaves the link text alone.
"""

from __future__ import annotations

import re
from urllib.parse import quote

# Characters that end a bare destination, break one in <…>, or escape the next character.
_BREAKING = re.compile(r"[\s<>\\\x00-\x1f\x7f]")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
WRITABLE_SCHEMES = ("http", "https", "mailto")


def _encode(text: str, pattern: re.Pattern[str]) -> str:
    text = pattern.sub(lambda m: quote(m.group(0), safe=""), text)
    if text.count("(") != text.count(")") or text.find(")") < text.find("("):
        text = text.replace("(", "%28").replace(")", "%29")
    return text


def destination(url: str) -> str:
    """``url`` (a URL or a path as a link writes it) as a link's destination."""
    return _encode(url, _BREAKING)


_PATH_BREAKING = re.compile(r"[\s<>\\\x00-\x1f\x7f%#?]")


def path_destination(path: str) -> str:
    """A path made from file names as a link's destination: ``%``, ``#`` and ``?`` in a name
    are the name's (not an escape, a fragment or a query), so those are encoded too."""
    return _encode(path, _PATH_BREAKING)


def writable(url: str) -> bool:
    """May a fix write ``url`` from a map the knowledge base keeps (a redirect's destination)
    into an article? Only a web or mail address, or a path: never a ``javascript:`` or
    ``data:`` URL, nor one that leaves the scheme to the reader (``//host``)."""
    # As a browser reads it: leading controls and spaces go, tabs and line breaks anywhere.
    url = re.sub(r"[\t\n\r]", "", url).lstrip("".join(map(chr, range(33))))
    if url.startswith("//") or url.startswith("\\"):
        return False
    scheme = _SCHEME.match(url)
    return scheme is None or scheme.group(1).lower() in WRITABLE_SCHEMES


def places(ref):
    """Where a finding about a link's destination is reported, and the text its fix rewrites
    (None: nowhere known, no fix). An inline link's destination is both; a reference link is
    reported at the link and fixed in its definition."""
    if ref.url_span is not None:
        return ref.url_span, ref.url_span
    return ref.span, ref.definition_span
