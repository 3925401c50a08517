"""Patterns compiled on first use behave as compiled ones."""

import re

import pytest

from kblint.model.patterns import lazy_pattern


def test_a_lazy_pattern_is_compiled_on_first_use_and_matches_as_compiled():
    pattern = lazy_pattern(r"(?P<word>[a-z]+)(\d)", re.IGNORECASE)
    assert "compiled" not in vars(pattern)
    compiled = re.compile(r"(?P<word>[a-z]+)(\d)", re.IGNORECASE)
    text = "ab1 CD2 e f3"
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert "compiled" in vars(pattern)
    assert pattern.sub("-", text) == compiled.sub("-", text)
    assert pattern.search(text).group("word") == "ab" and pattern.match("zz") is None
    assert (pattern.pattern, pattern.flags, pattern.groups, pattern.groupindex) == (compiled.pattern, compiled.flags, 2, {"word": 1})
    with pytest.raises(AttributeError):
        pattern.no_such_method
