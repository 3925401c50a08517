"""A site Vant CLI builds (``kblint.model.layout.VantSite``): its pages are routes of a
client-side router, written after the address's ``#``.

A ``vant.config.mjs`` (or ``.js``) whose ``site`` names a ``defaultLang``, ``locales`` or a
``nav`` builds a site from the folder it is in: every Markdown file of ``docs/`` (at any depth;
``faq.zh-CN.md`` in Chinese, ``faq.md`` in the default language) and the ``README.md`` of each
component folder of its ``srcDir`` (``src/button/README.md`` in the default language,
``README.zh-CN.md`` in another). A page's route is its language and its name in kebab case
(``#/zh-CN/button``, ``#/en-US/advanced-usage``), or its name alone when the site has no
locales; ``#/zh-CN`` is the language's ``home``. After the route a second ``#`` names a place on
the page (``#/en-US/button#props``): Vant CLI gives a heading the id transliteration's slugify
makes (``Basic Usage`` is ``basic-usage``; a Chinese heading's is its pinyin). The configuration
is read as text, not run: only what it writes out as literals counts.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterable

from kblint.formats.heading_ids import numbered
from kblint.formats.registry import MARKDOWN, format_for, without_article_suffix
from kblint.kb.site import QUOTED, enclosed, enclosing_array, first_config
from kblint.model.layout import VantSite

_CONFIGS = ("vant.config.mjs", "vant.config.js")
_MD = MARKDOWN.suffixes[0]  # Vant CLI reads README.md, and no other of Markdown's suffixes
_SITE_KEYS = re.compile(r"""(?<![\w.])["']?(?:defaultLang|locales|nav)["']?\s*:""")
_DEFAULT_LANG = re.compile(r"""(?<![\w.])["']?defaultLang["']?\s*:\s*(["'`])([^"'`]+)\1""")
_SRC_DIR = re.compile(r"""(?<![\w.])["']?srcDir["']?\s*:\s*(["'`])([^"'`]+)\1""")
_PUBLIC_PATH = re.compile(r"""(?<![\w.])["']?publicPath["']?\s*:([^\n]*(?:\n[^\n:]*)?)""")
_LOCALES = re.compile(r"""(?<![\w.])["']?locales["']?\s*:\s*\{""")
_VERSIONS = re.compile(r"""(?<![\w.])["']?versions["']?\s*:\s*\[""")
_KEY = re.compile(r"""["']?([\w-]+)["']?\s*:""")
_INNER = re.compile(r"\{[^{}]*\}|\[[^\[\]]*\]")


def vant_sites(root: Path, folders: Iterable[str]) -> tuple[VantSite, ...]:
    """The sites configured in ``folders`` (root-relative, "" for the root), deepest first."""
    sites = []
    for folder in folders:
        config = first_config([root / folder if folder else root], _CONFIGS)
        if config is not None and _SITE_KEYS.search(config[1]):
            sites.append(_site(root, folder, config[1]))
    return tuple(sorted(sites, key=lambda site: -len(site.folder)))


def _site(root: Path, folder: str, text: str) -> VantSite:
    prefix = f"{folder}/" if folder else ""
    default = _DEFAULT_LANG.search(text)
    default_lang = default.group(2) if default else ""
    src = _SRC_DIR.search(text)
    public = _PUBLIC_PATH.search(text)
    return VantSite(
        folder,
        default_lang,
        _locales(text),
        prefix + (src.group(2).strip("./") if src else "src"),
        _pages(root, prefix + "docs", default_lang),
        tuple(q.group(2) for q in QUOTED.finditer(public.group(1)) if q.group(2).startswith("/")) if public else (),
        _versions(text),
    )


def _locales(text: str) -> tuple[str, ...]:
    """The keys of ``site.locales`` (``zh-CN``, ``en-US``)."""
    m = _LOCALES.search(text)
    if m is None:
        return ()
    body = enclosed(text, m.end() - 1)
    while True:  # the values' own objects and arrays out, so that only the keys are left
        flat = _INNER.sub("", body)
        if flat == body:
            break
        body = flat
    return tuple(k.group(1) for k in _KEY.finditer(body))


def _versions(text: str) -> tuple[str, ...]:
    """The addresses ``site.versions`` links to (``/vant/v2/``): other versions' sites."""
    m = _VERSIONS.search(text)
    if m is None:
        return ()
    return tuple(q.group(2) for q in QUOTED.finditer(enclosing_array(text, m.end() - 1)) if q.group(2).startswith("/"))


def _pages(root: Path, docs: str, default_lang: str) -> tuple[tuple[str, str, str], ...]:
    """(route name, language, path) of each Markdown file of ``docs``, as Vant CLI names it
    from the file's name alone: ``faq.zh-CN.md`` is ``faq`` in ``zh-CN``."""
    pages = []
    for folder, subfolders, files in os.walk(root / docs):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith(".") and name != "node_modules")
        for name in sorted(files):
            if format_for(name) is not MARKDOWN:
                continue
            parts = without_article_suffix(name).split(".")
            relpath = Path(folder, name).relative_to(root).as_posix()
            pages.append((route_name(parts[0]), parts[1] if len(parts) > 1 else default_lang, relpath))
    return tuple(pages)


def route_name(name: str) -> str:
    """The route Vant CLI gives a file or folder name: pascal case, then decamelized
    (``action-sheet`` and ``ActionSheet`` are ``action-sheet``)."""
    pascal = re.sub(r"-(\w)", lambda m: m.group(1).upper(), name)
    pascal = pascal[:1].upper() + pascal[1:]
    spaced = re.sub(r"([a-z\d])([A-Z])", r"\1-\2", pascal)
    return re.sub(r"([A-Z])([A-Z][a-z\d]+)", r"\1-\2", spaced).lower()


def site_holding(sites: tuple[VantSite, ...], relpath: str) -> VantSite | None:
    """The site whose folder holds the page ``relpath`` (the deepest)."""
    return next((site for site in sites if site.holds(relpath)), None)


def _as_folder(address: str) -> str:
    """A root-absolute address as a folder's (``/vant`` and ``/vant/`` are ``/vant/``)."""
    inner = address.strip("/")
    return f"/{inner}/" if inner else "/"


def site_served_at(sites: tuple[VantSite, ...], address: str) -> VantSite | None:
    """The site served at the root-absolute ``address`` (``/vant/``)."""
    wanted = _as_folder(address)
    return next((site for site in sites if wanted in site.public_paths), None)


def served_below(address: str, folders: Iterable[str]) -> bool:
    """Does the root-absolute ``address`` lie at or below one of ``folders`` (``/vant/``)?"""
    wanted = _as_folder(address)
    return any(wanted.startswith(folder) for folder in folders)


def another_version(sites: tuple[VantSite, ...], address: str) -> bool:
    """Is ``address`` in another version of a site (``/vant/v2/``), built from elsewhere?"""
    return served_below(address, (version for site in sites for version in site.versions))


def route_pages(site: VantSite, route: str, own: str | None = None) -> tuple[list[str], str | None]:
    """The files that may serve ``route`` (``zh-CN/button``), and the language it names; the
    site's own address (``/``) is its home in the reader's language, ``own`` (a site locale)."""
    parts = [part for part in route.split("/") if part]
    if not parts:
        homes = [(lang != own, path) for page, lang, path in site.pages if page == "home"]
        return [path for _, path in sorted(homes)], None
    lang = None
    if site.locales and parts[0] in site.locales:
        lang = parts.pop(0)
    elif site.locales:
        return [], None  # no language the site has: the router sends the reader home
    if len(parts) > 1:
        return [], lang
    name = parts[0] if parts else "home"
    wanted = lang or site.default_lang
    paths = [path for page, page_lang, path in site.pages if page == name and page_lang == wanted]
    tag = "" if lang is None or lang == site.default_lang else f".{lang}"
    paths.append(f"{site.src}/{name}/README{tag}{_MD}")
    return paths, lang


def heading_ids(texts: list[str]) -> tuple[list[str], bool]:
    """The ids Vant CLI gives headings of these texts, and whether every one is known: a
    heading with other than ASCII is transliterated (Chinese into pinyin), which is not done
    here."""
    bases = []
    known = True
    for text in texts:
        if not text.isascii():
            known = False
            continue
        bases.append(re.sub(r"-{2,}", "-", re.sub(r"[^a-z0-9\-_.~]+", "-", text.lower())).strip("-"))
    return list(numbered(bases)), known
