"""What ``kblint server`` puts in place of parts of pygls: the editor's documents and the reading
of messages.

Documents: pygls splits a text with ``str.splitlines``, which also breaks lines at U+2028,
U+2029, form feed, vertical tab, NEL and U+001C to U+001E. The protocol, editors and kblint
break lines at CRLF, CR and LF only; counted otherwise, diagnostics land on other lines, quick
fixes insert text in the wrong place and incremental edits change the wrong characters. pygls
also splits the whole text again for every position it converts; here a document's lines are
split once for each version of its text. A document the editor has not opened is empty: its
path is never read (it may be a pipe or a device).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lsprotocol import types as lsp
from pygls.workspace import TextDocument, Workspace

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def protocol_lines(text: str) -> tuple[str, ...]:
    """``text``'s lines, each with its line break, broken at CRLF, CR and LF only."""
    lines = []
    start = 0
    for found in _LINE_BREAK.finditer(text):
        lines.append(text[start : found.end()])
        start = found.end()
    if start < len(text):
        lines.append(text[start:])
    return tuple(lines)


class LineIndexedDocument(TextDocument):
    """A pygls document whose lines are the protocol's, split once per version of its text."""

    _indexed_source: str | None = None
    _indexed_lines: tuple[str, ...] = ()

    @property
    def source(self) -> str:
        return self._source or ""  # never the file: only what the editor sent

    @property
    def lines(self) -> Sequence[str]:
        source = self.source
        if self._indexed_source is not source:
            self._indexed_lines = protocol_lines(source)
            self._indexed_source = source
        return self._indexed_lines


class LineIndexedWorkspace(Workspace):
    """A pygls workspace that makes ``LineIndexedDocument``s."""

    def _create_text_document(
        self, doc_uri: str, source: str | None = None, version: int | None = None, language_id: str | None = None
    ) -> TextDocument:
        return LineIndexedDocument(
            doc_uri,
            source=source,
            version=version,
            language_id=language_id,
            sync_kind=self._sync_kind,
            position_codec=self._position_codec,
        )

    @classmethod
    def replacing(cls, workspace: Workspace) -> "LineIndexedWorkspace":
        """The same workspace (root, folders, synchronisation, position encoding) as this kind."""
        return cls(
            workspace._root_uri,
            workspace._sync_kind,
            list(workspace.folders.values()),
            workspace.position_encoding or lsp.PositionEncodingKind.Utf16,
        )
