"""What ``kblint server`` puts in place of parts of pygls: the editor's documents and the reading
of messages (see the comment above ``serve`` for the latter).

Documents: pygls splits a text with ``str.splitlines``, which also breaks lines at U+2028,
U+2029, form feed, vertical tab, NEL and U+001C to U+001E. The protocol, editors and kblint
break lines at CRLF, CR and LF only; counted otherwise, diagnostics land on other lines, quick
fixes insert text in the wrong place and incremental edits change the wrong characters. pygls
also splits the whole text again for every position it converts; here a document's lines are
split once for each version of its text. A document the editor has not opened is empty: its
path is never read (it may be a pipe or a device).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Sequence

from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams, JsonRpcInvalidRequest, JsonRpcParseError
from pygls.workspace import TextDocument, Workspace

from kblint.model.text import NEWLINE

logger = logging.getLogger(__name__)



def protocol_lines(text: str) -> tuple[str, ...]:
    """``text``'s lines, each with its line break, broken at CRLF, CR and LF only."""
    lines = []
    start = 0
    for found in NEWLINE.finditer(text):  # CRLF, CR and LF, as kblint counts lines
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


# -- messages ----------------------------------------------------------------------------------
# Messages: pygls reads the Content-Length header only as written in the specification's case
# (HTTP header names are case-insensitive, and some clients write them in lower case), reads a
# body of whatever length it announces at once (2**40 bytes: the server dies), and answers
# nothing to a request whose params fail to deserialize (a negative line number, say). Here
# header names are matched in any case, a body above MAX_MESSAGE_BYTES is skipped a chunk at a
# time after an error is sent, and a request that cannot be read is answered with an error.

MAX_MESSAGE_BYTES = 128 * 1024 * 1024  # a whole article at its largest, escaped, is far below
MAX_HEADER_BYTES = 8 * 1024  # one header line
_CHUNK = 1024 * 1024


class BoundedReader:
    """Standard input read in a thread, a line or a chunk at a time, never more than asked."""

    def __init__(self, stdin, executor=None) -> None:
        self.stdin = stdin
        self.executor = executor

    async def readline(self) -> bytes:
        return await asyncio.get_running_loop().run_in_executor(self.executor, self.stdin.readline, MAX_HEADER_BYTES)

    async def read(self, size: int) -> bytes:
        """Up to ``size`` bytes (fewer only at the end of the input)."""
        return await asyncio.get_running_loop().run_in_executor(self.executor, self.stdin.read, size)


async def _read_headers(reader: BoundedReader) -> dict[str, str] | None:
    """The headers of the next message, names in lower case (None at the end of the input).
    A header line too long to be one is read to its end and left out."""
    headers: dict[str, str] = {}
    while True:
        line = await reader.readline()
        if not line:
            return None
        if not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # the rest of an overlong line
                line = await reader.readline()
            continue
        if not line.strip():
            if headers:
                return headers
            continue  # blank lines between messages
        name, colon, value = line.decode("latin-1").partition(":")
        if colon:
            headers[name.strip().lower()] = value.strip()


async def _skip(reader: BoundedReader, size: int) -> bool:
    """Read ``size`` bytes and drop them; False if the input ended first."""
    while size > 0:
        chunk = await reader.read(min(size, _CHUNK))
        if not chunk:
            return False
        size -= len(chunk)
    return True


def _error_response(protocol, msg_id, code: int, message: str) -> None:
    if not isinstance(msg_id, (int, str)) or isinstance(msg_id, bool):
        msg_id = None
    # A plain object: lsprotocol's converter would leave out an id of None, which JSON-RPC
    # wants written as null when the request's own id could not be read.
    protocol._send_data({"jsonrpc": "2.0", "id": msg_id, "error": {"code": code, "message": message}})


def handle_body(protocol, body: bytes) -> None:
    """One message's body: handled by pygls, or answered with the JSON-RPC error it deserves."""
    try:
        data = json.loads(body)
    except ValueError as error:  # not JSON, or not UTF-8
        _error_response(protocol, None, JsonRpcParseError.CODE, f"Parse error: {error}")
        return
    if not isinstance(data, dict) or data.get("jsonrpc") != "2.0":
        msg_id = data.get("id") if isinstance(data, dict) else None
        _error_response(protocol, msg_id, JsonRpcInvalidRequest.CODE, "Invalid request: not a JSON-RPC 2.0 message")
        return
    try:
        message = protocol.structure_message(data)
    except JsonRpcException as error:
        if "id" in data and "method" in data:  # a request: the client waits for an answer
            reason = "Invalid params" if isinstance(error, JsonRpcInvalidParams) else "Internal error"
            _error_response(protocol, data["id"], error.CODE, f"{reason} for {str(data['method'])[:100]}")
        else:
            logger.error("A message that cannot be read was left out: %s", str(data.get("method", ""))[:100])
        return
    try:
        protocol.handle_message(message)
    except Exception:
        logger.exception("Unable to handle message")


async def serve(stop_event, reader: BoundedReader, protocol) -> None:
    """Read messages and hand them to ``protocol`` until the input ends or the server stops."""
    while not stop_event.is_set():
        headers = await _read_headers(reader)
        if headers is None:
            break
        length = headers.get("content-length", "")
        if not length.isdigit():
            logger.error("A message without a valid Content-Length was left out: %r", length[:40])
            continue
        size = int(length)
        if size > MAX_MESSAGE_BYTES:
            _error_response(protocol, None, JsonRpcInvalidRequest.CODE, f"Message of {size} bytes is above {MAX_MESSAGE_BYTES}: skipped")
            if not await _skip(reader, size):
                break
            continue
        body = b""
        while len(body) < size:
            chunk = await reader.read(size - len(body))
            if not chunk:
                return
            body += chunk
        handle_body(protocol, body)
