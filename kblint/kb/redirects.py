"""The knowledge base's redirect maps: where moved articles went.

A redirect map is a file named ``redirects.csv``, ``redirects.yaml``/``.yml``/``.json``,
``_redirects``, ``vercel.json`` or ``netlify.toml`` anywhere in the knowledge base (it applies
to the articles under its folder), or one named in the configuration (``redirects:
maps/moved.csv``, for the whole knowledge base). It is CSV, one ``source,destination`` pair a
row (a header row is recognized and skipped), as Experience League keeps them; YAML or JSON, a
mapping ``old: new`` or a list of ``{from: old, to: new}`` (``source``/``destination`` also
accepted), also under a ``redirects`` key as in ``vercel.json``; Netlify's ``_redirects``,
``old new [status]`` a line (also as a Hugo site writes it from its ``layouts/index.redirects``
template, whose lines holding template code are left out), the ``[[redirects]]`` tables of
``netlify.toml``, or a Docusaurus site's client-redirects plugin (its ``{from, to}`` objects in
``docusaurus.config.js`` or in a module of the site's that it requires). Rules with
wildcards or placeholders (``/docs/:path*``) are the site's business and are skipped. Paths are site paths (``/help/old.md``) or paths
relative to a locale root; extensions, ``index`` pages, a ``link_root`` prefix and a leading
locale segment do not matter: ``/help/old.md``, ``/help/old.html`` and ``help/old`` are one
page. The engine reads the files (rules never read files) and hands them to the corpus.
"""

from __future__ import annotations

import csv
import io
import posixpath
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator
from urllib.parse import unquote

from kblint.formats.registry import PAGE_SUFFIXES
from kblint.kb.identity import canonical_locale
from kblint.kb.site import DOCUSAURUS_CONFIGS, SCRIPT_SUFFIXES, STATIC_FOLDERS
from kblint.model.patterns import lazy_pattern

if TYPE_CHECKING:
    from kblint.model.config import Config

MAP_NAMES = ("redirects.csv", "redirects.yaml", "redirects.yml", "redirects.json", "_redirects", "vercel.json", "netlify.toml", "index.redirects")
# A Hugo site's template of its Netlify _redirects (an output format of the home page).
_HUGO_TEMPLATE = "index.redirects"
_INDEX_PAGES = ("index", "README", "_index")
_FROM_KEYS = ("from", "source", "old", "src")
_TO_KEYS = ("to", "destination", "dest", "new", "target")


@dataclass
class Redirect:
    """One entry of a redirect map: the page it moves and where it now leads."""

    source: str  # as written
    dest: str  # as written
    source_key: str  # the page it moves (``page_key``)
    dest_key: str | None  # the page it leads to; None for another site
    file: str  # the map, relative to the knowledge base root
    scope: str  # the folder whose articles it applies to ("" for all)
    line: int
    column: int  # of the destination
    end_column: int
    # A web server's map (Netlify's _redirects and netlify.toml, vercel.json) matches the path
    # as written: /microservices/ there is not /zh-tw/microservices/. The locale its source
    # names first ("" for none); None for a map of pages, whose redirects each locale shares.
    served_locale: str | None = None

    def serves(self, locale: str) -> bool:
        """Does the redirect catch a root-relative link under ``locale``'s prefix ("": none)?"""
        return self.served_locale is None or self.served_locale == locale


@dataclass
class Redirects:
    """Every redirect map of the knowledge base, its entries by page and the problems met reading them."""

    entries: list[Redirect] = field(default_factory=list)
    problems: list[tuple[str, int, str]] = field(default_factory=list)  # (file, line, message)
    by_key: dict[str, Redirect] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)  # the maps, relative to the root
    _chains: dict[str, "Chain"] = field(default_factory=dict, repr=False)

    def add(self, redirect: Redirect) -> None:
        self.entries.append(redirect)
        self.by_key.setdefault(redirect.source_key, redirect)

    def applying(self, key: str, relpath: str) -> Redirect | None:
        """The redirect of page ``key`` that applies to a link in the article at ``relpath``."""
        redirect = self.by_key.get(key)
        if redirect is None or not redirect.scope or relpath.startswith(redirect.scope + "/"):
            return redirect
        return None

    def follow(self, key: str) -> tuple[Redirect | None, bool]:
        """The last redirect of the chain that starts at page ``key``, and whether the chain
        loops. A redirect to its own page (``x.md`` to ``x.html``) ends the chain."""
        seen: set[str] = set()
        last = None
        while key in self.by_key:
            if key in seen:
                return last, True
            seen.add(key)
            last = self.by_key[key]
            if last.dest_key is None or last.dest_key == key:
                break
            key = last.dest_key
        return last, False

    def chain(self, key: str) -> Chain:
        """How the chain of redirects that starts at page ``key`` goes on: its length and
        whether it loops. Worked out for all the pages of a chain at once and kept, so that
        checking every row of a long chain stays linear."""
        if key in self._chains:
            return self._chains[key]
        first = key
        path: list[str] = []
        at: dict[str, int] = {}  # page -> its place in ``path``
        following: str | None = key
        while following in self.by_key and following not in self._chains and following not in at:
            at[following] = len(path)
            path.append(following)
            dest = self.by_key[following].dest_key
            following = None if dest == following else dest  # to its own page: the end
        after = Chain(0, False, False)
        if following in at:  # the walk came back to a page of its own: a loop
            start = at[following]
            for page in path[start:]:
                self._chains[page] = Chain(len(path) - start, loops=True, in_loop=True)
            after = self._chains[following]
            path = path[:start]
        elif following in self._chains:
            after = self._chains[following]
        for page in reversed(path):
            after = Chain(after.hops + 1, after.loops, False)
            self._chains[page] = after
        return self._chains.get(first, Chain(0, False, False))


@dataclass(frozen=True)
class Chain:
    """What follows a redirect: ``hops`` redirects in all (it included; for a loop, up to the
    page where the loop closes), whether it ends in a loop, and whether it is in that loop."""

    hops: int
    loops: bool
    in_loop: bool


def page_key(path: str, config: "Config") -> str | None:
    """The page a site path or root-relative path names, as redirect maps compare them; None
    for another site's URL."""
    path = path.strip()
    if "://" in path or path.startswith("//"):
        from kblint.kb.links import _site_pattern  # the knowledge base's own site

        bare = path.split("#", 1)[0].split("?", 1)[0]
        for template in config.base_urls:
            m = _site_pattern(template).fullmatch(bare)
            if m is not None:
                path = m.group("path")
                break
        else:
            return None
    path = unquote(path.split("#", 1)[0].split("?", 1)[0]).strip()
    path = posixpath.normpath("/" + path).lstrip("/")
    prefix = config.link_root.strip("/")
    first, _, rest = path.partition("/")
    if first and rest and canonical_locale(first, config, folder=True) is not None:
        path = rest
    if prefix and (path == prefix or path.startswith(prefix + "/")):
        path = path[len(prefix) + 1 :]
    lowered = path.lower()
    for suffix in PAGE_SUFFIXES:
        if lowered.endswith(suffix):
            path = path[: -len(suffix)]
            break
    name = path.rsplit("/", 1)[-1]
    if name in _INDEX_PAGES:
        path = path[: -len(name)]
    return path.strip("/")


def map_files(config: "Config", assets: list[str]) -> list[tuple[str, str]]:
    """(map, scope) of every redirect map: the configured ones (for the whole knowledge base)
    and those found by name among the files of the knowledge base (``assets``, root-relative),
    each for the folder it is in."""
    from kblint.kb.discover import relative_to

    found = [(relative_to(file, config.root), "") for file in config.redirects]
    named = {name for name, _ in found}
    for path in assets:
        folder, _, name = path.rpartition("/")
        if name == _HUGO_TEMPLATE:
            if folder == "layouts" or folder.endswith("/layouts"):
                found.append((path, folder.rpartition("/")[0] if "/" in folder else ""))
        elif name in MAP_NAMES and path not in named:
            found.append((path, _site_of_folder(folder)))
        elif name in DOCUSAURUS_CONFIGS:
            found.append((path, folder))  # its client-redirects plugin's, if it has one
    return found


# The deepest first: docs/.vuepress/public is the site's of docs/, not of docs/.vuepress.
_STATIC_FOLDERS = sorted(STATIC_FOLDERS, key=lambda folder: folder.count("/"), reverse=True)


def _site_of_folder(folder: str) -> str:
    """The folder whose articles a map in ``folder`` is for: a site's static folder
    (kblint.kb.site.STATIC_FOLDERS) is copied to the site's root, so a map there (Netlify's
    ``static/_redirects``) is for the folder that holds it."""
    for static in _STATIC_FOLDERS:
        if folder == static:
            return ""
        if folder.endswith("/" + static):
            return folder[: -len(static) - 1]
    return folder


def load_redirects(config: "Config", maps: list[tuple[str, str]], read) -> Redirects:
    """The redirects of ``maps`` (``map_files``); ``read(path)`` gives a map's bytes or an
    OSError. A map that cannot be read is a problem of the map."""
    result = Redirects()
    consumed: set[str] = set()  # modules a Docusaurus configuration took its redirects from
    for name, scope in maps:
        if name in consumed:
            continue
        data = read(name)
        if _a_docusaurus_config(name):
            text = _text_of(data)
            if _CLIENT_REDIRECTS.search(text) is not None:  # (without the plugin, no map)
                result.files.append(name)
                consumed.update(_load_docusaurus(text, name, scope, config, result, read))
            continue
        result.files.append(name)
        try:
            if isinstance(data, OSError):
                raise data
            text = data.decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            result.problems.append((name, 1, f"the redirect map cannot be read: {error}"))
            continue
        lowered = name.lower()
        if lowered.endswith((".yaml", ".yml", ".json")):
            _load_yaml(text, name, scope, config, result)
        elif lowered.endswith(".toml"):
            _load_toml(text, name, scope, config, result)
        elif lowered.rsplit("/", 1)[-1] in ("_redirects", _HUGO_TEMPLATE):
            _load_netlify(text, name, scope, config, result)
        else:
            _load_csv(text, name, scope, config, result)
    return result


_PATTERN_MARKS = (":", "*", "(", "$", "{")


def _entry(
    source: str, dest: str, name: str, scope: str, line: int, column: int, config: "Config", end_column: int | None = None
) -> Redirect | None:
    if any(mark in source.split("://", 1)[-1] for mark in _PATTERN_MARKS):
        return None  # a rule with wildcards or placeholders: not a page
    source_key = page_key(source, config)
    if source_key is None:
        return None
    if any(mark in dest.split("://", 1)[-1].split("#", 1)[0] for mark in _PATTERN_MARKS[:2]):
        return None
    end = end_column if end_column is not None else column + len(dest)
    served = written_locale(source, config) if name.rpartition("/")[2] in _SERVER_MAPS else None
    return Redirect(source, dest, source_key, page_key(dest, config), name, scope, line, column, end, served)


_SERVER_MAPS = frozenset({"_redirects", "netlify.toml", "vercel.json", _HUGO_TEMPLATE})


_CLIENT_REDIRECTS = lazy_pattern(r"""plugin-client-redirects["']\s*,\s*\{""")
_REDIRECTS_KEY = lazy_pattern(r"""(?<![\w.])["']?redirects["']?\s*:\s*(\[|[A-Za-z_$][\w$]*)""")


def _string(group: int) -> str:
    """A JavaScript string literal on one line, its quote mark group ``group``, its text the next."""
    return rf"""(["'`])((?:(?!\{group})[^\\\n])*)\{group}"""


_REDIRECT_TO = lazy_pattern(rf"""(?<![\w.])["']?to["']?\s*:\s*{_string(1)}""")
_REDIRECT_FROM = lazy_pattern(rf"""(?<![\w.])["']?from["']?\s*:\s*(\[[^\]]*\]|{_string(2)})""")
_A_STRING = lazy_pattern(_string(1))
_OBJECT = lazy_pattern(r"\{[^{}]*\}")


def _load_docusaurus(text: str, name: str, scope: str, config: "Config", result: Redirects, read) -> list[str]:
    """The redirects of a Docusaurus site's client-redirects plugin: its ``redirects`` list of
    ``{from, to}`` objects (``from`` one address or a list of them), written in the
    configuration or in a module of the site's that it requires (``redirects:
    redirectPaths`` with ``const redirectPaths = require('./redirects.js')``), whose name
    is returned. The pages it writes redirect in every language the site builds."""
    key = _redirects_key(text)
    if key is None:
        return []
    if key.group(1) == "[":
        _docusaurus_entries(text, key.end() - 1, name, scope, config, result)
        return []
    for candidate in _module_candidates(text, name, key.group(1)):
        data = read(candidate)
        if isinstance(data, bytes):
            result.files.append(candidate)
            _docusaurus_entries(data.decode("utf-8", "replace"), 0, candidate, scope, config, result)
            return [candidate]
    return []


def _a_docusaurus_config(name: str) -> bool:
    return name.rpartition("/")[2] in DOCUSAURUS_CONFIGS


def _text_of(data: "bytes | OSError") -> str:
    return data.decode("utf-8", "replace") if isinstance(data, bytes) else ""


def _redirects_key(text: str) -> "re.Match[str] | None":
    """Where a Docusaurus configuration's client-redirects plugin names its redirects."""
    plugin = _CLIENT_REDIRECTS.search(text)
    return _REDIRECTS_KEY.search(text, plugin.end()) if plugin is not None else None


def _module_candidates(text: str, name: str, variable: str) -> list[str]:
    """The files the module a configuration binds ``variable`` to may be (``./redirects``:
    ``redirects``, ``redirects.js``, …), relative to the root."""
    v = re.escape(variable)
    module = re.search(rf"""(?:const|let|var)\s+{v}\s*=\s*require\(\s*["'](\.[^"']+)["']|import\s+{v}\s+from\s+["'](\.[^"']+)["']""", text)
    if module is None:
        return []
    path = posixpath.normpath(posixpath.join(posixpath.dirname(name), module.group(1) or module.group(2)))
    if path == ".." or path.startswith(("../", "/")):
        return []  # outside the knowledge base: not read
    return [path, *(f"{path}.{suffix}" for suffix in SCRIPT_SUFFIXES)]


def required_modules(maps: list[tuple[str, str]], read) -> list[tuple[str, str]]:
    """(module, scope) of the modules of the site's that the Docusaurus configurations among
    ``maps`` take their redirects from: maps too, whose bytes the cached findings depend on.
    ``read(path)`` gives a file's bytes or an OSError."""
    found = []
    for name, scope in maps:
        if not _a_docusaurus_config(name):
            continue
        text = _text_of(read(name))
        key = _redirects_key(text)
        if key is None or key.group(1) == "[":
            continue
        path = next((path for path in _module_candidates(text, name, key.group(1)) if isinstance(read(path), bytes)), None)
        if path is not None:
            found.append((path, scope))
    return found


def _docusaurus_entries(text: str, start: int, name: str, scope: str, config: "Config", result: Redirects) -> None:
    """The ``{from, to}`` objects of the list that opens at ``start`` (the module's first)."""
    opened = text.find("[", start)
    if opened < 0:
        return
    for body in _OBJECT.finditer(text, opened):
        to = _REDIRECT_TO.search(body.group(0))
        sources = _REDIRECT_FROM.search(body.group(0))
        if to is None or sources is None:
            if text.count("[", opened, body.start()) <= text.count("]", opened, body.start()):
                return  # past the list's end
            continue
        at = body.start() + to.start(2)
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        listed = sources.group(1)
        for source in ([m.group(2) for m in _A_STRING.finditer(listed)] if listed.startswith("[") else [sources.group(3)]):
            entry = _entry(source, to.group(2), name, scope, line, column, config)
            if entry is not None:
                result.add(entry)


def written_locale(path: str, config: "Config") -> str:
    """The locale folder a root-relative path (or the site's own URL) names first, as written
    (``zh-tw`` of ``/zh-tw/x/``); "" for none."""
    bare = path.split("://", 1)[1].partition("/")[2] if "://" in path else path.lstrip("/")
    first = bare.split("#", 1)[0].split("?", 1)[0].split("/", 1)[0]
    return first if first and "/" in bare and canonical_locale(first, config, folder=True) is not None else ""


def _load_toml(text: str, name: str, scope: str, config: "Config", result: Redirects) -> None:
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        result.problems.append((name, 1, f"the redirect map is not valid TOML: {error}"))
        return
    places = iter(_toml_destinations(text))
    for item in data.get("redirects", []) if isinstance(data.get("redirects"), list) else []:
        if not isinstance(item, dict) or "to" not in item:
            continue
        # Each rule's "to" is the next one written in the redirects tables: tomllib gives no
        # positions, and a value written with escapes cannot be searched for.
        line, column, end = next(places, (1, 1, 1))
        source, dest = item.get("from"), item.get("to")
        if not isinstance(source, str) or not isinstance(dest, str):
            continue
        entry = _entry(source, dest, name, scope, line, column, config, end)
        if entry is not None:
            result.add(entry)


_TOML_HEADER = lazy_pattern(r"\s*\[\[?\s*([^\]]*?)\s*\]")
# A line's tokens that matter: a "to" key, strings (skipped whole: they may hold "to =" or
# "#"), a comment (the rest of the line).
_TOML_TOKENS = lazy_pattern(
    r"""(?P<to>(?:^|(?<=[\s{,]))(?:to|"to"|'to')\s*=\s*)|"(?:[^"\\]|\\.)*"|'[^']*'|(?P<comment>\#)"""
)
_TOML_REDIRECTS_ARRAY = lazy_pattern(r"""\s*(?:redirects|"redirects"|'redirects')\s*=\s*\[""")


def _toml_destinations(text: str) -> Iterator[tuple[int, int, int]]:
    """(line, column, end column) of each ``to`` value in the redirects of a netlify.toml, in
    the order written: one pass over its lines."""
    inside = False
    for number, line in enumerate(text.split("\n"), 1):  # TOML's lines end at LF alone
        header = _TOML_HEADER.match(line)
        if header is not None and not line.lstrip().startswith(("'", '"')):
            inside = header.group(1) == "redirects" or header.group(1).startswith("redirects.")
            continue
        if not inside and _TOML_REDIRECTS_ARRAY.match(line):
            inside = True
        if not inside:
            continue
        for found in _TOML_TOKENS.finditer(line):
            if found.group("comment"):
                break
            if found.group("to"):
                start, end = _toml_value_extent(line, found.end())
                yield number, start + 1, end + 1


def _toml_value_extent(line: str, start: int) -> tuple[int, int]:
    """Where the string value written at ``start`` of ``line`` is, quotes left out (0-based,
    end exclusive): a basic string's escapes count as written."""
    quote = line[start : start + 3] if line[start : start + 3] in ('"""', "'''") else line[start : start + 1]
    if quote not in ('"', "'", '"""', "'''"):
        stop = re.match(r"[^\s,}#]*", line[start:]).end()
        return start, start + stop
    opened = start + len(quote)
    at = opened
    while at < len(line):
        if quote[0] == '"' and line[at] == "\\":
            at += 2
            continue
        if line.startswith(quote, at):
            return opened, at
        at += 1
    return opened, len(line)  # a multi-line string: its first line


def _load_netlify(text: str, name: str, scope: str, config: "Config", result: Redirects) -> None:
    template = name.rpartition("/")[2] == _HUGO_TEMPLATE
    for number, line in enumerate(text.splitlines(), 1):
        cells = line.split("#", 1)[0].split()
        if not cells or (template and "{{" in line):
            continue  # (a template's line whose addresses are made at build time)
        if len(cells) < 2:
            result.problems.append((name, number, "a redirect needs a source and a destination"))
            continue
        entry = _entry(cells[0], cells[1], name, scope, number, line.find(cells[1], line.find(cells[0]) + len(cells[0])) + 1, config)
        if entry is not None:
            result.add(entry)


def _load_csv(text: str, name: str, scope: str, config: "Config", result: Redirects) -> None:
    lines = text.splitlines()
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            cells = next(csv.reader(io.StringIO(line)))
        except (csv.Error, StopIteration):
            result.problems.append((name, number, "not a row of two comma-separated paths"))
            continue
        cells = [c.strip() for c in cells]
        if len(cells) < 2 or not cells[0] or not cells[1]:
            result.problems.append((name, number, "a redirect needs a source and a destination"))
            continue
        if number == 1 and cells[0].lower() in _FROM_KEYS and cells[1].lower() in _TO_KEYS:
            continue  # the header
        start, end = _csv_field_extent(line, 1)
        entry = _entry(cells[0], cells[1], name, scope, number, start + 1, config, end + 1)
        if entry is not None:
            result.add(entry)


# A field: quoted when the quote opens it (after a blank the quote is text, as csv reads it).
_CSV_FIELD = lazy_pattern(r'(?:"((?:[^"]|"")*)"?|\s*([^,]*))\s*(?:,|$)')


def _csv_field_extent(line: str, index: int) -> tuple[int, int]:
    """Where field ``index`` of a CSV row is written (0-based, end exclusive), without its
    quotes and the blanks around it: a quoted field's doubled quotes count as written."""
    at, found = 0, None
    for _ in range(index + 1):
        found = _CSV_FIELD.match(line, at)
        at = found.end()
    group = 1 if found.group(1) is not None else 2
    start, end = found.start(group), found.end(group)
    if group == 2:  # unquoted: the blanks before the comma are not the path's
        end = start + len(found.group(2).rstrip())
    return start, end


def _load_yaml(text: str, name: str, scope: str, config: "Config", result: Redirects) -> None:
    # Imported here: a knowledge base without a YAML redirect map never needs the YAML library.
    import yaml

    from kblint.formats import yamlsafe

    try:
        node = yamlsafe.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        result.problems.append((name, mark.line + 1 if mark else 1, f"the redirect map is not valid YAML: {getattr(error, 'problem', error)}"))
        return
    pairs: list[tuple[yaml.Node, yaml.Node]] = []
    if isinstance(node, yaml.MappingNode):
        listed = [v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == "redirects"]
        # vercel.json and the like: the redirects are one of its keys. A vercel.json without
        # that key has none: its other keys are settings ("cleanUrls": true), not redirects.
        if listed or posixpath.basename(name) == "vercel.json":
            node = listed[0] if listed and isinstance(listed[0], yaml.SequenceNode) else None
        if node is None:
            return
    if isinstance(node, yaml.MappingNode):
        pairs = list(node.value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            if not isinstance(item, yaml.MappingNode):
                continue
            found = {key.value.lower(): value for key, value in item.value if isinstance(key, yaml.ScalarNode)}
            source = next((found[k] for k in _FROM_KEYS if k in found), None)
            dest = next((found[k] for k in _TO_KEYS if k in found), None)
            if source is not None and dest is not None:
                pairs.append((source, dest))
            else:
                result.problems.append((name, item.start_mark.line + 1, "a redirect needs 'from' and 'to'"))
    elif node is not None:
        result.problems.append((name, 1, "a redirect map is a mapping or a list of {from, to}"))
    for source, dest in pairs:
        if not isinstance(source, yaml.ScalarNode) or not isinstance(dest, yaml.ScalarNode):
            continue
        line = dest.start_mark.line + 1
        quoted = 1 if dest.style in ("'", '"') else 0
        column = dest.start_mark.column + 1 + quoted
        # As written (escapes and all) when on one line; else as long as its value.
        end = dest.end_mark.column + 1 - quoted if dest.end_mark.line == dest.start_mark.line else None
        entry = _entry(str(source.value), str(dest.value), name, scope, line, column, config, end)
        if entry is not None:
            result.add(entry)
