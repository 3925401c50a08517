"""A lint run's report, printed again when nothing it depends on has changed.

A run asked again with nothing changed (an editor's save hook, a second look at the same
report) prints the report the last such run printed, without loading a rule, reading the
configuration or opening the cache: its cost is Python's start and a walk that stats every
file of the work tree, proportional to what there is to compare and no more.

The report is kept with what it depended on:

- the invocation: kblint's version and the sizes and times of its package's files (an edited
  install), Python's version and executable, the times of the folders Python imports from (a
  package installed or upgraded), the arguments, the working directory, whether standard
  output and error are terminals, and the environment variables kblint, git or a terminal's
  colours read;
- the tree: every file and folder of the git work tree the linted paths are in, or of their
  folder outside one (path, size, modification and status-change times, inode), but git's own
  folder, ``node_modules`` and kblint's caches; git's ``HEAD``, the branch it names,
  ``packed-refs`` and ``shallow`` (a commit, a checkout, a fetch that deepens the history that
  translation-outdated reads); and the files above the tree named like settings (``*.yaml``,
  ``*.js``, hidden files…), for kblint looks upwards for its configuration and a site's.

Only runs of folders are kept (files named one by one, as a pre-commit hook names them, are
rarely asked again unchanged), with the tree as it was walked before the run: what changes
while it reads changes the key its report is kept with. Nothing is kept for a run with
``--fix``, ``--diff``, ``--output``, ``--write-baseline``, ``--no-cache`` or ``--debug``, whose
configuration, baseline, glossary, rule packs or redirect maps lie outside the tree, that
reads another repository's history (``source_repo``), that ended in an error or drew a
progress bar, or where a file's status changed from two seconds before the walk (too close to
it for a file system's clock to tell a later change). A tree of more than ``_MOST_ENTRIES``
files and folders is not walked: the walk would cost more than it saves.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

_SKIPPED = frozenset({".git", "node_modules", ".kblint_cache", "__pycache__"})
_GIT_FILES = ("HEAD", "packed-refs", "shallow")
_ENVIRONMENT_PREFIXES = ("KBLINT", "GIT_", "PY")
_ENVIRONMENT_NAMES = ("NO_COLOR", "FORCE_COLOR", "TERM", "COLUMNS", "LANG", "LC_ALL", "SOURCE_DATE_EPOCH")
_MOST_ENTRIES = 20_000
_RACY_SECONDS = 2.0
_INELIGIBLE = ("fix", "diff", "output", "write_baseline", "no_cache", "debug")
_VERSION = 1  # of the memo's format


def work_tree(path: Path) -> Path | None:
    """The top of the git work tree that holds ``path`` (a folder with a ``.git`` folder, or a
    ``.git`` file that names one: a submodule, a linked work tree), or None."""
    for folder in (path, *path.parents):
        if os.path.exists(folder / ".git"):
            return folder
    return None


def _git_folders(top: Path) -> tuple[Path, Path]:
    """(the folder of the work tree's HEAD, the folder of its refs): ``.git``, or the folders a
    ``.git`` file names (``gitdir:``, and its ``commondir`` for a linked work tree)."""
    git = top / ".git"
    if not git.is_file():
        return git, git
    try:
        named = git.read_text("utf-8", errors="replace").strip().removeprefix("gitdir:").strip()
        own = (top / named).resolve()
        common = (own / (own / "commondir").read_text("utf-8").strip()).resolve() if (own / "commondir").is_file() else own
    except OSError:
        return git, git
    return own, common


class Replay:
    """The memo of one invocation: where it is kept, the key of what it depended on, and the
    tree as it was before the run (its key, if the run's report is kept)."""

    def __init__(self, top: Path, folder: Path, invocation: str) -> None:
        self.top = top
        self.path = folder / "replay" / f"{invocation}.json"
        self.invocation = invocation
        self.tree: tuple[str, bool] | None = None
        self.excluded: tuple[str, ...] = ()
        # The cache folder the run writes to, where it is in the tree under another name than
        # .kblint_cache (--cache-dir build/cache): not a file the report depends on.
        self.own = (str(folder.relative_to(top)),) if folder.is_relative_to(top) and folder.name not in _SKIPPED else ()

    def replayed(self, stdout: Any, stderr: Any) -> int | None:
        """Print the kept report and return its exit code, if nothing changed since it was
        kept; None otherwise (the run goes ahead, and the tree as it was before it is known)."""
        try:
            kept = json.loads(self.path.read_bytes())
        except (OSError, ValueError):
            kept = None
        if not isinstance(kept, dict) or kept.get("version") != _VERSION or kept.get("invocation") != self.invocation:
            kept = None
        self.excluded = tuple(kept.get("excluded", ())) if kept is not None else ()
        # Walked before the run: whatever changes while it reads changes the key it is kept with.
        self.tree = tree_digest(self.top, (*self.own, *self.excluded), time.time() - _RACY_SECONDS)
        if kept is None or self.tree is None or self.tree[0] != kept.get("tree"):
            return None
        stdout.write(kept["stdout"])
        stdout.flush()
        stderr.write(kept["stderr"])
        stderr.flush()
        return int(kept["code"])

    def keep(self, out: str, err: str, code: int, started: float, excluded: tuple[str, ...] = ()) -> None:
        """Keep a run's report with the tree as it was before the run, unless a file's status
        had changed just before (see the module's documentation); a memo that no longer holds
        is removed."""
        tree = self.tree if excluded == self.excluded else tree_digest(self.top, (*self.own, *excluded), started - _RACY_SECONDS)
        if tree is None or tree[1] or "\r" in err:
            self.forget()
            return
        kept = {"version": _VERSION, "invocation": self.invocation, "tree": tree[0], "excluded": list(excluded),
                "stdout": out, "stderr": err, "code": code}  # fmt: skip
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            _ignored_by_git(self.path.parent.parent)
            temporary.write_text(json.dumps(kept, ensure_ascii=False), "utf-8")
            os.replace(temporary, self.path)
            _keep_the_newest(self.path.parent)
        except (OSError, ValueError):  # (a report whose text UTF-8 cannot hold: a file name's lone surrogate)
            self.forget()
            try:
                temporary.unlink()
            except OSError:
                pass

    def forget(self) -> None:
        try:
            self.path.unlink()
        except OSError:
            pass


_MOST_KEPT = 16  # reports kept (a pre-commit hook names other files each time)


def _keep_the_newest(folder: Path) -> None:
    """Remove all but the ``_MOST_KEPT`` reports last kept."""
    try:
        kept = sorted(folder.glob("*.json"), key=lambda path: path.stat().st_mtime_ns, reverse=True)
        for path in kept[_MOST_KEPT:]:
            path.unlink()
    except OSError:
        pass


def for_invocation(args: Any, argv: list[str], cwd: Path, version: str) -> Replay | None:
    """The memo of this lint run, or None where none may be kept (see the module's
    documentation)."""
    if any(getattr(args, name, None) for name in _INELIGIBLE) or "GIT_DIR" in os.environ or "GIT_WORK_TREE" in os.environ:
        return None  # (git told to look elsewhere: its history is not the tree's)
    paths = [Path(p).absolute() for p in (args.paths or ["."])]
    if not all(path.is_dir() for path in paths):
        return None  # files named one by one (a pre-commit hook's): rarely asked again unchanged
    linted = Path(os.path.commonpath([str(p) for p in paths]))
    top = work_tree(linted) or (linted if linted.is_dir() else linted.parent)
    digest = hashlib.blake2b(digest_size=16)
    for part in _invocation_parts(argv, cwd, version, args):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    folder = Path(args.cache_dir).absolute() if args.cache_dir is not None else top / ".kblint_cache"
    return Replay(top, folder, digest.hexdigest())


def _invocation_parts(argv: list[str], cwd: Path, version: str, args: Any) -> list[str]:
    parts = [version, sys.version, sys.executable, str(cwd), *argv, str(sys.stdout.isatty()), str(sys.stderr.isatty())]
    parts += [f"{name}={value}" for name, value in sorted(os.environ.items()) if name.startswith(_ENVIRONMENT_PREFIXES) or name in _ENVIRONMENT_NAMES]
    parts += [_stamp(Path(folder)) for folder in sys.path if folder]
    parts.append(_package_stamp())
    for named in (args.config, args.baseline):
        if named is not None:
            parts.append(_stamp(Path(named).absolute()))
    return parts


def _stamp(path: Path) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return f"{path}:-"
    return f"{path}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}"


def _package_stamp() -> str:
    """The sizes and times of kblint's own files: an edited install is another program."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.blake2b(digest_size=16)
    for folder, folders, files in os.walk(package):
        folders[:] = sorted(name for name in folders if name != "__pycache__")
        for name in sorted(files):
            digest.update(_stamp(Path(folder) / name).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def tree_digest(top: Path, excluded: tuple[str, ...] = (), racy_after: float | None = None) -> tuple[str, bool] | None:
    """(a digest of the work tree's files and folders and of git's refs, whether a file's
    status changed after ``racy_after``), or None for a tree too large to walk or one that
    links to a folder outside it."""
    racy_ns = None if racy_after is None else int(racy_after * 1e9)
    racy, count, lines = False, 0, []
    stack = [str(top)]
    skipped = {os.path.join(str(top), relpath) for relpath in excluded}
    inside = os.path.realpath(top) + os.sep
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError:
            lines.append(f"{folder}:unreadable")
            continue
        count += len(entries)
        if count > _MOST_ENTRIES:
            return None
        for entry in entries:
            if entry.name in _SKIPPED or entry.path in skipped:
                continue
            try:
                st = entry.stat()
            except OSError:
                lines.append(f"{entry.path}:-")
                continue
            lines.append(f"{entry.path}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}")
            if racy_ns is not None and st.st_ctime_ns >= racy_ns:
                racy = True
            if entry.is_dir(follow_symlinks=False):
                stack.append(entry.path)
            elif entry.is_symlink() and entry.is_dir() and not os.path.realpath(entry.path).startswith(inside):
                return None  # a folder linked from outside the tree: what is in it is not walked
    lines += [*_git_state(top), *_settings_above(top)]
    return hashlib.blake2b("\0".join(lines).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest(), racy


# What a file above the tree that kblint reads is named like: a configuration (kblint's, a site
# generator's, found upwards from the tree), written in one of these or hidden.
_SETTINGS_SUFFIXES = (".yaml", ".yml", ".json", ".js", ".cjs", ".mjs", ".ts", ".cts", ".mts", ".toml", ".cfg", ".ini")


def _settings_above(top: Path) -> list[str]:
    """The sizes and times of the files in the folders above the tree that may be settings
    kblint reads there (its configuration, a site's found upwards), a folder's listing each."""
    parts = []
    for folder in top.parents:
        try:
            with os.scandir(folder) as listing:
                named = sorted(entry.path for entry in listing if entry.name.startswith(".") or entry.name.endswith(_SETTINGS_SUFFIXES))
        except OSError:
            continue
        parts.extend(_stamp(Path(path)) for path in named if os.path.isfile(path))
    return parts


def _git_state(top: Path) -> list[str]:
    """git's files that say which commit is checked out and how much history is there."""
    own, common = _git_folders(top)
    parts = [_stamp(folder / name) for name in _GIT_FILES for folder in dict.fromkeys((own, common))]
    try:
        head = (own / "HEAD").read_text("utf-8", errors="replace").strip()
    except OSError:
        return parts
    parts.append(head)
    if head.startswith("ref: "):
        parts += [_stamp(folder / head[5:].strip()) for folder in dict.fromkeys((own, common))]
    return parts


def _ignored_by_git(folder: Path) -> None:
    """A ``.gitignore`` that ignores the cache folder's insides, as other tools' caches do."""
    marker = folder / ".gitignore"
    if not marker.exists():
        try:
            marker.write_text("# kblint's cache: nothing here belongs in the repository.\n*\n", "utf-8")
        except OSError:
            pass



class Tee:
    """A stream that keeps what is written to it as it passes it on: a run's report and its
    messages, as printed, for ``Replay.keep``."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return self.stream.write(text)

    def text(self) -> str:
        return "".join(self.parts)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)  # flush, isatty, fileno, encoding…
