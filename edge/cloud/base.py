"""What every cloud provider takes and gives back, and the errors it raises."""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlsplit

from edge.config import CloudSettings
from edge.errors import EdgeError

OPENAI_ENDPOINT = "https://api.openai.com/v1"
ANTHROPIC_ENDPOINT = "https://api.anthropic.com/v1"
KEY_ENV = {"openai": "OPENAI_API_KEY", "anthropic": "ANTHROPIC_API_KEY"}
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


@dataclass(frozen=True)
class Message:
    role: Literal["system", "user", "assistant"]
    content: str


@dataclass(frozen=True)
class CloudRequest:
    messages: list[Message]
    max_tokens: int
    temperature: float
    stream: bool = True


@dataclass(frozen=True)
class CloudDelta:
    """A streamed piece of the reply."""

    text: str


@dataclass(frozen=True)
class CloudReply:
    text: str
    model: str
    prompt_tokens: int
    completion_tokens: int
    host: str


class CloudError(EdgeError):
    """A cloud request failed. Messages carry the status, host and the provider's short reason, never the key or
    the request body, which holds the user's text."""

    retryable: bool = False

    def __init__(self, message: str, fix: str, status: int | None = None, host: str | None = None) -> None:
        super().__init__(message, fix)
        self.status = status
        self.host = host


class CloudUnavailable(CloudError):
    """The provider could not be reached or is overloaded for now; trying again later may work."""

    retryable = True

    def __init__(
        self,
        message: str,
        fix: str,
        status: int | None = None,
        host: str | None = None,
        retry_after_s: float | None = None,
    ) -> None:
        super().__init__(message, fix, status, host)
        self.retry_after_s = retry_after_s


class CloudRefused(CloudError):
    """The provider refused the request as sent: the same request will fail again until the setup changes."""


class CloudProtocolError(CloudError):
    """The provider answered with a body or stream this client cannot read."""


class MissingApiKey(CloudRefused):
    """No API key in the environment or the system keyring for a remote provider."""


class Provider(ABC):
    """One provider's client: ``payload`` builds the exact bytes, ``send`` posts them unchanged and streams the reply.

    The caller hashes, audits or previews the bytes between the two calls, so ``send`` never rebuilds them."""

    name: str
    path: str

    def __init__(self, model: str, endpoint: str, key_hint: str | None = None) -> None:
        self.model = model
        self.endpoint = endpoint.rstrip("/")
        self.key_hint = key_hint or KEY_ENV.get(self.name, "the API key")
        """Where the key comes from, named in the fix of an authentication error."""

    @property
    def host(self) -> str:
        return urlsplit(self.endpoint).hostname or ""

    @property
    def url(self) -> str:
        return self.endpoint + self.path

    @abstractmethod
    def payload(self, request: CloudRequest) -> bytes: ...

    @abstractmethod
    def send(self, body: bytes) -> Iterator[CloudDelta | CloudReply]:
        """Yields the reply's pieces as they arrive, then exactly one CloudReply. Raises CloudError."""

    def close(self) -> None:
        return None

    def __enter__(self) -> Provider:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(model={self.model!r}, endpoint={self.endpoint!r})"


def encode(payload: dict[str, Any]) -> bytes:
    """The one serialisation every provider uses, so the same request always gives the same bytes."""
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def endpoint(settings: CloudSettings) -> str:
    """The configured endpoint, except that the anthropic provider left on the OpenAI default goes to Anthropic."""
    if settings.provider == "anthropic" and settings.endpoint.rstrip("/") == OPENAI_ENDPOINT:
        return ANTHROPIC_ENDPOINT
    return settings.endpoint


def is_local(url: str) -> bool:
    return (urlsplit(url).hostname or "") in LOCAL_HOSTS
