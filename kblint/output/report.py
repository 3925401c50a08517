"""``kblint report``: the health of a knowledge base, as figures for the people who own it.

What the page shows is computed here from one lint session (the corpus, loaded once) and the
findings of a lint run: nothing here decides what is wrong, it counts and arranges what the
rules found. ``kblint.output.report_html`` draws it.

The score of a locale is 100 / (1 + (3 × errors + warnings) / articles): 100 without findings,
50 with one warning per article, 25 with one error per article. Information findings do not
count.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import signal
import subprocess
import tarfile
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from kblint.corpus.corpus import ARTICLE_KINDS
from kblint.model.finding import Finding, Severity
from kblint.output.translations import Outdated, Row, status

# Findings that say a reference leads nowhere: the graph of the report is drawn around them.
BROKEN_RULES = ("broken-reference", "broken-link", "broken-anchor")
MAX_GRAPH_EDGES = 150  # the broken references drawn (the most referenced missing targets first)
WORST_ARTICLES = 20
# Charts and tables keep to a few dozen rows: the rest of a long list is one row of "others".
MAX_ROWS = 40
MAX_RULE_ROWS = 30


@dataclass
class LocaleHealth:
    """One locale's line of the health report: its articles and what was found in them."""

    locale: str
    articles: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    broken: int = 0  # broken references, links and anchors
    missing: int = 0  # source articles without a translation into this locale
    outdated: int = 0  # translations behind their source

    @property
    def score(self) -> int:
        if not self.articles:
            return 100
        return round(100 / (1 + (3 * self.errors + self.warnings) / self.articles))


@dataclass
class Node:
    """An article (or a missing one) in the health report's reference graph."""

    key: str  # an article's path, or what a broken reference asked for
    label: str
    title: str  # shown on hover
    missing: bool
    x: float = 0.0
    y: float = 0.0


@dataclass
class Edge:
    """A reference between two articles in the health report's graph, with the rule that saw it."""

    source: str
    target: str
    rule: str
    line: int


@dataclass
class WorstArticle:
    """An article among those with the most findings, with its counts."""

    path: str
    title: str
    locale: str
    errors: int
    warnings: int
    infos: int


@dataclass
class HistoryPoint:
    """Findings by rule at one commit, for the health report's history."""

    commit: str
    date: str
    subject: str
    counts: dict[str, int]  # rule name -> findings


@dataclass
class ReportData:
    """Everything the health report shows, gathered before the page is written."""

    name: str  # the knowledge base's folder
    generated: str
    articles: int
    findings: list[Finding]
    locale_of: dict[str, str]  # path -> locale, for the findings table
    titles: dict[str, str]  # path -> title
    locales: list[LocaleHealth]
    by_rule: list[tuple[str, str, str, int]]  # (rule, code, severity, count)
    coverage: list[Row]
    outdated: list[Outdated]
    nodes: list[Node]
    edges: list[Edge]
    worst: list[WorstArticle]
    history: list[HistoryPoint] | None = None
    totals: dict[str, int] = field(default_factory=dict)
    addresses: dict[str, str] = field(default_factory=dict)  # path -> the article's page on the help center


def build(
    paths: list[Path],
    config_file: Path | None = None,
    use_cache: bool = True,
    workers: int = 1,
    history: int = 0,
    cache_dir: Path | None = None,
) -> ReportData:
    """The report of the articles under ``paths``, against their whole knowledge base."""
    from kblint.kb.discover import relative_to
    from kblint.run.engine import run
    from kblint.run.session import Session

    start = paths[0] if len(paths) == 1 else Path(os.path.commonpath([str(p) for p in paths]))
    session = Session(
        start if start.is_dir() else start.parent, config_file, cache_dir=cache_dir, use_cache=use_cache, workers=workers, keep_findings=True
    )
    config = session.config
    corpus = session.corpus
    asked = [relative_to(p, config.root) for p in paths]
    whole = any(Path(p).resolve() == config.root.resolve() for p in paths)
    # The whole knowledge base: the session collected it already.
    result = session.findings() if whole else run(paths, config, session.rules, cache=session.cache, workers=workers)
    checked = None if whole else {s.relpath for s in corpus.articles if any(s.relpath == a or s.relpath.startswith(a.rstrip("/") + "/") for a in asked)}
    corpus.checked = checked
    articles = corpus.checked_articles
    findings = result.findings

    rows, outdated = status(corpus, findings, config)
    locale_of = {s.relpath: s.locale for s in corpus.articles}
    titles = {s.relpath: s.title or "" for s in corpus.articles}
    locales = _top_locales(_locales(articles, findings, rows, outdated, locale_of, config.source_locale))
    counts = Counter((f.name, f.code, f.severity.value) for f in findings)
    by_rule = _top_rules(sorted(((n, c, s, k) for (n, c, s), k in counts.items()), key=lambda r: (-r[3], r[0], r[2])))
    nodes, edges = _broken_graph(session, findings)
    worst = _worst(findings, locale_of, titles)
    data = ReportData(
        name=config.root.name or str(config.root),
        generated=_generated_at().strftime("%Y-%m-%d %H:%M UTC"),
        articles=len(articles),
        findings=findings,
        locale_of=locale_of,
        titles=titles,
        locales=locales,
        by_rule=by_rule,
        coverage=_top_sections(rows),
        outdated=outdated,
        nodes=nodes,
        edges=edges,
        worst=worst,
        totals={s.value: sum(1 for f in findings if f.severity is s) for s in Severity},
        addresses=_addresses(corpus.articles),
    )
    if history:
        data.history = _history(session, history)
    corpus.checked = None
    return data


def _addresses(articles) -> dict[str, str]:
    """Each help-center article's own page (its ``html_url``), where the report links it:
    web addresses only (never a ``javascript:`` one)."""
    found = {}
    for summary in articles:
        url = summary.state.get("html_url") if summary.state else None
        if isinstance(url, str) and url.lower().startswith(("https://", "http://")):
            found[summary.relpath] = url
    return found


def _locales(articles, findings: list[Finding], rows: list[Row], outdated: list[Outdated], locale_of, source: str) -> list[LocaleHealth]:
    found: dict[str, LocaleHealth] = {}
    for summary in articles:
        found.setdefault(summary.locale, LocaleHealth(summary.locale)).articles += 1
    for f in findings:
        locale = locale_of.get(f.path)
        if locale is None:
            continue
        health = found.setdefault(locale, LocaleHealth(locale))
        if f.severity is Severity.ERROR:
            health.errors += 1
        elif f.severity is Severity.WARNING:
            health.warnings += 1
        else:
            health.infos += 1
        if f.name in BROKEN_RULES:
            health.broken += 1
    for row in rows:
        found.setdefault(row.locale, LocaleHealth(row.locale)).missing += row.missing
    for item in outdated:
        locale = locale_of.get(item.translation)
        if locale is not None:
            found.setdefault(locale, LocaleHealth(locale)).outdated += 1
    return sorted(found.values(), key=lambda h: (h.locale != source, h.locale))


def _top_locales(locales: list[LocaleHealth]) -> list[LocaleHealth]:
    """The locales, the source's first, then those with the most articles up to MAX_ROWS;
    the others added up in one row."""
    if len(locales) <= MAX_ROWS:
        return locales
    source, rest = locales[0], sorted(locales[1:], key=lambda h: (-h.articles, h.locale))
    shown, others = rest[: MAX_ROWS - 2], rest[MAX_ROWS - 2 :]
    total = LocaleHealth(f"{len(others)} other locales")
    for health in others:
        for name in ("articles", "errors", "warnings", "infos", "broken", "missing", "outdated"):
            setattr(total, name, getattr(total, name) + getattr(health, name))
    return [source, *sorted(shown, key=lambda h: h.locale), total]


def _top_rules(by_rule: list[tuple[str, str, str, int]]) -> list[tuple[str, str, str, int]]:
    """The rules with the most findings (``by_rule`` is sorted so) up to MAX_RULE_ROWS; the
    others added up per severity."""
    if len(by_rule) <= MAX_RULE_ROWS:
        return by_rule
    shown, others = by_rule[: MAX_RULE_ROWS - 1], by_rule[MAX_RULE_ROWS - 1 :]
    rules = len({name for name, _, _, _ in others})
    per_severity = Counter()
    for _, _, severity, count in others:
        per_severity[severity] += count
    return shown + [(f"{rules} other rules", "", severity, count) for severity, count in sorted(per_severity.items())]


def _top_sections(rows: list[Row]) -> list[Row]:
    """Per locale, the sections with the most to do (missing, then outdated translations,
    then the most sources), so many that all locales together keep to about MAX_ROWS; the
    other sections of each locale added up in one row."""
    locales = list(dict.fromkeys(row.locale for row in rows))
    per_locale = max(4, MAX_ROWS // max(1, len(locales)))
    result: list[Row] = []
    for locale in locales:
        mine = [row for row in rows if row.locale == locale]
        if len(mine) <= per_locale:
            result.extend(mine)
            continue
        ranked = sorted(mine, key=lambda r: (-r.missing, -r.outdated, -r.sources, r.section))
        shown, others = ranked[: per_locale - 1], ranked[per_locale - 1 :]
        total = Row(locale, f"{len(others)} other sections")
        for row in others:
            for name in ("sources", "translated", "missing", "outdated", "drifted", "orphaned"):
                setattr(total, name, getattr(total, name) + getattr(row, name))
            total.behind_commits = max(total.behind_commits, row.behind_commits)
            total.behind_days = max(total.behind_days, row.behind_days)
        result.extend(sorted(shown, key=lambda r: r.section) + [total])
    return result


def _worst(findings: list[Finding], locale_of, titles) -> list[WorstArticle]:
    by_path: dict[str, Counter] = {}
    for f in findings:
        by_path.setdefault(f.path, Counter())[f.severity] += 1
    ranked = sorted(
        by_path.items(),
        key=lambda item: (-(3 * item[1][Severity.ERROR] + item[1][Severity.WARNING]), -sum(item[1].values()), item[0]),
    )
    return [
        WorstArticle(path, titles.get(path, ""), locale_of.get(path, ""), c[Severity.ERROR], c[Severity.WARNING], c[Severity.INFO])
        for path, c in ranked[:WORST_ARTICLES]
    ]


def _broken_graph(session, findings: list[Finding]) -> tuple[list[Node], list[Edge]]:
    """The articles with broken references and what each asked for, laid out for drawing.
    Each edge is a finding of a broken rule, placed on the reference the finding points at."""
    corpus = session.corpus
    broken = [f for f in findings if f.name in BROKEN_RULES]
    nodes: dict[str, Node] = {}
    edges: list[Edge] = []
    by_article: dict[str, list[Finding]] = {}
    for f in broken:
        by_article.setdefault(f.path, []).append(f)
    wanted: list[tuple[str, str, Finding, bool]] = []  # (from, to, finding, target missing)
    for path, found in sorted(by_article.items()):
        summary = session.full_summary(path)
        if summary is None:
            continue
        for ref in summary.references:
            if ref.style is not None:
                corpus.resolve(summary, ref)
        for f in found:
            ref = next((r for r in summary.references if (r.span.line, r.span.column) == (f.line, f.column)), None)
            if ref is None:
                ref = next((r for r in summary.references if r.url_span is not None and (r.url_span.line, r.url_span.column) == (f.line, f.column)), None)
            if ref is None:
                continue
            if f.name == "broken-anchor" and ref.resolved is not None:
                target, missing = ref.resolved, False  # the article is there; its anchor is not
            elif ref.kind in ARTICLE_KINDS and ref.target is not None and ref.target in corpus.by_id:
                target, missing = session.article(ref.target, summary.locale).relpath, False
            else:
                target, missing = (ref.target or ref.url or "?"), True
            wanted.append((path, target, f, missing))
    # The most referenced missing targets first, then everything else, up to the limit.
    asked = Counter(target for _, target, _, missing in wanted if missing)
    wanted.sort(key=lambda w: (-asked.get(w[1], 0), w[0], w[2].line))
    # An anchor missing on its own page is no reference between articles: the table lists it.
    wanted = [w for w in wanted if w[0] != w[1]]
    for source, target, f, missing in wanted[:MAX_GRAPH_EDGES]:
        for key, is_missing in ((source, False), (target, missing)):
            if key not in nodes:
                summary = corpus.by_path.get(key)
                # A short label (the last part of a path); the whole of it on hover.
                label = (summary.id if summary is not None else key).rstrip("/").rsplit("/", 1)[-1] or key
                if summary is not None and summary.locale != corpus.source_locale:
                    label += f" ({summary.locale})"  # the versions of one article are told apart
                title = f"{summary.title or key} ({key})" if summary is not None else f"{key}: does not exist"
                nodes[key] = Node(key, label, title, is_missing)
        edges.append(Edge(source, target, f.name, f.line))
    _layout(list(nodes.values()), edges)
    return list(nodes.values()), edges


def _layout(nodes: list[Node], edges: list[Edge]) -> None:
    """Places the nodes: each connected group by networkx's spring layout (seeded: the same
    corpus draws the same), the groups side by side in rows like words in a paragraph, largest
    first, each with room on its right for the labels, so that small groups do not drift to
    the corners of one big layout."""
    if not nodes:
        return
    import networkx

    graph = networkx.Graph()
    graph.add_nodes_from(n.key for n in nodes)
    graph.add_edges_from((e.source, e.target) for e in edges)
    groups = sorted((sorted(c) for c in networkx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    label_room, gap = 2.2, 0.8

    def side(group: list[str]) -> float:
        return 2.0 * (len(group) - 1) ** 0.5  # a group's side grows with the square root of its nodes

    # Rows as wide as makes the whole about as wide as the drawing (1000 × 640).
    area = sum((side(g) + label_room) * (side(g) + gap) for g in groups)
    row_width = max((area * 1000 / 640) ** 0.5, max(side(g) for g in groups) + label_room)
    places: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for group in groups:
        size = side(group)
        if x and x + size > row_width:
            x, y, row_height = 0.0, y + row_height + gap, 0.0
        if len(group) <= 2:  # most broken references are one article and what it asks for
            found = {key: (float(i), 0.25 * i) for i, key in enumerate(group)}
        else:
            # A graph of its own, nodes and edges in sorted order: a subgraph view iterates its
            # nodes in the order of a set of strings, which differs from process to process, and
            # the seeded layout would then differ too.
            members = set(group)
            part = networkx.Graph()
            part.add_nodes_from(group)
            part.add_edges_from(sorted((a, b) if a <= b else (b, a) for a, b in graph.edges(group) if b in members))
            found = networkx.spring_layout(part, seed=7, k=2.0 / len(group) ** 0.5)
        xs = [p[0] for p in found.values()]
        ys = [p[1] for p in found.values()]
        span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
        for key, (px, py) in found.items():
            places[key] = (x + (px - min(xs)) / span_x * size, y + (py - min(ys)) / span_y * size)
        x += size + label_room
        row_height = max(row_height, size)
    for node in nodes:
        node.x, node.y = places[node.key]


class Terminated(KeyboardInterrupt):
    """SIGTERM, turned into an exception so that the temporary folders of the history are
    removed on the way out (a process ended by the signal itself leaves them behind)."""


@contextlib.contextmanager
def _terminate_as_exception() -> Iterator[None]:
    """While the block runs, SIGTERM raises Terminated once (a second one does not interrupt
    the cleanup the first started)."""
    raised = False

    def stop(signum, frame) -> None:
        nonlocal raised
        if not raised:
            raised = True
            raise Terminated()

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: the caller owns the signals
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _history(session, commits: int) -> list[HistoryPoint]:
    with _terminate_as_exception():
        return _history_points(session, commits)


def _history_points(session, commits: int) -> list[HistoryPoint]:
    """Findings per rule at each of the last ``commits`` commits that touched the knowledge base.
    Each commit's files are written to a temporary folder and linted with a copy of the
    knowledge base's cache, which serves every file whose content it has seen (by its hash):
    only what differs from today, or from the commit linted before, is parsed, and today's cache
    is left as it was."""
    from kblint.store.cache import Cache, settings_key
    from kblint.model.config import Config, ConfigError
    from kblint.run.settings import find_git_root, load_config
    from kblint.kb.layout import find_layout
    from kblint.run.engine import run

    config = session.config
    top = find_git_root(config.root)
    if top is None:
        return []
    prefix = config.root.resolve().relative_to(top.resolve()).as_posix()
    prefix = "" if prefix == "." else prefix
    listed = _git(top, "log", f"-{commits}", "--format=%H%x00%ct%x00%s", "--", prefix or ".")
    points = []
    with tempfile.TemporaryDirectory(prefix="kblint-history-cache-") as cache_folder:
        today_key = settings_key(config, session.rules)
        if session.cache is not None and session.cache.db is not None:
            _copy_cache(session.cache, Path(cache_folder) / session.cache.path.name)
        for line in listed.splitlines():
            sha, when, subject = line.split("\x00", 2)
            with tempfile.TemporaryDirectory(prefix="kblint-history-") as folder:
                if not _export(top, sha, prefix, Path(folder)):
                    continue
                root = Path(folder) / prefix if prefix else Path(folder)
                if not root.is_dir():
                    continue
                then_file = next((root / n for n in ("kblint.yaml", ".kblint.yaml") if (root / n).is_file()), None)
                try:
                    then = load_config(then_file, root, False) if then_file else Config(root=root)
                except ConfigError:  # a configuration broken at that commit: the defaults
                    then = Config(root=root)
                then.git_history = False  # the exported folder has no history
                if then.layout is None:
                    then.layout = find_layout(root, then)
                # The same settings as today: today's results serve the files that did not change.
                same = then.raw == config.raw and then.layout == config.layout
                key = today_key if same else settings_key(then, session.rules)
                cache = Cache(Path(cache_folder), key) if session.cache is not None else None
                found = run([root], then, session.rules, cache=cache, forget_missing=False).findings
                if cache is not None:
                    cache.close()
            date = datetime.datetime.fromtimestamp(int(when), datetime.timezone.utc).strftime("%Y-%m-%d")
            points.append(HistoryPoint(sha[:10], date, subject, dict(Counter(f.name for f in found))))
    points.reverse()  # oldest first
    return points


def _copy_cache(cache, target: Path) -> None:
    """A consistent copy of the cache's database (SQLite's backup: its journal included)."""
    import sqlite3

    try:
        copy = sqlite3.connect(target)
        with copy:
            cache.db.backup(copy)
        copy.close()
    except sqlite3.Error:
        target.unlink(missing_ok=True)  # no copy: the history is parsed afresh


def _git(top: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(top), *args], capture_output=True, encoding="utf-8", errors="replace", timeout=120)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout if done.returncode == 0 else ""


def _export(top: Path, sha: str, prefix: str, folder: Path) -> bool:
    """The files under ``prefix`` at commit ``sha``, written into ``folder``."""
    archive = folder / ".export.tar"
    try:
        with open(archive, "wb") as out:
            done = subprocess.run(["git", "-C", str(top), "archive", "--format=tar", sha, "--", prefix or "."], stdout=out, stderr=subprocess.DEVNULL, timeout=300)
        if done.returncode != 0:
            return False
        with tarfile.open(archive) as tar:
            members = [m for m in tar.getmembers() if (m.isfile() or m.isdir()) and not Path(m.name).is_absolute() and ".." not in Path(m.name).parts]
            safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}  # Python 3.11.4+
            tar.extractall(folder, members=members, **safe)  # files and folders only, none outside ``folder``
        return True
    except (OSError, subprocess.SubprocessError, tarfile.TarError):
        return False
    finally:
        archive.unlink(missing_ok=True)


def _generated_at() -> datetime.datetime:
    """Now, or the time SOURCE_DATE_EPOCH names (reproducible builds: the same knowledge base
    gives the same page, byte for byte, whenever it is drawn)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc)
    return datetime.datetime.now(datetime.timezone.utc)
