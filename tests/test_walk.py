"""Discovery in a forked child (kblint.run.walk): a run that walks beside its start finds what a
run in one process finds; a child that cannot help leaves the walk to the run, errors included;
a run that ends before it needs the walk leaves no process behind."""

from __future__ import annotations

import os
import pickle
import shutil
from dataclasses import replace

import pytest

from helpers import EXAMPLES
from kblint.app.cli import main
from kblint.run import forked, walk
from kblint.run.walk import Walked


@pytest.fixture
def kb(tmp_path, monkeypatch):
    """A copy of the examples (its cache is its own), as the working directory."""
    root = tmp_path / "kb"
    shutil.copytree(EXAMPLES, root, ignore=shutil.ignore_patterns(".kblint_cache"))
    monkeypatch.chdir(root)
    monkeypatch.setattr("kblint.run.cores.default_workers", lambda: 2)
    monkeypatch.setattr(walk, "SHARE_STATS_FROM", 2)  # the child shares its stat calls too
    return root


@pytest.fixture
def children(monkeypatch):
    """The children forked for a walk, as they are started."""
    started: list[forked.Forked] = []
    start = forked.Forked.start.__func__

    def counted(cls, work):
        child = start(cls, work)
        started.append(child)
        return child

    monkeypatch.setattr(forked.Forked, "start", classmethod(counted))
    return started


def lint(capsys, *args: str) -> tuple[int, str]:
    code = main(["--format", "json", *args])
    return code, capsys.readouterr().out


def one_file(kb) -> str:
    """An article with findings of its own and of the corpus rules (as a pre-commit run names it)."""
    return "corpus/en/KB1003.md"


@pytest.mark.parametrize("cached", [False, True])
def test_a_walk_in_a_child_finds_what_one_process_finds(kb, capsys, children, cached):
    cache = [] if cached else ["--no-cache"]
    for paths in (["."], [one_file(kb)]):
        alone = lint(capsys, "--jobs", "1", *cache, *paths)
        assert not children
        beside = lint(capsys, *cache, *paths)
        assert len(children) == 1 and children.pop().done
        assert beside == alone and alone[0] == 1
        if cached:  # and once more, served by the cache the first runs wrote
            assert lint(capsys, *cache, *paths) == alone
            children.clear()


def test_named_files_that_changed_are_linted_beside_the_walk(kb, capsys, children):
    """A pre-commit run: the named files are linted while the child walks; a file that is not
    named but changed too (here, a new article the named one refers to) is linted after."""
    named = kb / one_file(kb)
    assert lint(capsys, one_file(kb), "corpus/en/KB1004.md")[0] == 1  # the cache is written
    named.write_text(named.read_text("utf-8").replace("the the", "the") + "\nSee KB1004 too.\n", "utf-8")
    (kb / "corpus/en/KB1020.md").write_text((kb / "corpus/en/KB1004.md").read_text("utf-8").replace("KB1004", "KB1020"), "utf-8")
    for files in ([one_file(kb)], [one_file(kb), "corpus/en/KB1004.md"]):
        children.clear()
        beside = lint(capsys, *files)
        assert len(children) == 1
        assert beside == lint(capsys, "--jobs", "1", "--no-cache", *files)
    assert "KB1020" not in beside[1]  # the new article was seen


def test_a_changed_file_beside_the_named_ones_is_linted_beside_the_guess(kb, capsys, children, monkeypatch):
    """While the child walks, a run of a few named files takes the other files for what the
    cache holds of them; a file whose stat key the walk finds changed (here, the title of an
    article the named one lists) is looked up and linted again, and only that one."""
    from kblint.run import engine

    assert lint(capsys, one_file(kb))[0] == 1  # the cache is written
    listed = kb / "corpus/en/KB1001.md"
    listed.write_text(listed.read_text("utf-8").replace("Resetting your password", "Changing your password"), "utf-8")
    guesses, linted = [], []
    take_guess, process = engine._Batch.take_guess, engine._Batch.process
    monkeypatch.setattr(engine._Batch, "take_guess", lambda self, *a: guesses.append(take_guess(self, *a)) or guesses[-1])
    monkeypatch.setattr(engine._Batch, "process", lambda self, indexes: linted.extend(self.relpaths[i] for i in indexes) or process(self, indexes))
    beside = lint(capsys, one_file(kb))
    assert guesses == [True] and linted == ["corpus/en/KB1001.md"]
    assert beside == lint(capsys, "--jobs", "1", "--no-cache", one_file(kb))
    assert "ref-title-mismatch" not in beside[1]
    guesses.clear(), linted.clear()
    assert lint(capsys, one_file(kb)) == beside and guesses == [True] and linted == []  # and served next time


def test_named_files_that_are_not_what_the_walk_found_are_linted_again(kb, capsys, children, monkeypatch):
    from kblint.run import engine

    expected = lint(capsys, "--jobs", "1", "--no-cache", one_file(kb), "corpus/en/KB1004.md")
    monkeypatch.setattr(engine, "_named_files", lambda paths, config: [str(kb / "corpus/en/KB1004.md")])
    assert lint(capsys, "--no-cache", one_file(kb), "corpus/en/KB1004.md") == expected


def test_a_child_that_dies_leaves_the_walk_to_the_run(kb, capsys, children, monkeypatch):
    expected = lint(capsys, "--jobs", "1", "--no-cache", one_file(kb))
    parent, walk_files = os.getpid(), walk.walk_files
    monkeypatch.setattr(walk, "walk_files", lambda *a, **k: os._exit(3) if os.getpid() != parent else walk_files(*a, **k))
    assert lint(capsys, "--no-cache", one_file(kb)) == expected
    assert len(children) == 1


def test_an_error_of_the_walk_is_the_runs_own(kb, capsys, children):
    """A path that is not there: the child's walk fails, the run walks and fails as it would alone."""
    assert main(["--jobs", "1", "missing.md"]) == 2
    alone = capsys.readouterr().err
    assert main(["missing.md"]) == 2
    assert capsys.readouterr().err == alone and "missing.md" in alone
    assert len(children) == 1


def test_a_run_that_ends_before_the_walk_is_taken_leaves_no_process(kb, capsys, children):
    assert main(["--format", "yaml", "."]) == 2
    assert "unknown format 'yaml'" in capsys.readouterr().err
    [child] = children
    assert child.done
    with pytest.raises(ChildProcessError):
        os.waitpid(child.pid, os.WNOHANG)  # ended and reaped


def test_no_child_beside_another_thread_or_for_one_process(kb, capsys, children):
    import threading

    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        lint(capsys, "--no-cache", ".")
    finally:
        release.set()
        other.join()
    lint(capsys, "--no-cache", "--jobs", "1", ".")
    assert not children


def test_stat_keys_shared_with_a_second_child_are_those_of_one_process(kb, children, monkeypatch):
    from kblint.store.cache import Cache

    paths = sorted(str(p) for p in kb.rglob("*")) + [str(kb / "gone.md")]
    assert walk._stat_keys(paths, share=True) == Cache.stat_keys(paths)
    assert len(children) == 1 and None in Cache.stat_keys(paths)
    # A helper that dies: this process stats its half too.
    monkeypatch.setattr(walk, "_packed", lambda stats: os._exit(3))
    assert walk._stat_keys(paths, share=True) == Cache.stat_keys(paths)
    assert walk._stat_keys(paths, share=False) == Cache.stat_keys(paths)


def test_what_a_child_sends_reads_back_as_it_was():
    denied = PermissionError(13, "Permission denied", "/kb/private")
    targets = ["/kb/en/a.md", "/kb/zh-Hant/b.md", "/kb/en/\udcff.md"]  # a name that is not UTF-8
    walked = Walked(targets, ["/kb/en/a.png"], {"/kb/private": denied}, targets, [], [(12, 5), None, (0, 2**63 - 1)])
    back = pickle.loads(pickle.dumps(walked))
    assert replace(back, unlisted={}) == replace(walked, unlisted={}) and back.corpus_files is back.targets
    assert str(back.unlisted["/kb/private"]) == str(denied) and isinstance(back.unlisted["/kb/private"], PermissionError)
    bare = Walked([], stats=None)
    assert pickle.loads(pickle.dumps(bare)) == bare
    assert walked.without_corpus() == Walked(targets, [], walked.unlisted, [], [], [(12, 5), None, (0, 2**63 - 1)])


def test_folders_the_layout_excludes_are_taken_out_of_the_childs_walk(kb, capsys, children, monkeypatch):
    """The child walks as the configuration's file is read, before the layout is found; the
    folders the layout excludes (a translation the site does not build) are then taken out of
    what it found, as a walk that excluded them would have found it."""
    from dataclasses import replace as replaced

    from kblint.kb import layout

    find_layout = layout.find_layout
    monkeypatch.setattr(layout, "find_layout", lambda root, config: replaced(find_layout(root, config), unbuilt=("corpus/zh-Hant",)))
    parent, walk_files, walked_here = os.getpid(), walk.walk_files, []
    monkeypatch.setattr(walk, "walk_files", lambda *a, **k: walk_files(*a, **k) if os.getpid() != parent else walked_here.append(a) or walk_files(*a, **k))
    for paths in (["."], [one_file(kb)], ["corpus/zh-Hant/KB1003.md"]):
        for cache in (["--no-cache"], []):
            alone = lint(capsys, "--jobs", "1", *cache, *paths)
            children.clear(), walked_here.clear()
            assert lint(capsys, *cache, *paths) == alone and len(children) == 1
            assert not walked_here  # the child's walk was taken
    assert "corpus/zh-Hant/KB1001.md" not in lint(capsys, ".")[1]


@pytest.mark.parametrize("named", [None, "corpus/en/KB1003.md", "corpus/zh-Hant/KB1003.md"])
def test_a_walk_without_a_folder_is_the_walk_that_excluded_it(kb, named):
    from kblint.run.settings import load_config

    config = load_config(None, kb, False)
    paths = [kb / named] if named else [kb]
    walked = walk.walk_files(paths, config, True, stats=True)
    config.exclude = [*config.exclude, "/corpus/zh-Hant/"]
    expected = walk.walk_files(paths, config, True, stats=True)
    assert walk._without_folders(walked, walk._excluded_since(config.exclude[:-1], config.exclude), paths, kb) == expected
    assert walk._excluded_since([], ["/corpus/zh-*/"]) is None and walk._excluded_since(["/a/"], ["/b/"]) is None
