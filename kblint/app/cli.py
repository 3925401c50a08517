"""The command line: ``kblint [PATHS]``, ``kblint explain``, ``kblint rules``, ``kblint graph``."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Sequence

from kblint import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SUBCOMMANDS = ("explain", "rules", "graph", "translations", "report", "server")


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # One line, no usage block: easy to read in CI logs and hook output.
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _rule_list(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _lint_parser() -> _Parser:
    parser = _Parser(
        prog="kblint",
        description="Lint a multilingual Markdown knowledge base. "
        "Other commands: 'kblint explain RULE', 'kblint rules', 'kblint graph', 'kblint translations', "
        "'kblint report', 'kblint server'.",
    )
    parser.add_argument("paths", nargs="*", help="files and folders to lint (default: .)")
    parser.add_argument("--format", default="text", help="text, json, github, gitlab or sarif")
    parser.add_argument("--select", type=_rule_list, action="extend", default=[], help="only these rules (names or codes, comma-separated)")
    parser.add_argument("--extend-select", type=_rule_list, action="extend", default=[], help="these rules in addition to the default set")
    parser.add_argument("--ignore", type=_rule_list, action="extend", default=[], help="skip these rules")
    parser.add_argument("--config", type=Path, help="configuration file (default: kblint.yaml found upwards)")
    parser.add_argument("--output", "-o", type=Path, help="write the report to this file instead of standard output")
    parser.add_argument("--fix", action="store_true", help="apply the fixes marked safe, then report what remains")
    parser.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff: apply unsafe fixes too")
    parser.add_argument("--diff", action="store_true", help="print the fixes as a unified diff and change nothing")
    parser.add_argument("--statistics", action="store_true", help="a count per rule instead of the findings")
    parser.add_argument("--baseline", type=Path, help="report only findings that are not in this baseline file")
    parser.add_argument("--write-baseline", type=Path, metavar="FILE", help="record the current findings as the baseline")
    parser.add_argument("--quiet", "-q", action="store_true", help="no summary line on standard error")
    parser.add_argument("--jobs", "-j", type=int, help="processes for parsing (default: one per core for large runs; at most one per core)")
    parser.add_argument("--force-jobs", action="store_true", help="start as many processes as --jobs says, even more than the cores")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    parser.add_argument("--cache-dir", type=Path, help="where the cache lives (default: .kblint_cache beside the configuration)")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    parser.add_argument("--version", action="version", version=f"kblint {__version__}")
    return parser


def _common_parser(prog: str, description: str) -> _Parser:
    parser = _Parser(prog=f"kblint {prog}", description=description)
    parser.add_argument("--config", type=Path, help="configuration file")
    parser.add_argument("--debug", action="store_true")
    return parser


def command() -> int:
    """The ``kblint`` command (and ``python -m kblint``): ``main`` with a fast exit."""
    return main(fast_exit=True)


def main(argv: Sequence[str] | None = None, fast_exit: bool = False) -> int:
    """Run kblint with ``argv``; returns the exit code. With ``fast_exit``, a lint run that
    completes ends the process itself (see ``_exit_now``)."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    try:
        if args and args[0] in SUBCOMMANDS:
            command = args.pop(0)
            return {"explain": _explain, "rules": _rules, "graph": _graph, "translations": _translations, "report": _report, "server": _server}[command](args)
        return _lint(args, fast_exit)
    except UsageError as error:
        print(f"kblint: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("kblint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (kblint | head): not an error of ours.
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return EXIT_CLEAN
    except Exception as error:  # noqa: BLE001 - the one place that turns errors into exit 2
        from kblint.model.config import ConfigError
        from kblint.kb.discover import DiscoveryError
        from kblint.model.userregex import SlowPattern

        if debug:
            import traceback  # here: a run that prints none starts (and forks its walk) sooner

            traceback.print_exc()
        if isinstance(error, (ConfigError, DiscoveryError, SlowPattern)):
            print(f"kblint: error: {error}", file=sys.stderr)
        else:
            first = str(error).splitlines()[0] if str(error) else ""
            print(f"kblint: internal error: {type(error).__name__}: {first}", file=sys.stderr)
        return EXIT_ERROR


# ---------------------------------------------------------------------------------------------


def _load(config_path: Path | None):
    from kblint.run.settings import load_config

    return load_config(config_path, Path.cwd())


def _registry(config):
    from kblint.rules.registry import registry_for

    return registry_for(config)


def _select(registry, config, select, ignore, extend):
    try:
        return registry.select(select or config.select, [*config.ignore, *ignore], [*config.extend_select, *extend])
    except KeyError as error:
        raise UsageError(f"unknown rule '{error.args[0]}': 'kblint rules' lists them") from error


def _paths(raw: list[str]) -> list[Path]:
    return [Path(p).absolute() for p in (raw or ["."])]


def _find_config(args_config: Path | None, paths: list[Path], memo_dir: Path | None | bool = None, before_layout=None):
    """The configuration from the working directory upwards; failing that, from the linted
    paths upwards, so that ``kblint path/to/kb`` uses that knowledge base's settings.
    ``before_layout``: see ``load_config``."""
    from kblint.run.settings import find_config_file, load_config

    if args_config is not None:
        return load_config(args_config, Path.cwd(), memo_dir, before_layout=before_layout)
    start = None
    if find_config_file(Path.cwd()) is None and paths:
        start = Path(os.path.commonpath([str(p) for p in paths]))
        if start.is_file():
            start = start.parent
        found = find_config_file(start)
        if found is not None:
            return load_config(found, Path.cwd(), memo_dir, before_layout=before_layout)
    return load_config(None, Path.cwd(), memo_dir, linted=start, before_layout=before_layout)


def _lint(argv: list[str], fast_exit: bool = False) -> int:
    args = _lint_parser().parse_args(argv)
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs takes a whole number of at least 1")
    from kblint.store.replay import Tee, for_invocation

    replay = for_invocation(args, argv, Path.cwd(), __version__)
    code = replay.replayed(sys.stdout, sys.stderr) if replay is not None else None
    if code is None:
        if replay is None:
            code, _ = _lint_run(args)
        else:
            started, out, err = time.time(), Tee(sys.stdout), Tee(sys.stderr)
            sys.stdout, sys.stderr = out, err
            try:
                code, config = _lint_run(args)
            finally:
                sys.stdout, sys.stderr = out.stream, err.stream
            _keep(replay, config, out.text(), err.text(), code, started)
    if fast_exit:
        _exit_now(code)
    return code


def _keep(replay, config, out: str, err: str, code: int, started: float) -> None:
    """Keep the run's report for the next run that changes nothing (kblint.store.replay),
    where the run ended well and every file it read is in the work tree (not a source
    repository of its own, a pack or a glossary kept elsewhere)."""
    read = [config.root, config.file, config.baseline, config.glossary_file, *config.packs, *config.redirects]
    if code == EXIT_ERROR or config.source_repo is not None or not all(_within(Path(p), replay.top) for p in read if p is not None):
        replay.forget()
        return
    cache = Path(config.cache_dir).absolute() if config.cache_dir is not None else None
    excluded = (str(cache.relative_to(replay.top)),) if cache is not None and _within(cache, replay.top) else ()
    replay.keep(out, err, code, started, excluded)


def _within(path: Path, top: Path) -> bool:
    return path.absolute().is_relative_to(top)


def _lint_run(args):
    """(the exit code, the configuration) of a lint run that is not replayed."""
    paths = _paths(args.paths)
    walks = []

    def start_walk(settings) -> None:  # the walk runs beside the search for the layout
        walks.append(_start_walk(args, paths, settings))

    try:
        config = _find_config(args.config, paths, False if args.no_cache else args.cache_dir, start_walk)
    except BaseException:
        if walks and walks[0] is not None:
            walks[0].stop()
        raise
    outcome = _linted(args, paths, config, walks[0] if walks else None)
    if isinstance(outcome, int):
        return outcome, config  # --fix, --diff
    return _reported(args, paths, config, outcome), config


def _reported(args, paths: list[Path], config, outcome) -> int:
    """Write the report of a lint run and return its exit code."""
    result, rules = outcome
    from kblint.output.reporters import Report, get_reporter
    from kblint.output.reporters import summarize as count
    from kblint.run.engine import display_path

    from kblint.output.baseline import load_baseline, new_findings, write_baseline
    from kblint.output.fingerprint import fingerprints

    cwd = Path.cwd()

    # Fingerprints use paths relative to the knowledge base root, so a baseline written in one
    # folder matches a run from another. Only computed where something reads them.
    baseline_path = args.baseline or config.baseline
    needs_prints = args.write_baseline is not None or baseline_path is not None or args.format in ("gitlab", "sarif")
    prints = fingerprints(result.findings) if needs_prints else []
    if args.write_baseline is not None:
        write_baseline(args.write_baseline, result.findings, prints)
        if not args.quiet:
            print(f"kblint: wrote {len(prints)} findings to the baseline {args.write_baseline}", file=sys.stderr)
        return EXIT_CLEAN
    found = result.findings
    if baseline_path is not None:
        found, prints = new_findings(found, prints, load_baseline(baseline_path))
    articles = _help_center_articles(config, result.corpus, {f.path for f in found}) if args.format == "json" else {}
    if args.format in ("github", "gitlab", "sarif"):
        found = [_in_export_file(f, config.root) for f in found]  # they name real files
    shown = {path: display_path(path, config.root, cwd) for path in {f.path for f in found}}
    findings = _displayed(found, shown)
    summary = count(findings, result.files)
    if args.statistics:
        _write(_statistics(findings), args.output)
    else:
        report = Report(findings, rules, result.files, str(cwd), summary, prints, {shown[p]: a for p, a in articles.items() if p in shown})
        _write(get_reporter(args.format)(report), args.output)
    if not args.quiet:
        print(_summary_line(summary), file=sys.stderr)
        if not result.files:
            _print_nothing_read(paths, config)
        _print_pairing_hint(result, config)
        _print_unbuilt(config, paths)
    blocking = summary["error"] + summary["warning"]
    code = EXIT_FINDINGS if blocking else EXIT_CLEAN
    if result.errors:
        code = _print_failures(result.errors, args.debug)
    return code


def _print_failures(errors: list[str], debug: bool) -> int:
    """kblint's own failures on some files or rules, after the findings of everything else: a
    line each (the traceback too with --debug); the run's exit code is then 2."""
    for error in errors:
        line, _, trace = error.partition("\n")
        print(f"kblint: internal error: {line}", file=sys.stderr)
        if debug and trace:
            print(trace.rstrip(), file=sys.stderr)
    if not debug:
        print("kblint: the findings above are those of the rest of the run; --debug shows where it failed", file=sys.stderr)
    return EXIT_ERROR


def _print_nothing_read(paths: list[Path], config) -> None:
    """Say that no file was an article kblint reads, and which kinds of file were there."""
    from collections import Counter

    from kblint.formats.registry import ARTICLE_SUFFIXES, EXPORT_FORMATS
    from kblint.kb.discover import discover_files

    others: list[str] = []
    try:
        discover_files(paths, config.root, config.exclude, others)
    except OSError:
        return
    kinds = Counter((Path(p).suffix.lower() or "(no suffix)") for p in others)
    read = ", ".join(ARTICLE_SUFFIXES + tuple(s for f in EXPORT_FORMATS for s in f.suffixes))
    skipped = ", ".join(f"{n} {kind}" for kind, n in kinds.most_common(6)) if kinds else "no files at all"
    print(f"kblint: no article was read: kblint reads {read} files; skipped {skipped}", file=sys.stderr)


def _print_pairing_hint(result, config) -> None:
    """Say once which ``locale_roots`` line would pair locale folders that pair nothing."""
    from kblint.kb.layout import pairing_hint

    hint = pairing_hint(result.read_relpaths(), config)  # read only when the layout asks
    if hint is not None:
        print(f"kblint: {hint}", file=sys.stderr)


def _print_unbuilt(config, paths: list[Path]) -> None:
    """Say which translations were left out because the site does not build their locales, and
    which Hugo themes (in a folder the run was given) because they are a theme's own files."""
    themes = config.layout.theme_folders if config.layout is not None else ()
    given = [path.resolve() for path in paths]
    themes = [folder for folder in themes if any(path == (theme := (config.root / folder).resolve()) or path in theme.parents for path in given)]
    if themes:
        listed = ", ".join(folder + "/" for folder in themes)
        print(f"kblint: not checked: {listed} (a Hugo theme's own files; a file of it named on the command line is)", file=sys.stderr)
    unbuilt = config.layout.unbuilt if config.layout is not None else ()
    if unbuilt:
        names = ", ".join(folder.rpartition("/")[2] for folder in unbuilt)
        print(
            f"kblint: not checked: {len(unbuilt)} translation{'s' if len(unbuilt) > 1 else ''} the site does not build ({names}: not in its "
            "i18n.locales); list them under 'locales' in kblint.yaml to check them",
            file=sys.stderr,
        )
    versions = [folder for folder in config.layout.unbuilt_versions if "/docusaurus-plugin-content-" not in folder] if config.layout is not None else []
    if versions:
        names = ", ".join(folder.rpartition("/version-")[2] for folder in versions)
        print(
            f"kblint: not checked: {len(versions)} version{'s' if len(versions) > 1 else ''} of the docs the site does not build "
            f"({names}: not in versions.json or its onlyIncludeVersions), nor their translations",
            file=sys.stderr,
        )


def _help_center_articles(config, corpus, relpaths: set[str]) -> dict[str, dict]:
    """For each help-center article (an export's HTML or text file, or an article an export
    file holds) with findings: its id, locale, title and page, which JSON output names beside
    the path. From the run's corpus; read again where the cache served the run without one."""
    from kblint.formats.registry import is_export_path
    from kblint.run.article import article_card

    found = {}
    for relpath in relpaths:
        if not is_export_path(relpath):
            continue
        summary = corpus.article_at(relpath) if corpus is not None else None
        card = article_card(config.root / relpath, relpath, config, summary)
        if card is not None:
            found[relpath] = card
    return found


def _in_export_file(finding, root: Path):
    """A finding in an article an export file holds, placed in that file (its body's line and
    column, in the JSON string where the body is written), the article named in the message:
    for outputs whose readers open real files. Its fix is left out: its places are the body's."""
    from dataclasses import replace

    from kblint.kb.containers import place_in_container
    from kblint.kb.discover import relative_to

    placed = place_in_container(str(root / finding.path), (finding.line, finding.column), (finding.end_line, finding.end_column))
    if placed is None:
        return finding
    container, key, ((line, column), (end_line, end_column)) = placed
    locale, _, article_id = key.rpartition("/")  # zh-tw/360001: as the file writes them
    named = f"article {article_id} ({locale}): " if locale else f"article {article_id}: "
    return replace(
        finding, path=relative_to(container, root), line=line, column=column, end_line=end_line, end_column=end_column,
        message=named + finding.message, fix=None,
    )  # fmt: skip


def _displayed(found: list, shown: dict[str, str]) -> list:
    """The findings as output shows them: their paths for the user (``shown``), and messages
    that name a file whose name is not UTF-8 with that name's bytes escaped (every format
    writes UTF-8)."""
    from kblint.model.text import escape_undecodable

    displayed = []
    for finding in found:
        path, message = shown[finding.path], escape_undecodable(finding.message)
        if path == finding.path and message == finding.message:
            displayed.append(finding)  # as it is: a copy of each of 100,000 findings would cost 50 MB
        else:
            displayed.append(finding.with_path(path, message))
    return displayed


def _exit_now(code: int) -> None:
    """End the process at once: the report is written and flushed, the cache committed and
    the workers joined, and tearing down a large run's objects one by one would only add a
    tenth of a second of waiting (the operating system takes the memory back as it is)."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # a reader that went away, a closed stream
        pass
    os._exit(code)


def _linted(args, paths: list[Path], config, walk=None):
    """The lint run's result and its rules, or the exit code of a run that fixes (``--fix``,
    ``--diff``). ``walk``: the discovery started as the configuration was read."""
    try:
        from kblint.output.reporters import FORMATS

        if args.format not in FORMATS:
            raise UsageError(f"unknown format '{args.format}': choose one of {', '.join(FORMATS)}")
        rules = _select(_registry(config), config, args.select, args.ignore, args.extend_select)
        if args.fix or args.diff:
            return _fix(args, paths, config, rules)
        from kblint.run.engine import run

        return run(paths, config, rules, walk=walk, **_speed_options(args, config, rules)), rules
    finally:
        if walk is not None:
            walk.stop()


def _start_walk(args, paths: list[Path], config):
    """Discovery started in a second process while this one imports the rules and opens the
    cache (see ``kblint.run.walk``), where the run may use one."""
    from kblint.run.cores import workers_for

    if args.fix or args.diff or workers_for(args.jobs, args.force_jobs)[0] < 2:
        return None
    from kblint.run.walk import start_walk

    return start_walk(paths, config, stats=not args.no_cache)


def _speed_options(args, config, rules) -> dict:
    """Cache, workers and progress display for a lint run."""
    from kblint.run.cores import workers_for

    workers, note = workers_for(args.jobs, args.force_jobs)
    if note and not args.quiet:
        print(f"kblint: {note}", file=sys.stderr)
    options: dict = {"workers": workers}
    if args.jobs is not None:
        options["min_parallel"] = 2  # asked for explicitly: no threshold
    if not args.no_cache:
        from kblint.store.cache import Cache, settings_key

        folder = args.cache_dir or config.cache_dir or (config.root / ".kblint_cache")
        options["cache"] = Cache(folder, settings_key(config, rules))
    if args.format == "text" and not args.quiet and sys.stderr.isatty():
        options["progress"] = _progress_bar
    return options


PROGRESS_MIN_FILES = 500


def _progress_bar(total: int):
    """A progress bar on standard error for long runs in a terminal; None for short ones."""
    if total < PROGRESS_MIN_FILES:
        return None
    from tqdm import tqdm

    bar = tqdm(total=total, unit="file", file=sys.stderr, leave=False, desc="kblint")

    def advance(n: int) -> None:
        bar.update(n)
        if bar.n >= total:
            bar.close()

    return advance


def _fix(args, paths, config, rules) -> int:
    from kblint.run.engine import display_path
    from kblint.run.fix import fix
    from kblint.output.reporters import Report, get_reporter
    from kblint.output.reporters import summarize as count

    options = _speed_options(args, config, rules)
    options.pop("progress", None)  # passes print no progress bar
    report = fix(paths, config, rules, unsafe=args.unsafe_fixes, diff_only=args.diff, **options)
    for error in report.errors:
        print(f"kblint: {error}", file=sys.stderr)
    for note in dict.fromkeys(report.notes):  # once each
        print(f"kblint: {note}", file=sys.stderr)
    total = sum(report.fixed.values())
    detail = ", ".join(f"{name} {n}" for name, n in sorted(report.fixed.items()))
    if args.diff:
        _write("".join(report.diffs), args.output)
        if not args.quiet:
            print(f"kblint: {total} fixes would change {len(report.files)} files" + (f" ({detail})" if detail else ""), file=sys.stderr)
        return EXIT_FINDINGS if report.diffs else EXIT_CLEAN
    cwd = Path.cwd()
    findings = _displayed(report.remaining, {f.path: display_path(f.path, config.root, cwd) for f in report.remaining})
    summary = count(findings, report.linted)
    _write(get_reporter(args.format)(Report(findings, rules, report.linted, str(cwd), summary)), args.output)
    if not args.quiet:
        print(f"kblint: fixed {total} findings in {len(report.files)} files" + (f" ({detail})" if detail else ""), file=sys.stderr)
        print(_summary_line(summary).replace("kblint: ", "kblint: remaining: ", 1), file=sys.stderr)
    if report.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if summary["error"] + summary["warning"] else EXIT_CLEAN


def _statistics(findings) -> str:
    from collections import Counter

    counts = Counter((f.code, f.name) for f in findings)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    width = max((len(str(n)) for n in counts.values()), default=1)
    return "".join(f"{n:>{width}}  {code}  {name}\n" for (code, name), n in rows)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        output.write_text(text, "utf-8")
    except OSError as error:
        raise UsageError(f"{output}: cannot write the report: {error.strerror}") from error


def _summary_line(summary: dict) -> str:
    files = summary["files"]
    file_word = "file" if files == 1 else "files"
    if not summary["findings"]:
        return f"kblint: no findings in {files} {file_word}"
    parts = [f"{summary[k]} {k}{'s' if summary[k] != 1 and k != 'info' else ''}" for k in ("error", "warning", "info") if summary[k]]
    return f"kblint: {summary['findings']} findings ({', '.join(parts)}) in {files} {file_word}"


# ---------------------------------------------------------------------------------------------


def _report(argv: list[str]) -> int:
    parser = _common_parser("report", "Write the knowledge base's health report: one self-contained HTML page.")
    parser.add_argument("paths", nargs="*", help="files and folders to report on (default: .)")
    parser.add_argument("--output", "-o", type=Path, default=Path("kb-health.html"), help="the HTML file to write (default: kb-health.html)")
    parser.add_argument("--history", type=int, default=0, metavar="N", help="also chart the findings per rule over the last N commits")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    parser.add_argument("--cache-dir", type=Path, help="where the cache lives (default: .kblint_cache beside the configuration)")
    parser.add_argument("--jobs", "-j", type=int, help="processes for parsing (default and at most: one per core)")
    parser.add_argument("--force-jobs", action="store_true", help="start as many processes as --jobs says, even more than the cores")
    parser.add_argument("--quiet", "-q", action="store_true", help="no summary line on standard error")
    args = parser.parse_args(argv)
    if args.history < 0:
        raise UsageError("--history takes a number of commits, 0 or more")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs takes a whole number of at least 1")
    from kblint.run.cores import workers_for
    from kblint.output.report import build
    from kblint.output.report_html import render, warm_up

    warm_up()  # the chart renderer starts meanwhile

    paths = _paths(args.paths)
    config = _find_config(args.config, paths, False)
    data = build(
        paths, config.file, use_cache=not args.no_cache, workers=workers_for(args.jobs, args.force_jobs)[0], history=args.history, cache_dir=args.cache_dir
    )
    from kblint.model.fsutil import atomic_write

    # A file name that is not UTF-8 is written with its bytes escaped.
    try:
        atomic_write(args.output, render(data).encode("utf-8", "backslashreplace"))
    except OSError as error:  # a full disk, a folder that is not there: nothing half-written stays
        raise UsageError(f"{args.output}: cannot write the report: {error.strerror or error}") from error
    if not args.quiet:
        print(f"kblint: wrote the report of {data.articles} articles ({len(data.findings)} findings) to {args.output}", file=sys.stderr)
    return EXIT_CLEAN


def _server(argv: list[str]) -> int:
    parser = _Parser(
        prog="kblint server",
        description="The language server: findings as you type, definitions, hovers and completion "
        "of article ids, over standard input and output (Language Server Protocol).",
    )
    parser.add_argument("--stdio", action="store_true", help="accepted for editors that pass it (standard I/O is the only transport)")
    parser.parse_args(argv)
    from kblint.app.server import main as serve

    return serve()


def _explain(argv: list[str]) -> int:
    parser = _common_parser("explain", "Print a rule's documentation.")
    parser.add_argument("rule", help="rule name or code")
    args = parser.parse_args(argv)
    registry = _registry(_load(args.config))
    rule = registry.get(args.rule)
    if rule is None:
        raise UsageError(f"unknown rule '{args.rule}': 'kblint rules' lists them")
    from kblint.rules.explain import explain_text

    sys.stdout.write(explain_text(rule))
    return EXIT_CLEAN


def _rules(argv: list[str]) -> int:
    parser = _common_parser("rules", "List every rule.")
    parser.add_argument("--format", default="text", choices=("text", "json"))
    args = parser.parse_args(argv)
    registry = _registry(_load(args.config))
    rules = list(registry)
    if args.format == "json":
        import json

        data = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity.value,
                "fix": r.fix,
                "enabled_by_default": r.enabled_by_default,
                "summary": r.summary,
                "origin": r.origin,
            }
            for r in rules
        ]
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return EXIT_CLEAN
    name_width = max(len(r.name) for r in rules)
    lines = [f"{'CODE':<7} {'NAME':<{name_width}} {'SEVERITY':<8} {'FIX':<6} {'ON':<3} SUMMARY"]
    for r in rules:
        on = "yes" if r.enabled_by_default else "no"
        lines.append(f"{r.code:<7} {r.name:<{name_width}} {r.severity.value:<8} {r.fix:<6} {on:<3} {r.summary}")
    sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_CLEAN


def _graph(argv: list[str]) -> int:
    parser = _common_parser("graph", "Write the reference graph for other tools.")
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--format", default="dot", choices=("dot", "graphml", "json"))
    parser.add_argument("--output", "-o", type=Path)
    args = parser.parse_args(argv)
    paths = _paths(args.paths)
    config = _find_config(args.config, paths)
    from kblint.corpus.corpus import Corpus
    from kblint.kb.discover import discover_files, relative_to
    from kblint.run.article import process_file, read_bytes
    from kblint.corpus.graph import export

    assets: list[str] = []
    files = discover_files(paths, config.root, config.exclude, assets)
    file_rules = [r for r in _registry(config) if r.check_file is not None]
    summaries = []
    for path in files:
        result = process_file(Path(path), relative_to(path, config.root), config, file_rules, False, data=read_bytes(Path(path)))
        if result.summary is not None:
            summaries.append(result.summary)
    corpus = Corpus(
        summaries,
        (relative_to(p, config.root) for p in files),
        config.source_locale,
        assets=(relative_to(a, config.root) for a in assets),
    )
    _write(export(corpus.graph, args.format), args.output)
    return EXIT_CLEAN


def _translations(argv: list[str]) -> int:
    parser = _common_parser("translations", "Per locale and top-level section: translated, missing, outdated, drifted.")
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--format", default="text", choices=("text", "json", "markdown"))
    parser.add_argument("--output", "-o", type=Path)
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    args = parser.parse_args(argv)
    paths = _paths(args.paths)
    config = _find_config(args.config, paths, False if args.no_cache else None)
    from kblint.output.translations import RULES, render, report

    cache = None
    if not args.no_cache:
        from kblint.store.cache import Cache, settings_key
        from kblint.rules.registry import Registry, builtin_rules

        rules = Registry(builtin_rules()).select(list(RULES), [])
        cache = Cache(config.cache_dir or (config.root / ".kblint_cache"), settings_key(config, rules))
    _write(render(report(paths, config, cache), args.format), args.output)
    return EXIT_CLEAN
