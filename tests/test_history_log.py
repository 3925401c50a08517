"""The git log translation-outdated reads is the one git prints with the pathspec ".", whether
git was asked for it that way (a knowledge base in a folder of its repository) or without a
pathspec and the walk replayed (at the top of a work tree, where that costs git less)."""

import os
import shutil
import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kblint.kb.history import PendingHistory, simplified_log

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

ENV = {**{k: v for k, v in os.environ.items() if not k.startswith("GIT_")}, "GIT_CONFIG_NOSYSTEM": "1", "HOME": "/nonexistent"}
DAY = 86400
START = 1_700_000_000


def git(repo, *args, when: int | None = None):
    env = {**ENV, "GIT_AUTHOR_NAME": "w", "GIT_AUTHOR_EMAIL": "w@x", "GIT_COMMITTER_NAME": "w", "GIT_COMMITTER_EMAIL": "w@x"}
    if when is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"@{when} +0000"
    return subprocess.run(["git", "-C", str(repo), *args], env=env, capture_output=True, text=True, check=True).stdout.strip()


def change(repo, relpath: str, text: str, message: str, when: int) -> None:
    path = repo / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, when=when)


def pathspec_log(root) -> str:
    """What git prints with the pathspec ".", as PendingHistory keeps it."""
    out = subprocess.run(
        ["git", "-c", "core.quotePath=false", "-C", str(root), "log", "--format=%x00%H %ct %s", "--name-only", "--relative", "--no-renames", "HEAD", "--", "."],
        env=ENV, capture_output=True, check=True,
    ).stdout.decode("utf-8", "replace")  # fmt: skip
    return out.replace("\r\n", "\n").replace("\r", "\n")


@pytest.fixture
def tangled(tmp_path, monkeypatch):
    """A history with every shape git's simplification treats apart: a first commit of nothing,
    an empty commit, a merge that kept one side only, a merge of two changed sides, a side
    branch whose commits are older than the main line's, and dates out of order."""
    for name in [k for k in os.environ if k.startswith("GIT_")]:
        monkeypatch.delenv(name)
    repo = tmp_path / "kb"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "commit", "-q", "--allow-empty", "-m", "Start", when=START)
    change(repo, "docs/en/guide.md", "One.\n", "Add the guide", START + DAY)
    change(repo, "docs/zh-Hant/guide.md", "一。\n", "Translate the guide: 指南", START + 2 * DAY)
    git(repo, "checkout", "-q", "-b", "side")
    change(repo, "docs/en/guide.md", "One, on a side.\n", "A change no one kept", START + 3 * DAY)
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "-s", "ours", "--no-edit", "side", when=START + 4 * DAY)
    git(repo, "commit", "-q", "--allow-empty", "-m", "Nothing changed", when=START + 5 * DAY)
    git(repo, "checkout", "-q", "-b", "late")
    change(repo, "docs/en/other name.md", "Two.\n", "Add a page, dated early", START + DAY // 2)
    git(repo, "checkout", "-q", "main")
    change(repo, "README.md", "Read me.\n", "Add a read-me", START + 6 * DAY)
    git(repo, "merge", "-q", "--no-edit", "late", when=START + 7 * DAY)
    change(repo, "docs/en/guide.md", "One, changed.\r\n", "Change the guide\rwith a carriage return", START + 6 * DAY)
    return repo


def test_the_log_at_the_top_of_a_work_tree_is_the_one_git_prints_with_the_pathspec(tangled):
    history = PendingHistory(tangled)
    assert history._whole
    expected = pathspec_log(tangled)
    assert "A change no one kept" not in expected and "Nothing changed" not in expected  # the shapes are there
    assert history.log()[1] == expected


def test_a_knowledge_base_in_a_folder_of_its_repository_asks_git_with_the_pathspec(tangled):
    history = PendingHistory(tangled / "docs")
    assert not history._whole
    assert history.log()[1] == pathspec_log(tangled / "docs")


def test_an_empty_log_and_a_single_first_commit():
    assert simplified_log("") == ""
    tree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
    assert simplified_log(f"\x00{'a' * 40} 5 {tree} \x01Start\n") == ""
    assert simplified_log(f"\x00{'a' * 40} 5 {'b' * 40} \x01Start\n\nx.md\n") == f"\x00{'a' * 40} 5 Start\n\nx.md\n"


def _after(known, root):
    """The log a run reads after ``known`` was kept, and the commit git was asked for the
    commits since (None: the whole log)."""
    history = PendingHistory(root, known)
    since = history._since
    return history.log()[1], since, history.kept()


def test_after_a_commit_git_is_asked_for_the_new_commits_only(tangled):
    first = PendingHistory(tangled)
    first.log()
    kept = first.kept()
    assert kept[0] == git(tangled, "rev-parse", "HEAD") and "\x01" in kept[1]
    git(tangled, "checkout", "-q", "-b", "old", "HEAD~3")  # a branch from far back, merged now
    change(tangled, "docs/en/guide.md", "One, from an old branch.\n", "Change the guide on an old branch", START + 3 * DAY)
    git(tangled, "checkout", "-q", "main")
    change(tangled, "docs/zh-Hant/guide.md", "一，改了。\n", "Update the translation", START + 8 * DAY)
    git(tangled, "merge", "-q", "--no-edit", "-X", "theirs", "old", when=START + 9 * DAY)
    text, since, again = _after(kept, tangled)
    assert since == kept[0] and text == pathspec_log(tangled)
    assert _after(again, tangled)[:2] == (text, None)  # HEAD's own log: git is not asked


def test_after_a_rewrite_the_log_is_the_new_branch_s(tangled):
    first = PendingHistory(tangled)
    kept = (first.log()[0], first.kept()[1])
    git(tangled, "reset", "-q", "--hard", "HEAD~1")  # back to an ancestor: nothing new to ask for
    text, since, _ = _after(kept, tangled)
    assert since == kept[0] and text == pathspec_log(tangled)
    change(tangled, "docs/en/guide.md", "One, rewritten.\n", "Rewrite the guide", START + 10 * DAY)
    text, _, again = _after(kept, tangled)
    assert text == pathspec_log(tangled) and kept[0] not in again[1]  # what no branch reaches is not kept
    gone = ("f" * 40, kept[1])  # a kept commit git no longer has: the whole log again
    text, since, again = _after(gone, tangled)
    assert text == pathspec_log(tangled) and git(tangled, "rev-parse", "HEAD~1") in again[1]


def test_a_log_kept_by_an_earlier_version_is_read_as_it_is(tangled):
    head = git(tangled, "rev-parse", "HEAD")
    text = pathspec_log(tangled)
    history = PendingHistory(tangled, (head, text))
    assert history.known and history.log()[1] == text
    change(tangled, "docs/en/guide.md", "One, once more.\n", "Once more", START + 11 * DAY)
    assert _after((head, text), tangled)[:2] == (pathspec_log(tangled), None)


def test_commits_kept_at_the_top_are_not_read_as_a_folder_s_log(tangled):
    top = PendingHistory(tangled)
    top.log()
    history = PendingHistory(tangled / "docs", top.kept())
    assert not history.known and history.log()[1] == pathspec_log(tangled / "docs")


def test_a_damaged_kept_log_means_the_whole_log_again(tangled):
    head = git(tangled, "rev-parse", "HEAD")
    other = "a" * 40
    for damaged in (f"\x00{other} 5 {other} \x01Not this history\n", f"\x00{other} 5 {other} \x01x\n\x00short\x01\n\x00{other} when {other}\x01y\n"):
        history = PendingHistory(tangled, (head, damaged))
        assert history.known and history.log()[1] == pathspec_log(tangled)
    assert simplified_log("\x00one two\x01x\n\x00\n") == ""


def test_the_text_made_from_kept_commits_is_kept_for_the_next_run_at_that_commit(tangled, monkeypatch):
    """A run at the commit of the kept text reads it as it is: no walk over the commits (a
    third of a second on 30,000 of them); a run at another commit makes it again."""
    import kblint.kb.history as history_module

    first = PendingHistory(tangled)
    first.log()
    kept, text = first.kept(), first.text_kept()
    assert text is not None and text[1] == pathspec_log(tangled)
    monkeypatch.setattr(history_module, "_simplified", lambda *args: pytest.fail("walked the commits again"))
    again = PendingHistory(tangled, kept, known_text=text)
    assert again.log()[1] == pathspec_log(tangled) and again.text_kept() is None
    monkeypatch.undo()
    change(tangled, "docs/en/guide.md", "One, at last.\n", "At last", START + 12 * DAY)
    later = PendingHistory(tangled, kept, known_text=text)
    assert later.log()[1] == pathspec_log(tangled) and later.text_kept() is not None


def _eager(text: str):
    """The history as a whole reading makes it: (sha, time), subject and names per record."""
    commits, subjects, files = [], [], {}
    for index, record in enumerate(text.split("\x00")[1:]):
        header, _, names = record.partition("\n")
        sha, _, rest = header.partition(" ")
        when, _, subject = rest.partition(" ")
        commits.append((sha, int(when) if when.isdigit() else 0))
        subjects.append(subject.strip())
        for name in names.split("\n"):
            if name:
                files.setdefault(name, []).append(index)
    return commits, subjects, files


SHAS = ["a" * 40, "ab" + "c" * 38, "abd" + "0" * 37, "f" * 40]
NAMES = ["docs/en/a.md", "docs/zh-Hant/a.md", "a.md", "docs/en/a.md.bak", "b c.md", "x/a.md"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(SHAS), st.integers(0, 2_000_000_000), st.sampled_from(["", "Fix typo", "Add a.md"]),
                          st.lists(st.sampled_from(NAMES), max_size=4)), max_size=8), st.booleans())
def test_a_history_read_as_it_is_asked_is_the_history_read_whole(records, last_newline):
    from kblint.kb.history import parse_log

    text = "".join(f"\x00{sha} {when} {subject}\n\n" + "".join(f"{name}\n" for name in names) for sha, when, subject, names in records)
    text = text if last_newline else text.rstrip("\n")
    commits, subjects, files = _eager(text)
    history = parse_log(text)
    assert list(history.commits) == commits and list(history.subjects) == subjects
    for name in NAMES + ["", "docs"]:
        assert history.by_file.get(name, []) == files.get(name, [])
    for sha in SHAS + ["abc" + "c" * 4, "ab", "abd0000"]:
        expected = next((i for i, (full, _) in enumerate(commits) if full == sha), None)
        if expected is None and len(sha) >= 7:
            expected = next((i for i, (full, _) in enumerate(commits) if full.startswith(sha)), None)
        assert history.index_of(sha) == expected
    many = parse_log(text)  # past the files asked of one by one: every file indexed at once
    for k in range(12):
        many.by_file.get(f"other/{k}.md")
    assert all(many.by_file.get(name, []) == files.get(name, []) for name in NAMES)
