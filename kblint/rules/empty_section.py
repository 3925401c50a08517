from __future__ import annotations

import bisect
import re
from typing import Iterator

from kblint.formats.frontmatter import names_a_component_layout
from kblint.formats.registry import is_change_log, is_issue_template
from kblint.kb.identity import normalize_tag
from kblint.model.finding import Finding, Severity
from kblint.rules.api import Rule


def _place(block, end: bool = False):
    """Where a block starts (or ends): its file offset where the format gives it (in HTML a
    heading and its text may share a line), else its line."""
    offsets = block.attrs.get("offsets")
    if offsets is not None:
        return offsets[1] - 1 if end else offsets[0]  # the end: its last character, as a line is
    return block.end_line if end else block.start_line


def place_key(doc, config) -> tuple[bool, bool]:
    """What the check reads of the article's place: whether its path names an issue template,
    a change log (see Rule.place_key)."""
    return is_issue_template(doc.relpath), is_change_log(doc.relpath)


def check(doc, config) -> Iterator[Finding]:
    if is_issue_template(doc.relpath):
        return
    texts = {h.line: h for h in doc.body.headings}
    if len(texts) == 1 and names_a_component_layout(doc.front.data):
        return  # a theme's component renders the page from its front matter: a title alone is its text
    empty = _sharing_a_body(doc, list(_empty_headings(doc, texts)), texts)
    k = 0
    while k < len(empty):
        run = _run_from(empty, k)
        heading, nxt = empty[k]
        start, end = _heading_span(doc, heading, texts)
        if len(run) >= _A_LIST:
            titles = ", ".join(f"'{_title(h, texts)}'" for h, _ in run[:3]) + (", …" if len(run) > 3 else "")
            message = f"{len(run)} headings in a row have no text under them ({titles}): give each its content, or write them as a list if they are one"
        else:
            after = f"before '{texts[nxt.start_line].text}'" if nxt is not None and nxt.start_line in texts else "at the end of the article"
            title = _title(heading, texts)
            if title.strip() and nxt is None and len(texts) == 1 and heading.attrs.get("level", 1) == 1:
                # A page of a title alone (a category's index page with nothing in it): the
                # page is empty, not a section of it, and its title is not to go.
                message = f"the article has nothing under its title '{title}': write its text, or list the pages it introduces"
            elif title.strip():
                message = f"section '{title}' is empty {after}: add content or remove the heading"
            else:  # a heading's marks alone ("### "): a heading without a title or text
                marks = doc.index.line_text(heading.start_line).strip()
                message = f"heading '{marks}' has no title and nothing under it {after}: remove it"
        yield RULE.finding(doc, start, end, message)
        k += len(run) if len(run) >= _A_LIST else 1


_A_LIST = 3  # empty headings of one level in a row: a list written as headings, one finding


def _sharing_a_body(doc, empty: list[tuple], texts: dict) -> list[tuple]:
    """``empty`` less the headings of an API's names stacked over one text that names them all:
    ``### router.beforeEach``, ``### router.afterEach``, then their signatures (each name its
    own anchor), or an option's forms (``-c, --cache``, ``--no-cache``, then what sets the
    cache): names of code of one level, the last with text. (A stack is a run of ``empty``,
    each right before the next: each run is read once, whatever its length.)"""
    kept: list[tuple] = []
    k = 0
    while k < len(empty):
        run = _run_from(empty, k)
        last = run[-1][1]  # the heading after the stack
        level = run[0][0].attrs.get("level", 1)
        if not (last is not None and last.attrs.get("level", 1) == level and _shared(doc, [h for h, _ in run], last, texts)):
            kept.extend(run)
        k += len(run)
    return kept


def _shared(doc, stack: list, last, texts: dict) -> bool:
    """Are the empty ``stack`` and the heading ``last`` after it names of code, each named in
    the text under ``last`` (up to the next heading)?"""
    names = [_name_of_code(_title(h, texts)) for h in (*stack, last)]
    if not all(names):
        return False
    start = doc.index.line_end(last.end_line)
    following = doc.text[start : start + 4000]
    text = following[: following.find("\n#")] if "\n#" in following else following
    return all(any(word in text for word in words) for words in names[:-1])


# A name of code, one word: a dotted name, a call, a variable, snake_case or lower camelCase
# (router.beforeEach, dev(dir), addRuntimePlugin); or an option's forms and argument (-c,
# --cache [cache]). Its words, without their dashes and brackets, are what the text names.
_CODE_NAME = re.compile(r"[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+(?:\(.*\))?|[A-Za-z_$][\w$]*\(.*\)|[a-z][a-z0-9]*(?:[A-Z_][a-z0-9]*)+")
_OPTIONS = re.compile(r"-{1,2}[A-Za-z][\w-]*(?:, ?-{1,2}[A-Za-z][\w-]*)*(?: [\[<][\w.-]+[\]>])?")


def _name_of_code(title: str) -> list[str]:
    """The words a name of code is named by (``--cache`` for ``-c, --cache [cache]``), or []
    for a title that is no name of code ("Installation", "MySQL", "1. Register")."""
    plain = title.replace("`", "").strip()
    if _OPTIONS.fullmatch(plain):
        return [word for word in re.findall(r"-{1,2}([A-Za-z][\w-]*)", plain) if len(word) > 1]
    if _CODE_NAME.fullmatch(plain):
        return [plain.split("(", 1)[0]]
    return []


def _empty_headings(doc, texts: dict) -> Iterator[tuple]:
    """Each empty heading block, with the heading after it (None at the article's end);
    ``texts``: the headings by line."""
    blocks = [b for b in doc.body.blocks if b.depth == 0]
    headings = [b for b in blocks if b.kind == "heading"]
    # A heading that names a language (## zh-CN, ## en-US) opens that language's text of a page
    # that holds each language's (Arco Design's and Ant Design's demos and templates): content
    # of the section it is in, and no section of its own.
    languages = [h for h in headings if _names_a_language(_title(h, texts))] if "-" in doc.text or "_" in doc.text else []
    if languages:
        headings = [h for h in headings if h not in languages]
    small_print = doc.body.closing_small_print()
    # Where content starts, sorted: one binary search per heading instead of a scan of every
    # block (an article of 20,000 headings stays linear).
    content = sorted([_place(b) for b in blocks if b.kind != "heading"] + [_place(h) for h in languages])
    changelog = is_change_log(doc.relpath)
    demos = None  # the lines code blocks write headings with, once an empty heading asks
    for i, heading in enumerate(headings):
        level = heading.attrs.get("level", 1)
        nxt = headings[i + 1] if i + 1 < len(headings) else None
        if nxt is not None and nxt.attrs.get("level", 1) > level:
            continue  # a subsection is content
        if nxt is None and heading is small_print:
            continue  # a colophon ("generated by … on …") set as the smallest heading, not a section
        if i == 0 and level == 1 and nxt is not None:
            continue  # the page's title: it needs no text of its own before the first section
        limit = _place(nxt) if nxt is not None else (len(doc.text) if "offsets" in heading.attrs else doc.index.line_count) + 1
        k = bisect.bisect_right(content, _place(heading, end=True))
        if k < len(content) and content[k] < limit:
            continue
        if demos is None:
            demos = _demonstrated_lines(doc)
        if _no_section(doc, heading, texts, demos):
            continue
        if changelog and _RELEASE.match(_title(heading, texts)) and (nxt is None or _RELEASE.match(_title(nxt, texts))):
            # A release with no notable change: its heading records that it was made. (Before
            # a "## Features" of its level, a level is wrong, and that is reported.)
            continue
        yield heading, nxt


def _no_section(doc, heading, texts: dict, demos: dict[str, int]) -> bool:
    """Is the empty ``heading`` no section at all: an anchor, a link, a placeholder, or what a
    code block above it renders?"""
    named = texts.get(heading.start_line)
    if named is not None and named.explicit_id and not named.text.strip():
        return True  # "#### {#mount-options}": an anchor for links, written as a heading without a title
    line = doc.index.line_text(heading.start_line)
    if _LINK_HEADING.match(line):
        return True  # a heading that is a link alone ("### [More concepts](concepts.md)") points at its content
    if demos.get(line.strip(), heading.start_line) < heading.start_line:
        return True  # "### Title <Tag …/>" after a code block that writes it: the code's output, shown
    return _PLACEHOLDER.fullmatch(_title(heading, texts).strip()) is not None  # "## TODO": placeholder-text's


def _demonstrated_lines(doc) -> dict[str, int]:
    """Each line of the article's code blocks that writes a heading ("### Title <Tag />"),
    with the first code block's line: a page that shows what such code renders repeats it."""
    found: dict[str, int] = {}
    for block in doc.body.code_blocks:
        if "#" in block.text:
            for line in block.text.split("\n"):
                if line.lstrip().startswith("#"):
                    found.setdefault(line.strip(), block.start_line)
    return found


# A heading that is a placeholder alone (the words placeholder-text looks for).
_PLACEHOLDER = re.compile(r"(?:TODO|TBD|FIXME|XXX|待補充?|待补充?|待翻譯|待翻译)[.:：]?")


# A project's change log, and a release's heading in it ("0.21.2 (2022-01-06)", "v2.0.24").
_RELEASE = re.compile(r"\[?v?\d+\.\d+")

_LINK_HEADING = re.compile(
    r"[ ]{0,3}#{1,6}[ \t]+(?:[^\w\s\[\]`*_<>]{1,4}[ \t]*)?"
    r"(?:\[[^\]\n]+\]\([^()\s]+(?:[ \t]+\"[^\"\n]*\")?\)|<a\s[^<>\n]*href=[^<>\n]*>[^<>\n]+</a>)[ \t]*#*[ \t]*$", re.IGNORECASE
)  # (written in Markdown, or as HTML: "## <a href='…/en/'>English</a>")


_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}[-_][A-Za-z]{2,4}")


def _names_a_language(title: str) -> bool:
    title = title.strip()
    return _LANGUAGE_TAG.fullmatch(title) is not None and normalize_tag(title) is not None


def _run_from(empty: list[tuple], k: int) -> list[tuple]:
    """The empty headings from ``empty[k]`` on, each right before the next, all of one level."""
    run = [empty[k]]
    level = empty[k][0].attrs.get("level", 1)
    while k + len(run) < len(empty):
        nxt = run[-1][1]
        following = empty[k + len(run)]
        if nxt is not following[0] or following[0].attrs.get("level", 1) != level:
            break
        run.append(following)
    return run


def _title(heading, texts: dict) -> str:
    info = texts.get(heading.start_line)
    return info.text if info else ""


def _heading_span(doc, heading, texts: dict) -> tuple[int, int]:
    info = texts.get(heading.start_line)
    if info is not None:
        return doc.index.offset(info.line, info.column), doc.index.offset(info.line, info.end_column)
    return doc.index.line_start(heading.start_line), doc.index.line_end(heading.start_line)


RULE = Rule(
    code="KL205",
    name="empty-section",
    severity=Severity.WARNING,
    summary="A heading with no content before the next heading of the same or a higher level.",
    documentation="""\
## What it does
Reports a heading that is followed directly by a heading of the same or a higher level, or by
the end of the article. A heading followed by a deeper subheading is not empty: the subsection
is its content, and so is a heading that names a language (`## zh-CN`, `## en-US`: a page
that holds each language's text opens each so). The page's level-1 title is no section: another level-1 heading may follow it, and a page of
its title alone (a category's index page with nothing written yet) is reported as an empty
page, not a section whose heading is to go. A
level-5 or level-6 heading that ends the article is small print (a generator's
"generated on" line), not a section. Three or more empty headings of one level in a row are
one finding, at the first: an outline not written yet, or a list written as headings
(`#### Forum`, `#### Chat`, `#### Mail`). A heading that is a link alone (`### [More
concepts](concepts.md)`, also after a pointing mark: `## 👉 [Demo](…)`, or HTML's `## <a href="…">English</a>`) points at its content elsewhere, a heading of an
id alone (`#### {#mount-options}`) is an anchor for links, not a section, and a heading that is a placeholder
alone (`## TODO`, a page still to write) is `placeholder-text`'s to report. In a change log
(`CHANGELOG.md`, `HISTORY.md`, `RELEASES.md`), a release's heading (`## 3.2.1 (2024-05-02)`)
with nothing under it before the next release records a release with no notable change. Names
of code stacked over one text that names them all (`### router.beforeEach`, `### router.afterEach`,
then their signatures; an option's forms, `-c, --cache` and `--no-cache`, then what sets the
cache) each give their name an anchor: the text under the last is theirs. The issue, pull request
and discussion templates of GitHub, Gitee and GitLab (`.github/ISSUE_TEMPLATE/`,
`.gitee/ISSUE_TEMPLATE.zh-CN.md`, `PULL_REQUEST_TEMPLATE.md`) are not read: their empty
sections are fields to fill in.

## Why it matters
An empty "Troubleshooting" section promises help that is not there; it is usually a template
left unfilled or content lost in a migration.

## Example
```markdown
## Troubleshooting

## If the device comes back
```

## Does not fire
```markdown
## Troubleshooting

### The lock does not apply
Restart the device.
```

```markdown
## Options

Run it with `--all`.

###### Generated from the command's help text
```

## Fix
None.
""",
    check=check,
    text_alone=True,
    place_key=place_key,
)
