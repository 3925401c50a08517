"""The formats kblint reads, and the one place that knows a file's suffix.

A format turns a file's text into its metadata (``FrontMatter``) and a format-neutral
``kblint.model.body.Body``, and owns what ``--fix`` must know about its syntax: the ranges no
edit may touch and the lines a second, independent reader takes for code. Everything above this
layer asks ``format_for(path)`` and never looks at a suffix itself.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:  # imported when a file is read: discovery and a cached run need neither
    from kblint.formats.frontmatter import FrontMatter
    from kblint.model.body import Body, Link, ProseSpan
    from kblint.model.text import LineIndex


@dataclass(frozen=True)
class Parsed:
    """One file read through its format."""

    front: FrontMatter
    body: Body
    front_prose: list[ProseSpan]  # the metadata a reader reads (title, description)


@dataclass(frozen=True)
class Format:
    """A file format: the suffixes it reads, its reader and what no fix may touch in it."""

    name: str
    suffixes: tuple[str, ...]  # lower case, with the dot
    read: Callable[[str, LineIndex], Parsed]
    # Offsets no fix may touch (the metadata, code, expressions, reference labels).
    protected: Callable[[FrontMatter, Body, LineIndex], list[tuple[int, int]]]
    # Line ranges (1-based, inclusive) an independent reader of the format takes for code or
    # raw markup: a fix there is refused, whatever kblint's own parser read.
    code_lines: Callable[[str, FrontMatter], list[tuple[int, int]]]
    # The edits of a fix with their replacements written in the format's syntax (HTML's
    # entities); a format whose text needs no escaping leaves them as they are.
    escape: Callable[[Body, list], list] = lambda body, edits: edits


def _read_markdown(text: str, index: LineIndex, mdx: bool, after_blank_lines: bool = False) -> Parsed:
    from kblint.formats.frontmatter import parse_front_matter, prose_values
    from kblint.formats.markdown import parse_markdown  # a run served by the cache never needs it

    front = parse_front_matter(text, index, after_blank_lines)
    body = parse_markdown(text, index, front.body_line, mdx=mdx)
    return Parsed(front, body, prose_values(front, index) if front.data else [])


def _markdown_protected(front: FrontMatter, body: Body, index: LineIndex) -> list[tuple[int, int]]:
    ranges = []
    if front.present:
        end_line = front.end_line or index.line_count
        ranges.append((0, index.line_end(end_line)))
    for block in body.code_blocks:
        ranges.append((index.line_start(block.start_line), index.line_end(block.end_line)))
    ranges.extend(body.expressions)
    ranges.extend(reference_labels(body.links))
    return ranges


def reference_labels(links: list[Link]) -> list[tuple[int, int]]:
    """The labels of shortcut and collapsed reference links (``[label]``, ``[label][]``):
    their text is the label, which must stay as the definition spells it (an edit there
    would leave the link without a definition)."""
    labels = []
    for link in links:
        if link.reference in ("shortcut", "collapsed"):
            first = link.start + (2 if link.image else 1)
            last = link.end - (3 if link.reference == "collapsed" else 1)
            labels.append((first, max(first, last)))
    return labels


def _commonmark_code_lines(text: str, front: FrontMatter) -> list[tuple[int, int]]:
    """Lines that a CommonMark renderer (markdown-it-py) shows as code or passes through as
    raw HTML. mistune, which kblint parses with, reads a few constructs otherwise (a line of
    five spaces before indented code, a ``[label]:`` without destination before a fence, some
    indented lines in lists): where the two disagree, no fix is applied."""
    lines = text.split("\n")
    first_body = front.body_line if front.present else 1
    # The front matter as blank lines: line numbers stay, YAML is not read as Markdown.
    body = "\n" * (first_body - 1) + "\n".join(lines[first_body - 1 :])
    return [
        (token.map[0] + 1, token.map[1])
        for token in _commonmark().parse(body)
        if token.type in ("fence", "code_block", "html_block") and token.map
    ]


@functools.lru_cache(maxsize=1)
def _commonmark():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


MARKDOWN = Format(
    "markdown", (".md", ".markdown"), lambda text, index: _read_markdown(text, index, False), _markdown_protected, _commonmark_code_lines
)
# MDX: Markdown whose {…} are JavaScript expressions and whose indented lines are JSX.
MDX = Format("mdx", (".mdx",), lambda text, index: _read_markdown(text, index, True), _markdown_protected, _commonmark_code_lines)


def read_with_front_matter_after_blank_lines(form: Format, text: str, index: LineIndex) -> Parsed:
    """``text`` read as ``form`` reads it, its front matter found after the blank lines that
    open it too, as Hugo finds it (an article of another format: as ``form`` reads it)."""
    if form.name in (MARKDOWN.name, MDX.name):
        return _read_markdown(text, index, form.name == MDX.name, after_blank_lines=True)
    return form.read(text, index)

def _read_html(text: str, index: LineIndex) -> Parsed:
    from kblint.formats.frontmatter import FrontMatter
    from kblint.formats.html import parse_html

    body, metadata = parse_html(text, index)
    return Parsed(FrontMatter(data=metadata.data), body, [])


def _html_protected(front: FrontMatter, body: Body, index: LineIndex) -> list[tuple[int, int]]:
    """Every tag (but a link's address), entity and comment: a fix edits text and addresses only."""
    return list(body.html)


def _html_escape(body: Body, edits: list) -> list:
    from kblint.formats.html import escape_edits

    return escape_edits(body, edits)


def _read_text(text: str, index: LineIndex) -> Parsed:
    from kblint.formats.frontmatter import FrontMatter
    from kblint.formats.plaintext import parse_text

    return Parsed(FrontMatter(), parse_text(text, index), [])


def _no_code_lines(text: str, front: FrontMatter) -> list[tuple[int, int]]:
    return []


HTML = Format("html", (".html", ".htm"), _read_html, _html_protected, _no_code_lines, _html_escape)
TEXT = Format("text", (".txt",), _read_text, lambda front, body, index: [], _no_code_lines)

FORMATS: tuple[Format, ...] = (MARKDOWN, MDX)
# Formats of help-center exports: their files are articles in a knowledge base that holds no
# Markdown (kblint.kb.discover), or when named on the command line; elsewhere an .html file is
# a page a link may name, and a .txt file is nobody's article.
EXPORT_FORMATS: tuple[Format, ...] = (HTML, TEXT)
# Shortest first: where a link leaves the suffix out, the commonest file is tried first.
ARTICLE_SUFFIXES: tuple[str, ...] = tuple(sorted((s for f in FORMATS for s in f.suffixes), key=len))
_EXPORT_SUFFIXES: tuple[str, ...] = tuple(s for f in EXPORT_FORMATS for s in f.suffixes)
# What a site serves an article's page as: a link may name the page instead of the file.
SITE_PAGE_SUFFIXES: tuple[str, ...] = (".html", ".htm")
PAGE_SUFFIXES: tuple[str, ...] = ARTICLE_SUFFIXES + SITE_PAGE_SUFFIXES
# The file a folder's address serves, in the order sites look for it.
INDEX_NAMES: tuple[str, ...] = ("index.md", "index.mdx", "README.md", "_index.md", "index.markdown")
# Their names without a suffix, in lower case: an id or an address's last part that names a
# folder's page (docs/deployment/index).
INDEX_STEMS: frozenset[str] = frozenset(name.rsplit(".", 1)[0].lower() for name in INDEX_NAMES)


_BY_NAME = {form.name: form for form in FORMATS + EXPORT_FORMATS}


def format_named(name: str) -> Format:
    """The format whose name is ``name`` (a document's, as it was read)."""
    return _BY_NAME[name]


def format_for(path: str) -> Format | None:
    """The format of the file at ``path`` (any path form), or None when kblint does not read it."""
    lowered = path.lower()
    for candidate in FORMATS + EXPORT_FORMATS:
        if lowered.endswith(candidate.suffixes):
            return candidate
    return None


def format_of_text(path: str, text: str) -> Format | None:
    """``format_for(path)``, but Markdown written for MDX is MDX: a Markdown file that imports
    components (``import Tabs from '@theme/Tabs';``, as Docusaurus, which reads ``.md`` as
    MDX, lets it) is written in MDX's syntax, its JSX and {expressions} included."""
    found = format_for(path)
    return MDX if found is MARKDOWN and _imports_as_mdx(text) else found


# An ES module's import statement on a line of its own, as MDX reads one at the top level.
_ESM_IMPORT = re.compile(r"^import\s+(?:[\w$]+|\{[^}\n]*\}|\*\s+as\s+[\w$]+)(?:\s*,\s*(?:\{[^}\n]*\}|[\w$]+))?\s+from\s+(['\"])[^'\"\n]+\1;?[ \t]*$", re.MULTILINE)
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)", re.MULTILINE)


def _imports_as_mdx(text: str) -> bool:
    """Does ``text`` import a module on a line of its own, outside fenced code (a fence's
    lines before the import are counted: an odd count holds it) and outside a ``<script>``
    element (VitePress's ``<script setup>``, which is Vue in Markdown, not MDX)?"""
    if "import " not in text:
        return False  # most Markdown
    # The fences and script tags before each import are counted on from the last import's
    # line, not from the top again: a page of examples imports in most of its code blocks.
    # (An import's line holds no fence or tag: none starts before it and ends after.)
    fences, opened, closed, since = 0, -1, -1, 0
    for m in _ESM_IMPORT.finditer(text):
        at = m.start()
        fences += len(_FENCE.findall(text, since, at))
        opened = max(opened, text.rfind("<script", since, at))
        closed = max(closed, text.rfind("</script", since, at))
        since = at
        if fences % 2 == 0 and opened <= closed:
            return True
    return False


def is_export_path(path: str) -> bool:
    """Is ``path`` a file of an export format (an article where the knowledge base is an export)?"""
    return path.lower().endswith(_EXPORT_SUFFIXES)


def is_article_path(path: str) -> bool:
    return path.lower().endswith(ARTICLE_SUFFIXES)


# A change log's file (CHANGELOG.md, CHANGES.zh-CN.md, HISTORY.md, RELEASE-NOTES.md): a record
# of releases, titled by its name where it writes no title.
# One file a release is one too (CHANGELOG/CHANGELOG-5.1.0-beta1.md, CHANGELOG_v2.md).
_CHANGE_LOG = re.compile(r"(?:^|/)(?:CHANGELOG|CHANGES|HISTORY|RELEASES?|RELEASE[-_]NOTES)(?:[-_]v?[0-9][\w.-]*|\.[\w-]+)?\.mdx?$", re.IGNORECASE)


def is_change_log(path: str) -> bool:
    return _CHANGE_LOG.search(path) is not None


# The issue, pull (merge) request and discussion templates of GitHub, Gitee and GitLab, in any
# language (.gitee/ISSUE_TEMPLATE.zh-CN.md): forms whoever opens an issue fills in, shown on the
# issue's page (their empty sections are its fields, their relative links lead from its address).
_ISSUE_TEMPLATE = re.compile(
    r"(?:^|/)\.(?:github|gitee|gitlab)/(?:(?:ISSUE|DISCUSSION|PULL_REQUEST|MERGE_REQUEST)_TEMPLATES?|issue_templates|merge_request_templates)(?:/|[.\w-]*\.md$)"
    r"|(?:^|/)(?:ISSUE|PULL_REQUEST)_TEMPLATE[.\w-]*\.md$",
    re.IGNORECASE,
)


def is_issue_template(path: str) -> bool:
    return _ISSUE_TEMPLATE.search(path) is not None


def without_article_suffix(path: str) -> str:
    """``path`` less its article suffix (``a/b.md`` → ``a/b``); unchanged when it has none."""
    lowered = path.lower()
    for suffix in ARTICLE_SUFFIXES:
        if lowered.endswith(suffix):
            return path[: -len(suffix)]
    return path
