"""What OpenCC knows about Traditional and Simplified Chinese, as sets and phrase tables the
Chinese rules can ask.

OpenCC's generic "Traditional" is neither Taiwan's standard nor Hong Kong's: its Taiwan and Hong
Kong variant tables rewrite 羣 as 群, 祕 as 秘, 峯 as 峰, 裏 as 裡. A character is therefore
Traditional when *any* standard OpenCC knows writes it: its generic tables, its Taiwan and Hong
Kong variants, and the phrases of all of them. On top of OpenCC, ``data-chinese-variants.yaml``
(shipped with the rule packs) lists the pairs that Taiwan's and Hong Kong's standards write both
ways in every word (占/佔, 了/瞭, 周/週…), where OpenCC's phrases pick one.

Characters fall in three groups for a Traditional text (and the same in reverse for a
Simplified one):

- *outright*: no standard writes the character (况, 设): always wrong;
- *ambiguous*: right in some words and wrong in others (里 in 公里 and 里面, 后 in 皇后 and
  然后): wrong only where a Simplified-only word of OpenCC's phrase tables holds it and no
  Traditional word of those tables holds it unchanged (``Script.wrong_in_words``);
- the rest: right.
"""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


def read_table(name: str) -> dict[str, list[str]]:
    """One of opencc's dictionaries, dumped to text with the tool its wheel ships."""
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


@lru_cache(maxsize=None)
def converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\U00020000" <= ch <= "\U0003134f"


@dataclass(frozen=True)
class Script:
    """One script's view: which characters and words belong to the *other* script."""

    name: str  # "Traditional" or "Simplified": the script an article should be in
    outright: frozenset[str]  # characters that no standard of this script writes
    ambiguous: frozenset[str]  # characters this script writes in some words only
    # Words of the other script whose conversion rewrites an ambiguous character: word ->
    # the indexes of the characters that conversion rewrites, and what to.
    wrong_words: dict[str, tuple[tuple[int, str], ...]]
    right_words: frozenset[str]  # words this script writes (any standard)
    longest: int  # characters in the longest word of either table
    mappings: dict[str, list[str]]  # a character of the other script -> this script's forms

    def wrong_in_words(self, text: str, i: int, other: str | None = None) -> str | None:
        """If the ambiguous character at ``i`` is wrong in its word, the character it should
        be (from the word's conversion); else None. Wrong means: a word of the other script
        that conversion rewrites at ``i`` holds it in ``other`` (``text`` converted to the other
        script, so that 准則 is found as 准则), and no word of this script in ``text`` holds the
        character as it is (系統 in 你系統, 鄰里 in 鄰里面對)."""
        ch = text[i]
        other = other if other is not None and len(other) == len(text) else text
        wrong = None
        for length in range(2, self.longest + 1):
            for start in range(max(0, i - length + 1), min(i, len(text) - length) + 1):
                if text[start : start + length] in self.right_words:
                    return None  # a word of this script holds it as it is
                if wrong is None:
                    for index, replacement in self.wrong_words.get(other[start : start + length], ()):
                        if start + index == i and replacement != ch:
                            wrong = replacement
        return wrong


def _phrase_changes(phrase: str, converted: str) -> tuple[tuple[int, str], ...]:
    if len(phrase) != len(converted):
        return ()
    return tuple((k, b) for k, (a, b) in enumerate(zip(phrase, converted)) if a != b)


@lru_cache(maxsize=1)
def _tables() -> dict[str, dict[str, list[str]]]:
    names = (
        "STCharacters", "STPhrases", "TSCharacters", "TSPhrases",
        "TWVariants", "TWVariantsRev", "TWVariantsPhrases", "TWVariantsRevPhrases", "TWPhrases", "TWPhrasesRev",
        "HKVariants", "HKVariantsRev", "HKVariantsPhrases", "HKVariantsRevPhrases", "HKPhrases",
    )  # fmt: skip
    return {name: read_table(name) for name in names}


@lru_cache(maxsize=1)
def _accepted() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """data-chinese-variants.yaml: for each script, the characters it writes in every word
    and the words it writes as they are, beyond OpenCC's tables."""
    from kblint.packs import load_data

    data = load_data("data-chinese-variants.yaml")
    result = {}
    for name in ("Traditional", "Simplified"):
        section = data.get(name) or {}
        result[name] = (frozenset("".join((section.get("characters") or {}).keys())), frozenset(section.get("words") or ()))
    return result


@lru_cache(maxsize=2)
def script(name: str) -> Script:
    """The view of the script that articles in ``name`` ("Traditional" or "Simplified")
    should be written in."""
    t = _tables()
    st, ts = t["STCharacters"], t["TSCharacters"]
    # Every form any Traditional standard writes, characters and words.
    traditional_words = set()
    for table in ("STPhrases", "TWVariantsPhrases", "HKVariantsPhrases", "TWPhrases", "HKPhrases"):
        traditional_words.update(v for values in t[table].values() for v in values)
    for table in ("TSPhrases", "TWVariantsRevPhrases", "HKVariantsRevPhrases", "TWPhrasesRev"):
        traditional_words.update(t[table])
    # Characters come from the character tables only: the phrase tables hold a few words with
    # characters of the other script (藉藉无名 among the Traditional words).
    traditional_chars = {c for values in st.values() for c in values} | set(ts)
    for table in ("TWVariants", "HKVariants"):
        traditional_chars.update(c for values in t[table].values() for c in values)
    for table in ("TWVariantsRev", "HKVariantsRev"):
        traditional_chars.update(t[table])
    simplified_words = set(t["STPhrases"]) | {v for values in t["TSPhrases"].values() for v in values}
    simplified_chars = set(st) | {c for values in ts.values() for c in values}
    characters, words = _accepted()[name]
    accepted = set(characters)
    if name == "Traditional":
        # What Taiwan's and Hong Kong's variant tables write instead of OpenCC's forms is
        # those regions' form in every word (群 for 羣, 峰 for 峯, 秘 for 祕).
        for table in ("TWVariants", "HKVariants"):
            accepted.update(v for k, values in t[table].items() for v in values if len(v) == 1 and v != k)

    if name == "Traditional":
        own_chars, own_words, other_words, to_own, mappings = traditional_chars, traditional_words, t["STPhrases"], st, st
    else:
        own_chars, own_words, other_words, to_own, mappings = simplified_chars, simplified_words, t["TSPhrases"], ts, ts
    own_words = own_words | words
    outright = frozenset(c for c in to_own if c not in own_chars)
    ambiguous = frozenset(
        c for c, forms in to_own.items() if c in own_chars and any(f != c for f in forms) and c not in accepted
    )
    wrong_words: dict[str, tuple[tuple[int, str], ...]] = {}
    for word, values in other_words.items():
        if word in own_words or not any(c in ambiguous for c in word):
            continue
        changes = tuple((k, b) for k, b in _phrase_changes(word, values[0]) if word[k] in ambiguous)
        if changes:
            wrong_words[word] = changes
    longest = max(len(w) for w in (*wrong_words, "  "))
    right = frozenset(w for w in own_words if len(w) <= longest and any(c in ambiguous for c in w))
    return Script(name, outright, ambiguous, wrong_words, right, longest, mappings)


@dataclass(frozen=True)
class Region:
    """A region's preferred Traditional forms, where OpenCC's generic Traditional differs."""

    name: str  # "TW" or "HK"
    preferred: dict[str, str]  # a character -> the region's form
    kept: frozenset[str]  # words the region writes with the generic form (names: 黃東樑)
    converter: str  # OpenCC's conversion from generic Traditional to the region's


@lru_cache(maxsize=2)
def region(name: str) -> Region:
    t = _tables()
    table, phrases = ("TWVariants", "TWVariantsPhrases") if name == "TW" else ("HKVariants", "HKVariantsPhrases")
    preferred = {k: v[0] for k, v in t[table].items() if len(k) == 1 and v and v[0] != k and k not in v}
    kept = frozenset(w for w, values in t[phrases].items() if w in values)
    return Region(name, preferred, kept, "t2tw" if name == "TW" else "t2hk")
