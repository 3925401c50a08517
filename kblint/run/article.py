"""Lint one article: its file checks, its parsing, its per-document rules and its summary.

The engine (one process) and the pool's workers both call ``process_file``; what it returns
is a ``FileResult``, the one shape a file's results travel in.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from kblint.model.config import Config
from kblint.kb.containers import read_member, split_member
from kblint.model.finding import Finding, Severity
from kblint.rules.api import Rule
from kblint.corpus.contributed import facts_of
from kblint.corpus.summary import Summary, summarize
from kblint.model.userregex import SlowPattern

if TYPE_CHECKING:
    from kblint.kb.document import Document


class InternalError(Exception):
    """A bug in kblint itself (a rule raised): exit code 2 with one line."""


@dataclass(slots=True)  # no dict each: a run keeps one per file of the knowledge base
class FileResult:
    """What a run knows of one file: its findings, summary and content hash."""

    relpath: str
    findings: list[Finding]
    summary: Summary | None
    content_hash: str | None = None  # of the bytes that were linted, for the cache
    cached: bool = False  # served by the cache: the summary is loaded only when needed
    cache_values: tuple | None = None  # the results serialized for the cache by a worker (cache.RowValues), () once written
    suppressed: dict | None = None  # with a cached result: the article's inline suppressions
    summary_json: str | None = None  # from a worker: the summary as its cache row holds it
    errors: list[str] | None = None  # kblint's own failures on the file (see guard): not cached
    document: Document | None = None  # kept when asked (the language server reads it)


def read_bytes(path: Path, limit: int | None = None, follow_links: bool = True) -> bytes | OSError:
    """A regular file's bytes, or why they cannot be read; past ``limit`` bytes, only the
    first ``limit`` + 1 (see ``fsutil.read_at_most``). An article an export holds
    (``kblint.kb.containers``) is its body's."""
    from kblint.model.fsutil import read_at_most

    if split_member(str(path)) is not None:
        member = read_member(str(path))
        return member if isinstance(member, OSError) else member[0]
    try:
        return read_at_most(path, limit, follow_links)
    except OSError as error:
        return error


def read_companion(path: Path, limit: int | None = None) -> bytes | None:
    """The bytes of the metadata file beside an export article (``kblint.kb.discover.companion_of``)."""
    from kblint.kb.discover import companion_of

    if split_member(str(path)) is not None:
        member = read_member(str(path))
        return None if isinstance(member, OSError) else member[1]
    companion = companion_of(str(path))
    if companion is None:
        return None
    data = read_bytes(Path(companion), limit)
    return data if isinstance(data, bytes) else None


def article_card(path: Path, relpath: str, config: Config, summary: Summary | None = None) -> dict | None:
    """Who the article at ``path`` is, as outputs name it: id, locale, title and its page
    (``html_url``) on the help center; from its ``summary`` where the run has it, else read
    again; None when it cannot be read."""
    if summary is not None:
        return _card(summary.id, summary.locale, summary.title, summary.state.get("html_url"))
    from kblint.kb.document import build_document
    from kblint.model.text import is_binary

    data = read_bytes(path, config.max_file_size)
    if isinstance(data, OSError) or is_binary(data):
        return None
    document = build_document(path, relpath, data, config, read_companion(path, config.max_file_size))
    return _card(document.id, document.locale, document.title, document.front.data.get("html_url"))


def _card(article_id: str, locale: str, title: str | None, url) -> dict:
    return {"id": article_id, "locale": locale, "title": title, "html_url": url if isinstance(url, str) else None}


def article_digest(data: bytes, companion: bytes | None) -> str:
    """The hash of what an article was linted from: its bytes, and its metadata file's."""
    from kblint.store.cache import content_hash

    return content_hash(data if companion is None else data + b"\0companion\0" + companion)


def reading_order(paths: Sequence[str | Path]) -> list[int]:
    """The indexes of ``paths`` in the order to read them: by their folders read from the file
    up (``api/app/README.md`` as ``README.md``, ``app``, ``api``, then the rest), so that the
    copies a versioned docs site keeps of a page (docs/api/app/README.md,
    versioned_docs/version-2.x/api/app/README.md…) come one after another and the later ones
    are read from what the first gave (see kblint.kb.document._read). The order a file is
    linted in changes none of its findings."""
    keys = [os.fspath(path).replace(os.sep, "/").split("/")[::-1] for path in paths]
    return sorted(range(len(paths)), key=keys.__getitem__)


def process_file(
    path: Path,
    relpath: str,
    config: Config,
    rules: list[Rule],
    run_document_rules: bool,
    data: bytes | OSError | None = None,
    keep_document: bool = False,
    facts: bool | str = True,
) -> FileResult:
    """Everything kblint does with one file: file checks, parsing, per-document rules, summary
    (and, with ``keep_document``, the Document itself). Without ``facts``, the summary leaves
    out the facts the rules read of translation pairs (marked so: see Summary.facts_left_out);
    where ``facts`` is a locale (the one the paths of a run name: see guess_pairs), it leaves
    them out if the article is in that locale."""
    from kblint.kb.document import build_document  # here: a run the cache serves parses nothing
    from kblint.formats.html import is_prerendered_page
    from kblint.model.text import is_encrypted
    from kblint.rules.unreadable_file import RULE as UNREADABLE

    if data is None:
        data = read_bytes(path, config.max_file_size)
    if isinstance(data, OSError):
        reason = data.strerror or type(data).__name__
        return FileResult(relpath, [UNREADABLE.finding_at(relpath, 1, 1, f"cannot be read: {reason}")], None)
    companion = read_companion(path, config.max_file_size)
    digest = article_digest(data, companion)
    findings: list[Finding] = []
    errors: list[str] = []
    for rule in rules:
        if rule.check_file is not None:
            findings.extend(guard(rule, relpath, rule.check_file, relpath, data, config, errors=errors))
    if findings or is_encrypted(data) or is_prerendered_page(relpath, data):
        # A binary or oversized file is skipped after saying so; an encrypted one, or a page a
        # build rendered from an article elsewhere, without a word.
        return FileResult(relpath, findings if run_document_rules else [], None, content_hash=digest)
    try:
        document = build_document(path, relpath, data, config, companion)
    except SlowPattern as error:  # a references or links pattern of the configuration
        raise SlowPattern(f"{error} (in {relpath})") from None
    except RecursionError:
        from kblint.rules.binary_file import RULE as SKIP

        return FileResult(relpath, [SKIP.finding_at(relpath, 1, 1, "too deeply nested to parse: skipped")], None, content_hash=digest)
    except Exception as error:  # a bug in reading this file must not end the others' run
        errors.append(_failure(f"reading {relpath} failed", error))
        return FileResult(relpath, findings, None, errors=errors)
    if run_document_rules:
        for rule in rules:
            if rule.check is not None and rule.applies_to(document.locale):
                findings.extend(_checked(rule, document, config, errors))
    wanted = facts_of(rules)
    if isinstance(facts, str):
        facts = document.locale != facts
    summary = summarize(document, config, wanted, left_out=not facts and bool(wanted))
    return FileResult(relpath, findings, summary, digest, document=document if keep_document else None, errors=errors or None)


def _checked(rule: Rule, document: "Document", config: Config, errors: list[str]) -> list[Finding]:
    """The findings of ``rule``'s check of ``document``; those of a rule that reads only the
    text (Rule.text_alone) made once for the copies of a file (see Document.of_the_text) of
    one locale, title and region, and of what the rule reads of their places (Rule.place_key),
    and given to each at its own path."""
    if not rule.text_alone:
        return guard(rule, document.relpath, rule.check, document, config, errors=errors)
    kept = document.of_the_text_for(config)
    identity = document.identity
    read_of_the_place = rule.place_key(document, config) if rule.place_key is not None else None
    key = (rule.check, identity.locale, identity.region, identity.tag, document.title, read_of_the_place)  # (the function: a pack read again is another)
    found = kept.get(key)
    if found is None:
        failed = len(errors)
        found = guard(rule, document.relpath, rule.check, document, config, errors=errors)
        if len(errors) == failed:  # (a failure is the file's own, reported where it failed)
            kept[key] = found
        return found
    relpath = document.relpath
    return [finding if finding.path == relpath else finding.with_path(relpath) for finding in found]


def _failure(what: str, error: Exception) -> str:
    """A failure of kblint as its errors list keeps it: a line naming it, then the traceback."""
    import traceback

    first = str(error).splitlines()[0] if str(error) else ""
    return f"{what}: {type(error).__name__}: {first}\n{traceback.format_exc()}"


MAX_FINDINGS_PER_RULE = 500  # per file: past that, one more finding says how many were left out
# Findings past this many are not even made (a rule's findings are made lazily): a file of a
# million brackets costs what 10,000 findings cost, and the note says "at least".
MAX_FINDINGS_COUNTED = 10_000


def guard(rule: Rule, relpath: str, check: Callable[..., Iterable[Finding]], *args, errors: list[str] | None = None) -> list[Finding]:
    """``check(*args)``'s findings, at most MAX_FINDINGS_PER_RULE of them. A rule that raises
    is a bug of kblint's: with ``errors``, it is recorded there (naming the rule and the file)
    and the run goes on without that rule's findings for the file, to end with exit code 2;
    without, it is an InternalError."""
    try:
        if relpath == "the corpus":
            return list(check(*args))
        findings = list(itertools.islice(check(*args), MAX_FINDINGS_COUNTED + 1))
        if len(findings) > MAX_FINDINGS_PER_RULE:
            kept = findings[:MAX_FINDINGS_PER_RULE]
            last = kept[-1]
            more = len(findings) - MAX_FINDINGS_PER_RULE
            more_text = f"over {more - 1:,}" if len(findings) > MAX_FINDINGS_COUNTED else str(more)
            kept.append(
                rule.finding_at(
                    relpath, last.line, last.column, f"{more_text} more {rule.name} findings in this file are not shown"
                ).with_severity(Severity.INFO)
            )
            return kept
        return findings
    except SlowPattern as error:  # a configuration error: the user's pattern, named
        raise SlowPattern(f"{error} (in {relpath})") from None
    except Exception as error:  # a rule bug must not look like a clean run
        if errors is None:
            raise InternalError(f"rule {rule.name} failed on {relpath}: {type(error).__name__}: {error}") from error
        errors.append(_failure(f"rule {rule.name} failed on {relpath}", error))
        return []
