"""Hugo sites: what each serves from where (``kblint.model.layout.HugoProject``), and those
that translate by file name (``HugoSite``).

A site is found from a ``hugo.toml`` (or a ``config.toml`` beside ``content/`` and ``layouts/``
or ``themes/``), or a configuration folder's ``config/_default/hugo.*``, at the root or in a
folder a few levels down; loaded with the standard library's TOML reader, or safely as YAML or
JSON. In a configuration folder each other file is the setting it is named for
(``languages.yaml``, ``module.yaml``).

**Mounts.** ``module.mounts`` say which folder the site serves as its content and static
files, for which languages: ``content/en`` as the content of English, ``content/ja`` as
Japanese's, ``tmp/spec`` at ``content/docs/specs``. A site that configures none has Hugo's:
``content`` (or ``contentDir``, a language's own where it has one) and ``static``. A mount
whose source holds nothing here (a submodule not checked out, a folder a script fills before
the build) serves pages that cannot be checked. A site that keeps its mounts in a template its
build turns into ``module.yaml`` (which is then not committed) is read from the template.

**Translated by file name.** ``content/guide.en.md`` and ``content/guide.cn.md`` are one page
in the languages the configuration names (``[languages.cn]``), served at ``/en/guide/`` and
``/cn/guide/`` (the default language without its key unless ``defaultContentLanguageInSubdir``);
a section's page is its ``_index.<key>.md``. A site whose languages keep folders of their own
(``contentDir``, or a content mount of their own) is the locale folders' business
(kblint.kb.layout), not this one's.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from kblint.formats.registry import HTML, MARKDOWN
from kblint.kb.site import address_slug, holds_something, hugo_config
from kblint.model.layout import HugoMount, HugoProject, HugoSite

if TYPE_CHECKING:
    from kblint.model.config import Config

# Settings a configuration folder keeps in a file of their own, by the file's name.
_OWN_FILES = ("languages", "module")


def hugo_projects(root: Path, folders: Iterable[str]) -> tuple[tuple[HugoProject, ...], tuple[HugoSite, ...]]:
    """The Hugo sites configured in ``folders`` (relative to ``root``), deepest folder first,
    and those of them that translate by file name, deepest content folder first."""
    projects, sites = [], []
    for folder in dict.fromkeys(folders):
        where = root / folder if folder else root
        if where.name == "_default" and where.parent.name == "config":
            continue  # a configuration folder, not a site's
        data = _configuration(where)
        if data is None:
            continue
        mounts = _mounts(root, folder, data)
        languages = data.get("languages")
        keys = tuple(str(key).lower() for key in languages) if isinstance(languages, dict) else ()
        themed, pretty = (where / "themes").is_dir(), not data.get("uglyurls")
        unprefixed = _unprefixed(data, keys)
        as_written = unprefixed is not None and _links_as_written(root, where)
        written = _default_key(data) if data.get("defaultcontentlanguage") else None  # (not Hugo's own default, en)
        projects.append(
            HugoProject(folder, mounts, keys, themed, pretty, _unrendered(data), _shortcode_files(where), unprefixed, as_written, default_language=written, permalinks=_permalinks(data))
        )
        site = _site(data, folder, mounts)
        if site is not None:
            sites.append(site)
    projects.sort(key=lambda project: len(project.folder), reverse=True)
    sites.sort(key=lambda site: len(site.content), reverse=True)
    return tuple(projects), tuple(dict.fromkeys(sites))


# The version of Hugo a site's build names: netlify.toml's HUGO_VERSION = "0.88.1", a GitHub
# workflow's hugo-version: '0.102.3'.
_HUGO_VERSION = re.compile(r"""hugo[-_]version["']?\s*[:=]\s*["']?v?(\d+)\.(\d+)""", re.IGNORECASE)
_EMBEDDED_LINK_HOOK = (0, 123)  # the first Hugo whose own link render hook resolves pages by language
# Where a site's own link render hook, or its theme's, is.
_LINK_HOOKS = tuple(f"{base}layouts/{kind}_markup/render-link*.html" for base in ("", "themes/*/") for kind in ("", "_default/"))


def _links_as_written(root: Path, where: Path) -> bool:
    """Does the Hugo site at ``where`` serve its Markdown links' destinations as written? Only
    where every version of Hugo its build names is older than 0.123: later ones render a link
    with their embedded hook (a multilingual site on one host, with no hook of its own), which
    finds ``/docs/x`` among the pages of the linking page's language. A site that names none
    is taken to build with a recent one, and one with a link hook of its own (or its theme's)
    to render them as that hook does, in the linking page's language too."""
    if any(any(where.glob(pattern)) for pattern in _LINK_HOOKS):
        return False
    texts = []
    for folder in dict.fromkeys((where, root)):
        texts.append(_text_of(folder / "netlify.toml"))
        workflows = folder / ".github" / "workflows"
        if workflows.is_dir():
            texts.extend(_text_of(path) for path in sorted(workflows.glob("*.y*ml")))
    versions = [(int(m.group(1)), int(m.group(2))) for text in texts for m in _HUGO_VERSION.finditer(text)]
    return bool(versions) and max(versions) < _EMBEDDED_LINK_HOOK


def _text_of(path: Path) -> str:
    try:
        return path.read_text("utf-8", errors="replace") if path.is_file() else ""
    except OSError:
        return ""


def _permalinks(data: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """The ``permalinks`` patterns of a site's pages, by section (``blog =
    "/:section/:year/:month/:day/:slug/"``; Hugo 0.112's by kind: ``[permalinks.page]``)."""
    written = data.get("permalinks")
    if not isinstance(written, dict):
        return ()
    pages = written.get("page")
    if isinstance(pages, dict):
        written = pages
    return tuple((str(section), pattern) for section, pattern in written.items() if isinstance(pattern, str))


def permalink_address(project: HugoProject, relpath: str, front: dict[str, Any]) -> str | None:
    """The address (from its content folder's top, after a "/") a section's ``permalinks``
    pattern gives the page at ``relpath``: ``/:section/:year/:month/:day/:slug/`` with its
    front matter's date and its slug, else its title made an address, as Hugo's ``urlize``
    makes it. None where no pattern applies, or a part it names is not there."""
    mount = project.content_mount_of(relpath) if project.permalinks and not _is_index(relpath) else None
    if mount is None:
        return None
    inner = relpath[len(mount.source) + 1 :]
    section = (posixpath.join(mount.inner, inner) if mount.inner else inner).partition("/")[0]
    pattern = dict(project.permalinks).get(section)
    if pattern is None or "/" not in inner:
        return None
    parts = _permalink_parts(relpath, section, front)
    if any(name not in parts for name in _PERMALINK_PART.findall(pattern)):
        return None  # (a post without a date, a part kblint does not know)
    address = _PERMALINK_PART.sub(lambda m: parts[m.group(1)], pattern)
    return _content_path(project, relpath, "/" + address.strip("/"), posixpath.dirname(relpath))


_PERMALINK_PART = re.compile(r":(\w+)")


def _permalink_parts(relpath: str, section: str, front: dict[str, Any]) -> dict[str, str]:
    """What each ``:part`` of a permalinks pattern is for a page: its section, the parts of
    its date, its slug (or its title's), its title's, its file's name."""
    name = posixpath.basename(relpath).rpartition(".")[0]
    if name == "index":
        name = posixpath.basename(posixpath.dirname(relpath))  # a page bundle: its folder's name
    parts = {"section": section, "filename": name, "contentbasename": name}
    date = front.get("date")
    day = re.match(r"(\d{4})-(\d{2})-(\d{2})", str(date)) if date is not None else None
    if day is not None:
        parts.update(year=day.group(1), month=day.group(2), day=day.group(3))
    title = front.get("title")
    if isinstance(title, str) and title.strip():
        parts["title"] = address_slug(title.strip())
    slug = front.get("slug")
    own = address_slug(str(slug).strip()) if isinstance(slug, (str, int)) and str(slug).strip() else None
    if own is not None or "title" in parts:
        parts["slug"] = own if own is not None else parts["title"]
    parts.update(slugorfilename=own or name, slugorcontentbasename=own or name)
    return parts


def _unprefixed(data: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    """The key of the language the site serves without it (``/docs/x``, not ``/en/docs/x``)."""
    if not keys or data.get("defaultcontentlanguageinsubdir"):
        return None
    default = _default_key(data)
    return default if default in keys else None


def _default_key(data: dict[str, Any]) -> str:
    """The key of the site's default language, as its configuration names it (Hugo's: en)."""
    return str(data.get("defaultcontentlanguage") or "en").lower()


def _configuration(folder: Path) -> dict[str, Any] | None:
    """The configuration of the Hugo site at ``folder`` (``kblint.kb.site.hugo_config``),
    loaded, with the settings its configuration folder keeps in files of their own; None
    where there is none, or kblint cannot read it."""
    path = hugo_config(folder)
    if path is None:
        return None
    data = _read(path)
    if data is None:
        return None
    if path.parent.name == "_default":
        for setting, value in _own_files(path.parent).items():
            data.setdefault(setting, value)
    return data


def _read(path: Path) -> dict[str, Any] | None:
    try:
        return _loaded(path.name, path.read_text("utf-8"))
    except Exception:  # noqa: BLE001 - a configuration kblint cannot read is no site
        return None


def _own_files(folder: Path) -> dict[str, Any]:
    """The settings the configuration folder ``folder`` keeps in files named for them; for
    the module, a template the build makes ``module.yaml`` of stands in where that is not
    committed (``module-template.yaml``)."""
    found: dict[str, Any] = {}
    try:
        names = sorted(entry.name for entry in os.scandir(folder) if entry.is_file())
    except OSError:
        return found
    for name in names:
        stem = name.rpartition(".")[0].lower()
        # (Sorted, module-template.yaml comes before module.yaml, which replaces it.)
        setting = stem if stem in _OWN_FILES else ("module" if stem.startswith("module") and "module" not in found else None)
        if setting is not None:
            data = _read(folder / name)
            if data is not None:
                found[setting] = data
    return found


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


def _mounts(root: Path, folder: str, data: dict[str, Any]) -> tuple[HugoMount, ...]:
    """What the site at ``folder`` serves from where: its configured mounts (sources inside
    the knowledge base), and Hugo's default for a component it configures none for."""
    module = data.get("module")
    written = module.get("mounts") if isinstance(module, dict) else None
    mounts = [mount for item in written if (mount := _mount(root, folder, item)) is not None] if isinstance(written, list) else []
    components = {mount.component for mount in mounts}
    defaults = _content_defaults(root, folder, data) if "content" not in components else []
    if "static" not in components:
        defaults.append(_made(root, folder, "static", "static", ()))
    # A default's folder that is not there is none (a site with no static files).
    return tuple(mounts + [mount for mount in defaults if mount.present])


def _mount(root: Path, folder: str, item: Any) -> HugoMount | None:
    if not isinstance(item, dict):
        return None
    settings = {str(k).lower(): v for k, v in item.items()}
    source, target = settings.get("source"), settings.get("target")
    if not isinstance(source, str) or not isinstance(target, str):
        return None
    return _made(root, folder, source, target, _mount_languages(settings))


def _mount_languages(settings: dict[str, Any]) -> tuple[str, ...]:
    """The languages a mount is for: its ``lang``, or its ``sites.matrix.languages``."""
    if isinstance(settings.get("lang"), str):
        return (settings["lang"].lower(),)
    sites = settings.get("sites")
    matrix = sites.get("matrix") if isinstance(sites, dict) else None
    languages = matrix.get("languages") if isinstance(matrix, dict) else None
    return tuple(str(language).lower() for language in languages) if isinstance(languages, list) else ()


def _content_defaults(root: Path, folder: str, data: dict[str, Any]) -> list[HugoMount]:
    """Hugo's content mounts where none is configured: each language's ``contentDir``, else
    the site's."""
    mounts = []
    languages = data.get("languages")
    for key, settings in (languages.items() if isinstance(languages, dict) else ()):
        own = {str(k).lower(): v for k, v in settings.items()} if isinstance(settings, dict) else {}
        if isinstance(own.get("contentdir"), str):
            mounts.append(_made(root, folder, own["contentdir"], "content", (str(key).lower(),)))
    content = data.get("contentdir")
    mounts.append(_made(root, folder, content if isinstance(content, str) else "content", "content", ()))
    return mounts


def _made(root: Path, folder: str, source: str, target: str, languages: tuple[str, ...]) -> HugoMount:
    """A mount, its source made root-relative; one that leaves the knowledge base (an
    absolute path, a theme's module path) is kept as written and counts as holding nothing."""
    joined = posixpath.normpath(posixpath.join(folder, source.strip()))
    target = posixpath.normpath(target.strip()).strip("/")
    inside = not (source.startswith("/") or joined == ".." or joined.startswith("../"))
    return HugoMount(joined if joined != "." else "", target, inside and holds_something(root / joined), languages)


def _unrendered(data: dict[str, Any]) -> tuple[str, ...]:
    """The globs of the pages the configuration's cascade says are not rendered (``build``, or
    the older ``_build``, with ``render: never`` or ``false``, for a ``target``'s ``path``)."""
    cascade = data.get("cascade")
    found = []
    for entry in cascade if isinstance(cascade, list) else [cascade] if isinstance(cascade, dict) else []:
        if not isinstance(entry, dict):
            continue
        build = entry.get("build", entry.get("_build"))
        target = entry.get("target", entry.get("_target"))
        render = build.get("render") if isinstance(build, dict) else None
        path = target.get("path") if isinstance(target, dict) else None
        if (render is False or str(render).lower() == "never") and isinstance(path, str):
            found.append(path.lower())
    return tuple(found)


_SHORTCODE_TEMPLATES = ("layouts/_shortcodes", "layouts/shortcodes")
_NAMED_MARKDOWN = re.compile(r"""["'`]([\w./-]+\.md)["'`]""")
_MOST_TEMPLATES = 500  # shortcode templates read (a site has tens)
_TEMPLATE_SUFFIXES = (*MARKDOWN.suffixes, *HTML.suffixes)  # a shortcode's template, in Markdown or HTML


def _shortcode_files(where: Path) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The Markdown files each shortcode of the site at ``where`` names in its template (its
    name: the template's path under the shortcodes folder, without the suffix)."""
    found: dict[str, tuple[str, ...]] = {}
    for folder in _SHORTCODE_TEMPLATES:
        base = where / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*"))[:_MOST_TEMPLATES]:
            if path.suffix not in _TEMPLATE_SUFFIXES or not path.is_file() or path.stat().st_size > 200_000:
                continue
            try:
                named = tuple(dict.fromkeys(_NAMED_MARKDOWN.findall(path.read_text("utf-8", errors="replace"))))
            except OSError:
                continue
            if named:
                found.setdefault(path.relative_to(base).with_suffix("").as_posix(), named)
    return tuple(sorted(found.items()))


def _site(data: dict[str, Any], folder: str, mounts: tuple[HugoMount, ...]) -> HugoSite | None:
    """The site ``data`` configures, if its languages share one content folder."""
    languages = data.get("languages")
    if not isinstance(languages, dict) or len(languages) < 2:
        return None
    if any(mount.languages and mount.target == "content" for mount in mounts):
        return None  # a folder a language: the locale folders' layout
    keys = [str(key).lower() for key in languages]
    content = posixpath.normpath(posixpath.join(folder, str(data.get("contentdir") or "content")))
    if content == ".." or content.startswith(("../", "/")):
        return None
    default = _default_key(data)
    in_subdir = bool(data.get("defaultcontentlanguageinsubdir"))
    return HugoSite(content, tuple(keys), default if default in keys else keys[0], in_subdir)


# A shortcode call that renders Markdown (``{{% name args %}}``, ``{{< name args >}}``): its
# name, and the first argument (``include "exporters/intro.md"``, ``file="x.md"``).
_SHORTCODE = re.compile(r"""\{\{[%<]\s*([\w./-]+)(?:\s+(?:file=)?["'`]?([^\s"'`%>]+))?""")
_INCLUDES = "_includes"


def redirected_from(project: HugoProject, relpath: str, front: dict[str, Any]) -> list[str]:
    """Where the front matter of the page at ``relpath`` redirects to it, as paths in its
    content folder after a "/" (what a link's base names there): its ``aliases`` (``/docs/old/``
    from the top of its language's content; ``old`` from the page's address as a URL without
    its slash, so a section's ``_index.md`` of ``/a/install/`` with ``installation`` is
    ``/a/installation/``), and the ``from`` of each of its ``redirects`` (``{from:
    slack-channel, to: '#slack'}``, which a site's redirects template reads from the page's
    address)."""
    aliases = front.get("aliases")
    names = [aliases] if isinstance(aliases, str) else [a for a in aliases if isinstance(a, str)] if isinstance(aliases, list) else []
    folder = posixpath.dirname(relpath)
    page_folder = posixpath.dirname(folder) if _is_index(relpath) else folder
    found = [path for name in names if (path := _content_path(project, relpath, name.strip(), page_folder)) is not None]
    redirects = front.get("redirects")
    own = folder if _is_index(relpath) else posixpath.join(folder, posixpath.basename(relpath).rpartition(".")[0])  # the page's address
    for entry in redirects if isinstance(redirects, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("from"), str):
            path = _content_path(project, relpath, entry["from"].strip(), own)
            found.extend([path] if path is not None else [])
    return found


def _is_index(relpath: str) -> bool:
    return posixpath.basename(relpath).rpartition(".")[0] in ("_index", "index")


def _content_path(project: HugoProject, relpath: str, name: str, folder: str) -> str | None:
    """The path (after a "/") the address ``name`` names in the content folder of the page at
    ``relpath``: from the top of its content where it starts with a slash, else from
    ``folder``."""
    mount = project.content_mount_of(relpath)
    if mount is None or not name:
        return None
    inner = mount.inner
    if name.startswith("/"):
        written = name.strip("/")
        if inner and not (written == inner or written.startswith(inner + "/")):
            return None  # served from another mount's part of the site
        path = posixpath.join(mount.source, written[len(inner) :].strip("/"))
    else:
        path = posixpath.join(folder, name)
    path = posixpath.normpath(path).strip("/")
    return None if path.startswith("..") or path == "." else "/" + path


def page_language(site: "HugoProject | HugoSite", locale: str, config: "Config") -> str | None:
    """The key of the site's language whose canonical locale is ``locale`` (a page's)."""
    from kblint.kb.identity import canonical_locale

    return next((key for key in site.languages if canonical_locale(key, config) == locale), None)


def included_pages(project: HugoProject, relpath: str, text: str, language: str | None) -> list[str]:
    """The files whose Markdown the page at ``relpath`` renders into itself, root-relative,
    where they may be: an ``include`` shortcode's file (in an ``_includes`` folder of its
    section or one above it, in the page's language or the one it falls back on), and a
    shortcode written as Markdown (``{{% docs/intro %}}``: ``layouts/_shortcodes/docs/intro.md``)."""
    if "{{" not in text:
        return []
    found: list[str] = []
    markdown = MARKDOWN.suffixes[0]
    for name, argument in dict.fromkeys((m.group(1), m.group(2)) for m in _SHORTCODE.finditer(text)):
        if name == "include" and argument:
            found.extend(_include_candidates(project, relpath, argument, language))
        elif not name.startswith("/"):
            found.extend(posixpath.join(project.folder, folder, name + markdown) for folder in _SHORTCODE_TEMPLATES)
            for named in dict(project.shortcode_files).get(name, ()):
                found.extend(_include_candidates(project, relpath, named, language))  # what its template includes
    return list(dict.fromkeys(found))


def _include_candidates(project: HugoProject, relpath: str, argument: str, language: str | None) -> list[str]:
    """Where the file an ``include`` shortcode names may be: beside the page where the name
    starts with a dot, from the content's top where it starts with a slash, else in the
    ``_includes`` folders of the page's section and those above it."""
    if argument.startswith("."):
        return [posixpath.normpath(posixpath.join(posixpath.dirname(relpath), argument))]
    logical = project.logical_path(relpath)
    if logical is None:
        return []
    folder = posixpath.dirname(logical)
    wanted = argument.lstrip("/")
    found = []
    while True:
        inside = wanted if argument.startswith("/") else posixpath.join(folder, _INCLUDES, wanted)
        found.extend(project.sources_at(inside.lstrip("/"), language))
        if argument.startswith("/") or folder in ("/", ""):
            return found
        folder = posixpath.dirname(folder)

