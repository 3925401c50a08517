from __future__ import annotations

import posixpath
from urllib.parse import unquote
from typing import Iterator

from kblint.corpus.contributed import OWN_SCRIPT, TEXT_PARAGRAPHS, TEXTS, left_wholly_as_its_source
from kblint.model.finding import Finding, Severity
from kblint.model.layout import docusaurus_translation
from kblint.formats.registry import INDEX_STEMS
from kblint.kb.linkfix import path_destination, places
from kblint.kb.identity import canonical_locale, normalize_tag
from kblint.kb.links import LOCALE_PARAMETERS, locale_in_url, without_scheme
from kblint.rules.api import Rule


def _folder_name(root: str) -> str:
    return root.rsplit("/", 1)[-1]


def rewritten(url: str, style: str, summary, wrong, right, unprefixed: str | None = None) -> str | None:
    """``url``, in the article ``summary``, pointing at ``right`` where it pointed at
    ``wrong`` (the same article in another language): a relative link as the shortest path
    to ``right``; otherwise the locale segment of its path (as the folders are named) or its
    ``lang=`` value replaced, or left out where ``right``'s language (``unprefixed``) is
    served without one."""
    if style == "relative":
        path, cut, rest = url.partition("#") if "#" in url else url.partition("?")
        tail = cut + rest
        relative = posixpath.relpath(right.relpath, posixpath.dirname(summary.relpath))
        if "." not in posixpath.basename(path.split("?", 1)[0]):
            relative = relative.rsplit(".", 1)[0]  # written without an extension: keep it so
        return path_destination(relative) + tail
    for written in dict.fromkeys([_folder_name(wrong.root), wrong.locale]):
        if not written:
            continue
        where = locale_in_url(url, written)
        if where is None:
            continue
        start, end = where
        original = url[start:end]
        in_query = any(url[:start].endswith(f"{p}=") for p in LOCALE_PARAMETERS)
        if not in_query and unprefixed == right.locale and url[start - 1 : start] == "/":
            # /zh/docs/x for the language the site serves at its root: /docs/x
            return url[:start] + url[end + 1 :] if url[end : end + 1] == "/" else url[: start - 1] + url[end:] or "/"
        if in_query or not right.root:
            replacement = right.locale.lower() if original.islower() else right.locale
        elif normalize_tag(_folder_name(right.root)) is None:
            return None  # a folder not named as a locale (source/, docs/, pages.zh/) is not in URLs
        else:
            replacement = _folder_name(right.root)
        # The rest of the URL stays as written (its escapes too); only the new segment is new.
        return url[:start] + path_destination(replacement) + url[end:]
    return None


def _a_choice_of_language(ref, own: str, references) -> bool:
    """Is ``ref`` one of a page's links to each language's version ("English | 中文", or one
    per line of a list): a link to the page, not a place on it, next to one to ``own``, this
    language's version (the link before or after it, on the next line or a few characters
    away)?"""
    if ref.fragment is not None:
        return False
    links = [other for other in references if other.kind in ("link", "related")]
    k = next((i for i, other in enumerate(links) if other is ref), None)
    if k is None:
        return False
    for other in links[max(0, k - 1) : k + 2]:
        if other is ref or other.resolved != own or other.fragment is not None:
            continue
        first, second = sorted((ref.span, other.span))
        if second.line == first.end_line + 1 or (second.line == first.end_line and second.start - first.end <= _CHOICE_GAP):
            return True
    return False


def _unprefixed(summary, config) -> str | None:
    """The locale the Hugo site of ``summary`` serves without its key in the address."""
    project = config.layout.hugo_project_of(summary.relpath) if config.layout is not None else None
    if project is None or project.unprefixed is None:
        return None
    return canonical_locale(project.unprefixed, config)


_CHOICE_GAP = 12  # characters between two links of a choice of language (" | ", " / ", "、")


def check_corpus(corpus, config) -> Iterator[Finding]:
    layout = config.layout
    for summary in corpus.checked_articles:
        dumi = layout.dumi_of(summary.relpath) if layout is not None else None
        if dumi is not None and dumi.is_partial(summary.relpath):
            continue  # a demo's description, in each language (## zh-CN, ## en-US): its links are each one's
        found = list(_wrong_links(summary, corpus, config))
        # (Asked only of an article with such links: it reads the article's text facts.)
        if found and not _an_untranslated_copy(summary, corpus, config):
            yield from found  # (a copy of its source keeps its links: untranslated-text reports it as one)


def _wrong_links(summary, corpus, config) -> Iterator[Finding]:
    """The findings of the article ``summary``'s links into another language's copy."""
    for ref in summary.references:
        if ref.kind not in ("link", "related") or ref.style in (None, "same-page"):
            continue
        target = corpus.article_at(ref.resolved)
        if target is None or target.locale == summary.locale:
            continue
        if target.id == summary.id:
            if ref.style == "article":  # a help center's address: a slip of the copy, not a choice
                yield RULE.finding_span(
                    summary, ref.span, f"link to {ref.url} leads to the {target.locale} version of this same article"
                )
            continue  # a translation of docs may point at its own original on purpose
        if posixpath.basename(target.id).lower() in INDEX_STEMS and "/" not in target.id:
            continue  # a link to another language's home page switches language on purpose
        own = corpus.by_id.get(target.id, {}).get(summary.locale)
        if own is None:
            continue  # no version in this language: the other one is the best there is
        if _a_choice_of_language(ref, own.relpath, summary.references):
            continue
        where, edited = places(ref)
        fixed = rewritten(ref.url, ref.style, summary, target, own, _unprefixed(summary, config)) if ref.url and edited is not None else None
        inferred = ""
        if fixed is None and ref.url and edited is not None and ref.style != "relative":
            fixed = docusaurus_address(ref.url, own.relpath, config)
            inferred = _INFERRED if fixed is not None else ""
        shown = fixed if fixed is not None and ref.style != "relative" else posixpath.relpath(own.relpath, posixpath.dirname(summary.relpath))
        yield RULE.finding_span(
            summary,
            where,
            f"link to {ref.url} leads to the {target.locale} version of {target.id}; this {summary.locale} article has its own: {shown}",
            replacement=fixed,
            fix_description=f"link to the {summary.locale} version",
            edit_span=edited,
            unsafe_reason=_anchor_elsewhere(ref, own) or (_SHOWN if ref.shows_url else "") or inferred,
        )


# Why the fix is unsafe where the link's text writes the address the fix would change (a page
# that shows how to link: "an absolute path - /zh/guide/start"): text and link would disagree.
_SHOWN = "the link's text writes the address too: change both, or neither"


_INFERRED = "the address in this language is made the way Docusaurus makes it (its locale after the site's base): check that the site builds this locale"


def docusaurus_address(url: str, own_path: str, config) -> str | None:
    """``url``, an address of a Docusaurus site's own page in its default language (served
    without a locale: ``https://example.org/docs/x``), as the same page's address in the
    language whose translation is at ``own_path`` (``i18n/zh-CN/…``): its locale's name after
    the site's base (``https://example.org/zh-CN/docs/x``). None for another address."""
    site = config.layout.routes.site_url if config.layout is not None else None
    translated = docusaurus_translation(own_path)
    if site is None or translated is None:
        return None
    scheme, separator, _ = url.partition("://")
    if not separator or scheme.lower() not in ("http", "https"):
        return None
    bare, wanted = without_scheme(url), without_scheme(site)  # (and without www.)
    if not bare.lower().startswith(wanted.lower()):
        return None
    cut = len(url) - len(bare) + len(wanted)
    after = url[cut:]
    if not after.strip("/") or canonical_locale(after.split("/", 1)[0], config) is not None:
        return None  # the home page, or an address that names a locale already
    return f"{url[:cut]}{translated[1]}/{after}"


def _an_untranslated_copy(summary, corpus, config) -> bool:
    """Is ``summary`` a copy of its source not yet translated: nine tenths of its paragraphs or
    more identical to the source's, or, in a script other than the source's, not one span of
    prose in its own (an English page in the Chinese tree, copied before the source last
    changed)? Its links are its source's, as its text is. (A page half translated sends its
    readers to the other language's pages from its translated lines too: its links are
    reported.)"""
    if summary.locale == config.source_locale:
        return False
    original = corpus.by_id.get(summary.id, {}).get(config.source_locale)
    return original is not None and (summary.fact(OWN_SCRIPT) == 0 or left_wholly_as_its_source(original, summary))


def _anchor_elsewhere(ref, own) -> str:
    """Why the fix is unsafe: the link names an anchor that the article's own version may not
    have (its translated headings make ids of their own); "" when it has it, or none is named."""
    if not ref.fragment or unquote(ref.fragment) in own.anchors or ref.fragment in own.anchors:
        return ""
    return f"#{ref.fragment} may not be an anchor of the {own.locale} version (its headings are translated)"


RULE = Rule(
    code="KL108",
    name="wrong-locale-link",
    severity=Severity.WARNING,
    summary="A link into another language's copy of an article that exists in the article's own language.",
    documentation="""\
## What it does
Reports a link from an article in one language to another language's copy of an article
(a path into `/en/`, `../../en/help/x.md`, a `?lang=en` URL of the site) when that article
also exists in the linking article's own language. A link from a translation to its own
original is left alone (but for a help center's `/hc/{locale}/articles/{id}` address, where a
link to the same article in another language is a slip of the copy), as is a link to an
article that has no version in this language, a link to another language's home page
(`/zh-tw/`: a language switch), and one right beside a link (a few characters away, or on the next line) to the page's
version in the article's own language (a choice of language: "English | 中文"). A dumi component's demo descriptions are written in every
language at once (`## zh-CN`, `## en-US`): their links are not checked for it. Nor are those of
a copy of its source not yet translated (nine tenths of its paragraphs or more identical to
the source's, or, in a script other than the source's, no prose in its own): its links are
the source's as its text is, and untranslated-text reports it.

## Why it matters
Translations are often made by copying the source, links included. Readers who chose their
language are then sent back to English halfway through, although the page they need is
translated.

## Example
```markdown file=zh-Hant/help/setup.md
# 設定

請參閱[安裝步驟](../../en/help/install.md)。
```
```markdown file=zh-Hant/help/install.md
# 安裝
```
```markdown file=en/help/install.md
# Installing
```

## Does not fire
```markdown file=zh-Hant/help/setup.md
# 設定

請參閱[安裝步驟](install.md)與[英文原文](../../en/help/setup.md)。
```
```markdown file=zh-Hant/help/install.md
# 安裝
```
```markdown file=en/help/install.md
# Installing
```
```markdown file=en/help/setup.md
# Setting up
```

## Fix
Safe: a relative link becomes the path to the article's own version; in a site path or URL,
the locale segment (or the `lang=` value) is replaced by the article's own, or left out where
the site serves that language without one (a Hugo site's default language: `/zh/docs/x`
becomes `/docs/x` unless `defaultContentLanguageInSubdir`). Unsafe when the
link names an anchor that the article's own version does not have (its headings are
translated, and so may be their ids), or when the link's text writes the address itself (a
page that shows how to link: the text and the link would disagree). A reference link's
destination is rewritten in its definition; a character that would end the destination (a
space, an unbalanced parenthesis) is percent-encoded.

## Fixed
What `kblint --fix` makes of the example:
```markdown file=zh-Hant/help/setup.md
# 設定

請參閱[安裝步驟](install.md)。
```
""",
    fix="safe",
    check_corpus=check_corpus,
    facts=(TEXTS, TEXT_PARAGRAPHS, OWN_SCRIPT),  # whether a translation is a copy of its source
)
