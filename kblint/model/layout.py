"""The values that say where a knowledge base keeps each locale's articles and how its site
serves them: found from the folders by ``kblint.kb.layout`` (and ``kblint.kb.site``), held by
the configuration, read by identities and links."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Iterable

# Where an Astro project keeps the routes it serves besides its content collections (a feed,
# a page written in .astro), and the folder of those collections.
ASTRO_PAGES = "src/pages"
ASTRO_CONTENT = "src/content"


@dataclass(frozen=True)
class Routes:
    """Where a Docusaurus site serves its content folders (root-relative folder by route, the
    route without slashes: ``("", "docs")`` for ``routeBasePath: '/'``), and whether it serves
    each page at ``x/``."""

    folders: tuple[tuple[str, str], ...] = ()
    pages_at_folders: bool = False
    # The locales the site builds (i18n.locales, when the configuration writes them out): a
    # translation's folder of another locale is Crowdin's, which the site does not publish.
    built_locales: tuple[str, ...] | None = None
    # Folders whose pages a plugin writes at build time (docusaurus-plugin-openapi-docs'
    # outputDir): a link into them cannot be checked here.
    generated: tuple[str, ...] = ()
    # The content folder of each plugin instance with an id of its own, by the name of its
    # translations' folder in i18n/<locale>/ (docusaurus-plugin-content-docs-community: community).
    plugins: tuple[tuple[str, str], ...] = ()
    blogs: tuple[str, ...] = ()  # the content folders of blog plugins (blog): a slug is under their route
    pages: str | None = None  # the folder of the site's own pages (src/pages), root-relative
    # The folders of versions the site does not build (versioned_docs/version-0.2): not in
    # versions.json, or left out by the docs' onlyIncludeVersions.
    unbuilt_versions: tuple[str, ...] = ()
    # The site's own address (its ``url`` and ``baseUrl``: ``https://example.dev/``): a link
    # written with it is a link to one of its pages, in the default locale unless it names one.
    site_url: str | None = None


@dataclass(frozen=True)
class DumiSite:
    """Where a dumi site serves its Markdown (found by ``kblint.kb.dumi``): each content folder
    with the route it is served under (``("docs", "docs")`` for ``{ type: 'doc', dir: 'docs' }``,
    ``("", "docs")`` for ``'docs'``), its atom folders, where each component is one page
    (``components/button/index.en-US.md`` at ``/components/button``), and its locales, the
    first the default, each as (id, base, suffix): ``zh-CN`` with ``suffix: '-cn'`` serves
    ``x.zh-CN.md`` at ``/x-cn``, with ``base: '/zh'`` at ``/zh/x``."""

    docs: tuple[tuple[str, str], ...] = ()
    atoms: tuple[tuple[str, str], ...] = ()
    locales: tuple[tuple[str, str, str], ...] = ()
    pages: str | None = None  # .dumi/pages, whose folders serve their own routes (/theme-editor)
    # dumi 1 (configured in Umi's .umirc or config/config): a page's route is its path made
    # kebab-case (useAsyncEffect/index.md at /use-async-effect), under its front matter's nav
    # and group paths, and another locale's under /{locale} (kblint.kb.dumi.legacy_route).
    legacy: bool = False
    # The language of the pages named for no locale (``faq.md`` beside ``faq.en-US.md``): the
    # first locale, where the configuration writes its locales out; None where it does not.
    default_language: str | None = None
    # dumi 2 makes a doc's route kebab-case (``stackY.md`` at ``/stack-y``) unless its
    # configuration sets ``forceKebabCaseRouting: false``.
    kebab_routes: bool = False
    # The examples folder of a site AntV's theme builds (also among ``docs``, served under
    # /examples): each example's page shows its demos, named by the files of its demo/ folder,
    # which its #fragments name (/examples/component/axis#axis-x).
    examples: str | None = None

    @property
    def kebab_folders(self) -> tuple[str, ...]:
        """The doc folders whose files dumi 2 serves at kebab-case routes (not the AntV theme's
        examples, served at their folders' names)."""
        return tuple(folder for _, folder in self.docs if folder != self.examples) if self.kebab_routes else ()

    def demo_anchored(self, relpath: str) -> bool:
        """Is ``relpath`` an AntV example's page, whose anchors name its demos' files?"""
        return self.examples is not None and relpath.startswith(self.examples + "/")

    def serves(self, relpath: str) -> bool:
        """Does the site serve ``relpath`` as a page or part of one (in a doc or atom folder)?
        The repository's other Markdown (its README, GitHub's templates) is no page."""
        return any(relpath.startswith(folder + "/") for _, folder in self.docs + self.atoms)

    def is_partial(self, relpath: str) -> bool:
        """Is ``relpath`` Markdown of a page that is no page of its own: in an atom folder,
        another than an atom's page (a component's ``demo/basic.md``), a tab of a page
        (``index.$tab-design.md``), or named with a leading ``_``, which routes leave out
        (``docs/react/_demo/theme.md``)."""
        if not self.serves(relpath):
            return False
        name = relpath.rpartition("/")[2]
        if ".$tab-" in name or any(part.startswith("_") for part in relpath.split("/")):
            return True
        for _, folder in self.atoms:
            inside = relpath[len(folder) + 1 :] if folder else relpath
            if folder and not relpath.startswith(folder + "/"):
                continue
            parts = inside.split("/")
            if len(parts) > 2 or (len(parts) == 2 and not parts[1].lower().startswith(("index.", "readme."))):
                return True
        return False


@dataclass(frozen=True)
class VantSite:
    """A site Vant CLI builds (found by ``kblint.kb.vant``): a client-side router serves each
    page at a route after the address's ``#`` (``#/zh-CN/button``). ``folder`` holds its
    ``vant.config.*`` (root-relative, "" for the root); a component's page is
    ``{src}/{name}/README.md`` in the default language and ``README.{lang}.md`` in another;
    ``pages`` are the Markdown files of ``docs/`` at any depth, each (route name, language,
    path); ``public_paths`` are the addresses the site is served at (``/vant/``) and
    ``versions`` those of its other versions (``/vant/v2/``), built from elsewhere."""

    folder: str
    default_lang: str = ""
    locales: tuple[str, ...] = ()
    src: str = "src"
    pages: tuple[tuple[str, str, str], ...] = ()
    public_paths: tuple[str, ...] = ()
    versions: tuple[str, ...] = ()

    def holds(self, relpath: str) -> bool:
        return not self.folder or relpath.startswith(self.folder + "/")


@dataclass(frozen=True)
class MkDocsSite:
    """A site MkDocs builds (found by ``kblint.kb.mkdocs``): ``content``, the folder it serves
    from the site's root (its ``mkdocs.yml``'s ``docs_dir``, root-relative, "" for the root),
    and ``mirrors``, the same folder in the other languages' folders beside its own
    (``docs/de/docs`` beside ``docs/en/docs``), which a script builds into translations of it;
    ``default_language``, the language its i18n plugin gives pages named for no language;
    ``heading_ids``, the scheme its headings' ids are made with where it is known (None: a
    ``slugify`` of the configuration's choosing)."""

    content: str
    mirrors: tuple[str, ...] = ()
    default_language: str | None = None
    heading_ids: str | None = "python-markdown"

    def builds(self, relpath: str) -> bool:
        """Is ``relpath`` a page of the site or of a translation of it?"""
        return first_holding(relpath, (self.content, *self.mirrors)) is not None


@dataclass(frozen=True)
class HugoSite:
    """A Hugo site that translates by file name (found by ``kblint.kb.hugo``): ``content``, its
    content folder (root-relative), ``languages``, the keys its configuration gives them (``en``,
    ``cn``: a page's file names one, ``guide.cn.md``, and so does the first segment of its
    address), ``default``, the default language's key, served without it unless ``in_subdir``."""

    content: str
    languages: tuple[str, ...]
    default: str
    in_subdir: bool = False

    def holds(self, relpath: str) -> bool:
        return not self.content or relpath.startswith(self.content + "/")


@dataclass(frozen=True)
class HugoMount:
    """A folder or file a Hugo site serves as part of one of its components (kblint.kb.hugo):
    ``source`` (root-relative), ``target`` (``content/docs/specs``, ``static/img``, as the
    configuration writes it), for the ``languages`` named (none: all of them); ``present``:
    does the knowledge base hold anything there? (A submodule not checked out, or a folder a
    script fills before the build, holds nothing: what the site serves from it cannot be
    checked here.)"""

    source: str
    target: str
    present: bool = True
    languages: tuple[str, ...] = ()

    @property
    def component(self) -> str:
        """What the site serves the source as: ``content``, ``static``, ``layouts``…"""
        return self.target.partition("/")[0]

    @property
    def inner(self) -> str:
        """Where in its component the source is served (``docs/specs`` of ``content/docs/specs``)."""
        return self.target.partition("/")[2]

    def address(self) -> str | None:
        """The site address (no slashes around it) this mount serves its source at: None for
        a component other than content and static. A page mounted as a file is served at its
        name without the suffix, a section's ``_index`` at its folder."""
        component, inner = self.component, self.inner
        if component == "static":
            return inner
        if component != "content":
            return None
        folder, _, name = inner.rpartition("/")
        stem, dot, _ = name.rpartition(".")
        if not dot:
            return inner
        return folder if stem in ("_index", "index") else f"{folder}/{stem}".lstrip("/")

    def is_file(self) -> bool:
        return self.target.startswith("content/") and "." in self.target.rpartition("/")[2]


@dataclass(frozen=True)
class HugoProject:
    """A Hugo site, however it translates (kblint.kb.hugo): ``folder``, where its configuration
    is (root-relative); ``mounts``, what it serves from where (its content and static folders,
    as configured or by Hugo's defaults); ``languages``, its languages' keys; ``pretty``: is
    each page served at a folder of its own (``x.md`` at ``x/``, unless ``uglyURLs``)?"""

    folder: str
    mounts: tuple[HugoMount, ...] = ()
    languages: tuple[str, ...] = ()
    themed: bool = False  # it has a themes/ folder
    pretty: bool = True
    # Globs of the pages its configuration's cascade builds but does not render (``build:
    # {render: never}``, ``target: {path: '{,/**}/_includes{,/**}'}``): text other pages include.
    unrendered: tuple[str, ...] = ()
    # The Markdown files each of its shortcodes names in its template (``docs/intro`` passes
    # "exporters/intro.md" to a partial that includes it), by the shortcode's name.
    shortcode_files: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # The key of the language it serves at the site's root, without its key in the address
    # (its default language, unless ``defaultContentLanguageInSubdir``); None: every one has it.
    unprefixed: str | None = None
    # Does it serve a Markdown link's root-absolute destination as written (/docs/x: the
    # default language's page, from a page in any language)? Hugo before 0.123, whose build
    # the site names; later ones resolve it as a page of the linking page's own language.
    links_as_written: bool = False
    # Its ``defaultContentLanguage`` where its configuration writes one (zh-cn): the language
    # its pages are written in first.
    default_language: str | None = None
    # Its ``permalinks``: the address of each page of a section, by a pattern (``blog``,
    # ``/:section/:year/:month/:day/:slug/``).
    permalinks: tuple[tuple[str, str], ...] = ()

    def holds(self, relpath: str) -> bool:
        return not self.folder or relpath.startswith(self.folder + "/")

    def renders(self, relpath: str) -> bool:
        """Does the site render the page at ``relpath`` as a page of its own?"""
        if not self.unrendered:
            return True
        known = self._rendered.get(relpath)
        if known is None:
            path = self.logical_path(relpath)
            known = self._rendered[relpath] = path is None or not any(_glob(pattern).fullmatch(path.lower()) for pattern in self.unrendered)
        return known

    @cached_property
    def _rendered(self) -> dict[str, bool]:
        return {}  # renders(), by path: rules ask of each page more than once

    def logical_path(self, relpath: str) -> str | None:
        """The path Hugo knows the page at ``relpath`` by (``/docs/_includes/intro`` for
        ``content/en/docs/_includes/intro.md`` where ``content/en`` is mounted as content): its
        content mount's target and the rest of its path, without the suffix."""
        best = self.content_mount_of(relpath)
        if best is None:
            return None
        rest = relpath[len(best.source) + 1 :].rpartition(".")[0] or relpath[len(best.source) + 1 :]
        return "/" + "/".join(part for part in (best.inner, rest) if part)

    def content_mount_of(self, relpath: str) -> HugoMount | None:
        """The content mount whose folder holds ``relpath`` (the deepest)."""
        return next((mount for mount in self._folders_of_content if relpath.startswith(mount.source + "/")), None)

    def serves_as_page(self, relpath: str) -> bool:
        """Is ``relpath`` (in this project) in a folder the site makes pages of (a content
        mount's source)? Not its layouts, archetypes, or the repository's README."""
        if self.content_mount_of(relpath) is not None:
            return True
        return any(mount.component == "content" and relpath == mount.source for mount in self.mounts)  # a page mounted alone

    def sources_at(self, address: str, language: str | None) -> list[str]:
        """The root-relative paths the site serves the address ``address`` (no leading slash)
        from, by its mounts for the language whose key it starts with, else for ``language``
        (the linking page's: Hugo finds a root-absolute page in the page's own language)."""
        first, _, rest = address.partition("/")
        if first.lower() in self.languages:
            address, language = rest, first.lower()
        found = []
        for served, is_file, languages, source in self._served:
            if languages and language not in languages:
                continue
            if is_file:
                if address.rstrip("/") == served:
                    found.append(source)
            elif not served or address == served or address.startswith(served + "/"):
                rest = address[len(served) :].lstrip("/")
                found.append(f"{source}/{rest}" if rest else source)
        return list(dict.fromkeys(found))

    @cached_property
    def _served(self) -> tuple[tuple[str, bool, tuple[str, ...], str], ...]:
        """(address, is a file, languages, source) of each mount of content or static files,
        worked out once: every root-absolute link asks."""
        return tuple(
            (served, mount.is_file(), mount.languages, mount.source) for mount in self.mounts if (served := mount.address()) is not None
        )

    @cached_property
    def _folders_of_content(self) -> tuple[HugoMount, ...]:
        """The content mounts of folders, deepest source first."""
        found = [mount for mount in self.mounts if mount.component == "content" and not mount.is_file()]
        return tuple(sorted(found, key=lambda mount: len(mount.source), reverse=True))


@dataclass(frozen=True)
class Tree:
    """A translation's tree whose folder is not simply named after its locale."""

    folder: str  # relative to the knowledge base root
    name: str  # the locale as the folder writes it (zh_TW)
    mount: str = ""  # where in the source tree it belongs, as a prefix of its articles' keys


@dataclass(frozen=True)
class Layout:
    """Where a knowledge base keeps each locale's articles: its trees of locale folders."""

    trees: tuple[Tree, ...] = ()
    source_roots: tuple[str, ...] = ()  # folders that hold the source language's tree
    locale_names: frozenset[str] = field(default_factory=frozenset)  # locale folder names, lowercased
    # Locales that file names give as a suffix beside the file without it (guide.de.md beside
    # guide.md), lowercased: such a suffix names the article's language, configured or not.
    suffix_locales: frozenset[str] = field(default_factory=frozenset)
    # The site builder serves each page at its path in lower case (kblint.kb.site).
    lowercase_addresses: bool = False
    routes: Routes = Routes()  # where a Docusaurus site serves its content folders
    # A Docusaurus site's i18n folders of locales it does not build (i18n/bn): not linted.
    unbuilt: tuple[str, ...] = ()
    dumi: DumiSite | None = None  # where a dumi site serves its pages
    vant: tuple[VantSite, ...] = ()  # the sites Vant CLI builds, deepest folder first
    mkdocs: tuple[MkDocsSite, ...] = ()  # the sites MkDocs builds, deepest content folder first
    # The knowledge base's root is the source language's tree: the translations' folders sit
    # in it, beside its own pages (VuePress's de/ and zh-CN/ beside book/), none for the source.
    source_at_root: bool = False
    # A Jekyll or Hexo site (a _config.yml at the root): it publishes no file or folder whose
    # name starts with "_" (_includes/, _layouts/, _data/), but its posts and drafts.
    underscored_partials: bool = False
    # An Rspress site: its ``route.exclude`` globs (root-relative, ``website/docs/**/fragments/**``)
    # name the files it serves as no page, as its convention does those named with a leading "_".
    excluded_routes: tuple[str, ...] | None = None
    hugo: tuple[HugoSite, ...] = ()  # the Hugo sites that translate by file name
    hugo_projects: tuple[HugoProject, ...] = ()  # every Hugo site, deepest folder first
    # The git submodules (.gitmodules) not checked out: what they hold cannot be checked here.
    absent_submodules: tuple[str, ...] = ()
    # The language a VitePress or VuePress site says the pages beside its locale folders are
    # in (``locales: {root: {lang: 'zh'}}``), or a dumi site its pages named for no locale
    # (its first locale): its source's, where the configuration names none.
    declared_source: str | None = None
    # The folder such a site builds its pages from ("" for the root); None: no such site.
    vue_source: str | None = None
    # An Astro project (Starlight among them) at the root or in a folder of it (``docs/``):
    # the folder of its content collections (``src/content``, ``docs/src/content``); None:
    # no such project.
    astro_content: str | None = None
    # The folders of the Docusaurus docs' versions the site does not build, and of their
    # translations (see Routes.unbuilt_versions): excluded as unbuilt translations are.
    unbuilt_versions: tuple[str, ...] = ()
    # The dumi sites of a monorepo's packages, each configured in its package's folder and
    # serving its docs at an address of its own (kblint.kb.dumi.package_sites).
    dumi_packages: tuple[DumiSite, ...] = ()
    # The folders a VitePress or VuePress site builds its pages from wherever they are (a
    # package's docs/ beside its .vuepress/), deepest first: a root-absolute address on one
    # of its pages is its page.
    vue_sites: tuple[str, ...] = ()
    # Those of them whose configuration gives headings ids with a slugify of its own
    # (kblint.kb.site.makes_its_own_ids): their ids' case and dashes are not known here.
    own_heading_ids: tuple[str, ...] = ()
    # The folders of Mintlify sites (a docs.json or mint.json: kblint.kb.mintlify).
    mintlify: tuple[str, ...] = ()
    # The OpenAPI specifications they write pages from (kblint.kb.mintlify.Specification: each
    # with its size and time, which the cached results depend on); read when a link asks.
    api_specs: tuple[tuple[str, str, str, int, int], ...] = ()
    # A repository that opens with a README and configures no site builder
    # (kblint.kb.site.read_on_github): its pages are read on GitHub, whose page script finds
    # an anchor in any case.
    no_site: bool = False
    # The folders of GitBook books (a book.json or a LANGS.md: kblint.kb.site.gitbook_folders),
    # whose pages take their titles from the book's SUMMARY.md.
    gitbook: tuple[str, ...] = ()
    # Those that hold one book per language (a LANGS.md): the Markdown beside the language
    # folders (the repository's README) is no page of any of them.
    gitbook_languages: tuple[str, ...] = ()
    # The folders of Nextra sites (a theme.config.*: kblint.kb.site.nextra_folders), whose
    # pages are titled by their _meta files, else by their names.
    nextra: tuple[str, ...] = ()
    # Every folder named for a locale is below the root (docs/en/, docs/zh/): the files at the
    # root are the repository's own (a roadmap, a threat model), no page of the site.
    locales_below_root: bool = False

    @property
    def builder_known(self) -> bool:
        """Is the site's builder one whose addresses kblint reads (Docusaurus, Hugo, VitePress
        or VuePress, dumi, Vant CLI, MkDocs, Astro, Rspress, Jekyll or Hexo, Mintlify)?"""
        return bool(
            self.routes.folders or self.hugo or self.hugo_projects or self.vue_source is not None or self.dumi_sites
            or self.vant or self.mkdocs or self.astro_content is not None or self.excluded_routes is not None or self.underscored_partials
            or self.mintlify
        )

    @property
    def astro_pages(self) -> str | None:
        """The routes folder (``src/pages``) of the Astro project whose content collections
        are ``astro_content``: a feed, a page written in .astro."""
        if self.astro_content is None:
            return None
        return self.astro_content[: -len(ASTRO_CONTENT)] + ASTRO_PAGES

    @property
    def theme_folders(self) -> tuple[str, ...]:
        """The themes/ folders of the Hugo sites: a theme's own files (its example site, its
        documentation), vendored or a submodule, are not the knowledge base's."""
        return tuple(f"{site.folder}/themes" if site.folder else "themes" for site in self.hugo_projects if site.themed)

    @property
    def unfilled_mounts(self) -> tuple[str, ...]:
        """The sources of the Hugo sites' mounts that hold nothing here (a submodule not
        checked out, a folder a script fills), and the submodules not checked out: a page
        served from them cannot be checked."""
        # (One served at the site's top would leave nothing to check: not counted.)
        mounts = (mount.source for site in self.hugo_projects for mount in site.mounts if not mount.present and mount.address())
        return tuple(dict.fromkeys([*mounts, *self.absent_submodules]))

    def is_hugo_include(self, relpath: str) -> bool:
        """Is ``relpath`` a page a Hugo site builds but does not render (text another page
        includes)?"""
        project = self.hugo_project_of(relpath)
        return project is not None and not project.renders(relpath)

    def hugo_project_of(self, relpath: str) -> HugoProject | None:
        return next((site for site in self.hugo_projects if site.holds(relpath)), None)

    def in_docusaurus_content(self, relpath: str) -> bool:
        """Is ``relpath`` in a content folder of a Docusaurus site (which keeps its translations
        in i18n/, whether it has any or not)?"""
        return any(folder and relpath.startswith(folder + "/") for _, folder in self.routes.folders)

    def in_translated_content(self, relpath: str) -> bool:
        """Is ``relpath`` in a content folder of a Docusaurus site that keeps its translations
        in i18n/? A folder in it named like a locale is a category of the source's pages
        (``videos/talks/cn``: the talks given in Chinese), not a translation."""
        if not any("/docusaurus-plugin-content-" in tree.folder for tree in self.trees):
            return False
        return self.in_docusaurus_content(relpath)

    def outside_vue_site(self, relpath: str) -> bool:
        """Is ``relpath`` outside the folder a VitePress or VuePress site builds its pages from
        (the repository's README beside ``docs/``)? Such a site's pages are in that folder."""
        return bool(self.vue_source) and not relpath.startswith(f"{self.vue_source}/")

    def docusaurus_doc(self, relpath: str) -> bool:
        """Is ``relpath`` a page of a Docusaurus docs folder (or of its translation)? Docusaurus
        titles such a page by its front matter, its Markdown title, else its id: it always
        has one. (A blog post is no doc.)"""
        docs = [folder for _, folder in self.routes.folders if folder not in self.routes.blogs]
        if first_holding(relpath, docs) is not None:
            return True
        tree = self.tree_of(relpath) if self.routes.folders else None
        return tree is not None and "/docusaurus-plugin-content-docs" in tree.folder

    @property
    def dumi_sites(self) -> tuple[DumiSite, ...]:
        """Every dumi site: the repository's, then its packages'."""
        return ((self.dumi,) if self.dumi is not None else ()) + self.dumi_packages

    def dumi_of(self, relpath: str) -> DumiSite | None:
        """The dumi site that serves ``relpath``: its package's, else the repository's."""
        return next((site for site in self.dumi_packages if site.serves(relpath)), self.dumi)

    @property
    def dumi_kebab_folders(self) -> tuple[str, ...]:
        """The doc folders of every dumi site whose files it serves at kebab-case routes."""
        return tuple(folder for site in self.dumi_sites for folder in site.kebab_folders)

    def tree_of(self, relpath: str) -> Tree | None:
        """The tree that holds ``relpath`` (the deepest, should two nest)."""
        folder = _deepest_holding(relpath, (tree.folder for tree in self.trees))
        return next((tree for tree in self.trees if tree.folder == folder), None)

    def is_partial(self, relpath: str) -> bool:
        """Is ``relpath`` a partial of a Docusaurus site (``_cpu.mdx``, or in a folder whose
        name starts with ``_``), of a Jekyll or Hexo site (``_includes/notice.md``) or of a dumi
        site (a component's demo), or a page a Hugo site builds but does not render, or a file of
        an Astro project named with a leading "_" (Starlight's ``_fragments/cta.mdx``): text
        another page imports, which the site serves as no page of its own."""
        dumi = self.dumi_of(relpath)
        if dumi is not None and dumi.is_partial(relpath):
            return True
        if "__demo__/" in relpath:
            return True  # a component's demos, which its page imports (@import ./__demo__/basic.md)
        if self.is_hugo_include(relpath):
            return True
        if self.astro_content is not None and any(part.startswith("_") for part in relpath.split("/")):
            return True  # Astro's collections and routes leave out files named with a leading "_"
        if self.underscored_partials:
            # (and Hexo's scaffolds/, the templates ``hexo new`` makes posts from)
            return relpath.startswith("scaffolds/") or any(part.startswith("_") and part not in ("_posts", "_drafts") for part in relpath.split("/"))
        if self.excluded_routes is not None and any(_glob(pattern).fullmatch(relpath) for pattern in self.excluded_routes):
            return True
        return (bool(self.routes.folders) or self.excluded_routes is not None) and any(part.startswith("_") for part in relpath.split("/"))

    def beside_gitbook_languages(self, relpath: str) -> bool:
        """Is ``relpath`` Markdown in the folder of a GitBook's language folders, beside them
        (its README, LANGS.md)? No book's page."""
        return posixpath.dirname(relpath) in self.gitbook_languages

    def in_gitbook(self, relpath: str) -> bool:
        """Is ``relpath`` a page (or a part) of a GitBook book?"""
        return first_holding(relpath, self.gitbook) is not None

    def titled_by_navigation(self, relpath: str) -> bool:
        """Does the site that builds ``relpath`` title it from its navigation: a GitBook's
        SUMMARY.md, a Nextra site's _meta files (else the page's file name)?"""
        return self.in_gitbook(relpath) or first_holding(relpath, self.nextra) is not None

    @property
    def heading_ids(self) -> str | None:
        """The scheme the site's generator makes heading ids with, where it has one only: a
        Docusaurus site's are GitHub's (github-slugger, in lower case), a Mintlify site's its
        own (full-width punctuation kept). None: not known here."""
        if self.routes.folders:
            return "github"
        return "mintlify" if self.mintlify else None

    def ids_of_its_own(self, relpath: str) -> bool:
        """Does the site that builds ``relpath`` make its headings' ids with a function of its
        own (kblint.kb.site.makes_its_own_ids), whose case and dashes are not known here?"""
        return first_holding(relpath, self.own_heading_ids) is not None

    def mkdocs_heading_ids(self, relpath: str) -> str | None:
        """The scheme the site that builds ``relpath`` makes its headings' ids with, where it
        is known: a MkDocs site's (kblint.kb.mkdocs), or a VitePress or VuePress site's own
        slugify where its configuration gives none of its own (a repository that keeps an old
        GitBook tree beside it links that tree GitHub's way); None outside such a site."""
        found = next((site.heading_ids for site in self.mkdocs if site.heading_ids is not None and site.builds(relpath)), None)
        if found is None and self.vue_sites and first_holding(relpath, self.vue_sites) is not None and not self.ids_of_its_own(relpath):
            return "vitepress"
        return found

    def publishes(self, relpath: str) -> bool:
        """Is ``relpath`` a page the site publishes (or part of one)? Not a tool's files (GitHub's
        issue templates and contributing guide in ``.github/``, any hidden folder, a coding
        assistant's ``AGENTS.md``), nor on a
        dumi site Markdown outside the folders it serves, nor in a MkDocs repository Markdown
        outside the folders its sites build (a translation's prompt beside them), nor on a
        Docusaurus site Markdown outside its content folders, its translations and its own
        pages, nor in a Hugo site's folder Markdown outside what it mounts as content (its
        layouts, its archetypes, the repository's README), nor in an Astro project Markdown
        outside its content collections and its routes (the repository's README)."""
        if _tooling(relpath):
            return False
        if self.outside_vue_site(relpath):
            return False
        if self.mkdocs and not any(site.builds(relpath) for site in self.mkdocs):
            return False
        if self.routes.folders and not self._docusaurus_serves(relpath):
            return False
        project = self.hugo_project_of(relpath)
        if project is not None and not project.serves_as_page(relpath):
            return False
        if self.astro_content is not None and not relpath.startswith((self.astro_content + "/", self.astro_pages + "/")):
            return False
        return not self.dumi_sites or any(site.serves(relpath) for site in self.dumi_sites)

    def _docusaurus_serves(self, relpath: str) -> bool:
        """Is ``relpath`` in a folder a Docusaurus site makes pages of: a content folder, a
        translation's, its own pages? (Not the repository's README or a file in static/.)"""
        folders = [folder for _, folder in self.routes.folders] + ([self.routes.pages] if self.routes.pages is not None else [])
        if first_holding(relpath, folders) is not None:
            return True
        return self.tree_of(relpath) is not None

    def source_root_of(self, relpath: str) -> str | None:
        return _deepest_holding(relpath, self.source_roots)

    def key(self) -> str:
        """A text that changes when the layout does (cached results depend on it)."""
        return repr((self.trees, self.source_roots, self.source_at_root, self.underscored_partials, self.excluded_routes, sorted(self.locale_names), sorted(self.suffix_locales), self.lowercase_addresses, self.routes, self.unbuilt, self.unbuilt_versions, self.dumi, self.dumi_packages, self.vant, self.mkdocs, self.hugo, self.hugo_projects, self.absent_submodules, self.declared_source, self.vue_source, self.vue_sites, self.own_heading_ids, self.astro_content, self.mintlify, self.api_specs, self.no_site, self.gitbook, self.gitbook_languages, self.nextra, self.locales_below_root))


# What a repository tells its coding assistants: instructions, no page of its site.
_ASSISTANT_FILES = frozenset({"AGENTS.md", "CLAUDE.md", "GEMINI.md"})
# A template that a script makes pages from (a component's README in each language).
_TEMPLATE_FILES = frozenset({"TEMPLATE.md", "template.md"})


def _tooling(relpath: str) -> bool:
    """Is ``relpath`` a tool's file rather than a page: in a hidden folder (GitHub's templates in
    ``.github/``, an assistant's rules in ``.claude/``, ``.changeset/``), which no site
    generator publishes, a coding assistant's instructions (``AGENTS.md``), or the
    ``TEMPLATE.md`` a script makes pages from?"""
    folders, _, name = relpath.rpartition("/")
    return name in _ASSISTANT_FILES or name in _TEMPLATE_FILES or any(part.startswith(".") for part in folders.split("/") if part)


# The folders that hold a site's blog posts, whatever builds it.
_BLOG_FOLDERS = frozenset({"blog", "blogs", "_posts"})


def is_blog_post(relpath: str) -> bool:
    """Is ``relpath`` a post of a blog (in a folder named ``blog``, a Jekyll or Hexo site's
    ``_posts``, a Docusaurus blog's translation), a piece of its own rather than a page of the
    documentation?"""
    return any(part in _BLOG_FOLDERS or part.startswith("docusaurus-plugin-content-blog") for part in relpath.split("/")[:-1])


# A Docusaurus site's copy of its docs as a released version had them, in the source's tree or a
# translation's: versioned_docs/version-1.2/, i18n/zh/docusaurus-plugin-content-docs/version-1.2/.
# A Docusaurus translation's path: its site's folder ("" at the root), i18n/, its locale's
# folder, its plugin's folder (docusaurus-plugin-content-docs, -blog, -docs-community).
_DOCUSAURUS_I18N = re.compile(r"(?:^|/)i18n/([^/]+)/(docusaurus-plugin-content-[^/]*)(?=/|$)")


def docusaurus_translation(path: str) -> tuple[str, str, str] | None:
    """(the site's folder, the locale's folder, the plugin's folder) of a path in a Docusaurus
    site's translations (``home``, ``zh-cn``, ``docusaurus-plugin-content-docs`` of
    ``home/i18n/zh-cn/docusaurus-plugin-content-docs/current/x.md``); None for another path."""
    m = _DOCUSAURUS_I18N.search(path)
    return (path[: m.start()], m.group(1), m.group(2)) if m is not None else None


_VERSION_COPY = re.compile(r"(?:^|/)(?:versioned_docs|docusaurus-plugin-content-docs[^/]*)/version-[^/]+/")


def is_version_copy(relpath: str) -> bool:
    """Is ``relpath`` a page of a released version's copy of the docs (most of them the docs
    being written, as they were then)?"""
    return "version-" in relpath and _VERSION_COPY.search(relpath) is not None


@lru_cache(maxsize=64)
def _glob(pattern: str) -> "re.Pattern[str]":
    """A path glob as a pattern: ``**/`` any folders (none too), ``*`` and ``?`` within a name,
    ``{a,b}`` either (Hugo's globs: ``{,/**}/_includes{,/**}``)."""
    return re.compile(_glob_source(pattern))


def _glob_source(pattern: str) -> str:
    parts = []
    for token in re.split(r"(\{[^{}]*\}|\*\*/|\*\*|\*|\?)", pattern):
        if token.startswith("{") and token.endswith("}") and len(token) > 1:
            parts.append("(?:" + "|".join(_glob_source(choice) for choice in token[1:-1].split(",")) + ")")
        else:
            parts.append({"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}.get(token, re.escape(token)))
    return "".join(parts)


def first_holding(relpath: str, folders: Iterable[str]) -> str | None:
    """The first of ``folders`` (root-relative) that holds ``relpath``; "" holds every path."""
    return next((folder for folder in folders if not folder or relpath.startswith(folder + "/")), None)


def _deepest_holding(relpath: str, folders: Iterable[str]) -> str | None:
    """The longest of ``folders`` that holds ``relpath`` (the first of equals), if any."""
    found = None
    for folder in folders:
        if relpath.startswith(folder + "/") and (found is None or len(folder) > len(found)):
            found = folder
    return found
