"""A dumi site: where it serves its Markdown, read from its ``.dumirc.*`` at the knowledge base
root or above (``kblint.model.layout.DumiSite``), and the files a site address names.

dumi serves each Markdown file of a doc folder (``resolve.docDirs``, by default ``docs``) at
its path, under the plural of the folder's ``type`` when it has one (``{ type: 'doc', dir:
'docs' }`` serves ``docs/react/faq.en-US.md`` at ``/docs/react/faq``), an index or README at its
folder's address, and each component of an atom folder (``resolve.atomDirs``, by default ``{
type: 'component', dir: 'src' }``) at the plural of its type and its name
(``components/button/index.en-US.md`` at ``/components/button``); other Markdown in an atom
folder (a component's demos) is no page. A file named for a locale (``faq.zh-CN.md``) is served
at that locale's address: its ``base`` before (``/zh/…``) and its ``suffix`` after
(``/docs/react/faq-cn``). The configuration is read as text, not run: only what it writes out
as literals counts.

dumi 1 is configured in Umi's files (``.umirc.ts``, ``config/config.ts``): each folder of
``resolve.includes`` (by default ``docs`` and ``src``) serves its Markdown at its path made
kebab-case (``packages/hooks/src/useAsyncEffect/index.en-US.md`` at ``/use-async-effect``),
each locale after the first (``locales: [['en-US', 'English'], ['zh-CN', '中文']]``) under
``/{locale}``, and a page whose front matter gives a ``nav`` or ``group`` path under it
(``nav: {path: /hooks}``: ``/hooks/use-async-effect``; ``legacy_route``).
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Sequence

from kblint.kb.site import QUOTED, enclosing_array, first_config, inside_config_folder, relative_to_root, root_and_above
from kblint.model.layout import DumiSite

_CONFIGS = tuple(f".dumirc.{ext}" for ext in ("ts", "js", "mts", "mjs", "cts", "cjs"))
_KEY = r"""(?<![\w.])["']?{}["']?\s*:\s*"""
_DEFAULT_DOCS = ({"dir": "docs"},)
_DEFAULT_ATOMS = ({"type": "component", "dir": "src"},)
_DEFAULT_LOCALES = ({"id": "zh-CN"},)
_LEGACY_CONFIGS = (".umirc.ts", ".umirc.js", "config/config.ts", "config/config.js")
_LEGACY_INCLUDES = ({"dir": "docs"}, {"dir": "src"})
_LEGACY_LOCALES = ("en-US", "zh-CN")
_USES_DUMI = re.compile(r"""["']dumi["']""")  # import … from 'dumi'; "dumi": "^1.1.54" in package.json
_OBJECT = re.compile(r"\{[^{}]*\}")
_SCRIPTS = ("tsx", "ts", "jsx", "js", "md")  # what serves a route of .dumi/pages, or a demo


def dumi_site(root: Path, holders: "Sequence[str]" = ()) -> DumiSite | None:
    """The dumi site configured at ``root`` or up to three folders above it, or else in one of
    the folders ``holders`` (root-relative, shallowest first: those that hold ``docs/`` or
    ``src/``, as a repository's ``docs/.dumirc.ts`` beside ``docs/docs``), if there is one (its
    folders relative to ``root``; those outside it left out)."""
    places = [*root_and_above(root), *(root / folder for folder in holders if folder)]
    found = first_config(places, _CONFIGS)
    if found is None:
        return _legacy_site(root, places)
    return _modern_site(root, *found)


def package_sites(root: Path, holders: "Sequence[str]", primary: DumiSite | None) -> tuple[DumiSite, ...]:
    """The dumi sites of a monorepo's packages besides ``primary``: each folder of ``holders``
    (root-relative, below the root) with a configuration of its own builds a site of its own
    from its docs (``packages/core/.umirc.js`` serves ``packages/core/docs`` at its own
    address), whose root-absolute links are its own pages."""
    found = []
    for folder in holders:
        if not folder:
            continue
        place = root / folder
        config = first_config([place], _CONFIGS)
        site = _modern_site(root, *config) if config is not None else _legacy_site(root, [place])
        if site is not None and site != primary and site.docs:
            found.append(site)
    return tuple(dict.fromkeys(found))


def _modern_site(root: Path, folder: Path, text: str) -> DumiSite:
    """The dumi 2 site configured by ``text``, the configuration in ``folder``."""
    base = relative_to_root(folder, root)
    docs = _content_folders(text, "docDirs", _DEFAULT_DOCS, base, root_when_untyped=True)
    atoms = _content_folders(text, "atomDirs", _DEFAULT_ATOMS, base, root_when_untyped=False)
    listed = [item for item in _items(text, "locales", _DEFAULT_LOCALES) if item.get("id")]
    locales = tuple((item["id"], _base(item, k), item.get("suffix", "")) for k, item in enumerate(listed))
    pages = _inside(base, ".dumi/pages")
    written = locales[0][0] if locales and re.search(_KEY.format("locales") + r"\[", text) else None
    examples = _antv_examples(folder, base, text)
    if examples is not None:
        docs = (*docs, ("examples", examples))
    return DumiSite(
        docs, atoms, locales or tuple((item["id"], "", "") for item in _DEFAULT_LOCALES), pages, default_language=written,
        kebab_routes=re.search(_KEY.format("forceKebabCaseRouting") + "false", text) is None, examples=examples,
    )


_ANTV_THEME = "dumi-theme-antv"


def _antv_examples(folder: Path, base: str | None, text: str) -> str | None:
    """The ``examples`` folder beside the configuration of a site that AntV's theme builds
    (the configuration or its package.json names it), relative to the knowledge base root:
    the theme serves each ``examples/{topic}/{example}/`` at ``/examples/{topic}/{example}``
    and its gallery at ``/examples``. None for another site, or without the folder."""
    if not (folder / "examples").is_dir():
        return None
    if _ANTV_THEME not in text and _ANTV_THEME not in (first_config((folder,), ("package.json",)) or (folder, ""))[1]:
        return None
    return _inside(base, "examples")


def _legacy_site(root: Path, places: "Sequence[Path]") -> DumiSite | None:
    """The dumi 1 site configured in the first of ``places`` that holds an Umi configuration:
    one of a project that uses dumi (the configuration imports it, or the project's
    package.json lists it)."""
    found = first_config(places, _LEGACY_CONFIGS)
    if found is None:
        return None
    folder, text = found
    if not _USES_DUMI.search(text) and not _USES_DUMI.search((first_config((folder,), ("package.json",)) or (folder, ""))[1]):
        return None
    base = relative_to_root(folder, root)
    docs = _content_folders(text, "includes", _LEGACY_INCLUDES, base, root_when_untyped=True)
    written = _legacy_locales(text)
    tags = written or _LEGACY_LOCALES
    locales = tuple((tag, f"{tag}/" if k else "", "") for k, tag in enumerate(tags))
    # (dumi 1 serves every doc at its path made kebab-case: api/models/ArrayField.md at
    # /api/models/array-field, as dumi 2 does unless told otherwise.)
    return DumiSite(docs, (), locales, None, legacy=True, default_language=written[0] if written else None, kebab_routes=True)


def _legacy_locales(text: str) -> tuple[str, ...]:
    """The ids of the locales a dumi 1 configuration lists (``locales: [['en-US', 'English'],
    …]``), the default first; none where it does not write them out."""
    m = re.search(_KEY.format("locales") + r"\[", text)
    if m is None:
        return ()
    body = enclosing_array(text, m.end() - 1)
    return tuple(dict.fromkeys(p.group(2) for p in re.finditer(r"""\[\s*(["'`])([\w-]+)\1""", body)))


def _content_folders(text: str, key: str, default: tuple[dict, ...], base: str | None, root_when_untyped: bool) -> tuple[tuple[str, str], ...]:
    """(route, folder relative to the knowledge base root) of each folder ``key`` lists."""
    folders = []
    for item in _items(text, key, default):
        folder = _inside(base, item.get("dir", ""))
        kind = item.get("type")
        if folder is None or (not kind and not root_when_untyped):
            continue
        folders.append((_plural(kind) if kind else "", folder))
    return tuple(dict.fromkeys(folders))


def _items(text: str, key: str, default: tuple[dict, ...]) -> list[dict]:
    """The items of the array ``key`` holds, each a string (as ``{"dir": it}``) or an object
    of literal strings; ``default`` where the configuration does not write the array out."""
    m = re.search(_KEY.format(key) + r"\[", text)
    if m is None:
        return list(default)
    body = enclosing_array(text, m.end() - 1)
    items: list[dict] = [_fields(o.group(0)) for o in _OBJECT.finditer(body)]
    items.extend({"dir": q.group(2)} for q in QUOTED.finditer(_OBJECT.sub("", body)))
    return items


def _fields(literal: str) -> dict:
    """The string fields of an object literal (``{ id: 'zh-CN', suffix: '-cn' }``)."""
    return {m.group(1): m.group(3) for m in re.finditer(r"""["']?(\w+)["']?\s*:\s*(["'`])([^"'`]*)\2""", literal)}


def _base(locale: dict, position: int) -> str:
    """A locale's base as dumi puts it before a route: none for ``/``, ``zh/`` for ``/zh``.
    One that gives neither base nor suffix has dumi's: ``/`` for the first locale, ``/{id}``
    for the others (``en-US`` after ``zh-CN`` serves ``faq.en-US.md`` at ``/en-US/faq``)."""
    if "base" not in locale and "suffix" not in locale:
        return f"{locale['id']}/" if position else ""
    base = locale.get("base", "").strip("/")
    return f"{base}/" if base else ""


def _inside(base: str | None, folder: str) -> str | None:
    """``folder`` (relative to the configuration's folder ``base``; a leading ``/`` too, as
    dumi joins it) relative to the knowledge base root; None outside it or when not named."""
    return inside_config_folder(base, folder.strip("/")) if folder.strip("/") else None


def _plural(word: str) -> str:
    """An English noun's plural, as dumi makes the route of a folder's type (``component`` →
    ``components``, ``hooks`` stays), for the regular nouns types are."""
    if word.endswith("s"):
        return word
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if word.endswith(("ch", "sh", "x", "z")):
        return word + "es"
    return word + "s"


def page_paths(site: DumiSite, address: str, own: str | None = None) -> list[str]:
    """The files (without their ``.md``) that may serve ``address`` (no leading slash), each
    locale's reading of it: ``docs/react/faq-cn`` is ``docs/react/faq.zh-CN`` where ``zh-CN``'s
    suffix is ``-cn``; the default locale's page may also be named for no locale. An address
    without a locale's mark, linked from a page of the locale ``own`` (a dumi locale id), is
    that locale's page first: a site's theme switches such links to the reader's language
    (Ant Design's does), and where it does not, the default's page is there too."""
    address = address.strip("/")
    paths = [f"{site.pages}/{address}{ending}.{ext}" for ending in ("/index", "") for ext in _SCRIPTS] if site.pages and address else []
    for k, (locale, base, suffix) in enumerate(site.locales):
        for route in _routes_of(site, address, locale, base, suffix):
            for page in _pages_at(site, route):
                paths.extend(_named_for(page, locale, own if k == 0 else None))
                if k == 0 or page == site.examples:
                    paths.append(page)  # (the examples' gallery, in every language, is their folder)
                if site.legacy and "/" in page:
                    # dumi 1 sends a group's path to its page named for the group's folder
                    # (/components/picker is components/picker/picker.md).
                    named = f"{page}/{posixpath.basename(page)}"
                    paths.extend(_named_for(named, locale, own if k == 0 else None)[:1] + ([named] if k == 0 else []))
    return list(dict.fromkeys(paths))


def route_address(site: DumiSite, relpath: str) -> str | None:
    """The address (no leading slash) where dumi 1 serves the page ``relpath`` by its file:
    its route under its locale's base and suffix (``zh/guide/i18n`` for
    ``docs/guide/i18n.zh.md``); None outside the site's folders."""
    found = _file_route(site, relpath)
    if found is None:
        return None
    locale, route, _ = found
    base, suffix = next(((b, x) for tag, b, x in site.locales if tag == locale), ("", ""))
    return f"{base}{route.strip('/')}{suffix}"


def file_paths(site: DumiSite, path: str, own: str | None = None) -> list[str]:
    """The files (without their ``.md``) that a relative address reaching ``path`` (its page's
    file's folder joined with it) may mean: each locale's page, as ``page_paths`` reads them
    (``./faq-cn`` beside ``guide.zh-CN.md`` is ``faq.zh-CN.md``), and a demo's module
    (``<code src="./demo/basic">`` is ``demo/basic.tsx``)."""
    paths = [f"{path}.{ext}" for ext in _SCRIPTS if ext != "md"]
    for k, (locale, _, suffix) in enumerate(site.locales):
        if suffix and not path.endswith(suffix):
            continue
        page = path[: -len(suffix)] if suffix else path
        paths.extend(_named_for(page, locale, own if k == 0 else None))
    return list(dict.fromkeys(paths))


def _named_for(page: str, locale: str, own: str | None) -> list[str]:
    """The files (without ``.md``) of ``page`` named for ``locale`` (``faq.zh-CN``, an index's,
    a README's); for the default locale's reading, the linking page's own locale's first."""
    tags = [own, locale] if own and own != locale else [locale]
    return [f"{page}{ending}.{tag}" for tag in tags for ending in ("", "/index", "/README")]


def locale_id(site: DumiSite, locale: str, canonical) -> str | None:
    """The id of the site's locale that the canonical ``locale`` (``zh-Hans``) is, if any
    (``canonical``: kblint.kb.identity.canonical_locale, bound to the configuration)."""
    return next((tag for tag, _, _ in site.locales if canonical(tag) == locale), None)


def _routes_of(site: DumiSite, address: str, locale: str, base: str, suffix: str) -> list[str]:
    """The routes ``address`` is under a locale's base and suffix; AntV's theme also serves its
    examples under the id of a locale that has no base (``/zh/examples/…``)."""
    routes = [_route_of(address, base, suffix)]
    if site.examples is not None and not base:
        under_id = _route_of(address, f"{locale}/", suffix)
        if under_id is not None and (under_id + "/").startswith("examples/"):
            routes.append(under_id)
    return [route for route in routes if route is not None]


def _route_of(address: str, base: str, suffix: str) -> str | None:
    """The route before a locale's base and suffix were added, if ``address`` has them."""
    if base:
        if not (address + "/").startswith(base):
            return None
        address = address[len(base) :]
    if suffix:
        if not address.endswith(suffix):
            return None
        address = address[: -len(suffix)]
    return address.strip("/")


def _pages_at(site: DumiSite, route: str) -> list[str]:
    """The paths (without suffixes) of the pages of each content folder that serve ``route``."""
    pages = []
    for prefix, folder in site.docs:
        if not prefix or route == prefix or route.startswith(prefix + "/"):
            rest = route[len(prefix) :].strip("/") if prefix else route
            if site.legacy and rest != rest.lower():
                continue  # dumi 1's kebab-case routes have no capital: /api/SchemaField is no page's
            pages.append(f"{folder}/{rest}" if rest else folder)
            if site.legacy and "-" in rest:
                # dumi 1 made the route kebab-case: /use-async-effect is useAsyncEffect/.
                # (dumi 2's are found by the resolver: kebab_route.)
                pages.extend(f"{folder}/{name}" for name in dict.fromkeys(_unkebab(rest)) if name != rest)
    for prefix, folder in site.atoms:
        name = route[len(prefix) + 1 :] if route.startswith(prefix + "/") else ""
        if name and "/" not in name:
            # dumi makes a component's route kebab-case: /components/config-provider is
            # src/ConfigProvider as well as components/config-provider.
            pages.extend(dict.fromkeys((f"{folder}/{name}", f"{folder}/{_unkebab(name)[1]}")))
    return pages


_DEMO = re.compile(r"""<code\s[^<>]*?\bsrc\s*=\s*["']([^"']+)["']""")


def demo_anchors(site: DumiSite, relpath: str, text: str) -> list[str]:
    """The anchors dumi gives the demos a component's page shows (``<code
    src="./demo/targetOffset.tsx">`` on ``components/anchor/index.en-US.md`` is
    ``#anchor-demo-targetoffset``)."""
    atom = _atom_of(site, relpath)
    if atom is None or "<code" not in text:
        return []
    names = (posixpath.basename(m.group(1)).partition(".")[0] for m in _DEMO.finditer(text))
    return [f"{atom}-demo-{name.lower()}" for name in names if name]


def _atom_of(site: DumiSite, relpath: str) -> str | None:
    """The component whose page ``relpath`` is (its folder's name, or its file's without
    suffixes), if it is an atom's page."""
    if site.is_partial(relpath):
        return None
    for _, folder in site.atoms:
        if relpath.startswith(folder + "/"):
            name = relpath[len(folder) + 1 :].split("/", 1)[0].partition(".")[0]
            return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", name).lower() or None  # ConfigProvider: config-provider
    return None


def _unkebab(route: str) -> tuple[str, str]:
    """A kebab-case route's path as camelCase and PascalCase names write it
    (``use-async-effect``: ``useAsyncEffect``, ``UseAsyncEffect``)."""
    camel = "/".join(_camel(part) for part in route.split("/"))
    pascal = "/".join(part[:1].upper() + part[1:] for part in camel.split("/"))
    return camel, pascal


def _camel(part: str) -> str:
    words = part.split("-")
    return words[0] + "".join(word[:1].upper() + word[1:] for word in words[1:])


def kebab_route(path: str) -> str:
    """``path`` (a file's, in a doc folder) as dumi 2 makes its route kebab-case, lowercased as
    its router matches it (``core/brushFilter.zh.md``: ``core/brush-filter.zh.md``, ``FAQ/x``:
    ``faq/x``): its suffixes kept, the rest as dumi's kebabCaseRoutePath writes it."""
    folder, _, name = path.rpartition("/")
    stem, dot, suffixes = name.partition(".")
    route = f"{folder}/{stem}" if folder else stem
    if route.islower() or not any(c.isupper() for c in route):
        return path
    route = _CAPITALS.sub(_lower_word, _WORD_START.sub(_lower_word, route))
    return route.lower() + dot + suffixes


_WORD_START = re.compile(r"(.)?([A-Z][^A-Z/])")  # as dumi's kebabCaseRoutePath writes them
_CAPITALS = re.compile(r"(.)?([A-Z]+)")


def _lower_word(m: "re.Match[str]") -> str:
    before = m.group(1)
    joined = "" if before in ("", "/") or m.start() == 0 else "-"
    return (before or "") + joined + m.group(2).lower()


def legacy_route(site: DumiSite, relpath: str, data: dict) -> str | None:
    """The route (after a "/") where a dumi 1 site serves ``relpath`` when its front matter
    gives a ``nav`` or ``group`` path, as dumi's group step makes it: the page's route
    without the nav path, its folders the group (the front matter's, else the route's
    folders, or an index's whole route), joined with the nav path, then the page's name;
    under ``/{locale}`` for a locale after the first. None elsewhere, or where the front
    matter gives neither (the file's path serves it: ``page_paths``)."""
    nav, group = _front_path(data, "nav"), _front_path(data, "group")
    found = _file_route(site, relpath) if site.legacy and (nav or group) else None
    if found is None:
        return None
    locale, route, entry = found
    prefix = f"/{locale}" if locale != site.locales[0][0] else ""
    nav, group = (_unprefixed(p, prefix) for p in (nav, group))
    clear = route[len(nav) :] if nav and route.startswith(nav) else route
    if group is None and clear and (clear.rfind("/") != 0 or entry):
        group = re.match(r"(.+?)(/[^/]+)?$", clear, re.S).group(1)
        clear = clear[len(group) :]
    if group is not None and nav and not group.startswith(nav):
        group = nav + group
    if group is not None:
        route = posixpath.join(group, clear.rpartition("/")[2]).rstrip("/") or "/"
    return prefix + route


def _front_path(data: dict, key: str) -> str | None:
    """The ``path`` of a front-matter ``nav`` or ``group`` object, with a leading "/"."""
    value = data.get(key)
    path = value.get("path") if isinstance(value, dict) else None
    return "/" + path.strip().strip("/") if isinstance(path, str) and path.strip().strip("/") else None


def _unprefixed(path: str | None, prefix: str) -> str | None:
    """``path`` without the locale's ``prefix`` a page's front matter may write in it."""
    return path[len(prefix) :] or "/" if path is not None and prefix and (path + "/").startswith(prefix + "/") else path


def _file_route(site: DumiSite, relpath: str) -> tuple[str, str, bool] | None:
    """(locale id, route, is an index or README) of a dumi 1 page by its file: its path in
    its include folder, kebab-case, without its locale's name; None outside the folders."""
    folder = next((f for _, f in site.docs if not f or relpath.startswith(f + "/")), None)
    if folder is None:
        return None
    parts = (relpath[len(folder) + 1 :] if folder else relpath).split("/")
    stem = parts[-1].rpartition(".")[0]
    locale = next((tag for tag, _, _ in site.locales if stem.endswith("." + tag)), site.locales[0][0])
    stem = stem[: -len(locale) - 1] if stem.endswith("." + locale) else stem
    entry = stem.lower() in ("index", "readme")
    parts = parts[:-1] if entry else parts[:-1] + [stem]
    return locale, "/" + "/".join(_kebab(part) for part in parts), entry


def _kebab(name: str) -> str:
    """``name`` as lodash's kebabCase writes it, for the names files have (useAsyncEffect:
    use-async-effect, API_Reference: api-reference)."""
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", name)
    return "-".join(w.lower() for w in re.split(r"[^A-Za-z0-9]+", words) if w)
