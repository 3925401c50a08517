"""--fix never loses a byte: idempotent, encoding- and newline-preserving, atomic."""

import codecs
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import ROOT, article
from kblint.run.settings import load_config
from kblint.run.fix import apply_edits, fix, select_edits
from kblint.model.fsutil import TEMP_MARK, locked_folder
from kblint.model.finding import Edit, Finding, Fix, Severity
from helpers import registry


def run_fix(root: Path, unsafe: bool = False, diff_only: bool = False):
    config = load_config(root / "kblint.yaml", root)
    rules = registry().select([], [], ["ALL"])
    return fix([root], config, rules, unsafe=unsafe, diff_only=diff_only)


def setup(root: Path) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "kblint.yaml").write_text("source_locale: en\n", "utf-8")


def test_overlapping_edits_wait_for_the_next_pass():
    def finding(start, end, text):
        return Finding("a.md", 1, 1, 1, 1, "KL201", "typo", Severity.WARNING, "m", Fix((Edit(start, end, text),), True))

    chosen, waiting = select_edits([finding(0, 4, "x"), finding(2, 6, "y"), finding(6, 7, "z")], unsafe=False)
    assert [e.replacement for e, _ in chosen] == ["x", "z"] and waiting == 1
    assert apply_edits("abcdefgh", [e for e, _ in chosen]) == "xefzh"


def test_crlf_and_bom_survive_and_only_prose_changes(tmp_path):
    setup(tmp_path)
    text = (
        "---\nid: KB1\nlang: en\ntitle: We recieve\n---\n\nWe recieve it.\n\n```\nrecieve\n```\n\n    recieve\n\nWe recieve `recieve`.\n"
    ).replace("\n", "\r\n")
    path = tmp_path / "en" / "KB1.md"
    path.parent.mkdir()
    path.write_bytes(codecs.BOM_UTF8 + text.encode())
    os.chmod(path, 0o640)
    report = run_fix(tmp_path, unsafe=True)  # unsafe: the code's "recieve" makes the prose fixes so
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    new = data[3:].decode()
    assert new == text.replace("We recieve it.", "We receive it.").replace("We recieve `", "We receive `")
    assert "\n" not in new.replace("\r\n", "")
    assert oct(os.stat(path).st_mode & 0o777) == "0o640"
    assert report.fixed["typo"] == 2
    assert run_fix(tmp_path).fixed == {}


def test_utf16_file_stays_utf16(tmp_path):
    setup(tmp_path)
    path = tmp_path / "KB1.md"
    path.write_bytes(codecs.BOM_UTF16_LE + article("KB1", "en", "T", "We recieve it.\n").encode("utf-16-le"))
    run_fix(tmp_path)
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF16_LE) and "We receive it." in data[2:].decode("utf-16-le")


def test_invalid_utf8_files_are_never_rewritten(tmp_path):
    setup(tmp_path)
    path = tmp_path / "KB1.md"
    original = article("KB1", "en", "T", "We recieve it.\n").encode() + b"\xff\n"
    path.write_bytes(original)
    run_fix(tmp_path)
    assert path.read_bytes() == original


def test_unsafe_fixes_only_when_asked(tmp_path):
    setup(tmp_path)
    path = tmp_path / "KB1.md"
    path.write_text(article("KB1", "en", "T", "Close the the window.\n"), "utf-8")
    run_fix(tmp_path)
    assert "the the" in path.read_text("utf-8")
    run_fix(tmp_path, unsafe=True)
    assert "Close the window." in path.read_text("utf-8")


def test_a_file_that_says_not_to_edit_it_gets_no_safe_fix(tmp_path):
    """A file imported or generated from elsewhere says so in a comment at its top: its fixes
    belong there, and the next import would undo them."""
    setup(tmp_path)
    marked = tmp_path / "KB1.md"
    marked.write_text(article("KB1", "en", "T", "<!-- Copied from the team's wiki. DO NOT EDIT: it is overwritten. -->\n\nWe recieve it.\n"), "utf-8")
    plain = tmp_path / "KB2.md"
    plain.write_text(article("KB2", "en", "T", "We recieve it.\n"), "utf-8")
    run_fix(tmp_path)
    assert "recieve" in marked.read_text("utf-8") and "We receive it." in plain.read_text("utf-8")
    run_fix(tmp_path, unsafe=True)
    assert "We receive it." in marked.read_text("utf-8")


def test_diff_writes_nothing(tmp_path):
    setup(tmp_path)
    path = tmp_path / "KB1.md"
    original = article("KB1", "en", "T", "We recieve it.\n")
    path.write_text(original, "utf-8")
    report = run_fix(tmp_path, diff_only=True)
    assert path.read_text("utf-8") == original
    (diff,) = report.diffs
    assert "-We recieve it." in diff and "+We receive it." in diff


def test_unwritable_file_is_reported_not_truncated(tmp_path, monkeypatch):
    setup(tmp_path)
    good, bad = tmp_path / "KB1.md", tmp_path / "KB2.md"
    good.write_text(article("KB1", "en", "T", "We recieve it.\n"), "utf-8")
    original = article("KB2", "en", "T", "They recieve it.\n")
    bad.write_text(original, "utf-8")
    real_replace = os.replace

    def failing_replace(src, dst):
        if str(dst) == str(bad):
            raise PermissionError(13, "Permission denied")
        return real_replace(src, dst)

    monkeypatch.setattr("kblint.run.fix.os.replace", failing_replace)
    report = run_fix(tmp_path)
    assert bad.read_text("utf-8") == original
    assert "We receive it." in good.read_text("utf-8")
    assert any("KB2.md" in e and "Permission denied" in e for e in report.errors)
    assert not [p for p in tmp_path.iterdir() if TEMP_MARK in p.name]


def test_symlinks_are_not_written_through(tmp_path):
    setup(tmp_path / "kb")
    outside = tmp_path / "outside.md"
    original = article("KB1", "en", "T", "We recieve it.\n")
    outside.write_text(original, "utf-8")
    os.symlink(outside, tmp_path / "kb" / "KB1.md")
    config = load_config(tmp_path / "kb" / "kblint.yaml", tmp_path / "kb")
    report = fix([tmp_path / "kb" / "KB1.md"], config, registry().select(["typo"], []))
    assert outside.read_text("utf-8") == original
    assert report.errors


# -- fixing twice equals fixing once -------------------------------------------------------

DEFECTS_EN = ["We recieve it.", "Press CRTL+C.", "Members donâ€™t pay.", "Close the the door.", "Fine text."]
DEFECTS_ZH = ["保存好,然后继续。", "打开设置(高级)页面。", "這是正確的。"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.sampled_from(DEFECTS_EN), min_size=1, max_size=6),
    st.lists(st.sampled_from(DEFECTS_ZH), min_size=1, max_size=4),
    st.booleans(),
    st.booleans(),
)
def test_fixing_twice_equals_fixing_once(tmp_path_factory, english, chinese, crlf, unsafe):
    root = tmp_path_factory.mktemp("kb")
    setup(root)
    newline = "\r\n" if crlf else "\n"
    en = article("KB1", "en", "T", " ".join(english) + "\n\n```\nrecieve donâ€™t\n```\n").replace("\n", newline)
    zh = article("KB1", "zh-Hans", "T", "".join(chinese) + "\n").replace("\n", newline)
    (root / "en").mkdir()
    (root / "zh-Hans").mkdir()
    (root / "en" / "KB1.md").write_bytes(en.encode())
    (root / "zh-Hans" / "KB1.md").write_bytes(zh.encode())
    run_fix(root, unsafe=unsafe)
    once = {p: p.read_bytes() for p in root.rglob("*.md")}
    second = run_fix(root, unsafe=unsafe)
    assert second.fixed == {}
    assert {p: p.read_bytes() for p in root.rglob("*.md")} == once
    assert b"recieve don\xc3\xa2\xe2\x82\xac\xe2\x84\xa2t" in once[root / "en" / "KB1.md"]  # code untouched


# -- killed mid-run: every file is old or new -----------------------------------------------


def test_killing_a_fix_run_leaves_every_file_old_or_new(tmp_path):
    source = tmp_path / "source"
    setup(source)
    for i in range(400):
        (source / f"KB{1000 + i}.md").write_text(article(f"KB{1000 + i}", "en", "T", f"Item {i}: we recieve it.\n" * 20), "utf-8")
    fixed = tmp_path / "fixed"
    shutil.copytree(source, fixed)
    run_fix(fixed)
    old = {p.name: p.read_bytes() for p in source.glob("*.md")}
    new = {p.name: p.read_bytes() for p in fixed.glob("*.md")}
    assert old != new
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rng = random.Random(7)
    for attempt, sig in enumerate([signal.SIGTERM, signal.SIGKILL, signal.SIGTERM, signal.SIGKILL, signal.SIGINT]):
        work = tmp_path / f"work{attempt}"
        shutil.copytree(source, work)
        process = subprocess.Popen(
            [sys.executable, "-m", "kblint", "--fix", "--quiet", "--select", "typo", "."],
            cwd=work, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.4, 2.5))
        process.send_signal(sig)
        process.wait(timeout=60)
        for path in work.glob("*.md"):
            assert path.read_bytes() in (old[path.name], new[path.name]), path
        # Its pool workers end with it and hold no lock on the folder.
        with locked_folder(work, seconds=10):
            pass
        temps = [p for p in work.iterdir() if TEMP_MARK in p.name]
        if sig != signal.SIGKILL:
            assert temps == []
        # A later run finishes the job and clears what a killed run left behind.
        subprocess.run([sys.executable, "-m", "kblint", "--fix", "--quiet", "--select", "typo", "."], cwd=work, env=env, capture_output=True, timeout=300)
        assert {p.name: p.read_bytes() for p in work.glob("*.md")} == new
        assert [p for p in work.iterdir() if TEMP_MARK in p.name] == []


def _kblint(*args: str, cwd: Path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "kblint", *args], cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_fix_runs_at_once_give_what_one_gives(tmp_path):
    setup(tmp_path)
    for k in range(120):
        (tmp_path / f"KB{1000 + k}.md").write_text(article(f"KB{1000 + k}", "en", "T", "It occured twice. It occured again.\n"), "utf-8")
    first = _kblint("--fix", "--no-cache", "--quiet", ".", cwd=tmp_path)
    second = _kblint("--fix", "--no-cache", "--quiet", ".", cwd=tmp_path)
    for process in (first, second):
        process.communicate(timeout=300)
        assert process.returncode == 0
    for path in tmp_path.glob("KB*.md"):
        body = path.read_text("utf-8").split("---\n", 2)[2]
        assert body == "\nIt occurred twice. It occurred again.\n", path
    assert not list(tmp_path.glob(f".*{TEMP_MARK}*"))


def test_a_write_leaves_the_temporary_files_of_others_alone(tmp_path):
    from kblint.model.fsutil import STALE_TEMP_SECONDS, atomic_write

    target = tmp_path / "KB[1].md"  # brackets: a glob would read them as a character class
    target.write_text("old\n", "utf-8")
    writer = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True).stdout.strip()
    live = tmp_path / f".KB[1].md{TEMP_MARK}{writer.pid}-live"  # another process is writing it now
    live.write_text("x", "utf-8")
    dead = tmp_path / f".KB[1].md{TEMP_MARK}{gone}-dead"  # left by a process that was killed
    dead.write_text("x", "utf-8")
    long_ago = time.time() - STALE_TEMP_SECONDS - 60
    other = tmp_path / f".KB1.md{TEMP_MARK}{gone}-other"  # another file's, matched by the glob [1]
    other.write_text("x", "utf-8")
    os.utime(other, (long_ago, long_ago))
    try:
        atomic_write(target, b"new\n")
    finally:
        writer.kill()
    assert target.read_text("utf-8") == "new\n"
    assert live.exists() and other.exists() and not dead.exists()


def test_a_file_changed_between_lint_and_write_is_not_edited(tmp_path, monkeypatch):
    import kblint.run.fix as fixing

    setup(tmp_path)
    path = tmp_path / "KB1.md"
    path.write_text(article("KB1", "en", "T", "Keep the passwd safe, it occured to me.\n"), "utf-8")
    original_document = fixing._document

    def edited_meanwhile(relpath, config, overlay):
        # An editor saves the file after the lint pass and before the fix reads it.
        path.write_text(article("KB1", "en", "T", "Keep the secret safe; it occured to me.\n"), "utf-8")
        monkeypatch.setattr(fixing, "_document", original_document)
        return original_document(relpath, config, overlay)

    monkeypatch.setattr(fixing, "_document", edited_meanwhile)
    report = run_fix(tmp_path)
    assert any("changed while it was being fixed" in note for note in report.notes)
    # The next pass linted the new text and fixed it where it is.
    assert path.read_text("utf-8").endswith("\nKeep the secret safe; it occurred to me.\n")


def test_fixes_that_undo_each_other_stop_and_are_reported_once(tmp_path):
    root = tmp_path
    root.joinpath("kblint.yaml").write_text("source_locale: en\nlocales: [en, zh-Hant]\n", "utf-8")
    (root / "en").mkdir()
    (root / "zh-Hant").mkdir()
    (root / "en" / "KB11.md").write_text(article("KB11", "en", "Status", "Text.\n"), "utf-8")
    # The zh-Hant title has a Simplified 况: ref-title-mismatch copies it into the list,
    # mixed-script turns it back, ref-title-mismatch copies it again...
    (root / "zh-Hant" / "KB11.md").write_text(article("KB11", "zh-Hant", "狀况說明", "內容。\n"), "utf-8")
    (root / "en" / "KB12.md").write_text(article("KB12", "en", "Index", "## Related articles\n\n- KB11 - Status\n"), "utf-8")
    listing = root / "zh-Hant" / "KB12.md"
    listing.write_text(article("KB12", "zh-Hant", "索引", "## 相關文章\n\n- KB11 - 另一個標題\n"), "utf-8")
    diff = run_fix(root, unsafe=True, diff_only=True)
    assert [n for n in diff.notes if "undo each other" in n] == [
        "zh-Hant/KB12.md: fixes undo each other (mixed-script, ref-title-mismatch): left as the previous pass wrote it"
    ]
    assert len(diff.diffs) == 1 and "+- KB11 - 狀況說明" in diff.diffs[0]
    report = run_fix(root, unsafe=True)
    assert len([n for n in report.notes if "undo each other" in n]) == 1
    assert listing.read_text("utf-8").endswith("- KB11 - 狀況說明\n")


def test_a_diff_is_a_patch_git_applies(tmp_path):
    setup(tmp_path)
    path = tmp_path / "KB1.md"
    # A form feed and U+2028 inside changed lines, no line feed at the end.
    path.write_bytes(article("KB1", "en", "T", "It occured\x0conce.\nThen it occured\u2028again.").encode("utf-8"))
    report = run_fix(tmp_path, diff_only=True)
    [patch] = report.diffs
    assert patch.endswith("\\ No newline at end of file\n")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "change.patch").write_text(patch.replace(f"a/{os.path.relpath(path)}", "a/KB1.md").replace(f"b/{os.path.relpath(path)}", "b/KB1.md"), "utf-8")
    checked = subprocess.run(["git", "-C", str(tmp_path), "apply", "--check", "change.patch"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    subprocess.run(["git", "-C", str(tmp_path), "apply", "change.patch"], check=True)
    assert path.read_text("utf-8").endswith("It occurred\x0conce.\nThen it occurred\u2028again.")


# -- code as CommonMark reads it is never edited ----------------------------------------------


def _commonmark_code(text: str) -> list[str]:
    """Everything a CommonMark renderer shows as code (code blocks, code spans) or passes
    through as raw HTML, in order."""
    from markdown_it import MarkdownIt

    found = []
    for token in MarkdownIt("commonmark").parse(text):
        if token.type in ("fence", "code_block", "html_block"):
            found.append(token.content)
        for child in token.children or ():
            if child.type in ("code_inline", "html_inline"):
                found.append(child.content)
    return found


_HEADER = "---\nid: KB1\nlang: en\ntitle: T\n---\n\n"

# Pieces of Markdown on which parsers are known to disagree about what is code, each with a
# defect a safe fix would mend if it were prose.
_CODE_PIECES = [
    "It occured here.\n     \n    recieve the the occured\n",  # whitespace-only line, then indented code
    "[label]:\n```\noccured the the\n```\n",  # a definition without destination before a fence
    "- item\n\n  ```\n  occured recieve\n  ```\n",
    "- item\n\n      occured indented in a list\n",
    "1. step\n   - inner\n\n         occured deeper\n",
    "> quoted\n>\n>     occured in quoted code\n",
    "Text\n\n\tocccured after a tab\n",
    "* a\n*\n\n    occured after an empty item\n",
    "<div>\noccured in raw html\n</div>\n",
    "`` occured ` span ``\n",
    "~~~ text\noccured the the\n~~~\n",
    "   ```\n   occured indented fence\n   ```\n",
    "Para\n    occured continuation, not code\n",
    "It was seperated twice.\n",  # prose: must be fixed (a word no code above uses: that would make its fix unsafe)
    "The the start.\n",
]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_CODE_PIECES), min_size=1, max_size=6), st.sampled_from(["\n", "\n\n", "\n   \n", "\n     \n"]), st.booleans())
def test_fix_never_changes_what_commonmark_shows_as_code(tmp_path_factory, pieces, separator, unsafe):
    root = tmp_path_factory.mktemp("kb")
    setup(root)
    body = separator.join(pieces)
    path = root / "KB1.md"
    path.write_text(_HEADER + body, "utf-8")  # not article(): dedent would blank the whitespace-only lines
    before = _commonmark_code(path.read_text("utf-8").split("---\n", 2)[2])
    run_fix(root, unsafe=unsafe)
    after_text = path.read_text("utf-8")
    assert _commonmark_code(after_text.split("---\n", 2)[2]) == before
    if "It was seperated twice.\n" in pieces and separator != "\n":
        assert "It was separated twice." in after_text  # prose is still fixed


def test_a_fix_refused_in_code_is_noted_once(tmp_path):
    setup(tmp_path)
    body = "It occured here.\n     \n    recieve the the occured\n\nWe recieve it.\n"
    (tmp_path / "KB1.md").write_text(_HEADER + body, "utf-8")
    config = load_config(tmp_path / "kblint.yaml", tmp_path)
    report = fix([tmp_path], config, registry().select(config.select, config.ignore))  # the default rules
    text = (tmp_path / "KB1.md").read_text("utf-8")
    assert "It occurred here." in text and "We receive it." in text  # prose around it is fixed
    assert "    recieve the the occured\n" in text  # CommonMark's indented code is not
    assert [n for n in report.notes if "CommonMark" in n] == [
        "KB1.md: 2 fix(es) not applied (line 9): a CommonMark renderer shows that text as code"
    ]


def test_a_fix_never_takes_a_links_destination_with_it(tmp_path):
    setup(tmp_path)
    (tmp_path / "zh-Hans").mkdir()
    body = "展望未来，[王小明 (小明)](https://example.com/wang) 分享了研究。\n\n请看 [the](https://example.com/a) the 说明。\n"
    (tmp_path / "zh-Hans" / "KB1.md").write_text(article("KB1", "zh-Hans", "T", body), "utf-8")
    run_fix(tmp_path, unsafe=True)
    text = (tmp_path / "zh-Hans" / "KB1.md").read_text("utf-8")
    assert "[王小明（小明）](https://example.com/wang) 分享" in text  # both brackets, the link kept
    assert "[the](https://example.com/a)" in text  # "the [the]…" crosses into a link: not edited


def test_the_label_of_a_shortcut_or_collapsed_reference_link_is_never_edited(tmp_path):
    setup(tmp_path)
    (tmp_path / "zh-Hans").mkdir()
    english = "We recieve [recieve] and ![recieve][] and [teh][recieve] too.\n\n[recieve]: https://example.com/r\n"
    chinese = "见[中文,说明][]与[中文,说明]，以及[中文,说明](https://example.com)。\n\n[中文,说明]: https://example.com/z\n"
    (tmp_path / "KB1.md").write_text(article("KB1", "en", "T", english), "utf-8")
    (tmp_path / "zh-Hans" / "KB1.md").write_text(article("KB1", "zh-Hans", "T", chinese), "utf-8")
    run_fix(tmp_path, unsafe=True)
    assert (tmp_path / "KB1.md").read_text("utf-8").endswith(
        "We receive [recieve] and ![recieve][] and [the][recieve] too.\n\n[recieve]: https://example.com/r\n"
    )  # the text of a full reference link is prose; a label is the definition's
    assert (tmp_path / "zh-Hans" / "KB1.md").read_text("utf-8").endswith(
        "见[中文,说明][]与[中文,说明]，以及[中文，说明](https://example.com)。\n\n[中文,说明]: https://example.com/z\n"
    )


def test_mdx_expressions_are_code(tmp_path):
    setup(tmp_path)
    body = "# Use {props.recieve}\n\nCall {teh(occured)} and {`${a}, b`} but teh end.\n\n{x.map((y) =>\n  teh(y))}\n"
    (tmp_path / "a.mdx").write_text(body, "utf-8")
    (tmp_path / "a.md").write_text("Call {it teh way} in Markdown.\n", "utf-8")
    run_fix(tmp_path, unsafe=True)
    assert (tmp_path / "a.mdx").read_text("utf-8") == body.replace("but teh end", "but the end")
    assert (tmp_path / "a.md").read_text("utf-8") == "Call {it the way} in Markdown.\n"  # not MDX: prose


def test_a_heading_whose_anchor_links_name_keeps_its_text(tmp_path):
    setup(tmp_path)
    (tmp_path / "a.md").write_text("# Start\n\nSee [below](#how-to-recieve-data) and [other](b.md#recieve-it).\n\n## How to recieve data\n", "utf-8")
    (tmp_path / "b.md").write_text("# B\n\n## Recieve it\n\nText.\n\n## Teh other\n", "utf-8")
    report = run_fix(tmp_path, unsafe=True)
    assert (tmp_path / "a.md").read_text("utf-8").endswith("## How to recieve data\n")
    assert (tmp_path / "b.md").read_text("utf-8") == "# B\n\n## Recieve it\n\nText.\n\n## The other\n"  # no link names it
    assert [n for n in report.notes if "anchor" in n] == [
        "a.md: 1 fix(es) not applied (line 5): links name the heading's anchor, which the edit would change",
        "b.md: 1 fix(es) not applied (line 3): links name the heading's anchor, which the edit would change",
    ]


def test_link_fixes_rewrite_a_reference_links_definition(tmp_path):
    setup(tmp_path)
    # The site's heading ids are GitHub's, as configured: a case-only anchor fix is then safe.
    (tmp_path / "kblint.yaml").write_text("source_locale: en\nheading_ids: github\n", "utf-8")
    (tmp_path / "Guide.md").write_text("# Guide\n\n## Step Two\n\nText.\n", "utf-8")
    body = "See [the guide][g] and [step][s].\n\n[g]: guide.md\n[s]: Guide.md#Step-Two\n"
    (tmp_path / "a.md").write_text(body, "utf-8")
    run_fix(tmp_path)
    assert (tmp_path / "a.md").read_text("utf-8") == "See [the guide][g] and [step][s].\n\n[g]: Guide.md\n[s]: Guide.md#step-two\n"
