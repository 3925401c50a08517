"""Link destinations: which file of the knowledge base a link points at.

At parse time a link's destination becomes *bases*: candidate paths before extensions are
tried, each relative to the knowledge base root or to a locale's root (resolved later, when
the corpus knows where each locale's tree is). At corpus time ``Resolver`` tries each base as
written, with ``.md``/``.mdx``/``.markdown``, as a folder's ``index.md`` or ``README.md``, and
``x.html`` as ``x.md``, a folder path ``x/`` also as ``x.md`` (sites serve a page at its path
with a trailing slash), against every file of the knowledge base (images and attachments
included), and tells a missing file from one whose name differs only in case. A translation's
relative and root-absolute links also try the default language's tree last: sites serve the
default language's page where a translation has none.

Destinations understood:

- same page: ``#anchor``;
- relative: ``../help/x.md``, ``x``, ``assets/a.png``, against the article's folder; a site
  address that climbs (``../cluster/``) also from the address a site serves the page at
  (``x.md`` at ``x/``, where ``../cluster/`` is its sibling, and ``./#setup`` the page itself);
- root-absolute: ``/help/x.md`` against the article's locale root (a translation whose
  folder is inside the source's tree, which the site serves under that folder's name:
  against the source's root first), then the knowledge base root and the folders that hold
  the locale folders (where the site is served from), then each of ``static_roots``
  (``public`` and ``static`` in the locale root, beside it and at the root when none are
  configured); ``link_root`` (``/docs``) is the site path at which a locale root is served;
  a leading locale segment (``/zh-Hant/help/x``) names that locale's root;
- the knowledge base's own site URLs: each of ``base_urls`` is a template such as
  ``https://example.com/{locale}/docs/{path}.html``; a Docusaurus site's own address (its
  ``url`` and ``baseUrl``) before a path is that root-absolute path in the default language
  (``https://example.com/docs/x``, whichever page links it), or with the linking page's
  locale before it, in that page's (``https://example.com/zh/docs/x``); a Docusaurus site's
  root-absolute path is looked for by its routes before the repository's folders;
- a ``lang``/``locale``/``hl`` query parameter names the locale the link asks for;
- a client-side router's route (``#/zh-CN/button``, ``/vant/#/en-US/faq``): a page of a Vant
  CLI site (``kblint.kb.vant``); another site's route is not checked.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Iterable, Iterator
from urllib.parse import parse_qsl, unquote

from kblint.formats import registry as _formats
from kblint.formats.registry import ARTICLE_SUFFIXES, INDEX_NAMES, INDEX_STEMS, MARKDOWN, MDX, SITE_PAGE_SUFFIXES
from kblint.kb.identity import canonical_locale, is_version_folder
from kblint.kb.dumi import file_paths, kebab_route, legacy_route, locale_id, page_paths, route_address
from kblint.kb.hugo import page_language
from kblint.kb.mkdocs import content_root_of
from kblint.kb.vant import another_version, route_pages, served_below, site_holding, site_served_at
from kblint.kb.site import STATIC_FOLDERS, Site, address_slug, served_by_a_route
from kblint.model.layout import Routes, docusaurus_translation, first_holding

# What a link may name a page by (its file or the page a site serves): rules ask here.
PAGE_SUFFIXES = _formats.PAGE_SUFFIXES

if TYPE_CHECKING:
    from kblint.model.config import Config
    from kblint.kb.identity import Identity
    from kblint.model.layout import DumiSite, Layout, Tree, VantSite

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
LOCALE_PARAMETERS = ("lang", "locale", "hl")
SITE_ROOT = "*"  # a base's "locale": the folders that hold the locale roots
# A base's "locale" for a name a vault resolves (kblint.formats.wikilinks): its path is the
# vault's root, the linking note's folder and the name, joined by WIKI_PARTS.
WIKI = "[["
WIKI_PARTS = "\0"


@dataclass
class Destination:
    """Where a link's URL leads, as the knowledge base's folders can be asked."""

    style: str  # "same-page", "relative", "root" or "site"
    bases: tuple[tuple[str, str], ...]  # (locale or "" for the knowledge base root, path)
    fragment: str | None  # percent-decoded, without "#"
    locale: str | None  # a locale the URL names (a locale segment or a lang= parameter)


@lru_cache(maxsize=16)
def _site_pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{path\}|\{locale\})", template)
    regex = []
    for part in parts:
        if part == "{path}":
            regex.append(r"(?P<path>.*?)")
        elif part == "{locale}":
            regex.append(r"(?P<locale>[A-Za-z]{2}(?:[-_][A-Za-z0-9]{2,4}){0,2})")
        else:
            regex.append(re.escape(part))
    return re.compile("".join(regex), re.IGNORECASE)


def _split(url: str) -> tuple[str, str, str | None]:
    """(path, query, fragment) of ``url``."""
    fragment = None
    if "#" in url:
        url, fragment = url.split("#", 1)
        fragment = unquote(fragment)
    query = ""
    if "?" in url:
        url, query = url.split("?", 1)
    return url, query, fragment


def _query_locale(query: str, config: "Config") -> str | None:
    if not query:
        return None
    for key, value in parse_qsl(query):
        if key.lower() in LOCALE_PARAMETERS and value:
            return canonical_locale(value, config)
    return None


def parse_destination(url: str, relpath: str, identity: "Identity", config: "Config", page_address: str | None = None) -> Destination | None:
    """Where ``url``, written in the article at ``relpath``, points inside the knowledge base;
    None for a destination elsewhere (another site, ``mailto:``) or outside its root.
    ``page_address``: where the front matter serves the article (a ``slug``: ``page_address``)."""
    url = url.strip()
    if not url:
        return None
    if url.startswith("#/"):
        return _hash_route(url[1:], relpath, identity, config)
    if url.startswith("#"):
        return Destination("same-page", (), unquote(url[1:]), None)
    if _SCHEME.match(url) or url.startswith("//"):
        own = _on_the_own_site(url, identity, config)
        if own is None:
            return _site_destination(url, identity, config)
        url, default_locale = own
        if default_locale == config.source_locale:
            # The address names no locale: the default one's page at that route, whichever
            # page (of whichever version) links to it.
            identity = replace(identity, locale=config.source_locale, root="")
    else:
        default_locale = None
    path, query, fragment = _split(url)
    path = unquote(path)
    answered, routed = _vant_address(path, fragment, relpath, identity, config) if path.startswith("/") else (False, None)
    if answered:
        return routed
    # Another client-side router's route (x/#/guide) is no place on the page: the page is checked.
    fragment = None if fragment is not None and fragment.startswith("/") else fragment
    locale = _query_locale(query, config)
    if not path:
        return Destination("same-page", (), fragment, locale) if fragment is not None else None
    if path.startswith("/"):
        asked = locale or _leading_locale(path, config) or default_locale
        return Destination("root", _either_markdown(_root_bases(path, relpath, identity, config), relpath, config), fragment, asked)
    bases = _relative_bases(path, relpath, identity, config, page_address)
    return Destination("relative", _either_markdown(bases, relpath, config), fragment, locale) if bases is not None else None


def _on_the_own_site(url: str, identity: "Identity", config: "Config") -> tuple[str, str] | None:
    """(the root-relative address, its locale) where ``url`` is one of the site's own pages (a
    Docusaurus site's ``url`` and ``baseUrl``, on either scheme, with or without ``www.``):
    ``https://example.dev/docs/x`` is ``/docs/x`` in the default locale, and from a page in
    Chinese ``https://example.dev/zh/docs/x`` is its own ``/docs/x``; None for another site's,
    and for another locale's address (its locale's prefix before a content folder's route is
    not read here)."""
    own = config.layout.routes.site_url if config.layout is not None else None
    if own is None:
        return None
    bare, wanted = without_scheme(url), without_scheme(own)
    if not bare.lower().startswith(wanted.lower()):
        return None
    path = "/" + bare[len(wanted) :]
    if not _split(path)[0].strip("/"):
        return None  # the site's home page, its own (src/pages), no article's
    named = _leading_locale(_split(path)[0], config)
    if named is None:
        return path, config.source_locale
    if named != identity.locale or named == config.source_locale:
        return None
    return "/" + path.lstrip("/").partition("/")[2], named


def without_scheme(url: str) -> str:
    """``url`` without its scheme and a leading ``www.``: its host and path."""
    rest = url.split("://", 1)[-1] if "://" in url else url.lstrip("/")
    return rest[4:] if rest[:4].lower() == "www." else rest


def _relative_bases(
    path: str, relpath: str, identity: "Identity", config: "Config", page_address: str | None = None
) -> tuple[tuple[str, str], ...] | None:
    """Candidates for a relative ``path`` written in the article at ``relpath``: beside it,
    from its page's address (its slug's, ``page_address``, first), the source's where a
    translation has none, and the site's ways of finding a file by name; None where it
    climbs out of the knowledge base."""
    folder = posixpath.dirname(relpath)
    joined = posixpath.normpath(posixpath.join(folder, path))
    if joined == ".." or joined.startswith("../") or joined.startswith("/"):
        return None  # outside the knowledge base: not ours to check
    if joined == ".":
        joined = ""
    if path.endswith("/") and joined:
        joined += "/"
    bases = [("", joined)]
    dumi = config.layout.dumi_of(relpath) if config.layout is not None else None
    if dumi is not None and joined:
        bases = _dumi_bases(dumi, path, joined, _dumi_locale(dumi, identity, config), relpath)
    bases[:0] = _suffixed_translation(joined, relpath, identity, config)
    if not path.startswith(("./", "../")) and path.lower().endswith(PAGE_SUFFIXES):
        # Docusaurus looks for a file named so (x/y.md) in the article's content folder first.
        bases[:0] = _in_content_folder(posixpath.normpath(path), relpath, identity, config)
    hugo = _hugo_page(relpath, config)
    from_page = _from_the_pages_address(relpath, path, config.layout.routes if config.layout is not None else None, hugo)
    # A Hugo site writes a relative link as it is given: the browser resolves it from the
    # page's address, which comes first (its file's place may hold another page).
    address_first = hugo
    from_slug = _from_the_slug(page_address, path)
    if from_slug is not None:
        # So it does an address (no .md) from where a slug serves the page (``slug: /`` at
        # /docs/: ./install is /docs/install), wherever its file is.
        from_page, address_first = from_slug, True
    if from_page is not None:
        bases.insert(0 if address_first else len(bases), ("", from_page))
    if (from_index := _from_an_index_pages_address(relpath, path, config.layout.routes if config.layout is not None else None)) is not None:
        bases.append(("", from_index))  # (last: what the file's folder holds comes first)
    root = identity.root
    # A Docusaurus translation mirrors a content folder (docs/): the source's page is there.
    mirrored = _own_content_folder(identity, config.layout) if config.layout is not None else None
    for candidate in [joined] + ([from_page] if from_page is not None else []):
        if root and candidate.startswith(root + "/") and identity.locale != config.source_locale:
            bases.extend(_in_the_same_version(root, candidate[len(root) + 1 :], config))
            if mirrored is not None:
                # (and no other: the source's locale root may be the repository's, whose
                # README is not the page a Docusaurus translation's ../ falls back to)
                bases.append(("", f"{mirrored}/{candidate[len(root) + 1 :]}"))
            else:
                bases.append((config.source_locale, candidate[len(root) + 1 :]))  # the site's fallback
    if config.wiki_links and not path.startswith(("./", "../")):
        bases.append((WIKI, _wiki_base(identity.root, folder, path)))  # Obsidian finds it by name too
    if config.static_roots:
        # A page is served at its path (relative to its locale root) without the extension,
        # so a relative link resolves as a URL from there: climbing stops at the site root,
        # where static files are served.
        root = identity.root
        inside = folder[len(root) + 1 :] if root and folder.startswith(root + "/") else ("" if folder == root else folder)
        served = posixpath.normpath(posixpath.join("/" + inside, path)).lstrip("/")
        bases.extend(("", f"{static}/{served}") for static in config.static_roots)
    return tuple(dict.fromkeys(bases))


def _in_the_same_version(root: str, inside: str, config: "Config") -> list[tuple[str, str]]:
    """The source's page at ``inside`` in the version of the locale root ``root``, where the
    version's folder holds the locale folders (docs/next/zh-cn beside docs/next/en): the site's
    fallback in that version, before any other version's."""
    version = posixpath.dirname(root)
    if not version or config.layout is None or not is_version_folder(posixpath.basename(version)):
        return []
    names = sorted(name for name in config.layout.locale_names if canonical_locale(name, config) == config.source_locale)
    return [("", f"{version}/{name}/{inside}") for name in names]


def _either_markdown(bases: tuple[tuple[str, str], ...], relpath: str, config: "Config") -> tuple[tuple[str, str], ...]:
    """``bases``, and on an Rspress site (which routes a link by its path without the suffix)
    each ``x.md`` also as ``x.mdx`` and the other way round, after them; so on an Astro site's
    pages, where a link to a file works only through a remark plugin that drops its suffix
    (Astro leaves ``x.md`` as written)."""
    layout = config.layout
    if layout is None or (layout.excluded_routes is None and not (layout.astro_content and relpath.startswith(layout.astro_content + "/"))):
        return bases
    markdown, mdx = MARKDOWN.suffixes[0], MDX.suffixes[0]
    swapped = []
    for locale, path in bases:
        if path.endswith(markdown):
            swapped.append((locale, path[: -len(markdown)] + mdx))
        elif path.endswith(mdx):
            swapped.append((locale, path[: -len(mdx)] + markdown))
    return tuple(dict.fromkeys([*bases, *swapped])) if swapped else bases


def _hash_route(route: str, relpath: str, identity: "Identity", config: "Config") -> Destination | None:
    """Where a client-side router's route written alone (``#/zh-CN/button#props``) leads: a
    page of the Vant CLI site that holds the linking page. None for another site's router:
    nothing here tells where its routes lead."""
    site = site_holding(config.layout.vant, relpath) if config.layout is not None else None
    return _route_destination(site, route, config, identity) if site is not None else None


def _vant_address(path: str, fragment: str | None, relpath: str, identity: "Identity", config: "Config") -> tuple[bool, Destination | None]:
    """(whether a Vant CLI site answers for it, where it leads) for the root-absolute ``path``:
    the site served there (``/vant/``, its route after the ``#``), nowhere to check for another
    version of it (``/vant/v2/``) or, from one of its pages, another site of the same host
    (``/vant-weapp/``)."""
    sites = config.layout.vant if config.layout is not None else ()
    if not sites:
        return False, None
    routed = fragment is not None and fragment.startswith("/")
    if another_version(sites, path):
        return True, None
    site = site_served_at(sites, path)
    if site is not None:
        return True, _route_destination(site, fragment if routed else "/", config, identity)
    if routed and served_below(path, (folder for s in sites for folder in s.public_paths)):
        return True, None  # /vant/v4/#/…: another build served below the site's address
    own = site_holding(sites, relpath)
    if own is not None and own.public_paths and not served_below(path, own.public_paths):
        return True, None
    return False, None


def _route_destination(site: "VantSite", route: str, config: "Config", identity: "Identity") -> Destination:
    route, hashed, anchor = unquote(route).partition("#")
    own = next((tag for tag in site.locales if canonical_locale(tag, config) == identity.locale), None)
    paths, lang = route_pages(site, route, own)
    # A route no page serves still needs a base that leads nowhere: its own.
    bases = tuple(("", path) for path in paths) or (("", f"{site.folder}/#{route}".lstrip("/")),)
    return Destination("root", bases, anchor if hashed else None, canonical_locale(lang, config) if lang else None)


def _dumi_bases(site: "DumiSite", path: str, joined: str, own: str | None, relpath: str) -> list[tuple[str, str]]:
    """Candidates for a relative ``path`` (``joined`` to its page's folder) on a dumi site: the
    file it names, then each locale's page. An address (no ``.md``) written in a page of
    another locale than the default is that locale's page first: the browser resolves it from
    the page's route, under the locale's base (``../guides/x`` on ``/en-US/blog/y`` is
    ``/en-US/guides/x``, ``guides/x.en-US.md``), not the file beside ``x.md``. dumi 1 drops a
    link's ``.md`` and leaves the rest to the browser, so there a file's name is an address
    too on its pages (``_legacy_markdown_bases``)."""
    named = path.lower().endswith(PAGE_SUFFIXES)
    if site.legacy and named and site.serves(relpath):
        return _legacy_markdown_bases(site, path, joined, own, relpath)
    bases = _file_and_pages(site, joined, joined, own, own_first=not named)
    served = route_address(site, relpath) if site.legacy and not named else None
    if served is not None:
        # dumi 1 makes a relative address a router's link, resolved from the page's route:
        # ../components/picker on /guide/i18n is /components/picker, wherever the files are.
        address = posixpath.normpath(posixpath.join(posixpath.dirname("/" + served), path)).lstrip("/")
        if address and address != ".":
            bases += [("", page) for page in page_paths(site, address, own)]
    return bases


def _file_and_pages(site: "DumiSite", file: str, page: str, own: str | None, own_first: bool) -> list[tuple[str, str]]:
    """``file`` and each locale's page at ``page`` (see ``file_paths``): the page of the
    linking page's locale ``own`` first where ``own_first`` and ``own`` is not the default."""
    pages = [("", p) for p in file_paths(site, page, own)]
    if own_first and own is not None and own != site.locales[0][0]:
        return [*pages, ("", file)]
    return [("", file), *pages]


def _legacy_markdown_bases(site: "DumiSite", path: str, joined: str, own: str | None, relpath: str) -> list[tuple[str, str]]:
    """Candidates for ``path``, a relative link to a Markdown file on a dumi 1 page: dumi 1
    writes it without its ``.md`` and the browser resolves that from the page's route, so
    ``./setup.md`` on ``/zh-CN/guide/tour`` is ``/zh-CN/guide/setup`` (the page in
    the linking page's locale, ``setup.zh-CN.md``), and on an index page, served at its
    folder's address (``/guide``), ``./guide/setup.md`` is ``/guide/setup``. The
    file the link names beside its page comes after (as dumi 2 reads it)."""
    suffix = "." + path.rsplit(".", 1)[1]
    folder, name = posixpath.split(relpath)
    starts = [joined[: -len(suffix)]]
    if name.split(".", 1)[0].lower() in ("index", "readme") and not any(folder == docs for _, docs in site.docs):
        served = posixpath.normpath(posixpath.join(posixpath.dirname(folder), path[: -len(suffix)]))
        if served not in (".", "..") and not served.startswith(("../", "/")):
            starts.insert(0, served)
    bases = [base for start in starts for base in _file_and_pages(site, start + suffix, start, own, own_first=True)]
    return list(dict.fromkeys(bases))


def _suffixed_translation(joined: str, relpath: str, identity: "Identity", config: "Config") -> list[tuple[str, str]]:
    """On a MkDocs site whose i18n plugin names translations by suffix, the page in the
    linking page's language that a link to ``x.md`` names (``x.en.md`` from ``y.en.md``, a
    page whose language its name's suffix gives): the plugin's build for that language looks
    for it first, and falls back to ``x.md``."""
    layout = config.layout
    markdown = MARKDOWN.suffixes[0]
    if identity.locale_source != "suffix" or layout is None or not joined.endswith(markdown):
        return []
    if not any(site.default_language and site.builds(relpath) for site in layout.mkdocs):
        return []
    suffix = relpath.rsplit(".", 2)[-2]  # (as the file's name writes it: guide.en.md)
    if joined.endswith(f".{suffix}{markdown}"):
        return []
    return [("", f"{joined[: -len(markdown)]}.{suffix}{markdown}")]


def _dumi_locale(site: "DumiSite", identity: "Identity", config: "Config") -> str | None:
    """The dumi site's id of the linking page's locale (``zh-CN`` for zh-Hans), if it has one."""
    return locale_id(site, identity.locale, lambda tag: canonical_locale(tag, config))


def wiki_destination(target: str, relpath: str, identity: "Identity") -> Destination | None:
    """Where a wiki link's ``target`` (``Note#Heading``, ``Folder/Note``, ``#Heading``,
    ``diagram.png``) written in the note at ``relpath`` leads: a note or file of that name in
    the vault (its locale's tree), as Obsidian finds it."""
    name, _, fragment = target.partition("#")
    name = name.strip()
    fragment = fragment.strip() if "#" in target else None
    if not name:
        return Destination("same-page", (), fragment, None) if fragment else None
    return Destination("wiki", ((WIKI, _wiki_base(identity.root, posixpath.dirname(relpath), name)),), fragment, None)


def _wiki_base(root: str, folder: str, name: str) -> str:
    return WIKI_PARTS.join((root, folder, name))


def _hugo_page(relpath: str, config: "Config") -> bool:
    """Is ``relpath`` a page of a Hugo site that serves each page at a folder of its own?"""
    project = config.layout.hugo_project_of(relpath) if config.layout is not None else None
    return project is not None and project.pretty and project.serves_as_page(relpath)


def _from_the_pages_address(relpath: str, path: str, routes: "Routes | None" = None, hugo: bool = False) -> str | None:
    """Where ``path``, a site address that climbs (``../cluster/``), leads from the address a
    site serves the page at: x.md at x/ (Hugo, Jekyll, Docusaurus), so that ../cluster/ is
    x.md's sibling; where the site is known to serve every page at x/ (Docusaurus'
    ``trailingSlash: true``), an address without the slash (``../cluster``) too, and on a Hugo
    site (``hugo``), which writes a link as it is given, a file's (``../img/a.png``) as well.
    None for an index page (served at its folder's address already, as is a Docusaurus site's
    ``a/a.md``) and elsewhere for a path that names a file. ``./`` from x/ is the page itself
    (``./#setup``, a list of the page's own sections)."""
    here = path in ("./", ".")
    if not path.startswith("../") and not here:
        return None
    pages_at_folders = hugo or (routes is not None and routes.pages_at_folders)
    if here and not pages_at_folders:
        return None
    name_written = path.rpartition("/")[2]
    named = name_written not in ("", ".", "..") and (hugo or "." not in name_written)
    if not (path.endswith("/") or (pages_at_folders and named)):
        return None
    folder, name = posixpath.split(relpath)
    stem = name.rsplit(".", 1)[0]
    if _served_at_its_folder(folder, stem, routes):
        return None
    return _joined_address(posixpath.join(folder, stem), path)


def _served_at_its_folder(folder: str, stem: str, routes: "Routes | None") -> bool:
    """Is the page whose file is ``stem`` in ``folder`` served at its folder's address: an index
    page (INDEX_STEMS), or on a Docusaurus site a doc named as its folder is (``faq/faq.md``)?"""
    return stem.lower() in INDEX_STEMS or (routes is not None and bool(routes.folders) and stem == posixpath.basename(folder))


def _joined_address(base: str, path: str) -> str | None:
    """The root-relative address ``path`` (relative, its trailing slash kept) names from the
    folder address ``base``; None where it climbs out of the root."""
    joined = posixpath.normpath(posixpath.join(base, path))
    if joined in (".", "..") or joined.startswith(("../", "/")):
        return None
    return joined + "/" if path.endswith("/") else joined


def _names_a_file(path: str) -> bool:
    """Does the address ``path`` end in a file's name (``x.md``, ``a.png``), not a page's?"""
    return "." in path.rstrip("/").rpartition("/")[2].strip(".")


def _from_an_index_pages_address(relpath: str, path: str, routes: "Routes | None") -> str | None:
    """Where ``path``, an address (no page suffix: a file's is resolved by file), leads from
    a Docusaurus index page's address: ``faq/index.md``, ``faq/faq.md`` are served at /faq,
    without a slash (unless ``trailingSlash``), so a browser reads ``./core/x`` written there as
    /core/x, faq's sibling. None elsewhere."""
    if routes is None or not routes.folders or routes.pages_at_folders or path.startswith("/") or _names_a_file(path):
        return None
    folder, name = posixpath.split(relpath)
    if not folder or not _served_at_its_folder(folder, name.rsplit(".", 1)[0], routes):
        return None
    return _joined_address(posixpath.dirname(folder), path)


def _from_the_slug(page_address: str | None, path: str) -> str | None:
    """Where ``path``, a relative address (``./install``, ``../guide/``: no page suffix, which
    Docusaurus resolves by file, nor a file's), leads from ``page_address``; None elsewhere."""
    if page_address is None or _names_a_file(path):
        return None
    return _joined_address(posixpath.dirname(page_address.lstrip("/")), path)


def page_address(relpath: str, identity: "Identity", data: dict | None, config: "Config") -> str | None:
    """Where the page's front matter serves it, root-relative: a Docusaurus ``slug``'s address
    (``slug_page_address``), or the route a dumi 1 page's ``nav`` or ``group`` path gives
    (kblint.kb.dumi.legacy_route); None where it says nothing of that."""
    if not data:
        return None
    if "slug" in data:
        return slug_page_address(relpath, identity, data, config)
    dumi = config.layout.dumi_of(relpath) if config.layout is not None else None
    return legacy_route(dumi, relpath, data) if dumi is not None and dumi.legacy else None


def slug_page_address(relpath: str, identity: "Identity", data: dict | None, config: "Config") -> str | None:
    """Where a Docusaurus page's front-matter ``slug`` serves it, root-relative, ending in
    "/" where the address is a folder's (``slug: /`` at /docs/, or every page where the site
    serves them so); None for a page without a slug, or not on such a site."""
    slug = data.get("slug") if data else None
    address = slug_address(relpath, identity, slug, config) if isinstance(slug, str) else None
    if address is None:
        return None
    folder = slug.strip().endswith("/") or (config.layout is not None and config.layout.routes.pages_at_folders)
    return address + "/" if folder else address


def _leading_locale(path: str, config: "Config") -> str | None:
    first = path.lstrip("/").split("/", 1)[0]
    return canonical_locale(first, config) if first else None


def _segment_locale(first: str, config: "Config") -> str | None:
    """The locale a path's first segment names: a locale folder's name, also one that is a
    common folder name (/it/) where the knowledge base keeps a locale folder of that name."""
    locale = canonical_locale(first, config, folder=True)
    if locale is None and config.layout is not None and first.lower() in config.layout.locale_names:
        locale = canonical_locale(first, config)
    return locale


def _root_bases(path: str, relpath: str, identity: "Identity", config: "Config") -> tuple[tuple[str, str], ...]:
    """Candidates for a root-absolute path: the article's locale root (with ``link_root``
    taken off), a locale named by the first segment, the knowledge base root, static roots."""
    trailing = "/" if path.endswith("/") and len(path) > 1 else ""
    clean = posixpath.normpath(path).lstrip("/")
    bases: list[tuple[str, str]] = []
    prefix = config.link_root.strip("/")
    first, _, after = clean.partition("/")
    locale = _segment_locale(first, config) if first else None
    fallbacks: list[tuple[str, str]] = []
    if locale is not None:
        bases, fallbacks = _in_the_named_locale(locale, after, prefix, trailing, config)
    routed = _routed_bases(clean, trailing, relpath, identity, config)
    if not prefix or clean == prefix or clean.startswith(prefix + "/"):
        rest = clean[len(prefix) + 1 :] if prefix else clean
        own = f"{identity.root}/{rest}" if identity.root and rest else (identity.root or rest)
        if identity.locale != config.source_locale and _inside_the_source_tree(identity.root, config) and docusaurus_translation(identity.root) is None:
            # The site serves this translation under its folder's name (/zh-cn/x/): an
            # address without it is the source's page. (Docusaurus puts the translation's
            # locale before a root-relative address itself: its own page, if it has one.)
            bases.append((config.source_locale, rest + trailing))
        unprefixed = _hugo_unprefixed_other(relpath, identity, config)
        if unprefixed is not None:
            bases.append((unprefixed, rest + trailing))  # (Hugo serves this page's language under its key: /cn/docs/x)
        # A Docusaurus site serves its routes (its pages, docs and blog), not the repository's
        # folders: /adopters is src/pages/adopters, not adopters/README.md.
        bases.extend(routed)
        bases.append(("", own + trailing))
        if identity.locale != config.source_locale:
            fallbacks.append((config.source_locale, rest + trailing))
    bases.extend(routed)
    if locale is not None and after:
        bases.extend(_routed_bases(after, trailing, relpath, identity, config))  # /zh/docs/next/x: a route in Chinese
    bases.extend(_mkdocs_bases(clean + trailing, relpath, config))
    bases.extend(_hugo_bases(clean, relpath, identity, config))
    bases.extend(_mounted_bases(clean + trailing, relpath, identity, config))
    dumi = config.layout.dumi_of(relpath) if config.layout is not None else None
    if dumi is not None:
        own = _dumi_locale(dumi, identity, config)
        bases.extend(("", page) for page in page_paths(dumi, clean, own))  # /docs/x-cn: docs/x.zh-CN.md
    bases.extend(_jekyll_post(clean))
    bases.append(("", clean + trailing))
    vue = first_holding(relpath, config.layout.vue_sites) if config.layout is not None else None
    if vue:
        bases.append(("", f"{vue}/{clean}{trailing}"))  # a package's own VuePress site
    # The site is served from the folder that holds the locale folders: a page of the site as
    # a whole (/themes), or a default language at the top of it, beside the others' folders.
    bases.append((SITE_ROOT, clean + trailing))
    bases.extend(_static_bases(clean + trailing, identity, config))
    # A site serves the default language's page where a translation has none.
    return tuple(dict.fromkeys(bases + fallbacks))


def _static_bases(address: str, identity: "Identity", config: "Config") -> list[tuple[str, str]]:
    """Candidates in a site's static folders (kblint.kb.site.STATIC_FOLDERS) where none are
    configured: in a locale root, in the folder that holds it, in the folder of the
    Docusaurus site whose i18n/ holds it, or at the knowledge base root."""
    holder = posixpath.dirname(identity.root) if identity.root else ""
    # A Docusaurus site in a folder of the repository (home/): its translations' static files
    # are the site's (home/static).
    site = translated[0] if (translated := docusaurus_translation(identity.root)) is not None else ""
    bases = []
    for static in config.static_roots or STATIC_FOLDERS:
        if identity.root and not config.static_roots:
            bases.append(("", f"{identity.root}/{static}/{address}"))
            if holder:  # Rspress' docs/public beside docs/en and docs/zh
                bases.append(("", f"{holder}/{static}/{address}"))
            if site:
                bases.append(("", f"{site}/{static}/{address}"))
        bases.append(("", f"{static}/{address}"))
    return bases


def _in_the_named_locale(locale: str, after: str, prefix: str, trailing: str, config: "Config") -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(bases, fallbacks) of /zh-Hant/docs/x, whose first segment names a locale: that
    locale's tree (``link_root`` taken off), then the default language's."""
    inner = after
    if prefix and (inner == prefix or inner.startswith(prefix + "/")):
        inner = inner[len(prefix) + 1 :]
    fallbacks = [(config.source_locale, inner + trailing)] if locale != config.source_locale else []
    return [(locale, inner + trailing)], fallbacks


def _hugo_unprefixed_other(relpath: str, identity: "Identity", config: "Config") -> str | None:
    """The locale a Hugo site serves at its root, without its key in the address (its default
    language), where the article is in another one, which it serves under its key, and the
    site serves links as written (kblint.kb.hugo): a root-absolute address without a key is
    the default language's page. None elsewhere."""
    project = config.layout.hugo_project_of(relpath) if config.layout is not None else None
    if project is None or not project.links_as_written or project.unprefixed is None or len(project.languages) < 2:
        return None
    if page_language(project, identity.locale, config) == project.unprefixed:
        return None
    return canonical_locale(project.unprefixed, config)


def _mkdocs_bases(address: str, relpath: str, config: "Config") -> list[tuple[str, str]]:
    """Candidates from the folders MkDocs serves from a site's root (kblint.kb.mkdocs): the one
    that holds the linking page first, then the others (a translation built from a mirror of
    the main site is served under its language's address: its root-absolute addresses are the
    main site's)."""
    sites = config.layout.mkdocs if config.layout is not None else ()
    if not sites:
        return []
    own = content_root_of(sites, relpath)
    ordered = ([own] if own is not None else []) + [site.content for site in sites if site.content != own]
    return [("", f"{root}/{address}" if root else address) for root in ordered]


def _hugo_bases(address: str, relpath: str, identity: "Identity", config: "Config") -> list[tuple[str, str]]:
    """Candidates from a Hugo site that translates by file name and holds the article: the
    page of the language the address's first segment names (/cn/guide/), else of the
    article's own, as ``guide.cn.md`` or a section's ``guide/_index.cn.md`` (the default
    language's without its key too)."""
    site = next((site for site in config.layout.hugo if site.holds(relpath)), None) if config.layout is not None else None
    if site is None:
        return []
    first, _, rest = address.partition("/")
    if first.lower() in site.languages:
        key = first.lower()
    else:
        key, rest = page_language(site, identity.locale, config) or site.default, address
    path = f"{site.content}/{rest.strip('/')}".rstrip("/")
    keys = [key, ""] if key == site.default else [key]
    markdown = MARKDOWN.suffixes[0]
    return [("", f"{page}.{k}{markdown}" if k else page + markdown) for k in keys for page in (path, f"{path}/_index", f"{path}/index")]


def _mounted_bases(address: str, relpath: str, identity: "Identity", config: "Config") -> list[tuple[str, str]]:
    """Candidates from the mounts of the Hugo site that holds the article (kblint.kb.hugo):
    the files it serves the address from in the article's language, or the one the
    address's first segment names (``/docs/specs/x/`` from the folder mounted at
    ``content/docs/specs``)."""
    project = config.layout.hugo_project_of(relpath) if config.layout is not None else None
    if project is None:
        return []
    return [("", path) for path in project.sources_at(address, page_language(project, identity.locale, config))]


def _routed_bases(clean: str, trailing: str, relpath: str, identity: "Identity", config: "Config") -> list[tuple[str, str]]:
    """Candidates from a Docusaurus site's routes (kblint.kb.site.Routes): the content folder
    served at the address's route (``/general/x`` is ``docs/general/x`` where ``docs`` is served
    at ``/``), a translation's own tree first; a link to a file (``/general/x.md``) is looked
    for in the article's content folder first, as Docusaurus does; a blog post's address
    (``/blog/2020/05/27/name``) is its dated file (``blog/2020-05-27-name.md``), and so is one of
    another blog the site serves (``/release-notes/2024/01/30/5.2.0``)."""
    layout = config.layout
    if layout is None or not layout.routes.folders:
        return []
    own = _own_content_folder(identity, layout)
    # A link to a file: the article's own content folder (its version's, its language's).
    bases = _in_content_folder(clean, relpath, identity, config, own) if clean.lower().endswith(PAGE_SUFFIXES) else []
    dated = _BLOG_POST_ADDRESS.fullmatch(clean)
    if dated is not None and dated["blog"] != "blog":
        # Another blog's address (a plugin instance's route, /release-notes/2024/01/30/name):
        # its dated file in the folder that route serves.
        post = f"{dated['y']}-{dated['m']}-{dated['d']}-{dated['name']}"
        bases.extend(("", f"{folder}/{post}") for route, folder in layout.routes.folders if route == dated["blog"] and folder in layout.routes.blogs)
    elif dated is not None:
        # /blog/2020/05/27/name is the post blog/2020-05-27-name.md (or its folder's index).
        post = f"{dated['blog']}/{dated['y']}-{dated['m']}-{dated['d']}-{dated['name']}"
        if own is not None:
            # A translation's site serves its own language's post there (Docusaurus puts the
            # locale's base before a root-relative address).
            blogs = (folder for route, folder in layout.routes.folders if route == dated["blog"])
            translated = (_translated_content(identity, layout, folder) for folder in blogs)
            bases.extend(("", f"{folder}/{post.partition('/')[2]}") for folder in translated if folder)
        bases.extend(("", f"{posixpath.dirname(folder)}/{post}".lstrip("/")) for _, folder in layout.routes.folders)
    for folder, rest in served_from(clean, layout.routes):
        translated = identity.root if own == folder else (_translated_content(identity, layout, folder) if own else None)
        if translated:
            bases.append(("", f"{translated}/{rest}" if rest else translated))
        bases.append(("", f"{folder}/{rest}" if rest and folder else (folder or rest)))
    return [(locale, path + trailing if path else path) for locale, path in bases]


def served_from(address: str, routes: Routes) -> Iterator[tuple[str, str]]:
    """(content folder, path in it) of each of a Docusaurus site's content folders whose route
    the site address ``address`` (no leading slash) lies under."""
    for route, folder in routes.folders:
        if not route or address == route or address.startswith(route + "/"):
            yield folder, address[len(route) + 1 :] if route else address


def _in_content_folder(path: str, relpath: str, identity: "Identity", config: "Config", own: str | None = None) -> list[tuple[str, str]]:
    """The base of the file ``path`` in the Docusaurus content folder of the article at
    ``relpath`` (none outside one); ``own``: its translation's mirrored folder, if known."""
    content = _content_folder(relpath, identity, config, own)
    if content is None:
        return []
    # Docusaurus looks in the translation's folder, then in the one it mirrors.
    mirrored = own or (_own_content_folder(identity, config.layout) if config.layout is not None else None)
    folders = [content] + ([mirrored] if mirrored is not None and mirrored != content else [])
    return [("", posixpath.normpath(f"{folder}/{path}") if folder else path) for folder in folders]


def _jekyll_post(address: str) -> list[tuple[str, str]]:
    """The post a Jekyll site serves at ``address`` (no leading slash): its categories (the
    folders above ``_posts``), then the date and the name its file is named by:
    /en/news/2018/03/28/name/ (or name.html) is en/news/_posts/2018-03-28-name.md."""
    post = _JEKYLL_POST_ADDRESS.fullmatch(address)
    if post is None:
        return []
    folder = f"{post['categories']}/_posts" if post["categories"] else "_posts"
    return [("", f"{folder}/{post['y']}-{post['m']}-{post['d']}-{post['name']}")]


_JEKYLL_POST_ADDRESS = re.compile(r"(?:(?P<categories>.+)/)?(?P<y>\d{4})/(?P<m>\d{2})/(?P<d>\d{2})/(?P<name>[^/]+?)(?:\.html)?")


# A Docusaurus blog post's address: its blog route (blog), then the date its file name starts with.
_BLOG_POST_ADDRESS = re.compile(r"(?P<blog>[^/]+(?:/[^/]+)*?)/(?P<y>\d{4})/(?P<m>\d{2})/(?P<d>\d{2})/(?P<name>[^/]+)")
_VERSION_FOLDER = re.compile(r"(?:^|/)versioned_docs/version-[^/]+(?=/)")


def _content_folder(relpath: str, identity: "Identity", config: "Config", own: str | None = None) -> str | None:
    """The Docusaurus content folder that holds the article at ``relpath``: a translation's
    tree, a version's folder (``versioned_docs/version-2.x``), or the route's folder
    (``docs``); None on a site that is no Docusaurus site, or outside its content. ``own``:
    the folder the translation mirrors, where the caller has it already."""
    layout = config.layout
    if layout is None or not layout.routes.folders:
        return None
    if (own or _own_content_folder(identity, layout)) is not None:
        return identity.root
    version = _VERSION_FOLDER.search(relpath)
    if version is not None:
        return relpath[: version.end()]
    holding = [folder for _, folder in layout.routes.folders if not folder or relpath.startswith(folder + "/")]
    return max(holding, key=len) if holding else None


def slug_address(relpath: str, identity: "Identity", slug: object, config: "Config", from_id: bool = False) -> str | None:
    """Where a Docusaurus page's front-matter ``slug`` serves it, as a root-relative path in
    its content folder after a "/" (what a link's base names there): a blog post's slug is
    under its blog's route (``slug: launch`` is /blog/launch), a doc's under its content
    folder's route when absolute (``/intro``), else beside its file. ``from_id``: the ``slug``
    is a doc's ``id``, its name beside its file (a blog post's names no address). None
    elsewhere."""
    layout = config.layout
    if not isinstance(slug, str) or not slug.strip() or layout is None or not layout.routes.folders:
        return None
    if from_id and ("/" in slug or slug.strip() == posixpath.basename(relpath).rpartition(".")[0]):
        return None  # (an id with a folder in it, or the file's own name: no other address)
    content = _content_folder(relpath, identity, config)
    if content is None:
        return None
    mirrored = _own_content_folder(identity, layout) or content
    if from_id and mirrored in layout.routes.blogs:
        return None
    written = slug.strip()
    if mirrored in layout.routes.blogs or written.startswith("/"):
        path = f"{content}/{written.strip('/')}" if content else written.strip("/")
    else:
        path = posixpath.join(posixpath.dirname(relpath), written)
    path = posixpath.normpath(path).strip("/")
    return None if path.startswith("..") or path == "." else "/" + path


def _own_content_folder(identity: "Identity", layout: "Layout") -> str | None:
    """The content folder (root-relative: ``docs``) a translation's tree mirrors, if it is
    one of Docusaurus' (``i18n/fr/docusaurus-plugin-content-docs/current``)."""
    if identity.locale_source == "default" or not identity.root:
        return None
    tree = layout.tree_of(identity.root + "/")
    return _mirrored(tree, layout) if tree is not None and tree.mount else None


def _mirrored(tree: "Tree", layout: "Layout") -> str:
    """The content folder (root-relative) the translation's tree ``tree``, which has a mount,
    mirrors: its mount in the source's root."""
    source_root = layout.source_root_of(tree.folder)
    return f"{source_root}/{tree.mount}" if source_root else tree.mount


def _translated_content(identity: "Identity", layout: "Layout", folder: str) -> str | None:
    """The tree, in the language of the Docusaurus translation ``identity`` is in, that mirrors
    the content folder ``folder`` (a translated docs page's address under the community
    plugin's route is that plugin's page in the same language)."""
    tree = layout.tree_of(identity.root + "/")
    if tree is None:
        return None
    i18n, marker, _ = tree.folder.partition("/docusaurus-plugin-content-")
    for other in layout.trees:
        if other.name == tree.name and other.mount and other.folder.startswith(i18n + marker) and _mirrored(other, layout) == folder:
            return other.folder
    return None


def _inside_the_source_tree(root: str, config: "Config") -> bool:
    """Is the locale root ``root`` a folder inside the source language's tree (Hexo's
    ``source/zh-cn`` in ``source``, Starlight's ``docs/zh-cn`` in ``docs``, VuePress's ``de``
    in the root)?"""
    layout = config.layout
    if not root or layout is None:
        return False
    return layout.source_root_of(root) is not None or (layout.source_at_root and "/" not in root)


def _site_destination(url: str, identity: "Identity", config: "Config") -> Destination | None:
    if not config.base_urls:
        return None
    if url.startswith("//"):
        url = "https:" + url
    path, query, fragment = _split(url)
    for template in config.base_urls:
        m = _site_pattern(template).fullmatch(path)
        if m is None:
            continue
        inner = posixpath.normpath(unquote(m.group("path")).strip("/")) if m.group("path") else ""
        inner = "" if inner == "." else inner
        named = canonical_locale(m.group("locale"), config) if "locale" in m.groupdict() and m.group("locale") else None
        locale = named or _query_locale(query, config)
        bases = [(locale or identity.locale, inner)]
        if locale is None and identity.locale != config.source_locale:
            bases.append((config.source_locale, inner))
        return Destination("site", tuple(bases), fragment, locale)
    return None


# Docusaurus's number prefix: "01-", "2_", "10. " before a name (its default parser's, which
# leaves a date or a version alone: 2021-05-21, 1.0.0, 01-2fa).
_NUMBER_PREFIX = re.compile(r"(?<![^/])\d+\s*[-_.]+\s*(?=[^-_.\s/\d])")


def _unnumbered(path: str) -> str:
    """``path`` without the number prefixes of its folders and name (``02-setup/01-install``)."""
    return _NUMBER_PREFIX.sub("", path)


def _served_paths(paths: "Iterable[str]", folders: tuple[str, ...], served: Callable[[str], str]) -> Iterator[tuple[str, str]]:
    """(file, the path its site serves it at) of each file of ``folders`` whose path inside
    its folder ``served`` changes: without number prefixes (Docusaurus), kebab-case (dumi 2)."""
    if not folders:
        return
    for path in paths:
        folder = next((f for f in folders if not f or path.startswith(f + "/")), None)
        if folder is not None:
            inside = path[len(folder) + 1 :] if folder else path
            address = served(inside)
            if address != inside:
                yield path, f"{folder}/{address}" if folder else address


def candidates(path: str) -> Iterable[str]:
    """The files a link path may mean, most literal first."""
    if path.endswith("/") or not path:
        folder = path.rstrip("/")
        for name in INDEX_NAMES:
            yield f"{folder}/{name}" if folder else name
        if folder:
            # Sites serve a page at its path with a trailing slash too (/learn/x/ is
            # learn/x.md), so a folder link may name a page beside the folder.
            for extension in ARTICLE_SUFFIXES:
                yield folder + extension
            yield from _category_pages(folder)
        return
    yield path
    lowered = path.lower()
    if lowered.endswith(SITE_PAGE_SUFFIXES):
        stem = path.rsplit(".", 1)[0]
        for extension in ARTICLE_SUFFIXES:
            yield stem + extension
        for name in INDEX_NAMES:
            yield f"{stem}/{name}"
        return
    if lowered.endswith(ARTICLE_SUFFIXES):
        return
    for extension in ARTICLE_SUFFIXES:
        yield path + extension
    for name in INDEX_NAMES:
        yield f"{path}/{name}"
    yield from _category_pages(path)


def _category_pages(folder: str) -> Iterator[str]:
    """The page a Docusaurus site serves at ``folder``/ for its category: ``a/a.md``."""
    name = posixpath.basename(folder)
    for extension in ARTICLE_SUFFIXES:
        yield f"{folder}/{name}{extension}"


@dataclass
class Resolution:
    """The file a link reaches, or what comes nearest (a name in another case, a folder)."""

    path: str | None  # the file the link reaches
    case_path: str | None = None  # a file whose name differs only in case, when none matches
    folder: bool = False  # the link names an existing folder (with no index file)
    generated: bool = False  # the build writes the page (kblint.kb.site): it cannot be checked here

    @property
    def leads_somewhere(self) -> bool:
        """Does the link reach a file, a folder or a page the build writes?"""
        return self.path is not None or self.folder or self.generated


_MEMO_LIMIT = 100_000  # resolutions remembered


class Resolver:
    """Resolves bases against the files of the knowledge base."""

    def __init__(self, paths: Iterable[str], locale_roots: dict[str, list[str]], site: "Site | None" = None) -> None:
        self.paths = paths if isinstance(paths, (set, frozenset)) else set(paths)
        self.locale_roots = locale_roots  # locale -> the roots its articles were found under
        self.site = site or Site()
        self._folded: dict[str, str] | None = None
        self._slugged: dict[str, str] | None = None  # by address, where the site lowercases them
        self._folders: set[str] | None = None
        self._folder_names: set[str] | None = None
        self._memo: dict[tuple, Resolution] = {}
        self._by_name: dict[str, list[tuple[str, str]]] | None = None  # a vault's names, folded too (see _named)
        self._renamed_paths: dict[str, str] | None = None  # a file by the path its site serves it at (number prefixes left out, kebab-case)

    def concrete(self, base: tuple[str, str]) -> list[str]:
        """The root-relative paths a base names (a locale's base: one in each of its roots)."""
        locale, path = base
        if not locale:
            return [path]
        if locale == WIKI:
            return self._named(*path.split(WIKI_PARTS))
        if locale == SITE_ROOT:
            parents = {posixpath.dirname(root) for roots in self.locale_roots.values() for root in roots if root}
            return [f"{parent}/{path}" for parent in sorted(parents) if parent]
        roots = self.locale_roots.get(locale, [])
        return [f"{root}/{path}" if root else path for root in roots] or []

    def resolve(self, bases: tuple[tuple[str, str], ...]) -> Resolution:
        found = self._memo.get(bases)
        if found is not None:
            return found
        # Each concrete path with the path the link wrote (a base's, before its root).
        concrete = [(p, base[1]) for base in bases for p in self.concrete(base)]
        result = None
        for path, _ in concrete:
            for candidate in candidates(path):
                if candidate in self.paths:
                    result = Resolution(candidate)
                    break
            if result is not None:
                break
        if result is None and (self.site.numbered_folders or self.site.kebab_folders):
            result = self._renamed(concrete)
        if result is None:
            result = self._near_miss(concrete)
        if len(self._memo) >= _MEMO_LIMIT:
            self._memo.clear()  # a language server resolves what is typed, for days: keep it bounded
        self._memo[bases] = result
        return result

    def _renamed(self, concrete: list[tuple[str, str]]) -> "Resolution | None":
        """The file a Docusaurus site serves at a path without the number prefixes of its
        folders and names (``quickStart/01quickstart`` is ``02-quickStart/01quickstart.md``),
        or a dumi site at its path made kebab-case (``core/brush-filter`` is
        ``core/brushFilter.zh.md``)."""
        if self._renamed_paths is None:
            self._renamed_paths = {}
            for folders, served in ((self.site.numbered_folders, _unnumbered), (self.site.kebab_folders, kebab_route)):
                for path, address in _served_paths(self.paths, folders, served):
                    self._renamed_paths.setdefault(address, path)
        if not self._renamed_paths:
            return None
        for path, _ in concrete:
            for candidate in candidates(path):
                found = self._renamed_paths.get(candidate)
                if found is not None:
                    return Resolution(found)
        return None

    def _named(self, root: str, folder: str, name: str) -> list[str]:
        """The files of the vault at ``root`` that a link written in ``folder`` finds by
        ``name``, best first, as Obsidian finds them: a path's last parts, in any case, the
        note's without its suffix; the one beside the linking note first, then the shortest."""
        if self._by_name is None:
            self._by_name = _names_of(self.paths)
        wanted = posixpath.normpath(posixpath.join(folder, name)) if name.startswith(("./", "../")) else name.strip("/")
        if name.startswith(("./", "../")) and root and wanted.startswith(root + "/"):
            wanted = wanted[len(root) + 1 :]
        folded, within = wanted.casefold(), root + "/"
        candidates = self._by_name.get(folded.rpartition("/")[2], ())
        inside = [p for p, f in candidates if (not root or p.startswith(within)) and _ends_with_name(f, folded)]
        return sorted(inside, key=lambda p: (posixpath.dirname(p) != folder, len(p), p))

    def has_folder_named(self, name: str) -> bool:
        """Does a folder of the knowledge base (at any depth) have the name ``name``?"""
        if self._folder_names is None:
            self._folder_names = {posixpath.basename(folder) for folder in self.folders()}
        return name in self._folder_names

    def folders(self) -> set[str]:
        if self._folders is None:
            self._folders = {posixpath.dirname(p) for p in self.paths}
            for folder in list(self._folders):
                # An absolute path (a file outside the root) ends at "/", whose dirname is itself.
                while folder and folder != (parent := posixpath.dirname(folder)):
                    folder = parent
                    self._folders.add(folder)
        return self._folders

    def _near_miss(self, concrete: list[tuple[str, str]]) -> Resolution:
        """What comes nearest to the ``concrete`` paths (each with the path the link wrote,
        before its root): a folder, a file whose name differs only in case, a page the build
        writes."""
        folders = self.folders()
        if self._folded is None:
            self._folded = {}
            for p in sorted(self.paths):
                self._folded.setdefault(p.casefold(), p)
        for path, _ in concrete:
            if path.rstrip("/") in folders:
                return Resolution(None, folder=True)
        for path, written in concrete:
            lowercase = self.site.lowercase_addresses and _lowercase_address(written)
            for candidate in candidates(path):
                if lowercase:
                    served = self._served_at(candidate)
                    if served is not None:
                        return Resolution(served)  # the site serves that file at this address
                actual = self._folded.get(candidate.casefold())
                if actual is not None:
                    return Resolution(None, case_path=actual)
        if self.site.writes_any(c for path, _ in concrete for c in candidates(path)):
            return Resolution(None, generated=True)
        if self.site.pages_folder is not None and any(served_by_a_route(self.site.pages_folder, written, self.paths) for _, written in concrete):
            return Resolution(None, generated=True)  # a route of the site's own: the build writes it
        return Resolution(None)

    def _served_at(self, candidate: str) -> str | None:
        """The file a site that lowercases addresses serves at ``candidate`` (its folders and
        name made a slug: ``Inter-Process Communication/index.mdx`` at
        ``inter-process-communication/``)."""
        if self._slugged is None:
            self._slugged = {}
            for p in sorted(self.paths):
                self._slugged.setdefault(address_slug(p), p)
        return self._slugged.get(address_slug(candidate))


def _names_of(paths: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
    """Each file, with its path folded, by the last part of the names a vault's link may give
    it, folded: its file's name, and a note's also without its suffix (``c.md``, ``c``).
    ``_ends_with_name`` then tells which of those a longer name (``b/c``) gives: a run of one
    note resolves a few names, and every ending of 11,000 paths took it longer than the rest
    of its links."""
    names: dict[str, list[tuple[str, str]]] = {}
    for path in paths:
        folded = path.casefold()
        last = folded.rpartition("/")[2]
        names.setdefault(last, []).append((path, folded))
        if last.endswith(PAGE_SUFFIXES):
            names.setdefault(last.rpartition(".")[0], []).append((path, folded))
    return names


def _ends_with_name(path: str, name: str) -> bool:
    """Does a vault's link that gives ``name`` name the file at ``path`` (both folded): is
    ``name`` its path's ending, whole parts of it, a note's with or without its suffix?"""
    for ending in (path, path.rpartition(".")[0] if path.endswith(PAGE_SUFFIXES) else None):
        if ending is not None and (ending == name or ending.endswith("/" + name)):
            return True
    return False


def _lowercase_address(path: str) -> bool:
    """Is ``path`` a page's address (no file suffix: ``develop/plugins/``) in lower case, as a
    site that lowercases addresses serves it?"""
    name = path.rstrip("/").rpartition("/")[2]
    return path == path.lower() and (path.endswith("/") or "." not in name)


def locale_in_url(url: str, locale_folder: str) -> tuple[int, int] | None:
    """Where in ``url`` the segment or ``lang=`` value ``locale_folder`` is written
    (case-insensitive), as (start, end) offsets: the part to rewrite for another locale."""
    m = re.search(rf"(?:(?<=/)|^){re.escape(locale_folder)}(?=/)", url.split("#", 1)[0].split("?", 1)[0], re.IGNORECASE)
    if m:
        return m.start(), m.end()
    m = re.search(rf"[?&](?:{'|'.join(LOCALE_PARAMETERS)})=({re.escape(locale_folder)})(?=&|#|$)", url, re.IGNORECASE)
    if m:
        return m.start(1), m.end(1)
    return None
