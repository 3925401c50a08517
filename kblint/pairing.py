"""Pairing opening and closing marks (quotes, brackets) within a prose span, nesting allowed.
Shared by unbalanced-quote and unbalanced-bracket."""

from __future__ import annotations

import re
from typing import Callable, Iterator

from kblint.finding import Finding
from kblint.text import MASK


class MarkPairer:
    def __init__(self, pairs: dict[str, str]) -> None:
        self.pairs = pairs
        self.closers = {close: open_ for open_, close in pairs.items()}
        self.stack: list[tuple[int, str]] = []
        self.problems: list[tuple[int, str]] = []

    def is_open(self, opener: str) -> bool:
        return any(mark == opener for _, mark in self.stack)

    def feed(self, index: int, mark: str, lone_closer_is_fine: bool = False) -> None:
        """One mark at ``index``. A closer with no opener at all is a problem unless
        ``lone_closer_is_fine`` (an enumeration such as "a)")."""
        if mark in self.pairs:
            self.stack.append((index, mark))
            return
        opener = self.closers.get(mark)
        if opener is None:
            return
        if self.stack and self.stack[-1][1] == opener:
            self.stack.pop()
        elif self.is_open(opener):
            # Marks opened inside this pair and never closed.
            while self.stack[-1][1] != opener:
                inner, inner_mark = self.stack.pop()
                self.problems.append((inner, f"opening {inner_mark} is never closed"))
            self.stack.pop()
        elif not lone_closer_is_fine:
            self.problems.append((index, f"closing {mark} has no opening {opener}"))

    def finish(self) -> list[tuple[int, str]]:
        """Every problem, in text order, once all marks were fed."""
        self.problems.extend(
            (index, f"opening {mark} is never closed (expected {self.pairs[mark]})") for index, mark in self.stack
        )
        self.stack = []
        return sorted(self.problems)


def span_findings(
    rule, doc, unbalanced: Callable[[str], list[tuple[int, str]]], marks: "re.Pattern[str]"
) -> Iterator[Finding]:
    """A finding at each unpaired mark of each prose span of ``doc``, quoting its context.
    ``marks`` finds the marks ``unbalanced`` looks at: an article without any is done at once."""
    if marks.search(doc.joined_prose.text) is None:
        return
    for span in doc.md.prose:
        for index, problem in unbalanced(span.text):
            context = span.text[index : index + 24].split("\n")[0].replace(MASK, "…")
            yield rule.finding(doc, span.offset(index), span.end_offset(index + 1), f"{problem}: '{context}'")
