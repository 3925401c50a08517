"""Hostile, unlucky and concurrent inputs: each a regression test for a defect once found."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT, article

sys.path.insert(0, str(ROOT / "benchmarks"))
from shapes import SHAPES, lint_shape  # noqa: E402


def kblint(*args: str, cwd: Path, timeout: float = 120):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "kblint", *args], cwd=cwd, env=env, capture_output=True, timeout=timeout)


def knowledge_base(root: Path, body: str = "Text.\n") -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "kblint.yaml").write_text("source_locale: en\n", "utf-8")
    (root / "KB10.md").write_text(article("KB10", "en", "T", body), "utf-8")
    return root


@pytest.mark.timeout(120)  # a hang guard, not a speed test: a quadratic read takes hours
def test_a_directive_with_thousands_of_spaces_is_read_in_linear_time(tmp_path):
    kb = knowledge_base(tmp_path, "<!-- kblint-disable" + " " * 20000 + "x! -->\n\nText.\n")
    result = kblint("--no-cache", ".", cwd=kb)
    assert result.returncode in (0, 1)


def test_a_directive_still_works(tmp_path):
    kb = knowledge_base(tmp_path, "<!-- kblint-disable-next-line   typo ,  repeated-word   -->\nIt occured.\n\nIt occured.\n")
    result = kblint("--no-cache", "--format", "json", ".", cwd=kb)
    assert [f["line"] for f in json.loads(result.stdout)["findings"]] == [10]


def _rows(database: Path) -> list:
    with sqlite3.connect(database) as db:
        return db.execute("SELECT relpath, suppressed FROM files").fetchall()


def test_a_cache_row_of_another_shape_is_linted_again(tmp_path):
    kb = knowledge_base(tmp_path / "kb", "<!-- kblint-disable typo -->\nIt occured.\n")
    first = kblint("--format", "json", ".", cwd=kb)
    assert json.loads(first.stdout)["findings"] == []
    [database] = (kb / ".kblint_cache").glob("cache-*.sqlite")
    for damaged in ('{"ranges": [1]}', '{"whole_file": "typo"}', "[1, 2]", '{"ranges": [["typo", "a", 3]]}', "not json"):
        with sqlite3.connect(database) as db:
            db.execute("UPDATE files SET suppressed=?", (damaged,))
        again = kblint("--format", "json", ".", cwd=kb)
        assert again.returncode == 0, (damaged, again.stderr)
        assert json.loads(again.stdout)["findings"] == []  # the suppression still holds


def test_cache_rows_a_run_of_a_few_files_reads_are_checked_too(tmp_path):
    """What a run of a few files reads besides each file's row (other articles' skeleton
    columns, stored translation counts, the Chinese rules' kept view), damaged or of another
    shape, is read as not stored: the run finds what a run without a cache finds."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    kb = tmp_path / "kb"
    generate(kb, 60)
    checked = sorted(kb.glob("zh-Hant/000/*.md"))[:2]
    for path in checked:
        path.write_text(path.read_text("utf-8").replace("## 參考文章", "## 延伸閱讀"), "utf-8")
    names = [str(p.relative_to(kb)) for p in checked]
    clean = kblint("--format", "json", "--no-cache", *names, cwd=kb)
    expected = json.loads(clean.stdout)["findings"]
    assert any(f["name"] == "inconsistent-translation" for f in expected)
    kblint(".", cwd=kb)
    kblint(*names, cwd=kb)  # the Chinese view kept, the translation counts stored
    [database] = (kb / ".kblint_cache").glob("cache-*.sqlite")
    # (Columns keep text: a number written to one reads back as text, a blob as a blob.)
    damages = [
        "UPDATE derived_rows SET value=x'07'",
        "UPDATE derived_state SET state=x'00ff'",
        "UPDATE derived_state SET owner=x'01' WHERE rowid=(SELECT MIN(rowid) FROM derived_state)",
        "UPDATE derived_rows SET owner=x'02'",
        "UPDATE summaries SET id=x'0c', locale=x'03' WHERE relpath LIKE 'zh-Hant/%'",
        "UPDATE summaries SET root=x'01', title=x'04'",
        "UPDATE meta SET value='[\"Traditional\", [1], [2], {\"x\": [[\"a\", 1]]}, [], 3, {}]' WHERE key LIKE 'kept:%'",
        "UPDATE meta SET value='not json' WHERE key LIKE 'kept:%'",
    ]
    for damage in damages:
        with sqlite3.connect(database) as db:
            db.execute(damage)
        for path in checked:  # a change, so that the corpus rules run again
            path.write_text(path.read_text("utf-8") + "\n", "utf-8")
        expected = json.loads(kblint("--format", "json", "--no-cache", *names, cwd=kb).stdout)["findings"]
        again = kblint("--format", "json", *names, cwd=kb)
        assert again.returncode == 1, (damage, again.stderr)
        assert json.loads(again.stdout)["findings"] == expected, damage


def test_a_cache_folder_shared_with_other_files_keeps_them(tmp_path):
    kb = knowledge_base(tmp_path / "kb")
    shared = tmp_path / "shared"
    shared.mkdir()
    theirs = [shared / "cache-notes.sqlite", shared / "cache-1.sqlite", shared / "data.json"]
    for path in theirs:
        path.write_text("not kblint's", "utf-8")
    for k in range(6):  # more settings than the cache keeps: old databases of kblint's go
        (kb / "kblint.yaml").write_text(f"source_locale: en\naccepted_words: [word{k}]\n", "utf-8")
        assert kblint("--cache-dir", str(shared), ".", cwd=kb).returncode == 0
    assert all(path.read_text("utf-8") == "not kblint's" for path in theirs)
    assert not (shared / ".gitignore").exists()  # the folder is not kblint's to hide from git
    assert len(list(shared.glob("cache-*.sqlite"))) <= 3 + len(theirs)


def test_an_unreadable_cache_folder_means_no_cache(tmp_path, monkeypatch):
    """(As root, mode 000 stops nothing: the folder's failures are simulated.)"""
    from kblint.store import cache as caching
    from kblint.run.settings import load_config
    from kblint.run.engine import run
    from kblint.rules.registry import registry_for

    kb = knowledge_base(tmp_path, "It occured.\n")
    real_exists = Path.exists

    def denied(self, *args, **kwargs):
        if ".kblint_cache" in str(self):
            raise PermissionError(13, "Permission denied", str(self))
        return real_exists(self, *args, **kwargs)

    monkeypatch.setattr(Path, "exists", denied)
    monkeypatch.setattr(caching.sqlite3, "connect", lambda *a, **k: (_ for _ in ()).throw(sqlite3.OperationalError("unable to open database file")))
    config = load_config(None, kb)
    rules = registry_for(config).select([], [])
    cache = caching.Cache(kb / ".kblint_cache", caching.settings_key(config, rules))
    assert cache.db is None
    assert [f.name for f in run([kb], config, rules, cache=cache).findings] == ["typo"]


def test_a_file_name_that_is_not_utf8_is_linted_and_shown_escaped(tmp_path):
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "kblint.yaml").write_text("source_locale: en\n", "utf-8")
    name = b"KB11-\xb1\xa8\xb8\xe6.md"  # GBK bytes, as an archive unzipped on Linux leaves them
    try:
        with open(os.path.join(os.fsencode(kb), name), "wb") as handle:
            handle.write(article("KB11", "en", "T", "It occured.\n").encode("utf-8"))
    except OSError:
        pytest.skip("this file system takes only UTF-8 names")
    shown = "KB11-\\xb1\\xa8\\xb8\\xe6.md"
    for args in ([], [], ["--format", "json"], ["--format", "sarif"], ["--format", "github"], ["--format", "gitlab"]):
        result = kblint(*args, ".", cwd=kb)  # twice with the cache: the second reads it
        assert result.returncode == 1, (args, result.stderr)
        out = result.stdout.decode("utf-8")  # strictly UTF-8
        from urllib.parse import quote

        # As text, as JSON (a backslash escaped), as a SARIF URI (percent-encoded).
        assert shown in out or shown.replace("\\", "\\\\") in out or quote(shown, safe="/-._~") in out, args
    assert kblint("--output", str(tmp_path / "out.txt"), ".", cwd=kb).returncode == 1
    assert shown in (tmp_path / "out.txt").read_text("utf-8")
    assert kblint("--write-baseline", str(tmp_path / "base.json"), ".", cwd=kb).returncode == 0
    assert kblint("--baseline", str(tmp_path / "base.json"), ".", cwd=kb).returncode == 0
    assert kblint("report", ".", "-o", str(tmp_path / "health.html"), cwd=kb).returncode == 0
    assert kblint("--fix", ".", cwd=kb).returncode == 0
    with open(os.path.join(os.fsencode(kb), name), "rb") as handle:
        assert handle.read().endswith(b"It occurred.\n")


# --- Denial of service: one small article or configuration file ------------------------------


def _alias_bomb(indent: str = "") -> list[str]:
    """Nine levels of nine aliases: about 400 bytes that stand for 387 million strings."""
    lines = [f'{indent}l0: &l0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for level in range(1, 9):
        lines.append(f"{indent}l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 9) + "]")
    return lines


def test_an_alias_bomb_in_front_matter_is_a_finding_not_gigabytes(tmp_path):
    bomb = "\n".join(_alias_bomb("    "))
    text = f"---\nid: KB10\nlang: en\ntitle: T\nkblint:\n  bomb:\n{bomb}\n  disable: *l8\n---\n\nText.\n"
    knowledge_base(tmp_path)
    (tmp_path / "KB10.md").write_text(text, "utf-8")
    result = kblint("--no-cache", "--format", "json", ".", cwd=tmp_path, timeout=120)
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["name"] == "front-matter" and "alias" in finding["message"], finding


def test_an_alias_bomb_in_the_configuration_is_refused_before_validation(tmp_path):
    knowledge_base(tmp_path)
    (tmp_path / "kblint.yaml").write_text("\n".join(_alias_bomb()) + "\nselect: *l8\n", "utf-8")
    result = kblint("--no-cache", ".", cwd=tmp_path, timeout=120)
    assert result.returncode == 2
    assert b"kblint.yaml" in result.stderr and b"alias" in result.stderr


def test_anchors_of_ordinary_size_still_load(tmp_path):
    from kblint.formats import yamlsafe
    text = "base: &base {owner: docs, audience: [admins, users]}\nen: *base\nzh: {<<: *base, owner: l10n}\n"
    assert yamlsafe.load(text) == {
        "base": {"owner": "docs", "audience": ["admins", "users"]},
        "en": {"owner": "docs", "audience": ["admins", "users"]},
        "zh": {"owner": "l10n", "audience": ["admins", "users"]},
    }
    with pytest.raises(yamlsafe.YAMLTooLarge):
        yamlsafe.load("a: &a [x, *a]\n")  # an alias inside its own anchor


# Shapes that once took minutes (a scan from every opener, every heading or every range), 1 MB
# each. benchmarks/shapes.py times them; here a generous timeout only guards against a return
# of the quadratic scans, which take far longer than any machine's slowness.
@pytest.mark.timeout(180)
@pytest.mark.parametrize("shape", list(SHAPES))
def test_a_megabyte_of_any_shape_is_linted_without_hanging(tmp_path, shape):
    result = lint_shape(shape, tmp_path)
    assert result.summary is not None, shape  # read and summarized, not skipped
    assert len(result.findings) <= 12 * 501  # capped per rule


def test_a_rule_with_a_million_findings_stops_counting(tmp_path):
    kb = knowledge_base(tmp_path, "[a" * 200_000 + "\n")  # brackets alone would be named, not used
    result = kblint("--no-cache", "--select", "unbalanced-bracket", "--format", "json", ".", cwd=kb)
    findings = json.loads(result.stdout)["findings"]
    assert len(findings) == 501
    assert findings[-1]["message"].startswith("over 9,500 more unbalanced-bracket findings")


def test_a_catastrophic_references_pattern_is_stopped_and_named(tmp_path):
    knowledge_base(tmp_path, "Text " + "a" * 60 + ".\n")
    (tmp_path / "kblint.yaml").write_text(
        "source_locale: en\nreferences:\n  - pattern: '(?P<num>(a|aa)+b)'\n    id: 'KB{num}'\n", "utf-8"
    )
    result = kblint("--no-cache", ".", cwd=tmp_path, timeout=120)
    assert result.returncode == 2
    error = result.stderr.decode()
    assert "references[0].pattern" in error and "(a|aa)+b" in error and "KB10.md" in error, error


def test_a_catastrophic_pack_pattern_is_stopped_and_named(tmp_path):
    knowledge_base(tmp_path, "Text " + "a" * 60 + ".\n")
    (tmp_path / "kblint.yaml").write_text("source_locale: en\npacks: [house.yaml]\n", "utf-8")
    (tmp_path / "house.yaml").write_text(
        "rules:\n  - code: HS001\n    name: no-slow\n    type: existence\n    regex: true\n"
        "    summary: A pattern that backtracks.\n    tokens: ['(a|aa)+c']\n",
        "utf-8",
    )
    result = kblint("--no-cache", ".", cwd=tmp_path, timeout=120)
    assert result.returncode == 2
    assert "rule no-slow" in result.stderr.decode()


def test_user_patterns_still_match_as_re_would(tmp_path):
    knowledge_base(tmp_path, "Do not say utilise or utilize here.\n\nSee ticket T-42.\n")
    (tmp_path / "kblint.yaml").write_text("source_locale: en\npacks: [house.yaml]\n", "utf-8")
    (tmp_path / "house.yaml").write_text(
        "rules:\n  - code: HS002\n    name: plain-words\n    type: substitution\n    regex: true\n"
        "    summary: Plain words.\n    swap: {'utili[sz]e': use}\n",
        "utf-8",
    )
    result = kblint("--no-cache", "--select", "plain-words", "--format", "json", ".", cwd=tmp_path)
    findings = json.loads(result.stdout)["findings"]
    assert [(f["column"], f["message"]) for f in findings] == [
        (12, "'utilise' should be 'use'"),
        (23, "'utilize' should be 'use'"),
    ]


# --- Paths named on the command line, and the file system's limits --------------------------


def test_what_cannot_be_linted_is_said_not_skipped(tmp_path):
    kb = knowledge_base(tmp_path / "kb")
    os.mkfifo(kb / "pipe.md")
    (kb / "dangling.md").symlink_to("nowhere.md")
    (kb / "loop1").symlink_to("loop2")
    (kb / "loop2").symlink_to("loop1")
    for name, expected in [
        ("pipe.md", b"a named pipe"),
        ("dangling.md", b"a symbolic link to nowhere.md, which does not exist"),
        ("loop1", b"a symbolic link loop"),
    ]:
        result = kblint("--no-cache", name, cwd=kb, timeout=30)
        assert result.returncode == 2, (name, result.stderr)
        assert expected in result.stderr and b"internal error" not in result.stderr


def test_a_linked_folder_named_on_the_command_line_is_linted_but_never_fixed_through(tmp_path):
    kb = knowledge_base(tmp_path / "kb")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "KB20.md").write_text(article("KB20", "en", "T", "We recieve it.\n"), "utf-8")
    (kb / "linked").symlink_to(outside)
    listed = kblint("--no-cache", "linked", cwd=kb)
    assert listed.returncode == 1 and b"linked/KB20.md:7:4: KL201 typo" in listed.stdout
    for named in ("linked", "linked/KB20.md"):
        fixed = kblint("--no-cache", "--fix", named, cwd=kb)
        assert fixed.returncode == 2 and b"not fixed" in fixed.stderr, fixed.stderr
        assert "recieve" in (outside / "KB20.md").read_text("utf-8")


def test_a_name_near_the_length_limit_can_be_fixed(tmp_path):
    kb = knowledge_base(tmp_path)
    name = "長" * 76 + ".md"  # 231 bytes: the temporary file's name must not pass 255
    (kb / name).write_text(article("KB21", "en", "T", "We recieve it.\n"), "utf-8")
    result = kblint("--no-cache", "--fix", ".", cwd=kb)
    assert result.returncode == 0, result.stderr
    assert "We receive it." in (kb / name).read_text("utf-8")
    assert [p.name for p in kb.iterdir() if ".kblint-tmp-" in p.name] == []


def test_an_invalid_exclude_pattern_is_a_configuration_error(tmp_path):
    kb = knowledge_base(tmp_path)
    (kb / "kblint.yaml").write_text("source_locale: en\nexclude: ['\\']\n", "utf-8")  # one backslash
    result = kblint("--no-cache", ".", cwd=kb)
    assert result.returncode == 2
    assert b"exclude[0]" in result.stderr and b"internal error" not in result.stderr


def test_a_folder_past_path_max_is_a_finding(tmp_path):
    kb = knowledge_base(tmp_path)
    deep = os.open(kb, os.O_RDONLY)
    try:
        for _ in range(22):  # 22 folders of 200 bytes: past Linux's 4,096-byte PATH_MAX
            os.mkdir("d" * 200, dir_fd=deep)
            inner = os.open("d" * 200, os.O_RDONLY, dir_fd=deep)
            os.close(deep)
            deep = inner
        fd = os.open("KB22.md", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=deep)
        os.write(fd, article("KB22", "en", "T", "Text.\n").encode())
        os.close(fd)
    finally:
        os.close(deep)
    result = kblint("--no-cache", "--format", "json", ".", cwd=kb)
    findings = json.loads(result.stdout)["findings"]
    assert result.returncode == 1
    assert [f["name"] for f in findings] == ["unreadable-file"]
    assert "cannot be listed" in findings[0]["message"]


def test_a_file_that_cannot_be_written_is_reported_once(tmp_path, monkeypatch):
    from helpers import registry

    import kblint.run.fix as fixing
    from kblint.run.settings import load_config

    kb = knowledge_base(tmp_path)
    (kb / "KB10.md").write_text(article("KB10", "en", "T", "We recieve it.\n"), "utf-8")
    (kb / "KB11.md").write_text(article("KB11", "en", "T", "It occured. We recieve it. It occured.\n"), "utf-8")
    real = fixing.atomic_write

    def refuse(path, data, **kwargs):
        if path.name == "KB10.md":
            raise PermissionError(13, "Permission denied")
        return real(path, data, **kwargs)

    monkeypatch.setattr(fixing, "atomic_write", refuse)
    config = load_config(kb / "kblint.yaml", kb)
    report = fixing.fix([kb], config, registry().select(config.select, config.ignore))
    assert report.errors == ["KB10.md: not written: Permission denied"]
    assert "It occurred. We receive it. It occurred." in (kb / "KB11.md").read_text("utf-8")


# --- Scale ----------------------------------------------------------------------------------


def test_jobs_beyond_the_cores_are_capped_unless_forced(tmp_path, monkeypatch):
    import kblint.run.cores as cores

    monkeypatch.setattr(cores, "default_workers", lambda: 4)
    assert cores.workers_for(None) == (4, None)
    assert cores.workers_for(3) == (3, None)
    workers, note = cores.workers_for(64)
    assert workers == 4 and "--force-jobs" in note
    assert cores.workers_for(64, force=True) == (64, None)
    kb = knowledge_base(tmp_path)
    capped = kblint("--jobs", "10000", ".", cwd=kb)
    assert capped.returncode == 0 and b"--jobs 10000 is more than the" in capped.stderr


def test_translation_qa_data_stays_text_until_a_rule_reads_it():
    from kblint.corpus.contributed import STEP_LISTS, TRANSLATION_FACTS
    from kblint.corpus.summary import Deferred, Span, Summary

    span = Span(0, 4, 1, 1, 1, 5)
    facts = {"facts": [("number", "2048", [3, 1, 3, 5])], "step_lists": [(3, span)]}
    summary = Summary("en/a.md", "a", "en", "A", span, span, anchors=["intro"], contributed=facts)
    stored = Summary.from_json(json.loads(json.dumps(summary.to_json())))
    assert isinstance(stored.fact(TRANSLATION_FACTS), Deferred) and isinstance(stored.anchors, Deferred)
    assert list(stored.fact(TRANSLATION_FACTS)) == [["number", "2048", [3, 1, 3, 5]]] and "intro" in list(stored.anchors)
    assert stored.fact(STEP_LISTS) == [(3, span)] and isinstance(stored.fact(STEP_LISTS)[0][1], Span)  # a place is made again
    assert stored == Summary.from_json(summary.to_json()) and stored.fact(TRANSLATION_FACTS) == summary.fact(TRANSLATION_FACTS)
    again = Summary.from_json(json.loads(json.dumps(stored.to_json())))  # stored again as it came
    assert again.fact(TRANSLATION_FACTS).text == stored.fact(TRANSLATION_FACTS).text


def _failing_on(article_id: str, check):
    """``check`` as a rule's check that raises on the article ``article_id``: a bug of kblint's."""

    def failing(subject, config):
        if getattr(subject, "id", None) == article_id:
            raise ValueError("a bug in the rule")
        return check(subject, config)

    return failing


def test_a_rule_that_fails_on_one_file_ends_neither_the_run_nor_the_other_files(kb, monkeypatch, capsys):
    from kblint.app.cli import main
    from kblint.rules import repeated_word

    monkeypatch.setattr(repeated_word.RULE, "check", _failing_on("KB2", repeated_word.RULE.check))
    kb.add("KB1", "en", "One", "Open the the vault.\n")
    kb.add("KB2", "en", "Two", "Close the the vault.\n")
    kb.add("KB3", "en", "Three", "Lock the the vault.\n")
    monkeypatch.chdir(kb.root)
    code = main(["--no-cache", "--format", "json", "-q", "."])
    captured = capsys.readouterr()
    found = sorted((f["path"], f["name"]) for f in json.loads(captured.out)["findings"])
    assert found == [("en/KB1.md", "repeated-word"), ("en/KB3.md", "repeated-word")]
    assert "kblint: internal error: rule repeated-word failed on en/KB2.md: ValueError: a bug in the rule" in captured.err
    assert code == 2  # not a clean run, nor one with findings only


def test_a_corpus_rule_that_fails_is_reported_and_its_findings_are_not_cached(kb, monkeypatch, capsys):
    from kblint.app.cli import main
    from kblint.rules import broken_reference

    def failing(corpus, config):
        raise KeyError("a bug in the corpus rule")

    kb.add("KB1", "en", "One", "See KB404.\n\nOpen the the vault.\n")
    monkeypatch.setattr(broken_reference.RULE, "check_corpus", failing)
    assert main(["--format", "json", "-q", str(kb.root)]) == 2
    first = capsys.readouterr()
    assert [f["name"] for f in json.loads(first.out)["findings"]] == ["repeated-word"]
    assert "rule broken-reference failed on the corpus: KeyError" in first.err
    monkeypatch.undo()  # fixed: the next run, with the cache, finds what the rule finds
    assert main(["--format", "json", "-q", str(kb.root)]) == 1
    assert sorted(f["name"] for f in json.loads(capsys.readouterr().out)["findings"]) == ["broken-reference", "repeated-word"]


def test_a_failure_in_a_worker_process_is_reported_as_in_one_process(kb, monkeypatch):
    from kblint.rules import repeated_word
    from kblint.rules.registry import Registry, builtin_rules
    from kblint.run.engine import run
    from kblint.run.settings import load_config

    monkeypatch.setattr(repeated_word.RULE, "check", _failing_on("KB2", repeated_word.RULE.check))  # forked workers inherit it
    for n in range(1, 7):
        kb.add(f"KB{n}", "en", f"Title {n}", "Open the the vault.\n")
    rules = Registry(builtin_rules()).select(["repeated-word"], [])
    config = load_config(kb.root / "kblint.yaml", kb.root)
    pooled = run([kb.root], config, rules, workers=2, min_parallel=1)
    alone = run([kb.root], config, rules)
    assert [e.splitlines()[0] for e in pooled.errors] == [e.splitlines()[0] for e in alone.errors]
    assert [e.splitlines()[0] for e in alone.errors] == ["rule repeated-word failed on en/KB2.md: ValueError: a bug in the rule"]
    assert pooled.findings == alone.findings and len(alone.findings) == 5
