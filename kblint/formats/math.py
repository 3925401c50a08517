"""TeX math in Markdown: ``$$ … $$`` displayed, ``$ … $`` inline, as GitHub, MyST's
``dollarmath``, remark-math and VitePress render them. A formula is no prose: its braces, its
``_`` and ``^``, its ``\\left\\{`` are TeX's. It is masked in the prose, wherever the Markdown
parser cut it (its ``_{…}_`` read as emphasis).

Only what reads as a formula is masked: a display between lines that start and end with
``$$``, and an inline one whose text holds TeX (a command, a sub- or superscript), opened by a
``$`` that no space follows and closed by one that no space precedes and no digit or letter
follows (``$5 and $10`` is money; ``$HOME`` and ``$PATH`` are variables; ``${lang}`` is a
template's placeholder, never a formula's start or end).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from kblint.model.body import Body
from kblint.model.text import MASK, LineIndex

# A display: from $$ opening a line (after up to three spaces) to the next $$, not across a
# blank line (which ends the paragraph the formula is in).
_DISPLAY = re.compile(r"^[ \t]{0,3}\$\$(?:[^$\n]|\n(?![ \t]*\n)|\$(?!\$))*?\$\$", re.MULTILINE)
# (A letter of a script written without spaces may touch it: $\vec{B}$의, 则$x_i$.)
_INLINE = re.compile(r"(?<![\\$A-Za-z0-9_])\$(?![\s${])([^$\n`]{1,400}?)(?<![\s\\])\$(?![A-Za-z0-9_${])")
_TEX = re.compile(r"\\[A-Za-z]+|[_^]")  # what a formula holds and a price or a variable does not
_TEX_HINT = re.compile(r"\\[A-Za-z]|\^|_\{|_\w\$")  # a page without any holds no inline formula


def math_ranges(text: str, code: "list[tuple[int, int]]") -> list[tuple[int, int]]:
    """The file ranges of the formulas in ``text`` outside its code blocks (``code``: their
    file ranges, sorted)."""
    if "$" not in text:
        return []
    starts = [start for start, _ in code]

    def in_code(offset: int) -> bool:
        k = bisect_right(starts, offset) - 1
        return k >= 0 and offset < code[k][1]

    found = [(m.start(), m.end()) for m in _DISPLAY.finditer(text) if not in_code(m.start())] if "$$" in text else []
    for m in _INLINE.finditer(text) if _TEX_HINT.search(text) is not None else ():
        if _TEX.search(m.group(1)) and "${" not in m.group(1) and not in_code(m.start()) and not _inside(m.start(), found):
            found.append((m.start(), m.end()))
    return sorted(found)


def _inside(offset: int, ranges: "list[tuple[int, int]]") -> bool:
    return any(start <= offset < end for start, end in ranges)


def _merged(ranges: "list[tuple[int, int]]") -> list[tuple[int, int]]:
    """``ranges`` (sorted) with those that overlap or touch made one."""
    merged: list[tuple[int, int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def mask_math(body: Body, text: str, index: LineIndex) -> None:
    """Mask the formulas of ``body``'s prose; ``text`` is the file's text, which the prose's
    offsets (and ``index``'s lines) point into."""
    code = sorted((index.line_start(block.start_line), index.line_end(block.end_line)) for block in body.code_blocks)
    ranges = _merged(math_ranges(text, code))
    if not ranges:
        return
    starts = [start for start, _ in ranges]
    for span in body.prose:
        start, end = span.offset(0), span.end_offset(len(span.text))
        # Only the formulas that meet the span are asked about its characters: a page of many
        # formulas and long prose would ask each character of each.
        first = max(bisect_right(starts, start) - 1, 0)
        near = [(a, b) for a, b in ranges[first : bisect_left(starts, end)] if a < end and start < b]
        if not near:
            continue
        masked = [MASK if _inside(offset, near) else ch for ch, offset in zip(span.text, span.offsets())]
        span.text = "".join(masked)
