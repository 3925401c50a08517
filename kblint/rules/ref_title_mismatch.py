from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache
from typing import Iterator

from kblint.model.finding import Finding, Severity
from kblint.rules.api import Rule

_ELLIPSES = ("…", "...", "⋯")


@lru_cache(maxsize=65536)
def normalize(title: str) -> str:
    """Case, spacing and punctuation do not count."""
    return "".join(
        ch for ch in unicodedata.normalize("NFKC", title).casefold() if not unicodedata.category(ch)[0] in "PZS"
    )


def titles_match(listed: str, actual: str) -> bool:
    listed = listed.strip()
    if listed == actual:
        return True  # the common case, without normalizing
    truncated = listed.endswith(_ELLIPSES)
    for ellipsis in _ELLIPSES:
        listed = listed.removesuffix(ellipsis)
    a, b = normalize(listed), normalize(actual)
    if truncated:
        return bool(a) and b.startswith(a)
    return a == b or _qualified(listed, b)


# A dash, a colon or a bar between a title and what qualifies it.
_SEPARATOR = re.compile(r"\s[-–—|]\s|:\s")


def _qualified(listed: str, actual: str) -> bool:
    """Does the listed title name the target's title (``actual``, normalized) beside a
    qualifier, after or before a separator: the book or the section the page belongs to
    ("Admin Guide - Backups", "Backups | Admin Guide")?"""
    return any(actual in (normalize(listed[m.end() :]), normalize(listed[: m.start()])) for m in _SEPARATOR.finditer(listed))


_WORD = re.compile(r"\w+")


def _stems(text: str) -> set[str]:
    """The words of ``text``, case-folded, without a plural's s."""
    words = (w.casefold() for w in _WORD.findall(text))
    return {w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words}


def _describes(listed: str, actual: str) -> bool:
    """Does a link's text name the page in its own words around the title's: every word of
    the title with a word added ("Sampling concepts" for "Sampling", "Trace Concepts" for
    "Traces"), or only words of it? A list's link text says what the page is to the reader,
    not always its title."""
    a, b = _stems(listed), _stems(actual)
    return bool(a and b) and (a <= b or b <= a) and not _has_cjk(listed + actual)


def _a_kind_of_page(listed: str, actual: str) -> bool:
    """Does a link's text say what kind of page it leads to, of the title's subject
    ("Installation Guide" for "Online Installation from Helm", "Uninstallation Guide" for
    "Uninstall", "Vault Documentation" for "What is Vault?"): a word for a kind of page last,
    and a word before it that is a word of the title, or a form of one (see _one_stem)?"""
    words = [w.casefold() for w in _WORD.findall(listed)]
    if len(words) < 2 or words[-1] not in _KINDS_OF_PAGE:
        return False
    titled = [w.casefold() for w in _WORD.findall(actual)]
    return any(w == t or _one_stem(w, t) for w in words[:-1] for t in titled)


def _one_stem(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` one word's forms: five letters at least in common from the start,
    two thirds of the shorter (installing, installation; uninstall, uninstallation)?"""
    common = len(os.path.commonprefix((a, b)))
    return common >= 5 and 3 * common >= 2 * min(len(a), len(b))


_KINDS_OF_PAGE = frozenset({"guide", "guides", "documentation", "docs", "reference", "manual", "overview", "tutorial"})


def _has_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


def _listed_title(corpus, ref, locale: str) -> tuple[str | None, str | None]:
    """The title of the page an entry lists, and its language: where a link's path leads to
    one language's version (``/en/docs/deploy/`` from a Chinese page), that version's;
    otherwise (an id, "KB3842") the target's in ``locale``, else in the source language."""
    linked = corpus.article_at(ref.resolved) if ref.url else None
    if linked is not None and linked.id == ref.target and linked.title:
        return linked.title, linked.locale
    return corpus.title_of(ref.target, locale)


def check_corpus(corpus, config) -> Iterator[Finding]:
    for summary in corpus.checked_articles:
        for ref in summary.references:
            if ref.kind != "related" or not ref.title or ref.title_span is None or ref.target == summary.id:
                continue
            actual, locale = _listed_title(corpus, ref, summary.locale)
            if actual is None or titles_match(ref.title, actual):
                continue
            if ref.url is not None and (_describes(ref.title, actual) or _a_kind_of_page(ref.title, actual)):
                continue  # "[Sampling concepts](…)" for the page "Sampling": a link's words
            if ref.url and "#" in ref.url:
                continue  # "[Typing props](/guide/ts#typing-props)" lists a section, not the page
            if locale != summary.locale and _has_cjk(ref.title) != _has_cjk(actual):
                continue  # a translated title for a target that has no translation yet
            in_locale = "" if locale == summary.locale else f" (its {locale} title)"
            yield RULE.finding_span(
                summary,
                ref.title_span,
                f"listed title '{ref.title}' does not match {ref.target}'s title '{actual}'{in_locale}",
                replacement=actual,
                fix_description=f"write {ref.target}'s title",
            )


RULE = Rule(
    code="KL103",
    name="ref-title-mismatch",
    severity=Severity.WARNING,
    summary="A related-articles entry lists a title that is not the target article's title.",
    documentation="""\
## What it does
For each related-articles entry such as `- KB3842 - Encrypting files with GPG`, compares the
listed title with the target's `title` in the same language (falling back to the source
language when the target has no translation); a link whose path leads to one language's version
(`[Deployment](/en/docs/deployment/)` on a Chinese page) is compared with that version's title. Case, spacing and punctuation are ignored, and a
title cut short with an ellipsis (`Encrypting files…`) matches when it is a prefix. A translated
title listed for a target that exists only in the source language is not compared: a Chinese
title cannot be expected to equal an English one. An entry whose link names an anchor
(`See also: [Typing props](/guide/typescript#typing-props)`) lists a section, whose heading is
not the page's title: it is not compared. Nor is a title listed beside a qualifier that names where the page belongs, after
or before a dash, a colon or a bar (`Reference - Encrypting files with GPG`), nor a link's text
that names the page with every word of its title and more, or with some of them only
(`[Sampling concepts](…)` for the page "Sampling", `[Traces](…)` for "Trace Concepts"): a
list of links says in its own words what each page is; so does a link's text that names a kind
of page after a word of the title (`[Installation Guide](…)` for "Online Installation from
Helm", `[Vault Documentation](…)` for "What is Vault?").

## Why it matters
Titles change; the lists that quote them do not. A reader who clicks "Exporting reports" and
lands on "Deleting reports" stops trusting the knowledge base.

## Example
```markdown file=en/KB1200.md
## Related articles
- KB3842 - Signing files with GPG
```
```markdown file=en/KB3842.md
---
title: Encrypting files with GPG
---
```
fires: KB3842's title is "Encrypting files with GPG".

## Does not fire
```markdown file=en/KB1200.md
## Related articles
- KB3842 - encrypting files with GPG
- KB3842 - Encrypting files…
- [Encrypting files with GPG](KB3842.md)
- KB3842 - Security guide: Encrypting files with GPG
- [Encrypting files with GPG, step by step](KB3842.md)
```
```markdown file=en/KB3842.md
---
title: Encrypting files with GPG
---
```

## Fix
Unsafe: replaces the listed title with the target's real title (`--fix --unsafe-fixes`).
The listed title might be a deliberate short form.

## Fixed
What `kblint --fix --unsafe-fixes` makes of the example:
```markdown file=en/KB1200.md
## Related articles
- KB3842 - Encrypting files with GPG
```
""",
    fix="unsafe",
    unsafe_reason="the listed title may be shortened on purpose",
    check_corpus=check_corpus,
)
