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
import signal
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kblint.config import Config
from kblint.engine import run
from kblint.finding import Edit, Finding
from kblint.fsutil import atomic_write
from kblint.rules import Rule
from kblint.text import decode, encode

MAX_PASSES = 10


@dataclass
class FixReport:
    fixed: Counter = field(default_factory=Counter)  # rule name -> findings fixed
    files: set[str] = field(default_factory=set)  # files changed (absolute)
    errors: list[str] = field(default_factory=list)  # files that could not be written
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
    """Offsets that no fix may touch: front matter and code blocks."""
    index = document.index
    ranges = []
    if document.front.present:
        end_line = document.front.end_line or index.line_count
        ranges.append((0, index.line_end(end_line)))
    for block in document.md.code_blocks:
        ranges.append((index.line_start(block.start_line), index.line_end(block.end_line)))
    return ranges


class _Interrupted(Exception):
    pass


def _raise_interrupted(signum, frame):  # pragma: no cover - exercised by a subprocess test
    raise _Interrupted()


def _document(relpath: str, config: Config, overlay: dict[str, bytes]):
    """The Document of one file with fixes, parsed again (the lint pass may have come from the
    cache): its text, encoding and protected ranges are what the edits apply to."""
    from kblint.document import build_document
    from kblint.engine import read_bytes
    from kblint.text import is_binary

    path = Path(relpath) if Path(relpath).is_absolute() else config.root / relpath
    data = overlay.get(str(path))
    if data is None:
        data = read_bytes(path)
    if isinstance(data, OSError) or is_binary(data):
        return None
    return build_document(path, relpath, data, config)


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
    report = FixReport()
    allowed = [p.resolve() for p in paths]
    overlay: dict[str, bytes] = {}  # with --diff, the would-be content of each file
    originals: dict[str, bytes] = {}
    previous_handler = None
    if not diff_only:
        try:
            previous_handler = signal.signal(signal.SIGTERM, _raise_interrupted)
        except ValueError:  # not in the main thread
            previous_handler = None
    try:
        for _ in range(MAX_PASSES):
            result = run(paths, config, rules, overlay=overlay, **run_options)
            by_path: dict[str, list[Finding]] = {}
            for finding in result.findings:
                if finding.fix is not None and (finding.fix.safe or unsafe):
                    by_path.setdefault(finding.path, []).append(finding)
            changed = False
            for relpath, findings in sorted(by_path.items()):
                document = _document(relpath, config, overlay)
                if document is None:
                    continue
                path = document.path
                if document.decoded.bad_char_offset is not None:
                    continue  # replacement characters would overwrite the undecodable bytes
                if path.is_symlink() or not any(path.resolve() == a or a in path.resolve().parents for a in allowed):
                    report.errors.append(f"{relpath}: not fixed (a symbolic link, or outside the linted paths)")
                    continue
                protected = _protected(document)
                chosen, _ = select_edits(findings, unsafe)
                chosen = [
                    (e, f) for e, f in chosen if not any(e.start < hi and lo < max(e.end, e.start + 1) for lo, hi in protected)
                ]
                if not chosen:
                    continue
                new_text = apply_edits(document.text, [e for e, _ in chosen])
                if new_text == document.text:
                    continue
                data = encode(new_text, document.decoded)
                key = str(path)
                if key not in originals:
                    originals[key] = overlay.get(key) or path.read_bytes()
                if diff_only:
                    overlay[key] = data
                else:
                    try:
                        atomic_write(path, data)
                    except OSError as error:
                        report.errors.append(f"{relpath}: not written: {error.strerror or error}")
                        continue
                report.files.add(key)
                for _, finding in chosen:
                    report.fixed[finding.name] += 1
                changed = True
            if not changed:
                report.remaining, report.linted = result.findings, result.files
                break
        else:
            final = run(paths, config, rules, overlay=overlay, **run_options)
            report.remaining, report.linted = final.findings, final.files
    except _Interrupted:
        raise KeyboardInterrupt from None
    finally:
        if previous_handler is not None:
            signal.signal(signal.SIGTERM, previous_handler)
    if diff_only:
        for key in sorted(report.files):
            before = decode(originals[key]).text
            after = decode(overlay[key]).text
            name = os.path.relpath(key)
            report.diffs.append(
                "".join(
                    difflib.unified_diff(
                        before.splitlines(keepends=True),
                        after.splitlines(keepends=True),
                        fromfile=f"a/{name}",
                        tofile=f"b/{name}",
                    )
                )
            )
    return report
