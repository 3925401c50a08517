"""Positions from the Markdown layer: every block, prose span and link at its exact place."""


import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from kblint.formats.markdown import MASK, parse_markdown
from kblint.model.text import LineIndex


def parse(text: str, body_line: int = 1):
    return parse_markdown(text, LineIndex(text), body_line)


def prose_positions(text: str, word: str):
    """(line, column) of every prose occurrence of ``word``."""
    index = LineIndex(text)
    result = []
    for span in parse_markdown(text, index, 1).prose:
        start = span.text.find(word)
        while start >= 0:
            result.append(index.position(span.offset(start)))
            start = span.text.find(word, start + 1)
    return result


def assert_prose_maps_to_source(text: str):
    index = LineIndex(text)
    parsed = parse_markdown(text, index, 1)
    for span in parsed.prose:
        for i, ch in enumerate(span.text):
            if ch not in (MASK, "\n"):
                assert text[span.offset(i)] == ch, (span.text, i)
    assert parsed.unaligned == 0


CASES = {
    "crlf": "# Title\r\n\r\nFirst line\r\nsecond word\r\n",
    "tabs": "Intro\n\n-\tone word\n-\ttwo\n\n\tcode here\n",
    "setext": "Heading word\n===\n\nText word\n---\n",
    "lazy": "> quoted\nlazy word\n\n> - item\n> more word\n",
    "nested": "1. one\n   - two\n     > three word\n     > four\n2. five\n",
    "table": "| a | b |\n|---|---|\n| c \\| d | word |\n",
    "cjk": "中文𠀋內容 word 😀 更多\n\n- 項目 word\n",
    "escapes": "A \\*not emphasis\\* word and &amp; entity\n",
    "links": "See [the word](KB1.md \"t\") and <https://x.example/word> and `word`.\n",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_prose_character_maps_back_to_the_source(name):
    assert_prose_maps_to_source(CASES[name])


def test_word_positions_in_containers():
    assert prose_positions(CASES["crlf"], "word") == [(4, 8)]
    assert prose_positions(CASES["lazy"], "word") == [(2, 6), (5, 8)]
    assert prose_positions(CASES["nested"], "word") == [(3, 14)]
    assert prose_positions(CASES["table"], "word") == [(3, 12)]
    assert prose_positions(CASES["tabs"], "word") == [(3, 7)]
    assert prose_positions(CASES["setext"], "word") == [(1, 9), (4, 6)]


def test_columns_count_code_points_not_utf16_units():
    # 𠀋 and 😀 are one column each.
    assert prose_positions(CASES["cjk"], "word") == [(1, 7), (3, 6)]
    assert prose_positions(CASES["cjk"], "更多") == [(1, 14)]


def test_front_matter_offset_and_bom_free_text():
    text = "---\nid: KB1\n---\n\nBody word\n"
    index = LineIndex(text)
    parsed = parse_markdown(text, index, 4)
    assert [(b.kind, b.start_line) for b in parsed.blocks] == [("paragraph", 5)]
    assert index.position(parsed.prose[0].offset(5)) == (5, 6)


def test_non_prose_is_masked():
    text = (
        "Use `the the` and <!-- the the --> and <b>bold</b> and https://example.com/the_the.\n\n"
        "```\nthe the\n```\n\n    the the indented\n\n<div>\nthe the\n</div>\n"
    )
    parsed = parse(text)
    prose = "".join(span.text for span in parsed.prose)
    assert "the the" not in prose.replace("<b>", "").replace("bold the", "")
    assert "<b>" not in prose and "</b>" not in prose  # tags are not prose; the text between them is
    assert prose.startswith("Use ")
    assert [c.start_line for c in parsed.code_blocks] == [3, 7]
    assert parsed.html_comments and "the the" in parsed.html_comments[0][0]


def test_template_tags_are_not_prose():
    # A static-site generator's tags (Liquid, Nunjucks, Jinja): the page shows what they render.
    # A lone "{%" without its closer on the line stays text, and so does a {{placeholder}}.
    text = "{% post_link teh-post 'Link to teh post' %}\n\nHello {{name}}, see {% raw %}teh{% endraw %} and 50{% or.\n"
    parsed = parse(text)
    prose = [span.text for span in parsed.prose]
    assert prose[0].strip(MASK) == ""  # a paragraph of one tag holds no prose
    assert prose[1].count("teh") == 1 and "raw" not in prose[1] and "{{name}}" in prose[1]
    assert prose[1].endswith("and 50{% or.")


def test_links_keep_destination_and_positions():
    text = "Read [Exporting](../en/KB4417.md#steps) or <https://example.com/a>.\n"
    parsed = parse(text)
    first, second = parsed.links
    assert first.url == "../en/KB4417.md#steps" and first.text == "Exporting"
    assert text[first.start] == "[" and text[first.url_start :].startswith("../en/KB4417.md")
    assert second.autolink and second.url == "https://example.com/a"


def test_urls_with_parentheses_and_trailing_punctuation():
    parsed = parse("See https://en.example.org/wiki/Foo_(bar). Then stop.\n")
    assert [u for u, _ in parsed.urls] == ["https://en.example.org/wiki/Foo_(bar)"]
    # A bracket of the sentence that words of another script follow closes before them.
    parsed = parse("미리보기 (기본 http://localhost:4321/blog/)로 이동, https://ko.example.org/wiki/한국어_(언어)를 보세요.\n")
    # (A bracket of the URL's own stays in it, and what follows, as GFM links it.)
    assert [u for u, _ in parsed.urls] == ["http://localhost:4321/blog/", "https://ko.example.org/wiki/한국어_(언어)를"]


def test_ordered_list_numbers_and_headings():
    parsed = parse("# Top\n\n1. a\n2. b\n4. c\n\n## Sub ##\n")
    assert [(h.level, h.text, h.line) for h in parsed.headings] == [(1, "Top", 1), (2, "Sub", 7)]
    (lst,) = parsed.lists
    assert [(i.number, i.line, i.column) for i in lst.items] == [(1, 3, 1), (2, 4, 1), (4, 5, 1)]


# --- cross-check against an independent CommonMark parser -----------------------------------

_KINDS = {
    "heading": "heading_open",
    "paragraph": "paragraph_open",
    "quote": "blockquote_open",
    "list_item": "list_item_open",
    "rule": "hr",
    "table": "table_open",
}

VARIED = [
    "[label]:\n```\ncode\n```\n\nafter\n",  # no destination: text, then a fence
    "[label]:\n# heading\n\nafter\n",
    "Para [x][label].\n\n[label]:\n  https://example.com/next-line\n\nafter\n",
    "# A\n\ntext\nmore\n\n> quote\n> more\n\n- a\n- b\n\n  loose\n\n---\n\n```\ncode\n```\n",
    "Setext\n======\n\npara\n\n    indented\n\n1. one\n2. two\n   - nested\n   - again\n",
    "> # heading in quote\n> para\n>\n> - list in quote\n\nafter\n",
    "- a\n  > quote in list\n  > more\n- b\n\n  para in b\n\n# end\n",
    "| h | i |\n|---|---|\n| 1 | 2 |\n\ntext\r\nwith crlf\r\n\r\n## h2\r\n",
    "1) one\n2) two\n\n* star\n* star\n\n+ plus\n",
    "para\n> quote interrupts\n\n***\n\n- [link](x.md)\n",
    "<!-- comment -->\n\ntext after comment\n\n> > nested\n> > quote\n",
    "| h | i | j |\n|---|---|---|\n| short |\n| 1 | 2 | 3 | extra |\n\nafter\n",  # GFM pads and cuts rows
    "h | i\n--|--\none | two | three\n\n# next\n",
]


def _ours(text: str) -> list[tuple[str, int]]:
    parsed = parse(text)
    result = []
    for block in parsed.blocks:
        if block.kind in _KINDS:
            result.append((_KINDS[block.kind], block.start_line))
        elif block.kind == "code":
            result.append(("code", block.start_line))
        elif block.kind == "list":
            result.append(("list", block.start_line))
    return sorted(result)


def _theirs(text: str) -> list[tuple[str, int]]:
    md = MarkdownIt("commonmark").enable("table")
    result = []
    for token in md.parse(text):
        if token.map is None or token.nesting == -1:
            continue
        kind = token.type
        if kind in ("fence", "code_block"):
            kind = "code"
        elif kind in ("bullet_list_open", "ordered_list_open"):
            kind = "list"
        elif kind not in _KINDS.values():
            continue
        result.append((kind, token.map[0] + 1))
    return sorted(result)


@pytest.mark.parametrize("text", VARIED)
def test_block_start_lines_agree_with_markdown_it(text):
    assert _ours(text) == _theirs(text)


# Plain paragraphs skip mistune's inline parser: the tokens must be the ones it would make.
_PLAIN_PIECES = list("ab 情。&#;:.@/\n\t\f\v\u3000\xa0\u2028") + ["  \n", "KB12", "&amp;"]
_PLAIN_TEXT = st.lists(st.sampled_from(_PLAIN_PIECES), max_size=30).map("".join)


@given(_PLAIN_TEXT)
@settings(max_examples=500, deadline=None)
def test_plain_inline_matches_the_inline_parser(text):
    from kblint.formats.markdown import _markdown, has_inline_markup, plain_inline

    text = text.strip(" \r\n\t\f")
    assume(not has_inline_markup(text))
    assert plain_inline(text) == _markdown().inline(text, {})


# One-line list items that can only be paragraphs skip the block parser: the same tokens.
_ITEM_STARTS = ["a", "Zoë", "設定", "É", "`c` ", "**b** ", "2026 ", "(note) "]
_ITEM_PIECES = [*_ITEM_STARTS, " ", "#", "> ", "- ", "* ", "1. ", "2)", "|", "`", "```", "~~~", "<div>", "[x]: /u", "===", "---", "\t", "    "]


@given(st.sampled_from(_ITEM_STARTS), st.lists(st.sampled_from(_ITEM_PIECES), max_size=12).map("".join))
@settings(max_examples=500, deadline=None)
def test_one_line_list_items_parse_as_the_block_parser_would(start, rest):
    from kblint.formats.markdown import _is_one_line_paragraph, _markdown, _State

    source = start + rest + "\n"
    assert _is_one_line_paragraph(source)
    assert not _is_one_line_paragraph(source + "second line\n") and not _is_one_line_paragraph("- " + source)
    block = _markdown().block
    parsed = _State()
    parsed.process(source)
    block.parse(parsed, block.list_rules)
    assert parsed.tokens == [{"type": "paragraph", "text": source, "_line": 0}]


@given(st.text(alphabet="ab !*<[\\]_`~\n", max_size=12))
def test_inline_markup_is_any_of_its_characters(text):
    from kblint.formats.markdown import INLINE_MARKUP, has_inline_markup

    assert has_inline_markup(text) == any(ch in INLINE_MARKUP for ch in text)


def test_table_rows_with_other_cell_counts_are_rows_as_gfm_reads_them():
    text = "| Name | Kind | Default |\n|---|---|---|\n| one | word |\n| two | word | none | extra |\n"
    parsed = parse(text)
    assert parsed.tables == [(3, 3, 1)]
    assert [s.text for s in parsed.prose if s.kind == "table_cell"] == ["Name", "Kind", "Default", "one", "word", "two", "word", "none"]
    assert_prose_maps_to_source(text)


def test_a_header_without_its_leading_pipe_over_pipe_rows_is_a_table():
    """GFM's outer pipes are optional on each row: " Name | Kind |" over "| --- | --- |"."""
    text = " Name | Kind |\n| --- | --- |\n| one | word |\n"
    parsed = parse(text)
    assert parsed.tables == [(2, 2, 1)]
    assert [s.text for s in parsed.prose if s.kind == "table_cell"] == ["Name", "Kind", "one", "word"]
    assert_prose_maps_to_source(text)


def test_a_templates_filter_in_a_cell_ends_no_cell():
    """{{ .Title | humanize }}: Hugo (or Liquid) renders the action before Markdown reads the row."""
    text = "| Name | Status |\n| --- | --- |\n| traces | [{{ $d.status | humanize }}](/status/) |\n"
    parsed = parse(text)
    assert [s.text for s in parsed.prose if s.kind == "table_cell"] == ["Name", "Status", "traces", "{{ $d.status | humanize }}"]


MDX = """# Title

<Outer>
  <Inner>

    <img
      src="/pictures/deep.png"
      onLoad={() => ready > 1}
    />
    Some nested words.

  </Inner>
</Outer>

<a
  href="/guide/start"
  style={{ display: 'flex' }}
>
  Start here
</a>
"""


def test_mdx_jsx_is_not_indented_code_and_tags_may_span_lines():
    index = LineIndex(MDX)
    parsed = parse_markdown(MDX, index, 1, mdx=True)
    assert parsed.code_blocks == []
    found = [(link.url, link.image, index.position(link.url_start)) for link in parsed.links]
    assert found == [("/pictures/deep.png", True, (7, 12)), ("/guide/start", False, (16, 9))]
    assert [s.text.replace(MASK, "").strip() for s in parsed.prose] == ["Title", "Some nested words.", "Start here"]
    assert not any(b.kind == "quote" for b in parsed.blocks)
    # In Markdown proper the indented lines are code, as CommonMark says.
    assert [c.start_line for c in parse(MDX).code_blocks] == [6]


def test_a_components_href_is_one_link():
    text = 'Read the {name} <Link href="/about/releases">release notes</Link> and <img src="/p.png" />.\n'
    index = LineIndex(text)
    parsed = parse_markdown(text, index, 1, mdx=True)
    found = [(link.url, link.image, index.position(link.url_start)) for link in parsed.links]
    assert found == [("/about/releases", False, (1, text.index("/about") + 1)), ("/p.png", True, (1, text.index("/p.png") + 1))]


def test_html_in_a_javascript_string_links_its_escaped_href():
    """Astro's ``<Fragment set:html={"…"}>`` renders HTML written in a JavaScript string, its
    attributes quoted ``\\"so\\"``: the link is the text between the escaped quotes."""
    text = '<Fragment set:html={"<pre><a href=\\"https://example.dev/rules/strict\\">strict</a> <span style=\\"color: #000;\\">x</span></pre>"} />\n'
    index = LineIndex(text)
    parsed = parse_markdown(text, index, 1, mdx=True)
    found = [(link.url, index.position(link.url_start)) for link in parsed.links]
    assert found == [("https://example.dev/rules/strict", (1, text.index("https:") + 1))]


MDX_FENCES = """<Section>
  <Panel>
    ```js title="Start"
    const answer = 42;
    ```

    Words between.

    ~~~
    plain
    ~~~
  </Panel>
</Section>
"""


def test_mdx_fences_nested_in_jsx_are_code_and_tag_lines_are_blocks_of_their_own():
    parsed = parse_markdown(MDX_FENCES, LineIndex(MDX_FENCES), 1, mdx=True)
    assert [(c.start_line, c.end_line, c.info, c.text) for c in parsed.code_blocks] == [
        (3, 5, 'js title="Start"', "const answer = 42;\n"),
        (9, 11, "", "plain\n"),
    ]
    assert [s.text for s in parsed.prose] == ["Words between."]


MDX_EXPRESSION = """<Archive>
  {({ version }) => (
    <>
      <h2>Version {version}</h2>
      <Link href="/about/releases">All releases</Link>
    </>
  )}
</Archive>

{/* a note for writers */}

Text with {braces} inline.
"""


def test_an_mdx_expression_is_code_with_its_links_kept():
    index = LineIndex(MDX_EXPRESSION)
    parsed = parse_markdown(MDX_EXPRESSION, index, 1, mdx=True)
    # In MDX an inline {…} is a JavaScript expression: code to the prose rules, as fences are.
    assert [s.text for s in parsed.prose] == ["Text with " + MASK * len("{braces}") + " inline."]
    assert [(link.url, index.position(link.url_start)) for link in parsed.links] == [("/about/releases", (5, 19))]


@pytest.mark.timeout(120)  # a hang guard: without the budget this shape takes hours
def test_mdx_scans_of_unclosed_tags_and_expressions_share_one_budget():
    from kblint.formats.blocks import MDX_SCAN_BUDGET as _MDX_SCAN_BUDGET

    text = "<Tag value={\n" * 20_000 + "{\n" * 20_000
    parsed = parse_markdown(text, LineIndex(text), 1, mdx=True)
    assert _MDX_SCAN_BUDGET < len(text) * 1_000
    assert parsed.blocks  # read as CommonMark reads it once the budget is spent


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=' \t\r\n()\\<>"\'ab/.:#?=-_', max_size=16), st.integers(0, 3), st.integers(0, 16))
def test_a_plain_destination_is_scanned_as_the_general_scan_does(text, pos, end):
    from kblint.formats.markdown import _scan_destination, _scan_destination_by_char

    pos, end = min(pos, len(text)), min(max(end, pos), len(text))
    assert _scan_destination(text, pos, end) == _scan_destination_by_char(text, pos, end)


def test_a_footnote_is_no_link_and_definitions_after_it_stay_definitions():
    body = parse("A note[^1] beside a [link][r].\n\n[^1]:訳注\n[r]: https://example.com/a\n")
    assert [(link.url, link.text) for link in body.links] == [("https://example.com/a", "link")]
    assert [span.text for span in body.prose] == ["A note[^1] beside a link."]


def test_a_footnote_without_a_space_keeps_the_link_in_its_text():
    body = parse("A format[^org].\n\n[^org]:規格は[Org](https://org.example/)が提供する。\n")
    assert [(link.url, link.text) for link in body.links] == [("https://org.example/", "Org")]


@pytest.mark.parametrize("table", [False, True])  # the inline shortcut, and mistune's tokens (a table cell)
def test_the_text_of_html_code_elements_is_code(table):
    line = "Type: <code>Promise&lt;teh&gt;</code> and <samp>recieve</samp>, but <kbd>Ctrl</kbd> is a key; <code>(s: <a href=\"#s\">S</a>) => Promise\\<teh\\></code>."
    text = f"| a |\n| - |\n| {line} |\n" if table else f"{line}\n"
    parsed = parse(text)
    prose = "".join(span.text for span in parsed.prose)
    assert "teh" not in prose and "recieve" not in prose and "Ctrl" in prose and "is a key" in prose
    assert [code for code, _, _ in parsed.code_spans] == ["Promise&lt;teh&gt;", "recieve", "(s:", "S", ") => Promise\\<teh\\>"]
    assert_prose_maps_to_source(text)


def test_pymdown_blocks_and_includes_are_markup_and_their_titles_prose():
    text = "Run it:\n\n{* ../docs_src/app/main.py hl[3] *}\n\n//// tab | Windows PowerShell\n\n```\ndir\n```\n\n////\n\n/// note\n\nThe text.\n\n///\n"
    shown = [span.text.replace(MASK, "").strip() for span in parse(text).prose]
    assert [s for s in shown if s] == ["Run it:", "Windows PowerShell", "The text."]


def test_a_vitepress_code_import_is_markup():
    text = "Its code:\n\n<<< @/snippets/setup.js#config{2} [setup.js]\n\n<<< ./parts/x.ts\n\nA here-string: `cat <<< word` and x <<< y.\n"
    shown = [span.text.replace(MASK, "").strip() for span in parse(text).prose]
    assert [s for s in shown if s] == ["Its code:", "A here-string:  and x <<< y."]
    assert_prose_maps_to_source(text)


def test_a_comment_written_as_a_definition_is_markup():
    text = "[//]: # (Generated from the schema, the first line)\n[//]: # (by the [generator](https://example.com/gen.)\n[comment]: <> (and a third)\n\nThe text.\n"
    shown = [span.text.replace(MASK, "").strip() for span in parse(text).prose]
    assert [s for s in shown if s] == ["The text."]
    assert_prose_maps_to_source(text)


def test_an_address_that_is_a_links_text_ends_with_the_link():
    parsed = parse("예: [http://127.0.0.1/items/5](http://127.0.0.1/items/5)(또는 호스트).\n\nSee http://a.example/some\\_path now.\n")
    assert [u for u, _ in parsed.urls] == ["http://127.0.0.1/items/5", "http://127.0.0.1/items/5", "http://a.example/some_path"]
    assert parsed.prose[0].text.endswith("(또는 호스트).")


def test_a_code_span_that_runs_on_in_a_quote_holds_no_quote_marker():
    text = "> It reads `.items |\n> sort` twice.\n>\n> > And `a |\n> > b` once.\n\nThen `c\nd` here.\n"
    md = parse_markdown(text, LineIndex(text), 1, False)
    assert [code for code, _, _ in md.code_spans] == [".items | sort", "a | b", "c d"]


def test_a_spans_offsets_in_one_pass_are_its_offsets_one_by_one():
    text = "# A *b* `c`\n\nSee [the **guide**](x.md) and <kbd>Ctrl</kbd>,\nthen *more*.\n\n| a | [b](y) |\n| - | - |\n| 1 | **2** |\n"
    for span in parse_markdown(text, LineIndex(text)).prose:
        assert span.offsets() == [span.offset(j) for j in range(len(span.text))], span


def test_links_and_anchors_commented_out_are_none():
    """A tag or a link inside an HTML comment or an MDX comment ({/* … */}, which a Docusaurus
    site reads in .md pages too) is no part of the page."""
    text = (
        "# T\n\n{/* See [old](old.md) and {{<figure src=\"logo.png\">}} */}\nA [project](p.md).\n\n"
        "<!-- <img src=\"gone.png\"> -->\n\n<img src=\"here.png\">\n\n<!--\n<a id=\"old\"></a>\n-->\n"
    )
    body = parse_markdown(text, LineIndex(text))
    assert [link.url for link in body.links] == ["p.md", "here.png"]
    assert "old" not in body.anchors
