"""The one-way pipeline: discover → load + parse → per-document rules → corpus rules →
suppressions, severities → sorted findings."""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from kblint.config import Config
from kblint.corpus import Corpus
from kblint.discover import discover, relative_to
from kblint.document import Document, Suppressions, build_document
from kblint.finding import Finding, Severity
from kblint.rules import Rule
from kblint.summary import Summary, summarize


class InternalError(Exception):
    """A bug in kblint itself (a rule raised): exit code 2 with one line."""


@dataclass
class FileResult:
    relpath: str
    findings: list[Finding]
    summary: Summary | None
    document: Document | None = None  # kept only when the caller asks (fixes)


@dataclass
class RunResult:
    findings: list[Finding]
    files: int  # files linted (the targets)
    corpus: Corpus | None = None
    documents: dict[str, Document] = field(default_factory=dict)  # relpath -> Document, when kept


def read_bytes(path: Path) -> bytes | OSError:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as error:
        return error


def process_file(
    path: Path,
    relpath: str,
    config: Config,
    rules: list[Rule],
    run_document_rules: bool,
    keep_document: bool = False,
    data: bytes | OSError | None = None,
) -> FileResult:
    """Everything kblint does with one file: file checks, parsing, per-document rules, summary."""
    from kblint.rules.unreadable_file import RULE as UNREADABLE

    if data is None:
        data = read_bytes(path)
    if isinstance(data, OSError):
        reason = data.strerror or type(data).__name__
        return FileResult(relpath, [UNREADABLE.finding_at(relpath, 1, 1, f"cannot be read: {reason}")], None)
    findings: list[Finding] = []
    for rule in rules:
        if rule.check_file is not None:
            findings.extend(_guard(rule, relpath, lambda: list(rule.check_file(relpath, data, config))))
    if findings:
        # A binary or oversized file is skipped after saying so.
        return FileResult(relpath, findings if run_document_rules else [], None)
    try:
        document = build_document(path, relpath, data, config)
    except RecursionError:
        from kblint.rules.binary_file import RULE as SKIP

        return FileResult(relpath, [SKIP.finding_at(relpath, 1, 1, "too deeply nested to parse: skipped")], None)
    if run_document_rules:
        for rule in rules:
            if rule.check is not None and rule.applies_to(document.locale):
                findings.extend(_guard(rule, relpath, lambda: list(rule.check(document, config))))
    return FileResult(relpath, findings, summarize(document), document if keep_document else None)


MAX_FINDINGS_PER_RULE = 500  # per file: past that, one more finding says how many were left out


def _guard(rule: Rule, relpath: str, call: Callable[[], list[Finding]]) -> list[Finding]:
    try:
        findings = call()
        if len(findings) > MAX_FINDINGS_PER_RULE and relpath != "the corpus":
            kept = findings[:MAX_FINDINGS_PER_RULE]
            last = kept[-1]
            more = len(findings) - MAX_FINDINGS_PER_RULE
            kept.append(
                rule.finding_at(
                    relpath, last.line, last.column, f"{more} more {rule.name} findings in this file are not shown"
                ).with_severity(Severity.INFO)
            )
            return kept
        return findings
    except Exception as error:  # a rule bug must not look like a clean run
        raise InternalError(f"rule {rule.name} failed on {relpath}: {type(error).__name__}: {error}") from error


def _corpus_files(targets: list[Path], paths: list[Path], config: Config) -> list[Path]:
    """The files corpus rules see: the whole knowledge base when it is known (a configuration
    file, or single files given as pre-commit does), else the paths given."""
    if config.file is not None or any(p.is_file() for p in paths):
        return discover([config.root], config.root, config.exclude)
    return targets


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


def _suppressions_of(summary: Summary) -> Suppressions:
    data = summary.suppressed
    return Suppressions(set(data.get("whole_file", [])), [tuple(r) for r in data.get("ranges", [])])


def run(
    paths: list[Path],
    config: Config,
    rules: list[Rule],
    keep_documents: bool = False,
    process: Callable[..., Iterable[FileResult]] | None = None,
    overlay: dict[str, bytes] | None = None,
) -> RunResult:
    """Lint ``paths`` (absolute). Findings carry paths relative to the knowledge base root.

    ``overlay`` maps absolute paths to content that stands in for the file's (``--diff``)."""
    targets = discover(paths, config.root, config.exclude)
    corpus_rules = [r for r in rules if r.check_corpus is not None]
    corpus_files = _corpus_files(targets, paths, config) if corpus_rules else []
    target_set = {str(p) for p in targets}
    jobs = [(p, True) for p in targets] + [(p, False) for p in corpus_files if str(p) not in target_set]

    results: list[FileResult]
    overlay = overlay or {}
    if process is None or overlay:
        results = [
            process_file(
                p, relative_to(p, config.root), config, rules, is_target, keep_documents and is_target, overlay.get(str(p))
            )
            for p, is_target in jobs
        ]
    else:
        results = list(process(jobs, config, rules, keep_documents))

    target_rel = {relative_to(p, config.root) for p in targets}
    findings: list[Finding] = []
    summaries: list[Summary] = []
    documents: dict[str, Document] = {}
    for result in results:
        findings.extend(result.findings)
        if result.summary is not None:
            summaries.append(result.summary)
        if result.document is not None:
            documents[result.relpath] = result.document

    corpus = None
    if corpus_rules:
        history = None
        if any(r.name == "translation-outdated" for r in corpus_rules):
            from kblint.history import load_history

            history = load_history(config.root)
        corpus = Corpus(summaries, (relative_to(p, config.root) for p, _ in jobs), config.source_locale, history)
        for rule in corpus_rules:
            produced = _guard(rule, "the corpus", lambda: list(rule.check_corpus(corpus, config)))
            findings.extend(f for f in produced if f.path in target_rel)

    suppressions = {s.relpath: _suppressions_of(s) for s in summaries}
    findings = apply_policy(findings, config, suppressions)
    findings.sort(key=Finding.sort_key)
    return RunResult(findings, len(targets), corpus, documents)


def display_path(relpath: str, root: Path, cwd: Path) -> str:
    """A root-relative path as the user should see it: relative to the working directory."""
    absolute = root / relpath if not os.path.isabs(relpath) else Path(relpath)
    try:
        return os.path.relpath(absolute, cwd).replace(os.sep, "/")
    except ValueError:
        return absolute.as_posix()
