"""Every rule's documentation is its specification: the articles under "## Example" must make
the rule fire, those under "## Does not fire" must leave it silent, and a rule with a fix shows
under "## Fixed" what `kblint --fix` (with --unsafe-fixes for a rule whose fixes are unsafe)
makes of the example's files; that text, linted again, has nothing left that --fix would fix.

A section's fenced blocks are the files of one small knowledge base: ```` ```markdown
file=zh-Hant/KB2481.md ```` (an article at that path; ``en/KB1.md`` when no file is named),
```` ```csv file=redirects.csv ````, ```` ```yaml file=kblint.yaml ```` (its configuration).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import KB, registry

_BLOCK = re.compile(r"^(`{3,})([^\n`]*)\n(.*?)^\1\s*$", re.S | re.M)
_FENCE = re.compile(r"`{3,}")


def _sections(markdown: str) -> dict[str, str]:
    """The text under each "## " heading of a rule's documentation (headings inside fenced
    blocks are the examples' own)."""
    found: dict[str, list[str]] = {}
    current = None
    fence = ""  # the open fence, if any
    for line in markdown.splitlines(keepends=True):
        m = _FENCE.match(line)
        if m and not fence:
            fence = m.group(0)
        elif m and m.group(0) == fence and not line.strip().strip("`"):
            fence = ""
        elif not fence and line.startswith("## "):
            current = line[3:].strip()
            found[current] = []
            continue
        if current is not None:
            found[current].append(line)
    return {name: "".join(lines) for name, lines in found.items()}

# Rules about bytes and the file system: their examples are not Markdown text, and
# tests/test_robustness.py and their own tests exercise them.
NOT_TEXT = {"binary-file", "file-too-large", "unreadable-file", "invalid-encoding"}


def sections(rule) -> dict[str, list[tuple[str, str]]]:
    """The section's files: (path, content) pairs."""
    found = {}
    for name, body in _sections(rule.documentation).items():
        if name not in ("Example", "Does not fire", "Fixed"):
            continue
        files = []
        for _, info, content in _BLOCK.findall(body):
            attributes = dict(a.split("=", 1) for a in info.split()[1:] if "=" in a)
            language = info.split(" ", 1)[0] if info.strip() else ""
            path = attributes.get("file") or ("en/KB1.md" if language in ("markdown", "md", "") else None)
            if path is not None:
                files.append((path, content))
        found[name] = files
    return found


_COUNT = re.compile(r"\bfires (once|twice|three times|four times)\b")
_COUNTS = {"once": 1, "twice": 2, "three times": 3, "four times": 4}


def documented_rules():
    return [r for r in registry() if r.name not in NOT_TEXT]


def lint_files(root: Path, rule, files: list[tuple[str, str]]):
    root.mkdir(parents=True)
    kb = KB(root)
    for path, content in files:
        if path == "kblint.yaml":
            content = "source_locale: en\nlocales: [en, zh-Hant, zh-Hans]\n" + content
        kb.write(path, content)
    return [f for f in kb.lint(rule.name) if f.name == rule.name]


@pytest.mark.parametrize("rule", documented_rules(), ids=lambda r: r.name)
def test_documented_examples(rule, tmp_path):
    found = sections(rule)
    assert found.get("Example"), f"{rule.name}: no runnable example under '## Example'"
    assert found.get("Does not fire"), f"{rule.name}: no runnable example under '## Does not fire'"
    fires = lint_files(tmp_path / "fires", rule, found["Example"])
    assert fires, f"{rule.name}: its documented example does not fire"
    said = _COUNT.search(_sections(rule.documentation)["Example"])
    if said:  # "fires twice: ..." is a promise too
        assert len(fires) == _COUNTS[said.group(1)], f"{rule.name}: {[f.message for f in fires]}"
    silent = lint_files(tmp_path / "silent", rule, found["Does not fire"])
    assert silent == [], f"{rule.name}: fires on its 'Does not fire' example: {[f.message for f in silent]}"


def fixable_rules():
    return [r for r in documented_rules() if r.fix != "none"]


@pytest.mark.parametrize("rule", fixable_rules(), ids=lambda r: r.name)
def test_documented_fixes(rule, tmp_path):
    from kblint.run.fix import fix
    from kblint.run.settings import load_config

    found = sections(rule)
    assert found.get("Fixed"), f"{rule.name}: it has a fix but no '## Fixed' section"
    root = tmp_path / "kb"
    lint_files(root, rule, found["Example"])
    config = load_config(root / "kblint.yaml", root)
    selected = registry(config.packs).select([rule.name], [])
    fix([root], config, selected, unsafe=rule.fix == "unsafe")
    for path, expected in found["Fixed"]:
        assert (root / path).read_text("utf-8") == expected, f"{rule.name}: {path} after --fix"
    # What --fix applies is gone (an unsafe fix of a rule whose fixes are mostly safe stays).
    left = [f for f in KB(root).lint(rule.name) if f.name == rule.name and f.fix is not None and (f.fix.safe or rule.fix == "unsafe")]
    assert left == [], f"{rule.name}: still fixable after --fix: {[f.message for f in left]}"
