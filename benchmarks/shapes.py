"""Hostile shapes: one article of 1 MB made of one construct repeated, timed one by one.

    python benchmarks/shapes.py            # every shape, CPU seconds for each
    python benchmarks/shapes.py links      # the shapes whose name contains "links"

Each shape once took minutes because something scanned from every opener, heading or range to
the end of the text. The budget is 10 CPU seconds per megabyte; a shape over it is marked. The
tests lint the same shapes under a generous timeout that only catches a return of the quadratic
scans, so that a slow or busy machine never fails a test.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
if (HERE.parent / "kblint").is_dir():
    sys.path.insert(0, str(HERE.parent))

BUDGET_SECONDS = 10.0

# One unit, repeated to fill a megabyte; None is a code block full of comment openers.
SHAPES: dict[str, str | None] = {
    "link closers": "](",
    "link openers": "[",
    "comment openers": "<!--",
    "unclosed comment lines": "<!-- a\n",
    "headings": "## h\n\n",
    "setext headings": "h\n==\n\n",
    "MDX comment openers": "{/*",
    "alerts": "> [!NOTE]\n",
    "placeholders": "%s {a} <ip address> ",
    "links": "[a](b) ",
    "mixed brackets": "([{",
    "code comment openers": None,
    # HTML articles (a help center's export): elements nested without end, and many of one.
    "HTML nested divs": "<div>a",
    "HTML nested list items": "<ul><li>a",
    "HTML nested quotes": "<blockquote>a",
    "HTML nested cells": "<table><tr><td>a",
    "HTML unclosed links": "<a href='x'>a",
    "HTML doubled words": "<p>the the</p>",
    "HTML headings": "<h2>x</h2>",
    "HTML entities": "&amp;",
}


def shape_body(name: str, size: int = 1_000_000) -> str:
    unit = SHAPES[name]
    if unit is None:
        return "```\n" + "/* " * (size // 3) + "\n```\n"
    return unit * (size // len(unit.encode()))


def lint_shape(name: str, folder: Path):
    """Lint one shape as a one-file knowledge base in folder; returns the file's result."""
    from kblint.run.settings import load_config
    from kblint.run.article import process_file
    from kblint.rules.registry import registry_for

    if name.startswith("HTML"):
        text, path = shape_body(name), folder / "en-us" / "360000010.html"
        path.parent.mkdir()
    else:
        text, path = f"---\nid: KB10\nlang: en\ntitle: T\n---\n\n{shape_body(name)}", folder / "KB10.md"
    path.write_text(text, "utf-8")
    config = load_config(None, folder, memo_dir=False)
    rules = registry_for(config).select(config.select, config.ignore, config.extend_select)
    return process_file(path, path.relative_to(folder).as_posix(), config, rules, True)


def main(argv: list[str]) -> int:
    wanted = [name for name in SHAPES if not argv or any(word in name for word in argv)]
    over = 0
    for name in wanted:
        with tempfile.TemporaryDirectory() as folder:
            started = time.process_time()
            result = lint_shape(name, Path(folder))
            seconds = time.process_time() - started
        over += seconds > BUDGET_SECONDS
        mark = "  over budget" if seconds > BUDGET_SECONDS else ""
        print(f"{name:24} {seconds:6.2f} s CPU  {len(result.findings):5} findings{mark}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
