"""The corpus: every article's summary by path, id and locale, and the reference graph."""

from __future__ import annotations

from bisect import bisect_left
from functools import cached_property
from heapq import merge
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Protocol

from kblint.kb.helpcenter import parse_address
from kblint.formats.registry import without_article_suffix
from kblint.kb.links import SITE_ROOT, WIKI, WIKI_PARTS, Resolution, Resolver
from kblint.corpus.summary import RefSummary, Summary

if TYPE_CHECKING:
    from typing import Callable

    import networkx

    from kblint.kb.history import History
    from kblint.kb.redirects import Redirects
    from kblint.kb.site import Site

# Kinds of reference that point at an article (not an image or a place on the same page).
ARTICLE_KINDS = ("mention", "link", "related")


class Index(Protocol):
    """Something a rule derives from the whole corpus once (see ``Corpus.index``) and keeps up
    to date as articles are replaced one by one: ``before`` takes out what the article at a
    path contributes, ``after`` puts back what its new version does."""

    def before(self, corpus: "Corpus", relpath: str) -> None: ...

    def after(self, corpus: "Corpus", relpath: str) -> None: ...


class DerivedStore(Protocol):
    """Where rows a corpus rule derives from articles outlive the run (the cache): a rule that
    counts something over the whole knowledge base keeps each article's (or pair's) share under
    a state (the content hashes it came from), so that a run checking a few files recounts only
    the shares whose state changed. Rows are (group, key, value)."""

    def derived_changes(self, name: str, states: "Iterable[tuple[str, str]]") -> tuple[list[str], list[str]] | None: ...

    def derived_counts(self, name: str, group: str, key: str) -> dict[str, int]: ...

    def derived_rows(self, name: str, owners: list[str]) -> list[tuple[str, str, str, str]]: ...

    def replace_derived(self, name: str, changed: dict[str, tuple[str, list[tuple[str, str, str]]]], gone: list[str]) -> None: ...


class PairShares(Protocol):
    """How a process takes its share of a corpus's translation pairs (kblint.run.corpus_split):
    ``claims`` gives ranges of indexes of the checked articles, each range this process's alone;
    ``at`` is the index of the translation of the pair given last."""

    at: int

    def claims(self, total: int) -> Iterator[tuple[int, int]]: ...


class Lookup(Protocol):
    """The articles a corpus does not hold, read when a rule asks for them (the cache, in a run
    that checks a few files of a large knowledge base): light summaries of the current version
    of each file, never of one the corpus holds."""

    def with_id(self, article_id: str) -> list[Summary]: ...

    def at(self, relpath: str) -> Summary | None: ...

    def locale_roots(self) -> dict[str, set[str]]: ...

    def identities(self) -> Iterator[tuple[str, str, str]]: ...  # (id, locale, relpath), sorted

    def aliases(self) -> Iterator[tuple[str, str]]: ...  # (alias, relpath): a vault note's names, a page's slug address


class _ReadWhenAsked(dict):
    """A mapping of a corpus with a lookup, whose ``get`` reads what it does not hold yet:
    ``in`` and ``[]`` ask ``get`` (iterating gives only what was read so far)."""

    def __contains__(self, key) -> bool:
        return self.get(key) is not None

    def __getitem__(self, key):
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found


class _ByPath(_ReadWhenAsked):
    """``Corpus.by_path`` with a lookup: an article the corpus does not hold is read when asked."""

    def __init__(self, items: dict, lookup: Lookup) -> None:
        super().__init__(items)
        self._lookup = lookup
        self._absent: set[str] = set()

    def get(self, relpath, default=None):
        found = dict.get(self, relpath)
        if found is None and relpath is not None and relpath not in self._absent:
            found = self._lookup.at(relpath)
            if found is None:
                self._absent.add(relpath)
            else:
                dict.__setitem__(self, relpath, found)
        return default if found is None else found


class _ById(_ReadWhenAsked):
    """``Corpus.by_id`` (and, with ``claims``, ``Corpus.claims``) with a lookup: the versions of
    an id are read when the id is first asked for."""

    def __init__(self, corpus: "Corpus", lookup: Lookup, claims: bool = False) -> None:
        super().__init__()
        self._corpus, self._lookup, self._claims = corpus, lookup, claims

    def _key_id(self, key) -> str | None:
        return key[0] if self._claims and isinstance(key, tuple) else key

    def get(self, key, default=None):
        article_id = self._key_id(key)
        if isinstance(article_id, str):
            self._corpus._read_id(article_id)
        return dict.get(self, key, default)


class _ReadFromLoader:
    """A history of the corpus, taken from its loader when first read (see load_history_with)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = "_" + name

    def __get__(self, corpus: "Corpus | None", owner: type | None = None) -> Any:
        if corpus is None:
            return self
        if getattr(corpus, "_history_loader", None) is not None:
            corpus._load_histories()
        return getattr(corpus, self.slot, None)

    def __set__(self, corpus: "Corpus", value: "History | None") -> None:
        setattr(corpus, self.slot, value)


class Corpus:
    history = _ReadFromLoader()  # git history, when a rule asked for it and there is one
    source_history = _ReadFromLoader()  # the history of source_repo, when configured
    store: DerivedStore | None = None  # set by a run with a cache
    digests: dict[str, str] | None = None  # relpath -> content hash, with the store
    pair_shares: "PairShares | None" = None  # set while a process runs its share of the pairs

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
        lookup: Lookup | None = None,
        site: "Site | None" = None,
    ) -> None:
        """``lookup``: where the articles not among ``summaries`` are read from when a rule asks
        for them (a run of a few files holds only what its rules need)."""
        self._history_loader: "Callable[[], tuple[History | None, History | None]] | None" = None
        self.history = history  # git history, when a rule asked for it and there is one
        self.source_history = source_history  # the history of source_repo, when configured
        # The articles whose findings are wanted (None: all). Their summaries are complete;
        # others may be identities only (id, locale, title), which is all a target needs.
        self.checked = checked
        self.articles: list[Summary] = sorted(summaries, key=lambda s: s.relpath)
        self.source_locale = source_locale
        held = {s.relpath: s for s in self.articles}
        self._lookup = lookup
        self.by_path: dict[str, Summary] = held if lookup is None else _ByPath(held, lookup)
        # Every file of the knowledge base, parsed or not (a binary file, an image or an
        # attachment still exists as a link target).
        self.paths: set[str] = set(known_paths) | set(held) | set(assets)
        self.redirects = redirects
        # Where each locale's tree is: the locale roots its articles were found under.
        roots: dict[str, set[str]] = lookup.locale_roots() if lookup is not None else {}
        for summary in self.articles:
            roots.setdefault(summary.locale, set()).add(summary.root)
        self.locale_roots: dict[str, list[str]] = {locale: sorted(found) for locale, found in roots.items()}
        self.site = site  # how the site serves the files (kblint.kb.site)
        self.resolver = Resolver(self.paths, self.locale_roots, site)
        self._read_ids: set[str] = set()
        self.claims: dict[tuple[str, str], list[Summary]] = {} if lookup is None else _ById(self, lookup, claims=True)
        for summary in self.articles:
            if summary.id:
                dict.setdefault(self.claims, (summary.id, summary.locale), []).append(summary)
        self.by_id: dict[str, dict[str, Summary]] = {} if lookup is None else _ById(self, lookup)
        for (article_id, locale), claimants in dict.items(self.claims):
            dict.setdefault(self.by_id, article_id, {})[locale] = claimants[0]
        self.help_center_hosts = self._help_center_hosts()
        for summary in self.articles:
            for ref in summary.references:
                if ref.style is not None:
                    self.resolve(summary, ref)
        self._indexes: dict[str, Any] = {}
        self.id_changes = 0  # counts changes to the set of ids (for lists kept by id)

    def load_history_with(self, loader: "Callable[[], tuple[History | None, History | None]]") -> None:
        """Take the histories from ``loader`` when a rule first reads one: a session's corpus
        without a translation pair never waits for git (only pairs read the history), and one
        that gains a pair later reads it then. (Not for a corpus a forked process reads: the
        loader waits on the parent's git.)"""
        self._history_loader = loader

    def _load_histories(self) -> None:
        loader, self._history_loader = self._history_loader, None
        if loader is not None:
            self._history, self._source_history = loader()

    @property
    def reads_on_demand(self) -> bool:
        """Does it read the articles it does not hold from the cache when a rule asks?"""
        return self._lookup is not None

    def _help_center_hosts(self) -> set[str]:
        """The hosts this knowledge base's help center answers on, as its articles show them:
        the host of an article's own page (``html_url``), and a host whose
        ``/hc/…/articles/{id}`` links name articles of this knowledge base (a help center's ids
        are its own: another help center's link names none of them)."""
        hosts = set()
        elsewhere = []
        for summary in self.articles:
            page = summary.state.get("html_url") if summary.state else None
            address = parse_address(page) if isinstance(page, str) else None
            if address is not None and address.host:
                hosts.add(address.host)
            elsewhere.extend(ref for ref in summary.references if ref.style == "article-elsewhere")
        for ref in elsewhere:
            address = parse_address(ref.url or "")
            if address is not None and address.host not in hosts and self.by_id.get(ref.target):
                hosts.add(address.host)
        return hosts

    def _read_id(self, article_id: str) -> None:
        """The versions of ``article_id`` the lookup has, added to the claims (once per id)."""
        if self._lookup is None or article_id in self._read_ids:
            return
        self._read_ids.add(article_id)
        for found in self._lookup.with_id(article_id):
            summary = dict.get(self.by_path, found.relpath)
            if summary is None:
                dict.__setitem__(self.by_path, found.relpath, found)
                summary = found
            claimants = dict.setdefault(self.claims, (summary.id, summary.locale), [])
            if not any(c is summary for c in claimants):
                claimants.append(summary)
                claimants.sort(key=lambda c: c.relpath)
                dict.setdefault(self.by_id, summary.id, {})[summary.locale] = claimants[0]

    def pair_paths(self) -> Iterator[tuple[str, str]]:
        """(source, translation) paths of every translation pair of the knowledge base, as
        ``translation_pair`` pairs them, without reading the articles a lookup has: what a rule
        that keeps a share per pair needs to know which shares changed."""
        if self._lookup is None:
            for versions in self.by_id.values():
                original = versions.get(self.source_locale)
                if original is not None:
                    yield from ((original.relpath, t.relpath) for locale, t in versions.items() if locale != self.source_locale)
            return
        for _, group in groupby(self._all_identities(), key=itemgetter(0)):
            first: dict[str, str] = {}
            for _, locale, relpath in group:
                first.setdefault(locale, relpath)  # sorted: the first claimant, as in claims
            original = first.get(self.source_locale)
            if original is not None:
                yield from ((original, relpath) for locale, relpath in first.items() if locale != self.source_locale)

    def article_paths(self) -> Iterator[tuple[str, str]]:
        """(locale, relpath) of every article of the knowledge base with an id, without
        reading the articles a lookup has."""
        if self._lookup is None:
            yield from ((s.locale, s.relpath) for s in self.articles if s.id)
            return
        seen: set[str] = set()
        for _, locale, relpath in self._all_identities():
            if relpath not in seen:
                seen.add(relpath)
                yield locale, relpath

    def _all_identities(self) -> Iterator[tuple[str, str, str]]:
        """(id, locale, relpath) of every article with an id, sorted: the lookup's stream merged
        with the articles held (an article held may be one the lookup has too)."""
        held = sorted((s.id, s.locale, s.relpath) for s in self.articles if s.id)
        return merge(self._lookup.identities(), held)

    def index(self, name: str, build: "Callable[[Corpus], Any]") -> Any:
        """The index ``name``, built by ``build(corpus)`` on first use and kept while articles
        are replaced (it must have ``before`` and ``after``, see ``Index``)."""
        found = self._indexes.get(name)
        if found is None:
            found = self._indexes[name] = build(self)
        return found

    def remove(self, relpath: str) -> None:
        """Take the article at ``relpath`` out of the corpus (its file is gone)."""
        old = self.by_path.get(relpath)
        self.paths.discard(relpath)
        self.resolver = Resolver(self.paths, self.locale_roots, self.site)
        if old is None:
            return
        for found in self._indexes.values():
            found.before(self, relpath)
        del self.by_path[relpath]
        self.articles.pop(bisect_left(self.articles, relpath, key=lambda s: s.relpath))
        self._claim(old, None)
        self.__dict__.pop("graph", None)
        self.__dict__.pop("alias_names", None)
        self.__dict__.pop("addresses", None)
        self.__dict__.pop("_aliases", None)

    def _claim(self, old: Summary | None, new: Summary | None) -> None:
        """``new`` claims its (id, locale) in the place of ``old``: claims and by_id follow."""
        if old is not None and old.id:
            claimants = self.claims.get((old.id, old.locale), [])
            claimants[:] = [c for c in claimants if c is not old]  # this one, not an equal one
        if new is not None and new.id:
            claimants = self.claims.setdefault((new.id, new.locale), [])
            claimants.append(new)
            claimants.sort(key=lambda s: s.relpath)
        for summary in (old, new):
            if summary is None or not summary.id:
                continue
            claimants = self.claims.get((summary.id, summary.locale))
            if summary.id not in self.by_id:
                self.id_changes += 1
            versions = self.by_id.setdefault(summary.id, {})
            if claimants:
                versions[summary.locale] = claimants[0]
            else:
                self.claims.pop((summary.id, summary.locale), None)
                versions.pop(summary.locale, None)
                if not versions:
                    del self.by_id[summary.id]
                    self.id_changes += 1

    def replace(self, summary: Summary) -> None:
        """Put ``summary`` in the place of the article at its path, or add it: the language
        server's corpus follows the articles as they are edited. Light summaries of the others
        stay as they are; indexes follow (see ``index``); the graph is made again when asked."""
        relpath = summary.relpath
        for found in self._indexes.values():
            found.before(self, relpath)
        old = self.by_path.get(relpath)
        self.by_path[relpath] = summary
        at = bisect_left(self.articles, relpath, key=lambda s: s.relpath)
        if old is not None:
            self.articles[at] = summary
        else:
            self.articles.insert(at, summary)
        self._claim(old, summary)
        roots = self.locale_roots.setdefault(summary.locale, [])
        if relpath not in self.paths or summary.root not in roots:
            self.paths.add(relpath)
            if summary.root not in roots:
                roots.append(summary.root)
                roots.sort()
                self.__dict__.pop("roots", None)
            self.resolver = Resolver(self.paths, self.locale_roots, self.site)
        for ref in summary.references:
            if ref.style is not None:
                self.resolve(summary, ref)
        if old is not None and old.id != summary.id:
            # Links by path to this article now reach another identity.
            for other in self.articles:
                for ref in other.references:
                    if ref.style is not None and ref.resolved == relpath:
                        self.resolve(other, ref)
        self.__dict__.pop("graph", None)
        self.__dict__.pop("alias_names", None)
        self.__dict__.pop("addresses", None)
        self.__dict__.pop("_aliases", None)
        for found in self._indexes.values():
            found.after(self, relpath)

    def resolve(self, summary: Summary, ref: RefSummary) -> None:
        """Find the file a link of ``summary`` reaches; a link to an article then refers to
        that article's identity."""
        if ref.style == "same-page":
            ref.resolved = summary.relpath
            return
        if ref.style == "article-elsewhere":
            address = parse_address(ref.url or "")
            if address is None or address.host not in self.help_center_hosts:
                ref.target, ref.style = None, None  # another help center's article
                return
            ref.style = "article"
        if ref.style == "article":
            # A help center's /hc/{locale}/articles/{id}: that locale's version, else (no locale
            # named, or none in that locale) the reader's own, which the site would serve.
            versions = self.by_id.get(ref.target, {}) if ref.target else {}
            found = versions.get(ref.link_locale or summary.locale) or (None if ref.link_locale else versions.get(self.source_locale))
            ref.resolved, ref.case_path, ref.folder, ref.generated = (found.relpath if found is not None else None), None, False, False
            return
        found = self.resolver.resolve(ref.bases)
        if found.path is None:
            named = next((path for locale, path in ref.bases if locale == WIKI), None)
            if named is not None:  # in a vault: a name an alias may give
                found = self._by_alias(named) or found
            elif self.addresses:
                found = self._by_address(ref.bases) or found
        ref.resolved, ref.case_path, ref.folder, ref.generated = found.path, found.case_path, found.folder, found.generated
        if found.path is not None and ref.kind in ARTICLE_KINDS:
            article = self.by_path.get(found.path)
            if article is not None:
                ref.target = article.id

    @cached_property
    def roots(self) -> list[str]:
        """Every locale root, longest first (the first that holds a path is its root)."""
        return sorted({root for found in self.locale_roots.values() for root in found if root}, key=len, reverse=True)

    def _by_alias(self, base: str) -> Resolution | None:
        """The note of a vault that a name a link gives (a wiki base: the vault's root, the
        linking note's folder, the name) names by one of its aliases."""
        root, _, name = base.split(WIKI_PARTS)
        paths = self.alias_names.get(without_article_suffix(name).casefold(), ())
        inside = [path for path in paths if not root or path.startswith(root + "/")]
        return Resolution(inside[0]) if inside else None

    def resolve_bases(self, bases: tuple[tuple[str, str], ...]) -> Resolution:
        """The file one of ``bases`` names, or the page a site serves there by its front
        matter (a slug, a doc's id)."""
        found = self.resolver.resolve(bases)
        return (self._by_address(bases) or found) if found.path is None and self.addresses else found

    def _by_address(self, bases: tuple[tuple[str, str], ...]) -> Resolution | None:
        """The page a site serves at one of ``bases`` by its front matter (a slug), the
        first base's first."""
        for base in bases:
            if base[0] == WIKI:
                continue
            for path in self.resolver.concrete(base):
                found = self.addresses.get(path.strip("/"))
                if found is not None and not self._other_locale(found, base[0]):
                    return Resolution(found)
        return None

    def _other_locale(self, relpath: str, locale: str) -> bool:
        """Is the page at ``relpath`` in another locale than a locale's base names? (Where
        every locale's root is the root, /hooks/x in the Chinese tree is not the English
        page served at /hooks/x, but the Chinese one at /zh-CN/hooks/x.)"""
        article = self.by_path.get(relpath) if locale and locale != SITE_ROOT else None
        return article is not None and article.locale != locale

    @cached_property
    def _aliases(self) -> list[tuple[str, str]]:
        """(alias, relpath) of the articles held and of those the lookup has, by path: a vault
        note's names, and a page's slug address after a "/" (Summary.aliases). Read once for
        ``alias_names`` and ``addresses``."""
        found = [(name, summary.relpath) for summary in self.articles for name in summary.aliases]
        if self._lookup is not None:
            found.extend(self._lookup.aliases())
        return sorted(found, key=itemgetter(1))

    @cached_property
    def addresses(self) -> dict[str, str]:
        """The path of each page by the address its front matter gives it (the aliases
        written after a "/": kblint.kb.links.slug_address), without the "/"; the first page,
        by path, where two give the same."""
        addresses: dict[str, str] = {}
        for name, relpath in (pair for pair in self._aliases if pair[0].startswith("/")):
            addresses.setdefault(name[1:], relpath)
        return addresses

    @cached_property
    def alias_names(self) -> dict[str, list[str]]:
        """The paths of a vault's notes by each name their aliases give them, folded (see
        kblint.corpus.summary._aliases), sorted: the articles held and those the lookup has."""
        names: dict[str, list[str]] = {}
        for name, relpath in (pair for pair in self._aliases if not pair[0].startswith("/")):
            names.setdefault(name.casefold(), []).append(relpath)
        return names

    def article_at(self, relpath: str | None) -> Summary | None:
        return self.by_path.get(relpath) if relpath else None

    @property
    def checked_articles(self) -> list[Summary]:
        if self.checked is None:
            return self.articles
        return [self.by_path[relpath] for relpath in sorted(self.checked) if relpath in self.by_path]

    def checked_ids(self) -> list[str] | None:
        """The ids of the checked articles (None: every article is checked), for rules that
        look at articles by id."""
        if self.checked is None:
            return None
        return sorted({s.id for s in self.checked_articles if s.id})

    def translation_pair(self, translation: Summary) -> tuple[Summary, Summary] | None:
        """(source, translation) when ``translation`` is a translation with a source, and the
        one its locale's version of the article resolves to."""
        if translation.locale == self.source_locale or not translation.id:
            return None
        versions = self.by_id.get(translation.id, {})
        original = versions.get(self.source_locale)
        # A duplicate claimant is not "the" translation: duplicate-id reports it.
        if original is not None and versions.get(translation.locale) is translation:
            return original, translation
        return None

    def checked_translations(self) -> Iterable[tuple[Summary, Summary]]:
        """(source, translation) for every checked translation whose source exists; with
        ``pair_shares``, only those of the checked articles this process claims, the index of
        each pair's translation noted in it as the pair is given (see kblint.run.corpus_split)."""
        articles, shares = self.checked_articles, self.pair_shares
        claimed = [(0, len(articles))] if shares is None else shares.claims(len(articles))
        for start, stop in claimed:
            for k in range(start, stop):
                pair = self.translation_pair(articles[k])
                if pair is not None:
                    if shares is not None:
                        shares.at = k
                    yield pair

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
                    if ref.leads_somewhere:
                        continue  # a file of the knowledge base that is not an article, a generated page
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
