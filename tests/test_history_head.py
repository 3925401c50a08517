"""The commit HEAD points at, read from the repository's files, is what git says."""

import os
import shutil
import subprocess

import pytest

from kblint.kb.history import head_from_files, head_token

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

ENV = {**{k: v for k, v in os.environ.items() if not k.startswith("GIT_")}, "GIT_CONFIG_NOSYSTEM": "1", "HOME": "/nonexistent"}


def git(repo, *args):
    env = {**ENV, "GIT_AUTHOR_NAME": "w", "GIT_AUTHOR_EMAIL": "w@x", "GIT_COMMITTER_NAME": "w", "GIT_COMMITTER_EMAIL": "w@x"}
    return subprocess.run(["git", "-C", str(repo), *args], env=env, capture_output=True, text=True, check=True).stdout.strip()


def commit(repo, name):
    (repo / name).write_text(name, "utf-8")
    git(repo, "add", name)
    git(repo, "commit", "-q", "-m", name)
    return git(repo, "rev-parse", "HEAD")


@pytest.fixture
def repo(tmp_path, monkeypatch):
    for name in [k for k in os.environ if k.startswith("GIT_")]:
        monkeypatch.delenv(name)
    folder = tmp_path / "kb"
    (folder / "docs" / "en").mkdir(parents=True)
    git(folder, "init", "-q", "-b", "main")
    return folder


def test_a_branch_in_its_own_file_and_a_subfolder_of_the_tree(repo):
    sha = commit(repo, "a.md")
    assert head_from_files(repo) == sha == head_token(repo)
    assert head_from_files(repo / "docs" / "en") == sha


def test_a_packed_branch_and_a_detached_head(repo):
    commit(repo, "a.md")
    second = commit(repo, "b.md")
    git(repo, "pack-refs", "--all")
    assert not (repo / ".git" / "refs" / "heads" / "main").exists()
    assert head_from_files(repo) == second
    first = git(repo, "rev-parse", "HEAD~1")
    git(repo, "checkout", "-q", "--detach", first)
    assert head_from_files(repo) == first == head_token(repo)


def test_no_commit_yet_and_no_repository_say_none(repo, tmp_path):
    assert head_from_files(repo) is None  # git is asked, and says there is no HEAD
    assert head_token(repo) == ""
    outside = tmp_path / "plain"
    outside.mkdir()
    if any((p / ".git").exists() for p in (outside, *outside.parents)):
        pytest.skip("the temporary folder lies inside a repository")
    assert head_from_files(outside) == "" == head_token(outside)


def test_a_worktree_and_git_settings_in_the_environment_are_left_to_git(repo, tmp_path, monkeypatch):
    sha = commit(repo, "a.md")
    git(repo, "worktree", "add", "-q", str(tmp_path / "other"), "-b", "other")
    assert head_from_files(tmp_path / "other") is None
    assert head_token(tmp_path / "other") == sha
    monkeypatch.setenv("GIT_DIR", str(repo / ".git"))
    assert head_from_files(repo) is None
