"""The one-way pipeline: discover → load + parse → per-document rules → corpus rules →
suppressions, severities → sorted findings."""

from __future__ import annotations

import fnmatch
import os
import posixpath
from array import array
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from kblint.model.config import Config
from kblint.corpus.corpus import Corpus
from kblint.kb.discover import discover_files, relative_paths, relative_to
from kblint.kb.suppressions import Suppressions
from kblint.model.finding import Finding, Severity
from kblint.rules.api import Rule
from kblint.rules.catalog import resolve
from kblint.run import memory
from kblint.run.article import FileResult, article_digest, process_file, read_bytes, read_companion, reading_order
from kblint.run.corpus_split import run_rules
from kblint.run.walk import PendingWalk, Walked, walk_files

if TYPE_CHECKING:
    from kblint.kb.history import History, PendingHistory
    from kblint.store.cache import Cache


@dataclass
class RunResult:
    """A lint run's outcome: its findings, how many files were linted, and the corpus."""

    findings: list[Finding]
    files: int  # files linted (the targets)
    corpus: Corpus | None = None
    hashes: tuple[list[str], list[str | None]] = ([], [])  # every file's relpath and the content hash of what was linted
    errors: list[str] = field(default_factory=list)  # kblint's own failures (see article.guard): exit code 2

    @cached_property
    def digests(self) -> dict[str, str]:
        """relpath -> the content hash of what was linted (made when asked: a run of one file
        among 20,000 seldom needs it)."""
        relpaths, hashes = self.hashes
        return {relpath: digest for relpath, digest in zip(relpaths, hashes) if digest}

    def read_relpaths(self) -> Iterator[str]:
        """The relpaths of the files that were read (those with a content hash), one by one."""
        relpaths, hashes = self.hashes
        return (relpath for relpath, digest in zip(relpaths, hashes) if digest)


# Up to this many target files, each one's cached findings are read on its own; past it, all
# at once (one query beats thousands; a pre-commit run of a few files reads only theirs).
_FINDINGS_READ_ONE_BY_ONE = 200


def _fix_upstream(finding: Finding) -> Finding:
    """``finding`` with its fix made unsafe: its file says it is not to be edited here."""
    from dataclasses import replace

    return replace(finding, fix=replace(finding.fix, safe=False, reason="the file says not to edit it: it is generated or imported"))


def apply_policy(findings: Iterable[Finding], config: Config, suppressions: dict[str, Suppressions]) -> list[Finding]:
    """Inline suppressions, per-path ignores and configured severities."""
    result = []
    ignores, severity = config.per_path_ignores, config.severity
    for finding in findings:
        sup = suppressions.get(finding.path)
        if sup is not None and sup.covers(finding.name, finding.code, finding.line):
            continue
        if sup is not None and sup.do_not_edit and finding.fix is not None and finding.fix.safe:
            finding = _fix_upstream(finding)
        if ignores and any(
            (fnmatch.fnmatch(finding.path, pattern) or finding.path.startswith(pattern.rstrip("/") + "/"))
            and (finding.name in rules or finding.code in rules or "*" in rules)
            for pattern, rules in ignores.items()
        ):
            continue
        if not severity:  # the common case: a warm run of a large knowledge base passes here 100,000 times
            result.append(finding)
            continue
        level = severity.get(finding.name) or severity.get(finding.code)
        if level == "off":
            continue
        if level:
            finding = finding.with_severity(Severity(level))
        result.append(finding)
    return result





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
    complete: Callable[[list[int]], None]  # parses them again for every fact of the run (_complete_facts)
    histories: "tuple[PendingHistory, PendingHistory | None] | None" = None  # git logs started before parsing
    heads: tuple[str, ...] | None = None  # see history_heads
    workers: int = 1  # the processes the run may use (the corpus rules use two of them)
    logs: "PendingLogs | None" = None  # the git logs once taken or handed on (see detach_histories)

    def history_heads(self, config: Config) -> tuple[str, ...]:
        """The commits HEAD points at in the knowledge base and in its source repository,
        asked of git once a run (the corpus state and the git logs both name them)."""
        if self.heads is None:
            from kblint.kb.history import head_token

            self.heads = tuple(head_token(root) for root in history_roots(config))
        return self.heads

    def start_histories(self, config: Config, cache: "Cache | None" = None) -> None:
        """Start the git logs, unless the run started them while it linted."""
        if self.histories is None and self.logs is None:
            self.histories = start_histories(config, cache, self.history_heads(config))

    def take_histories(self, config: Config, cache: "Cache | None" = None) -> "tuple[History | None, History | None]":
        """The git histories of the knowledge base and of its source repository: those started
        in the background when there was parsing to overlap them with, else read now (from
        the cache when it holds the log of the current commit); a new log is kept there."""
        return self.detach_histories().take(config, cache)

    def detach_histories(self) -> "PendingLogs":
        """The git logs started, to be taken later by what holds no more of the run (a session's
        corpus); the run's own take gets the same histories, read once."""
        if self.logs is None:
            self.logs = PendingLogs(self.histories, self.heads)
            self.histories = None
        return self.logs

    def cancel_histories(self) -> None:
        pending, self.histories = self.histories, None
        for history in pending or ():
            if history is not None:
                history.cancel()

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
    walk: "PendingWalk | None" = None,
    history_for_any_run: bool = False,
) -> Collected:
    """Discover ``paths`` (and, for corpus rules, the rest of the knowledge base), and parse
    and lint each file that the cache does not serve (see ``run`` for the arguments). Without
    ``cached_findings`` the findings the cache holds are not read (a caller that wants the
    summaries only); ``walk``, the discovery started before (``kblint.run.walk.start_walk``);
    ``history_for_any_run``: start the git log as the linting starts even where rules read it
    for translation pairs only and none is in sight (a session keeps its corpus open: a
    translation may come later)."""
    from kblint.lang.chinese import keep_views_in

    corpus_rules = [r for r in rules if r.check_corpus is not None]
    keep_views_in(cache)  # what the Chinese rules make of OpenCC's tables

    for_pairs = not history_for_any_run and history_for_pairs_only(corpus_rules)

    def new_batch() -> _Batch:
        return _Batch([], [], config, rules, overlay or {}, cache, workers, progress, min_parallel, for_pairs)

    batch = new_batch()
    history_starter = _LogStarter(config, cache) if wants_history(config, corpus_rules) else None
    named = [] if walk is None else _named_files(paths, config)
    guess = None
    if named:  # a run of a few named files (a pre-commit hook's): linted while the child walks
        batch.lint([(p, True) for p in named], cached_findings, len(named), None, history_starter)
        guess = batch.guess_the_rest() if corpus_rules else None
    if walk is not None:
        if cache is None or not cache.index:  # every file will be linted: import the rules while the child walks
            resolve(rules)
        walked = walk.result(paths, config, bool(corpus_rules), cache is not None)
    else:
        walked = walk_files(paths, config, bool(corpus_rules), cache is not None)
    if walked.targets != named and named:  # a file came or went meanwhile: all again
        batch, named, guess = new_batch(), [], None
    if guess is not None and batch.take_guess(guess, walked, history_starter):
        corpus_files = guess.corpus
    else:
        stats = walked.stats[len(named) :] if walked.stats is not None else None
        batch.lint(walked.jobs[len(named) :], cached_findings, len(walked.targets) - len(named), stats, history_starter)
        corpus_files = walked.corpus_files
    batch.on_translation = None  # a history started later is started where it is taken
    histories = history_starter.started if history_starter is not None else None
    batch.add_unlisted(walked.unlisted)
    heads = tuple(history.head for history in histories if history is not None) if histories else None
    return Collected(
        batch.jobs, batch.relpaths, batch.results, batch.digests, walked.targets, corpus_files, walked.assets, batch.process, batch.complete, histories, heads, workers
    )


def _named_files(paths: list[Path], config: Config) -> list[str]:
    """The articles of a run of a few files named one by one, as discovery finds them; none
    when the run names a folder or many files."""
    if len(paths) > _FINDINGS_READ_ONE_BY_ONE or not all(p.is_file() for p in paths):
        return []
    return discover_files(paths, config.root, config.exclude)


def wants_history(config: Config, rules: list[Rule]) -> bool:
    return config.git_history and any(r.needs & _HISTORY_NEEDS for r in rules if r.check_corpus is not None)


def history_for_pairs_only(rules: list[Rule]) -> bool:
    """Do the rules read the git history for translation pairs only (see kblint.rules.api.NEEDS)?"""
    return not any("history" in r.needs for r in rules if r.check_corpus is not None)


_HISTORY_NEEDS = frozenset({"history", "pair-history"})


def history_roots(config: Config) -> list[Path]:
    """The repositories whose history translation-outdated reads: the knowledge base's, and
    the sources' when they live in one of their own."""
    return [config.root] + ([config.source_repo] if config.source_repo is not None else [])


# Where a cache keeps the text of a repository's log beside its commits (its own row of the
# history table: the commits serve a run after a new commit, the text one at the same commit).
LOG_TEXT = "\x00text"


def start_histories(config: Config, cache: "Cache | None", heads: tuple[str, ...] | None = None) -> "tuple[PendingHistory, PendingHistory | None]":
    """The git logs of the knowledge base and of its source repository, started (or taken from
    the cache when it holds the log of their current commit); ``heads``, when known already."""
    from kblint.kb.history import PendingHistory

    roots = history_roots(config)
    started = [
        PendingHistory(
            root, cache.stored_history(str(root)) if cache is not None else None, heads[i] if heads is not None else None,
            cache.stored_history(str(root) + LOG_TEXT) if cache is not None else None,
        )
        for i, root in enumerate(roots)
    ]
    return started[0], started[1] if len(started) > 1 else None


@dataclass
class PendingLogs:
    """The git logs a run started (None: not started), and the commits HEAD points at when
    known; taken once (see Collected.take_histories)."""

    pending: "tuple[PendingHistory, PendingHistory | None] | None"
    heads: tuple[str, ...] | None = None
    found: "tuple[History | None, History | None] | None" = None  # once taken

    def take(self, config: Config, cache: "Cache | None") -> "tuple[History | None, History | None]":
        if self.found is None:
            self.found = self._read(config, cache)
        return self.found

    def _read(self, config: Config, cache: "Cache | None") -> "tuple[History | None, History | None]":
        pending, self.pending = self.pending, None
        if pending is None:
            pending = start_histories(config, cache, self.heads)  # each log reads its HEAD when not known
        found: list[History | None] = []
        for history in pending:
            if history is None:
                found.append(None)
                continue
            found.append(history.result())
            kept = history.kept() if cache is not None and not history.known else None
            if kept is not None:
                cache.store_history(history.root, *kept)
            text = history.text_kept() if cache is not None else None
            if text is not None:
                cache.store_history(history.root + LOG_TEXT, *text)
        return found[0], found[1]


@dataclass
class _LogStarter:
    """Starts the git logs once, when a batch asks (git works while files are parsed, and the
    corpus rules read the logs then; see _Batch._start_history_when_translated)."""

    config: Config
    cache: "Cache | None"
    started: "tuple[PendingHistory, PendingHistory | None] | None" = None

    def __call__(self) -> None:
        if self.started is None:
            self.started = start_histories(self.config, self.cache)


@dataclass
class _Batch:
    """The files of one run and what is known of each so far: its result, its stat key and the
    hash of what was linted. The files an overlay stands in for are linted from it and never
    stored (the cache would otherwise serve the overlay's results for what is on disk); the
    others are served by the cache where it can."""

    jobs: list[tuple[str, bool]]  # (path, is a target)
    relpaths: list[str]
    config: Config
    rules: list[Rule]
    overlay: dict[str, bytes]
    cache: "Cache | None"
    workers: int
    progress: Callable[[int], Callable[[int], None] | None] | None
    min_parallel: int | None
    history_for_pairs: bool = False  # is the git log read for translation pairs only?

    def __post_init__(self) -> None:
        self.results: list[FileResult | None] = [None] * len(self.jobs)
        self.stats: list[tuple[int, int] | None] = [None] * len(self.jobs)
        self.digests: list[str | None] = [None] * len(self.jobs)
        self.on_translation: Callable[[], None] | None = None  # see _start_history_when_translated
        self._guess: tuple[set[str] | None, str | None] = (None, None)
        self._guess_made_for = -1

    def extend(self, jobs: list[tuple[str, bool]]) -> None:
        """More files to look at, after those the batch has."""
        self.jobs.extend(jobs)
        self.relpaths.extend(relative_paths([path for path, _ in jobs], self.config.root))
        for column in (self.results, self.stats, self.digests):
            column.extend([None] * len(jobs))

    def lint(
        self, jobs: list[tuple[str, bool]], cached_findings: bool, target_count: int, stats: list | None, start_history: Callable[[], None] | None
    ) -> None:
        """Add ``jobs`` (the first ``target_count`` of them targets, with their stat keys when
        known), serve those the cache holds and lint the others; ``start_history`` starts the
        git log (see _start_history_when_translated), None when the run does not read it."""
        start = len(self.jobs)
        self.extend(jobs)
        todo = self.serve_from_cache(cached_findings, target_count, stats, start)
        if todo:
            self._start_history_when_translated(start_history)
            self.process(todo)

    def guess_the_rest(self) -> "_Guess | None":
        """The files a walk will most likely find besides those the batch has, and their
        results: every file the cache holds, as unchanged (see ``take_guess``). Made while the
        walk runs, for a run of a few named files, whose other files rarely change."""
        cache = self.cache
        if cache is None or self.overlay or not cache.index or os.sep != "/":
            return None
        index, held = cache.index, set(self.relpaths)
        prefix = str(self.config.root) + "/"
        corpus = sorted(index.keys() | held)  # the walk's order (the root's prefix is common); the named files are corpus files too
        relpaths = [relpath for relpath in corpus if relpath not in held]
        entries = [index[relpath] for relpath in relpaths]
        try:
            sizes, signatures = array("q", [entry[0] for entry in entries]), array("q", [entry[1] for entry in entries])
        except (TypeError, OverflowError):  # a row of another shape: never what a walk finds
            return None
        if sizes and min(sizes) < 0:
            return None  # a file stored without a stat key: compared packed, it could pass for one that has none now
        results = [FileResult(relpath, [], None, entry[2], True, None, _NONE_READ) for relpath, entry in zip(relpaths, entries)]
        stats = list(zip(sizes, signatures))
        paths = [prefix + relpath for relpath in corpus]
        return _Guess(
            [prefix + relpath for relpath in relpaths], relpaths, stats, [entry[2] for entry in entries], results, paths, "\0".join(paths), (sizes.tobytes(), signatures.tobytes())
        )

    def take_guess(self, guess: "_Guess", walked: Walked, start_history: Callable[[], None] | None) -> bool:
        """Add the files ``walked`` found besides the named ones (the batch's), as ``guess`` has
        them, when it found the same files: those whose stat key is as the cache holds it are
        served as guessed, the others looked up and linted as ``lint`` does. Compared as the
        child sent them, packed. False, and nothing added, when the guess was wrong."""
        corpus, packed = walked.packed()
        start = len(self.jobs)  # the named files come first
        if packed is None or corpus != guess.corpus_text or len(packed[0]) != 8 * (start + len(guess.paths)):
            return False
        jobs = [(path, False) for path in guess.paths]
        self.jobs.extend(jobs)
        self.relpaths.extend(guess.relpaths)
        self.results.extend(guess.results)
        self.digests.extend(guess.digests)
        if (packed[0][8 * start :], packed[1][8 * start :]) == guess.packed_stats:
            self.stats.extend(guess.stats)
            return True  # nothing changed: nearly every run of a few files
        stats = walked.stats[start:]
        self.stats.extend(stats)
        todo = []
        for k in [k for k, (stat, expected) in enumerate(zip(stats, guess.stats)) if stat != expected]:
            i = start + k
            result = self._cached(i, jobs[k][0], False, False)  # looked up as serve_from_cache does
            self.results[i], self.digests[i] = result, result.content_hash if result is not None else None
            if result is None:
                todo.append(i)
        if todo:
            self._start_history_when_translated(start_history)
            self.process(todo)
        return True

    def serve_from_cache(self, cached_findings: bool, target_count: int, stats: list[tuple[int, int] | None] | None = None, start: int = 0) -> list[int]:
        """The results the cache holds for the jobs from ``start`` on, filled in; the indexes
        of the files left to lint (``stats``: those jobs' stat keys, when the walk took them;
        ``target_count``: how many of them are targets)."""
        cache = self.cache
        if cache is None:
            return list(range(start, len(self.jobs)))
        if cached_findings and target_count > _FINDINGS_READ_ONE_BY_ONE:
            cache.load_findings()
        todo = []
        overlay, cached, results, digests, relpaths = self.overlay, self._cached, self.results, self.digests, self.relpaths
        self.stats[start:] = cache.stat_keys([path for path, _ in self.jobs[start:]]) if stats is None else stats
        stats, get, holds_nothing = self.stats, cache.index.get, cache.holds_nothing
        end = len(self.jobs)
        for i, (path, is_target), relpath, stat in zip(range(start, end), self.jobs[start:], relpaths[start:], stats[start:]):
            if overlay and path in overlay:
                stats[i] = None  # linted from the overlay, never stored
                todo.append(i)
                continue
            entry = get(relpath)
            if stat is not None and entry is not None and entry[0] == stat[0] and entry[1] == stat[1]:
                # Unchanged (cache.lookup, inlined: this loop runs for every file of the
                # knowledge base). Nearly every file of a run of a few: its findings are not
                # reported. Nearly every target of a warm run: it had none.
                if not is_target:
                    results[i] = FileResult(relpath, [], None, entry[2], True, None, _NONE_READ)
                    digests[i] = entry[2]
                    continue
                if cached_findings and holds_nothing(relpath, entry):
                    results[i] = FileResult(relpath, [], None, entry[2], True, None, {})
                    digests[i] = entry[2]
                    continue
            result = cached(i, path, is_target, cached_findings)
            if result is None:
                todo.append(i)  # not cached, or a row this version cannot read: lint it
            else:
                results[i] = result
                digests[i] = result.content_hash
        cache.release_all_findings()  # read where needed; the rest stays in the database
        return todo

    def _cached(self, i: int, path: str, is_target: bool, cached_findings: bool) -> FileResult | None:
        """The cached result of file ``i`` (its stat key in ``self.stats``), or None."""
        cache, relpath = self.cache, self.relpaths[i]
        stat = self.stats[i]
        entry = cache.lookup(relpath, stat)
        if entry is None and relpath in cache.index:
            data = read_bytes(path, self.config.max_file_size)  # changed size or time: the same content still counts
            if isinstance(data, bytes):
                entry = cache.lookup(relpath, stat, article_digest(data, read_companion(Path(path), self.config.max_file_size)))
        if entry is None:
            return None
        if not is_target:  # nearly every file of a run of a few: its findings are not reported
            return FileResult(relpath, [], None, entry[2], True, None, _NONE_READ)
        findings = cache.findings_of(relpath, entry) if cached_findings else []
        suppressed = cache.suppressed_of(entry)  # they apply to the findings of targets only
        if findings is None or suppressed is None:
            return None
        # The summary comes later, and only if corpus rules have to run.
        return FileResult(relpath, findings, None, content_hash=entry[2], cached=True, suppressed=suppressed)

    def _start_history_when_translated(self, start_history: Callable[[], None] | None) -> None:
        """Start the git log now when the paths name more than one locale, else once the first
        article in another locale than the source's is linted. Only translation pairs need the
        history (translation-outdated), and on a long one git works for seconds: a knowledge
        base in one language never starts it, one whose locales only front matter names starts
        it with its first translation."""
        if start_history is None:
            return
        if not self.history_for_pairs or self._guessed_pairs()[0] is not None:
            start_history()
        else:
            self.on_translation = start_history

    def _seen(self, results: "Iterable[FileResult | None]") -> None:
        """Note newly linted results: the first translation among them starts what waits for one."""
        if self.on_translation is None:
            return
        source = self.config.source_locale
        if any(r is not None and r.summary is not None and r.summary.locale != source for r in results):
            start, self.on_translation = self.on_translation, None
            start()

    def _guessed_pairs(self) -> tuple[set[str] | None, str | None]:
        """guess_pairs over the batch's files, made once for as many files as it has."""
        if self._guess_made_for != len(self.relpaths):
            from kblint.kb.identity import guess_pairs

            self._guess = guess_pairs(self.relpaths, self.config)
            self._guess_made_for = len(self.relpaths)
        return self._guess

    def process(self, indexes: list[int]) -> None:
        """Lint the files at ``indexes``, here or in a pool, and store what they gave; the
        summaries of those not expected in a translation pair leave its facts out."""
        self._process(indexes, self._left_out(indexes))

    def complete(self, indexes: list[int]) -> None:
        """Lint the files at ``indexes`` again, their summaries with every fact of the run."""
        self._process(indexes, {})

    def _left_out(self, indexes: list[int]) -> dict[int, bool | str]:
        """The files among ``indexes`` whose summaries can leave the facts of translation pairs
        out (False), or leave them out if they are in a locale (that locale): many articles
        of a knowledge base have no translation, and the facts can be an eighth of the cost
        of linting one. Guessed from the paths (see guess_pairs): where they name one locale
        only, an article of it is paired only with one whose front matter gives another, and
        each article that has another locale keeps its facts. A file the guess misses is
        linted again when its pair is found (see _complete_facts). A few files are not worth
        the guess."""
        from kblint.corpus.contributed import facts_of

        if len(indexes) < _GUESS_PAIRS_FROM or not facts_of(self.rules):
            return {}
        paired, one_locale = self._guessed_pairs()
        if paired is None:
            if one_locale is None or self._some_state_a_locale(indexes):
                return {}
            return dict.fromkeys(indexes, one_locale)
        return {i: False for i in indexes if self.relpaths[i] not in paired}

    def _some_state_a_locale(self, indexes: list[int]) -> bool:
        """Does one of a sample of the files at ``indexes`` (their first bytes) give itself a
        locale (see may_state_a_locale)? Where translations say their locales, many files do,
        and every source of theirs would be linted twice: all keep their facts. A sample the
        translations escape costs those sources a second lint, never a finding."""
        from kblint.kb.identity import may_state_a_locale

        for i in indexes[:: max(1, len(indexes) // _LOCALE_SAMPLE)]:
            path = str(self.jobs[i][0])
            head = self.overlay[path][:_HEAD] if path in self.overlay else _head_of(path)
            if may_state_a_locale(self.relpaths[i], head):
                return True
        return False

    def _process(self, indexes: list[int], left_out: dict[int, bool | str]) -> None:
        resolve(self.rules)  # the rules' modules, imported before any worker is forked
        advance = self.progress(len(indexes)) if self.progress else None
        if self.overlay or self.workers <= 1 or not self._worth_a_pool(indexes):
            for k in reading_order([self.jobs[i][0] for i in indexes]):
                i = indexes[k]
                path, is_target = self.jobs[i]
                data = self.overlay.get(str(path))
                self.results[i] = process_file(Path(path), self.relpaths[i], self.config, self.rules, is_target, data, facts=left_out.get(i, True))
                self._seen((self.results[i],))
                if advance:
                    advance(1)
        else:
            from kblint.run.parallel import process_files

            cache = self.cache
            database = cache.path if cache is not None and cache.db is not None else None
            items = [self.jobs[i] for i in indexes]
            stats, facts = [self.stats[i] for i in indexes], [left_out.get(i, True) for i in indexes]
            produced = process_files(items, self.config, self.rules, self.workers, advance, database, stats, facts, self._seen)
            for i, result in zip(indexes, produced):
                self.results[i] = result
        self._store(indexes)

    def _worth_a_pool(self, indexes: list[int]) -> bool:
        """Are the files at ``indexes`` work enough for a pool? Many files are; so are fewer
        that are long (a docs site's pages run to tens of kilobytes: 200 of them are seconds
        of parsing in one process)."""
        from kblint.run.parallel import PARALLEL_BYTES, PARALLEL_THRESHOLD, POOL_MIN_FILES

        if self.min_parallel is not None:
            return len(indexes) >= self.min_parallel
        if len(indexes) >= PARALLEL_THRESHOLD:
            return True
        if len(indexes) < POOL_MIN_FILES:
            return False
        total = 0
        for i in indexes:
            stat = self.stats[i]
            total += stat[0] if stat is not None else _size(self.jobs[i][0])
            if total >= PARALLEL_BYTES:
                return True
        return False

    def _store(self, indexes: list[int]) -> None:
        for i in indexes:
            result = self.results[i]
            self.digests[i] = result.content_hash if result is not None else None
            if self.cache is None or result is None or result.content_hash is None or result.cache_values == ():
                continue
            path, is_target = self.jobs[i]
            if str(path) not in self.overlay and not result.errors:
                self.cache.store(self.relpaths[i], self.stats[i], result.content_hash, result.findings if is_target else None, result.summary, result.cache_values)

    def add_unlisted(self, unlisted: dict[str, OSError]) -> None:
        """A finding for each folder that cannot be listed: its files are not linted."""
        if not unlisted:
            return
        from kblint.rules.unreadable_file import RULE as UNREADABLE

        for folder, error in sorted(unlisted.items()):
            relpath = relative_to(folder, self.config.root)
            reason = error.strerror or type(error).__name__
            self.jobs.append((folder, True))
            self.relpaths.append(relpath)
            self.digests.append(None)
            message = f"folder cannot be listed: {reason}: the files in it are not linted"
            self.results.append(FileResult(relpath, [UNREADABLE.finding_at(relpath, 1, 1, message)], None))


@memory.batch
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
    walk: PendingWalk | None = None,
) -> RunResult:
    """Lint ``paths`` (absolute). Findings carry paths relative to the knowledge base root.

    ``overlay`` maps absolute paths to content that stands in for the file's (``--diff``);
    ``cache`` serves unchanged files; ``workers`` > 1 parses in a process pool; ``progress``,
    given the number of files to parse, returns a callback to advance a progress display;
    ``build_corpus`` makes the corpus even when the cache holds the corpus rules' findings
    (for reports that read it); without ``forget_missing`` the cache keeps the rows of files
    that are not there (a run over another version of the knowledge base); ``walk``, the
    discovery started before (``kblint.run.walk.start_walk``)."""
    collected = collect(paths, config, rules, overlay, cache, workers, progress, min_parallel, walk=walk)
    return finish(collected, config, rules, cache, build_corpus, forget_missing)


@memory.batch
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
    relpaths, results, digests = collected.relpaths, collected.results, collected.digests
    target_rel = collected.target_relpaths
    findings: list[Finding] = [finding for result in results for finding in result.findings]  # every file has a result

    corpus = None
    errors = [error for result in results if result is not None and result.errors for error in result.errors]
    corpus_rules = [r for r in rules if r.check_corpus is not None]
    if corpus_rules:
        corpus, corpus_findings = _run_corpus_rules(collected, config, corpus_rules, cache, build_corpus, errors)
        findings.extend(corpus_findings)
    if use_cache:
        cache.save()
        if collected.corpus_files and config.file is not None and forget_missing:
            # The whole knowledge base was walked: rows of files that are gone can go too.
            cache.forget_missing(set(relpaths))

    # Suppressions are part of every summary, identities included.
    with_findings = {f.path for f in findings} & target_rel
    # (Built only for what it serves: a run of one clean file among 20,000 needs none.)
    # Targets come first (see Collected.target_relpaths).
    position = {relpath: i for i, relpath in enumerate(relpaths[: len(collected.targets)])} if with_findings else {}
    suppressions = {}
    for relpath in with_findings:
        result = results[position[relpath]]
        if result is None:
            continue
        if result.summary is not None and result.summary.suppressed:
            suppressions[relpath] = result.summary.suppressed
        elif result.summary is None and result.suppressed:
            suppressions[relpath] = result.suppressed
    findings = apply_policy(findings, config, {k: Suppressions.from_json(v) for k, v in suppressions.items()})
    findings.sort(key=Finding.sort_key)
    return RunResult(findings, len(collected.targets), corpus, (relpaths, digests), errors)


def _run_corpus_rules(collected: Collected, config: Config, corpus_rules: list[Rule], cache: "Cache | None", build_corpus: bool, errors: list[str]):
    """Corpus rules over complete summaries of the checked articles (and the sources of the
    checked translations) and identities of all the others; cached as a whole when no file
    changed."""
    target_rel = collected.target_relpaths
    assets = [relative_to(a, config.root) for a in collected.assets]
    checked = None if len(target_rel) == len(collected.jobs) else set(target_rel)
    maps, map_bytes = _redirect_maps(config, assets)
    site, ignore_bytes = site_of(config, assets)
    map_bytes.update(ignore_bytes)  # the corpus findings depend on both
    reported = set(target_rel)
    if maps and checked is None:
        reported.update(name for name, _ in maps)  # a whole run checks the maps too
    with_history = wants_history(config, corpus_rules)
    key = None
    if cache is not None:
        token = "".join(collected.history_heads(config)) if with_history else ""
        key = _corpus_state(collected, target_rel, assets, map_bytes, token)
        cached = cache.corpus_findings(key)
        if cached is None and checked is not None and not build_corpus:
            # A run of a few files after a whole run over the same files as they are (a
            # pre-commit hook after a full run): the whole run's findings for them, which a
            # run of a few files finds too.
            cached = cache.corpus_findings(_corpus_state(collected, set(collected.relpaths), assets, map_bytes, token), reported)
        if cached is not None and not build_corpus:
            collected.cancel_histories()
            return None, cached
    resolve(corpus_rules)  # before the rules are shared with a child (kblint.run.corpus_split)
    redirects = _read_redirects(config, maps, map_bytes)
    corpus = _build_corpus(collected, config, corpus_rules, cache, checked, assets, redirects, with_history, site)
    failures = len(errors)
    produced = [f for f in run_rules(corpus_rules, corpus, config, errors, split=collected.workers > 1) if f.path in reported]
    if cache is not None and key is not None and len(errors) == failures:  # a rule that failed is run again next time
        cache.store_corpus_findings(key, produced)
    return corpus, produced


def _redirect_maps(config: Config, assets: list[str]):
    """The redirect maps of the knowledge base (kblint.kb.redirects.map_files), and their
    bytes by name: what the cached findings depend on. They are parsed only where the corpus
    is built (``_read_redirects``): a warm run needs neither the parse nor the YAML library."""
    from kblint.kb.redirects import map_files, required_modules

    maps = map_files(config, assets)
    read = {name: read_bytes(config.root / name) for name, _ in maps}
    tried: dict[str, "bytes | OSError"] = {}  # the files a configuration may take its redirects from, each read once

    def reading(name: str):
        if name not in read and name not in tried:
            tried[name] = read_bytes(config.root / name)
        return read.get(name, tried.get(name))

    modules = required_modules(maps, reading)
    read.update((name, reading(name)) for name, _ in modules)
    return maps + modules, read


def _read_redirects(config: Config, maps: list[tuple[str, str]], map_bytes: dict):
    """The redirects of ``maps``, from their bytes (``_redirect_maps``); None without maps."""
    from kblint.kb.redirects import load_redirects

    return load_redirects(config, maps, map_bytes.__getitem__) if maps else None


def _numbered_folders(layout) -> tuple[str, ...]:
    """A Docusaurus site's content folders and their translations' trees, each of which it
    serves without the number prefixes of its files' and folders' names."""
    content = tuple(dict.fromkeys(folder for _, folder in layout.routes.folders))
    translated = (tree.folder for tree in layout.trees if tree.mount and tree.mount in content)
    return tuple(dict.fromkeys((*content, *translated)))


def _astro_pages(config: Config) -> str | None:
    """The routes folder of the site's Astro project, if it has one."""
    pages = config.layout.astro_pages if config.layout is not None else None
    return pages if pages is not None and os.path.isdir(config.root / pages) else None


def site_of(config: Config, assets: list[str]):
    """How the site serves the files (kblint.kb.site), and the bytes of the .gitignore files
    it was read from, by name."""
    from kblint.kb.site import ignore_files, load_site

    files = ignore_files(assets)
    ignore_bytes = {name: read_bytes(config.root / name) for name in files}
    lowercase = config.layout is not None and config.layout.lowercase_addresses
    pages = _astro_pages(config) if lowercase else None
    if pages is None and config.layout is not None and config.layout.routes.folders:
        pages = config.layout.routes.pages  # a Docusaurus site's own pages
    # Folders a plugin fills at build time, and a Hugo site's mounts of what is not here.
    filled = (*config.layout.routes.generated, *config.layout.unfilled_mounts) if config.layout is not None else ()
    numbered = _numbered_folders(config.layout) if config.layout is not None else ()
    kebab = config.layout.dumi_kebab_folders if config.layout is not None else ()
    api_specs = config.layout.api_specs if config.layout is not None else ()
    return load_site(lowercase, files, ignore_bytes.__getitem__, pages, filled, numbered, kebab, api_specs, config.root), ignore_bytes


def _corpus_state(collected: Collected, target_rel: set[str], assets: list[str], map_bytes: dict, history_token: str) -> str:
    """What the corpus findings depend on: every file's content, the targets, the other files
    (a new image can mend a link), the redirect maps and the history's head."""
    import hashlib

    state = hashlib.sha256()
    # One update of the joined text (the same digest as one per file, in a tenth of the time):
    # "path\0digest" a line, in the order of the paths ("\0" sorts before any character of
    # a path, and no path is listed twice).
    lines = sorted([relpath + "\0" + (digest if digest is not None else "None") for relpath, digest in zip(collected.relpaths, collected.digests)])
    state.update(("\n".join(lines) + "\n" if lines else "").encode("utf-8", "surrogatepass"))
    state.update(("\n".join(sorted(target_rel)) + "|" + history_token).encode("utf-8", "surrogatepass"))
    state.update(("\0".join(sorted(assets))).encode("utf-8", "surrogatepass"))
    for name, data in sorted(map_bytes.items()):
        state.update(name.encode() + (data if isinstance(data, bytes) else b""))
    return state.hexdigest()


def _build_corpus(collected: Collected, config: Config, corpus_rules: list[Rule], cache, checked, assets, redirects, wants_history: bool, site=None) -> Corpus:
    """The corpus the rules read: complete summaries where they need them (the checked articles
    and, for checked translations, their sources). With a cache, a run of a few files holds no
    other article: the corpus reads one from the cache when a rule asks for it."""
    from kblint.store.cache import StoredArticles

    needs_all = any("every-article" in r.needs for r in corpus_rules)
    current = {relpath: digest for relpath, digest in zip(collected.relpaths, collected.digests) if digest}
    lazy = cache is not None and cache.db is not None and checked is not None and not needs_all
    full_needed = set(collected.relpaths) if needs_all or checked is None else set(checked)
    if not needs_all and checked is not None:
        full_needed.update(_sources_of_checked(collected, config, cache, checked, current, lazy))
    _load_details(collected, cache, full_needed)
    summaries = [r.summary for r in collected.results if r is not None and r.summary is not None]
    lookup = StoredArticles(cache, current, {s.relpath for s in summaries}) if lazy else None
    corpus = Corpus(summaries, collected.relpaths, config.source_locale, None, checked, assets, redirects, None, lookup, site)
    if cache is not None and cache.db is not None:
        corpus.store, corpus.digests = cache, current
    needed = wants_history and (not history_for_pairs_only(corpus_rules) or next(iter(corpus.checked_translations()), None) is not None)
    if needed:
        collected.start_histories(config, cache)  # if the run has not: git works while facts are completed
    else:
        collected.cancel_histories()
    _complete_facts(collected, corpus)
    if needed:
        corpus.history, corpus.source_history = collected.take_histories(config, cache)
    return corpus


def _complete_facts(collected: Collected, corpus: Corpus) -> None:
    """The facts of the translation pairs the rules will compare, where a summary left them
    out (its pair was not guessed from the paths, or it was cached before the pair existed):
    those files are linted again, and their summaries, which the corpus holds, take the facts."""
    missing = {summary.relpath for pair in corpus.checked_translations() for summary in pair if summary.facts_left_out}
    if not missing:
        return
    position = {relpath: i for i, relpath in enumerate(collected.relpaths)}
    indexes = sorted(position[relpath] for relpath in missing if relpath in position)
    held = {i: collected.results[i].summary for i in indexes}
    collected.complete(indexes)
    for i, summary in held.items():
        result = collected.results[i]
        if summary is None or result is None:
            continue
        if result.summary is not None:
            summary.contributed, summary.facts_left_out = result.summary.contributed, result.summary.facts_left_out
        result.summary = summary  # the one the corpus holds


def _sources_of_checked(collected: Collected, config: Config, cache, checked: set[str], current: dict, lazy: bool) -> set[str]:
    """The sources of the checked translations (their summaries are loaded on the way)."""
    from kblint.store.cache import StoredArticles

    relpaths, results, digests = collected.relpaths, collected.results, collected.digests
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
    if not lazy:
        return set()
    stored = StoredArticles(cache, current, set())
    return {s.relpath for article_id in sorted(wanted) for s in stored.with_id(article_id) if s.locale == config.source_locale}


def _load_details(collected: Collected, cache, full_needed: set[str]) -> None:
    """The complete summaries of the cached files in ``full_needed``; a file whose stored
    summary this version cannot read is parsed again."""
    results, digests = collected.results, collected.digests
    reparse = []
    some_cached = sum(1 for r in results if r is not None and r.cached and r.summary is None)
    # Loading every stored summary at once beats one query per file when most are needed.
    everything = cache.all_details() if cache is not None and len(full_needed) == len(collected.relpaths) and some_cached > 1000 else {}
    for i, relpath in enumerate(collected.relpaths):
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
        collected.process(reparse)


_NONE_READ: dict = {}  # the suppressions of a file that is not a target: never read
_GUESS_PAIRS_FROM = 100  # files to lint: fewer get every fact (see _Batch._left_out)
_LOCALE_SAMPLE = 64  # files read for a locale their front matter states (see _some_state_a_locale)
_HEAD = 4096  # bytes read of each: front matter's start


def _head_of(path: str) -> bytes:
    """The first bytes of the file at ``path`` (none if it cannot be read, or is no regular
    file: linting it says why)."""
    from kblint.model.fsutil import read_at_most

    try:
        return read_at_most(path, _HEAD - 1)  # (at most the limit and one byte)
    except OSError:
        return b""


@dataclass
class _Guess:
    """The files besides the named ones, as the cache last saw them (see _Batch.guess_the_rest)."""

    paths: list[str]  # absolute, in the walk's order
    relpaths: list[str]
    stats: list[tuple[int, int]]  # the stat keys the cache holds
    digests: list[str]
    results: list[FileResult]  # each served as unchanged
    corpus: list[str]  # the corpus files the walk will find, the named ones too
    corpus_text: str  # joined, as the walk's child sends them (see Walked.packed)
    packed_stats: tuple[bytes, bytes]  # ``stats`` as the child packs them


def _size(path: Path | str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:  # an export's article, or gone: reading it will say
        return 0


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
