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

import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from operator import methodcaller
from pathlib import Path
from typing import Any, Protocol


def read_table(name: str) -> dict[str, list[str]]:
    """One of opencc's dictionaries, dumped to text with the tool its wheel ships."""
    return read_tables((name,))[name]


def read_tables(names: tuple[str, ...]) -> dict[str, dict[str, list[str]]]:
    """Several of opencc's dictionaries, dumped at once (the dumps run side by side)."""
    # Imported here: most runs read the dumps from the cache and never start the tool.
    import subprocess
    import tempfile

    import opencc

    base = Path(opencc.__file__).parent / "clib"
    tool = base / "bin" / "opencc_dict"
    with tempfile.TemporaryDirectory() as folder:
        running = []
        for name in names:
            source = base / "share" / "opencc" / f"{name}.ocd2"
            if not tool.exists() or not source.exists():
                raise RuntimeError(f"opencc's {name} table or its opencc_dict tool is missing from the opencc package")
            target = Path(folder) / f"{name}.txt"
            command = [str(tool), "-i", str(source), "-o", str(target), "-f", "ocd2", "-t", "text"]
            running.append((name, target, subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)))
        tables = {}
        for name, target, process in running:
            _, error = process.communicate(timeout=60)
            if process.returncode != 0:
                raise RuntimeError(f"opencc_dict could not read {name}: {error.decode(errors='replace').strip()}")
            table = {}
            for line in target.read_text("utf-8").splitlines():
                key, _, values = line.partition("\t")
                if key and values:
                    table[key] = values.split(" ")
            tables[name] = table
        return tables


@lru_cache(maxsize=None)
def converter(config: str):
    import opencc

    return opencc.OpenCC(config)


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


# The tables each script's view is made of, read together the first time one is needed.
_NEEDED = {
    "Traditional": (
        "STCharacters", "TSCharacters", "STPhrases", "TSPhrases", "TWVariants", "TWVariantsRev", "TWVariantsPhrases",
        "TWVariantsRevPhrases", "TWPhrases", "TWPhrasesRev", "HKVariants", "HKVariantsRev", "HKVariantsPhrases",
        "HKVariantsRevPhrases", "HKPhrases",
    ),
    "Simplified": ("STCharacters", "TSCharacters", "STPhrases", "TSPhrases"),
}  # fmt: skip
_TABLES: dict[str, dict[str, list[str]]] = {}


def _table(name: str) -> dict[str, list[str]]:
    if name not in _TABLES:
        wanted = next((names for names in _NEEDED.values() if name in names), (name,))
        _TABLES.update(read_tables(tuple(n for n in wanted if n not in _TABLES)))
    return _TABLES[name]


@lru_cache(maxsize=1)
def _accepted() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """data-chinese-variants.yaml: for each script, the characters it writes in every word
    and the words it writes as they are, beyond OpenCC's tables."""
    from kblint.lang.data import load_data

    data = load_data("data-chinese-variants.yaml")
    result = {}
    for name in ("Traditional", "Simplified"):
        section = data.get(name) or {}
        result[name] = (frozenset("".join((section.get("characters") or {}).keys())), frozenset(section.get("words") or ()))
    return result


def accepted_words(name: str) -> frozenset[str]:
    """The words data-chinese-variants.yaml lists for the script ``name``: never reported in
    an article of that script, even those with characters of the other (繁體中文, the name of
    the script as it writes itself, in a Simplified article's list of languages)."""
    return _accepted()[name][1]


# Where each script's words are: tables whose values, and tables whose keys, are its words.
_WORDS = {
    "Traditional": (
        ("STPhrases", "TWVariantsPhrases", "HKVariantsPhrases", "TWPhrases", "HKPhrases"),
        ("TSPhrases", "TWVariantsRevPhrases", "HKVariantsRevPhrases", "TWPhrasesRev"),
    ),
    "Simplified": (("TSPhrases",), ("STPhrases",)),
}


# Where views made from OpenCC's tables are kept between runs (the cache, see keep_views_in):
# making one reads 15 tables and takes a quarter of a second, reading it back a thirtieth.
class Keeper(Protocol):
    def kept(self, key: str) -> str | None: ...

    def keep(self, key: str, value: str) -> None: ...


_KEEPER: tuple[int, Keeper] | None = None


def keep_views_in(keeper: Keeper | None) -> None:
    """Read a script's view from ``keeper`` before making it, and keep it there once made
    (None: nowhere). In this process only: a forked worker does not share its database."""
    global _KEEPER
    _KEEPER = (os.getpid(), keeper) if keeper is not None else None


def _view_fields(view: Script) -> list:
    """A view as JSON holds it (read back by ``_view_from_fields``)."""
    words = {word: [list(change) for change in changes] for word, changes in view.wrong_words.items()}
    return [view.name, sorted(view.outright), sorted(view.ambiguous), words, sorted(view.right_words), view.longest, view.mappings]


def _view_json(view: Script) -> str:
    return json.dumps(_view_fields(view), ensure_ascii=False, separators=(",", ":"))


def _strings(values: Any) -> bool:
    return isinstance(values, list) and all(isinstance(v, str) for v in values)


def _view_from_json(text: str) -> Script | None:
    """A kept view, or None when what is kept is not one of this version's (damaged, or
    another shape): it is then made again."""
    try:
        fields = json.loads(text)
    except (ValueError, TypeError):
        return None
    return _view_from_fields(fields)


def _view_from_fields(fields: Any) -> Script | None:
    if not (isinstance(fields, list) and len(fields) == 7):
        return None
    name, outright, ambiguous, words, right, longest, mappings = fields
    if not (isinstance(name, str) and isinstance(longest, int) and _strings(outright) and _strings(ambiguous) and _strings(right)):
        return None
    if not (isinstance(mappings, dict) and all(_strings(forms) for forms in mappings.values())):
        return None
    if not isinstance(words, dict):
        return None
    wrong: dict[str, tuple[tuple[int, str], ...]] = {}
    for word, changes in words.items():
        if not (isinstance(changes, list) and all(isinstance(c, list) and len(c) == 2 and isinstance(c[0], int) and isinstance(c[1], str) for c in changes)):
            return None
        wrong[word] = tuple((i, c) for i, c in changes)
    return Script(name, frozenset(outright), frozenset(ambiguous), wrong, frozenset(right), longest, mappings)


# Each script's view, made when the package was built: a first run reads it (a hundredth of
# a second) instead of dumping and reading fifteen tables (a third of a second). It is used
# only when it was made from what this installation has: OpenCC's version and tables, and
# data-chinese-variants.yaml, as ``views_source`` names them.
SHIPPED_VIEWS = Path(__file__).parent / "views"


def _shipped_path(name: str) -> Path:
    return SHIPPED_VIEWS / f"{name.lower()}.json.gz"


def views_source(name: str) -> str:
    """What the view of ``name`` is made from: OpenCC's version, the size of each table it
    reads, and a hash of data-chinese-variants.yaml (its bytes)."""
    import hashlib

    import opencc

    from kblint.lang.data import packs_folder

    tables = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    sizes = []
    for table in _NEEDED[name]:
        try:
            sizes.append(f"{table}={(tables / f'{table}.ocd2').stat().st_size}")
        except OSError:
            sizes.append(f"{table}=missing")
    accepted = hashlib.sha256((packs_folder() / "data-chinese-variants.yaml").read_bytes()).hexdigest()
    return f"opencc {getattr(opencc, '__version__', '?')}; {' '.join(sizes)}; variants {accepted}"


def _shipped(name: str) -> Script | None:
    """The shipped view of ``name``, or None when there is none, it is damaged, or it was
    made from other tables or another list than this installation's."""
    import gzip
    import zlib

    try:
        data = json.loads(gzip.decompress(_shipped_path(name).read_bytes()))
        if not isinstance(data, dict) or data.get("source") != views_source(name):
            return None
    except (OSError, ValueError, EOFError, zlib.error):
        return None
    view = _view_from_shipped(data.get("view"))
    return view if view is not None and view.name == name else None


def _view_from_shipped(fields: Any) -> Script | None:
    """A shipped view (written by ``_shipped_fields``). The package's own file, made by
    ``ship_views`` from the tables and list ``views_source`` names, and whole (gzip checked
    its CRC): only its shape is looked at, not each of its thirty thousand items. Its sets
    and tables are long strings, which JSON reads many times faster than lists of short
    ones, and are split and zipped in C: a loop over them in Python would cost as much."""
    if not (isinstance(fields, list) and len(fields) == 10 and all(isinstance(f, str) for i, f in enumerate(fields) if i != 8)):
        return None
    name, outright, ambiguous, words, indexes, replacements, others, right, longest, mappings = fields
    if not isinstance(longest, int) or len(indexes) != len(replacements) or len(indexes) != (words.count("\n") + 1 if words else 0):
        return None
    # Words with one change each: the change's index as a code point, its character.
    wrong = dict(zip(words.split("\n"), zip(zip(indexes.encode("latin-1"), replacements)))) if words else {}
    for line in others.split("\n") if others else ():
        word, *changes = line.split("\t")
        wrong[word] = tuple((int(changes[k]), changes[k + 1]) for k in range(0, len(changes), 2))
    forms = {parts[0]: parts[1:] for parts in map(methodcaller("split", "\t"), mappings.split("\n"))} if mappings else {}
    return Script(name, frozenset(outright), frozenset(ambiguous), wrong, frozenset(right.split("\n")) if right else frozenset(), longest, forms)


def _shipped_fields(view: Script) -> list:
    """A view as a shipped file holds it: its sets and tables as lines of tab-separated
    fields (no character of them is a tab or a line break: checked), the words with one
    change of one character in three strings of their own."""
    single = {w: c for w, c in view.wrong_words.items() if len(c) == 1 and len(c[0][1]) == 1 and c[0][0] < 256}
    words = "\n".join(sorted(single))
    indexes = "".join(chr(single[w][0][0]) for w in sorted(single))
    replacements = "".join(single[w][0][1] for w in sorted(single))
    others = "\n".join("\t".join([w, *(f"{i}\t{c}" for i, c in changes)]) for w, changes in sorted(view.wrong_words.items()) if w not in single)
    right = "\n".join(sorted(view.right_words))
    mappings = "\n".join("\t".join([ch, *forms]) for ch, forms in sorted(view.mappings.items()))
    whole = "".join([*view.outright, *view.ambiguous, *view.wrong_words, *view.right_words, *view.mappings, *(f for forms in view.mappings.values() for f in forms)])
    whole += "".join(c for changes in view.wrong_words.values() for _, c in changes)
    if "\t" in whole or "\n" in whole or "" in view.right_words or "" in view.wrong_words:
        raise ValueError("a view that lines of tab-separated fields cannot hold")
    return [view.name, "".join(sorted(view.outright)), "".join(sorted(view.ambiguous)), words, indexes, replacements, others, right, view.longest, mappings]


def ship_views(folder: Path = SHIPPED_VIEWS) -> list[Path]:
    """Make both views from this installation's tables and write them to ``folder``, each
    with what it was made from (``python -m kblint.lang.chinese``; a test checks that the
    shipped ones are what this would write)."""
    import gzip

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in _NEEDED:
        text = json.dumps({"source": views_source(name), "view": _shipped_fields(_make_script(name))}, ensure_ascii=False, separators=(",", ":"))
        path = folder / _shipped_path(name).name
        path.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
        written.append(path)
    return written


@lru_cache(maxsize=2)
def script(name: str) -> Script:
    """The view of the script that articles in ``name`` ("Traditional" or "Simplified")
    should be written in. Made once per process: the shipped one, or one read back from where
    it was kept, or one made from the tables that script needs."""
    shipped = _shipped(name)
    if shipped is not None:
        return shipped
    keeper = _KEEPER[1] if _KEEPER is not None and _KEEPER[0] == os.getpid() else None
    key = f"chinese-view:{name}"
    if keeper is not None:
        text = keeper.kept(key)
        kept = _view_from_json(text) if text else None
        if kept is not None and kept.name == name:
            return kept
    view = _make_script(name)
    if keeper is not None:
        keeper.keep(key, _view_json(view))
    return view


def _make_script(name: str) -> Script:
    st, ts = _table("STCharacters"), _table("TSCharacters")
    characters, words = _accepted()[name]
    accepted = set(characters)
    if name == "Traditional":
        # Every character any Traditional standard writes (from the character tables only:
        # the phrase tables hold a few words with characters of the other script, 藉藉无名
        # among the Traditional words).
        own_chars = {c for values in st.values() for c in values} | set(ts)
        for table in ("TWVariants", "HKVariants"):
            variants = _table(table)
            own_chars.update(c for values in variants.values() for c in values)
            # What Taiwan's and Hong Kong's variant tables write instead of OpenCC's forms is
            # those regions' form in every word (群 for 羣, 峰 for 峯, 秘 for 祕).
            accepted.update(v for k, values in variants.items() for v in values if len(v) == 1 and v != k)
        for table in ("TWVariantsRev", "HKVariantsRev"):
            own_chars.update(_table(table))
        other_words, to_own = _table("STPhrases"), st
    else:
        own_chars = set(st) | {c for values in ts.values() for c in values}
        other_words, to_own = _table("TSPhrases"), ts
    outright = frozenset(c for c in to_own if c not in own_chars)
    ambiguous = frozenset(
        c for c, forms in to_own.items() if c in own_chars and any(f != c for f in forms) and c not in accepted
    )
    # A set test, not a regex: the class of a thousand Simplified characters makes a regex
    # search four times slower than looking each character up.
    holds_none = ambiguous.isdisjoint
    # This script's words that hold an ambiguous character: the only ones asked about.
    value_tables, key_tables = _WORDS[name]
    own_words = {w for w in words if not holds_none(w)}
    for table in value_tables:
        own_words.update(v for values in _table(table).values() for v in values if not holds_none(v))
    for table in key_tables:
        own_words.update(w for w in _table(table) if not holds_none(w))
    wrong_words: dict[str, tuple[tuple[int, str], ...]] = {}
    for word, values in other_words.items():
        value = values[0]
        # (The cheap tests first: tens of thousands of phrases, once a run with no cache.)
        if len(value) != len(word) or word == value or word in own_words or holds_none(word):
            continue
        changes = tuple((i, new) for i, (old, new) in enumerate(zip(word, value)) if old != new and old in ambiguous)
        if changes:
            wrong_words[word] = changes
    longest = max(len(w) for w in (*wrong_words, "  "))
    right = frozenset(w for w in own_words if len(w) <= longest)
    return Script(name, outright, ambiguous, wrong_words, right, longest, to_own)


@dataclass(frozen=True)
class Region:
    """A region's preferred Traditional forms, where OpenCC's generic Traditional differs."""

    name: str  # "TW" or "HK"
    preferred: dict[str, str]  # a character -> the region's form
    kept: frozenset[str]  # words the region writes with the generic form (names: 黃東樑)
    converter: str  # OpenCC's conversion from generic Traditional to the region's


@lru_cache(maxsize=2)
def region(name: str) -> Region:
    table, phrases = ("TWVariants", "TWVariantsPhrases") if name == "TW" else ("HKVariants", "HKVariantsPhrases")
    preferred = {k: v[0] for k, v in _table(table).items() if len(k) == 1 and v and v[0] != k and k not in v}
    kept = frozenset(w for w, values in _table(phrases).items() if w in values)
    return Region(name, preferred, kept, "t2tw" if name == "TW" else "t2hk")


if __name__ == "__main__":
    for written in ship_views():
        print(written)
