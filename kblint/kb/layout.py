"""The locale trees of a knowledge base, found from its folders when no configuration says.

Besides folders named after a locale (``en/``, ``zh-Hant/``, handled by ``kblint.kb.identity``),
kblint recognizes, with no configuration:

- a folder named with a code that is also a common folder name (``it``, ``id``) beside two
  locales' folders (``content/{en,fr,it}``, ``docs/{es,fr,it}``);
- the default language at the root of the folder that holds the locale folders (Hexo's
  ``source/docs`` beside ``source/zh-cn/docs``, VuePress' ``docs/`` beside ``docs/zh/``): that
  folder is the root of the source tree, when none of its locale folders is the source locale's;
- sibling folders ``<name>.<locale>`` beside ``<name>`` (``pages``, ``pages.zh``,
  ``pages.zh_TW``): each mirrors ``<name>``;
- Docusaurus: ``i18n/<locale>/docusaurus-plugin-content-docs/current`` mirrors ``docs/``,
  ``…/version-<v>`` mirrors ``versioned_docs/version-<v>`` and
  ``i18n/<locale>/docusaurus-plugin-content-blog`` mirrors ``blog/``; where the source
  locale's own i18n folder holds translated docs (``i18n/en/…/current``), ``docs/`` is written
  in the one other locale the site builds, and is the source.
- a file-name suffix that names a locale beside the file without it (``style-guide.de.md``
  beside ``style-guide.md``): that file is in that locale, configured or not (a code that is
  also a domain or an extension, ``io`` or ``ts``, where another locale suffix or a second
  file shows that the knowledge base names languages so).

Only folders are listed, a few levels deep, once per run: the scan costs what listing those
folders costs, whatever the number of articles.
"""

from __future__ import annotations

import os
from collections import Counter, deque
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from kblint.formats.registry import ARTICLE_SUFFIXES, is_article_path
from kblint.kb.identity import canonical_locale, readme_suffix
from kblint.kb.dumi import dumi_site, package_sites
from kblint.kb.hugo import hugo_projects
from kblint.kb.mintlify import mintlify_sites
from kblint.kb.mkdocs import mkdocs_sites
from kblint.kb.vant import vant_sites
from kblint.kb.site import gitbook_folders, nextra_folders, read_on_github, absent_submodules, astro_project, astro_root_language, docsite_language, docusaurus_routes, lowercases_addresses, makes_its_own_ids, rspress_exclusions, vue_site, VUE_CONFIG_FOLDERS
from kblint.model.layout import ASTRO_CONTENT, HugoProject, Layout, MkDocsSite, Routes, Tree
from kblint.model.listings import entries_of

if TYPE_CHECKING:
    from kblint.model.config import Config

# How deep locale folders are looked for (apps/site/pages/en is four levels down), and how
# many folders at most are listed: a monorepo's root must not cost a walk of the monorepo.
MAX_DEPTH = 4
MAX_FOLDERS = 3000
_MKDOCS_DEPTH = 2  # a mkdocs.yml is looked for at the root and two folders down (docs/en/)
_SKIPPED = {"node_modules", "__pycache__", "vendor", "dist", "build", "site-packages"}
_DOCUSAURUS_DOCS = "docusaurus-plugin-content-docs"
_DOCUSAURUS_BLOG = "docusaurus-plugin-content-blog"
# Language codes that are also domains or file extensions in the names of tools and sites
# (trunk.io, a .ts or .ml file): see _believable_suffixes.
_NAME_LIKE_CODES = frozenset("am co io la ml so to ts".split())


def _listing(folder: "str | os.PathLike[str]") -> tuple[list[str], list[str]]:
    """The subfolders (sorted) and the article files of ``folder``."""
    folders, files = [], []
    try:
        entries = entries_of(folder)
    except OSError:
        return [], []
    for name, is_folder in entries:
        if is_folder:
            if not name.startswith(".") and name not in _SKIPPED:
                folders.append(name)
        elif name.lower().endswith(ARTICLE_SUFFIXES):  # is_article_path, inlined: asked of every file listed
            files.append(name)
    return sorted(folders), files


def _suffix_locales(files: list[str], config: "Config") -> list[str]:
    """The locale suffix of each of ``files`` (``guide.de.md``) whose file without the suffix is
    there too (``guide.md``), or a file with a configured locale's suffix (``guide.en.mdx``, as
    Nextra names every language's page): ``trunk.io.md`` with no ``trunk.md`` names a site,
    not a language."""
    found = []
    present = set(files)
    suffixed: dict[tuple[str, str], list[str]] = {}  # (base, suffix) -> the locale candidates beside it
    for name in files:
        stem, dot, suffix = name.rpartition(".")
        base, dot2, candidate = stem.rpartition(".")
        if not dot2 and (language := readme_suffix(stem)) is not None:
            # README-ro.md beside README.md: a repository's README in another language.
            base, dot2, candidate = stem[:6], "-", language
        if not (dot and dot2 and base) or canonical_locale(candidate, config) is None:
            continue
        if f"{base}.{suffix}" in present:
            found.append(candidate.replace("_", "-").lower())
        else:
            suffixed.setdefault((base, suffix), []).append(candidate)
    for candidates in suffixed.values():
        if len(candidates) > 1 and any(canonical_locale(c, config) in config.locales for c in candidates):
            found.extend(c.replace("_", "-").lower() for c in candidates)
    return found


def _believable_suffixes(counts: Counter[str]) -> set[str]:
    """The suffixes of ``counts`` (how many files carry each) that name a language. A bare code
    that is also a domain or an extension (``io``, ``ts``) on one file alone is a name: a
    cheat-sheet site's ``trunk.md`` lists two tools, ``trunk.io.md`` and ``trunk.rs.md``. It
    counts where the knowledge base names another locale by suffix, or this one on two files."""
    plain = {suffix for suffix in counts if suffix not in _NAME_LIKE_CODES}
    return plain | {suffix for suffix, n in counts.items() if suffix not in plain and (plain or n >= 2)}


def _subfolders(folder: Path) -> list[str]:
    return _listing(folder)[0]


def _folders(root: Path, skipped: set[str]) -> Iterator[tuple[str, list[str], list[str]]]:
    """(folder, its subfolders, its articles) breadth first, down to MAX_DEPTH, at most MAX_FOLDERS; a folder
    put in ``skipped`` before its turn is not listed (a locale's tree: its insides are that
    locale's, and listing thousands of articles would be wasted)."""
    queue = deque([("", 0)])
    listed = 0
    top = os.fspath(root)  # listed by name: a Path made for each of 3,000 folders costs a tenth of the walk
    while queue and listed < MAX_FOLDERS:
        relative, depth = queue.popleft()
        if relative in skipped:
            continue
        names, files = _listing(os.path.join(top, relative) if relative else top)
        listed += 1
        yield relative, names, files
        if depth + 1 < MAX_DEPTH or relative.endswith(ASTRO_CONTENT):  # (a theme's docs/src/content/docs/zh-cn)
            queue.extend((f"{relative}/{name}" if relative else name, depth + 1) for name in names)


def find_layout(root: Path, config: "Config") -> Layout:
    """The locale trees under ``root`` (see the module's documentation)."""
    trees: list[Tree] = []
    source_roots: list[str] = []
    names: set[str] = set()
    skipped: set[str] = set()  # locale trees and the sources they mirror
    suffixes: Counter[str] = Counter()
    holders: list[str] = []  # folders that may hold a Docusaurus site's configuration
    vant_holders: list[str] = []  # and a Vant CLI site's (beside its docs/ or src/)
    shallow: list[str] = []  # and a MkDocs site's (docs/en/mkdocs.yml)
    located: list[str] = []  # the folders named for a locale
    source_at_root = False
    i18n_folders: list[str] = []
    for folder, subfolders, files in _folders(root, skipped):
        prefix = f"{folder}/" if folder else ""
        if folder and ("docs" in subfolders or "i18n" in subfolders):
            holders.append(folder)
        if "docs" in subfolders or "src" in subfolders:
            vant_holders.append(folder)
        suffixes.update(_suffix_locales(files, config))
        locales = [name for name in subfolders if canonical_locale(name, config, folder=True) is not None]
        for name in _codes_beside_locales(subfolders, locales, config):
            trees.append(Tree(prefix + name, name))
            locales.append(name)
        names.update(name.lower() for name in locales)
        skipped.update(prefix + name for name in locales)
        located.extend(prefix + name for name in locales)
        if folder.count("/") < _MKDOCS_DEPTH:  # (a locale's folder is not listed: it is asked here)
            shallow.extend([folder, *(prefix + name for name in locales)])
        if locales and not any(canonical_locale(n, config) == config.source_locale for n in locales):
            if folder:
                source_roots.append(folder)
            else:
                source_at_root = True
        for tree, source, paired in _suffixed_trees(root, prefix, subfolders, config):
            trees.append(tree)
            source_roots.append(source)
            names.add(tree.name.lower())
            skipped.update(paired)
        if "i18n" in subfolders:
            found, mirrors = _docusaurus_trees(root, prefix + "i18n", config)
            trees.extend(found + mirrors)
            names.update(tree.name.lower() for tree in found + mirrors)
            skipped.add(prefix + "i18n")
            i18n_folders.append(prefix + "i18n")
            if found and folder:
                source_roots.append(folder)
    routes = docusaurus_routes(root, holders)
    trees.extend(_plugin_trees(root, i18n_folders, routes, config))
    trees, unbuilt, unbuilt_versions = _built_trees(trees, routes, config)
    projects, hugo = hugo_projects(root, shallow)
    (vue_folder, vue_language), astro = _root_vue_site(root, located), astro_project(root, vant_holders)
    return Layout(
        tuple(trees), tuple(dict.fromkeys(source_roots)), frozenset(names), frozenset(_believable_suffixes(suffixes)), lowercases_addresses(root) or astro is not None,
        routes, unbuilt, (dumi := dumi_site(root, vant_holders)), vant_sites(root, vant_holders), (mkdocs := mkdocs_sites(root, shallow, located)), source_at_root,
        (root / "_config.yml").is_file(), rspress_exclusions(root, holders), hugo, projects, absent_submodules(root),
        declared_source=vue_language or (dumi.default_language if dumi else None) or _mkdocs_language(mkdocs) or _docusaurus_source_language(root, i18n_folders, routes, config) or astro_root_language(root, astro) or docsite_language(root) or _hugo_language(projects), vue_source=vue_folder, astro_content=_astro_content(astro),
        unbuilt_versions=unbuilt_versions, dumi_packages=package_sites(root, vant_holders, dumi), vue_sites=(vue := _vue_site_folders(root, vant_holders)), own_heading_ids=tuple(folder for folder in vue if makes_its_own_ids(root / folder)),
        **_configured_sites(root, shallow, located),
    )


def _astro_content(project: str | None) -> str | None:
    """The root-relative folder of the content collections of the Astro ``project``."""
    return None if project is None else f"{project}/{ASTRO_CONTENT}".lstrip("/")


def _configured_sites(root: Path, folders: list[str], located: list[str]) -> dict[str, Any]:
    """What the configurations in ``folders`` say of Mintlify's, GitBook's and Nextra's sites,
    whether the repository, configuring no site, is read on GitHub, and whether the folders
    named for a locale (``located``) are all below the root (Layout's fields)."""
    mintlify, api_specs = mintlify_sites(root, folders)
    books, languages = gitbook_folders(root, folders)
    return {
        "mintlify": mintlify, "api_specs": api_specs, "gitbook": books, "gitbook_languages": languages,
        "nextra": nextra_folders(root, folders), "no_site": read_on_github(root),
        "locales_below_root": bool(located) and all("/" in folder for folder in located),
    }  # fmt: skip


def _root_vue_site(root: Path, located: list[str]) -> tuple[str | None, str | None]:
    """(its source folder, its root locale's language) of a VitePress or VuePress site, asked of
    the shallowest folder that holds locale folders (``located``: those folders)."""
    return (vue_site(root, located[0].rpartition("/")[0]) if located else None) or (None, None)


def _vue_site_folders(root: Path, holders: list[str]) -> tuple[str, ...]:
    """The folders among ``holders`` (those that hold docs/ or src/), and their docs/, that
    hold a VitePress or VuePress site's configuration folder, deepest first."""
    found = []
    for holder in holders:
        for folder in (holder, f"{holder}/docs" if holder else "docs"):
            if any(os.path.isdir(root / folder / tool / "") for tool in VUE_CONFIG_FOLDERS):
                found.append(folder)
    return tuple(sorted(dict.fromkeys(found), key=len, reverse=True))


def _hugo_language(projects: tuple[HugoProject, ...]) -> str | None:
    """The ``defaultContentLanguage`` the shallowest Hugo site writes in its configuration."""
    return projects[-1].default_language if projects else None


def _mkdocs_language(sites: tuple[MkDocsSite, ...]) -> str | None:
    """The default language a MkDocs site's i18n plugin gives its pages named for no language
    (the shallowest site's, the root's first)."""
    return next((site.default_language for site in reversed(sites) if site.default_language), None)


def _docusaurus_source_language(root: Path, i18n_folders: list[str], routes: Routes, config: "Config") -> str | None:
    """The language of a Docusaurus site's own docs when its i18n folder translates them into
    the source locale: Docusaurus reads ``i18n/<locale>/docusaurus-plugin-content-docs/current``
    before ``docs/`` for every locale, the default one too, so a site whose ``docs/`` is written
    in Chinese serves English from ``i18n/en/…``. The docs' language is then the one built
    locale that has no translated docs (None when the configuration does not list its locales,
    or more than one has none)."""
    if not routes.built_locales:
        return None
    translated = set()
    for i18n in i18n_folders:
        for name in _subfolders(root / i18n):
            if any(v == "current" or v.startswith("version-") for v in _subfolders(root / i18n / name / _DOCUSAURUS_DOCS)):
                translated.add(canonical_locale(name, config))
    if config.source_locale not in translated:
        return None
    untranslated = [name for name in routes.built_locales if canonical_locale(name, config) not in translated]
    return untranslated[0] if len(untranslated) == 1 else None


def _built_trees(trees: list[Tree], routes: Routes, config: "Config") -> tuple[list[Tree], tuple[str, ...], tuple[str, ...]]:
    """The trees a Docusaurus site builds, the folders of the translations it does not build
    (``_unbuilt_folders``) and those of the versions it does not build, with their
    translations."""
    unbuilt = _unbuilt_folders(trees, routes, config)
    trees = [tree for tree in trees if not any(tree.folder.startswith(folder + "/") for folder in unbuilt)]
    unbuilt_versions = routes.unbuilt_versions + tuple(tree.folder for tree in trees if tree.mount in routes.unbuilt_versions)
    return [tree for tree in trees if tree.folder not in unbuilt_versions], unbuilt, unbuilt_versions


def _unbuilt_folders(trees: list[Tree], routes: Routes, config: "Config") -> tuple[str, ...]:
    """The i18n folders (``i18n/bn``) of the Docusaurus translations whose locale the site does
    not build (not in its ``i18n.locales``), unless the configuration's ``locales`` names it:
    a translation platform writes them, and no reader sees them."""
    if routes.built_locales is None:
        return ()
    built = {canonical_locale(name, config) for name in routes.built_locales}
    asked = config.raw.get("locales")
    if isinstance(asked, list):
        built |= {canonical_locale(str(name), config) for name in asked}
    folders = []
    for tree in trees:
        i18n, marker, _ = tree.folder.partition("/docusaurus-plugin-content-")
        if marker and canonical_locale(tree.name, config) not in built:
            folders.append(i18n)
    return tuple(dict.fromkeys(folders))


def _codes_beside_locales(subfolders: list[str], locales: list[str], config: "Config") -> list[str]:
    """Folders named with a code that is also a common folder name (``it``, ``id``, ``ms``)
    beside two locales' folders: in ``content/{en,fr,it}``, or ``docs/{es,fr,it}`` beside the
    source's pages, ``it`` is Italian. (Alone, or beside one locale's folder, such a folder
    counts only when configured.)"""
    present = {canonical_locale(name, config) for name in locales}
    if len(present) < 2:
        return []
    return [name for name in subfolders if name not in locales and canonical_locale(name, config) is not None]


def _suffixed_trees(root: Path, prefix: str, subfolders: list[str], config: "Config") -> Iterator[tuple[Tree, str, tuple[str, str]]]:
    """(the translation's tree, the source's folder, both folders) of each folder beside its
    copy named for a locale (``_suffixed_siblings``). Where the suffix names the source's
    language (docs/source beside docs/source_en), the unsuffixed folder is the translation,
    in the language its pages are written in; not paired where that is not told."""
    for base, sibling, name in _suffixed_siblings(subfolders, config):
        translated, source, locale = sibling, base, name
        if canonical_locale(name, config) == config.source_locale:
            locale = _language_of(root / (prefix + base))
            if locale is None:
                continue
            translated, source = base, sibling
        yield Tree(prefix + translated, locale), prefix + source, (prefix + sibling, prefix + base)


def _suffixed_siblings(subfolders: list[str], config: "Config") -> Iterator[tuple[str, str, str]]:
    """(name, folder, locale) of each folder named ``name.locale``, ``name_locale`` or
    ``name-locale`` that has a sibling ``name`` (``docs.zh``, Sphinx's ``source_en``); a code
    that is also a common extension or folder name (``src.ts``, ``lib.it``) counts only when
    configured, and after "_" or "-" only one of the knowledge base's locales."""
    present = set(subfolders)
    found_here: list[tuple[str, str, str, str, bool]] = []  # base, folder, name, mark, sure
    for folder in subfolders:
        for mark in "._-":
            base, found, name = folder.partition(mark)
            while found and base not in present:
                more, found, name = name.partition(mark)
                base = f"{base}{mark}{more}"
            locale = canonical_locale(name, config) if found else None
            # (Joined by "_" or "-", a name's last word may look like a code: lora-ga is no
            # Irish; there, only a locale the knowledge base works in counts.)
            if locale is not None and (mark == "." or locale in config.locales):
                found_here.append((base, folder, name, mark, canonical_locale(name, config, folder=True) is not None))
                break
    # A code that is also a common name (pages.it) counts beside two sure ones (pages.de, pages.fr).
    sure = Counter((base, mark) for base, _, _, mark, certain in found_here if certain)
    for base, folder, name, mark, certain in found_here:
        if certain or sure[(base, mark)] >= 2:
            yield base, folder, name


# The characters Chinese text writes most that Simplified and Traditional write apart: which
# of the two a folder's pages are in.
_SIMPLIFIED = frozenset("这们个为说时会对后发经过还进现与从关东车样开门问长间无体点实总种")
_TRADITIONAL = frozenset("這們個為說時會對後發經過還進現與從關東車樣開門問長間無體點實總種")
_SAMPLED_PAGES = 6


def _language_of(folder: Path) -> str | None:
    """The language the first pages of ``folder`` are written in, where that is Chinese
    (``zh-Hans`` or ``zh-Hant``: more Chinese characters than Latin words); None otherwise."""
    text = []
    for path in _first_pages(folder):
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                text.append(handle.read(4096))
        except OSError:
            continue
    sample = "".join(text)
    han = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
    if not han or han < len(sample.split()) // 2:
        return None
    simplified = sum(1 for ch in sample if ch in _SIMPLIFIED)
    traditional = sum(1 for ch in sample if ch in _TRADITIONAL)
    return "zh-Hant" if traditional > simplified else "zh-Hans"


def _first_pages(folder: Path) -> Iterator[str]:
    """Up to _SAMPLED_PAGES article files of ``folder`` and its subfolders, in a sorted walk."""
    found = 0
    for base, folders, files in os.walk(folder):
        folders.sort()
        for name in sorted(files):
            if is_article_path(name):
                yield os.path.join(base, name)
                found += 1
                if found >= _SAMPLED_PAGES:
                    return


def _docusaurus_trees(root: Path, i18n: str, config: "Config") -> tuple[list[Tree], list[Tree]]:
    """Docusaurus' translated docs and blog under ``i18n`` (relative to ``root``); and the
    locale folders that mirror the ``docs/`` beside ``i18n`` themselves, mounted on it where it
    is (the source's pages keep their paths from the root: a repository may hold two such
    sites, each a version of the docs)."""
    trees, mirrors = [], []
    for name in _subfolders(root / i18n):
        locale = canonical_locale(name, config)
        if locale is None or locale == config.source_locale:
            continue  # the source's own i18n folder holds only its labels
        plugins = set(_subfolders(root / i18n / name))
        if _DOCUSAURUS_DOCS in plugins:
            trees.extend(_version_trees(root, f"{i18n}/{name}/{_DOCUSAURUS_DOCS}", name, "docs", "versioned_docs"))
        if _DOCUSAURUS_BLOG in plugins:
            trees.append(Tree(f"{i18n}/{name}/{_DOCUSAURUS_BLOG}", name, "blog"))
        elif _DOCUSAURUS_DOCS not in plugins and _mirrors_the_docs(root, i18n, plugins):
            holder = i18n.rpartition("/")[0]
            mirrors.append(Tree(f"{i18n}/{name}", name, f"{holder}/docs" if holder else "docs"))
    return trees, mirrors


def _mirrors_the_docs(root: Path, i18n: str, folders: set[str]) -> bool:
    """Does a locale's folder of ``i18n`` that holds no plugin's folder hold the docs' own
    folders, the ``docs/`` beside ``i18n`` (a site that points its docs' translations there:
    ``i18n/zh-Hans/user-guide`` beside ``docs/user-guide``)? Two of them at least, and half."""
    holder = i18n.rpartition("/")[0]
    docs = set(_subfolders(root / holder / "docs" if holder else root / "docs"))
    shared = len(folders & docs)
    return shared >= 2 and shared * 2 >= len(folders)


def _plugin_trees(root: Path, i18n_folders: list[str], routes: Routes, config: "Config") -> Iterator[Tree]:
    """The translated trees of the docs and blog plugin instances that have an id of their own
    (``i18n/fr/docusaurus-plugin-content-docs-community/current`` mirrors the folder the
    configuration gives the ``community`` instance), each mounted where its folder is
    relative to the folder that holds ``i18n``."""
    for i18n in i18n_folders:
        holder = i18n.rpartition("/")[0]
        for plugin, folder in routes.plugins:
            mount = folder[len(holder) + 1 :] if holder and folder.startswith(holder + "/") else folder
            if holder and mount == folder:
                continue  # the instance's folder is outside the site that holds these translations
            for name in _subfolders(root / i18n):
                if canonical_locale(name, config) in (None, config.source_locale):
                    continue
                translated = f"{i18n}/{name}/{plugin}"
                if "-content-blog-" in plugin:
                    yield Tree(translated, name, mount)
                else:
                    yield from _version_trees(root, translated, name, mount, f"{mount}_versioned_docs")


def _version_trees(root: Path, translated: str, name: str, mount: str, versioned: str) -> Iterator[Tree]:
    """The trees of a docs plugin's translation ``translated`` in the locale folder ``name``:
    ``current`` mirrors ``mount``, ``version-<v>`` mirrors ``<versioned>/version-<v>``."""
    for version in _subfolders(root / translated):
        if version == "current":
            yield Tree(f"{translated}/current", name, mount)
        elif version.startswith("version-"):
            yield Tree(f"{translated}/{version}", name, f"{versioned}/{version}")


def pairing_hint(relpaths: Iterable[str], config: "Config") -> str | None:
    """The ``locale_roots`` line that would pair the articles of ``relpaths`` when folders
    named like locales exist but no article of theirs has a source at the same path; None
    when something pairs, or when nothing would. Looked at only when the layout has locale
    folders and no tree of the source locale, found or configured (else every run would pay
    for it)."""
    layout = config.layout
    if layout is None or not layout.locale_names or layout.trees or layout.source_roots or config.locale_roots:
        return None
    if any(canonical_locale(name, config) == config.source_locale for name in layout.locale_names):
        return None
    from kblint.kb.identity import resolve

    sources: dict[str, list[str]] = {}  # the path of each source article, by file name
    translations: list[tuple[str, str]] = []  # (locale, path inside its locale's tree)
    keys: dict[str, set[str]] = {}
    for relpath in relpaths:
        if not is_article_path(relpath) or relpath.startswith("/"):
            continue
        identity = resolve(relpath, {}, config)
        keys.setdefault(identity.key, set()).add(identity.locale)
        if identity.locale == config.source_locale:
            sources.setdefault(relpath.rsplit("/", 1)[-1], []).append(relpath)
        elif identity.root:
            translations.append((identity.locale, relpath[len(identity.root) + 1 :]))
    if any(config.source_locale in locales and len(locales) > 1 for locales in keys.values()):
        return None
    prefixes: dict[str, int] = {}
    for _, inside in translations:
        for source in sources.get(inside.rsplit("/", 1)[-1], ()):
            if source.endswith("/" + inside):
                prefix = source[: -len(inside) - 1]
                prefixes[prefix] = prefixes.get(prefix, 0) + 1
    if not prefixes:
        return None
    best = max(sorted(prefixes), key=lambda p: prefixes[p])
    return (
        f"folders named like locales were found but no translation pairs with a source; "
        f"to pair them, add to kblint.yaml: locale_roots: {{{config.source_locale}: {best}}}"
    )
