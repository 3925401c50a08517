"""Where a cold run's time goes: each phase of the pipeline timed on its own, in one process.

    python benchmarks/phases.py /path/to/corpus     # or: python benchmarks/run.py --profile
    python benchmarks/phases.py --stages /path/to/corpus   # CPU a file by stage, beside codespell's

Every phase runs over all the corpus's files several times and the fastest pass counts, with
the garbage collector paused as kblint pauses it. A profiler would distort the picture (its
overhead is per call, and parsing makes many small calls); the timings of these phases add
up to about what one process spends on a cold run, less reading, hashing and the cache.
"""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
if (HERE.parent / "kblint").is_dir():
    sys.path.insert(0, str(HERE.parent))

from kblint.run.settings import load_config
from kblint.corpus.corpus import Corpus  # noqa: E402
from kblint.kb.discover import discover_files, relative_to  # noqa: E402
from kblint.kb.document import build_document  # noqa: E402
from kblint.formats.frontmatter import parse_front_matter  # noqa: E402
from kblint.formats.markdown import parse_markdown
from kblint.model.body import JoinedProse  # noqa: E402
from kblint.rules.packs import load_packs
from kblint.kb.references import extract_references  # noqa: E402
from kblint.rules.registry import Registry, builtin_rules
from kblint.corpus.summary import summarize  # noqa: E402
from kblint.model.text import LineIndex, decode  # noqa: E402
from kblint.kb.words import find_prose_words  # noqa: E402


def fastest(work: Callable[[], object], passes: int) -> float:
    times = []
    for _ in range(passes):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def phases(root: Path, passes: int = 3) -> list[tuple[str, float]]:
    config, selected = _configured(root)
    files = [(Path(p), relative_to(p, config.root), Path(p).read_bytes()) for p in discover_files([root], config.root, config.exclude)]
    docs = [build_document(path, relpath, data, config) for path, relpath, data in files]  # also warms lazy tables
    texts = [decode(data).text for _, _, data in files]
    indexes = [LineIndex(text) for text in texts]
    bodies = [parse_front_matter(text, index).body_line for text, index in zip(texts, indexes)]

    gc.disable()
    rows = [
        ("Parsing (build_document)", fastest(lambda: [build_document(p, r, d, config) for p, r, d in files], passes)),
        ("— Markdown: block scanner or mistune, and positions", fastest(lambda: [parse_markdown(t, i, b) for t, i, b in zip(texts, indexes, bodies)], passes)),
        ("— reference extraction", fastest(lambda: [extract_references(d.body, config, d.relpath, d.identity) for d in docs], passes)),
        ("— front matter", fastest(lambda: [parse_front_matter(t, i) for t, i in zip(texts, indexes)], passes)),
    ]

    def shared_prose() -> None:
        for doc in docs:
            doc.joined_prose = JoinedProse.of(doc.prose)  # the title's and description's too, as the document joins them
            doc.prose_words = find_prose_words(doc.joined_prose)

    # Made once per article and shared; the rules below are timed with them in place.
    rule_rows = [("— joined prose and its words (shared by several rules)", fastest(shared_prose, passes))]
    for rule in selected:
        if rule.check is None:
            continue

        def run_rule(rule=rule) -> None:
            for doc in docs:
                if rule.applies_to(doc.locale):
                    list(rule.check(doc, config))

        rule_rows.append((f"— {rule.name}", fastest(run_rule, passes)))
    rule_rows.sort(key=lambda row: -row[1])
    rows.append(("Per-document rules", sum(seconds for _, seconds in rule_rows)))
    rows.extend(row for row in rule_rows if row[1] >= 0.01)
    summaries = [summarize(doc, config) for doc in docs]
    rows.append(("Summaries for corpus rules", fastest(lambda: [summarize(d, config) for d in docs], passes)))
    corpus_rules = [r for r in selected if r.check_corpus is not None]
    relpaths = [relpath for _, relpath, _ in files]

    def run_corpus() -> None:
        corpus = Corpus(summaries, relpaths, config.source_locale, None, None)
        for rule in corpus_rules:
            if rule.name != "translation-outdated":  # needs git history, not timed here
                list(rule.check_corpus(corpus, config))

    rows.append(("Corpus rules", fastest(run_corpus, passes)))
    gc.enable()
    return rows


STAGES = ("read", "parse", "rules", "summary", "send")


def stages(root: Path) -> tuple[int, dict[str, float]]:
    """CPU seconds by stage of linting every article of ``root`` once, as a worker lints it:
    reading, parsing into a Document, the per-document rules, the summary (with the facts of
    translation pairs only for the articles guessed to be in one, as a run leaves them out),
    and pickling the result there and back, as a worker sends it to the parent. Returns the
    number of articles and the seconds by stage."""
    import pickle

    from kblint.corpus.contributed import facts_of
    from kblint.kb.identity import paired_by_path
    from kblint.run.article import FileResult, process_file, read_bytes

    config, selected = _configured(root)
    paths = discover_files([root], config.root, config.exclude)
    relpaths = [relative_to(p, config.root) for p in paths]
    paired = paired_by_path(relpaths, config)
    wanted = facts_of(selected)
    for path, relpath in list(zip(paths, relpaths))[:10]:
        process_file(Path(path), relpath, config, selected, True)  # what a first article loads
    seconds = dict.fromkeys(STAGES, 0.0)
    clock = time.process_time
    gc.disable()
    for path, relpath in zip(paths, relpaths):
        started = clock()
        data = read_bytes(Path(path), config.max_file_size)
        read = clock()
        if isinstance(data, OSError):
            continue
        doc = build_document(Path(path), relpath, data, config)
        parsed = clock()
        findings = [f for rule in selected if rule.check is not None and rule.applies_to(doc.locale) for f in rule.check(doc, config)]
        checked = clock()
        summary = summarize(doc, config, wanted, left_out=paired is not None and relpath not in paired)
        summarized = clock()
        pickle.loads(pickle.dumps(FileResult(relpath, findings, summary, "-"), pickle.HIGHEST_PROTOCOL))
        sent = clock()
        for stage, (begin, end) in zip(STAGES, ((started, read), (read, parsed), (parsed, checked), (checked, summarized), (summarized, sent))):
            seconds[stage] += end - begin
    gc.enable()
    return len(paths), seconds


def _configured(root: Path):
    config_file = next((root / name for name in ("kblint.yaml", ".kblint.yaml") if (root / name).exists()), None)
    config = load_config(config_file, root)
    registry = Registry([*builtin_rules(), *load_packs(config.packs)])
    return config, registry.select(config.select, config.ignore, config.extend_select)


def codespell_cpu(root: Path) -> float | None:
    """CPU seconds of codespell's run on the same Markdown files, if it is installed."""
    import os
    import shutil
    import subprocess

    found = shutil.which("codespell") or shutil.which("codespell", path=str(Path(sys.executable).parent))
    if found is None:
        return None
    config = load_config(None, root)
    before = os.times()
    subprocess.run([found, *discover_files([root], config.root, config.exclude)], capture_output=True, check=False)
    after = os.times()
    return (after.children_user - before.children_user) + (after.children_system - before.children_system)


def print_stages(root: Path) -> None:
    count, seconds = stages(root)
    total = sum(seconds.values())
    print(f"{count} articles in {root}; CPU by stage, one process, each article once")
    print()
    print("| CPU a file | " + " | ".join(STAGES) + " | kblint's per-file CPU ÷ codespell's CPU |")
    print("| ---: | " + " | ".join("---:" for _ in STAGES) + " | ---: |")
    peer = codespell_cpu(root)
    ratio = f"{total / peer:.2f}×" if peer else "codespell not found"
    shares = " | ".join(f"{seconds[stage] / total * 100:.0f} %" for stage in STAGES)
    print(f"| {total / max(count, 1) * 1000:.2f} ms | {shares} | {ratio} |")


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=Path.cwd(), help="the corpus (default: the working directory)")
    parser.add_argument("--stages", action="store_true", help="CPU a file by stage, beside codespell's")
    args = parser.parse_args()
    root = args.corpus.resolve()
    if args.stages:
        print_stages(root)
        return
    rows = phases(root)
    total = rows[0][1] + next(s for name, s in rows if name == "Per-document rules")
    total += next(s for name, s in rows if name == "Summaries for corpus rules") + rows[-1][1]
    print(f"{len(list(root.rglob('*.md')))} files in {root}; fastest of 3 passes, one process")
    print()
    print("| Phase | Seconds | Share |")
    print("| --- | ---: | ---: |")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.2f} | {seconds / total * 100:.0f} % |")


if __name__ == "__main__":
    main()
