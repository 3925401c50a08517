from __future__ import annotations

from typing import Iterator

from kblint.model.finding import Finding, Severity
from kblint.kb.identity import normalize_tag
from kblint.rules.api import Rule


def check_corpus(corpus, config) -> Iterator[Finding]:
    for summary in corpus.checked_articles:
        if not summary.id:
            continue
        for ref in summary.references:
            if ref.target != summary.id:
                continue
            if ref.style == "article" and ref.link_locale not in (None, summary.locale):
                continue  # the same article in another language: wrong-locale-link's
            if ref.resolved not in (None, summary.relpath) and (_in_another_language(corpus, ref.resolved, summary.locale) or _named_for_a_locale(ref.resolved, summary.relpath)):
                continue  # README.md's link to README-zh_CN.md: a switch of language
            if ref.kind == "link" and _a_choice_of_language(corpus, ref, summary):
                continue  # "[English](./README.md) | [中文](README_ZH.md)": the reader's language, among the others
            if ref.kind == "related":
                yield RULE.finding_span(summary, ref.span, f"{summary.id} lists itself among its related articles")
            elif ref.kind == "link" and not ref.fragment and ref.title != "":
                # With an anchor: a way around the page; with no text: nothing a reader sees.
                yield RULE.finding_span(summary, ref.span, f"{summary.id} links to itself ({ref.url})")


def _a_choice_of_language(corpus, ref, summary) -> bool:
    """Is the link to the page itself one of a line of links to its versions in each language,
    one of the others on its line or the next?"""
    return any(
        other is not ref and other.kind == "link" and abs(other.span.line - ref.span.line) <= 1
        and other.resolved not in (None, summary.relpath) and _a_version_of(corpus, other, summary)
        for other in summary.references
    )  # fmt: skip


def _a_version_of(corpus, other, summary) -> bool:
    """Does the link ``other`` lead to the page's version in another language: the same
    article in another, or a file named as the page's with a locale after ``_`` or ``-``
    (``README_ZH.md`` beside ``README.md``)?"""
    if other.target == summary.id and _in_another_language(corpus, other.resolved, summary.locale):
        return True
    folder, _, name = other.resolved.rpartition("/")
    own_folder, _, own_name = summary.relpath.rpartition("/")
    stem, own_stem = name.partition(".")[0], own_name.partition(".")[0]
    return folder == own_folder and (_with_a_locale(stem, own_stem) or _with_a_locale(own_stem, stem))


def _with_a_locale(name: str, base: str) -> bool:
    """Is ``name`` ``base`` with a locale after ``_`` or ``-`` (``README_ZH`` of ``README``)?"""
    if not name.lower().startswith(base.lower()) or name[len(base) : len(base) + 1] not in ("_", "-"):
        return False
    return normalize_tag(name[len(base) + 1 :].replace("_", "-")) is not None


def _named_for_a_locale(target: str, relpath: str) -> bool:
    """Is ``target`` a copy of the file at ``relpath`` that their names tell apart by a locale
    (``README.zh-CN.md`` or ``README_EN.md`` beside ``README.md``, ``title.zh.md`` beside
    ``title.en.md``)?
    Another file of the same article is its copy in another language, whatever language
    either was given."""
    folder, _, name = target.rpartition("/")
    own_folder, _, own_name = relpath.rpartition("/")
    if folder != own_folder or name == own_name:
        return False
    stem, own_stem = name.partition(".")[0], own_name.partition(".")[0]
    return stem == own_stem or _with_a_locale(stem, own_stem) or _with_a_locale(own_stem, stem)


def _in_another_language(corpus, relpath: str, locale: str) -> bool:
    target = corpus.article_at(relpath)
    return target is not None and target.locale != locale


RULE = Rule(
    code="KL102",
    name="self-reference",
    severity=Severity.WARNING,
    summary="An article links to itself or lists itself among its related articles.",
    documentation="""\
## What it does
Reports a link to the article's own file, path or id, and a related-articles entry that names
the article itself. A plain mention of the article's own id in prose ("this is KB2481"), a
link to a place on the same page (`/help/x.md#step-3` in `help/x.md`) and a link with no text
(a heading's permalink pasted with it, `## Setup[](setup.md)`: a reader sees nothing) are not
reported, nor is a link to the article's copy in another language (a switch of language:
another file, which its name may give a locale, `README.zh-CN.md` beside `README.md`), nor
the page's own link among such links on its line or the next (`[English](./README.md) |
[中文](README_ZH.md)`: the reader's language, among the others).

## Why it matters
A related-articles list is a promise of somewhere else to go. An entry that leads back to the
same page wastes the reader's click, and usually means the intended id was mistyped.

## Example
In `KB2481`:
```markdown file=en/KB2481.md
## Related articles
- KB2481 - Resetting a password
```

## Does not fire
In `KB2481`:
```markdown file=en/KB2481.md
## Related articles
- KB2482 - Unlocking an account
```

## Fix
None.
""",
    check_corpus=check_corpus,
)
