"""What the site builder does with the knowledge base's files, as far as a link's destination
depends on it (read once per run, beside the redirect maps):

- **Addresses in lower case.** Astro's content collections (Starlight among them) and Hugo
  (unless ``disablePathToLower`` is set) serve ``develop/Plugins/index.mdx`` at
  ``/develop/plugins/``: a site address written in lower case reaches a file whose path has
  capitals. Known from the builder's configuration file at the knowledge base root or up to
  three folders above it (``astro.config.mjs``, ``hugo.toml``, or Hugo's ``config.toml``
  beside ``content/`` and ``layouts/``).
- **Commits a translation tracker skips.** A Lunaria configuration's ``ignoredKeywords``
  (``typo``, ``i18nIgnore``) name the commits of the sources that translations need not
  follow (read when the configuration is loaded, for translation-outdated).
- **Routes of an Astro project.** Its ``src/pages`` serves an address by a file of its own
  (``feed.xml.ts`` serves ``/feed.xml``, ``about.astro`` serves ``/about/``).
- **Docusaurus' content folders and their routes.** A ``docusaurus.config.*`` at the root or
  above, or in a folder that holds ``docs/`` or ``i18n/``, says where each content folder is
  served (``routeBasePath: '/'`` serves ``docs/general/x.md`` at ``/general/x``), and whether
  pages are served at ``x/`` (``trailingSlash: true``), from where a relative address climbs.
- **Pages the build writes.** The folders a Docusaurus plugin fills (the OpenAPI docs
  plugin's ``outputDir``), and a ``.gitignore`` in a folder of the knowledge base (not the root's
  own, which lists build output and dependencies) that lists a page (``config.md``,
  ``javascript/*``) says the build generates it from elsewhere: a link to it cannot be checked
  here and is not broken.
"""

from __future__ import annotations

import os
import posixpath
import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from kblint.formats.registry import PAGE_SUFFIXES
from kblint.model.layout import ASTRO_CONTENT, Routes
from kblint.model.listings import entries_of, names_in
from kblint.model.patterns import LazyPattern, lazy_pattern

if TYPE_CHECKING:
    import pathspec

_ASTRO_CONFIGS = tuple(f"astro.config.{ext}" for ext in ("mjs", "js", "ts", "mts", "cjs", "cts"))
_HUGO_CONFIGS = tuple(f"hugo.{ext}" for ext in ("toml", "yaml", "yml", "json"))
_HUGO_OLD_CONFIGS = tuple(f"config.{ext}" for ext in ("toml", "yaml", "yml", "json"))
_KEEPS_CASE = lazy_pattern(r"disablePathToLower\W{0,3}\s*[=:]\s*true", re.IGNORECASE)
LEVELS_ABOVE = 3  # src/content/docs lies three folders below an Astro project's root
IGNORE_FILE = ".gitignore"
# Folders whose files a site serves at its root (Vite, VitePress and Next.js' public/,
# Docusaurus' and Hugo's static/, VuePress's .vuepress/public in its source folder): links
# reach them there, and a redirect map in one is the site's.
STATIC_FOLDERS = ("public", "static", ".vuepress/public")


@dataclass
class Site:
    """How the site serves the knowledge base's files (see the module's documentation)."""

    lowercase_addresses: bool = False
    generated: list[tuple[str, list[str]]] = field(default_factory=list)  # (folder, its .gitignore's lines)
    pages_folder: str | None = None  # an Astro project's or a Docusaurus site's src/pages (root-relative): routes of its own
    # Folders a plugin fills at build time (kblint.model.layout.Routes), and what a Hugo site
    # mounts from a folder or file that is not here (Layout.unfilled_mounts).
    generated_folders: tuple[str, ...] = ()
    # A Docusaurus site's content folders: it serves 01-intro/02-setup.md at intro/setup (its
    # number prefixes left out of the address).
    numbered_folders: tuple[str, ...] = ()
    # A dumi 2 site's doc folders: it serves core/brushFilter.zh.md at core/brush-filter
    # (kblint.kb.dumi.kebab_route).
    kebab_folders: tuple[str, ...] = ()
    # The OpenAPI specifications a Mintlify site writes pages from (Layout.api_specs), under
    # ``root``: read for their pages when a link first asks (most runs never do).
    api_specs: tuple[tuple[str, str, str, int, int], ...] = ()
    root: Path | None = None
    _api_pages: frozenset[str] | None = None
    # ``generated``'s patterns, compiled when a path is first asked about (importing pathspec
    # and compiling costs a run of one file a tenth of its time, and most never ask).
    _generated_specs: "list[tuple[str, pathspec.PathSpec]] | None" = field(default=None, compare=False, repr=False)

    # What ``is_generated`` answered, by path: a link to a missing page is asked of with each
    # of its candidate files, and the same links recur in a page's translations.
    _generated_answers: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    def writes_any(self, relpaths: "Iterable[str]") -> bool:
        """Is one of ``relpaths`` a page the build writes? (Asked of a site that writes none,
        the paths are not made.)"""
        if not (self.generated or self.generated_folders or self.api_specs):
            return False
        answers = self._generated_answers
        for path in relpaths:
            found = answers.get(path)
            if found is None:
                found = answers[path] = self.is_generated(path)
            if found:
                return True
        return False

    @property
    def generated_pages(self) -> frozenset[str]:
        """The pages a Mintlify site writes for its OpenAPI operations (kblint.kb.mintlify)."""
        if self._api_pages is None:
            from kblint.kb.mintlify import api_pages

            self._api_pages = api_pages(self.root, self.api_specs) if self.api_specs and self.root is not None else frozenset()
        return self._api_pages

    def is_generated(self, relpath: str) -> bool:
        """Does a .gitignore list ``relpath`` (one below the root, or a place the root's
        names), or does it lie in a folder a plugin fills (a page the build writes)?"""
        if any(relpath == folder or relpath.startswith(folder + "/") for folder in self.generated_folders):
            return True
        if self.api_specs and relpath.lower() in self.generated_pages:
            return True
        if not self.generated:
            return False
        if self._generated_specs is None:
            import pathspec

            self._generated_specs = [(folder, pathspec.GitIgnoreSpec.from_lines(lines)) for folder, lines in self.generated]
        for folder, spec in self._generated_specs:
            if folder and not relpath.startswith(folder + "/"):
                continue
            if spec.match_file(relpath[len(folder) + 1 :] if folder else relpath):
                return True
        return False


def root_and_above(root: Path) -> Iterator[Path]:
    """``root`` and up to LEVELS_ABOVE folders above it: where a site builder's configuration
    may be, for a knowledge base that is a folder of the project."""
    folder = root
    for _ in range(LEVELS_ABOVE + 1):
        yield folder
        if folder.parent == folder:
            return
        folder = folder.parent


def _astro_project(folder: Path) -> bool:
    return any((folder / name).is_file() for name in _ASTRO_CONFIGS)


# A Nextra site's theme configuration (Nextra 2's; the site's pages are titled by its _meta
# files, else by their names).
_NEXTRA_CONFIGS = tuple(f"theme.config.{ext}" for ext in ("tsx", "jsx", "ts", "js"))


# What makes a folder a GitBook (or HonKit) book: its configuration, or its list of languages
# (one book per language folder).
_LANGS = "LANGS.md"
_GITBOOK_FILES = ("book.json", _LANGS)


# The files that configure a site builder (a Markdown site, a React or Vue app that renders
# Markdown, a book): a repository with none of them is read on GitHub.
_SITE_FILES = (
    "docs.json", "mint.json", "mkdocs.yml", "mkdocs.yaml", "_config.yml", "conf.py", "book.toml", *_GITBOOK_FILES,
    "SUMMARY.md", "index.html", "_sidebar.md", ".vitepress", ".vuepress", ".dumirc.ts", ".umirc.ts", "package.json",
    *_NEXTRA_CONFIGS, *_ASTRO_CONFIGS, *_HUGO_CONFIGS, *_HUGO_OLD_CONFIGS,
)
_SITE_FOLDERS = ("", "docs", "website", "site", "doc")


def nextra_folders(root: Path, folders: Iterable[str]) -> tuple[str, ...]:
    """The folders among ``folders`` (root-relative, "" for the root) that hold a Nextra site's
    theme configuration: every page of the site has a title (its _meta entry's, or its
    file's name), and asks for none in front matter."""
    return _holding_a_file(root, folders, _NEXTRA_CONFIGS)


def gitbook_folders(root: Path, folders: Iterable[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The folders among ``folders`` (root-relative, "" for the root) that hold a GitBook book
    (its pages take their titles from its SUMMARY.md, and ask for no front matter), and those
    of them that hold one book per language (a LANGS.md: the books are its language folders)."""
    books = _holding_a_file(root, folders, _GITBOOK_FILES)
    return books, _holding_a_file(root, books, (_LANGS,))


def _holding_a_file(root: Path, folders: Iterable[str], names: tuple[str, ...]) -> tuple[str, ...]:
    """The folders among ``folders`` (root-relative) that hold a file of one of ``names``.
    (A folder's listing is one call, its names' stats one each: hundreds of a monorepo's
    folders are asked, and few hold any.)"""
    base, wanted, found = str(root), frozenset(names), []
    for folder in folders:
        path = os.path.join(base, folder) if folder else base
        try:
            if wanted.isdisjoint(names_in(path)):
                continue
        except OSError:
            continue
        if any(os.path.isfile(os.path.join(path, name)) for name in names):
            found.append(folder)
    return tuple(found)


def read_on_github(root: Path) -> bool:
    """Is ``root`` a repository whose pages are read where it is hosted: it opens with a README,
    and neither it (nor its docs/, website/, site/ or doc/, nor a folder above it) holds a site
    builder's configuration, or a package that may build one?"""
    if not any(os.path.isfile(root / name) for name in _ROOT_READMES):
        return False
    folders = [*(root / name if name else root for name in _SITE_FOLDERS), *list(root_and_above(root))[1:]]
    return not any(os.path.exists(folder / name) for folder in folders for name in _SITE_FILES)


_ROOT_READMES = ("README.md", "readme.md", "Readme.md", "README.markdown")


def lowercases_addresses(root: Path) -> bool:
    """Does the site builder configured at ``root`` or above serve each page at its path in
    lower case (Astro; Hugo unless told to keep case)?"""
    for folder in root_and_above(root):
        if _astro_project(folder):
            return True
        hugo = hugo_config(folder)
        if hugo is not None:
            try:
                return not _KEEPS_CASE.search(hugo.read_text("utf-8", errors="replace"))
            except OSError:
                return True
    return False


# An Astro endpoint (src/pages/feed.xml.ts serves /feed.xml), or a Docusaurus page written as
# a React component (src/pages/party.js serves /party/).
ENDPOINT_SUFFIXES = (".ts", ".js", ".mjs", ".mts", ".jsx", ".tsx")
# An Astro page: src/pages/about.astro (or an article or an HTML page) serves /about/.
ROUTE_SUFFIXES = (".astro", *PAGE_SUFFIXES)


def astro_project(root: Path, holders: "Iterable[str]" = ()) -> str | None:
    """The folder ("" for the root) of the Astro project with content collections at ``root``
    or in one of ``holders`` (root-relative, shallowest first: the repository of a theme keeps
    its own documentation site in ``docs/``), if there is one."""
    for folder in ("", *holders):
        if _astro_project(root / folder) and (root / folder / ASTRO_CONTENT).is_dir():
            return folder
    return None


def served_by_a_route(pages: str, path: str, known: "set[str] | frozenset[str]") -> bool:
    """Does a file of the routes folder ``pages`` serve the site address ``path``
    (``feed.xml`` by ``src/pages/feed.xml.ts``, ``about/`` by ``src/pages/about.astro``)?"""
    address = path.strip("/")
    if not address:
        return False
    base = f"{pages}/{address}"
    if any(base + suffix in known for suffix in ENDPOINT_SUFFIXES):
        return True
    return any(base + suffix in known or f"{base}/index{suffix}" in known for suffix in ROUTE_SUFFIXES + ENDPOINT_SUFFIXES)


def hugo_config(folder: Path) -> Path | None:
    """The Hugo configuration of the site at ``folder``: a ``hugo.*``, a configuration folder's
    ``config/_default/hugo.*`` (or ``config.*``), or a ``config.*`` beside ``content/`` and
    ``layouts/`` or ``themes/`` (a ``config.toml`` alone is anyone's)."""
    try:
        names = set(os.listdir(folder))  # one listing, not a dozen failed stats a folder
    except OSError:
        return None
    for name in _HUGO_CONFIGS:
        if name in names and (folder / name).is_file():
            return folder / name
    if "config" in names:
        for name in _HUGO_CONFIGS + _HUGO_OLD_CONFIGS:
            if (folder / "config" / "_default" / name).is_file():
                return folder / "config" / "_default" / name  # a configuration folder
    if "content" in names and (folder / "content").is_dir() and any(name in names and (folder / name).is_dir() for name in ("layouts", "themes")):
        return next((folder / name for name in _HUGO_OLD_CONFIGS if name in names and (folder / name).is_file()), None)
    return None


SCRIPT_SUFFIXES = ("js", "ts", "mjs", "mts", "cjs", "cts")  # a configuration's, a module's
DOCUSAURUS_CONFIGS = tuple(f"docusaurus.config.{ext}" for ext in SCRIPT_SUFFIXES)
_ROUTE_BASE = lazy_pattern(r"""["']?routeBasePath["']?\s*:\s*(["'`])([^"'`]*)\1""")
_CONTENT_PATH = lazy_pattern(r"""(?<![\w.])["']?path["']?\s*:\s*(["'`])([^"'`]+)\1""")
_KEY_BEFORE = lazy_pattern(r"""["']?(\w+)["']?\s*:\s*$""")
_OUTPUT_DIR = lazy_pattern(r"""["']?outputDir["']?\s*:\s*(["'`])([^"'`]+)\1""")
_TRAILING_SLASH = lazy_pattern(r"""["']?trailingSlash["']?\s*:\s*true\b""")


def first_config(folders: "Iterable[Path]", names: tuple[str, ...]) -> tuple[Path, str] | None:
    """The folder and text of the first configuration file named one of ``names`` in
    ``folders``, in that order."""
    for folder in folders:
        try:
            present = names_in(folder)  # one listing, where trying each name was a call each
        except OSError:
            continue
        for name in names:
            if name.partition("/")[0] not in present:
                continue
            try:
                return folder, (folder / name).read_text("utf-8", errors="replace")
            except OSError:
                continue
    return None


def docusaurus_routes(root: Path, holders: "list[str] | tuple[str, ...]" = ()) -> Routes:
    """The routes of the Docusaurus site configured at ``root`` or above it, or in one of the
    folders ``holders`` (root-relative: those that hold ``docs/`` or ``i18n/``)."""
    found = first_config([root / h for h in holders] + list(root_and_above(root)), DOCUSAURUS_CONFIGS)
    if found is None:
        return Routes()
    base = relative_to_root(found[0], root)
    routes = _routes_in(found[1], base, found[0])
    docs = [folder for _, folder in routes.folders if folder not in routes.blogs]
    if _generates_category_pages(found[0], [root / folder if folder else root for folder in docs]):
        routes = replace(routes, generated=routes.generated + tuple(f"{folder}/category" if folder else "category" for folder in docs))
    versions = _versions(found[0])
    versioned = _version_routes(found[1], versions, routes, base)
    unbuilt = _unbuilt_versions(found[0], found[1], versions, base)
    return replace(routes, folders=routes.folders + versioned, unbuilt_versions=unbuilt) if versioned or unbuilt else routes


_SIDEBARS = tuple(f"sidebars.{ext}" for ext in ("js", "ts", "mjs", "cjs", "json"))


def _generates_category_pages(folder: Path, docs: list[Path]) -> bool:
    """Does the Docusaurus site configured in ``folder`` give a category a page the build
    writes (``link: {type: 'generated-index'}``, served at ``/docs/category/<slug>``), in its
    sidebar or, where that sidebar is generated from the folders, in a category's
    ``_category_.json`` in its ``docs`` (their first two levels: where categories are)?"""
    for name in _SIDEBARS:
        try:
            text = (folder / name).read_text("utf-8", errors="replace")
        except OSError:
            continue
        if "generated-index" in text:
            return True
        if "autogenerated" in text:
            return any(_category_with_index(category) for top in docs for category in _two_levels(top))
    return False


_CATEGORY_FILES = ("_category_.json", "_category_.yml", "_category_.yaml")


def _two_levels(top: Path) -> Iterator[Path]:
    """The folders of ``top`` and theirs (a Docusaurus docs folder's categories)."""
    for first in _folders_in(top):
        yield first
        yield from _folders_in(first)


def _folders_in(folder: Path) -> list[Path]:
    """The folders of ``folder`` (its listing as the layout's walk remembers it)."""
    try:
        return [folder / name for name, is_folder in entries_of(folder) if is_folder and not name.startswith((".", "_"))]
    except OSError:
        return []


def _category_with_index(folder: Path) -> bool:
    found = first_config([folder], _CATEGORY_FILES)
    return found is not None and "generated-index" in found[1]


def _unbuilt_versions(folder: Path, text: str, versions: list[str], base: str | None) -> tuple[str, ...]:
    """The root-relative folders ``versioned_docs/version-<v>`` of versions the site does not
    build: Docusaurus reads only those ``versions.json`` lists, and of them only those the docs'
    ``onlyIncludeVersions`` names, where the configuration writes it out."""
    if base is None:
        return ()
    try:
        present = sorted(entry.name for entry in os.scandir(folder / "versioned_docs") if entry.is_dir() and entry.name.startswith("version-"))
    except OSError:
        return ()
    built = set(versions)
    included = _only_included(text, versions)
    if included is not None:
        built &= included
    prefix = f"{base}/versioned_docs" if base else "versioned_docs"
    return tuple(f"{prefix}/{name}" for name in present if name[len("version-") :] not in built)


def _first_uncommented(pattern: LazyPattern, text: str) -> "re.Match[str] | None":
    """The first match of ``pattern`` in a configuration's ``text`` that no ``//`` before it on
    its line comments out."""
    return next((m for m in pattern.finditer(text) if not _commented_out(text, m.start())), None)


def _commented_out(text: str, at: int) -> bool:
    """Does a ``//`` before offset ``at`` on its line make it a comment?"""
    return "//" in text[text.rfind("\n", 0, at) + 1 : at]


_ONLY_INCLUDED = lazy_pattern(r"""(?<![\w.])["']?onlyIncludeVersions["']?\s*:\s*""")
# The body of a function that only returns a list: ``(() => { return [...]; })()``.
_RETURNS_ONLY = lazy_pattern(r"""\(\s*\(\s*\)\s*=>\s*\{\s*return\s*(?=\[)""")
_SLICED = lazy_pattern(r"""\.\.\.\s*(\w+)\.slice\(\s*(\d+)\s*,\s*(\d+)\s*\)""")
_REQUIRED_VERSIONS = r"""(?:const|let|var)\s+{name}\s*=\s*require\(\s*["']\./versions\.json["']\s*\)|import\s+{name}\s+from\s+["']\./versions\.json["']"""


def _only_included(text: str, versions: list[str]) -> set[str] | None:
    """The versions the docs' ``onlyIncludeVersions`` names, where it is written out: a list of
    names, a function that only returns one, and in it ``...versions.slice(0, 3)`` of the list
    ``require('./versions.json')`` gives. None where it is not there, or decided when the site
    is built (``isDev ? [...] : undefined``), or names what is not read here."""
    found = _first_uncommented(_ONLY_INCLUDED, text)
    if found is None:
        return None  # (or only in a comment)
    at = found.end()
    function = _RETURNS_ONLY.match(text, at)
    if function is not None:
        at = function.end()
    if text[at : at + 1] != "[":
        return None
    items = enclosed(text, at)
    names: set[str] = set()
    for sliced in _SLICED.finditer(items):
        if not re.search(_REQUIRED_VERSIONS.format(name=re.escape(sliced.group(1))), text):
            return None
        names.update(versions[int(sliced.group(2)) : int(sliced.group(3))])
    rest = _SLICED.sub(",", items)
    names.update(quoted.group(2) for quoted in QUOTED.finditer(rest))
    if QUOTED.sub(",", rest).strip(" \t\r\n,"):
        return None  # something else: a name or a call not read here
    return names


def _versions(folder: Path) -> list[str]:
    """The versions a Docusaurus site's ``versions.json`` lists, newest first."""
    import json

    try:
        listed = json.loads((folder / "versions.json").read_text("utf-8"))
    except (OSError, ValueError):
        return []
    return [str(v) for v in listed if isinstance(v, (str, int, float))] if isinstance(listed, list) else []


_LAST_VERSION = lazy_pattern(r"""(?<![\w.])["']?lastVersion["']?\s*:\s*(["'`])([^"'`]+)\1""")
_VERSION_PATH = r"""(?<![\w.])(["']?){name}\1\s*:\s*\{{"""


def _version_routes(text: str, versions: list[str], routes: Routes, base: str | None) -> tuple[tuple[str, str], ...]:
    """The routes of the docs' versions (``versioned_docs/version-2`` at /docs/2/, or at the
    ``path`` its entry of ``versions`` gives: /docs/v2/); the last version's at the docs' own
    route (``lastVersion``, by default the newest of ``versions.json``), and then the docs
    being written at /docs/next/ (or the ``path`` of ``versions.current``)."""
    docs_folder = inside_config_folder(base, "docs")
    docs = next((route for route, folder in routes.folders if folder == docs_folder), None)
    if docs is None or base is None or not versions:
        return ()
    written = _LAST_VERSION.search(text)
    last = written.group(2) if written is not None else versions[0]
    found = []
    for version in versions:
        folder = f"{base}/versioned_docs/version-{version}" if base else f"versioned_docs/version-{version}"
        found.append((_joined_route(docs, _version_path(text, version, version)), folder))
        if last == version:
            found.append((docs, folder))
    if last != "current":
        found.append((_joined_route(docs, _version_path(text, "current", "next")), docs_folder))
    return tuple(found)


def _version_path(text: str, version: str, default: str) -> str:
    """The ``path`` that ``version``'s entry of the docs' ``versions`` option gives it, else ``default``."""
    entry = re.search(_VERSION_PATH.format(name=re.escape(version)), text)
    if entry is not None:
        named = _CONTENT_PATH.search(_top_level(enclosed(text, entry.end() - 1)))
        if named:
            return named.group(2).strip("/")
    return default


def _joined_route(route: str, path: str) -> str:
    return f"{route}/{path}" if route else path


def relative_to_root(folder: Path, root: Path) -> str | None:
    """``folder`` relative to ``root`` ("" for the root itself), or None above it."""
    try:
        relative = folder.relative_to(root).as_posix()
    except ValueError:
        return None
    return "" if relative == "." else relative


def _routes_in(text: str, base: str | None, folder_of_config: Path | None = None) -> Routes:
    """The routes a Docusaurus configuration's text gives, its content folders relative to the
    knowledge base root (``base`` is where the configuration is; None above the root, where
    only the root itself, served at ``/``, is reachable; ``folder_of_config``, where the site's
    own plugins' modules are read)."""
    explicit, defaults, plugins, blogs = [], [], [], []
    for start, end, kind in _content_objects(text):
        top = _top_level(text[start + 1 : end])
        route, named = _ROUTE_BASE.search(top), _CONTENT_PATH.search(top)
        if named is None and folder_of_config is not None and _own_plugin_sets_its_path(text, start, folder_of_config):
            continue  # its folder is the plugin's choice, not the default one
        folder = inside_config_folder(base, named.group(2) if named else kind)
        if folder is None:
            continue
        (explicit if route else defaults).append((route.group(2).strip("/") if route else kind, folder))
        if kind == "blog":
            blogs.append(folder)
        ident = _PLUGIN_ID.search(top)
        if ident is not None and ident.group(2) != "default":
            plugins.append((f"docusaurus-plugin-content-{kind}-{ident.group(2)}", folder))
    # A preset's docs or blog written without a route is served at its default one, unless
    # another object gives that folder a route (a theme's ``docs: {sidebar: …}`` is no plugin).
    routed = {folder for _, folder in explicit}
    folders = explicit + [entry for entry in defaults if entry[1] not in routed]
    if not folders and base is not None and not _NO_DOCS.search(text):
        folders.append(("docs", f"{base}/docs" if base else "docs"))  # the docs plugin's defaults
    generated = (inside_config_folder(base, m.group(2)) for m in _OUTPUT_DIR.finditer(text))
    return Routes(
        tuple(dict.fromkeys(folders)), bool(_TRAILING_SLASH.search(text)), _built_locales(text),
        tuple(dict.fromkeys(g for g in generated if g)), tuple(dict.fromkeys(plugins)), tuple(dict.fromkeys(blogs)),
        inside_config_folder(base, "src/pages"), site_url=_site_url(text),
    )


# A site's own plugin, named by its module's path, before its options: ``['./plugins/x', {``.
_OWN_PLUGIN_BEFORE = lazy_pattern(r"""\[\s*(["'])(\.{1,2}/[^"'\n]+)\1\s*,\s*$""")
# The options passed on, with a folder of its own: ``{...options, path: generateDir}``.
_SETS_PATH = lazy_pattern(r"""\.\.\.\s*[\w.]+\s*,[^{}]*?(?<![\w.])path\s*:""")


def _own_plugin_sets_its_path(text: str, start: int, folder: Path) -> bool:
    """Does the options object at ``start`` configure a site's own plugin whose module (relative
    to the configuration's ``folder``) passes them on to the content plugin it wraps with a
    ``path`` of its own (a changelog made from CHANGELOG.md into a folder of its own)? A module
    that passes them on as they are keeps the content plugin's default folder."""
    m = _OWN_PLUGIN_BEFORE.search(text, max(0, start - 200), start)
    if m is None:
        return False
    module = folder / m.group(2)
    for candidate in (module, *(module.with_name(f"{module.name}.{ext}") for ext in SCRIPT_SUFFIXES), *(module / f"index.{ext}" for ext in SCRIPT_SUFFIXES)):
        try:
            return _SETS_PATH.search(candidate.read_text("utf-8", errors="replace")) is not None
        except OSError:
            continue
    return False


_SITE_URL = lazy_pattern(r"""(?<![\w.])["']?url["']?\s*:\s*(["'`])(https?://[^"'`/\s]+)/?\1""")
_BASE_URL = lazy_pattern(r"""(?<![\w.])["']?baseUrl["']?\s*:\s*(["'`])(/[^"'`\s]*)\1""")


def _site_url(text: str) -> str | None:
    """The address a Docusaurus configuration serves its site at: its ``url`` (a site's name,
    no path) and ``baseUrl``, ending in "/"."""
    url = _first_uncommented(_SITE_URL, text)
    if url is None:
        return None  # (or only in a comment: ``// url: 'https://old.example.org'``)
    base = _first_uncommented(_BASE_URL, text)
    path = base.group(2).strip("/") if base else ""
    return f"{url.group(2)}/{path}/" if path else f"{url.group(2)}/"


# Where a content plugin's options begin: ``'@docusaurus/plugin-content-docs', {`` in
# ``plugins``, or a preset's ``docs: {`` and ``blog: {``.
_PLUGIN_OPTIONS = lazy_pattern(r"""plugin-content-(docs|blog)["']\s*,\s*\{""")
_PRESET_OPTIONS = lazy_pattern(r"""(?<![\w.])["']?(docs|blog)["']?\s*:\s*\{""")
_PLUGIN_ID = lazy_pattern(r"""(?<![\w.])["']?id["']?\s*:\s*(["'`])([^"'`]+)\1""")
# Options only the blog plugin takes: an object that holds one configures a blog.
_BLOG_OPTIONS = ("blogTitle", "blogDescription", "blogSidebarCount", "blogSidebarTitle", "postsPerPage", "showReadingTime", "feedOptions", "blogListComponent", "blogPostComponent")
_BLOG_OPTION = lazy_pattern(r"""(?<![\w.])["']?(?:""" + "|".join(_BLOG_OPTIONS) + r""")["']?\s*:""")
# Options only the docs plugin takes: a site's own plugin that wraps it takes them too.
_DOCS_OPTIONS = ("sidebarPath", "includeCurrentVersion", "lastVersion", "onlyIncludeVersions", "sidebarItemsGenerator")
_DOCS_OPTION = lazy_pattern(r"""(?<![\w.])["']?(?:""" + "|".join(_DOCS_OPTIONS) + r""")["']?\s*:""")
_NO_DOCS = lazy_pattern(r"""(?<![\w.])["']?docs["']?\s*:\s*false\b""")


def _content_objects(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, kind) of each object literal that configures a docs or blog plugin: those
    that hold a ``routeBasePath`` and those that open as a plugin's or a preset's options;
    kind is ``docs`` or ``blog``."""
    seen = set()
    for m in _ROUTE_BASE.finditer(text):
        start, end = _enclosing_object(text, m.start())
        key = _KEY_BEFORE.search(text, max(0, start - 80), start)  # (the key right before: not a search of all before it)
        before = text[max(0, start - 40) : start]
        # (A site's own plugin that wraps the blog's names no plugin: its blog's options do.)
        blog = (key and key.group(1) == "blog") or "plugin-content-blog" in before or _BLOG_OPTION.search(_top_level(text[start + 1 : end]))
        kind = "blog" if blog else "docs"
        if start not in seen:
            seen.add(start)
            yield start, end, kind
    for pattern in (_PLUGIN_OPTIONS, _PRESET_OPTIONS):
        for m in pattern.finditer(text):
            start = m.end() - 1
            if start not in seen:
                seen.add(start)
                yield start, _enclosing_object(text, start + 1)[1], m.group(1)
    for pattern, kind, names in ((_BLOG_OPTION, "blog", _BLOG_OPTIONS), (_DOCS_OPTION, "docs", _DOCS_OPTIONS)):
        # (A substring test first: a pattern that may open at any character is slow on a long
        # configuration, and most name none of these options.)
        for m in pattern.finditer(text) if any(name in text for name in names) else ():
            # A site's own plugin that wraps the blog's or the docs' (``['./plugins/blog-plugin',
            # {blogTitle: …}]``, ``['./src/plugins/docs/index.js', {sidebarPath: …}]``) takes
            # their options, and serves its pages where theirs would.
            start, end = _enclosing_object(text, m.start())
            if text[start : start + 1] == "{" and start not in seen and not _commented_out(text, m.start()):
                seen.add(start)
                yield start, end, kind


def inside_config_folder(base: str | None, folder: str) -> str | None:
    """``folder``, named relative to the configuration's folder ``base``, relative to the root
    ("" for the root itself); None for one outside it (or a configuration above the root)."""
    if base is None:
        return None
    joined = posixpath.normpath(f"{base}/{folder}" if base else folder.strip("/"))
    return None if joined == ".." or joined.startswith("../") else ("" if joined == "." else joined)


_I18N = lazy_pattern(r"""["']?i18n["']?\s*:\s*\{""")
_LOCALES_LISTED = lazy_pattern(r"""(?<![\w.])["']?locales["']?\s*:\s*\[([^\]]*)\](?=\s*(?:[,}\n]|$))""")


def _built_locales(text: str) -> tuple[str, ...] | None:
    """The locales a Docusaurus configuration's ``i18n.locales`` lists, when it writes them
    out as an array of strings (not a variable or an expression: then unknown, None)."""
    i18n = _I18N.search(text)
    if i18n is None:
        return None
    start, end = _enclosing_object(text, i18n.end())
    listed = _LOCALES_LISTED.search(_top_level(text[start + 1 : end], nested="{}"))
    if listed is None:
        return None
    items = [item.strip() for item in listed.group(1).split(",") if item.strip()]
    quoted = [QUOTED.fullmatch(item) for item in items]
    return tuple(q.group(2) for q in quoted if q) if items and all(quoted) else None


def _enclosing_object(text: str, at: int) -> tuple[int, int]:
    """The offsets of the braces of the object literal around offset ``at`` (the text's ends
    where there is none)."""
    offsets, opens = _braces(text)
    k = bisect_left(offsets, at)  # the first brace at or after ``at``
    depth, start = 0, 0
    for i in range(k - 1, -1, -1):
        depth += -1 if opens[i] else 1
        if depth < 0:
            start = offsets[i]
            break
    depth, end = 0, len(text)
    for i in range(k, len(offsets)):
        depth += 1 if opens[i] else -1
        if depth < 0:
            end = offsets[i]
            break
    return start, end


@lru_cache(maxsize=8)
def _braces(text: str) -> tuple[list[int], list[bool]]:
    """Where ``text``'s braces are, and whether each opens: the objects of a configuration of
    thousands of lines are found by them, not by each character between."""
    found = [(m.start(), m.group() == "{") for m in _BRACE.finditer(text)]
    return [offset for offset, _ in found], [opens for _, opens in found]


_BRACE = re.compile(r"[{}]")


def enclosing_array(text: str, at: int) -> str:
    """The text inside the array literal whose ``[`` is at offset ``at`` (to the text's end
    where it is not closed)."""
    return enclosed(text, at)


def enclosed(text: str, at: int) -> str:
    """The text inside the literal whose ``[`` or ``{`` is at offset ``at`` (to the text's end
    where it is not closed)."""
    step = {"[": 1, "]": -1} if text[at] == "[" else {"{": 1, "}": -1}
    depth = 0
    for i in range(at, len(text)):
        depth += step.get(text[i], 0)
        if depth == 0:
            return text[at + 1 : i]
    return text[at + 1 :]


def _top_level(body: str, nested: str = "{}[]") -> str:
    """``body`` with what its brackets ``nested`` enclose left out (objects and arrays, or
    objects only with ``nested="{}"``): the keys of the object itself."""
    opening, closing = nested[0::2], nested[1::2]
    kept, depth = [], 0
    for ch in body:
        if ch in opening:
            depth += 1
        elif ch in closing:
            depth -= 1
        elif depth == 0:
            kept.append(ch)
    return "".join(kept)


_RSPRESS_CONFIGS = tuple(f"rspress.config.{ext}" for ext in ("ts", "mts", "js", "mjs", "cjs"))
# Rstack's one configuration for Rsbuild, Rslib and Rspress: ``define.doc({…})`` is Rspress's.
_RSTACK_CONFIGS = tuple(f"rstack.config.{ext}" for ext in ("ts", "mts", "js", "mjs", "cjs"))
_RSPRESS_ROOT = lazy_pattern(r"""(?<![\w.])["']?root["']?\s*:\s*(["'`])([^"'`]+)\1""")
_DEFINE_CONFIG = lazy_pattern(r"(?:defineConfig|define\.doc)\(\s*\{")
_ROUTE_OPTIONS = lazy_pattern(r"""(?<![\w.])["']?route["']?\s*:\s*\{""")
_EXCLUDE = lazy_pattern(r"""(?<![\w.])["']?exclude["']?\s*:\s*\[""")


def rspress_exclusions(root: Path, holders: "list[str] | tuple[str, ...]" = ()) -> tuple[str, ...] | None:
    """The files the Rspress sites configured at ``root`` or in ``holders`` serve as no page,
    as root-relative globs from their ``route.exclude`` (relative to each one's docs folder,
    ``root: 'docs'`` by default); None where there is no Rspress site. A monorepo may keep a
    small example site before its documentation's (``examples/`` beside ``packages/``): each
    site's own are read. (Their convention leaves out the files named with a leading "_"
    besides: ``Layout.is_partial``.)"""
    found = [config for folder in [root] + [root / h for h in holders] if (config := _rspress_config([folder])) is not None]
    if not found:
        return None
    return tuple(glob for folder, text in found for glob in _excluded_by(relative_to_root(folder, root), text))


def _excluded_by(base: str, text: str) -> list[str]:
    """The root-relative globs of an Rspress configuration's ``route.exclude`` (``text``, in
    the root-relative folder ``base``)."""
    config = _DEFINE_CONFIG.search(text)
    named = _RSPRESS_ROOT.search(_top_level(enclosed(text, config.end() - 1) if config else text))
    docs = inside_config_folder(base, named.group(2) if named else "docs")
    route = _ROUTE_OPTIONS.search(text)
    if docs is None or route is None:
        return []
    options = enclosed(text, route.end() - 1)
    listed = _EXCLUDE.search(_top_level(options, nested="{}"))
    if listed is None:
        return []
    globs = (q.group(2).lstrip("./") for q in QUOTED.finditer(enclosed(options, listed.end() - 1)))
    return [f"{docs}/{glob}" if docs else glob for glob in globs]


def _rspress_config(folders: list[Path]) -> tuple[Path, str] | None:
    """(folder, text) of the first Rspress configuration in ``folders``: its own file, or
    Rstack's where that defines a documentation site."""
    found = first_config(folders, _RSPRESS_CONFIGS)
    if found is not None:
        return found
    for folder in folders:  # (a repository's own Rstack configuration may define no site)
        found = first_config([folder], _RSTACK_CONFIGS)
        if found is not None and "define.doc(" in found[1]:
            return found
    return None


_LUNARIA_CONFIGS = tuple(f"lunaria.config.{ext}" for ext in ("ts", "mts", "js", "mjs", "cjs", "json"))
_IGNORED_KEYWORDS = lazy_pattern(r"""["']?ignoredKeywords["']?\s*:\s*\[([^\]]*)\]""")
QUOTED = lazy_pattern(r"""(["'`])((?:(?!\1).)+)\1""")


def tracker_ignored_keywords(root: Path) -> list[str]:
    """The words a Lunaria translation tracker (``lunaria.config.*`` at ``root`` or up to three
    folders above) is told to skip commits by (``tracking.ignoredKeywords``): the site's own
    word on which source commits translations need not follow."""
    found = first_config(root_and_above(root), _LUNARIA_CONFIGS)
    m = _IGNORED_KEYWORDS.search(found[1]) if found is not None else None
    return [q.group(2) for q in QUOTED.finditer(m.group(1))] if m else []


VUE_CONFIG_FOLDERS = (".vitepress", ".vuepress")  # where VitePress and VuePress keep their configuration
_VUE_CONFIG_EXTENSIONS = ("ts", "mts", "js", "mjs", "cjs", "cts")
# VitePress also reads a configuration folder's index (``.vitepress/config/index.ts``).
_VUE_CONFIGS = tuple(f"config.{ext}" for ext in _VUE_CONFIG_EXTENSIONS) + tuple(f"config/index.{ext}" for ext in _VUE_CONFIG_EXTENSIONS)
# A heading-id function of the site's own, given to markdown-it-anchor (``anchor: {slugify}``,
# ``anchor: {slugify: (s) => …}``).
_OWN_SLUGIFY = lazy_pattern(r"""(?<![\w.])["']?anchor["']?\s*:\s*\{[^{}]*?(?<![\w.])slugify\b""")
_LOCALES_OBJECT = lazy_pattern(r"""(?<![\w.])["']?locales["']?\s*:\s*\{""")
# The root locale's key: VitePress's ``root``, VuePress's ``'/'``.
_ROOT_LOCALE = lazy_pattern(r"""(?:(?<![\w.'"`])(["'`]?)root\1|(["'`])/\2)\s*:\s*\{""")
_LANG = lazy_pattern(r"""(?<![\w.])["']?lang["']?\s*:\s*(["'`])([^"'`]+)\1""")


def address_slug(path: str) -> str:
    """``path`` as a site that makes addresses of paths writes it: lower case, a space a
    hyphen, punctuation other than ``-_./`` left out (github-slugger's rule, which Astro
    applies to each folder and name; Hugo's urlize agrees on paths)."""
    return _NOT_IN_SLUG.sub("", path.lower().replace(" ", "-"))


_NOT_IN_SLUG = re.compile(r"[^\w\-./]")


def vue_site(root: Path, folder: str) -> tuple[str, str | None] | None:
    """(``folder``, the language of its root pages) where a VitePress or VuePress site builds
    its pages from ``folder`` (relative to ``root``), the folder that holds its locale
    folders: its configuration lies in that folder (``docs/.vuepress``) or in one above it up
    to ``root`` (VitePress's ``.vitepress`` beside its ``srcDir``). The language is the one
    its configuration gives the root locale (``locales: {root: {lang: 'zh'}}``, ``{'/':
    {lang: 'zh-CN'}}``), None where it gives none. None where no configuration is found."""
    here = root / folder if folder else root
    folders = [here, *([] if not folder else [p for p in here.parents if p == root or root in p.parents])]
    for holder in folders:
        for tool in VUE_CONFIG_FOLDERS:
            found = first_config([holder / tool], _VUE_CONFIGS)
            if found is not None:
                return folder, _root_language(found[1])
    return None


def makes_its_own_ids(site_folder: Path) -> bool:
    """Does the VitePress or VuePress site whose pages are in ``site_folder`` give its headings
    ids with a ``slugify`` of its own (its configuration, or a module beside it in a
    configuration folder)? Its ids may keep a heading's case or its dashes, which no known
    scheme says (a copy of VitePress's own without lower case)."""
    for tool in VUE_CONFIG_FOLDERS:
        for path in _config_modules(site_folder / tool):
            try:
                text = path.read_text("utf-8", errors="replace")
            except OSError:
                continue
            if "slugify" in text and _OWN_SLUGIFY.search(text):
                return True
    return False


def _config_modules(folder: Path) -> list[Path]:
    """The configuration files in a VitePress or VuePress configuration ``folder``: its
    ``config.*`` and the modules of its ``config/`` folder (one listing each, not a try of
    every name)."""
    try:
        present = names_in(folder)
    except OSError:
        return []
    found = [folder / name for name in sorted(present) if name.startswith("config.") and name[len("config.") :] in _VUE_CONFIG_EXTENSIONS]
    if "config" in present:
        try:
            found += [folder / "config" / name for name in sorted(names_in(folder / "config")) if name.rpartition(".")[2] in _VUE_CONFIG_EXTENSIONS]
        except OSError:
            pass
    return found


def _root_language(text: str) -> str | None:
    locales = _LOCALES_OBJECT.search(text)
    if locales is None:
        return None
    return _root_language_of(enclosed(text, locales.end() - 1))


def _root_language_of(body: str) -> str | None:
    """The language the ``root`` (or ``'/'``) locale of a locales object's ``body`` gives."""
    key = next((m for m in _ROOT_LOCALE.finditer(body) if _depth(body, m.start()) == 0), None)
    lang = _LANG.search(_top_level(enclosed(body, key.end() - 1))) if key is not None else None
    return lang.group(2) if lang else None


# Starlight's locales given by name (``locales,`` or ``locales: languages``), and the module
# a name is imported from (``import languages from './src/i18n/languages'``).
_LOCALES_NAMED = lazy_pattern(r"""(?<![\w.])locales\s*(?::\s*([A-Za-z_$][\w$]*)\s*)?[,}\n]""")
_IMPORTED = r"""import\s+{}\s+from\s+["'](\.{{1,2}}/[^"']+)["']"""
_EXPORTED_OBJECT = lazy_pattern(r"""export\s+default\s+\{""")


_DOCSITE_LANGUAGE = lazy_pattern(r"""(?<![\w.])["']?defaultLanguage["']?\s*:\s*(["'])([A-Za-z]{2,3}(?:[-_][A-Za-z]{2,4})?)\1""")


def docsite_language(root: Path) -> str | None:
    """The language a docsite site (``site_config/site.js``: ``docs/zh-cn/`` beside
    ``docs/en-us/``) is written in first, its ``defaultLanguage``; None where there is none."""
    config = first_config([root / "site_config"], ("site.js",))
    found = _DOCSITE_LANGUAGE.search(config[1]) if config is not None else None
    return found.group(2) if found else None


def astro_root_language(root: Path, project: str | None) -> str | None:
    """The language the Starlight site of the Astro ``project`` (a root-relative folder, its
    pages in ``src/content``; None: no such project) gives its root locale, the pages its
    locale folders' translations come from (``locales: {root: {lang: 'zh-cn'}, en: …}``),
    written in its configuration or in the module it imports its locales from; None where
    neither says."""
    found = first_config([root / project], _ASTRO_CONFIGS) if project is not None else None
    if found is None or "starlight" not in found[1]:
        return None
    folder, text = found
    written = _root_language(text)
    named = _LOCALES_NAMED.search(text) if written is None else None
    if named is None:
        return written
    module = re.search(_IMPORTED.format(re.escape(named.group(1) or "locales")), text)
    if module is None:
        return None
    for ending in ("", ".ts", ".mts", ".js", ".mjs"):
        try:
            source = (folder / f"{module.group(1)}{ending}").read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        exported = _EXPORTED_OBJECT.search(source)
        return _root_language_of(enclosed(source, exported.end() - 1)) if exported else None
    return None


def _depth(text: str, at: int) -> int:
    """How many brackets are open in ``text`` before offset ``at``."""
    before = text[:at]
    return sum(before.count(c) for c in "{[") - sum(before.count(c) for c in "}]")


def ignore_files(assets: list[str]) -> list[str]:
    """The .gitignore files among ``assets`` (root-relative): those in a folder below the root,
    and the root's, of which only the paths it names count (``_places_named``)."""
    return [path for path in assets if path.endswith("/" + IGNORE_FILE) or path == IGNORE_FILE]


def _places_named(lines: list[str]) -> list[str]:
    """The patterns of the root's .gitignore that name a place in the tree (``packages/docs/api``,
    ``/docs/reference/``: a folder the build fills, an API reference generated there), not a
    kind of file or folder anywhere (``dist``, ``*.log``), which may also be a page's name."""
    return [line for line in lines if "/" in line.strip().strip("/") and not line.lstrip().startswith(("#", "!"))]


def load_site(
    lowercase: bool,
    files: list[str],
    read: Callable[[str], "bytes | OSError"],
    pages: str | None = None,
    filled: tuple[str, ...] = (),
    numbered: tuple[str, ...] = (),
    kebab: tuple[str, ...] = (),
    api_specs: tuple[tuple[str, str, str, int, int], ...] = (),
    root: Path | None = None,
) -> Site:
    """The site, with the .gitignore ``files`` (``ignore_files``) read by ``read``, the Astro
    routes folder ``pages``, the folders a plugin fills at build time, the content folders
    whose number prefixes the site leaves out of addresses and those it serves kebab-case, and
    the OpenAPI specifications a Mintlify site under ``root`` writes pages from."""
    site = Site(lowercase, pages_folder=pages, generated_folders=filled, numbered_folders=numbered, kebab_folders=kebab, api_specs=api_specs, root=root)
    for path in files:
        data = read(path)
        if isinstance(data, bytes):
            lines = data.decode("utf-8", errors="replace").splitlines()
            if path == IGNORE_FILE:
                lines = _places_named(lines)
            site.generated.append((path.rpartition("/")[0], lines))
    return site


def holds_something(path: Path) -> bool:
    """Is there a file at ``path``, or a folder with something in it? (An empty folder is a
    submodule not checked out.)"""
    if path.is_file():
        return True
    try:
        with os.scandir(path) as entries:
            return any(True for _ in entries)
    except OSError:
        return False


_SUBMODULE_PATH = lazy_pattern(r"^\s*path\s*=\s*(.+?)\s*$", re.MULTILINE)


def absent_submodules(root: Path) -> tuple[str, ...]:
    """The paths of the git submodules ``.gitmodules`` at ``root`` lists that hold nothing here
    (not checked out: a Hugo site's theme, a module it mounts, another repository's docs)."""
    try:
        text = (root / ".gitmodules").read_text("utf-8", errors="replace")
    except OSError:
        return ()
    paths = (posixpath.normpath(m.group(1).strip('"')) for m in _SUBMODULE_PATH.finditer(text))
    return tuple(path for path in paths if not path.startswith(("..", "/")) and not holds_something(root / path))
