from __future__ import annotations

import re
from functools import partial
from typing import Iterator

from kblint.model.finding import Finding, Severity
from kblint.lang.pairing import MarkPairer, span_findings
from kblint.model.patterns import lazy_pattern
from kblint.rules.api import Rule
from kblint.model.text import CLOSING_QUOTES, MASK, OPENING_QUOTES

PAIRS = {"‘": "’", "“": "”", "„": "“", "‚": "‘", "「": "」", "『": "』"}
# „ opens a quotation in German, Polish, Czech, Hungarian…; German closes it with “, Polish and
# Hungarian with ”. Where no „ is open, “ opens as in English. ‚ opens a single quotation that ‘
# closes in German (’ in Polish).
_LOW_CLOSERS = "“”"


def _latin(ch: str) -> bool:
    """A letter or digit of an alphabet that writes an apostrophe inside words: Latin (don’t,
    90’s), Cyrillic (Ukrainian об’єкт, Russian ORM’ы) and Greek. Chinese characters are
    letters to Python, but ’ beside one closes a quote (‘设置’的)."""
    return ch.isalnum() and (ch.isascii() or "\u00c0" <= ch <= "\u024f" or "\u0370" <= ch <= "\u04ff")


_QUOTE = lazy_pattern("[‘’“”„‚「」『』]")
_BRACKETS = {("(", ")"), ("[", "]"), ("（", "）"), ("{", "}")}
_STRAIGHT = re.compile('"')
_ANY_QUOTE = lazy_pattern('[‘’“”„‚「」『』"]')  # the marks of both passes, curly and straight


def _named(text: str, i: int) -> bool:
    """Is the mark at ``i`` named rather than used: alone between other quotes (「“」, ‘"’,
    `"' as GNU messages quote)?"""
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if before and after and before in OPENING_QUOTES + "`" and after in CLOSING_QUOTES and before != text[i]:
        return True
    return (before, after) in _BRACKETS  # ("), [“]: a mark named in brackets


def _an_apostrophe(text: str, i: int, ch: str, quoting: bool) -> bool:
    """Is the ‘ or ’ at ``i`` an apostrophe, not a quote (``quoting``: a ‘ is open)?"""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch == "‘":
        return after.isdigit() and not quoting  # ‘90s written with the wrong apostrophe
    if _latin(before) and _latin(after):
        return True  # don’t, IBKR’s
    if before in (MASK, '"', "”", ")", "]", "™", "®", "℠") and _latin(after):
        return True  # `list`’s, `Resize(0)`’d, "media type"’ı, (ASF)’s, Name™’s: after code, a quotation, an aside or a mark
    return not quoting and ((_latin(before) and not after.isalnum()) or after.isdigit())  # users’, ’90s


# What follows a contraction's apostrophe: n't, 's, 'll, 're, 've, 'd, 'm, and no more letters.
_CONTRACTION_END = re.compile(r"(?:t|s|ll|re|ve|d|m)(?![A-Za-z])")
_JSON_SAMPLE = re.compile(r'\s*\[?\s*\{\s*"[^"\n]*"\s*:')


def _holds_no_quotation(text: str) -> bool:
    """Marks and nothing else (a list of symbols), or a program's JSON written as text
    (``{"status":200,"body":…``, a response cut short)."""
    return not any(ch.isalnum() for ch in text) or (text[:3].lstrip()[:1] in ("{", "[") and _JSON_SAMPLE.match(text) is not None)


def unbalanced(text: str, low_opening: bool = False) -> list[tuple[int, str]]:
    """Indexes of quote marks without a partner, with a description of each; ``low_opening``:
    in a language that opens a quotation with „ and closes it with “ (Czech, German)."""
    if _holds_no_quotation(text):
        return []
    pairer = MarkPairer(PAIRS)
    reversed_pairs: list[tuple[int, str]] = []
    low_straight = _low_closed_straight(text, low_opening, reversed_pairs) if "„" in text and '"' in text else set()
    if '"' in text and ("”" in text or "“" in text):
        low_straight |= _mixed_pairs(text)
    marks = [m for m in _QUOTE.finditer(text) if not _named(text, m.start()) and m.start() not in low_straight]
    skip = -1
    for k, m in enumerate(marks):
        i, ch = m.start(), m.group(0)
        if i <= skip:
            continue
        if ch in _LOW_CLOSERS and pairer.is_open("„") and (ch == "“" or not pairer.is_open("“")):
            pairer.close(i, ch, "„")  # „…“ (German), „…” (Polish): ” closes an inner “ first
            continue
        if ch in "‘’" and pairer.is_open("‚") and (ch == "‘" or not pairer.is_open("‘")):
            pairer.close(i, ch, "‚")  # ‚…‘ (German's single quotes), ‚…’ (Polish)
            continue
        if ch == "”" and not pairer.is_open("“") and k + 1 < len(marks) and marks[k + 1].group(0) == "“":
            # ”…“: a quotation whose two marks are swapped, one problem.
            reversed_pairs.append((i, "”…“ has its quotation marks the wrong way round: write “…”"))
            skip = marks[k + 1].start()
            continue
        if ch == "”" and not pairer.is_open("“") and k + 1 < len(marks) and marks[k + 1].group(0) == "”":
            # ”…”: a quotation written with the closing mark at both ends, one problem.
            reversed_pairs.append((i, "” opens a quotation written with ” at both ends: write “ here"))
            skip = marks[k + 1].start()
            continue
        if ch == "“" and not pairer.is_open("“") and _written_with_one_mark(marks, k):
            # “…“: one problem, at the mark that is wrong: where „ opens and “ closes (Czech,
            # German), the first; where ” closes, the second.
            second = marks[k + 1].start()
            if low_opening:
                reversed_pairs.append((i, "“ opens a quotation that “ closes: write „ here"))
            else:
                reversed_pairs.append((second, "“ closes a quotation that “ opens: write ” here"))
            skip = second
            continue
        if ch in "‘’" and _an_apostrophe(text, i, ch, pairer.is_open("‘")):
            continue
        if ch == "‘" and not pairer.is_open("‘") and i > 0 and text[i - 1].isalpha() and _latin(text[i - 1]) and _CONTRACTION_END.match(text, i + 1):
            # hasn‘t, it‘s: an apostrophe typed with the opening mark (a contraction's end after
            # it), no quotation (7.10‘Gutsy Gibbon’ opens one); the mark is wrong.
            reversed_pairs.append((i, "‘ between letters is an apostrophe written with an opening quote: write ’"))
            continue
        pairer.feed(i, ch)
    problems = pairer.finish() + reversed_pairs
    open_at = _unpaired_straight(text, low_straight)
    if open_at is not None:
        problems.append((open_at, 'straight quote " is never closed'))
    return sorted(problems)


def _unpaired_straight(text: str, low_straight: set[int]) -> int | None:
    """Where the straight double quote that nothing closes is, if one is: they pair up in
    order (but those ``low_straight`` closes and those named). One after a digit closes an
    open quote ("KB2481"), and is an inch mark otherwise (a 27" screen, 5' 3"): see _opens_han."""
    open_at = None
    for m in _STRAIGHT.finditer(text):
        i = m.start()
        if _named(text, i) or i in low_straight:
            continue
        if open_at is not None:
            open_at = None
        elif not (i > 0 and text[i - 1].isdigit()) or _opens_han(text, i):
            open_at = i
    return open_at


def _opens_han(text: str, i: int) -> bool:
    """Does a Han character follow the straight quote at ``i``, which opens a quotation though
    a digit is before it (阶段 3"用 GPU 复用算力"这一思路: Chinese writes 英寸, no inch mark)?"""
    return i + 1 < len(text) and "\u4e00" <= text[i + 1] <= "\u9fff"


# „ and then a straight " before any other quote mark: a quotation closed with the wrong mark.
_LOW_THEN_STRAIGHT = re.compile('„[^„“”"]*"')


def _low_closed_straight(text: str, low_opening: bool, problems: list[tuple[int, str]]) -> set[int]:
    """The marks of each quotation that „ opens and a straight " closes („primäres Gerät"),
    with one problem for it, at the closing mark: “ closes it in Czech and German, ” in
    Polish, Hungarian and Romanian."""
    closer = "“" if low_opening else "”"
    found: set[int] = set()
    for m in _LOW_THEN_STRAIGHT.finditer(text):
        if _named(text, m.start()) or _named(text, m.end() - 1):
            continue
        found.update((m.start(), m.end() - 1))
        problems.append((m.end() - 1, f'„ opens a quotation that a straight " closes: write {closer} here'))
    return found


# A straight " that a curly ” closes, or a “ that a straight " closes, with no double quote
# between: one quotation typed with two kinds of mark ("Checkout”), balanced as written (and a
# typographer, as Hugo's, turns the straight one curly).
_MIXED = re.compile('"[^"“”„]*”|“[^"“”„]*"')


def _mixed_pairs(text: str) -> set[int]:
    """The marks of each quotation written with a straight and a curly mark. Its straight
    mark is not one that closes a quotation straight marks open: in `"DN"(x)，发起”绑定“`
    the second " closes "DN", and the stray ” is a problem of its own."""
    found: set[int] = set()
    for m in _MIXED.finditer(text):
        straight = m.start() if text[m.start()] == '"' else m.end() - 1
        before = text.count('"', 0, straight) - sum(1 for i in found if i < straight and text[i] == '"')
        if before % 2 == 0 and not (_named(text, m.start()) or _named(text, m.end() - 1)):
            found.update((m.start(), m.end() - 1))
    return found


def _written_with_one_mark(marks: list, k: int) -> bool:
    """Is the “ of ``marks[k]`` followed by another “ that no ” follows (“…“, not a quotation
    nested in one: “a “b” c”)?"""
    if k + 1 >= len(marks) or marks[k + 1].group(0) != "“":
        return False
    return k + 2 >= len(marks) or marks[k + 2].group(0) != "”"


# Languages that open a quotation with „ and close it with “.
LOW_OPENING = frozenset({"cs", "de", "sk", "sl", "lt", "et", "is", "bg", "ka"})


_OPENS = ('straight quote " is never closed', "opening “ is never closed")
_QUOTED_PARAGRAPHS = 8  # the spans (a line of prose each) one quotation may run over
_CLOSES = ('straight quote " is never closed', "closing ” has no opening “")


def _over_paragraphs(found: list) -> set[tuple[int, int]]:
    """The marks of quotations over paragraphs: a mark that opens a paragraph and is never
    closed in it, closed by the mark that ends a later one, with only paragraphs between whose
    one problem is a mark opening them (a long quotation opens each of its paragraphs, and
    closes only its last)."""
    paired: set[tuple[int, int]] = set()
    opened: list[tuple[int, int]] = []
    for k, span, problems in found:
        first, last = span.text_start(), span.text_end() - 1
        closes = len(problems) == 1 and problems[0][0] == last and problems[0][1].startswith(_CLOSES) and problems[0][0] != first
        if closes and opened and k - opened[0][0] <= _QUOTED_PARAGRAPHS:
            paired.update([*opened, (k, last)])
            opened = []
        elif len(problems) == 1 and problems[0][0] == first and problems[0][1].startswith(_OPENS):
            opened.append((k, first))
        else:
            opened = []
    return paired


def check(doc, config) -> Iterator[Finding]:
    low = doc.locale.split("-")[0].lower() in LOW_OPENING
    return span_findings(RULE, doc, partial(unbalanced, low_opening=True) if low else unbalanced, _ANY_QUOTE, _over_paragraphs)


RULE = Rule(
    code="KL203",
    name="unbalanced-quote",
    severity=Severity.WARNING,
    summary="A quotation mark without its partner in a paragraph, list item, heading or cell.",
    documentation="""\
## What it does
Pairs ‘ ’, “ ”, „ “ (German) or „ ” (Polish, Hungarian), ‚ ‘ (German's single quotes),
「 」 『 』 and straight `"` within
each paragraph, list item, heading and table cell, and reports the mark that has no partner at its own position. Quotes nest: ‘’
inside “”, 『』 inside 「」. Apostrophes are not quotes: `don’t`, `IBKR’s`, the possessive
`users’`, `’90s` and a Cyrillic or Greek word's (Ukrainian `об’єкт`) never fire, and neither does an inch mark (`5' 3"`); an
apostrophe typed with the opening mark (`hasn‘t`) is reported as such, not as a quote never closed; a ’ beside a
Chinese character closes a quote (`打開‘%s’時`). A mark named between other quotes (`「“」`)
is not a quotation. Quotes inside code, URLs and HTML are not prose, nor is a line of JSON written as text
(`{"status":200,"body":…`, a response cut short), and neither is the text of
a link that quotes a pull request's, an issue's or a commit's title as its author wrote it. A quotation written with
the closing mark at both ends (`加入”如果…那麼”`) is one finding, at the mark that should open it,
and so is one whose two marks are swapped (`點選 ”匯出“ 按鈕`), at the first,
and so is one written with “ at both ends: at the first mark in Czech, German and the other
languages that open with „ (`“Zapnuto“`), at the second elsewhere (`“說了你好“`). So is one that
„ opens and a straight `"` closes (`„primäres Gerät"`), at the `"`: “ closes it in Czech and
German, ” in Polish, Hungarian and Romanian. A quotation that a straight `"` opens and ” closes
(`"Checkout” step`), or “ opens and `"` closes, is balanced. So is a quotation over paragraphs:
a mark that opens a paragraph and one that ends a later paragraph (a few lines on), with only
paragraphs between that the quotation's mark opens or that hold no quote mark.

## Why it matters
A missing closing quote usually means text was cut during an edit: the UI label the reader is
told to look for is no longer clear (`next to ‘Debug mode in the list`).

## Example
```markdown
The switch is next to ‘Debug mode in the device list.
```

## Does not fire
```markdown
Select “Save” and the users’ files are kept; it won’t take long. Open the "Checkout” step. `print("x)` is code, `list`’s
getter is an apostrophe after code (and `"media type"’ı` one after a quotation, `(ASF)’s` after an aside, `Vaultly™’s` after a
trademark's sign). Klicke auf „Speichern“ und wähle „Weiter”.
Merged [escape " in titles](https://github.com/example/kbtool/pull/43).

{"status":200,"body":{"name":"...
```

## Fix
None: where the quote should close is for the writer to decide.
""",
    check=check,
    text_alone=True,
)
