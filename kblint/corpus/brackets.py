"""How each Chinese language of a knowledge base writes its round brackets around Chinese
text: half-width as often as full-width or more (ten pairs at least) is its style (Vue's Chinese docs write
``有 sidebar (侧导航) 和`` on every page), which cjk-punctuation then leaves alone.

A style is a knowledge base's, not a page's: a page with one pair tells nothing. The counts
are summed over every article of the language, from each article's ``BRACKETS`` fact; with a
cache, each article's count is kept as a derived row under its content's hash, so that a run
of a few files reads the others' counts, not their summaries."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Iterable

from kblint.corpus.contributed import BRACKETS

if TYPE_CHECKING:
    from kblint.corpus.corpus import Corpus
    from kblint.corpus.summary import Summary

NAME = "cjk-brackets"
# Pairs enough to tell a style: a few half-width ones in a small knowledge base may be slips.
_ENOUGH = 10
_KEY = "widths"


def _chinese(locale: str) -> bool:
    return locale.lower().startswith("zh")


def half_width_styles(corpus: "Corpus") -> dict[str, bool]:
    """For each Chinese locale of ``corpus``: are half-width brackets around Chinese text at
    least as many there as full-width ones, and ten or more?"""
    totals = _stored_totals(corpus) if corpus.store is not None and corpus.digests is not None else None
    if totals is None:
        totals = _summed(corpus.articles)
    return {locale: half >= _ENOUGH and half >= full for locale, (half, full) in totals.items()}


def _summed(summaries: Iterable["Summary"]) -> dict[str, tuple[int, int]]:
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for summary in summaries:
        kept = summary.fact(BRACKETS) if _chinese(summary.locale) else None
        if kept:
            totals[summary.locale][0] += kept[0]
            totals[summary.locale][1] += kept[1]
    return {locale: (half, full) for locale, (half, full) in totals.items()}


def _stored_totals(corpus: "Corpus") -> dict[str, tuple[int, int]] | None:
    """The totals from the cache's rows, the rows of the articles whose content changed made
    again (from their summaries) and stored first; None where the cache cannot say."""
    digests = corpus.digests or {}
    paths = [(locale, relpath) for locale, relpath in corpus.article_paths() if _chinese(locale)]
    states = {relpath: (digests.get(relpath) or "-")[:16] for _, relpath in paths}  # an article's share: its content's
    store = corpus.store
    found = store.derived_changes(NAME, states.items())
    if found is None:
        return None
    changed, gone = found
    batch = {}
    for relpath in changed:
        summary = corpus.by_path.get(relpath)
        kept = summary.fact(BRACKETS) if summary is not None else None
        rows = [(summary.locale, _KEY, f"{kept[0]},{kept[1]}")] if kept else []
        batch[relpath] = (states[relpath], rows)
    store.replace_derived(NAME, batch, gone)
    totals: dict[str, tuple[int, int]] = {}
    for locale in sorted({locale for locale, _ in paths}):
        half = full = 0
        for value, count in store.derived_counts(NAME, locale, _KEY).items():
            h, _, f = value.partition(",")
            half, full = half + int(h) * count, full + int(f) * count
        totals[locale] = (half, full)
    return totals
