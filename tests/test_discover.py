import os

import pytest

from kblint.kb.discover import DiscoveryError, discover


def test_gitignore_excludes_and_order(tmp_path):
    for name in ("b.md", "a.md", "notes.txt", "sub/c.markdown", "build/d.md", "sub/skip.md", ".git/e.md"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", "utf-8")
    (tmp_path / ".gitignore").write_text("build/\n", "utf-8")
    (tmp_path / "sub" / ".gitignore").write_text("skip.md\n", "utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path], tmp_path, ["nothing"])]
    assert found == ["a.md", "b.md", "sub/c.markdown"]
    assert [p.name for p in discover([tmp_path], tmp_path, ["b.md"])] == ["a.md", "c.markdown"]


def test_symlink_loops_and_links_out_of_the_tree_are_not_followed(tmp_path):
    tree = tmp_path / "kb"
    (tree / "en").mkdir(parents=True)
    (tree / "en" / "a.md").write_text("x", "utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("x", "utf-8")
    os.symlink(tree, tree / "en" / "loop")
    os.symlink(outside, tree / "out")
    os.symlink(outside / "secret.md", tree / "linked.md")
    found = [p.relative_to(tree).as_posix() for p in discover([tree], tree)]
    assert found == ["en/a.md"]


def test_explicit_files_are_always_linted_and_missing_paths_fail(tmp_path):
    odd = tmp_path / "notes.txt"
    odd.write_text("x", "utf-8")
    assert discover([odd], tmp_path) == [odd]
    with pytest.raises(DiscoveryError):
        discover([tmp_path / "missing"], tmp_path)
