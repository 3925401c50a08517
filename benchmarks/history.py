"""What the git log translation-outdated reads costs, on a real repository.

    python benchmarks/history.py REPO [REPO...]             # whole log, and after 1 and 20 commits
    python benchmarks/history.py REPO --since 1 5 100 --runs 5

For each repository (the top of a git work tree), three ways to the same log, each timed in
wall and CPU seconds (git's and this process's, the median of ``--runs``):

- git asked with the pathspec ".", as every run asked until the log was asked without one;
- kblint's log: git asked without a pathspec, then git's history simplification replayed on
  its commits (``kblint.kb.history.simplified_log``);
- after N new commits, as a run after a commit reads it: the commits kept at ``HEAD~N`` (as a
  cache keeps them), and git asked for the N commits since only.

Every log is compared with the first, byte for byte: a row says "identical" or the script
fails. Nothing is written to the repository: the commits "kept at HEAD~N" are taken from the
whole log, and git is asked for ``HEAD ^HEAD~N``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
if (HERE.parent / "kblint").is_dir():
    sys.path.insert(0, str(HERE.parent))

from kblint.kb.history import PendingHistory, reachable_commits  # noqa: E402


def timed(work: Callable[[], str], runs: int) -> tuple[float, float, str]:
    """Median wall and CPU seconds (this process and its children) of ``work``, and its result."""
    walls, cpus, result = [], [], ""
    for _ in range(runs):
        before, started = os.times(), time.perf_counter()
        result = work()
        after = os.times()
        walls.append(time.perf_counter() - started)
        cpus.append(sum(after[:4]) - sum(before[:4]))
    return statistics.median(walls), statistics.median(cpus), result


def pathspec_log(root: Path) -> str:
    """The log as git prints it with the pathspec "." (what kblint's log must equal)."""
    out = subprocess.run(
        ["git", "-c", "core.quotePath=false", "-C", str(root), "log", "--format=%x00%H %ct %s", "--name-only", "--relative", "--no-renames", "HEAD", "--", "."],
        capture_output=True, check=True,
    ).stdout.decode("utf-8", "replace")  # fmt: skip
    return out.replace("\r\n", "\n").replace("\r", "\n")


def kblint_log(root: Path, known: tuple[str, str] | None = None) -> str:
    history = PendingHistory(root, known)
    log = history.log()
    if log is None:
        raise SystemExit(f"{root}: git gave no log")
    return log[1]


def rows(root: Path, since: list[int], runs: int) -> list[tuple[str, float, float]]:
    """(way, wall, CPU) for each way to the log of ``root``; fails if a log differs."""
    wall, cpu, expected = timed(lambda: pathspec_log(root), runs)
    found = [("git log with the pathspec \".\"", wall, cpu)]
    wall, cpu, log = timed(lambda: kblint_log(root), runs)
    _same(root, "kblint's log", log, expected)
    found.append(("kblint's log", wall, cpu))
    first = PendingHistory(root)
    first.log()
    commits = first.kept()[1]
    for n in since:
        base = subprocess.run(["git", "-C", str(root), "rev-parse", f"HEAD~{n}"], capture_output=True, text=True)
        if base.returncode != 0:
            continue
        sha = base.stdout.strip()
        known = (sha, reachable_commits(commits, sha))
        wall, cpu, log = timed(lambda: kblint_log(root, known), runs)
        _same(root, f"after {n} commits", log, expected)
        found.append((f"after {n} commit{'s' if n != 1 else ''} (the log kept at HEAD~{n})", wall, cpu))
    return found


def _same(root: Path, way: str, log: str, expected: str) -> None:
    if log != expected:
        raise SystemExit(f"{root}: {way} differs from git's log with the pathspec")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("repos", nargs="+", type=Path)
    parser.add_argument("--since", nargs="+", type=int, default=[1, 20], help="new commits since the kept log")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    print("| repository | commits | way to the log | wall s | CPU s | log |")
    print("| --- | ---: | --- | ---: | ---: | --- |")
    for root in args.repos:
        count = subprocess.run(["git", "-C", str(root), "rev-list", "--count", "HEAD"], capture_output=True, text=True).stdout.strip()
        for way, wall, cpu in rows(root, args.since, args.runs):
            print(f"| {root.name} | {count} | {way} | {wall:.2f} | {cpu:.2f} | identical |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
