"""The block shortcut gives mistune's own tokens, or leaves the body to mistune."""

from hypothesis import given, settings
from hypothesis import strategies as st

from mistune.plugins.table import _split_table_cells

from kblint.formats.blocks import block_tokens, split_cells
from kblint.formats.markdown import _markdown, _read_definitions, _State


def mistune_tokens(src: str, mdx: bool = False) -> list[dict]:
    state = _State()
    state.process(src)
    _markdown(mdx).block.parse(state)
    return state.tokens


def mistune_definitions(src: str, mdx: bool = False) -> dict:
    state = _State()
    state.process(src)
    _markdown(mdx).block.parse(state)
    return state.env["ref_links"]


def shortcut_definitions(src: str, tokens: list[dict], mdx: bool = False) -> dict | None:
    """The definitions mistune reads on the lines the shortcut marked, or None when it reads
    one of them over other lines (the body is then mistune's)."""
    state = _State()
    state.process(src)
    return state.env["ref_links"] if _read_definitions(tokens, _markdown(mdx), state) else None


def without_definitions(tokens: list[dict]) -> list[dict]:
    return [token for token in tokens if token["type"] != "ref_definition"]


ARTICLE = """\
# Reset a vault password

Open the vault settings and choose **Reset**.
The `kbtool` command works too; see KB1002.

1. Sign in as an administrator.
2. Choose Reset password.

```text
kbtool reset --vault main
```
## Related articles

- KB1002 - Export a vault
- KB1003 - 匯出保存庫


請參見 KB1002。
"""


def test_a_plain_article_takes_the_shortcut_and_matches_mistune():
    tokens = block_tokens(ARTICLE)
    assert tokens is not None
    assert tokens == mistune_tokens(ARTICLE)
    assert [t["type"] for t in tokens] == [
        "heading", "blank_line", "paragraph", "blank_line", "list", "block_code", "heading", "blank_line", "list", "paragraph",
    ]  # fmt: skip


def test_leading_empty_lines_are_counted_as_mistune_counts_them():
    src = "\n\nText\n"
    assert block_tokens(src) == mistune_tokens(src) == [
        {"type": "blank_line", "newlines": 2, "_line": 0},
        {"type": "paragraph", "text": "Text\n", "_line": 2},
    ]


def test_a_block_quote_of_plain_blocks_takes_the_shortcut():
    src = "> **Note:** the link expires.\n> Ask again.\n\n> - one\n> - two\n"
    tokens = block_tokens(src)
    assert tokens is not None and tokens == mistune_tokens(src)
    assert [t["type"] for t in tokens] == ["block_quote", "blank_line", "block_quote"]
    assert tokens[2]["children"][0]["attrs"]["depth"] == 1


def test_a_pipe_table_takes_the_shortcut_and_matches_mistune():
    src = "Set these.\n\n| Setting | Value |\n|:--- | ---:|\n| `sync` | on |\n| [Retention](KB2.md) | 30 |\n| short |\n\nDone.\n"
    tokens = block_tokens(src)
    assert tokens is not None and tokens == mistune_tokens(src)
    assert [t["type"] for t in tokens] == ["paragraph", "blank_line", "table", "blank_line", "paragraph"]
    assert model(src) == general_model(src)


@given(st.text(alphabet="|\\ \tab`-", max_size=24))
@settings(max_examples=400, deadline=None)
def test_a_rows_cells_are_mistunes(row):
    assert split_cells(row) == _split_table_cells(row)


def test_a_list_in_a_list_item_takes_the_shortcut_and_matches_mistune():
    src = "- Settings\n  - [Sync](KB2.md)\n    1. Turn it on\n  - Retention\n- Accounts\n\nDone.\n"
    tokens = block_tokens(src)
    assert tokens is not None and tokens == mistune_tokens(src)
    outer = tokens[0]["children"][0]
    assert [t["type"] for t in outer["children"]] == ["block_text", "list"]
    assert outer["children"][1]["attrs"]["depth"] == 1
    assert model(src) == general_model(src)


def test_an_ordered_list_keeps_its_start_number():
    src = "3. Third step\n4. Fourth step\n"
    tokens = block_tokens(src)
    assert tokens == mistune_tokens(src)
    assert tokens[0]["attrs"] == {"depth": 0, "ordered": True, "start": 3}


def shortcut_tokens(src: str) -> list[dict]:
    """The shortcut's tokens for ``src``, held to mistune's and to the general walk's placement."""
    tokens = block_tokens(src)
    assert tokens is not None and tokens == mistune_tokens(src), src
    assert model(src) == general_model(src), src
    return tokens


def test_an_item_whose_text_goes_on_indented_takes_the_shortcut_and_matches_mistune():
    tokens = shortcut_tokens("1. Open the vault settings\n   and choose **Reset**.\n   - Sign in again\n2. Done.\n\n> [!NOTE]\n> Keep the key.\n")
    first = tokens[0]["children"][0]["children"]
    assert first[0] == {"type": "block_text", "text": "Open the vault settings\nand choose **Reset**.\n", "_line": 0}
    assert [t["type"] for t in first] == ["block_text", "list"] and tokens[1]["type"] == "block_quote"
    # The last item's lines, a nested item's, and under a bullet of another width.
    for src in ("- one\n- two\n  goes on\n", "- one\n  - two\n    goes on\n  - three\n", "10. ten\n    goes on\n\nText\n"):
        shortcut_tokens(src)


def test_a_loose_list_takes_the_shortcut_and_matches_mistune():
    tokens = shortcut_tokens("- Open the settings.\n\n- Choose **Reset**\n  and confirm.\n  - Sign in again\n\n\n- Done.\n\nText\n")
    assert tokens[0]["tight"] is False and [t["type"] for t in tokens] == ["list", "paragraph"]
    second = tokens[0]["children"][1]["children"]
    assert [t["type"] for t in second] == ["paragraph", "list"] and second[1]["tight"] is True
    for src in ("1. one\n\n2. two\n", "- one\n- two\n\n- three\n", "- one\n\n- two\n\n> [!NOTE]\n> Keep it.\n"):
        shortcut_tokens(src)


def test_thematic_breaks_take_the_shortcut_and_match_mistune():
    for src in ("Text\n\n---\n\nMore\n", "***\n# Heading\n", "- item\n\n- - -\n", "_ _ _\t\n", "> ---\n> quoted\n", "<div>\n</div>\n\n----\n"):
        assert "thematic_break" in str(shortcut_tokens(src))


def test_a_list_right_after_a_paragraph_takes_the_shortcut_and_matches_mistune():
    for src in ("Run these:\n- `kbtool sync`\n- `kbtool check`\n", "Steps:\n1. Open it.\n2. Close it.\n\nDone.\n", "> Note:\n> * one\n"):
        shortcut_tokens(src)
    assert [t["type"] for t in block_tokens("Run these:\n- one\n")] == ["paragraph", "list"]


def test_a_container_of_colons_is_text_as_mistune_reads_it():
    tokens = shortcut_tokens(":::tip\nKeep the key.\n:::\n\n::: warning Note\nNot the vault.\n:::\n")
    assert [t["type"] for t in tokens] == ["paragraph", "blank_line", "paragraph"]
    assert [t["type"] for t in shortcut_tokens("a | b\n:--|--:\n")] == ["table"]  # a table without outer pipes


def test_a_line_that_starts_with_a_bracket_goes_on_with_the_paragraph_above():
    """A link reference definition cannot interrupt a paragraph: "[" goes on with its text."""
    for src in ("Read the\n[summit notes](https://e.x) first.\n", "Text\n[a]: /url\n", "- Read the\n  [notes](KB1.md) too.\n"):
        shortcut_tokens(src)


def test_a_fence_whose_info_string_holds_escapes_takes_the_shortcut():
    tokens = shortcut_tokens('```js [[1, 1, "\\"a\\""]] &amp;\nlet a = 1;\n```\n')
    assert tokens[0]["attrs"] == {"info": 'js [[1, 1, ""a""]] &amp;'}


def test_an_item_with_up_to_four_spaces_after_its_marker_takes_the_shortcut():
    tokens = shortcut_tokens("*  `href`: a string.\n*  `crossOrigin`: its policy,\n   over two lines.\n")
    assert [c["children"][0]["text"] for c in tokens[0]["children"]] == ["`href`: a string.\n", "`crossOrigin`: its policy,\nover two lines.\n"]
    shortcut_tokens("1.  Open it.\n    - then this\n2. Close it.\n")
    assert block_tokens("-     five spaces: code\n") is None  # indented code in the item: mistune's


# Bodies the shortcut leaves to mistune, each for a reason of its own.
FALLBACKS = {
    "block quote with a lazy line": "> quoted\nlazy\n",
    "nested block quote": "> > quoted\n",
    "table followed by text": "| a | b |\n| - | - |\nText\n",
    "table with a header the alignment row does not match": "| a | b |\n| - |\n",
    "table without pipes under a paragraph": "Text\na | b\n--|--\n",
    "a declaration after a paragraph's line": "Text\n<!DOCTYPE html>\n",
    "a tag that starts an item's text alone on its line": "- <Intro>\n",
    "a closing fence indented four spaces (MDX's reader closes the code there)": "```\ncode\n    ```\nmore\n```\n",
    "a processing instruction": "<?xml version='1.0'?>\n",
    "HTML ended by a line of spaces": "<div>\n  \nText\n",
    "HTML in a block quote": "> <div>\n",
    "link reference with its title on the next line": "[ref]: https://example.com\n'Title'\n",
    "link reference followed by text": "[ref]: https://example.com\nText\n",
    "link reference over two lines": "[long\nlabel]: https://example.com\n",
    "setext heading": "Title\n=====\n",
    "thematic break that is indented": " ***\n",
    "thematic break under a paragraph's line (a setext heading)": "Text\n---\n",
    "unclosed fence": "```\ncode\n",
    "backtick in the info string": "``` a`b\ncode\n```\n",
    "tilde fence": "~~~\ncode\n~~~\n",
    "item numbered 2 right after a paragraph (it goes on with the text)": "Text\n2. item\n",
    "empty item right after a paragraph (a setext heading)": "Text\n-\n",
    "item that holds a list": "- 1. nested\n",
    "item whose lines make a link reference definition": "- [multi\n  line]: https://example.com\n",
    "nested ordered list that starts at 2": "- item\n  2. nested\n",
    "item that holds a link reference definition": "- [ref]: https://example.com\n",
    "empty item": "-\n",
}


def test_link_reference_definitions_on_lines_of_their_own_take_the_shortcut():
    src = "See [Stream] and [the docs][docs], or [an inline link](/x).\n\n[Stream]: https://example.com/stream\n[docs]: <https://example.com/a b> \"The docs\"\n\n[Stream]: https://example.com/second\n"
    tokens = block_tokens(src)
    assert tokens is not None and [t["type"] for t in tokens].count("ref_definition") == 3
    assert without_definitions(tokens) == mistune_tokens(src)
    assert shortcut_definitions(src, tokens) == mistune_definitions(src)  # the first of a label counts
    assert model(src) == general_model(src)


def test_definitions_after_a_list_are_placed_as_the_general_walk_places_them():
    # The general walk ends a list where the next token starts, past definitions (which make
    # none): the list, its last item and that item's last block reach the last definition.
    for src in (
        "- Use [Stream].\n- Then [docs][].\n\n[Stream]: https://example.com/s\n[docs]: /docs\n",
        "1. First\n2. Second\n   - nested [Stream]\n\n[Stream]: /s\n\nAfter.\n",
        "- Loose\n\n- items\n\n[Stream]: /s\n",
    ):
        tokens = block_tokens(src)
        assert tokens is not None and "ref_definition" in [t["type"] for t in tokens], src
        assert without_definitions(tokens) == mistune_tokens(src)
        assert model(src) == general_model(src), src


def test_a_definition_mistune_reads_otherwise_leaves_the_body_to_mistune():
    # No destination after the colon, the next line empty: mistune reads the line as text.
    src = "Some text.\n\n[label]: \n\nMore.\n"
    assert block_tokens(src) is None or shortcut_definitions(src, block_tokens(src)) is None
    src = "[label]: <unclosed\n"
    tokens = block_tokens(src)
    if tokens is not None and shortcut_definitions(src, tokens) is not None:
        assert without_definitions(tokens) == mistune_tokens(src)
    assert model(src) == general_model(src)


# Lines an item reads as mistune collects its lines: a line of spaces or tabs alone is an empty
# one, and a line indented past the item's text is a paragraph that keeps the rest of its
# indentation; a thematic break ends a paragraph (dashes alone underline a setext heading); a
# fence may be indented; a definition whose title in brackets holds a bracket is text.
SHORTCUT_BODIES = [
    "- item\n\n    more about it\n",
    "- item\n  - nested\n  \n- item\n",
    "- a\n  \n  b\n",
    "- a\n    \n- b\n",
    "- a\n \t\n  b\n",
    "1. a\n   \n   ```sh\n   x\n     \n   ```\n",
    "text\n***\nmore\n",
    "text\n- - -\n",
    "text\n___\n",
    # A fence indented by up to three spaces (its lines less as many), after a list whose item's
    # text is further in: the list ends there.
    "1. Run:\n\n  ```bash\n  sudo x\n    y\n  ```\n\n  Then more.\n",
    "  ```sh\n  a\n ```\n",
    # Code indented by a tab (a generated command reference's example), also after spaces.
    "Run:\n\n\tcmd completion bash > /etc/cmd\n  \tsecond\n\n\t\tdeeper\n\nDone.\n",
    # A row that leaves out its trailing pipe is a row, as GFM reads it (mistune's rule ends the
    # table there).
    "| Field | Meaning |\n| --- | --- |\n| Time | the time column\n| Tag | a tag |\n\nText.\n",
    # A table in a block quote or a list item (a step's table of fields), as at the body's level.
    "> | a | b |\n> | - | - |\n> | 1 | 2 |\n>\n> text\n",
    "1. Fill in the fields:\n\n   | Field | Value |\n   | --- | --- |\n   | `temp` | ${payload.temp} |\n\n   - **Field**: its key.\n\n2. Save.\n",
    # A comment's idiom: the second line's title holds brackets, so it is no definition but a
    # paragraph's first line, and the third goes on with it.
    "[//]: # (Made by a generator,)\n[//]: # (forked from [gen](https://example.org/gen).)\n[//]: # (Run make docs.)\n\n# Title\n",
]


def test_items_with_lines_of_spaces_and_broken_paragraphs_take_the_shortcut():
    for src in SHORTCUT_BODIES:
        tokens = block_tokens(src)
        assert tokens is not None and shortcut_definitions(src, tokens) == mistune_definitions(src), src
        assert without_definitions(tokens) == mistune_tokens(src), src


def test_a_note_over_a_list_in_a_block_quote_takes_the_shortcut():
    """> **Note**: / > / > 1. …: the empty line ends the label's paragraph, before the list; an
    empty line in or after a list of a quote is still mistune's to place."""
    src = "> **Note**:\n> \n> 1. Enable the plugin first.\n> 2. Then restart.\n\nText\n"
    tokens = block_tokens(src)
    assert tokens is not None and tokens == mistune_tokens(src)
    assert [t["type"] for t in tokens[0]["children"]] == ["paragraph", "blank_line", "list"]
    assert block_tokens("> **Note**:\n> \n> 1. one\n>\n> 2. two\n") is None


def test_bodies_with_other_blocks_go_to_mistune():
    for name, src in FALLBACKS.items():
        assert block_tokens(src) is None, name


HTML_BODIES = [
    "<div class=\"note\">\nKeep the key.\n</div>\n\nText\n",
    "<!-- a note\nover lines -->\nText after it\n",
    "<!-- never closed\n\n# Not a heading\n",
    "<script setup>\nimport { ref } from 'vue'\n\nconst n = ref(0)\n</script>\n\n# Counter\n",
    "<Intro>\n\nRead this first.\n\n</Intro>\n",
    "# Title\n<details>\n<summary>More</summary>\n</details>\n",
    "- one\n- two\n\n<br>\n",
    "<!-- left open\n- an item in it\n\n\n",  # to the end, empty lines and all: placed up to its text
]
# A tag that is not alone on its line starts a paragraph (mistune's rule 7), and so does "<"
# that starts no tag.
TAG_PARAGRAPHS = ["<Toc />\n\nText\n", "<Badge>New</Badge> in this release.\n", "<3 the new editor\n", "</Note> closes it\n"]
# Under a paragraph's line, a tag of rule 7 (even alone on its line) or other text that starts
# with "<" goes on with the paragraph; an HTML block of rules 1 to 6 ends it.
AFTER_A_PARAGRAPH = {
    "Run this:\n<Sandbox>\n\n```js\nx\n```\n": ["paragraph", "blank_line", "block_code"],
    "Updated today.\n</Note>\n": ["paragraph"],
    "Text\n<Badge /> more text\nand more\n- item\n": ["paragraph", "list"],
    "Text\n<div>\n": ["paragraph", "block_html"],
    "Text\n<!-- note -->\nafter\n": ["paragraph", "block_html", "paragraph"],
    "Text\n<pre>\ncode\n</pre>\n": ["paragraph", "block_html"],
    "- <Badge /> new in this version\n- <b>bold</b> item\n": ["list"],
}


# Items that hold more than text and a list: blocks after an empty line, fenced code, a
# heading. Their lines are read as a body's, one level down.
ITEMS_OF_BLOCKS = {
    "1. Open the file:\n\n   ```sh\n   open it\n   ```\n\n2. Save it.\n": (False, ["paragraph", "blank_line", "block_code"]),
    "- Run:\n  ```sh\n  run it\n  ```\n- Stop.\n": (True, ["block_text", "block_code"]),
    "- one\n  more\n\n  para\n- two\n": (False, ["paragraph", "blank_line", "paragraph"]),
    "- item\n\n  - nested\n": (False, ["paragraph", "blank_line", "list"]),
    "- Text\n  ## A heading under it\n": (True, ["block_text", "heading"]),
    "1. Step\n\n   ```js\n   code\n   ```\n\nAfter the list.\n": (False, ["paragraph", "blank_line", "block_code"]),
    "- a\n  - b\n\n    ```\n    x\n    ```\n  - c\n- d\n": (True, ["block_text", "list"]),
    "1) a\n   * b\n   1. c\n1) d\n": (True, ["block_text", "list", "list"]),
    "- Options:\n\n  <div class=\"note\">\n\n  Text in it.\n\n  </div>\n- Next\n": (False, ["paragraph", "blank_line", "block_html", "blank_line", "paragraph", "blank_line", "block_html"]),
    "- Type:\n\n  > Simplified for reading.\n\n  ```ts\n  f(): void\n  ```\n": (False, ["paragraph", "blank_line", "block_quote", "blank_line", "block_code"]),
}


# An item of another kind (bullet, or delimiter after the number) starts another list, with or
# without an empty line before it.
ANOTHER_KIND = ["- one\n* two\n", "- one\n\n* two\n", "1. one\n2. two\n\n- other\n\n3. three\n", "1. a\n1) b\n- c\n"]


# A thematic break right under an item ends the list too; a line that can only go on with a
# paragraph, right under an item's line, is a lazy line of that item (tags of rule 7 too).
ANOTHER_KIND += ["- item\n---\nText\n", "* a\n* b\n***\n"]
# So do a heading, a fence and a block quote (mistune's list break rules).
ANOTHER_KIND += ["- a\n## Next part\n", "- a\n  b\n```\nx\n```\n", "1. a\n> quoted\n", "- a\n##  Spaced heading\n"]
LAZY_LINES = [
    "- item\ntext\n",
    "- a\n- b\n</Card>\n\nText\n",
    "- a\n  b\nlazy\n- c\n",
    "1. Run:\n   ```sh\n   run\n   ```\n2. Done\n",
    "- a\n\n  para\n  lazy [x] line\n- b\n",
]


# A marker may stand after up to three spaces; the next item's, up to where the last one's
# marker ends (further in, the line goes on lazily: mistune's then).
INDENTED_MARKERS = [
    "- item\n    - nested four spaces in\n    - and another\n",
    "* `key`: text\n    * nested\n\n* next\n",
    " - one space\n - two\n",
    "1. a\n  2. b\n",
    "Text\n  - interrupts it\n",
    "1. a\n\n - another kind\n",
]


def test_markers_after_spaces_are_read_as_mistune_reads_them():
    for src in INDENTED_MARKERS:
        shortcut_tokens(src)
    assert block_tokens("-   a\n  - b\n") is None  # further in than the marker: a lazy line


def test_lazy_lines_of_an_item_are_read_as_mistune_reads_them():
    for src in LAZY_LINES:
        shortcut_tokens(src)


def test_an_item_of_another_kind_ends_a_list_as_mistune_ends_it():
    for src in ANOTHER_KIND:
        assert len(shortcut_tokens(src)) > 1, src


def test_items_of_other_blocks_take_the_shortcut_and_match_mistune():
    for src, (tight, kinds) in ITEMS_OF_BLOCKS.items():
        tokens = shortcut_tokens(src)
        assert tokens[0]["tight"] == tight and [t["type"] for t in tokens[0]["children"][0]["children"]] == kinds, src


def test_html_blocks_take_the_shortcut_and_match_mistune():
    for src in HTML_BODIES:
        tokens = block_tokens(src)
        assert tokens is not None and tokens == mistune_tokens(src), src
        assert "block_html" in [t["type"] for t in tokens]
        assert model(src) == general_model(src), src
        mdx = block_tokens(src, mdx=True)  # MDX reads tags as JSX, with rules of its own
        assert mdx is None or mdx == mistune_tokens(src, True), src
    for src in TAG_PARAGRAPHS:
        tokens = block_tokens(src)
        assert tokens is not None and tokens == mistune_tokens(src), src
        assert tokens[0]["type"] == "paragraph" and model(src) == general_model(src)
    for src, kinds in AFTER_A_PARAGRAPH.items():
        assert [t["type"] for t in shortcut_tokens(src)] == kinds, src
        mdx = block_tokens(src, mdx=True)  # in MDX, a JSX element
        assert mdx is None or mdx == mistune_tokens(src, True), src


# Lines from which the property test builds bodies: the blocks the shortcut knows, their
# near misses, and the blocks it leaves to mistune.
LINES = [
    "", "", "Plain words here.", "More text", "請參見 KB1。", "**Bold** first", "_Em_ first", "`code` first",
    "~~gone~~ first", "2026 was a year", "1.5 release", "!image", "(aside)", "“Quoted”", "Text  ", "Text #",
    "# Heading", "## Two words", "###### Six", "####### Seven", "#NoSpace", "# Trailing #", "# Trailing ", "#",
    "- item", "- KB1 - Title", "* star item", "+ plus item", "1. one", "2. two", "3) paren", "10. ten",
    "- ", "-", "- 2 digits", "-  two spaces", "- item  ", "1.", "１. wide", "* * *", "**", "__", "_ _ _",
    "- [Link](KB1.md) - Title", "- [ref]: /url", "- [a] [b]: c", "- `code` item", "- **Bold** item", "- 2026 year",
    "- 1. nested", "- - nested", "- > quoted", "- # heading", "- ```", "- <b>html</b>", "1. [KB2](KB2.md)", "* ~~old~~",
    "[Sign in](https://e.x) first", "[a] b", "[multi", "line]: /url", "[x]:", "]: y",
    "> Quoted text", "> more quoted", "> - quoted item", "> 1. quoted step", "> # Quoted heading", "> ```", "> code",
    ">", "> ", "> > nested", ">\ttab", ">  two spaces", "> **Note:** see", "> [link](KB1.md)",
    "---", "===", "***", "> quote", "<div>", "<!-- c -->", "[ref]: /url", "[link](x) text", "| a | b |",
    "</div>", "<div class=\"x\">", "<script>", "</script>", "<pre>", "<Intro>", "</Intro>", "<Tip title=\"a\">",
    "<br/>", "<span>x</span>", "<!--", "-->", "<?x?>", "<!DOCTYPE html>", "  ", "<details>", "<img src=\"a.png\">",
    "<Steps>", "</Steps>", "<TabItem label=\"a\">", "<Tip /> <Tip />", "<Tab>x</Tab> y", "{/* c */}", "{x} y", "{#id}", "<Card", "  a=\"b\">",
    "a | b", ":--|--", "--|--", "| --- | --- |", "|:-|-:|", "| x |", "| a \\| b |", "|", "```", "```text", "```` four", "``` a`b", "```  spaced  ", "~~~", "   ```",
    "  indented", "    code", "\tTab", "\u3000full", "text\u00a0", "\\# escaped",
    "  - nested", "  * star nested", "  1. nested step", "  2. nested two", "   - three in", "    - four in",
    "  - [KB1](KB1.md) nested", "  - ", "  -", "  > quoted", "  ```", "\t- tab nested", "   1. under a step",
]  # fmt: skip
PLAIN_LINES = [text for text in LINES[:32] if not text.startswith(("#N", "# T", "#######"))] + ["```", "```text"]
PLAIN_LINES += ["- [Link](KB1.md) - Title", "- `code` item", "- **Bold** item", "1. [KB2](KB2.md) and https://e.x/y"]
PLAIN_LINES += ["[Sign in](https://e.x) first", "[a] b", "[multi", "line]: /url"]
PLAIN_LINES += ["> Quoted text", "> more quoted  ", "> - quoted item", "> **Note:** see", "> ## In a quote", "> ```", "> code"]
PLAIN_LINES += [">", "> ", "> [!tip] A callout's title", "> 1. quoted step", ">   - nested in a quote", "> | a | b |"]
PLAIN_LINES += ["| a | b |", "| --- | :-: |", "|---|---|", "| `x` | [l](KB1.md) |", "| only |", "| a | b | c |", "|  |  |"]
PLAIN_LINES += ["<div>", "</div>", "<Intro>", "</Intro>", "<!-- note -->", "<!--", "-->", "<script>", "</script>", "<br>"]
PLAIN_LINES += ["<Toc />", "<Note>Text", "<3 hearts", "<a href=\"u\">l</a> text"]
PLAIN_LINES += ["  - nested item", "  - `code` nested", "  1. nested step", "  2. nested two", "    - deeper", "   - three in", "  text goes on"]
PLAIN_LINES += ["-  two spaces", "*    four spaces", "-     five spaces", "1.  wide step", "    goes on under it", "  -  nested wide"]
PLAIN_LINES += ["```js {1,3}", "```js \\\"quoted\\\"", "```a&amp;b", "```  \\*x", "``` a`b"]
PLAIN_LINES += [":::tip", ":::", "::: warning Note", ":not a row", ":--|--:", ":- | -", "a | b", ": | :"]
# A header without its leading pipe over pipe rows (GFM's outer pipes are optional).
PLAIN_LINES += ["| {{ .x | humanize }} | y |", "| [{{ a | b }}]({{ c }}) | {{ d }} |", "{{ e | f }} | g"]
PLAIN_LINES += [" Name | Type |", "Name | Type |", " a | b \\|", "| :-- | --: |", "| x | y |", "| z |"]
# Tables without outer pipes, as generators write them (a space before each row).
PLAIN_LINES += [" Name | Description | Type", " ------------ | ------------- | -------------", " name | The name. | string", "a | b | c"]
PLAIN_LINES += ["| <!-- c --> | x |", "| **b** | <br> |", "| a \\| b | c |", " x | `y` | [z](KB1.md)", "| [ref] | &amp; |", "| a | a |", "| https://e.x | <b>t</b> |"]
PLAIN_LINES += ["--- | ---", "-|-", " x \\| y | z", "- item | with a pipe", "`code` | cell", "1 | 2", "  two in | row", "text |", "| a | b"]
PLAIN_LINES += ["---", "***", "* * *", "___", "- - -", "-- -", "----  "]
PLAIN_LINES += ["[Signal][] is text", "[a][b] text", "[a] [b]: c", "[x\\]]: y", "[a]b]: c", "[#12], [#13]", "- [#12] item"]
PLAIN_LINES += ["[ref]: /url", "[Sign in]: https://e.x \"Title\"", "[a b]: <x y>", "[d]: /d 'one'", "[ref]: /other", "[x]:  ", "[ ]: /blank"]
PLAIN_LINES += ["\"Title on its own line\"", "(title)", "See [ref] and [a b][] or [Sign in][d].", "[ref] first", "- [ref] in an item"]
PLAIN_LINES += ["# Title #", "#\tTabbed", "### ", "##", "## Trailing  ", "## Hash # inside ##", "# C#", "## x \\#", "#\u3000Wide"]
PLAIN_LINES += ["#394 fixed", "#tag", "####### Seven", "- #12 item", "  #3 goes on", "> #5 quoted", "# Heading", "#"]
PLAIN_LINES += [">", "> ", "> **Note**:", "> 1. one", "> 2. two", "> - item", "> text", ">    deep"]
PLAIN_LINES += [" - one in", "  * two in", "   1. three in", "    - four in", "      - six in", "-   wide"]
PLAIN_LINES += ["##  Two spaces", "#   Three spaces", "``` a`b", "```> cmd {flags} ```", "  ```> nested ```"]
PLAIN_LINES += ["{% highlight ruby %}", "{% endhighlight %}", "{%- highlight sh linenos -%}", "  {% highlight ruby %}", "{% endhighlight %} after", "{% raw %}"]
PLAIN_LINES += ["lazy text", "</Card>", "<Card>", "  <div>", "  </Card>", "  <b>bold</b> text"]
# MDX: JSX tags alone on a line, with text after them, spanning lines; expressions.
PLAIN_LINES += ["<Steps>", "</Steps>", "<TabItem label=\"npm\">", "</TabItem>", "<Aside type=\"tip\" title={t}>", "<Tip /> <Tip />"]
PLAIN_LINES += ["<ReadMore>See [x](KB1.md).</ReadMore>", "<Badge text=\"New\" /> text", "<Card", "  title=\"a\">", "<Icon name=\"x\"/>"]
PLAIN_LINES += ["{/* a comment */}", "{/* open", "{items.map((x) => x)}", "{#id}", "{a} b", "{:.class}", "<details>", "<!-- note --> <Tip />"]
# JSX nested in a component (indented), and a tag whose attributes run over lines.
PLAIN_LINES += ["  <TabItem label=\"a\">", "    </TabItem>", "\t<Tabs>", "  {/* c */}", "  {x} y", "  <Card title=\"x\"> text", "  <b>x</b>"]
PLAIN_LINES += ["<LinkCard", "  href=\"/x\"", "  title={\"a > b\"}", "/>", "  />", "  <Aside", "  >", "/> after", "<Card x=\"a", "b\">"]
PLAIN_LINES += ["  ```", "   ```sh", "  ```js", "   ```", "    ```", "  run it", "   $ run", "  ## In an item", "  ---", "   > quoted"]
PLAIN_LINES += ["   goes on under a step", "  **bold** goes on", "  [link](KB1.md) goes on", "    deeper text", "  line]: /url"]
# Code indented by four spaces (a command's synopsis), with a tab or spaces alone near it.
PLAIN_LINES += ["    $ run it --all", "    code = 1", "        deeper code", "    # a comment", "\tcode after a tab", "    ", "     five in", "  \t mixed"]
# Lines of spaces alone: up to four an empty line, five or more indented code (which goes on a paragraph).
PLAIN_LINES += ["   ", "     ", "      ", " "]
line = st.one_of(st.sampled_from(LINES), st.text(alphabet="ab #-*1.`>|\t", max_size=8))
# Mostly what the shortcut takes, so that most bodies reach the comparison.
plain_line = st.sampled_from(PLAIN_LINES)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(st.lists(line, max_size=14), st.lists(plain_line, max_size=20)))
def test_the_shortcut_gives_mistunes_tokens_or_none(lines):
    src = "\n".join(lines) + "\n"
    for mdx in (False, True):  # MDX's parser too: its rules differ elsewhere
        tokens = block_tokens(src, mdx=mdx)
        if tokens is not None and (definitions := shortcut_definitions(src, tokens, mdx)) is not None:
            assert without_definitions(tokens) == mistune_tokens(src, mdx)
            assert definitions == mistune_definitions(src, mdx)


def test_parsing_has_no_hooks_the_shortcut_would_skip():
    for markdown in (_markdown(), _markdown(mdx=True)):
        assert not (markdown.before_parse_hooks or markdown.before_render_hooks or markdown.after_render_hooks)


def model(text: str, mdx: bool = False) -> tuple:
    """Everything parse_markdown gives for ``text``, offsets of each prose piece included."""
    from kblint.formats.markdown import parse_markdown
    from kblint.model.text import LineIndex

    parsed = parse_markdown(text, LineIndex(text), 1, mdx=mdx)
    return repr(parsed), [(span._text_starts, span._src_starts) for span in parsed.prose]


def general_model(text: str, mdx: bool = False) -> tuple:
    """``model`` with the shortcut turned off: mistune's parser and the general walk."""
    from unittest import mock

    import kblint.formats.markdown

    with mock.patch.object(kblint.formats.markdown, "block_tokens", lambda src, html=True, mdx=False: None):
        return model(text, mdx)


def test_components_nested_and_indented_in_mdx_take_the_shortcut():
    """A help page in MDX: tabs nested in a component, their text, an image in a frame and a
    fence indented under them, lines of spaces between (MDX has no indented code)."""
    text = (
        "# Send a message\n\n<Tabs>\n  <Tab title=\"Console\">\n    Open the console and pick a channel.\n"
        "    It keeps the last draft.\n  </Tab>\n</Tabs>\n  \n<Frame>\n  ![The console](/img/console.png)\n</Frame>\n\n"
        "    ```bash\n    relay send --to ops\n    ```\n\n  Text under the fence goes on\n  over two lines.\n"
    )
    tokens = block_tokens(text, mdx=True)
    assert tokens is not None and without_definitions(tokens) == mistune_tokens(text, True)
    assert model(text, True) == general_model(text, True)
    prose = [span.text for span in model_body(text).prose]
    assert "Open the console and pick a channel.\nIt keeps the last draft." in prose[1]
    assert "Text under the fence goes on\nover two lines." in prose


def test_an_mdx_component_after_a_list_ends_it_and_takes_the_shortcut():
    """After a list and an empty line, a component's tag at the line's start ends the list and
    is read as MDX reads it at the body's level; right under an item, it is the item's."""
    text = "Before you start:\n\n- Sign in.\n- Open the console.\n\n<Warning>\nThe console logs you out after an hour.\n</Warning>\n"
    tokens = block_tokens(text, mdx=True)
    assert tokens is not None and without_definitions(tokens) == mistune_tokens(text, True)
    assert [t["type"] for t in tokens] == ["paragraph", "blank_line", "list", "block_html", "paragraph"]
    assert model(text, True) == general_model(text, True)
    assert block_tokens("- Sign in.\n<Warning>\n", mdx=True) is None


def model_body(text: str):
    from kblint.formats.markdown import parse_markdown
    from kblint.model.text import LineIndex

    return parse_markdown(text, LineIndex(text), 1, mdx=True)


@settings(max_examples=400, deadline=None)
@given(st.lists(plain_line, max_size=20))
def test_the_shortcut_places_every_mdx_block_as_the_general_walk(lines):
    text = "\n".join(lines) + "\n"
    assert model(text, True) == general_model(text, True)


def test_a_command_reference_takes_the_shortcut():
    """A generated command page: its usage line is a code span that opens like a fence (a
    backtick fence's info string holds no backtick), and its table of types runs straight
    into the next heading."""
    text = "# vault sync\n\n## Usage\n\n```> vault sync {options} ```\n\n| takes | gives |\n| --- | --- |\n| folder | report |\n## Samples\n\nRun it.\n"
    tokens = block_tokens(text)
    assert tokens is not None and [t["type"] for t in tokens if t["type"] != "blank_line"] == ["heading", "heading", "paragraph", "table", "heading", "paragraph"]
    assert without_definitions(tokens) == mistune_tokens(text, False)
    assert model(text) == general_model(text)


def test_code_indented_by_four_spaces_takes_the_shortcut():
    """A command's synopsis: code indented under a paragraph, the empty lines between its lines
    and after it are the code block's, as mistune's token takes them."""
    text = "# tool sync\n\nTo sync every folder:\n\n    $ tool sync --all\n\n      --quiet\n\n\nThen read the report.\n"
    tokens = block_tokens(text)
    assert tokens is not None and [t["type"] for t in tokens if t["type"] != "blank_line"] == ["heading", "paragraph", "block_code", "paragraph"]
    assert without_definitions(tokens) == mistune_tokens(text, False)
    assert model(text) == general_model(text)
    from kblint.formats.markdown import parse_markdown
    from kblint.model.text import LineIndex

    body = parse_markdown(text, LineIndex(text), 1)
    assert [(b.start_line, b.end_line, b.fenced, b.text) for b in body.code_blocks] == [(5, 7, False, "$ tool sync --all\n\n  --quiet")]


def test_jekylls_highlight_tag_is_a_code_block():
    """Jekyll renders {% highlight %} before the Markdown: its lines are code (a Ruby comment is
    no heading), on the shortcut and in mistune's parse alike."""
    text = "# Hello\n\nSay it:\n{% highlight ruby %}\n# The greeting\nputs 'hi'\n{% endhighlight %}\n\nDone.\n"
    tokens = block_tokens(text)
    assert tokens is not None and without_definitions(tokens) == mistune_tokens(text, False)
    assert model(text) == general_model(text)
    from kblint.formats.markdown import parse_markdown
    from kblint.model.text import LineIndex

    body = parse_markdown(text, LineIndex(text), 1)
    assert [(b.start_line, b.end_line, b.info, b.text) for b in body.code_blocks] == [(4, 7, "ruby", "# The greeting\nputs 'hi'\n")]
    assert [h.text for h in body.headings] == ["Hello"]


def test_a_plain_article_is_placed_as_the_general_walk_places_it():
    assert block_tokens(ARTICLE) is not None
    for text in (ARTICLE, ARTICLE.replace("\n", "\r\n"), "---\nid: KB1\n---\n" + ARTICLE):
        assert model(text) == general_model(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(plain_line, max_size=20), st.sampled_from(["\n", "\r\n", "\r"]), st.booleans())
def test_the_shortcut_places_every_block_as_the_general_walk(lines, newline, final):
    text = newline.join(lines) + (newline if final else "")
    assert model(text) == general_model(text)


def test_inline_html_over_a_crlf_line_break_is_placed_by_either_walk():
    """mistune reads the text with its line breaks made "\n"; a tag written over "\r\n" is
    still found in the file, by the general walk as by the shortcut's."""
    for text in ('<LinkCard\r\n  title="a">', 'Text <b\r\nclass="x">bold</b>.\r\n', "<!--a\r\nb-->\r\ntext\r\n"):
        assert model(text) == general_model(text), text
        assert "unaligned=0" in general_model(text)[0], text


def test_a_wrapped_paragraph_is_placed_as_the_aligner_places_it():
    # Trailing spaces before a break (a hard break), a tab, CRLF and LF line ends mixed.
    for text in ("Line one  \r\nline two\nline three\t\nend here.\n", "First line\nsecond line", "One\r\nTwo  \r\nThree\r\n"):
        assert block_tokens(text.replace("\r\n", "\n") + "\n") is not None
        assert model(text) == general_model(text)
    prose = model("First line  \nsecond line\n")[0]
    assert "First line\\nsecond line" in prose


def test_a_tables_cells_are_placed_on_their_rows():
    """Each cell's text is found on its row's line: a cell of dashes is not the delimiter
    row's, and a cell after a row whose extra cells are dropped is not placed among them."""
    from kblint.formats.markdown import parse_markdown
    from kblint.model.text import LineIndex

    text = "| a | b |\n| --- | --- |\n| x | y | z stays out |\n| next | --- |\n"
    unpiped = "".join(line.strip("|").strip() + "\n" for line in text.splitlines())
    for body in (text, unpiped):  # with outer pipes and without
        cells = [(span.text, span.start_line, span.offset(0) - LineIndex(body).line_start(span.start_line)) for span in parse_markdown(body, LineIndex(body), 1).prose]
        assert [(t, line) for t, line, _ in cells] == [("a", 1), ("b", 1), ("x", 3), ("y", 3), ("next", 4), ("---", 4)], body
        assert [body.split("\n")[line - 1][col : col + len(t)] for t, line, col in cells] == [t for t, _, _ in cells], body


def test_a_highlight_tag_in_mdx_is_no_code_block():
    """MDX has no Liquid: `{% highlight %}` under a paragraph's line is the parser's to read."""
    src = "Plain words here.\n{% highlight ruby %}\n{% endhighlight %}\n"
    tokens = block_tokens(src, mdx=True)
    assert tokens is None or tokens == mistune_tokens(src, mdx=True)
