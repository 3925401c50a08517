from __future__ import annotations

import re
from collections import Counter
from itertools import compress, islice
from operator import eq
from typing import Iterator

from kblint.formats.registry import is_change_log
from kblint.model.finding import Finding, Severity
from kblint.model.patterns import lazy_pattern
from kblint.rules.api import Rule
from kblint.model.text import LATIN, is_quoted

REPEAT = lazy_pattern(
    rf"(?<![{LATIN}0-9_'’-])([{LATIN}]++)([ \t]*\n?[ \t]*)(\1)(?![{LATIN}0-9_'’-])", re.IGNORECASE
)
# Words as REPEAT delimits them: whatever REPEAT finds is two equal neighbours in their list
# (as it is in kblint.kb.words' list, unless a _SPECIAL character is about).
TOKEN = lazy_pattern(rf"[{LATIN}0-9_'’-]+")
# Doubles that can be grammatical: "that that", "had had", "is is" (what it is is ...).
ALLOWED = {"that", "had", "is", "do", "bye", "ha", "no", "yada", "knock", "very", "so", "far", "bang"}  # "bang bang": a shell's !!
# Doubles that are grammatical in other languages written in Latin letters: French reflexive
# pronouns ("nous nous", "vous vous"), German and Dutch relative pronouns after an article
# ("die die", "das das", "dat dat"), German's polite "Sie" before "sie" (you them), Dutch
# "je je" (you, then the reflexive or "your": "als je je aanmeldt"), Portuguese "se se"
# (whether, then the reflexive) and Czech "se se" (the reflexive, then "with").
ALLOWED_IN = {
    "fr": frozenset({"nous", "vous", "faire"}),  # faire faire: the causative ("lui faire faire")
    "de": frozenset({"die", "das", "der", "den", "dem", "sie"}),
    "pt": frozenset({"se"}),
    "cs": frozenset({"se"}),
    # Dutch "in in": a separable verb's particle, then the preposition ("stel het thema in in
    # het bestand": set the theme in the file).
    "nl": frozenset({"die", "dat", "je", "in"}),
    # Italian doubles for manner and degree ("passo passo", "piano piano", "via via") and its
    # correlative "sia … sia" ("che sia sia veloce sia …").
    "it": frozenset({"passo", "piano", "così", "quasi", "via", "sia"}),
}
# Languages in Latin letters whose grammar doubles words ("sık sık", "song song", "anak-anak"
# written "anak anak", "ayrı ayrı"): a doubling there is no slip to report.
REDUPLICATING = frozenset({"tr", "vi", "id", "ms", "tl", "fil", "jv", "su"})
# English phrases that end in a word the sentence then uses again: "at will will", a phrasal
# verb's particle before its preposition ("log in in the background", "turn it on on the
# phone" is no pair). The words before the pair that make it one.
PHRASE_ENDS = {
    "will": frozenset({"at"}),
    "in": frozenset({"log", "logs", "logged", "logging", "sign", "signs", "signed", "signing", "check", "checked", "opt", "opted", "plug", "plugged", "fill", "filled", "built"}),
    "on": frozenset({"log", "logs", "logged", "logging", "turn", "turned", "switch", "switched"}),
    # "the places people go to to learn": a clause ends with its verb's "to", an infinitive follows
    "to": frozenset({"go", "goes", "went", "come", "comes", "came", "turn", "turns", "turned", "listen", "listens", "refer", "refers", "belong", "belongs", "talk", "talked"}),
}
# What follows "to to" where the second "to" would be a preposition again, not an infinitive's:
# "go to to the page" is a slip.
_NOT_AN_INFINITIVE = frozenset({"the", "a", "an", "your", "this", "that", "these", "those", "our", "their", "its", "my", "his", "her"})
_WORD_BEFORE = lazy_pattern(rf"([{LATIN}]+)[ \t]*$")
_WORD_AFTER = lazy_pattern(rf"[ \t]+([{LATIN}]+)")
_ALLOWED_ANYWHERE = frozenset(ALLOWED)
_ALLOWED_FOR = {language: _ALLOWED_ANYWHERE | words for language, words in ALLOWED_IN.items()}


# Letters whose case-insensitive matching lower() does not reproduce (İ changes the length,
# which ProseWords.same_length catches), and the replacement character, which WORD (unlike
# REPEAT) does not let touch a word.
_SPECIAL = ("ſ", "ı", "\ufffd")


def _candidates(doc, allowed: frozenset[str]) -> list[tuple[int, int]]:
    """(span index, offset in its text) of each word that its neighbour repeats, ignoring
    case: a cheap superset of where REPEAT can match, found on all the prose at once."""
    joined = doc.joined_prose
    prose = doc.prose_words  # shared with typo
    if prose.same_length and not any(char in prose.lowered for char in _SPECIAL):  # substring tests, in C
        words, folded = prose.words, prose.lowered
    else:
        folded = joined.text.casefold()
        words = TOKEN.findall(folded)
        if len(folded) != len(joined.text):  # case folding changed lengths (ß → ss): look everywhere
            return [(k, m.start()) for k, span in enumerate(joined.spans) for m in REPEAT.finditer(span.text)]
    doubled = set(compress(words, map(eq, words, islice(words, 1, None))))  # in C (operator.eq: no slot wrapper)
    doubled = sorted(w for w in doubled if w.isalpha() and w not in allowed)
    return sorted(joined.locate(start) for word in doubled for start in _pair_starts(word, folded))


_WORD_CHAR = lazy_pattern(rf"[{LATIN}0-9_'’-]")  # what may not touch a word on either side
_GAP = re.compile(r"[ \t]*\n?[ \t]*")  # what may lie between a word and its repetition


def _pair_starts(word: str, text: str) -> Iterator[int]:
    """Where ``word`` (letters only) stands as a whole word in ``text`` followed by itself,
    across at most one line break, the second also whole: each word of "the the the" that is
    followed. Found with str.find, not a regular expression made for each word: one with
    the class of Latin letters costs a millisecond to compile, and a large knowledge base
    doubles thousands of different words."""
    length, find, touches = len(word), text.find, _WORD_CHAR.match
    at = find(word)
    while at >= 0:
        after, next_from = at + length, at + 1  # (a match is not overlapped: on after it)
        if at == 0 or not touches(text, at - 1):
            second = _GAP.match(text, after).end()  # type: ignore[union-attr]
            if text.startswith(word, second) and not touches(text, second + length):
                yield at
                next_from = after
        at = find(word, next_from)


def _same_word(text: str, m: re.Match) -> bool:
    """Is the second word the first written again? Not when the first ends an identifier
    ("Function::Call call") or the second starts one ("URL url.protocol"), when the second is in capitals the first is not
    ("unreachable UNREACHABLE": a constant), for a name's initials ("Govind K K") or letters
    other than "a" and "i" ("n n auto"), nor for a name inside a sentence and the word it is
    made of ("Ant Design design"), nor for a parameter's type and name ("insert(Tablet tablet)")."""
    first, second = m.group(1), m.group(3)
    if len(first) == 1 and (first.isupper() or first not in "ai"):
        return False  # initials ("Govind K K"), a value's letters ("flex: 'n n auto'")
    if first[:1].isupper() and first[1:].islower() and second.islower() and (_ends_a_name(text, m.start(1)) or _after_a_lowercase_word(text, m.start(1))):
        return False  # a name, then the word it is made of: "Ant Design design values", "the Input input box"
    if m.start(1) > 0 and text[m.start(1) - 1] in ":./\\#@$>":
        return False
    if first[:1].isupper() and second in (first.lower(), first[:1].lower() + first[1:]) and _opens_a_parameter(text, m.start(1)):
        return False  # "insert(Tablet tablet)", "transform(RowWindow rowWindow, …)": a parameter's type, then its name
    after = text[m.end(3) : m.end(3) + 2]
    if len(after) == 2 and after[0] in ".:(" and not after[1].isspace():
        return False  # "WHATWG URL url.protocol": the second word starts an identifier
    return not (len(second) > 1 and second.isupper() != first.isupper())  # ("AND and OR": a keyword, then the word)


# A function's parameters up to a parameter's start: "insert(", "transform(Row row, ".
_PARAMETERS_BEFORE = re.compile(r"[\w$]\((?:[^()\n]*,)?[ \t]*$")


def _opens_a_parameter(text: str, start: int) -> bool:
    """Does the word at ``start`` open a parameter of a function's signature written as text
    (``insert(Tablet tablet)``), after the parenthesis or a comma?"""
    return _PARAMETERS_BEFORE.search(text, max(0, start - 120), start) is not None


def _ends_a_name(text: str, start: int) -> bool:
    """Is the capitalized word at ``start`` the last of a name of capitalized words ("Ant
    Design"), the word before it capitalized too and no sentence's first?"""
    m = _NAME_BEFORE.search(text, 0, start)
    before = text[: m.start(1)].rstrip(" \t*_") if m is not None else ""
    return bool(before) and before[-1] not in ".!?:;\n。！？：；"


_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+) $")
_LOWERCASE_WORD_BEFORE = re.compile(r"\b[a-z]+[ \t]+$")


def _after_a_lowercase_word(text: str, start: int) -> bool:
    """Does a lower-case word come right before the capitalized word at ``start``, which is
    then no sentence's first but a name ("the Input input box": a component, then the word)?"""
    return _LOWERCASE_WORD_BEFORE.search(text, max(0, start - 40), start) is not None


def _opens_container(text: str, start: int) -> bool:
    """Does the line of ``start`` open a custom container (``::: tip Note``, ``!!! note``),
    a tab of a tabs container (``== Playwright``, as VitePress' tabs plugin labels one) or a
    callout with its title (``> [!info] Excluded files``, whose body starts a line below:
    "Files …")?"""
    line_start = text.rfind("\n", 0, start) + 1
    return text.startswith((":::", "!!!", "???", "== "), line_start) or _CALLOUT.match(text, line_start) is not None


_CALLOUT = re.compile(r"(?:[ \t]*>)+[ \t]*\[![A-Za-z-]+\][+-]?[ \t]")


def _run(text: str, m: re.Match) -> tuple[int, int]:
    """Where the run of the same word that ``m`` starts ends, and how many words it has."""
    words, end, last = 2, m.end(), m.start(3)
    following = REPEAT.match(text, last)
    while following is not None and following.group(3).lower() == m.group(1).lower():
        words, end, last = words + 1, following.end(), following.start(3)
        following = REPEAT.match(text, last)
    return end, words


def place_key(doc, config) -> bool:
    """What the check reads of the article's place: whether its path names a change log (see
    Rule.place_key)."""
    return is_change_log(doc.relpath)


def check(doc, config) -> Iterator[Finding]:
    found = list(_doublings(doc))
    if len(found) < 2:
        yield from (finding for _, finding in found)
        return
    # The same doubling of a capitalized word written twice or more in one article is meant (a
    # name: "Astro Docs Docs", the docs of a product's docs); "the the" twice is two slips.
    times = Counter(pair for pair, _ in found)
    yield from (finding for pair, finding in found if times[pair] == 1 or not pair[:1].isupper())


def _doublings(doc) -> Iterator[tuple[str, Finding]]:
    """Each doubling of ``doc`` with the words it doubles, as written."""
    language = doc.locale.split("-")[0].lower()
    if language in REDUPLICATING:
        return
    allowed = _ALLOWED_FOR.get(language, _ALLOWED_ANYWHERE)
    spans = doc.prose
    taken = (-1, -1)  # span and end of the last match: "the the the" is one finding
    images = None  # where the article's images are, once a doubling needs it
    for k, at in _candidates(doc, allowed):
        if (k, at) < taken:
            continue
        span = spans[k]
        m = REPEAT.match(span.text, at)
        if m is None:
            continue
        run_end, words = _run(span.text, m)
        taken = (k, run_end)
        if words >= 4:
            continue  # "text text text text": filler or a pattern written on purpose, not a slip
        word = m.group(1)
        if word.lower() in allowed or not m.group(2) or is_quoted(span.text, m.start(), m.end()):
            continue  # allowed, or quoted: a mention of the doubling, not a doubling
        if not _same_word(span.text, m) or language == "en" and _ends_a_phrase(span.text, m.start(), word.lower(), m.end()):
            continue
        if _a_doubled_syllable_name(word, m.group(3)):
            continue  # "Lin Lin", "Zhuan Zhuan": a Chinese name, a syllable written twice
        start = span.offset(m.start(1))
        if _opens_container(doc.text, start):
            continue  # "::: tip Note" / "Note that…": a container's kind and title are markup
        if _ends_an_emphasized_name(doc.text, start, span.end_offset(m.end(1)), span.offset(m.start(3))):
            continue  # "*Astro Docs* Docs": a name set apart, then a word of the sentence
        if _opens_an_emphasized_name(doc.text, span.end_offset(m.end(1)), span.offset(m.start(3))):
            continue  # "enable **Enable proxy**": an action, then the name of the setting it acts on, set apart
        if _named_after_in_emphasis(doc.text, span.end_offset(m.end(1)), span.offset(m.start(3)), span.end_offset(m.end(3))):
            continue  # "the graphic style _style_": a thing, then the name its parameter has, set apart
        if _a_term_then_its_definition(doc.text, span.end_offset(m.end(1)), span.offset(m.start(3)), word, m.group(3), is_change_log(doc.relpath)):
            continue  # "[**legend**](…) Legend of the chart.": a term set apart, then the sentence on it
        if "\n" in m.group(2) and _HARD_BREAK.search(doc.text, span.end_offset(m.end(1)), span.offset(m.start(3))):
            continue  # a line broken on purpose: a label ("**TIMEOUT**"), then a sentence that starts with it
        if "\n" in m.group(2) and _a_title_line_then_a_line(doc.text, start, span.end_offset(m.end(1)), m.group(3)):
            # "4. Share With Everyone" over "Everyone on the team…": two lines the writer meant,
            # which Markdown joins ("Everyone Everyone"). The break is missing, not a word.
            message = f"'{word}' ends a line and opens the next, which Markdown joins: '{m.group(0).replace(chr(10), ' ')}'; if they are two lines, end the first with a line break or a blank line"
            yield m.group(0).replace("\n", " "), RULE.finding(doc, start, span.end_offset(m.end(3)), message)
            continue
        end = span.end_offset(m.end(3))
        if images is None:
            images = [(link.start, link.end) for link in doc.body.links if link.image]
        if images and any(a <= start < b or a <= span.offset(m.start(3)) < b for a, b in images):
            continue  # an image's text: badges side by side ([![npm](…)](…) [![npm](…)](…)) are no doubling
        second_from = span.end_offset(m.end(1))
        message = f"'{word}' is repeated: '{m.group(0).replace(chr(10), ' ')}'"
        yield m.group(0).replace("\n", " "), RULE.finding(doc, start, end, message, replacement=doc.text[start:second_from])


_HARD_BREAK = re.compile(r"(?: {2,}|\\)\r?\n")  # two spaces or a backslash ending a line
# A syllable of Hanyu Pinyin without its tone: an initial, then a final.
_PINYIN_SYLLABLE = re.compile(
    r"(?:[bpmfdtnlgkhjqxrzcsyw]|[zcs]h)?(?:i(?:a(?:o|n|ng)?|e|u|n|ng|ong)?|u(?:a(?:i|n|ng)?|o|i|n|e)?|a(?:i|o|n|ng)?|o(?:u|ng)?|e(?:i|n|ng|r)?|v(?:e|an|n)?)"
)


def _a_doubled_syllable_name(first: str, second: str) -> bool:
    """Are the two words one capitalized syllable of Pinyin twice: a Chinese name ("Lin Lin",
    a person; "Ding Ding", "Zhuan Zhuan", products), not a word written twice?"""
    return first == second and first[:1].isupper() and first[1:].islower() and _PINYIN_SYLLABLE.fullmatch(first.lower()) is not None


def _ends_a_phrase(text: str, start: int, word: str, end: int) -> bool:
    """Is the first of the pair at ``start`` the end of a set phrase (PHRASE_ENDS: "at will",
    "log in", "go to") that the sentence goes on from with the word again (ending at ``end``),
    an infinitive's "to" before a verb?"""
    before = PHRASE_ENDS.get(word)
    if before is None:
        return False
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if m is None or m.group(1).lower() not in before:
        return False
    if word != "to":
        return True
    after = _WORD_AFTER.match(text, end)
    return after is not None and after.group(1).lower() not in _NOT_AN_INFINITIVE


def _ends_an_emphasized_name(text: str, first: int, first_end: int, second: int) -> bool:
    """Does the first word (``first``..``first_end`` in the file) end an emphasized phrase of
    several words, whose closing mark lies before the second word (``*Astro Docs* Docs``, the
    docs of a product's docs)? An emphasized word alone (``**the** the``) is still a doubling."""
    between = text[first_end:second]
    mark = next((ch for ch in between if ch in "*_"), None)
    if mark is None:
        return False
    line_start = text.rfind("\n", 0, first) + 1
    opener = text.rfind(mark, line_start, first)
    return opener >= 0 and " " in text[opener:first_end].strip(mark + " ")


def _opens_an_emphasized_name(text: str, first_end: int, second: int) -> bool:
    """Does the second word open an emphasized phrase of several words that the first is not
    in (``enable **Enable proxy**``: the action, then the name the screen gives a setting)?"""
    marks = text[first_end:second].strip(" ")
    if marks not in ("*", "**", "_", "__") or text[first_end - 1 : first_end] in ("*", "_"):
        return False
    line_end = text.find("\n", second)
    closer = text.find(marks, second, line_end if line_end >= 0 else len(text))
    return closer > 0 and " " in text[second:closer].strip()


def _named_after_in_emphasis(text: str, first_end: int, second: int, second_end: int) -> bool:
    """Is the second word alone in emphasis (``_style_``, ``*style*``) and the first not, a
    thing then the name a parameter gives it ("the graphic style _style_")?"""
    opener, closer = text[second - 1 : second], text[second_end : second_end + 1]
    return opener in ("_", "*") and closer == opener and opener not in text[first_end - 1 : first_end] and text[first_end:second].strip(" ") == opener


def _a_term_then_its_definition(text: str, first_end: int, second: int, first: str, second_word: str, change_log: bool = False) -> bool:
    """Is the first word a term set apart by a link or emphasis that opens its line (a list
    item's, a table cell's), and the second, capitalized where the term is not, the start of
    the sentence that defines it (``- [**legend**](/legend) Legend of the chart``)? A link's
    text needs no capital after it: a list of plugins names each, then says what it does
    (``- [cors](…) cors support``); nor does a change log's entry after its scope in bold
    (``* **devbox** devbox ide button style``, as release notes made from commits write it)."""
    between = text[first_end:second]
    # (``- **Recover** Recover middleware recovers…``: a capital opens the sentence after a
    # term written with one too, on its line; on the next, the line break is what is missing.)
    capitalized = second_word[:1].isupper() and (first[:1].islower() or "\n" not in between)
    scope = change_log and "\n" not in between
    if not ("](" in between or ((capitalized or scope) and between.strip()[:1] in ("*", "_", "]"))):
        return False
    line_start = text.rfind("\n", 0, first_end) + 1
    return _TERM_OPENS_LINE.match(text, line_start, first_end) is not None


def _a_title_line_then_a_line(text: str, first_start: int, first_end: int, second_word: str) -> bool:
    """Does the first word end a line that reads as a title of its own (Chinese or Japanese
    text, ``使用全局 Action``, or words each capitalized, ``4. Recommend Relevant Content``,
    no sentence's punctuation at its end), and the second open the next line capitalized: two
    lines the writer set one under the other, which Markdown joins?"""
    if not second_word[:1].isupper():
        return False
    line_start = text.rfind("\n", 0, first_start) + 1
    body = _LINE_MARKS.sub("", text[line_start:first_end], count=1).strip()
    if not body or body[-1] in ".,;:!?":
        return False
    if any("\u3040" <= ch <= "\u30ff" or "\u3400" <= ch <= "\u9fff" for ch in body):
        return True
    words = body.split()
    return len(words) >= 2 and all(word[:1].isupper() or not word[:1].isalpha() for word in words)


_LINE_MARKS = re.compile(r"[ \t>]*(?:[-*+]|\d+[.)])?[ \t]*")  # a quotation's, a list item's


# A line that opens with a term in a link or emphasis, after a list's or a table's marks (a
# list indented with no-break spaces, which the page shows as text, too).
_TERM_OPENS_LINE = re.compile(r"[ \t\u00a0>|]*(?:[-*+]|\d+[.)])?[ \t]*(?:\[|\*\*?|__?)+[\w`-]+(?:[ \t][\w`-]+){0,3}$")


RULE = Rule(
    code="KL202",
    name="repeated-word",
    severity=Severity.WARNING,
    summary="A word written twice in a row (\"the the\"), also across a line break.",
    documentation="""\
## What it does
Reports a word followed by the same word (ignoring case), with only spaces or one line break
between them, as a reader sees them: markup between them does not hide a doubling, but the text
of an image (badges side by side, `[![npm](…)](…) [![npm](…)](…)`) is not read as prose next
to its neighbours, and a name set apart by emphasis before the same word (`*Vault Docs* Docs`,
the docs of a product's docs) or after it (`enable **Enable sync**`, an action and the name of
the setting it acts on) is no doubling, nor is a term set apart by a link or emphasis
before the sentence that defines it (`[**legend**](/legend) Legend of the chart`, `[Secret
Store](…) Store secrets…`), nor a word
then the same word alone in emphasis, a parameter's name (`the graphic style _style_`), nor the same doubling of a capitalized word
written twice or more in one article (a name: "Vault Docs Docs"). Doubles that can be
grammatical or set phrases ("that that", "had had", "is is", "bang bang" for a shell's `!!`; French "nous nous", German "die die" and "Sie
sie", Dutch "je je" and "in in", Portuguese and Czech "se se", Italian "passo passo"; English "at will
will", a phrasal verb's particle before its preposition, "log in in the browser", and a clause
that ends with its verb's "to" before an infinitive, "the pages people go to to learn", but
not "go to to the page") are allowed, and so is any doubling
in a language whose grammar doubles words (Turkish "sık sık", Vietnamese "song song",
Indonesian, Malay, Tagalog), and so is a run of four or more (filler text, "text text text
text"). A word that ends or starts an identifier
(`Function::Call call`, `URL url.protocol`), a parameter's type and name in a signature written as
text (`insert(Tablet tablet)`), a word repeated in capitals as a constant's name
(`unreachable UNREACHABLE`) or a keyword before the word (`AND and OR`), a name's initials (`Govind K K`), a Chinese name
of one syllable of Pinyin written twice, each capitalized (`Lin Lin`, `Zhuan Zhuan`), a letter other than "a" and
"i" (`flex: 'n n auto'`), a name of capitalized words inside a sentence and the word it is
made of ("the Ant Design design values", "the Input input box"), a custom container's kind and
title (`::: tip Note` followed by "Note that…"), a callout's title and the first word of its
body (`> [!info] Hidden files` then `> Files that…`), a label on a line it ends on purpose
(a hard break: `**TIMEOUT**` and two spaces, then "TIMEOUT sets…") are not doublings. A line
that reads as a title of its own (Chinese or Japanese text, or words each capitalized, with
no sentence's mark at its end: `4. Share With Everyone`) over a line that opens with its last
word capitalized ("Everyone on the team…") is two lines that Markdown joins: the finding says
so, and offers no fix (the break is missing, not a word).

## Why it matters
The eye skips doubled words, especially across a line break, so they survive every review.

## Example
```markdown
lock it from the web so that the the files
on it can no longer be opened; close the
the window.
```

## Does not fire
```markdown
He had had enough. She said that that was fine. `the the` in code.
Refactor the deprecated Function::Call call. Call insert(Tablet tablet) or transform(RowWindow rowWindow, Sink sink) to add rows. Ask Dana K K about it. Bang bang (`!!`) runs the last command again.
The talk was given by Lin Lin and Dana Reyes.
Read the Ant Design design values, then set 'flex: n n auto'.
Log in in the browser first: styles changed at will will not break the page.
These are the pages writers go to to learn the house style.

::: tip Note
Note that containers name their kind and title first.
:::

> [!info] Hidden files
> Files that start with a dot stay hidden.

**TIMEOUT**\\
TIMEOUT sets how long the agent waits.

[![npm](https://img.example.org/npm.svg)](https://example.org/a) [![npm](https://img.example.org/v.svg)](https://example.org/b)
```

## Fix
Unsafe: removes the second word (`--fix --unsafe-fixes`); a deliberate repetition is rare but
possible.

## Fixed
What `kblint --fix --unsafe-fixes` makes of the example:
```markdown file=en/KB1.md
lock it from the web so that the files
on it can no longer be opened; close the window.
```
""",
    fix="unsafe",
    unsafe_reason="a repetition may be meant",
    check=check,
    text_alone=True,
    place_key=place_key,
)
