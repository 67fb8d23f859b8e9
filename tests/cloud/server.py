"""A real HTTP server on 127.0.0.1 that answers like OpenAI-compatible servers and Anthropic's API.

It records every request exactly as received and answers from a queue of scripted replies, falling back to a
well-formed reply (streamed or whole, as the request asked) in the format the request path implies:

    with FakeCloud() as cloud:                           # or the ``fake_cloud`` fixture
        settings = CloudSettings(endpoint=cloud.url, model="gpt-test")
        cloud.reply(error(503), openai_stream(["Hi", " there"]))
        ...
        assert cloud.last.body == body and cloud.last.headers["authorization"] == "Bearer ..."
"""

from __future__ import annotations

import json
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

TEXT = "Hello from the fake cloud."
USAGE = (12, 7)


@dataclass(frozen=True)
class Received:
    """One request as the server got it."""

    method: str
    path: str
    headers: dict[str, str]
    """Names lower-cased."""
    body: bytes
    client_port: int
    """Equal across requests that reused one pooled connection."""
    raw: bytes = b""
    """Everything the client sent for this request: request line, headers and body, as they came."""

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass(frozen=True)
class Reply:
    """What the server answers. ``chunks`` are sent with chunked transfer encoding, each flushed on its own."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    chunks: tuple[bytes, ...] | None = None
    delay_s: float = 0.0
    """Wait this long before the status line: longer than the client's timeout, it hangs."""
    chunk_delay_s: float = 0.0
    cut: bool = False
    """Drop the connection after the chunks, without the chunked terminator."""


def sse(*events: dict[str, Any] | str, named: bool = False) -> tuple[bytes, ...]:
    """One SSE chunk per event: a dict is sent as JSON (with ``event: <type>`` when ``named``), a str as is."""
    chunks = []
    for event in events:
        data = event if isinstance(event, str) else json.dumps(event)
        head = f"event: {event['type']}\n" if named and isinstance(event, dict) else ""
        chunks.append(f"{head}data: {data}\n\n".encode())
    return tuple(chunks)


def stream(chunks: Iterable[bytes], **kw: Any) -> Reply:
    headers = {"content-type": "text/event-stream", **kw.pop("headers", {})}
    return Reply(chunks=tuple(chunks), headers=headers, **kw)


def whole(value: Any, status: int = 200, headers: dict[str, str] | None = None) -> Reply:
    body = value if isinstance(value, bytes) else json.dumps(value).encode()
    return Reply(status, body, {"content-type": "application/json", **(headers or {})})


def openai_events(
    pieces: Sequence[str], model: str = "gpt-test", usage: tuple[int, int] | None = USAGE
) -> list[dict[str, Any] | str]:
    def chunk(delta: dict[str, str], finish: str | None = None) -> dict[str, Any]:
        choice = {"index": 0, "delta": delta, "finish_reason": finish}
        return {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 0, "model": model, "choices": [choice]}

    events: list[dict[str, Any] | str] = [chunk({"role": "assistant", "content": ""})]
    events += [chunk({"content": p}) for p in pieces]
    events.append(chunk({}, "stop"))
    if usage is not None:
        events.append({"id": "chatcmpl-1", "model": model, "choices": [], "usage": _openai_usage(usage)})
    events.append("[DONE]")
    return events


def openai_stream(pieces: Sequence[str], model: str = "gpt-test", usage: tuple[int, int] | None = USAGE, **kw: Any) -> Reply:
    return stream(sse(*openai_events(pieces, model, usage)), **kw)


def openai_json(text: str, model: str = "gpt-test", usage: tuple[int, int] | None = USAGE) -> Reply:
    body: dict[str, Any] = {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
    }
    if usage is not None:
        body["usage"] = _openai_usage(usage)
    return whole(body)


def anthropic_events(pieces: Sequence[str], model: str = "claude-test", usage: tuple[int, int] = USAGE) -> list[dict[str, Any]]:
    message = {"id": "msg_1", "type": "message", "role": "assistant", "model": model, "content": []}
    return [
        {"type": "message_start", "message": {**message, "usage": {"input_tokens": usage[0], "output_tokens": 1}}},
        {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
        {"type": "ping"},
        *({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": p}} for p in pieces),
        {"type": "content_block_stop", "index": 0},
        {"type": "message_delta", "delta": {"stop_reason": "end_turn"}, "usage": {"output_tokens": usage[1]}},
        {"type": "message_stop"},
    ]


def anthropic_stream(pieces: Sequence[str], model: str = "claude-test", usage: tuple[int, int] = USAGE, **kw: Any) -> Reply:
    return stream(sse(*anthropic_events(pieces, model, usage), named=True), **kw)


def anthropic_json(text: str, model: str = "claude-test", usage: tuple[int, int] = USAGE) -> Reply:
    return whole(
        {
            "id": "msg_1",
            "type": "message",
            "role": "assistant",
            "model": model,
            "content": [{"type": "text", "text": text}],
            "stop_reason": "end_turn",
            "usage": {"input_tokens": usage[0], "output_tokens": usage[1]},
        }
    )


def error(
    status: int, message: str = "something went wrong", kind: str = "error", anthropic: bool = False, **headers: str
) -> Reply:
    """An error reply in the provider's format; keyword arguments become headers (``retry_after="2"``)."""
    detail = {"type": kind, "message": message}
    body = {"type": "error", "error": detail} if anthropic else {"error": {**detail, "param": None, "code": None}}
    return whole(body, status, {k.replace("_", "-"): v for k, v in headers.items()})


def hang(seconds: float = 5.0) -> Reply:
    return Reply(delay_s=seconds)


class FakeCloud:
    def __init__(self) -> None:
        self.requests: list[Received] = []
        self.text = TEXT
        """The default reply's text."""
        self.usage = USAGE
        self.connections = 0
        """TCP connections accepted, whether or not a request followed."""
        self._replies: deque[Reply] = deque()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._server = _Server(("127.0.0.1", 0), self._handler())
        self._server.accepted = self._accepted
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def url(self) -> str:
        """The base URL to use as cloud.endpoint."""
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def last(self) -> Received:
        return self.requests[-1]

    def reply(self, *replies: Reply) -> None:
        """Queue replies: each request takes the next one, and once they run out gets the default reply."""
        with self._lock:
            self._replies.extend(replies)

    def close(self) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FakeCloud:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _accepted(self) -> None:
        with self._lock:
            self.connections += 1

    @property
    def received(self) -> bytes:
        """Every byte of every request so far."""
        return b"".join(r.raw for r in self.requests)

    def _next(self, request: Received) -> Reply:
        with self._lock:
            self.requests.append(request)
            if self._replies:
                return self._replies.popleft()
        try:
            sent = request.json()
        except ValueError:
            sent = {}
        streamed, model = bool(sent.get("stream")), sent.get("model") or "gpt-test"
        pieces = [w + " " for w in self.text.split(" ")[:-1]] + self.text.split(" ")[-1:]
        if request.path.endswith("/messages"):
            return anthropic_stream(pieces, usage=self.usage) if streamed else anthropic_json(self.text, usage=self.usage)
        return openai_stream(pieces, model, self.usage) if streamed else openai_json(self.text, model, self.usage)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        cloud = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            timeout = 10

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length)
                headers = {k.lower(): v for k, v in self.headers.items()}
                raw = self.raw_requestline + self.headers.as_bytes() + body
                reply = cloud._next(Received(self.command, self.path, headers, body, self.client_address[1], raw))
                if reply.delay_s and cloud._stop.wait(reply.delay_s):
                    self.close_connection = True
                    return
                try:
                    self._send(reply)
                except OSError:
                    self.close_connection = True

            do_GET = do_POST

            def _send(self, reply: Reply) -> None:
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if reply.chunks is None:
                    self.send_header("content-length", str(len(reply.body)))
                    self.end_headers()
                    self.wfile.write(reply.body)
                    return
                self.send_header("transfer-encoding", "chunked")
                self.end_headers()
                for chunk in reply.chunks:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                    self.wfile.flush()
                    if reply.chunk_delay_s and cloud._stop.wait(reply.chunk_delay_s):
                        break
                if reply.cut:
                    self.close_connection = True
                    return
                self.wfile.write(b"0\r\n\r\n")

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    accepted: Any = None

    def verify_request(self, request: Any, client_address: Any) -> bool:
        if self.accepted is not None:
            self.accepted()
        return True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that drops its connection is what several tests do on purpose."""
        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)


def _openai_usage(usage: tuple[int, int]) -> dict[str, int]:
    return {"prompt_tokens": usage[0], "completion_tokens": usage[1], "total_tokens": sum(usage)}


@pytest.fixture
def fake_cloud() -> Iterator[FakeCloud]:
    """A fresh server per test, for any test (the root conftest loads this module as a plugin)."""
    with FakeCloud() as cloud:
        yield cloud
