"""Anthropic's Messages API."""

from __future__ import annotations

from typing import Any

from edge.cloud.base import CloudRequest, encode
from edge.cloud.http import HttpProvider, SseEvent, Tally, set_tokens

VERSION = "2023-06-01"


class Anthropic(HttpProvider):
    name = "anthropic"
    path = "/messages"
    api = "Anthropic Messages"

    def payload(self, request: CloudRequest) -> bytes:
        """System messages go to the top-level ``system`` field, the only place the API takes them; the turns keep
        their roles. Temperature is capped at 1.0, the API's maximum."""
        system = "\n\n".join(m.content for m in request.messages if m.role == "system")
        body: dict[str, Any] = {"model": self.model, "max_tokens": request.max_tokens}
        if system:
            body["system"] = system
        body["messages"] = [{"role": m.role, "content": m.content} for m in request.messages if m.role != "system"]
        body["temperature"] = min(request.temperature, 1.0)
        body["stream"] = request.stream
        return encode(body)

    def _headers(self) -> dict[str, str]:
        headers = {"content-type": "application/json", "anthropic-version": VERSION}
        if self._key:
            headers["x-api-key"] = self._key
        return headers

    def _read_event(self, event: SseEvent, tally: Tally) -> str:
        data = self._object(event.data, "a stream event")
        kind = data.get("type") or event.event
        if kind == "content_block_delta":
            delta = data["delta"]
            return delta["text"] if delta.get("type") == "text_delta" else ""
        if kind == "content_block_start":
            block = data.get("content_block") or {}
            return (block.get("text") or "") if block.get("type") == "text" else ""
        if kind == "message_start":
            message = data["message"]
            tally.model = message.get("model") or tally.model
            self._usage(message.get("usage"), tally)
        elif kind == "message_delta":
            self._usage(data.get("usage"), tally)
        elif kind == "message_stop":
            tally.done = True
        elif kind == "error":
            raise self._stream_error(data.get("error"))
        return ""

    def _read_body(self, body: dict[str, Any], tally: Tally) -> None:
        if body.get("type") == "error":
            raise self._stream_error(body.get("error"))
        tally.parts.append("".join(b["text"] for b in body["content"] if b.get("type") == "text"))
        tally.model = body.get("model") or tally.model
        self._usage(body.get("usage"), tally)

    @staticmethod
    def _usage(usage: object, tally: Tally) -> None:
        """Cached prompt tokens are counted in the prompt: they were sent, only billed differently."""
        if not isinstance(usage, dict):
            return
        parts = [usage.get(k) for k in ("input_tokens", "cache_creation_input_tokens", "cache_read_input_tokens")]
        counts = [p for p in parts if isinstance(p, int) and not isinstance(p, bool)]
        set_tokens(tally, sum(counts) if isinstance(parts[0], int) else None, usage.get("output_tokens"))
