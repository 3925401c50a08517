"""Time kblint against its peers on the same synthetic knowledge base.

    python benchmarks/run.py --articles 20000            # generates the corpus, prints a table
    python benchmarks/run.py --corpus /tmp/kb --runs 5
    python benchmarks/run.py --articles 2000 --profile   # where kblint's time goes
    python benchmarks/run.py --articles 20000 --real CORPORA   # and on real sites (realworld.py)

Each command runs several times; the table shows the median and the range of wall-clock
seconds, the median CPU seconds (user and system, children included: on a shared machine CPU
time is steadier than wall time) and the peak resident memory of the process tree's largest
member (from wait4).
Peers run when installed: codespell and typos (pip), markdownlint-cli2 (npm; found on PATH or
with --markdownlint). Exit codes of linters that find problems are expected and ignored.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402


def measure(command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user and system, the process's and its children's: a cold run's
    workers, git) and peak memory (MiB) of one run."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def series(label: str, command: list[str], cwd: Path, runs: int, before=None, env=None) -> dict:
    times, cpus, peaks = [], [], []
    for _ in range(runs):
        if before:
            before()
        elapsed, cpu, peak = measure(command, cwd, env)
        times.append(elapsed)
        cpus.append(cpu)
        peaks.append(peak)
    return {"label": label, "median": statistics.median(times), "min": min(times), "max": max(times), "cpu": statistics.median(cpus), "peak": max(peaks)}


def machine() -> str:
    cpus = os.cpu_count()
    try:
        model = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        model = platform.processor() or "unknown CPU"
    memory = ""
    try:
        kib = int(next(l.split()[1] for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal")))
        memory = f", {kib / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    return f"{platform.system()} {platform.machine()}, {cpus} cores ({model}){memory}, Python {platform.python_version()}"


def corpus_size(root: Path) -> tuple[int, float]:
    files = list(root.rglob("*.md"))
    return len(files), sum(f.stat().st_size for f in files) / 1024 / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--corpus", type=Path, help="an existing corpus instead of a generated one")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--markdownlint", help="the markdownlint-cli2 executable")
    parser.add_argument("--markdownlint-articles", type=int, default=0, help="lint only this many articles with markdownlint-cli2 and scale its time (0: all of them)")
    parser.add_argument("--markdownlint-runs", type=int, default=1, help="runs of markdownlint-cli2 (it is slow)")
    parser.add_argument("--real", type=Path, help="a folder of real corpora (see benchmarks/realworld.py): time kblint and its peers on each too")
    parser.add_argument("--shapes", choices=("real", "plain"), default="real", help="the generated articles' constructs (benchmarks/generate.py)")
    parser.add_argument("--profile", action="store_true", help="time each phase of a cold run in one process (benchmarks/phases.py)")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="kblint-bench-"))
    root = args.corpus or workdir / "kb"
    if args.corpus is None:
        print(f"generating {args.articles} articles in {root} ...", file=sys.stderr)
        generate(root, args.articles, shapes=args.shapes)
    count, megabytes = corpus_size(root)
    one = sorted(root.rglob("*.md"))[count // 2]
    cache = workdir / "cache"
    # The peers write their findings to standard output; so does kblint (--statistics keeps the
    # output short: the time measured is the linting, not the terminal).
    kblint = [sys.executable, "-m", "kblint", "--quiet", "--statistics", "--cache-dir", str(cache)]
    env = {**os.environ}
    if (HERE.parent / "kblint").is_dir():
        env["PYTHONPATH"] = str(HERE.parent) + os.pathsep + env.get("PYTHONPATH", "")

    # pip byte-compiles a package it installs; an editable install compiles on first import,
    # unless the environment says not to (PYTHONDONTWRITEBYTECODE). Compile once here, so that
    # no timed run pays for compiling kblint's source.
    compile_kblint = "import compileall, os, kblint; compileall.compile_dir(os.path.dirname(kblint.__file__), quiet=1)"
    subprocess.run([sys.executable, "-c", compile_kblint], env=env, check=False)

    if args.profile:
        subprocess.run([sys.executable, str(HERE / "phases.py"), str(root)], env=env, check=False)
        return

    def clear_cache() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    rows = [series("kblint, cold (no cache, all cores)", kblint + ["."], root, args.runs, clear_cache, env)]
    rows.append(series("kblint, warm (unchanged corpus)", kblint + ["."], root, args.runs, None, env))
    rows.append(series("kblint, one file, warm", kblint + [str(one.relative_to(root))], root, args.runs, None, env))
    report = [sys.executable, "-m", "kblint", "report", "--quiet", "--cache-dir", str(cache), "-o", str(workdir / "kb-health.html"), "."]
    rows.append(series("kblint report (HTML page), warm", report, root, args.runs, None, env))

    original = one.read_bytes()
    edits = iter(range(1, 1000))

    def change_one() -> None:
        one.write_bytes(original + b"\n" * next(edits))  # a new content each run

    try:
        rows.append(series("kblint, one changed file, warm", kblint + [str(one.relative_to(root))], root, args.runs, change_one, env))
    finally:
        one.write_bytes(original)
    rows.append(series("kblint, cold, one process", kblint + ["--jobs", "1", "."], root, 1, clear_cache, env))
    for name, command in (("codespell", ["codespell", "."]), ("typos", ["typos", "."])):
        found = shutil.which(command[0]) or (shutil.which(command[0], path=str(Path(sys.executable).parent)))
        if found:
            rows.append(series(f"{name} (spelling only)", [found, *command[1:]], root, args.runs))
        else:
            print(f"{name}: not installed, skipped", file=sys.stderr)
    markdownlint = args.markdownlint or shutil.which("markdownlint-cli2")
    if markdownlint and args.markdownlint_articles:
        subset = sorted(root.rglob("*.md"))[: args.markdownlint_articles]
        listing = workdir / "subset"
        for path in subset:
            target = listing / path.relative_to(root)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
        row = series(f"markdownlint-cli2 ({len(subset)} articles)", [markdownlint, "**/*.md"], listing, args.markdownlint_runs)
        rows.append(row)
        scale = count / len(subset)
        rows.append({"label": f"markdownlint-cli2, scaled to {count} articles", "median": row["median"] * scale, "min": row["min"] * scale, "max": row["max"] * scale, "cpu": row["cpu"] * scale, "peak": float("nan")})
    elif markdownlint:
        rows.append(series("markdownlint-cli2 (Markdown style only)", [markdownlint, "**/*.md"], root, args.markdownlint_runs))
    else:
        print("markdownlint-cli2: not installed, skipped", file=sys.stderr)

    print(f"Corpus: {count} articles, {megabytes:.0f} MiB. Machine: {machine()}. Runs: {args.runs} (median).")
    print()
    print("| Command | Median s | Min–max s | CPU s | Peak MiB |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for row in rows:
        peak = "–" if row["peak"] != row["peak"] else f"{row['peak']:.0f}"
        print(f"| {row['label']} | {row['median']:.2f} | {row['min']:.2f}–{row['max']:.2f} | {row['cpu']:.2f} | {peak} |")
    shutil.rmtree(workdir, ignore_errors=True)
    if args.real:
        # The same runs on real docs sites, each beside the peers (benchmarks/realworld.py).
        # --rounds: the ratios to codespell and typos also taken run beside run (steadier).
        command = [sys.executable, str(HERE / "realworld.py"), str(args.real), "--peers", "--rounds", str(args.runs)]
        subprocess.run(command + (["--markdownlint", markdownlint] if markdownlint else []), env=env, check=False)


if __name__ == "__main__":
    main()
