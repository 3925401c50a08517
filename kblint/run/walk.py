"""The files of a run, found before any is linted: the targets and, for corpus rules, the rest of
the knowledge base with its other files (link targets); with their stat keys when a cache will
serve them.

A run of one file in a knowledge base of 20,000 articles walks the whole tree and stats every
file, since the corpus rules read every other article's summary from the cache, which is
current only for files that did not change: a third of such a run. ``start_walk`` does that
in a forked child (``kblint.run.forked``) while this process imports the rules and opens the
cache; where no child can help, the walk is done here, as it always was.
"""

from __future__ import annotations

import os
from array import array
from dataclasses import dataclass, field
from pathlib import Path

from kblint.kb.discover import discover_files
from kblint.model.config import Config
from kblint.run.forked import Forked, may_fork


@dataclass
class Walked:
    """What discovery found. Paths are absolute strings: a corpus of tens of thousands of
    files need not become as many Path objects."""

    targets: list[str]
    target_assets: list[str] = field(default_factory=list)  # other files under the targets
    unlisted: dict[str, OSError] = field(default_factory=dict)  # folders that cannot be listed
    corpus_files: list[str] = field(default_factory=list)  # the articles corpus rules see
    assets: list[str] = field(default_factory=list)  # the other files beside them
    stats: list[tuple[int, int] | None] | None = None  # the jobs' stat keys, when asked for

    @property
    def jobs(self) -> list[tuple[str, bool]]:
        """Every file to look at, with whether it is a target: the targets first."""
        target_set = set(self.targets)
        return [(p, True) for p in self.targets] + [(p, False) for p in self.corpus_files if p not in target_set]

    # A child sends what it found through a pipe: 20,000 paths as one string each list, stat
    # keys as two arrays of integers, pickle in a fifth of the time of lists of objects.
    def __getstate__(self) -> tuple:
        corpus = None if self.corpus_files is self.targets else _joined(self.corpus_files)
        return _joined(self.targets), _joined(self.target_assets), self.unlisted, corpus, _joined(self.assets), _packed(self.stats)

    def __setstate__(self, state: tuple) -> None:
        targets, target_assets, self.unlisted, corpus, assets, stats = state
        self.targets, self.target_assets, self.assets = _split(targets), _split(target_assets), _split(assets)
        self._sent = (corpus, stats)  # the corpus files and the stat keys as sent, unpacked when read

    def __getattribute__(self, name: str):
        """The corpus files and stat keys a child sent, unpacked when first read: a run that
        finds them as it guessed compares them packed (see ``packed``)."""
        if name in _UNPACKED_WHEN_READ:
            values = object.__getattribute__(self, "__dict__")
            sent = values.pop("_sent", None)
            if sent is not None:
                values["corpus_files"] = values["targets"] if sent[0] is None else _split(sent[0])
                values["stats"] = _unpacked(sent[1])
        return object.__getattribute__(self, name)

    def packed(self) -> tuple[str, tuple[bytes, bytes] | None]:
        """The corpus files NUL-joined and the stat keys packed, as a child sends them."""
        sent = self.__dict__.get("_sent")
        if sent is not None and sent[0] is not None:
            return sent
        return _joined(self.corpus_files), _packed(self.stats)

    def without_corpus(self) -> "Walked":
        """The targets alone, for a run without corpus rules (the jobs list the targets first)."""
        stats = self.stats[: len(self.targets)] if self.stats is not None else None
        return Walked(self.targets, [], self.unlisted, [], [], stats)


_UNPACKED_WHEN_READ = frozenset(("corpus_files", "stats"))


def _joined(paths: list[str]) -> str:
    return "\0".join(paths)  # no file name holds a NUL


def _split(text: str) -> list[str]:
    return text.split("\0") if text else []


def _packed(stats: list[tuple[int, int] | None] | None) -> tuple[bytes, bytes] | None:
    """Stat keys as two arrays: sizes (-1 for a file that cannot be read) and signatures."""
    if stats is None:
        return None
    sizes = array("q", [-1 if key is None else key[0] for key in stats])
    signatures = array("q", [0 if key is None else key[1] for key in stats])
    return sizes.tobytes(), signatures.tobytes()


def _unpacked(packed: tuple[bytes, bytes] | None) -> list[tuple[int, int] | None] | None:
    if packed is None:
        return None
    sizes, signatures = array("q"), array("q")
    sizes.frombytes(packed[0])
    signatures.frombytes(packed[1])
    return [None if size < 0 else (size, signature) for size, signature in zip(sizes, signatures)]


def walk_files(paths: list[Path], config: Config, corpus: bool, stats: bool = False, share: bool = False) -> Walked:
    """Discover ``paths`` (absolute) and, with ``corpus``, what corpus rules see besides them;
    with ``stats``, the stat key of every job (see ``kblint.store.statkeys``), ``share``-d with a
    child of this process when there are many."""
    target_assets: list[str] = []
    unlisted: dict[str, OSError] = {}  # reported, not skipped
    if _names_the_root(paths, config) and not paths[0].is_symlink():  # (a link to it: its own name in the paths found)
        targets, target_assets, unlisted = _root_walk(config)
        target_assets = target_assets if corpus else []
    else:
        targets = discover_files(paths, config.root, config.exclude, target_assets if corpus else None, unlisted)
    walked = Walked(targets, target_assets, unlisted)
    if corpus:
        walked.corpus_files, walked.assets = _corpus_files(targets, target_assets, paths, config)
    if stats:
        walked.stats = _stat_keys([path for path, _ in walked.jobs], share)
    return walked


def _names_the_root(paths: list[Path], config: Config) -> bool:
    """Is what is linted the knowledge base's root folder alone?"""
    return [os.path.realpath(p) for p in paths] == [os.path.realpath(config.root)]  # realpath: no error on a loop


def _root_walk(config: Config) -> tuple[list[str], list[str], dict[str, OSError]]:
    """(articles, other files, folders that cannot be listed) of the whole knowledge base. What
    was found is remembered in the cache folder with the folders it was found in
    (``kblint.store.memo.remembered_value``): a run that finds them as they were stats them
    instead of listing them (a run of one file walks the whole tree for its corpus rules)."""
    from kblint.store.memo import remembered_value

    def walked() -> tuple[list[str], list[str], dict[str, OSError]]:
        assets: list[str] = []
        unlisted: dict[str, OSError] = {}
        return discover_files([config.root], config.root, config.exclude, assets, unlisted), assets, unlisted

    return remembered_value(config.memo_folder, "walk", (str(config.root), config.exclude), walked, _walk_as_json, _walk_from_json)


def _walk_as_json(walked: tuple) -> list:
    files, assets, unlisted = walked
    if unlisted:
        raise TypeError("folders that cannot be listed are listed again")  # (errors: no JSON)
    return [files, assets]


def _walk_from_json(value: list) -> tuple[list[str], list[str], dict[str, OSError]]:
    files, assets = value
    return list(files), list(assets), {}


def _corpus_files(targets: list[str], target_assets: list[str], paths: list[Path], config: Config) -> tuple[list[str], list[str]]:
    """The files corpus rules see, and the other files beside them (link targets): the whole
    knowledge base when it is known (a configuration file, or single files given as
    pre-commit does), else the paths given."""
    if config.file is not None or any(p.is_file() for p in paths):
        if _names_the_root(paths, config):
            return targets, target_assets  # the root itself was linted: no second walk
        files, assets, _ = _root_walk(config)
        return files, assets
    return targets, target_assets


# From this many files on, a walk in a child shares the stat calls with a child of its own.
SHARE_STATS_FROM = 4000


def _stat_keys(paths: list[str], share: bool) -> list[tuple[int, int] | None]:
    """``stat_keys`` of ``paths``; with ``share``, the second half made by a child of
    this process. The stat calls are most of a walk of a large tree, and the walk's child is
    what a run of one file waits for once its rules are imported and its cache is open."""
    from kblint.store.statkeys import stat_keys  # not the cache's module: a child that imports it waits

    half = len(paths) // 2
    helper = Forked.start(lambda: _packed(stat_keys(paths[half:]))) if share and len(paths) >= SHARE_STATS_FROM and may_fork() else None
    if helper is None:
        return stat_keys(paths)
    first = stat_keys(paths[:half])
    outcome = helper.result()
    second = _unpacked(outcome[1]) if outcome is not None and outcome[0] == "done" else None
    return first + (second if second is not None else stat_keys(paths[half:]))


class PendingWalk:
    """A walk started in a forked child, for corpus rules (the common case) and with stat keys
    as asked; ``result`` takes it, or walks here when the child could not help. The child is
    started as the configuration's file is read, before the layout is looked for: the folders
    the layout then excludes (translations and versions a site does not build, a theme's
    pages) are taken out of what it found."""

    def __init__(self, forked: Forked, paths: list[Path], stats: bool, exclude: list[str]) -> None:
        self.forked, self.paths, self.stats, self.exclude = forked, paths, stats, exclude

    def result(self, paths: list[Path], config: Config, corpus: bool, stats: bool) -> Walked:
        """What the child found when it walked what is asked now; else the walk, done here (any
        error the walk raises is then raised here, as without a child)."""
        outcome = self.forked.result()
        if outcome is not None and outcome[0] == "done" and paths == self.paths and (self.stats or not stats):
            walked: Walked | None = outcome[1]
            if config.exclude != self.exclude:
                walked = _without_folders(walked, _excluded_since(self.exclude, config.exclude), paths, config.root)
            if walked is not None:
                return walked if corpus else walked.without_corpus()
        return walk_files(paths, config, corpus, stats)

    def stop(self) -> None:
        """End the child when its walk was not taken (the run ended before it needed it)."""
        self.forked.stop()


def start_walk(paths: list[Path], config: Config, stats: bool) -> PendingWalk | None:
    """The walk of ``paths`` for a run with corpus rules, started in a child; None where no
    child can be forked (see ``forked.may_fork``)."""
    if not may_fork():
        return None
    forked = Forked.start(lambda: walk_files(paths, config, True, stats, share=True))
    return PendingWalk(forked, paths, stats, list(config.exclude)) if forked is not None else None


_GLOB_CHARACTERS = frozenset("*?[]!\\")


def _excluded_since(walked_with: list[str], exclude: list[str]) -> list[str] | None:
    """The folders (relative to the root) that ``exclude`` adds to what the child walked with,
    where each is a plain ``/folder/`` pattern the layout adds; None for any other change."""
    if exclude[: len(walked_with)] != walked_with:
        return None
    folders = []
    for pattern in exclude[len(walked_with) :]:
        folder = pattern[1:-1]
        if not (pattern.startswith("/") and pattern.endswith("/") and folder) or _GLOB_CHARACTERS & set(folder):
            return None
        folders.append(folder)
    return folders


def _without_folders(walked: Walked, folders: list[str] | None, paths: list[Path], root: Path) -> Walked | None:
    """``walked`` as a walk that excluded ``folders`` would have found it: none of their files,
    except a target named on the command line (a named file is linted wherever it is, though
    the corpus its rules see leaves it out). None
    where that cannot be told from what was found (the exclusion left a walk with no article
    at all, where exports found beside would count as articles instead)."""
    if folders is None:
        return None
    resolved = str(root.resolve())
    prefixes = tuple(f"{resolved}/{folder}/" for folder in folders)
    named = {str(path.absolute()) for path in paths if path.is_file()}
    members = tuple(f"{path}/" for path in named)  # an export's articles (kblint.kb.containers)

    def kept(path: str) -> bool:
        return not path.startswith(prefixes) or path in named or path.startswith(members)

    targets = [path for path in walked.targets if kept(path)]
    corpus = targets if walked.corpus_files is walked.targets else [path for path in walked.corpus_files if not path.startswith(prefixes)]
    if (walked.targets and not targets) or (walked.corpus_files and not corpus):
        return None
    outside = [path for path in walked.target_assets if not path.startswith(prefixes)]
    found = Walked(targets, outside, {folder: error for folder, error in walked.unlisted.items() if not f"{folder}/".startswith(prefixes)}, corpus)
    found.assets = outside if walked.assets is walked.target_assets else [path for path in walked.assets if not path.startswith(prefixes)]
    if walked.stats is not None:
        stat_of = dict(zip((path for path, _ in walked.jobs), walked.stats))
        found.stats = [stat_of[path] for path, _ in found.jobs]
    return found
