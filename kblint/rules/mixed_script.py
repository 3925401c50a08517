from __future__ import annotations

import re
import subprocess
import tempfile
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from kblint.finding import Finding, Severity
from kblint.rules import Rule

WINDOW = 8  # characters of context on each side for the phrase check


def _cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\U00020000" <= ch <= "\U0003134f"


def _read_table(name: str) -> dict[str, list[str]]:
    """One of opencc's character tables, dumped to text with the tool its wheel ships."""
    import opencc

    base = Path(opencc.__file__).parent / "clib"
    tool = base / "bin" / "opencc_dict"
    source = base / "share" / "opencc" / f"{name}.ocd2"
    if not tool.exists() or not source.exists():
        raise RuntimeError(f"opencc's {name} table or its opencc_dict tool is missing from the opencc package")
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / f"{name}.txt"
        subprocess.run(
            [str(tool), "-i", str(source), "-o", str(target), "-f", "ocd2", "-t", "text"],
            check=True,
            capture_output=True,
            timeout=60,
        )
        table = {}
        for line in target.read_text("utf-8").splitlines():
            key, _, values = line.partition("\t")
            if key and values:
                table[key] = values.split(" ")
        return table


@lru_cache(maxsize=1)
def script_sets() -> dict[str, frozenset[str]]:
    """Derived from opencc's own tables:

    - simplified_only: a Simplified character whose Traditional forms never include itself
      and that no table lists as a Traditional form (况 → 況);
    - ambiguous_simplified: correct in Traditional text in some words (后 in 皇后, 台 in 台灣);
    - traditional_only and ambiguous_traditional: the same the other way round.
    """
    st = _read_table("STCharacters")
    ts = _read_table("TSCharacters")
    traditional_forms = set(ts) | {c for values in st.values() for c in values}
    simplified_forms = set(st) | {c for values in ts.values() for c in values}
    return {
        "simplified_only": frozenset(s for s, ts_ in st.items() if s not in ts_ and s not in traditional_forms),
        "ambiguous_simplified": frozenset(s for s, ts_ in st.items() if s in ts_ and len(ts_) > 1),
        "traditional_only": frozenset(t for t, ss in ts.items() if t not in ss and t not in simplified_forms),
        "ambiguous_traditional": frozenset(t for t, ss in ts.items() if t in ss and len(ss) > 1),
    }


@lru_cache(maxsize=None)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def _context(text: str, i: int) -> tuple[str, int]:
    start = i
    while start > 0 and i - start < WINDOW and _cjk(text[start - 1]):
        start -= 1
    end = i + 1
    while end < len(text) and end - i < WINDOW and _cjk(text[end]):
        end += 1
    return text[start:end], i - start


def _wrong_in_context(text: str, i: int, target: str) -> bool:
    """Does opencc's phrase conversion rewrite the character at ``i`` in its context?"""
    window, k = _context(text, i)
    return _window_wrong(window, k, target)


@lru_cache(maxsize=65536)
def _window_wrong(window: str, k: int, target: str) -> bool:
    # Common words repeat across a knowledge base: each context is converted once. A round
    # trip that changes the window's length cannot say, and counts as no.
    return _RoundTrips(window, target, (k,)).rewrites(k) is True


@lru_cache(maxsize=2)
def _candidates(locale: str) -> tuple[frozenset[str], frozenset[str]]:
    """The characters wrong outright in ``locale``, and every suspect character."""
    sets = script_sets()
    if locale == "zh-Hant":
        outright, ambiguous = sets["simplified_only"], sets["ambiguous_simplified"]
    else:
        outright, ambiguous = sets["traditional_only"], sets["ambiguous_traditional"]
    return outright, outright | ambiguous


@lru_cache(maxsize=4096)
def _finder(chars: frozenset[str]) -> "re.Pattern[str]":
    return re.compile("[" + re.escape("".join(sorted(chars))) + "]")


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@lru_cache(maxsize=2)
def _bmp_finder(locale: str) -> "re.Pattern[str]":
    # re matches a class of thousands of characters in constant time per character only when
    # they all lie in the Basic Multilingual Plane: the others are a slow list.
    return _finder(frozenset(c for c in _candidates(locale)[1] if c < "\U00010000"))


def _suspects(text: str, locale: str) -> Iterator["re.Match[str]"]:
    """The suspect characters of ``text`` (wrong outright or in some words), in order."""
    if _ASTRAL.search(text) is None:
        return _bmp_finder(locale).finditer(text)
    present = _candidates(locale)[1].intersection(text)  # rare: then a class of the few present
    return _finder(frozenset(present)).finditer(text) if present else iter(())


# Characters that no key of opencc's dictionaries contains (a test checks every dictionary of
# the installed opencc): conversion never looks across one, so a text converts as its clauses
# between them do, one by one.
CLAUSE_BREAKS = "\n，。、；：？！「」『』（）《》【】 \t,.;:?!()[]\"“”‘’"
_CLAUSE_BREAK = re.compile("[" + re.escape(CLAUSE_BREAKS) + "]")


class _RoundTrips:
    """opencc's round trips of the clauses of a text around some positions: a zh-Hant text
    to Simplified and back with s2t, s2tw and s2hk (Taiwan and Hong Kong standards both count
    as right), a zh-Hans text to Traditional and back. A character is wrong in its context
    when every round trip rewrites it. Each round trip is made when first needed: most
    characters are settled by the first. Only the clauses that hold a position are converted,
    all in one call: the rest of the text cannot change the result."""

    def __init__(self, text: str, locale: str, positions: Iterable[int]) -> None:
        breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text)]
        clauses: dict[int, int] = {}
        for i in positions:
            k = bisect_right(breaks, i)
            clauses[breaks[k - 1] + 1 if k else 0] = breaks[k] if k < len(breaks) else len(text)
        self.starts = sorted(clauses)
        self.clauses = [text[start : clauses[start]] for start in self.starts]
        joined = "\n".join(self.clauses)  # a break itself: converted clause by clause
        if locale == "zh-Hant":
            self.base = _converter("t2s").convert(joined)
            self.names: tuple[str, ...] = ("s2t", "s2tw", "s2hk")
        else:
            self.base = _converter("s2t").convert(joined)
            self.names = ("t2s",)
        self.results: dict[str, list[str]] = {}

    def rewrites(self, i: int) -> bool | None:
        """Do all round trips rewrite the character at ``i`` (one of the positions)? None when
        a round trip changed the length of its clause, so that positions no longer line up."""
        k = bisect_right(self.starts, i) - 1
        clause, offset = self.clauses[k], i - self.starts[k]
        for name in self.names:
            result = self.results.get(name)
            if result is None:
                result = self.results[name] = _converter(name).convert(self.base).split("\n")
            if len(result) != len(self.clauses) or len(result[k]) != len(clause):
                return None
            if result[k][offset] == clause[offset]:
                return False
        return True


def find_runs(text: str, locale: str) -> list[tuple[int, int]]:
    """Runs (start, end) of characters of the wrong script for ``locale``."""
    outright = _candidates(locale)[0]
    flagged = []
    ambiguous = []
    for m in _suspects(text, locale):
        (flagged if m.group(0) in outright else ambiguous).append(m.start())
    # Round trips of the clauses that hold an ambiguous character decide each in its context
    # (a few calls per article instead of a few per character); windows only if lengths change.
    trips = _RoundTrips(text, locale, ambiguous) if ambiguous else None
    for i in ambiguous:
        assert trips is not None
        rewritten = trips.rewrites(i)
        if rewritten is None:
            rewritten = _wrong_in_context(text, i, locale)
        if rewritten:
            flagged.append(i)
    flagged.sort()
    runs: list[tuple[int, int]] = []
    for i in flagged:
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs


def check(doc, config) -> Iterator[Finding]:
    if doc.locale not in ("zh-Hant", "zh-Hans"):
        return
    wrong_name, right_name = ("Simplified", "Traditional") if doc.locale == "zh-Hant" else ("Traditional", "Simplified")
    # All the prose at once, one span a line: runs never cross a line break.
    joined = doc.joined_prose
    for run_start, run_end in find_runs(joined.text, doc.locale):
        k, start = joined.locate(run_start)
        span = joined.spans[k]
        end = start + (run_end - run_start)
        run = span.text[start:end]
        window, w = _context(span.text, start)
        window_end = min(len(window), w + (end - start))
        if doc.locale == "zh-Hant":
            converted = _converter("s2tw").convert(_converter("t2s").convert(window))
        else:
            converted = _converter("t2s").convert(_converter("s2t").convert(window))
        fixed = converted[w:window_end] if len(converted) == len(window) else run
        yield RULE.finding(
            doc,
            span.offset(start),
            span.end_offset(end),
            f"{wrong_name} '{run}' in a {right_name} Chinese ({doc.locale}) article: use '{fixed}'",
            replacement=fixed if fixed != run else None,
        )


RULE = Rule(
    code="KL304",
    name="mixed-script",
    severity=Severity.WARNING,
    summary="Simplified characters in a Traditional Chinese article, or the reverse.",
    languages=("zh-Hant", "zh-Hans"),
    documentation="""\
## What it does
In `zh-Hant` articles, reports runs of Simplified characters (`情况` → `情況`); in `zh-Hans`
articles, runs of Traditional ones (`設定` → `设定`). The character sets are derived from
opencc's own character tables: characters that exist only in the other script are reported
outright, and characters that are correct in both scripts in some words (后 里 干 只 台 系 面
云 于 …) only where opencc's phrase conversion rewrites them in their context (`然后` → `然後`,
but `皇后`, `公里`, `平台`, `頁面` stay silent). Taiwan and Hong Kong standards are both
accepted for Traditional text.

## Why it matters
Input methods and copy-paste from a sibling translation let the other script slip in; readers
notice at once, and search indexes treat the two spellings as different words.

## Example
```markdown file=zh-Hant/KB1.md
在大多數情况下，一組金鑰就足夠了。
```
in a `zh-Hant` article: `Simplified '况' … use '況'`.

## Does not fire
```markdown file=zh-Hant/KB1.md
皇后、公里、只要、系統、平台與頁面都是正確的繁體寫法。
```

## Fix
Unsafe: replaces the run with opencc's conversion (`--fix --unsafe-fixes`); a proper name or
a quotation may be meant to stay as written.
""",
    fix="unsafe",
    check=check,
)
