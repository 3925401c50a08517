"""The server's reading of messages, driven byte by byte over standard input and output: what
an editor, or a broken client, may send."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

import pytest

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "server-kb"


class Wire:
    """``kblint server`` in a subprocess, spoken to in raw bytes."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process

    @classmethod
    async def start(cls) -> "Wire":
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "kblint", "server",
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL,
        )  # fmt: skip
        return cls(process)

    def send_raw(self, data: bytes) -> None:
        self.process.stdin.write(data)

    def send(self, message: dict, header: str = "Content-Length") -> None:
        body = json.dumps(message).encode("utf-8")
        self.send_raw(f"{header}: {len(body)}\r\n\r\n".encode() + body)

    async def receive(self, seconds: float = 30) -> dict:
        """The next message the server sends (a response, or a notification)."""
        async def read() -> dict:
            length = None
            while True:
                line = await self.process.stdout.readline()
                if not line:
                    raise AssertionError("the server closed its output")
                if not line.strip():
                    break
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            return json.loads(await self.process.stdout.readexactly(length))

        return await asyncio.wait_for(read(), seconds)

    async def response(self, msg_id, seconds: float = 30) -> dict:
        while True:
            message = await self.receive(seconds)
            if "method" not in message and message.get("id") == msg_id:
                return message

    async def initialize(self, root: Path) -> None:
        self.send({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {}, "rootUri": root.as_uri()}})
        assert "result" in await self.response(0)
        self.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})

    async def close(self) -> int:
        if self.process.stdin.can_write_eof():
            self.process.stdin.write_eof()
        try:
            return await asyncio.wait_for(self.process.wait(), 30)
        except asyncio.TimeoutError:
            self.process.kill()
            raise AssertionError("the server did not end with its input") from None


def hover(msg_id, uri: str, line, character) -> dict:
    return {
        "jsonrpc": "2.0", "id": msg_id, "method": "textDocument/hover",
        "params": {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}},
    }  # fmt: skip


@pytest.mark.asyncio
async def test_a_request_whose_params_cannot_be_read_gets_an_invalid_params_error():
    wire = await Wire.start()
    await wire.initialize(FIXTURE)
    uri = (FIXTURE / "en" / "KB2003.md").as_uri()
    invalid = [(-1, 0), (0, -5), (2**40, 0), (None, 0), ("three", 0), ({}, 0), (0, [1])]
    for msg_id, (line, character) in enumerate(invalid, start=1):
        wire.send(hover(msg_id, uri, line, character))
        answer = await wire.response(msg_id)
        assert answer.get("error", {}).get("code") == -32602, (line, character, answer)
    wire.send(hover(99, uri, 3, 1))  # and the server still answers ordinary requests
    assert (await wire.response(99))["result"] is None
    await wire.close()


@pytest.mark.asyncio
async def test_header_names_are_read_in_any_case():
    wire = await Wire.start()
    wire.send({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {}}}, header="content-length")
    assert "result" in await wire.response(0)
    wire.send({"jsonrpc": "2.0", "id": 1, "method": "shutdown"}, header="CONTENT-LENGTH")
    assert "error" not in await wire.response(1)
    await wire.close()


@pytest.mark.asyncio
async def test_a_message_too_large_or_not_json_is_an_error_and_the_server_lives_on():
    wire = await Wire.start()
    await wire.initialize(FIXTURE)
    wire.send_raw(b"Content-Length: 9\r\n\r\n{not json")
    assert (await wire.receive())["error"]["code"] == -32700
    wire.send_raw(b'Content-Length: 2\r\n\r\n[]')
    assert (await wire.receive())["error"]["code"] == -32600
    wire.send(hover(7, (FIXTURE / "en" / "KB2003.md").as_uri(), 1, 1))
    assert (await wire.response(7))["result"] is None
    wire.send_raw(b"Content-Length: %d\r\n\r\n{}" % 2**40)  # never sent whole: a client gone wrong
    answer = await wire.receive()
    assert answer["error"]["code"] == -32600 and answer["id"] is None, answer
    await wire.close()  # skipping what it announced, the server ends with its input, alive until then
