"""What a rule is (Rule) and what it imports to make findings: see kblint.rules."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Iterable

from kblint.model.finding import Edit, Finding, Fix, Severity
from kblint.model.location import Span

if TYPE_CHECKING:
    from kblint.model.config import Config
    from kblint.corpus.contributed import Fact
    from kblint.corpus.corpus import Corpus
    from kblint.kb.document import Document

CODE_PATTERN = re.compile(r"^[A-Z]{2,4}[0-9]{3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
FIX_SAFETY = ("safe", "unsafe", "none")
# What a rule may need: "every-article", the complete summary of every article (its references,
# not only its identity), even in a run of a few files; "history", the git history of the
# knowledge base (and of the sources' repository); "pair-history", the same, read for translation
# pairs only: a run whose checked articles hold no pair never asks git for it (on a long history
# git works for seconds).
NEEDS = frozenset({"every-article", "history", "pair-history"})


def _place(doc: "Document", start: int, end: int) -> Span:
    """File offsets ``start``..``end`` of ``doc`` with their lines and columns."""
    line, column = doc.position(start)
    end_line, end_column = doc.position(max(end, start))
    return Span(start, end, line, column, end_line, end_column)


def fix_title(replacement: str) -> str:
    """A fix's title when its rule gives none, as an editor's quick fix shows it: what it puts."""
    if not replacement:
        return "remove the text"
    shown = replacement if len(replacement) <= 60 else replacement[:59] + "…"
    return "replace with '" + shown.replace("\n", "\\n") + "'"


@lru_cache(maxsize=1024)
def _applies(languages: tuple[str, ...], locale: str) -> bool:
    """Does a rule for ``languages`` (``en``, ``zh-*``, ``*``) apply to ``locale``? Asked for
    every rule and file: answered once per pair."""
    return any(
        locale == lang or locale.startswith(lang.rstrip("*").rstrip("-") + "-") or lang == "*" for lang in languages
    )


@dataclass
class Rule:
    """A rule: its metadata (code, name, severity, documentation, fix safety) and its checks."""

    code: str
    name: str
    severity: Severity
    summary: str
    documentation: str  # Markdown: what, why, an example that fires, one that does not
    fix: str = "none"  # "safe", "unsafe" or "none"
    # Why the rule's fixes are unsafe, when they all are ("a repetition may be meant"); a
    # finding may give its own reason for its fix (Rule.finding's unsafe_reason).
    unsafe_reason: str = ""
    enabled_by_default: bool = True
    check: Callable[["Document", "Config"], Iterable[Finding]] | None = None
    check_corpus: Callable[["Corpus", "Config"], Iterable[Finding]] | None = None
    check_file: Callable[[str, bytes, "Config"], Iterable[Finding]] | None = None
    origin: str = "built-in"  # or the path of the pack that defines it
    # What a corpus rule needs beyond the checked articles (see NEEDS): the engine, the session
    # and the apps ask this, never a rule's name.
    needs: frozenset[str] = frozenset()
    languages: tuple[str, ...] = field(default=())  # locale prefixes it applies to; () for any
    # The per-article facts a corpus rule reads besides a summary's core (kblint.corpus.contributed):
    # a run computes only its rules' facts.
    facts: tuple["Fact", ...] = ()
    # What the rule makes once per process for the locales it will meet (tables, models): a
    # run that forks workers calls it first, so that they share it instead of each making it.
    # It may start the work in a thread and return the function that waits for it: the run
    # calls that before it forks.
    prepare: Callable[[set[str], "Config"], Callable[[], None] | None] | None = None
    # Its corpus findings are made pair by pair, in the order of corpus.checked_translations(),
    # each pair's from that pair alone (no state carried from one pair to the next): a run may
    # share the pairs out between two processes (kblint.run.corpus_split).
    pairwise: bool = False
    # Its check reads of an article only its text and what the text gives (the format's read,
    # the prose, the front matter), its locale, title and region: never its identity or
    # references, nor its path but through ``place_key``. A file's copies (a versioned site's
    # pages) then share its findings, each at its own path (kblint.run.article), and the check
    # runs once for them.
    text_alone: bool = False
    # What such a check reads of the article's place after all, as a value (whether its path
    # names a change log, where its references are): copies that give the same value share
    # its findings.
    place_key: Callable[["Document", "Config"], object] | None = None

    def __post_init__(self) -> None:
        if not CODE_PATTERN.match(self.code):
            raise ValueError(f"rule code {self.code!r} must be 2-4 upper-case letters and 3 digits")
        if not NAME_PATTERN.match(self.name):
            raise ValueError(f"rule name {self.name!r} must be kebab-case")
        if self.fix not in FIX_SAFETY:
            raise ValueError(f"rule {self.name}: fix must be one of {FIX_SAFETY}")
        if not self.needs <= NEEDS:
            raise ValueError(f"rule {self.name}: needs must be among {sorted(NEEDS)}")

    @property
    def is_corpus_rule(self) -> bool:
        return self.check_corpus is not None

    def applies_to(self, locale: str) -> bool:
        return not self.languages or _applies(tuple(self.languages), locale)

    # -- building findings
    def finding(
        self,
        doc: "Document",
        start: int,
        end: int,
        message: str,
        replacement: str | None = None,
        fix_description: str = "",
        unsafe_reason: str = "",
    ) -> Finding:
        """A finding over file offsets ``start``..``end`` of ``doc``, with an optional fix that
        replaces that text: safe as the rule's fixes are, unless an ``unsafe_reason`` says why
        this one is not."""
        if replacement is not None and end > start and doc.crosses_prose(start, end):
            # The prose range spans markup the prose does not show (a link's destination
            # between two words): reported, never edited, and only as far as its first piece.
            replacement = None
        place = _place(doc, start, end)
        fix = self._fix(place, replacement, fix_description, unsafe_reason)
        return self._finding(doc.relpath, place, message, fix, doc.text[start:end][:200])

    def finding_with_edits(
        self, doc: "Document", start: int, end: int, message: str, edits: list[tuple[int, int, str]], description: str,
        unsafe_reason: str = "",
    ) -> Finding:
        """A finding over ``start``..``end`` of ``doc`` whose fix makes several edits (start,
        end, replacement) at once, elsewhere too: one finding for a whole article. An edit
        whose range crosses markup the prose does not show is left out (see ``finding``)."""
        made = tuple(
            Edit.replacing(_place(doc, edit_start, edit_end), replacement)
            for edit_start, edit_end, replacement in edits
            if not (edit_end > edit_start and doc.crosses_prose(edit_start, edit_end))
        )
        fix = self._fix_of(made, description, unsafe_reason) if made else None
        return self._finding(doc.relpath, _place(doc, start, end), message, fix, doc.text[start:end][:200])

    def finding_span(
        self,
        summary,
        span,
        message: str,
        replacement: str | None = None,
        fix_description: str = "",
        edit_span=None,
        unsafe_reason: str = "",
    ) -> Finding:
        """A finding over a resolved ``Span`` of an article summary (for corpus rules); its fix
        replaces that text, or ``edit_span``'s (a reference link's destination is written in
        its definition, away from the link)."""
        fix = self._fix(edit_span or span, replacement, fix_description, unsafe_reason)
        return self._finding(summary.relpath, span, message, fix, f"{summary.id}:{message}"[:200])

    def finding_placed(
        self, relpath: str, place: Span, message: str, edits: list[tuple[Span, str]], description: str, unsafe_reason: str, context: str
    ) -> Finding:
        """A finding a document's check placed and a corpus check reports (it was kept in the
        article's summary): its place, its fix's edits (none: no fix) and their title ("": what
        a single edit puts), why the fix is unsafe, and the text it covers."""
        made = tuple(Edit.replacing(at, text) for at, text in edits)
        fix = self._fix_of(made, description or fix_title(made[0].replacement), unsafe_reason) if made else None
        return self._finding(relpath, place, message, fix, context)

    def _fix(self, place: Span, replacement: str | None, description: str, unsafe_reason: str) -> Fix | None:
        """The fix of one finding, with its applicability decided here and the reason beside it."""
        if replacement is None:
            return None
        return self._fix_of((Edit.replacing(place, replacement),), description or fix_title(replacement), unsafe_reason)

    def _fix_of(self, edits: tuple[Edit, ...], description: str, unsafe_reason: str) -> Fix:
        """A fix of ``edits``, safe as the rule's fixes are unless ``unsafe_reason`` says why not."""
        safe = self.fix == "safe" and not unsafe_reason
        reason = "" if safe else unsafe_reason or self.unsafe_reason or "check the result: this fix is not certain"
        return Fix(edits, safe, description, reason)

    def _finding(self, path: str, where: Span, message: str, fix: Fix | None, context: str) -> Finding:
        """A finding of this rule at the place ``where`` describes."""
        return Finding(
            path=path,
            line=where.line,
            column=where.column,
            end_line=where.end_line,
            end_column=where.end_column,
            code=self.code,
            name=self.name,
            severity=self.severity,
            message=message,
            fix=fix,
            context=context,
        )

    def finding_at(
        self, relpath: str, line: int, column: int, message: str, end_line: int = 0, end_column: int = 0, context: str = ""
    ) -> Finding:
        return Finding(
            path=relpath,
            line=line,
            column=column,
            end_line=end_line or line,
            end_column=end_column or column,
            code=self.code,
            name=self.name,
            severity=self.severity,
            message=message,
            context=context,
        )
