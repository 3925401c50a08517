from __future__ import annotations

import importlib.util
import os
import re
import sys
from functools import lru_cache
from typing import Callable, Iterator

from kblint.model.finding import Finding, Severity
from kblint.model.patterns import lazy_pattern
from kblint.rules.api import Rule

REPLACEMENT = re.compile("\ufffd+")
# Characters that UTF-8 read as cp1252/Latin-1 produces; a cheap test before ftfy looks.
_SUSPECT = lazy_pattern("[\u00c2-\u00c3\u00c5\u00e2\u00e6-\u00e7\u00e5\u00e8\u00e9\u00ef\u20ac\u2122\u0153\u0161\u017e\u201a-\u201e\u2020-\u2026\u02c6\u2030\u2039\u203a\u00bb]")
_CHUNK = re.compile(r"[^\s\x00]+")


_NAMED = re.compile(r"U\+FFFD|replacement character|\\ufffd|0xfffd", re.IGNORECASE)
_NAMED_WITHIN = 160  # characters before the mark where its name shows it is meant


def _shown_on_purpose(text: str, start: int, end: int) -> bool:
    """Is the U+FFFD at ``start`` shown on purpose: alone in a code span (`` `�` ``), or where
    the text names it just before ("the REPLACEMENT CHARACTER U+FFFD, which looks like �")?"""
    if text[start - 1 : start] == "`" and text[end : end + 1] == "`":
        return True
    line_start = text.rfind("\n", 0, start) + 1
    return _NAMED.search(text, max(line_start, start - _NAMED_WITHIN), start) is not None


def check(doc, config) -> Iterator[Finding]:
    text = doc.text
    if text.isascii():
        return  # every character this rule looks for is outside ASCII
    if doc.decoded.bad_char_offset is None and "\ufffd" in text:  # else invalid-encoding says so
        for m in REPLACEMENT.finditer(text):
            if _shown_on_purpose(text, m.start(), m.end()):
                continue
            if doc.front.present and m.start() < doc.index.line_start(doc.front.body_line):
                where = "in the front matter"
            else:
                where = ""
            yield RULE.finding(
                doc,
                m.start(),
                m.end(),
                f"replacement character U+FFFD{' ' + where if where else ''}: the original character was lost "
                "when the text was converted; restore it from the source",
            )
    if not _SUSPECT.search(text):
        return
    is_bad = _heuristic()
    for span in doc.prose:
        if not _SUSPECT.search(span.text):
            continue
        for m in _CHUNK.finditer(span.text):
            chunk = m.group(0)
            if not _SUSPECT.search(chunk) or not is_bad(chunk):
                continue
            import ftfy  # for the rare word that is bad: the whole library

            repaired = ftfy.fix_encoding(chunk)
            start, end = span.offset(m.start()), span.end_offset(m.end())
            if repaired != chunk:
                yield RULE.finding(doc, start, end, f"mojibake '{chunk}': UTF-8 text decoded as Windows-1252; it should read '{repaired}'", replacement=repaired)
            else:
                yield RULE.finding(doc, start, end, f"'{chunk}' looks like mojibake (UTF-8 text decoded with the wrong encoding)")


@lru_cache(maxsize=1)
def _heuristic() -> Callable[[str], bool]:
    """ftfy's mojibake heuristic, ``ftfy.badness.is_bad``. Importing ftfy imports all of it
    (its fixers, codecs and character-width tables: 70 to 110 ms, in every run that lints an
    article with curly quotes, since the linter's first look is only for the characters
    mojibake is made of); its heuristic's module imports nothing of ftfy's, and alone loads in
    a fifth of that. So it is loaded alone, and the rest of ftfy only for a word the heuristic
    finds bad. Where ftfy is imported already, or the module cannot be loaded alone (another
    layout in a later version), the package's own import serves."""
    alone = None if "ftfy.badness" in sys.modules else _badness_alone()
    if alone is not None:
        return alone.is_bad
    from ftfy.badness import is_bad

    return is_bad


def _badness_alone():
    """ftfy's ``badness.py`` run as a module of its own, without ftfy's package; None when it
    cannot be (no such file, or it needs more of ftfy than it does today)."""
    try:
        package = importlib.util.find_spec("ftfy")
        if package is None or not package.submodule_search_locations:
            return None
        path = os.path.join(package.submodule_search_locations[0], "badness.py")
        spec = importlib.util.spec_from_file_location("kblint.rules._ftfy_badness", path)
        if spec is None or spec.loader is None:
            return None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    except Exception:  # noqa: BLE001 - any failure: the package's own import serves
        return None


RULE = Rule(
    code="KL305",
    name="mojibake",
    severity=Severity.ERROR,
    summary="Garbled text: U+FFFD replacement characters, or UTF-8 decoded as Windows-1252.",
    documentation="""\
## What it does
Reports U+FFFD replacement characters anywhere in the file (the character they replaced is
lost, so the message says to restore it), but one shown on purpose: alone in a code span
(`` `�` ``), or after its name on the same line ("the replacement character U+FFFD, which
looks like �"); and words that are UTF-8 read as Windows-1252 or
Latin-1 (`donâ€™t`, `Ã©`, `ç»“æžœ`), found with ftfy at their exact span.

## Why it matters
Mojibake appears when an article passes through a tool with the wrong encoding. It is
unreadable, it is hard to spot in a long diff, and it spreads to every translation made from it.

## Example
```markdown
Members donâ€™t need a paid plan. 這個功能屬\ufffd進階設定。
```

## Does not fire
```markdown
A café owner, a naïve user and Ørsted’s résumé.
```

## Fix
Safe where ftfy's encoding repair is certain (`donâ€™t` → `don’t`; only the encoding is
repaired, quotes are not straightened). None for U+FFFD: the lost character cannot be guessed.

## Fixed
What `kblint --fix` makes of the example:
```markdown file=en/KB1.md
Members don’t need a paid plan. 這個功能屬�進階設定。
```
""",
    fix="safe",
    check=check,
    text_alone=True,
)
