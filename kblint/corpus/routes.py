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

    def serve_relative(self, url: str) -> bool:
        """Is ``url``, written from a page (``affix``, ``../select#props``; no file's suffix,
        no folder's slash at its end), a route (see ``serve``) of the articles its parts name?
        A site's own router resolves it from the page's address, which kblint does not know:
        the parts that climb (``..``) are left to it."""
        path = url.partition("#")[0].partition("?")[0]
        if not path or path.endswith("/") or "://" in path:
            return False
        parts = [part for part in path.split("/") if part not in ("", ".", "..")]
        return bool(parts) and self.serve("/" + "/".join(parts))

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
