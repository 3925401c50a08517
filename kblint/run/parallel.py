"""Parsing and per-document rules over all cores.

Files go to a process pool in chunks; each worker returns compact results (findings and the
article summary), never ASTs, and the corpus rules run once in the parent. Small runs stay in
one process: starting a pool costs more than it saves on a few hundred short files.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Callable

from kblint.model.config import Config
from kblint.kb.discover import relative_to
from kblint.run.article import FileResult, process_file, reading_order
from kblint.model.text import has_surrogates
from kblint.rules.api import Rule
from kblint.corpus.summary import Summary

PARALLEL_THRESHOLD = 300  # files to parse before a pool pays for itself
PARALLEL_BYTES = 512 * 1024  # or bytes, for fewer files that are long
POOL_MIN_FILES = 24  # but never fewer files than this
CHUNK = 48  # files a worker takes at a time, at most
MIN_CHUNK = 4  # and at least (but for the last): see chunked

_STATE: tuple[Config, list[Rule], str | None] | None = None


def _exit_with_parent(parent: int) -> None:
    """End this worker when the run that started it is gone (killed with SIGKILL, it cannot
    stop its pool): an orphaned worker would otherwise wait for work forever."""
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="kblint-parent-watch", daemon=True).start()


def _initialize(config: Config, codes: list[str], database: str | None, parent: int) -> None:
    global _STATE
    from kblint.run import memory

    _exit_with_parent(parent)

    memory.worker()
    from kblint.rules.packs import load_packs
    from kblint.rules.registry import Registry, builtin_rules

    registry = Registry([*builtin_rules(), *load_packs(config.packs, config.memo_folder)])
    _STATE = (config, [registry.get(code) for code in codes], database)
    if database is not None:
        from multiprocessing.util import Finalize

        Finalize(None, _flush, exitpriority=10)  # what is still pending when the worker ends


# Cache rows a worker has made and not written yet: written a few hundred at a time, in
# transactions of their own (fewer transactions, fewer waits on the other worker's lock).
_PENDING: list[tuple] = []
FLUSH_ROWS = 400


def _flush() -> None:
    if _PENDING and _STATE is not None and _STATE[2] is not None:
        from kblint.store.cache import write_rows

        write_rows(Path(_STATE[2]), list(_PENDING))  # a failure costs a warm run, no findings
        _PENDING.clear()


def _work(chunk: list[tuple[str, bool, tuple | None, bool | str]]) -> list[FileResult]:
    assert _STATE is not None
    config, rules, database = _STATE
    results = []
    for p, target, stat, facts in chunk:
        result = process_file(Path(p), relative_to(p, config.root), config, rules, target, facts=facts)
        if database is not None and result.content_hash is not None and not result.errors and not has_surrogates(result.relpath):
            from kblint.store.cache import row_values

            values = row_values(result.findings if target else None, result.summary)
            # Written by this worker (which keeps the parent, that cannot run in parallel, free).
            _PENDING.append((result.relpath, stat, result.content_hash, values))
            result.cache_values = ()
            if values.details is not None:
                # The summary travels as the JSON its cache row holds: a string costs nothing
                # to send, where pickling the objects cost this worker more than the parent
                # spends decoding it.
                result.summary, result.summary_json = None, values.details
        results.append(result)
    if len(_PENDING) >= FLUSH_ROWS:
        _flush()
    return results


def first_of_each_locale(paths: list[str], config: Config) -> dict[str, int]:
    """The locales of ``paths``, judged from the paths of up to 200 of them, each with the
    index of its first path in that sample (in the order met)."""
    from kblint.kb.identity import resolve

    step = max(1, len(paths) // 200)
    firsts: dict[str, int] = {}
    for i in range(0, len(paths), step):
        firsts.setdefault(resolve(relative_to(paths[i], config.root), {}, config).locale, i)
    return firsts


def prepare_shared(config: Config, rules: list[Rule], locales: set[str]) -> list[Callable[[], None]]:
    """What rules and facts make once per process for ``locales`` (see first_of_each_locale),
    made here before the workers are forked: they share it. A locale the sample misses costs
    only that: its workers make it for themselves. Returns the waits of what prepares left
    running in threads: they must all be called before a fork."""
    from kblint.corpus.contributed import facts_of

    waits = []
    # The facts' first: the language identifier's starts a thread, that loads it while the
    # rules' prepares run.
    for prepare in [f.prepare for f in facts_of(rules) if f.prepare is not None] + [r.prepare for r in rules if r.prepare is not None]:
        wait = prepare(locales, config)
        if wait is not None:
            waits.append(wait)
    return waits


WARM_UP_FILES = 4


def warm_up_items(firsts: dict[str, int]) -> list[int]:
    """The indexes of a few paths (the first of each locale, at most WARM_UP_FILES of them)
    that the parent lints itself before the workers fork: what the rules load or compile the
    first time they meet an article (the spelling dictionary, the mojibake detector, patterns)
    is then made once and shared, not once in every worker."""
    return sorted(list(firsts.values())[:WARM_UP_FILES])


def chunked(items: list, workers: int) -> list[list]:
    """``items`` in chunks for ``workers``, in order: CHUNK at a time while many are left, then
    smaller ones (a quarter of each worker's share of what is left), so that the workers end
    together rather than one waiting for another's last long chunk."""
    chunks, start = [], 0
    while start < len(items):
        size = max(MIN_CHUNK, min(CHUNK, (len(items) - start) // (workers * 4)))
        chunks.append(items[start : start + size])
        start += size
    return chunks


def _one_by_one(
    items: list[tuple[Path | str, bool]],
    config: Config,
    rules: list[Rule],
    facts: list[bool | str],
    advance: Callable[[int], None] | None,
    seen: Callable[[list[FileResult]], None] | None,
) -> list[FileResult]:
    """``process_files`` in this process."""
    results: list[FileResult | None] = [None] * len(items)
    for i in reading_order([p for p, _ in items]):
        path, target = items[i]
        results[i] = result = process_file(Path(path), relative_to(path, config.root), config, rules, target, facts=facts[i])
        if seen:
            seen([result])
        if advance:
            advance(1)
    return results  # type: ignore[return-value]  (every item has its result)


def process_files(
    items: list[tuple[Path | str, bool]],
    config: Config,
    rules: list[Rule],
    workers: int,
    advance: Callable[[int], None] | None = None,
    database: Path | None = None,
    stats: list | None = None,
    facts: list[bool | str] | None = None,
    seen: Callable[[list[FileResult]], None] | None = None,
) -> list[FileResult]:
    """``process_file`` for every (path, is_target) item, in order; ``facts`` says, item by
    item, whether its summary has the facts of translation pairs (all do when None; a locale:
    unless the article is in it, see process_file); ``seen`` is shown the results as they come."""
    facts = facts or [True] * len(items)
    if workers <= 1 or len(items) < 2:
        return _one_by_one(items, config, rules, facts, advance, seen)
    # Imported here: a run that serves every file from the cache starts no pool (15 ms).
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    stats = stats or [None] * len(items)
    warmed: dict[int, FileResult] = {}
    if context.get_start_method() == "fork":
        firsts = first_of_each_locale([str(p) for p, _ in items], config)
        waits = prepare_shared(config, rules, set(firsts))
        for i in warm_up_items(firsts):
            path, target = items[i]
            warmed[i] = process_file(Path(path), relative_to(path, config.root), config, rules, target, facts=facts[i])
        for wait in waits:
            wait()  # no thread may run at the fork
        if seen and warmed:
            seen(list(warmed.values()))
        if advance and warmed:
            advance(len(warmed))
    left = [i for i in reading_order([p for p, _ in items]) if i not in warmed]
    chunks = chunked([(str(items[i][0]), items[i][1], stats[i], facts[i]) for i in left], workers)
    results: list[FileResult | None] = [None] * len(items)
    done = iter(left)
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_initialize, initargs=(config, [r.code for r in rules], str(database) if database else None, os.getpid())) as pool:
        for chunk_results in pool.map(_work, chunks):
            for result in chunk_results:
                if result.summary_json is not None:
                    result.summary, result.summary_json = Summary.from_json(json.loads(result.summary_json)), None
                results[next(done)] = result
            if seen:
                seen(chunk_results)
            if advance:
                advance(len(chunk_results))
    for i, result in warmed.items():
        results[i] = result
    return results  # type: ignore[return-value]  (every item has its result)
