"""kblint on real multilingual docs sites, with no configuration, as a new user would run it.

    python benchmarks/realworld.py CORPORA                      # the table, one row per corpus
    python benchmarks/realworld.py CORPORA --sample typo 20     # 20 random typo findings to read
    python benchmarks/realworld.py CORPORA --fixes 50           # 50 random safe fixes (--diff)
    python benchmarks/realworld.py CORPORA --only hexo --json out.json
    python benchmarks/realworld.py CORPORA --peers --markdownlint ./node_modules/.bin/markdownlint-cli2
    python benchmarks/realworld.py CORPORA --rounds 5          # ratios to codespell and typos, round by round

CORPORA is a folder with one sub-folder per corpus, each laid out as its repository lays it out
(a git work tree, so that what depends on git runs as it would there). Public sites that were
used: a static-site generator's site (its ``source/`` folder: English at the root, ``zh-cn/`` and
``zh-tw/`` beside ``docs/``), a collection of command-line cheat sheets (``pages``, ``pages.zh``,
``pages.zh_TW``), a JavaScript runtime's website (``apps/site/pages/{en,zh-cn,zh-tw}``), a UI
library's documentation in three repositories (each one's ``src/content`` as ``en/``,
``zh-hant/``, ``zh-hans/``), a framework's guide in two (``en/``, ``zh-cn/``), and later
Starlight and Docusaurus sites, an Obsidian help vault (one vault per language, given a
``kblint.yaml`` of ``wiki_links: true``: it commits no ``.obsidian`` folder) and a component
library's dumi site (``x.en-US.md`` beside ``x.zh-CN.md``), another's Vant CLI site (a
component's ``README.md`` beside ``README.zh-CN.md``, pages addressed ``#/zh-CN/button``), a
web framework's MkDocs site (``docs/en/docs`` and its twelve translations beside it), Hugo
sites, a support site built with VuePress (``docs/{zh,en,jp,ru,id}``, its files served from
``docs/.vuepress/public``) and a VitePress site whose Chinese source sits at the root of
``docs/``, its configuration's root locale (``en/`` and ``ru/`` beside), a dumi 1 site
configured in ``site/config/config.ts`` and an Astro Starlight site written in Chinese first
(``<version>/zh-cn/`` beside ``<version>/en/``, its root locale given by a module its
configuration imports). They are brought to
the machine, never into this repository: nothing of their text is stored here.

Each corpus is linted from inside its folder (``kblint --no-cache --format json .``) and once
more for its translation table (``kblint translations``); the table gives the exit code, the
files, the translation pairs, wall and CPU seconds and the findings per rule. ``--sample`` prints
random findings of one rule with the line they point at (seeded, so that a reading can be
repeated); ``--fixes`` prints random changed lines of ``kblint --diff`` (the safe fixes), each
with the line before and after, for checking by hand that every one is right. ``--peers`` also
times codespell, typos and markdownlint-cli2 (where installed) on each corpus's Markdown files
(typos on its whole folder: see ``peers``), wall and CPU seconds, beside kblint's cold run, its
warm run (a cache in a temporary folder, filled by a first run) and a one-file run with that
warm cache (the largest article, as a pre-commit hook or an editor lints it): the peers check
less, so the ratio is a ceiling. ``--rounds N`` takes the ratios to codespell (cold) and typos
(warm) in N rounds, each run of kblint beside the peer's in the same round: on a machine
whose speed moves between minutes, the median of the rounds' ratios is steadier than a ratio
of medians taken minutes apart.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import unicodedata
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def compile_checkout() -> None:
    """Compile this checkout's modules before timing it, as an installation has them: where
    PYTHONDONTWRITEBYTECODE is set, every run would compile every module it imports again
    (0.04-0.07 s a run, most of a run of one file)."""
    import compileall

    compileall.compile_dir(str(ROOT / "kblint"), quiet=1)


def kblint(args: list[str], cwd: Path) -> tuple[subprocess.CompletedProcess, float, float]:
    """Run kblint from this checkout in ``cwd``: the process, wall and CPU seconds."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    before = os.times()
    started = time.perf_counter()
    process = subprocess.run([sys.executable, "-m", "kblint", *args], cwd=cwd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return process, wall, cpu


# The exit codes with which each peer says it read the files (with findings or without):
# any other is a failure (markdownlint-cli2's 2: a corpus's own configuration names custom
# rules it cannot load), whose time says nothing.
READ_ALL = {"codespell": (0, 65), "typos": (0, 2), "markdownlint-cli2": (0, 1)}


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one run of a peer (its exit code means findings, not failure)."""
    return _timed_run(command, cwd)[:2]


def _timed_run(command: list[str], cwd: Path) -> tuple[float, float, int]:
    before = os.times()
    started = time.perf_counter()
    process = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = os.times()
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system), process.returncode


def markdown_files(corpus: Path) -> list[str]:
    return sorted(str(p.relative_to(corpus)) for p in corpus.rglob("*") if p.suffix in (".md", ".mdx") and ".git" not in p.parts)


def warm_times(corpus: Path) -> dict[str, tuple[float, float]]:
    """kblint's warm run and its one-file run on the largest article, with a cache of their own."""
    largest = max(markdown_files(corpus), key=lambda name: (corpus / name).stat().st_size)
    with tempfile.TemporaryDirectory() as cache:
        kblint(["--cache-dir", cache, "--format", "json", "."], corpus)  # fills the cache
        _, wall, cpu = kblint(["--cache-dir", cache, "--format", "json", "."], corpus)
        _, one_wall, one_cpu = kblint(["--cache-dir", cache, "--format", "json", largest], corpus)
    return {"kblint warm": (wall, cpu), "kblint one file, warm": (one_wall, one_cpu)}


def peers(corpus: Path, markdownlint: str | None) -> dict[str, "tuple[float, float] | str"]:
    """The peers' times on the corpus's Markdown files: codespell and markdownlint-cli2 are told
    to read only those. typos reads the whole folder, its other files too, as it is run: given
    a list of files it takes four times as long (on hexo, 0.5 s for the 466 Markdown files
    listed, 0.13 s for the folder's 1,897 files)."""
    files = markdown_files(corpus)
    found = {name: shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent)) for name in ("codespell", "typos")}
    commands = {
        "codespell": [found["codespell"], *files] if found["codespell"] else None,
        "typos": [found["typos"], "."] if found["typos"] else None,
        "markdownlint-cli2": [markdownlint, "**/*.{md,mdx}", "#node_modules"] if markdownlint else None,
    }
    found_times: dict[str, tuple[float, float] | str] = {}
    for name, command in commands.items():
        if command:
            wall, cpu, code = _timed_run(command, corpus)
            found_times[name] = (wall, cpu) if code in READ_ALL[name] else f"failed (exit code {code})"
    return found_times


def alternated(corpus: Path, rounds: int) -> dict[str, list[tuple[float, float]]]:
    """Ratios taken in the same rounds, where the machine's speed moves between minutes: each
    round a cold run of kblint (no cache) then codespell on the Markdown files, and a warm run
    of kblint then typos on the folder. Each pair's (wall, CPU) ratio, round by round."""
    files = markdown_files(corpus)
    found = {name: shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent)) for name in ("codespell", "typos")}
    ratios: dict[str, list[tuple[float, float]]] = {"cold ÷ codespell": [], "warm ÷ typos": []}
    with tempfile.TemporaryDirectory() as cache:
        kblint(["--cache-dir", cache, "--format", "json", "."], corpus)  # fills the cache
        for _ in range(rounds):
            if found["codespell"]:
                _, wall, cpu = kblint(["--no-cache", "--format", "json", "."], corpus)
                ratios["cold ÷ codespell"].append(_ratio((wall, cpu), timed([found["codespell"], *files], corpus)))
            if found["typos"]:
                _, wall, cpu = kblint(["--cache-dir", cache, "--format", "json", "."], corpus)
                ratios["warm ÷ typos"].append(_ratio((wall, cpu), timed([found["typos"], "."], corpus)))
    return {name: pairs for name, pairs in ratios.items() if pairs}


def _ratio(ours: tuple[float, float], theirs: tuple[float, float]) -> tuple[float, float]:
    return ours[0] / max(theirs[0], 1e-9), ours[1] / max(theirs[1], 1e-9)


def print_alternated(rows: list[dict]) -> None:
    print()
    print("| corpus | ratio | rounds | wall, median (range) | CPU, median |")
    print("| --- | --- | ---: | --- | ---: |")
    for row in rows:
        for name, pairs in row.get("alternated", {}).items():
            walls, cpus = [w for w, _ in pairs], [c for _, c in pairs]
            print(f"| {row['corpus']} | {name} | {len(pairs)} | {statistics.median(walls):.2f}× ({min(walls):.2f}–{max(walls):.2f}) | {statistics.median(cpus):.2f}× |")


def print_peers(rows: list[dict]) -> None:
    print()
    print("| corpus | run | wall s | CPU s | kblint cold ÷ it (wall) | (CPU) |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for row in rows:
        print(f"| {row['corpus']} | kblint cold | {row['wall']:.2f} | {row['cpu']:.2f} | | |")
        for name, timing in row.get("peers", {}).items():
            if isinstance(timing, str):
                print(f"| {row['corpus']} | {name} | {timing} | | | |")
                continue
            wall, cpu = timing
            peer = not name.startswith("kblint")
            ratio = f"{row['wall'] / wall:.2f}" if wall and peer else ""
            cpu_ratio = f"{row['cpu'] / cpu:.2f}" if cpu and peer else ""
            print(f"| {row['corpus']} | {name} | {wall:.2f} | {cpu:.2f} | {ratio} | {cpu_ratio} |")


def corpora(folder: Path, only: list[str]) -> list[Path]:
    found = sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    return [p for p in found if not only or p.name in only]


def lint(corpus: Path) -> dict:
    """One corpus: exit code, files, pairs, timings and findings."""
    process, wall, cpu = kblint(["--no-cache", "--format", "json", "."], corpus)
    row: dict = {"corpus": corpus.name, "exit": process.returncode, "wall": round(wall, 2), "cpu": round(cpu, 2)}
    if process.returncode not in (0, 1):
        row.update(files=0, pairs=0, findings=[], error=process.stderr.strip().splitlines()[-1:])
        return row
    data = json.loads(process.stdout)
    row["files"] = data["summary"]["files"]
    row["findings"] = data["findings"]
    row["hint"] = [line for line in process.stderr.splitlines() if "locale_roots" in line]
    table, _, _ = kblint(["translations", "--no-cache", "--format", "json", "."], corpus)
    try:
        rows = json.loads(table.stdout)["translations"]
    except (json.JSONDecodeError, KeyError):
        rows = []
    row["pairs"] = sum(r["translated"] for r in rows)
    row["locales"] = sorted({r["locale"] for r in rows})
    return row


def print_table(rows: list[dict]) -> None:
    rules = sorted({f["name"] for row in rows for f in row["findings"]})
    print("| corpus | exit | files | pairs | wall s | CPU s | findings |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        print(f"| {row['corpus']} | {row['exit']} | {row['files']} | {row['pairs']} | {row['wall']} | {row['cpu']} | {len(row['findings'])} |")
        for line in row.get("error", []) + row.get("hint", []):
            print(f"|  | {line} |")
    print()
    print("| rule | " + " | ".join(row["corpus"] for row in rows) + " |")
    print("| --- |" + " ---: |" * len(rows))
    counts = [Counter(f["name"] for f in row["findings"]) for row in rows]
    for rule in rules:
        print(f"| {rule} | " + " | ".join(str(c.get(rule, 0)) for c in counts) + " |")


def show_line(corpus: Path, path: str, line: int, column: int) -> str:
    try:
        lines = (corpus / path).read_text("utf-8", errors="replace").splitlines()
        text = lines[line - 1]
    except (OSError, IndexError):
        return "    (line not readable)"
    # (A wide character, Chinese or Japanese, takes two columns of a terminal: the caret's
    # padding counts it twice, and a tab as it stands.)
    before = text[: column - 1]
    pad = "".join("\t" if ch == "\t" else "  " if unicodedata.east_asian_width(ch) in "WF" else " " for ch in before)
    return f"    {text}\n    {pad}^"


def print_sample(rows: list[dict], rule: str, count: int, seed: int, folder: Path) -> None:
    for row in rows:
        chosen = [f for f in row["findings"] if rule in (f["name"], f["code"])]
        picked = random.Random(seed).sample(chosen, min(count, len(chosen)))
        print(f"## {row['corpus']}: {len(picked)} of {len(chosen)} {rule} findings\n")
        for f in sorted(picked, key=lambda f: (f["path"], f["line"])):
            print(f"{f['path']}:{f['line']}:{f['column']}: {f['message']}")
            print(show_line(folder / row["corpus"], f["path"], f["line"], f["column"]))
        print()


def changed_lines(diff: str) -> list[tuple[str, str, str]]:
    """(file, line before, line after) of each one-line change of a unified diff; a hunk whose
    removed and added lines differ in number is shown as its first pair."""
    changes, path, removed, added = [], "", [], []

    def flush() -> None:
        changes.extend((path, a, b) for a, b in zip(removed, added) if a != b)
        removed.clear()
        added.clear()

    for line in diff.splitlines():
        if line.startswith("+++ "):
            flush()
            path = re.sub(r"^\+\+\+ (b/)?", "", line)
        elif line.startswith("--- "):
            flush()
        elif line.startswith("-"):
            removed.append(line[1:])
        elif line.startswith("+"):
            added.append(line[1:])
        else:
            flush()
    flush()
    return changes


def print_fixes(folder: Path, rows: list[dict], count: int, seed: int) -> None:
    for row in rows:
        process, _, _ = kblint(["--no-cache", "--diff", "."], folder / row["corpus"])
        changes = changed_lines(process.stdout)
        picked = random.Random(seed).sample(changes, min(count, len(changes)))
        print(f"## {row['corpus']}: {len(picked)} of {len(changes)} lines changed by the safe fixes\n")
        for path, before, after in picked:
            print(f"{path}\n  - {before}\n  + {after}")
        print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a folder with one sub-folder per corpus")
    parser.add_argument("--only", action="append", default=[], help="a corpus's folder name (repeatable)")
    parser.add_argument("--sample", nargs=2, metavar=("RULE", "N"), help="N random findings of RULE")
    parser.add_argument("--fixes", type=int, metavar="N", help="N random lines changed by the safe fixes")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--peers", action="store_true", help="also time kblint warm and on one file, and codespell, typos and markdownlint-cli2")
    parser.add_argument("--markdownlint", help="the markdownlint-cli2 executable (else found on PATH)")
    parser.add_argument("--rounds", type=int, default=0, metavar="N", help="also N alternated rounds of kblint cold and codespell, kblint warm and typos: the ratios round by round")
    parser.add_argument("--json", type=Path, help="write the rows, findings included, to this file")
    args = parser.parse_args()
    compile_checkout()
    folder = args.folder.resolve()
    rows = [lint(corpus) for corpus in corpora(folder, args.only)]
    if args.peers:
        markdownlint = args.markdownlint or shutil.which("markdownlint-cli2")
        for row in rows:
            row["peers"] = {**warm_times(folder / row["corpus"]), **peers(folder / row["corpus"], markdownlint)}
    for row in rows if args.rounds > 0 else []:
        row["alternated"] = alternated(folder / row["corpus"], args.rounds)
    if args.sample:
        print_sample(rows, args.sample[0], int(args.sample[1]), args.seed, folder)
    elif args.fixes:
        print_fixes(folder, rows, args.fixes, args.seed)
    else:
        print_table(rows)
        if args.peers:
            print_peers(rows)
        print_alternated(rows)
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
