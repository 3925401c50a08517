from __future__ import annotations

import difflib
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterator, NamedTuple

from kblint.corpus.corpus import ARTICLE_KINDS
from kblint.lang.facts import ANY_ALERT, shortcuts_in, without_placeholder_words
from kblint.lang.untranslated import FUNCTION_WORDS, script_of
from kblint.model.finding import Finding, Severity
from kblint.kb.links import LOCALE_PARAMETERS
from kblint.model.patterns import AN_EMAIL_ADDRESS, lazy_pattern
from kblint.corpus.behind import how_far_behind
from kblint.formats.registry import HTML, INDEX_STEMS
from kblint.rules.api import Rule
from kblint.lang.phrases import is_phrase, phrase_in, unpacked_prose
from kblint.corpus.codekey import TRANSLATED_TEXT, code_key, code_without_text, either_key, holds_letters_past_latin, key_parts, without_registry_hosts
from kblint.corpus.summary import as_span
from kblint.corpus.contributed import (
    CODE_BLOCKS, CODE_TEXT, END_SPAN, TEXT_BEFORE_HEADINGS, EXTERNAL_URLS, FOREIGN, HAND_STEPS, HEADING_COUNT, TITLE_HEADING, LATIN_PROSE, SOURCE_PROSE, LINKED_STEPS, LIST_ITEMS, PROSE_PLACES, QUOTED, STEP_LISTS, STEPS, PARAGRAPHS, TEXTS,
    TRANSLATION_FACTS,
)  # fmt: skip
from kblint.model.location import Span

# A locale in a URL: a path segment (/en-us/, /zh-tw/, a last /zh-cn) or a lang=/locale=/hl=
# parameter. A region alone names a locale's copy of a site too (helpx.example.com/tw/).
_URL_LOCALE = lazy_pattern(
    r"(?<=/)[a-z]{2}(?:[-_][a-z]{2,4}){0,2}(?=[/?#]|$)|[?&](?:" + "|".join((*LOCALE_PARAMETERS, "language")) + r")=[^&#]*", re.IGNORECASE
)
_REGIONS = frozenset({"cn", "tw", "hk", "mo", "sg"})
_HTML_PAGE = HTML.suffixes[0]  # .html


def _targets(summary) -> set[str]:
    """The articles ``summary`` refers to, by identity: a link to /help/x.md in a zh-Hant
    article and in its en source are the same target."""
    return {r.target for r in summary.references if r.kind in ARTICLE_KINDS and r.target is not None and r.target != summary.id}


def _is_locale_name(text: str) -> bool:
    from kblint.kb.identity import COUNTRY_NAMES, normalize_tag

    folded = text.lower()  # (a country written for its language, /jp/ or /kr/, names one too)
    return folded in _REGIONS or folded in COUNTRY_NAMES or normalize_tag(text.replace("_", "-")) is not None


def _site_without_locale(url: str) -> str:
    """``url`` without a www or locale label in its site's name (zh-hant.example.dev,
    cn.example.org, v2.cn.example.org): the labels before the last two."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    end = len(rest)
    for stop in "/?#:":
        at = rest.find(stop)
        if at >= 0:
            end = min(end, at)
    labels = rest[:end].split(".")
    if len(labels) < 3:
        return url
    kept = [label for label in labels[:-2] if not (label.lower() == "www" or _is_locale_name(label))] + labels[-2:]
    return scheme + sep + ".".join(kept) + rest[end:]


# A Chinese page named as its English one with its locale at the end of its address (a dumi
# site's /components/button-cn for /components/button).
_LOCALE_AT_THE_END = lazy_pattern(r"(?<=[a-z0-9])[-_](?:cn|tw|hk|zh(?:[-_](?:cn|tw|hk|hans|hant))?)(?=/?(?:[?#]|$))", re.IGNORECASE)


# Sites that answer under two names: a translation made before a rename keeps the old one.
_SITE_ALIASES_TO = {"twitter.com": "x.com", "www.twitter.com": "x.com", "mobile.twitter.com": "x.com"}
_SITE_ALIASES = lazy_pattern(r"https://(" + "|".join(map(re.escape, _SITE_ALIASES_TO)) + r")(?=[/?#]|$)", re.IGNORECASE)


# The names reserved for examples (RFC 2606) stand for any site: one is the other.
_EXAMPLE_SITE = lazy_pattern(r"://(?:www\.)?example\.(?:com|org|net)(?=[/:?#]|$)", re.IGNORECASE)


# A file or folder of a repository on GitHub or GitLab at a commit or its main branch:
# blob/main/x.md and blob/25f0275…/x.md?from_branch=main (a link checker's pinning) are one.
_REPOSITORY_REF = lazy_pattern(
    r"^(https?://(?:github\.com|gitlab\.com)/[^/?#]+/[^/?#]+(?:/-)?/(?:blob|tree))/(?:main|master|[0-9a-f]{40})(?=/)([^?#]*)(?:\?from_branch=[\w.-]+)?",
    re.IGNORECASE,
)


def _pinned(url: str) -> str:
    """``url`` with a repository's file at its main branch or at a commit written one way."""
    if "/blob/" not in url and "/tree/" not in url:
        return url
    return _REPOSITORY_REF.sub(lambda m: f"{m.group(1)}/@{m.group(2)}", url)


@lru_cache(maxsize=65536)  # an article and each of its translations name the same URLs
def _url_key(url: str) -> str:
    """A URL without the locale it names, so that a translation's link to the page in its
    own language (/zh-tw/docs/x, ?lang=zh-Hant, zh-hant.example.com) is the source's link
    (/docs/x, /en-us/docs/x, example.com), and without a last slash."""

    def replace(m: re.Match[str]) -> str:
        text = m.group(0)
        if text[0] in "?&":
            name, _, value = text[1:].partition("=")
            if name.lower() == "language" and not _is_locale_name(value):
                return text  # a programming language's (?language=objc), not the reader's
            return text[0]
        return "\x00" if _is_locale_name(text) else text

    url = _site_without_locale(url)
    if url.startswith("http://"):
        url = "https://" + url[len("http://") :]  # one page, whichever scheme
    url = _SITE_ALIASES.sub(lambda m: "https://" + _SITE_ALIASES_TO[m.group(1).lower()], url)
    if url[:14].lower() == "https://x.com/":
        url = url.lower()  # an account's name is one whatever its case
    url, hash_sign, fragment = url.partition("#")
    if hash_sign and url.endswith("/") and not url.endswith("://"):
        url = url[:-1]  # /set-up-git/#a is /set-up-git#a
    if url.endswith(_HTML_PAGE) and url.count("/") > 3:
        url = url[: -len(_HTML_PAGE)]  # a page a site serves at its clean address too (/api/x.html is /api/x)
    url = _EXAMPLE_SITE.sub("://example.com", url)
    url = _pinned(url)
    url = _LOCALE_AT_THE_END.sub("", url)  # /components/button-cn/: /components/button/ in Chinese
    key = _URL_LOCALE.sub(replace, url).replace("/\x00", "") + hash_sign + fragment.lower()
    key = re.sub(r"[?&]+(?=#|$)", "", key.replace("?&", "?").replace("&&", "&"))
    return key[:-1] if key.endswith("/") and not key.endswith("://") else key


def _external(summary) -> dict[str, tuple[str, object]]:
    """The external URLs of ``summary`` by key (see _url_key): (URL, place)."""
    found: dict[str, tuple[str, object]] = {}
    urls = summary.fact(EXTERNAL_URLS)
    # (An address of the site's own that names one of its pages is a reference to that page.)
    pages = {ref.url for ref in summary.references if ref.target is not None and ref.url and "://" in ref.url} if urls else set()
    for url, span in urls:
        if not _A_TEMPLATE.match(url) and url not in pages:
            found.setdefault(_url_key(url), (url, span))
    return found


# A URL that is a template to fill in, no address: its port a word (http://node1:port/api,
# https://{host}:{port}/), which a translation may write as text.
_A_TEMPLATE = re.compile(r"[a-z][\w+.-]*://[^/@\s]*:[^\d/\s]", re.IGNORECASE)


def _url_tail(key: str) -> str:
    """What stays when a site or an organization renames itself: the last two path segments,
    the query and the fragment (github.com/facebook/react/pull/123 and
    github.com/react/react/pull/123 are one change)."""
    rest = key.split("://", 1)[-1]
    path, _, fragment = rest.partition("#")
    segments = [s for s in path.split("/")[1:] if s]
    return "/".join(segments[-2:]) + "#" + fragment if segments else key


def _translated(text: str) -> bool:
    return "%" in text or not text.isascii()


def _site(key: str) -> str:
    scheme, _, rest = key.partition("://")
    return scheme + "://" + rest.split("/", 1)[0]


def _same_page_other_anchor(missing: list[str], extra: list[str]) -> tuple[list[str], list[str]]:
    """``missing`` and ``extra`` URL keys less the pairs that name one page: the
    translation's at its translated heading's anchor (#%E4%BD%BF%E7%94%A8 for #usage), with
    an anchor where the source has none or none where it has one, or by its translated name on
    the same site (wiki/%E8%B7%A8… for wiki/Cross-site_scripting)."""
    by_page: dict[str, list[str]] = {}
    by_site: dict[str, list[str]] = {}
    for key in extra:
        page, _, fragment = key.partition("#")
        if _translated(fragment) or not fragment:
            by_page.setdefault(page, []).append(key)
        if _translated(page):
            by_site.setdefault(_site(key), []).append(key)

    def candidates(key: str) -> list[str]:
        page = key.partition("#")[0]
        if "#" not in key:  # the translation links to a section of the page the source links to
            by_page.setdefault(page, []).extend(c for c in extra if c.startswith(page + "#"))
        return by_page.get(page, []) + by_site.get(_site(key), [])

    return _pair_off(missing, extra, candidates)


def _pair_off(missing: list[str], extra: list[str], candidates: Callable[[str], list[str]]) -> tuple[list[str], list[str]]:
    """``missing`` and ``extra`` URL keys less the pairs ``candidates`` finds: each missing key
    takes the first of its candidates that no key before it took."""
    still_missing, matched = [], set()
    for key in missing:
        found = next((c for c in candidates(key) if c not in matched), None)
        if found is None:
            still_missing.append(key)
        else:
            matched.add(found)
    return still_missing, [key for key in extra if key not in matched]


def _path(key: str) -> str:
    return key.partition("://")[2].partition("/")[2]


# Country domains a project's localized mirror is found under (vite-docs.ru for vite.dev):
# none that is also a common domain of its own (.io, .co, .to, .la).
_COUNTRY_SITES = frozenset("ru de fr es it cn tw kr jp br pl ua tr vn nl cz".split())


def _same_path_on_a_localized_site(missing: list[str], extra: list[str], urls: dict) -> tuple[list[str], list[str]]:
    """``missing`` and ``extra`` URL keys less the pairs of one path where the translation's
    site names a locale (cn.vitejs.dev/guide/ for vite.dev/guide/) or lies under a country's
    domain (vite-docs.ru/guide/): a site's localized mirror, whose name may differ from the
    source's (its first three letters are the same)."""
    localized: dict[str, list[str]] = {}
    for key in extra:
        url = urls[key][0]
        host = url.split("://", 1)[-1].split("/", 1)[0]
        if _site_without_locale(url) != url and not host.startswith("www.") or host.rpartition(".")[2].lower() in _COUNTRY_SITES:
            localized.setdefault(_path(key).partition("#")[0], []).append(key)

    def name(key: str) -> str:  # the site's name, from its first label: vite, vitejs
        return key.partition("://")[2].split("/", 1)[0].split(".")[0][:3]

    # (The mirror's anchors are its own: its headings are translated, or slugged otherwise.)
    return _pair_off(missing, extra, lambda key: [c for c in localized.get(_path(key).partition("#")[0], []) if name(c) == name(key)])


def _names_a_locale(url: str) -> bool:
    return any(_is_locale_name(m.group(0).lstrip("?&").partition("=")[2] or m.group(0)) for m in _URL_LOCALE.finditer(url))


def _same_page_in_the_locale(missing: list[str], extra: list[str], urls: dict) -> tuple[list[str], list[str]]:
    """``missing`` and ``extra`` URL keys less the pairs where the translation links, on the same
    site (any of its hosts), to a page of its locale with the same last name (developer.example.
    org/zh-CN/docs/Web/Reference/Elements/script for /en-US/docs/Web/Element/script): the site's
    page in the reader's language, wherever the site files it now."""
    by_name: dict[tuple[str, str], list[str]] = {}
    for key in extra:
        if _names_a_locale(urls[key][0]):
            by_name.setdefault((_domain(key), _last_name(key)), []).append(key)
    return _pair_off(missing, extra, lambda key: by_name.get((_domain(key), _last_name(key)), []) if _last_name(key) else [])


def _same_page_without_query(missing: list[str], extra: list[str]) -> tuple[list[str], list[str]]:
    """``missing`` and ``extra`` URL keys less the pairs of one page where one of them adds a
    query (issues/new and issues/new?template=bug_report.yml open the same form)."""

    def page(key: str) -> str:
        address, hash_sign, fragment = key.partition("#")
        return address.partition("?")[0] + hash_sign + fragment

    by_page: dict[str, list[str]] = {}
    for key in extra:
        by_page.setdefault(page(key), []).append(key)
    return _pair_off(missing, extra, lambda key: [c for c in by_page.get(page(key), []) if ("?" in c) != ("?" in key)])


def _last_name(key: str) -> str:
    """The page's own name, in lower case (a site may file it as animationevent or AnimationEvent)."""
    return _path(key).partition("#")[0].partition("?")[0].rstrip("/").rsplit("/", 1)[-1].lower()


def _domain(key: str) -> str:
    """The site's name less its first labels: help.example.com and docs.example.com are one site."""
    return ".".join(_site(key).partition("://")[2].split(".")[-2:])


_PAGE_SUFFIX = lazy_pattern(r"(?:/index)?(?:\.html?|\.mdx?)?/?$", re.IGNORECASE)


def _article_named(key: str, targets: set[str], addressed: "dict[str, str] | None" = None) -> str | None:
    """The article of ``targets`` whose page the URL ``key`` names (https://site.example/api/
    helper.html for api/helper, or the page the translation links to at /api/helper, whatever
    its file's name: ``addressed``): a translation that links to its own copy of a page the
    source links to by its address on the site."""
    path = _page_address(_path(key))
    if not path:
        return None
    if addressed and path in addressed:
        return addressed[path]
    # The page of that path, else of another version of the docs (the current docs' address
    # from a version's copy) or its folder's index (_page_key), else one whose path ends so;
    # in the same order whatever the set's.
    ordered = sorted(targets)
    return (
        next((t for t in ordered if path == t), None)
        or next((t for t in ordered if path == _page_key(t)), None)
        or next((t for t in ordered if "/" in t and path.endswith("/" + t)), None)
        # (A page of the current version's folder, docs/en/latest/plugins/x.md, which the site
        # serves without it: /docs/<product>/plugins/x/.)
        or next((t for t in ordered if t.startswith(_CURRENT_VERSION) and path.endswith("/" + t.partition("/")[2])), None)
    )


_CURRENT_VERSION = ("latest/", "current/")  # a folder of the docs' current version


def _page_address(path: str) -> str:
    """A site path without its query, fragment, slashes at its ends and page suffix."""
    return _PAGE_SUFFIX.sub("", path.partition("#")[0].partition("?")[0]).strip("/")


def _addressed(summary) -> dict[str, str]:
    """What ``summary`` links to by a root-absolute address (/blog/launch/), by that address
    (see _page_address): the source may give the same address with its site's name. An
    article by its identity; a page the site makes (/blog/, its list of posts) by its address."""
    found = {}
    for r in summary.references:
        if r.kind == "link" and r.url and r.url.startswith("/") and not r.url.startswith("//"):
            address = _page_address(r.url)
            if address:
                found[address] = r.target if r.target is not None else address
    return found


def _written_out(url: str, codes: list[str], lowered_text: str) -> bool:
    """Does the translation write ``url`` as one of its code spans ``codes`` or in its text
    (``lowered_text``, in lower case), the source's link to https://echo.example.org as
    `https://echo.example.org`?"""
    bare = url.rstrip("/")
    return any(code.rstrip("/") == bare for code in codes) or (len(bare) > 12 and bare.lower() in lowered_text)


class _Links(NamedTuple):
    """The external URLs of a pair (by key, see _url_key) and the articles the translation
    references: computed once a pair, read by _site_pages and _url_differences."""

    source: dict[str, tuple[str, object]]
    translation: dict[str, tuple[str, object]]
    targets: set[str]  # the translation's
    addressed: dict[str, str]  # the translation's targets by the root-absolute address it links them at

    @classmethod
    def of(cls, original, translation) -> "_Links":
        return cls(_external(original), _external(translation), _targets(translation), _addressed(translation))


def _url_differences(
    links: _Links, translation, where: str, missing_out: list["Missing"], placer: "_Placer", original, written: tuple[list[str], str]
) -> Iterator[Finding]:
    """The source's external URLs missing from the translation: each paired with the
    translation's URL that differs from it only in site or organization where there is one,
    reported at that URL (many such changes are one finding), or else with the translation's
    URL where the source's belongs (an old address of the link); the others are added to
    ``missing_out``. A URL the translation writes as code or as text (``written``: its code
    spans and its prose in Latin letters) is not missing, nor one where the translation links
    a page of its own instead (``_own_pages_instead``)."""
    source_locale = original.locale
    urls_a, urls_b = links.source, links.translation
    missing_keys, extra_keys = _same_page_other_anchor(sorted(set(urls_a) - set(urls_b)), sorted(set(urls_b) - set(urls_a)))
    missing_keys, extra_keys = _same_path_on_a_localized_site(missing_keys, extra_keys, urls_b)
    missing_keys, extra_keys = _same_page_in_the_locale(missing_keys, extra_keys, urls_b)
    missing_keys, extra_keys = _same_page_without_query(missing_keys, extra_keys)
    missing = [urls_a[key] for key in missing_keys if _article_named(key, links.targets, links.addressed) is None]
    own = source_locale.split("-")[0].lower()
    if own != translation.locale.split("-")[0].lower() and script_of(source_locale) != "Latin":
        # A page in the source's language, in a script the translation's readers may not
        # read (zh.wikipedia.org, a README.zh-CN.md), is for the source's readers: the
        # translation may link its own readers' or none. (A page in English, or another
        # language in Latin letters, is one many readers of a translation still read.)
        missing = [item for item in missing if own not in _url_languages(item[0])]
    missing = [item for item in missing if not _switches_to_the_translation(item[0], translation)]
    if missing and (written[0] or written[1]):
        codes, lowered = written[0], written[1].lower()  # (once for the pair)
        missing = [item for item in missing if not _written_out(item[0], codes, lowered)]
    if not missing:
        return
    extra: dict[str, list[tuple[str, object]]] = {}
    for key in extra_keys:
        extra.setdefault(_url_tail(key), []).append(urls_b[key])
    changed, gone = [], []
    for url, at in missing:
        candidates = extra.get(_url_tail(_url_key(url)))
        if candidates:
            changed.append((url, candidates.pop(0)))
        else:
            gone.append((url, at))
    changed.sort(key=lambda pair: as_span(pair[1][1]).start)  # in the translation's order
    if len(changed) > 1:  # most often one rename of a site or an organization, many times
        first_was, (first_now, first_at) = changed[0]
        yield RULE.finding_span(
            translation,
            as_span(first_at),
            f"{len(changed)} URLs differ from the source's ({where}), from this one on: {first_now} is {first_was} in the source",
        )
    else:
        for was, (now, at) in changed:
            yield RULE.finding_span(translation, as_span(at), f"the URL {now} here is {was} in the source ({where})")
    left = [item for items in extra.values() for item in items]
    gone = _own_pages_instead(gone, original, translation, placer, {as_span(span).line for _, span in urls_b.values()})
    for was, (now, at) in _in_place(gone, left, placer):
        yield RULE.finding_span(translation, as_span(at), f"the URL {now} here is {was} in the source ({where})")
    missing_out.extend(Missing("url", url, as_span(at), url) for url, at in gone)


def _own_pages_instead(gone: list, original, translation, placer: "_Placer", url_lines: set[int]) -> list:
    """``gone`` (the source's URLs the translation lacks, with their places) less those whose
    place in the translation links a page of the knowledge base that the source links
    nowhere near (OWN_PAGE_LINES), and no outside page (``url_lines``: the lines of the
    translation's URLs): the translation's own page on the subject, in its readers'
    language, in place of the source's outside one (the site's section on a component's
    methods for the framework's guide to refs)."""
    own = {}
    for ref in translation.references:
        if ref.kind == "link" and ref.target and ref.target != translation.id:
            own.setdefault(as_span(ref.span).line, []).append(ref.target)
    if not own:
        return gone
    near: dict[str, list[int]] = {}
    for ref in original.references:
        if ref.target:
            near.setdefault(ref.target, []).append(as_span(ref.span).line)
    kept = []
    for url, at in gone:
        line = placer.place(at).line if placer.confident(at) else None
        source_line = as_span(at).line
        instead = [t for t in own.get(line, ()) if all(abs(n - source_line) > OWN_PAGE_LINES for n in near.get(t, ()))] if line not in url_lines else []
        if not instead:
            kept.append((url, at))
    return kept


OWN_PAGE_LINES = 5  # a page the source links this near the URL is the source's own link, kept


def _switches_to_the_translation(url: str, translation) -> bool:
    """Is ``url`` the source's link to this very page in the translation's language (a
    README's "English | 简体中文" line: README.zh-CN.md on GitHub)? The translation does not
    link itself; it links back to the source instead."""
    if translation.locale.split("-")[0].lower() not in _url_languages(url):
        return False
    name = url.split("#", 1)[0].split("?", 1)[0].rstrip("/").rpartition("/")[2]
    stem = _LOCALE_IN_A_NAME.sub("", name.rpartition(".")[0] or name)
    return bool(stem) and stem.lower() == translation.relpath.rpartition("/")[2].split(".", 1)[0].lower()


def _url_languages(url: str) -> set[str]:
    """The languages a URL names: in its site's name (zh.wikipedia.org), a path segment or a
    query (/zh-cn/, ?hl=zh-TW) or a file's name (README.zh-CN.md), as language codes (zh)."""
    from kblint.kb.identity import COUNTRY_NAMES, normalize_tag

    host = url.partition("://")[2].split("/", 1)[0].split(":", 1)[0]
    named = [label for label in host.split(".")[:-2] if _is_locale_name(label)]
    named += [m.group(0).lstrip("?&").partition("=")[2] or m.group(0) for m in _URL_LOCALE.finditer(url)]
    named += [m.group(0)[1:] for m in _LOCALE_IN_A_NAME.finditer(url)]
    languages = set()
    for name in named:
        # (A country written for its language: /jp/ for Japanese, /kr/ for Korean.)
        name = COUNTRY_NAMES.get(name.lower(), name)
        tag = "zh" if name.lower() in _REGIONS else normalize_tag(name.replace("_", "-"))
        if tag:
            languages.add(tag.split("-")[0].lower())
    return languages


_LOCALE_IN_A_NAME = lazy_pattern(r"[-_.](?:zh|ja|ko)(?:[-_](?:cn|tw|hk|hans|hant))?(?=[/.?#]|$)", re.IGNORECASE)


def _url_name_words(url: str) -> set[str]:
    """The last word of what a URL names (its last path segment, and its anchor), or its
    site's name when it has no path (pnpm.io, pnpm.js.org: pnpm). An old address of a link
    shares one with the new (substack/minimist and minimistjs/minimist); a link to a sibling
    does not (hexo-renderer-haml and hexo-renderer-pug)."""
    rest = url.partition("://")[2]
    host, _, path = rest.partition("/")
    path, _, fragment = path.partition("#")
    name = re.sub(r"\.(?:html?|mdx?|php)$", "", path.partition("?")[0].rstrip("/").rsplit("/", 1)[-1])
    if not name:
        labels = [label for label in host.split(".") if label.casefold() != "www"]
        name = labels[0] if labels else host
    last = [_NAME_WORD.findall(part.casefold())[-1:] for part in (name, fragment)]
    return {w for words in last for w in words if w not in _SMALL_WORDS}


def _in_place(gone: list, extra: list, placer: "_Placer") -> list:
    """(source's URL, (translation's URL, place)) of each URL of ``gone`` for which the
    translation has an old address of that link where it belongs (see _url_name_words); taken
    out of ``gone``, as is a URL whose place holds a link in the reader's language (a
    reference page in it, the translation team's own copy: /zh-CN/, docs-zh-cn): localized."""
    pairs, kept, used = [], [], set()
    for url, at in gone:
        line = placer.place(at).line if placer.confident(at) else None
        there = [e for e in extra if id(e) not in used and abs(as_span(e[1]).line - line) <= 1] if line is not None else []
        localized = next((e for e in there if _names_a_locale(e[0]) or _LOCALE_IN_A_NAME.search(e[0])), None)
        words = _url_name_words(url)
        older = next((e for e in there if words & _url_name_words(e[0])), None)
        older = older or next((e for e in there if _one_slip_apart(url, e[0])), None)
        if localized is not None:
            used.add(id(localized))
        elif older is not None:
            used.add(id(older))
            pairs.append((url, older))
        else:
            kept.append((url, at))
    gone[:] = kept
    return pairs


def _one_slip_apart(url: str, other: str) -> bool:
    """Do two URLs differ only in their last segment (or, with no path, their site's name), by
    a character or two (…/pull/6736 and …/pull/673, a number cut short or mistyped;
    vitejs.dev and vite.dev)?"""
    head, _, last = url.rstrip("/").rpartition("/")
    other_head, _, other_last = other.rstrip("/").rpartition("/")
    if head != other_head or not last or not other_last or last == other_last:
        return False
    return abs(len(last) - len(other_last)) <= 2 and difflib.SequenceMatcher(None, last, other_last).ratio() >= 0.75


class _Placer:
    """Where in a translation a fact missing from it belongs: at the translation's block that
    corresponds to the source's block holding it. Blocks correspond through what both
    articles share once each (a number, a code span, a URL, a reference), headings and code
    blocks when both have as many; a missing fact is placed as far after the nearest shared
    one before it as it lies in the source, on the nearest line of the translation that
    holds something known (a line the translation's places name). Made only for a pair with
    a missing fact."""

    def __init__(self, corpus, original, translation) -> None:
        self.articles = (corpus, original, translation)
        self.pairs: list[tuple[int, Span]] | None = None
        self.known: list[Span] = []
        self.lines: list[int] | None = []  # of the known places
        self.heading_lines: tuple[set[int], set[int]] = (set(), set())  # the source's, the translation's
        self.text_lines: frozenset[int] = frozenset()  # where the translation's prose spans start
        self.fallback = translation.id_span

    def _prepare(self) -> None:
        corpus, original, translation = self.articles
        self.pairs = sorted(_shared_places(corpus, original, translation), key=lambda pair: pair[0])
        known = [span for _, span in _places(corpus, translation)]
        known += [as_span(ref.span) for ref in translation.references]
        known += [as_span(span) for span in [place for _, place in translation.fact(STEP_LISTS)[:1]] + [translation.title_span] if span is not None]
        known += [as_span(span) for span in translation.fact(FOREIGN)]
        known += [as_span(item[1]) for item in translation.fact(TEXTS) if isinstance(item, (list, tuple))]
        known += [as_span(span) for _, span in translation.headings]
        known += [as_span(span) for _, span in translation.fact(CODE_BLOCKS)]
        # A paragraph's start where nothing else is known on its line (a description with no
        # number, code or link of its own): the fact it lacks is reported on its very line.
        known_lines = {span.line for span in known if span is not None}
        known += [Span(at, at, line, column, line, column) for at, line, column in translation.fact(PROSE_PLACES) if line not in known_lines]
        # (Of places that start together, the longest first: a paragraph left in the source's
        # language, not its first sentence, is where a fact of it is missing.)
        self.known = sorted((span for span in known if span is not None), key=lambda span: (span.start, -span.end))
        lines = [span.line for span in self.known]
        # Places of one file in file order are in line order too; should they not be, the
        # nearest is searched for one by one.
        self.lines = lines if all(a <= b for a, b in zip(lines, lines[1:])) else None
        self.heading_lines = ({as_span(span).line for _, span in original.headings}, {as_span(span).line for _, span in translation.headings})
        self.text_lines = frozenset(line for _, line, _ in translation.fact(PROSE_PLACES))

    def shared(self) -> list[tuple[int, Span]]:
        """(source line, translation place) of what both articles hold (see _shared_places)."""
        if self.pairs is None:
            self._prepare()
        return self.pairs

    def confident(self, at) -> bool:
        """Is the place for ``at`` known rather than guessed: something both articles share
        lies near it in the source? Far from all of it (an outdated section), a fact of the
        translation found there is not the one the source's became."""
        line, shared = as_span(at).line, self.shared()
        # Nothing shared at all: a short pair whose lines correspond, as in place() below.
        return not shared or any(abs(source_line - line) <= CONFIDENT_LINES for source_line, _ in shared)

    def place(self, at) -> Span:
        """The place in the translation for the source's place ``at``."""
        if self.pairs is None:
            self._prepare()
        line = as_span(at).line
        if not self.known:
            return self.fallback
        before = [pair for pair in self.pairs if pair[0] <= line]
        after = [pair for pair in self.pairs if pair[0] > line]
        if not self.pairs:
            wanted = line  # nothing shared: translations mostly keep their source's lines
        elif before:
            source_line, anchor = before[-1]
            wanted = anchor.line + line - source_line
        else:
            source_line, anchor = after[0]
            wanted = max(1, anchor.line - (source_line - line))
        if after and before:
            wanted = min(wanted, max(anchor.line, after[0][1].line - 1))  # not past the next shared block
        end = self.articles[2].fact(END_SPAN)
        if before and not after and end is not None and wanted > self.known[-1].line:
            # After the last place both share, past all the translation holds: its end is where
            # the source's last part is missing (a section the translation never got).
            return as_span(end)
        found = self._nearest(wanted)
        since = before[-1][0] if before else 0  # the source's line of the shared place it follows
        if found.line > wanted and found.line in self.heading_lines[1] and not any(since < h <= line for h in self.heading_lines[0]):
            return self._text_before(wanted, before[-1][1].line if before else None) or found
        return found

    def _text_before(self, wanted: int, since: int | None) -> Span | None:
        """The known place nearest before ``wanted`` on a line where the translation's text
        starts, from the line of the shared place before it (``since``; else past the title):
        a heading after the line wanted starts the next section, and a fact of the source's
        text in the section of the place it follows belongs to the text before that heading.
        None where no text lies between (a paragraph the translation never got: its place is
        that heading)."""
        if since is None:
            title = self.articles[2].title_span
            since = as_span(title).line + 1 if title is not None else 1  # (the title: no place for text)
        earlier = [span for span in self.known if since <= span.line <= wanted and span.line in self.text_lines]
        return min(earlier, key=lambda span: (wanted - span.line, span.start)) if earlier else None

    def _nearest(self, wanted: int) -> Span:
        """The known place whose line is nearest ``wanted``: the one after it on a tie, the
        first on its line (``known`` is in file order, so its lines are too)."""
        lines = self.lines
        if lines is None:
            return min(self.known, key=lambda span: (abs(span.line - wanted), span.line < wanted, span.start))
        after = bisect_left(lines, wanted)
        if after == len(lines) or (after > 0 and wanted - lines[after - 1] < lines[after] - wanted):
            return self.known[bisect_left(lines, lines[after - 1])]
        return self.known[after]


def _places(corpus, summary) -> list[tuple[tuple[str, str], Span]]:
    """((kind, value), place) of what an article holds that its translations keep."""
    found = [((kind, value), as_span(span)) for kind, value, span in summary.fact(TRANSLATION_FACTS)]
    found += [(("url", _url_key(url)), as_span(span)) for url, span in summary.fact(EXTERNAL_URLS)]
    for ref in summary.references:
        if ref.kind == "image" and _names_a_file(ref.url):
            found.append((("image", _image_key(corpus, summary, ref)), as_span(ref.span)))
        elif ref.kind in ARTICLE_KINDS and ref.target is not None:
            found.append((("article", ref.target), as_span(ref.span)))
    return found


def _shared_places(corpus, original, translation) -> Iterator[tuple[int, Span]]:
    """(source line, translation place) of what both articles hold once each, and of their
    headings and code blocks when both have as many."""
    places_a, places_b = _places(corpus, original), _places(corpus, translation)
    count_a, count_b = Counter(key for key, _ in places_a), Counter(key for key, _ in places_b)
    in_translation = {key: span for key, span in places_b if count_b[key] == 1}
    for key, span in places_a:
        if count_a[key] == 1 and key in in_translation:
            yield span.line, in_translation[key]
    for list_a, list_b in ((original.headings, translation.headings), (original.fact(CODE_BLOCKS), translation.fact(CODE_BLOCKS))):
        items_a, items_b = list(list_a), list(list_b)
        if len(items_a) == len(items_b):
            for (_, span_a), (_, span_b) in zip(items_a, items_b):
                yield as_span(span_a).line, as_span(span_b)
        elif list_a is original.headings:
            yield from _headings_of_one_id(original, translation)


def _headings_of_one_id(original, translation) -> Iterator[tuple[int, Span]]:
    """(source line, translation place) of the headings whose id (written, or made of Latin
    text) both articles give one heading each: where their headings differ in number (a
    section added or dropped), the others still correspond."""
    ids_a, ids_b = _heading_ids(original), _heading_ids(translation)
    count_a, count_b = Counter(ids_a), Counter(ids_b)
    spans_b = {anchor: at for anchor, (_, at) in zip(ids_b, translation.headings) if anchor is not None and count_b[anchor] == 1}
    for anchor, (_, at) in zip(ids_a, original.headings):
        if anchor is not None and count_a[anchor] == 1 and anchor in spans_b:
            yield as_span(at).line, as_span(spans_b[anchor])


def _image_key(corpus, summary, ref) -> str:
    """An image by its file under whichever locale root holds it (a translation's own copy of
    the source's image is the same image), else by its URL without a locale."""
    if ref.resolved is not None:
        for root in corpus.roots:
            if ref.resolved.startswith(root + "/"):
                return ref.resolved[len(root) + 1 :]
        return ref.resolved
    return _url_key(ref.url or "")


# How each kind of fact is named in a message.
LABELS = {
    "number": "the number",
    "code": "the code",
    "email": "the e-mail address",
    "shortcut": "the shortcut",
    "placeholder": "the placeholder",
    "admonition": "the alert",
    "heading-id": "the heading id",
    "table": "a table of",
    "image": "the image",
    "article": "the reference to",
    "url": "the URL",
}


PLURALS = {
    "number": "numbers",
    "code": "code spans",
    "email": "e-mail addresses",
    "shortcut": "shortcuts",
    "placeholder": "placeholders",
    "admonition": "alerts",
    "heading-id": "heading ids",
    "table": "tables",
    "image": "images",
    "article": "references",
    "url": "URLs",
}
GROUPED = 3  # more missing facts of one kind than this are one finding
NAMED_REACH = 3  # lines from its place where a translated span that keeps a text's names is looked for
MANY_ADDED = 10  # more facts of its own than this, in more than GROUPED places, are one finding


def _shown(kind: str, value: str) -> str:
    if kind == "admonition":
        return "(a shortcode's)" if value == ANY_ALERT else f"[!{value}]"
    if kind == "heading-id":
        return "{#" + value + "}"
    if kind == "table":
        rows, columns = value.split("×")
        return f"{rows} rows and {columns} columns"
    if kind == "code":
        return f"`{value}`"
    return value


def _link_path(url: str | None) -> str:
    return (url or "").partition("#")[0].rstrip("/")


def _facts(corpus, summary, targets_by_url: dict[str, str] | None = None) -> dict[str, list[tuple[str, object, str]]]:
    """kind -> (value, place, as shown) of what the translation must keep, in order.
    ``targets_by_url``: the source's articles by the link path that names them, for a
    translation's link written as the source's that does not resolve in its locale (/blog,
    where the translation has no blog page of its own)."""
    found: dict[str, list[tuple[str, object, str]]] = {}
    for kind, value, span in summary.fact(TRANSLATION_FACTS):
        found.setdefault(kind, []).append((value, span, _shown(kind, value)))  # span: see as_span
    for ref in summary.references:
        target = ref.target
        if target is None and targets_by_url and ref.kind in ARTICLE_KINDS:
            target = targets_by_url.get(_link_path(ref.url))
        if ref.kind == "image" and _names_a_file(ref.url):
            found.setdefault("image", []).append((_image_key(corpus, summary, ref), ref.span, ref.url or ""))
        elif ref.kind in ARTICLE_KINDS and target is not None and target != summary.id:
            found.setdefault("article", []).append((_page_key(target), ref.span, target))
    return found


# A Docusaurus version's copy of a page: versioned_docs/version-1.2/x is docs/x in another version.
_VERSION_COPY = re.compile(r"(^|/)versioned_docs/version-[^/]+/")


def _page_key(target: str) -> str:
    """The page ``target`` names whatever its version (a translation that links the current
    docs' page where its source links its own version's, by an address of the site, links the
    same) and whether its file is the folder's index (``gateway/index.md`` in one language is
    ``gateway.md`` in the other: one address)."""
    if "versioned_docs/" in target:
        target = _VERSION_COPY.sub(r"\1docs/", target)
    folder, _, name = target.rpartition("/")
    return folder if folder and name.lower() in INDEX_STEMS else target  # (Hugo's page bundle, x/index.md)


def _names_a_file(url: str | None) -> bool:
    """Does an image's URL name a file (x.png)? An element's href taken for an image source
    (<Button href="/download">) names a page."""
    path = (url or "").split("#")[0].split("?")[0].rstrip("/")
    return "." in path.rsplit("/", 1)[-1]


def _same_facts(original, translation) -> bool:
    """Do the two articles keep the same facts, images and referenced articles? (A quick
    test: when it says no, _differences finds what differs.)"""
    if [(k, v) for k, v, _ in original.fact(TRANSLATION_FACTS)] != [(k, v) for k, v, _ in translation.fact(TRANSLATION_FACTS)]:
        return False
    images = [r for r in original.references if r.kind == "image" and _names_a_file(r.url)] or [
        r for r in translation.references if r.kind == "image" and _names_a_file(r.url)
    ]
    if images:
        return False
    articles_a = {r.target for r in original.references if r.kind in ARTICLE_KINDS and r.target is not None and r.target != original.id}
    articles_b = {r.target for r in translation.references if r.kind in ARTICLE_KINDS and r.target is not None and r.target != translation.id}
    return articles_a == articles_b


def _unmatched(items: list, others: list) -> list:
    """The items left over once each is matched with an equal value among ``others``. Of a
    value written more often in ``items``, the ones left are those furthest, by line, from
    where ``others`` has it: translations mostly keep their source's lines."""
    by_value: dict[str, list] = {}
    for item in others:
        by_value.setdefault(item[0], []).append(item)
    counts = Counter(item[0] for item in items)
    left_ids: set[int] = set()
    for value, count in counts.items():
        matches = by_value.get(value, [])
        if count <= len(matches):
            continue
        pool = [item for item in items if item[0] == value]
        for other in matches:
            line = as_span(other[1]).line
            pool.remove(min(pool, key=lambda item: abs(as_span(item[1]).line - line)))
        left_ids.update(id(item) for item in pool)
    return [item for item in items if id(item) in left_ids]


def _first_of_each(items: list, counted=lambda value: False) -> list:
    """The first item of each value, and every item of a ``counted`` value."""
    seen: set[str] = set()
    kept = []
    for item in items:
        if counted(item[0]) or item[0] not in seen:
            seen.add(item[0])
            kept.append(item)
    return kept


def _is_version(value: str) -> bool:
    return "." in value


# Facts of structure: each one counts, and a missing one and an added one, in order, are one
# change (a [!WARNING] that became a [!NOTE]). So does each version (2.4.5 twice in the source
# and once in the translation: one of them was updated, or left out). Of the others, each
# value counts once: a translation that names a function or a number one time fewer,
# rephrasing, has not drifted.
STRUCTURE = ("admonition", "table", "heading-id")


def _without_prompt(code: str) -> str:
    """A command without the shell prompt before it: `$ hexo generate` is `hexo generate`."""
    return code[2:] if code.startswith(("$ ", "% ", "> ")) else code


_WORDS_IN_BRACKETS = re.compile(r"\s*[(（][^()（）]*[)）]")


def _without_words_in_brackets(code: str) -> str:
    """``code`` without what it says in brackets: `attrOrProp (可选的)` is `attrOrProp
    (optional)` with its note translated."""
    return _WORDS_IN_BRACKETS.sub("", code)


# An option or a subcommand written both ways in a cheat sheet's command: {{[-d|--decompress]}}
# is -d, and is --decompress; {{[ls|list]}} is ls and list: a translation may write either, or
# the alternation.
_OPTION_ALTERNATION = lazy_pattern(r"\{\{\[([^|\]{}]+)((?:\|[^|\]{}]+)+)\]\}\}")


def _option_aliases(codes) -> dict[str, str]:
    """Each long form of an option written as an alternation in ``codes``, with its first
    form: {"--decompress": "-d"} for {{[-d|--decompress]}}."""
    aliases: dict[str, str] = {}
    for code in codes:
        if "{{[" in code:
            for m in _OPTION_ALTERNATION.finditer(code):
                for other in m.group(2).split("|")[1:]:
                    aliases.setdefault(other, m.group(1))
    return aliases


def _command_keys(code: str, aliases: dict[str, str], syntaxes: tuple[str, ...]) -> tuple[str, str]:
    """Two ways to compare a command whatever form its options and placeholders take: its
    options in their first form and its placeholders' words left out, and its options in
    their first form and its placeholders' braces and its spaces left out (`man {{7}}` is
    `man 7`, `assoc {{.txt}}` is `assoc .{{txt}}`, `<Chat />` is `<Chat/>`)."""
    code = _OPTION_ALTERNATION.sub(lambda m: m.group(1), _without_prompt(code.strip()))
    for other, first in aliases.items():
        if other in code:
            code = re.sub(rf"(?<!\S){re.escape(other)}(?!\S)", lambda _: first, code)  # a function: the alias is text, not a template (C:\)
    return without_placeholder_words(code, syntaxes), "".join(code.replace("{{", "").replace("}}", "").split())


def _translated_code(missing: list, extra: list, syntaxes: tuple[str, ...]) -> tuple[list, list]:
    """``missing`` and ``extra`` code spans less those a translator translated rather than
    changed: a span of the translation with no Latin letter or digit (words formatted as code,
    下一个状态, are not the source's code), one whose placeholders' words are translated
    (`cp {{路径/到/文件}}` for `cp {{path/to/file}}`, see kblint.lang.facts), and one whose string
    literals or text between tags are translated (`"✅ 连接中..."` for `"✅ Connecting..."`,
    `<h1>干得漂亮！</h1>` for `<h1>Good job!</h1>`), and a cheat sheet's command that writes an
    option or a placeholder in another form (`act -v` for `act {{[-v|--verbose]}}`, `man 7` for
    `man {{7}}`), with the source's span it stands for."""
    matched: set[int] = set()
    if extra and missing:
        aliases = _option_aliases(item[0] for item in (*missing, *extra))
        waiting_by_key: dict[tuple[str, str], list] = {}
        for item in missing:
            for key in _source_keys(item[0], aliases, syntaxes):
                waiting_by_key.setdefault(key, []).append(item)
        for item in extra:
            keys = _translation_keys(item[0], aliases, syntaxes)
            if item[0].isascii():
                # Only the words of strings and square brackets: not the "code" key, which
                # takes out the text around a line's tags (a registry path before <Vendor>),
                # nor "names", which takes out a call's arguments (<Composant {...item} />).
                keys.append(("words", _quoted_words_out(item[0])))
            waiting = (
                c for key in keys for c in waiting_by_key.get(key, ())
                if key[0] not in _LOOSE or not item[0].isascii() or words_translated(c[0], item[0])
            )  # fmt: skip
            candidate = next((c for c in waiting if id(c) not in matched), None)
            if candidate is not None:
                matched.update((id(candidate), id(item)))
    missing = [m for m in missing if id(m) not in matched]
    # A span of the translation with words in its language that stands for none of the
    # source's is the translator's: code formatting of translated words, or an old version of
    # a command whose new version is reported missing (one change, one finding). Such spans
    # are kept apart by the caller, never reported.
    return missing, [e for e in extra if id(e) not in matched]


_LOOSE = ("code", "names", "words")  # keys without a code's strings' or brackets' words
_PLAIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_CODE_WORD = re.compile(r"[\w$]+")


def words_translated(source: str, translation: str) -> bool:
    """Do the words in which two code spans in Latin letters differ read as a translation of
    them (`"sayfa"|wikilink:"takma ad"` for `"page"|wikilink:"alias"`), not a change of the
    code? Not where a differing word is a name of code (camelCase, snake_case, a digit, one
    letter: `setState(x)` for `setState(5)`, `slotProps` renamed) or a near miss of the
    source's (`Asistant`, `Policie`: a typo or a slip, not another language)."""
    old = set(_CODE_WORD.findall(source))
    new = set(_CODE_WORD.findall(translation))
    gone, added = old - new, new - old
    if not added or not gone:
        return False
    if not all(_PLAIN_WORD.fullmatch(word) and len(word) > 1 and not _CAMEL.search(word) for word in gone | added):
        return False
    from difflib import SequenceMatcher

    return all(SequenceMatcher(None, word.lower(), other.lower()).ratio() < 0.8 for word in added for other in gone)


_CAMEL = re.compile(r"[a-z][A-Z]")
_QUOTED_OR_BRACKETED = re.compile(r"\"[^\"]*\"|'[^']*'|\[[^\[\]]*\]")


def _quoted_words_out(code: str) -> str:
    """``code`` without the plain words of its strings and square brackets (an example's
    value, a placeholder: `[filename].md`), which a translation may write in its language."""
    return _QUOTED_OR_BRACKETED.sub(lambda m: _PLAIN_WORD.sub("", m.group(0)), code)


def _source_keys(code: str, aliases: dict[str, str], syntaxes: tuple[str, ...]) -> list[tuple[str, str]]:
    """The ways a source's code span is compared with the translation's (see _translation_keys)."""
    written = ("written", without_placeholder_words(without_registry_hosts(_without_prompt(code)), syntaxes))
    words = ("words", _quoted_words_out(code))  # (only a translation's span in Latin letters asks)
    return [*_command_key_pairs(code, aliases, syntaxes), written, *_translated_text_keys(code, syntaxes), words, *_words_key(code)]


def _translation_keys(code: str, aliases: dict[str, str], syntaxes: tuple[str, ...]) -> list[tuple[str, str]]:
    """The ways a translation's code span may stand for a source's: as written (ASCII), or
    with its text translated (strings, text between tags, words in brackets, a message's
    words around its values), or as the same command in another form."""
    if code.isascii():
        keys = [("written", without_placeholder_words(without_registry_hosts(_without_prompt(code)), syntaxes)), *_words_key(code)]
    else:
        keys = _translated_text_keys(code, syntaxes)
    return keys + _command_key_pairs(code, aliases, syntaxes)


_PLAIN_WORDS = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)+")


def _words_key(code: str) -> list[tuple[str, str]]:
    """A span of plain words (`end user`, a label set as code) with its first letter in
    either case: a translation whose sentence starts with it capitalizes it (`End user`)."""
    return [("plain words", code[0].lower() + code[1:])] if _PLAIN_WORDS.fullmatch(code) else []


def _command_key_pairs(code: str, aliases: dict[str, str], syntaxes: tuple[str, ...]) -> list[tuple[str, str]]:
    return [("command", key) for key in _command_keys(code, aliases, syntaxes)]


def _translated_text_keys(code: str, syntaxes: tuple[str, ...]) -> list[tuple[str, str]]:
    """Keys that stay the same when the text inside code is translated: the code without its
    strings' and tags' text, without words in brackets, and a message's values."""
    keys = [("code", _code_key(code, syntaxes)), ("names", _without_words_in_brackets(code))]
    prose = _prose_key(code)
    return keys + [("prose", prose)] if prose else keys


_FULL_WIDTH_MARKS = str.maketrans("：；，（）！？", ":;,()!?")


def _code_key(code: str, syntaxes: tuple[str, ...]) -> str:
    """Code without its strings' and tags' text, its spaces, and full-width marks as ASCII:
    `{on ? '开'：'关'}` is `{on ? 'On' : 'Off'}`."""
    return "".join(without_placeholder_words(code_without_text(code), syntaxes).translate(_FULL_WIDTH_MARKS).split())


_VALUE = lazy_pattern(r"[a-z][a-z0-9+.-]*://\S+|\"[^\"]*\"|'[^']*'|(?<!\w)\d[\d.,:]*")
_THREE_WORDS = re.compile(r"[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}")


def _prose_key(code: str) -> str:
    """A message set as code (`✅ Connecting to "general" at https://localhost:1234...`): its
    values (URLs, quoted names, numbers), which a translation of its words keeps;
    empty for a span that is not a sentence with values."""
    if "{{" in code or (code.isascii() and not _THREE_WORDS.search(code)):
        return ""
    values = _VALUE.findall(code)
    if not any(value[0] in "\"'" or "://" in value for value in values):
        return ""  # numbers alone say too little
    return "\x00".join(sorted(values))  # a translation may put them in another order


# A code span that is one word or name (`stdin`, `dist/`, `double()`): translators write it as
# plain text, quote it (“brew”) or translate it (标准输入) as often as they keep it as code, and
# the source may set in code a word the translation writes plainly. Commands, options, calls,
# ids and versions are compared.
# A name, a file or a path (/etc/limits.conf); with a digit it is an id or a version: compared.
_ONE_NAME = re.compile(r"<?[A-Za-z_$./~][A-Za-z_$./~-]*(?:\(\))?>?")
_SIGNED_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")
_ONE_STRING = re.compile(r"'[^']*'|\"[^\"]*\"")  # a source's string: its words may be translated


def _word_or_number_in_code(kind: str, items: list, others: list, other_code: list, missing: bool = True) -> list:
    """``items`` less, for code, the spans of one word, name or address (or, of the source's
    ``missing`` spans, string), and, for numbers, addresses, shortcuts and placeholders, those
    written in the other article's code (9:30 in a command of the source, in prose here)."""
    if kind == "code":

        def is_name(code: str) -> bool:
            return (
                _ONE_NAME.fullmatch(code) is not None
                or AN_EMAIL_ADDRESS.fullmatch(code) is not None
                or (missing and _ONE_STRING.fullmatch(code) is not None)
                or _SIGNED_NUMBER.fullmatch(code) is not None  # `0`, `-1`: a number, compared as one
                or (len(code) <= 3 and not any(c.isalnum() for c in code))  # `{`, `()`: a mark, not a command
            )

        return [item for item in items if not is_name(item[0])]
    if kind == "number" and other_code:
        return [item for item in items if not _number_in_code(item[0], other_code)]
    if kind == "email" and other_code:
        return [item for item in items if not any(item[0] in code.casefold() for code in other_code)]
    if kind == "placeholder" and other_code:  # $\{PATH\} in MDX prose, `${PATH}` as code
        # (Not <name> outside code: a renderer that passes HTML on takes it for a tag and
        # shows nothing of it.)
        return [item for item in items if item[2].startswith("<") or not any(item[2] in code for code in other_code)]
    if kind == "shortcut" and other_code:  # Ctrl/Cmd+P in prose, `Ctrl/Cmd + P` as code
        written = {key for code in other_code for key in shortcuts_in(code)}
        return [item for item in items if item[0] not in written]
    return items


def _written_here(translation, codes: list[str], facts: dict, block_text: str) -> tuple[list[str], str]:
    """Where a translation may write a URL of its source for its readers: its code spans and
    the images it shows (``<img src="…">`` where the source links it), then its text in Latin
    letters and its code blocks' (a ``curl`` command)."""
    shown = [value for value, _, _ in facts.get("image", [])]
    return [*codes, *shown], "\n".join(filter(None, (translation.fact(LATIN_PROSE), block_text)))


def _in_code_text(item: "Missing", text: str, kinds: tuple[str, ...] = ("number", "code")) -> bool:
    """Is the number or the code ``item`` (of ``kinds``) written in the code blocks' ``text``?
    A number there stands alone (9411 of port=9411, not 80 of 8080:80 nor 16 of 13:18:16); a
    code span of one token is one of the text's, one of several words a whole line of it."""
    if not text or item.kind not in kinds:
        return False
    if item.kind == "number":
        return item.value in text and re.search(rf"(?<![\d.:]){re.escape(item.value)}(?![\d:])", text) is not None
    code = item.value.strip()
    if len(code) < 3 or code not in text:
        return False
    if any(ch.isspace() for ch in code):
        return any(_without_prompt(line.strip()) == code for line in text.split("\n") if code in line)
    return re.search(rf"(?<![\w.-]){re.escape(code)}(?![\w-])", text) is not None


def _number_in_code(number: str, code: list) -> bool:
    """Is ``number`` written in one of the spans ``code`` as a number of its own (not a part of
    a longer one)? Asked of the spans that hold its digits only: a pattern a number."""
    holding = [span for span in code if number in span]
    if not holding:
        return False
    alone = re.compile(rf"(?<![\d.]){re.escape(number)}(?![\d])")
    return any(alone.search(span) for span in holding)


_VERSION_IN = re.compile(r"\d+(?:\.\d+)*")  # a version, or a number of two digits or more
_SHORT_BUNDLE = re.compile(r"-[A-Za-z]{2,}")
_BARE_OPTION_ALTERNATION = lazy_pattern(r"\{\{(-[^|{}\[\]\s]+(?:\|-[^|{}\[\]\s]+)+)\}\}")
_WINDOWS_SWITCH = re.compile(r"/[A-Za-z](?::\S*)?")
_LONG_WITH_VALUE = re.compile(r"--[A-Za-z][\w-]*=.")
_SPACE_IN_PLACEHOLDER = re.compile(r"\{\{[^{}\[]*\}\}")  # {{path1 path2 ...}}: one word


@lru_cache(maxsize=8192)  # a source's commands are compared with each of its translations'
def _words(code: str) -> tuple[str, ...]:
    """A command's words, an alternation as its first form: `docker {{[diff|container diff]}} x`
    is docker, diff, x."""
    code = _BARE_OPTION_ALTERNATION.sub(r"{{[\1]}}", _without_prompt(code.strip()))  # {{-f|--force}} is {{[-f|--force]}}
    code = _OPTION_ALTERNATION.sub(lambda m: m.group(1).split()[0], code)
    # A placeholder of several words is one word: its spaces become NULs (str.split splits on
    # NBSP); a long option's value after "=" is a word of its own (--duration=10 is --duration 10).
    code = _SPACE_IN_PLACEHOLDER.sub(lambda m: m.group(0).replace(" ", "\x00"), code)
    return tuple(part for word in code.split() for part in (word.split("=", 1) if _LONG_WITH_VALUE.match(word) else [word]))


def _same_words(a: list[str], b: list[str], syntaxes: tuple[str, ...]) -> bool:
    """Are two commands one, written otherwise: a placeholder for a plain word (`z {{foo}}` is
    `z string`), a bundle of short options for the options one by one or for as many long
    ones (`aura -Syu` is `aura --sync --refresh --sysupgrade`), with or without sudo, their
    options and arguments in another order?"""
    a, b = _without_sudo(a), _without_sudo(b)
    if a and b and a[0] == b[0]:
        if _sorted_one_by_one(tuple(a)) == _sorted_one_by_one(tuple(b)):
            return True
        lists = any("..." in w or "…" in w for w in a + b if w.startswith("{{"))  # {{a b ...}}: a list of arguments
        if lists and _one_by_one(a, merged=True) == _one_by_one(b, merged=True):
            return True
    if len(a) != len(b):
        for one, other in ((a, b), (b, a)):
            bundles = [k for k, word in enumerate(one) if _SHORT_BUNDLE.fullmatch(word)]
            if len(bundles) == 1:
                k, width = bundles[0], len(one[bundles[0]]) - 1
                if one[:k] + one[k + 1 :] == other[:k] + other[k + width :] and all(w.startswith("--") for w in other[k : k + width]):
                    return True
        return False
    if not a or a[0] != b[0]:
        return False

    def placeholder(word: str) -> bool:  # a whole placeholder (`{{name}}`), not a word with one in it
        return without_placeholder_words(word, syntaxes) in syntaxes and not word.startswith("{{[")

    for x, y in zip(a[1:], b[1:]):
        if x != y and not ((placeholder(x) and not y.startswith("-")) or (placeholder(y) and not x.startswith("-"))):
            return False
    return True


_A_FEW_PLAIN_WORDS = re.compile(r"[A-Za-z]+(?: [A-Za-z]+){1,3}")
# Labels with digits or hyphens, or of five words (`115 Cloud`, `Non-backup files`, `Aria2 RPC
# link`): told apart from the others only where the translation has labels enough for both.
_A_LABEL_WITH_DIGITS = re.compile(r"(?=[^A-Za-z]*[A-Za-z]{2})[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?: [A-Za-z0-9]+(?:-[A-Za-z0-9]+)*){1,4}")
# A label in a translation's words: letters (some of another script than Latin), digits,
# spaces and hyphens, no mark of code (`分享链接ID`, `115云盘`). (In Latin letters a span with
# an accent tells no translation: `café`, `Zürich` are names of code too.)
_A_TRANSLATED_LABEL = re.compile(r"[^\W_]+(?:[ -][^\W_]+)*")


def _words_translated_as_code(missing: list, translation_code: list) -> list:
    """``missing`` less the spans of a few plain words (`cleanup function`) where the
    translation sets as many spans of translated words as code (`清理函数`): a label, not code."""
    plain = [item for item in missing if _A_FEW_PLAIN_WORDS.fullmatch(item[0])]
    more = [item for item in missing if item not in plain and _A_LABEL_WITH_DIGITS.fullmatch(item[0])]
    if not plain and not more:
        return missing
    words = {word.casefold() for item in plain + more for word in _LATIN_RUN.findall(item[0])}
    labels = [c for c in translation_code if _translated_words(c) or _a_translated_label(c, words)]
    translated = len(labels) + _translated_but_a_name(plain, [c for c in translation_code if c not in labels])
    if translated < len(plain):
        return missing
    if translated < len(plain) + len(more):
        more = []
    return [item for item in missing if item not in plain and item not in more]


def _a_translated_label(text: str, words: set[str]) -> bool:
    """Is ``text`` a label in words of another script than Latin, whose Latin words (a name it
    keeps: `分享链接ID`, `HTTP 监听器`) are among ``words``, those of the source's labels? (`SRGF
    数据格式` for `UIGF data format` names another format.)"""
    if text.isascii() or _A_TRANSLATED_LABEL.fullmatch(text) is None or not any(ch.isalpha() and ord(ch) > 0x24F for ch in text):
        return False
    return all(word.casefold() in words for word in _LATIN_RUN.findall(text))


_LATIN_RUN = re.compile(r"[A-Za-z]+")


def _translated_but_a_name(plain: list, translation_code: list) -> int:
    """How many of the code spans of plain words ``plain`` the translation sets as code
    translated but for a name (`Dapr 代理服务` for `Dapr Proxy Service`, `HTTP 触发器` for `HTTP
    trigger`): words alone, some of another script than Latin (`třídu Meta` for `class Meta`
    is a word of code translated), the others words of that span."""
    count = 0
    candidates = [c for c in translation_code if _WORDS_ALONE.fullmatch(c) and any(ord(ch) > 0x24F for ch in c)]
    for item in plain:
        words = {word.casefold() for word in item[0].split()}
        for c in candidates:
            latin = [w.casefold() for w in c.split() if w.isascii()]
            if latin and len(latin) < len(words) and all(w in words for w in latin):
                candidates.remove(c)
                count += 1
                break
    return count


# Words and the spaces between them, nothing else: no placeholder, option or path.
_WORDS_ALONE = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")


def _translated_words(text: str) -> bool:
    """Is ``text`` words of another script only (`清理函数`, “状态检查失败”), no Latin letter or digit?"""
    return any(ch.isalpha() and not ch.isascii() for ch in text) and not any(ch.isascii() and ch.isalnum() for ch in text)


def _words_translated_in_quotes(missing: list, quoted: list[str], translation_code: list[str], latin: str) -> list:
    """``missing`` less its code of a few plain words (`status check fails`) where the
    translation sets as many translated phrases in quotes (“状态检查失败”) and writes none of
    those words anywhere (a command's name, `brew` of `brew install git`, stays in a
    translation that drops the command): a term the source marks as code and the translation
    as a term, translated."""
    plain = [item for item in missing if item.kind == "code" and _A_FEW_PLAIN_WORDS.fullmatch(item.value)]
    if not plain or sum(1 for q in quoted if _translated_words(q)) < len(plain):
        return missing
    written = {word.casefold() for text in (*translation_code, latin) for word in _LATIN_WORD.findall(text)}
    translated = [item for item in plain if not any(word.casefold() in written for word in item.value.split())]
    return [item for item in missing if item not in translated] if len(translated) == len(plain) else missing


_LATIN_WORD = re.compile(r"[A-Za-z]+")


def _same_keys(a: str, b: str) -> bool:
    return "+" in a and "+" in b and "".join(a.split()).casefold() == "".join(b.split()).casefold()


def _without_sudo(words: list[str]) -> list[str]:
    return words[1:] if words[:1] == ["sudo"] else words


@lru_cache(maxsize=4096)
def _sorted_one_by_one(words: tuple[str, ...]) -> tuple[str, ...]:
    # Cached: a translation's missing commands are each compared with each of its added ones.
    return tuple(sorted(_one_by_one(list(words))))


def _one_by_one(words: list[str], merged: bool = False) -> list[str]:
    """``words`` with each bundle of short options as the options (`-Gp` is `-G -p`) and each
    placeholder of words (``merged``: each run of them) as one mark (a number in braces stays:
    `{{60}}` is not `{{30}}`)."""
    out: list[str] = []
    for word in words:
        if word.startswith("/{{") and word.endswith("}}"):
            word = word[1:]  # /{{path/to/x}} is {{/path/to/x}}
        if _WINDOWS_SWITCH.fullmatch(word):
            out.append(word.lower())  # dir /A is dir /a: Windows reads its switches in any case
        elif word.startswith("{{") and word.endswith("}}") and word[2:-2].isdigit():
            out.append(word[2:-2])  # {{10}}: the number 10, as the translation may write it
        elif _SHORT_BUNDLE.fullmatch(word):
            out.extend("-" + letter for letter in word[1:])
        elif word.startswith("{{") and word.endswith("}}") and not word.startswith("{{[") and not word[2:-2].isdigit():
            if not merged or out[-1:] != ["{{}}"]:  # merged: {{/dev/sda}} {{/dev/sdb}} is {{/dev/sdX /dev/sdY ...}}
                out.append("{{}}")
        else:
            out.append(word)
    return out


def _same_command(missing: list, extra: list, syntaxes: tuple[str, ...]) -> tuple[list, list]:
    """``missing`` and ``extra`` less the pairs that are one command written otherwise (see
    _same_words), an option in either of its forms (`--data` for `{{[-d|--data]}}`), and a key
    combination in another case or spacing (`Ctrl + Shift + P` for `CTRL+SHIFT+P`)."""
    if not (missing and extra):
        return missing, extra
    aliases = _option_aliases(item[0] for item in (*missing, *extra))

    def words(code: str) -> list[str]:
        return [aliases.get(word, word) for word in _words(code)]

    extra_words = {id(e): words(e[0]) for e in extra}
    used: set[int] = set()
    kept = []
    for item in missing:
        own = words(item[0])
        match = next(
            (e for e in extra if id(e) not in used and (_same_words(own, extra_words[id(e)], syntaxes) or _same_keys(item[0], e[0]))), None
        )
        if match is None:
            kept.append(item)
        else:
            used.add(id(match))
    return kept, [e for e in extra if id(e) not in used]


def _made_of_source_words(extra: list, source_code: list, missing: list) -> list:
    """``extra`` less the commands every word of which is a word of the source's code: `docker
    diff` where the source has `docker {{[diff|container diff]}} {{container}}` is not new.
    One that may be a ``missing`` command changed stays (see _changed_values)."""
    known = {word for code in source_code for word in re.split(r"[\s|\[\]{}]+", code) if word}
    compact = {"".join(code.split()) for code in source_code}  # `<App />` is `<App/>`

    def known_words(code: str) -> bool:
        key, colon, value = code.partition(":")
        if colon and key.strip() in known and " " not in key.strip():
            return True  # `render_drafts: true` where the source names `render_drafts`
        return "".join(code.split()) in compact or all(word in known for word in _without_prompt(code.strip()).split())

    def may_be_changed(code: str) -> bool:  # a command of a name, like one reported missing
        return bool(_command_name(code)) and any(_related_commands(code, m[0]) for m in missing)

    return [item for item in extra if not known_words(item[0]) or may_be_changed(item[0])]


def _core(code: str) -> str:
    """A code span without the marks around what it names: `exclude:` is `exclude`, `$ npm i`
    is `npm i`, `v7.0.0+` is `v7.0.0`, `"use strict"` is `use strict`."""
    return code.strip().removeprefix("$ ").strip("+:^~*,;\"'“”‘’")  # case kept: './Button.js' is not './button.js'


def _in_code_blocks(missing: list, extra: list, blocks: tuple[frozenset, frozenset]) -> tuple[list, list]:
    """``missing`` and ``extra`` code spans less those the other article writes as a code block
    of their own (`cargo add x` in the text here, a ```sh block of one line in the source)."""
    source_blocks, blocks_here = blocks
    if blocks_here:
        missing = [item for item in missing if code_key(item[0]) not in blocks_here]
    if source_blocks:
        extra = [item for item in extra if code_key(item[0]) not in source_blocks]
    return missing, extra


def _written_otherwise(missing: list, extra: list, translation_code: list, numbers: frozenset) -> tuple[list, list]:
    """``missing`` and ``extra`` code spans less those the translation writes another way: without
    the marks around (`exclude:` as `exclude`), in other quotes (`type="number"`, see
    _alike_quotes), inside a longer command that ends with it
    (`version` as `hexo version`), or a version written in its prose (`v7.0.0+` as "v7.0.0 以上",
    `hexo^6.1.0` as "Hexo 6.1.0 及以上")."""
    cores = {_core(c) for c in translation_code}
    quoted_alike = {_alike_quotes(c) for c in cores if "'" in c or '"' in c}
    ends = {c.rsplit(" ", 1)[-1] for c in translation_code if " " in c.strip()}
    kept, used = [], set()
    for item in missing:
        core = _core(item[0])
        versions = [v for v in _VERSION_IN.findall(item[0]) if len(v) > 1]
        if core in cores or (" " not in core and core in ends):
            used.add(core)
            continue
        if quoted_alike and _alike_quotes(core) in quoted_alike:
            used.add(_alike_quotes(core))  # (the translation's span, as the extra ones are read)
            continue
        if versions and all(v in numbers for v in versions) and len(core) <= len(versions[0]) + 12:
            continue
        kept.append(item)
    return kept, [e for e in extra if _core(e[0]) not in used and _alike_quotes(_core(e[0])) not in used and _core(e[0]).rsplit(" ", 1)[-1] not in used]


def _marked_otherwise(missing: list, extra: list) -> tuple[list, list]:
    """``missing`` and ``extra`` code spans less the pairs that differ in marks alone: a field's
    path with or without its leading dot (`.spec.replicas`), a placeholder in angle brackets or
    not, or in another case (`<revision-name>`, `<Revision-Name>`, `revision-name`), a
    duration with its unit written out or short (`12 seconds`, `12s`), a host with its scheme
    or without (`http://localhost:3000`, `localhost:3000`)."""
    offered = Counter(_unmarked(value) for value, _, _ in extra)
    kept, taken = [], Counter()
    for item in missing:
        key = _unmarked(item[0])
        if offered[key] > taken[key]:
            taken[key] += 1
        else:
            kept.append(item)
    kept_extra = []
    for item in extra:
        key = _unmarked(item[0])
        if taken[key] > 0:
            taken[key] -= 1
        else:
            kept_extra.append(item)
    return kept, kept_extra


_PLACEHOLDER_IN_BRACKETS = re.compile(r"<([\w.-]+)>")


def _alike_quotes(code: str) -> str:
    """``code`` with its strings' double quotes as single ones (`type="number"` is
    `type='number'`, the writer's style), unless a shell would expand a variable in them."""
    return code.replace('"', "'") if '"' in code and "$" not in code else code


def _unmarked(code: str) -> str:
    """``code`` as _marked_otherwise compares it: its core, without a leading dot, each of its
    placeholders in lower case and out of its angle brackets, a duration in its short unit, a
    host without its scheme. (Quotes of another style are matched before, by
    _written_otherwise.)"""
    core = _core(code).lstrip(".")
    if core.startswith(("http://", "https://")) and "/" not in core.partition("//")[2].rstrip("/"):
        core = core.partition("//")[2].rstrip("/")  # a host alone, with its scheme or not: `localhost:3000`
    if core[:1].isdigit() and (duration := _DURATION.fullmatch(core)) is not None:
        return duration.group(1) + _SHORT_UNITS[duration.group(2).casefold()]
    return _PLACEHOLDER_IN_BRACKETS.sub(lambda m: m.group(1).casefold(), core) if "<" in core else core


# A duration, its unit written out or short: `12 seconds`, `12s`, `500 ms`, `5 min`.
_SHORT_UNITS = {
    **dict.fromkeys(("ms", "millisecond", "milliseconds"), "ms"),
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds"), "s"),
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes"), "m"),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), "h"),
    **dict.fromkeys(("d", "day", "days"), "d"),
}
_DURATION = re.compile(r"(\d+(?:\.\d+)?) ?(" + "|".join(sorted(_SHORT_UNITS, key=len, reverse=True)) + r")", re.IGNORECASE)


_ADDRESS_NUMBER = re.compile(r"(?<=[/=#-])\d+(?=[/?#&.]|$)")


def _numbers_in_addresses(missing: list["Missing"], urls: dict[str, tuple[str, object]]) -> list["Missing"]:
    """``missing`` less the numbers the translation gives as a part of an address it shows
    (the source's "[#5330](…/pull/5330)", written as the bare address): a pull request's,
    an issue's number, there for its readers."""
    numbers = {n for url, _ in urls.values() for n in _ADDRESS_NUMBER.findall(url)}
    return [item for item in missing if item.kind != "number" or item.value.lstrip("#") not in numbers]


def _versions_glued_to_names(missing: list["Missing"], latin_prose: str) -> list["Missing"]:
    """``missing`` less the versions and numbers the other article writes glued to the name
    they number (the source's "Llama 3.1", "python 3.10", "Top 10" as Llama3.1, python3.10,
    Top10), which no number is read from: a name's letters run into it."""
    if not latin_prose:
        return missing
    glued: dict[str, int] = {}  # a version's glued occurrences, each standing for one missing
    kept = []
    for item in missing:
        value = str(item.value)
        if item.kind == "number" and ("." in value or (value.isdigit() and len(value) >= 2)):
            if value not in glued:
                # (after a name's letter; "v7.0.0" is read as a number already)
                glued[value] = len(re.findall(rf"(?<=[A-UW-Za-uw-z]){re.escape(value)}(?![\d])", latin_prose))
            if glued[value] > 0:
                glued[value] -= 1
                continue
        kept.append(item)
    return kept


def _written_as_text(missing: list["Missing"], latin_prose: str) -> list["Missing"]:
    """``missing`` less the code spans the other article writes in its prose as plain text
    (the source's `linux/amd64` as linux/amd64): its readers have it; only its type changed."""
    if not latin_prose:
        return missing
    kept = []
    for item in missing:
        core = _core(item.value) if item.kind == "code" else ""
        # (A phrase in any case: "YurtHub server" for `YurtHub Server`, a sentence's first word;
        # spaced otherwise before a bracket: `listof (T)` as listof(T).)
        flags = re.IGNORECASE if " " in core else 0
        pattern = re.escape(core).replace(r"\ \(", r"\ ?\(")
        if len(core) > 2 and re.search(r"(?<![\w/.-])" + pattern + r"(?![\w/-])", latin_prose, flags):
            continue
        kept.append(item)
    return kept


def _phrased_as_words(extra: list["Missing"], missing: list["Missing"], source_prose: str) -> list["Missing"]:
    """``extra`` less the code spans of words alone (`etcd cluster`, `502 Bad Gateway`) that the
    source writes in its sentences as plain words (``source_prose``, see kblint.lang.phrases):
    a translator set them as code for its readers; nothing was added. Not a line that opens
    with one (an example to run, `exercism workspace`), nor one that shares a word with a code
    span of the source missing here (`Performance Collector` for `Performance Collectors`: one
    changed, said as such)."""
    candidates = [item for item in extra if item.kind == "code" and as_span(item.at).column > 1 and is_phrase(_core(item.value))]
    if not candidates or not source_prose:
        return extra
    prose = unpacked_prose(source_prose)
    changed = {word for item in missing if item.kind == "code" for word in item.value.casefold().split()}
    left_out = {
        id(item) for item in candidates if phrase_in(_core(item.value), prose) and not changed.intersection(item.value.casefold().split())
    }
    return [item for item in extra if id(item) not in left_out]


def _split_into_codes(missing: list["Missing"], codes: frozenset[str], placed: list) -> list["Missing"]:
    """``missing`` less the code spans that list names (`seal / unseal / rekey`, `GET,
    POST`) the other article sets as a code span each: the same names, marked one by one;
    and those whose words the other sets as a span each on one line of its own (`--clusters
    m1,m2` as `--clusters` … `m1,m2`, `dev.lazy: true` as `dev.lazy` … `true`). ``placed``:
    the other's code spans, (value, place, _)."""
    kept = []
    lines_of: dict[str, set[int]] | None = None
    for item in missing:
        value = item.value.strip("`") if item.kind == "code" else ""
        parts = _LISTED_NAMES.split(value) if value else []
        if len(parts) >= 2 and all(_A_NAME.fullmatch(part) and part in codes for part in parts):
            continue
        words = _SPAN_WORDS.split(value.strip()) if value else []
        if len(words) >= 2 and all(word in codes for word in words):
            if lines_of is None:
                lines_of = {}
                for code, place, _ in placed:
                    lines_of.setdefault(code, set()).add(as_span(place).line)
            if set.intersection(*(lines_of.get(word, set()) for word in words)):
                continue
        kept.append(item)
    return kept


_SPAN_WORDS = re.compile(r"\s*[:=]\s+|\s+")  # a span's words, and a setting's name from its value


def _linked_instead(missing: list["Missing"], urls: dict[str, tuple[str, object]]) -> list["Missing"]:
    """``missing`` less the URLs set as code (`https://github.com/o/r.git`) the other article
    links or writes as an address it links by itself (GitHub's autolinks): the same address."""
    linked = {url.rstrip("/") for url, _ in urls.values()}
    return [item for item in missing if item.kind != "code" or _core(item.value).rstrip("/") not in linked]


# What separates the names a code span lists: a slash, comma or "+" between spaces, or an
# enumeration comma.
_LISTED_NAMES = re.compile(r"\s*[/,+|、，]\s*")
_A_NAME = re.compile(r"[\w.$:@-]+")  # (not `cd /`, a command, nor a signature's parameters)


def _kept_by_their_latin_names(missing: list["Missing"], codes: list[str]) -> list["Missing"]:
    """``missing`` less the code spans of a Chinese, Japanese or Korean source that set its
    words as code with a name in Latin letters in brackets after them (`钩子（Hook)`,
    `前(Before)`), where the translation sets that name as code (`hooks`, `before`): the words
    are translated, the name kept."""
    kept_names = {code.strip().lower() for code in codes}
    kept = []
    for item in missing:
        named = _WORDS_THEN_NAME.fullmatch(item.value.strip()) if item.kind == "code" else None
        name = named.group(1).lower() if named is not None else None
        if name is None or (name not in kept_names and name + "s" not in kept_names):
            kept.append(item)
    return kept


# Words of the source's script, then a name in Latin letters in brackets: `切点（PointCut)`.
_WORDS_THEN_NAME = re.compile(r"[^\x00-\x7f（）]+[ \t]*[（(][ \t]*([A-Za-z][A-Za-z0-9_-]+)[ \t]*[)）]")


_WHOLE_VERSION = re.compile(r"(?:\.0+)+$")


def _number_key(value: str) -> str:
    """A number without its last zero parts, where more than one digit is left (2.0.0 stays),
    and a month written after its year without its leading zero (2023.01 is 2023.1)."""
    if _YEAR_MONTH.fullmatch(value):
        value = value[:5] + value[6:]
    whole = _WHOLE_VERSION.sub("", value)
    return whole if len(whole) > 1 else value


_YEAR_MONTH = re.compile(r"(?:19|20)\d\d\.0[1-9]")


def _differences(
    kind: str, source: list, here: list, syntaxes: tuple[str, ...], out: "_Gaps", code=((), ()), numbers: frozenset = frozenset(), blocks=(frozenset(), frozenset())
) -> None:
    """The facts of ``kind`` that went missing or were added, to ``out``, which reports them
    together with the other kinds' (a missing one and an added one at one place are a fact
    that changed). Facts match whatever their order (a translation may reorder sentences).
    ``code``: the code spans of the source and of the translation; ``blocks``: the hashes of
    their code blocks."""
    if kind == "number":  # 10.13.0 is 10.13, 12.0 is 12: compared so, shown as written
        source = [(_number_key(v), at, shown) for v, at, shown in source]
        here = [(_number_key(v), at, shown) for v, at, shown in here]
    if kind == "placeholder":
        # Placeholders whose words are translated match by their syntax alone.
        source = [(without_placeholder_words(v, syntaxes), at, shown) for v, at, shown in source]
        here = [(without_placeholder_words(v, syntaxes), at, shown) for v, at, shown in here]
    if kind == "admonition" and any(v == ANY_ALERT for v, _, _ in (*source, *here)):
        # One side writes its alerts as shortcodes, of no kind said: only their number counts.
        source = [(ANY_ALERT, at, shown) for _, at, shown in source]
        here = [(ANY_ALERT, at, shown) for _, at, shown in here]
    if kind not in STRUCTURE:
        counted = _is_version if kind == "number" else (lambda value: False)
        source, here = _first_of_each(source, counted), _first_of_each(here, counted)
    missing, extra = _unmatched(source, here), _unmatched(here, source)
    if kind == "code":
        missing, extra = _in_code_blocks(missing, extra, blocks)
        missing, extra = _same_command(missing, extra, syntaxes)
        missing = _words_translated_as_code(missing, code[1])
        missing, extra = _translated_code(missing, extra, syntaxes)
        words = [item for item in extra if not item[0].isascii()]
        extra = [item for item in extra if item[0].isascii()]
        missing, extra = _written_otherwise(missing, extra, code[1], numbers)
        if missing and extra:
            missing, extra = _marked_otherwise(missing, extra)
        extra = _made_of_source_words(extra, code[0], missing)
    elif kind == "number":  # a number the translation writes more often than its source is there
        extra = [item for item in extra if item[0] not in {value for value, _, _ in source}]
        missing, extra = _dot_grouped(missing, extra)
        if missing and extra:
            missing, extra = _shortened_versions(missing, extra, {value for value, _, _ in here})
    elif kind == "image":
        # An image the translation has in place of the source's, or adds, is its readers' (a
        # screenshot in their language, a picture of a local offer): only a lack is reported.
        missing, extra = missing[len(extra) :], []
    missing = _word_or_number_in_code(kind, missing, here, code[1])
    extra = _word_or_number_in_code(kind, extra, source, code[0], missing=False)
    out.missing.extend(Missing(kind, value, as_span(at), shown) for value, at, shown in missing)
    out.extra.extend(Missing(kind, value, as_span(at), shown) for value, at, shown in extra)
    if kind == "code":
        out.words.extend(Missing(kind, value, as_span(at), shown) for value, at, shown in words)


_DOT_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")


def _dot_grouped(missing: list, extra: list) -> tuple[list, list]:
    """``missing`` and ``extra`` numbers less those written with a dot between groups of three
    digits on one side (5.000, 150.000: German, Italian, Spanish thousands) that are the other
    side's whole number (5,000, 150K)."""
    def whole(item) -> str | None:
        return item[2].replace(".", "") if _DOT_GROUPED.fullmatch(item[2]) else None

    paired: set[int] = set()
    for side, other in ((extra, missing), (missing, extra)):
        values = {item[0]: k for k, item in enumerate(other) if id(item) not in paired}
        for item in side:
            k = values.get(whole(item)) if id(item) not in paired else None
            if k is not None and id(other[k]) not in paired:
                paired.update((id(item), id(other[k])))
    return [item for item in missing if id(item) not in paired], [item for item in extra if id(item) not in paired]


def _shortened_versions(missing: list, extra: list, written_here: set[str]) -> tuple[list, list]:
    """``missing`` and ``extra`` numbers less a version the translation shortens in one place
    (a heading's "v1.27" for the source's "v1.27.7") where it writes the whole one elsewhere
    (the paragraph under it): the reader has it."""
    extra = list(extra)
    kept = []
    for item in missing:
        if item[0] in written_here:
            k = next((i for i, other in enumerate(extra) if item[0].startswith(other[0] + ".")), None)
            if k is not None:
                extra.pop(k)
                continue
        kept.append(item)
    return kept, extra


@dataclass(frozen=True)
class Missing:
    """A fact of one article that the other lacks: its kind, its value, its place (in the
    article that has it) and how a message shows it."""

    kind: str
    value: str
    at: Span
    shown: str

    def named(self) -> str:
        return f"{LABELS[self.kind]} {self.shown}"


@dataclass
class _Gaps:
    """The facts of a pair that one side lacks, reported together: a fact that changed (a
    missing one and an added one of its kind at the same place of the translation) is one
    finding, and the facts missing from one passage of the source (between two places both
    articles share, no more than a few lines apart), or from passages placed at one place of
    the translation, are one finding, not one per fact."""

    missing: list[Missing] = field(default_factory=list)
    extra: list[Missing] = field(default_factory=list)
    # The translation's code spans with letters of a script other than Latin that stand for
    # none of the source's (words a translator set as code): never reported, but the source's
    # text set as code on their line may be what they translate (see _translated_text).
    words: list[Missing] = field(default_factory=list)
    block_text: tuple[str, str] = ("", "")  # the text of the source's and the translation's code blocks

    def report(self, translation, where: str, placer: "_Placer") -> Iterator[Finding]:
        if not (self.missing or self.extra):
            return  # nothing lacks: the places both share need not be worked out
        placed = {id(item): placer.place(item.at) for item in self.missing}
        missing, extra = _translated_labels(self.missing, self.extra, placed, translation.locale)
        missing, extra = _translated_text(missing, extra, self.words, placed)
        missing, extra = _translated_in_its_shape(missing, extra, self.words, placed)
        if script_of(translation.locale) != "Latin":
            # A sentence of the source set as code (a link's text, `Another way of writing
            # used in antd Form`) that a translation in another script writes as its words.
            missing = [m for m in missing if not (m.kind == "code" and _reads_as_a_sentence(m.value))]
            missing, extra = _plural_dropped(missing, extra)
        changed, kept, left = _changed_values(missing, extra, placed, placer)
        source_lines = [line for line, _ in placer.shared()]  # of the places both share
        shared_lines = [place.line for _, place in placer.shared()]  # the same, in the translation
        if min(len(kept), len(left)) + len(changed) > MANY_ADDED:
            # Many facts missing and many of its own: the translation holds another version
            # of the text where the source's missing passages were, and what sits at their
            # places (an old changelog's issue numbers) was not changed from them.
            changed, kept, left = [], missing, extra
        # Whether many passages are missing or added is decided before what the other side's
        # code blocks hold is set aside: a page made from another version stays one finding.
        many_missing = len(_passages(kept, source_lines)) > GROUPED
        many_added = _many_added(_spaced(left), shared_lines)
        if any(self.block_text):
            # What one side's prose writes that the other's code blocks hold (9411 of a line
            # zipkin.port=9411, a file's name, a line of a configuration) was not lost or added.
            # (The source's code spans stay missing: a translation's prose that lost a command
            # or a name its code blocks hold elsewhere may still say another one.)
            kept = [item for item in kept if not _in_code_text(item, self.block_text[1], ("number",))]
            left = [item for item in left if not _in_code_text(item, self.block_text[0])]
        groups = _passages(kept, source_lines)
        for was, now in changed:
            message = f"{LABELS[now.kind]} {now.shown} here is {was.shown} in the source ({where}, line {was.at.line})"
            yield RULE.finding_span(translation, now.at, message)
        if groups and (many_missing or len(groups) > GROUPED):
            # A translation that fell behind lacks many passages: one finding lists them.
            every = [item for group in groups for item in group]
            message = f"{len(every)} items of the source ({where}) are missing here, in {len(groups)} places: {_first_named(every)}"
            yield RULE.finding_span(translation, placed[id(every[0])], message)
            groups = []
        for group in _one_per_place(groups, placed):
            yield RULE.finding_span(translation, placed[id(group[0])], _missing_message(group, where))
        extra = _spaced(left)
        if extra and (many_added or _many_added(extra, shared_lines)):
            # A translation made from another version of its source (an old page the source
            # has since split or cut) holds many passages of its own: one finding lists them.
            added = _passages(extra, shared_lines)
            every = [item for group in added for item in group]
            message = f"{len(every)} items here are not in the source ({where}), in {len(added)} places: {_first_named(every)}"
            yield RULE.finding_span(translation, every[0].at, message)
            return
        for item in extra:
            yield RULE.finding_span(translation, item.at, f"{item.named()} is not in the source ({where})")


def _spaced(extra: list[Missing]) -> list[Missing]:
    """``extra`` less the code spans of one token (`root:`, `-w`, `"name"`): a translator's
    formatting, as often as not."""
    return [item for item in extra if item.kind != "code" or any(c.isspace() for c in item.value.strip())]


def _many_added(extra: list[Missing], shared_lines: list[int]) -> bool:
    """Does a translation hold many passages of its own (``extra``, in more places than
    GROUPED, more facts than MANY_ADDED; ``shared_lines``: its lines of the places both share)?"""
    return len(extra) > MANY_ADDED and len(_passages(extra, shared_lines)) > GROUPED


def _first_named(items: list[Missing]) -> str:
    """The first GROUPED of ``items`` named, and "…" for the rest."""
    return ", ".join(item.named() for item in items[:GROUPED]) + (", …" if len(items) > GROUPED else "")


def _plural_dropped(missing: list[Missing], extra: list[Missing]) -> tuple[list[Missing], list[Missing]]:
    """``missing`` and ``extra`` less the pairs of plain words set as code that differ in a
    plural's "s" alone (`Performance Collector` for `Performance Collectors`): a language that
    marks no plural (Chinese, Japanese, Korean) writes the name once."""
    singular = {item.value: item for item in extra if item.kind == "code" and _A_FEW_PLAIN_WORDS.fullmatch(item.value)}
    if not singular:
        return missing, extra
    paired = []
    for item in missing:
        if item.kind == "code" and item.value.endswith("s"):
            match = singular.get(item.value[:-1]) or singular.get(item.value[:-2] if item.value.endswith("es") else "")
            if match is not None and match not in paired:
                paired += [item, match]
    return [m for m in missing if m not in paired], [e for e in extra if e not in paired]


def _changed_values(missing: list[Missing], extra: list[Missing], placed: dict, placer: "_Placer") -> tuple[list, list, list]:
    """(source's fact, translation's fact) pairs of one kind where the translation holds its
    fact on the line (or next to it) where the source's missing one belongs: a number or a
    command that changed. And the missing and added facts left."""
    changed, used = [], set()
    code_lines = Counter(placed[id(item)].line for item in missing if item.kind == "code")
    extra_code_lines = Counter(e.at.line for e in extra if e.kind == "code")
    for item in missing:
        if item.kind == "url":
            continue  # URLs that changed are paired by what they name (see _url_differences)
        line = placed[id(item)].line
        if item.kind == "code" and code_lines[line] > extra_code_lines[line]:
            continue  # a passage rewritten (two commands for four): no command is "the one that changed"
        if not placer.confident(item.at):
            continue
        near = [e for e in extra if id(e) not in used and e.kind == item.kind and (abs(e.at.line - line) <= 1 or _within_table(e, item, line))]
        if item.kind == "placeholder":  # a placeholder of another syntax is another placeholder
            near = [e for e in near if _skeleton(e.value) == _skeleton(item.value)]
        elif item.kind == "code":  # a command changed keeps its name and its other words: `act -v` for `act -a`
            near = [e for e in near if _related_commands(e.value, item.value)]
        elif item.kind in ("heading-id", "article"):  # a section or page renamed keeps a word of its name
            near = [e for e in near if _name_words(e.value) & _name_words(item.value)]
        # Of several, the one written most alike: {{名稱}} for {{name}}, not <檔案>.
        match = min(near, key=lambda e: (_skeleton(e.value) != _skeleton(item.value), abs(e.at.line - line)), default=None)
        if match is not None:
            used.add(id(match))
            changed.append((item, match))
    paired = {id(was) for was, _ in changed}
    return changed, [m for m in missing if id(m) not in paired], [e for e in extra if id(e) not in used]


def _within_table(table: Missing, item: Missing, line: int) -> bool:
    """Is ``item`` a table of the source with as many columns as the translation's ``table``,
    placed on one of that table's lines or a few above it (a row added, a paragraph over more
    lines before it: the tables' places differ by those lines)?"""
    if table.kind != "table" or item.kind != "table":
        return False
    rows, columns = table.value.split("×")
    return columns == item.value.split("×")[1] and table.at.line - 3 <= line <= table.at.line + int(rows)


_TEXT_SPAN = re.compile(r"\.?[^\W\d_]+(?:(?:[ ,.!?'’:]+| > )[^\W\d_]+)+[.!?]?")  # two words or more (a menu's path: A > B), no mark of code
_ASCII_TOKEN = re.compile(r"[A-Za-z0-9]+")
_NAME_LIKE = re.compile(r"[A-Z]{2,}|.*\d|.*[a-z][A-Z]")  # an acronym, a version, a camelCase name


def _translated_text(missing: list[Missing], extra: list[Missing], words: list[Missing], placed: dict) -> tuple[list, list]:
    """``missing`` and ``extra`` less the source's text set as code (a label, an error's
    words, 开始菜单) that the translation translates, set as code on its line or next to it
    (`UIGF 数据格式` for `UIGF data format`, `TCP Local Mode (TCPL)` for `TCP 本地模式
    (TCPL)`): a span of the translation that keeps the source's names, acronyms and numbers
    (in a source's span in another script than Latin, every Latin word and number). A span of
    the source with no Latin letter or digit (`和`, `开始菜单`) is words set as code, as the
    translation's are: never missing."""
    texts = [item for item in missing if item.kind == "code" and _is_text(item.value)]
    # Spans with names first (they match surely), then the others, each to the span near it
    # with the fewest names of its own: `Custom Shell` is `Shell personnalisé`, not the
    # `iTerm > Préférences` beside it.
    texts.sort(key=lambda item: not _names_kept(item.value))
    used: set[int] = set()
    gone: set[int] = set()
    for item in texts:
        line, names = placed[id(item)].line, _names_kept(item.value)
        # (A label in English for English is no translation, unless it keeps the source's names:
        # `API HTTP` for `HTTP API` in Indonesian.)
        pool = (*extra, *words) if names or not item.value.isascii() else words
        # Names say which span it is: a few lines off its place (a place found from what both
        # articles share, a paragraph away) is near enough. Words alone: its line, or next to it.
        reach = NAMED_REACH if names else 1
        near = [e for e in pool if e.kind == "code" and id(e) not in used and abs(e.at.line - line) <= reach]
        if names:
            near = [e for e in near if names <= {t.lower() for t in _ASCII_TOKEN.findall(e.value)}]
        else:  # (words alone stand for words alone, not for a command)
            near = [e for e in near if _LABEL.fullmatch(e.value) or not e.value.isascii()]
        match = min(near, key=lambda e: len(_names_kept(e.value)), default=None)
        if match is not None:
            used.add(id(match))
        if match is not None or not _ASCII_TOKEN.search(item.value):
            gone.add(id(item))
    return [m for m in missing if id(m) not in gone], [e for e in extra if id(e) not in used]


def _translated_in_its_shape(missing: list[Missing], extra: list[Missing], words: list[Missing], placed: dict) -> tuple[list, list]:
    """``missing`` and ``extra`` less the source's code spans whose words a translation
    translates inside their marks, set as code near their place: `用户名&密码` for
    `username&password`, `个人空间/abc` for `My File/abc`, `PC-Win64位` for `PC-Win64bit`
    (the same shape once each run of words is one word, and a mark of code in it; each run
    the source's or words of another script: `gt branch create {{브랜치}}` is not `gt create
    {{branch}}`)."""
    pool = [e for e in (*extra, *words) if e.kind == "code" and holds_letters_past_latin(e.value)]
    if not pool:
        return missing, extra
    return _paired_near(missing, extra, pool, placed, NAMED_REACH, _same_shape_translated)


def _same_shape_translated(source: str, translation: str) -> bool:
    shape = _shape(source)
    return shape is not None and _shape(translation) == shape and _runs_translated(source, translation)


def _paired_near(missing: list[Missing], extra: list[Missing], pool: list[Missing], placed: dict, reach: int, fits: Callable[[str, str], bool]) -> tuple[list, list]:
    """``missing`` and ``extra`` less each code span of the source and the first span of
    ``pool`` (code, not taken yet, within ``reach`` lines of its place) that ``fits`` it."""
    used: set[int] = set()
    gone: set[int] = set()
    for item in missing:
        if item.kind != "code":
            continue
        line = placed[id(item)].line
        near = (e for e in pool if e.kind == "code" and id(e) not in used and abs(e.at.line - line) <= reach)
        match = next((e for e in near if fits(item.value, e.value)), None)
        if match is not None:
            used.add(id(match))
            gone.add(id(item))
    return [m for m in missing if id(m) not in gone], [e for e in extra if id(e) not in used]


_WORDS_RUN = re.compile(r"[^\W_]+(?: +[^\W_]+)*")


def _runs_translated(source: str, translation: str) -> bool:
    """Is each run of words of ``translation`` (a span of the same shape) the source's run
    at its place, or words of another script than Latin (the source's run translated)?"""
    pairs = zip(_WORDS_RUN.findall(source), _WORDS_RUN.findall(translation))
    return all(a == b or holds_letters_past_latin(b) for a, b in pairs)


def _shape(value: str) -> str | None:
    """A code span's marks with each run of words (and the spaces inside it) as one ``w``
    (`username & password`: `w&w`); None for a span with no mark of code between words, or
    an option (`--force`: its name is code, never translated)."""
    shape = _WORDS_RUN.sub("w", value.strip()).replace(" ", "")
    return shape if "w" in shape and shape.strip("w") and not shape.startswith("-") else None


def _reads_as_a_sentence(value: str) -> bool:
    """Is a code span a sentence of words (five or more, two of them function words such as
    "of", "the", "in"), not a command or a name (`git rebase --onto main`)?"""
    words = value.split()
    return len(words) >= 5 and _is_text(value) and sum(w.lower().strip(".,:;!?") in FUNCTION_WORDS for w in words) >= 2


def _names_kept(value: str) -> set[str]:
    """The words of a span of text that its translation keeps: every Latin word and number of
    one in another script (`TCP 本地模式 (TCPL)`), the names, acronyms and numbers of one in
    Latin letters (`UIGF data format`)."""
    foreign = not value.isascii()
    return {t.lower() for t in _ASCII_TOKEN.findall(value) if foreign or _NAME_LIKE.match(t)}


def _is_text(value: str) -> bool:
    """Is a code span words of a language: letters of another script than Latin, or words
    with no mark of code between them that read as a label or a message (`Upload Data`,
    `Run a custom command instead of my shell`), not as a command (`git status`)?"""
    if holds_letters_past_latin(value):
        return True
    value = value.strip()
    if not _TEXT_SPAN.fullmatch(value) or (_CAMEL.search(value.split()[0]) and " > " not in value):
        return False  # (`VBoxManage list vms`: a program's name first; `iTerm > Preferences`: its menu)
    return value.lstrip(".")[0].isupper() or len(value.split()) >= 4 or " > " in value


_LABEL = re.compile(r"[A-Za-z\u00c0-\u024f]+(?: (?:> )?[A-Za-z\u00c0-\u024f]+)*")  # (a menu's path: Edit > Preferences)


def _translated_labels(missing: list[Missing], extra: list[Missing], placed: dict, locale: str) -> tuple[list, list]:
    """``missing`` and ``extra`` less the labels a translation in Latin letters translates
    where the source's are (`Unggah Data` for `Upload Data`, `Contar vacaciones` for `Count
    holidays`): words set as code on its line, or next to it, in which they differ wholly
    (kblint.rules.translation_drift.words_translated): the app's own words in the reader's
    language, not a change of the code."""
    if script_of(locale) != "Latin" or locale.split("-")[0].lower() == "en" or not extra:
        return missing, extra
    return _paired_near(missing, extra, extra, placed, 1, _a_label_translated)


def _a_label_translated(source: str, translation: str) -> bool:
    """Is ``translation`` the label ``source`` in other words: both plain words, differing
    wholly where they differ, starting with another word and sharing half of the shorter
    one's words at most (`git submodule foreach git pull` for `git rm` is another command)?"""
    if not (_LABEL.fullmatch(source) and _LABEL.fullmatch(translation) and words_translated(source, translation)):
        return False
    a, b = source.lower().split(), translation.lower().split()
    return a[0] != b[0] and len(set(a) & set(b)) * 2 <= min(len(a), len(b))


_NAME_WORD = re.compile(r"[^\W_]+")
_SMALL_WORDS = frozenset({"a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "with", "is", "how", "what", "your"})


def _name_words(value: str) -> set[str]:
    """The words of a heading id's or an article's own name (the last part of its path):
    `adding-event-listeners` has adding, event, listeners."""
    name = value.rstrip("/").rsplit("/", 1)[-1].partition("#")[0]
    return {w for w in _NAME_WORD.findall(name.casefold()) if w not in _SMALL_WORDS}


def _command_name(code: str) -> str:
    """The name a command or call starts with, after a prompt and sudo: `sudo dnf clean` is
    dnf, `connect(roomId)` is connect, `{name}.tar` has none."""
    words = _without_prompt(code.strip()).split()
    if words[:1] == ["sudo"]:
        words = words[1:]
    return _LEADING_NAME.match(words[0]).group() if words else ""


_LEADING_NAME = re.compile(r"[\w.:/-]*")


def _related_commands(a: str, b: str) -> bool:
    """Is ``a`` a change of ``b``: the same name, and a word in common beyond it, or the
    same words but one (`act -v` for `act -a`, `act -j {{job}}` for `act -a {{action}}`)? `pm list
    packages -3` is not `pm uninstall {{package}}`, only beside it."""
    if _command_name(a) != _command_name(b):
        return False
    words_a, words_b = _placeholders_alike(_arguments(a)), _placeholders_alike(_arguments(b))
    if not words_a or not words_b or set(words_a) & set(words_b):
        return True
    return len(words_a) == len(words_b) == 1 and words_a[0].startswith("-") == words_b[0].startswith("-")


def _arguments(code: str) -> list[str]:
    """A command's words after its name (and a sudo before it)."""
    words = list(_words(code))
    return words[2:] if words[:1] == ["sudo"] else words[1:]


def _placeholders_alike(words: list[str]) -> list[str]:
    """``words`` with each placeholder of a cheat sheet (`{{file}}`) as `{{}}`: a command that
    keeps a placeholder where it was has a word in common with the source's."""
    return ["{{}}" if w.startswith("{{") and w.endswith("}}") and not w.startswith("{{[") else w for w in words]


def _skeleton(value: str) -> str:
    """A fact's marks without its words and digits: `{{…}}` for {{name}}, `--=` for --depth=1."""
    return re.sub(r"\w+", "", value)


PASSAGE_LINES = 8  # missing facts further apart in the source than this are two passages
CONFIDENT_LINES = 12  # a place this near to one both articles share is known, not guessed


def _passages(items: list[Missing], shared: list[int]) -> list[list[Missing]]:
    """``items`` in runs of the article that holds them: facts with no place shared by both
    articles between them (``shared``: the lines of those places in that article), each
    within PASSAGE_LINES of the one before."""
    if not items:
        return []
    shared_lines = sorted(set(shared))
    groups: list[list[Missing]] = []
    for item in sorted(items, key=lambda item: (item.at.start, item.kind)):
        if groups:
            last = groups[-1][-1].at.line
            between = bisect_right(shared_lines, item.at.line - 1) - bisect_right(shared_lines, last)
            if between == 0 and item.at.line - last <= PASSAGE_LINES:
                groups[-1].append(item)
                continue
        groups.append([item])
    return groups


def _one_per_place(groups: list[list[Missing]], placed: dict) -> list[list[Missing]]:
    """Passages placed at one place of the translation are one finding there: the parts of a
    section the translation never got, which the source spreads over more lines than a
    passage (its heading, then its links further down)."""
    merged: list[list[Missing]] = []
    for group in groups:
        if merged and placed[id(merged[-1][0])].start == placed[id(group[0])].start:
            merged[-1] = merged[-1] + group
        else:
            merged.append(group)
    return merged


def _missing_message(group: list[Missing], where: str) -> str:
    first = group[0]
    if len(group) == 1:
        return f"{first.named()} of the source ({where}, line {first.at.line}) is missing here"
    lines = f"line {first.at.line}" if group[-1].at.line == first.at.line else f"lines {first.at.line}–{group[-1].at.line}"
    one_kind = len({item.kind for item in group}) == 1
    listed = _listed([item.shown if one_kind else item.named() for item in group])
    what = PLURALS[first.kind] if one_kind else "items"
    return f"{len(group)} {what} of the source ({where}, {lines}) are missing here: {listed}"


def _listed(names: list[str]) -> str:
    """The first GROUPED of ``names``, each once with how many times it is missing (a version
    the source writes twice where the translation has none: 7.0.0 (twice))."""
    counts = Counter(names)
    distinct = list(dict.fromkeys(names))
    shown = [name if counts[name] == 1 else f"{name} ({'twice' if counts[name] == 2 else f'{counts[name]} times'})" for name in distinct[:GROUPED]]
    return ", ".join(shown) + (", …" if len(distinct) > GROUPED else "")


def _code_differences(original, translation, where: str) -> Iterator[Finding]:
    """Code blocks of the translation that are not the source's. With as many blocks on both
    sides, block n is the source's block n (so the block that changed is the one reported);
    otherwise each must be one of the source's. More than a few are one finding: the
    translation was made from another version of the source."""
    found = list(_differing_blocks(original, translation, where))
    if len(found) > GROUPED:
        first_at, first_message = found[0]
        yield RULE.finding_span(translation, first_at, f"{len(found)} code blocks differ from the source's ({where}), from this one on: {first_message}")
        return
    for at, message in found:
        yield RULE.finding_span(translation, at, message)


def _differing_in_place(blocks_a: list, blocks_b: list, where: str) -> Iterator[tuple[Span, str]]:
    """(place, message) of each code block of the translation that is not the source's block
    in its place (as many blocks on both sides; a block of text may be translated). A block
    that is another differing block of the source is no change: sections in another order.
    The others are each compared with a source's block left unmatched, in order, where as
    many are left; else with the one in their place."""
    differing = [k for k, ((was, _), (now, _)) in enumerate(zip(blocks_a, blocks_b)) if now != was and TRANSLATED_TEXT not in (now, was)]
    unclaimed = Counter(blocks_a[k][0] for k in differing)
    reported = []
    for k in differing:
        if unclaimed[blocks_b[k][0]] > 0:
            unclaimed[blocks_b[k][0]] -= 1
        else:
            reported.append(k)
    left = []
    for k in differing:
        if unclaimed[blocks_a[k][0]] > 0:
            unclaimed[blocks_a[k][0]] -= 1
            left.append(k)
    for k, j in zip(reported, left if len(left) == len(reported) else reported):
        line = as_span(blocks_a[j][1]).line
        yield as_span(blocks_b[k][1]), f"code block {k + 1} differs from the source's code block {j + 1} ({where}, line {line})"


def _block_keys(blocks_a: list, blocks_b: list) -> tuple[list, list]:
    """Both sides' code blocks (key, place), each block of text keyed as the other side's
    blocks can answer it (see ``either_key``)."""
    parts_a, parts_b = key_parts(h for h, _ in blocks_a), key_parts(h for h, _ in blocks_b)
    return [(either_key(h, parts_b), at) for h, at in blocks_a], [(either_key(h, parts_a), at) for h, at in blocks_b]


def _differing_blocks(original, translation, where: str) -> Iterator[tuple[Span, str]]:
    """(place, message) of each code block of the translation that is not the source's."""
    blocks_a, blocks_b = _block_keys(original.fact(CODE_BLOCKS), translation.fact(CODE_BLOCKS))
    if len(blocks_a) == len(blocks_b):
        yield from _differing_in_place(blocks_a, blocks_b, where)
        return
    code_a = Counter(h for h, _ in blocks_a)
    in_source = Counter(code_a)
    source_line = {h: as_span(at).line for h, at in reversed(blocks_a)}  # (the first block of each)
    first_here: dict[str, int] = {}
    for i, (digest, span) in enumerate(blocks_b, 1):
        first_here.setdefault(digest, i)
        if digest == TRANSLATED_TEXT:
            continue
        if code_a[digest] > 0:
            code_a[digest] -= 1
            continue
        if digest in in_source:  # a copy too many (pasted twice)
            times = {1: "once", 2: "twice"}.get(in_source[digest], f"{in_source[digest]} times")
            yield as_span(span), (
                f"code block {i} repeats code block {first_here[digest]}: the source shows it {times} ({where}, line {source_line[digest]})"
            )
            continue
        if code_a[TRANSLATED_TEXT] > 0:  # the source's block with text in it, translated
            code_a[TRANSLATED_TEXT] -= 1
            continue
        yield as_span(span), f"code block {i} differs from every code block of the source ({where})"


def _first_other_heading(original, translation, placer: "_Placer") -> Span:
    """Where a translation's headings stop following the source's: its first heading of
    another level than the source's heading at that rank (a heading's level shows in the
    column its text starts at: "## Usage" at 4), else, where it has more, the one no heading
    of the source is placed at (``_heading_placed_at_none``), else the heading after its last
    one."""
    spans_b = [as_span(span) for _, span in translation.headings]
    ids_a, ids_b = set(_heading_ids(original)) - {None}, _heading_ids(translation)
    if ids_a:
        # A heading whose id (written, or made of its text) is none of the source's; else, where
        # every other heading has one of the source's, the heading with none.
        # (An id that differs in its hyphens alone is the source's heading spaced otherwise:
        # `resolve. mainFields` makes resolve-mainfields, `resolve.mainFields` resolvemainfields.)
        unhyphened = {anchor.replace("-", "") for anchor in ids_a}
        other = next((span for span, anchor in zip(spans_b, ids_b) if anchor is not None and anchor not in ids_a and anchor.replace("-", "") not in unhyphened), None)
        if other is None and None in ids_b and ids_b.count(None) == len(spans_b) - len(ids_a):
            other = spans_b[ids_b.index(None)]
        if other is not None:
            return other
    levels_a = [as_span(span).column for _, span in original.headings]
    if len(spans_b) > len(levels_a):
        # (Before the levels are compared rank by rank: a heading the translation adds shifts
        # the ranks of all after it.)
        return _heading_placed_at_none(original, translation, spans_b, placer) if levels_a else spans_b[0]
    for k, span in enumerate(spans_b[: len(levels_a)]):
        if span.column != levels_a[k]:
            return span
    return spans_b[-1] if spans_b else translation.id_span


# What matching a source's heading to a translation's costs beyond the lines between the
# place the source's heading is given and the translation's: another level, or no text
# before the translation's where the source's has some (in lines).
_OTHER_LEVEL_COST, _NO_TEXT_BEFORE_COST = 50, 5
# What a name both headings write takes off (`helm search` in "'helm search': Finding Charts"
# and "'helm search'：查找 Charts"): a translation keeps names in Latin letters.
_SHARED_NAME_WORTH = 8
_NAME_IN_HEADING = re.compile(r"[A-Za-z][A-Za-z0-9]{2,}")


def _names_in(text: str) -> frozenset[str]:
    """The words of three letters or more in Latin letters a heading writes, in lower case."""
    return frozenset(word.lower() for word in _NAME_IN_HEADING.findall(str(text)))
_MOST_HEADING_PAIRS = 40_000  # (beyond: each source heading takes the nearest one left)


def _heading_placed_at_none(original, translation, spans_b: list[Span], placer: "_Placer") -> Span:
    """The first of a translation's headings (more than its source's) that no heading of the
    source matches: the source's headings, in order, match as many of the translation's, in
    order, at the least cost (``cost``). A heading the translation kept and the source dropped
    ("What it is" over the opening text) is left, as is one that shifts the levels of the
    headings after it."""
    lines_a = [placer.place(span).line for _, span in original.headings]
    levels_a = [as_span(span).column for _, span in original.headings]
    texts_a, texts_b = original.fact(TEXT_BEFORE_HEADINGS), translation.fact(TEXT_BEFORE_HEADINGS)
    if len(texts_a) != len(lines_a) or len(texts_b) != len(spans_b):
        texts_a, texts_b = [False] * len(lines_a), [False] * len(spans_b)  # (an article stored before)
    names_a, names_b = [_names_in(text) for text, _ in original.headings], [_names_in(text) for text, _ in translation.headings]

    def cost(i: int, j: int) -> int:
        # (Text before a translation's heading where the source's has none is what a section
        # it adds puts there; none where the source's has, a heading over the text.)
        return (
            abs(spans_b[j].line - lines_a[i])
            + _OTHER_LEVEL_COST * (spans_b[j].column != levels_a[i])
            + _NO_TEXT_BEFORE_COST * (texts_a[i] and not texts_b[j])
            - _SHARED_NAME_WORTH * bool(names_a[i] & names_b[j])
        )

    if len(lines_a) * len(spans_b) > _MOST_HEADING_PAIRS:
        free = list(range(len(spans_b)))
        for line in lines_a:
            free.remove(min(free, key=lambda k: (abs(spans_b[k].line - line), k)))
        return spans_b[free[0]]
    return spans_b[_first_unmatched(len(lines_a), len(spans_b), cost)]


def _first_unmatched(n: int, m: int, cost: Callable[[int, int], int]) -> int:
    """The first of ``m`` items (more than ``n``) that the least costly matching of all ``n``,
    in order, to as many of them, in order, leaves out; of matchings as costly, the one that
    leaves out the earliest."""
    # best[i][j]: the least cost of matching the first i of n within the first j of m.
    infinite = float("inf")
    best = [[0.0] * (m + 1)] + [[infinite] * (m + 1) for _ in range(n)]
    for i in range(1, n + 1):
        row, above = best[i], best[i - 1]
        for j in range(i, m + 1):
            row[j] = min(row[j - 1], above[j - 1] + cost(i - 1, j - 1))
    # Walked back from the end, an item is matched wherever matching it costs no more (so
    # that those left out are the earliest); the one left out earliest is the last found.
    i, j, left = n, m, m - 1
    while j > 0:
        if i > 0 and best[i][j] == best[i - 1][j - 1] + cost(i - 1, j - 1):
            i, j = i - 1, j - 1
        else:
            left, j = j - 1, j - 1
    return left


def _site_pages(original, links: _Links, facts_b: dict) -> None:
    """The translation's facts less its references to its copies of pages that the source
    names by their address on the site: no new references."""
    named = {_article_named(key, links.targets, links.addressed) for key in links.source} - {None} - _targets(original)
    if named and "article" in facts_b:
        # (By the very target the address names, one of the translation's: its links to the
        # page in another version, or to its folder's index, answer the source's own links.)
        facts_b["article"] = [item for item in facts_b["article"] if item[2] not in named]


def _broken_in_the_source(original, facts_a: dict, facts_b: dict) -> None:
    """The translation's facts less its references to the pages the source links to by an
    address that leads nowhere (``/docs/en/docs/x/`` for ``/en/docs/x/``; ``../user/saga.html``
    where only the translation's folder has the page), one for each such link, beyond those the
    source makes to the page too: the source names them, and broken-link tells of its link."""
    broken = Counter(
        _page_name(ref.url) for ref in original.references
        if ref.kind in ARTICLE_KINDS and ref.style in ("relative", "root", "site") and ref.target is None and not ref.leads_somewhere
    )  # fmt: skip
    broken.pop("", None)
    if not broken or "article" not in facts_b:
        return
    made = Counter(item[0] for item in facts_a.get("article", []))  # what the source links to that resolves
    kept = []
    for item in facts_b["article"]:
        name = _page_name(item[0])
        if made[item[0]] > 0:
            made[item[0]] -= 1
        elif broken[name] > 0:
            broken[name] -= 1
            continue  # the source's broken link, mended
        kept.append(item)
    facts_b["article"] = kept


def _page_name(path: str | None) -> str:
    """The name of the page a link path or an article id names: its last segment, without an
    extension, the folder's for an index page (``/docs/deployment/``, ``docs/deployment/index``)."""
    segments = [segment for segment in _link_path(path).split("?", 1)[0].split("/") if segment and segment not in (".", "..")]
    while segments and segments[-1].rsplit(".", 1)[0].lower() in INDEX_STEMS:
        segments.pop()
    return segments[-1].rsplit(".", 1)[0] if segments else ""


def _id_scheme(config) -> str:
    """The scheme the site makes heading ids with: the configured one, its generator's, else
    GitHub's (kblint.formats.heading_ids)."""
    layout = config.layout
    known = config.heading_ids or (layout.heading_ids if layout is not None else None)
    return known or ("vitepress" if layout is not None and layout.vue_source is not None else "github")


def _ids_the_other_makes(facts_a: dict, facts_b: dict, original, translation, scheme: str) -> None:
    """Leave out the heading ids written on one side that the other side's headings make by
    themselves: a translated heading given {#how-it-helps} keeps the anchor of the source's
    "How it helps", whose id is its text."""
    for facts, other in ((facts_a, translation), (facts_b, original)):
        ids = facts.get("heading-id")
        if ids:
            made = _ids_made_by_headings(other, scheme)
            facts["heading-id"] = [item for item in ids if item[0] not in made]


def _heading_anchors(summary) -> list[tuple[str | None, str, str]]:
    """(the id written on its line or None, the id its text makes, its text) of each heading."""
    from kblint.formats.heading_ids import slug

    written = {as_span(at).line: value for kind, value, at in summary.fact(TRANSLATION_FACTS) if kind == "heading-id"}
    return [(written.get(as_span(at).line), slug(text), text) for text, at in summary.headings]


def _ids_made_by_headings(summary, scheme: str) -> frozenset[str]:
    """The ids the article's headings without an explicit id make of their text under the
    site's ``scheme`` (VitePress makes ``example-a-b`` of "Example: a - b"), repeats numbered."""
    from kblint.formats.heading_ids import SCHEMES, heading_ids

    texts = [text for written, _, text in _heading_anchors(summary) if written is None]
    return frozenset(heading_ids(texts, scheme if scheme in SCHEMES else "github"))


def _heading_ids(summary) -> list[str | None]:
    """Each heading's id: the one written on its line, else what its text makes when its text
    is in Latin letters (a translated heading's text makes no id of the source's)."""
    return [written or (made if text.isascii() else None) for written, made, text in _heading_anchors(summary)]


def _heading_count(original, translation, where: str, placer: "_Placer") -> Iterator[Finding]:
    """A heading count that differs, unless the headings' ids tell more: a translation with
    its source's ids, no other, and more headings adds sections of its own, without ids, for its
    readers (a local offer); one without some of the source's ids has them reported, each
    where it belongs, as are the ids of headings it adds that none of the source's makes."""
    heads_a, heads_b = original.fact(HEADING_COUNT), translation.fact(HEADING_COUNT)
    if heads_a == heads_b or _as_many_but_the_title(original, translation, heads_a, heads_b):
        return
    if heads_a == heads_b + 1 and _opening_heading_in_the_title(original, translation):
        return
    ids_a = {value for kind, value, _ in original.fact(TRANSLATION_FACTS) if kind == "heading-id"}
    ids_b = {value for kind, value, _ in translation.fact(TRANSLATION_FACTS) if kind == "heading-id"}
    if ids_a and ((heads_b > heads_a and ids_a == ids_b) or (heads_b < heads_a and ids_a - ids_b)):
        return
    if ids_a and heads_b > heads_a and len(ids_b - {written or made for written, made, _ in _heading_anchors(original)}) == heads_b - heads_a:
        return  # each heading the translation adds has an id of its own, reported where it is
    # (Where the source writes no id, the translation's ids are its own, and not reported.)
    span = _first_other_heading(original, translation, placer)
    yield RULE.finding_span(translation, span, f"the source ({where}) has {heads_a} headings, this translation {heads_b}")


def _opening_heading_in_the_title(original, translation) -> bool:
    """Does the source open with a heading over its text, under its title and saying it in
    other words (see _says_the_title: "## Allocate device core to container" under "Allocate
    device core usage"),
    where the translation opens with its text, its title in the front matter saying what the
    heading said (分配设备核心给容器), and every other heading as the source has it (the same
    text, or none, before each)?"""
    before_a, before_b = original.fact(TEXT_BEFORE_HEADINGS), translation.fact(TEXT_BEFORE_HEADINGS)
    if not before_a or before_a[0] or original.fact(TITLE_HEADING) or translation.title is None or not original.headings:
        return False
    if not _says_the_title(original.title, str(original.headings[0][0])):
        return False
    return before_a[1:] == before_b and (not before_b or before_b[0])


def _says_the_title(title: str | None, heading: str) -> bool:
    """Does ``heading`` say ``title`` again, in other words: two of its words at least (one is
    a section's name as often as a title's: "Setup" over "## Setup steps")?"""
    words = {word.casefold() for word in _TITLE_WORD.findall(title or "")}
    return len(words & {word.casefold() for word in _TITLE_WORD.findall(heading)}) >= 2


_TITLE_WORD = re.compile(r"\w+")


def _as_many_but_the_title(original, translation, heads_a: int, heads_b: int) -> bool:
    """Do both have as many headings but the title one writes over its text, where the other
    leaves its title to the front matter (which the site shows there)? A page with no title at
    all has lost one."""
    title_a, title_b = original.fact(TITLE_HEADING), translation.fact(TITLE_HEADING)
    if title_a == title_b or heads_a - title_a != heads_b - title_b:
        return False
    return (translation if title_a else original).title is not None


def _step_count(original, translation, where: str, placer: "_Placer") -> Iterator[Finding]:
    """A count of numbered steps that differs, at the first numbered list whose count differs
    (the source's where the translation has no list there), unless the lists hold as many
    items: a translation numbers what its source bullets, or the other way round."""
    steps_a, steps_b = original.fact(STEPS), translation.fact(STEPS)
    if steps_a == steps_b or original.fact(LIST_ITEMS) == translation.fact(LIST_ITEMS):
        return
    if steps_a - original.fact(LINKED_STEPS) == steps_b - translation.fact(LINKED_STEPS):
        return  # a numbered list of links alone on one side (where to ask for help): no steps
    hand_a, hand_b = original.fact(HAND_STEPS), translation.fact(HAND_STEPS)
    if steps_a + hand_a == steps_b + hand_b:
        return  # steps numbered by hand on one side (1、…, or in MDX indented in a component), a list on the other
    lists_a, lists_b = original.fact(STEP_LISTS), translation.fact(STEP_LISTS)
    at = next((k for k, (a, b) in enumerate(zip(lists_a, lists_b)) if a[0] != b[0]), min(len(lists_a), len(lists_b)))
    if at < len(lists_b):
        span = lists_b[at][1]
    else:
        span = placer.place(lists_a[at][1]) if at < len(lists_a) and lists_a[at][1] is not None else translation.id_span
    # (Counted with those numbered by hand where one side has them: all the steps a reader sees.)
    if hand_a or hand_b:
        steps_a, steps_b = steps_a + hand_a, steps_b + hand_b
    yield RULE.finding_span(translation, span, f"the source ({where}) has {steps_a} numbered steps, this translation {steps_b}")


def check_corpus(corpus, config) -> Iterator[Finding]:
    for original, translation in corpus.checked_translations():
        if original.light or translation.light:
            continue
        found = _pair_drift(corpus, config, original, translation)
        if found and how_far_behind(original, translation, corpus, config) is not None:
            # What differs may be what the source changed since: the translation is to be
            # brought up to date rather than mended.
            found = [f.with_message(f"{f.message}; the source changed after this translation") for f in found]
        yield from found


def _pair_drift(corpus, config, original, translation) -> list[Finding]:
    """What differs between a translation and its source."""
    # The source by language and id, not by path: a path relative to the knowledge base root
    # would read wrongly from any other working directory.
    where = f"{original.locale} {original.id}"
    stub = _a_stub(original, translation, where)
    if stub is not None:
        return [stub]  # one finding: what one side lacks is the rest of the page
    placer = _Placer(corpus, original, translation)
    found = list(_step_count(original, translation, where, placer))
    found += _heading_count(original, translation, where, placer)
    found += _fact_differences(corpus, config, original, translation, where, placer)
    return list({(f.line, f.column, f.message): f for f in found}.values())  # a sentence written twice: one finding


def _a_stub(original, translation, where: str) -> Finding | None:
    """A translation that is a stub of its source ("The documentation for this page is
    missing; see the Chinese page"): a heading and two paragraphs at most (its prose: three
    spans), where the source has three headings and four times as much prose, eight spans at
    least; or a source that is such a stub of its translation. One finding says so, at its
    title, where each fact and heading the rest holds would be one."""
    heads_a, heads_b = original.fact(HEADING_COUNT), translation.fact(HEADING_COUNT)
    text_a, text_b = original.fact(PARAGRAPHS), translation.fact(PARAGRAPHS)
    span = translation.title_span if translation.title_span is not None else translation.id_span
    if _stub_of(heads_b, text_b, heads_a, text_a):
        text_a, text_b = text_a - heads_a, text_b - heads_b  # (paragraphs, items and cells: its prose but its headings)
        return RULE.finding_span(
            translation, span,
            f"this translation is a stub: {_counted(text_b, 'paragraph')} and {_counted(heads_b, 'heading')}, "
            f"where the source ({where}) has {text_a} and {heads_a}: translate the rest of the page",
        )  # fmt: skip
    if _stub_of(heads_a, text_a, heads_b, text_b):
        # The source says its page waits for its text ("see the Chinese version"): the page
        # was written in the translation's language first, and is the source's to write.
        text_a, text_b = text_a - heads_a, text_b - heads_b
        return RULE.finding_span(
            translation, span,
            f"the source ({where}) is a stub: {_counted(text_a, 'paragraph')} and {_counted(heads_a, 'heading')}, "
            f"where this translation has {text_b} and {heads_b}: the source's page is yet to be written",
        )  # fmt: skip
    return None


def _stub_of(stub_headings: int, stub_spans: int, headings: int, spans: int) -> bool:
    """Is a page of ``stub_headings`` headings and ``stub_spans`` spans of prose a stub of one
    of ``headings`` and ``spans``: a heading and two paragraphs at most, where the other has
    three headings and four times as much prose, eight spans at least?"""
    return stub_headings <= STUB_HEADINGS and stub_spans <= STUB_SPANS and headings >= 3 and spans >= max(8, 4 * stub_spans)


STUB_HEADINGS, STUB_SPANS = 1, 3  # a stub's most


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _fact_differences(corpus, config, original, translation, where: str, placer: "_Placer") -> list[Finding]:
    """The links, numbers, code and the rest that differ between a translation and its source."""
    links = _Links.of(original, translation)
    gaps = _Gaps()
    if _same_facts(original, translation):
        facts_a = facts_b = None  # the common case, decided without building the lists
    else:
        by_url = {_link_path(r.url): r.target for r in original.references if r.kind in ARTICLE_KINDS and r.target and r.url}
        facts_a, facts_b = _facts(corpus, original), _facts(corpus, translation, by_url)
        _site_pages(original, links, facts_b)
        _broken_in_the_source(original, facts_a, facts_b)
        if not facts_a.get("heading-id"):
            # A source that writes no heading id: the translation's are anchors of its own for
            # its translated headings (a Chinese heading's text makes a Chinese id), none a
            # change of the source's.
            facts_b.pop("heading-id", None)
        _ids_the_other_makes(facts_a, facts_b, original, translation, _id_scheme(config))
    if facts_a is not None:
        code = ([value for value, _, _ in facts_a.get("code", [])], [value for value, _, _ in facts_b.get("code", [])])
        numbers = frozenset(str(value) for value, _, _ in facts_b.get("number", []))
        # (A block of text or with text in it stands for no code span.)
        blocks = tuple(frozenset(key_parts(h for h, _ in summary.fact(CODE_BLOCKS))) - {TRANSLATED_TEXT} for summary in (original, translation))
        gaps.block_text = (original.fact(CODE_TEXT), translation.fact(CODE_TEXT))
        for kind in LABELS:
            if kind in facts_a or kind in facts_b:
                _differences(kind, facts_a.get(kind, []), facts_b.get(kind, []), config.translated_placeholders, gaps, code, numbers, blocks)
        if any(item.kind == "code" for item in gaps.missing):
            kept = _written_as_text(gaps.missing, translation.fact(LATIN_PROSE))
            if len(kept) < len(gaps.missing) and gaps.extra:
                # The same words the translation sets as code elsewhere, in another case, are
                # not added either (`Sms Code` for the source's `SMS Code`, its text kept).
                found = {_core(item.value).casefold() for item in gaps.missing if item not in kept}
                gaps.extra = [item for item in gaps.extra if item.kind != "code" or _core(item.value).casefold() not in found]
            gaps.missing = _split_into_codes(kept, frozenset(code[1]), facts_b.get("code", []))
        if any(item.kind == "code" and "://" in item.value for item in gaps.missing) and links.translation:
            gaps.missing = _linked_instead(gaps.missing, links.translation)
        if any(item.kind == "code" for item in gaps.missing) and script_of(original.locale) != "Latin":
            gaps.missing = _kept_by_their_latin_names(gaps.missing, code[1])
        if any(item.kind == "code" for item in gaps.extra):
            # So is one the translation sets as code where the source writes it as text (its
            # `-p 5602:5601` for -p 5602:5601): nothing was added, only its type changed.
            gaps.extra = _written_as_text(gaps.extra, original.fact(LATIN_PROSE))
            gaps.extra = _phrased_as_words(gaps.extra, gaps.missing, original.fact(SOURCE_PROSE))
        if any(item.kind == "number" for item in gaps.missing) and links.translation:
            gaps.missing = _numbers_in_addresses(gaps.missing, links.translation)
        if any(item.kind == "number" for item in gaps.missing):
            gaps.missing = _versions_glued_to_names(gaps.missing, translation.fact(LATIN_PROSE))
        if any(item.kind == "number" for item in gaps.extra):
            gaps.extra = _versions_glued_to_names(gaps.extra, original.fact(LATIN_PROSE))  # the source's "Vault1.2.0"
        if gaps.missing and any(item.kind == "code" for item in gaps.missing):
            gaps.missing = _words_translated_in_quotes(gaps.missing, translation.fact(QUOTED), code[1], translation.fact(LATIN_PROSE))
        quoted = original.fact(QUOTED)
        if quoted and gaps.extra:
            # What the source sets in quotes ('helm search') the translation may set as code.
            kept = frozenset(quoted)
            gaps.extra = [item for item in gaps.extra if item.kind != "code" or item.value not in kept]
    written = _written_here(translation, code[1], facts_b, gaps.block_text[1]) if facts_a is not None else ([], "")
    found = [*_url_differences(links, translation, where, gaps.missing, placer, original, written), *gaps.report(translation, where, placer)]
    return found + list(_code_differences(original, translation, where))


RULE = Rule(
    code="KL302",
    name="translation-drift",
    severity=Severity.WARNING,
    summary="A translation whose structure no longer matches its source.",
    documentation="""\
## What it does
Compares each translation with its source article: the number of numbered steps and of
headings, the articles referenced, the external URLs, numbers, placeholders, inline code and
the content of code blocks (which are never translated: their comments, string literals and
text between tags, or around a line's tags, may be, and a block that holds words in a script
other than Latin past those, a placeholder such as `PrivateKey = 我的私钥` on either side, is
not compared; so may the words of a block that says
it is Markdown, text or a diagram, `md`, `text`, `mermaid`, whose markup, numbers and lines are
compared, and a sentence's colon is one whether written `:` or `：`; a batch file's `::` and `REM`
lines are its comments, and a VuePress theme's component block (```` ```component VPCard ````)
has its text props, `title` and `desc`, translated; a shell's prompt (`$ `) and a line continued
with a backslash are formatting, shown on one side and not the other; a package or image
registry's host is where code downloads from, which a translation for readers in China may
give as a mirror there (`registry: docker.io` made `registry: x.cn-hangzhou.cr.aliyuncs.com`,
`registry.npmjs.org` made `registry.npmmirror.com`); in a translation in Latin letters, a code span whose strings' or square brackets'
words are translated is the source's (`"Seite"|wikilink:"Beiname"` for
`"page"|wikilink:"alias"`), unless a word that differs is a name of code, a number, one letter
or a near miss of the source's (`setState(x)`, `"Asistant"`), and so is a label of plain words
set as code that it writes in its own words where the source's is (`Subir datos` for
`Upload Data`: the app's own words in the reader's language); an inline code span with no Latin letter or digit is words a
translator formatted as code, on either side (`开始菜单`), and text the source sets as code (a
label, a menu's path, `TCP 本地模式 (TCPL)`) may be translated where it is, its names, acronyms
and numbers kept (`UIGF 数据格式` for `UIGF data format`, `Édition > Préférences` for
`Edit > Preferences`), but not a command of plain words (`git status`); a few plain words set
as code (`status check fails`: a term) that a translation in another script translates in quotes
(“状态检查失败”), writing none of those words anywhere, are its term translated (a command of
plain words translated so would not be told from one), and words the source writes in its
sentences as plain words (`vault cluster`, `502 Bad Gateway`) that a translation sets as code
add nothing (not a line that opens with code, an example to run); the words of a placeholder, `{{path/to/file}}` or
`<repository>`, may be translated: see `translated_placeholders`). A URL that names the
translation's locale (`/zh-tw/`, `?hl=zh-TW`, `?language=cn`, `zh-hant.` before the site's name) is the
source's URL; 1万, 3億 and １０ are numbers, a version glued to the name it numbers
(`Llama3.1` for `Llama 3.1`) is the source's, and a version written twice in the source and
once in the translation is a difference. Each difference is one finding that says what
differs, on the translation, at the differing place where there is one; a fact missing from
the translation at the translation's block that corresponds to the source's block holding it.
A count of numbered steps that differs is reported at the first numbered list whose count
differs, unless both articles' lists hold as many items: a translation may number what its
source bullets, or the other way round; nor where numbered lists of links alone explain the
difference (`1. [Forum](…)`, a page's contents, where to ask for help): destinations, not
steps; nor where one side numbers its steps by hand, as lines that open with `1、` (no list
in Markdown, common in Chinese), or in MDX indented by four spaces or more inside a component
(`<Steps>`: a list to MDX, which has no indented code), as many as the other's list holds; a
count that differs then counts them too. Headings that open a list item (`1. ##### Update the settings`: a step's title, which a
translation may write as the item's text) are not counted. A count of headings that differs is
reported at the heading the other article lacks: by the headings' ids where they have them, else the first
heading of another level, else, where the translation has more, the one none of the source's
headings falls at once placed in the translation (a "What it is" the source dropped). A
heading the source opens with, saying its title again in other words (two of the title's
words: "## Allocate device core to container" under "Allocate device core usage"), is not lost
where the translation opens with its text instead, its title in the front matter. A fact that changed (a number, a command, a placeholder where the source's was) is one
finding, not a missing one and an added one; the facts of one passage the translation lacks
(between two places both articles share, a few lines apart), and the passages that belong at
one place of the translation (a section it never got), are one finding that lists them;
a translation that lacks more than three passages gets one finding for all of them, as does
one that holds more than ten facts of its own in more than three places (made from another
version of its source: an old page the source has since split or cut); so do the URLs that differ from the source's only in site or organization (one rename, many links) and
more than three code blocks that differ. An option written long or short (`-v`, `--verbose`,
`{{[-v|--verbose]}}`), short options bundled or spelled out (`-Syu`), a placeholder with or
without braces, a placeholder for a plain word, quotes around code and spacing inside code
are one command; a command is changed into another only when they share a word beyond the
name; one token the translation sets as code, a command made of the source's words,
what the source sets in quotes (`'tool sync'`), or what a source in another script than Latin
writes as plain text (`-p 5602:5601`), is not reported, nor is a code span the translation
writes as plain text. A code block that lists a
command's options a line each (a CLI's help) is compared by its options: what each does is
translated. Small print closing the page (a level-5 or level-6 heading at its end, a
generator's "generated on <date>") is each language's own.

What a translation localizes is not drift: an image it has in place of the source's or adds
(a screenshot in its language), a link it leaves out to a page in the source's language
written in a script other than Latin (zh.wikipedia.org, `README.zh-CN.md` in a Chinese
source: its readers may not read it; a page in English stays), the source's link to this
very page in the translation's language (a README's "English | 中文": `README.zh-CN.md`), a
sentence of the source set as code (five words or more, two of them function words: a
message, `The certificate of this package cannot be verified`) that a translation in
another script writes in its own words, a span whose words it translates inside the span's
marks (`用户名&密码` for `username&password`, `PC-Win64位` for `PC-Win64bit`: each run of words
the source's or in another script),
a link to its own copy of a page the source names by its
address on the site (`https://site.example/blog/launched/` for the translation's
`/blog/launched/`; a Docusaurus site's own address, its `url`, names the page at that route:
`https://site.example/docs/x` is `/docs/x`, and `/zh/docs/x` from a Chinese page its own), the
same page of another version of the docs (`versioned_docs/version-1.2/x` for `docs/x`), a link to a page of the name the source links to by an address that
leads nowhere (the source's link is broken; broken-link tells of it), a reference site's page in the reader's language filed under a new
path or on another of the site's hosts, a link where the source's is that names the reader's
language (`/zh-CN/`, `docs-zh-cn`), a site's old name (twitter.com for x.com), a repository's
file at its main branch or pinned to a commit (`blob/main/x.md`, `blob/<commit>/x.md`), a translator's
note (譯註), sections without ids it adds when it keeps every id of its source, and heading
ids it writes where its source writes none (`## 配置 {#config}`: an anchor of its own for a
heading whose text makes no Latin id). An alert written as a site's shortcode
(`{{% alert title="Nota" %}}`, whose kind its translated title does not say) is an alert of any
kind: where one side writes them so, only the number of alerts is compared. A table is its
rows and columns, written in pipes or in HTML (`<table>`): a translation may write it either way. Nor are
forms that say the same: a heading's section number (`### 2.3 代理模式` for `### Proxy mode`),
an image's text that is a number alone (an upload's id), 10.13.0 and 10.13, a query added to a link, a slash before an
anchor, the example domains, a base (16進位), a kilo prefix (15 千字節), thousands grouped
with a space or a dot (50 000, 150.000), a decimal comma in a language that writes one (5,5 %
in German, Ukrainian, French…), a thousand or a million in the reader's language (725 тис.,
12 Tsd., 1,5 milhão).
A month written as a number where the source names it (11月, 11월, tháng 11, 17/11/2000 or
2000.11.17 for November 17, 2000) is not compared, nor is a clock time (02:00 UTC is 11:00 in Japan).
A number or an address one side's prose writes that the other side's code blocks hold is
neither missing nor added (the port of `zipkin.port=9411` written in a sentence, a URL the
translation shows in a `curl` command), nor is code the translation's prose sets that the
source's code blocks hold (a name of theirs, or one of their lines). In code blocks, a configuration's or a
script's `#` lines are comments (`#syncPort` in a `properties` block), and an elision
(`...`, `/* ... */`) stands for code left out.

Where the source changed after the translation (as translation-outdated decides it), each
message says so: what differs may be what the source changed since, and the translation is
to be brought up to date rather than mended.

A fact is "changed" into another only where its place is known (something both articles
share lies near it) and the two are alike: a command keeps its name and a word beyond it, a
heading id or a page keeps a word of its name; a URL the translation has where the source's
belongs is an old address of that link. Otherwise one is missing and the other is new. A
translation that is a stub of its source (a heading and two paragraphs at most, where the
source has three headings and four times as much text: "this page is not translated yet") is
one finding at its title, not one for each heading, number and step the rest holds; so is a
source that is such a stub of its translation ("this page waits for its English text; see the
Chinese page": the page was written in the translation's language first).

## Why it matters
Sources change and translations are updated by hand; a step added to the English article
but not to the Chinese one leaves those readers stuck. Structure is a cheap, language-blind
proxy for "the translation still says the same thing".

## Example
The source has 3 steps and references KB1020; the translation has 2 steps and no KB1020:
```markdown file=en/KB1003.md
1. Open the vault.
2. Select **Export**.
3. Save the file (see KB1020).
```
```markdown file=zh-Hant/KB1003.md
1. 開啟保管庫。
2. 選取「**匯出**」並儲存檔案。
```
fires: `the source (en KB1003) has 3 numbered steps, this translation 2` and
`the reference to KB1020 of the source (en KB1003, line 3) is missing here`.

## Does not fire
A translation with the same steps, headings, references, URLs and code blocks as its source
(comments and text inside code may be translated):
````markdown file=en/KB1003.md
1. Open the vault.
2. Run `vault export` (see KB1020):

```sh
vault export --all  # every item
```
````
````markdown file=zh-Hant/KB1003.md
1. 開啟保管庫。
2. 執行 `vault export`（請參閱 KB1020）：

```sh
vault export --all  # 所有項目
```
````

## Fix
None: the translator has to translate what is missing.
""",
    check_corpus=check_corpus,
    facts=(TRANSLATION_FACTS, TEXTS, FOREIGN, STEPS, STEP_LISTS, LINKED_STEPS, HAND_STEPS, LIST_ITEMS, HEADING_COUNT, TITLE_HEADING, CODE_BLOCKS, CODE_TEXT, EXTERNAL_URLS, END_SPAN, PROSE_PLACES, QUOTED, LATIN_PROSE, SOURCE_PROSE, PARAGRAPHS, TEXT_BEFORE_HEADINGS),
    needs=frozenset({"pair-history"}),  # whether the source changed after the translation
    pairwise=True,
)
