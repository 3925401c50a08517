from __future__ import annotations

import re
from typing import Iterator

from kblint.model.finding import Finding, Severity
from kblint.lang.pairing import MarkPairer, span_findings
from kblint.model.patterns import lazy_pattern
from kblint.rules.api import Rule
from kblint.model.text import CLOSING_QUOTES, HAN_CHARACTER, MASK, OPENING_QUOTES

PAIRS = {"(": ")", "[": "]", "{": "}", "【": "】", "《": "》", "〈": "〉"}
# Full-width brackets pair with half-width ones: （…) is a pair of mixed widths, which
# cjk-punctuation reports, not two unbalanced brackets.
SAME = {"（": "(", "）": ")", "［": "[", "］": "]", "｛": "{", "｝": "}"}
_OPENERS = set(PAIRS) | {"（", "［", "｛"}
# "a)", "1)", "iv)", "1）" starting an item or an inline enumeration (after a space, a bracket,
# Chinese punctuation or markup: "步驟：1）", "<span>a) …"), and an example's label ("예)",
# "例）": e.g.); ":)" and ";)" smileys.
_ENUMERATION = lazy_pattern(rf"(?:^|(?<=[\s(（：，；。、#{MASK}]))(?:[A-Za-z0-9０-９]{{1,3}}|예|例)[)）]$")
# A section's number opening a line ("1.2）. 自定义配置", "###1）获取" that lacks a heading's space).
_LINE_LABEL = lazy_pattern(r"[ \t]*#*[ \t]*\d{1,2}(?:\.\d{1,2}){0,3}[)）]")
# A bracket with nothing to enclose on its inner side is a symbol being named, not a bracket
# ("unmatched ( or \(", "[、[^、[:", "the ] key").
_NOT_INSIDE = " \t\n、，。,.;:=^|?\\"


def _ignorable_closer(text: str, i: int) -> bool:
    before = text[max(0, i - 4) : i + 1]
    if text[i] in ")）" and (_ENUMERATION.search(before) or _counted_after_a_word(text, i)):
        return True
    newline = text.rfind("\n", max(0, i - 17), i)  # (a label is short: no search further back)
    line_start = newline + 1 if newline >= 0 else 0 if i <= 16 else None
    if text[i] in ")）" and line_start is not None and _LINE_LABEL.fullmatch(text, line_start, i + 1):
        return True
    return text[i] == ")" and _after_eyes(text, i)


def _counted_after_a_word(text: str, i: int) -> bool:
    """Is the bracket at ``i`` a number's in an enumeration that Chinese text runs into its
    sentence, a character before it and no space ("带来了1）启动慢；2）更新慢"): the number
    before or after it is enumerated so too, near it?"""
    if i < 2 or not text[i - 1].isdigit() or not HAN_CHARACTER.match(text[i - 2]):
        return False
    number, mark = int(text[i - 1]), text[i]
    return f"{number + 1}{mark}" in text[i + 1 : i + 400] or (number > 1 and f"{number - 1}{mark}" in text[max(0, i - 400) : i - 1])


def _after_eyes(text: str, i: int) -> bool:
    """Is the ")" at ``i`` a smiley's mouth: after ":" or ";", with a nose or without (:) ;-)),
    its eyes full-width in Chinese text too (；-))?"""
    before = i - 2 if i > 1 and text[i - 1] == "-" else i - 1
    return before >= 0 and (text[before] in ":;" or (text[before] in "：；" and before == i - 2))


_BRACKET_CHARS = "".join(PAIRS) + "".join(PAIRS.values()) + "".join(SAME)
_ALONE = _BRACKET_CHARS + " \t\n" + MASK  # a span of brackets named on their own holds only these
_MENTION_OPEN = OPENING_QUOTES + "`"  # `]' is how GNU messages quote a character


_BRACKETS = re.escape(_BRACKET_CHARS)
# A run of brackets quoted on its own (「)」, "]]", `]', ‘[)’), the run its group. A match can
# start only where a run starts (a quote mark is no bracket), so a run of 100,000 brackets is
# looked at once; and it starts with its quote mark, not a look behind, so that the engine
# skips in C to the quote marks (prose holds apostrophes, which open nothing here).
_QUOTED_RUN = lazy_pattern(f"[{re.escape(_MENTION_OPEN)}]([{_BRACKETS}]+)(?=[{re.escape(CLOSING_QUOTES)}])")


def _quoted_runs(text: str) -> set[int]:
    """Where the brackets of runs quoted on their own are: named, not used. A straight quote
    right after a letter or a digit closes a quotation instead ('%s'（'%s' …）: the bracket
    follows one quotation and precedes another)."""
    first = _QUOTED_RUN.search(text)
    if first is None:
        return set()  # most prose
    return {i for m in _QUOTED_RUN.finditer(text, first.start()) if not _closes_a_quotation(text, m.start()) for i in range(m.start(1), m.end(1))}


def _closes_a_quotation(text: str, quote: int) -> bool:
    return text[quote] in "'\"" and quote > 0 and text[quote - 1].isalnum()


def _between_pair(text: str, i: int) -> bool:
    """Is the bracket at ``i`` named between the two marks of another pair: ({), [)], （】）
    (as in "U+007B ({)")?"""
    if 0 < i < len(text) - 1:
        before = SAME.get(text[i - 1], text[i - 1])
        if before not in PAIRS:
            return False  # most brackets: no bracket opens before them
        after, mark = SAME.get(text[i + 1], text[i + 1]), SAME.get(text[i], text[i])
        return PAIRS[before] == after and mark not in (before, after)
    return False


# A mathematical interval: (0, 100], [0, n), (base**i, base**(i+1)], (0, 4 MiB], [0-10), [1000,~),
# of times or moments: [00:00,01:00), [2021-06-29 23:56:00, 2021-06-30 00:06:00),
# [2017-11-01T00:05:00.000, 2017-11-01T00:12:00.000), [2017-11-01T00:00:00, 2017-11-07 T23:00:00)
# (an end left open, as ∞), and
# in Chinese text with a full-width comma, [0.2S，10.2S). Its brackets differ on purpose. An
# end may be an expression, with brackets of its own, or a quantity with its unit; ends joined
# by a dash are numbers.
_END = r"[-+]?(?:[\w.∞~*^/+\-]|\([^()\[\],]*\))+(?::\d\d)*(?:\.\d+)?(?:\s[A-Za-z]{1,4}\b|\s[A-Z]?\d\d?(?::\d\d)+(?:\.\d+)?)?"
_NUMBER = r"[-+]?\d[\d.]*"
_INTERVAL = lazy_pattern(rf"[(\[]\s*{_END}\s*[,，]\s*{_END}\s*[)\]]|[(\[]{_NUMBER}\s?[-–~]\s?{_NUMBER}(?:\s?[A-Za-z]{{1,4}})?[)\]]")


def _symbol(text: str, i: int) -> bool:
    """Has the unpaired bracket at ``i`` nothing on its inner side ("unmatched ( or [",
    "[、[^、[:")? Then it is a symbol being named."""
    before = text[i - 1] if i > 0 else " "
    if before == "\\":
        return True  # escaped: a literal
    if text[i] == "{" and _EXPRESSION_PREFIX.search(text, max(0, i - 40), i) is not None:
        return True  # an expression's prefix named ("keys starting with $Exception{"), its braces left open
    if text[i] in _OPENERS:
        after = text[i + 1] if i + 1 < len(text) else " "
        doubled_at = i if after == text[i] else i - 1 if before == text[i] else None
        if doubled_at is not None and HAN_CHARACTER.match(text, doubled_at + 2):
            return True  # "报错说找不到[[命令": the shell's [[ named, a Chinese word after it
        return after in _NOT_INSIDE or after in CLOSING_QUOTES or after == MASK
    return before in _NOT_INSIDE or before in OPENING_QUOTES or before == MASK or before in _MASKING


# The sigil and name that open an expression in braces: ``${``, ``#{``, ``$Exception{``.
_EXPRESSION_PREFIX = re.compile(r"[$#%@][A-Za-z_]*$")


# A name masked for privacy (a sponsor list's "哆*)", "*）") may have hidden the opener with
# the letters: a closer right after the asterisk that stands for them is no evidence.
_MASKING = "*＊"


_BRACKET = lazy_pattern(f"[{_BRACKETS}]")


def unbalanced(text: str) -> list[tuple[int, str]]:
    if _BRACKET.search(text) is None:
        return []
    if text[-1] in _ALONE and not text.strip(_ALONE):
        return []  # brackets alone (a heading "((" or "[[": commands of that name) are named
    intervals = {i for m in _INTERVAL.finditer(text) for i in (m.start(), m.end() - 1)} if "," in text or "-" in text or "，" in text else set()
    skipped = intervals | _quoted_runs(text)
    if not skipped and _all_nested(text):
        return []  # most prose that holds brackets (none of them is named between a pair's marks then)
    used = [i for m in _BRACKET.finditer(text) if (i := m.start()) not in skipped and not _between_pair(text, i) and not _template_brace(text, i)]
    if _nested(text, used):
        return []  # most prose that holds brackets: each closes the one opened last
    pairer = MarkPairer(PAIRS, SAME)
    for i in used:
        if text[i] == ")" and _after_eyes(text, i) and text[i + 1 : i + 2] == ")":
            continue  # a smiley before the bracket that closes its aside ("(try it :))")
        pairer.feed(i, text[i], lone_closer_is_fine=text[i] in ")）" and _ignorable_closer(text, i))
    found = [(i, problem) for i, problem in pairer.finish() if not _symbol(text, i)]
    # A doubled opener never closed ("[[Note" of a wiki link that a table's "|" cut) is one
    # finding, at its first bracket.
    reported = {i for i, _ in found}
    return [(i, problem) for i, problem in found if not (i - 1 in reported and text[i - 1] == text[i] and text[i] in PAIRS)]


_HALF_WIDTH = str.maketrans(SAME)
_WIDE_PAIRS = tuple(opener + closer for opener, closer in PAIRS.items() if not opener.isascii())


def _all_nested(text: str) -> bool:
    """``_nested`` for all the brackets of ``text``, in C: the brackets alone, half-width, with
    each adjacent pair taken out until none is left (each closes the one opened last) or
    none can be (a closer without its opener, or an opener never closed)."""
    marks = "".join(_BRACKET.findall(text)).translate(_HALF_WIDTH)
    while True:
        shorter = marks.replace("()", "").replace("[]", "").replace("{}", "")
        if not shorter.isascii():
            for pair in _WIDE_PAIRS:
                shorter = shorter.replace(pair, "")
        if shorter == marks:
            return not marks
        marks = shorter


def _template_brace(text: str, i: int) -> bool:
    """Is the brace at ``i`` one of a doubled pair, a template's ({{ page.version }}, as Liquid,
    Handlebars and Vue write them; the page shows what it renders)?"""
    ch = text[i]
    return ch in "{}" and (text[i - 1 : i] == ch or text[i + 1 : i + 2] == ch)


def _nested(text: str, positions: list[int]) -> bool:
    """Does each bracket at ``positions`` close the one opened last, and is none left open?
    Then MarkPairer finds nothing: it reports only brackets that do not pair so."""
    open_: list[str] = []
    for i in positions:
        mark = SAME.get(text[i], text[i])
        if mark in PAIRS:
            open_.append(PAIRS[mark])
        elif not open_ or open_.pop() != mark:
            return False
    return not open_


def check(doc, config) -> Iterator[Finding]:
    return span_findings(RULE, doc, unbalanced, _BRACKET)


RULE = Rule(
    code="KL204",
    name="unbalanced-bracket",
    severity=Severity.WARNING,
    summary="A bracket without its partner: () [] {} （） 【】 《》 〈〉.",
    documentation="""\
## What it does
Pairs brackets within each paragraph, list item, heading and table cell and reports the one
without a partner. A full-width bracket pairs with a half-width one (`（注意)` is one pair of
mixed widths, for `cjk-punctuation`). List markers and enumerations such as `a)`, `1)`, `iv)` or `1）`, a section's number opening a line (`1.2).`), an example's label (`예)`),
the smileys `:)` and `:-)` (also inside an aside: `(try it :))`), and brackets that are named rather than used (`「)」`, `"}"`, a bracket with
nothing on its inner side as in `unmatched ( or [`, a heading or cell of brackets alone, as a
reference names the command `[[`) are not brackets, and neither are those of a link's text
that quotes a pull request's, an issue's or a commit's title as its author wrote it, nor a
template's doubled braces (`{{ page.version }}`: the page shows what it renders); a doubled opener never closed (`[[Note`
of a wiki link that a table's `|` cut in two) is one finding; Markdown link syntax,
code, URLs (also those with parentheses, such as `https://en.example.org/wiki/Foo_(bar)`)
and TeX math (`$$ … $$`, and `$ … $` around TeX: `$\\hat{A}_t$`, not `$5 to $10`) are not prose. A mathematical interval's brackets differ on purpose: `(0, 100]`, `[0, n)`,
`(base**i, base**(i+1)]`, `(0, 4 MiB]`, `[0-10)`, `[1000,~)` (an end left open), and so do
those of a span of time (`[00:00, 06:00)`, `[2024-03-01 08:00:00, 2024-03-01 09:30:00)`,
`[2024-03-01T08:00:00.000, 2024-03-01T09:30:00.000)`). A closer right after a literal asterisk (`哆*)` in a list of
names masked for privacy) may have lost its opener to the mask. A brace after a sigil and a
name (`${`, `#{`, `$Error{`) names how an expression starts, and is left open on purpose.

## Why it matters
An unclosed parenthesis makes the reader wonder where an aside ends, and often means a
sentence was cut in half.

## Example
```markdown
The lock takes effect in the device list (the list refreshes every minute.
```

## Does not fire
```markdown
Choose a) the phone or b) the laptop (both work). See [the guide](KB1.md) :)
Keys sync on their own (try it :)), and stay so :-)
Thanks to our sponsors: 林*), K*n and *）.

1.2). Set the pool's defaults:
Read the [release notes](https://example.com/notes/{{ page.version }}/changes).
A key written as $Error{ followed by a class name matches an exception.
Rows of the span [2024-03-01T08:00:00.000, 2024-03-01 T09:30:00) are kept (the first hour).

Merged [keep keys (as typed](https://github.com/example/kbtool/pull/42).

# ((
```

## Fix
None.
""",
    check=check,
    text_alone=True,
)
