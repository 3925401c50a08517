from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from kblint.finding import Finding, Severity
from kblint.rules import Rule
from kblint.words import WORD, fold


@lru_cache(maxsize=1)
def dictionary() -> dict[str, str]:
    """codespell's main dictionary, read from the installed package: misspelling -> the raw
    corrections text, parsed by ``corrections`` only for the words that occur."""
    from importlib.resources import files

    text = files("codespell_lib").joinpath("data", "dictionary.txt").read_text("utf-8")
    return dict(line.split("->", 1) for line in text.splitlines() if "->" in line)


@lru_cache(maxsize=4096)
def corrections(data: str) -> tuple[tuple[str, ...], str]:
    """(corrections, reason) from codespell's ``a, b,`` or ``a`` or ``a, reason`` notation.
    One correction and no reason means the fix is unambiguous."""
    reason = ""
    comma = data.rfind(",")
    if comma == len(data) - 1:
        data = data[:comma]
    elif comma >= 0 and data.count(",") == 1 and " " in data[comma + 1 :].strip():
        data, reason = data[:comma], data[comma + 1 :].strip()
    return tuple(c.strip() for c in data.split(",") if c.strip()), reason


@dataclass(frozen=True)
class ContextTypo:
    pattern: re.Pattern[str]
    right: str
    when: re.Pattern[str] | None
    note: str
    folded: str  # the word in lower case, for a cheap test on the whole file
    key: str  # its first word (log-in: log), looked up among the article's words first


@lru_cache(maxsize=1)
def context_typos() -> tuple[ContextTypo, ...]:
    from kblint.packs import load_data

    result = []
    for item in load_data("data-typos.yaml")["typos"]:
        flags = 0 if item.get("case_sensitive") else re.IGNORECASE
        pattern = re.compile(rf"(?<![A-Za-z0-9_]){re.escape(item['word'])}(?![A-Za-z0-9_])", flags)
        when = re.compile(item["when"]) if item.get("when") else None
        folded = item["word"].lower()
        first = WORD.search(folded)
        result.append(ContextTypo(pattern, item["right"], when, item.get("note", ""), folded, first.group(0) if first else folded))
    return tuple(result)


def match_case(correction: str, original: str) -> str:
    if original.isupper() and len(original) > 1:
        return correction.upper()
    if original[:1].isupper():
        return correction[:1].upper() + correction[1:]
    return correction


def _occurrences(text: str, lowered: str, words: list[str]) -> list[re.Match[str]]:
    """The WORD matches of ``text`` that are one of ``words`` (lower case, straight
    apostrophes; ``lowered`` is ``text`` so written), in text order: found with str.find
    rather than by looking at every word."""
    if not words:
        return []
    if len(lowered) != len(text):  # lower() changed a length (İ): look at every word
        wanted = set(words)
        return [m for m in WORD.finditer(text) if fold(m.group(0)) in wanted]
    found = []
    for word in words:
        at = lowered.find(word)
        while at >= 0:
            m = WORD.match(text, at)
            if m is not None and m.end() == at + len(word):
                found.append(m)
            at = lowered.find(word, at + 1)
    found.sort(key=lambda m: m.start())
    return found


def check(doc, config) -> Iterator[Finding]:
    entries = dictionary()
    accepted = {w.casefold() for w in config.accepted_words}
    # Lower case, one apostrophe: the dictionary's spelling.
    prose = doc.prose_words
    lowered_spans = prose.lowered_spans
    # One pass over all the prose first: most articles have no misspelling at all.
    present = set(prose.words)
    active = [typo for typo in context_typos() if typo.key in present and typo.folded in prose.lowered]
    misspelled = present & entries.keys()
    if not active and not misspelled:
        return
    for span, lowered_span in zip(doc.prose, lowered_spans):
        if not active and not any(word in lowered_span for word in misspelled):
            continue
        text = span.text
        reported: set[int] = set()
        for typo in active:
            for m in typo.pattern.finditer(text):
                if m.start() in reported or m.group(0).casefold() in accepted:
                    continue
                if typo.when is not None and not typo.when.match(text, m.start()):
                    continue
                reported.add(m.start())
                right = typo.right if typo.right[:1].isupper() or typo.right.isupper() else match_case(typo.right, m.group(0))
                note = f" ({typo.note})" if typo.note else ""
                yield RULE.finding(
                    doc,
                    span.offset(m.start()),
                    span.end_offset(m.end()),
                    f"'{m.group(0)}' should be '{right}'{note}",
                    replacement=right,
                )
        for m in _occurrences(text, lowered_span, [w for w in misspelled if w in lowered_span]):
            word = m.group(0)
            if m.start() in reported:
                continue
            folded = fold(word)
            entry = entries.get(folded)
            if entry is None or word.casefold() in accepted:
                continue
            candidates, reason = corrections(entry)
            if not candidates:
                continue
            suggestions = [match_case(c, word) for c in candidates]
            start, end = span.offset(m.start()), span.end_offset(m.end())
            if len(suggestions) == 1 and not reason:
                yield RULE.finding(doc, start, end, f"'{word}' is misspelled: '{suggestions[0]}'", replacement=suggestions[0])
            else:
                listed = ", ".join(f"'{s}'" for s in suggestions)
                why = f" ({reason})" if reason else ""
                yield RULE.finding(doc, start, end, f"'{word}' may be misspelled: {listed}{why}")


RULE = Rule(
    code="KL201",
    name="typo",
    severity=Severity.WARNING,
    summary="A misspelled word, from codespell's dictionary and a pack of context-dependent typos.",
    documentation="""\
## What it does
Checks every Latin-script word of the prose (in articles of every language: a Chinese article's
`HTPS` is a typo too) against codespell's dictionary of common misspellings, read from the
installed `codespell` package, and against the `data-typos.yaml` pack: real words misused in
context (`Secrete` where `Secret` is meant), key names (`CRTL` → `Ctrl`) and product names
(`Github` → `GitHub`). Corrections keep the word's case. Words in the configuration's
`accepted_words` never fire; code, URLs and front matter are never checked.

## Why it matters
Typos in instructions cost trust, and some cost more: a reader searching for "Secret key" never
finds "Secrete key".

## Example
```markdown
Type: Secrete and public key, then press CRTL+Enter to recieve a code.
```
fires three times: `Secret`, `Ctrl`, `receive`.

## Does not fire
```markdown
The gland can secrete fluid. Run `recieve --dry-run` (inline code is not prose).
```

## Fix
Safe when there is one correction (`recieve` → `receive`); several candidates are listed in the
message and not fixed.
""",
    fix="safe",
    check=check,
)
