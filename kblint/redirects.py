"""The knowledge base's redirect maps: where moved articles went.

A redirect map is a file named ``redirects.csv``, ``redirects.yaml``/``.yml``/``.json``,
``_redirects``, ``vercel.json`` or ``netlify.toml`` anywhere in the knowledge base (it applies
to the articles under its folder), or one named in the configuration (``redirects:
maps/moved.csv``, for the whole knowledge base). It is CSV, one ``source,destination`` pair a
row (a header row is recognized and skipped), as Experience League keeps them; YAML or JSON, a
mapping ``old: new`` or a list of ``{from: old, to: new}`` (``source``/``destination`` also
accepted), also under a ``redirects`` key as in ``vercel.json``; Netlify's ``_redirects``,
``old new [status]`` a line, or the ``[[redirects]]`` tables of ``netlify.toml``. Rules with
wildcards or placeholders (``/docs/:path*``) are the site's business and are skipped. Paths are site paths (``/help/old.md``) or paths
relative to a locale root; extensions, ``index`` pages, a ``link_root`` prefix and a leading
locale segment do not matter: ``/help/old.md``, ``/help/old.html`` and ``help/old`` are one
page. The engine reads the files (rules never read files) and hands them to the corpus.
"""

from __future__ import annotations

import csv
import io
import posixpath
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import unquote

import yaml

from kblint import yamlsafe

if TYPE_CHECKING:
    from kblint.config import Config

MAP_NAMES = ("redirects.csv", "redirects.yaml", "redirects.yml", "redirects.json", "_redirects", "vercel.json", "netlify.toml")
_PAGE_SUFFIXES = (".md", ".mdx", ".markdown", ".html", ".htm")
_INDEX_PAGES = ("index", "README", "_index")
_FROM_KEYS = ("from", "source", "old", "src")
_TO_KEYS = ("to", "destination", "dest", "new", "target")


@dataclass
class Redirect:
    source: str  # as written
    dest: str  # as written
    source_key: str  # the page it moves (``page_key``)
    dest_key: str | None  # the page it leads to; None for another site
    file: str  # the map, relative to the knowledge base root
    scope: str  # the folder whose articles it applies to ("" for all)
    line: int
    column: int  # of the destination
    end_column: int


@dataclass
class Redirects:
    entries: list[Redirect] = field(default_factory=list)
    problems: list[tuple[str, int, str]] = field(default_factory=list)  # (file, line, message)
    by_key: dict[str, Redirect] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)  # the maps, relative to the root

    def add(self, redirect: Redirect) -> None:
        self.entries.append(redirect)
        self.by_key.setdefault(redirect.source_key, redirect)

    def applying(self, key: str, relpath: str) -> Redirect | None:
        """The redirect of page ``key`` that applies to a link in the article at ``relpath``."""
        redirect = self.by_key.get(key)
        if redirect is None or not redirect.scope or relpath.startswith(redirect.scope + "/"):
            return redirect
        return None

    def follow(self, key: str, limit: int = 20) -> tuple[Redirect | None, bool]:
        """The last redirect of the chain that starts at page ``key``, and whether the chain
        loops (or runs longer than ``limit``). A redirect to its own page (``x.md`` to
        ``x.html``) ends the chain."""
        seen: set[str] = set()
        last = None
        while key in self.by_key:
            if key in seen or len(seen) >= limit:
                return last, True
            seen.add(key)
            last = self.by_key[key]
            if last.dest_key is None or last.dest_key == key:
                break
            key = last.dest_key
        return last, False


def page_key(path: str, config: "Config") -> str | None:
    """The page a site path or root-relative path names, as redirect maps compare them; None
    for another site's URL."""
    path = path.strip()
    if "://" in path or path.startswith("//"):
        from kblint.links import _site_pattern  # the knowledge base's own site

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
    if first and rest and config.canonical_locale(first, folder=True) is not None:
        path = rest
    if prefix and (path == prefix or path.startswith(prefix + "/")):
        path = path[len(prefix) + 1 :]
    lowered = path.lower()
    for suffix in _PAGE_SUFFIXES:
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
    from kblint.discover import relative_to

    found = [(relative_to(file, config.root), "") for file in config.redirects]
    named = {name for name, _ in found}
    for path in assets:
        folder, _, name = path.rpartition("/")
        if name in MAP_NAMES and path not in named:
            found.append((path, folder))
    return found


def load_redirects(config: "Config", maps: list[tuple[str, str]], read) -> Redirects:
    """The redirects of ``maps`` (``map_files``); ``read(path)`` gives a map's bytes or an
    OSError. A map that cannot be read is a problem of the map."""
    result = Redirects()
    for name, scope in maps:
        result.files.append(name)
        data = read(name)
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
        elif lowered.rsplit("/", 1)[-1] == "_redirects":
            _load_netlify(text, name, scope, config, result)
        else:
            _load_csv(text, name, scope, config, result)
    return result


_PATTERN_MARKS = (":", "*", "(", "$", "{")


def _entry(source: str, dest: str, name: str, scope: str, line: int, column: int, config: "Config") -> Redirect | None:
    if any(mark in source.split("://", 1)[-1] for mark in _PATTERN_MARKS):
        return None  # a rule with wildcards or placeholders: not a page
    source_key = page_key(source, config)
    if source_key is None:
        return None
    if any(mark in dest.split("://", 1)[-1].split("#", 1)[0] for mark in _PATTERN_MARKS[:2]):
        return None
    return Redirect(source, dest, source_key, page_key(dest, config), name, scope, line, column, column + len(dest))


def _load_toml(text: str, name: str, scope: str, config: "Config", result: Redirects) -> None:
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        result.problems.append((name, 1, f"the redirect map is not valid TOML: {error}"))
        return
    lines = text.splitlines()
    searched = 0
    for item in data.get("redirects", []) if isinstance(data.get("redirects"), list) else []:
        source, dest = item.get("from"), item.get("to")
        if not isinstance(source, str) or not isinstance(dest, str):
            continue
        # The line of its "to": the next one after the previous rule's.
        line = next((i for i in range(searched, len(lines)) if dest in lines[i] and "to" in lines[i]), searched)
        searched = line + 1
        entry = _entry(source, dest, name, scope, line + 1, lines[line].find(dest) + 1 if line < len(lines) else 1, config)
        if entry is not None:
            result.add(entry)


def _load_netlify(text: str, name: str, scope: str, config: "Config", result: Redirects) -> None:
    for number, line in enumerate(text.splitlines(), 1):
        cells = line.split("#", 1)[0].split()
        if not cells:
            continue
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
        column = line.find(cells[1], line.find(cells[0]) + len(cells[0])) + 1
        entry = _entry(cells[0], cells[1], name, scope, number, column, config)
        if entry is not None:
            result.add(entry)


def _load_yaml(text: str, name: str, scope: str, config: "Config", result: Redirects) -> None:
    try:
        node = yamlsafe.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        result.problems.append((name, mark.line + 1 if mark else 1, f"the redirect map is not valid YAML: {getattr(error, 'problem', error)}"))
        return
    pairs: list[tuple[yaml.Node, yaml.Node]] = []
    if isinstance(node, yaml.MappingNode):
        listed = [v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == "redirects"]
        if listed:  # vercel.json and the like: the redirects are one of its keys
            node = listed[0] if isinstance(listed[0], yaml.SequenceNode) else None
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
        column = dest.start_mark.column + 1 + (1 if dest.style in ("'", '"') else 0)
        entry = _entry(str(source.value), str(dest.value), name, scope, line, column, config)
        if entry is not None:
            result.add(entry)
