"""The progress bar: on a terminal for long runs, never in pipes or machine formats."""

import os
import pty
import subprocess
import sys

from helpers import ROOT, article


def many_articles(root, count=600):
    (root / "kblint.yaml").write_text("source_locale: en\n", "utf-8")
    for i in range(count):
        (root / f"KB{1000 + i}.md").write_text(article(f"KB{1000 + i}", "en", "T", "Text.\n"), "utf-8")


def test_progress_bar_on_a_terminal(tmp_path):
    many_articles(tmp_path)
    master, slave = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "kblint", "--no-cache", "--jobs", "1", "."],
        cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=slave,
    )
    os.close(slave)
    output = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    process.wait(timeout=120)
    os.close(master)
    text = output.decode("utf-8", "replace")
    assert "file" in text and "\r" in text  # tqdm redraws its line
    assert "kblint: no findings in 600 files" in text


def test_no_progress_bar_in_a_pipe_or_machine_format(tmp_path):
    many_articles(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "kblint", "--no-cache", "--format", "json", "."], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.stderr == "kblint: no findings in 600 files\n"
    assert "\r" not in result.stdout


def test_jobs_must_be_positive(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "kblint", "--jobs", "0", "examples/"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 2 and "--jobs" in result.stderr
