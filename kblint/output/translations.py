"""``kblint translations``: where each language stands, per top-level section.

For each locale other than the source's and each top-level section of the knowledge base (the
first folder under the locale root: ``help``, ``learn``; articles directly under it are the
section "(top)"): how many source articles there are, how many are translated, missing,
held as drafts by a help center (neither translated nor missing), outdated (and how far the worst is behind, in commits or days), drifted (with
translation-drift or untranslated-text findings), and translations whose source is gone. The
numbers come from one lint session, the same rules and evidence as the findings.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kblint.model.config import Config

RULES = ("translation-drift", "untranslated-text", "translation-outdated", "missing-translation")


@dataclass
class Row:
    """One locale and section of the translations table: how many sources are translated, missing or outdated."""

    locale: str
    section: str
    sources: int = 0
    translated: int = 0
    missing: int = 0
    drafts: int = 0  # translations the help center holds as drafts: neither translated nor missing
    outdated: int = 0
    behind_commits: int = 0  # the most commits an outdated translation is behind
    behind_days: int = 0  # the most days
    drifted: int = 0
    orphaned: int = 0  # translations without a source
    missing_articles: list[str] = field(default_factory=list)
    outdated_articles: list[str] = field(default_factory=list)

    @property
    def coverage(self) -> float:
        return self.translated / self.sources if self.sources else 1.0


def section_of(summary) -> str:
    """The first folder of an article under its locale root."""
    inside = summary.relpath[len(summary.root) + 1 :] if summary.root else summary.relpath
    return inside.split("/", 1)[0] if "/" in inside else "(top)"


@dataclass
class Outdated:
    """One translation behind its source."""

    translation: str  # root-relative paths
    source: str
    title: str | None
    commits: int
    days: int
    message: str


def report(paths: list[Path], config: "Config", cache=None) -> list[Row]:
    from kblint.run.engine import run
    from kblint.rules.registry import Registry, builtin_rules

    registry = Registry(builtin_rules())
    result = run(paths, config, registry.select(list(RULES), []), cache=cache, build_corpus=True)
    if result.corpus is None:
        return []
    return status(result.corpus, result.findings, config)[0]


def status(corpus, findings, config: "Config") -> tuple[list[Row], list[Outdated]]:
    """The rows (locale, section) and every outdated translation, most behind first, of the
    corpus's checked articles (all when it has none), with ``findings`` telling which drifted."""
    from kblint.corpus.behind import how_far_behind

    rows: dict[tuple[str, str], Row] = {}
    behind_all: list[Outdated] = []
    locales = sorted({s.locale for s in corpus.articles if s.locale != config.source_locale} | (set(config.locales) - {config.source_locale}))
    drifted = {f.path for f in findings if f.name in ("translation-drift", "untranslated-text")}

    def row(locale: str, section: str) -> Row:
        return rows.setdefault((locale, section), Row(locale, section))

    checked = corpus.checked  # the articles under the paths asked about (None: all)
    for article_id, versions in sorted(corpus.by_id.items()):
        if checked is not None and not any(v.relpath in checked for v in versions.values()):
            continue
        original = versions.get(config.source_locale)
        if original is None:
            for locale, translation in versions.items():
                row(locale, section_of(translation)).orphaned += 1
            continue
        section = section_of(original)
        for locale in locales:
            entry = row(locale, section)
            entry.sources += 1
            translation = versions.get(locale)
            if translation is None:
                entry.missing += 1
                entry.missing_articles.append(article_id)
                continue
            if translation.state.get("draft"):
                entry.drafts += 1
                continue
            entry.translated += 1
            if translation.relpath in drifted:
                entry.drifted += 1
            behind = how_far_behind(original, translation, corpus, config)
            if behind is not None and (behind.commits or behind.days or behind.flagged):
                entry.outdated += 1
                entry.outdated_articles.append(article_id)
                entry.behind_commits = max(entry.behind_commits, behind.commits or 0)
                entry.behind_days = max(entry.behind_days, behind.days or 0)
                behind_all.append(
                    Outdated(translation.relpath, original.relpath, translation.title, behind.commits or 0, behind.days or 0, behind.message)
                )
    behind_all.sort(key=lambda o: (-o.commits, -o.days, o.translation))
    return [rows[key] for key in sorted(rows)], behind_all


def _behind(row: Row) -> str:
    parts = []
    if row.behind_commits:
        parts.append(f"{row.behind_commits} commit{'s' if row.behind_commits != 1 else ''}")
    if row.behind_days:
        parts.append(f"{row.behind_days} day{'s' if row.behind_days != 1 else ''}")
    return ", ".join(parts) or "-"


COLUMNS = ("locale", "section", "sources", "translated", "coverage", "missing", "drafts", "outdated", "most behind", "drifted", "orphaned")


def _cells(row: Row) -> list[str]:
    return [
        row.locale, row.section, str(row.sources), str(row.translated), f"{row.coverage:.0%}", str(row.missing),
        str(row.drafts), str(row.outdated), _behind(row), str(row.drifted), str(row.orphaned),
    ]  # fmt: skip


def _with_totals(rows: list[Row]) -> list[Row]:
    """The rows, with a total for each locale after its sections when it has several."""
    result: list[Row] = []
    for locale in dict.fromkeys(r.locale for r in rows):
        mine = [r for r in rows if r.locale == locale]
        result.extend(mine)
        if len(mine) > 1:
            total = Row(locale, "all")
            for r in mine:
                for name in ("sources", "translated", "missing", "drafts", "outdated", "drifted", "orphaned"):
                    setattr(total, name, getattr(total, name) + getattr(r, name))
                total.behind_commits = max(total.behind_commits, r.behind_commits)
                total.behind_days = max(total.behind_days, r.behind_days)
            result.append(total)
    return result


def render(rows: list[Row], fmt: str) -> str:
    if fmt == "json":
        data = [{**asdict(r), "coverage": round(r.coverage, 4)} for r in rows]
        return json.dumps({"version": 1, "translations": data}, ensure_ascii=False, indent=2) + "\n"
    table = [_cells(r) for r in _with_totals(rows)]
    if fmt == "markdown":
        lines = ["| " + " | ".join(COLUMNS) + " |", "| " + " | ".join("---" if k < 2 else "---:" for k in range(len(COLUMNS))) + " |"]
        lines += ["| " + " | ".join(cells) + " |" for cells in table]
        return "\n".join(lines) + "\n"
    widths = [max(len(c), *(len(cells[k]) for cells in table)) if table else len(c) for k, c in enumerate(COLUMNS)]
    lines = ["  ".join(c.ljust(w) if k < 2 else c.rjust(w) for k, (c, w) in enumerate(zip(COLUMNS, widths))).rstrip()]
    for cells in table:
        lines.append("  ".join(c.ljust(w) if k < 2 else c.rjust(w) for k, (c, w) in enumerate(zip(cells, widths))).rstrip())
    return "\n".join(lines) + "\n"
