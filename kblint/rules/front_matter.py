from __future__ import annotations

import re
from typing import Iterator

from kblint.formats.registry import is_change_log
from kblint.model.finding import Finding, Severity
from kblint.kb.identity import canonical_locale, front_matter_locale, normalize_tag
from kblint.kb.vant import site_holding
from kblint.formats.frontmatter import names_a_component_layout
from kblint.model.layout import Layout
from kblint.rules.api import Rule


def _supplied(doc, key: str, config) -> bool:
    """Does the article have ``key`` without its front matter saying it?"""
    if key == "id":
        return doc.identity.key_source == "file name"
    if key == "lang":
        return doc.identity.locale_source in ("folder", "suffix")
    if key == "title":
        # Its first level-1 heading; on a MkDocs site, its file's name where it has none, as a
        # Docusaurus site's docs their id; on a dumi site, its first heading of any level.
        layout = config.layout
        return (
            doc.title is not None
            or is_change_log(doc.relpath)  # a record of releases, shown by its file's name
            or ("/" not in doc.relpath and layout is not None and layout.locales_below_root)  # the repository's own, shown by its name
            or (layout is not None and layout.titled_by_navigation(doc.relpath))  # a GitBook's SUMMARY.md, Nextra's _meta
            or (layout is not None and any(site.builds(doc.relpath) for site in layout.mkdocs))
            or (layout is not None and layout.docusaurus_doc(doc.relpath))
            or (layout is not None and (dumi := layout.dumi_of(doc.relpath)) is not None and dumi.serves(doc.relpath) and any(h.text for h in doc.body.headings))
            or ((layout is None or not layout.builder_known) and _titled_where_read(doc))
        )
    return False


_README = re.compile(r"readme(?:[._-][\w-]+)?\.mdx?", re.IGNORECASE)  # README.md, README_CN.md, readme.zh-CN.md
# A repository's own files that GitHub shows by their names (its community files, a licence,
# a list of authors), in any language or part: CONTRIBUTING.md, LICENSE-DOCS.md,
# CODE_OF_CONDUCT.zh-CN.md.
_REPOSITORY_FILE = re.compile(
    r"(?:contributing|license|licence|copying|notice|code[_-]of[_-]conduct|security|support|governance|authors|contributors|maintainers)"
    r"(?:[._-][\w-]+)?\.mdx?",
    re.IGNORECASE,
)


def _titled_where_read(doc) -> bool:
    """Where no known builder makes the pages (docs read on GitHub, or made by a project's own
    scripts), has the article the title its readers see? A README is shown as its folder's
    page; a page that opens with its one top heading (``## Alert`` over its ``###`` sections) is
    titled by it, as its navigation names it; a partial has its page's."""
    name = doc.relpath.rpartition("/")[2]
    if _README.fullmatch(name) or name.startswith("_"):
        return True  # (one named with a leading "_" is a partial another page imports, as builders name them)
    if "/" not in doc.relpath and _REPOSITORY_FILE.fullmatch(name):
        return True  # the repository's own, at its root: GitHub titles it by its name
    headings = [h for h in doc.body.headings if h.text.strip()]
    if not headings or any(h.level <= headings[0].level for h in headings[1:]):
        return False
    index, line = doc.index, 1
    while line < headings[0].line and not index.line_text(line).strip():
        line += 1
    return line == headings[0].line


def _without_front_matter(doc, config) -> Iterator[Finding]:
    """What an article without front matter lacks that nothing else gives it."""
    if config.layout is not None and config.layout.is_partial(doc.relpath):
        return  # a partial has its page's title (and its page's metadata)
    if not _a_page(doc.relpath, config):
        return
    unopened = _unopened_block(doc)
    if unopened is not None:
        line, key_line = unopened
        yield RULE.finding(doc, doc.index.line_start(line), doc.index.line_end(line),
                           f"front matter without its opening '---': add one above '{key_line}' (as it is, the block shows as a heading)")
        return
    missing = _missing(doc, config)
    line_end = doc.index.line_end
    if missing and doc.format not in ("markdown", "mdx"):
        # A help center's article: its metadata is its page's and the file beside it.
        yield RULE.finding(doc, 0, line_end(1), f"nothing gives the article its {_listed(missing)}: "
                           f"set {_listed(missing, 'and')} in its metadata file (or, for the title, open it with <h1>)")
    elif missing:
        yield RULE.finding(doc, 0, line_end(1), f"no front matter, and nothing else gives the article its {_listed(missing)}: start the file with a '---' block that sets {_listed(missing, 'and')}")


# Keys that only front matter writes, one of which a block that lost its opening line has.
_FRONT_MATTER_KEYS = frozenset({"title", "id", "slug", "sidebar_label", "sidebar_position", "description", "lang", "layout", "permalink", "tags"})
_KEY_LINE = re.compile(r"([a-z_][a-z0-9_-]*):(?: .*)?")


def _unopened_block(doc) -> tuple[int, str] | None:
    """(line, text) of the first line of a front matter whose opening ``---`` is missing: the
    file opens, after blank lines, with ``key: value`` lines closed by ``---``, which Markdown
    reads as a heading (``title: Prometheus`` underlined)."""
    index, line = doc.index, 1
    total = index.line_count
    while line <= total and not index.line_text(line).strip():
        line += 1
    first, keys = line, []
    while line <= total and (m := _KEY_LINE.fullmatch(index.line_text(line).rstrip())) is not None:
        keys.append(m.group(1))
        line += 1
    if keys and line <= total and index.line_text(line).rstrip() == "---" and _FRONT_MATTER_KEYS.intersection(keys):
        return first, index.line_text(first).rstrip()
    return None


def _a_page(relpath: str, config) -> bool:
    """Is ``relpath`` a page a reader opens by its title, that asks for front matter? Not what
    the site does not publish (``Layout.publishes``), nor a page of a Vant CLI site, which reads
    no front matter (it would show the block as text) and takes its pages' titles from its
    navigation."""
    layout = config.layout or _NO_LAYOUT  # (a configuration made by hand has none)
    return layout.publishes(relpath) and site_holding(layout.vant, relpath) is None


_NO_LAYOUT = Layout()


def _without_layout(data: dict) -> bool:
    """Does the front matter render the page without a layout (Jekyll's ``layout: null``)? A
    fragment another page embeds or fetches (a home page's code sample): no title is shown."""
    return "layout" in data and data["layout"] in (None, False, "none", "null")


def _a_home_page(data: dict) -> bool:
    """Is the page a site's home page (VuePress's ``home: true``, VitePress's ``layout: home``,
    Rspress's ``pageType: home``)? Its hero shows the site's title, from the site's
    configuration, where it names none."""
    return data.get("home") is True or data.get("layout") == "home" or data.get("pageType") == "home"


def _per_language(value) -> bool:
    """Is ``value`` a text for each language, keyed by its tag (``{zh-CN: 基本, en-US: Basic}``)?
    A page that holds every language's text (an Ant Design demo's notes, under ``## zh-CN`` and
    ``## en-US``) names its title so, and the site shows the reader's. (YAML reads ``404`` as a
    number: a title still.)"""
    return (
        isinstance(value, dict)
        and bool(value)
        and all(isinstance(tag, str) and normalize_tag(tag) is not None for tag in value)
        and all(_present(text) and isinstance(text, (str, int)) and not isinstance(text, bool) for text in value.values())
    )


def _a_redirect(data: dict) -> bool:
    """Does the front matter send the reader to another page (VuePress Theme Hope's
    ``redirectTo``, jekyll-redirect-from's ``redirect_to``)? The page is an old address that
    forwards, no page a reader reads: it names no title."""
    return any(isinstance(data.get(key), str) and data[key].strip() for key in ("redirectTo", "redirect_to"))


_NOT_FOUND = re.compile(r"404(?:\.[\w-]+)?\.mdx?", re.IGNORECASE)  # 404.md, 404.en-US.md


def _a_not_found_page(relpath: str) -> bool:
    """Is the page the one a site shows for an address it does not serve (``404.md``)? It is
    no page a reader opens by a title, and names none."""
    return _NOT_FOUND.fullmatch(relpath.rpartition("/")[2]) is not None


def _present(value) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _missing(doc, config) -> list[str]:
    data = doc.front.data
    missing = []
    for key in config.required_front_matter:
        if key == "lang" and front_matter_locale(data) is not None:
            continue
        if key == "title" and (_without_layout(data) or _a_home_page(data) or names_a_component_layout(data) or data.get("changelog") is True or _a_not_found_page(doc.relpath) or _a_redirect(data)):
            continue  # (a change log Arco Design's tool shows as its page's tab, under its own title)
        if not _present(data.get(key)) and not _supplied(doc, key, config):
            missing.append(key)
    return missing


def check(doc, config) -> Iterator[Finding]:
    front = doc.front
    line_end = doc.index.line_end
    if not front.present:
        yield from _without_front_matter(doc, config)
        return
    if front.problems and not _a_page(doc.relpath, config):
        return  # a template the site makes pages from (Hugo's archetypes), or no file of the site
    for line, column, message in front.problems:
        start = doc.index.offset(line, column)
        yield RULE.finding(doc, start, max(start, line_end(line)), message)
    if front.problems:
        return
    closing = doc.index.line_start(front.end_line)
    partial = config.layout is not None and config.layout.is_partial(doc.relpath)
    for key in _missing(doc, config) if _a_page(doc.relpath, config) and not partial else ():
        yield RULE.finding(doc, closing, line_end(front.end_line), f"front matter has no '{key}'{_hint(key)}")
    # (A partial's title is its own: dumi's demo gives one per language, title: {zh-CN: …}.)
    for key in ("id", "lang") if partial else ("id", "lang", "title"):
        value = front.data.get(key)
        if key == "title" and _per_language(value):
            continue
        if _present(value) and (not isinstance(value, (str, int)) or isinstance(value, bool)):
            line = front.key_lines.get(key, front.start_line)
            yield RULE.finding(
                doc, doc.index.line_start(line), line_end(line), f"front matter '{key}' must be text, not a {type(value).__name__}"
            )
    article_id = front.data.get("id")
    if (
        "id_pattern" in config.raw  # a knowledge base that said what its ids look like
        and isinstance(article_id, (str, int))
        and str(article_id).strip()
        and not config.id_pattern.fullmatch(str(article_id).strip())
    ):
        line = front.key_lines.get("id", front.start_line)
        yield RULE.finding(
            doc,
            doc.index.line_start(line),
            line_end(line),
            f"id '{article_id}' does not match the article id pattern '{config.id_pattern.pattern}'",
        )
    stated = front_matter_locale(front.data)
    if stated is not None:
        key, value = stated
        line = front.key_lines.get(key, front.start_line)
        where = (doc.index.line_start(line), line_end(line))
        locale = canonical_locale(value, config)
        if locale is None or normalize_tag(value) is None and value not in config.locales:
            yield RULE.finding(doc, *where, f"{key} '{value}' is not a locale: write a language tag such as {', '.join(config.locales)}")
        elif doc.identity.locale_source == "folder" and locale != doc.locale:
            yield RULE.finding(
                doc, *where, f"{key} '{value}' contradicts the folder {doc.identity.root}/, which holds {doc.locale} articles"
            )


def _listed(keys: list[str], last: str = "or") -> str:
    quoted = [f"'{k}'" for k in keys]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + f" {last} " + quoted[-1]


def _hint(key: str) -> str:
    return {
        "title": " and the article has no level-1 heading to take it from",
        "id": " and its file name is no article id",
        "lang": " and no folder or file name gives its language",
    }.get(key, "")


RULE = Rule(
    code="KL004",
    name="front-matter",
    severity=Severity.ERROR,
    summary="Front matter that is unclosed, not valid YAML, lacks a required key or contradicts the path.",
    documentation="""\
## What it does
Checks the YAML block at the top of each article: it must be closed by `---`, be valid YAML
(loaded safely: no tags that construct objects, no alias bombs) and be a mapping. The keys in
`required_front_matter` must be there (by default only `title`); an `id` may come from the
file name (`KB2481.md`) instead, a `lang` from a locale folder or suffix (`zh-Hant/`,
`x.zh-Hant.md`), and a `title` from the article's level-1 heading, so that a docs-as-code
knowledge base identified by paths needs no front matter at all. A stated `lang` (or `locale`,
`language`) must be a language tag and must agree with the locale folder the file is in. A block that lost its opening `---` (the
file opens with `title: …` lines and a `---` under them, which Markdown shows as a heading)
is reported where it begins.
A file without front matter that is no page of its own needs none: a partial that a page
renders, a change log (`CHANGELOG.md`: titled by its name), a tool's files (GitHub's
templates in `.github/`, anything in a hidden folder, a coding assistant's `AGENTS.md` or
`CLAUDE.md`), on a dumi site the Markdown outside the
folders it serves (in a MkDocs repository, outside the folders its sites build), and a Vant
CLI site's pages, which read no front matter (their titles are
the site's navigation's). Arco Design's pages write their front matter as a ```` ```yaml ```` block that opens the file
(one that sets `changelog: true` is a change log the page shows under its own title), and a
component's `__demo__/` files are partials. A title may be given once for each language, keyed by its tag (`title: {zh-CN: 基本,
en-US: Basic}`: a page that holds every language's text, as an Ant Design demo's notes do).
A title may also come from an `<h1>` in the HTML an article opens
with (a repository README's centred `<h1 align="center">`), and on a MkDocs site (a
`mkdocs.yml`'s `docs_dir`, and the same folder of its translations beside it) from the file's
name, as MkDocs names a page without one (a Docusaurus site its docs by their id), and on a dumi site from its first heading of any
level, as dumi takes it. Where no builder kblint knows makes the pages (docs read on GitHub,
or built by a project's own scripts), a README is its folder's page, a file named with a
leading `_` a partial, a page that opens with its one top heading (`## Alert` over `###`
sections) is titled by it, and the repository's own files at its root (`CONTRIBUTING.md`,
`LICENSE-DOCS.md`, `CODE_OF_CONDUCT.zh-CN.md`, `AUTHORS.md`) by their names, as GitHub shows them, as
are all the files at its root where the pages are in language folders below it (`docs/en/`,
`docs/zh/`: a roadmap, a threat model). A GitBook
book's pages (a `book.json` or a `LANGS.md` beside them) are titled by its `SUMMARY.md`, and a
Nextra site's (a `theme.config.*`) by its `_meta` files, else by their files' names. A page rendered without a layout (Jekyll's
`layout: null`: a fragment another page embeds) shows no title, and a Jekyll or Hexo site
(a `_config.yml` at the root) publishes no file in a folder whose name starts with `_` but its
posts. A site's page for addresses it does not serve (`404.md`, `404.en-US.md`) names no
title, nor does an old address that sends the reader on to another page (`redirectTo:`,
VuePress Theme Hope's; `redirect_to:`, jekyll-redirect-from's). A site's home page takes the name its hero shows:
`heroText` beside `home: true` (VuePress), `hero: {name: …}` beside `layout: home` (VitePress) or
`pageType: home` (Rspress),
and where its hero names none, the site's title from its configuration: it asks for none.
Front matter may be YAML between `---` lines or TOML between `+++` lines (Hugo's). On a
Docusaurus site, Markdown outside its content folders, translations and `src/pages` (the
repository's README) is no page; on a Hugo site, the files outside what it mounts as content
(`archetypes/`, `themes/`, `layouts/`, the README) are none either, a template's front matter
that does not parse (an archetype's `{{ .Date }}`) is not reported, and a page its
configuration's `cascade` does not render (`build: {render: never}`: `_includes/`, text a
shortcode puts in pages) is a partial.

## Why it matters
The identity, language and title are what the reference graph, the translation checks and the
published site are built from. A broken block silently drops an article from all of them, and
a `lang` that contradicts its folder pairs the article with the wrong translations.

## Example
```markdown file=zh-Hant/help/KB2481.md
---
lang: zh-Hans
title: 重設密碼
---
```
fires: `lang 'zh-Hans' contradicts the folder zh-Hant/, which holds zh-Hant articles`.

## Does not fire
```markdown file=zh-Hant/help/reset.md
# 重設密碼

本文說明如何重設密碼。
```
```markdown file=zh-Hant/README.md
---
home: true
heroText: 說明中心
---
```
```markdown file=zh-Hant/start/index.md
---
home: true
actionText: 開始使用
actionLink: /zh-Hant/help/reset
---
```
```markdown file=zh-Hant/index.md
---
pageType: home
description: 說明中心的首頁
---
```
```markdown file=demo/basic.md
---
order: 0
title:
  zh-TW: 基本用法
  en-US: Basic usage
---
```
```markdown file=zh-Hant/help/old-reset.md
---
redirectTo: reset.html
---
```
```markdown file=zh-Hant/samples/export.md
---
layout: null
---

    vault export --all
```

## Fix
None: the right values are the author's to choose.
""",
    check=check,
)
