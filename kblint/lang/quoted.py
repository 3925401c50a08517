"""Text an article quotes rather than writes: the text of a link to a pull request, an issue
or a commit, which release notes and weekly digests copy from the change's own title
(``[Keep " in key nmaes](https://git.example.com/kb/tool/pull/41)``). Its spelling and its
marks are its author's: prose rules neither report nor fix them there."""

from __future__ import annotations

import re
from typing import Any

# A change on a code host: …/pull/537, …/issues/12, …/commit/0a1b2c3, …/merge_requests/8
# (GitHub, GitLab, Gitea and their kind), after an owner's or a project's path.
_CHANGE_URL = re.compile(r"https?://[^/\s]+/[^?#\s]+/(?:pull|pulls|issues|commit|commits|merge_requests)/[0-9a-f]", re.IGNORECASE)


def quoted_titles(doc: Any) -> list[tuple[int, int]]:
    """(start, end) file offsets of each link to a change (see ``_CHANGE_URL``): its text
    quotes the change's title."""
    return [(link.start, link.end) for link in doc.body.links if not link.image and _CHANGE_URL.match(link.url)]


def in_quoted_title(titles: list[tuple[int, int]], offset: int) -> bool:
    """Does the file offset lie in one of ``titles`` (see ``quoted_titles``)?"""
    return any(start < offset < end for start, end in titles)
