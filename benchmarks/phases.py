"""Where a cold run's time goes: each phase of the pipeline timed on its own, in one process.

    python benchmarks/phases.py /path/to/corpus     # or: python benchmarks/run.py --profile

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
    config_file = next((root / name for name in ("kblint.yaml", ".kblint.yaml") if (root / name).exists()), None)
    config = load_config(config_file, root)
    registry = Registry([*builtin_rules(), *load_packs(config.packs)])
    selected = registry.select(config.select, config.ignore, config.extend_select)
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


def main() -> None:
    root = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else Path.cwd()
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
