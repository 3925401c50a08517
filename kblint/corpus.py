"""The corpus: every article's summary by path, id and locale, and the reference graph."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Iterable

from kblint.links import Resolver
from kblint.summary import RefSummary, Summary

if TYPE_CHECKING:
    import networkx

    from kblint.history import History
    from kblint.redirects import Redirects

# Kinds of reference that point at an article (not an image or a place on the same page).
ARTICLE_KINDS = ("mention", "link", "related")


class Corpus:
    def __init__(
        self,
        summaries: Iterable[Summary],
        known_paths: Iterable[str] = (),
        source_locale: str = "en",
        history: "History | None" = None,
        checked: set[str] | None = None,
        assets: Iterable[str] = (),
        redirects: "Redirects | None" = None,
        source_history: "History | None" = None,
    ) -> None:
        self.history = history  # git history, when a rule asked for it and there is one
        self.source_history = source_history  # the history of source_repo, when configured
        # The articles whose findings are wanted (None: all). Their summaries are complete;
        # others may be identities only (id, locale, title), which is all a target needs.
        self.checked = checked
        self.articles: list[Summary] = sorted(summaries, key=lambda s: s.relpath)
        self.source_locale = source_locale
        self.by_path: dict[str, Summary] = {s.relpath: s for s in self.articles}
        # Every file of the knowledge base, parsed or not (a binary file, an image or an
        # attachment still exists as a link target).
        self.paths: set[str] = set(known_paths) | set(self.by_path) | set(assets)
        self.redirects = redirects
        # Where each locale's tree is: the locale roots its articles were found under.
        roots: dict[str, set[str]] = {}
        for summary in self.articles:
            roots.setdefault(summary.locale, set()).add(summary.root)
        self.locale_roots: dict[str, list[str]] = {locale: sorted(found) for locale, found in roots.items()}
        self.resolver = Resolver(self.paths, self.locale_roots)
        self.claims: dict[tuple[str, str], list[Summary]] = {}
        for summary in self.articles:
            if summary.id:
                self.claims.setdefault((summary.id, summary.locale), []).append(summary)
        self.by_id: dict[str, dict[str, Summary]] = {}
        for (article_id, locale), claimants in self.claims.items():
            self.by_id.setdefault(article_id, {})[locale] = claimants[0]
        for summary in self.articles:
            for ref in summary.references:
                if ref.style is not None:
                    self.resolve(summary, ref)

    def resolve(self, summary: Summary, ref: RefSummary) -> None:
        """Find the file a link of ``summary`` reaches; a link to an article then refers to
        that article's identity."""
        if ref.style == "same-page":
            ref.resolved = summary.relpath
            return
        found = self.resolver.resolve(ref.bases)
        ref.resolved, ref.case_path, ref.folder = found.path, found.case_path, found.folder
        if found.path is not None and ref.kind in ARTICLE_KINDS:
            article = self.by_path.get(found.path)
            if article is not None:
                ref.target = article.id

    @cached_property
    def roots(self) -> list[str]:
        """Every locale root, longest first (the first that holds a path is its root)."""
        return sorted({root for found in self.locale_roots.values() for root in found if root}, key=len, reverse=True)

    def article_at(self, relpath: str | None) -> Summary | None:
        return self.by_path.get(relpath) if relpath else None

    @property
    def checked_articles(self) -> list[Summary]:
        if self.checked is None:
            return self.articles
        return [s for s in self.articles if s.relpath in self.checked]

    def checked_translations(self) -> Iterable[tuple[Summary, Summary]]:
        """(source, translation) for every checked translation whose source exists."""
        for translation in self.checked_articles:
            if translation.locale == self.source_locale or not translation.id:
                continue
            versions = self.by_id.get(translation.id, {})
            original = versions.get(self.source_locale)
            # A duplicate claimant is not "the" translation: duplicate-id reports it.
            if original is not None and versions.get(translation.locale) is translation:
                yield original, translation

    def title_of(self, article_id: str, locale: str) -> tuple[str | None, str | None]:
        """The title of ``article_id`` in ``locale``, falling back to the source language.
        Returns the title and the locale it came from."""
        versions = self.by_id.get(article_id, {})
        for candidate in (locale, self.source_locale):
            if candidate in versions and versions[candidate].title:
                return versions[candidate].title, candidate
        return None, None

    @cached_property
    def graph(self) -> "networkx.DiGraph":
        """Articles as nodes (an article is its id; its language versions are attributes),
        references as edges with their kind and position. Missing targets are marked broken."""
        import networkx  # heavy: only when a rule or the graph command needs it

        graph = networkx.DiGraph()
        for article_id, versions in sorted(self.by_id.items()):
            graph.add_node(
                article_id,
                locales=",".join(sorted(versions)),
                title=next((versions[l].title for l in sorted(versions, key=lambda l: l != self.source_locale) if versions[l].title), "") or "",
                paths=",".join(sorted(v.relpath for v in versions.values())),
                broken=False,
            )
        for summary in self.articles:
            for ref in summary.references:
                if ref.kind not in ARTICLE_KINDS or (ref.target is None and ref.style is None):
                    continue
                if ref.target is None:
                    if ref.resolved is not None or ref.folder:
                        continue  # a file of the knowledge base that is not an article
                    # A link to nothing: the path it asked for is a broken node.
                    ref = RefSummary(ref.url or "", ref.kind, ref.span)
                if ref.target not in graph:
                    graph.add_node(ref.target, locales="", title="", paths="", broken=True)
                if graph.has_edge(summary.id, ref.target):
                    data = graph.edges[summary.id, ref.target]
                    data["count"] += 1
                    if ref.kind not in data["kinds"].split(","):
                        data["kinds"] += "," + ref.kind
                    continue
                graph.add_edge(
                    summary.id,
                    ref.target,
                    kinds=ref.kind,
                    path=summary.relpath,
                    line=ref.span.line,
                    column=ref.span.column,
                    count=1,
                )
        return graph
