"""Glossaries: what is found in text, and glossaries that cannot be used."""

from __future__ import annotations

import re

import pytest

from kblint.kb.glossary import Glossary, GlossaryError, load_glossary


def glossary(text: str, name: str = "glossary.yaml", tmp_path=None) -> Glossary:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return load_glossary(path)


def test_terms_are_found_whole_in_any_case_and_in_their_plural(tmp_path):
    found = glossary(
        "terms:\n  recovery code: {zh-Hans: 恢复码}\n  box: {zh-Hans: 盒}\n  C++: {zh-Hans: C++}\n"
        "keep: [Vaultline, .NET, v-model]\n",
        tmp_path=tmp_path,
    ).find
    assert found("Keep the Recovery Codes and two boxes.") == {"recovery code", "box"}
    assert found("recovery codex, boxer, mailbox") == set()
    assert found("Vaultline on .net, C++ and v-model; Vaultlines") == {"Vaultline", ".NET", "C++", "v-model"}
    assert found("保存好恢复码。") == {"恢复码"}


def test_the_longest_string_at_a_place_wins_and_matches_do_not_overlap(tmp_path):
    found = glossary("terms:\n  recovery code: {zh-Hans: 恢复码}\n  code: {zh-Hans: 代码}\n", tmp_path=tmp_path).find
    assert found("the recovery code") == {"recovery code"}
    assert found("the recovery code and the code") == {"recovery code", "code"}
    assert found("恢复码") == {"恢复码"} and found("代码") == {"代码"}


@pytest.mark.parametrize(
    "name, text, message",
    [
        ("glossary.yaml", "terms:\n  vault: {zh-Hant: 保管庫}\n  '': {zh-Hant: 空}\n", "terms: line 3: a term with no text"),
        ("glossary.yaml", "terms:\n  ~: {zh-Hant: 空}\n", "terms: line 2: a term with no text"),
        ("glossary.yaml", "terms:\n  vault: {zh-Hant: ''}\n", "terms: vault: zh-Hant: a translation with no text (line 2)"),
        ("glossary.yaml", "terms:\n  vault: {zh-Hans: [保险库, '  ']}\n", "terms: vault: zh-Hans: a translation with no text (line 2)"),
        ("glossary.yaml", "keep: [GPG, '']\n", "keep: line 1: a term with no text"),
        ("glossary.yaml", "terms:\n  vault:\n    ~: 保管庫\n", "terms: vault: a locale with no text (line 3)"),
        ("glossary.yaml", "terms:\n  vault: {zh-Hant: {a: b}}\n", "terms: vault: zh-Hant: a translation or a list of them (line 2)"),
        ("glossary.csv", "term,zh-Hant\nvault,保管庫\n,空\n", "row 3: a term with no text"),
    ],
)
def test_an_empty_term_or_translation_is_an_error(tmp_path, name, text, message):
    with pytest.raises(GlossaryError) as error:
        glossary(text, name, tmp_path)
    assert str(error.value) == f"{tmp_path / name}: {message}"


@pytest.mark.parametrize(
    "name, text, message",
    [
        ("glossary.yaml", "terms:\n  vault: {zh-Hant: 保管庫}\n  code: {zh-Hant: 碼}\n  vault: {zh-Hant: 金庫}\n", "terms: 'vault' is listed twice (lines 2 and 4): keep one"),
        ("glossary.yaml", "terms:\n  Vault: {zh-Hant: 保管庫}\n  vault: {zh-Hant: 金庫}\n", "terms: 'vault' is listed twice (lines 2 and 3): keep one"),
        ("glossary.yaml", "keep:\n  - GPG\n  - SSH\n  - GPG\n  - GPG\n", "keep: 'GPG' is listed twice (lines 2 and 4): keep one"),
        ("glossary.csv", "term,zh-Hant\nvault,保管庫\nvault,金庫\n", "'vault' is listed twice (rows 2 and 3): keep one"),
    ],
)
def test_a_term_listed_twice_is_said_once(tmp_path, name, text, message):
    with pytest.raises(GlossaryError) as error:
        glossary(text, name, tmp_path)
    assert str(error.value) == f"{tmp_path / name}: {message}"


def test_a_glossary_error_is_a_configuration_error_on_one_line(kb):
    from kblint.app.cli import main

    kb.config("source_locale: en\nglossary: glossary.yaml\n")
    kb.write("glossary.yaml", "terms:\n  '': {zh-Hant: 空}\n")
    kb.write("en/a.md", "# A\n\nText.\n")
    import contextlib
    import io
    import os

    errors = io.StringIO()
    cwd = os.getcwd()
    os.chdir(kb.root)
    try:
        with contextlib.redirect_stderr(errors):
            assert main(["--no-cache", "."]) == 2
    finally:
        os.chdir(cwd)
    assert errors.getvalue().count("\n") == 1 and "glossary: " in errors.getvalue() and "a term with no text" in errors.getvalue()


def test_a_large_glossary_compiles_no_large_pattern(tmp_path, monkeypatch):
    """Matching does not rest on one alternation of every string (its compilation takes
    minutes and gigabytes for 100,000 terms; benchmarks/glossary.py measures it)."""
    lines = ["terms:"] + [f"  term{k} word: {{zh-Hant: 詞{k}}}" for k in range(5000)] + ["keep: [GPG]"]
    large = glossary("\n".join(lines) + "\n", tmp_path=tmp_path)
    compiled = []
    original = re.compile
    monkeypatch.setattr(re, "compile", lambda pattern, flags=0: compiled.append(len(str(pattern))) or original(pattern, flags))
    assert large.find("Use term4321 words and GPG, not term99999 word; 詞17 too.") == {"term4321 word", "GPG", "詞17"}
    assert max(compiled, default=0) < 10_000
