"""Rule fixtures: Markdown (and HTML) files that read as what they test.

``tests/fixtures/rules/<rule>/<case>.md`` is an article (its front matter's ``lang`` says which
locale folder it is linted in); ``<case>.html`` is a help center's HTML article (its
``<html lang>`` says it), linted alone in its knowledge base as an export is. A line that must make the rule fire ends with a marker,
``<!-- expect: <rule> -->`` (``<!-- expect: <rule>*2 -->`` for two findings on the line), or is
the line after one alone on its line, ``<!-- expect-next-line: <rule> -->`` (where markup at the
end of the line would change what the rule sees); no other line may. Where ``<case>.fixed.md`` exists, it is the article after ``kblint --fix``
(with the rule's unsafe fixes when its fixes are unsafe), and that text, linted again, has
nothing left to fix. A marker is an HTML comment: markup, which no prose rule reads.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from helpers import KB, ROOT, registry

FIXTURES = ROOT / "tests" / "fixtures" / "rules"
_MARKER = re.compile(r"<!-- expect(-next-line)?: ([a-z-]+)(?:\*(\d+))? -->")
_LANG = re.compile(r"^lang:\s*(\S+)\s*$|<html lang=\"([^\"]+)\"", re.M)


def cases() -> list[Path]:
    found = [*FIXTURES.glob("*/*.md"), *FIXTURES.glob("*/*.html")]
    return sorted(p for p in found if ".fixed." not in p.name)


def fixed(case: Path) -> Path:
    return case.with_suffix(".fixed" + case.suffix)


def expected(text: str, rule: str) -> Counter:
    """How many findings of ``rule`` each line must have, by line number."""
    wanted: Counter = Counter()
    for number, line in enumerate(text.splitlines(), 1):
        for m in _MARKER.finditer(line):
            assert m.group(2) == rule, f"line {number}: a marker of {m.group(2)} in a fixture of {rule}"
            wanted[number + 1 if m.group(1) else number] += int(m.group(3) or 1)
    return wanted


def place(kb_root: Path, case: Path) -> str:
    """Write the fixture into a knowledge base, where its language puts it; its path there."""
    text = case.read_text("utf-8")
    lang = _LANG.search(text)
    relpath = f"{(lang.group(1) or lang.group(2)) if lang else 'en'}/{case.stem}{case.suffix}"
    KB(kb_root).write(relpath, text)
    return relpath


@pytest.mark.parametrize("case", cases(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_marked_lines_fire_and_no_other(case, tmp_path):
    rule = case.parent.name
    assert rule in {r.name for r in registry()}, f"{case}: no rule is named {rule}"
    text = case.read_text("utf-8")
    wanted = expected(text, rule)
    assert wanted, f"{case}: no line is marked"
    place(tmp_path, case)
    found = [f for f in KB(tmp_path).lint(rule) if f.name == rule]
    assert Counter(f.line for f in found) == wanted, [(f.line, f.column, f.message) for f in found]


@pytest.mark.parametrize("case", [c for c in cases() if fixed(c).exists()], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_fixed_text_is_as_written_and_has_nothing_left_to_fix(case, tmp_path):
    from kblint.run.fix import fix
    from kblint.run.settings import load_config

    rule = registry().select([case.parent.name], [])
    unsafe = rule[0].fix == "unsafe"
    relpath = place(tmp_path, case)
    config = load_config(tmp_path / "kblint.yaml", tmp_path)
    fix([tmp_path], config, rule, unsafe=unsafe)
    assert (tmp_path / relpath).read_text("utf-8") == fixed(case).read_text("utf-8")
    left = [f for f in KB(tmp_path).lint(case.parent.name) if f.fix is not None and (f.fix.safe or unsafe)]
    assert left == [], [(f.line, f.message) for f in left]


def test_every_fixture_folder_names_a_rule():
    names = {r.name for r in registry()}
    assert {p.name for p in FIXTURES.iterdir() if p.is_dir()} <= names
