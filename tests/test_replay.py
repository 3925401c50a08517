"""A run asked again with nothing changed prints the last run's report; any change it depends
on (a file, the configuration, a commit, an option, the environment) runs it again."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from kblint.app.cli import main
from kblint.store import replay as replay_module
from helpers import write_files as write

SOURCE = "---\ntitle: Reset\n---\n\nOpen the the panel and press Save.\n"
TRANSLATION = "---\ntitle: 重設\n---\n\n開啟面板並按下儲存。\n"


def _run(root: Path, monkeypatch, capsys, *args: str) -> tuple[int, dict, str]:
    monkeypatch.chdir(root)
    code = main(["--format", "json", *args])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def _replays(monkeypatch) -> list[int]:
    """Counts the runs the memo answers (kblint.store.replay.Replay.replayed returning a code)."""
    answered: list[int] = []
    original = replay_module.Replay.replayed

    def counted(self, stdout, stderr):
        code = original(self, stdout, stderr)
        if code is not None:
            answered.append(code)
        return code

    monkeypatch.setattr(replay_module.Replay, "replayed", counted)
    return answered


@pytest.fixture
def repository(tmp_path, monkeypatch):
    """A git work tree with an article and its translation, its files' times two seconds old
    or more (a file changed as a run starts is not trusted to tell a later change)."""
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    write(tmp_path, {"en/reset.md": SOURCE, "zh-Hant/reset.md": TRANSLATION})
    _age(tmp_path)
    monkeypatch.setattr(replay_module, "_RACY_SECONDS", 0.0)
    return tmp_path


def _age(root: Path) -> None:
    """Wait out the file system's clock, so that the files under ``root`` written before are
    older than the next run."""
    time.sleep(0.05)


def test_a_second_run_with_nothing_changed_prints_the_same_report(repository, monkeypatch, capsys):
    answered = _replays(monkeypatch)
    first = _run(repository, monkeypatch, capsys)
    second = _run(repository, monkeypatch, capsys)
    assert answered == [1] and first == second and first[1]["findings"]
    assert (repository / ".kblint_cache" / ".gitignore").read_text().splitlines()[-1] == "*"


@pytest.mark.parametrize("change", ["edit", "new file", "configuration", "commit", "option", "environment"])
def test_a_change_the_report_depends_on_runs_it_again(repository, monkeypatch, capsys, change):
    answered = _replays(monkeypatch)
    first = _run(repository, monkeypatch, capsys)
    args: tuple[str, ...] = ()
    if change == "edit":
        write(repository, {"en/reset.md": SOURCE.replace("the the", "the")})
    elif change == "new file":
        write(repository, {"en/start.md": "---\ntitle: Start\n---\n\nRecieve the key.\n"})
    elif change == "configuration":
        write(repository, {"kblint.yaml": "ignore: [repeated-word]\n"})
    elif change == "commit":
        (repository / ".git" / "HEAD").write_text("ref: refs/heads/other\n")
    elif change == "option":
        args = ("--select", "typo")
    else:
        monkeypatch.setenv("KBLINT_TEST_SETTING", "1")
    _age(repository)
    second = _run(repository, monkeypatch, capsys, *args)
    assert answered == []  # run again
    assert _run(repository, monkeypatch, capsys, *args) == second and len(answered) == 1  # then kept again
    assert first[1]["findings"] and second[1]["findings"] != first[1]["findings"] or change in ("commit", "environment", "option")


def test_nothing_is_kept_for_a_run_without_cache_or_a_fix(repository, monkeypatch, capsys):
    answered = _replays(monkeypatch)
    _run(repository, monkeypatch, capsys, "--no-cache")
    _run(repository, monkeypatch, capsys, "--no-cache")
    assert answered == [] and not (repository / ".kblint_cache").exists()
    monkeypatch.chdir(repository)
    assert main(["--fix"]) == main(["--fix"]) == 1
    assert answered == [] and not (repository / ".kblint_cache" / "replay").exists()


def test_outside_a_work_tree_the_linted_folder_and_the_settings_above_it_are_the_key(tmp_path, monkeypatch, capsys):
    """A configuration above the linted folder (kblint.yaml found upwards) is stamped too."""
    monkeypatch.setattr(replay_module, "_RACY_SECONDS", 0.0)
    write(tmp_path, {"kb/en/reset.md": SOURCE, "kb/zh-Hant/reset.md": TRANSLATION})
    _age(tmp_path)
    answered = _replays(monkeypatch)
    first = _run(tmp_path / "kb", monkeypatch, capsys)
    assert _run(tmp_path / "kb", monkeypatch, capsys) == first and len(answered) == 1
    write(tmp_path, {"kblint.yaml": "ignore: [repeated-word]\n"})
    _age(tmp_path)
    assert _run(tmp_path / "kb", monkeypatch, capsys) != first and len(answered) == 1


def test_a_file_changed_while_the_run_read_it_is_not_trusted(repository, monkeypatch, capsys):
    """A file whose status changed from shortly before the run began may change again within
    the file system's clock tick: the report is not kept."""
    monkeypatch.setattr(replay_module, "_RACY_SECONDS", 3600.0)
    answered = _replays(monkeypatch)
    _run(repository, monkeypatch, capsys)
    _run(repository, monkeypatch, capsys)
    assert answered == [] and not any((repository / ".kblint_cache" / "replay").glob("*.json"))


def test_the_kept_report_replays_its_messages_and_exit_code(repository, monkeypatch, capsys):
    """Standard error's summary and the exit code come back as the run gave them."""
    monkeypatch.chdir(repository)
    codes, errs = [], []
    for _ in range(2):
        codes.append(main(["--format", "text"]))
        errs.append(capsys.readouterr())
    assert codes == [1, 1] and errs[0] == errs[1] and "findings" in errs[0].err


GIT = ["git", "-c", "user.name=K", "-c", "user.email=k@example.com", "-c", "commit.gpgsign=false"]


def _committed(folder: Path) -> None:
    """A git repository at ``folder`` whose one commit holds an article and its translation."""
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    write(folder, {"en/reset.md": SOURCE, "zh-Hant/reset.md": TRANSLATION})
    subprocess.run([*GIT, "-C", str(folder), "add", "-A"], check=True)
    subprocess.run([*GIT, "-C", str(folder), "commit", "-qm", "first"], check=True)


def _a_commit_runs_it_again(tree: Path, monkeypatch, capsys) -> None:
    """Run twice in ``tree`` (the second replayed), commit, run again (not replayed)."""
    monkeypatch.setattr(replay_module, "_RACY_SECONDS", 0.0)
    answered = _replays(monkeypatch)
    _age(tree)
    _run(tree, monkeypatch, capsys)
    _run(tree, monkeypatch, capsys)
    assert answered == [1]
    subprocess.run([*GIT, "-C", str(tree), "commit", "-q", "--allow-empty", "-m", "second"], check=True)
    _age(tree)
    _run(tree, monkeypatch, capsys)
    assert answered == [1]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_commit_in_a_real_repository_runs_it_again(tmp_path, monkeypatch, capsys):
    _committed(tmp_path)
    _a_commit_runs_it_again(tmp_path, monkeypatch, capsys)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_commit_in_a_linked_work_tree_runs_it_again(tmp_path, monkeypatch, capsys):
    """A linked work tree's .git is a file that names its own folder and the repository's."""
    main_tree, linked = tmp_path / "main", tmp_path / "linked"
    _committed(main_tree)
    subprocess.run([*GIT, "-C", str(main_tree), "worktree", "add", "-q", "-b", "side", str(linked)], check=True)
    _a_commit_runs_it_again(linked, monkeypatch, capsys)


def test_a_cache_folder_in_the_tree_under_another_name_is_no_file_of_it(repository, monkeypatch, capsys):
    """--cache-dir build/cache: what the run writes there changes nothing the report reads
    (the first run makes the folder, which the next finds new)."""
    answered = _replays(monkeypatch)
    first = _run(repository, monkeypatch, capsys, "--cache-dir", "build/cache")
    _age(repository)
    assert _run(repository, monkeypatch, capsys, "--cache-dir", "build/cache") == first and answered == []
    assert _run(repository, monkeypatch, capsys, "--cache-dir", "build/cache") == first and answered == [1]


def test_a_report_that_cannot_be_kept_still_ends_the_run_well(repository, monkeypatch, capsys):
    """A name that UTF-8 cannot write (a lone surrogate from the file system) is printed as the
    run prints it, and the report is not kept."""
    replay = replay_module.Replay(repository, repository / ".kblint_cache", "x")
    replay.tree, replay.excluded = ("digest", False), ()
    replay.keep("en/\udcff.md:1:1: finding\n", "", 1, time.time())
    assert not replay.path.exists() and list(replay.path.parent.iterdir()) == []
