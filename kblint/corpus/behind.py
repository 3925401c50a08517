"""How far a translation is behind its source, with the best evidence there is: a help
center's own record, the source revision the translation records, the last commits of both
files, the ``updated`` dates of their front matter. One place decides it for
translation-outdated, translation-drift and the translations table."""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from dataclasses import dataclass
from functools import lru_cache
from typing import Container, Sequence
from kblint.formats.registry import is_article_path
from kblint.lang.untranslated import script_of
from kblint.model.body import SMALL_PRINT_LEVEL
from kblint.model.text import HAN


def _date(value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


@dataclass
class Behind:
    """How far a translation is behind its source."""

    message: str
    commits: int | None = None  # source commits since the translation
    days: int | None = None
    flagged: bool = False  # the help center itself marks the translation outdated
    wording_alone: bool = False  # the source's words changed, none of its code, numbers, links or structure


def _timestamp(value: str | None) -> datetime.datetime | None:
    if not value:
        return None
    try:
        stamp = datetime.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return stamp if stamp.tzinfo is not None else stamp.replace(tzinfo=datetime.timezone.utc)


def help_center_behind(original, translation, config) -> Behind | None:
    """What a help center's metadata says: the translation flagged outdated (its ``outdated``,
    its source's ``outdated_locales``), else its ``edited_at`` older than its source's by more
    than ``outdated_tolerance`` hours (possibly outdated)."""
    where = f"{original.locale} {original.id}"
    ours, theirs = translation.state, original.state
    source_edit, translation_edit = _timestamp(theirs.get("edited_at")), _timestamp(ours.get("edited_at"))
    if translation.locale in ours.get("outdated", ()) or translation.locale in theirs.get("outdated", ()):
        days = (source_edit - translation_edit).days if source_edit and translation_edit and source_edit > translation_edit else None
        return Behind(f"flagged outdated in the help center: the source ({where}) changed since this translation was made", days=days, flagged=True)
    if source_edit is None or translation_edit is None:
        return None
    lag = source_edit - translation_edit
    if lag.total_seconds() <= config.outdated_tolerance * 3600:
        return None
    days = lag.days
    late = _plural(days, "day") if days else _plural(int(lag.total_seconds() // 3600), "hour")
    return Behind(
        f"possibly outdated: the source ({where}) was edited {source_edit:%Y-%m-%d %H:%M}, {late} after this translation "
        f"({translation_edit:%Y-%m-%d %H:%M})",
        days=days,
    )


def _source_path(original, config) -> str | None:
    """The source's path in the history that holds it: the root's, or ``source_repo``'s."""
    if config.source_repo is None:
        return original.relpath
    try:
        return (config.root / original.relpath).resolve().relative_to(config.source_repo).as_posix()
    except ValueError:
        return None


def _skipped(history, config) -> "Container[int]":
    """The commits of ``history`` whose subject holds a word of ``outdated_ignore``
    ("[i18nIgnore]", a tracker's "typo"): changes the translations need not follow."""
    return history.subjects_holding(tuple(config.outdated_ignore)) if config.outdated_ignore else frozenset()


def _moved_from(history, relpath: str, commit: int, corpus) -> list[str]:
    """Where ``commit``, the first of the file ``relpath``, may have moved it from, if it moved
    it rather than made it: the articles of the same name, or of the same folder, that the
    knowledge base no longer has and that went in the same commit (a move, ``x.md`` renamed
    ``x.mdx`` or ``apis.md`` renamed ``api.md``: its edits count)."""
    name, folder = _name(relpath), relpath.rpartition("/")[0]
    others = (path for path in history.names_in(commit) if path != relpath and is_article_path(path))
    return [path for path in others if (_name(path) == name or path.rpartition("/")[0] == folder) and corpus.article_at(path) is None]


def _moved_alone(history, olds: list[str], relpath: str, commit: int) -> bool:
    """Did ``commit`` move one of the files ``olds`` to ``relpath`` and change none of its
    words (a rename, 200-upgrading.md for 2.0.0-upgrading.md)?"""
    after = history.text_at(commit, relpath)
    if after is None:
        return False
    for old in olds:
        before = history.text_before(commit, old)
        if before is not None and _words(before) == _words(after):
            return True
    return False


def _name(path: str) -> str:
    """A file's name up to its first dot, in lower case (``faq`` of ``docs/faq.zh-CN.md``)."""
    return path.rpartition("/")[2].partition(".")[0].casefold()


# A level-5 or level-6 heading: at a page's end, small print ("generated on …").
_SMALL_PRINT_LINE = re.compile(r"[ \t]*#{%d,6}[ \t]" % SMALL_PRINT_LEVEL)


def _changed_in_form_alone(history, original, then: int, now: int, path: str | None = None) -> bool:
    """Did the source's commits since the translation change no word of it: its spacing, a
    table's padding (a formatter's commit), an edit taken back, its closing small print
    (a command reference whose every release rewrites "Auto generated … on <date>"), or a
    word's spelling (``_mended``: what the translation has in its own words), or its links'
    texts alone? Asked of git (``git cat-file``) once a pair is found behind by its commits."""
    path = path or original.relpath  # (in source_repo's history, its own path)
    return _in_form_alone(history.text_at(then, path), history.text_at(now, path))


def _in_form_alone(before: str | None, after: str | None) -> bool:
    """Do two texts of a page differ in form alone, or in their links' texts (see
    _changed_in_form_alone)? Not where either is unknown."""
    if before is None or after is None:
        return False
    return _same_in_form(before, after) or _same_but_for_link_texts(before, after)


@lru_cache(maxsize=256)  # (a source's text now is asked of each of its translations)
def _same_in_form(before: str, after: str) -> bool:
    """Do the two texts of a page hold the same words but for their form (see
    _changed_in_form_alone)?"""
    words_before, words_after = _words(before), _words(after)
    if words_before == words_after or "".join(words_before) == "".join(words_after):
        return True  # (a space put in or taken out: "Foundry。inspiring" made "Foundry. inspiring")
    if _undoubled(words_before) == _undoubled(words_after):
        return True  # a word written twice mended ("how to to" made "how to")
    if len(words_before) == len(words_after) and all(a == b or _mended(a, b) for a, b in zip(words_before, words_after)):
        return True
    return _same_but_for_form(words_before, words_after)


# A Markdown link's text, or an image's, before its destination: [Hot module replacement](/hmr).
_LINK_TEXT = re.compile(r"(!?)\[([^\[\]\n]*)\]\((?=[^)\s]+\))")
_DIGITS = re.compile(r"\d+")


@lru_cache(maxsize=256)
def _same_but_for_link_texts(before: str, after: str) -> bool:
    """Did the texts of links change, their destinations and numbers kept (a commit that words
    them as the pages they link are titled), or the descriptions of images (their alt text),
    and the rest in form alone? A translation words its links and describes its images its
    own way: as its own pages are titled."""
    if "](" not in before or "](" not in after:
        return False
    texts_before, texts_after = _LINK_TEXT.findall(before), _LINK_TEXT.findall(after)
    if texts_before == texts_after or _link_numbers(texts_before) != _link_numbers(texts_after):
        return False
    return _same_in_form(_LINK_TEXT.sub(r"\1[](", before), _LINK_TEXT.sub(r"\1[](", after))


def _link_numbers(texts: list[tuple[str, str]]) -> list[str]:
    """The numbers the links' texts name (an image's description may count what it shows)."""
    return _DIGITS.findall(" ".join(text for bang, text in texts if not bang))


def _undoubled(words: tuple[str, ...]) -> list[str]:
    """``words`` with a word of letters that repeats the one before it, ignoring case, left
    out (not an option or a mark: ``-v -v`` asks for more than ``-v``)."""
    return [word for k, word in enumerate(words) if not k or not word.isalpha() or word.lower() != words[k - 1].lower()]


def _same_but_for_form(words_before: tuple[str, ...], words_after: tuple[str, ...]) -> bool:
    """Do the words differ only where a word was mended (``_mended``), an article put in, taken
    out or changed ("as a Output" made "as an output"), or a word of marks alone (a stray
    backtick) added or dropped? Read part by part, as a diff."""
    before, after = _middles(words_before, words_after)
    gone, put = Counter(before), Counter(after)
    gone.subtract(after)
    put.subtract(before)
    # (Counted first: most changes put in or take out words no mend pairs, and a diff of a
    # long passage's words costs a hundred times more.)
    if sum(n for word, n in gone.items() if n > 0 and not _formal(word)) != sum(n for word, n in put.items() if n > 0 and not _formal(word)):
        return False
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        gone_here = [word for word in before[i1:i2] if not _formal(word)]
        put_here = [word for word in after[j1:j2] if not _formal(word)]
        if len(gone_here) != len(put_here) or not all(_mended(a, b) for a, b in zip(gone_here, put_here)):
            return False
    return True


def _middles(before: "Sequence[str]", after: "Sequence[str]") -> tuple["Sequence[str]", "Sequence[str]"]:
    """``before`` and ``after`` without what they begin and end with alike: what a diff reads."""
    start, shortest = 0, min(len(before), len(after))
    while start < shortest and before[start] == after[start]:
        start += 1
    end = 0
    while end < shortest - start and before[-1 - end] == after[-1 - end]:
        end += 1
    return before[start : len(before) - end], after[start : len(after) - end]


_ARTICLES = frozenset({"a", "an", "the"})  # grammar a translation in its own words does not follow


_EMPHASIS_MARKS = frozenset("*_`")


def _formal(word: str) -> bool:
    """Is ``word`` one whose change says nothing a translation must follow: an article, or
    marks of emphasis or code alone (a stray backtick)? Not other marks: a ``|`` or a ``{{-``
    may be code's (``{{a|b}}``: alternatives)."""
    return word.lower() in _ARTICLES or _EMPHASIS_MARKS.issuperset(word)


_END_SLASH = re.compile(r"/(?=[)#?])")  # a slash that ends a link's path
_POSSESSIVE = re.compile(r"['’]s?(?=\W*$)")  # a word's possessive ending, before its closing marks
_MARKS = str.maketrans("", "", "`*")  # Markdown's marks of code and emphasis: a stray backtick taken out changes no word
_WORD_IN_MARKS = re.compile(r"(\W*)([^\W\d_]+)(\W*)")
_HEADING_MARK = re.compile(r"#{1,6}")
_CALLOUT_KIND = re.compile(r":{3,}[A-Za-z-]*|\[![A-Za-z]+\]")
_FENCE_OPENING = re.compile(r"(?:`{3,}|~{3,})[\w+#.-]*")


# English verbs in the singular and the plural: which of them a sentence needs is its grammar,
# not a fact a translation in its own words follows.
_AGREEMENT = frozenset(frozenset(pair) for pair in (("is", "are"), ("was", "were"), ("has", "have"), ("does", "do")))


def _mended(before: str, after: str) -> bool:
    """Is ``after`` ``before`` with its spelling mended (erros: error, defaultVlue:
    defaultValue, Invode: invoke), its case changed, or a mark of Markdown taken out or put
    in? One letter changed, added, dropped or two swapped, in a word of letters alone of
    four or more, its punctuation kept: a number, a path, code ("blue" made ["blue"]) or a
    word of another meaning (include: exclude) is a change."""
    before, after = before.translate(_MARKS), after.translate(_MARKS)
    if before == after or _HEADING_MARK.fullmatch(before) and _HEADING_MARK.fullmatch(after):
        return True  # (a heading's level changed: ### made ##)
    if "](" in before and "](" in after:
        # A link's last word, its destination kept: "Replacement](/hmr)" made "replacement](/hmr)"
        # (or with a slash at its path's end taken out or put in: the same page).
        text_a, _, target_a = before.partition("](")
        text_b, _, target_b = after.partition("](")
        same = target_a == target_b or _END_SLASH.sub("", target_a) == _END_SLASH.sub("", target_b)
        return same and _mended(text_a + "]", text_b + "]")
    if ("'" in before or "’" in before) and _POSSESSIVE.sub("'", before) == _POSSESSIVE.sub("'", after):
        return True  # an apostrophe's "s" put in or taken out ("Karmada'" made "Karmada's")
    if _CALLOUT_KIND.fullmatch(before) and _CALLOUT_KIND.fullmatch(after):
        return True  # (a callout's kind changed: :::caution made :::warning, [!NOTE] made [!TIP])
    if _FENCE_OPENING.fullmatch(before) and _FENCE_OPENING.fullmatch(after):
        return True  # (a code block's language named again: ```conf made ```properties)
    a, b = _WORD_IN_MARKS.fullmatch(before), _WORD_IN_MARKS.fullmatch(after)
    if a is None or b is None or (a.group(1), a.group(3)) != (b.group(1), b.group(3)):
        return False
    word_a, word_b = a.group(2).lower(), b.group(2).lower()
    if frozenset((word_a, word_b)) in _AGREEMENT:
        return True  # a verb made to agree with its subject ("Gray Matter are" made "gray matter is")
    # (A letter put in or dropped may mend a word of three: Ops made Oops.)
    shortest = 3 if len(word_a) != len(word_b) else 4
    return word_a == word_b or (min(len(word_a), len(word_b)) >= shortest and _one_edit(word_a, word_b))


def _one_edit(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` (which differ) one edit apart: a letter changed, added or dropped,
    or two beside each other swapped?"""
    if abs(len(a) - len(b)) > 1:
        return False
    start = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    if len(a) == len(b):
        return a[start + 1 :] == b[start + 1 :] or (a[start : start + 2] == b[start : start + 2][::-1] and a[start + 2 :] == b[start + 2 :])
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[start + 1 :] == shorter[start:]


_IDEOGRAPHIC_MARKS = str.maketrans("。、", ".,")  # (which NFKC keeps)
# A fence's opening with its info string, or a bullet list's marker, at a line's start.
_FORM_MARKS = re.compile(r"^([ \t]*)(?:(```+|~~~+)[^\n`]*|[*+](?=[ \t]))", re.MULTILINE)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_DELIMITER_MARKS = frozenset(" \t|:-")  # a table's delimiter row (| :--: | --- |) is made of these alone


def _form_mark(m: "re.Match[str]") -> str:
    """A fence's opening as three marks, a list's marker as "-" (see _FORM_MARKS)."""
    return m.group(1) + (m.group(2)[:3] if m.group(2) else "-")


@lru_cache(maxsize=256)
def _words(text: str) -> tuple[str, ...]:
    """A page's words without its closing small print, and without its spacing (a blank line
    added is no change either), its tables' padding (however a formatter pads a delimiter
    row: | :--: | and |:------:| are one; | a | is |a|) and its front matter's settings (its
    place in a sidebar, its slug: ``_front_matter_prose_alone``)."""
    if text.startswith(("---", "+++")):
        text = _front_matter_prose_alone(text)
    if "<!--" in text:  # a comment, which no reader sees (<!--truncate-->, a note to writers)
        text = _HTML_COMMENT.sub(" ", text)
    if "<" in text or "import " in text:  # a component's tags alone on their lines, an MDX import: no words
        text = _without_markup_lines(text)
    if not text.isascii():  # full-width marks and their ASCII forms are one (，and ,)
        if not unicodedata.is_normalized("NFKC", text):  # (a quick check, in C: most pages are)
            text = unicodedata.normalize("NFKC", text)
        if "。" in text or "、" in text:
            text = text.translate(_IDEOGRAPHIC_MARKS)
    if "```" in text or "~~~" in text or "* " in text or "+ " in text:
        # A fence's language (```bash for ```) and a list's marker (* for -) are form: what
        # a formatter or a highlighter asks for, not a word a translation follows.
        text = _FORM_MARKS.sub(_form_mark, text)
    lines = text.replace("\r\n", "\n").rstrip().split("\n")
    while lines and (not lines[-1].strip() or _SMALL_PRINT_LINE.match(lines[-1])):
        lines.pop()  # (a loop from the end: a pattern anchored at the end is tried at every offset)
    if any("|" in line for line in lines):
        for i, line in enumerate(lines):
            if "-" in line and "|" in line and _DELIMITER_MARKS.issuperset(line):
                lines[i] = re.sub(r"-+", "-", line)
        return tuple("\n".join(lines).replace("|", " | ").split())
    return tuple("\n".join(lines).split())


# The front matter keys whose values are a page's words: a translation writes its own.
_FRONT_MATTER_PROSE = frozenset({"title", "description", "sidebar_label", "subtitle", "summary", "keywords", "linkTitle"})
_FRONT_MATTER_KEY = re.compile(r"([A-Za-z_][\w-]*)[ \t]*[:=]")


def _front_matter_prose_alone(text: str) -> str:
    """``text`` with its front matter's settings taken out (``sidebar_position: 8`` put in, a
    slug or a date changed), its words kept (a title, a description: ``_FRONT_MATTER_PROSE``),
    each key with the lines indented under it."""
    front = _FRONT_MATTER.match(text)
    if front is None:
        return text
    closing = front.group(0).rstrip("\r\n").rfind("\n") + 1  # where its closing fence's line starts
    kept, keeping = [], False
    for line in text[:closing].split("\n")[1:]:
        if line[:1] not in (" ", "\t", "-", ""):
            key = _FRONT_MATTER_KEY.match(line)
            keeping = key is not None and key.group(1) in _FRONT_MATTER_PROSE
        if keeping and line:
            kept.append(line)
    return "\n".join([front.group(1), *kept, text[closing:]])


# A line of an MDX page that holds no words a translator writes: an import or an export, or
# tags alone (<CoursePromo />, </Callout>).
_MARKUP_LINE = re.compile(r"[ \t]*(?:(?:import|export)[ \t].*|(?:<[A-Za-z/][^<>]*>[ \t]*)+)")
_FENCE_LINE = re.compile(r"[ \t]*(`{3,}|~{3,})")  # (its marks: a fence closes with the marks that opened it)


def _without_markup_lines(text: str) -> str:
    """``text`` without its lines of markup alone (``_MARKUP_LINE``) outside fenced code, whose
    lines are code a translation must follow (<link href="…bootstrap@5.3.3…">)."""
    kept, fenced = [], False
    for line in text.split("\n"):
        if _FENCE_LINE.match(line):
            fenced = not fenced
        elif not fenced and _MARKUP_LINE.fullmatch(line):
            continue
        kept.append(line)
    return "\n".join(kept)


# Front matter at a page's top: a page that holds nothing else has no text to translate yet.
_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n(?:.*\n)*?\1[ \t]*(?:\r?\n|\Z)")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def _unwritten_at(history, path: str, commit: int, script: str | None) -> bool:
    """Was the page at ``path`` not yet written in its language as ``commit`` left it: a stub
    (front matter, or nothing, and no word after it), or a copy of its translation's text
    (its letters mostly in ``script``, the translation's, where that is not Latin)? A
    translation written then was not made from it: it is the original."""
    text = history.text_at(commit, path)
    if text is None:
        return False
    front = _FRONT_MATTER.match(text)
    if _LETTER_OR_DIGIT.search(text, front.end() if front else 0) is None:
        return True
    return script is not None and _mostly_in(script, text[front.end() :] if front else text)


# What counts in the scripts a translation of a Latin source may be written in: a character
# of those written without spaces (as much as an English word), a word of the others.
_SCRIPT_WORDS = {
    "Han": f"[{HAN}]", "Japanese": "[\u3040-\u30ff\u3400-\u9fff]", "Hangul": "[\uac00-\ud7af]",
    "Cyrillic": "[\u0400-\u04ff]+", "Greek": "[\u0370-\u03ff]+", "Arabic": "[\u0600-\u06ff]+", "Hebrew": "[\u0590-\u05ff]+",
    "Thai": "[\u0e00-\u0e7f]", "Devanagari": "[\u0900-\u097f]+",
}  # fmt: skip
_FENCED = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1", re.MULTILINE | re.DOTALL)
_LATIN_WORD = re.compile(r"[A-Za-z]+")


def _mostly_in(script: str, text: str) -> bool:
    """Does ``text``, outside its code blocks, hold more words in ``script`` than in Latin?"""
    words = _SCRIPT_WORDS.get(script)
    if words is None or text.isascii() or re.search(words, text) is None:
        return False  # (an English page: decided without counting)
    prose = _FENCED.sub("", text) if "```" in text or "~~~" in text else text
    return len(re.findall(words, prose)) > len(_LATIN_WORD.findall(prose))


def _after_its_writing(history, path: str, newer: list[int], script: str | None) -> list[int]:
    """The commits of ``newer`` (newest first) after the one that wrote the page at ``path`` in
    its language (``_unwritten_at``): its writing, maybe from the translation (which is then
    the original), is no change the translation lacks."""
    for k in range(len(newer) - 1, -1, -1):
        if not _unwritten_at(history, path, newer[k], script):
            return newer[:k]
    return []


# A commit's subject marked for the language it changes: "zh: update the docs", "[ja] fix".
_LANGUAGE_MARK = re.compile(r"\s*\[?(?:zh|cn|tw|hk|ja|jp|ko|kr|fr|de|es|pt|ru|it|vi|zh[-_](?:cn|tw|hk|hans|hant))\]?\s*[:：]?\s+", re.IGNORECASE)
_FIRST_WITHIN = 30 * 86400  # seconds: the change made in the other language, then in the source


def _made_first_in_the_translation(history, commit: int, translation: str) -> bool:
    """Was the source's ``commit`` made to follow a commit of the translation, a month before it
    at most, whose subject is its own marked for the translation's language ("zh: update docs
    for X", then "update docs for X")? A site written first in its translation's language
    changes that first: the source is behind, not the translation."""
    subject = history.subjects[commit].strip().casefold()
    if len(subject.split()) < 3:
        return False  # ("update docs": too common to tell one change)
    when = history.commits[commit][1]
    for earlier in history.by_file.get(translation, []):
        if earlier <= commit or when - history.commits[earlier][1] > _FIRST_WITHIN:
            continue
        mark = _LANGUAGE_MARK.match(history.subjects[earlier])
        if mark is not None and history.subjects[earlier][mark.end() :].strip().casefold() == subject:
            return True
    return False


def _caught_up(history, source: str, translation: str, then: int, now: int, translation_last: int) -> bool:
    """Did the source's commits from ``then`` to ``now`` only add numbers or code that the
    translation (as ``translation_last`` left it) already holds: the source catching up with
    its translation ("add the missing version annotations", 4.17.0 in a table's Version
    column)? Nothing was taken out and no word of prose added."""
    before, after = history.text_at(then, source), history.text_at(now, source)
    if before is None or after is None:
        return False
    words_before, words_after = _words(before), _words(after)
    if len(words_after) <= len(words_before):
        return False  # a word taken out or changed, or none added
    added = Counter(words_after)
    added.subtract(words_before)
    if any(count < 0 for count in added.values()):
        return False  # a word taken out or changed
    new = [word.strip(_FACT_EDGES) for word, count in added.items() if count > 0]
    if not new or not all(_FACT_WORD.fullmatch(word) for word in new):
        return False
    theirs = history.text_at(translation_last, translation)
    return theirs is not None and all(re.search(rf"(?<![\w.]){re.escape(word)}(?![\w])", theirs) for word in new)


def _links_it_never_had(history, source: str, translation: str, then: int, now: int, translation_last: int) -> bool:
    """Did the source's commits from ``then`` to ``now`` only change addresses (a site moved
    its pages: v3.vuejs.org/guide/x made vuejs.org/guide/y) on sites the translation (as
    ``translation_last`` left it) never links to, or to addresses it links already? It
    links elsewhere there, or not at all, or followed first."""
    before, after = history.text_at(then, source), history.text_at(now, source)
    if before is None or after is None:
        return False
    words_before, words_after = _words(before), _words(after)
    if len(words_before) != len(words_after):
        return False  # a word added or taken out (an address changed in place is one word still)
    changed = [(a, b) for a, b in zip(words_before, words_after) if a != b]
    if not changed or any("://" not in a or "://" not in b for a, b in changed):
        return False
    theirs = history.text_at(translation_last, translation)
    if theirs is None:
        return False
    their_urls = {url.rstrip(_URL_END) for url in _URL_IN_WORD.findall(theirs)}
    their_hosts = {_host(url) for url in their_urls}
    for gone, put in changed:
        new = [url.rstrip(_URL_END) for url in _URL_IN_WORD.findall(put)]
        if new and all(url in their_urls for url in new):
            continue  # the translation links there already
        hosts = {_host(url) for url in _URL_IN_WORD.findall(gone)}
        # (A translation that links the same site may link its own language's page there.)
        if not hosts or hosts & their_hosts:
            return False
    return True


def _host(url: str) -> str:
    host = url.partition("://")[2].partition("/")[0].partition("?")[0].partition("#")[0].lower()
    return host.removeprefix("www.")


_URL_IN_WORD = re.compile(r"[a-z][a-z0-9+.-]*://[^\s)\]>\"'`]+")
_URL_END = ".,;:!?"  # a sentence's marks after an address


def _lines_it_has(history, source: str, translation: str, then: int, now: int, translation_last: int) -> bool:
    """Did the source's commits from ``then`` to ``now`` only write lines the translation (as
    ``translation_last`` left it) already holds as they are: code, an address, a key of front
    matter (``slug: /tikv``) the translation had first? Nothing else taken out or put in."""
    before, after = history.text_at(then, source), history.text_at(now, source)
    theirs = history.text_at(translation_last, translation)
    if before is None or after is None or theirs is None:
        return False
    # (The lines written, told first without a diff: each must stand in the translation's text.)
    # (A line only indented anew is in the source before, whole: no line written.)
    written_lines = {line.strip() for line in set(after.splitlines()).difference(before.splitlines())}
    if any(line and line not in before and line not in theirs for line in written_lines):
        return False
    lines_before = [line.strip() for line in before.splitlines() if line.strip()]
    lines_after = [line.strip() for line in after.splitlines() if line.strip()]
    their_lines = {line.strip() for line in theirs.splitlines()}
    lines_before, lines_after = _middles(lines_before, lines_after)
    written = False
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, lines_before, lines_after, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        put = lines_after[j1:j2]
        if not put or not all(line in their_lines for line in put):
            return False  # (a line taken out alone: the translation may still hold it)
        written = written or any(_LETTER_OR_DIGIT.search(line) for line in put)
    return written


# A word that states a fact the same in every language: a version (4.17.0), a number of three
# digits or more, code in backticks. (A number of one or two digits says too little: the
# translation holds a 5 somewhere whatever the source added.)
_FACT_WORD = re.compile(r"\d+(?:\.[\dx]+)+|\d{3,}|`[^`]+`")
_FACT_EDGES = "|,;:.()[]*~ "


def _translation_script(source: str, translation: str) -> str | None:
    """The translation's script, where it is not its source's and not Latin (Han for zh-Hans
    from en): a source whose text was in it was a copy of the translation."""
    theirs = script_of(translation)
    return theirs if theirs != "Latin" and theirs != script_of(source) else None


def _each_in_form_alone(history, path: str, commits: list[int]) -> bool:
    """Did each of the source's ``commits`` since the translation, read by itself (against
    its first parent), change its form alone (see _changed_in_form_alone)? Where branches
    were merged, the source as the translation last saw it and as it is now also differ by
    what another branch brought to both (a link the translation got too), though no commit
    since changed more than the source's form. A few commits at most are read so."""
    if len(commits) > _COMMITS_READ_ONE_BY_ONE:
        return False
    return all(_in_form_alone(history.text_before(i, path), history.text_at(i, path)) for i in commits)


_COMMITS_READ_ONE_BY_ONE = 4


def _after_the_skipped(commits: list[int], first_counted: int, then: int) -> int:
    """The source's state to compare with: after the commits that touched it between the
    translation (``then``) and the first one that counts (``first_counted``), all of them
    skipped ("fixed typo", "[i18nIgnore]"): what they changed is none of the translation's
    business. ``commits``: the file's, newest first (indexes count back in time)."""
    try:
        before = commits[commits.index(first_counted) + 1]
    except (ValueError, IndexError):  # (not the file's, or its first commit)
        return then
    return before if before < then else then


def _behind_in_history(original, translation, source_changes: list[int], translation_last: int, history, corpus) -> Behind | None:
    """How far behind the translation last committed at ``translation_last`` is, by the
    source's commits (``source_changes``, newest first) after it."""
    where = f"{original.locale} {original.id}"
    source_last = source_changes[0]
    newer = [i for i in source_changes if i < translation_last]
    # A source made after the translation was last written: its making (its first commit,
    # the oldest of these) is no change the translation lacks (the translation may well be
    # the original).
    if newer and newer[-1] == history.by_file.get(original.relpath)[-1]:
        olds = _moved_from(history, original.relpath, newer[-1], corpus)
        if not olds or _moved_alone(history, olds, original.relpath, newer[-1]):
            newer.pop()  # (a move that changed no word is no change either)
    newer = [i for i in newer if not _made_first_in_the_translation(history, i, translation.relpath)]
    then = translation_last  # the source as the translation saw it
    script = _translation_script(original.locale, translation.locale)
    if newer and _unwritten_at(history, original.relpath, translation_last, script):
        written = _after_its_writing(history, original.relpath, newer, script)
        newer, then = written, newer[len(written)] if len(written) < len(newer) else then
    if newer and then == translation_last:
        then = _after_the_skipped(history.by_file.get(original.relpath, []), newer[-1], then)
    if not newer or _changed_in_form_alone(history, original, then, source_last) or _each_in_form_alone(history, original.relpath, newer):
        return None
    if _caught_up(history, original.relpath, translation.relpath, then, source_last, translation_last):
        return None
    if _links_it_never_had(history, original.relpath, translation.relpath, then, source_last, translation_last):
        return None
    if _lines_it_has(history, original.relpath, translation.relpath, then, source_last, translation_last):
        return None
    days = (history.commits[source_last][1] - history.commits[translation_last][1]) // 86400
    wording = _reworded_alone(history, original.relpath, then, source_last)
    return Behind(
        f"the source ({where}) changed after this translation: {_plural(len(newer), 'commit')}"
        f"{', ' + _plural(days, 'day') + ' later' if days > 0 else ''} (last {history.describe(source_last)})"
        f"{WORDING_ALONE if wording else ''}",
        commits=len(newer),
        days=max(days, 0),
        wording_alone=wording,
    )


WORDING_ALONE = "; only its wording changed (its code, numbers, links, headings and lists are as they were): read it again"


def _reworded_alone(history, path: str, then: int, now: int) -> bool:
    """Did the source's commits since the translation reword it alone: its front matter, code,
    headings, the numbers and addresses its text names, its list items and table rows as they
    were, and each line of text changed in a few words, no word put in on several lines (a
    commit that "polishes the wording")? A translation may well say the same still."""
    before, after = history.text_at(then, path), history.text_at(now, path)
    if before is None or after is None:
        return False
    (skeleton_a, text_a), (skeleton_b, text_b) = _skeleton(before), _skeleton(after)
    return skeleton_a == skeleton_b and _lines_reworded(text_a, text_b)


_INLINE_CODE = re.compile(r"`[^`\n]+`")
_DESTINATION = re.compile(r"\]\(([^)\s]+)|https?://[^\s)>\]]+")
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
_STRUCTURE_LINE = re.compile(r"[ \t]*(?:#{1,6}[ \t]|[-*+][ \t]|\d+[.)][ \t]|\||>)")
_INDENTED_CODE = re.compile(r"\t|    ")


@lru_cache(maxsize=256)  # (as _same_in_form)
def _skeleton(text: str) -> tuple[tuple, tuple[str, ...]]:
    """(what of a page is not its wording, its lines of text): its front matter, code blocks
    (fenced or indented) and code spans, headings, the numbers and addresses it names, the kind
    of each line that starts an item, a row or a quote, and how many lines of text it has."""
    matter = _FRONT_MATTER.match(text)
    front, text = (matter.group(0), text[matter.end() :]) if matter else ("", text)
    code, spans, structure, prose = [], [], [], []
    fence = None
    for line in text.splitlines():
        opening = _FENCE_LINE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            else:
                code.append(line.strip())
            continue
        if opening:
            fence = opening.group(1)
            continue
        if _INDENTED_CODE.match(line) or line.lstrip().startswith("#"):
            code.append(line.strip())  # (a heading's text too: a page renamed is no rewording)
            continue
        spans.extend(_INLINE_CODE.findall(line))
        bare = _INLINE_CODE.sub(" ", line)
        spans.extend(m.group(1) or m.group(0) for m in _DESTINATION.finditer(bare))
        spans.extend(_NUMBER.findall(_DESTINATION.sub(" ", bare)))
        if (kind := _STRUCTURE_LINE.match(line)) is not None:
            structure.append(kind.group(0).strip()[:1])
        if line.strip():
            prose.append(line)
    return (front, tuple(code), tuple(spans), tuple(structure), len(prose)), tuple(prose)


_REWORDED_WORDS = 3  # words a line may change (or a tenth of its words), and still say the same
_WORD_OF_TEXT = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\[[^\]]*\]")


def _lines_reworded(before: Sequence[str], after: Sequence[str]) -> bool:
    """Did each line of text that changed change in a few words (three, or a tenth of its
    words), no word put in on three lines or more where there was none (``[Interactive]``
    before six items; a word that replaces others, "renders" for "will be rendered" on
    fourteen lines, is a rewording)?"""
    put_in: Counter[str] = Counter()
    for a, b in zip(before, after):
        if a == b:
            continue
        words_a, words_b = _WORD_OF_TEXT.findall(a), _WORD_OF_TEXT.findall(b)
        changed = 0
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, words_a, words_b, autojunk=False).get_opcodes():
            if tag != "equal":
                changed += max(i2 - i1, j2 - j1)
            if tag == "insert":  # (words put in where none were; "will be rendered" made "renders" is a rewording)
                put_in.update({word.lower() for word in words_b[j1:j2] if word.lower() not in _ARTICLES})
        if changed > max(_REWORDED_WORDS, len(words_b) // 10):
            return False
    return not put_in or put_in.most_common(1)[0][1] < 3


def how_far_behind(original, translation, corpus, config) -> Behind | None:
    """Whether ``translation`` is behind ``original``, with the best evidence there is."""
    where = f"{original.locale} {original.id}"  # not a path: see translation-drift
    if original.state or translation.state:
        behind = help_center_behind(original, translation, config)
        if behind is not None or ("edited_at" in original.state and "edited_at" in translation.state):
            return behind  # the platform's own record is better evidence than an export's commits
    history = corpus.history
    sources = corpus.source_history if config.source_repo is not None else history
    source_path = _source_path(original, config)
    # Best: the translation records the source revision it was made from.
    if translation.source_commit and sources is not None and source_path is not None:
        index = sources.index_of(translation.source_commit)
        if index is None:
            repository = "the source repository" if config.source_repo is not None else "this repository"
            return Behind(f"the source revision {translation.source_commit} this translation records is not in the history of {repository}")
        skipped = _skipped(sources, config)
        changes = [i for i in sources.by_file.get(source_path, []) if i < index and i not in skipped]
        if changes and not _changed_in_form_alone(sources, original, index, changes[0], source_path):
            return Behind(
                f"the source ({where}) changed in {_plural(len(changes), 'commit')} since this translation's source revision "
                f"{translation.source_commit[:10]} (last {sources.describe(changes[0])}): update the translation and its revision",
                commits=len(changes),
            )
        return None
    # Next: the last commits of both files, when they live in one history.
    if history is not None and config.source_repo is None:
        skipped = _skipped(history, config)
        source_changes = [i for i in history.by_file.get(original.relpath, []) if i not in skipped]
        # (A skipped commit of the translation, one that touched every language, is no update of it.)
        translation_last = next((i for i in history.by_file.get(translation.relpath, []) if i not in skipped), None)
        # Committed together, git cannot tell which is newer: the dates below decide.
        if source_changes and translation_last is not None and source_changes[0] != translation_last:
            return _behind_in_history(original, translation, source_changes, translation_last, history, corpus)
    # Last: the updated dates in front matter.
    source_date, translation_date = _date(original.updated), _date(translation.updated)
    if source_date and translation_date and source_date > translation_date:
        days = (source_date - translation_date).days
        return Behind(
            f"the source ({where}) was updated {source_date}, {_plural(days, 'day')} after this translation ({translation_date})",
            days=days,
        )
    return None
