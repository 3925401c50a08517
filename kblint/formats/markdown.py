"""Markdown parsing with exact source positions.

mistune 3.4 builds a good AST but keeps no positions, and it normalises line endings before
parsing. We extend its block parser so that every block token carries the line it starts on
(child states of block quotes and list items know their line offset), derive end lines from
the siblings, and then align each inline text token against the original source to get exact
columns: where the inline shortcut read a block's text (``kblint.formats.inline``), from the
places it saw each piece at; else by searching the source for each token. The result is a
list of blocks and of *prose spans*: the text a writer wrote, with code (the text of HTML's
``<code>`` and ``<samp>`` too), inline HTML, autolinks and bare URLs masked by NUL
characters, and a map from every prose character back to its offset in the file.

Tables are read as GFM reads them (a row with fewer cells than the header gets empty ones, a
row with more loses the excess, where mistune drops the whole table; a pipe table's row may
leave out its trailing pipe, where mistune ends the table). An MDX file is parsed
with MDX's block rules: no indented code (indentation is JSX nested in a component), and a JSX
tag whose attributes run over several lines is one element.

This relies on mistune internals, so ``pyproject.toml`` pins ``mistune==3.4.*`` and
``tests/test_markdown.py`` cross-checks block lines against an independent parser.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Any, Callable, Iterator, Match, Optional

import mistune
from mistune import list_parser as _lp
from mistune.plugins import table as _table
from mistune.block_parser import BlockParser
from mistune.core import BlockState
from mistune.helpers import unescape_char

from kblint.formats.blocks import JSX_TAG, LIQUID_END, MDX_EXPRESSION_LIMIT, MDX_SCAN_BUDGET, MDX_TAG_LIMIT, LIQUID_HIGHLIGHT, block_tokens, closing_brace, gfm_row, half_piped, pipe_row, paragraph_only, strip_half_piped_header, tags_line_end, without_fence_indent
from kblint.formats.prose import BARE_URL, may_hold_url, trimmed_url
from kblint.formats.math import mask_math
from kblint.formats.heading_ids import mintlify_slug, numbered, slug
from kblint.formats.inline import AUTOLINK, BREAK, CODE, HTML, LINK, OPEN, TEXT, Places, closing_ticks, placed_inline, plain_inline, simple_inline
from kblint.model.body import BLOCK_KINDS, Block, Body, CodeBlock, Heading, Link, ListBlock, ListItem, ProseSpan
from kblint.model.text import MASK, LineIndex


_LIST_NUMBER = re.compile(r"^(?:[ \t]*>)*[ \t]*(\d{1,9})([.)])")

def html_comments_in(raw: str) -> Iterator[tuple[str, int]]:
    """Each ``<!-- … -->`` in ``raw``: its body and where it starts. Linear, where the pattern
    ``<!--(.*?)-->`` rescans to the end of the text from every opener that has no closer."""
    start = raw.find("<!--")
    while start != -1:
        end = raw.find("-->", start + 4)
        if end == -1:
            return  # no closer after this opener: none after any later one either
        yield raw[start + 4 : end], start
        start = raw.find("<!--", end + 3)


def commented_out(text: str) -> list[tuple[int, int]]:
    """Where ``text``'s comments are, HTML's (``<!-- … -->``) and MDX's (``{/* … */}``, which a
    Docusaurus site reads in its .md pages too): what is inside is no part of the page."""
    found = [(start, start + len(body) + 7) for body, start in html_comments_in(text)] if "<!--" in text else []
    start = text.find("{/*")
    while start != -1:
        end = text.find("*/}", start + 3)
        if end == -1:
            break
        found.append((start, end + 3))
        start = text.find("{/*", end + 3)
    return sorted(found)


_NEWLINE = re.compile(r"\r\n|\r|\n")
_BACKTICKS = re.compile(r"`+")
_QUOTE_INDENT = re.compile(r"(?:[ \t]*>)*[ \t]*")
_LIST_MARKER = re.compile(r"(?:^|(?<=[\s>]))\d{1,9}[.)](?=[ \t\r\n]|$)")
# Markup of the Markdown dialects knowledge bases are written in, found in the source: none of
# it is prose. HTML entities; attribute lists ({#id}, { #id }, {: .class}, {width="300"}:
# Pandoc, kramdown, Python-Markdown, Experience League); MDX comments ({/* */}); HTML and JSX tags, also those CommonMark
# does not take for HTML (<img style={{…}} />); GitHub and Experience League alerts ([!NOTE])
# and Experience League's [!DNL text], [!UICONTROL text] (the text inside is prose).
_MARKUP = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    # A template's tag on one line: {% post_link a 'Text' %} (Liquid, Nunjucks, Jinja). The page
    # shows what it renders, not these words. ({{name}} is a placeholder: translation-drift's.)
    r"|\{%[^\n]*?%\}"
    # A server template's tag, over lines too: <% for (doc in list) { %>, <%= name %> (EJS, ERB,
    # JSP, Beetl: a Markdown file that a program fills in).
    r"|<%[\s\S]{0,2000}?%>"
    r"|\{(?:[:#.]|[ \t]+[:#.]|[A-Za-z_-]+=)[^{}\n]*\}"
    r"|\{/\*[^{\n]*?\*/\}"  # no "{" inside: an opener without a closer scans to the next one only
    # An include of MkDocs' FastAPI docs ({* ../docs_src/app.py hl[3] *}), and the fence of a
    # PyMdown block (/// note, //// tab | Linux: the title after "|" is prose).
    r"|\{\*[^\n]*?\*\}"
    r"|(?m:^)[ \t]*/{3,}[ \t]*[\w-]*(?:[ \t]*\|)?"
    # VitePress's import of a file's code (<<< @/snippets/app.js#region{2} [title]): code.
    r"|(?m:^)[ \t]*<<<[ \t]+[@./~\w][^\n]*"
    r"|(?P<tag></?[A-Za-z][\w.:-]*(?:\s(?:[^<>{}]|\{\{?[^{}]*\}?\})*)?/?>)"
    r"|\[!(?P<kind>[A-Z][A-Z_-]*)(?:\]|\s+(?P<inner>[^\[\]\n]*)\])"
)
# A comment as Markdown writes one, a definition no link uses ([//]: # (note), [comment]: <>
# (note)), also where its note holds what makes it no definition to a parser (brackets): a
# line the parser may leave in a paragraph, its text starting past the line's start.
_COMMENT_LINE = re.compile(r"(?m:^)[ \t]{0,3}\[(?://|comment|_)\]:[ \t]*(?:#|<>)[ \t][^\n]*")
# An explicit heading id: {#id} (with other attributes after it), as Python-Markdown's attribute
# lists and kramdown write it also { #id } and {: #id .class }, or MDX's {/*id*/} (Docusaurus
# writes {/* #id */}: the hash is no part of the id).
# MDX sites that read {#id} themselves have it written with its braces escaped: \{#id\}.
# Other attributes may come first: {.notranslate lang=en #localization} (goldmark's).
# A VitePress site may give markdown-it-attrs delimiters of its own: %{#id}% (read as {#id}).
_HEADING_ID = re.compile(r"\\?\{(?::[ \t]*|[ \t]*)(?:[.\w][^{}#\n]*?[ \t])?#([^\s}\\]+)[^}]*\}|\{/\*\s*#?([^*]*?)\s*\*/\}")
# Fumadocs' explicit heading id: "## Title [#custom-id]" at the heading's end. The id starts
# with a letter: "## 1.2 [#345]" is a changelog's heading naming a pull request, its own text.
# The heading's own slug is kept beside it (the page may be read on GitHub, which shows it).
_BRACKETED_ID = re.compile(r"[ \t]*\[#([A-Za-z][\w.:-]*)\][ \t]*#*[ \t]*$")
_HEADING_MARKUP = re.compile(r"%?\\?\{[ \t]*[#.][^}]*\}%?|\{:[^}]*\}|\{/\*?[^}]*?\*?/\}|\[!(?:[A-Z][A-Z_-]*)\s*\]?|\s#+\s*$")


# The markers a block quote's line starts with: a code span that runs onto the next line of a
# quote does not hold them (a paragraph's line that starts with ">" starts a quote: in a
# paragraph, one is the quote's own).
_QUOTE_MARKERS = re.compile(r"\n[ \t]*(?:>[ \t]?)+")


def code_span_text(raw: str) -> str:
    """A code span's text from its source: lines joined by a space, a quote's markers left out."""
    if "\n" in raw and ">" in raw:
        raw = _QUOTE_MARKERS.sub("\n", raw)
    return " ".join(raw.split())


def inline_text(tokens: list[dict[str, Any]]) -> str:
    """What a reader sees of inline tokens: text, code spans' text and link texts, without
    markup, HTML or images."""
    parts = []
    for token in tokens:
        kind = token["type"]
        if kind in ("text", "codespan"):
            parts.append(token.get("raw", ""))
        elif kind in ("softbreak", "linebreak"):
            parts.append(" ")
        elif kind not in ("image", "inline_html") and "children" in token:
            parts.append(inline_text(token["children"]))
    return "".join(parts)


def heading_text(text: str, source: bool = True) -> str:
    """A heading's text without explicit ids, closing hashes, entities or tags. ``source``:
    ``text`` is as written (else it is inline tokens' text, whose tags are already gone and
    whose ``<`` is a character the writer escaped)."""
    import html

    if "{" in text or "[!" in text or "#" in text:
        text = _HEADING_MARKUP.sub("", text)
    if not source:
        # (mistune leaves entities as written: the page shows &shy; as a soft hyphen)
        return _single_spaced(html.unescape(text) if "&" in text else text)
    if "<" in text:
        text = re.sub(r"(?<!\\)</?[A-Za-z][^<>]*>", "", text)  # "\<script setup>" is text
    if "\\" in text:
        text = re.sub(r"\\([!-/:-@[-`{-~])", r"\1", text)  # backslash escapes, as rendered
    if "&" in text:
        text = html.unescape(text)
    return _single_spaced(text)


def _single_spaced(text: str) -> str:
    """``text`` with each run of white space one space, none at the ends; a no-break space
    (U+00A0, French "Titre : x") is a character of the text, which a slug drops, not a space."""
    return " ".join(text.split()) if "\xa0" not in text else _ASCII_SPACES.sub(" ", text).strip(" \t\n\r\f\v")


_ASCII_SPACES = re.compile(r"[ \t\n\r\f\v]+")


# ---------------------------------------------------------------------------------------------
# mistune with line tracking


class _State(BlockState):
    line_offset: int

    def __init__(self, parent: Optional[Any] = None) -> None:
        super().__init__(parent)
        self.line_offset = 0
        self._newlines: list[int] | None = None

    def process(self, src: str) -> None:
        super().process(src)
        self._newlines = None

    def line_at(self, pos: int) -> int:
        """0-based line (relative to the parsed body) of position ``pos`` in this state's src."""
        if pos <= 0:
            return self.line_offset  # the first line: no need to find the line breaks
        return self.line_offset + bisect_left(self.newlines(), pos)

    def line_start(self, line: int) -> int:
        """Where 0-based line ``line`` of this state's src starts (its length past the last)."""
        return self.newlines()[line - 1] + 1 if line > 0 else 0

    def newlines(self) -> list[int]:
        """Where each line break of this state's src is, found on first use."""
        if self._newlines is None:
            self._newlines = [m.start() for m in re.finditer("\n", self.src)]
        return self._newlines

    def add_paragraph(self, text: str) -> None:
        last = self.last_token()
        if last and last["type"] == "paragraph":
            last["text"] += text
        else:
            self.tokens.append({"type": "paragraph", "text": text, "_line": self.line_at(self.cursor)})


# The start of a line that ends a paragraph: a link reference definition's destination cannot
# be there ("[label]:" then a fence is text, then code, in CommonMark; mistune took the fence's
# marker as the destination and the rest of the article as code).
_PARAGRAPH_INTERRUPTION = re.compile(r" {0,3}(?:`{3,}|~{3,}|#{1,6}(?:[ \t]|$)|>|(?:[-*_][ \t]*){3,}$|[-+*][ \t]+\S|1[.)][ \t]+\S|$)", re.M)


# A definition's destination as written: <…> or a run without white space.
_DEFINITION_DESTINATION = re.compile(r"<(?:[^<>\n\\]|\\.)*>|[^\s]+")


class _Parser(BlockParser):
    state_cls = _State

    def parse_ref_link(self, m: Match[str], state: _State) -> Optional[int]:  # type: ignore[override]
        src, pos = state.src, m.end()
        while pos < len(src) and src[pos] in " \t":
            pos += 1
        if pos < len(src) and src[pos] == "\n" and _PARAGRAPH_INTERRUPTION.match(src, pos + 1):
            return None  # no destination on this line, and the next one starts another block
        definitions = state.env["ref_links"]
        known = len(definitions)
        result = super().parse_ref_link(m, state)
        if result is not None and len(definitions) > known and next(reversed(definitions)).startswith("^"):
            # "[^1]: …" defines a footnote (GFM, Goldmark, remark), not a link: "[^1]" is no link
            # to its text. (Read as a definition, a definition written after it stays one.) A
            # footnote with no space whose text holds a link (`[^org]:提供は[org](https://…)`)
            # is read as text: its link is one.
            definitions.popitem()
            end = src.find("\n", pos)
            if "](" in src[pos : end if end >= 0 else len(src)]:
                return None
        elif result is not None and len(definitions) > known:
            # A new definition (the first of a label counts): where its destination is
            # written, for fixes that rewrite it. Its line, and the text as written there.
            while pos < len(src) and src[pos] in " \t\n":
                pos += 1
            written = _DEFINITION_DESTINATION.match(src, pos)
            if written is not None and written.group(0):
                data = next(reversed(definitions.values()))
                data["_where"] = (state.line_at(pos), written.group(0))
        return result

    def parse_method(self, m: Match[str], state: _State) -> Optional[int]:  # type: ignore[override]
        count = len(state.tokens)
        result = super().parse_method(m, state)
        _tag_new_tokens(state, count, m.start())
        return result

    def _parse_indent_code_fast(self, state: _State) -> Optional[int]:  # type: ignore[override]
        # Called at every line start. mistune's test for indented code needs four spaces or a
        # tab among the first four characters: without them, nothing to do.
        head = state.src[state.cursor : state.cursor + 4]
        if head != "    " and "\t" not in head:
            return None
        count = len(state.tokens)
        cursor = state.cursor
        result = super()._parse_indent_code_fast(state)
        _tag_new_tokens(state, count, cursor)
        return result

    def parse_block_quote(self, m: Match[str], state: _State) -> int:  # type: ignore[override]
        # As mistune's, but the child state learns the line it starts on.
        start_line = state.line_at(m.start())
        text, end_pos, lazy_line_starts = self.extract_block_quote(m, state)
        child = state.child_state(text, lazy_line_starts=lazy_line_starts)
        child.line_offset = start_line
        if state.depth() >= self.max_nested_level - 1:
            rules = [r for r in self.block_quote_rules if r not in ("block_quote", "list")]
        else:
            rules = self.block_quote_rules
        self.parse(child, rules)
        token = {"type": "block_quote", "children": child.tokens, "_line": start_line}
        if end_pos:
            state.prepend_token(token)
            return end_pos
        state.append_token(token)
        return state.cursor

    def parse_list(self, m: Match[str], state: _State) -> int:  # type: ignore[override]
        return _parse_list(self, m, state)

    def list_break_pattern(self, leading_width: int) -> re.Pattern[str]:
        # mistune builds this pattern anew for every list item; it depends on the width only.
        cache = self.__dict__.setdefault("_list_break_patterns", {})
        if leading_width not in cache:
            cache[leading_width] = _lp._compile_list_break_sc(self, leading_width)
        return cache[leading_width]


def _line_count(token: dict[str, Any]) -> int:
    """Lines of a token of ``kblint.formats.blocks`` (not a blank line)."""
    kind = token["type"]
    if kind == "paragraph" or kind == "block_text":
        return token["text"].count("\n")
    if kind == "block_code":  # with its fences, or (indented) its lines
        return token["raw"].count("\n") + (1 if token.get("style") == "indent" else 2)
    if kind == "block_html":  # up to its last line with text (one left open runs to the end)
        return token["raw"].rstrip().count("\n") + 1
    if kind == "list":  # up to its last item's last block's last line
        last = token["children"][-1]["children"][-1]
        return last["_line"] - token["_line"] + _line_count(last)
    if kind == "table":  # its header, its alignment row and its rows
        return 2 + len(token["children"][1]["children"])
    if kind == "block_quote":  # up to the end of its last block
        last = token["children"][-1]
        return last["_line"] - token["_line"] + _line_count(last)
    return 1  # a heading


def _tag_new_tokens(state: _State, count: int, pos: int) -> None:
    """Give the tokens added after the first ``count`` the line of ``pos`` (when they have
    none): the line is looked up only when a token was added."""
    if len(state.tokens) > count:
        line = state.line_at(pos)
        for token in state.tokens[count:]:
            token.setdefault("_line", line)


@lru_cache(maxsize=256)
def _list_item_pattern(bullet: str, leading_width: int) -> re.Pattern[str]:
    return re.compile(_lp._compile_list_item_pattern(bullet, leading_width))


def _parse_list(block: _Parser, m: Match[str], state: _State) -> int:
    """mistune's ``parse_list`` with line numbers for list items and their child states."""
    item = _lp._create_list_marker(m, "list")
    if not item.text.strip():
        end_pos = state.append_paragraph()
        if end_pos:
            return end_pos
    depth = state.depth()
    token: dict[str, Any] = {
        "type": "list",
        "children": [],
        "tight": True,
        "bullet": item.bullet,
        "attrs": {"depth": depth, "ordered": item.ordered},
    }
    if item.ordered:
        start = int(item.marker[:-1])
        if start != 1:
            end_pos = state.append_paragraph()
            if end_pos:
                return end_pos
            token["attrs"]["start"] = start
    state.cursor = m.end() + 1
    if depth >= block.max_nested_level - 1:
        rules = [r for r in block.list_rules if r not in ("list", "block_quote")]
    else:
        rules = block.list_rules
    bullet = _lp._get_list_bullet(item.bullet)
    current: Optional[_lp._ListMarker] = item
    while current:
        current = _parse_list_item(block, bullet, current, token, state, rules)
    end_pos = token.pop("_end_pos", None)
    _lp._transform_tight_list(token)
    if end_pos:
        state.tokens.insert(token.pop("_tok_index"), token)
        return end_pos
    state.append_token(token)
    return state.cursor


def _parse_list_item(
    block: _Parser,
    bullet: str,
    item: _lp._ListMarker,
    token: dict[str, Any],
    state: _State,
    rules: list[str],
) -> Optional[_lp._ListMarker]:
    # On entry the cursor is at the start of the line after the item's marker line.
    marker_line = state.line_at(state.cursor) - 1 if state.cursor > 0 else state.line_offset
    text, continue_width = _lp._compile_continue_width(item.text, item.leading_width)
    list_item_re = _list_item_pattern(bullet, item.leading_width)
    break_sc = block.list_break_pattern(item.leading_width)
    lines = _lp._collect_list_item_lines(block, list_item_re, break_sc, state, text, continue_width)
    if lines.loose:
        token["tight"] = False
    if lines.end_pos is not None:
        token["_tok_index"] = lines.token_index
        token["_end_pos"] = lines.end_pos
    source = _lp._build_list_item_source(text, lines.src, continue_width)
    child = state.child_state(source)
    # An item whose marker line is empty starts its content on the next line.
    child.line_offset = marker_line if text else marker_line + 1
    if _is_one_line_paragraph(source):
        child.add_paragraph(source)  # what parsing it would give, without the block parser
    else:
        block.parse(child, rules)
    if token["tight"] and _lp._is_loose_list(child.tokens):
        token["tight"] = False
    token["children"].append({"type": "list_item", "children": child.tokens, "_line": marker_line})
    return lines.next_item or None


# Characters that can start inline markup in mistune (its "fast trigger" characters, less the
# newline): text without any of them is plain text and line breaks.
INLINE_MARKUP = "!*<[\\]_`~"


def has_inline_markup(text: str) -> bool:
    """Does ``text`` hold a character of INLINE_MARKUP? (Nine substring tests in C are several
    times faster than a regular expression's character class on prose.)"""
    return (
        "[" in text or "*" in text or "_" in text or "`" in text or "!" in text
        or "<" in text or "]" in text or "\\" in text or "~" in text
    )  # fmt: skip


def inline_tokens(markdown: mistune.Markdown, text: str, state: BlockState) -> list[dict[str, Any]]:
    """mistune's inline tokens for ``text``: made here when it holds only common markup
    (kblint.formats.inline), else by mistune's inline parser."""
    tokens = simple_inline(text, bool(state.env.get("ref_links")))
    return tokens if tokens is not None else markdown.inline(text, state.env)


class _Markdown(mistune.Markdown):
    def _iter_render(self, tokens, state):  # type: ignore[no-untyped-def]
        # As mistune's, but most paragraphs are plain text: those skip the inline parser.
        for token in tokens:
            if "children" in token:
                token["children"] = list(self._iter_render(token["children"], state))
            elif "text" in token:
                token["children"] = self.render_text(token.pop("text"), state)
            yield token

    def render_text(self, text: str, state: BlockState) -> list[dict[str, Any]]:
        """The inline tokens of a block's text, as mistune's renderer makes them."""
        text = text.strip(" \r\n\t\f")
        if not has_inline_markup(text):
            return plain_inline(text)
        return inline_tokens(self, text, state)


def _is_text_item(children: list[dict[str, Any]]) -> bool:
    """Does a list item of the block shortcut hold its text, then at most a list?"""
    return children[0]["type"] in ("block_text", "paragraph") and (len(children) == 1 or len(children) == 2 and children[1]["type"] == "list")


def _is_one_line_paragraph(source: str) -> bool:
    """Is a list item's ``source`` one line that can only be a paragraph (``paragraph_only``)?"""
    newline = source.find("\n")
    if newline not in (-1, len(source) - 1):
        return False
    line = source[:newline] if newline >= 0 else source
    return bool(line) and paragraph_only(line)


def _parse_gfm_table(block: BlockParser, m: Match[str], state: BlockState, piped: bool) -> Optional[int]:
    """mistune's pipe table (``piped``) or table without outer pipes, with GFM's rows."""
    strip = _table._strip_pipe_table_row if piped else _table._strip_table_line
    pos = m.end()
    align_line = state.get_line(pos)
    if not piped and half_piped(m.group(0), align_line):
        strip = _table._strip_pipe_table_row  # its rows are pipe rows; its header lacks the leading pipe
        header = strip_half_piped_header(m.group(0))
    else:
        header = strip(m.group(0))
    if header is None:
        return None
    align = strip(align_line)
    if align is None:
        return None
    head, aligns = _table._process_thead(header, align)
    if not head or aligns is None:
        return _table._parse_invalid_pipe_table(state, pos + len(align_line)) if piped else None
    pos += len(align_line)
    rows = []
    row_strip = pipe_row if strip is _table._strip_pipe_table_row else strip  # (GFM's rows: the trailing pipe optional)
    while pos < state.cursor_max:
        line = state.get_line(pos)
        text = row_strip(line)
        if text is None:
            break
        rows.append(gfm_row(text, aligns))
        pos += len(line)
    state.append_token({"type": "table", "children": [head, {"type": "table_body", "children": rows}]})
    return pos


def _make_markdown(mdx: bool = False) -> mistune.Markdown:
    plugins = [
        "table",
        "mistune.plugins.table.table_in_quote",
        "mistune.plugins.table.table_in_list",
        "strikethrough",
    ]
    markdown = _Markdown(
        renderer=None,
        block=_Parser(),
        plugins=[mistune.plugins.import_plugin(name) for name in plugins],  # type: ignore[arg-type]
    )
    block = markdown.block
    block.register("table", _table.TABLE_PATTERN, lambda b, m, s: _parse_gfm_table(b, m, s, True))
    block.register("nptable", _table.NP_TABLE_PATTERN, lambda b, m, s: _parse_gfm_table(b, m, s, False))
    if not mdx:  # (Jekyll's Liquid: MDX reads {…} as an expression)
        block.register("liquid_code", LIQUID_HIGHLIGHT, _parse_liquid_code, before="fenced_code")
        for rules in (block.list_rules, block.block_quote_rules):
            block.insert_rule(rules, "liquid_code", before="fenced_code")
    if mdx:
        # MDX has no indented code: indentation is JSX nested in a component. A JSX tag whose
        # attributes run over several lines is one element (CommonMark would take a ">" that
        # starts a line for a block quote).
        block.register("mdx_tag", _MDX_TAG_START, _parse_mdx_tag, before="raw_html")
        block.register("fenced_code", _MDX_FENCE, _parse_mdx_fenced_code)
        block.register("mdx_expression", _MDX_EXPRESSION_START, _parse_mdx_expression, before="raw_html")
        for rules in (block.rules, block.list_rules, block.block_quote_rules):
            if "indent_code" in rules:
                rules.remove("indent_code")
            if rules is not block.rules:
                block.insert_rule(rules, "mdx_tag", before="raw_html")
                block.insert_rule(rules, "mdx_expression", before="raw_html")
    return markdown


def _parse_liquid_code(block: BlockParser, m: Match[str], state: BlockState) -> Optional[int]:
    """A ``{% highlight lang %}`` block (kblint.formats.blocks.LIQUID_HIGHLIGHT), code up to
    its ``{% endhighlight %}`` (to the end of the text when there is none, as Liquid fails the
    page then)."""
    start = m.end() + 1
    closing = LIQUID_END.search(state.src, start)
    code = state.src[start : closing.start()] if closing else state.src[start:]
    state.append_token({"type": "block_code", "raw": code, "style": "fenced", "marker": "{%", "attrs": {"info": m.group("liquid_lang")}})
    if closing is None:
        return state.cursor_max
    line_end = state.src.find("\n", closing.end())
    return line_end + 1 if line_end >= 0 else state.cursor_max


# A fence at any indentation: without indented code, MDX reads a fence nested in JSX as one.
_MDX_FENCE = r"^(?P<fenced_1>[ \t]*)(?P<fenced_2>`{3,}|~{3,})[ \t]*(?P<fenced_3>.*?)$"


def _parse_mdx_fenced_code(block: BlockParser, m: Match[str], state: BlockState) -> Optional[int]:
    """mistune's fenced code, with the opening and closing fences at any indentation (the
    code loses as much indentation as the opening fence has)."""
    spaces, marker, info = m.group("fenced_1", "fenced_2", "fenced_3")
    if info and marker[0] == "`" and "`" in info:
        return None  # an info string of a backtick fence has no backtick (CommonMark)
    end = re.compile(r"^[ \t]*" + re.escape(marker[0]) + "{" + str(len(marker)) + r",}[ \t]*(?:\n|$)", re.M)
    start = m.end() + 1
    closing = end.search(state.src, start)
    code = state.src[start : closing.start()] if closing else state.src[start:]
    code = without_fence_indent(code, len(spaces))
    token: dict[str, Any] = {"type": "block_code", "raw": code, "style": "fenced", "marker": marker}
    if info:
        token["attrs"] = {"info": unescape_char(info).strip()}
    state.append_token(token)
    return closing.end() if closing else state.cursor_max


# A JSX or HTML tag that opens a line.
_MDX_TAG_START = r"^[ \t]*" + JSX_TAG
# (The limits of a tag's scan, an expression's and a body's budget, MDX_TAG_LIMIT and the
# rest, are kblint.formats.blocks' too: its shortcut reads tags as these rules do.)


def _scan_limit(state: BlockState, pos: int, limit: int) -> int:
    """Where a scan from ``pos`` of up to ``limit`` characters must stop: the MDX rules share
    a budget per body (kept in the parse's environment, which child states share), so that a
    body of many unclosed tags or expressions is scanned in linear time, not once per line."""
    budget = state.env.setdefault("_mdx_scan", [MDX_SCAN_BUDGET])
    allowed = min(limit, budget[0], len(state.src) - pos)
    budget[0] -= max(0, allowed)
    return pos + max(0, allowed)


def _tags_line_end(state: BlockState, pos: int) -> tuple[int, bool]:
    """From the tag name's end at ``pos``: the end of the line (after its line break) when
    the line holds tags only, and whether they spanned several lines; (-1, False) else."""
    end = tags_line_end(state.src, pos, lambda at: _scan_limit(state, at, MDX_TAG_LIMIT))
    if end is None or end < 0:
        return -1, False
    # (Between the last tag and the line break there are spaces only.)
    return end, "\n" in state.src[pos:end].rstrip(" \t\n")


def _parse_mdx_tag(block: BlockParser, m: Match[str], state: BlockState) -> Optional[int]:
    """A line of JSX tags is a block of its own in MDX (CommonMark's HTML block runs on to an
    empty line, taking Markdown nested in a component with it), and so are the lines of a
    tag whose attributes run over several lines."""
    line_end, spanned = _tags_line_end(state, m.end())
    if line_end < 0:
        return None
    line_end = min(line_end, state.cursor_max)
    last = state.last_token()
    if last and last["type"] == "paragraph":
        if not spanned:
            return None  # a tag on a paragraph's next line: CommonMark's rules decide
        state.add_paragraph(state.src[state.cursor : line_end])  # an inline element
    else:
        state.append_token({"type": "block_html", "raw": state.src[state.cursor : line_end]})
    return line_end


# A JavaScript expression that opens a line: {/* a comment */}, {items.map(…)}.
_MDX_EXPRESSION_START = r"^[ \t]*\{(?![#:.])"


def _parse_mdx_expression(block: BlockParser, m: Match[str], state: BlockState) -> Optional[int]:
    """An expression is code, JSX inside it included: a block up to the end of the line of its
    closing brace (when only white space follows that)."""
    src = state.src
    at = closing_brace(src, m.end() - 1, _scan_limit(state, m.end() - 1, MDX_EXPRESSION_LIMIT))
    if at < 0:
        return None
    line_end = src.find("\n", at)
    line_end = state.cursor_max if line_end < 0 else line_end + 1
    if src[at + 1 : line_end].strip() or (state.last_token() or {}).get("type") == "paragraph":
        return None
    state.append_token({"type": "block_html", "raw": src[state.cursor : line_end]})
    return line_end


_MARKDOWN: dict[bool, mistune.Markdown] = {}


def _markdown(mdx: bool = False) -> mistune.Markdown:
    found = _MARKDOWN.get(mdx)
    if found is None:
        found = _MARKDOWN[mdx] = _make_markdown(mdx)
    return found


# ---------------------------------------------------------------------------------------------
# Inline alignment


# mistune's token names to the body's neutral block kinds (kblint.model.body.BLOCK_KINDS).
_NEUTRAL_KINDS = {
    "block_text": "paragraph",
    "block_quote": "quote",
    "block_code": "code",
    "block_html": "html",
    "thematic_break": "rule",
    "ref_link": "definition",
}


def _block(kind: str, first: int, last: int, depth: int, attrs: dict[str, Any]) -> Block:
    kind = _NEUTRAL_KINDS.get(kind, kind)
    return Block(kind if kind in BLOCK_KINDS else "other", first, last, depth, attrs)


# An HTML element whose text is code or a program's output, not prose: <code>, <samp>. One
# with a source (<code src="./demo/basic.tsx">Basic</code>) is a component, dumi's demo, whose
# text is the demo's title.
_CODE_ELEMENT = re.compile(r"<(/?)(?:code|samp)(?=[\s>/])(?![^<>]*\ssrc\s*=)", re.IGNORECASE)

_PROSE_BLOCKS = {"paragraph": "paragraph", "block_text": "paragraph", "heading": "heading"}


class _Aligner:
    """Walks inline tokens and finds each one's characters in the source, left to right."""

    def __init__(
        self,
        src: str,
        start: int,
        end: int,
        definitions: dict[str, dict[str, Any]] | None = None,
        locate_definition: Callable[[int, str], tuple[str, int, int] | None] | None = None,
    ) -> None:
        self.src = src
        self.definitions = definitions or {}
        self.locate_definition = locate_definition or (lambda line, written: None)
        self.pos = start
        self.end = end
        self.chars: list[str] = []
        self.text_starts: list[int] = []
        self.src_starts: list[int] = []
        self.links: list[Link] = []
        self.comments: list[tuple[str, int]] = []
        self.html: list[tuple[int, int]] = []
        self.code_spans: list[tuple[str, int, int]] = []
        self.unaligned = 0
        self._length = 0  # characters emitted so far
        self._code_element = 0  # HTML code elements open (<code>…</code>): their text is code
        self._code_run: int | None = None  # the code span the text of a code element extends

    # -- output
    def _emit(self, text: str, src_offset: int) -> None:
        if self._code_element and text != MASK:
            # Text inside <code>…</code>: a code span, as one masked character (one for the
            # pieces of a text read a character at a time, past escapes).
            if self._code_run is not None:
                start = self.code_spans[self._code_run][1]
                end = src_offset + len(text)
                self.code_spans[self._code_run] = (" ".join(self.src[start:end].split()), start, end)
                return
            self._code_run = len(self.code_spans)
            self.code_spans.append((" ".join(text.split()), src_offset, src_offset + len(text)))
            text = MASK
        else:
            self._code_run = None
        index = self._length
        if not (
            self.text_starts
            and self.src_starts[-1] + (index - self.text_starts[-1]) == src_offset
        ):
            self.text_starts.append(index)
            self.src_starts.append(src_offset)
        self.chars.append(text)
        self._length = index + len(text)

    def take(self) -> tuple[str, list[int], list[int]]:
        text = "".join(self.chars)
        result = (text, self.text_starts, self.src_starts)
        self.chars, self.text_starts, self.src_starts, self._length = [], [], [], 0
        self._code_element, self._code_run = 0, None
        return result

    def _code_tag(self, tag: str) -> None:
        """Count ``tag`` in when it opens or closes an HTML code element."""
        m = _CODE_ELEMENT.match(tag)
        if m is not None:
            self._code_element = max(0, self._code_element + (-1 if m.group(1) else 1))

    # -- walking
    def walk(self, tokens: list[dict[str, Any]]) -> None:
        for token in tokens:
            kind = token["type"]
            if kind == "text":
                self._text(token["raw"])
            elif kind in ("softbreak", "linebreak"):
                self._newline()
            elif kind == "codespan":
                self._code_span()
            elif kind == "inline_html":
                raw = token["raw"]
                if raw.startswith("<!--"):
                    found = self.src.find(raw, self.pos, self.end)
                    if found >= 0:
                        self.comments.append((raw[4:-3], found))
                self._skip_literal(raw)
                self._code_tag(raw)
            elif kind in ("link", "image"):
                self._link(token, image=kind == "image")
            elif "children" in token:
                self.walk(token["children"])

    def place(self, places: Places, base: int) -> None:
        """What ``walk`` finds for the inline tokens of the text at ``base`` in the source, from
        where the scanner saw each piece (``kblint.formats.inline.placed_inline``): no search."""
        src, emit = self.src, self._emit
        opened: list[int] = []  # where each open link's text starts in ``chars``
        for place in places:
            kind = place[0]
            if kind is TEXT:
                start = base + place[1]
                emit(src[start : base + place[2]], start)
            elif kind is BREAK:
                emit("\n", base + place[1])
            elif kind is CODE:
                start = base + place[1]
                self.code_spans.append((code_span_text(src[base + place[3] : base + place[4]]), start, base + place[2]))
                emit(MASK, start)
            elif kind is HTML:
                start = base + place[1]
                self.html.append((start, base + place[2]))
                emit(MASK, start)
                self._code_tag(src[start : base + place[2]])
            elif kind is AUTOLINK:
                start, end = base + place[1], base + place[2]
                written = src[start + 1 : end - 1]
                self.links.append(Link(written, written, start, end, start + 1, autolink=True))
                emit(MASK, start)
            elif kind is OPEN:
                opened.append(len(self.chars))
            else:  # LINK
                _, start, url_start, url_end, end, image = place
                text = "".join(self.chars[opened.pop() :]).replace(MASK, "")
                url = src[base + url_start : base + url_end]
                self.links.append(Link(url, text, base + start, base + end, base + url_start, image=image))

    def _text(self, raw: str) -> None:
        if not raw:
            return
        found = _find_after_markup(self.src, raw, self.pos, self.end)
        if found >= 0:
            self._emit(raw, found)
            self.pos = found + len(raw)
            return
        # Rare: the token is not a literal substring; match it character by character,
        # skipping backslash escapes, and give up rather than misplace it.
        pos = self.pos
        placed: list[tuple[str, int]] = []
        for ch in raw:
            limit = min(self.end, pos + 64)
            hit = self.src.find(ch, pos, limit)
            if hit < 0:
                self.unaligned += 1
                return
            placed.append((ch, hit))
            pos = hit + 1
        for ch, hit in placed:
            self._emit(ch, hit)
        self.pos = pos

    def _newline(self) -> None:
        match = _NEWLINE.search(self.src, self.pos, self.end)
        if match is None:
            return
        self._emit("\n", match.start())
        self.pos = match.end()

    def _mask(self, start: int, end: int) -> None:
        if end > start:
            self._emit(MASK, start)
        self.pos = max(self.pos, end)

    def _code_span(self) -> None:
        opening = _BACKTICKS.search(self.src, self.pos, self.end)
        if opening is None:
            self.unaligned += 1
            return
        closing = closing_ticks(opening.end() - opening.start()).search(self.src, opening.end(), self.end)
        end = closing.end() if closing else opening.end()
        if closing:
            code = self.src[opening.end() : closing.start()]
            self.code_spans.append((code_span_text(code), opening.start(), end))
        self._mask(opening.start(), end)

    def _skip_literal(self, raw: str) -> None:
        found = self.src.find(raw, self.pos, self.end)
        end = found + len(raw)
        if found < 0 and "\n" in raw:
            # The parser read the text with its line breaks made "\n": the file may hold "\r\n".
            written = re.compile("(?:\r\n|\r|\n)".join(map(re.escape, raw.split("\n")))).search(self.src, self.pos, self.end)
            found, end = (written.start(), written.end()) if written else (-1, -1)
        if found < 0:
            self.unaligned += 1
            return
        if not raw.startswith("<!--"):
            self.html.append((found, end))
        self._mask(found, end)

    def _link(self, token: dict[str, Any], image: bool) -> None:
        src, end = self.src, self.end
        url = token.get("attrs", {}).get("url", "")
        opener = "![" if image else "["
        start = src.find(opener, self.pos, end)
        # Only a "<" before the opener can be an autolink's: looking no further keeps a long
        # paragraph of links linear.
        angle = src.find("<", self.pos, start if start >= 0 else end)
        if not image and angle >= 0 and (start < 0 or angle < start):
            # An autolink: <https://...> or <user@example.com>
            close = src.find(">", angle, end)
            if close < 0:
                self.unaligned += 1
                return
            written = src[angle + 1 : close]
            self.links.append(Link(written, written, angle, close + 1, angle + 1, autolink=True))
            self._mask(angle, close + 1)
            return
        if start < 0:
            self.unaligned += 1
            self.walk(token.get("children", []))
            return
        self.pos = start + len(opener)
        pieces_from = len(self.chars)  # the link text is what the children emit
        self.walk(token.get("children", []))
        text = "".join(self.chars[pieces_from:])
        close = src.find("]", self.pos, end)
        if close < 0:
            self.unaligned += 1
            return
        self.pos = close + 1
        url_start = start
        written = url
        if src.startswith("(", self.pos):
            dest_start, dest_end, after = _scan_destination(src, self.pos + 1, end)
            written = src[dest_start:dest_end]
            if written.startswith("<") and written.endswith(">"):
                written, dest_start = written[1:-1], dest_start + 1
            url_start = dest_start
            self.pos = after
        link = Link(written, text.replace(MASK, ""), start, self.pos, url_start, image=image)
        if url_start == start:  # not inline: a reference link
            self._reference(link, token)
        self.links.append(link)

    def _reference(self, link: Link, token: dict[str, Any]) -> None:
        """A reference link's form, end, and its definition's destination as written."""
        link.reference = "shortcut"
        if self.src.startswith("[", self.pos):
            label_end = self.src.find("]", self.pos, self.end)
            if label_end >= 0:
                link.reference = "collapsed" if label_end == self.pos + 1 else "full"
                self.pos = label_end + 1
                link.end = self.pos
        where = self.definitions.get(token.get("ref", ""), {}).get("_where")
        if where is not None:
            found = self.locate_definition(*where)
            if found is not None:
                link.url, link.definition_start, link.definition_end = found


# The fields of each kind of place (kblint.formats.inline.Places) that are offsets in the
# text, each with whether it ends something (an end is on the line of the character before it).
_OFFSETS = {
    TEXT: ((1, False), (2, True)),
    BREAK: ((1, False), (2, True)),
    CODE: ((1, False), (2, True), (3, False), (4, True)),
    HTML: ((1, False), (2, True)),
    AUTOLINK: ((1, False), (2, True)),
    OPEN: (),
    LINK: ((1, False), (2, False), (3, True), (4, True)),
}


def _in_source(places: Places, text_starts: list[int], src_starts: list[int]) -> Places:
    """``places`` in the text of several lines, as offsets in the source, whose lines start at
    ``src_starts`` (in the text, at ``text_starts``)."""
    moved = []
    for place in places:
        fields = list(place)
        for i, is_end in _OFFSETS[place[0]]:
            k = bisect_right(text_starts, fields[i] - is_end) - 1
            fields[i] += src_starts[k] - text_starts[k]
        moved.append(tuple(fields))
    return moved


def _find_after_markup(src: str, needle: str, pos: int, end: int) -> int:
    """Where ``needle`` starts in ``src[pos:end]``, if only markup lies before it; else -1."""
    found = src.find(needle, pos, end)
    if found <= pos:
        return found  # right where the last token ended (most text), or not there
    gap = src[pos:found]
    if gap and gap.strip("#>*+- \t"):
        # Markup may lie in between (">", "**", "- ", "1. "), words may not.
        gap = _LIST_MARKER.sub("", gap)
        if any(ch.isalnum() for ch in gap):
            return -1
    return found


# A destination with no space, parenthesis, backslash or <…>, closed at once: most of them.
_PLAIN_DESTINATION = re.compile(r"[ \t\r\n]*([^ \t\r\n()\\<][^ \t\r\n()\\]*|)\)")


def _scan_destination(src: str, pos: int, end: int) -> tuple[int, int, int]:
    """Scan ``(destination "title")`` from just after ``(``.

    Returns the destination's start and end and the offset just after the closing paren.
    """
    plain = _PLAIN_DESTINATION.match(src, pos, end)
    if plain is not None:
        return plain.start(1), plain.end(1), plain.end()
    return _scan_destination_by_char(src, pos, end)


def _scan_destination_by_char(src: str, pos: int, end: int) -> tuple[int, int, int]:
    while pos < end and src[pos] in " \t\r\n":
        pos += 1
    dest_start = pos
    if pos < end and src[pos] == "<":
        close = src.find(">", pos, end)
        pos = close + 1 if close >= 0 else pos + 1
    else:
        depth = 0
        while pos < end:
            ch = src[pos]
            if ch == "\\" and pos + 1 < end:
                pos += 2
                continue
            if ch in " \t\r\n":
                break
            if ch == "(":
                depth += 1
            elif ch == ")":
                if depth == 0:
                    break
                depth -= 1
            pos += 1
    dest_end = pos
    # An optional title, then the closing paren.
    depth = 0
    quote = ""
    while pos < end:
        ch = src[pos]
        if quote:
            if ch == "\\":
                pos += 2
                continue
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "(" and pos > dest_end:
            quote = ")"
        elif ch == ")":
            return dest_start, dest_end, pos + 1
        pos += 1
    return dest_start, dest_end, pos


# ---------------------------------------------------------------------------------------------
# From tokens to the document structure


class _Builder:
    def __init__(self, text: str, index: LineIndex, body_line: int, mdx: bool = False) -> None:
        self.text = text
        self.mdx = mdx  # {…} in prose is a JavaScript expression
        self.index = index
        self.body_line = body_line  # 1-based line of the body's first line
        self.result = Body([], [], [], [], [], [], [], [])
        self.definitions: dict[str, dict[str, Any]] = {}  # mistune's link reference definitions

    def locate_definition(self, line: int, written: str) -> tuple[str, int, int] | None:
        """A definition's destination ``written`` on body line ``line`` (0-based): the
        destination without <…>, and its file offsets; None when it is not there as written."""
        number = self.body_line + line
        if number > self.index.line_count:
            return None
        text = self.index.line_text(number)
        colon = text.find("]:")
        if colon >= 0:
            at = colon + 2 + len(text[colon + 2 :]) - len(text[colon + 2 :].lstrip(" \t"))
        else:  # on the line after the label: only container markup before it
            at = len(text) - len(text.lstrip(" \t>"))
            if number == 1 or not self.index.line_text(number - 1).rstrip().endswith("]:"):
                return None
        if not text.startswith(written, at):
            return None  # not where the parser saw it: better no fix than a wrong one
        start = self.index.line_start(number) + at
        if written.startswith("<") and written.endswith(">"):
            return written[1:-1], start + 1, start + len(written) - 1
        return written, start, start + len(written)

    def line_of(self, token: dict[str, Any], default: int) -> int:
        return self.body_line + token["_line"] if "_line" in token else default

    def last_content_line(self, start: int, end: int) -> int:
        """``end`` moved up past blank lines, but not above ``start``."""
        while end > start and not self.index.line_text(end).strip():
            end -= 1
        return end

    def tokens(
        self, tokens: list[dict[str, Any]], start: int, end: int, depth: int, in_list: bool, in_quote: bool
    ) -> None:
        starts = []
        previous = start
        for token in tokens:
            previous = self.line_of(token, previous)
            starts.append(previous)
        for i, token in enumerate(tokens):
            kind = token["type"]
            if kind == "blank_line":
                continue
            first = starts[i]
            last = starts[i + 1] - 1 if i + 1 < len(tokens) else end
            last = self.last_content_line(first, max(first, last))
            self.token(token, kind, first, last, depth, in_list, in_quote)

    def token(
        self, token: dict[str, Any], kind: str, first: int, last: int, depth: int, in_list: bool, in_quote: bool
    ) -> None:
        attrs = token.get("attrs")
        attrs = dict(attrs) if attrs else {}
        self.result.blocks.append(_block(kind, first, last, depth, attrs))
        if kind in _PROSE_BLOCKS:
            self.prose(token, _PROSE_BLOCKS[kind], first, last, in_list, in_quote)
        elif kind == "block_code":
            self.result.code_blocks.append(
                CodeBlock(first, last, token.get("raw", ""), attrs.get("info", ""), token.get("style") == "fenced")
            )
        elif kind == "block_html":
            base = self.index.line_start(first)
            raw = token.get("raw", "")
            for body, start in html_comments_in(raw):
                self.result.html_comments.append((body, base + start))
            self.result.html.append((base, self.index.line_end(last)))
        elif kind == "block_quote":
            self.tokens(token["children"], first, last, depth + 1, in_list, True)
        elif kind == "list":
            self.list(token, first, last, depth, in_quote)
        elif kind == "table":
            self.table(token, first, last, in_list, in_quote)

    def list(self, token: dict[str, Any], first: int, last: int, depth: int, in_quote: bool) -> None:
        ordered = bool(token.get("attrs", {}).get("ordered"))
        items = token["children"]
        starts = []
        previous = first
        for item in items:
            previous = self.line_of(item, previous)
            starts.append(previous)
        parsed = []
        for i, item in enumerate(items):
            item_first = starts[i]
            item_last = starts[i + 1] - 1 if i + 1 < len(items) else last
            item_last = self.last_content_line(item_first, max(item_first, item_last))
            self.result.blocks.append(_block("list_item", item_first, item_last, depth + 1, {"ordered": ordered}))
            parsed.append(self.list_item(ordered, item_first, item_last))
            self.tokens(item["children"], item_first, item_last, depth + 1, True, in_quote)
        self.result.lists.append(ListBlock(ordered, depth, first, last, parsed))

    def list_item(self, ordered: bool, first: int, last: int) -> ListItem:
        """The item whose marker is on line ``first``: its number and the marker's columns."""
        line_text = self.index.line_text(first)
        number = None
        column = end_column = 1
        if ordered:
            m = _LIST_NUMBER.match(line_text)
            if m:
                number = int(m.group(1))
                column, end_column = m.start(1) + 1, m.end(2) + 1
        else:
            stripped = _QUOTE_INDENT.match(line_text)
            column = (stripped.end() if stripped else 0) + 1
            end_column = column + 1
        return ListItem(number, first, column, end_column, first, last)

    def table(self, token: dict[str, Any], first: int, last: int, in_list: bool, in_quote: bool) -> None:
        aligner = _Aligner(self.text, self.index.line_start(first), self.index.line_end(last), self.definitions, self.locate_definition)
        shape = [0, 0]
        for section in token["children"]:
            rows = [section] if section["type"] == "table_head" else section["children"]
            shape[0] += len(rows)
            shape[1] = max([shape[1], *(len(row["children"]) for row in rows)])
            if section["type"] == "table_body" and first + 2 <= last:
                # Past the delimiter row: a cell of dashes (---) is not placed on it.
                aligner.pos = max(aligner.pos, self.index.line_start(first + 2))
            for row in rows:
                for cell in row["children"]:
                    aligner.walk(cell.get("children", []))
                    self.emit_prose(*aligner.take(), "table_cell", in_list, in_quote)
        self.result.tables.append((shape[0], shape[1], first))
        self.collect(aligner)

    def collect(self, aligner: _Aligner) -> None:
        self.result.links.extend(aligner.links)
        self.result.html_comments.extend(aligner.comments)
        self.result.html.extend(aligner.html)
        self.result.code_spans.extend(aligner.code_spans)
        self.result.unaligned += aligner.unaligned

    def prose(self, token: dict[str, Any], kind: str, first: int, last: int, in_list: bool, in_quote: bool) -> None:
        start, end = self.index.line_start(first), self.index.line_end(last)
        children = token.get("children", [])
        single = children[0] if len(children) == 1 and children[0]["type"] == "text" else None
        found = _find_after_markup(self.text, single["raw"], start, end) if single and single["raw"] else -1
        if found >= 0:
            # One piece of plain text, the most common paragraph: placed without the aligner.
            span = self.emit_prose(single["raw"], [0], [found], kind, in_list, in_quote)
        else:
            aligner = _Aligner(self.text, start, end, self.definitions, self.locate_definition)
            aligner.walk(children)
            span = self.emit_prose(*aligner.take(), kind, in_list, in_quote)
            self.collect(aligner)
        if kind == "heading":
            self.heading(token, first, span)

    def heading(self, token: dict[str, Any], first: int, span: ProseSpan | None, raw: str | None = None) -> None:
        """A heading; ``raw`` is its text when it has no inline markup (else its tokens tell)."""
        level = int(token.get("attrs", {}).get("level", 1))
        source = self.index.line_text(first)
        explicit = _HEADING_ID.search(source) if "{" in source else None
        explicit_id = (explicit.group(1) or explicit.group(2)).strip() if explicit else None
        if explicit_id is None and "[#" in source:
            bracketed = _BRACKETED_ID.search(source)
            explicit_id = bracketed.group(1) if bracketed else None
        plain = raw if raw is not None else inline_text(token.get("children", []))
        text = heading_text(plain, source=raw is not None) if plain else ""
        if span is None:
            self.result.headings.append(Heading(level, text, first, 1, 1, explicit_id))
            return
        stripped = span.text.rstrip()
        line, column = self.index.position(span.offset(len(span.text) - len(span.text.lstrip())))
        _, end_column = self.index.position(span.end_offset(len(stripped)))
        self.result.headings.append(Heading(level, text, line, column, end_column, explicit_id))

    # -- the tokens of kblint.formats.blocks' shortcut

    def plain(
        self, tokens: list[dict[str, Any]], markdown: "_Markdown", state: BlockState, depth: int = 0, in_quote: bool = False
    ) -> None:
        """Place the block tokens of a plain body (``kblint.formats.blocks``), whose extents are known:
        what ``tokens`` does, without searching for where each block ends, and lines of text
        without markup without the inline parser or the aligner's searches."""
        for n, token in enumerate(tokens):
            kind = token["type"]
            if kind == "blank_line" or kind == "ref_definition":
                continue  # a definition's destination is read where a link uses it
            first = self.body_line + token["_line"]
            last = first + _line_count(token) - 1
            if kind == "list":
                last = self.over_definitions(tokens, n + 1, last)
            if kind == "paragraph":
                self.result.blocks.append(_block(kind, first, last, depth, {}))
                self.plain_text(token, "paragraph", first, last, False, in_quote, markdown, state)
            elif kind == "heading":
                self.result.blocks.append(_block(kind, first, first, depth, dict(token["attrs"])))
                self.plain_text(token, "heading", first, first, False, in_quote, markdown, state)
            elif kind in ("block_code", "block_html", "thematic_break"):
                self.token(token, kind, first, last, depth, False, in_quote)
            elif kind == "block_quote":
                self.result.blocks.append(_block(kind, first, last, depth, {}))
                self.plain(token["children"], markdown, state, depth + 1, True)
            elif kind == "table":
                if self.plain_table(token, first, last, depth, in_quote, state):
                    continue
                for row in [token["children"][0], *token["children"][1]["children"]]:
                    for cell in row["children"]:
                        cell["children"] = markdown.render_text(cell.pop("text"), state)
                self.token(token, kind, first, last, depth, False, in_quote)
            else:
                self.plain_list(token, first, last, depth, in_quote, markdown, state)

    def plain_table(self, token: dict[str, Any], first: int, last: int, depth: int, in_quote: bool, state: BlockState) -> bool:
        """Place a table of a plain body (a row a line, the delimiter row second) as ``table``
        places it, each cell's text found on its row's line and its pieces placed by the
        inline scanner: no inline parser, no aligner's searches. False, with nothing placed,
        where a cell is not written as its text (an escaped pipe) or the scanner leaves it
        to mistune."""
        head, body = token["children"][0], token["children"][1]["children"]
        cells = self._placed_cells([(first, head), *((first + 2 + n, row) for n, row in enumerate(body))], state)
        if cells is None:
            return False
        self.result.blocks.append(_block("table", first, last, depth, {}))
        aligner = _Aligner(self.text, self.index.line_start(first), self.index.line_end(last), self.definitions, self.locate_definition)
        for placed in cells:
            if placed is not None:
                aligner.place(placed[1], placed[0])
            self.emit_prose(*aligner.take(), "table_cell", False, in_quote)
        self.result.tables.append((1 + len(body), max(len(row["children"]) for row in (head, *body)), first))
        self.collect(aligner)
        return True

    def _placed_cells(self, rows: list[tuple[int, dict[str, Any]]], state: BlockState) -> list[tuple[int, Places] | None] | None:
        """(where its text starts, the scanner's places) of each cell of ``rows`` (line, row), None
        for an empty one; None when a cell cannot be placed so."""
        has_definitions = bool(state.env.get("ref_links"))
        found: list[tuple[int, Places] | None] = []
        for line, row in rows:
            pos, end = self.index.line_start(line), self.index.line_end(line)
            for cell in row["children"]:
                text = cell["text"]
                if not text:
                    found.append(None)
                    continue
                at = self.text.find(text, pos, end)
                placed = placed_inline(text, has_definitions, tokens=False) if at >= 0 else None
                if placed is None:
                    return None
                found.append((at, placed[1]))
                pos = at + len(text)
        return found

    def over_definitions(self, tokens: list[dict[str, Any]], after: int, last: int) -> int:
        """``last``, or the last line of the definitions that follow at ``tokens[after]``: the
        general walk ends a block where the next token starts, and definitions make none (the
        list took the empty lines before them)."""
        while after < len(tokens) and tokens[after]["type"] == "ref_definition":
            last = self.body_line + tokens[after]["_line"]
            after += 1
        return last

    def plain_list(
        self, token: dict[str, Any], first: int, last: int, depth: int, in_quote: bool, markdown: "_Markdown", state: BlockState
    ) -> None:
        """A list of items of text, each holding at most such a list (on the lines up to the
        next item), placed as ``list`` places it; an item that holds other blocks is placed by
        the general walk."""
        items = token["children"]
        ordered = token["attrs"]["ordered"]
        self.result.blocks.append(_block("list", first, last, depth, dict(token["attrs"])))
        parsed = []
        for n, item in enumerate(items):
            line = self.body_line + item["_line"]
            item_last = self.body_line + items[n + 1]["_line"] - 1 if n + 1 < len(items) else last
            if not token["tight"]:
                item_last = self.last_content_line(line, item_last)  # not the empty lines between items
            of_blocks = not _is_text_item(item["children"])
            if of_blocks:
                item_last = self.last_content_line(line, item_last)  # as the general walk ends it
            self.result.blocks.append(_block("list_item", line, item_last, depth + 1, {"ordered": ordered}))
            parsed.append(self.list_item(ordered, line, item_last))
            if of_blocks:
                # Other blocks in the item: placed as the general walk places them, once
                # their text has its inline tokens.
                self.tokens(list(markdown._iter_render(item["children"], state)), line, item_last, depth + 1, True, in_quote)
                continue
            child, *nested = item["children"]
            text_last = line + child["text"].count("\n") - 1  # the item's text, on its lines
            if not nested and n + 1 == len(items):
                text_last = item_last  # as the item's last block, over what the list was stretched over
            self.result.blocks.append(_block(child["type"], line, text_last, depth + 1, {}))
            self.plain_text(child, "paragraph", line, text_last, True, in_quote, markdown, state)
            for inner in nested:
                self.plain_list(inner, text_last + 1, item_last, depth + 1, in_quote, markdown, state)
        self.result.lists.append(ListBlock(ordered, depth, first, last, parsed))

    def plain_text(
        self,
        token: dict[str, Any],
        kind: str,
        first: int,
        last: int,
        in_list: bool,
        in_quote: bool,
        markdown: "_Markdown",
        state: BlockState,
    ) -> None:
        raw = token.pop("text")
        text = raw.strip(" \r\n\t\f")
        if has_inline_markup(text):
            self.marked_text(token, raw, text, kind, first, last, in_list, in_quote, markdown, state)
            return
        if first == last:
            # One line of plain text: it ends its line (what follows a marker or starts it),
            # but a heading's, which spaces or closing hashes may follow (``## Usage ##``).
            at = self.index.line_end(first) - len(raw.rstrip("\n").lstrip(" \t"))  # (after an indentation)
            if kind == "heading" and self.text[at : self.index.line_end(first)] != raw.rstrip("\n"):
                at = self._heading_text_start(first, text, at)
            span = self.emit_prose(text, [0], [at], kind, in_list, in_quote)
            if kind == "heading":
                self.heading(token, first, span, text)
            return
        self.emit_prose(*self.plain_lines(raw, text, first), kind, in_list, in_quote)

    def _heading_text_start(self, line: int, text: str, otherwise: int) -> int:
        """Where a heading's ``text`` starts on its ``line``: after its first "#" (and any
        block quote or list marker before it)."""
        start, end = self.index.line_start(line), self.index.line_end(line)
        source = self.text[start:end]
        found = source.find(text, source.find("#") + 1)
        return start + found if found > 0 else otherwise

    def marked_text(
        self, token: dict[str, Any], raw: str, text: str, kind: str, first: int, last: int, in_list: bool, in_quote: bool, markdown: "_Markdown", state: BlockState
    ) -> None:
        """A paragraph or heading with inline markup. The inline scanner says where each of its
        pieces lies in the text, and ``text_lines`` where each of the text's lines lies in the
        source. When the scanner leaves the text to mistune, or a line is not where it is
        expected, the aligner searches the source for each token."""
        lines = self.text_lines(raw, text, first)
        heading = kind == "heading"  # (a heading's text is read from its tokens)
        placed = placed_inline(text, bool(state.env.get("ref_links")), tokens=heading) if lines is not None else None
        if placed is None:
            # (No second look when the scanner left the text to mistune.)
            token["children"] = inline_tokens(markdown, text, state) if lines is None else markdown.inline(text, state.env)
            self.prose(token, kind, first, last, in_list, in_quote)
            return
        children, places = placed
        aligner = _Aligner(self.text, 0, len(self.text))
        text_starts, src_starts = lines
        # A line's shift (source start less text start) is at least the line before's: the
        # first and last alike, the text is one run of the source (one line, most often).
        if src_starts[-1] - text_starts[-1] == src_starts[0]:
            aligner.place(places, src_starts[0])
        else:
            aligner.place(_in_source(places, text_starts, src_starts), 0)
        span = self.emit_prose(*aligner.take(), kind, in_list, in_quote)
        self.collect(aligner)
        if heading:
            token["children"] = children
            self.heading(token, first, span)

    def text_lines(self, raw: str, text: str, first: int) -> tuple[list[int], list[int]] | None:
        """Where each line of ``text`` (``raw`` stripped, from line ``first``, each of whose
        lines ends its source line) starts in it and in the source; None when a line is not
        written there as it is in the text (or ``raw`` holds a carriage return)."""
        if "\r" in raw:
            return None
        raw_lines = raw.split("\n")
        lead = len(raw) - len(raw.lstrip(" \t\f"))
        source = self.text
        text_starts, src_starts = [], []
        at = 0
        for k, line in enumerate(text.split("\n")):
            start = self.index.line_end(first + k) - len(raw_lines[k]) + (lead if k == 0 else 0)
            if not source.startswith(line, start):
                return None
            text_starts.append(at)
            src_starts.append(start)
            at += len(line) + 1
        return text_starts, src_starts

    def plain_lines(self, raw: str, text: str, first: int) -> tuple[str, list[int], list[int]]:
        """A paragraph of plain lines from line ``first`` (``raw``, each line of which ends its
        source line) as prose: what the aligner makes of its text and line breaks, without
        searching for either. A line break is one "\n" at the break in the source, after the
        line's trailing spaces."""
        index = self.index
        lines = raw.split("\n")
        pieces = text.split("\n")
        pieces[:-1] = [piece.rstrip(" ") for piece in pieces[:-1]]  # spaces before a break go
        # A line's indentation is no text (the first line's is stripped with the text's).
        indents = [len(lines[0]) - len(lines[0].lstrip(" \t\f"))]
        for k in range(1, len(pieces)):
            kept = pieces[k].lstrip(" \t")
            indents.append(len(pieces[k]) - len(kept))
            pieces[k] = kept
        text_starts: list[int] = []
        src_starts: list[int] = []
        length = 0
        for k, piece in enumerate(pieces):
            line = first + k
            start = index.line_end(line) - len(lines[k]) + indents[k]
            if not text_starts or src_starts[-1] + (length - text_starts[-1]) != start:
                text_starts.append(length)
                src_starts.append(start)
            length += len(piece)
            if k + 1 < len(pieces):
                newline = index.line_end(line)
                if src_starts[-1] + (length - text_starts[-1]) != newline:
                    text_starts.append(length)
                    src_starts.append(newline)
                length += 1
        return "\n".join(pieces), text_starts, src_starts

    def emit_prose(
        self, text: str, text_starts: list[int], src_starts: list[int], kind: str, in_list: bool, in_quote: bool
    ) -> ProseSpan | None:
        if not text:
            return None
        text = self.mask_urls(text, text_starts, src_starts)
        if self.mdx and "{" in text:
            text = self.mask_expressions(text, text_starts, src_starts)
        if "&" in text or "{" in text or "[!" in text or "<" in text or "///" in text or ": #" in text:
            text = self.mask_markup(text, text_starts, src_starts)
        lines = self.index.starts  # offsets here lie inside the file: no clamping needed
        start_line = bisect_right(lines, src_starts[0])
        span = ProseSpan(kind, text, start_line, start_line, in_list, in_quote, text_starts, src_starts)
        last = src_starts[0] + len(text) - 1 - text_starts[0] if len(src_starts) == 1 else span.offset(len(text) - 1)
        span.end_line = bisect_right(lines, last)
        self.result.prose.append(span)
        return span

    def mask_markup(self, text: str, text_starts: list[int], src_starts: list[int]) -> str:
        """``text`` with the prose characters that stand for extension markup in the source
        (``_MARKUP``: entities, ``{#id}``, ``{/* */}``, JSX and HTML tags, ``[!NOTE]``, the
        brackets of ``[!DNL text]``, a comment written as a definition) masked; the text inside
        ``[!DNL …]`` stays prose."""
        first = src_starts[0]
        last = src_starts[-1] + len(text) - text_starts[-1]
        ranges = []
        for m in _MARKUP.finditer(self.text, first, last):
            if m.group("kind"):
                if m.group("inner") is None:
                    self.result.admonitions.append((m.group("kind"), self.index.position(m.start())[0]))
                    ranges.append((m.start(), m.end()))
                else:  # [!DNL text]: the brackets and the keyword are markup
                    ranges.append((m.start(), m.start("inner")))
                    ranges.append((m.end("inner"), m.end()))
                    if m.group("kind") == "DNL":
                        self.result.kept.append(m.group("inner").strip())
            else:
                if m.group("tag"):
                    self.result.html.append((m.start(), m.end()))
                ranges.append((m.start(), m.end()))
        if ": #" in text or ": <>" in text:  # what such a line leaves in the prose
            begin = self.text.rfind("\n", 0, first) + 1
            ranges.extend((m.start(), m.end()) for m in _COMMENT_LINE.finditer(self.text, begin, last))
        return _masked(text, text_starts, src_starts, ranges)

    def mask_expressions(self, text: str, text_starts: list[int], src_starts: list[int]) -> str:
        """``text`` with the prose characters of MDX expressions (``{props.name}``,
        ``{format(a, b)}``) masked: JavaScript, not prose."""
        first = src_starts[0]
        last = src_starts[-1] + len(text) - text_starts[-1]
        ranges = mdx_expressions(self.text, first, last)
        for start, end in ranges:
            self.result.expressions.append((start, end))
        return _masked(text, text_starts, src_starts, ranges)


    def mask_urls(self, text: str, text_starts: list[int], src_starts: list[int]) -> str:
        if not may_hold_url(text):
            return text
        pieces = []
        last = 0
        for m in BARE_URL.finditer(text):
            url = _within_the_link(trimmed_url(m.group(0)), m.start(), text_starts, src_starts, self.text)
            if not url:
                continue
            start, end = m.start(), m.start() + len(url)
            k = bisect_right(text_starts, start) - 1
            self.result.urls.append((url, src_starts[k] + start - text_starts[k]))
            pieces.append(text[last:start])
            pieces.append(MASK * (end - start))
            last = end
        if not pieces:
            return text
        pieces.append(text[last:])
        return "".join(pieces)


def _within_the_link(url: str, start: int, text_starts: list[int], src_starts: list[int], source: str) -> str:
    """``url``, found at ``start`` of a span's text, up to the end of the link whose text it
    is, where the file has the link's markup between its characters ("[http://host/items/5](…)
    (또는 …": the sentence's bracket follows the link)."""
    k = bisect_right(text_starts, start)
    while k < len(text_starts) and text_starts[k] < start + len(url):
        expected = src_starts[k - 1] + (text_starts[k] - text_starts[k - 1])
        if "]" in source[expected : src_starts[k]]:
            return url[: text_starts[k] - start]
        k += 1
    return url


def _masked(text: str, text_starts: list[int], src_starts: list[int], ranges: list[tuple[int, int]]) -> str:
    """``text`` with the prose characters that lie in the file ranges ``ranges`` masked."""
    if not ranges:
        return text
    chars = list(text)
    bounds = text_starts[1:] + [len(text)]
    for a, b in ranges:
        # Only the pieces the range overlaps (pieces lie in source order): one binary
        # search, not a walk over every piece of the paragraph for every range.
        k = max(0, bisect_right(src_starts, a) - 1)
        while k < len(src_starts) and src_starts[k] < b:
            t0, s0, t1 = text_starts[k], src_starts[k], bounds[k]
            lo, hi = max(a, s0), min(b, s0 + (t1 - t0))
            for i in range(t0 + lo - s0, t0 + hi - s0):
                chars[i] = MASK
            k += 1
    return "".join(chars)


_EXPRESSION_MARKS = re.compile(r"[{}\\\"'`]")


def mdx_expressions(src: str, start: int, end: int) -> list[tuple[int, int]]:
    """The file ranges of the MDX expressions (``{…}``, braces nested, strings skipped) that
    open in ``src[start:end]``; an escaped brace (``\\{``) is text, an expression left open
    runs to ``end``."""
    ranges = []
    depth, opened, quote = 0, -1, ""
    for m in _EXPRESSION_MARKS.finditer(src, start, end):
        ch, at = m.group(0), m.start()
        if ch == "\\":
            continue  # an escape: the character after it looks behind
        if at > start and src[at - 1] == "\\" and not (at > start + 1 and src[at - 2] == "\\"):
            continue  # escaped
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'`":
            if depth:
                quote = ch
        elif ch == "{":
            if depth == 0:
                opened = at
            depth += 1
        elif depth:  # "}"
            depth -= 1
            if depth == 0:
                ranges.append((opened, at + 1))
    if depth:
        ranges.append((opened, end))
    return ranges


# An HTML or JSX tag's attributes that may name an anchor or a destination; a value quoted
# \"so\" is HTML written in a JavaScript string (Astro's <Fragment set:html={"<a href=\"…\">"}>).
_HTML_ATTRIBUTE = re.compile(r"""\s([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|\\"([^"\\]*)\\"|([^\s"'<>{}]+))""")
# Attributes of MDX components that become a page anchor (<Recipes titleId="x">,
# <TeamMember permalink="x">): the site renders them as an element's id.
# Mintlify's components whose title is an anchor of the page, made a slug as its headings.
_TITLED_ANCHORS = frozenset({"Tab", "Accordion"})
_COMPONENT_ANCHORS = re.compile(r"(?:id|Id|ID|[_-]id|permalink|anchor|slug)$")
_HTML_TAG_NAME = re.compile(r"<([A-Za-z][\w.:-]*)")
# An attribute _finish reads (an id, a name, a link, a title, a component's anchor): a tag
# without one names no anchor and links nothing.
_WANTED_ATTRIBUTE = re.compile(r"(?:id|name|href|src|title|permalink|anchor|slug)\s*=", re.IGNORECASE)
_MDX_ESM = re.compile(r"(?:import|export)\s")


# An MDX import of a Markdown file, alone on its line: import Cache from './_cache.mdx'
_PARTIAL_IMPORT = re.compile(r"""^import\s+([A-Za-z_$][\w$]*)\s+from\s+(["'])(\.{1,2}/[^"'\n]+\.mdx?)\2\s*;?[ \t]*$""", re.M)


def rendered_partials(text: str) -> list[str]:
    """The Markdown files (paths as written) that the page imports and renders as components
    (``import Cache from './_cache.mdx'`` and ``<Cache />``): Docusaurus and Astro put their
    headings in the page."""
    found = []
    for m in _PARTIAL_IMPORT.finditer(text):
        if re.search(rf"<{re.escape(m.group(1))}[\s/>]", text):
            found.append(m.group(3))
    return found


def heading_anchors(headings: list[Heading]) -> list[tuple[str, Heading]]:
    """(anchor, heading) for every anchor the headings give: their slugs, numbered as GitHub
    numbers repeats, or their explicit ids. A heading's explicit id is its only one: every
    generator that reads ``{#id}`` (or ``{/*id*/}``, ``[#id]``) gives it instead of a slug,
    and one that does not shows the braces, whose slug has the id's words too."""
    slugs = numbered(slug(heading.text) for heading in headings if not heading.explicit_id)
    return [(heading.explicit_id or next(slugs), heading) for heading in headings]


# kramdown's block attribute list on a line of its own ({: #apt}, {: #fn1 .note}): the id of
# the block beside it, a heading's or a paragraph's.
_BLOCK_IAL = re.compile(r"^[ \t]*\{:[ \t]*#([^\s}]+)[^}\n]*\}[ \t]*$", re.MULTILINE)


# A MyST target, a line of its own: "(label)=" names the place after it (Sphinx's label).
_MYST_TARGET = re.compile(r"^\(([^()\s]+)\)=[ \t]*$", re.MULTILINE)


def _block_attribute_ids(result: Body, text: str) -> list[str]:
    """The ids kramdown's block attribute lists give, outside code."""
    found = []
    for m in _BLOCK_IAL.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        if not result.in_code(line):
            found.append(m.group(1))
    return found


def _inside(ranges: list[tuple[int, int]], offset: int) -> bool:
    """Is ``offset`` inside one of the sorted, separate ``ranges``?"""
    k = bisect_right(ranges, (offset, float("inf"))) - 1
    return k >= 0 and ranges[k][0] <= offset < ranges[k][1]


_TAG = re.compile(r"<[A-Za-z][^<>]*>")


def _tags_with_wanted_attributes(chunk: str) -> Iterator[re.Match[str]]:
    """The tags of ``chunk`` (as ``_TAG.finditer`` finds them) that hold an attribute _finish
    reads, in order: found from those attributes, not by reading every tag (a page of rendered
    output holds thousands, each a style or a class). A tag holds no "<" but its first: the one
    before an attribute starts the tag that holds it, if any does."""
    last = -1
    for hit in _WANTED_ATTRIBUTE.finditer(chunk):
        opening = chunk.rfind("<", 0, hit.start())
        if opening <= last:
            continue  # (no tag, or the one just read)
        tag = _TAG.match(chunk, opening)
        if tag is not None and tag.end() > hit.start():
            last = opening
            yield tag


def _finish(result: Body, text: str, mdx: bool) -> None:
    """What the body's parts tell together: its anchors (heading slugs numbered as GitHub
    numbers repeats, explicit heading ids, HTML ids and names) and the links of its HTML."""
    anchors = [anchor for anchor, _ in heading_anchors(result.headings)]
    # A tag may be recorded twice (by the inline parser and by the markup mask): one link.
    linked = {link.url_start for link in result.links}
    named = [heading.explicit_id for heading in result.headings if heading.explicit_id]
    comments = commented_out(text) if "<!--" in text or "{/*" in text else []
    for start, end in result.html:
        chunk = text[start:end]
        if "=" not in chunk:
            continue
        for tag in _tags_with_wanted_attributes(chunk):
            if comments and _inside(comments, start + tag.start()):
                continue  # a tag commented out: no link, no anchor
            name = _HTML_TAG_NAME.match(tag.group(0))
            element = name.group(1).lower() if name else ""
            component = bool(name) and name.group(1)[:1].isupper()
            for m in _HTML_ATTRIBUTE.finditer(tag.group(0)):
                written = m.group(1)
                attribute = written.lower()
                value = next(v for v in m.group(2, 3, 4, 5) if v is not None)
                if not value:
                    continue
                if attribute == "id" or (attribute == "name" and element == "a") or (component and _COMPONENT_ANCHORS.search(written)):
                    anchors.append(value)
                    named.append(value)
                elif attribute == "title" and name and name.group(1) in _TITLED_ANCHORS:
                    anchors.append(slug(value))  # Mintlify's <Tab title="New Agent">: #new-agent
                    named.append(mintlify_slug(value))
                elif attribute in ("href", "src") and (component or element not in ("script", "iframe", "link")):
                    # (a component's href is a link: <Link href="/x"> is not HTML's <link>)
                    at = start + tag.start() + m.start(m.lastindex)
                    if at in linked:
                        continue
                    linked.add(at)
                    tag_start = start + tag.start()
                    result.links.append(Link(value, "", tag_start, tag_start + len(tag.group(0)), at, image=element != "a" and not (component and attribute == "href")))
    if comments and "{/*" in text:
        # (A Markdown link inside an MDX comment is parsed as one: it is commented out too.)
        result.links = [link for link in result.links if not _inside(comments, link.start)]
    if "{:" in text:
        ids = _block_attribute_ids(result, text)
        anchors.extend(ids)
        named.extend(ids)
    if ")=" in text:
        labels = _MYST_TARGET.findall(text)  # MyST's "(sft-dataset)=" before a heading: a target links name
        anchors.extend(labels)
        named.extend(labels)
    result.anchors = list(dict.fromkeys(anchors))
    result.named_anchors = list(dict.fromkeys(named))
    if "import" in text:
        result.includes = rendered_partials(text)
    if mdx:
        # An MDX file's import and export statements are code, not paragraphs.
        result.prose = [s for s in result.prose if not (s.kind == "paragraph" and not s.in_list and _MDX_ESM.match(s.text))]


_REF_LINK = re.compile(BlockParser.SPECIFICATION["ref_link"], re.M)  # mistune's own rule, matched at a line's start


def _read_definitions(blocks: list[dict[str, Any]], markdown: mistune.Markdown, state: _State) -> bool:
    """Have mistune read the link reference definitions the block shortcut marked (its
    ``ref_definition`` tokens, each one line of the body) into ``state.env``, in order, as its
    parser would before any inline text is read. False when mistune reads one of them over
    other lines than its own: the body is then mistune's."""
    for token in blocks:
        if token["type"] != "ref_definition":
            continue
        line = token["_line"]
        state.cursor = state.line_start(line)
        m = _REF_LINK.match(state.src, state.cursor)
        if m is None or markdown.block.parse_ref_link(m, state) != state.line_start(line + 1):
            return False
    return True


def parse_markdown(text: str, index: LineIndex, body_line: int = 1, mdx: bool = False) -> Body:
    """Parse the Markdown body of ``text`` that starts at 1-based line ``body_line`` (``mdx``:
    the file is MDX, whose import and export lines are code)."""
    body = text[index.line_start(body_line) :] if body_line <= index.line_count else ""
    builder = _Builder(text, index, body_line, mdx)
    markdown = _markdown(mdx)
    src = body.replace("\r\n", "\n").replace("\r", "\n")  # as mistune's parse does
    if not src.endswith("\n"):
        src += "\n"
    # Plain bodies skip mistune's block parser (kblint.formats.blocks) and the general walk over its
    # tokens, where lines are lines of ``index`` too (not so with a lone CR as line break).
    blocks = block_tokens(src, mdx=mdx) if body.count("\r") == body.count("\r\n") else None
    state = _State()
    if blocks is not None:
        state.process(src)
        if not _read_definitions(blocks, markdown, state):
            blocks, state = None, _State()
    if blocks is not None:
        builder.definitions = state.env["ref_links"]
        builder.plain(blocks, markdown, state)  # type: ignore[arg-type]
    else:
        tokens, _ = markdown.parse(body, state)
        builder.definitions = state.env.get("ref_links", {})
        last_line = builder.last_content_line(body_line, index.line_count) if body else body_line
        builder.tokens(tokens, body_line, max(body_line, last_line), 0, False, False)  # type: ignore[arg-type]
    for link in builder.result.links:
        if not link.image:
            builder.result.urls.append((link.url, link.url_start))
    builder.result.urls.sort(key=lambda item: item[1])
    builder.result.lists.sort(key=lambda item: item.start_line)
    builder.result.html_comments.sort(key=lambda item: item[1])
    if builder.result.headings or builder.result.html or mdx:
        _finish(builder.result, text, mdx)
    if "$" in body:
        mask_math(builder.result, text, index)  # TeX, not prose
    return builder.result
