from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

from kblint.model.finding import Finding, Severity
from kblint.model.patterns import lazy_pattern
from kblint.model.layout import is_blog_post, is_version_copy
from kblint.model.text import folded
from kblint.rules.api import Rule
from kblint.corpus.contributed import TEXT_PARAGRAPHS, TEXTS, left_mostly_as_its_source
from kblint.corpus.summary import as_span


def _pairs(original, translation) -> list[tuple[str, str, object]]:
    """(source text, its translation, the translation's place) of a title and the headings,
    paired in order where both articles have as many."""
    pairs = []
    title_at = None
    if original.title and translation.title and translation.title_span is not None:
        pairs.append((original.title, translation.title, translation.title_span))  # a Span already
        title_at = translation.title_span.start
    source_headings, headings = list(original.headings), list(translation.headings)  # each decoded once
    if len(source_headings) == len(headings):
        pairs.extend(
            (source, text, span)
            for (source, _), (text, span) in zip(source_headings, headings)
            if as_span(span).start != title_at  # the level-1 heading that is the title: paired once
        )
    return pairs


# A heading that is one lower-case or camelCase name (an option, a hook, a function).
_IDENTIFIER = lazy_pattern(r"[a-z][A-Za-z0-9_$]*(?:\(\))?")

NAME = "inconsistent-translation"  # of the shares the cache keeps (see _stored_counts)


def _shares(original, translation, known: dict | None = None) -> list[tuple[str, str, str]]:
    """What one (source, translation) pair adds to the counts: (locale, source text folded,
    rendering) for each of its paired texts. ``known``: the pairs made already this run (by
    the translation's identity): a whole run makes each pair's once, not once per pass."""
    if _left_out(translation.relpath):
        return []
    found = known.get(id(translation)) if known is not None else None
    if found is not None and found[0] is original and found[1] is translation:
        pairs = found[2]
    else:
        pairs = _pairs(original, translation)
    # Each rendering once per article: two "Prerequisites" headings of one page are one vote.
    return list(dict.fromkeys((translation.locale, folded(source), text.strip()) for source, text, _ in pairs))


def _left_out(relpath: str) -> bool:
    """Is the translation at ``relpath`` neither counted nor reported? A blog's post is a piece
    of its own, whose headings are its author's choice; a released version's copy of a page is
    the page again: the docs being written are where a rendering is chosen."""
    return is_blog_post(relpath) or is_version_copy(relpath)


def _translations(corpus, original) -> list:
    return [t for locale, t in sorted(corpus.by_id.get(original.id, {}).items()) if locale != original.locale]


def _state(corpus, original: str, translation: str) -> str:
    """What a pair's share was made from: the two articles' contents (a share is the
    translation's, and the path of its source does not change what it holds)."""
    digests = corpus.digests
    return f"{(digests.get(original) or '-')[:16]}{(digests.get(translation) or '-')[:16]}"


# A whole run stores the shares that changed this many at a time (a first run has them all).
_STORE_BATCH = 5000


class Renderings:
    """How the translations into each locale render each source title and heading:
    (locale, source text folded) -> Counter of renderings, over the whole knowledge base, kept
    up to date as articles are replaced (see ``Corpus.index``)."""

    def __init__(self, corpus, known: dict | None = None) -> None:
        self.counts: dict[tuple[str, str], Counter[str]] = {}
        by_path = corpus.by_path
        for original, translation in corpus.pair_paths():
            self._count(by_path[original], by_path[translation], 1, known)

    def _count(self, original, translation, step: int, known: dict | None = None) -> list[tuple[str, str, str]]:
        rows = _shares(original, translation, known)
        for locale, key, text in rows:
            counts = self.counts.setdefault((locale, key), Counter())
            counts[text] += step
            # Nothing is kept for what is gone: a language server runs for days of typing.
            if counts[text] <= 0:
                del counts[text]
                if not counts:
                    del self.counts[(locale, key)]
        return rows

    def _affected(self, corpus, relpath: str) -> list[tuple]:
        """The (source, translation) pairs the article at ``relpath`` takes part in."""
        summary = corpus.by_path.get(relpath)
        if summary is None or not summary.id:
            return []
        if summary.locale == corpus.source_locale:
            if corpus.by_id.get(summary.id, {}).get(summary.locale) is not summary:
                return []
            return [(summary, t) for t in _translations(corpus, summary)]
        pair = corpus.translation_pair(summary)
        return [pair] if pair is not None else []

    def before(self, corpus, relpath: str) -> None:
        for original, translation in self._affected(corpus, relpath):
            self._count(original, translation, -1)

    def after(self, corpus, relpath: str) -> None:
        for original, translation in self._affected(corpus, relpath):
            self._count(original, translation, 1)


def _changes(corpus) -> tuple[list[str], list[str]]:
    """The pairs (by their translation's path) whose share the cache holds for other contents
    or not at all, and the stored shares of pairs that are gone."""
    states = ((translation, _state(corpus, original, translation)) for original, translation in corpus.pair_paths())
    found = corpus.store.derived_changes(NAME, states)
    if found is None:  # the cache cannot say: every share is made again
        return [translation for _, translation in corpus.pair_paths()], []
    return found


def _store_shares(corpus, changed: list[str], gone: list[str], keep: bool = False, known: dict | None = None) -> dict[str, list]:
    """Make the shares of the ``changed`` pairs, store them (a few thousand at a time: a first
    run makes them all) with the ``gone`` ones taken out, and, with ``keep``, return them."""
    made: dict[str, list] = {}
    batch: dict[str, tuple[str, list]] = {}
    for owner in changed:
        pair = corpus.translation_pair(corpus.by_path[owner])
        if pair is None:
            continue
        original, translation = pair
        rows = _shares(original, translation, known)
        batch[owner] = (_state(corpus, original.relpath, translation.relpath), rows)
        if keep:
            made[owner] = rows
        if len(batch) >= _STORE_BATCH:
            corpus.store.replace_derived(NAME, batch, [])
            batch = {}
    corpus.store.replace_derived(NAME, batch, gone)
    return made


def _stored_counts(corpus, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], Counter[str]]:
    """The counts of the ``wanted`` (locale, key)s without reading every article: the cache
    keeps each pair's share (under its translation's path) with the contents it came from, and
    counts them; the shares of pairs whose contents changed (the files being checked, mostly)
    are taken out and made again from the articles, and stored for the next run."""
    store = corpus.store
    changed, gone = _changes(corpus)
    counts = {want: Counter(store.derived_counts(NAME, *want)) for want in sorted(wanted)}
    for _, locale, key, text in store.derived_rows(NAME, changed + gone):
        if (locale, key) in counts:
            counts[(locale, key)][text] -= 1
    for rows in _store_shares(corpus, changed, gone, keep=True).values():
        for locale, key, text in rows:
            if (locale, key) in counts:
                counts[(locale, key)][text] += 1
    return counts


def _glossed(text: str, usual: str, source: str) -> bool:
    """Is ``text`` the usual rendering with the source's own words beside it (插槽 Slots, 插槽
    (Slots) where the usual rendering of Slots is 插槽)?"""
    source = source.strip()
    if not source or source.casefold() not in text.casefold():
        return False
    rest = re.sub(re.escape(source), "", text, count=1, flags=re.IGNORECASE)
    return rest.strip(" ()（）[]【】-–—:：") == usual


def check_corpus(corpus, config) -> Iterator[Finding]:
    checked_pairs = [(pair, _pairs(*pair)) for pair in corpus.checked_translations() if not _left_out(pair[1].relpath)]
    if corpus.store is not None and corpus.checked is not None:
        wanted = {(translation.locale, folded(source)) for (_, translation), pairs in checked_pairs for source, _, _ in pairs}
        counts = _stored_counts(corpus, wanted) if wanted else {}
    else:
        known = {id(translation): (original, translation, pairs) for (original, translation), pairs in checked_pairs}
        counts = corpus.index("renderings", lambda corpus: Renderings(corpus, known)).counts
        if corpus.store is not None:
            _store_shares(corpus, *_changes(corpus), known=known)  # for the runs of a few files that come next
    for (original, translation), pairs in checked_pairs:
        yield from _article_findings(original, translation, pairs, counts)


def _article_findings(original, translation, pairs: list, counts: dict) -> Iterator[Finding]:
    """One finding for each rendering of ``translation`` that is not the usual one, at its
    first heading (a page that renders "Overview" as 简介 under each of its eleven actions
    made that choice once: one vote, one finding)."""
    untranslated = None  # is the article left mostly as its source? asked once, if at all
    found: dict[tuple[str, str], list] = {}
    # What each rendering here translates: the usual rendering of one heading may be the
    # article's own for another ("配置" for Setup), and cannot be this one's too.
    renders: dict[str, set[str]] = {}
    for source, text, _ in pairs:
        renders.setdefault(_form(text.strip()), set()).add(folded(source))
    for source, text, span in pairs:
        key, text = folded(source), text.strip()
        if text == source.strip() and _IDENTIFIER.fullmatch(text):
            continue  # "## components" in an API reference names an option: kept on purpose
        if (key, text) in found:
            found[(key, text)][2] += 1
            continue
        message = _inconsistency(counts.get((translation.locale, key), Counter()), source, text, renders)
        if message is not None and folded(text) == folded(source):
            if untranslated is None:
                untranslated = left_mostly_as_its_source(original, translation)
            if untranslated:
                continue  # untranslated-text reports the article as one
        found[(key, text)] = [span, message, 1]
    for span, message, times in found.values():
        if message is not None:
            yield RULE.finding_span(translation, as_span(span), message + (f" ({times} times here)" if times > 1 else ""))


def _inconsistency(counts: Counter, source: str, text: str, renders: "dict[str, set[str]] | None" = None) -> str | None:
    """What is wrong with rendering ``source`` as ``text``, where the language's articles
    render it as ``counts`` says (text -> articles); None when nothing is, or when the usual
    rendering translates another heading of the article (``renders``: form -> sources)."""
    found = _renderings(counts)
    # The usual translation is the most common one that is a translation (not the source text
    # left as it is); text left as it is is held to it too.
    translated = {form: n for form, (n, _) in found.items() if form != _form(source)}
    if not translated or len(found) < 2:
        return None
    usual, times = sorted(translated.items(), key=lambda item: (-item[1], item[0]))[0]
    shown, here = found[usual][1], _form(text)
    if here == usual or _glossed(text, shown, source):
        return None  # this is the usual translation, or it with the source's words beside it
    if usual in here:
        return None  # the usual translation with words that set it apart ("模型量化" for the usual "量化")
    if _latin_only(shown) and _latin_only(source) and not _latin_only(text):
        return None  # the usual "translation" is the source's language left in (other words): this one translates
    # The usual translation with the source's words beside it is the usual one too.
    glossed = {form for form in translated if form != usual and _glossed(found[form][1], shown, source)}
    times += sum(translated[form] for form in glossed)
    second = max((n for form, n in translated.items() if form != usual and form not in glossed), default=0)
    if not _an_outlier(found.get(here, (1, text))[0], times, second):
        return None  # no usual translation to hold the others to, or another in use
    if renders and renders.get(usual, set()) - {folded(source)}:
        return None  # the article renders another heading so: this one had to differ
    return _message(text, source.strip(), shown, times)


_NOT_LATIN = lazy_pattern(r"[^\x00-\u024f\u1e00-\u1eff\u2000-\u206f]")


def _latin_only(text: str) -> bool:
    """Is ``text`` written in Latin letters (and digits and punctuation) alone?"""
    return _NOT_LATIN.search(text) is None


def _form(text: str) -> str:
    """A rendering as it is compared: case and spacing aside (a no-break space or none before
    "?", 전제 조건 and 전제조건 are one rendering)."""
    return "".join(text.casefold().split())


def _renderings(found: Counter) -> dict[str, tuple[int, str]]:
    """The renderings of ``found`` (text -> articles) by form: how many articles write each,
    and its commonest spelling."""
    forms: dict[str, tuple[int, str, int]] = {}
    for text, n in sorted(found.items()):
        if n <= 0:
            continue
        form = _form(text)
        total, shown, most = forms.get(form, (0, text, 0))
        forms[form] = (total + n, text if n > most else shown, max(n, most))
    return {form: (total, shown) for form, (total, shown, _) in forms.items()}


SINGLE_AGAINST = 5  # articles of the usual rendering against which one article's is reported, whatever else is in use
USUAL_AT_LEAST = 3  # articles that make a rendering usual: two against one show no convention


def _an_outlier(uses: int, usual: int, second: int) -> bool:
    """Is a rendering that ``uses`` articles make an outlier beside the usual one that
    ``usual`` articles make (and ``second`` the next most common)? The usual one is made by three
    articles at least and leads, twice as common as any other, and this one is at most half as
    common; a rendering of three articles or more is a second convention unless the usual one is four times as common. A
    rendering of one article against five or more is one, whatever else is in use (a slip:
    "Prerrequesitos" among "Prerrequisitos" and "Prerequisitos")."""
    if uses == 1 and usual >= SINGLE_AGAINST:
        return True
    return usual >= max(USUAL_AT_LEAST, 2 * second, 2 * uses) and (uses <= 2 or usual >= 4 * uses)


def _message(text: str, source: str, usual: str, times: int) -> str:
    if folded(text) == folded(source):
        return f"'{text}' is left untranslated here; {times} other articles translate it as '{usual}'"
    return f"'{text}' translates '{source}', which {times} other articles translate as '{usual}'"


RULE = Rule(
    code="KL311",
    name="inconsistent-translation",
    severity=Severity.INFO,
    summary="A source title or heading translated one way here and another way in most articles.",
    documentation="""\
## What it does
Collects, per language, how the translations render each title and heading of their sources
(headings are paired in order where both have as many; an article counts once for each
rendering), and reports a translation that renders a source text differently from the way most
articles render it: when at least three agree (two against one show no convention), twice as
many as write any other rendering (or,
for a rendering of one article, five or more). A rendering that three articles or more use is
a second convention, reported only where the usual one is four times as common. A page that
repeats a rendering (under each of its sections) is reported once, at its first heading, with
how many times it writes it. Renderings
that differ in case or spacing only (a no-break space before "?", 전제 조건 and 전제조건) are
one.
A heading kept as it is that is one lower-case or camelCase name (`## components`,
`## useState`) names an option or a function of an API reference, and is not reported; nor is
the usual rendering with the source's words beside it (`插槽 Slots`, `插槽（Slots）`) or with
words that set the heading apart (`模型量化` where `量化` is usual, `VLM 离线推理` for a page
beside another's `离线推理`), nor a
translation where the usual "rendering" is other words in the source's Latin letters (English
headings left in most Chinese pages under a source heading renamed since). A heading
left as the source's in an article left mostly as its source is not reported either:
`untranslated-text` reports that article as one. A blog's posts (in a folder named `blog` or
`_posts`, or a Docusaurus blog's translation) are pieces of their own, whose headings are their
authors' choice ("Join us", "References"): they are neither counted nor reported. A
released version's copy of a Docusaurus site's docs (`versioned_docs/version-1.2/`, and its
translations' `version-1.2/`) is neither counted nor reported: a page in nine versions is one
vote, and one finding, the docs being written, where a rendering is chosen.

## Why it matters
"Troubleshooting" as 疑難排解 in one article and 故障排除 in the next reads as two different
things; a consistent knowledge base is easier to navigate and to search.

## Example
```markdown file=en/KB1.md
# One

## Troubleshooting
```
```markdown file=en/KB2.md
# Two

## Troubleshooting
```
```markdown file=en/KB3.md
# Three

## Troubleshooting
```
```markdown file=en/KB4.md
# Four

## Troubleshooting
```
```markdown file=zh-Hant/KB1.md
# 一

## 疑難排解
```
```markdown file=zh-Hant/KB2.md
# 二

## 疑難排解
```
```markdown file=zh-Hant/KB3.md
# 三

## 故障排除
```
```markdown file=zh-Hant/KB4.md
# 四

## 疑難排解
```

## Does not fire
```markdown file=en/KB1.md
# One

## Troubleshooting
```
```markdown file=en/KB2.md
# Two

## Troubleshooting
```
```markdown file=zh-Hant/KB1.md
# 一

## 疑難排解
```
```markdown file=zh-Hant/KB2.md
# 二

## 疑難排解
```

## Fix
None: which wording is right is the glossary's or the translators' decision.
""",
    check_corpus=check_corpus,
    facts=(TEXTS, TEXT_PARAGRAPHS),  # whether an article is left mostly as its source
)
