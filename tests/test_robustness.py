"""No input crashes kblint: every hostile file ends as a finding or a clean skip."""

import codecs
import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import ROOT
from kblint.model.config import Config
from kblint.kb.document import build_document
from kblint.rules.registry import Registry, builtin_rules
from kblint.rules.packs import load_packs

FRONT = "---\nid: KB1\nlang: en\ntitle: T\n---\n"


def hostile_corpus(root):
    en = root / "en"
    en.mkdir(parents=True)
    files = {
        "invalid-utf8.md": FRONT.encode() + b"caf\xe9 and \xff\xfe text\n",
        "bom.md": codecs.BOM_UTF8 + FRONT.encode() + "Text with a BOM.\n".encode(),
        "utf16.md": codecs.BOM_UTF16_LE + (FRONT + "UTF-16 text.\r\n").encode("utf-16-le"),
        "crlf.md": (FRONT + "Windows\r\nline endings\r\n").replace("\n", "\r\n").encode(),
        "cr-only.md": (FRONT + "Old Mac\rline endings\r").encode(),
        "empty.md": b"",
        "binary.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "sealed.md": b"\x00GITCRYPT\x00\x8f\x12\xa4 encrypted bytes",
        "broken-yaml.md": b"---\nid: [KB1\ntitle: {\n---\nbody\n",
        "unclosed.md": b"---\nid: KB1\nbody without a closing fence\n",
        "alias-bomb.md": (
            "---\na: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n"
            + "".join(f"a{i}: &a{i} [{','.join(['*a' if i == 0 else f'*a{i-1}'] * 9)}]\n" for i in range(12))
            + "---\nbody\n"
        ).encode(),
        "python-tag.md": b"---\nid: !!python/object/apply:os.system ['touch pwned']\n---\nbody\n",
        "big.md": FRONT.encode() + (b"A line of ordinary prose, repeated. " * 3 + b"\n") * 480_000,
        "long-line.md": FRONT.encode() + b"word " * 1_000_000 + b"\n",
        "quotes.md": FRONT.encode() + b"> " * 3000 + b"deep\n",
        "lists.md": FRONT.encode() + "".join("  " * i + "- x\n" for i in range(3000)).encode(),
        "brackets.md": FRONT.encode() + b"[" * 5000 + b"\n",
        "odd name \u2028 \u00e9 [1].md": FRONT.encode() + b"fine\n",
        "-dash.md": FRONT.encode() + b"fine\n",
    }
    for name, data in files.items():
        (en / name).write_bytes(data)
    os.symlink(root, en / "loop")
    return files


def test_hostile_corpus_never_crashes(tmp_path):
    hostile_corpus(tmp_path / "kb")
    (tmp_path / "kb" / "kblint.yaml").write_text("source_locale: en\nmax_file_size: 104857600\n", "utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "kblint", "--format", "json", "."],
        cwd=tmp_path / "kb",
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "kb" / "pwned").exists() and not (ROOT / "pwned").exists()
    import json

    findings = json.loads(result.stdout)["findings"]
    names = {(f["path"], f["name"]) for f in findings}
    assert ("en/invalid-utf8.md", "invalid-encoding") in names
    assert ("en/binary.md", "binary-file") in names
    assert not any(path == "en/sealed.md" for path, _ in names)  # git-crypt's: unreadable on purpose
    assert ("en/broken-yaml.md", "front-matter") in names
    assert ("en/alias-bomb.md", "front-matter") in names
    assert ("en/python-tag.md", "front-matter") in names
    bad = next(f for f in findings if f["name"] == "invalid-encoding")
    assert (bad["line"], bad["column"]) == (6, 4)


def test_default_size_limit_skips_huge_files(tmp_path):
    (tmp_path / "kblint.yaml").write_text("source_locale: en\n", "utf-8")
    (tmp_path / "KB1.md").write_bytes(FRONT.encode() + b"x" * (11 * 1024 * 1024))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "kblint", "."], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0 and "file-too-large" in result.stdout


RULES = Registry([*builtin_rules(), *load_packs()])
DOC_RULES = [r for r in RULES if r.check is not None]

_PIECES = list("ab 中文\t\n\r#>-*_`[]()!<>|:\"'‘’“”「」\\&1.KB0") + [
    "\r\n", "---\n", "```", "    ", "é", "😀", "𠀋", "\ufffd", "the the ", "KB12 ", "1. ", "- ", "> ", "| a | b |\n",
]
markdownish = st.lists(st.sampled_from(_PIECES), max_size=120).map("".join)


def _check_all(text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    doc = build_document(ROOT / "x.md", "en/KB1.md", data, Config(root=ROOT))
    length_lines = doc.index.line_count
    for rule in DOC_RULES:
        for finding in rule.check(doc, Config(root=ROOT)):
            assert 1 <= finding.line <= finding.end_line <= length_lines
            assert finding.column >= 1 and finding.end_column >= 1
            line_length = len(doc.index.line_text(finding.line))
            assert finding.column <= line_length + 1
            if finding.fix:
                for edit in finding.fix.edits:
                    assert 0 <= edit.start <= edit.end <= len(doc.text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdownish)
def test_random_markdown_never_raises_and_positions_are_inside(text):
    _check_all(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_random_text_never_raises(text):
    _check_all(text.replace("\x00", ""))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_never_raise(data):
    from kblint.model.text import is_binary

    if not is_binary(data):
        doc = build_document(ROOT / "x.md", "en/KB1.md", data, Config(root=ROOT))
        assert doc.index.line_count >= 1


@pytest.mark.timeout(60)  # a named pipe must not block the read
def test_reading_takes_regular_files_only_and_at_most_the_limit_plus_one_byte(tmp_path):
    from kblint.model.fsutil import Oversized, read_at_most

    large = tmp_path / "large.md"
    large.write_bytes(b"x" * 100_000)
    data = read_at_most(large, limit=1_000)
    assert isinstance(data, Oversized) and len(data) == 1_001 and data.size == 100_000
    assert read_at_most(large, limit=100_000) == b"x" * 100_000
    assert type(read_at_most(large, limit=100_000)) is bytes

    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)  # no writer: a plain open() would wait forever
    for hostile, why in [(pipe, "a named pipe"), ("/dev/zero", "a device"), (tmp_path, "a folder")]:
        try:
            read_at_most(hostile, limit=1_000)
        except OSError as error:
            assert why in str(error.strerror)
        else:
            raise AssertionError(f"{hostile} was read")

    link = tmp_path / "link.md"
    link.symlink_to(large)
    assert read_at_most(link, limit=None) == large.read_bytes()  # a file named by a link is read
    try:
        read_at_most(link, limit=None, follow_links=False)
    except OSError as error:
        assert "symbolic link" in error.strerror
    else:
        raise AssertionError("the link was followed")


def test_an_oversized_article_is_reported_with_its_whole_size(tmp_path):
    (tmp_path / "kblint.yaml").write_text("max_file_size: 1024\n", "utf-8")
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "KB1.md").write_bytes(FRONT.encode() + b"Some prose here.\n" * 200_000)
    run = subprocess.run(
        [sys.executable, "-m", "kblint", "--no-cache", "--select", "file-too-large", str(tmp_path)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert "file is 3.2 MiB, above max_file_size" in run.stdout, run.stdout + run.stderr
