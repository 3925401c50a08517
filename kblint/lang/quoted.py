"""Text an article quotes rather than writes: the text of a link to a pull request, an issue
or a commit, which release notes and weekly digests copy from the change's own title
(``[Keep " in key nmaes](https://git.example.com/kb/tool/pull/41)``), and the rest of a change
log's entry that names its change (a link to it by its id or its commit's hash at the item's
start, or at its end as conventional-changelog writes it, GitHub's generated "<title> by
@author in …/pull/n", or a commit's subject written as conventional commits write them,
"docs(site): fix the lnik (#441)"). Its spelling and its marks are its author's:
prose rules neither report nor fix them there."""

from __future__ import annotations

import re
from typing import Any

from kblint.model.patterns import lazy_pattern
from kblint.model.text import KANA_HAN_HANGUL_CHARACTER

# A change on a code host: …/pull/537, …/issues/12, …/commit/0a1b2c3, …/merge_requests/8
# (GitHub, GitLab, Gitea and their kind), after an owner's or a project's path.
_CHANGE_URL = lazy_pattern(r"https?://[^/\s]+/[^?#\s]+/(?:pull|pulls|issues|commit|commits|merge_requests)/[0-9a-f]", re.IGNORECASE)
# An issue in a tracker: Jira's …/browse/ROCKETMQ-208.
_ISSUE_URL = lazy_pattern(r"https?://[^/\s]+/(?:[^?#\s]+/)?browse/[A-Z][A-Z0-9]*-\d+")
# A change or an issue named by its id alone: #698, ISSUE #698, ROCKETMQ-208, GH-12.
_CHANGE_ID = lazy_pattern(r"\[?(?:(?:issue|pr|pull request) ?)?#\d+\]?|\[?[A-Z][A-Z0-9]*-\d+\]?", re.IGNORECASE)
# A commit named by its hash: 3a941d669, `77c1b4d`.
_COMMIT_HASH = lazy_pattern(r"`?[0-9a-f]{7,40}`?")
# What may follow a link that closes an entry: "))" of "([77c1b4d](…))", spaces.
_ENTRY_END = lazy_pattern(r"[ \t)\]]*")
# A commit's subject as conventional commits write it, with the pull request that merged it:
# "* docs(site): fix the lnik (#441)".
_CONVENTIONAL_ENTRY = lazy_pattern(
    r"(?m)^[ \t]*[*+-][ \t]+(?P<title>(?:feat|fix|docs?|chore|test|refactor|perf|style|build|ci|revert|deps)"
    r"(?:\([^()\n]*\))?!?:[ \t][^\n]*?\(#\d+\))[ \t]*$"
)
# A list item that opens with such a link, before the title it quotes: "* [", "- ", "1. ".
_ENTRY_START = lazy_pattern(r"[ \t]*(?:[*+-]|\d+[.)])[ \t]+\[?[ \t]*")
# GitHub's generated release notes: "* <title> by @<author> in https://github.com/<owner>/<repo>/pull/<n>".
_GENERATED_ENTRY = lazy_pattern(r"(?m)^[ \t]*[*+-][ \t]+(?P<title>[^\n]+?) by @[\w-]+(?:\[bot\])? in https?://\S+/pull/\d+")


def quoted_titles(doc: Any) -> list[tuple[int, int]]:
    """(start, end) file offsets of each link to a change (see ``_CHANGE_URL``): its text
    quotes the change's title; and of a change log's entry that names its change (a link
    to it by its id or its commit's hash at the item's start, or by the hash at its end,
    GitHub's "by @author in …/pull/n" after it, a conventional commit's subject with its pull
    request): the rest of its line quotes the title, unless written in Chinese, Japanese or
    Korean (the notes' own translation of it)."""
    titles, text = [], doc.text
    for link in doc.body.links:
        change = not link.image and _CHANGE_URL.match(link.url) is not None
        if change:
            titles.append((link.start, link.end))
        named = link.text.strip() or _label(text, link)
        if (change or (not link.image and _ISSUE_URL.match(link.url))) and _CHANGE_ID.fullmatch(named):
            titles.extend(_rest_of_an_entry(text, link))
        elif change and "/commit" in link.url and _COMMIT_HASH.fullmatch(named):
            titles.extend(_rest_of_an_entry(text, link) or _start_of_an_entry(text, link))
    if " by @" in text:
        # (A title in Chinese, Japanese or Korean is the notes' own translation of it.)
        titles.extend((m.start("title") - 1, m.end("title")) for m in _GENERATED_ENTRY.finditer(text) if not KANA_HAN_HANGUL_CHARACTER.search(m.group("title")))
    if "(#" in text:
        titles.extend((m.start("title") - 1, m.end("title")) for m in _CONVENTIONAL_ENTRY.finditer(text) if not KANA_HAN_HANGUL_CHARACTER.search(m.group("title")))
    return titles


def _rest_of_an_entry(text: str, link: Any) -> list[tuple[int, int]]:
    """The rest of the line after ``link``, where the link opens a list item: the title of
    the change it names, unless written in Chinese, Japanese or Korean (the notes' own
    translation of it, its writer's text)."""
    line_start, end = _line_of(text, link)
    if _ENTRY_START.fullmatch(text, line_start, link.start) and not KANA_HAN_HANGUL_CHARACTER.search(text, link.end, end):
        return [(link.end - 1, end)]
    return []


def _line_of(text: str, link: Any) -> tuple[int, int]:
    """(start, end) file offsets of the line that holds ``link`` (its end before the line
    break)."""
    end = text.find("\n", link.end)
    return text.rfind("\n", 0, link.start) + 1, len(text) if end < 0 else end


def _label(text: str, link: Any) -> str:
    """The text a link's label writes, where its plain text is empty (a code span alone:
    "[`3a941d6`](…)")."""
    close = text.find("](", link.start, link.end)
    return text[link.start + 1 : close].strip() if text.startswith("[", link.start) and close > 0 else ""


def _start_of_an_entry(text: str, link: Any) -> list[tuple[int, int]]:
    """The list item's text before ``link``, where the link (its commit) closes the item, as
    conventional-changelog writes an entry: "- **theme:** the title ([#26](…)) ([77c1b4d](…))"."""
    line_start, end = _line_of(text, link)
    item = _ENTRY_START.match(text, line_start, link.start)
    if item is None or not _ENTRY_END.fullmatch(text, link.end, end) or KANA_HAN_HANGUL_CHARACTER.search(text, line_start, link.start):
        return []
    return [(item.end() - 1, link.start)]


def in_quoted_title(titles: list[tuple[int, int]], offset: int) -> bool:
    """Does the file offset lie in one of ``titles`` (see ``quoted_titles``)?"""
    return any(start < offset < end for start, end in titles)
