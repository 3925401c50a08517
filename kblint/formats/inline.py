"""Inline tokens of common text, without mistune's inline parser.

Most inline markup in articles is a few kinds: code spans, inline links and images with a plain
destination, autolinks (``<https://…>``), HTML tags (``<kbd>``), ``**strong**`` and ``*emphasis*``
(or with underscores) around words, underscores inside names (``snake_case``) and entities
(kept as text, as mistune keeps them). For text built only of those, ``simple_inline`` gives the
tokens mistune's inline parser gives (``tests/test_inline.py`` checks it against the parser, on
generated text), in a fraction of its time: a long release note holds hundreds of links, and
mistune's delimiter algorithm costs tens of microseconds each. Backslash escapes and hard line
breaks are read as mistune reads them. For anything else (HTML comments, ``<a>`` tags,
strikethrough, brackets or "<" inside a link's text, a destination with spaces or a title,
reference links, nested emphasis, delimiter runs whose role is not obvious, an escaped "&") it
returns None and the caller runs mistune: a shortcut, never a second Markdown dialect.

``placed_inline`` also says where each piece of prose lies in the text (``Places``): the
scanner knows, so the caller need not search the source for each token again.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache
from typing import Any

from mistune.inline_parser import _INLINE_HTML_TAG, AUTO_EMAIL
from mistune.util import escape_url as _mistune_escape_url

Token = dict[str, Any]

_LINE_BREAK = re.compile(r"( *)\n\s*")
# A destination this module reads: no space, parenthesis, angle bracket, quote, backslash or
# backtick (mistune reads those with rules of their own), then the closing parenthesis.
_DESTINATION = re.compile(r"[^\s()<>\\`'\"]*\)")
_BACKTICKS = re.compile(r"`+")
_DELIMITER_RUN = re.compile(r"\*+|_+")
_UNDERSCORE = re.compile(r"(_)")
_SPECIAL = re.compile(r"[`\[\]!*_<\\~]")
# "<" in a link's text: an autolink or HTML there takes precedence over the "]" (mistune's).
_LABEL_SPECIAL = re.compile(r"[`\[\]\\<]")
# Autolinks as mistune's patterns read them: <https://example.com/a>, <ana@example.com>.
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9.+-]{1,31}:[^<>\x00-\x20]*)>")
_AUTO_EMAIL = re.compile(AUTO_EMAIL)
# Brackets around plain text inside a link's text (no markup, no other bracket).
_PLAIN_BRACKETS = re.compile(r"\[[^\[\]\\`<*_!]*\]")
# An <a> tag, opening or closing (not <abbr>, </abbr>).
_LINK_TAG = re.compile(r"</?[aA](?=[\s/>])")
_ASCII_PUNCTUATION = frozenset(string.punctuation)


# A URL that mistune's escape_url gives back as it is: only characters urllib's quote leaves
# alone there (letters, digits, "_.-~" and the safe ones it is given), and no "&" (an entity).
_UNCHANGED_URL = re.compile(r"[A-Za-z0-9_.\-~:/?#@!$()*+,;=%]*")


def escape_url(url: str) -> str:
    """mistune's escape_url, without its work for the URL most links have."""
    return url if _UNCHANGED_URL.fullmatch(url) else _mistune_escape_url(url)


# What a scanner that makes no tokens puts where a code span, a link or a tag is.
_PLACED: Token = {"type": "placed"}


class _Unsure(Exception):
    """The text holds something this module does not read: mistune must."""


class _Nested(Exception):
    """A link's text holds a "[" (at ``at``)."""

    def __init__(self, at: int) -> None:
        self.at = at


def plain_inline(text: str) -> list[Token]:
    """mistune's inline tokens for a block's whole text when it holds no inline markup (an
    empty text is one empty text token), without running its parser."""
    return _text_tokens(text) or [{"type": "text", "raw": text}]


def _text_tokens(text: str) -> list[Token]:
    """Text and line breaks, as mistune makes them of text without markup (none of none)."""
    if "\n" not in text:
        return [{"type": "text", "raw": text}] if text else []
    tokens: list[Token] = []
    pos = 0
    for m in _LINE_BREAK.finditer(text):
        if m.start() > pos:
            tokens.append({"type": "text", "raw": text[pos : m.start()]})
        tokens.append({"type": "linebreak" if len(m.group(1)) >= 2 else "softbreak"})
        pos = m.end()
    if pos < len(text):
        tokens.append({"type": "text", "raw": text[pos:]})
    return tokens


# What ``Places`` holds, in the text's order: (TEXT, start, end) prose characters as written;
# (BREAK, start, end) a line break's "\n" (a source may end its lines otherwise); (CODE, start,
# end, content start, content end) a code span; (HTML, start, end) a tag; (AUTOLINK, start,
# end); OPEN where a link's or an image's text starts, and (LINK, start, destination start,
# destination end, end, image) where it ends.
TEXT, BREAK, CODE, HTML, AUTOLINK, OPEN, LINK = "text", "break", "code", "html", "autolink", "open", "link"
Places = list[tuple[Any, ...]]


def _place_texts(text: str, start: int, end: int, places: Places) -> None:
    """The places of ``_text_tokens(text[start:end])``: its text, and each line break's "\n"."""
    if text.find("\n", start, end) < 0:
        places.append((TEXT, start, end))
        return
    pos = start
    for m in _LINE_BREAK.finditer(text, start, end):
        if m.start() > pos:
            places.append((TEXT, pos, m.start()))
        places.append((BREAK, m.end(1), m.end(1) + 1))
        pos = m.end()
    if pos < end:
        places.append((TEXT, pos, end))


@lru_cache(maxsize=16)
def closing_ticks(width: int) -> re.Pattern[str]:
    """A run of exactly ``width`` backticks: what closes a code span opened by as many."""
    return re.compile(rf"(?<!`)`{{{width}}}(?!`)")


def _code_span(text: str, start: int, content_end: int, width: int) -> Token:
    """The code span opened by ``width`` backticks at ``start``, its content ending at ``content_end``."""
    code = text[start + width : content_end].replace("\n", " ")
    if code.strip(" ") and code.startswith(" ") and code.endswith(" "):
        code = code[1:-1]
    return {"type": "codespan", "raw": code}


def _roles(text: str, start: int, end: int) -> tuple[bool, bool]:
    """Can the delimiter run ``text[start:end]`` open emphasis, close it? As mistune decides: a
    line's ends count as spaces, and punctuation is what is neither a space nor alphanumeric.
    An underscore run inside a word (both sides alike) does neither."""
    before = text[start - 1] if start > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    if after == "\\" and text.startswith("\n", end + 1):
        after = "\n"  # a hard line break, which mistune sees as the line's end
    before_space, after_space = before.isspace(), after.isspace()
    before_punct = not before_space and not before.isalnum()
    after_punct = not after_space and not after.isalnum()
    opens = not after_space and not (after_punct and not before_space and not before_punct)
    closes = not before_space and not (before_punct and not after_space and not after_punct)
    if text[start] == "_":
        return opens and (not closes or before_punct), closes and (not opens or after_punct)
    return opens, closes


class _Scanner:
    """One pass over a text: code spans first where they start, then links, then the delimiter runs
    of each level (the body, each link's text) paired in order."""

    def __init__(self, text: str, references: bool = False, places: Places | None = None, text_tokens: bool = True) -> None:
        self.text = text
        self.references = references  # the body defines labels: "[text]" may be a reference link
        self.places = places  # where the prose lies, when asked (see Places)
        # Without, the places alone say where the text is: no token is made (markup stands as
        # _PLACED), only what decides whether mistune must read the text.
        self.text_tokens = text_tokens
        self.escapes: list[int] = []  # where each backslash escape is
        self.last_escape: tuple[Token, int] | None = None  # the last escape's token, and its end
        self.escape_ids: set[int] = set()  # the text tokens escapes made
        self.unclosed: dict[int, tuple[int, int]] = {}  # backtick width -> a stretch holding no run of it

    def code_span_end(self, start: int, end: int) -> tuple[int, int] | None:
        """The code span opened by the backticks at ``start``: (content end, span end), or None
        when no run of as many backticks closes it (the backticks are then text). A width
        that found no closer in a stretch finds none in a part of it: a megabyte of backticks
        is searched once per width, not once per run."""
        text = self.text
        width = _BACKTICKS.match(text, start).end() - start  # type: ignore[union-attr]
        known = self.unclosed.get(width)
        if known is not None and known[0] <= start + width and end <= known[1]:
            return None
        closing = closing_ticks(width).search(text, start + width, end)
        if closing is None:
            self.unclosed[width] = (start + width, end)
            return None
        return closing.start(), closing.end()

    def level(self, start: int, end: int) -> list[Token]:
        """The tokens of ``text[start:end]``, a body or a link's text."""
        text = self.text
        if _SPECIAL.search(text, start, end) is None:
            return self.texts(start, end)  # no markup: most links' text, as the loop gives it
        items: list[Any] = []  # tokens, and (start, end) of delimiter runs still to pair
        runs = has_escapes = False  # has this level delimiter runs, escapes?
        pos = plain = start
        while (m := _SPECIAL.search(text, pos, end)) is not None:
            pos = m.start()
            ch = text[pos]
            if ch == "\\":
                escaped = text[pos + 1] if pos + 1 < end else ""
                if escaped not in _ASCII_PUNCTUATION and escaped != "\n":
                    pos += 1  # a backslash before a letter or a space is text
                    continue
                items.extend(self.texts(plain, pos))
                pos = plain = self.escape(pos, end, items)
                has_escapes = has_escapes or (bool(items) and id(items[-1]) in self.escape_ids)
                continue
            if ch == "_" and 0 < pos and text[pos - 1].isalnum() and pos + 1 < len(text) and text[pos + 1].isalnum():
                pos += 1  # inside a name (snake_case): text
                continue
            if ch == "]":
                pos += 1  # a closing bracket no link took: text
                continue
            if ch == "~":
                if text.startswith("~~", pos):
                    raise _Unsure  # strikethrough, or a run of tildes: mistune's
                pos += 1  # one tilde (~/path, 3~4, ~40 MB) is text
                continue
            if ch == "!" and not text.startswith("[", pos + 1):
                pos += 1
                continue
            marked = len(self.places) if self.places is not None else 0  # where the markup's places start
            token, after = self.markup(pos, end)
            if token is None:
                pos = after  # markup that is text after all
                continue
            items.extend(self.texts(plain, pos, marked))
            if isinstance(token, tuple):
                # A run: where its text would go among the places, should it be text.
                token = (*token, len(self.places) if self.places is not None else 0)
                runs = True
            items.append(token)
            pos = plain = after
        items.extend(self.texts(plain, end))
        tokens = self.pair_stars(items) if runs else items
        if has_escapes and self.text_tokens and any(isinstance(item, tuple) or (item["type"] == "text" and "_" in item["raw"] and id(item) not in self.escape_ids) for item in items):
            # mistune keeps an escape's text apart, unless it looked for emphasis at this
            # level: then it joins the text tokens that follow each other.
            tokens = _merge_text(tokens)
        return tokens

    def texts(self, start: int, end: int, before: int | None = None) -> list[Token]:
        """``_text_tokens`` of ``text[start:end]`` (none when not asked for), placed when places
        are asked for: last, or ``before`` the places of the markup that follows (which it
        placed first). Text tokens take no part in what the scanner reads as markup."""
        places = self.places
        if places is not None and start < end:
            if before is None or before == len(places):
                _place_texts(self.text, start, end, places)
            else:
                placed: Places = []
                _place_texts(self.text, start, end, placed)
                places[before:before] = placed
        return _text_tokens(self.text[start:end]) if self.text_tokens else []

    def escape(self, pos: int, end: int, items: list[Any]) -> int:
        """The backslash at ``pos`` before punctuation or a line break, as mistune reads it: a
        run of escaped characters is one text token of its own; a backslash that ends a line
        is a hard line break. Where the text goes on."""
        text = self.text
        escaped = text[pos + 1]
        if self.places is not None:  # the escaped character, or the break's "\n"
            self.places.append((BREAK if escaped == "\n" else TEXT, pos + 1, pos + 2))
        if escaped == "\n":
            items.append({"type": "linebreak"})
            after = pos + 2
            while after < end and text[after].isspace():
                after += 1
            return after
        if escaped == "&":
            raise _Unsure  # \&#…; is an escape before an entity: mistune splits the text after it
        self.escapes.append(pos)
        if not self.text_tokens:
            return pos + 2
        last = self.last_escape
        if last is not None and last[1] == pos and items and items[-1] is last[0]:
            last[0]["raw"] += escaped  # \[\] is one run
        else:
            items.append({"type": "text", "raw": escaped})
            self.escape_ids.add(id(items[-1]))
        self.last_escape = items[-1], pos + 2
        return pos + 2

    def markup(self, pos: int, end: int) -> tuple[Token | tuple[int, int] | None, int]:
        """The code span, link, image or delimiter run at ``pos`` and where it ends; (None, where to
        go on) when it is text."""
        text = self.text
        ch = text[pos]
        if ch == "`":
            found = self.code_span_end(pos, end)
            if found is None:
                return None, _BACKTICKS.match(text, pos).end()  # type: ignore[union-attr]  # nothing closes them: text
            if self.places is not None:
                self.places.append((CODE, pos, found[1], pos + found[1] - found[0], found[0]))
            if not self.text_tokens:
                return _PLACED, found[1]
            return _code_span(text, pos, found[0], found[1] - found[0]), found[1]  # closed by as many backticks
        if ch == "*" or ch == "_":
            run_end = _DELIMITER_RUN.match(text, pos).end()  # type: ignore[union-attr]
            return (pos, run_end), run_end
        if ch == "<":
            after = text[pos + 1 : pos + 2]
            if not (after.isascii() and after.isalpha()) and after not in "/!?" and _AUTO_EMAIL.match(text, pos, end) is None:
                return None, pos + 1  # before a digit or a space ("<0.29"), "<" opens nothing: text
            return self.angle(pos, end)
        link = self.link(pos, end)
        if link is None:
            return None, pos + (1 if ch == "[" else 2)  # a bracket that opens no link is text
        return link

    def angle(self, start: int, end: int) -> tuple[Token, int]:
        """The autolink (a "More information: <https://…>." line) or the HTML tag (``<kbd>``,
        ``</span>``, ``<br/>``) at ``start``, and where it ends. Comments, declarations, an
        ``<a>`` (inside it, mistune reads autolinks as text) and a "<" that opens none of these
        are mistune's."""
        text = self.text
        m = _AUTOLINK.match(text, start, end)
        if m is not None:
            address = url = m.group(1)
        elif (m := _AUTO_EMAIL.match(text, start, end)) is not None:
            address = m.group(0)[1:-1]
            url = "mailto:" + address
        else:
            tag = _INLINE_HTML_TAG.match(text, start, end)
            if tag is None or _LINK_TAG.match(text, start, end) is not None:
                raise _Unsure
            if self.places is not None:
                self.places.append((HTML, start, tag.end()))
            return ({"type": "inline_html", "raw": tag.group(0)} if self.text_tokens else _PLACED), tag.end()
        if self.places is not None:
            self.places.append((AUTOLINK, start, m.end()))
        if not self.text_tokens:
            return _PLACED, m.end()
        return {"type": "link", "children": [{"type": "text", "raw": address}], "attrs": {"url": escape_url(url)}}, m.end()

    def link(self, start: int, end: int) -> tuple[Token, int] | None:
        """The link or image opened at ``start``, and where it ends; None when the bracket is
        text (no closing bracket, or no destination after it)."""
        text = self.text
        image = text[start] == "!"
        label_start = start + (2 if image else 1)
        try:
            close = self.label_end(label_start, end)
        except _Nested as nested:
            if self.references:
                raise _Unsure from None  # brackets around a link, or a label: mistune's
            self.bracket_around_link(nested.at, end)
            return None
        if close is None:
            if self.references and "]" in text[label_start:end]:
                raise _Unsure  # mistune's labels end otherwise than a link's text
            return None
        if not text.startswith("(", close + 1):
            if self.references or (close + 1 < end and text[close + 1] in "[:"):
                raise _Unsure  # a reference link's label, or a definition's
            return None  # [text] alone: text, as no definition names it (see simple_inline)
        destination = _DESTINATION.match(text, close + 2, end)
        if destination is None:
            raise _Unsure
        if self.places is not None:
            self.places.append((OPEN,))
        children = self.level(label_start, close)
        if self.places is not None:
            self.places.append((LINK, start, close + 2, destination.end() - 1, destination.end(), image))
        if not self.text_tokens:
            return _PLACED, destination.end()
        url = escape_url(text[close + 2 : destination.end() - 1])
        return {"type": "image" if image else "link", "children": children, "attrs": {"url": url}}, destination.end()

    def label_end(self, pos: int, end: int) -> int | None:
        """The "]" that closes a link's text from ``pos``: code spans and escapes are skipped;
        a "[" in the text is left to mistune."""
        text = self.text
        while (m := _LABEL_SPECIAL.search(text, pos, end)) is not None:
            pos = m.start()
            ch = text[pos]
            if ch == "]":
                return pos
            if ch == "[":
                inner = _PLAIN_BRACKETS.match(text, pos, end)
                if inner is None or self.references or text.startswith(("(", "["), inner.end()):
                    raise _Nested(pos)
                pos = inner.end()  # [@bot[bot]](…): brackets of plain text, balanced, inside a link's text
                continue
            if ch == "<":
                raise _Unsure
            if ch == "\\":
                pos += 2 if pos + 1 < end and text[pos + 1] in _ASCII_PUNCTUATION else 1
                continue
            found = self.code_span_end(pos, end)
            pos = found[1] if found is not None else _BACKTICKS.match(text, pos).end()  # type: ignore[union-attr]
        return None

    def bracket_around_link(self, inner: int, end: int) -> None:
        """Return when the bracket before ``inner`` (the "[" a link's text holds) is text: a
        link starts at ``inner`` and the bracket's "]" after it is followed by nothing that
        could make it a link or a label (``[[`abc`](url)] - notes``, a release note's
        commit). Links do not hold links: CommonMark makes the outer brackets text."""
        text = self.text
        if inner > 0 and text[inner - 1] == "!":
            raise _Unsure
        try:
            # The inner link's own text holds no bracket: deeper nesting is mistune's (and a
            # run of openers costs one look each, not a recursion each).
            inner_close = self.label_end(inner + 1, end)
            destination = _DESTINATION.match(text, inner_close + 2, end) if inner_close is not None and text.startswith("(", inner_close + 1) else None
            if destination is None:
                raise _Unsure  # [a [b] c](u): brackets inside a link's text
            close = self.label_end(destination.end(), end)
        except _Nested:
            raise _Unsure from None
        if close is not None and close + 1 < end and text[close + 1] in "([:":
            raise _Unsure

    def pair_stars(self, items: list[Any]) -> list[Token]:
        """The delimiter runs of one level as emphasis: each opener is closed by the next run,
        which must close, of its character and width (one or two). A run that can neither open
        nor close, or only close with nothing open, is text, as is an opener nothing closes
        (``a * b``, ``中**文**字*``); then the level's text tokens join, as mistune joins them.
        Any other arrangement is mistune's."""
        tokens: list[Token] = []
        opener: tuple[int, int, int] | None = None
        inside: list[Token] = []
        literal: list[tuple[int, int, int]] = []  # runs that are text
        for item in items:
            if not isinstance(item, tuple):
                (inside if opener is not None else tokens).append(item)
                continue
            start, end, _ = item
            left, right = _roles(self.text, start, end)
            if opener is None:
                if not left:
                    literal.append(item)
                    tokens.extend(self.run_text(item))
                elif end - start > 2:
                    raise _Unsure
                else:
                    opener, inside = item, []
                continue
            if not right or end - start != opener[1] - opener[0] or self.text[start] != self.text[opener[0]]:
                raise _Unsure
            if self.escapes and any(opener[1] <= at < start for at in self.escapes):
                raise _Unsure  # mistune keeps an escape's text apart inside emphasis
            if self.text_tokens:
                tokens.append({"type": "strong" if end - start == 2 else "emphasis", "children": _split_underscores(inside)})
            opener = None
        if opener is not None:
            literal.append(opener)
            tokens.extend([*self.run_text(opener), *inside])
        if not literal:
            return tokens
        if self.places is not None:
            for start, end, at in sorted(literal, reverse=True):  # (each before what follows it)
                self.places.insert(at, (TEXT, start, end))
        return _merge_text(tokens)

    def run_text(self, run: tuple[int, int, int]) -> list[Token]:
        return [{"type": "text", "raw": self.text[run[0] : run[1]]}] if self.text_tokens else []


def _merge_text(tokens: list[Token]) -> list[Token]:
    merged: list[Token] = []
    for token in tokens:
        if token["type"] == "text" and merged and merged[-1]["type"] == "text":
            merged[-1] = {"type": "text", "raw": merged[-1]["raw"] + token["raw"]}
        else:
            merged.append(token)
    return merged


def _split_underscores(tokens: list[Token]) -> list[Token]:
    """Emphasis's text as mistune leaves it: an underscore (a delimiter run that neither opens
    nor closes) is a text token of its own, not merged with the text around it."""
    if not any(token["type"] == "text" and "_" in token["raw"] for token in tokens):
        return tokens
    split: list[Token] = []
    for token in tokens:
        if token["type"] != "text" or "_" not in token["raw"]:
            split.append(token)
            continue
        for part in _UNDERSCORE.split(token["raw"]):
            if part:
                split.append({"type": "text", "raw": part})
    return split


def placed_inline(text: str, has_definitions: bool, tokens: bool = True) -> tuple[list[Token] | None, Places] | None:
    """Where the prose of ``text`` lies in it (``Places``), with ``simple_inline``'s tokens
    when ``tokens`` are asked for (else None: placing text costs less than making its
    tokens); None when mistune must read it."""
    places: Places = []
    found = _scanned(text, has_definitions, places, tokens)
    return None if found is None else ((found if tokens else None), places)


def simple_inline(text: str, has_definitions: bool) -> list[Token] | None:
    """mistune's inline tokens for ``text`` (a block's text, stripped as mistune strips it), or
    None when mistune must read it. With ``has_definitions`` (the body defines link labels) a
    bracket that is not an inline link may be a reference: mistune reads that text. (Inline
    links come first in CommonMark: they read the same with or without definitions.)"""
    return _scanned(text, has_definitions)


def _scanned(text: str, has_definitions: bool, places: Places | None = None, tokens: bool = True) -> list[Token] | None:
    """The scanner's tokens for ``text`` (see ``_Scanner``), or None when mistune must read it."""
    if not text or "~~" in text:
        return None
    try:
        return _Scanner(text, has_definitions, places, tokens).level(0, len(text))
    except _Unsure:
        return None
