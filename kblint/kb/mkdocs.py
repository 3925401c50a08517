"""A MkDocs site: the folder of a ``mkdocs.yml`` serves the Markdown of its ``docs_dir``
(``docs`` beside it unless the configuration names another) from the site's root, so that a
root-absolute address (``/img/tutorial/body.png``) names a file of that folder. A translation
that a script builds from a mirror of it (``docs/de/docs`` beside ``docs/en/docs``) is served
under its language's address, and its root-absolute addresses are the main site's. The
configuration is read as text, not loaded: MkDocs' own YAML tags (``!!python/name:…``) need
MkDocs to be read, and only ``docs_dir`` counts here.
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
        found.append(MkDocsSite("" if content == "." else content, mirrors))
    return tuple(sorted(dict.fromkeys(found), key=lambda site: len(site.content), reverse=True))


def content_root_of(sites: tuple[MkDocsSite, ...], relpath: str) -> str | None:
    """The content folder of ``sites`` (deepest first) that holds ``relpath``."""
    return next((site.content for site in sites if not site.content or relpath.startswith(site.content + "/")), None)
