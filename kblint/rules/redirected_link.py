from __future__ import annotations

import posixpath
from typing import Iterator

from kblint.model.finding import Finding, Severity
from kblint.kb.linkfix import destination, path_destination, places, writable
from kblint.kb.links import PAGE_SUFFIXES, STATIC_FOLDERS, served_from
from kblint.rules.api import Rule
from kblint.corpus.routes import OwnRoutes
from kblint.corpus.redirected import LINKED_KINDS, moved
from kblint.kb.identity import canonical_locale


def _destination(corpus, redirect, root: str | None, config=None):
    """The file a redirect's destination page is, in locale root ``root`` first (then in the
    content folder a Docusaurus site serves at the destination's route)."""
    roots = ([root] if root is not None else []) + [r for roots in corpus.locale_roots.values() for r in roots]
    bases = tuple(("", f"{r}/{redirect.dest_key}" if r and redirect.dest_key else (r or redirect.dest_key)) for r in dict.fromkeys(roots))
    return corpus.resolve_bases(bases + _routed(redirect.dest_key, config) + _static(redirect.dest_key, config))


def _static(key: str | None, config) -> tuple[tuple[str, str], ...]:
    """The destination ``key`` in the folders a site serves at its root as they are
    (``static/snapshotter/index.html`` for /snapshotter/index.html)."""
    if not key or config is None:
        return ()
    return tuple(("", f"{static}/{key}") for static in config.static_roots or STATIC_FOLDERS)


def _routed(key: str | None, config) -> tuple[tuple[str, str], ...]:
    """The destination ``key`` in the content folder a Docusaurus site serves at its route."""
    layout = config.layout if config is not None else None
    if not key or layout is None:
        return ()
    return tuple(("", f"{folder}/{rest}" if folder and rest else (folder or rest)) for folder, rest in served_from(key, layout.routes))


MAX_HOPS = 20  # the redirects a browser follows before it gives up (Chrome's and Firefox's limit)
_CHECKED_SUFFIXES = PAGE_SUFFIXES + (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".pdf")


def _checkable(key: str) -> bool:
    """Is the page or file ``key`` one that must exist among the sources? A page (no
    extension) or an image or document must; a feed or a sitemap is made by the build."""
    if key.startswith(".netlify/"):
        return False  # Netlify's own address space: its functions (/.netlify/functions/x), images
    name = key.rsplit("/", 1)[-1]
    return "." not in name or name.lower().endswith(_CHECKED_SUFFIXES)


def _fragment(ref, redirect) -> str:
    """The link's own ``#anchor``, kept unless the redirect names one."""
    url = ref.url or ""
    return "#" + url.split("#", 1)[1] if "#" in url and "#" not in redirect.dest else ""


def _from_map(redirect, fragment: str) -> str | None:
    """The redirect's destination as a link writes it; None for one no fix may write into an
    article (a ``javascript:`` or ``data:`` URL)."""
    return destination(redirect.dest.strip()) + fragment if writable(redirect.dest) else None


def _locale_segment(path: str, config) -> str:
    """The leading locale segment of a site path (``/zh-tw`` of ``/zh-tw/docs/x``), or ""."""
    first = path.split("/", 2)[1] if path.startswith("/") and path.count("/") > 1 else ""
    return "/" + first if first and canonical_locale(first, config, folder=True) is not None else ""


def _new_url(ref, summary, redirect, found: str, config) -> str | None:
    """The link rewritten to the redirect's destination, in the link's own style."""
    url = ref.url or ""
    fragment = _fragment(ref, redirect)
    if ref.style == "root" and redirect.dest.startswith("/") and not redirect.dest.startswith("//"):
        written = _from_map(redirect, fragment)
        locale = _locale_segment(url, config)
        if written is not None and locale and not _locale_segment(redirect.dest, config):
            # A map names pages without their language; the link's language stays.
            written = locale + written
        return written
    if ref.style == "site" and "://" in redirect.dest:
        return _from_map(redirect, fragment)
    if ref.style == "relative":
        written = url.split("#", 1)[0].split("?", 1)[0]
        relative = posixpath.relpath(found, posixpath.dirname(summary.relpath))
        if "." not in posixpath.basename(written):
            relative = relative.rsplit(".", 1)[0]  # written without an extension: keep it so
        return path_destination(relative) + ("#" + url.split("#", 1)[1] if "#" in url else "")
    return None


def _own_routes(corpus, config) -> OwnRoutes | None:
    """On a site whose builder kblint does not know, the addresses its own router serves:
    a destination there is no missing page (react.dev's /reference/react), as broken-link
    leaves such addresses alone."""
    return corpus.index("own-routes", OwnRoutes) if not (config.layout is not None and config.layout.builder_known) else None


def _routed_url(ref, redirect) -> str | None:
    """A root-absolute link rewritten to a destination a site's own router serves (no file
    to write a relative link to)."""
    return _from_map(redirect, _fragment(ref, redirect)) if ref.style == "root" else None


def _a_short_address(source: str) -> bool:
    """Is a redirect's source a short address of the site's own for another site (``/chat``,
    ``/discord``: one word, no page's name), which its pages link on purpose?"""
    path = source.split("#", 1)[0].split("?", 1)[0].strip("/")
    return bool(path) and "/" not in path and "." not in path and "*" not in path and ":" not in path


def check_corpus(corpus, config) -> Iterator[Finding]:
    if corpus.redirects is None:
        return
    yield from _moved_links(corpus, config)
    if corpus.checked is None:  # the maps are checked by runs over the whole knowledge base
        yield from _map_problems(corpus, config)


def _moved_links(corpus, config) -> Iterator[Finding]:
    """The links of the checked articles to pages a redirect map moves."""
    redirects = corpus.redirects
    routes = _own_routes(corpus, config)
    for summary in corpus.checked_articles:
        for ref in summary.references:
            if ref.kind not in LINKED_KINDS or ref.style in (None, "same-page") or ref.leads_somewhere:
                continue
            first = moved(corpus, config, summary, ref)
            if first is None:
                continue
            last, loops = redirects.follow(first.source_key)
            redirect = last or first
            found = _destination(corpus, redirect, summary.root, config) if redirect.dest_key is not None and not loops else None
            where = f"{redirect.file}:{redirect.line}"
            at, edited = places(ref)
            if redirect.dest_key is None and not loops:  # to another site
                if _a_short_address(first.source):
                    continue  # (/chat for the project's chat server: kept on purpose, so the site can move it)
                advice = "link to the new place" if writable(redirect.dest) else "not a web address a link should have"
                yield RULE.finding_span(
                    summary,
                    at,
                    f"{ref.url} has moved to {redirect.dest} (redirect at {where}): {advice}",
                    replacement=_from_map(redirect, _fragment(ref, redirect)) if edited is not None else None,
                    fix_description="link to where the article moved",
                    edit_span=edited,
                )
            elif (located := found is not None and found.path is not None) or routes is not None and not loops and routes.serve(redirect.dest):
                new_url = _new_url(ref, summary, redirect, found.path, config) if located else _routed_url(ref, redirect)
                yield RULE.finding_span(
                    summary,
                    at,
                    f"{ref.url} has moved to {redirect.dest} (redirect at {where}): link to the new place",
                    replacement=new_url if edited is not None else None,
                    fix_description="link to where the article moved",
                    edit_span=edited,
                )
            else:
                yield RULE.finding_span(
                    summary,
                    at,
                    f"{ref.url} has moved to {redirect.dest} (redirect at {where}), which does not exist either",
                )


def _map_problems(corpus, config) -> Iterator[Finding]:
    """The redirect maps' own problems: bad rows, loops, long chains, destinations missing."""
    redirects = corpus.redirects
    routes = _own_routes(corpus, config)
    for file, line, problem in redirects.problems:
        yield RULE.finding_at(file, line, 1, problem).with_severity(Severity.ERROR)
    for redirect in redirects.entries:
        if redirect.dest_key is None or not _checkable(redirect.dest_key):
            continue  # another site, or a file the site's build makes (a feed, a sitemap)
        chain = redirects.chain(redirect.source_key)
        if chain.in_loop:
            message = f"the redirect from {redirect.source} is part of a loop of {chain.hops} redirects"
        elif chain.loops:
            message = f"the redirect from {redirect.source} leads into a loop of redirects"
        elif chain.hops > MAX_HOPS:
            message = (
                f"the redirect from {redirect.source} starts a chain of {chain.hops} redirects, "
                f"more than the {MAX_HOPS} a browser follows: redirect to the end of the chain"
            )
        elif chain.hops > 1:
            continue  # its destination moved on too: the row of that redirect is checked
        else:
            found = _destination(corpus, redirect, None, config)
            if found.leads_somewhere or routes is not None and routes.serve(redirect.dest):
                continue
            message = f"the redirect from {redirect.source} leads to {redirect.dest}, which does not exist"
        yield RULE.finding_at(
            redirect.file, redirect.line, redirect.column, message, redirect.line, redirect.end_column, context=redirect.source
        ).with_severity(Severity.ERROR)


RULE = Rule(
    code="KL109",
    name="redirected-link",
    severity=Severity.WARNING,
    summary="A link to an article that moved (by the redirect maps), or a redirect that leads nowhere.",
    documentation="""\
## What it does
Reads the knowledge base's redirect maps (files named `redirects.csv`, `redirects.yaml` or
`_redirects`, each for the articles under its folder (a map in a site's static folder,
`static/`, `public/` or `.vuepress/public/`, is copied to the site's root: it is for the
folder that holds that folder), and those named by `redirects:` in the
configuration; CSV `source,destination` rows as Experience League keeps them, YAML, or
Netlify's format; and a Docusaurus site's client-redirects plugin, its `{from, to}` list written
in `docusaurus.config.js` or in a module of the site's it requires) and reports a link to a page that no longer exists but has a redirect, with
the place it moved to. A redirect whose
destination does not exist, that loops, or that starts a chain of more than 20 redirects (where
browsers give up) is an error on its row of the map (in runs over the whole knowledge base).
A web server's map (`_redirects`, `netlify.toml`, `vercel.json`) matches a path as written: its
`/old/` catches a link to `/old/`, not one to `/zh-tw/old/`, which stays a broken link. (The
other maps are of pages: a redirect of a page holds for each language's version.) A short
address of one word that leads to another site (`/chat` for the project's chat server) is the
site's own on purpose, so that it can move it: a link to it is not reported.

## Why it matters
A redirect keeps an old link working, one hop later, until someone prunes the map; a link that
goes straight to the new place survives that. A redirect to a page that was itself removed is
a 404 that nobody notices, because the old URL "is handled".

## Example
```csv file=redirects.csv
source,destination
/help/old-setup.md,/help/setup.md
/help/legacy.md,/help/gone.md
```
```markdown file=en/help/start.md
# Start

Follow [the setup](/help/old-setup.md#step-2).
```
```markdown file=en/help/setup.md
# Setup

## Step 2
```
fires on the link (it moved to `/help/setup.md`) and on the second row of the map.

## Does not fire
```csv file=redirects.csv
source,destination
/help/old-setup.md,/help/setup.md
```
```markdown file=en/help/start.md
# Start

Follow [the setup](/help/setup.md#step-2).
```
```markdown file=en/help/setup.md
# Setup

## Step 2
```

## Fix
Safe: the link is rewritten to the destination, in its own style (a site path stays a site
path, a relative link stays relative) and with its anchor; a reference link in its definition.
A character that would end the destination (a space, an unbalanced parenthesis) is
percent-encoded. A destination with a scheme other than `http`, `https` or `mailto` (a
`javascript:` URL) is reported, never written.

## Fixed
What `kblint --fix` makes of the example:
```markdown file=en/help/start.md
# Start

Follow [the setup](/help/setup.md#step-2).
```
""",
    fix="safe",
    check_corpus=check_corpus,
)
