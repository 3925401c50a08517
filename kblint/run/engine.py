"""The one-way pipeline: discover → load + parse → per-document rules → corpus rules →
suppressions, severities → sorted findings."""

from __future__ import annotations

import fnmatch
import functools
import gc
import os
import posixpath
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from kblint.model.config import Config
from kblint.corpus.corpus import Corpus
from kblint.kb.discover import discover_files, relative_to
from kblint.kb.document import Suppressions
from kblint.model.finding import Finding, Severity
from kblint.rules.api import Rule
from kblint.run.article import FileResult, guard, process_file, read_bytes

if TYPE_CHECKING:
    from kblint.store.cache import Cache


@dataclass
class RunResult:
    findings: list[Finding]
    files: int  # files linted (the targets)
    corpus: Corpus | None = None
    digests: dict[str, str] | None = None  # relpath -> the content hash of what was linted


# Up to this many target files, each one's cached findings are read on its own; past it, all
# at once (one query beats thousands; a pre-commit run of a few files reads only theirs).
_FINDINGS_READ_ONE_BY_ONE = 200


def _corpus_files(targets: list[str], target_assets: list[str], paths: list[Path], config: Config) -> tuple[list[str], list[str]]:
    """The files corpus rules see, and the other files beside them (link targets): the whole
    knowledge base when it is known (a configuration file, or single files given as
    pre-commit does), else the paths given."""
    if config.file is not None or any(p.is_file() for p in paths):
        if [os.path.realpath(p) for p in paths] == [os.path.realpath(config.root)]:  # realpath: no error on a loop
            return targets, target_assets  # the root itself was linted: no second walk
        assets: list[str] = []
        return discover_files([config.root], config.root, config.exclude, assets), assets
    return targets, target_assets


def apply_policy(findings: Iterable[Finding], config: Config, suppressions: dict[str, Suppressions]) -> list[Finding]:
    """Inline suppressions, per-path ignores and configured severities."""
    result = []
    for finding in findings:
        sup = suppressions.get(finding.path)
        if sup is not None and sup.covers(finding.name, finding.code, finding.line):
            continue
        if any(
            (fnmatch.fnmatch(finding.path, pattern) or finding.path.startswith(pattern.rstrip("/") + "/"))
            and (finding.name in rules or finding.code in rules or "*" in rules)
            for pattern, rules in config.per_path_ignores.items()
        ):
            continue
        level = config.severity.get(finding.name) or config.severity.get(finding.code)
        if level == "off":
            continue
        if level:
            finding = finding.with_severity(Severity(level))
        result.append(finding)
    return result


def _suppressions_of(data: dict) -> Suppressions:
    return Suppressions(set(data.get("whole_file", ())), [tuple(r) for r in data.get("ranges", ())])


def _collector_paused(function: Callable[..., RunResult]) -> Callable[..., RunResult]:
    """Python's cyclic garbage collector is paused while kblint lints: its documents,
    summaries and findings hold no reference cycles (reference counting frees them), and the
    collector's repeated passes over tens of thousands of live results cost a tenth of a cold
    run. Worker processes inherit the pause. Afterwards the survivors are frozen (left out of
    later collections) before the collector resumes: its first pass would otherwise walk every
    object the run allocated."""

    @functools.wraps(function)
    def paused(*args, **kwargs) -> RunResult:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if enabled:
                gc.freeze()
                gc.enable()

    return paused


@dataclass
class Collected:
    """Every file a run looks at, with its results: the targets first, then the other articles
    corpus rules read (``jobs`` pairs each path with whether it is a target)."""

    jobs: list[tuple[str, bool]]
    relpaths: list[str]
    results: list[FileResult | None]
    digests: list[str | None]
    targets: list[str]
    corpus_files: list[str]
    assets: list[str]  # other files of the knowledge base (link targets), absolute
    process: Callable[[list[int]], None]  # (re)parses the files at these indexes

    @property
    def target_relpaths(self) -> set[str]:
        return set(self.relpaths[: len(self.targets)])  # jobs list the targets first


def collect(
    paths: list[Path],
    config: Config,
    rules: list[Rule],
    overlay: dict[str, bytes] | None = None,
    cache: "Cache | None" = None,
    workers: int = 1,
    progress: Callable[[int], Callable[[int], None] | None] | None = None,
    min_parallel: int | None = None,
    cached_findings: bool = True,
) -> Collected:
    """Discover ``paths`` (and, for corpus rules, the rest of the knowledge base), and parse
    and lint each file that the cache does not serve (see ``run`` for the arguments). Without
    ``cached_findings`` the findings the cache holds are not read (a caller that wants the
    summaries only)."""
    from kblint.store.cache import Cache, content_hash

    corpus_rules = [r for r in rules if r.check_corpus is not None]
    target_assets: list[str] = []
    # Strings: no Path per file. The other files met on the way are link targets.
    unlisted: dict[str, OSError] = {}  # folders that cannot be listed: reported, not skipped
    targets = discover_files(paths, config.root, config.exclude, target_assets if corpus_rules else None, unlisted)
    corpus_files, assets = _corpus_files(targets, target_assets, paths, config) if corpus_rules else ([], [])
    target_set = set(targets)
    jobs = [(p, True) for p in targets] + [(p, False) for p in corpus_files if p not in target_set]
    relpaths = [relative_to(p, config.root) for p, _ in jobs]
    overlay = overlay or {}
    # The files an overlay stands in for are linted from it and never stored (the cache would
    # otherwise serve the overlay's results for what is on disk); the others are served as ever.
    use_cache = cache is not None
    from kblint.lang.chinese import keep_views_in

    keep_views_in(cache if use_cache else None)  # what the Chinese rules make of OpenCC's tables

    results: list[FileResult | None] = [None] * len(jobs)
    stats: list[tuple[int, int] | None] = [None] * len(jobs)
    digests: list[str | None] = [None] * len(jobs)
    todo: list[int] = []
    if use_cache and cached_findings and len(targets) > _FINDINGS_READ_ONE_BY_ONE:
        cache.load_findings()
    for i, (path, is_target) in enumerate(jobs):
        if not use_cache or (overlay and str(path) in overlay):
            todo.append(i)
            continue
        stats[i] = Cache.stat_key(path)
        entry = cache.lookup(relpaths[i], stats[i])
        if entry is None and relpaths[i] in cache.index:
            data = read_bytes(path, config.max_file_size)  # changed size or time: the same content still counts
            if isinstance(data, bytes):
                entry = cache.lookup(relpaths[i], stats[i], content_hash(data))
        findings = cache.findings_of(relpaths[i], entry) if entry is not None and is_target and cached_findings else []
        # Suppressions apply to the findings of targets only (the others' are not reported).
        suppressed = (Cache.suppressed_of(entry) if is_target else _NONE_READ) if entry is not None else None
        if entry is None or findings is None or suppressed is None:
            todo.append(i)  # not cached, or a row this version cannot read: lint it
            continue
        digests[i] = entry[2]
        # The summary comes later, and only if corpus rules have to run.
        results[i] = FileResult(relpaths[i], findings, None, content_hash=entry[2], cached=True, suppressed=suppressed)

    if use_cache:
        cache.release_all_findings()  # read where needed; the rest stays in the database

    def process(indexes: list[int]) -> None:
        advance = progress(len(indexes)) if progress else None
        threshold = _parallel_threshold() if min_parallel is None else min_parallel
        if overlay or workers <= 1 or len(indexes) < threshold:
            for i in indexes:
                path, is_target = jobs[i]
                results[i] = process_file(
                    Path(path), relpaths[i], config, rules, is_target, overlay.get(str(path))
                )
                if advance:
                    advance(1)
        else:
            from kblint.run.parallel import process_files

            items = [jobs[i] for i in indexes]
            database = cache.path if use_cache and cache.db is not None else None
            produced = process_files(items, config, rules, workers, advance, database, [stats[i] for i in indexes])
            for i, result in zip(indexes, produced):
                results[i] = result
        for i in indexes:
            result = results[i]
            digests[i] = result.content_hash if result is not None else None
            if use_cache and result is not None and result.content_hash is not None and result.cache_values != () and str(jobs[i][0]) not in overlay:
                cache.store(
                    relpaths[i], stats[i], result.content_hash, result.findings if jobs[i][1] else None, result.summary, result.cache_values
                )

    if todo:
        process(todo)
    if unlisted:
        from kblint.rules.unreadable_file import RULE as UNREADABLE

        for folder, error in sorted(unlisted.items()):
            relpath = relative_to(folder, config.root)
            reason = error.strerror or type(error).__name__
            jobs.append((folder, True))
            relpaths.append(relpath)
            digests.append(None)
            message = f"folder cannot be listed: {reason}: the files in it are not linted"
            results.append(FileResult(relpath, [UNREADABLE.finding_at(relpath, 1, 1, message)], None))
    return Collected(jobs, relpaths, results, digests, targets, corpus_files, assets, process)


@_collector_paused
def run(
    paths: list[Path],
    config: Config,
    rules: list[Rule],
    overlay: dict[str, bytes] | None = None,
    cache: "Cache | None" = None,
    workers: int = 1,
    progress: Callable[[int], Callable[[int], None] | None] | None = None,
    min_parallel: int | None = None,
    build_corpus: bool = False,
    forget_missing: bool = True,
) -> RunResult:
    """Lint ``paths`` (absolute). Findings carry paths relative to the knowledge base root.

    ``overlay`` maps absolute paths to content that stands in for the file's (``--diff``);
    ``cache`` serves unchanged files; ``workers`` > 1 parses in a process pool; ``progress``,
    given the number of files to parse, returns a callback to advance a progress display;
    ``build_corpus`` makes the corpus even when the cache holds the corpus rules' findings
    (for reports that read it); without ``forget_missing`` the cache keeps the rows of files
    that are not there (a run over another version of the knowledge base)."""
    collected = collect(paths, config, rules, overlay, cache, workers, progress, min_parallel)
    return finish(collected, config, rules, cache, build_corpus, forget_missing)


@_collector_paused
def finish(
    collected: Collected,
    config: Config,
    rules: list[Rule],
    cache: "Cache | None" = None,
    build_corpus: bool = False,
    forget_missing: bool = True,
) -> RunResult:
    """What ``run`` does once the files are collected: corpus rules, suppressions and
    severities, sorted findings (a session that collected the whole knowledge base with its
    cached findings finishes a batch run without collecting again)."""
    use_cache = cache is not None
    jobs, relpaths, results, digests = collected.jobs, collected.relpaths, collected.results, collected.digests
    target_rel = collected.target_relpaths
    findings: list[Finding] = []
    for result in results:
        assert result is not None
        findings.extend(result.findings)

    corpus = None
    corpus_rules = [r for r in rules if r.check_corpus is not None]
    if corpus_rules:
        asset_paths = [relative_to(a, config.root) for a in collected.assets]
        corpus, corpus_findings = _run_corpus_rules(
            jobs, relpaths, results, digests, target_rel, config, corpus_rules, cache if use_cache else None, collected.process,
            asset_paths, build_corpus,
        )
        findings.extend(corpus_findings)
    if use_cache:
        cache.save()
        if collected.corpus_files and config.file is not None and forget_missing:
            # The whole knowledge base was walked: rows of files that are gone can go too.
            cache.forget_missing(set(relpaths))

    # Suppressions are part of every summary, identities included.
    with_findings = {f.path for f in findings} & target_rel
    position = {relpath: i for i, relpath in enumerate(relpaths)}
    suppressions = {}
    for relpath in with_findings:
        result = results[position[relpath]]
        if result is None:
            continue
        if result.summary is not None and result.summary.suppressed:
            suppressions[relpath] = result.summary.suppressed
        elif result.summary is None and result.suppressed:
            suppressions[relpath] = result.suppressed
    findings = apply_policy(findings, config, {k: _suppressions_of(v) for k, v in suppressions.items()})
    findings.sort(key=Finding.sort_key)
    return RunResult(findings, len(collected.targets), corpus, {r: d for r, d in zip(relpaths, digests) if d})


def _run_corpus_rules(jobs, relpaths, results, digests, target_rel, config, corpus_rules, cache, process, assets, build_corpus=False):
    """Corpus rules over complete summaries of the checked articles (and the sources of the
    checked translations) and identities of all the others; cached as a whole when no file
    changed."""
    import hashlib

    from kblint.kb.redirects import load_redirects, map_files

    checked = None if len(target_rel) == len(jobs) else set(target_rel)
    maps = map_files(config, assets)
    map_bytes = {name: read_bytes(config.root / name) for name, _ in maps}
    redirects = load_redirects(config, maps, map_bytes.__getitem__) if maps else None
    reported = set(target_rel)
    if redirects is not None and checked is None:
        reported.update(redirects.files)  # a whole run checks the maps too
    needs_all = any(r.needs_all_details for r in corpus_rules)
    history_token = ""
    wants_history = config.git_history and any(r.name == "translation-outdated" for r in corpus_rules)
    if wants_history:
        from kblint.kb.history import head_token

        history_token = head_token(config.root) + (head_token(config.source_repo) if config.source_repo else "")
    key = None
    if cache is not None:
        state = hashlib.sha256()
        for relpath, digest in sorted(zip(relpaths, digests), key=lambda item: item[0]):
            state.update(f"{relpath}\0{digest}\n".encode("utf-8", "surrogatepass"))
        state.update(("\n".join(sorted(target_rel)) + "|" + history_token).encode("utf-8", "surrogatepass"))
        state.update(("\0".join(sorted(assets))).encode("utf-8", "surrogatepass"))  # a new image can mend a link
        for name, data in sorted(map_bytes.items()):
            state.update(name.encode() + (data if isinstance(data, bytes) else b""))
        key = state.hexdigest()
        cached = cache.corpus_findings(key)
        if cached is not None and not build_corpus:
            return None, cached

    # Complete summaries where the rules need them: the checked articles and, for checked
    # translations, their sources. With a cache, a run of a few files holds no other article:
    # the corpus reads one from the cache when a rule asks for it (by id or by path).
    from kblint.store.cache import StoredArticles

    current = {relpath: digest for relpath, digest in zip(relpaths, digests) if digest}
    lazy = cache is not None and cache.db is not None and checked is not None and not needs_all
    full_needed = set(relpaths) if needs_all or checked is None else set(checked)
    if not needs_all and checked is not None:
        for i, relpath in enumerate(relpaths):
            result = results[i]
            if relpath in checked and result is not None and result.cached and cache is not None and digests[i]:
                result.summary = cache.details(relpath, digests[i])
        wanted = set()
        position = {relpath: i for i, relpath in enumerate(relpaths)}
        for relpath in checked:
            result = results[position[relpath]] if relpath in position else None
            summary = result.summary if result is not None else None
            if summary is not None and summary.id and summary.locale != config.source_locale:
                wanted.add(summary.id)
        stored = StoredArticles(cache, current, set()) if lazy else None
        for article_id in sorted(wanted) if stored is not None else ():
            full_needed.update(s.relpath for s in stored.with_id(article_id) if s.locale == config.source_locale)
    reparse = []
    some_cached = sum(1 for r in results if r is not None and r.cached and r.summary is None)
    # Loading every stored summary at once beats one query per file when most are needed.
    everything = cache.all_details() if cache is not None and len(full_needed) == len(relpaths) and some_cached > 1000 else {}
    for i, relpath in enumerate(relpaths):
        result = results[i]
        if result is None or not result.cached or cache is None or not digests[i]:
            continue
        if relpath in everything and everything[relpath][0] == digests[i]:
            result.summary = everything[relpath][1]
            continue
        if relpath not in full_needed or (result.summary is not None and not result.summary.light):
            continue  # not needed, or already loaded
        summary = cache.details(relpath, digests[i])
        if summary is None:
            reparse.append(i)
        else:
            result.summary = summary
    del everything  # the summaries are in the results now; the mapping need not outlive this
    if reparse:
        process(reparse)

    history = source_history = None
    if wants_history:
        from kblint.kb.history import load_history

        history = load_history(config.root)
        if config.source_repo is not None:
            source_history = load_history(config.source_repo)
    summaries = [r.summary for r in results if r is not None and r.summary is not None]
    lookup = StoredArticles(cache, current, {s.relpath for s in summaries}) if lazy else None
    corpus = Corpus(summaries, relpaths, config.source_locale, history, checked, assets, redirects, source_history, lookup)
    if cache is not None and cache.db is not None:
        corpus.store, corpus.digests = cache, current
    produced: list[Finding] = []
    for rule in corpus_rules:
        produced.extend(f for f in guard(rule, "the corpus", rule.check_corpus, corpus, config) if f.path in reported)
    if cache is not None and key is not None:
        cache.store_corpus_findings(key, produced)
    return corpus, produced


_NONE_READ: dict = {}  # the suppressions of a file that is not a target: never read


def _parallel_threshold() -> int:
    from kblint.run.parallel import PARALLEL_THRESHOLD

    return PARALLEL_THRESHOLD


def display_path(relpath: str, root: Path, cwd: Path) -> str:
    """A root-relative path as the user should see it: relative to the working directory,
    with the bytes of a name that is not UTF-8 written as escapes."""
    from kblint.model.text import escape_undecodable

    return escape_undecodable(_display_path(relpath, root, cwd))


def _display_path(relpath: str, root: Path, cwd: Path) -> str:
    if os.path.isabs(relpath):
        return _relative_or_absolute(Path(relpath), cwd)
    # Root-relative paths never climb (no ".."): the root's own place decides for all of them.
    prefix = _relative_or_absolute(root, cwd)
    if prefix == ".":
        return relpath
    if prefix.startswith(".."):
        # The working directory is below the root: paths under it lose its part.
        inside = _relative_or_absolute(cwd, root)
        if not inside.startswith("..") and relpath.startswith(inside + "/"):
            return relpath[len(inside) + 1 :]
        return _relative_or_absolute(root / relpath, cwd)
    return posixpath.normpath(posixpath.join(prefix, relpath))


@lru_cache(maxsize=None)
def _relative_or_absolute(path: Path, cwd: Path) -> str:
    try:
        return os.path.relpath(path, cwd).replace(os.sep, "/")
    except ValueError:  # another drive
        return path.as_posix()
