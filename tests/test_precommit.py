"""The pre-commit hook, end to end: pre-commit installs kblint from this checkout and runs it."""

import os
import subprocess
import sys

from helpers import ROOT, article


def run(args, cwd, env):
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


def test_pre_commit_try_repo_fails_then_passes(tmp_path):
    repo = tmp_path / "kb"
    (repo / "en").mkdir(parents=True)
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    env.pop("PYTHONPATH", None)
    (repo / "kblint.yaml").write_text("source_locale: en\n", "utf-8")
    (repo / "en" / "KB1000.md").write_text(
        article("KB1000", "en", "Resetting a password", "Steps.\n\n## Related articles\n\n- KB1000 - Resetting a password\n"), "utf-8"
    )
    (repo / "en" / "KB2000.md").write_text(article("KB2000", "en", "Unlocking", "See KB1000.\n"), "utf-8")
    assert run(["git", "init", "-q"], repo, env).returncode == 0
    assert run(["git", "add", "-A"], repo, env).returncode == 0

    hook = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "kblint", "--all-files"]
    failing = run(hook, repo, env)
    output = failing.stdout + failing.stderr
    assert failing.returncode == 1, output
    assert "en/KB1000.md:11:3: KL102 self-reference KB1000 lists itself among its related articles" in output

    (repo / "en" / "KB1000.md").write_text(
        article("KB1000", "en", "Resetting a password", "Steps.\n\n## Related articles\n\n- KB2000 - Unlocking\n"), "utf-8"
    )
    assert run(["git", "add", "-A"], repo, env).returncode == 0
    passing = run(hook, repo, env)
    assert passing.returncode == 0, passing.stdout + passing.stderr
