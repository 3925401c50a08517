"""The layout and the walk remembered in the cache folder (kblint.store.memo): served while
what they were found from is as it was; found again where a folder, a configuration or a file
looked for changed; never remembered from a search that cannot be trusted next time."""

from __future__ import annotations

import builtins
import io
import json
import os
import subprocess
from pathlib import Path

import pytest

from helpers import write_files as write
from kblint.run.settings import load_config
from kblint.store import memo as store_memo

DOCUSAURUS = "module.exports = {i18n: {defaultLocale: 'en', locales: ['en', 'zh-Hans']}, presets: [['classic', {docs: {}}]]};\n"
PAGE = "# Setup\n\nInstall the probe first.\n"
AN_HOUR_AGO = 3600


def aged(root: Path, seconds: int = AN_HOUR_AGO) -> None:
    """Every file and folder of ``root`` last changed ``seconds`` ago: past the window in which
    a change may go unseen (see store_memo.RACY_SECONDS)."""
    import time

    then = time.time() - seconds
    for folder, folders, files in os.walk(root):
        for name in files + folders:
            os.utime(os.path.join(folder, name), (then, then))
    os.utime(root, (then, then))


@pytest.fixture
def site(tmp_path) -> tuple[Path, Path]:
    """A Docusaurus site with one translated page, and its cache folder. (Three folders above it
    too: a builder's configuration is looked for there, and they are aged with the site.)"""
    root = tmp_path / "home" / "projects" / "docs" / "site"
    write(root, {
        "docusaurus.config.js": DOCUSAURUS,
        "docs/setup.md": PAGE,
        "i18n/zh-Hans/docusaurus-plugin-content-docs/current/setup.md": "# 设置\n\n先安装探针。\n",
    })
    (root / ".kblint_cache").mkdir()
    aged(tmp_path / "home")
    return root, root / ".kblint_cache"


def found(root: Path, memo: Path | None, monkeypatch) -> tuple:
    """(the layout and source locale a run finds, whether the search ran)."""
    searched = []
    find_layout = __import__("kblint.kb.layout", fromlist=["find_layout"]).find_layout
    monkeypatch.setattr("kblint.kb.layout.find_layout", lambda r, c: searched.append(r) or find_layout(r, c))
    config = load_config(None, root, memo if memo is not None else False)
    return (config.layout, config.source_locale), bool(searched)


def test_a_remembered_layout_is_the_one_found(site, monkeypatch):
    root, memo = site
    alone, _ = found(root, None, monkeypatch)
    first, searched = found(root, memo, monkeypatch)
    assert searched and first == alone and len(list(memo.glob("layout-*.json"))) == 1
    again, searched = found(root, memo, monkeypatch)
    assert not searched and again == alone
    assert alone[0].trees  # (the translation's tree: a layout worth remembering)


@pytest.mark.parametrize("change", ["configuration", "new folder", "file looked for", "folder gone"])
def test_a_change_to_what_it_was_found_from_finds_it_again(site, monkeypatch, change):
    root, memo = site
    found(root, memo, monkeypatch)
    if change == "configuration":
        (root / "docusaurus.config.js").write_text(DOCUSAURUS.replace("'zh-Hans'", "'fr'"), "utf-8")
    elif change == "new folder":
        write(root, {"i18n/fr/docusaurus-plugin-content-docs/current/setup.md": "# Installation\n"})
    elif change == "file looked for":
        write(root, {"hugo.toml": "defaultContentLanguage = 'en'\n"})
    else:
        import shutil

        shutil.rmtree(root / "i18n")
    expected, _ = found(root, None, monkeypatch)
    after, searched = found(root, memo, monkeypatch)
    assert searched and after == expected


def test_another_configuration_has_a_memo_of_its_own(site, monkeypatch):
    root, memo = site
    found(root, memo, monkeypatch)
    write(root, {"kblint.yaml": "source_locale: zh-Hans\nlocales: [zh-Hans, en]\n"})
    aged(root.parent.parent.parent)
    expected, _ = found(root, None, monkeypatch)
    after, searched = found(root, memo, monkeypatch)
    assert searched and after == expected and expected[1] == "zh-Hans"


def test_a_search_that_cannot_be_trusted_next_time_is_not_remembered(site, monkeypatch):
    root, memo = site
    aged(root, 0)  # just written: a second change within the clock's tick could go unseen
    found(root, memo, monkeypatch)
    assert not list(memo.glob("layout-*.json"))
    with store_memo.recorded() as seen:
        subprocess.run(["true"], check=False)
    assert not seen.usable()


def test_a_damaged_or_foreign_memo_is_found_again(site, monkeypatch):
    root, memo = site
    found(root, memo, monkeypatch)
    [file] = memo.glob("layout-*.json")
    data = json.loads(file.read_text("utf-8"))
    for content in ("{not json", json.dumps({**data, "key": "another"}), json.dumps({**data, "value": [{"$": "Path", "x": 1}, "en"]}), json.dumps({**data, "witnesses": []})):
        file.write_text(content, "utf-8")
        expected, _ = found(root, None, monkeypatch)
        after, searched = found(root, memo, monkeypatch)
        assert searched and after == expected


def test_the_file_systems_functions_are_given_back(site):
    real = (os.stat, os.lstat, os.scandir, os.listdir, builtins.open, io.open, subprocess.Popen.__init__)
    with store_memo.recorded() as outer:
        with store_memo.recorded() as seen:  # (nested: each its own record, one wrapping)
            os.listdir(site[0])
            (site[0] / "absent").exists()
        os.path.isdir(site[0] / "docs")
    assert (os.stat, os.lstat, os.scandir, os.listdir, builtins.open, io.open, subprocess.Popen.__init__) == real
    assert set(seen.paths) == {(str(site[0]), True), (str(site[0] / "absent"), True)}
    assert set(outer.paths) == {(str(site[0] / "docs"), True)} and seen.paths[(str(site[0] / "absent"), True)][2] == -1


def test_a_layout_reads_back_from_json_as_it_was(tmp_path):
    from helpers import EXAMPLES

    for root in (EXAMPLES, EXAMPLES / "docs-kb"):
        layout = load_config(None, root, False).layout
        assert store_memo.decoded(json.loads(json.dumps(store_memo.encoded_layout(layout)))) == layout


def walked(root: Path, monkeypatch) -> tuple:
    """(what a walk of ``root`` finds, whether it listed the folders)."""
    from kblint.run import walk

    listed = []
    real = walk.discover_files
    monkeypatch.setattr(walk, "discover_files", lambda *a, **k: listed.append(1) or real(*a, **k))
    config = load_config(None, root, root / ".kblint_cache")
    return walk.walk_files([root], config, True, stats=True), bool(listed)


@pytest.mark.parametrize("change", ["new page", "page gone", "ignore file", "none"])
def test_a_walk_is_remembered_while_its_folders_are_as_they_were(site, monkeypatch, change):
    root, _ = site
    write(root, {"docs/logo.png": "", "notes/draft.md": "# Draft\n"})
    aged(root.parent.parent.parent)
    first, listed = walked(root, monkeypatch)
    assert listed and str(root / "notes/draft.md") in first.targets and str(root / "docs/logo.png") in first.assets
    if change == "new page":
        write(root, {"docs/usage.md": PAGE})
    elif change == "page gone":
        (root / "notes/draft.md").unlink()
    elif change == "ignore file":
        write(root, {".gitignore": "notes/\n"})
    (root / "docs/setup.md").write_text(PAGE + "More.\n", "utf-8")  # (a page's text: its stat key, not the walk)
    again, listed = walked(root, monkeypatch)
    monkeypatch.undo()
    alone = __import__("kblint.run.walk", fromlist=["walk_files"]).walk_files([root], load_config(None, root, False), True)
    assert listed == (change != "none") and (again.targets, again.assets, again.corpus_files) == (alone.targets, alone.assets, alone.corpus_files)
    assert again.stats is not None and len(again.stats) == len(again.jobs) and again.stats != first.stats


def test_a_run_of_one_file_takes_the_walk_of_the_whole_knowledge_base_remembered(site, monkeypatch):
    """The corpus rules of a run of one file see the whole knowledge base: the walk a run of the
    root remembered, with no folder listed again."""
    from kblint.run import walk

    root, _ = site
    whole, _ = walked(root, monkeypatch)
    listed = []
    real = walk.discover_files
    monkeypatch.setattr(walk, "discover_files", lambda paths, *a, **k: listed.append(paths) or real(paths, *a, **k))
    one = walk.walk_files([root / "docs/setup.md"], load_config(None, root, root / ".kblint_cache"), True)
    assert listed == [[root / "docs/setup.md"]]  # the named file only
    assert one.targets == [str(root / "docs/setup.md")] and one.corpus_files == whole.corpus_files and one.assets == whole.assets
