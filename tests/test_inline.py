"""The inline shortcut gives mistune's own tokens, or leaves the text to mistune."""

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kblint.formats.inline import placed_inline, simple_inline
from kblint.formats.markdown import _markdown


def mistune_inline(text: str, definitions: bool = False) -> list[dict]:
    # Labels of the property tests' alphabet too: their text can name them.
    labels = ("guide", "a", "b", "ab", "a b", "1", "a_b")
    env = {"ref_links": {label: {"url": f"/{label}", "label": label} for label in labels}} if definitions else {}
    return _markdown().inline(text, env)


COVERED = [
    # A release note's line: an escaped bracket, a commit in brackets, strong text, a pull request.
    r"\[[`0a1b2c3d4e`](https://example.com/commit/0a1b2c3d4e)] - **vault**: keep the key (Ana Lima) [#4412](https://example.com/pull/4412)",
    "Run `kbtool sync --all` and open [the settings](/help/settings.md#sync) page.",
    "Set **Retention** to *30 days*, then choose **Save**.",
    "The `max_items` value and the snake_case name stay as written.",
    "See ![the dialog](../img/reset.png) and [KB1002](/hc/en-us/articles/1002).",
    "請參見[重設密碼](/help/reset.md#步驟)一節，然後執行 `kbtool reset`。",
    "A [bracket] that is no link, and a ] alone.",
    r"Write \[not a link\](nor this) and \# signs: they are text.",
    "First line  \nsecond line\nthird line",
    "Paths such as C:\\Users\\ana keep their backslashes.",
    "Installer: https://example.com/kb.msi \\\nBinary: https://example.com/kb.exe",
    "``a `tick` inside`` and `unclosed",
    "_Emphasis_ with underscores, __strong__ too, and a note _(moved to the new site)_ here.",
    # HTML tags and entities: text as mistune keeps them.
    "Press <kbd>Ctrl</kbd>+<kbd>S</kbd>, then **Save**.<br/>Done &amp; dusted&nbsp;&#42;",
    "[the report](/kb?id=1&view=full) and <Note type=\"info\">a component</Note>",
    # Escaped delimiters: an API's private names, a literal star.
    r"Call readable.\_read(size) or \_\_init\_\_, and type \* for all.",
    r"Both \*stars\* stay, and so does a_b\_c.",
    # A command reference's last line: an autolink, and one to an address.
    "Shows the vault's keys.\nMore information: <https://example.com/kbtool/keys#list>.",
    "Write to <help@example.com> or see **<https://example.com/help>** first.",
    # Runs that open and close: between letters, and beside Han characters.
    "2*3*4 is arithmetic, and 2*3 is too",
    "設定**保留期限**後，按*儲存*。",
    # Stars that are text: between spaces, with nothing to close, or opening nothing closed.
    "a * b, x** y and {* ../src/app.py hl[3] *} stay as written",
    "中**文**字* and *",
    # An <abbr> is no <a>; a "<" before a digit or a space opens nothing.
    'The <abbr title="Single sign-on: one login">SSO</abbr> waits.',
    "Requires httpx >=0.23.0,<0.29.0 and a < b.",
    # One tilde is text: a home folder, a range, an approximation (two strike through).
    "Edit `~/.vaultrc` or ~/notes, 3~4 lines, about ~40 MB.",
    # Brackets of plain text inside a link's text, as a bot's handle has them.
    "Bumped by [@kb-helper[bot]](https://example.com/apps/kb-helper) and [a [nested] label](/x).",
]


@pytest.mark.parametrize("text", COVERED)
def test_common_text_takes_the_shortcut_and_matches_mistune(text):
    tokens = simple_inline(text, False)
    assert tokens is not None
    assert tokens == mistune_inline(text)


LEFT_TO_MISTUNE = [
    "Go <a href='/kb/1'>there</a> now",  # inside <a>, mistune reads autolinks as text
    "A <!-- hidden --> comment",
    r"An escaped \&amp; entity",
    "~~struck~~ text",
    "[a [b](/y) c](/x)",  # a link inside a link's text
    "[[a](/x)](/y)",  # a link's brackets around a link, followed by a destination
    "**a * b** inside",  # a star that is text inside emphasis: mistune keeps it apart
    "[a link](/x 'with a title')",
    "[a link](</with spaces>)",
    "**_both_** markers",
    "[see <https://example.com/a> first](/x)",  # an autolink in a link's text is text
    "a <b:no spaces allowed> c",
]


@pytest.mark.parametrize("text", LEFT_TO_MISTUNE)
def test_other_markup_is_left_to_mistune(text):
    assert simple_inline(text, False) is None


def test_brackets_in_a_body_that_defines_labels_are_left_to_mistune():
    for text in ("Read [guide] first, or [the guide](/guide).", "See [the guide][guide].", "Unclosed [guide `]` here", "Around [[`abc`](/c)] it"):
        assert simple_inline(text, True) is None
    assert simple_inline("No brackets here, **bold** only.", True) == mistune_inline("No brackets here, **bold** only.", True)


def test_inline_links_in_a_body_that_defines_labels_take_the_shortcut():
    text = "Read [the guide](/guide) and ![a](b.png), then `[guide]` in code, and a ] alone."
    tokens = simple_inline(text, True)
    assert tokens is not None and tokens == mistune_inline(text, True)


MARKUP = st.text(alphabet="ab 1_*`[]()!\\\n:/.#-~<>&", min_size=1, max_size=40)


@settings(max_examples=3000, deadline=None)
@given(MARKUP, st.booleans())
@example("**a** b\\[c]", False)
@example("x_y **a_b** \\[", False)
@example("[`]`](a) ]", False)
@example("*\\\na*", False)  # a star before a hard line break opens nothing
def test_whatever_the_shortcut_reads_it_reads_as_mistune_does(text, definitions):
    text = text.strip(" \r\n\t\f")  # as the renderer strips a block's text
    tokens = simple_inline(text, definitions)
    if tokens is not None:
        assert tokens == mistune_inline(text, definitions)


WORDS = st.sampled_from(["word", "中**文**", "* ", "{*", "*}", "[guide]", "[a][b]", "[ab][]", "[a](/x)", "[", "KB1002", "snake_case", "`code`", "[link](/a)", "![img](b.png)", "**bold**", "*em*", "\\[", "]", " ", "\n", "  \n", "中文", "(", ")", "<https://a.b/c_d*e>", "<ana@b.co>", "<", ">", "*", "_", "<kbd>", "</kbd>", "<br/>", "&amp;", "&"])


@settings(max_examples=2000, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=12), st.booleans())
def test_sentences_of_common_markup_read_as_mistune_reads_them(parts, definitions):
    text = "".join(parts).strip(" \r\n\t\f")
    tokens = simple_inline(text, definitions)
    if tokens is not None:
        assert tokens == mistune_inline(text, definitions)


def placed_and_searched(text: str, definitions: bool = False) -> tuple | None:
    """What the aligner makes of ``text`` (a paragraph's) from the scanner's places, and what
    it makes of the same tokens by searching the source for each; None when mistune reads it."""
    from kblint.formats.markdown import _Aligner

    placed = placed_inline(text, definitions)
    if placed is None:
        return None
    tokens, places = placed
    assert tokens == simple_inline(text, definitions)
    assert placed_inline(text, definitions, tokens=False) == (None, places)  # the same places without tokens
    source = text + "\n"
    by_places, searched = _Aligner(source, 0, len(source)), _Aligner(source, 0, len(source))
    by_places.place(places, 0)
    searched.walk(tokens)
    outcome = [(a.take(), a.links, a.html, a.code_spans, a.comments, a.unaligned) for a in (by_places, searched)]
    assert as_written(outcome[0], source), text
    return outcome[0], outcome[1]


def as_written(outcome: tuple, source: str) -> bool:
    """Is each character of the prose the source's character where it is placed (the mask of
    a code span, tag or autolink excepted), in the source's order, and nothing left unplaced?"""
    from kblint.model.text import MASK

    (text, text_starts, src_starts), *_, unaligned = outcome
    bounds = [*text_starts[1:], len(text)]
    pieces = [(src_starts[k], text[text_starts[k] : bounds[k]]) for k in range(len(text_starts))]
    in_order = all(a[0] + len(a[1]) <= b[0] for a, b in zip(pieces, pieces[1:]))
    written = all(ch == MASK or source[at + i] == ch for at, piece in pieces for i, ch in enumerate(piece))
    return unaligned == 0 and in_order and written


def test_escaped_brackets_before_a_bracket_are_placed_where_they_are_written():
    # The search finds "[[" where "[[guide]" starts, not where the escapes are: the places are right.
    placed, searched = placed_and_searched("\\[\\[[guide]")
    assert placed[0] == ("[[[guide]", [0, 1], [1, 3]) and searched[-1] == 1
    # An escaped backslash is the second of the two.
    placed, _ = placed_and_searched("C:\\\\Users **now**")
    assert placed[0] == ("C:\\Users now", [0, 2, 9], [0, 3, 12])


@pytest.mark.parametrize("text", COVERED)
def test_the_scanner_places_each_piece_where_the_aligner_finds_it(text):
    found = placed_and_searched(text)
    assert found is not None and found[0] == found[1]


def placed_as_found(text: str, definitions: bool) -> None:
    """The places are as written (see ``as_written``), and where the search places every
    piece as written too, both agree."""
    text = text.strip(" \r\n\t\f")
    if any(not line.strip() for line in text.split("\n")):
        return  # an empty line ends a block: no block's text holds one
    found = placed_and_searched(text, definitions)
    if found is not None and found[0] != found[1] and ("*\\*" in text or "_\\_" in text):
        # The general walk's search takes the closing delimiter of *1* for the escaped star
        # after it (*1*\*): the scanner places the star where it is written, and the search
        # does not. A limitation of the search, not of the scanner (see the closing note).
        assert as_written(found[0], text + "\n")
        return
    assert (placed_inline(text, definitions, tokens=False) is None) == (found is None)  # text tokens decide nothing
    # (An escaped backslash is where the second is; the search may take the first, as written too.)
    if found is not None and as_written(found[1], text + "\n") and "\\\\" not in text:
        assert found[0] == found[1]


@settings(max_examples=2000, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=12), st.booleans())
def test_sentences_are_placed_where_the_aligner_finds_them(parts, definitions):
    placed_as_found("".join(parts), definitions)


@settings(max_examples=2000, deadline=None)
@given(MARKUP, st.booleans())
def test_any_text_the_scanner_reads_is_placed_where_the_aligner_finds_it(text, definitions):
    placed_as_found(text, definitions)
