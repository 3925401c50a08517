from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from kblint.lang.chinese import accepted_words, converter, script
from kblint.model.finding import Finding, Severity
from kblint.model.patterns import lazy_pattern
from kblint.rules.api import Rule

WINDOW = 8  # characters of context on each side for the suggestion
SCRIPTS = {"zh-Hant": "Traditional", "zh-Hans": "Simplified"}


def _cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\U00020000" <= ch <= "\U0003134f"


def _context(text: str, i: int) -> tuple[str, int]:
    start = i
    while start > 0 and i - start < WINDOW and _cjk(text[start - 1]):
        start -= 1
    end = i + 1
    while end < len(text) and end - i < WINDOW and _cjk(text[end]):
        end += 1
    return text[start:end], i - start


@lru_cache(maxsize=4096)
def _finder(chars: frozenset[str]) -> "re.Pattern[str]":
    return re.compile("[" + re.escape("".join(sorted(chars))) + "]")


_ASTRAL = lazy_pattern("[\U00010000-\U0010ffff]")


@lru_cache(maxsize=2)
def _bmp_finder(name: str) -> "re.Pattern[str]":
    # re matches a class of thousands of characters in constant time per character only when
    # they all lie in the Basic Multilingual Plane: the others are a slow list.
    view = script(name)
    return _finder(frozenset(c for c in view.outright | view.ambiguous if c < "\U00010000" and _written_in_the_plane(view, c)))


def _written_in_the_plane(view, ch: str) -> bool:
    """Has ``ch`` a form in this script that common fonts show (in the Basic Multilingual
    Plane)? 潕, a name's character, is 𣲘 (U+23C98) in Simplified Chinese by OpenCC's
    tables: a Simplified text keeps 潕, which every font shows."""
    return any(form < "\U00010000" for form in view.mappings.get(ch, (ch,)))


def _suspects(text: str, name: str) -> Iterator["re.Match[str]"]:
    """The characters of ``text`` that may be of the other script, in order."""
    if _ASTRAL.search(text) is None:
        return _bmp_finder(name).finditer(text)
    view = script(name)
    present = {c for c in (view.outright | view.ambiguous).intersection(text) if _written_in_the_plane(view, c)}  # rare: a class of the few present
    return _finder(frozenset(present)).finditer(text) if present else iter(())


@lru_cache(maxsize=2)
def _kept_words(name: str) -> "re.Pattern[str] | None":
    """The listed words of the script ``name`` that hold characters no standard of it writes
    (the other script's own name): the places in a text where those are right."""
    outright = script(name).outright
    words = sorted((w for w in accepted_words(name) if any(c in outright for c in w)), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words)) if words else None


def _kept_places(text: str, name: str) -> set[int]:
    kept = _kept_words(name)
    if kept is None:
        return set()
    return {i for m in kept.finditer(text) for i in range(m.start(), m.end())}


# Kana, which Chinese does not write: a line that holds some quotes Japanese (a Japanese
# article's title in a reading list), whose kanji (説, 歩) are neither script's of Chinese.
_KANA = re.compile(r"[\u3040-\u309f\u30a0-\u30fa\u30fc-\u30ff]")  # (not ・, a Chinese text's middle dot too)
_LINE = re.compile(r"[^\n]+")


def _japanese_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text`` that holds kana: Japanese quoted in a Chinese
    article (the joined prose is one span a line)."""
    if _KANA.search(text) is None:
        return []
    return [(m.start(), m.end()) for m in _LINE.finditer(text) if _KANA.search(m.group(0))]


def find_runs(text: str, locale: str, region: str | None = None) -> list[tuple[int, int, str]]:
    """Runs (start, end, the right characters if known) of characters of the wrong script for
    an article in ``locale`` (zh-Hant or zh-Hans); in a Traditional article of a ``region``
    (TW, HK), the right characters are that region's, as its converters write them."""
    name = SCRIPTS[locale]
    view = script(name)
    flagged: list[tuple[int, str | None]] = []
    other = None  # the text in the other script, made when an ambiguous character needs it
    kept: set[int] | None = None  # places of listed words, found when a suspect needs them
    japanese: list[tuple[int, int]] | None = None  # lines quoting Japanese, found so too
    for m in _suspects(text, name):
        i = m.start()
        if kept is None:
            kept = _kept_places(text, name)
            japanese = _japanese_lines(text)
        if i in kept or japanese and any(start <= i < end for start, end in japanese):
            continue
        if m.group(0) in view.outright:
            flagged.append((i, None))
            continue
        if other is None:
            other = converter("t2s" if name == "Traditional" else "s2t").convert(text)
        right = view.wrong_in_words(text, i, other)
        if right is not None:
            flagged.append((i, right))
    runs: list[tuple[int, int, list[str | None]]] = []
    for i, right in flagged:
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1, runs[-1][2] + [right])
        else:
            runs.append((i, i + 1, [right]))
    if region is not None and name == "Traditional":
        # The region's converters alone: what the word tables say would not be asked for.
        return [(start, end, suggestion(text, start, end, locale, [None] * (end - start), region)) for start, end, _ in runs]
    return [(start, end, suggestion(text, start, end, locale, rights)) for start, end, rights in runs]


# Converters to ask for the right form, the article's region's first: Taiwan's with its
# vocabulary (s2twp) only where it keeps lengths, then without.
_CONVERTERS = {"TW": ("s2twp", "s2tw"), "HK": ("s2hk",), None: ("s2tw", "s2hk", "s2t")}


def suggestion(text: str, start: int, end: int, locale: str, rights: list[str | None], region: str | None = None) -> str:
    """The run ``text[start:end]`` in the article's script: each character as the region's
    converter writes it in its context, else as its word says, else its first other form;
    never the same character, and only ever a form of that character (see _counterpart)."""
    name = SCRIPTS[locale]
    view = script(name)
    window, w = _context(text, start)
    names = _CONVERTERS.get(region, _CONVERTERS[None]) if name == "Traditional" else ("t2s",)
    # Each converter's window, made on first need: a converter costs 0.1 to 0.2 s to build, in
    # every process, and the first one almost always has the answer.
    made: dict[str, str] = {}

    def converted(name_: str) -> str:
        if name_ not in made:
            made[name_] = converter(name_).convert(window)
        return made[name_]

    out = []
    for k, i in enumerate(range(start, end)):
        ch = text[i]
        kept = (c for c in map(converted, names) if len(c) == len(window))  # (those that keep its length)
        choice = next((c[w + k] for c in kept if w + k < len(c) and _counterpart(ch, c[w + k], name)), None)
        if choice is None and rights[k] is not None and _counterpart(ch, rights[k], name):
            choice = rights[k]
        out.append(choice or next((f for f in view.mappings.get(ch, ()) if f != ch), ch))
    return "".join(out)


def _counterpart(ch: str, choice: str, name: str) -> bool:
    """Whether ``choice`` is ``ch`` written in the script ``name``. A phrase conversion may
    put another word of the same length in place of a word (发布 -> 釋出, 鼠标 -> 滑鼠):
    the character at the same place is then no form of the one the text holds. A form is one
    OpenCC's character table gives, or a character that converts back to ``ch`` (Taiwan's
    裡 for 里, where the table gives 裏)."""
    if choice == ch:
        return False
    if choice in script(name).mappings.get(ch, ()):
        return True
    return converter("t2s" if name == "Traditional" else "s2t").convert(choice) == ch


def prepare(locales: set[str], config) -> None:
    """The views of the scripts the articles are written in (OpenCC's tables read and turned
    into sets: most of a second)."""
    for locale in sorted(locales):
        if locale in SCRIPTS:
            script(SCRIPTS[locale])


# Runs from which an article may be one written in the other script (a page copied from the
# sibling translation and never converted): reported once, not run by run.
WHOLE_RUNS = 10


@lru_cache(maxsize=2)
def _outright_finder(name: str) -> "re.Pattern[str]":
    """The characters (of the Basic Plane) that no standard of the script ``name`` writes."""
    return _finder(frozenset(c for c in script(name).outright if c < "\U00010000"))


def _written_in_other_script(text: str, name: str) -> tuple[int, int] | None:
    """(characters of the other script, characters that the two scripts write apart) when
    more of those are the other script's than this one's, else None."""
    wrong = len(_outright_finder(name).findall(text))
    right = len(_outright_finder("Simplified" if name == "Traditional" else "Traditional").findall(text))
    return (wrong, wrong + right) if wrong > right else None


def check(doc, config) -> Iterator[Finding]:
    if doc.locale not in SCRIPTS:
        return
    right_name = SCRIPTS[doc.locale]
    wrong_name = "Simplified" if right_name == "Traditional" else "Traditional"
    # All the prose at once, one span a line: runs never cross a line break.
    joined = doc.joined_prose
    places = []  # (file offsets of a run, the run, the right characters)
    for run_start, run_end, fixed in find_runs(joined.text, doc.locale, doc.identity.region):
        k, start = joined.locate(run_start)
        span = joined.spans[k]
        end = start + (run_end - run_start)
        places.append((span.offset(start), span.end_offset(end), span.text[start:end], fixed))
    counts = _written_in_other_script(joined.text, right_name) if len(places) >= WHOLE_RUNS else None
    if counts is not None:
        start, end, run, fixed = places[0]
        yield RULE.finding_with_edits(
            doc,
            start,
            end,
            f"this {right_name} Chinese ({doc.identity.tag}) article is written in {wrong_name}: {counts[0]} of the "
            f"{counts[1]} characters that the scripts write apart are {wrong_name}, from '{run}' (use '{fixed}') on: "
            f"convert the article to {right_name}",
            [(s, e, f) for s, e, r, f in places if f != r],
            f"convert its {len(places)} {wrong_name} runs to {right_name}",
        )
        return
    outright = script(right_name).outright
    for start, end, run, fixed in places:
        # A run of characters that this script writes too, in other words (扎 of 扎實, where
        # Taiwan writes 紮), is the other script's usage, not its characters.
        said = f"{wrong_name} '{run}'" if any(c in outright for c in run) else f"'{run}', {wrong_name} usage in this word,"
        yield RULE.finding(
            doc,
            start,
            end,
            f"{said} in a {right_name} Chinese ({doc.identity.tag}) article: use '{fixed}'",
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
but `皇后`, `公里`, `平台`, `頁面` stay silent), named as the other script's usage in that
word. Taiwan and Hong Kong standards are both accepted for Traditional text, and so are the words the rule packs' data-chinese-variants.yaml
lists for a script, among them languages' names as they write themselves (`繁體中文`,
`日本語` in a Simplified article's list of languages). A character whose only form in the
article's script lies outside the Basic Multilingual Plane, which few fonts show (`潕`, in
a name, is `𣲘` in Simplified Chinese by opencc's tables), is not reported; nor is a line that
holds kana, which quotes Japanese (a Japanese article's title in a reading list: its `説` is
Japanese, not Traditional Chinese).

An article written in the other script (ten runs or more, and more of its characters that the
two scripts write apart are the other script's than its own: a page copied from the sibling
translation and never converted) is one finding at its first run, not one a run; its fix
converts every run.

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
Unsafe: replaces each character of the run with its own form in this script, as opencc
converts it in its context (`進行发布` → `進行發布`, never the other word of Taiwan's
vocabulary, `釋出`) (`--fix --unsafe-fixes`); a proper name or a quotation may be meant to
stay as written.

## Fixed
What `kblint --fix --unsafe-fixes` makes of the example:
```markdown file=zh-Hant/KB1.md
在大多數情況下，一組金鑰就足夠了。
```
""",
    fix="unsafe",
    unsafe_reason="a proper name or a quotation may be meant in the other script",
    check=check,
    text_alone=True,
    prepare=prepare,
)
