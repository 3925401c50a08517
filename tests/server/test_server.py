"""The language server, driven as an editor drives it: ``kblint server`` in a subprocess, spoken
to over standard input and output by pytest-lsp's client. The knowledge base is
tests/fixtures/server-kb, copied for each test."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import stat
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "server-kb"
PUBLISHED = lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS


@pytest.fixture
def kb(tmp_path) -> Path:
    root = tmp_path / "kb"
    shutil.copytree(FIXTURE, root)
    return root


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "kblint", "server"]))
async def client(lsp_client: LanguageClient, kb: Path):
    lsp_client.registrations = []

    @lsp_client.feature(lsp.CLIENT_REGISTER_CAPABILITY)
    def register(params: lsp.RegistrationParams):  # an editor would start watching files here
        lsp_client.registrations.extend(params.registrations)

    await lsp_client.initialize_session(
        lsp.InitializeParams(capabilities=client_capabilities("visual-studio-code"), root_uri=kb.as_uri())
    )
    yield
    await lsp_client.shutdown_session()


def open_article(client: LanguageClient, path: Path, text: str | None = None) -> str:
    uri = path.as_uri()
    text = path.read_text("utf-8") if text is None else text
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, "markdown", 1, text)))
    return uri


def change_article(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(version=version, uri=uri),
            [lsp.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


async def diagnostics(client: LanguageClient, uri: str, until=lambda found: True, seconds: float = 60) -> list[lsp.Diagnostic]:
    """The diagnostics of ``uri`` once ``until`` holds for them."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while True:
        found = client.diagnostics.get(uri)
        if found is not None and until(found):
            return list(found)
        remaining = deadline - loop.time()
        if remaining <= 0:
            raise AssertionError(f"no such diagnostics for {uri}: {found}")
        try:
            await asyncio.wait_for(client.wait_for_notification(PUBLISHED), remaining)
        except asyncio.TimeoutError:
            pass


def codes(found: list[lsp.Diagnostic]) -> list[str]:
    return [d.code for d in found]


def at(found: list[lsp.Diagnostic], code: str) -> lsp.Diagnostic:
    return next(d for d in found if d.code == code)


@pytest.mark.asyncio
async def test_a_broken_reference_appears_as_typed_and_goes_when_mended(client: LanguageClient, kb: Path):
    path = kb / "en" / "KB2003.md"
    original = path.read_text("utf-8")
    uri = open_article(client, path)
    found = await diagnostics(client, uri)
    assert codes(found) == ["KL201"]  # the typo, at first

    broken = original.replace("see KB2002", "see KB2099")
    change_article(client, uri, 2, broken)
    found = await diagnostics(client, uri, lambda d: "KL101" in codes(d))
    diagnostic = at(found, "KL101")
    assert diagnostic.range == lsp.Range(lsp.Position(9, 27), lsp.Position(9, 33))  # line 10, "KB2099"
    assert diagnostic.severity == lsp.DiagnosticSeverity.Error
    assert diagnostic.source == "kblint broken-reference" and "KB2099" in diagnostic.message
    assert diagnostic.code_description is not None and diagnostic.code_description.href.endswith("broken-reference.md")

    change_article(client, uri, 3, original)
    found = await diagnostics(client, uri, lambda d: "KL101" not in codes(d))
    assert codes(found) == ["KL201"]


@pytest.mark.asyncio
async def test_ranges_count_utf16_code_units(client: LanguageClient, kb: Path):
    path = kb / "en" / "KB2003.md"
    # Two characters outside the Basic Multilingual Plane before the typo: four UTF-16 units.
    text = path.read_text("utf-8").replace("Press CRTL", "\U0001F510\U0001F510 Press CRTL")
    uri = open_article(client, path, text)
    diagnostic = at(await diagnostics(client, uri), "KL201")
    assert diagnostic.range == lsp.Range(lsp.Position(12, 11), lsp.Position(12, 15))


@pytest.mark.asyncio
async def test_a_code_action_applies_the_fix_and_another_disables_the_rule(client: LanguageClient, kb: Path):
    path = kb / "en" / "KB2003.md"
    uri = open_article(client, path)
    diagnostic = at(await diagnostics(client, uri), "KL201")
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(lsp.TextDocumentIdentifier(uri), diagnostic.range, lsp.CodeActionContext([diagnostic]))
    )
    fix = next(a for a in actions if a.is_preferred)
    assert fix.kind == lsp.CodeActionKind.QuickFix and "unsafe" not in fix.title
    [edit] = fix.edit.changes[uri]
    assert edit.range == diagnostic.range and edit.new_text == "Ctrl"
    fixed = _apply(path.read_text("utf-8"), edit)
    assert "Press Ctrl+R" in fixed

    change_article(client, uri, 2, fixed)
    assert codes(await diagnostics(client, uri, lambda d: not d)) == []

    change_article(client, uri, 3, path.read_text("utf-8"))
    diagnostic = at(await diagnostics(client, uri, lambda d: bool(d)), "KL201")
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(lsp.TextDocumentIdentifier(uri), diagnostic.range, lsp.CodeActionContext([diagnostic]))
    )
    disable = next(a for a in actions if a.title == "kblint: disable typo for this line")
    [edit] = disable.edit.changes[uri]
    silenced = _apply(path.read_text("utf-8"), edit)
    assert "<!-- kblint-disable-next-line typo -->\nPress CRTL" in silenced
    change_article(client, uri, 4, silenced)
    assert await diagnostics(client, uri, lambda d: not d) == []


def _apply(text: str, edit: lsp.TextEdit) -> str:
    """One edit applied to an ASCII text (where UTF-16 units are characters)."""
    lines = text.splitlines(keepends=True)
    start = sum(len(line) for line in lines[: edit.range.start.line]) + edit.range.start.character
    end = sum(len(line) for line in lines[: edit.range.end.line]) + edit.range.end.character
    return text[:start] + edit.new_text + text[end:]


@pytest.mark.asyncio
async def test_definition_of_an_id_and_of_a_path_with_an_anchor(client: LanguageClient, kb: Path):
    path = kb / "en" / "KB2003.md"
    uri = open_article(client, path)
    await diagnostics(client, uri)
    # On "KB2002" (line 10): the article's file.
    location = await client.text_document_definition_async(
        lsp.DefinitionParams(lsp.TextDocumentIdentifier(uri), lsp.Position(9, 30))
    )
    assert location.uri == (kb / "en" / "KB2002.md").as_uri() and location.range.start.line == 0
    # On the link to help/sync.md#troubleshooting-sync (line 11): the heading.
    location = await client.text_document_definition_async(
        lsp.DefinitionParams(lsp.TextDocumentIdentifier(uri), lsp.Position(10, 3))
    )
    assert location.uri == (kb / "en" / "help" / "sync.md").as_uri()
    assert location.range.start.line == 8  # "## Troubleshooting sync"
    # Plain text: nothing to go to.
    assert await client.text_document_definition_async(lsp.DefinitionParams(lsp.TextDocumentIdentifier(uri), lsp.Position(8, 3))) is None


@pytest.mark.asyncio
async def test_a_translation_goes_to_the_article_in_its_own_language(client: LanguageClient, kb: Path):
    path = kb / "zh-Hant" / "KB2001.md"
    text = path.read_text("utf-8").replace("KB2002", "KB2001")  # its own id: the zh-Hant file
    uri = open_article(client, path, text)
    await diagnostics(client, uri)
    line = next(i for i, l in enumerate(text.splitlines()) if "KB2001）" in l)
    column = text.splitlines()[line].index("KB2001")
    location = await client.text_document_definition_async(
        lsp.DefinitionParams(lsp.TextDocumentIdentifier(uri), lsp.Position(line, column + 1))
    )
    assert location.uri == path.as_uri()


@pytest.mark.asyncio
async def test_hover_shows_the_target_and_the_rule(client: LanguageClient, kb: Path):
    path = kb / "en" / "KB2003.md"
    uri = open_article(client, path)
    await diagnostics(client, uri)
    shown = await client.text_document_hover_async(lsp.HoverParams(lsp.TextDocumentIdentifier(uri), lsp.Position(9, 30)))
    assert "**KB2002**: Exporting recovery codes" in shown.contents.value and "en/KB2002.md" in shown.contents.value
    shown = await client.text_document_hover_async(lsp.HoverParams(lsp.TextDocumentIdentifier(uri), lsp.Position(12, 8)))
    assert "**typo** (KL201)" in shown.contents.value and "codespell" in shown.contents.value
    assert await client.text_document_hover_async(lsp.HoverParams(lsp.TextDocumentIdentifier(uri), lsp.Position(8, 3))) is None


@pytest.mark.asyncio
async def test_document_links_reach_the_articles(client: LanguageClient, kb: Path):
    path = kb / "en" / "KB2003.md"
    uri = open_article(client, path)
    await diagnostics(client, uri)
    links = await client.text_document_document_link_async(lsp.DocumentLinkParams(lsp.TextDocumentIdentifier(uri)))
    targets = {link.target: link.tooltip for link in links}
    assert targets == {
        (kb / "en" / "KB2002.md").as_uri(): "Exporting recovery codes",
        (kb / "en" / "help" / "sync.md").as_uri(): "When devices do not sync",
    }


@pytest.mark.asyncio
async def test_completion_of_ids_with_titles_and_of_anchors(client: LanguageClient, kb: Path):
    path = kb / "zh-Hant" / "KB2001.md"
    text = path.read_text("utf-8") + "\n另請參閱 KB20\n\n## 相關文章\n\n- \n\n[同步](../en/help/sync.md#)\n"
    uri = open_article(client, path, text)
    await diagnostics(client, uri)
    lines = text.splitlines()

    def position(line_text: str, after: str) -> lsp.Position:
        line = lines.index(line_text)
        return lsp.Position(line, lines[line].index(after) + len(after))

    listed = await client.text_document_completion_async(
        lsp.CompletionParams(lsp.TextDocumentIdentifier(uri), position("另請參閱 KB20", "KB20"))
    )
    items = {item.label: item for item in listed.items}
    assert set(items) == {"KB2001", "KB2002", "KB2003"}
    assert items["KB2001"].detail == "重設保管庫密碼"  # in the article's language
    assert items["KB2002"].detail == "Exporting recovery codes"  # no zh-Hant version: the source's
    assert items["KB2003"].text_edit.new_text == "2003"  # the digits typed are replaced

    listed = await client.text_document_completion_async(lsp.CompletionParams(lsp.TextDocumentIdentifier(uri), position("- ", "- ")))
    assert "KB2002 - Exporting recovery codes" in [item.text_edit.new_text for item in listed.items]

    listed = await client.text_document_completion_async(
        lsp.CompletionParams(lsp.TextDocumentIdentifier(uri), position("[同步](../en/help/sync.md#)", "#"))
    )
    anchors = {item.label: item.detail for item in listed.items}
    assert anchors == {"when-devices-do-not-sync": "When devices do not sync", "troubleshooting-sync": "Troubleshooting sync"}


@pytest.mark.asyncio
async def test_the_corpus_sees_the_edited_buffer_and_a_save_refreshes_the_others(client: LanguageClient, kb: Path):
    listing = kb / "en" / "KB2004.md"
    listing.write_text(
        "---\nid: KB2004\nlang: en\ntitle: Vault guides\n---\n\n# Vault guides\n\n## Related articles\n\n"
        "- KB2002 - Exporting recovery codes\n",
        "utf-8",
    )
    listing_uri = open_article(client, listing)
    assert await diagnostics(client, listing_uri) == []

    # Another article is renamed in the editor: the listed title no longer matches, once saved.
    target = kb / "en" / "KB2002.md"
    renamed = target.read_text("utf-8").replace("title: Exporting recovery codes", "title: Saving recovery codes")
    target_uri = open_article(client, target)
    change_article(client, target_uri, 2, renamed)
    target.write_text(renamed, "utf-8")
    client.text_document_did_save(lsp.DidSaveTextDocumentParams(lsp.TextDocumentIdentifier(target_uri)))
    found = await diagnostics(client, listing_uri, lambda d: bool(d))
    assert codes(found) == ["KL103"] and "Saving recovery codes" in found[0].message


@pytest.mark.asyncio
async def test_a_change_to_the_configuration_takes_effect(client: LanguageClient, kb: Path):
    path = kb / "en" / "KB2003.md"
    uri = open_article(client, path)
    assert codes(await diagnostics(client, uri)) == ["KL201"]
    assert any(r.method == lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES for r in client.registrations)

    config = kb / "kblint.yaml"
    config.write_text(config.read_text("utf-8") + "ignore: [typo]\n", "utf-8")
    client.workspace_did_change_watched_files(
        lsp.DidChangeWatchedFilesParams([lsp.FileEvent(config.as_uri(), lsp.FileChangeType.Changed)])
    )
    assert await diagnostics(client, uri, lambda d: not d) == []

    config.write_text("source_locale: en\nlocales: [en, zh-Hant]\nseverity: {typo: error}\n", "utf-8")
    client.workspace_did_change_watched_files(
        lsp.DidChangeWatchedFilesParams([lsp.FileEvent(config.as_uri(), lsp.FileChangeType.Changed)])
    )
    found = await diagnostics(client, uri, lambda d: bool(d))
    assert at(found, "KL201").severity == lsp.DiagnosticSeverity.Error


@pytest.mark.asyncio
async def test_closing_an_article_clears_its_diagnostics(client: LanguageClient, kb: Path):
    path = kb / "en" / "KB2003.md"
    uri = open_article(client, path)
    assert await diagnostics(client, uri)
    client.text_document_did_close(lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(uri)))
    assert await diagnostics(client, uri, lambda d: not d) == []


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "kblint", "server"]))
async def utf8_client(lsp_client: LanguageClient, kb: Path):
    capabilities = client_capabilities("neovim")
    capabilities.general = lsp.GeneralClientCapabilities(position_encodings=[lsp.PositionEncodingKind.Utf8])
    result = await lsp_client.initialize_session(lsp.InitializeParams(capabilities=capabilities, root_uri=kb.as_uri()))
    assert result.capabilities.position_encoding == lsp.PositionEncodingKind.Utf8
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_ranges_in_utf8_when_the_client_asks_for_them(utf8_client: LanguageClient, kb: Path):
    path = kb / "en" / "KB2003.md"
    text = path.read_text("utf-8").replace("Press CRTL", "密碼 Press CRTL")  # six bytes, two characters
    uri = open_article(utf8_client, path, text)
    diagnostic = at(await diagnostics(utf8_client, uri), "KL201")
    assert diagnostic.range == lsp.Range(lsp.Position(12, 13), lsp.Position(12, 17))


@contextlib.asynccontextmanager
async def started_server(root: Path | None, env: dict[str, str] | None = None):
    """A server started by hand, for tests that need their own environment or workspace."""
    config = ClientServerConfig(
        server_command=[sys.executable, "-m", "kblint", "server"], server_env={**os.environ, **(env or {})}
    )
    started = await config.start(devtools=None)
    await started.initialize_session(
        lsp.InitializeParams(capabilities=client_capabilities("visual-studio-code"), root_uri=root.as_uri() if root else None)
    )
    try:
        yield started
    finally:
        await started.shutdown_session()
        await started.stop()


@pytest.mark.asyncio
async def test_rule_pages_go_to_a_private_folder_and_never_through_a_planted_link(kb: Path, tmp_path: Path):
    from kblint import __version__

    shared = tmp_path / "shared-tmp"
    planted = shared / f"kblint-{__version__}-rules"
    planted.mkdir(parents=True)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n", "utf-8")
    (planted / "typo.md").symlink_to(victim)
    (planted / "broken-reference.md").write_text("a page someone else wrote\n", "utf-8")

    async with started_server(kb, {"TMPDIR": str(shared)}) as server:
        uri = open_article(server, kb / "en" / "KB2003.md")
        diagnostic = at(await diagnostics(server, uri), "KL201")
        page = Path(unquote(urlparse(diagnostic.code_description.href).path))
        assert page.parent != planted and page.parent.parent == shared
        assert stat.S_IMODE(page.parent.stat().st_mode) == 0o700
        assert "codespell" in page.read_text("utf-8")
    assert victim.read_text("utf-8") == "keep me\n"


# Characters str.splitlines breaks lines at, which editors, the protocol and kblint do not.
NOT_LINE_BREAKS = "\u2028\u2029\x0c\x0b\x85\x1c\x1d\x1e"


@pytest.mark.asyncio
async def test_only_crlf_cr_and_lf_break_lines_for_diagnostics_and_fixes(client: LanguageClient, kb: Path):
    path = kb / "en" / "KB2003.md"
    text = path.read_text("utf-8").replace("open the vault", f"open{NOT_LINE_BREAKS}the vault")
    text = text.replace("Press CRTL", "\U0001F510 Press CRTL")  # two UTF-16 units before the typo
    uri = open_article(client, path, text)
    diagnostic = at(await diagnostics(client, uri), "KL201")
    assert diagnostic.range == lsp.Range(lsp.Position(12, 9), lsp.Position(12, 13))
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(lsp.TextDocumentIdentifier(uri), diagnostic.range, lsp.CodeActionContext([diagnostic]))
    )
    disable = next(a for a in actions if a.title == "kblint: disable typo for this line")
    [edit] = disable.edit.changes[uri]
    assert edit.range.start == lsp.Position(12, 0) and edit.new_text.endswith("-->\n")


@pytest.mark.asyncio
async def test_incremental_edits_after_a_character_python_takes_for_a_line_break(client: LanguageClient, kb: Path):
    path = kb / "en" / "KB2003.md"
    text = path.read_text("utf-8").replace("open the vault", f"open{NOT_LINE_BREAKS}the vault").replace("\n", "\r\n")
    uri = open_article(client, path, text)
    diagnostic = at(await diagnostics(client, uri), "KL201")
    assert diagnostic.range == lsp.Range(lsp.Position(12, 6), lsp.Position(12, 10))
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(version=2, uri=uri),
            [lsp.TextDocumentContentChangePartial(range=diagnostic.range, text="Ctrl")],
        )
    )
    assert await diagnostics(client, uri, lambda d: not d) == []


@pytest.mark.asyncio
@pytest.mark.parametrize("hostile", ["pipe", "link-to-zero"])
async def test_a_watched_pipe_or_device_is_not_read(client: LanguageClient, kb: Path, hostile: str):
    article = kb / "en" / "KB2003.md"
    uri = open_article(client, article)
    assert codes(await diagnostics(client, uri)) == ["KL201"]
    path = kb / "en" / "KB2099.md"
    if hostile == "pipe":
        os.mkfifo(path)  # nobody writes to it: reading it would wait forever
    else:
        path.symlink_to("/dev/zero")  # reading it would never end
    client.workspace_did_change_watched_files(
        lsp.DidChangeWatchedFilesParams([lsp.FileEvent(path.as_uri(), lsp.FileChangeType.Created)])
    )
    change_article(client, uri, 2, article.read_text("utf-8").replace("Press CRTL", "Press Ctrl"))
    assert await diagnostics(client, uri, lambda d: not d) == []  # the server still answers


@pytest.mark.asyncio
async def test_an_article_outside_the_workspace_is_linted_alone(client: LanguageClient, kb: Path, tmp_path: Path):
    elsewhere = tmp_path / "notes"
    elsewhere.mkdir()
    (elsewhere / "other.md").write_text("---\nid: KB7001\nlang: en\ntitle: Other notes\n---\n\nNotes.\n", "utf-8")
    text = "---\nid: KB7002\nlang: en\ntitle: My notes\n---\n\n# My notes\n\nSee KB7999 first.\n\nPress CRTL+R.\n"
    uri = open_article(client, elsewhere / "mine.md", text)
    assert codes(await diagnostics(client, uri)) == ["KL201"]  # no corpus: no broken reference
    assert [p.name for p in elsewhere.iterdir()] == ["other.md"]  # no cache made beside it
    assert not any(p.name == ".kblint_cache" for p in tmp_path.rglob("*") if kb not in p.parents)


@pytest.mark.asyncio
async def test_an_address_with_a_nul_character_is_an_error_not_an_article(client: LanguageClient, kb: Path):
    bad = (kb / "en").as_uri() + "/KB2003%00.md"
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(bad, "markdown", 1, "Press CRTL\n")))
    uri = open_article(client, kb / "en" / "KB2003.md")
    assert codes(await diagnostics(client, uri)) == ["KL201"]
    assert any("NUL" in m.message and m.type == lsp.MessageType.Error for m in client.messages)
    assert bad not in client.diagnostics
