"""OpenAI's chat completions API, which llama.cpp, Ollama, vLLM and most gateways also serve."""

from __future__ import annotations

from typing import Any

from edge.cloud.base import CloudRequest, encode
from edge.cloud.http import HttpProvider, SseEvent, Tally, set_tokens


class OpenAICompatible(HttpProvider):
    name = "openai"
    path = "/chat/completions"
    api = "OpenAI chat completions"

    def payload(self, request: CloudRequest) -> bytes:
        body: dict[str, Any] = {
            "model": self.model,
            "messages": [{"role": m.role, "content": m.content} for m in request.messages],
            "max_tokens": request.max_tokens,
            "temperature": request.temperature,
            "stream": request.stream,
        }
        if request.stream:
            body["stream_options"] = {"include_usage": True}
        return encode(body)

    def _headers(self) -> dict[str, str]:
        headers = {"content-type": "application/json"}
        if self._key:
            headers["authorization"] = f"Bearer {self._key}"
        return headers

    def _read_event(self, event: SseEvent, tally: Tally) -> str:
        if event.done:
            tally.done = True
            return ""
        chunk = self._object(event.data, "a stream event")
        if chunk.get("error"):
            raise self._stream_error(chunk["error"])
        tally.model = chunk.get("model") or tally.model
        self._usage(chunk.get("usage"), tally)
        text = ""
        for choice in chunk.get("choices") or []:
            if choice.get("index", 0) == 0:
                text += (choice.get("delta") or {}).get("content") or ""
                tally.complete = tally.complete or bool(choice.get("finish_reason"))
        return text

    def _read_body(self, body: dict[str, Any], tally: Tally) -> None:
        if body.get("error"):
            raise self._stream_error(body["error"])
        tally.parts.append(body["choices"][0]["message"].get("content") or "")
        tally.model = body.get("model") or tally.model
        self._usage(body.get("usage"), tally)

    @staticmethod
    def _usage(usage: object, tally: Tally) -> None:
        if isinstance(usage, dict):
            set_tokens(tally, usage.get("prompt_tokens"), usage.get("completion_tokens"))
