"""Pairing opening and closing marks (quotes, brackets) within a prose span, nesting allowed.
Shared by unbalanced-quote and unbalanced-bracket."""

from __future__ import annotations

import re
from typing import Callable, Iterator

from kblint.model.finding import Finding
from kblint.lang.quoted import in_quoted_title, quoted_titles
from kblint.model.text import MASK


class MarkPairer:
    """Pairs marks in text order. ``same`` maps marks that pair with each other's partners to
    one form (a full-width （ closed by a half-width ) is one pair: the width is
    cjk-punctuation's business). Linear: open marks are counted, not searched for."""

    def __init__(self, pairs: dict[str, str], same: dict[str, str] | None = None) -> None:
        self.same = same or {}
        self.pairs = pairs
        self.closers = {close: open_ for open_, close in pairs.items()}
        self.stack: list[tuple[int, str, str]] = []  # (index, opener as paired, as written)
        self.counts: dict[str, int] = {}
        self.problems: list[tuple[int, str]] = []

    def is_open(self, opener: str) -> bool:
        return self.counts.get(self.same.get(opener, opener), 0) > 0

    def _pop(self) -> tuple[int, str, str]:
        index, mark, written = self.stack.pop()
        self.counts[mark] -= 1
        return index, mark, written

    def feed(self, index: int, written: str, lone_closer_is_fine: bool = False) -> None:
        """One mark at ``index``. A closer with no opener at all is a problem unless
        ``lone_closer_is_fine`` (an enumeration such as "a)")."""
        mark = self.same.get(written, written)
        if mark in self.pairs:
            self.stack.append((index, mark, written))
            self.counts[mark] = self.counts.get(mark, 0) + 1
            return
        opener = self.closers.get(mark)
        if opener is not None:
            self.close(index, written, opener, lone_closer_is_fine)

    def close(self, index: int, written: str, opener: str, lone_closer_is_fine: bool = False) -> None:
        """The mark ``written`` at ``index`` closes ``opener`` (the innermost open one, when
        marks opened inside it were never closed)."""
        mark = self.same.get(written, written)
        if self.stack and self.stack[-1][1] == opener:
            self._pop()
        elif self.counts.get(opener, 0) > 0:
            # Marks opened inside this pair and never closed.
            while self.stack[-1][1] != opener:
                inner, _, inner_written = self._pop()
                self.problems.append((inner, f"opening {inner_written} is never closed"))
            self._pop()
        elif not lone_closer_is_fine:
            partner = next((o for o, c in self.pairs.items() if c == mark), opener)
            partner = next((w for w, m in self.same.items() if m == partner and _same_width(w, written)), partner)
            self.problems.append((index, f"closing {written} has no opening {partner}"))

    def finish(self) -> list[tuple[int, str]]:
        """Every problem, in text order, once all marks were fed."""
        messages: dict[str, str] = {}  # by opener as written: the same few marks repeat
        for index, mark, written in self.stack:
            message = messages.get(written)
            if message is None:
                closer = self.pairs[mark]
                closer = next((w for w, m in self.same.items() if m == closer and _same_width(w, written)), closer)
                message = messages[written] = f"opening {written} is never closed (expected {closer})"
            self.problems.append((index, message))
        self.stack = []
        self.counts = {}
        return sorted(self.problems)


def _same_width(a: str, b: str) -> bool:
    return (a > "\u2fff") == (b > "\u2fff")


def span_findings(
    rule,
    doc,
    unbalanced: Callable[[str], list[tuple[int, str]]],
    marks: "re.Pattern[str]",
    paired_across: "Callable[[list], set] | None" = None,
) -> Iterator[Finding]:
    """A finding at each unpaired mark of each prose span of ``doc``, quoting its context.
    ``marks`` finds the marks ``unbalanced`` looks at: an article without any is done at once.
    ``paired_across``: given (span index, span, problems) of the spans with problems, the
    (span index, mark index) of the marks that pair across spans (a quotation over paragraphs)."""
    joined = doc.joined_prose
    titles = None  # the links whose text quotes a change's title: asked once a mark is unpaired
    # Only the spans that hold a mark: most prose holds none, and ``unbalanced`` looks at a
    # span's every character before its marks.
    found = [(k, joined.spans[k], problems) for k in joined.spans_with(marks) if (problems := unbalanced(joined.spans[k].text))]
    paired = paired_across(found) if paired_across is not None and len(found) > 1 else set()
    for k, span, problems in found:
        for index, problem in problems:
            if (k, index) in paired:
                continue
            titles = quoted_titles(doc) if titles is None else titles
            if in_quoted_title(titles, span.offset(index)):
                continue  # a pull request's title, as its author wrote it
            context = span.text[index : index + 24].split("\n")[0].replace(MASK, "…")
            yield rule.finding(doc, span.offset(index), span.end_offset(index + 1), f"{problem}: '{context}'")

