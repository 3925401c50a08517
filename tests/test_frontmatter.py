"""Front matter: simple `key: value` blocks (plain or quoted values, lists of quoted text)
skip the YAML parser and must read exactly as PyYAML's safe loader reads them."""

import datetime

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from kblint.formats.frontmatter import _load_simple, parse_front_matter
from kblint.model.text import LineIndex

_KEYS = ["id", "lang", "title", "updated", "on", "null", "123", "source_commit", "x-y", "Yes", "a" * 300]
_VALUES = [
    "", "KB1001", "zh-Hant", "2026-11-24", "2026-13-45", "2026-11-24 10:00:00", "123", "0x1F", "1_000", "3.5", ".inf",
    "yes", "Off", "~", "null", "Select user profile", "情況與設定", "a - b", "C++ (beta)", "1e3", "v1.2.3",
    "a:b", "a: b", "# c", "x # c", "'q'", '"q"', "[1, 2]", "{a: 1}", "&a x", "*a", "!tag x", "| x", "> x",
    "- x", "? x", "%x", "@x", "`x`", "x,y", "a\tb", "a\u3000b", "a\u2028b", "x\x85y", "tail  ",
    # Quoted text and lists of it (read without YAML when they hold no escape).
    '"Setup: step two"', '""', "''", '"# not a comment"', "'it''s'", '"a\\"b"', '"x" # c', '"2026-11-24"',
    '["networking", "", ""]', "['a', \"b\"]", "[ ]", "[]", '["a",]', '["a" , "b"]', '[a, "b"]', '"  spaced  "', "'yes'",
]


@given(st.lists(st.tuples(st.sampled_from(_KEYS), st.sampled_from(_VALUES), st.sampled_from([": ", ":", ":  ", " : "])), max_size=8))
@settings(max_examples=400, deadline=None)
def test_simple_front_matter_reads_as_yaml_does(entries):
    lines = [f"{key}{colon}{value}" for key, colon, value in entries]
    try:
        simple = _load_simple(lines)
    except ValueError:
        simple = None  # parse_front_matter falls back to YAML, which reports the problem
    if simple is None:
        return  # the YAML parser decides
    assert simple == (yaml.safe_load("\n".join(lines) + "\n") or {})


def test_simple_front_matter_keeps_yaml_types_and_lines():
    text = "---\nid: KB12\nupdated: 2026-11-24\ndraft: no\ncount: 7\n---\n\nBody\n"
    front = parse_front_matter(text, LineIndex(text))
    assert front.data == {"id": "KB12", "updated": datetime.date(2026, 11, 24), "draft": False, "count": 7}
    assert front.key_lines == {"id": 2, "updated": 3, "draft": 4, "count": 5}
    assert front.body_line == 7 and not front.problems


def test_an_impossible_date_is_still_reported_as_yaml_would():
    text = "---\nid: KB12\nupdated: 2026-13-45\n---\n"
    front = parse_front_matter(text, LineIndex(text))
    assert front.problems and "not valid YAML" in front.problems[0][2]


def test_the_keys_kblint_reads_are_read_in_any_case_as_hugo_reads_them():
    text = "---\nTitle: Pod\nStatus: Completed\nLang: en\n---\n\nBody\n"
    front = parse_front_matter(text, LineIndex(text))
    assert front.data["title"] == "Pod" and front.key_lines["title"] == 2
    assert front.data["lang"] == "en" and front.key_lines["lang"] == 4
    assert "status" not in front.data  # (kblint reads no status)
    both = "---\ntitle: Pod\nTitle: Other\n---\n"
    assert parse_front_matter(both, LineIndex(both)).data["title"] == "Pod"


def test_hugos_toml_front_matter_between_plus_signs():
    text = '+++\nchapter = true\ntitle = "Sharding"\nweight = 2\n[params]\nicon = "x"\n+++\n\nBody\n'
    front = parse_front_matter(text, LineIndex(text))
    assert front.data == {"chapter": True, "title": "Sharding", "weight": 2, "params": {"icon": "x"}}
    assert front.key_lines == {"chapter": 2, "title": 3, "weight": 4} and front.body_line == 8
    from kblint.formats.frontmatter import prose_values

    assert [(span.text, span._src_starts) for span in prose_values(front, LineIndex(text))] == [("Sharding", [text.index("Sharding")])]
    broken = '+++\ntitle = "Sharding\n+++\n'
    assert parse_front_matter(broken, LineIndex(broken)).problems == [(2, 18, "front matter is not valid TOML: Illegal character '\\n'")]
    unclosed = '+++\ntitle = "x"\n'
    assert "never closed" in parse_front_matter(unclosed, LineIndex(unclosed)).problems[0][2]
