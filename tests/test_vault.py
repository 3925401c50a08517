"""An Obsidian vault: notes that link by name ([[Note#Heading|text]]), titled by their files'
names, one vault per language, translations paired by a front matter key."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kblint.app.cli import main
from kblint.run.settings import is_a_vault, load_config
from kblint.kb.document import build_document
from helpers import write_files as write

SETUP = """\
Install the desktop app first. See [[Sync notes#Choose a folder|the folder step]] and
[[sync NOTES]] (a name in any case), then [[Guides/Sync notes]] by the end of its path.

![[screen.png|300]] shows the window; [[#Before you start]] is on this page.

## Before you start

| Step | Where |
| --- | --- |
| One | [[Sync notes\\|syncing]] |

Read [[Sync notes#Which folders does it use]] and [[Sync notes#^keep-open]].
"""

SYNC = """\
## Choose a folder

Pick the folder your notes live in.

## Which folders does it use?

Only the one you picked. Keep the app open while it works. ^keep-open
"""


def lint(cwd: Path, monkeypatch, capsys, *args: str) -> list[dict]:
    monkeypatch.chdir(cwd)
    main(["--no-cache", "--format", "json", *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err, err
    return json.loads(out)["findings"] if out.strip() else []


def where(findings: list[dict]) -> list[tuple[str, str, int, int, str]]:
    return [(f["name"], f["path"], f["line"], f["column"], f["message"]) for f in findings]


def vault(root: Path, extra: dict[str, str] | None = None) -> None:
    write(root, {
        "en/.obsidian/app.json": "{}",
        "en/Start/Setup.md": SETUP,
        "en/Guides/Sync notes.md": SYNC,
        "en/Attachments/screen.png": "",
        **(extra or {}),
    })  # fmt: skip


def vault_note(root: Path, relpath: str, text: str):
    """The Document of ``text`` as the note ``relpath`` of a vault at ``root``."""
    write(root, {".obsidian/app.json": "{}"})
    return build_document(root / relpath, relpath, text.encode(), load_config(None, root, False))


def test_a_folder_of_obsidian_settings_makes_a_vault(tmp_path):
    assert not is_a_vault(tmp_path)
    write(tmp_path, {"en/.obsidian/app.json": "{}"})
    assert is_a_vault(tmp_path)
    assert load_config(None, tmp_path, False).wiki_links is True


def test_links_by_name_headings_by_text_and_blocks_by_id_lead_somewhere(tmp_path, monkeypatch, capsys):
    """Names in any case, path endings, an attachment elsewhere in the vault, this page's
    heading, a heading without its "?", a block id, and a table's escaped pipe."""
    vault(tmp_path)
    assert where(lint(tmp_path, monkeypatch, capsys, ".")) == []


def test_what_leads_nowhere_is_reported_at_the_name(tmp_path, monkeypatch, capsys):
    vault(tmp_path, {"en/Start/Broken.md": "See [[Sync note]] and [[Sync notes#Pick a folder]].\n\n![[missing.png]]\n"})
    assert where(lint(tmp_path, monkeypatch, capsys, ".")) == [
        ("broken-link", "en/Start/Broken.md", 1, 7, "link to [[Sync note]]: no note or file of that name in the vault"),
        ("broken-anchor", "en/Start/Broken.md", 1, 25, "no heading or anchor #Pick a folder in Sync notes"),
        ("broken-link", "en/Start/Broken.md", 3, 4, "image to [[missing.png]]: no note or file of that name in the vault"),
    ]


def test_a_note_is_titled_by_its_file_and_its_links_are_no_brackets(tmp_path):
    """The shown text is prose (a typo there is one); the brackets and the note's name are not."""
    doc = vault_note(tmp_path, "Start/Setup.md", "See [[Sync notes|the recieved notes]] and [[Sync notes]] ([[Other]]).\n")
    assert doc.title == "Setup"
    assert [(link.url, link.text, link.wiki) for link in doc.body.links] == [
        ("Sync notes", "the recieved notes", True), ("Sync notes", "Sync notes", True), ("Other", "Other", True),
    ]  # fmt: skip
    prose = doc.body.prose[0].text.replace("\x00", "")
    assert prose == "See the recieved notes and  ()."


def test_double_brackets_are_no_link_outside_a_vault(tmp_path, monkeypatch, capsys):
    write(tmp_path, {"en/a.md": "# Values\n\nThe pairs are [[1]] and [[KB-2]] in the table.\n"})
    assert where(lint(tmp_path, monkeypatch, capsys, ".")) == []


def test_translations_pair_by_a_front_matter_key(tmp_path, monkeypatch, capsys):
    """Each language's vault names its files in its own language; Obsidian Publish's
    permalink names the page in every one."""
    files = {
        "en/.obsidian/app.json": "{}",
        "en/Sync notes.md": "---\npermalink: sync\n---\nPick the folder your notes live in.\n",
        "zh-TW/同步筆記.md": "---\npermalink: sync\n---\n選擇存放筆記的資料夾。\n",
    }
    write(tmp_path, files)
    assert where(lint(tmp_path, monkeypatch, capsys, ".")) == []  # a vault's permalink, by default
    write(tmp_path, {"kblint.yaml": "translation_keys: [id]\n"})
    unpaired = [f["name"] for f in lint(tmp_path, monkeypatch, capsys, ".")]
    assert "missing-translation" in unpaired


def test_a_note_may_be_linked_by_its_aliases(tmp_path, monkeypatch, capsys):
    vault(tmp_path, {
        "en/Guides/Artificial intelligence.md": "---\naliases:\n  - AI\n  - Machine minds\n---\nA note on it.\n",
        "en/Start/Reading.md": "Read [[AI]], [[machine minds|this]] and [the note](AI.md); not [[AGI]].\n",
    })  # fmt: skip
    assert where(lint(tmp_path, monkeypatch, capsys, ".")) == [
        ("broken-link", "en/Start/Reading.md", 1, 66, "link to [[AGI]]: no note or file of that name in the vault"),
    ]


def test_a_run_of_one_note_finds_aliases_in_the_cache(tmp_path, monkeypatch, capsys):
    """A pre-commit run of one note holds that note alone: the aliases of the others come from
    the cache's column, read only while current (a note whose file changed gives its new ones)."""
    vault(tmp_path, {
        "en/Guides/Artificial intelligence.md": "---\naliases: [AI]\n---\nA note on it.\n",
        "en/Start/Reading.md": "Read [[AI]] and [[Thinking machines]].\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)

    def one_note() -> list[tuple]:
        main(["--cache-dir", str(tmp_path / "cache"), "--format", "json", "en/Start/Reading.md"])
        return [(f["line"], f["column"], f["message"]) for f in json.loads(capsys.readouterr()[0] or '{"findings": []}')["findings"]]

    main(["--cache-dir", str(tmp_path / "cache"), "--format", "json", "."])
    capsys.readouterr()
    assert one_note() == [(1, 19, "link to [[Thinking machines]]: no note or file of that name in the vault")]
    write(tmp_path, {"en/Guides/Artificial intelligence.md": "---\naliases: [Thinking machines]\n---\nA note on it.\n"})
    assert one_note() == [(1, 8, "link to [[AI]]: no note or file of that name in the vault")]


def test_a_vaults_comments_are_no_prose(tmp_path):
    """%%…%% is a note to the vault's writers, over lines and paragraphs too: no reader sees it."""
    doc = vault_note(tmp_path, "Start.md", "Open the app. %%the the draft%%\n\n%%Still a note\n\nto writers%% Then sign in.\n")
    assert [span.text.replace("\x00", "") for span in doc.body.prose] == ["Open the app. ", "", " Then sign in."]


PARTS = ["Guides", "guides", "Sync notes", "sync notes.md", "a.b", "Note.md", "note", "img.png", "Notes.mdx", "x"]


@settings(max_examples=300, deadline=None)
@given(
    paths=st.lists(st.lists(st.sampled_from(PARTS), min_size=1, max_size=3).map("/".join), max_size=12),
    name=st.lists(st.sampled_from(PARTS), min_size=1, max_size=2).map("/".join),
)
def test_a_name_finds_every_file_whose_path_ends_in_it(paths, name):
    """A name finds a file whose path ends in it by whole parts, in any case, a note's also
    without its suffix; the one beside the linking note first, then the shortest."""
    from kblint.formats.registry import PAGE_SUFFIXES
    from kblint.kb.links import Resolver

    def endings(path: str):
        parts = path.casefold().split("/")
        for k in range(len(parts)):
            ending = "/".join(parts[k:])
            yield ending
            if ending.endswith(PAGE_SUFFIXES):
                yield ending.rsplit(".", 1)[0]

    expected = sorted({p for p in paths if name.casefold() in endings(p)}, key=lambda p: (p.rpartition("/")[0] != "Guides", len(p), p))
    assert Resolver(set(paths), {})._named("", "Guides", name) == expected


def test_a_damaged_alias_cell_in_the_cache_is_no_crash(tmp_path, monkeypatch, capsys):
    import sqlite3

    vault(tmp_path, {
        "en/Guides/Artificial intelligence.md": "---\naliases: [AI]\n---\nA note on it.\n",
        "en/Start/Reading.md": "Read [[AI]].\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    main(["--cache-dir", str(tmp_path / "cache"), "--format", "json", "."])
    capsys.readouterr()
    for database in (tmp_path / "cache").glob("cache-*.sqlite"):
        with sqlite3.connect(database) as db:
            db.execute("UPDATE summaries SET aliases=x'7b01' WHERE aliases IS NOT NULL")
    main(["--cache-dir", str(tmp_path / "cache"), "--format", "json", "en/Start/Reading.md"])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and json.loads(out)["summary"]["files"] == 1
