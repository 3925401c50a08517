"""The words of an article's prose, shared by typo and repeated-word."""

from hypothesis import given, settings
from hypothesis import strategies as st

from kblint.kb.words import WORD, ascii_words


def test_ascii_words_are_the_regex_words():
    text = "don't re-run kb1131abc or 'quoted' words, the_end 2026 rock'n'roll it's"
    assert ascii_words(text) == WORD.findall(text) == ["don't", "re", "run", "or", "quoted", "words", "rock'n", "roll", "it's"]
    assert ascii_words("plain words only") == ["plain", "words", "only"]
    assert ascii_words("") == [] == ascii_words(" \n\t")


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="abcxyz019_' -.\n\t(),:/\x00~", max_size=60))
def test_ascii_words_match_the_regex_on_any_ascii_text(text):
    assert ascii_words(text) == WORD.findall(text)
