from __future__ import annotations

import difflib
import posixpath
import re
from typing import Iterator

from kblint.formats.registry import INDEX_STEMS
from kblint.model.finding import Finding, Severity
from kblint.model.layout import docusaurus_translation
from kblint.rules.api import Rule


def _folded(key: str) -> str:
    """A path key with its words' separators and case set aside (cloud_native_apps, Cloud Native Apps)."""
    return re.sub(r"[-_\s]+", "-", key.lower())


class _SourceKeys:
    """The source articles' keys, to name the one a translation without a source was likely
    made from: the same words with other separators, else a close name in the same folder."""

    def __init__(self, corpus, source: str) -> None:
        keys = sorted(key for key, versions in corpus.by_id.items() if source in versions)
        self.by_folded = {_folded(key): key for key in keys}
        # By their folder and the numbers of their names: names alike but for their numbers are
        # other events or releases (meetup-2005, meetup-2007), never a renamed source.
        self.by_folder: dict[tuple[str, tuple[str, ...]], list[str]] = {}
        self.by_tail: dict[str, list[str]] = {}  # by their folder's name and their own
        for key in keys:
            folder, _, name = key.rpartition("/")
            self.by_folder.setdefault((folder, _numbers(name)), []).append(key)
            if key.count("/") >= 1:
                self.by_tail.setdefault(_tail(key), []).append(key)

    def like(self, key: str) -> str | None:
        same = self.by_folded.get(_folded(key))
        if same is not None:
            return same
        folder, _, name = key.rpartition("/")
        names = {k.rpartition("/")[2]: k for k in self.by_folder.get((folder, _numbers(name)), [])}
        close = difflib.get_close_matches(name, list(names), n=1, cutoff=0.85)
        return names[close[0]] if close else self._moved(key)

    def _moved(self, key: str) -> str | None:
        """The one source whose path ends as ``key``'s does, in its folder's name and its own
        at least (``archive/safari/setup`` for ``safari/setup``): the section moved."""
        found = self.by_tail.get(_tail(key), []) if "/" in key else []
        shared = [(_common_tail(key, other), other) for other in found]
        if not shared:
            return None
        best = max(count for count, _ in shared)
        leaders = [other for count, other in shared if count == best]
        return leaders[0] if len(leaders) == 1 else None


# A post of a blog or a news section (Jekyll's _posts/2018-03-28-name.md, Docusaurus'
# blog/2020-05-27-name.md, Hugo's blog/news/name/index.md): each language's blog is its own.
_POST = re.compile(r"(?:^|/)(?:_posts|blogs?|news|posts)/")


_NUMBERS = re.compile(r"\d+")
_POST_DATE = re.compile(r"\d{4}-\d{2}-\d{2}-")


def _numbers(name: str) -> tuple[str, ...]:
    """The numbers of a name, but a post's date (a translation may be posted days later)."""
    return tuple(_NUMBERS.findall(_POST_DATE.sub("", name, count=1)))


def _tail(key: str) -> str:
    return "/".join(key.split("/")[-2:])


def _common_tail(a: str, b: str) -> int:
    """How many path segments ``a`` and ``b`` end with alike."""
    count = 0
    for x, y in zip(reversed(a.split("/")), reversed(b.split("/"))):
        if x != y:
            break
        count += 1
    return count


def _no_source(summary, locale: str, article_id: str, source: str, like: str | None) -> str:
    said = f"{locale} article {article_id} has no {source} version"
    if like is not None:
        return f"{said}: its source may be {source} {like}, whose path is close (moved or renamed?): name the translation as its source"
    # (Written in this language first, or translated from a source since moved or deleted.)
    where = "path (its source may have been moved or deleted)" if summary.by_path else "id"
    return f"{said}: write it, or, if this was translated from one, check the {where}"


def _another_suffix_in_docusaurus(source: str, translation: str) -> bool:
    """Is ``translation`` a Docusaurus docs translation (``i18n/zh/docusaurus-plugin-content-
    docs/current/x.md``) named with another suffix than its source (``docs/x.mdx``)? Docusaurus
    looks for a translation under its source's file name, suffix and all: this one is never
    served."""
    translated = docusaurus_translation(translation)
    docs = translated is not None and translated[2].startswith("docusaurus-plugin-content-docs")
    return docs and posixpath.splitext(source)[1] != posixpath.splitext(translation)[1]


def _served_as_the_source(original, summary) -> str:
    name, wanted = posixpath.basename(summary.relpath), posixpath.basename(original.relpath)
    return (
        f"Docusaurus serves a translation only under its source's file name ({wanted}): this {summary.locale} "
        f"version of {original.id} is named {name}, so its readers get the {original.locale} page; rename it {wanted}"
    )


def check_corpus(corpus, config) -> Iterator[Finding]:
    source = config.source_locale
    ids = corpus.checked_ids()
    keys = None
    for article_id in sorted(corpus.by_id) if ids is None else ids:
        versions = corpus.by_id.get(article_id)
        if versions is None:
            continue
        if source not in versions:
            for locale, summary in sorted(versions.items()):
                if config.layout is not None and not config.layout.publishes(summary.relpath):
                    continue  # no page of the site (a translator's prompt in its language's folder)
                if summary.state.get("draft"):
                    continue  # a draft (draft: true), which the site does not publish
                if summary.by_path and keys is None:
                    keys = _SourceKeys(corpus, source)  # once a run, and only when a translation has no source
                like = keys.like(article_id) if summary.by_path and keys is not None else None
                if like is None and _POST.search(summary.relpath):
                    continue  # a post written in this language: news, not a translation
                if like is None and config.layout is not None and config.layout.in_docusaurus_content(summary.relpath):
                    continue  # a category of a Docusaurus site's pages by language (videos/sessions/zh): no translation
                if config.layout is not None and config.layout.is_partial(summary.relpath):
                    continue  # a partial (Docusaurus's _gitlab-ci.md, _drafts/): no page, whatever it holds
                if like is None and not summary.lead and posixpath.basename(summary.relpath).partition(".")[0].lower() in INDEX_STEMS:
                    continue  # a folder's index of a heading alone, no text: nothing to write
                yield RULE.finding_span(summary, summary.id_span, _no_source(summary, locale, article_id, source, like)).with_severity(Severity.ERROR)
            continue
        original = versions[source]
        for locale, summary in sorted(versions.items()):
            if locale != source and _another_suffix_in_docusaurus(original.relpath, summary.relpath):
                yield RULE.finding_span(summary, summary.id_span, _served_as_the_source(original, summary))
        if original.state.get("draft"):
            continue  # (a draft needs no translation yet)
        missing = [locale for locale in config.required_locales if locale != source and locale not in versions]
        if missing:
            yield RULE.finding_span(
                original,
                original.id_span,
                f"{article_id} has no translation into {', '.join(missing)} (required by the configuration)",
            ).with_severity(Severity.WARNING)


RULE = Rule(
    code="KL301",
    name="missing-translation",
    severity=Severity.ERROR,
    summary="A translation without a source article, or a source article missing a required translation.",
    documentation="""\
## What it does
Reports an article in another language whose id has no article in the source locale (an
error: the source was deleted or renamed, or the id is wrong; or the article was written in
its language first, and the source language lacks it), naming the source article whose path is close where
one is (`auto-scaling` for a translation still named `autoscaling`, `chaos-engineering` for
`chaos_engineering`, `archive/safari/setup` for `safari/setup` when only that source ends so:
the section moved; a name alike but for its numbers is another event or release, as
`meetup-2007` is no `meetup-2005`), and, for the locales listed in `required_locales`, a source article that
has no translation (a warning; nothing is required unless configured). A translation that
is no page of the site is not reported: GitHub's files in `.github/`, a dumi repository's
Markdown outside the folders it serves, a MkDocs repository's outside the folders its sites
build (a translator's prompt in its language's folder); nor is a draft (`draft: true`),
which the site does not publish, nor a source that is a draft, nor on a Docusaurus site a file
or a folder whose name starts with `_` (a partial, a draft kept aside: no page), nor a folder's
index that is a heading alone (nothing to write). Nor is a post of a blog or a news
section (`_posts/2018-03-28-name.md`, `blog/2020-05-27-name.md`, `blog/news/meetup/index.md`)
whose name is close to no source's: each language's blog is its own, and a post written in one
language only is no translation. Nor is a page in a Docusaurus site's content folder under a
folder named for a language (`videos/sessions/zh` beside `videos/sessions/en`): Docusaurus keeps
translations in `i18n/`, and such folders are categories of the site's pages by language.
It also reports a Docusaurus translation named with another suffix than its source
(`i18n/zh/docusaurus-plugin-content-docs/current/intro.md` for `docs/intro.mdx`): Docusaurus
looks for a translation under its source's file name, so that one is never served and its
readers get the source's page.

## Why it matters
A translation without a source can no longer be kept up to date, and readers of a required
language who follow a link find nothing.

## Example
`zh-Hant/KB1009.md` with no `en/KB1009.md`; `zh-Hant/help/old.md` with no `en/help/old.md`:
```markdown file=zh-Hant/KB1009.md
# 舊的說明
```
```markdown file=zh-Hant/help/old.md
# 舊的說明
```

## Does not fire
`zh-Hant/KB1001.md` beside `en/KB1001.md`, a news post written in Chinese only, and a draft
whose source was deleted:
```markdown file=en/KB1001.md
# Resetting your password
```
```markdown file=zh-Hant/KB1001.md
# 重設密碼
```
```markdown file=zh-Hant/news/_posts/2024-05-01-taipei-meetup.md
# 台北聚會
```
```markdown file=zh-Hant/notes/v0-2.md
---
title: 0.2 版說明
draft: true
---
```

## Fix
None.
""",
    check_corpus=check_corpus,
)
