import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


def test_test_runners_fixture_folders_are_no_articles(tmp_path):
    """A site's end-to-end tests keep a small site of their own under __tests__/ or fixtures/:
    filler text and empty headings on purpose, and links that only that site resolves; a
    ``create-*`` package's project templates are starter sites of their own too."""
    for name in ("guide/a.md", "__tests__/e2e/outline.md", "pkg/__fixtures__/b.md", "pkg/src/__snapshots__/c.md",
                 "e2e/fixtures/nav/docs/index.md", "packages/create-site/template-i18n/docs/en/index.md",
                 "packages/create-site/README.md", "guide/template-pages.md", "guide/templates/a.md"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", "utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path], tmp_path)]
    assert found == ["guide/a.md", "guide/template-pages.md", "guide/templates/a.md", "packages/create-site/README.md"]


def test_a_test_folders_files_are_link_targets(tmp_path):
    """A contributing guide links to the tests' folders: their files are there for links to
    reach (the fixture's own .gitignore is not), though none is an article."""
    from kblint.kb.discover import discover_files

    for name in ("CONTRIBUTING.md", "__tests__/plots/bar.ts", "__tests__/plots/guide.md", "__tests__/.gitignore"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", "utf-8")
    assets: list[str] = []
    found = discover_files([tmp_path], tmp_path, [], assets)
    assert [os.path.relpath(p, tmp_path) for p in found] == ["CONTRIBUTING.md"]
    assert sorted(os.path.relpath(p, tmp_path) for p in assets) == ["__tests__/plots/bar.ts", "__tests__/plots/guide.md"]


def test_a_programs_vendored_dependencies_are_no_articles(tmp_path):
    """Go's vendor/ (its modules.txt) and Composer's (its autoload.php) copy dependencies and
    their READMEs; a folder named vendor of the knowledge base's own is read."""
    for name in ("guide/a.md", "vendor/modules.txt", "vendor/github.com/x/y/README.md", "app/vendor/autoload.php",
                 "app/vendor/z/README.md", "docs/vendor/onboarding.md"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", "utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path], tmp_path)] == ["docs/vendor/onboarding.md", "guide/a.md"]


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


GITIGNORE_LINES = [
    "*.log", "!keep.log", "build/", "/top.md", "docs/**/draft-*.md", "[Tt]emp?/", "notes/*", "!notes/public.md",
    "**/cache", "a/**/b", "\\#hash.md", "\\!bang.md", "trailing\\ ", "# a comment", "", "x[!0-9].md", "*.MD",
]
PATH_PARTS = ["a", "b", "build", "docs", "notes", "Temp1", "temp", "cache", "x", "keep.log", "err.log", "top.md",
              "draft-1.md", "public.md", "#hash.md", "!bang.md", "trailing ", "x1.md", "xa.md", "README.MD"]


@settings(max_examples=300, deadline=None)
@given(
    lines=st.lists(st.sampled_from(GITIGNORE_LINES), min_size=1, max_size=8),
    parts=st.lists(st.sampled_from(PATH_PARTS), min_size=1, max_size=4),
    is_dir=st.booleans(),
)
def test_the_quick_test_of_a_gitignore_agrees_with_each_pattern(lines, parts, is_dir):
    """A .gitignore's patterns are first tried as one expression: a path matches the file exactly
    where pathspec, asked pattern by pattern, says it does (negations and folders included)."""
    import pathspec

    from kblint.kb.discover import _Ignores

    spec = pathspec.GitIgnoreSpec.from_lines(lines)
    quick, slow = _Ignores(), _Ignores()
    quick.add("", spec)
    slow.specs.append(("", spec, None))
    relpath = "/".join(parts)
    assert quick.specs[0][2] is not None
    assert quick.matches(relpath, is_dir) == slow.matches(relpath, is_dir) == spec.match_file(relpath + "/" if is_dir else relpath)


@settings(max_examples=200, deadline=None)
@given(
    lines=st.lists(st.sampled_from(GITIGNORE_LINES + ["/i18n/be/", "/i18n/pt/", "docs/"]), min_size=1, max_size=8),
    parts=st.lists(st.sampled_from(PATH_PARTS + ["i18n", "be", "pt"]), min_size=1, max_size=4),
    is_dir=st.booleans(),
)
def test_the_configured_excludes_quick_test_agrees_with_pathspec(lines, parts, is_dir):
    """The configuration's exclude patterns (a Docusaurus site's unbuilt locales among them) are
    tried as one expression first, with the same answers as pathspec's."""
    import pathspec

    from kblint.kb.discover import _Excludes

    relpath = "/".join(parts) + ("/" if is_dir else "")
    assert _Excludes.of(lines).match_file(relpath) == pathspec.GitIgnoreSpec.from_lines(lines).match_file(relpath)
