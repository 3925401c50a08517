"""Declarative rule packs: shipped ones are valid, user packs load, bad packs fail clearly."""

import subprocess
import sys
import os

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import ROOT
from kblint.rules.packs import PackError, _validate, load_pack
from kblint.lang.data import packs_folder


def test_shipped_packs_validate_against_the_schema():
    for path in packs_folder().glob("*.yaml"):
        if not path.name.startswith("data-"):
            _validate(path, yaml.safe_load(path.read_text("utf-8")))
            assert load_pack(path)


def test_shipped_patterns_compile_with_re_as_a_run_compiles_them():
    # A run compiles a shipped pack's patterns with re (no time limit, no regex package): each
    # must be one re accepts, and a user's pack with the same pattern still gets the limit.
    import re

    from kblint.model.userregex import UserPattern
    from kblint.rules.packs import _compile

    for path in packs_folder().glob("*.yaml"):
        if path.name.startswith("data-"):
            continue
        for spec in yaml.safe_load(path.read_text("utf-8"))["rules"]:
            words = spec["tokens"] if spec["type"] == "existence" else list(spec["swap"])
            assert isinstance(_compile(spec, words, "shipped", shipped=True), re.Pattern)
            if spec.get("regex"):
                assert isinstance(_compile(spec, words, "user"), UserPattern)


# The placeholder pattern as it was written for the regex package: one look behind of
# alternatives of several widths, which re refuses.
_PLACEHOLDER_WITH_ONE_LOOK_BEHIND = (
    r"(?<![A-Za-z0-9_])(?<!(?:[Rr]emove|[Rr]esolve|[Ff]ix|[Cc]larify|[Aa]ddress|[Aa]dd|[Uu]pdate|[Tt]he|[Aa]|[Aa]n|"
    r"[Oo]ld|[Ss]tale|[Oo]utdated|out-of-date|[Ee]very|[Aa]ny|[Nn]o)\s)(?:TODO|TBD|FIXME|XXX)(?=\s*(?:$|[.:](?![A-Za-z0-9_])|[;,!?)\]）。：，、]))"
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["TODO", "TBD", "FIXME", "XXX", "Remove", "the", "a", "an", "out-of-date", "Any", "no",
                                 "x", "_", " ", "\n", "\t", ".", ":", ")", "]", "。", "，", "todo", "Fix", "The"]), max_size=12))
def test_the_placeholder_pattern_for_re_finds_what_it_found_with_one_look_behind(parts):
    import re

    import regex

    spec = next(s for s in yaml.safe_load((packs_folder() / "style.yaml").read_text("utf-8"))["rules"] if s["name"] == "placeholder-text")
    placeholder = next(t for t in spec["tokens"] if "TODO" in t)
    text = "".join(parts)
    found = [m.span() for m in re.finditer(placeholder, text)]
    assert found == [m.span() for m in regex.finditer(_PLACEHOLDER_WITH_ONE_LOOK_BEHIND, text, regex.VERSION0)]


def test_user_pack_existence_and_substitution_with_language_scope(kb):
    (kb.root / "house.yaml").write_text(
        "rules:\n"
        "  - {code: HX001, name: no-simply, type: existence, summary: Do not say simply., tokens: [simply]}\n"
        "  - {code: HX002, name: sign-in, type: substitution, summary: Sign in., languages: [en], swap: {log in: sign in}}\n"
        "  - {code: HX003, name: zh-only, type: existence, summary: x, languages: ['zh-*'], regex: true, tokens: ['帳[號户]']}\n",
        "utf-8",
    )
    kb.config("source_locale: en\npacks: [house.yaml]\n")
    kb.add("KB1", "en", "T", "Simply log in to the app. 帳號\n")
    kb.add("KB1", "zh-Hant", "T", "Simply 登入帳號。 log in\n")
    found = {(f.path, f.name, f.line, f.column) for f in kb.lint("no-simply", "sign-in", "zh-only")}
    assert found == {
        ("en/KB1.md", "no-simply", 7, 1),
        ("en/KB1.md", "sign-in", 7, 8),
        ("zh-Hant/KB1.md", "no-simply", 7, 1),
        ("zh-Hant/KB1.md", "zh-only", 7, 10),
    }
    fix = next(f for f in kb.lint("sign-in") if f.name == "sign-in").fix
    assert fix.safe and fix.edits[0].replacement == "sign in"


@pytest.mark.parametrize(
    "body, expected",
    [
        ("rules:\n  - {code: HX001, name: bad, type: existence, summary: s, regex: true, tokens: ['(']}\n", "rule bad: invalid regular expression"),
        ("rules:\n  - {code: HX001, name: bad, type: existence, summary: s, tokens: [a], colour: red}\n", "rule bad: unknown key 'colour'"),
        ("rules:\n  - {code: hx1, name: bad, type: existence, summary: s, tokens: [a]}\n", "rule bad code"),
        ("rules:\n  - {code: HX001, name: bad, type: substitution, summary: s}\n", "needs 'swap'"),
        ("rules: [\n", "invalid YAML"),
        ("rules:\n  - {code: HX001, name: bad, type: existence, summary: s, tokens: [a], message: 'see {word}'}\n", "rule bad: message: unknown placeholder '{word}'"),
        ("rules:\n  - {code: HX001, name: bad, type: existence, summary: s, tokens: [a], message: '{match:>999999999}'}\n", "rule bad: message: '{match:>999999999}' takes no format"),
        ("rules:\n  - {code: HX001, name: bad, type: existence, summary: s, tokens: [a], message: '{match.upper}'}\n", "rule bad: message: unknown placeholder"),
        ("rules:\n  - {code: HX001, name: bad, type: existence, summary: s, tokens: [a], message: 'a { b'}\n", "rule bad: message: expected '}'"),
    ],
)
def test_bad_pack_is_exit_2_naming_file_rule_and_problem(tmp_path, body, expected):
    (tmp_path / "bad.yaml").write_text(body, "utf-8")
    (tmp_path / "kblint.yaml").write_text("packs: [bad.yaml]\n", "utf-8")
    (tmp_path / "a.md").write_text("# A\n\na b\n", "utf-8")  # a finding would format the message
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "kblint", "."], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 2
    assert "bad.yaml" in result.stderr and expected in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_pack_rules_are_explained(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "kblint", "explain", "placeholder-text"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0 and "## Example" in result.stdout and "Defined in" in result.stdout


def test_pack_errors_raise_pack_error(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("just: text\n", "utf-8")
    with pytest.raises(PackError):
        load_pack(path)


def test_placeholder_text_fires_on_placeholders_not_on_the_word(kb):
    body = (
        "The refund limit is TBD. TODO: describe the export.\n\n"
        "Fix the TODO in setup.js, remove obsolete TODOs and resolve the FIXME comment.\n"
        "Add a TODO comment; call dns.resolveXXX instead.\n"
    )
    found = [(line, column, message.split("'")[1]) for line, column, message in kb.check("placeholder-text", body)]
    assert found == [(7, 21, "TBD"), (7, 26, "TODO")]


def test_a_regex_packs_requires_is_a_list_of_strings(tmp_path):
    spec = {"code": "KX901", "name": "x-rule", "type": "existence", "summary": "s", "regex": True, "tokens": ["a+"], "requires": []}
    with pytest.raises(PackError):
        _validate({"rules": [spec]}, "x.yaml")


def test_the_shipped_word_lists_read_alike_by_libyaml_and_by_pyyaml():
    """The built-in rules' data files are read with libyaml's loader where PyYAML has it:
    what it reads must be what PyYAML's own safe loader reads."""
    import yaml

    from kblint.lang.data import load_data, packs_folder

    names = sorted(p.name for p in packs_folder().glob("data-*.yaml"))
    assert names
    for name in names:
        assert load_data(name) == yaml.load((packs_folder() / name).read_text("utf-8"), Loader=yaml.SafeLoader), name
