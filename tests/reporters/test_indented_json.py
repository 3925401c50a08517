"""The reporters' JSON text is what ``json.dumps(…, ensure_ascii=False, indent=2)`` writes."""

import json
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from kblint.output.reporters.indented import indented_json

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
    st.sampled_from(["", "\"quoted\"", "back\\slash", "tab\tnew\nline\r", "\x00\x1f\x7f", "\u2028\u2029", "請參見", "🙂", "\ud800"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.tuples(inner, inner), st.dictionaries(st.text(max_size=6), inner, max_size=4)),
    max_leaves=30,
)


@settings(max_examples=1500, deadline=None)
@given(VALUES)
def test_the_text_is_json_dumps_text(value):
    assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_what_it_does_not_write_goes_to_json_dumps():
    assert indented_json({1: "a", None: [math.inf]}) == json.dumps({1: "a", None: [math.inf]}, ensure_ascii=False, indent=2)
    looped: list = []
    looped.append(looped)
    for value in (looped, {"a": object()}):
        try:
            json.dumps(value, ensure_ascii=False, indent=2)
        except (TypeError, ValueError) as expected:
            raised = expected
        try:
            indented_json(value)
        except (TypeError, ValueError) as error:
            assert type(error) is type(raised) and str(error) == str(raised)
        else:
            raise AssertionError("no error")


def test_subclasses_of_strings_numbers_and_mappings_are_written_as_json_dumps_writes_them():
    import enum
    from collections import OrderedDict

    class Level(enum.IntEnum):
        HIGH = 3

    class Name(str):
        pass

    value = {"a": Level.HIGH, "b": Name("x\n"), "c": True, "d": [OrderedDict(e=False, f=1.5), {"g": None}], Name("h"): [Name("i"), Level.HIGH]}
    assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=2)
