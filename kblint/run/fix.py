"""Applying fixes without ever losing a byte.

Fixes are text edits attached to findings. Each pass lints the files, applies every edit that
does not overlap an edit already taken in that pass (the others wait for the next pass), and
repeats until nothing changes, at most ``MAX_PASSES`` times. Files are written atomically: a
temporary file in the same folder, flushed and synced, then ``os.replace``; the file keeps its
permissions, encoding, byte order mark and line endings (edits apply to the decoded text,
which keeps CRLF as it is). Files that do not decode cleanly, symbolic links, and files
outside the linted tree are never written.
"""

from __future__ import annotations

import difflib
import os
import re
import signal
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kblint.formats.registry import PAGE_SUFFIXES, format_named
from kblint.model.config import Config
from kblint.run.engine import run
from kblint.model.finding import Edit, Finding
from kblint.model.fsutil import atomic_write
from kblint.rules.api import Rule
from kblint.model.text import decode, encode

MAX_PASSES = 10


@dataclass
class FixReport:
    """What a fix run did: the fixes by rule, the files changed and the findings left."""

    fixed: Counter = field(default_factory=Counter)  # rule name -> findings fixed
    files: set[str] = field(default_factory=set)  # files changed (absolute)
    errors: list[str] = field(default_factory=list)  # files that could not be written
    notes: list[str] = field(default_factory=list)  # files left alone, and why
    diffs: list[str] = field(default_factory=list)  # unified diffs, with --diff
    remaining: list[Finding] = field(default_factory=list)
    linted: int = 0  # files linted in the last pass


def select_edits(findings: list[Finding], unsafe: bool) -> tuple[list[tuple[Edit, Finding]], int]:
    """Non-overlapping edits of one file, in order; and how many had to wait."""
    candidates = sorted(
        ((e, f) for f in findings if f.fix is not None and (f.fix.safe or unsafe) for e in f.fix.edits),
        key=lambda item: (item[0].start, item[0].end),
    )
    chosen: list[tuple[Edit, Finding]] = []
    waiting = 0
    end = -1
    for edit, finding in candidates:
        if edit.start < end or (chosen and edit.start == end == chosen[-1][0].start):
            waiting += 1
            continue
        chosen.append((edit, finding))
        end = max(end, edit.end)
    return chosen, waiting


def apply_edits(text: str, edits: list[Edit]) -> str:
    pieces = []
    last = 0
    for edit in sorted(edits, key=lambda e: e.start):
        pieces.append(text[last : edit.start])
        pieces.append(edit.replacement)
        last = edit.end
    pieces.append(text[last:])
    return "".join(pieces)


def _protected(document) -> list[tuple[int, int]]:
    """Offsets that no fix may touch, as the document's format says (for Markdown: front
    matter, code blocks, MDX expressions and the labels of reference links)."""
    return format_named(document.format).protected(document.front, document.body, document.index)


def _outside_commonmark_code(document, chosen: list[tuple[Edit, Finding]]) -> tuple[list, list[Finding]]:
    """The edits whose lines CommonMark does not read as code, and the findings of the others."""
    code = format_named(document.format).code_lines(document.text, document.front)
    if not code:
        return chosen, []
    return _refuse_by_lines(document, chosen, lambda first, last: any(a <= last and first <= b for a, b in code))


def _refuse_by_lines(document, chosen: list[tuple[Edit, Finding]], refuse) -> tuple[list, list[Finding]]:
    """The edits ``refuse`` (given an edit's first and last line) lets through, and the
    findings of the others."""
    position = document.index.position
    kept, refused = [], []
    for edit, finding in chosen:
        first, last = position(edit.start)[0], position(max(edit.end - 1, edit.start))[0]
        if refuse(first, last):
            refused.append(finding)
        else:
            kept.append((edit, finding))
    return kept, refused


_FRAGMENT = re.compile(r"#([^\s#()\[\]<>\"'`|]+)")


class InboundAnchors:
    """The anchors the knowledge base's files name after a ``#`` (links, HTML, anything),
    read once a run and only when a fix would edit a heading: an edit that changes a
    heading's text changes its anchor, and a link to that anchor would lead nowhere."""

    def __init__(self, config: Config, overlay: dict[str, bytes]) -> None:
        self.config = config
        self.overlay = overlay
        self._named: set[str] | None = None

    def named(self, anchor: str) -> bool:
        if self._named is None:
            self._named = self._read()
        return anchor.casefold() in self._named

    def _read(self) -> set[str]:
        from urllib.parse import unquote

        from kblint.kb.discover import discover_files

        named: set[str] = set()
        for path in discover_files([self.config.root], self.config.root, self.config.exclude):
            if not path.lower().endswith(PAGE_SUFFIXES):
                continue
            data = self.overlay.get(path) or _read(Path(path)) or b""
            text = data.decode("utf-8", "replace")
            named.update(unquote(m.group(1)).casefold() for m in _FRAGMENT.finditer(text))
        return named


def _outside_linked_headings(document, chosen: list[tuple[Edit, Finding]], inbound: InboundAnchors) -> tuple[list, list[Finding]]:
    """The edits that change no heading whose anchor a link names, and the findings of the others."""
    from kblint.formats.markdown import heading_anchors

    lines: dict[int, list[str]] = {}
    for anchor, heading in heading_anchors(document.body.headings):
        lines.setdefault(heading.line, []).append(anchor)
    if not lines:
        return chosen, []

    def names_a_linked_anchor(first: int, last: int) -> bool:
        return any(inbound.named(a) for line in range(first, last + 1) for a in lines.get(line, ()))

    return _refuse_by_lines(document, chosen, names_a_linked_anchor)


class _Interrupted(Exception):
    pass


def _raise_interrupted(signum, frame):  # pragma: no cover - exercised by a subprocess test
    raise _Interrupted()


def _document(relpath: str, config: Config, overlay: dict[str, bytes]):
    """The Document of one file with fixes, parsed again (the lint pass may have come from the
    cache): its text, encoding and protected ranges are what the edits apply to; and the hash
    of the content it was made from."""
    from kblint.kb.document import build_document
    from kblint.run.article import article_digest, read_bytes, read_companion
    from kblint.model.text import is_binary

    path = Path(relpath) if Path(relpath).is_absolute() else config.root / relpath
    data = overlay.get(str(path))
    if data is None:
        data = read_bytes(path)
    if isinstance(data, OSError) or is_binary(data):
        return None, None
    companion = read_companion(path, config.max_file_size)
    return build_document(path, relpath, data, config, companion), article_digest(data, companion)


def fix(
    paths: list[Path],
    config: Config,
    rules: list[Rule],
    unsafe: bool = False,
    diff_only: bool = False,
    **run_options,
) -> FixReport:
    """Fix what can be fixed under ``paths``. ``run_options`` (cache, workers, ...) go to each
    lint pass, so that only the files that changed are parsed again."""
    from kblint.model.fsutil import LockTimeout, locked_folder

    try:
        with locked_folder(config.root):
            return _fix(paths, config, rules, unsafe, diff_only, **run_options)
    except LockTimeout:
        report = FixReport()
        report.errors.append(f"{config.root}: another kblint --fix is still running on this knowledge base; nothing was changed")
        return report


def _fix(paths: list[Path], config: Config, rules: list[Rule], unsafe: bool, diff_only: bool, **run_options) -> FixReport:
    """``fix``, with the knowledge base locked: one --fix at a time works on it (two would
    apply edits worked out on text the other had already changed)."""
    fixer = _Fixer(paths, config, rules, unsafe, diff_only, run_options)
    previous_handler = None
    if not diff_only:
        try:
            previous_handler = signal.signal(signal.SIGTERM, _raise_interrupted)
        except ValueError:  # not in the main thread
            previous_handler = None
    try:
        fixer.run_passes()
    except _Interrupted:
        raise KeyboardInterrupt from None
    finally:
        if previous_handler is not None:
            signal.signal(signal.SIGTERM, previous_handler)
    return fixer.finish()


class _Fixer:
    """The passes of one --fix: each lints (with the edits so far), applies the fixes it may to
    each file, and writes the file (or, with --diff, keeps it in the overlay)."""

    def __init__(self, paths: list[Path], config: Config, rules: list[Rule], unsafe: bool, diff_only: bool, run_options: dict) -> None:
        self.paths, self.config, self.rules, self.unsafe, self.diff_only = paths, config, rules, unsafe, diff_only
        self.run_options = run_options
        self.report = FixReport()
        self.allowed = [p.resolve() for p in paths]
        self.overlay: dict[str, bytes] = {}  # with --diff, the would-be content of each file
        self.originals: dict[str, bytes] = {}
        self.seen: dict[str, set[str]] = {}  # each file's contents so far (hashes): a repeat is a cycle
        self.stopped: set[str] = set()  # files whose fixes undo each other: left as they are
        self.refused_files: set[str] = set()  # files that cannot or must not be written
        self.fixed_in: dict[str, Counter] = {}  # per file, the findings fixed
        self.code_notes: dict[str, str] = {}  # per file, the fixes left undone in code (once, not per pass)
        self.anchor_notes: dict[str, str] = {}  # per file, the fixes left undone in linked headings
        self.inbound = InboundAnchors(config, self.overlay)

    def run_passes(self) -> None:
        for _ in range(MAX_PASSES):
            result = run(self.paths, self.config, self.rules, overlay=self.overlay, **self.run_options)
            by_path: dict[str, list[Finding]] = {}
            for finding in result.findings:
                if finding.fix is not None and (finding.fix.safe or self.unsafe):
                    by_path.setdefault(finding.path, []).append(finding)
            changed = False
            for relpath, findings in sorted(by_path.items()):
                if relpath not in self.stopped and relpath not in self.refused_files:  # else left as it is; said once
                    changed = self._fix_file(relpath, findings, result.digests) or changed
            if not changed:
                self.report.remaining, self.report.linted = result.findings, result.files
                return
        final = run(self.paths, self.config, self.rules, overlay=self.overlay, **self.run_options)
        self.report.remaining, self.report.linted = final.findings, final.files

    def _fix_file(self, relpath: str, findings: list[Finding], digests: dict[str, str] | None) -> bool:
        """Apply one pass's fixes to one file; did it change (or need another pass)?"""
        document, digest = _document(relpath, self.config, self.overlay)
        if document is None:
            return False
        if digests is not None and relpath in digests and digest != digests[relpath]:
            # Changed since it was linted (an editor saved it): these edits would land in the
            # wrong places. The next pass lints it again.
            self.report.notes.append(f"{relpath}: changed while it was being fixed; run kblint --fix again")
            return True
        if document.decoded.bad_char_offset is not None:
            return False  # replacement characters would overwrite the undecodable bytes
        path = document.path
        if not _plainly_inside(path, self.config.root) or not any(path.resolve() == a or a in path.resolve().parents for a in self.allowed):
            self.report.errors.append(f"{relpath}: not fixed (a symbolic link, reached through one, or outside the knowledge base or the linted paths)")
            self.refused_files.add(relpath)
            return False
        chosen = self._edits(relpath, document, findings)
        if not chosen:
            return False
        edits = format_named(document.format).escape(document.body, [e for e, _ in chosen])
        new_text = apply_edits(document.text, edits)
        if new_text == document.text:
            return False
        return self._write(relpath, document, digest, encode(new_text, document.decoded), chosen)

    def _edits(self, relpath: str, document, findings: list[Finding]) -> list:
        """The (edit, finding) pairs to apply: outside protected text, CommonMark's code and
        headings that links name."""
        protected = _protected(document)
        chosen, _ = select_edits(findings, self.unsafe)
        chosen = [(e, f) for e, f in chosen if not any(e.start < hi and lo < max(e.end, e.start + 1) for lo, hi in protected)]
        if chosen:
            chosen, refused = _outside_commonmark_code(document, chosen)
            if refused:
                self.code_notes[relpath] = _refusal(relpath, refused, "a CommonMark renderer shows that text as code")
        if chosen:
            chosen, refused = _outside_linked_headings(document, chosen, self.inbound)
            if refused:
                self.anchor_notes[relpath] = _refusal(relpath, refused, "links name the heading's anchor, which the edit would change")
        return chosen

    def _write(self, relpath: str, document, digest: str, data: bytes, chosen: list) -> bool:
        """Write (or keep, with --diff) a file's new content, unless it brings back a text the
        file had (rules undoing each other); was it written?"""
        from kblint.store.cache import content_hash

        history = self.seen.setdefault(relpath, {digest})
        new_digest = content_hash(data)
        key, path = str(document.path), document.path
        if new_digest in history:
            names = ", ".join(sorted({f.name for _, f in chosen} | set(self.fixed_in.get(key, ()))))
            self.report.notes.append(f"{relpath}: fixes undo each other ({names}): left as the previous pass wrote it")
            self.stopped.add(relpath)
            return False
        history.add(new_digest)
        if key not in self.originals:
            self.originals[key] = self.overlay.get(key) or _read(path)
        if self.diff_only:
            self.overlay[key] = data
        else:
            try:
                written = _write_article(path, data, document)
            except OSError as error:
                written = f"not written: {error.strerror or error}"
            if written is not None:
                self.report.errors.append(f"{relpath}: {written}")
                self.refused_files.add(relpath)  # the next pass would fail the same way
                return False
        self.report.files.add(key)
        for _, finding in chosen:
            self.fixed_in.setdefault(key, Counter())[finding.name] += 1
        return True

    def finish(self) -> FixReport:
        """The report: notes, and the files fixed (with --diff, their patches). A file whose
        fixes, all passes together, changed nothing (a cycle back to its first text) was not."""
        report = self.report
        report.notes.extend(self.code_notes[relpath] for relpath in sorted(self.code_notes))
        report.notes.extend(self.anchor_notes[relpath] for relpath in sorted(self.anchor_notes))
        for key in sorted(report.files):
            final = self.overlay[key] if self.diff_only else _read(Path(key))
            if final == self.originals[key]:
                report.files.discard(key)
                continue
            report.fixed.update(self.fixed_in.get(key, Counter()))
            if self.diff_only:
                report.diffs.append(unified_patch(decode(self.originals[key]).text, decode(final).text, os.path.relpath(key)))
        return report


def _refusal(relpath: str, refused: list[Finding], why: str) -> str:
    lines = ", ".join(sorted({str(f.line) for f in refused}, key=int)[:5])
    return f"{relpath}: {len(refused)} fix(es) not applied (line {lines}): {why}"


def _plainly_inside(path: Path, root: Path) -> bool:
    """Is ``path`` a file inside ``root`` reached without any symbolic link on the way from
    the root (neither the file nor a folder between)? Only such files are written: a link
    could lead the write out of the knowledge base."""
    lexical = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    if lexical == ".." or lexical.startswith(".." + os.sep) or os.path.isabs(lexical):
        # Named from outside the knowledge base's root: the file itself must not be a link
        # (and must lie inside the paths given, which the caller checks).
        return not path.is_symlink()
    return os.path.realpath(path) == os.path.join(os.path.realpath(root), lexical)


def _read(path: Path) -> bytes | None:
    from kblint.run.article import read_bytes

    data = read_bytes(path)  # an article an export holds is its body
    return None if isinstance(data, OSError) else data


def _write_article(path: Path, data: bytes, document) -> str | None:
    """Write an article's new content; why not, when it cannot be. An article an export
    holds is written into its JSON file, which keeps every other byte as it was."""
    from kblint.kb.containers import rewritten_container, split_member

    found = split_member(str(path))
    if found is None:
        atomic_write(path, data)
        return None
    new_body = data.decode(document.decoded.encoding, errors="strict")
    container = rewritten_container(str(path), new_body)
    if container is None:
        return "not fixed: its body could not be rewritten in the export's JSON without changing other text (--diff shows the change)"
    atomic_write(Path(found[0]), container)
    return None


def unified_patch(before: str, after: str, name: str) -> str:
    """A unified diff that ``patch`` and ``git apply`` accept: lines end at line feeds only
    (a form feed or U+2028 inside a line is part of it), and a last line without one is marked
    as git marks it."""
    old, new = _patch_lines(before), _patch_lines(after)
    lines = []
    for line in difflib.unified_diff(old, new, fromfile=f"a/{name}", tofile=f"b/{name}"):
        if line.endswith("\n"):
            lines.append(line)
        else:
            lines.append(line + "\n\\ No newline at end of file\n")
    return "".join(lines)


def _patch_lines(text: str) -> list[str]:
    lines = text.split("\n")
    result = [line + "\n" for line in lines[:-1]]
    if lines[-1]:
        result.append(lines[-1])
    return result
