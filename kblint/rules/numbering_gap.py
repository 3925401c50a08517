from __future__ import annotations

import re
from typing import Iterator

from kblint.model.finding import Finding, Severity
from kblint.model.patterns import lazy_pattern
from kblint.rules.api import Rule

# Numbered figure references in running text; step labels only where a line starts with one.
FIGURES = lazy_pattern(r"(?<![A-Za-z])(?P<label>Figure|Fig\.|Screenshot|圖|图)\s*(?P<num>[0-9]{1,3})(?![0-9])")
# A step's label is also written around its number in Chinese (第 3 步); a page may number some
# steps so and others "Step 6": one count.
# Chinese text also numbers its steps in Chinese numerals (步骤五, 第三步).
STEPS = lazy_pattern(
    r"^\s*(?:(?P<label>Step|步驟|步骤)\s*(?P<num>[0-9]{1,3}(?![0-9])|[一二三四五六七八九十]{1,3})|(?P<opening>第)\s*(?P<around>[0-9]{1,3}|[一二三四五六七八九十]{1,3})\s*步(?![驟骤]))",
    re.IGNORECASE | re.MULTILINE,
)
_DIGITS = {character: value for value, character in enumerate("一二三四五六七八九", 1)}


def step_number(written: str) -> int:
    """The number of a step as written: in digits, or in Chinese numerals up to 九十九 (十二 is
    12, 二十 is 20)."""
    if written.isdigit():
        return int(written)
    tens, ten, ones = written.partition("十")
    if not ten:
        return _DIGITS.get(written, 0)
    return (_DIGITS.get(tens, 0) if tens else 1) * 10 + _DIGITS.get(ones, 0)


def check(doc, config) -> Iterator[Finding]:
    yield from _list_gaps(doc)
    # A literal test before any regular expression: the labels as written (figures), or in
    # the prose in lower case (steps: any case), which other rules have made already.
    for pattern, words, text in (
        (FIGURES, ("Fig", "Screenshot", "圖", "图"), doc.text),
        (STEPS, ("step", "步驟", "步骤", "第"), doc.prose_words.lowered),
    ):
        if any(word in text for word in words):
            yield from _label_gaps(doc, pattern)


def _list_gaps(doc) -> Iterator[Finding]:
    index = doc.index
    for lst in doc.body.lists:
        numbers = [item.number for item in lst.items]
        if not lst.ordered or len(numbers) < 2 or None in numbers or len(set(numbers)) == 1:
            continue  # "1. 1. 1." is a deliberate style: Markdown numbers those itself
        first = numbers[0]
        for k, (previous, item) in enumerate(zip(lst.items, lst.items[1:]), 1):
            place = first + k  # the number the item's place in the list gives it
            if item.number == previous.number + 1 or (item.number == place and previous.number != place - 1):
                continue  # in order, or back in line with the list's count after a slip before it
            start = index.offset(item.line, item.column)
            yield RULE.finding(doc, start, index.offset(item.line, item.end_column) - 1, _list_message(item.number, previous.number, place, numbers[:k]))


def _list_message(number: int, previous: int, place: int, before: list[int]) -> str:
    """What is wrong with the number of an item at ``place`` after ``previous``: it repeats one
    the list used, skips, or goes back. After an item in line with its place, the next number
    is expected; after a slip, the item's place (1, 2, 2, 5, 4: the 5 should be 4)."""
    expected = previous + 1 if previous == place - 1 else place
    kind = "repeats the numbering" if number in before else ("skips the numbering" if number > expected else "is out of order")
    where = f"after {previous}" if previous == place - 1 else "for its place in the list"
    return f"step {number} {kind}: expected {expected} {where}"


def _label_gaps(doc, pattern) -> Iterator[Finding]:
    """The first mentions of a numbered label that jump past the next number."""
    mentions = list(_mentions(doc, pattern))
    if pattern is FIGURES:
        # A figure named by its place among unnumbered screenshots ("see Figure 2") is a gap
        # only where the text numbers figures: two numbers of the label at least.
        numbers: dict[str, set[int]] = {}
        for label, number, _, _ in mentions:
            numbers.setdefault(label, set()).add(number)
        mentions = [mention for mention in mentions if len(numbers[mention[0]]) > 1]
    seen: dict[str, int] = {}
    in_code = sorted(_steps_in_code(doc) + _numbered_headings(doc)) if pattern is STEPS else []
    title_line = _title_heading_line(doc) if pattern is STEPS else None
    items = _ordered_items(doc) if pattern is STEPS else {}
    ahead = _procedures(doc) if pattern is STEPS else []
    ranges = _step_ranges(doc) if pattern is STEPS and mentions else []
    for label, number, m, span in mentions:
        if number <= items.get(span.start_line, 0):
            continue  # "3. 第2步处理完后": an item of a numbered list names one before it, or itself ("3. 第三步是…")
        while ranges and ranges[0][0] <= span.start_line:
            seen[label] = max(seen.get(label, 0), ranges.pop(0)[1])  # "Steps 1-3 can be skipped"
        while in_code and in_code[0][0] < span.start_line:
            seen["step"] = max(seen.get("step", 0), in_code.pop(0)[1])
        highest = seen.get(label, 0)
        if span.kind == "heading" and span.start_line == title_line and not highest:
            pass  # "# Step 3: Start developing": the page is one step of a series of pages
        elif number > highest + 1 and not any(line > span.start_line and number <= count for line, count in ahead):
            # (A note before a numbered list may name its steps: "Step 4 is done for you".)
            missing = highest + 1 if number == highest + 2 else f"{highest + 1}–{number - 1}"
            message = _gap_message(_written_label(m), number, highest, missing)
            labelled = m.group("label") is not None  # (else 第 N 步)
            start, end = (m.start("label"), m.end("num")) if labelled else (m.start("opening"), m.end())
            yield RULE.finding(doc, span.offset(start), span.end_offset(end), message)
        seen[label] = max(highest, number)


def _procedures(doc) -> list[tuple[int, int]]:
    """(first line, steps) of each numbered list that counts from 1 in order (1., 2., 3.)."""
    found = []
    for lst in doc.body.lists:
        numbers = [item.number for item in lst.items]
        if lst.ordered and numbers and numbers == list(range(1, len(numbers) + 1)):
            found.append((lst.items[0].line, len(numbers)))
    return found


# A range of steps named anywhere in a sentence: "Steps 1-3", "steps 5 to 6", "步骤 1～3".
_STEP_RANGE = lazy_pattern(r"(?i)(?:steps?|步驟|步骤)\s*[0-9]{1,3}\s*(?:-|–|~|～|to|through|至|到)\s*(?P<last>[0-9]{1,3})(?![0-9])")


def _step_ranges(doc) -> list[tuple[int, int]]:
    """(line, last step) of each range of steps the prose names, in order."""
    return sorted((span.start_line, int(m.group("last"))) for span in doc.body_spans_with(_STEP_RANGE) for m in _STEP_RANGE.finditer(span.text))


def _ordered_items(doc) -> dict[int, int]:
    """The number of each numbered list item, by the line it starts on."""
    return {item.line: item.number for lst in doc.body.lists if lst.ordered for item in lst.items if item.number is not None}


def _numbered_headings(doc) -> list[tuple[int, int]]:
    """(line, number) of the headings numbered as steps without the word ("### 3. Register the
    client"): "### Step 5" after them goes on from them."""
    return [(h.line, int(m.group(1))) for h in doc.body.headings if (m := _NUMBERED_HEADING.match(h.text)) is not None]


_NUMBERED_HEADING = re.compile(r"(\d{1,3})[.)、]\s")


def _title_heading_line(doc) -> int | None:
    """The line of the page's title heading, its first heading where that is its only one of
    level 1."""
    headings = doc.body.headings
    tops = [heading for heading in headings if heading.level == 1]
    return headings[0].line if len(tops) == 1 and headings[0] is tops[0] else None


def _steps_in_code(doc) -> list[tuple[int, int]]:
    """(line, number) of the steps a code block lists (a program's steps, ``Step 4: …`` at a
    line's start), in order: the text may name them after ("Step 4 and Step 7 are …")."""
    found = []
    for block in doc.body.code_blocks:
        if "tep" in block.text or "步" in block.text:
            found += [(block.start_line, int(m.group("num") or m.group("around"))) for m in STEPS.finditer(block.text)]
    return sorted(found)


def _mentions(doc, pattern) -> Iterator[tuple]:
    """(label, number, match, span) of each mention of ``pattern``'s labels in the prose."""
    # A step label that is an image's text names a screenshot (![Step 3](…)): the steps
    # before it need no picture.
    pictures = [(link.start, link.end) for link in doc.body.links if link.image] if pattern is STEPS else []
    # One search over all the prose finds the spans to read (a release note's "config" holds
    # "fig", and it has thousands of spans).
    for span in doc.body_spans_with(pattern):
        for m in pattern.finditer(span.text):
            if pictures and any(start <= span.offset(m.start()) < end for start, end in pictures):
                continue
            if pattern is STEPS:
                # Steps are one count, whatever their label's language: 第 5 步, then Step 6.
                yield "step", step_number(m.group("num") or m.group("around")), m, span
                continue
            label = m.group("label").lower().rstrip(".")
            yield {"fig": "figure", "图": "圖"}.get(label, label), int(m.group("num")), m, span


def _written_label(m: "re.Match[str]") -> str:
    """The label as the text writes it ("Step", "步驟"; "第…步" for 第 3 步: see _named)."""
    return m.group("label") if m.group("label") else "第…步"


def _gap_message(label: str, number: int, highest: int, missing: "int | str") -> str:
    if highest == 0:
        return f"'{_named(label, number)}' is the first {label} the text mentions: {_named(label, missing)} is missing"
    return f"'{_named(label, number)}' comes after {_named(label, highest)}: {_named(label, missing)} is missing"


def _named(label: str, number: "int | str") -> str:
    return f"第 {number} 步" if label == "第…步" else f"{label} {number}"


RULE = Rule(
    code="KL206",
    name="numbering-gap",
    severity=Severity.WARNING,
    summary="Numbered steps that skip or repeat, or figure references that skip a number.",
    documentation="""\
## What it does
Checks the numbers of ordered lists (1, 2, 4 skips; 1, 2, 2 repeats; a list numbered
`1. 1. 1.` throughout is left alone, since Markdown renumbers it; after a slip, an item back
at the number its place in the list gives it is in line, and one that is not is held to that
place: in 1, 2, 2, 5, 4, 6 the second 2, the 5 and the 4 are reported, the 6 is not) and the order in which numbered figures
(`Figure 6`, `Fig. 7`, `圖6`) and step labels (`Step 3:` at the start of a line, `步驟3`, `第 3 步`,
one count whatever their language: `### 第 5 步` then `### Step 6` is no gap) first appear in
the text: a first mention that jumps past the next number is reported. Figures count
where the text numbers them, two numbers at least: "see Figure 2" alone names the second of
unnumbered screenshots. Steps a code block lists (`Step 4: …` lines of a program's output)
count as mentioned where the block is, and so do headings numbered without the word (`### 3.
Register the client`, then `### Step 4: Sign in`). A step label that is an image's text (`![Step 3](…)`) names a
screenshot. A page titled by a step (`# Step 3: Build the plugin`, its one top heading) is one
page of a guide written over several: its count starts there. An item of a numbered list that
names an item before it (`3. 第2步完成后…`) refers back; it starts no count. A note above a
numbered list that counts from 1 names that list's steps ahead ("Step 4 is done for you" over
steps 1 to 6), and a range of steps named anywhere in a sentence counts them as mentioned
("Steps 1-3 can be skipped", `步骤 1～3`).

## Why it matters
A skipped step is usually a deleted step whose neighbours were not renumbered, or a step lost
in translation; readers following along get stuck looking for it.

## Example
```markdown
1. Sign in.
2. Open Devices.
4. Select Lock.

Figure 1 shows the button; Figure 3 shows the confirmation.
```

## Does not fire
```markdown
1. Sign in.
2. Open Devices.
3. Select Lock.

As in Figure 1 and Figure 2 (and again Figure 1).
```

## Fix
None: renumbering might hide a step that is really missing.
""",
    check=check,
    text_alone=True,
)
