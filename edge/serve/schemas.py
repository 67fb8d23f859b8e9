"""The OpenAI API's request bodies, as far as edge reads them; fields edge does not use are accepted and ignored."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class _Body(BaseModel):
    model_config = ConfigDict(extra="ignore")


class ChatMessage(_Body):
    role: Literal["system", "user", "assistant", "tool", "developer"]
    content: str | list[dict[str, Any]] | None = None

    @property
    def text(self) -> str:
        """The message's text; of a list of parts, the text parts joined."""
        if isinstance(self.content, list):
            return "".join(str(part.get("text", "")) for part in self.content if part.get("type") == "text")
        return self.content or ""


class ChatRequest(_Body):
    model: str
    messages: list[ChatMessage] = Field(min_length=1)
    stream: bool = False
    max_tokens: int | None = Field(None, ge=1)
    max_completion_tokens: int | None = Field(None, ge=1)
    temperature: float | None = Field(None, ge=0.0, le=2.0)
    stop: str | list[str] | None = None
    response_format: dict[str, Any] | None = None
    tools: list[dict[str, Any]] | None = None
    """Refused when given: the local model does not call tools reliably enough to offer it."""
    user: str | None = None
    """With ``model: "edge"``: the name of a conversation edge remembers (its recent turns are given to the LLM)."""

    @property
    def token_limit(self) -> int | None:
        return self.max_completion_tokens or self.max_tokens

    @property
    def stops(self) -> list[str] | None:
        return [self.stop] if isinstance(self.stop, str) else self.stop


class EmbeddingRequest(_Body):
    model: str
    input: str | list[str]
    encoding_format: Literal["float", "base64"] = "float"
    """base64: the float32 values' little-endian bytes, as OpenAI's client asks for by default."""

    @property
    def texts(self) -> list[str]:
        return [self.input] if isinstance(self.input, str) else self.input


class SpeechRequest(_Body):
    model: str
    input: str = Field(min_length=1)
    voice: str | None = None
    """Accepted and not used: the voice is the one configured (tts.voice)."""
    response_format: str = "wav"
    speed: float = 1.0


class RouteRequest(_Body):
    input: str = Field(min_length=1)
