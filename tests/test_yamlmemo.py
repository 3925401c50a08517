"""Parsed YAML remembered in the cache folder: the same data as the YAML, never stale."""

import json
import subprocess
import sys

import pytest
import yaml

from helpers import ROOT
from kblint.formats.yamlmemo import is_yaml_error, load_remembered


def test_a_remembered_document_is_what_yaml_reads(tmp_path):
    source = tmp_path / "kblint.yaml"
    text = "source_locale: en\nlocales: [en, zh-Hant]\nmax_file_size: 2048\nratio: 0.5\nstrict: off\nnothing: ~\n"
    first = load_remembered(text, source, tmp_path)
    [memo] = tmp_path.glob("yaml-*.json")
    second = load_remembered(text, source, tmp_path)
    assert first == second == yaml.safe_load(text)
    assert second["strict"] is False and isinstance(second["ratio"], float)
    assert json.loads(memo.read_text("ascii"))["document"] == first


def test_the_memo_is_read_instead_of_the_yaml(tmp_path):
    source = tmp_path / "kblint.yaml"
    load_remembered("a: 1\n", source, tmp_path)
    [memo] = tmp_path.glob("yaml-*.json")
    memo.write_text('{"document": {"a": 2}}', "ascii")  # what only the memo can say
    assert load_remembered("a: 1\n", source, tmp_path) == {"a": 2}


def test_a_changed_text_replaces_its_files_memo_and_no_other(tmp_path):
    config, pack = tmp_path / "kblint.yaml", tmp_path / "pack.yaml"
    load_remembered("a: 1\n", config, tmp_path)
    load_remembered("rules: []\n", pack, tmp_path)
    assert load_remembered("a: 3\n", config, tmp_path) == {"a": 3}
    memos = [
        json.loads(p.read_text("ascii"))["document"] for p in tmp_path.glob("yaml-*.json")
    ]
    assert sorted(memos, key=str) == sorted([{"a": 3}, {"rules": []}], key=str)


@pytest.mark.parametrize(
    "text",
    [
        "released: 2024-05-01\n",  # a date
        "1: one\n",  # a key that is not a string
        "true: yes\n",  # a boolean key
        "x: .nan\n",  # not a number
        "tags: !!set {a, b}\n",
    ],
)
def test_what_json_cannot_give_back_is_never_remembered(tmp_path, text):
    data = load_remembered(text, tmp_path / "kblint.yaml", tmp_path)
    assert list(tmp_path.glob("yaml-*.json")) == []
    assert repr(data) == repr(yaml.safe_load(text))


def test_no_folder_no_memo_and_no_folder_is_made(tmp_path):
    assert load_remembered("a: 1\n", tmp_path / "kblint.yaml", None) == {"a": 1}
    assert load_remembered("a: 1\n", tmp_path / "kblint.yaml", tmp_path / "missing") == {"a": 1}
    assert list(tmp_path.iterdir()) == []


def test_invalid_yaml_is_the_yaml_librarys_error_and_leaves_no_memo(tmp_path):
    with pytest.raises(Exception) as caught:
        load_remembered("a: [1, 2\n", tmp_path / "kblint.yaml", tmp_path)
    assert is_yaml_error(caught.value)
    assert not is_yaml_error(ValueError("other"))
    assert list(tmp_path.iterdir()) == []


def test_a_warm_run_of_one_file_imports_no_yaml(tmp_path):
    """What the memo is for: every file served from the cache, nothing parses YAML."""
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "kblint.yaml").write_text("source_locale: en\nlocales: [en]\n", "utf-8")
    (kb / "KB1.md").write_text("---\nid: KB1\nlang: en\ntitle: T\n---\n\nSee KB2.\n", "utf-8")
    (kb / "KB2.md").write_text("---\nid: KB2\nlang: en\ntitle: U\n---\n\nSee KB1.\n", "utf-8")
    probe = (
        "import sys\nfrom kblint.app.cli import main\ncode = main(['KB1.md'])\n"
        "print('yaml' in sys.modules, code)\n"
    )
    env = {"PYTHONPATH": str(ROOT)}
    # The first run makes the cache folder, the second remembers the YAML there (the
    # configuration is read before the folder exists), the third reads none.
    runs = [subprocess.run([sys.executable, "-c", probe], cwd=kb, env=env, capture_output=True, text=True) for _ in range(3)]
    assert [run.stdout.split()[-2:] for run in runs] == [["True", "0"], ["True", "0"], ["False", "0"]], runs[-1].stderr
    assert len(list((kb / ".kblint_cache").glob("yaml-*.json"))) >= 2  # the configuration and the shipped pack
