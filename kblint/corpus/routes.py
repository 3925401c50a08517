"""Routes a site's own router serves (broken-link and redirected-link): on a site whose builder
kblint does not know, an address that names an article by its name and the folders above it
is served by code, not read from a file, and cannot be checked here."""

from __future__ import annotations

import re
from typing import Iterable

from kblint.kb.links import PAGE_SUFFIXES

_LOCALE_PART = re.compile(r"(?i:en|zh|cn|zh[-_](?:cn|tw|hk|hans|hant)|en[-_]us|ja|ko)")


class OwnRoutes:
    """The articles of a knowledge base by each name a route may give them, made on first use:
    an index of the corpus (``Corpus.index("own-routes", OwnRoutes)``) that both rules share,
    made again once an article is added or removed."""

    def __init__(self, corpus) -> None:
        self._paths: Iterable[str] = corpus.paths
        self._articles: dict[str, list[list[str]]] | None = None
        self._made_of: frozenset[str] = frozenset()  # the pages the index was made of

    def before(self, corpus, relpath: str) -> None:
        if relpath in self._made_of and relpath not in corpus.paths:
            self._articles = None  # (removed: Corpus.remove takes its path out first)

    def after(self, corpus, relpath: str) -> None:
        if self._articles is not None and relpath not in self._made_of:
            self._articles = None  # (added)

    def serve(self, url: str) -> bool:
        """Is ``url`` (root-absolute, no file's suffix) a route of a site whose builder kblint
        does not know, that names an article of the knowledge base: its last part, less a
        locale, is the article's name or a folder above it, and each part before is in the
        article's path before that (Arco Design's ``/vue/component/tree`` for ``packages/
        web-vue/components/tree/README.en-US.md``, NG-ZORRO's ``/components/time-picker/en``,
        react.dev's ``/reference/react`` for ``src/content/reference/react/index.md``)? Its own
        router serves it, not a file. (``/blog/2024/04/25/x`` is no route of
        ``blog/2024/12/05/x.md``.)"""
        parts = [part.lower() for part in url.partition("#")[0].partition("?")[0].split("/") if part]
        if not parts or "." in parts[-1]:
            return False
        if len(parts) > 1 and _LOCALE_PART.fullmatch(parts[-1]):
            parts.pop()
        *before, name = parts
        for path in self._by_name().get(name, ()):
            above = path[: path.index(name)]
            if all(any(part in other for other in above) for part in before):
                return True
        return False

    def serve_relative(self, url: str, page: str) -> bool:
        """Is ``url``, written from the article at ``page`` as a name alone (``affix``,
        ``./tooltip#props``: no folder, no file's suffix), the route of the page or of a
        sibling, an article whose path is the page's but for one part, that name
        (``src/affix/demos/enUS/index.demo-entry.md`` beside ``src/anchor/demos/enUS/…``)? A
        site's own router resolves it from the page's address, the sibling's folder and all."""
        path = url.partition("#")[0].partition("?")[0]
        parts = [part for part in path.split("/") if part not in ("", ".")]
        if len(parts) != 1 or path.endswith("/") or "." in parts[0]:
            return False
        name = parts[0].lower()
        own = page.lower().split("/")
        own[-1] = own[-1].partition(".")[0]
        for other in self._by_name().get(name, ()):
            if len(other) != len(own):
                continue
            differing = [k for k, (a, b) in enumerate(zip(own, other)) if a != b]
            if differing == [other.index(name)]:
                return True  # a sibling's route, by the part that names it
            if not differing and self._siblings_differ_at(own, own.index(name)):
                return True  # the page's own, by the part that names it among its siblings
        return False

    def _siblings_differ_at(self, own: list[str], at: int) -> bool:
        """Has the page whose path's parts are ``own`` a sibling whose path differs from it
        only at part ``at`` (``src/form/…`` and ``src/anchor/…``: the part names a page, not a
        folder every page has, as ``demos``)?"""
        kept = own[-1] if at != len(own) - 1 else own[0]
        for other in self._by_name().get(kept, ()):
            if len(other) == len(own) and other[at] != own[at] and all(a == b for k, (a, b) in enumerate(zip(own, other)) if k != at):
                return True
        return False

    def _by_name(self) -> dict[str, list[list[str]]]:
        """The parts of each article's path (lower case, its file's name without suffixes), by
        each name a route may give it: its file's name and the folders above it."""
        if self._articles is None:
            self._articles = {}
            self._made_of = frozenset(path for path in self._paths if path.endswith(PAGE_SUFFIXES))
            for path in self._made_of:
                parts = path.lower().split("/")
                parts[-1] = parts[-1].partition(".")[0]
                for name in dict.fromkeys(parts):
                    self._articles.setdefault(name, []).append(parts)
        return self._articles
