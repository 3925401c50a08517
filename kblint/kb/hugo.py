"""A Hugo site that translates by file name: ``content/guide.en.md`` and ``content/guide.cn.md``
are one page in the languages its configuration names (``[languages.cn]``), served at
``/en/guide/`` and ``/cn/guide/`` (the default language without its key unless
``defaultContentLanguageInSubdir``); a section's page is its ``_index.<key>.md``. Found from a
``hugo.toml`` (or a ``config.toml`` beside ``content/`` and ``layouts/`` or ``themes/``) at the
root or in a folder a few levels down; loaded with the standard library's TOML reader, or
safely as YAML or JSON. A site whose languages keep folders of their own (``contentDir``) is
the locale folders' business (kblint.kb.layout), not this module's.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path
from typing import Any, Iterable

from kblint.kb.site import hugo_config
from kblint.model.layout import HugoSite

def hugo_sites(root: Path, folders: Iterable[str]) -> tuple[HugoSite, ...]:
    """The Hugo sites configured in ``folders`` (relative to ``root``) that translate by file
    name, deepest content folder first."""
    found = []
    for folder in folders:
        where = root / folder if folder else root
        data = _configuration(where)
        site = _site(data, folder, (where / "themes").is_dir()) if data is not None else None
        if site is not None:
            found.append(site)
    return tuple(sorted(dict.fromkeys(found), key=lambda site: len(site.content), reverse=True))


def _configuration(folder: Path) -> dict[str, Any] | None:
    """The configuration of the Hugo site at ``folder`` (``kblint.kb.site.hugo_config``),
    loaded; None where there is none, or kblint cannot read it."""
    path = hugo_config(folder)
    if path is None:
        return None
    try:
        return _loaded(path.name, path.read_text("utf-8"))
    except Exception:  # noqa: BLE001 - a configuration kblint cannot read is no site
        return None


def _loaded(name: str, text: str) -> dict[str, Any] | None:
    if name.endswith(".toml"):
        import tomllib

        data = tomllib.loads(text)
    elif name.endswith(".json"):
        data = json.loads(text)
    else:
        from kblint.formats import yamlsafe

        data = yamlsafe.load(text)
    return {str(k).lower(): v for k, v in data.items()} if isinstance(data, dict) else None


def _site(data: dict[str, Any], folder: str, themed: bool) -> HugoSite | None:
    """The site ``data`` configures, if its languages share one content folder."""
    languages = data.get("languages")
    if not isinstance(languages, dict) or len(languages) < 2:
        return None
    keys = []
    for key, settings in languages.items():
        if isinstance(settings, dict) and any(str(k).lower() == "contentdir" for k in settings):
            return None  # a folder a language: the locale folders' layout
        keys.append(str(key).lower())
    content = posixpath.normpath(posixpath.join(folder, str(data.get("contentdir") or "content")))
    if content == ".." or content.startswith(("../", "/")):
        return None
    default = str(data.get("defaultcontentlanguage") or "en").lower()
    in_subdir = bool(data.get("defaultcontentlanguageinsubdir"))
    return HugoSite(content, tuple(keys), default if default in keys else keys[0], in_subdir, folder, themed)
