"""Help-center addresses: ``https://HOST/hc/{locale}/articles/{id}-{slug}`` and its kin.

A help center (Zendesk Guide and the platforms that copy its paths) serves an article at
``/hc/{locale}/articles/{id}``, any slug after the id (it may be stale or translated: only
the id matters), and without the locale (the reader's own is then chosen). Articles of a
help-center export know themselves by that id; a link there is a reference to the article,
when it is on one of the help center's own hosts: a path with no host, a configured
``help_center_hosts`` entry, or the host of the linking article's own address (its
``html_url``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping
from urllib.parse import unquote

from kblint.model.patterns import lazy_pattern

_ADDRESS = lazy_pattern(
    r"(?:(?:https?:)?//(?P<host>[^/?#\s]+))?/hc/"
    r"(?:(?P<locale>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,4}){0,2})/)?"
    r"(?P<kind>articles|sections|categories|article_attachments)/(?P<id>[0-9]{3,})"
    r"(?P<slug>-[^/?#]*)?/?(?:\?[^#]*)?(?:#(?P<fragment>.*))?",
    re.IGNORECASE,
)
# Where metadata names the article's own address: Zendesk's API field, and the keys archives
# and site generators write it under.
ADDRESS_KEYS = ("html_url", "link", "url", "canonical")


@dataclass(frozen=True)
class HelpCenterAddress:
    """A help-center address split into its parts (host, locale, kind of page, id, fragment)."""

    host: str | None  # lower case; None for a path
    locale: str | None  # as written (en-us, zh-tw)
    kind: str  # articles, sections, categories or article_attachments
    id: str
    fragment: str | None  # percent-decoded, without "#"


def parse_address(url: str) -> HelpCenterAddress | None:
    """The help-center address ``url`` is, or None."""
    if "/hc/" not in url:
        return None
    m = _ADDRESS.fullmatch(url.strip())
    if m is None:
        return None
    fragment = m.group("fragment")
    host = m.group("host")
    return HelpCenterAddress(
        host.lower() if host else None, m.group("locale"), m.group("kind").lower(), m.group("id"),
        unquote(fragment) if fragment is not None else None,
    )  # fmt: skip


def own_address(front: Mapping[str, Any]) -> HelpCenterAddress | None:
    """The article's own help-center address, as its metadata gives it."""
    for key in ADDRESS_KEYS:
        value = front.get(key)
        if isinstance(value, str):
            found = parse_address(value)
            if found is not None and found.kind == "articles":
                return found
    return None


def own_hosts(front: Mapping[str, Any], configured: list[str]) -> frozenset[str]:
    """The hosts whose help-center links are this knowledge base's: the configured ones and
    the host of the article's own address."""
    hosts = {host.lower() for host in configured}
    found = own_address(front)
    if found is not None and found.host:
        hosts.add(found.host)
    return frozenset(hosts)


def is_export_id(name: str) -> bool:
    """Is ``name`` (a file name's stem or a folder's name) a help-center article id? Zendesk's
    are 6 to 15 digits; a shorter number names a year or a step, not an article."""
    return name.isdigit() and 6 <= len(name) <= 16


def export_id(path: str, stem: str) -> str | None:
    """The help-center article id an export file's name gives (``360012345678.html``) or, for
    an ``index`` page, its folder's (``360012345678/index.html``); ``stem`` is the file's name
    without its suffix, ``path`` the file's path with ``/`` between folders."""
    if is_export_id(stem):
        return stem
    if stem == "index" and "/" in path:
        folder = path.rsplit("/", 2)[-2]
        return folder if is_export_id(folder) else None
    return None
