from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Iterator

from kblint.model.finding import Finding, Severity
from kblint.corpus.summary import as_span
from kblint.rules.api import Rule


def _date(value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


@dataclass
class Behind:
    """How far a translation is behind its source."""

    message: str
    commits: int | None = None  # source commits since the translation
    days: int | None = None
    flagged: bool = False  # the help center itself marks the translation outdated


def check_corpus(corpus, config) -> Iterator[Finding]:
    for original, translation in corpus.checked_translations():
        behind = how_far_behind(original, translation, corpus, config)
        if behind is not None:
            # A help-center article has no id line: its title is where a reader looks.
            place = translation.id_span if translation.id_span.line > 1 or translation.title_span is None else as_span(translation.title_span)
            yield RULE.finding_span(translation, place, behind.message)


def _timestamp(value: str | None) -> datetime.datetime | None:
    if not value:
        return None
    try:
        stamp = datetime.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return stamp if stamp.tzinfo is not None else stamp.replace(tzinfo=datetime.timezone.utc)


def help_center_behind(original, translation, config) -> Behind | None:
    """What a help center's metadata says: the translation flagged outdated (its ``outdated``,
    its source's ``outdated_locales``), else its ``edited_at`` older than its source's by more
    than ``outdated_tolerance`` hours (possibly outdated)."""
    where = f"{original.locale} {original.id}"
    ours, theirs = translation.state, original.state
    source_edit, translation_edit = _timestamp(theirs.get("edited_at")), _timestamp(ours.get("edited_at"))
    if translation.locale in ours.get("outdated", ()) or translation.locale in theirs.get("outdated", ()):
        days = (source_edit - translation_edit).days if source_edit and translation_edit and source_edit > translation_edit else None
        return Behind(f"flagged outdated in the help center: the source ({where}) changed since this translation was made", days=days, flagged=True)
    if source_edit is None or translation_edit is None:
        return None
    lag = source_edit - translation_edit
    if lag.total_seconds() <= config.outdated_tolerance * 3600:
        return None
    days = lag.days
    late = _plural(days, "day") if days else _plural(int(lag.total_seconds() // 3600), "hour")
    return Behind(
        f"possibly outdated: the source ({where}) was edited {source_edit:%Y-%m-%d %H:%M}, {late} after this translation "
        f"({translation_edit:%Y-%m-%d %H:%M})",
        days=days,
    )


def _source_path(original, config) -> str | None:
    """The source's path in the history that holds it: the root's, or ``source_repo``'s."""
    if config.source_repo is None:
        return original.relpath
    try:
        return (config.root / original.relpath).resolve().relative_to(config.source_repo).as_posix()
    except ValueError:
        return None


def _skipped(history, config) -> frozenset[int]:
    """The commits of ``history`` whose subject holds a word of ``outdated_ignore``
    ("[i18nIgnore]", a tracker's "typo"): changes the translations need not follow."""
    return history.subjects_holding(tuple(config.outdated_ignore)) if config.outdated_ignore else frozenset()


def how_far_behind(original, translation, corpus, config) -> Behind | None:
    """Whether ``translation`` is behind ``original``, with the best evidence there is."""
    where = f"{original.locale} {original.id}"  # not a path: see translation-drift
    if original.state or translation.state:
        behind = help_center_behind(original, translation, config)
        if behind is not None or ("edited_at" in original.state and "edited_at" in translation.state):
            return behind  # the platform's own record is better evidence than an export's commits
    history = corpus.history
    sources = corpus.source_history if config.source_repo is not None else history
    source_path = _source_path(original, config)
    # Best: the translation records the source revision it was made from.
    if translation.source_commit and sources is not None and source_path is not None:
        index = sources.index_of(translation.source_commit)
        if index is None:
            repository = "the source repository" if config.source_repo is not None else "this repository"
            return Behind(f"the source revision {translation.source_commit} this translation records is not in the history of {repository}")
        skipped = _skipped(sources, config)
        changes = [i for i in sources.by_file.get(source_path, []) if i < index and i not in skipped]
        if changes:
            return Behind(
                f"the source ({where}) changed in {_plural(len(changes), 'commit')} since this translation's source revision "
                f"{translation.source_commit[:10]} (last {sources.describe(changes[0])}): update the translation and its revision",
                commits=len(changes),
            )
        return None
    # Next: the last commits of both files, when they live in one history.
    if history is not None and config.source_repo is None:
        skipped = _skipped(history, config)
        source_changes = [i for i in history.by_file.get(original.relpath, []) if i not in skipped]
        source_last = source_changes[0] if source_changes else None
        # (A skipped commit of the translation, one that touched every language, is no update of it.)
        translation_last = next((i for i in history.by_file.get(translation.relpath, []) if i not in skipped), None)
        # Committed together, git cannot tell which is newer: the dates below decide.
        if source_last is not None and translation_last is not None and source_last != translation_last:
            if source_last < translation_last:
                behind = sum(1 for i in source_changes if i < translation_last)
                days = (history.commits[source_last][1] - history.commits[translation_last][1]) // 86400
                return Behind(
                    f"the source ({where}) changed after this translation: {_plural(behind, 'commit')}"
                    f"{', ' + _plural(days, 'day') + ' later' if days > 0 else ''} (last {history.describe(source_last)})",
                    commits=behind,
                    days=max(days, 0),
                )
            return None
    # Last: the updated dates in front matter.
    source_date, translation_date = _date(original.updated), _date(translation.updated)
    if source_date and translation_date and source_date > translation_date:
        days = (source_date - translation_date).days
        return Behind(
            f"the source ({where}) was updated {source_date}, {_plural(days, 'day')} after this translation ({translation_date})",
            days=days,
        )
    return None


RULE = Rule(
    code="KL303",
    name="translation-outdated",
    severity=Severity.WARNING,
    summary="The source article changed after its translation was made.",
    documentation="""\
## What it does
Decides whether each translation is behind its source, with the best evidence there is:

1. a help center's own record (its metadata: a Zendesk export's fields, or the JSON or YAML
   file beside an HTML article): a translation flagged `outdated: true`, or listed in its
   source's `outdated_locales`, is "flagged outdated"; one whose `edited_at` is older than its
   source's by more than `outdated_tolerance` hours (default 24) is "possibly outdated";
2. the translation's front matter records the source revision it was made from
   (`source_commit: 3f2a9c1`; `source_commit_keys` in the configuration names other keys, such
   as Experience League's `source-git-commit` or a nested `l10n.sourceCommit`), and the source
   file has commits since then: in this repository, or in `source_repo` when the sources live
   in a git work tree of their own;
3. else, in a git repository, the source's last commit is newer than the translation's;
4. else, both sides' `updated` dates in front matter.

A commit whose subject holds a word of `outdated_ignore` is none of the translations' business
and does not count, for the source or for the translation (a change made to every language at
once is no update of the translation): by default `i18nIgnore`, `i18n-ignore` and
`lunaria-ignore`, with the `ignoredKeywords` of a Lunaria tracker's configuration (`lunaria.config.ts` at the root or
above it), which a site uses for typo fixes and changes only its source language has.

Git history is read with one `git log` call for the whole knowledge base, and only when the
run checks a translation pair: on a long history git works for seconds, and a knowledge base
in one language (or a run of source articles only) never waits for it. The message says how
far behind the translation is, in commits or days.

## Why it matters
A translation that silently falls behind gives readers of that language outdated steps, which
is worse than no translation at all.

## Example
```markdown file=en/KB1003.md
---
title: Exporting the vault
updated: 2026-06-20
---
```
```markdown file=zh-Hant/KB1003.md
---
title: 匯出保管庫
updated: 2026-04-02
---
```
fires: `the source (en KB1003) was updated 2026-06-20, 79 days after this translation (2026-04-02)`.

## Does not fire
A translation whose `source_commit` is the source's latest commit, that was committed after
the source's last change, or (outside git) whose `updated` date is not older:
```markdown file=en/KB1003.md
---
title: Exporting the vault
updated: 2026-06-20
---
```
```markdown file=zh-Hant/KB1003.md
---
title: 匯出保管庫
updated: 2026-06-22
---
```

## Fix
None: translate the change, then update `source_commit` or `updated`.
""",
    needs=frozenset({"pair-history"}),
    check_corpus=check_corpus,
)
