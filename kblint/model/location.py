"""Where something is in a file: one place type for findings, their fixes and the summaries
that corpus rules read."""

from __future__ import annotations

from typing import NamedTuple


class Span(NamedTuple):
    """A resolved place in a file. A tuple, so that thousands of them load fast from the cache."""

    start: int  # offsets in the decoded text
    end: int
    line: int  # 1-based; columns in code points
    column: int
    end_line: int
    end_column: int
