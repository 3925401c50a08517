"""A MkDocs site: the folder of a ``mkdocs.yml`` serves the Markdown of its ``docs_dir``
(``docs`` beside it unless the configuration names another) from the site's root, so that a
root-absolute address (``/img/tutorial/body.png``) names a file of that folder. A translation
that a script builds from a mirror of it (``docs/de/docs`` beside ``docs/en/docs``) is served
under its language's address, and its root-absolute addresses are the main site's. The
configuration is read as text, not loaded: MkDocs' own YAML tags (``!!python/name:…``) need
MkDocs to be read, and only ``docs_dir``, whether a ``slugify`` is chosen for the headings'
ids (Python-Markdown's own unless one is) and the i18n plugin's default language count here.

The i18n plugin (mkdocs-static-i18n) names a page's translations by suffix by default:
``guide.md`` is the page in the default language, ``guide.en.md`` its English. The default
language is the one its ``languages`` list marks ``default: true`` (``default_language:`` in
the plugin's first versions), which need not be English.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Iterable

from kblint.kb.site import first_config
from kblint.model.layout import MkDocsSite

_CONFIGS = ("mkdocs.yml", "mkdocs.yaml")
_DOCS_DIR = re.compile(r"""^docs_dir:[ \t]*(["']?)([^"'#\n]+?)\1[ \t]*(?:#.*)?$""", re.MULTILINE)
_SLUGIFY = re.compile(r"^[ \t]+slugify:", re.MULTILINE)
_I18N_PLUGIN = re.compile(r"^([ \t]*)(?:-[ \t]+)?i18n:[ \t]*(?:#.*)?$", re.MULTILINE)
_VALUE = r"""[ \t]*(["']?)([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)\2[ \t]*(?:#.*)?$"""
_OLD_DEFAULT = re.compile(r"^([ \t]+)default_language:" + _VALUE, re.MULTILINE)
_LOCALE_ITEM = re.compile(r"^([ \t]*)-[ \t]+locale:" + _VALUE, re.MULTILINE)
_MARKED_DEFAULT = re.compile(r"^[ \t]+default:[ \t]*true[ \t]*(?:#.*)?$", re.MULTILINE | re.IGNORECASE)


def mkdocs_sites(root: Path, folders: Iterable[str], locale_folders: Iterable[str] = ()) -> tuple[MkDocsSite, ...]:
    """The sites a ``mkdocs.yml`` in one of ``folders`` (relative to ``root``, "" for the root)
    builds, deepest content folder first; those outside ``root`` left out. A site whose folder
    is one of ``locale_folders`` (``docs/en``) has the same folder in each other one beside it
    as its mirrors (``docs/de/docs``)."""
    locales = set(locale_folders)
    found = []
    for folder in folders:
        config = first_config([root / folder if folder else root], _CONFIGS)
        if config is None:
            continue
        m = _DOCS_DIR.search(config[1])
        docs_dir = m.group(2).strip() if m else "docs"
        content = posixpath.normpath(posixpath.join(folder, docs_dir))
        if content == ".." or content.startswith(("../", "/")):
            continue
        parent = posixpath.dirname(folder)
        siblings = sorted(other for other in locales if other != folder and posixpath.dirname(other) == parent) if folder in locales else []
        mirrors = tuple(posixpath.normpath(posixpath.join(other, docs_dir)) for other in siblings)
        scheme = None if _SLUGIFY.search(config[1]) else "python-markdown"
        found.append(MkDocsSite("" if content == "." else content, mirrors, i18n_default_language(config[1]), scheme))
    return tuple(sorted(dict.fromkeys(found), key=lambda site: len(site.content), reverse=True))


def content_root_of(sites: tuple[MkDocsSite, ...], relpath: str) -> str | None:
    """The content folder of ``sites`` (deepest first) that holds ``relpath``."""
    return next((site.content for site in sites if not site.content or relpath.startswith(site.content + "/")), None)


def i18n_default_language(text: str) -> str | None:
    """The default language that the i18n plugin's block of the configuration ``text`` names,
    or None where there is no such block or it marks none."""
    block = _plugin_block(text)
    if block is None:
        return None
    old = _OLD_DEFAULT.search(block)
    if old:
        return old.group(3)
    items = list(_LOCALE_ITEM.finditer(block))
    for item, following in zip(items, [*items[1:], None]):
        # (an item's keys follow its ``- locale:`` line, up to the next item)
        body = block[item.end() : following.start() if following else len(block)]
        if _MARKED_DEFAULT.search(_first_level(body, len(item.group(1)))):
            return item.group(3)
    return None


def _plugin_block(text: str) -> str | None:
    """The lines under the ``i18n:`` plugin's key: those indented deeper than its line."""
    m = _I18N_PLUGIN.search(text)
    if m is None:
        return None
    indent = len(m.group(1))
    kept = []
    for line in text[m.end() + 1 :].split("\n"):
        stripped = line.lstrip(" \t")
        if stripped and not stripped.startswith("#") and len(line) - len(stripped) <= indent:
            break
        kept.append(line)
    return "\n".join(kept)


def _first_level(body: str, dash_indent: int) -> str:
    """The lines of a list item's ``body`` that are its own keys, not those of a mapping nested
    in it (``nav_translations``): indented two past the item's dash."""
    return "\n".join(line for line in body.split("\n") if len(line) - len(line.lstrip(" \t")) <= dash_indent + 2)
