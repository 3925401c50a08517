"""kblint translations: per locale and section, from the same evidence as the findings."""

import json
import os
import subprocess
import sys

from helpers import ROOT, article


def kblint(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "kblint", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_counts_per_locale_and_section(kb):
    kb.config("source_locale: en\nlocales: [en, zh-Hant, zh-Hans]\ngit_history: false\n")
    for name in ("setup", "install"):
        kb.write(f"en/help/{name}.md", article(name, "en", name, "1. One.\n2. Two.\n").replace("id: ", "x-id: ").replace("title:", "updated: 2026-05-10\ntitle:"))
    kb.write("en/faq.md", "# FAQ\n\nQuestions.\n")
    kb.write("zh-Hant/help/setup.md", "---\nupdated: 2026-05-01\ntitle: 設定\n---\n1. 一。\n2. 二。\n")
    kb.write("zh-Hant/help/install.md", "---\ntitle: 安裝\n---\n1. 一。\n")
    kb.write("zh-Hant/help/old.md", "# 舊的\n")
    result = kblint("translations", "--format", "json", "--no-cache", ".", cwd=kb.root)
    rows = {(r["locale"], r["section"]): r for r in json.loads(result.stdout)["translations"]}
    help_hant = rows[("zh-Hant", "help")]
    assert (help_hant["sources"], help_hant["translated"], help_hant["missing"]) == (2, 2, 0)
    assert (help_hant["outdated"], help_hant["behind_days"], help_hant["outdated_articles"]) == (1, 9, ["help/setup"])
    assert (help_hant["drifted"], help_hant["orphaned"]) == (1, 1)  # install lost a step; old has no source
    assert rows[("zh-Hant", "(top)")]["missing_articles"] == ["faq"]
    assert rows[("zh-Hans", "help")]["missing"] == 2 and rows[("zh-Hans", "help")]["coverage"] == 0


def test_text_and_markdown_tables_of_the_samples():
    text = kblint("translations", "examples/")
    assert text.returncode == 0
    header = text.stdout.splitlines()[0].split()
    assert header[:4] == ["locale", "section", "sources", "translated"]
    markdown = kblint("translations", "--format", "markdown", "examples/docs-kb/")
    lines = markdown.stdout.splitlines()
    assert lines[0].startswith("| locale | section |") and lines[1].startswith("| --- | --- | ---: |")
    assert lines[2:] == [
        "| zh-Hans | help | 7 | 2 | 29% | 5 | 0 | 0 | - | 0 | 0 |",
        "| zh-Hant | help | 7 | 5 | 71% | 2 | 0 | 0 | - | 2 | 1 |",
    ]
