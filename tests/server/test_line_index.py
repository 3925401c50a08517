"""The server's documents: lines broken as the protocol breaks them, split once per version."""

from __future__ import annotations

import pytest
from lsprotocol import types as lsp

import kblint.app.server_io as server_io
from kblint.model.finding import Finding, Fix, Edit, Severity
from kblint.app.server import code_action, server
from kblint.app.server_io import LineIndexedWorkspace, protocol_lines
from kblint.run.session import Linted


@pytest.mark.parametrize("odd", ["\u2028", "\u2029", "\x0c", "\x0b", "\x85", "\x1c", "\x1d", "\x1e"])
def test_only_crlf_cr_and_lf_end_a_line(odd: str):
    text = f"one{odd}still one\r\ntwo\rthree\nfour"
    assert protocol_lines(text) == (f"one{odd}still one\r\n", "two\r", "three\n", "four")


def test_an_empty_text_and_a_final_break_add_no_line():
    assert protocol_lines("") == ()
    assert protocol_lines("a\n\n") == ("a\n", "\n")


def test_a_code_action_among_thousands_of_findings_splits_the_text_once(monkeypatch):
    calls = []

    def counting(text: str) -> tuple[str, ...]:
        calls.append(len(text))
        return protocol_lines(text)

    monkeypatch.setattr(server_io, "protocol_lines", counting)
    monkeypatch.setattr(server.protocol, "_workspace", LineIndexedWorkspace(None), raising=False)
    uri = "file:///kb/en/many.md"
    text = "".join(f"Press CRTL {n}\n" for n in range(3000))
    server.workspace.put_text_document(lsp.TextDocumentItem(uri, "markdown", 1, text))
    findings = [
        Finding("en/many.md", n, 7, n, 11, "KL201", "typo", Severity.WARNING, "'CRTL' should be 'Ctrl'",
                Fix((Edit(0, 0, "Ctrl", n, 7, n, 11),), True))
        for n in range(1, 3001)
    ]  # fmt: skip
    monkeypatch.setitem(server.linted, uri, Linted("en/many.md", findings, None, None))
    wanted = lsp.Range(lsp.Position(1500, 0), lsp.Position(1500, 8))
    actions = code_action(server, lsp.CodeActionParams(lsp.TextDocumentIdentifier(uri), wanted, lsp.CodeActionContext([])))
    assert [a.edit.changes[uri][0].new_text for a in actions] == ["Ctrl", "<!-- kblint-disable-next-line typo -->\n"]
    assert calls == [len(text)]

    server.workspace.update_text_document(
        lsp.VersionedTextDocumentIdentifier(2, uri), lsp.TextDocumentContentChangeWholeDocument(text="Press CRTL\n")
    )
    assert server.workspace.get_text_document(uri).lines == ("Press CRTL\n",)
    assert calls == [len(text), len("Press CRTL\n")]
