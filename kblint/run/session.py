"""A knowledge base loaded once and linted article by article.

The session loads the configuration, the rules and the corpus (every article's summary, from
the cache where it can) once, then lints one article's text, an editor's buffer for instance,
against it: per-document rules on the text, corpus rules with the text's summary standing in
for the file's. The language server keeps one session for the life of the editor; the batch
command is the same steps for every file at once, with discovery, the process pool and a
reporter around them (``kblint.run.engine``).

A session is long-lived, so it does not pause the garbage collector as a batch run does, and
it keeps only light summaries (identity, title, headings, anchors) of articles that are not
open, loading a full one when a rule needs it.
"""

from __future__ import annotations

import os
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kblint.model.config import Config
from kblint.run.settings import find_config_file, load_config
from kblint.corpus.corpus import Corpus
from kblint.formats.registry import is_article_path, is_export_path
from kblint.kb.discover import relative_to
from kblint.kb.document import Suppressions
from kblint.run import memory
from kblint.run.article import guard, process_file, read_bytes
from kblint.run.engine import apply_policy, collect, finish, site_of, wants_history
from kblint.model.finding import Finding
from kblint.rules.api import Rule
from kblint.corpus.summary import Summary

if TYPE_CHECKING:
    from kblint.store.cache import Cache
    from kblint.kb.document import Document
    from kblint.run.engine import Collected, RunResult
    from kblint.model.body import Heading
    from kblint.rules.registry import Registry


@dataclass
class Linted:
    """One article as the session last linted it: its findings, its Document and its full
    summary (None for a file kblint skips: binary, too large, too deeply nested)."""

    relpath: str
    findings: list[Finding]
    document: "Document | None"
    summary: Summary | None
    errors: list[str] = field(default_factory=list)  # kblint's own failures on it (see article.guard)


@dataclass
class Session:
    """Configuration, rules and corpus of one knowledge base (see the module's documentation)."""

    start: Path  # where the configuration is looked for (a workspace folder)
    config_file: Path | None = None
    cache_dir: Path | None = None  # None: beside the configuration; False-like values never
    use_cache: bool = True
    workers: int = 1
    keep_findings: bool = False  # keep what was collected, findings included (see ``finish``)
    alone: bool = False  # one article on its own: no corpus is read, no corpus rule runs
    config: Config = field(init=False)
    registry: "Registry" = field(init=False)
    rules: list[Rule] = field(init=False)
    corpus: Corpus = field(init=False)
    cache: "Cache | None" = field(init=False, default=None)
    digests: dict[str, str] = field(init=False, default_factory=dict)  # relpath -> content hash on disk
    open_texts: dict[str, str] = field(init=False, default_factory=dict)  # relpath -> the editor's text
    _export: bool | None = field(init=False, default=None)  # is the knowledge base a help-center export?
    _ids: tuple | None = field(init=False, default=None, repr=False)  # ids in order, for completion
    collected: "Collected | None" = field(init=False, default=None, repr=False)

    def __post_init__(self) -> None:
        self.load()

    # -- loading -------------------------------------------------------------------------------
    def load(self) -> None:
        """(Re)load the configuration, the rules and the corpus; open articles keep their text."""
        from kblint.rules.registry import registry_for

        explicit = self.config_file or find_config_file(self.start)
        self.config = load_config(explicit, self.start, False)
        self.registry = registry_for(self.config)
        config = self.config
        self.rules = self.registry.select(config.select, config.ignore, config.extend_select)
        self.cache = None
        if self.use_cache and not self.alone:
            from kblint.store.cache import Cache, settings_key

            folder = self.cache_dir or config.cache_dir or (config.root / ".kblint_cache")
            self.cache = Cache(folder, settings_key(config, self.rules))
        self._load_corpus()
        for relpath, text in list(self.open_texts.items()):
            self._take(relpath, text)

    def _load_corpus(self) -> None:
        """Every article's summary: light ones from the cache, full ones for files it lacks.
        The cyclic garbage collector waits meanwhile (its passes over the thousands of new
        summaries are a third of the load; see kblint.run.memory)."""
        with memory.loading():
            self._read_corpus()

    def _read_corpus(self) -> None:
        config = self.config
        self._export = None  # known on first need (reads_as_article)
        if self.alone:
            self.corpus = Corpus([], [], config.source_locale)
            return
        collected = collect([config.root], config, self.rules, cache=self.cache, workers=self.workers, cached_findings=self.keep_findings, history_for_any_run=True)
        if self.keep_findings:
            self.collected = collected
        needs_all = any("every-article" in r.needs for r in self.rules if r.check_corpus is not None)
        summaries: list[Summary] = []
        reparse = []
        everything = self.cache.all_details() if self.cache is not None and needs_all else {}
        for i, (relpath, result) in enumerate(zip(collected.relpaths, collected.results)):
            if result is None:
                continue
            digest = collected.digests[i]
            if digest:
                self.digests[relpath] = digest
            summary = result.summary
            if summary is None and result.cached and self.cache is not None and digest:
                if relpath in everything and everything[relpath][0] == digest:
                    summary = everything[relpath][1]
                else:
                    summary = self.cache.details(relpath, digest) if needs_all else self.cache.identity(relpath, digest)
                if summary is None:
                    reparse.append(i)
                    continue
            if summary is not None:
                summaries.append(summary if needs_all else _light(summary))
        if reparse:
            collected.process(reparse)
            summaries.extend(collected.results[i].summary for i in reparse if collected.results[i].summary is not None)
        if self.cache is not None:
            self.cache.save()
        assets = [relative_to(a, config.root) for a in collected.assets]
        site = site_of(config, assets)[0]
        self.corpus = Corpus(summaries, collected.relpaths, config.source_locale, assets=assets, redirects=self._redirects(assets), site=site)
        self._histories(collected)

    def _histories(self, collected: Collected) -> None:
        """The git histories translation-outdated reads (none when it is not selected), taken
        when a rule first reads them: a knowledge base without a translation pair never waits
        for git, and one that gains a pair while the session lasts reads them then."""
        if not wants_history(self.config, self.rules):
            collected.cancel_histories()
            return
        config, cache, logs = self.config, self.cache, collected.detach_histories()  # not the run's results
        self.corpus.load_history_with(lambda: logs.take(config, cache))

    def _redirects(self, assets: list[str]):
        from kblint.kb.redirects import load_redirects, map_files

        maps = map_files(self.config, assets)
        return load_redirects(self.config, maps, lambda name: read_bytes(self.config.root / name)) if maps else None

    # -- articles ------------------------------------------------------------------------------
    def relpath(self, path: Path) -> str:
        return relative_to(os.path.abspath(path), self.config.root)

    def findings(self) -> "RunResult":
        """Every finding of the knowledge base, as a batch run gives them (a session made with
        ``keep_findings``: nothing is collected again)."""
        assert self.collected is not None, "made without keep_findings"
        return finish(self.collected, self.config, self.rules, self.cache)

    def lint(self, path: Path, text: str) -> Linted:
        """The findings of the article at ``path`` if it read ``text`` (an editor's buffer): the
        per-document rules on ``text``, the corpus rules with it in the corpus."""
        relpath = self.relpath(path)
        self.open_texts[relpath] = text
        return self._take(relpath, text)

    def _take(self, relpath: str, text: str) -> Linted:
        config = self.config
        result = process_file(
            config.root / relpath, relpath, config, self.rules, True, text.encode("utf-8", "surrogatepass"), keep_document=True
        )
        findings = list(result.findings)
        errors = list(result.errors or ())
        summary = result.summary
        if summary is not None:
            self.corpus.replace(summary)
            if not self.alone:  # an article alone has no other articles to be checked against
                self._complete_source(summary)
                findings.extend(self._corpus_findings(relpath, errors))
        suppressions = {relpath: Suppressions.from_json(summary.suppressed)} if summary is not None and summary.suppressed else {}
        findings = apply_policy(findings, config, suppressions)
        findings.sort(key=Finding.sort_key)
        return Linted(relpath, findings, result.document, summary, errors)

    def _corpus_findings(self, relpath: str, errors: list[str]) -> list[Finding]:
        corpus = self.corpus
        corpus.checked = {relpath}
        try:
            found: list[Finding] = []
            for rule in self.rules:
                if rule.check_corpus is not None:
                    checked = guard(rule, "the corpus", rule.check_corpus, corpus, self.config, errors=errors)
                    found.extend(f for f in checked if f.path == relpath)
            return found
        finally:
            corpus.checked = None

    def _complete_source(self, summary: Summary) -> None:
        """A translation is compared with its source: the source's full summary, not its
        identity, must be in the corpus."""
        pair = self.corpus.translation_pair(summary)
        if pair is None or not (pair[0].light or pair[0].facts_left_out):
            return
        full = self.full_summary(pair[0].relpath)
        if full is not None:
            self.corpus.replace(full)

    def full_summary(self, relpath: str) -> Summary | None:
        """The full summary of the article at ``relpath`` as its file reads (or its open text)."""
        if relpath in self.open_texts:
            data: bytes | OSError = self.open_texts[relpath].encode("utf-8", "surrogatepass")
        else:
            digest = self.digests.get(relpath)
            if self.cache is not None and digest:
                found = self.cache.details(relpath, digest)
                if found is not None and not found.facts_left_out:
                    return found
            data = read_bytes(self.config.root / relpath, self.config.max_file_size)
            if isinstance(data, OSError):
                return None
        result = process_file(self.config.root / relpath, relpath, self.config, self.rules, False, data)
        return result.summary

    def close(self, path: Path) -> None:
        """The editor closed the article: the corpus goes back to what the file says."""
        relpath = self.relpath(path)
        self.open_texts.pop(relpath, None)
        self.refresh_from_disk(path)

    def reads_as_article(self, path: Path) -> bool:
        """Is the file at ``path`` an article of this knowledge base? A Markdown file always; an
        HTML or text file where the knowledge base is a help-center export (its articles are of
        those formats: kblint.kb.discover), or opened on its own."""
        if is_article_path(path.name):
            return True
        if not is_export_path(path.name):
            return False
        if self.alone:
            return True
        if self._export is None:
            self._export = any(is_export_path(relpath) for relpath in self.corpus.by_path)
        return self._export

    def refresh_from_disk(self, path: Path) -> None:
        """A file changed, appeared or went away on disk (a checkout, another program): the
        corpus follows unless the article is open in the editor."""
        relpath = self.relpath(path)
        if relpath in self.open_texts or not self.reads_as_article(path):
            return
        # As discovery does, a symbolic link is not followed (it may lead to /dev/zero or a pipe).
        data = read_bytes(self.config.root / relpath, self.config.max_file_size, follow_links=False)
        if isinstance(data, OSError):
            self.corpus.remove(relpath)
            self.digests.pop(relpath, None)
            return
        result = process_file(self.config.root / relpath, relpath, self.config, self.rules, False, data)
        if result.summary is not None:
            self.corpus.replace(result.summary)
            if result.content_hash:
                self.digests[relpath] = result.content_hash

    # -- what the editor asks about -----------------------------------------------------------
    def article(self, article_id: str, locale: str) -> Summary | None:
        """The version of ``article_id`` in ``locale``, else in the source language, else any."""
        versions = self.corpus.by_id.get(article_id, {})
        for candidate in (locale, self.config.source_locale):
            if candidate in versions:
                return versions[candidate]
        return next(iter(versions.values()), None) if versions else None


    def ids_starting(self, prefix: str) -> list[str]:
        """The article ids that start with ``prefix`` (any case), in order."""
        if self._ids is None or self._ids[0] != (id(self.corpus), self.corpus.id_changes):
            self._ids = ((id(self.corpus), self.corpus.id_changes), sorted(self.corpus.by_id, key=str.casefold))
        ids = self._ids[1]
        folded = prefix.casefold()
        at = bisect_left(ids, folded, key=str.casefold)
        found = []
        while at < len(ids) and ids[at].casefold().startswith(folded):
            found.append(ids[at])
            at += 1
        return found

    def resolve_link(self, linted: Linted, url: str) -> str | None:
        """The file a link destination written in ``linted``'s article reaches, if any."""
        from kblint.kb.links import page_address, parse_destination

        document = linted.document
        if document is None:
            return None
        address = page_address(linted.relpath, document.identity, document.front.data, self.config)
        destination = parse_destination(url, linted.relpath, document.identity, self.config, address)
        if destination is None:
            return None
        if destination.style == "same-page":
            return linted.relpath
        return self.corpus.resolver.resolve(destination.bases).path

    def anchors_of(self, relpath: str) -> list[tuple[str, "Heading | None"]]:
        """(anchor, heading) of what a link's #fragment can name in the article at ``relpath``
        (heading None for an HTML anchor), from its open text or its file."""
        from kblint.formats.markdown import heading_anchors

        data: bytes | OSError
        if relpath in self.open_texts:
            data = self.open_texts[relpath].encode("utf-8", "surrogatepass")
        else:
            data = read_bytes(self.config.root / relpath, self.config.max_file_size)
        if isinstance(data, OSError):
            return []
        result = process_file(self.config.root / relpath, relpath, self.config, [], False, data, keep_document=True)
        if result.document is None:
            return []
        md = result.document.body
        found: list[tuple[str, Heading | None]] = list(heading_anchors(md.headings))
        named = {anchor for anchor, _ in found}
        found.extend((anchor, None) for anchor in md.anchors if anchor not in named)
        return found


def _light(summary: Summary) -> Summary:
    """An identity as the corpus keeps it for articles that are not open."""
    return summary if summary.light else summary.identity()
