from __future__ import annotations

import re

from typing import Iterator

from kblint.model.finding import Finding, Severity
from kblint.formats.heading_ids import GUESSABLE, SCHEMES, heading_ids, heading_name, scheme_maker, slug_of
from kblint.kb.linkfix import places
from kblint.kb.vant import heading_ids as vant_heading_ids, site_holding
from kblint.formats.registry import is_article_path
from kblint.rules.api import Rule
from kblint.corpus.contributed import EXPLICIT_HEADINGS

# Fragments a browser understands without an element: the top of the page, a text fragment.
_BUILT_IN = ("", "top")


def check_corpus(corpus, config) -> Iterator[Finding]:
    links = list(_links_to_check(corpus, config))
    if not links:
        return
    scheme, guessed = config.heading_ids, False
    if scheme is None and config.wiki_links:
        scheme = "obsidian"  # a vault's links name headings by their text
    if scheme is None and config.layout is not None:
        scheme = config.layout.heading_ids  # a generator that makes them one way
    if scheme is None:
        scheme, guessed = _guess_scheme(links, corpus, config), True
    anchors_of = _Anchors(scheme, corpus, config)
    elsewhere = _Elsewhere(corpus, anchors_of, config.layout)
    for summary, ref, target in links:
        anchors = anchors_of(target)
        own = anchors_of.site_scheme(target.relpath)  # the scheme of the site that builds the target, if known
        its = own or scheme
        if _named(ref.fragment, its) in anchors or target.relpath in anchors_of.untold or _names_the_title(ref.fragment, target, its):
            continue
        if guessed and own is None and scheme == "github" and _a_heading_as_written(ref.fragment, target):
            # No known scheme explains the site's links better than GitHub's: one of its own
            # that keeps a heading's case in its id (a slugify of its own) may serve this one.
            continue
        if _found_in_any_case(ref.fragment, anchors, its, config.layout) or _as_its_own_ids_may_be(ref.fragment, anchors, target, config.layout):
            continue
        yield _finding(summary, ref, target, list(anchors), its, guessed and own is None, elsewhere)


def _found_in_any_case(fragment: str, anchors, scheme: str, layout) -> bool:
    """Does ``fragment`` name an anchor in another case, on a repository no site builds? It is
    read on GitHub, whose page script finds ``#Setup`` at the heading ``#setup``."""
    if layout is None or not layout.no_site or layout.builder_known or scheme != "github":
        return False
    folded = _element_id(fragment).casefold()
    return any(anchor.casefold() == folded for anchor in anchors)


def _as_its_own_ids_may_be(fragment: str, anchors, target, layout) -> bool:
    """Does ``fragment`` name an anchor but for case and dashes, on a site that makes its ids
    with a function of its own? Such a function (a copy of VitePress's without lower case)
    gives ``Shared Getters`` the id ``Shared-Getters``, ``Vuex 3.x/4.x`` ``Vuex-3-x-4-x``; which
    way it goes is not known here."""
    if layout is None or not layout.ids_of_its_own(target.relpath):
        return False
    loose = _loosely(_element_id(fragment))
    # (VitePress's own ids too: a "." or "/" in a heading is a dash there, dropped in GitHub's)
    made = heading_ids([text for text, _ in target.headings], "vitepress")
    return any(_loosely(anchor) == loose for anchor in (*anchors, *made))


def _loosely(anchor: str) -> str:
    """An anchor without case, and with its runs of dashes one, none at the ends."""
    return _DASHES.sub("-", anchor.casefold()).strip("-")


_DASHES = re.compile(r"-{2,}")


def _a_heading_as_written(fragment: str, target) -> bool:
    """Is ``fragment`` a heading of ``target`` exactly as written, a program's name in camel
    case (``#VirtualListProps``)? A site whose scheme no known one explains may keep an API
    heading's text (Arco Design's site, a VitePress site's own slugify) and serve it so."""
    fragment = _element_id(fragment)
    return _AN_IDENTIFIER.fullmatch(fragment) is not None and any(text.strip() == fragment for text, _ in target.headings)


# A program's name in camel case (VirtualListProps, useLink): what an API page's headings are.
_AN_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9]*[a-z][A-Z][A-Za-z0-9]*")


def _names_the_title(fragment: str, target, scheme: str) -> bool:
    """Does ``fragment`` name the page's title, which no heading repeats (``#objectmeta`` to
    the page titled ObjectMeta, as generated API references link a type)? The reader lands at
    the page's top, where its title is."""
    if not target.title or scheme not in SCHEMES:
        return False
    return _element_id(fragment) in heading_ids([target.title], scheme)


def _named(fragment: str, scheme: str) -> str:
    """What ``fragment`` names under ``scheme``: the anchor, or in a vault the last heading
    of ``Heading#Subheading``, as a heading's text is compared."""
    if scheme == "obsidian":
        return heading_name(fragment.rsplit("#", 1)[-1])
    return _element_id(fragment)


def _element_id(fragment: str) -> str:
    """The part of a fragment that names an element: a text fragment's directive
    (``#intro:~:text=start``) is the browser's, not the page's."""
    return fragment.split(":~:", 1)[0]


def _links_to_check(corpus, config) -> Iterator[tuple]:
    """(article, link, target article) of each link whose #fragment names a place in an
    article of the knowledge base."""
    layout = config.layout
    for summary in corpus.checked_articles:
        # A partial (a dumi demo's description, a Hugo site's unrendered include), whose
        # headings are its page's: its own #fragment names a place on the page that renders it.
        partial = layout is not None and layout.is_partial(summary.relpath)
        for ref in summary.references:
            fragment = ref.fragment
            if fragment is None or _element_id(fragment) in _BUILT_IN or ref.kind == "image":
                continue  # no fragment, the top of the page, a text fragment alone (#:~:text=), an image
            if partial and ref.resolved == summary.relpath:
                continue
            if _element_id(fragment) in config.site_anchors:
                continue  # the site's layout puts it on every page
            target = corpus.article_at(ref.resolved)
            if target is None:
                continue  # a missing file is broken-link's; a file that is not an article has no headings to check
            yield summary, ref, target


class _Anchors:
    """What a #fragment can name in each article under one heading-id scheme, made once per
    article: the stored anchors for GitHub's, the heading ids remade from the headings'
    texts for another (with the ids and names the page gives itself), and those of the
    partials it renders. A page of a Vant CLI site has that site's ids, under any scheme; where
    one of its headings is not ASCII (transliterated, which is not done here), the anchors not
    found on it are ``untold``, as are those of an AntV example's page, which name its demos."""

    def __init__(self, scheme: str, corpus, config) -> None:
        self.scheme = scheme
        self.corpus = corpus
        self.vant = config.layout.vant if config.layout is not None else ()
        self.layout = config.layout
        # A MkDocs site makes its pages' ids its own way, whatever the rest of the repository
        # (its README, read on GitHub) does; a configured scheme holds for every page.
        self.per_site = config.layout is not None and config.heading_ids is None
        self.made: dict[str, frozenset[str]] = {}
        self.untold: set[str] = set()

    def __call__(self, target) -> frozenset[str]:
        made = self.made.get(target.relpath)
        if made is None:
            self.made[target.relpath] = frozenset()  # a partial that renders itself adds nothing
            made = self._own(target)
            for path in target.includes:
                partial = self.corpus.article_at(path)
                if partial is not None:
                    made |= self(partial)
            self.made[target.relpath] = made
        return made

    def site_scheme(self, relpath: str) -> str | None:
        """The scheme the site that builds ``relpath`` makes its ids with, where it says."""
        return self.layout.mkdocs_heading_ids(relpath) if self.per_site else None

    def _own(self, target) -> frozenset[str]:
        dumi = self.layout.dumi_of(target.relpath) if self.layout is not None else None
        if dumi is not None and dumi.demo_anchored(target.relpath):
            self.untold.add(target.relpath)  # its demos' names, files no summary holds
        if not is_article_path(target.relpath):
            # An HTML (or text) article: its anchors are the ids and names it gives itself; no
            # generator makes ids from its headings.
            return frozenset(target.named_anchors)
        if self.vant and site_holding(self.vant, target.relpath) is not None:
            ids, known = vant_heading_ids([text for text, _ in target.headings])
            if not known:
                self.untold.add(target.relpath)
            return frozenset(ids) | frozenset(target.named_anchors)
        scheme = self.site_scheme(target.relpath) or self.scheme
        if scheme == "github":
            return frozenset(target.anchors)  # decoded once here (see summary.Deferred)
        explicit = {i for i, _ in target.fact(EXPLICIT_HEADINGS)}  # (their ids are named anchors)
        texts = [text for i, (text, _) in enumerate(target.headings) if i not in explicit]
        return frozenset(heading_ids(texts, scheme)) | frozenset(target.named_anchors)


class _Elsewhere:
    """The pages of a language that have an anchor: where a section a link names has gone
    (a reference split into pages, a guide rewritten for each release). Read, a language at
    a time, only when a link's anchor is not on its page."""

    def __init__(self, corpus, anchors_of: _Anchors, layout) -> None:
        self.corpus = corpus
        self.anchors_of = anchors_of
        self.layout = layout
        self.by_locale: dict[str, dict[str, list[str]]] = {}

    def nearest(self, anchor: str, target, linking) -> list[str]:
        """The pages but ``target`` and the linking page that have the anchor, those nearest
        ``target`` in the tree only (its version's, in a site that keeps one folder a version)."""
        found = [path for path in self.pages_with(anchor, target.locale) if path not in (target.relpath, linking.relpath)]
        if not found:
            return []
        shared = {path: _shared_folders(path, target.relpath) for path in found}
        most = max(shared.values())
        return [path for path in found if shared[path] == most]

    def pages_with(self, anchor: str, locale: str) -> list[str]:
        pages = self.by_locale.get(locale)
        if pages is None:
            pages = self.by_locale[locale] = {}
            for article in self.corpus.articles:
                if article.locale == locale and not self._partial(article.relpath):
                    for name in self.anchors_of(article):
                        pages.setdefault(name, []).append(article.relpath)
        return pages.get(anchor, [])

    def _partial(self, relpath: str) -> bool:
        """Text another page renders or no page at all: the layout's partials, a file named
        with a leading "_" (``_cache.mdx``; Hugo's ``_index.md`` is its section's page), and
        what the site does not publish (a coding assistant's ``AGENTS.md``)."""
        name = relpath.rsplit("/", 1)[-1]
        if self.layout is not None and (self.layout.is_partial(relpath) or not self.layout.publishes(relpath)):
            return True
        return name.startswith("_") and not name.startswith("_index.")


def _shared_folders(a: str, b: str) -> int:
    """How many folders the paths ``a`` and ``b`` start with alike."""
    count = 0
    for x, y in zip(a.split("/")[:-1], b.split("/")[:-1]):
        if x != y:
            break
        count += 1
    return count


def _guess_scheme(links: list[tuple], corpus, config) -> str:
    """The scheme under which most of the links' fragments name an anchor; GitHub's when
    none does better. Another scheme is tried on every link only when it finds some of the
    links GitHub's misses: on most sites none does, and their other links are not redone."""
    github = _Anchors("github", corpus, config)
    missed, found = [], []
    for link in links:
        (found if _element_id(link[1].fragment) in github(link[2]) else missed).append(link)
    best, best_margin = "github", 0
    for scheme in GUESSABLE:
        if scheme == "github" or not missed:
            continue
        anchors_of = _Anchors(scheme, corpus, config)
        margin = sum(_element_id(ref.fragment) in anchors_of(target) for _, ref, target in missed)
        for _, ref, target in found:
            if margin <= best_margin:
                break  # it cannot do better than the best so far
            margin -= _element_id(ref.fragment) not in anchors_of(target)
        if margin > best_margin:
            best, best_margin = scheme, margin
    return best


def _finding(summary, ref, target, anchors: list[str], scheme: str, guessed: bool, elsewhere: _Elsewhere) -> Finding:
    fragment = _element_id(ref.fragment) if scheme != "obsidian" else ref.fragment
    where = "on this page" if target is summary else f"in {_page_part(ref.url or '')}"
    folded = {a.casefold(): a for a in sorted(anchors)}
    if fragment.casefold() in folded:
        actual = folded[fragment.casefold()]
        # GitHub's scheme goes without saying; another is named, since the reader may not know it.
        how = "" if scheme == "github" else f" (as {scheme_maker(scheme)} heading ids{', guessed from the links' if guessed else ''})"
        at, edited = places(ref)  # a reference link's destination is in its definition
        return RULE.finding_span(
            summary,
            at,
            f"anchor #{fragment} differs in case from #{actual} {where}{how}: browsers match anchors exactly",
            replacement=_with_fragment(ref.url, actual) if edited is not None else None,
            # A guessed scheme may be the wrong one: the link may work as it is.
            unsafe_reason="the site's heading-id scheme is guessed from its links: set heading_ids to be sure" if guessed else "",
            fix_description=f"link to #{actual}",
            edit_span=edited,
        )
    message = f"no heading or anchor #{fragment} {where}"
    import difflib  # here: only a broken link asks for a suggestion

    given = _explicit_id_instead(fragment, target, scheme)
    if given is not None:
        text, anchor = given
        return RULE.finding_span(summary, ref.url_span or ref.span, f"{message}: the heading '{text}' has an id of its own, #{anchor}")
    grown = _grown(fragment, anchors)
    close = grown or difflib.get_close_matches(fragment, sorted(anchors), n=1, cutoff=0.75) or _as_the_site_makes_it(fragment, anchors, scheme)
    if close and (target is summary or grown or difflib.SequenceMatcher(None, fragment, close[0]).ratio() >= _ALMOST_THE_SAME):
        return RULE.finding_span(summary, ref.url_span or ref.span, f"{message}: did you mean #{close[0]}?")  # a slip of the pen
    # Else the anchor itself on a page near the target tells where its section went (a setting
    # moved to another page) better than one alike on the target (another section).
    named, distinctive = _named(ref.fragment, scheme), _distinctive(fragment)
    if distinctive and target is not summary and named in elsewhere.anchors_of(summary):
        message += "; it is an anchor of this page"
    elif distinctive and 0 < len(found := elsewhere.nearest(named, target, summary)) <= _PAGES_NAMED:
        message += f"; it is an anchor of {' and '.join(found)}"
    elif close:
        message += f": did you mean #{close[0]}?"
    return RULE.finding_span(summary, ref.url_span or ref.span, message)


def _explicit_id_instead(fragment: str, target, scheme: str) -> tuple[str, str] | None:
    """(text, id) of the heading of ``target`` whose text's slug ``fragment`` is, where the
    heading has an explicit id, its only one: a link written for the slug it would have."""
    explicit = dict(target.fact(EXPLICIT_HEADINGS)) if scheme in SCHEMES else {}
    if explicit:
        for i, (text, _) in enumerate(target.headings):  # (a stored summary's: decoded as read)
            if i in explicit and slug_of(text, scheme) == fragment:
                return text, explicit[i]
    return None


def _grown(fragment: str, anchors: frozenset[str] | list[str]) -> list[str]:
    """The one anchor of a heading that says more than it did when the link was written
    (``#install-estimator`` for "Install estimator (Optional)"): a section of its own, where
    one alike by letters (``#start-estimator``) is another's. None when several have grown so."""
    grown = [anchor for anchor in anchors if anchor.startswith(fragment + "-")] if fragment else []
    return grown if len(grown) == 1 else []


_PAGES_NAMED = 2  # pages named as the anchor's new place (more tell nothing)
# A near miss this like the anchor is the one meant (a plural, a "--" dropped), wherever else the anchor is.
_ALMOST_THE_SAME = 0.9
_LONG_NAME = 14  # letters in one word that name one thing (``#auditconfigignorecves``), not a common word


def _as_the_site_makes_it(fragment: str, anchors: frozenset[str] | list[str], scheme: str) -> list[str]:
    """The anchor the site makes of the heading a fragment writes out under another scheme:
    MkDocs drops the Chinese words of ``#同一交换机下固定-ipmac``, whose heading's id is
    ``#ipmac``."""
    if scheme != "python-markdown" or fragment.isascii():
        return []
    made = slug_of(fragment, scheme).strip("-_")
    return [made] if made and made in anchors else []


def _distinctive(anchor: str) -> bool:
    """Does the anchor name one section more than another, words joined (``#server-watch``,
    a setting's name run together, ``#linkworkspacepackages``) or not in ASCII, where one
    common word (``#usage``, ``#tips``) names a section of many pages?"""
    return "-" in anchor.strip("-") or not anchor.isascii() or len(anchor) >= _LONG_NAME


def _page_part(url: str) -> str:
    """``url`` without its #fragment; a client-side route's page keeps its route
    (``#/en-US/button`` of ``#/en-US/button#props``)."""
    if "#/" in url:
        page, _, rest = url.partition("#/")
        return f"{page}#/{rest.split('#', 1)[0]}"
    return url.split("#", 1)[0]


def _with_fragment(url: str | None, fragment: str) -> str | None:
    if not url or "#" not in url:
        return None
    written = url.split("#", 1)[1]
    if "%" in written or ":~:" in written:
        return None  # percent-encoded, or with a text fragment: leave the spelling to the writer
    return url.split("#", 1)[0] + "#" + fragment


RULE = Rule(
    code="KL107",
    name="broken-anchor",
    severity=Severity.ERROR,
    summary="A link's #anchor names no heading or anchor of the page it leads to.",
    documentation="""\
## What it does
Checks the `#fragment` of every link to a page of the knowledge base, on the same page
(`#reset`) or another (`/help/x.md#scen1`), against that page's anchors: its headings' ids
as the site's generator makes them (`heading_ids` in the configuration: `github`, the default
of GitHub and Docusaurus, lower case, punctuation dropped, spaces as hyphens; `hexo`, which
keeps case, `Render-a-Page`; `vitepress`, also VuePress's; `kramdown`; `python-markdown`,
MkDocs's, which drops what is not ASCII, so that a Chinese heading's id is `_1`, `_2`;
`mintlify`, which keeps every character outside ASCII, full-width punctuation too
(`#暂停，而非错误`); repeated headings numbered `-1`, `-2`; Chinese headings keep their
characters but in MkDocs's. Unset, a MkDocs site's pages have MkDocs's unless its `mkdocs.yml`
chooses a `slugify`, a Mintlify site's (a `docs.json` or `mint.json`) Mintlify's, and elsewhere the scheme is the one under which most of the links' anchors
exist), explicit heading ids (`{#scen1}` as in
Pandoc, kramdown and Experience League, `{/*scen1*/}` as in MDX, Fumadocs' `## Title [#scen1]`
(an id that starts with a letter: `## 1.2 [#345]` is a release naming its pull request), and
kramdown's `{: #apt}` on the line under a heading or a paragraph), MyST's targets (a line `(data-format)=` before a
heading, as Sphinx's MyST parser reads it) and HTML `id=`/`name=`
anchors, and the id attributes of MDX components (`<Recipes titleId="x">`,
`<TeamMember permalink="x">`), and the titles of Mintlify's tabs and accordions made slugs
(`<Tab title="New Agent">` is `#new-agent`), and the anchors of the partials the page renders (`import
Cache from './_cache.mdx'` and `<Cache />`, as Docusaurus and Astro put them in the page). On a
dumi site a component's page also has its demos' anchors (`<code src="./demo/basic.tsx">` on
`components/button/index.en-US.md` is `#button-demo-basic`), and a `#fragment` in a demo's
description names a place on the component's page, which is not checked. Nor are the links
of the all-contributors bot's table (between its `ALL-CONTRIBUTORS-LIST:START` and `:END`
comments), whose `#code-kim` names a kind of contribution, no place. A Vant CLI site's
page has the ids transliteration's slugify gives its headings (`#/en-US/button#props`); a
place on a page with a Chinese heading (whose id is its pinyin) is not checked. A
help center's HTML article has the anchors it gives itself (`id=`, `name=`, the editor's
`h_01…` ids) and no others: no heading id is made from its text. `#top` is the top of any
page, and so is the id of a page's own title where no heading repeats it (`#itemmeta` to the
page titled ItemMeta, as generated API references link a type: the reader lands at the title), and `site_anchors` in the configuration lists anchors the site's layout adds to every
page; a text fragment (`#:~:text=words`) is the browser's. In an Obsidian vault
(`wiki_links`), links name a heading by its text, in any case (`[[Note#Some heading]]`, the
last of `#Heading#Subheading`), or a block by its `^id`. When an anchor differs only in case,
or another anchor is a near miss, the message says so (a repository that opens with a README
and configures no site builder, nor a package that may build one, is read on GitHub, whose
page script finds an anchor in any case: there a difference in case is no finding). Where the
page that links or one page or two of the same language have the anchor itself (a reference
split into pages, a migration guide rewritten for each release, a setting documented
elsewhere now), the message names them rather than a near miss on the linked page (unless
the link is on that page, or the near miss is the anchor but for a letter or two: a plural,
`#--frozen-lockfile`), those nearest the linked
page in the tree (its version's), where the anchor is words joined (`#server-watch`) or a long
name run together (`#linkworkspacepackages`), not one common word (`#usage`);
but where the scheme is guessed and no
known one explains the links better than GitHub's, an anchor that is a heading's text exactly
as written, a program's name in camel case (`#VirtualListProps`), is not reported: a site that
keeps the case serves it. A VitePress or VuePress site whose configuration gives its headings
ids with a `slugify` of its own (`markdown: {anchor: {slugify}}`, in `.vitepress/config.ts` or
a module of its `config/` folder) may keep their case and dashes (`#Shared-Getters`,
`#Vuex-3-x-4-x`): an anchor that names a heading but for case and dashes is not reported
there; one no heading has in any case still is. A heading with an explicit id (`{#id}`,
`{/*id*/}`, `[#id]`, or `%{#id}%`, markdown-it-attrs with delimiters of the site's choosing)
has that id alone: every generator that reads one gives it instead of the slug of the
heading's text (Docusaurus, VitePress, Hugo, MkDocs, dumi, Pandoc, kramdown), and GitHub,
which does not, shows the braces, whose words its slug then has too.

## Why it matters
Headings get reworded and their anchors change with them. The link still opens the page, so
nobody notices, but the reader lands at the top instead of the step they were sent to.

## Example
```yaml file=kblint.yaml
heading_ids: github
```
```markdown file=en/help/reset.md
# Resetting a branch

## Reset the local branch {#reset-local}

Follow [these steps](#reset-git-branch), then see [the first scenario](scenarios.md#scen-1)
or [the second](scenarios.md#Scenario-2).
```
```markdown file=en/help/scenarios.md
# Scenarios

## Scenario 1 {#scen1}

## Scenario 2
```
fires three times: `#reset-git-branch` is not on the page; `#scen-1` is a near miss of
`#scen1`; `#Scenario-2` differs from the heading's `#scenario-2` only in case.

## Does not fire
```markdown file=en/help/reset.md
# Resetting a branch

## Reset the local branch {#reset-local}

<a name="reset-git-branch"></a>

Follow [these steps](#reset-git-branch) or [the same](#reset-local), and see
[the first scenario](scenarios.md#scen1).
```
```markdown file=en/help/scenarios.md
# Scenarios

## Scenario 1 {#scen1}
```

## Fix
When the anchor differs only in case, the link names the anchor as the page has it: safe
when `heading_ids` is configured, unsafe when the scheme was guessed (under another scheme
the link may be right as it is). None otherwise.

## Fixed
What `kblint --fix` makes of the example:
```markdown file=en/help/reset.md
# Resetting a branch

## Reset the local branch {#reset-local}

Follow [these steps](#reset-git-branch), then see [the first scenario](scenarios.md#scen-1)
or [the second](scenarios.md#scenario-2).
```
""",
    fix="safe",
    check_corpus=check_corpus,
    facts=(EXPLICIT_HEADINGS,),
)
