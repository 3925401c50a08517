"""--fix never loses a byte: idempotent, encoding- and newline-preserving, atomic."""

import codecs
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import ROOT, article
from kblint.config import load_config
from kblint.fix import apply_edits, fix, select_edits
from kblint.fsutil import TEMP_MARK
from kblint.finding import Edit, Finding, Fix, Severity
from helpers import registry


def run_fix(root: Path, unsafe: bool = False, diff_only: bool = False):
    config = load_config(root / "kblint.yaml", root)
    rules = registry().select([], [], ["ALL"])
    return fix([root], config, rules, unsafe=unsafe, diff_only=diff_only)


def setup(root: Path) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "kblint.yaml").write_text("source_locale: en\n", "utf-8")


def test_overlapping_edits_wait_for_the_next_pass():
    def finding(start, end, text):
        return Finding("a.md", 1, 1, 1, 1, "KL201", "typo", Severity.WARNING, "m", Fix((Edit(start, end, text),), True))

    chosen, waiting = select_edits([finding(0, 4, "x"), finding(2, 6, "y"), finding(6, 7, "z")], unsafe=False)
    assert [e.replacement for e, _ in chosen] == ["x", "z"] and waiting == 1
    assert apply_edits("abcdefgh", [e for e, _ in chosen]) == "xefzh"


def test_crlf_and_bom_survive_and_only_prose_changes(tmp_path):
    setup(tmp_path)
    text = (
        "---\nid: KB1\nlang: en\ntitle: We recieve\n---\n\nWe recieve it.\n\n```\nrecieve\n```\n\n    recieve\n\nWe recieve `recieve`.\n"
    ).replace("\n", "\r\n")
    path = tmp_path / "en" / "KB1.md"
    path.parent.mkdir()
    path.write_bytes(codecs.BOM_UTF8 + text.encode())
    os.chmod(path, 0o640)
    report = run_fix(tmp_path)
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    new = data[3:].decode()
    assert new == text.replace("We recieve it.", "We receive it.").replace("We recieve `", "We receive `")
    assert "\n" not in new.replace("\r\n", "")
    assert oct(os.stat(path).st_mode & 0o777) == "0o640"
    assert report.fixed["typo"] == 2
    assert run_fix(tmp_path).fixed == {}


def test_utf16_file_stays_utf16(tmp_path):
    setup(tmp_path)
    path = tmp_path / "KB1.md"
    path.write_bytes(codecs.BOM_UTF16_LE + article("KB1", "en", "T", "We recieve it.\n").encode("utf-16-le"))
    run_fix(tmp_path)
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF16_LE) and "We receive it." in data[2:].decode("utf-16-le")


def test_invalid_utf8_files_are_never_rewritten(tmp_path):
    setup(tmp_path)
    path = tmp_path / "KB1.md"
    original = article("KB1", "en", "T", "We recieve it.\n").encode() + b"\xff\n"
    path.write_bytes(original)
    run_fix(tmp_path)
    assert path.read_bytes() == original


def test_unsafe_fixes_only_when_asked(tmp_path):
    setup(tmp_path)
    path = tmp_path / "KB1.md"
    path.write_text(article("KB1", "en", "T", "Close the the window.\n"), "utf-8")
    run_fix(tmp_path)
    assert "the the" in path.read_text("utf-8")
    run_fix(tmp_path, unsafe=True)
    assert "Close the window." in path.read_text("utf-8")


def test_diff_writes_nothing(tmp_path):
    setup(tmp_path)
    path = tmp_path / "KB1.md"
    original = article("KB1", "en", "T", "We recieve it.\n")
    path.write_text(original, "utf-8")
    report = run_fix(tmp_path, diff_only=True)
    assert path.read_text("utf-8") == original
    (diff,) = report.diffs
    assert "-We recieve it." in diff and "+We receive it." in diff


def test_unwritable_file_is_reported_not_truncated(tmp_path, monkeypatch):
    setup(tmp_path)
    good, bad = tmp_path / "KB1.md", tmp_path / "KB2.md"
    good.write_text(article("KB1", "en", "T", "We recieve it.\n"), "utf-8")
    original = article("KB2", "en", "T", "They recieve it.\n")
    bad.write_text(original, "utf-8")
    real_replace = os.replace

    def failing_replace(src, dst):
        if str(dst) == str(bad):
            raise PermissionError(13, "Permission denied")
        return real_replace(src, dst)

    monkeypatch.setattr("kblint.fix.os.replace", failing_replace)
    report = run_fix(tmp_path)
    assert bad.read_text("utf-8") == original
    assert "We receive it." in good.read_text("utf-8")
    assert any("KB2.md" in e and "Permission denied" in e for e in report.errors)
    assert not [p for p in tmp_path.iterdir() if TEMP_MARK in p.name]


def test_symlinks_are_not_written_through(tmp_path):
    setup(tmp_path / "kb")
    outside = tmp_path / "outside.md"
    original = article("KB1", "en", "T", "We recieve it.\n")
    outside.write_text(original, "utf-8")
    os.symlink(outside, tmp_path / "kb" / "KB1.md")
    config = load_config(tmp_path / "kb" / "kblint.yaml", tmp_path / "kb")
    report = fix([tmp_path / "kb" / "KB1.md"], config, registry().select(["typo"], []))
    assert outside.read_text("utf-8") == original
    assert report.errors


# -- fixing twice equals fixing once -------------------------------------------------------

DEFECTS_EN = ["We recieve it.", "Press CRTL+C.", "Members donâ€™t pay.", "Close the the door.", "Fine text."]
DEFECTS_ZH = ["保存好,然后继续。", "打开设置(高级)页面。", "這是正確的。"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.sampled_from(DEFECTS_EN), min_size=1, max_size=6),
    st.lists(st.sampled_from(DEFECTS_ZH), min_size=1, max_size=4),
    st.booleans(),
    st.booleans(),
)
def test_fixing_twice_equals_fixing_once(tmp_path_factory, english, chinese, crlf, unsafe):
    root = tmp_path_factory.mktemp("kb")
    setup(root)
    newline = "\r\n" if crlf else "\n"
    en = article("KB1", "en", "T", " ".join(english) + "\n\n```\nrecieve donâ€™t\n```\n").replace("\n", newline)
    zh = article("KB1", "zh-Hans", "T", "".join(chinese) + "\n").replace("\n", newline)
    (root / "en").mkdir()
    (root / "zh-Hans").mkdir()
    (root / "en" / "KB1.md").write_bytes(en.encode())
    (root / "zh-Hans" / "KB1.md").write_bytes(zh.encode())
    run_fix(root, unsafe=unsafe)
    once = {p: p.read_bytes() for p in root.rglob("*.md")}
    second = run_fix(root, unsafe=unsafe)
    assert second.fixed == {}
    assert {p: p.read_bytes() for p in root.rglob("*.md")} == once
    assert b"recieve don\xc3\xa2\xe2\x82\xac\xe2\x84\xa2t" in once[root / "en" / "KB1.md"]  # code untouched


# -- killed mid-run: every file is old or new -----------------------------------------------


def test_killing_a_fix_run_leaves_every_file_old_or_new(tmp_path):
    source = tmp_path / "source"
    setup(source)
    for i in range(400):
        (source / f"KB{1000 + i}.md").write_text(article(f"KB{1000 + i}", "en", "T", f"Item {i}: we recieve it.\n" * 20), "utf-8")
    fixed = tmp_path / "fixed"
    shutil.copytree(source, fixed)
    run_fix(fixed)
    old = {p.name: p.read_bytes() for p in source.glob("*.md")}
    new = {p.name: p.read_bytes() for p in fixed.glob("*.md")}
    assert old != new
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rng = random.Random(7)
    for attempt, sig in enumerate([signal.SIGTERM, signal.SIGKILL, signal.SIGTERM, signal.SIGKILL, signal.SIGINT]):
        work = tmp_path / f"work{attempt}"
        shutil.copytree(source, work)
        process = subprocess.Popen(
            [sys.executable, "-m", "kblint", "--fix", "--quiet", "--select", "typo", "."],
            cwd=work, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.4, 2.5))
        process.send_signal(sig)
        process.wait(timeout=60)
        for path in work.glob("*.md"):
            assert path.read_bytes() in (old[path.name], new[path.name]), path
        temps = [p for p in work.iterdir() if TEMP_MARK in p.name]
        if sig != signal.SIGKILL:
            assert temps == []
        # A later run finishes the job and clears what a killed run left behind.
        subprocess.run([sys.executable, "-m", "kblint", "--fix", "--quiet", "--select", "typo", "."], cwd=work, env=env, capture_output=True)
        assert {p.name: p.read_bytes() for p in work.glob("*.md")} == new
        assert [p for p in work.iterdir() if TEMP_MARK in p.name] == []
