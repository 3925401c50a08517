"""Round brackets in Chinese text: which half-width ones the Chinese standards want
full-width, with their fixes (kblint.rules.cjk_punctuation), and how a knowledge base writes
its brackets around Chinese text, counted (a house style is a knowledge base's, not a
page's: the rule reads it over every article of a language)."""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator, NamedTuple

from kblint.model.patterns import lazy_pattern
from kblint.model.text import HAN

CJK = HAN + "\u3040-\u30ff"  # and kana
CHINESE = lazy_pattern(f"[{CJK}]")
MARKS = lazy_pattern("[,.:;?!()（）]")


def _is_cjk(ch: str) -> bool:
    return bool(ch) and CHINESE.match(ch) is not None


# An interval written with brackets of two kinds ([0-10), (0, 4 MiB]): its round bracket
# pairs with the square one.
_INTERVAL = re.compile(r"\[[^\[\]()（）\n]{1,40}\)|\([^\[\]()（）\n]{1,40}\]")


# A smiley's mouth (":)", ";-)", ":("), which is no bracket: "（沿用 'posts' :)）" closes
# with its full-width one.
_EMOTICON = re.compile(r"(?<![\w:;])[:;]-?[()](?![\w(])")


def _bracket_pairs(text: str) -> list[tuple[int, int]]:
    """(opening, closing) indexes of the round brackets of ``text``, either width, but those
    of an interval and a smiley's mouth."""
    pairs, stack = [], []
    skipped = {m.end() - 1 if m.group(0)[0] == "[" else m.start() for m in _INTERVAL.finditer(text)} if "[" in text or "]" in text else set()
    if ":" in text or ";" in text:
        skipped = {*skipped, *(m.end() - 1 for m in _EMOTICON.finditer(text))}
    for i, ch in enumerate(text):
        if i in skipped:
            continue
        if ch in "(（":
            stack.append(i)
        elif ch in ")）" and stack:
            pairs.append((stack.pop(), i))
    return pairs


def _bracket_edits(text: str, style: str) -> list[tuple[list[tuple[int, int, str]], str]]:
    """For each pair of round brackets of Chinese text with a half-width one that should be
    full-width, its edits (start, end, replacement: one or both brackets) and why: paired
    with a full-width one; around Chinese content (unless ``style`` is "any"); any beside
    Chinese text (``style`` "full-width"). Half-width brackets around Latin-only content
    (数据库(DB)备份) are a house style several style guides follow."""
    found = []
    formula = _FORMULA.search(text) is not None
    for o, c in _bracket_pairs(text):
        inner = text[o + 1 : c]
        outside = (text[o - 1] if o else "", text[c + 1] if c + 1 < len(text) else "")
        chinese_inside = CHINESE.search(inner) is not None
        if not chinese_inside and not any(_is_cjk(ch.strip()) for ch in outside):
            continue  # not in Chinese text
        if not _chinese_around(text, o, c):
            continue  # "[Xuan Huang (黄玄)](…)": a Chinese name in an English sentence
        if (formula or _ARGUMENTS.fullmatch(inner)) and _a_call(text, o, c):
            continue  # "Mask = Shake(请求 IV)", "max(元数据副本数, 数据副本数)": a function applied, not an aside
        if _an_operand(text, o, c):
            continue  # "(性能 >> 开发效率) || (…)": a term of an expression, grouped
        mixed = (text[o] == "(") != (text[c] == ")")
        if not (mixed or (chinese_inside and style != "any") or style == "full-width"):
            continue
        why = _MIXED if mixed else "around Chinese text" if chinese_inside else "beside Chinese text"
        # No space beside a full-width bracket (after Latin text or code too: "state （…）"
        # would keep a gap the Chinese standards do not have); one at a line's start stays.
        edits = []
        if text[o] == "(":
            start = o - 1 if o > 1 and text[o - 1] == " " and text[o - 2] not in " \n" else o
            edits.append((start, o + 1, "（"))
        if text[c] == ")":
            end = c + 2 if text[c + 1 : c + 2] == " " and text[c + 2 : c + 3] not in ("", " ", "\n", "{") else c + 1
            edits.append((c, end, "）"))
        if edits:
            found.append((edits, why, _spaced(text, o, c)))
    return found


# A formula: a name, then " = " and its value ("Key = MD5(用户 ID)").
_FORMULA = re.compile(r"[\w)\]] = ")
_CALLED = re.compile(r"[A-Za-z][A-Za-z0-9_.]*$")  # a function's name, right before its bracket
# A function's arguments, two or more, each after a comma and a space as code writes them.
_ARGUMENTS = re.compile(r"[^,，。；！？()]+(?:, [^,，。；！？()]+)+")


def _a_call(text: str, o: int, c: int) -> bool:
    """Are the half-width brackets at ``o``..``c`` a function's, its name written right before
    them (``MD5(…)``, ``Shake(…)``)?"""
    return text[o] == "(" and text[c] == ")" and _CALLED.search(text, max(0, o - 40), o) is not None


# An operator of an expression (logic, comparison, an arrow), beside a bracket outside it.
_OPERATOR = r"(?:\|\||&&|->|=>|>>|<<|[<>!=]=)"
_OPERATOR_BEFORE = re.compile(_OPERATOR + " *$")
_OPERATOR_AFTER = re.compile(" *" + _OPERATOR)


def in_arguments(text: str, at: int) -> bool:
    """Does ``at`` lie inside the brackets of a function applied to arguments written as code
    writes them (``max(元数据副本数, 数据副本数)``): its comma is the function's, as the brackets
    are? Not a Chinese aside after a name (``h2(默认,不需要执行任何操作)``)."""
    return any(o < at < c and _ARGUMENTS.fullmatch(text, o + 1, c) and _a_call(text, o, c) for o, c in _bracket_pairs(text))


def _an_operand(text: str, o: int, c: int) -> bool:
    """Are the half-width brackets at ``o``..``c`` a term of an expression, an operator right
    outside one of them (``(性能 >> 开发效率) || (…) -> Rust``)? A menu path in an aside,
    ``菜单(文件 -> 设置)``, has its arrow inside."""
    if text[o] != "(" or text[c] != ")":
        return False
    return _OPERATOR_BEFORE.search(text, max(0, o - 8), o) is not None or _OPERATOR_AFTER.match(text, c + 1) is not None


def _spaced(text: str, o: int, c: int) -> bool:
    """Do the brackets at ``o``..``c`` stand apart from the text around them, a space (or the
    line's edge) outside each, or a full-width mark after the closer: ``有 sidebar (侧导航) 和``?"""
    before, after = text[o - 1 : o], text[c + 1 : c + 2]
    return before in ("", " ") and (after in ("", " ") or after in _CLOSING_MARKS)


_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def _chinese_around(text: str, o: int, c: int) -> bool:
    """Are the brackets at ``o``..``c`` in Chinese text: full-width on one side already, or
    Chinese outside them, or no English sentence around them? Brackets in an English
    sentence ("Thanks to Xuan Huang (黄玄) for the talk") stay half-width."""
    if text[o] == "（" or text[c] == "）":
        return True
    outside = text[:o] + " " + text[c + 1 :]
    return CHINESE.search(outside) is not None or len(_LATIN_WORD.findall(outside)) < 3


def escape_start(doc, mark_at: int) -> int:
    """Where the mark at file offset ``mark_at`` starts as written: at the backslash that
    escapes it (``\\(``), which a full-width mark does not need (and would show)."""
    backslashes = 0
    while mark_at - backslashes > 0 and doc.text[mark_at - backslashes - 1] == "\\":
        backslashes += 1
    return mark_at - 1 if backslashes % 2 else mark_at




PADDED_TABLE = "the table's columns are padded to line up, and a full-width mark widens its row: re-pad the table with the fix"


def _in_a_padded_table(doc, line: int) -> bool:
    """Is ``line`` a row of a table whose rows are padded to one width as a reader sees it
    (a full-width character two columns wide), as formatters pad them? A wider mark puts
    the row out of line, and a formatter's check then fails."""
    width = _display_width(doc.index.line_text(line))
    for other in (line - 1, line + 1):
        if 1 <= other <= doc.index.line_count:
            text = doc.index.line_text(other)
            if text.lstrip().startswith("|") and _display_width(text) == width:
                return True
    return False


def _display_width(text: str) -> int:
    text = text.rstrip()
    return len(text) + sum(1 for ch in text if ord(ch) > 0x10FF and unicodedata.east_asian_width(ch) in "WF")


def _spaced_half_width(doc) -> bool:
    """Does the article write its brackets around Chinese text half-width with a space outside
    them, ``有 `sidebar` (侧导航) 和``, three times or more and twice as often as without the
    space, and never full-width? That is a house style (zhlint's default, which Vue's Chinese
    docs follow), not a slip. (Once or twice in a short page tells no style: most pages of a
    folder may write them full-width.)"""
    spaced = unspaced = 0
    for text, o, c, width in _pairs_of(doc):
        if width == "full":
            return False
        if width == "half":
            if _spaced(text, o, c):
                spaced += 1
            else:
                unspaced += 1
    return spaced >= 3 and spaced >= 2 * unspaced


_CLOSING_MARKS = frozenset("，。：；？！、")


def _file_edit(doc, span, text: str, edit: tuple[int, int, str]) -> tuple[int, int, str, str]:
    """An edit of a bracket at ``span``'s text indexes as file offsets, with the mark it
    replaces: (first, last, replacement, mark)."""
    start, end, replacement = edit
    mark = text[start:end].strip()
    first, last = span.offset(start), span.end_offset(end)
    if end - start > 1 and doc.crosses_prose(first, last):
        # The space taken with the bracket is not next to it in the file (a link's destination
        # lies between): the bracket alone.
        bracket = start + text[start:end].index(mark)
        first, last = span.offset(bracket), span.end_offset(bracket + 1)
    if doc.text[first] == mark:
        first = escape_start(doc, first)
    return first, last, replacement, mark


class BracketFinding(NamedTuple):
    """A pair of brackets to report: its place (file offsets), message, the fix's edits (file
    offsets and what they put), the fix's title where it makes several edits, why the fix
    needs a person ("" when safe), whether the pair mixes widths, and the text it covers."""

    first: int
    last: int
    message: str
    edits: tuple[tuple[int, int, str], ...]
    description: str
    reason: str
    mixed: bool
    context: str


def _bracket_finding(doc, span, edits: list[tuple[int, int, str, str]], why: str, placed: str, style: str) -> BracketFinding:
    """One finding for a pair of brackets: for the half-width one, or for both (one fix that
    makes both full-width). An edit whose range crosses markup the prose does not show (a
    link's destination between) is left out, as Rule.finding leaves it."""
    reasons = [_bracket_unsafe_because(doc, first, mark, why, placed, style) for first, _, _, mark in edits]
    reason = next((r for r in reasons if r), "")
    if len(edits) == 1:
        [(first, last, replacement, mark)] = edits
        message, description = f"half-width '{mark}' {why}: use the full-width '{replacement}'", ""
    else:
        # The finding is the brackets and what they hold; the fix also takes a space outside
        # them, which is not what the writer looks for at the finding's column.
        (first, opened, _, _), (closing, last, _, _) = edits
        opening, ending = doc.text[first:opened], doc.text[closing:last]
        first += len(opening) - len(opening.lstrip(" \t"))
        last -= len(ending) - len(ending.rstrip(" \t"))
        message, description = f"half-width brackets '(…)' {why}: use the full-width '（…）'", "use full-width brackets"
    kept = tuple(edit[:3] for edit in edits if not (edit[1] > edit[0] and doc.crosses_prose(edit[0], edit[1])))
    return BracketFinding(first, last, message, kept, description, reason, why == _MIXED, doc.text[first:last][:200])


def _bracket_unsafe_because(doc, first: int, mark: str, why: str, placed: str, style: str) -> str:
    """Why the fix of a half-width bracket at file offset ``first`` needs a person; "" when
    it is safe: a pair of mixed widths, or a knowledge base that asks for full-width ones.
    ``placed``: why any fix where it stands needs one (a heading's anchor, a padded table)."""
    if placed:
        return placed
    if mark == ")" and _ends_bare_url(doc.text, first):
        return _AFTER_URL  # "(見 https://x.example)": a full-width ） would join the bare URL
    if why != _MIXED and style != "full-width":
        return _HOUSE_STYLE
    return ""


_MIXED = "paired with a full-width bracket"
_HOUSE_STYLE = (
    "some house styles write half-width brackets in Chinese text too "
    "(cjk_brackets: full-width in the configuration makes this fix safe)"
)
HEADING_ANCHOR = "a heading's text makes its anchor, which links may name"
_AFTER_URL = "a full-width bracket right after a bare URL would be read as part of the URL"



def _ends_bare_url(text: str, at: int) -> bool:
    """Does a bare URL end right before file offset ``at``? Renderers that link bare URLs
    stop a URL at a half-width ')' that closes a bracket, but not at a full-width one."""
    start = at
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "(（<":
        start -= 1
    if start > 1 and text[start - 1] == "(" and text[start - 2] == "]":
        return False  # "[text](https://x.example))": the link's own destination
    word = text[start:at]
    return "://" in word or word.startswith("www.")




def placement(doc, span) -> str:
    """Why any fix of a mark in ``span`` needs a person where it stands ("" if none): a
    heading's text makes its anchor; a padded table's row is put out of line by a wider mark."""
    if span.kind == "heading" and not doc.body.has_explicit_id(span.start_line):
        return HEADING_ANCHOR
    if span.kind == "table_cell" and _in_a_padded_table(doc, span.start_line):
        return PADDED_TABLE
    return ""


def bracket_findings(doc, style: str, configured: bool) -> list[BracketFinding]:
    """The pairs of round brackets of ``doc``'s Chinese prose to report under ``style`` (the
    configuration's ``cjk_brackets``). Where the configuration does not say (``configured``
    False), an article that writes its half-width pairs spaced, as a style, keeps them."""
    found = []
    for span in doc.prose:
        text = span.text
        if "(" not in text and "（" not in text and ")" not in text and "）" not in text:
            continue
        if CHINESE.search(text) is None:
            continue
        placed = placement(doc, span)
        for edits, why, spaced in _bracket_edits(text, style):
            found.append((span, edits, why, placed, spaced))
    if not configured and any(why != _MIXED and spaced for _, _, why, _, spaced in found) and _spaced_half_width(doc):
        # The article's house style: its spaced pairs are not reported, the others still are.
        found = [item for item in found if item[2] == _MIXED or not item[4]]
    return [
        _bracket_finding(doc, span, [_file_edit(doc, span, span.text, edit) for edit in edits], why, placed, style)
        for span, edits, why, placed, _ in found
    ]


def bracket_widths(doc) -> tuple[int, int]:
    """How many pairs of round brackets around Chinese text ``doc``'s prose writes half-width,
    and how many full-width: the knowledge base's style, summed over a language's articles."""
    half = full = 0
    for _, _, _, width in _pairs_of(doc):
        half += width == "half"
        full += width == "full"
    return half, full


def _pairs_of(doc) -> Iterator[tuple[str, int, int, str]]:
    """Each pair of round brackets of ``doc``'s prose, as (text, opening, closing, width): "full",
    "mixed", or "half" around Chinese text (a half-width pair around Latin text is no pair here)."""
    for span in doc.prose:
        text = span.text
        if "(" not in text and "（" not in text:
            continue
        for o, c in _bracket_pairs(text):
            if text[o] == "（" and text[c] == "）":
                yield text, o, c, "full"
            elif text[o] == "（" or text[c] == "）":
                yield text, o, c, "mixed"  # reported whatever the style
            elif CHINESE.search(text, o + 1, c) is not None:
                yield text, o, c, "half"
