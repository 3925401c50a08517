"""Block tokens of plain articles, without mistune's block parser.

Most articles are built from a handful of block kinds: ATX headings, paragraphs (a tag under
a paragraph's line goes on with it, as mistune reads it), fenced code, lists (nested, loose,
an item's text over lines, and items holding such blocks after their text, read one level
down as mistune reads an item's lines), pipe tables (with or without outer pipes; with
their outer pipes in a list item or a block quote too), HTML
blocks, thematic breaks, block quotes of those and link reference definitions on lines of
their own, separated by empty lines. For such a body ``block_tokens`` gives exactly the tokens mistune's block parser gives
(``tests/test_blocks.py`` checks it against the parser), in a fraction of its time, and a
``ref_definition`` token where mistune makes none, for mistune's own rule to read the
definition. For anything else (a line that starts with a space, outside an item, and no
list marker or table row after it; HTML inside a block quote, a setext
underline, a line further in than an item's marker but short of its text, a line of spaces…)
it returns None and the caller runs mistune: this is a shortcut, never a second Markdown
dialect. In an MDX file it applies the MDX parser's rules at the body's level (a line of JSX
tags alone, or a JavaScript expression alone, is a block of its own unless it is right under a
paragraph), and leaves a list or a block quote with such a line to mistune."""

from __future__ import annotations

import re
import string
from functools import lru_cache
from typing import Any, Callable, Optional

from mistune.block_parser import _ATX_HEADING_TRIM, _CLOSE_TAG_END, _OPEN_TAG_END
from mistune.helpers import BLOCK_TAGS, LINK_LABEL, PRE_TAGS, unescape_char
from mistune.plugins import table as _mistune_table

Token = dict[str, Any]

_ATX_HEADING = re.compile(r"(#{1,6})(?!#+)([ \t]*|[ \t]+.*?)$")  # mistune's atx_heading, at the line's start
_ATX_START = re.compile(r"#{1,6}(?:[ \t]|$)")  # a heading's start: other "#" lines are text (#394, #tag)
_FENCE = re.compile(r"(`{3,})[ \t]*([^`]*)")  # an info string with a backtick: not a fence
# A list item's marker (up to three spaces before it), its number and delimiter, and the
# spaces after it (five: indented code in the item).
_ITEM = re.compile(r"( {0,3})(?:[-+*]|(\d{1,9})([.)]))( {1,4})(?=\S)")
_ORDERED_MARKER = re.compile(r"\d{1,9}[.)](?:[ \t]|$)")
# Jekyll's code block, a Liquid tag that the site renders before the Markdown:
# {% highlight ruby %} … {% endhighlight %} (with linenos, or "-" that trims the spaces).
LIQUID_HIGHLIGHT = r"^ {0,3}\{%-?[ \t]*highlight[ \t]+(?P<liquid_lang>[^\s%]+)[^%\n]*-?%\}[ \t]*$"
_LIQUID_START = re.compile(LIQUID_HIGHLIGHT.replace("^ {0,3}", ""))  # at the line's start (indented: mistune's)
LIQUID_END = re.compile(r"\{%-?[ \t]*endhighlight[ \t]*-?%\}")
_THEMATIC_BREAK = re.compile(r"(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}")  # at a line's start
# Characters a block other than a paragraph can start with at the start of a line (digits
# only in an ordered list marker, tested apart).
_BLOCK_START = frozenset(" \t#>-+*_=:|<[`~")
# What makes a line that starts with "[" a link reference definition rather than text: a label
# as mistune reads it (up to 999 characters, over lines, no bracket unless escaped), then ":".
_LINK_DEFINITION = re.compile(r"\[" + LINK_LABEL + r"\]:")


_INDENTED_FENCE = re.compile(r" {1,3}```")  # a fence indented by up to three spaces


@lru_cache(maxsize=16)
def _fence_end(width: int) -> re.Pattern[str]:
    return re.compile(rf" {{0,3}}`{{{width},}}[ \t]*")


@lru_cache(maxsize=16)
def _indented_fence_end(width: int) -> re.Pattern[str]:
    """A closing fence at any indentation: MDX's reader closes the code there, CommonMark's
    does not (four spaces or a tab)."""
    return re.compile(rf"[ \t]+`{{{width},}}[ \t]*")


@lru_cache(maxsize=16)
def _any_fence_end(width: int) -> re.Pattern[str]:
    """A closing fence at any indentation or none, as MDX's reader closes the code."""
    return re.compile(rf"[ \t]*`{{{width},}}[ \t]*")


def _plain(line: str) -> bool:
    """Can ``line`` (not empty) only start or continue a paragraph?"""
    first = line[0]
    if first.isalpha():
        return True
    if first in "`~":
        # `code` or ~~struck~~, not a fence; nor is ```> cmd ```, a code span: a backtick
        # fence's info string holds no backtick.
        return not line.startswith(first * 3) or (first == "`" and "`" in line.lstrip("`"))
    if first in "*_":
        # **strong** or _emphasis_, not a bullet (* text) or a thematic break (***)
        return line[1:2] not in ("", " ", "\t") and line.strip(first + " \t") != ""
    if first == "{" and _LIQUID_START.match(line):
        return False  # Jekyll's {% highlight %}: a block, that ends a paragraph
    if first == ":":
        return not line.startswith(":-")  # ":::tip" is text; ":--|--:" may be a table's alignment row
    if first == "#":
        return _ATX_START.match(line) is None
    if first in _BLOCK_START or first.isspace():
        return False
    return not (first.isdigit() and _ORDERED_MARKER.match(line))


def _goes_on(line: str) -> bool:
    """Does ``line`` (not empty), under a paragraph's line, go on with that paragraph? What
    only a paragraph can start does, and so does "[": a link reference definition cannot
    interrupt a paragraph; so does such a line indented (indented code cannot interrupt it)."""
    if line[0] == " ":
        lead = line.lstrip(" ")  # (not after a tab: a list item's lines expand it as they lose their indentation)
        return lead != "" and lead[0] != "\t" and (_plain(lead) or lead[0] == "[")
    return _plain(line) or line[0] == "["


def paragraph_only(line: str) -> bool:
    """Can ``line`` (not empty), alone on its line as a list item's text is, only be a
    paragraph? A "[" starts one unless a link reference definition could start there."""
    return _plain(line) or (line[0] == "[" and _LINK_DEFINITION.match(line) is None)


def block_tokens(src: str, html: bool = True, mdx: bool = False) -> list[Token] | None:
    """mistune's block tokens (each with its 0-based ``_line``) for ``src`` (line breaks
    normalized to "\n", ending with one), or None when ``src`` needs mistune's parser.
    ``mdx``: the parser's MDX rules (kblint.formats.markdown): a line of JSX tags alone, or a
    JavaScript expression alone, is a block of its own, unless right under a paragraph; else
    a line that starts with "<" reads as CommonMark's HTML. Without ``html`` and ``mdx``, a
    line that starts with "<" is left to the parser."""
    lines = src.split("\n")
    lines.pop()  # after the final line break
    # (Tags over several lines are read here only where MDX's rules cannot run out of budget.)
    tokens = _blocks(lines, 0, 0, html or mdx, mdx, body=src if mdx else None)
    if mdx and tokens is not None and not all(map(_without_mdx_lines, tokens)):
        return None
    return tokens


# What MDX's rules (kblint.formats.markdown) may scan: a tag's attributes, an expression, and
# all told in one body (past that the parser stops reading tags and expressions so).
MDX_TAG_LIMIT = 4000
MDX_EXPRESSION_LIMIT = 50_000
MDX_SCAN_BUDGET = 2_000_000


@lru_cache(maxsize=2)  # (asked once a tag that runs over lines is met, of the body being read)
def _may_spend_the_scan_budget(src: str) -> bool:
    """Could the block rules of MDX spend their budget on ``src`` (each scan of a tag that opens
    a line, and of the tags after it, as long as the limit or the text after it allows; each
    expression's likewise)? Then the parser may read its later tags otherwise than the
    shortcut would, and tags over several lines are the parser's. (Twice the tags of those
    lines: a tag may close on a later line that holds more of them.)"""
    if "\n<" not in src and "\n{" not in src and " <" not in src and "\t<" not in src and " {" not in src and "\t{" not in src and not src.startswith(("<", "{")):
        return False  # (most bodies: no line opens with a tag or an expression)
    size, tags, expressions = len(src), 0, 0
    for line in src.split("\n"):
        lead = line.lstrip(" \t")[:1]
        if lead == "<":
            tags += line.count("<")
        elif lead == "{":
            expressions += 1
    return 2 * tags * min(MDX_TAG_LIMIT, size) + expressions * min(MDX_EXPRESSION_LIMIT, size) > MDX_SCAN_BUDGET


def _without_mdx_lines(token: Token) -> bool:
    """Does ``token``, read at the body's level, hold no line that MDX's rules would read inside
    a list item or a block quote (a tag or an expression at the line's start: the shortcut
    applies MDX's rules at the body's level only)?"""
    children = token.get("children")
    if token["type"] in ("list", "list_item", "block_quote") and children:
        return all(_no_mdx_line(child) for child in children)
    return True


def _no_mdx_line(token: Token) -> bool:
    text = token.get("text")
    if text is not None and any(line.lstrip().startswith(("{", "<")) for line in text.split("\n")):
        return False
    return all(_no_mdx_line(child) for child in token.get("children") or ())


def _blocks(lines: list[str], offset: int, depth: int, html: bool = False, mdx: bool = False, body: str | None = None) -> list[Token] | None:
    """The tokens of ``lines``, the first of them line ``offset`` of the body, ``depth``
    containers down (0: the body; a block quote or a list item adds one); ``html``: HTML is
    read (never in a block quote, whose tags are left to mistune); ``mdx``: MDX's rules for a
    line of tags or an expression (at the body's level), and with the ``body`` (MDX's, whose
    budget the rules share) for tags whose attributes run over lines."""
    count = len(lines)
    tokens: list[Token] = []
    i = 0
    while i < count:
        line = lines[i]
        if not line or depth == 0 and _spaces_alone(line):
            i = _blank_lines(lines, i, offset, tokens, depth == 0)
            continue
        first = line[0]
        # An indented line: its text after the spaces says what it is (MDX reads JSX nested in
        # a component so, and has no indented code; in an item, text indented past the item's
        # own starts a paragraph, as at the body's level).
        lead = line.lstrip(" \t") if first in " \t" else line
        # MDX's rule for a tag or an expression at a line's start is tried before CommonMark's
        # HTML: alone on its line, a block of its own; with text after it, a paragraph's first
        # line (a paragraph ends before this line only where the line can interrupt it).
        mdx_line = mdx and lead != "" and (lead[0] == "{" or lead[0] == "<" and _JSX_TAG.match(lead) is not None)
        if mdx_line:
            previous, after_gap = tokens[-1] if tokens else None, i > 0 and not lines[i - 1].strip(" ")
            alone = _mdx_alone(lead, previous, after_gap)
            end = i + 1 if alone else None
            if alone is None and body is not None and lead[0] == "<" and not _right_under_a_list(previous, after_gap) and not _may_spend_the_scan_budget(body):
                # A tag whose attributes run over lines (<Tabs\n  npm="…"\n/>): one element.
                end = _tags_over_lines(lines, i, len(line) - len(lead))
                if end is None:
                    return None
            elif alone is None:
                return None
            if end is not None:
                tokens.append({"type": "block_html", "raw": "\n".join(lines[i:end]) + "\n", "_line": offset + i})
                i = end
                continue
        found = _block_at(lines, i, offset, depth, html, mdx, lead, mdx_line, tokens[-1] if tokens else None)
        if found is None:
            return None
        token, i = found
        tokens.append(token)
    return tokens


def _block_at(
    lines: list[str], i: int, offset: int, depth: int, html: bool, mdx: bool, lead: str, mdx_line: bool, previous: Token | None
) -> tuple[Token, int] | None:
    """The block that starts on line ``i`` (not empty; ``lead``: its text after an indentation
    at the body's level; ``mdx_line``: MDX reads a tag or an expression there, not alone on its
    line), after the block ``previous``, and the line after it; None: mistune's to read."""
    line = lines[i]
    first = line[0]
    # How a line that starts with "<" reads (a block that ends before it always ends with its
    # own line or an empty one: nothing could take this line in).
    tag = _html_start(line) if first == "<" and html and not mdx_line else None
    if depth == 0 and not mdx_line and "|" in line and (unpiped := _unpiped_table(lines, i, offset)) is not None:
        found = unpiped  # a table without outer pipes: mistune's rule comes before the paragraph's
    elif first == "{" and not mdx and line.startswith("{%") and _LIQUID_START.match(line):
        found = _liquid_code(lines, i, offset)
    elif first == "#" and _ATX_START.match(line):
        token = _heading(line, offset + i)
        found = (token, i + 1) if token is not None else None
    elif first == "`" and line.startswith("```") and "`" not in line.lstrip("`"):
        found = _fenced_code(lines, i, offset)
    elif mdx and lead is not line and lead.startswith("```"):
        found = _mdx_indented_fence(lines, i, offset, len(line) - len(lead))
    elif first == " " and _INDENTED_FENCE.match(line):
        found = _fenced_code(lines, i, offset, len(line) - len(lead))
    elif _plain(line) or (first == "[" and not _definition_ahead(lines, i)) or tag is _TEXT or mdx_line or _indented_text(line, lead, mdx):
        found = _paragraph(lines, i, offset, html, mdx)
    elif first == "[" and depth == 0:
        found = _definition_after(lines, i, offset, previous, html, mdx)
    elif first == ">":
        found = _block_quote(lines, i, offset, depth)
    elif first == "|":
        found = _table(lines, i, offset)
    elif first == "<":
        found = _html_block(lines, i, offset, tag) if tag is not None else None
    elif first in "-*_" and _THEMATIC_BREAK.fullmatch(line):
        found = {"type": "thematic_break", "_line": offset + i}, i + 1
    elif depth == 0 and not mdx and _code_indent(line):
        found = _indented_code(lines, i, offset, previous)
    else:
        # (MDX's rules in items: mistune's; a tag at the body's level after it ends it)
        found = _list(lines, i, offset, depth, html and not mdx, mdx and depth == 0)
    return found


def _indented_text(line: str, lead: str, mdx: bool) -> bool:
    """Is ``line``, indented at the body's level (``lead``: its text after the indentation),
    a paragraph's first line: text after up to three spaces, or in MDX after any indentation
    (it has no indented code)?"""
    if lead is line or not lead or not _plain(lead):
        return False
    return mdx or (len(line) - len(lead) < 4 and "\t" not in line[: len(line) - len(lead)])


def _definition_after(lines: list[str], i: int, offset: int, previous: Token | None, html: bool = False, mdx: bool = False) -> tuple[Token, int] | None:
    """The definition on line ``i``, after the block ``previous``. Right after another block,
    mistune's walk would stretch that block over the definition (it makes no token): mistune's
    then. A list takes the empty lines after it, so its walk stretches it over definitions
    after them: the plain walk does so too (see _Builder.plain)."""
    if previous is not None and previous["type"] not in ("blank_line", "ref_definition", "list"):
        return None
    return _definition(lines, i, offset, html, mdx)


def _blank(line: str) -> bool:
    """Is ``line`` empty, or spaces and tabs alone (mistune's BLANK_LINE, which a list item's
    lines read as an empty line)?"""
    return not line or not line.strip(" \t\v\f")


def _spaces_alone(line: str) -> bool:
    """Is ``line`` up to four spaces alone, an empty line as mistune reads it? (Five or more
    are indented code's, which goes on a paragraph above: mistune's to read.)"""
    return len(line) <= 4 and not line.strip(" ")


def _blank_lines(lines: list[str], i: int, offset: int, tokens: list[Token], spaces: bool = False) -> int:
    """Append the token of the empty lines from line ``i`` on; where they end. ``spaces``:
    a line of up to four spaces alone is empty too (at the body's level, as mistune reads it;
    after a tab, or of five, one is indented code)."""
    start, count = i, len(lines)
    while i < count and (not lines[i] or spaces and _spaces_alone(lines[i])):
        i += 1
    # (mistune counts the empty lines at the very start only)
    tokens.append({"type": "blank_line", "newlines": i, "_line": offset} if start == 0 else {"type": "blank_line", "_line": offset + start})
    return i


def _mdx_alone(line: str, previous: Token | None, after_gap: bool = False) -> bool | None:
    """Is ``line``, which MDX's rule for a tag or an expression reads, a block of its own (the
    tags, or the expression, alone on it, and no paragraph above)? None: mistune's to read (a
    list right above reads the block that ends it with CommonMark's rules; a tag or an
    expression that runs on past the line). After a list and empty lines (``after_gap``), the
    line is read at the body's level, as after any block."""
    if _right_under_a_list(previous, after_gap):
        return None
    if previous is not None and previous["type"] == "paragraph":
        return False
    return _jsx_tags_alone(line) if line[0] == "<" else _expression_alone(line)


def _right_under_a_list(previous: Token | None, after_gap: bool) -> bool:
    """Is the line right under a list, no empty line between (whose last item may go on with it)?"""
    return previous is not None and previous["type"] == "list" and not after_gap


def _tags_over_lines(lines: list[str], i: int, indent: int) -> int | None:
    """The line after the last of the tags that open line ``i`` (past ``indent``) and close on
    a later one, tags alone on them, as MDX's rule reads them; None where they do not close
    within the rule's scan (or within the lines read here: the parser's to decide)."""
    window, size, j = [], 0, i
    while j < len(lines) and size <= 4 * MDX_TAG_LIMIT:
        window.append(lines[j])
        size += len(lines[j]) + 1
        j += 1
    text = "\n".join(window) + "\n"
    m = _JSX_TAG.match(text, indent)
    if m is None:
        return None
    # (The rule's limit counts from each tag's attributes; near the window's end the text
    # is shorter than the body is, so a scan may stop early here: then the parser decides.)
    end = tags_line_end(text, m.end(), lambda at: at + min(MDX_TAG_LIMIT, len(text) - at))
    if end is None or end < 0:
        return None
    return i + text.count("\n", 0, end)


def _paragraph(lines: list[str], i: int, offset: int, html: bool, mdx: bool = False) -> tuple[Token, int] | None:
    """The paragraph that starts on line ``i``: the lines that can only go on with it (with
    ``html``, tags of rule 7 and other text that starts with "<" too: False in a block quote,
    whose tags are mistune's; with ``mdx``, a JSX tag too, which MDX's rule leaves to the
    paragraph above)."""
    count = len(lines)
    end = i + 1
    while end < count and lines[end] and (_goes_on(lines[end]) or mdx and _JSX_TAG.match(_unindented(lines[end])) or html and _tag_goes_on(lines[end]) is True):
        if mdx and (tag := _JSX_TAG.match(lead := _unindented(lines[end]))) is not None and tag_end(lead, tag.end(), len(lead)) < 0:
            return None  # a tag whose attributes run on: MDX's rule takes its lines into the paragraph
        end += 1
    # What ends a paragraph here: an empty line (or one of spaces), a heading, a fence, a list
    # or an HTML block (each checked when its turn comes) or the end; anything else may
    # continue it (lazily).
    if end < count and lines[end] and not _spaces_alone(lines[end]) and not (lines[end].startswith(("#", "```")) or _interrupts(lines[end]) or _breaks_in(lines[end]) or not mdx and _LIQUID_START.match(lines[end]) or html and _tag_goes_on(lines[end]) is False):
        return None
    return {"type": "paragraph", "text": "\n".join(lines[i:end]) + "\n", "_line": offset + i}, end


def _unindented(line: str) -> str:
    """``line`` without the spaces it starts with (MDX's tags nested in a component)."""
    return line.lstrip(" ") if line[:1] == " " else line


def _breaks_in(line: str) -> bool:
    """Is ``line`` a thematic break that ends the paragraph above it (``***``, ``- - -``), not
    the dashes alone that underline a setext heading (``---``)?"""
    return line[0] in "-*_" and _THEMATIC_BREAK.fullmatch(line) is not None and _SETEXT_DASHES.fullmatch(line) is None


_SETEXT_DASHES = re.compile(r"-+[ \t]*")


def _interrupts(line: str) -> bool:
    """Does the list item on ``line`` end the paragraph above it? An item with text does,
    unless it is numbered other than 1 (then it goes on with the paragraph's text)."""
    m = _ITEM.match(line)
    return m is not None and (m.group(2) is None or int(m.group(2)) == 1)


def _block_quote(lines: list[str], i: int, offset: int, depth: int) -> tuple[Token, int] | None:
    """A block quote of marked lines, some with text, up to an empty line or the end, holding
    blocks this module knows (a line of the marker alone is an empty line in the quote);
    mistune decides the rest (lazy lines, indented ones, nesting, HTML)."""
    inner = []
    end = i
    while end < len(lines) and lines[end].startswith(">"):
        text = lines[end][1:]
        text = text[1:] if text.startswith(" ") else text  # one space after the marker
        if text and text[0] in " \t>":
            return None
        inner.append(text)
        end += 1
    if end < len(lines) and lines[end] or not any(inner) or len(inner) > 1 and not inner[-1] and not inner[-2]:
        return None  # (a quote of empty lines alone, or ending with two: mistune's, which places its end otherwise)
    children = _blocks(inner, offset + i, depth + 1)
    if children is None or _empty_lines_in_a_list(inner, children, offset + i):
        return None  # (a list takes the empty lines after it: in a quote, the general walk places them)
    return {"type": "block_quote", "children": children, "_line": offset + i}, end


def _empty_lines_in_a_list(inner: list[str], children: list[Token], first: int) -> bool:
    """Does an empty line of the quote (``inner``, its first line ``first`` of the body) come at
    or after the start of a list in it? (Before the first list, as a note's label over its
    items, ``> **Note**:``, ``>``, ``> 1. …``, it is the paragraph's end.)"""
    starts = [child["_line"] - first for child in children if child["type"] == "list"]
    return bool(starts) and any(not text for text in inner[min(starts) :])


def _definition_ahead(lines: list[str], i: int) -> bool:
    """Might line ``i``, which starts with "[", start a link reference definition?"""
    ahead = [lines[i]]
    size, k = len(lines[i]), i + 1
    while size < 1024 and k < len(lines):  # room for the longest label
        ahead.append(lines[k])
        size += len(lines[k]) + 1
        k += 1
    return _LINK_DEFINITION.match("\n".join(ahead)) is not None


# A link reference definition on one line: a label without brackets or backslashes, then
# something after the colon (mistune reads the destination and the title).
_ONE_LINE_DEFINITION = re.compile(r"\[([^\\\[\]]*)\]:[ \t]*\S")


def _definition(lines: list[str], i: int, offset: int, html: bool = False, mdx: bool = False) -> tuple[Token, int] | None:
    """A link reference definition on line ``i`` alone, followed by an empty line, the end or
    a line that starts with "[" (no title can be there). It makes no token in mistune; this
    ``ref_definition`` token marks the line for its reader (``kblint.formats.markdown``), which
    has mistune read it and checks that mistune read that line and no other."""
    m = _ONE_LINE_DEFINITION.match(lines[i])
    if m is None or not m.group(1).strip():
        return None
    if i + 1 < len(lines) and lines[i + 1] and lines[i + 1][0] != "[":
        return None
    after = lines[i][m.end() :]
    if "(" in after and (after.count("(") > 1 or after.count(")") > 1):
        # A title in brackets holds no bracket for mistune: ``[//]: # (see [x](y).)``, a
        # comment's idiom, is no definition but a paragraph's text.
        return _rejected_definition(lines, i, offset, m.end() - 1, html, mdx)
    return {"type": "ref_definition", "_line": offset + i}, i + 1


def _rejected_definition(lines: list[str], i: int, offset: int, start: int, html: bool, mdx: bool) -> tuple[Token, int] | None:
    """Line ``i``, a definition's label then a destination at ``start`` and a title in
    brackets that holds a bracket (``[//]: # (see [x](y).)``), which mistune's reader rejects
    (a title in brackets ends at its first bracket, opening or closing, and nothing but
    spaces may follow it): a paragraph's first line. None where that is not certain."""
    line = lines[i]
    destination_end = line.find(" ", start)
    destination = line[start:destination_end] if destination_end > 0 else ""
    if not destination or any(ch in destination for ch in "()<\\") or "\\" in line:
        return None
    title = line[destination_end:].lstrip(" \t")
    if title[:1] != "(":
        return None
    closing = title.find(")")
    inner_opening = title.find("(", 1)
    if not (0 <= inner_opening < closing or closing < 0 or title[closing + 1 :].strip(" \t")):
        return None  # a title mistune reads (one bracket inside, nothing after it)
    return _paragraph(lines, i, offset, html, mdx)


def _heading(line: str, i: int) -> Token | None:
    """An ATX heading as mistune reads it: its text without the spaces around it, nor the
    closing hashes (``## Usage ##``); empty for ``### `` alone."""
    m = _ATX_HEADING.match(line)
    if m is None:
        return None
    text = m.group(2).strip(string.whitespace)
    if text:
        text = _ATX_HEADING_TRIM.sub("", text)
    return {"type": "heading", "text": text, "attrs": {"level": len(m.group(1))}, "style": "atx", "_line": i}


def _fenced_code(lines: list[str], i: int, offset: int, indent: int = 0) -> tuple[Token, int] | None:
    """The fence that opens line ``i`` after ``indent`` spaces (up to three), as mistune reads
    it: closed by a fence of as many backticks or more after up to three spaces, its lines
    less as many spaces as the opening's, up to that."""
    m = _FENCE.fullmatch(lines[i], indent)
    if m is None:
        return None
    marker, info = m.groups()
    end, indented_end = _fence_end(len(marker)), _indented_fence_end(len(marker))
    close = i + 1
    while close < len(lines) and end.fullmatch(lines[close]) is None:
        if marker in lines[close] and indented_end.fullmatch(lines[close]):
            return None  # the dialects end the code at different lines: mistune's, with the file's
        close += 1
    if close == len(lines):
        return None  # unclosed: the code runs to the end
    code = "".join(line + "\n" for line in lines[i + 1 : close])
    if indent and code:
        code = re.sub("^ {0,%d}" % indent, "", code, flags=re.M)  # (spaces only, as mistune trims them)
    token: Token = {"type": "block_code", "raw": code, "style": "fenced", "marker": marker, "_line": offset + i}
    if info:
        token["attrs"] = {"info": unescape_char(info).strip()}  # backslash escapes, as mistune reads them
    return token, close + 1


def without_fence_indent(code: str, width: int) -> str:
    """``code`` of a fence indented by ``width`` characters, each line less as much indentation
    as it has up to that, as MDX's reader takes it."""
    return re.sub("^[ \t]{0,%d}" % width, "", code, flags=re.M) if width and code else code


def _mdx_indented_fence(lines: list[str], i: int, offset: int, indent: int) -> tuple[Token, int] | None:
    """A fence indented by ``indent`` spaces, as MDX's reader takes it (kblint.formats.markdown's
    MDX fence): closed by a fence at any indentation, its lines less as much indentation."""
    if "\t" in lines[i][:indent]:
        return None
    m = _FENCE.fullmatch(lines[i][indent:])
    if m is None:
        return None
    marker, info = m.groups()
    end = _any_fence_end(len(marker))
    close = i + 1
    while close < len(lines) and end.fullmatch(lines[close]) is None:
        close += 1
    if close == len(lines):
        return None  # unclosed: the code runs to the end
    code = without_fence_indent("".join(line + "\n" for line in lines[i + 1 : close]), indent)
    token: Token = {"type": "block_code", "raw": code, "style": "fenced", "marker": marker, "_line": offset + i}
    if info:
        token["attrs"] = {"info": unescape_char(info).strip()}
    return token, close + 1


def _indented_code(lines: list[str], i: int, offset: int, previous: Token | None) -> tuple[Token, int] | None:
    """Code indented by four spaces or a tab (after up to three spaces: a generated command
    reference's ``\tcmd completion bash``) from line ``i``, with the empty lines among and
    after its lines (mistune's token takes them), at the body's level, not right after a list
    (whose item it may continue); None where a line holds spaces alone (mistune's rule for
    those differs)."""
    if previous is not None and previous["type"] in ("list", "paragraph"):
        return None
    count, end, last = len(lines), i, i
    while end < count:
        line = lines[end]
        if _code_indent(line) and line.strip():
            last = end
        elif line:
            if not line.strip():
                return None
            break
        end += 1
    raw = "\n".join(_without_code_indent(line) for line in lines[i : last + 1])
    return {"type": "block_code", "raw": raw, "style": "indent", "_line": offset + i}, end


# An indented code block's line: four spaces, or a tab after any spaces (mistune's rule).
_CODE_INDENT = re.compile(r"    | *\t")
# Its indentation as mistune takes it off: the first tab after up to three spaces made spaces
# to the next stop of four, then up to four spaces.
_LEADING_TAB = re.compile(r"( {0,3})\t")
_UP_TO_FOUR = re.compile(r"^ {1,4}")


def _code_indent(line: str) -> bool:
    return _CODE_INDENT.match(line) is not None


def _without_code_indent(line: str) -> str:
    tab = _LEADING_TAB.match(line) if "\t" in line else None
    if tab is not None:
        line = tab.group(1) + " " * (4 - len(tab.group(1))) + line[tab.end() :]
    return _UP_TO_FOUR.sub("", line, count=1)


def _liquid_code(lines: list[str], i: int, offset: int) -> tuple[Token, int] | None:
    """Jekyll's ``{% highlight lang %}`` block, closed by ``{% endhighlight %}`` alone on a
    line (kblint.formats.markdown's rule reads it so; a tag elsewhere on a line is its)."""
    m = _LIQUID_START.match(lines[i])
    if m is None:
        return None
    close = i + 1
    while close < len(lines) and "endhighlight" not in lines[close]:
        close += 1
    if close == len(lines) or LIQUID_END.fullmatch(lines[close].rstrip(" \t")) is None:
        return None
    code = "".join(line + "\n" for line in lines[i + 1 : close])
    return {"type": "block_code", "raw": code, "style": "fenced", "marker": "{%", "attrs": {"info": m.group("liquid_lang")}, "_line": offset + i}, close + 1


def _list(lines: list[str], i: int, offset: int, depth: int, html: bool = False, mdx_tags: bool = False) -> tuple[Token, int] | None:
    """A list of items of text (see ``_item``) of one kind of marker; empty lines between
    items make it loose, and the empty lines after it belong to it. ``mdx_tags``: a JSX tag
    after empty lines ends it (MDX's, at the body's level)."""
    m = _ITEM.match(lines[i])
    if m is None:
        return None
    ordered = m.group(2) is not None
    kind = m.group(3) if ordered else lines[i][m.end(1)]
    attrs: dict[str, Any] = {"depth": depth, "ordered": ordered}
    if ordered and int(m.group(2)) != 1:
        attrs["start"] = int(m.group(2))
    items = []
    count = len(lines)
    loose = of_blocks = False
    while True:
        # The next item's marker may stand up to the end of this one's marker (mistune's
        # list_item_re); a line further in that is not the item's goes on lazily.
        leading = m.start(4)
        found = _item(lines, i, m.end(), offset, depth, html)
        if found is None:
            return None
        item, i, general = found
        of_blocks = of_blocks or general
        items.append(item)
        if i == count:
            break
        if _blank(lines[i]):
            after = i
            while after < count and _blank(lines[after]):
                after += 1
            m = _ITEM.match(lines[after]) if after < count else None
            if m is not None and _same_kind(m, lines[after], kind, ordered) and len(m.group(1)) <= leading and not _THEMATIC_BREAK.fullmatch(lines[after]):
                loose, i = True, after  # an item after empty lines: the list goes on, loose
                continue
            if after < count and not _follows_a_list(lines[after], html or mdx_tags and lines[after][0] == "<"):
                return None  # another kind of item, or a subtler block
            i = after
            break
        line = lines[i]
        m = _ITEM.match(line)
        if m is None or line[m.end(1)] in "-*" and _THEMATIC_BREAK.fullmatch(line):
            if _THEMATIC_BREAK.fullmatch(line) or _ends_a_list(line):
                break  # a thematic break (mistune looks for one first), a heading, a fence or a quote
            return None
        if len(m.group(1)) > leading:
            return None
        if not _same_kind(m, lines[i], kind, ordered):
            break  # another kind of item starts another list, which ends this one
    loose = _set_tightness(items, loose, of_blocks)
    return {"type": "list", "children": items, "tight": not loose, "bullet": kind, "attrs": attrs, "_line": items[0]["_line"]}, i


def _set_tightness(items: list[Token], loose: bool, of_blocks: bool) -> bool:
    """Whether a list of ``items`` is loose (``loose``: empty lines separate them), its items'
    text set to match. It is loose when empty lines separate its items, or when an item holds
    an empty line between its blocks, or two paragraphs (mistune's _is_loose_list); each item's
    text is then a paragraph, else a block_text (a list an item holds keeps its own tightness).
    An item of text (none is of blocks: ``of_blocks``) holds no gap, and its text is a
    block_text already."""
    if of_blocks:
        loose = loose or any(_holds_a_gap(item["children"]) for item in items)
        for item in items:
            for child in item["children"]:
                if child["type"] in ("block_text", "paragraph"):
                    child["type"] = "paragraph" if loose else "block_text"
    elif loose:
        for item in items:
            item["children"][0]["type"] = "paragraph"
    return loose


def _ends_a_list(line: str) -> bool:
    """Does ``line``, right under an item's line and not indented to its text, end the list
    as mistune's list break rules end it (an ATX heading, a fence, a block quote), rather than
    go on lazily? (A fence mistune cannot read goes on lazily: the fence's reader here
    declines it too.)"""
    return line.startswith(("```", ">")) or (line[0] == "#" and _ATX_START.match(line) is not None)


def _holds_a_gap(children: list[Token]) -> bool:
    """Does an item of ``children`` make its list loose (an empty line between its blocks, or
    two paragraphs)?"""
    return any(child["type"] == "blank_line" for child in children) or sum(child["type"] == "paragraph" for child in children) > 1


# How deep the blocks of an item are read here (mistune stops reading lists and block quotes
# some levels further down).
_MAX_ITEM_DEPTH = 6


def _item(lines: list[str], i: int, width: int, offset: int, depth: int, html: bool) -> tuple[Token, int, bool] | None:
    """The item whose marker (``width`` characters with its space) starts line ``i``, with
    the lines indented to its text that follow and the empty lines among them; its first line
    is a paragraph's. Text and a list of the same kind take the short way (``_text_item``);
    other blocks (fenced code, paragraphs after an empty line) are read as a body's blocks
    are, one level down, as mistune reads an item's lines. The flag: the item is of blocks."""
    text = lines[i][width:]
    if not (paragraph_only(text) or html and text[0] == "<" and _html_start(text) is _TEXT):
        return None  # might be another block inside the item
    found = _text_item(lines, i, width, offset, depth, html)
    if found is None:
        end = _item_end(lines, i, width, html)
    else:
        # The text item's lines are the item's: does any line after them belong to it? Not
        # the next item's marker, the most common line there.
        if found[1] == len(lines) or _ITEM.match(lines[found[1]]):
            return found[0], found[1], False
        end = _item_end(lines, found[1] - 1, width, html)
        if end == found[1]:
            return found[0], found[1], False
    if depth >= _MAX_ITEM_DEPTH:
        return None
    indent = " " * width
    if any("\t" in line[: len(line) - len(line.lstrip(" \t"))] for line in lines[i + 1 : end] if not _blank(line)):
        return None  # a tab in a line's indentation: mistune takes off the item's as columns
    # (A line of spaces or tabs alone is an empty one in an item, as mistune collects its lines.)
    inner = [text] + ["" if _blank(line) else line[width:] if line.startswith(indent) else line for line in lines[i + 1 : end]]
    children = _blocks(inner, offset + i, depth + 1, html)
    if children is None:
        return None
    return {"type": "list_item", "children": children, "_line": offset + i}, end, True


def _item_end(lines: list[str], i: int, width: int, html: bool) -> int:
    """Where the item that starts on line ``i`` ends: after the last line indented to its
    text (``width``) that follows it with only such lines or empty ones between, or a lazy
    line (one that can only go on with a paragraph, right under a line of the item: mistune
    adds it to the item's lines). The empty lines after it are the list's."""
    indent = " " * width
    end = k = i + 1
    while k < len(lines):
        line = lines[k]
        if not _blank(line):  # (a line of spaces or tabs alone is an empty one to mistune's list)
            if not line.startswith(indent) and (k != end or not (_goes_on(line) or html and _tag_goes_on(line) is True)):
                break
            end = k + 1
        k += 1
    return end


def _text_item(lines: list[str], i: int, width: int, offset: int, depth: int, html: bool) -> tuple[Token, int] | None:
    """An item of text (a paragraph's lines, the first after the marker, the others indented
    to it) and at most a list of the same kind indented to its text, with no empty line in it."""
    text = lines[i][width:]
    first, count = i, len(lines)
    i += 1
    # Lines indented to the item's text that can only go on with it: its paragraph.
    indent = " " * width
    while i < count and lines[i].startswith(indent) and lines[i][width:] and _goes_on(lines[i][width:]):
        text += "\n" + lines[i][width:]
        i += 1
    if i > first + 1 and text[0] == "[" and _LINK_DEFINITION.match(text):
        return None  # a link reference definition over the item's lines
    children: list[Token] = [{"type": "block_text", "text": text + "\n", "_line": offset + first}]
    if i < count and lines[i][:1] == " ":
        nested = _nested_list(lines, i, width, offset, depth, html)
        if nested is None:
            return None  # the item goes on with text, code or a list indented otherwise
        children.append(nested[0])
        i = nested[1]
    return {"type": "list_item", "children": children, "_line": offset + first}, i


def _follows_a_list(line: str, html: bool) -> bool:
    """Can ``line`` (not empty), after a list and empty lines, only start a block that ends
    the list, one this module reads? (An item of another kind starts another list.)"""
    return (
        _plain(line) or line.startswith(("#", "```", ">", "|", "[")) or (html and line[0] == "<")
        or bool(_THEMATIC_BREAK.fullmatch(line)) or _ITEM.match(line) is not None
        or line[:1] == " " and _INDENTED_FENCE.match(line) is not None  # (less indented than the item's text)
    )  # fmt: skip


def _same_kind(m: re.Match[str], line: str, kind: str, ordered: bool) -> bool:
    """Is the item ``m`` found on ``line`` one more of a list of ``kind`` (its bullet, or the
    delimiter after its number)?"""
    return (m.group(2) is not None) == ordered and (m.group(3) if ordered else line[m.end(1)]) == kind


def _nested_list(lines: list[str], i: int, width: int, offset: int, depth: int, html: bool) -> tuple[Token, int] | None:
    """The list an item holds from ``lines[i]``: lines indented by the item's ``width`` (its
    marker and space), the first of them an item, with no empty line among them (a tight
    list). An ordered one starts at 1: another number cannot interrupt the item's text."""
    indent = " " * width
    end = i
    # (A line of spaces is an empty line to mistune: between items, it makes a list loose.)
    while end < len(lines) and lines[end].startswith(indent) and not lines[end].isspace():
        end += 1
    inner = [line[width:] for line in lines[i:end]]
    found = _list(inner, 0, offset + i, depth + 1, html) if inner else None
    if found is None or found[1] != len(inner) or "start" in found[0]["attrs"]:
        return None
    return found[0], end


_PIPE_ROW = re.compile(r"\|.*\|[ \t]*")  # mistune's TABLE_PATTERN, at a line's start


def split_cells(text: str) -> list[str]:
    """mistune's cells of a table row's text (split at each "|" not escaped, stripped),
    without its loop over every character where no backslash can escape a "|"; a "|" inside
    a template's action (``{{ .Title | humanize }}``, Liquid's ``{{ page.date | date }}``) is
    the template's filter, which the site renders before Markdown: no cell ends there."""
    if "{{" in text and "}}" in text:
        return _cells_around_actions(text)
    if "\\" in text:
        return _mistune_table._split_table_cells(text)
    return [cell.strip() for cell in text.split("|")]


def _cells_around_actions(text: str) -> list[str]:
    cells, start, depth, pos = [], 0, 0, 0
    while pos < len(text):
        if text.startswith("{{", pos):
            depth, pos = depth + 1, pos + 2
            continue
        if depth and text.startswith("}}", pos):
            depth, pos = depth - 1, pos + 2
            continue
        if text[pos] == "|" and not depth and not _mistune_table._is_escaped_pipe(text, pos):
            cells.append(text[start:pos].strip())
            start = pos + 1
        pos += 1
    cells.append(text[start:].strip())
    return cells


def pipe_row(line: str) -> str | None:
    """A pipe table's row as GFM reads it, its cells' text: mistune's rule wants a pipe at both
    ends, GFM's only the leading one (``| Time | 选择时间列``, a row the site shows)."""
    text = line.rstrip("\n").rstrip(" \t")
    if not text.startswith("|") and text.startswith((" ", "\t")):
        text = text.lstrip(" ")
    if not text.startswith("|"):
        return None
    return text[1:-1] if text.endswith("|") else text[1:]


def gfm_row(text: str, aligns: list[Optional[str]]) -> Token:
    """A table row as GFM reads it: missing cells are empty, cells past the header's are not
    shown (mistune drops the whole table instead)."""
    cells = split_cells(text)[: len(aligns)]
    cells += [""] * (len(aligns) - len(cells))
    children = [{"type": "table_cell", "text": cell.strip(), "attrs": {"align": aligns[i], "head": False}} for i, cell in enumerate(cells)]
    return {"type": "table_row", "children": children}


def _table(lines: list[str], i: int, offset: int) -> tuple[Token, int] | None:
    """A pipe table (each row starts and ends with "|") with a valid header (see _table_rows)."""
    if _PIPE_ROW.fullmatch(lines[i]) is None or i + 1 == len(lines):
        return None
    return _table_rows(lines, i, offset, _mistune_table._strip_pipe_table_row, rows=pipe_row)


# mistune's NP_TABLE_PATTERN at a line's start: a table's header row without outer pipes.
_UNPIPED_HEADER = re.compile(r" {0,3}[^\s|][^\n]*\|")


def half_piped(header: str, align: str) -> bool:
    """Is a table's header row written without its leading pipe but with its trailing one, over
    a delimiter row with both (`` Name | Type |`` over ``| --- | --- |``)? GFM takes it as a
    pipe table (each row's outer pipes are optional); mistune's rules take neither kind."""
    text = header.rstrip("\n").rstrip(" \t")
    return not text.lstrip(" ").startswith("|") and text.endswith("|") and not text.endswith("\\|") and align.lstrip(" ").startswith("|")


def strip_half_piped_header(line: str) -> str:
    """The header row of a ``half_piped`` table without its trailing pipe."""
    return line.rstrip("\n").rstrip(" \t")[:-1]


def _unpiped_table(lines: list[str], i: int, offset: int) -> tuple[Token, int] | None:
    """A table whose rows need no outer pipes (`` Name | Type`` over `` --- | ---``, as
    generators write references) from line ``i``, where only a paragraph could start
    otherwise (mistune's rules for a list, a heading or a tag come before the table's), up to
    its last line with a "|", followed by an empty line, a heading or the end; None elsewhere
    (a header whose next line is no delimiter row is a paragraph's line: the caller reads it)."""
    line = lines[i]
    if i + 1 == len(lines) or "|" not in lines[i + 1] or _UNPIPED_HEADER.match(line) is None or not _plain(line.lstrip(" ")):
        return None
    if half_piped(line, lines[i + 1]):
        return _table_rows(lines, i, offset, _mistune_table._strip_pipe_table_row, strip_half_piped_header, pipe_row)
    return _table_rows(lines, i, offset, _mistune_table._strip_table_line)


def _table_rows(
    lines: list[str],
    i: int,
    offset: int,
    strip: "Callable[[str], str | None]",
    strip_header: "Callable[[str], str | None] | None" = None,
    rows: "Callable[[str], str | None] | None" = None,
) -> tuple[Token, int] | None:
    """The table whose header is line ``i`` (read by ``strip_header``, else ``strip``) and
    delimiter row the next, its rows each line that ``rows`` (else ``strip``) reads as one
    (a row of either kind), as kblint.formats.markdown's table rule reads it, followed by an empty line,
    a heading (a command reference's "## Examples" under its table of types) or the end."""
    header, align = (strip_header or strip)(lines[i]), strip(lines[i + 1])
    if header is None or align is None:
        return None
    head, aligns = _mistune_table._process_thead(header, align)
    if not head or aligns is None:
        return None  # mistune's reading of an invalid table is its own
    body = []
    end = i + 2
    while end < len(lines) and (text := (rows or strip)(lines[end])) is not None:
        body.append(gfm_row(text, aligns))
        end += 1
    if end < len(lines) and lines[end] and not (lines[end][0] == "#" and _ATX_START.match(lines[end])):
        return None  # a line that ends the table and starts a block (but a heading): mistune decides
    return {"type": "table", "children": [head, {"type": "table_body", "children": body}], "_line": offset + i}, end


def tag_end(src: str, pos: int, stop: int) -> int:
    """Where the JSX or HTML tag whose attributes start at ``pos`` ends (just after its ">"),
    quotes and JSX expressions ({…}, which may hold ">") skipped; -1 if not before ``stop``.
    (MDX's rule for a line of tags, kblint.formats.markdown._parse_mdx_tag, reads tags so.)"""
    depth = 0
    at = pos
    while (m := _TAG_MARKS.search(src, at, stop)) is not None:  # (a search, not a step a character)
        at = m.start()
        ch = src[at]
        if ch in "\"'`":
            if depth or src[at - 1] == "=":
                close = src.find(ch, at + 1, stop)  # a quoted value: to its closing quote
                if close < 0:
                    return -1
                at = close
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth = max(0, depth - 1)
        elif not depth:
            return -1 if ch == "<" else at + 1  # "<": another tag starts, this one was none
        at += 1
    return -1


_TAG_MARKS = re.compile("[\"'`{}<>]")  # what a tag's scan stops at


# After a tag: the next tag on its line, or the line's end (group 1).
_NEXT_TAG = re.compile(r"[ \t]*(?:</?[A-Za-z][\w.:-]*(?=[\s/>])|(\n|$))")
# A JSX or HTML tag that opens a line, as MDX's rule for a line of tags starts ($: a tag whose
# attributes start on the next line). kblint.formats.markdown's rule takes it too.
JSX_TAG = r"</?[A-Za-z][\w.:-]*(?=[ \t\n/>]|$)"
_JSX_TAG = re.compile(JSX_TAG)


def tags_line_end(src: str, pos: int, stop: "Callable[[int], int]") -> int | None:
    """From a tag name's end at ``pos``: where the line ends (after its line break) when it
    holds tags alone; -1 when text follows a tag; None when a tag does not close before
    ``stop(start of its attributes)`` (or another tag opens inside it). MDX's rule for a line of
    tags reads a line so, in mistune's parser and in the shortcut alike."""
    while True:
        end = tag_end(src, pos, stop(pos))
        if end < 0:
            return None
        after = _NEXT_TAG.match(src, end)
        if after is None:
            return -1  # text after a tag: CommonMark's rules read the line
        if after.group(1) is not None:
            return after.end()
        pos = after.end()


def closing_brace(src: str, start: int, stop: int) -> int:
    """Where the "}" that closes the "{" at ``start`` is (braces nest), or -1 if not before
    ``stop``: the end of an MDX expression, in mistune's parser and in the shortcut alike."""
    depth = 0
    for at in range(start, stop):
        ch = src[at]
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return at
    return -1


def _jsx_tags_alone(line: str) -> bool | None:
    """Is ``line`` (its line break after it) JSX or HTML tags alone, each closed on it: in MDX,
    a block of its own (unless right under a paragraph)? None: a tag that is not closed on the
    line (its attributes may run on: MDX's parser decides)."""
    text = line + "\n"
    m = _JSX_TAG.match(text)
    if m is None:
        return False
    end = tags_line_end(text, m.end(), lambda pos: len(line))
    return None if end is None else end >= 0


def _expression_alone(line: str) -> bool | None:
    """Is ``line`` a JavaScript expression alone ({/* a comment */}, {items.map(…)}): in MDX, a
    block of its own (unless right under a paragraph)? ``{#id}``, ``{:…}`` and ``{.…}`` are no
    expressions. None: one that runs on past the line (MDX's parser decides)."""
    if line[1:2] in ("#", ":", "."):
        return False
    at = closing_brace(line, 0, len(line))
    return None if at < 0 else not line[at + 1 :].strip()


# How an HTML block starts, as mistune's raw_html rule reads it at a line's start; a
# processing instruction, a declaration or CDATA is left to mistune.
_HTML_START = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*|<!--")


# What a line that starts with "<" is (see _html_start): a paragraph's first line, or an HTML
# block that runs to the next blank line.
_TEXT = ("text", "", 0)
_TO_BLANK = ("blank", "", 0)
_TAG_ALONE = ("blank", "alone", 0)  # rule 7: up to the next blank line, unless under a paragraph


def _html_start(line: str) -> tuple[str, str, int] | None:
    """How mistune reads ``line``, which starts with "<", at the body's level (CommonMark's
    rules as it applies them): a comment, or a pre, script, style or textarea element, is an
    HTML block up to the line that holds its end, ("end", the end, the column to search it
    from); a block-level tag, or another tag alone on its line, is one up to the next blank
    line (_TO_BLANK, or _TAG_ALONE for the latter); a tag with more on its line
    (``<Note>Text``, ``<Toc />``: rule 7 wants the tag alone, and no "/>") or no tag at all
    (``<3``) starts a paragraph (_TEXT). None: an instruction or a declaration, left to
    mistune."""
    m = _HTML_START.match(line)
    if m is None:
        return None if line.startswith(("<?", "<!")) else _TEXT
    marker = m.group(0)
    if marker == "<!--":
        return "end", "-->", m.end()
    closing = marker.startswith("</")
    tag = marker[2:].lower() if closing else marker[1:].lower()
    if not closing and tag in PRE_TAGS:
        return "end", f"</{tag}>", m.end()
    if tag in BLOCK_TAGS:
        return _TO_BLANK
    alone = (_CLOSE_TAG_END if closing else _OPEN_TAG_END).match(line + "\n", m.end()) is not None
    return _TAG_ALONE if alone else _TEXT


def _tag_goes_on(line: str) -> bool | None:
    """Does ``line``, under a paragraph's line at the body's level with HTML read, go on with
    that paragraph? One that starts with "<" does unless it starts an HTML block of rules 1 to
    6 (a comment, a pre, script, style or textarea element, a block-level tag), which ends the
    paragraph (False): mistune appends a rule 7 tag, or text, to the paragraph above. None:
    another line, or one left to mistune (an instruction, a declaration)."""
    if line[0] != "<":
        return None
    start = _html_start(line)
    if start is None:
        return None
    return start is _TEXT or start is _TAG_ALONE


def _html_block(lines: list[str], i: int, offset: int, start: tuple[str, str, int]) -> tuple[Token, int] | None:
    """The HTML block that line ``i`` starts, as ``start`` (see _html_start) says it runs:
    to the line that holds its end marker (no marker spans lines) or the body's end, or to
    the next blank line."""
    kind, end_marker, column = start
    end = i
    if kind == "end":
        while end < len(lines) and lines[end].find(end_marker, column) < 0:
            end, column = end + 1, 0
        end = min(end + 1, len(lines))
    else:
        end += 1
        while end < len(lines) and lines[end].strip(" \t\v\f"):
            end += 1
        if end < len(lines) and lines[end]:
            return None  # a line of white space ends it: mistune's blank line, not this module's
    return {"type": "block_html", "raw": "".join(text + "\n" for text in lines[i:end]), "_line": offset + i}, end
