"""Finding the articles to lint: Markdown files, and a help center's export (HTML, plain text,
the articles an API export file holds) where the tree is one (``export_articles``).

Directories are walked without following any symbolic link, so a link out of the tree or a
link loop can never be entered; ``.gitignore`` files (at every level) and configured excludes
are honoured with pathspec's implementation of git's own matching rules. A file named on the
command line is always linted.
"""

from __future__ import annotations

import errno
import os
import re
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from kblint.formats.registry import ARTICLE_SUFFIXES, is_export_path
from kblint.kb.containers import is_container_path, member_paths
from kblint.kb.helpcenter import export_id

if TYPE_CHECKING:
    import pathspec


# Never a knowledge base's: version control, caches, installed packages, and the folders
# JavaScript test runners keep their fixtures in (a docs site's end-to-end tests are a small
# site of their own, its pages filler text and empty headings on purpose).
def _vendored_code(folder: str) -> bool:
    """Is ``folder`` (named vendor) a copy of a program's dependencies, as Go's ``go mod
    vendor`` (its ``modules.txt``) or Composer (its ``autoload.php``) writes it: their
    Markdown is theirs, as node_modules' is?"""
    return any(os.path.isfile(os.path.join(folder, name)) for name in ("modules.txt", "autoload.php"))


ALWAYS_SKIPPED = {".git", ".hg", ".svn", ".kblint_cache", "node_modules", "__pycache__"}
# A project's tests and their data: no article is there, but the files are, and a contributing
# guide links to them (``[__tests__/plots](./__tests__/plots/)``): listed as files links reach.
TEST_FOLDERS = frozenset({"__tests__", "__fixtures__", "__mocks__", "__snapshots__", "fixtures"})


def _scaffold_template(entry: os.DirEntry) -> bool:
    """Is ``entry`` a project template a ``create-*`` package copies out for a new project
    (``packages/create-rspress/template-i18n``): a site of its own, its pages starters?"""
    return entry.name.startswith("template") and os.path.basename(os.path.dirname(entry.path)).startswith("create-")


class DiscoveryError(Exception):
    """A path on the command line that does not exist: a usage error."""


@dataclass
class _Ignores:
    """The .gitignore files seen on the way down, each with the folder it applies to and a
    quick test that no pattern of it can match (see ``_any_pattern``)."""

    specs: list[tuple[str, "pathspec.PathSpec", "re.Pattern[str] | None"]] = field(default_factory=list)

    def add(self, base: str, spec: "pathspec.PathSpec") -> None:
        self.specs.append((base, spec, _any_pattern(spec)))

    def matches(self, relpath: str, is_dir: bool) -> bool:
        for base, spec, any_pattern in self.specs:
            if base and not relpath.startswith(base + "/"):
                continue
            local = relpath[len(base) + 1 :] if base else relpath
            local = local + "/" if is_dir else local
            if (any_pattern is None or any_pattern.search(local)) and spec.match_file(local):
                return True
        return False


@dataclass
class _Excludes:
    """The configuration's ``exclude`` patterns, with the quick test that none can match (see
    ``_any_pattern``): a Docusaurus site's unbuilt locales are nineteen patterns, each asked of
    every path of the walk without it."""

    spec: "pathspec.PathSpec"
    any_pattern: "re.Pattern[str] | None"

    @classmethod
    def of(cls, patterns: list[str]) -> "_Excludes":
        import pathspec  # only where there is something to match

        spec = pathspec.GitIgnoreSpec.from_lines(list(patterns))
        return cls(spec, _any_pattern(spec))

    def match_file(self, relpath: str) -> bool:
        return (self.any_pattern is None or self.any_pattern.search(relpath) is not None) and self.spec.match_file(relpath)


_DIR_MARK_GROUP = "(?P<ps_d>"  # the one named group pathspec's git patterns have


def _any_pattern(spec: "pathspec.PathSpec") -> "re.Pattern[str] | None":
    """One regular expression that finds a match where any of ``spec``'s patterns does, None
    when it cannot be made. A path matches a .gitignore only where one of its patterns does,
    and most paths of a walk match none: one search then says so, in place of one call per
    pattern (with a 15-line .gitignore, half of the walk of a vault of 11,000 files)."""
    sources = []
    flags = set()
    for pattern in spec.patterns:
        regex = getattr(pattern, "regex", None)
        if regex is None or getattr(pattern, "include", None) is None:
            continue  # a blank line or a comment: never matches
        if not isinstance(regex, re.Pattern) or not isinstance(regex.pattern, str):
            return None
        sources.append("(?:" + regex.pattern.replace(_DIR_MARK_GROUP, "(?:") + ")")
        flags.add(regex.flags)
    if len(flags) > 1:
        return None
    try:
        return re.compile("|".join(sources) or "(?!)", flags.pop() if flags else 0)
    except re.error:
        return None  # another group name repeated: each pattern is asked, as before


def _read_gitignore(folder: Path) -> "pathspec.PathSpec | None":
    try:
        lines = (folder / ".gitignore").read_text("utf-8", errors="replace").splitlines()
    except OSError:
        return None
    import pathspec  # only where there is something to match

    return pathspec.GitIgnoreSpec.from_lines(lines)


def relative_to(path: Path | str, root: Path) -> str:
    """``path`` relative to ``root`` in posix form, or the absolute path when outside it."""
    text, base = str(path), str(root)
    if text.startswith(base) and text[len(base) : len(base) + 1] == os.sep:
        return text[len(base) + 1 :].replace(os.sep, "/")  # the common case, without pathlib
    path = Path(path)
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def relative_paths(paths: list[str], root: Path) -> list[str]:
    """``relative_to`` for many paths, most of them under ``root`` (a walk's files): one
    prefix test each, in a third of the time of calling it on each."""
    prefix = str(root) + os.sep
    start = len(prefix)
    if os.sep == "/":
        return [p[start:] if p.startswith(prefix) else relative_to(p, root) for p in map(str, paths)]
    return [relative_to(p, root) for p in paths]


def discover(paths: list[Path], root: Path, exclude: list[str] = ()) -> list[Path]:
    """Markdown files under ``paths`` (absolute), sorted, without duplicates."""
    return [Path(p) for p in discover_files(paths, root, exclude)]


def discover_files(
    paths: list[Path],
    root: Path,
    exclude: list[str] = (),
    assets: list[str] | None = None,
    problems: dict[str, OSError] | None = None,
) -> list[str]:
    """As ``discover``, as strings: a corpus of tens of thousands of files need not become
    as many Path objects. Given ``assets``, the other files met on the way (images,
    attachments: link targets) are added to it, also as absolute paths. Given ``problems``,
    folders that cannot be listed (no permission, a path longer than PATH_MAX) are added to
    it with their error, to be reported rather than skipped in silence."""
    root = root.resolve()
    excludes = None  # made when a folder is walked: a file named on the command line is linted
    found: list[str] = []
    exports: list[str] = []
    for given in paths:
        kind = named_path_kind(given)
        if kind == "file":
            named = str(given.absolute())
            # An API export named on the command line: the articles it holds.
            found.extend((is_container_path(named) and member_paths(named)) or [named])
        elif kind == "folder":
            # A folder named on the command line is walked even when the name is a symbolic
            # link to it (the user asked for it); links met inside are still never followed.
            excludes = excludes or (_Excludes.of(exclude) if exclude else None)
            found.extend(_walk(given.absolute(), root, excludes, assets, problems, exports))
        else:
            raise DiscoveryError(f"{given}: {kind}")
    articles = export_articles(exports) if not found else exported_pages(exports)
    found.extend(articles)
    if assets is not None:
        chosen = set(articles)
        assets.extend(path for path in exports if path not in chosen)
    # One walked folder lists each file once: only more sources can repeat one (a set of
    # 20,000 paths is a quarter of a walk of them).
    one_folder = len(paths) == 1 and not articles and kind == "folder"
    return sorted(found) if one_folder else sorted(set(found))


# What an exporter writes beside an article for its metadata (title, locale, html_url, …).
COMPANION_SUFFIXES = (".json", ".yaml", ".yml")


def companion_of(path: str) -> str | None:
    """The metadata file beside the export article at ``path`` (``1234.html`` → ``1234.json``),
    if there is one; None for a Markdown article (its front matter is its metadata)."""
    if not is_export_path(path):
        return None
    stem = path[: path.rfind(".")]
    for suffix in COMPANION_SUFFIXES:
        if os.path.isfile(stem + suffix):
            return stem + suffix
    return None


def export_articles(exports: list[str]) -> list[str]:
    """The articles of a help-center export, where no Markdown article was found: its HTML
    files and the articles its API exports hold (a JSON file beside an article of the same
    name is that article's metadata, not an export), else its plain-text files (a scraped
    dump, one article per file)."""
    stems = {path[: path.rfind(".")] for path in exports if not is_container_path(path)}
    pages = []
    for path in exports:
        if not is_container_path(path):
            if not path.lower().endswith(".txt"):
                pages.append(path)
        elif path[: path.rfind(".")] not in stems:
            pages.extend(member_paths(path))
    return pages or [path for path in exports if path.lower().endswith(".txt")]


def exported_pages(exports: list[str]) -> list[str]:
    """Where Markdown articles were found too: the HTML files that are a help center's
    articles all the same, by their shape (a numeric article id as the name,
    ``360012345678.html`` or ``360012345678/index.html``, or a metadata file beside them). A
    docs site's own pages are none of these: they stay pages that links name."""
    stems = {path[: path.rfind(".")] for path in exports if is_container_path(path)}
    found = []
    for path in exports:
        if is_container_path(path) or path.lower().endswith(".txt"):
            continue
        stem = path[: path.rfind(".")]
        posix = stem.replace(os.sep, "/")
        if stem in stems or export_id(posix, posix.rsplit("/", 1)[-1]):
            found.append(path)
    return found


def named_path_kind(given: Path) -> str:
    """"file" or "folder" for a path kblint can lint, else why not (for a one-line error):
    a path that does not exist, a symbolic link to nothing or to itself, a named pipe, a
    socket or a device (reading a pipe would wait forever)."""
    import stat

    try:
        info = os.stat(given)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "a symbolic link loop: not linted"
        if os.path.islink(given):
            return f"a symbolic link to {os.readlink(given)}, which does not exist: not linted"
        if error.errno == errno.ENAMETOOLONG:
            return "the path is longer than the system allows: not linted"
        if not os.path.lexists(given):
            return "no such file or directory"
        return f"cannot be read: {error.strerror or error}"
    if stat.S_ISREG(info.st_mode):
        return "file"
    if stat.S_ISDIR(info.st_mode):
        return "folder"
    what = "a named pipe" if stat.S_ISFIFO(info.st_mode) else "a socket" if stat.S_ISSOCK(info.st_mode) else "a device"
    return f"{what}, not a file: not linted"


def _ignores_above(top: Path, root: Path) -> _Ignores:
    """The .gitignore files above the walked folder but inside the root: they apply too."""
    ignores = _Ignores()
    if top != root and root in top.parents:
        for folder in [root, *reversed([p for p in top.parents if root in p.parents])]:
            spec = _read_gitignore(folder)
            if spec:
                ignores.add(relative_to(folder, root) if folder != root else "", spec)
    return ignores


_NAME = attrgetter("name")  # a folder's entries in the order of their names


def _walk(
    top: Path,
    root: Path,
    excludes: _Excludes | None,
    assets: list[str] | None = None,
    problems: dict[str, OSError] | None = None,
    exports: list[str] | None = None,
) -> list[str]:
    """The Markdown articles under ``top``; the files of export formats (HTML, plain text)
    are added to ``exports``, the other files to ``assets``."""
    # A named link to a folder keeps its own name (linkdir/x.md, not the target's path).
    resolved_top = Path(os.path.realpath(top.parent)) / top.name if top.is_symlink() else top.resolve()
    ignores = _ignores_above(resolved_top, root)
    results: list[str] = []
    stack = [resolved_top]
    tests: list[str] = []  # test folders met: their files are link targets, none an article
    while stack:
        folder = stack.pop()
        base = relative_to(folder, root) if folder != root else ""
        try:
            entries = sorted(os.scandir(folder), key=_NAME)
        except OSError as error:
            if problems is not None:
                problems[str(folder)] = error
            continue
        # Opened only where listed: trying every folder of a large tree costs a failed open each.
        spec = _read_gitignore(folder) if any(entry.name == ".gitignore" for entry in entries) else None
        if spec:
            ignores.add(base, spec)
        # Most trees have no ignore file and no excludes: then no entry needs its relative path.
        matching = bool(ignores.specs or excludes)
        for entry in entries:
            if entry.is_symlink():
                if assets is not None:
                    assets.append(entry.path)  # never followed, but a link may point at it
                continue  # never follow links: no loops, nothing outside the tree
            rel = (f"{base}/{entry.name}" if base else entry.name) if matching else ""
            if entry.is_dir(follow_symlinks=False):
                if _walked_into(entry, rel, matching, ignores, excludes, tests):
                    stack.append(Path(entry.path))
            elif entry.is_file(follow_symlinks=False) and entry.name.lower().endswith(ARTICLE_SUFFIXES):  # is_article_path, inlined
                if matching and (ignores.matches(rel, False) or (excludes and excludes.match_file(rel))):
                    continue
                results.append(entry.path)
            elif exports is not None and entry.is_file(follow_symlinks=False) and (is_export_path(entry.name) or is_container_path(entry.name)):
                if not (ignores.matches(rel, False) or (excludes and excludes.match_file(rel))):
                    exports.append(entry.path)
                elif assets is not None:
                    assets.append(entry.path)
            elif assets is not None and not entry.is_dir():
                assets.append(entry.path)  # a link target; ignore rules do not unpublish it
    if assets is not None:
        for folder in tests:
            assets.extend(_files_under(folder))
    return results


def _walked_into(entry: os.DirEntry, rel: str, matching: bool, ignores: _Ignores, excludes: _Excludes | None, tests: list[str]) -> bool:
    """Is the folder ``entry`` (``rel``: its relative path, where ``matching`` asks for it)
    walked? Not one always skipped or ignored, nor a test folder (added to ``tests``), a
    program's vendored code or an excluded folder."""
    if entry.name in ALWAYS_SKIPPED or (matching and ignores.matches(rel, True)):
        return False
    if entry.name in TEST_FOLDERS or _scaffold_template(entry):
        tests.append(entry.path)
        return False
    if entry.name == "vendor" and _vendored_code(entry.path):
        return False
    return not (excludes and excludes.match_file(rel + "/"))


def _files_under(folder: str) -> Iterator[str]:
    """The files under ``folder`` (links inside it not followed), for links to reach: not its
    hidden ones (a fixture's .gitignore says nothing of the knowledge base)."""
    for base, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if name not in ALWAYS_SKIPPED and not name.startswith(".")]
        yield from (os.path.join(base, name) for name in files if not name.startswith("."))
