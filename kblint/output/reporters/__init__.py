"""Reporters turn sorted findings into text for people or machines. They never decide what is
wrong: every finding they are given is printed."""

from __future__ import annotations

from typing import Callable

from kblint.output.reporters.report import Report, printable, summarize

__all__ = ["FORMATS", "Report", "get_reporter", "printable", "summarize"]


def get_reporter(name: str) -> Callable[[Report], str]:
    if name == "text":
        from kblint.output.reporters.text import render
    elif name == "json":
        from kblint.output.reporters.json import render
    elif name == "github":
        from kblint.output.reporters.github import render
    elif name == "gitlab":
        from kblint.output.reporters.gitlab import render
    elif name == "sarif":
        from kblint.output.reporters.sarif import render
    else:
        raise KeyError(name)
    return render


FORMATS = ("text", "json", "github", "gitlab", "sarif")
