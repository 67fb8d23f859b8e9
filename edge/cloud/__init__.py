"""Clients for cloud models (OpenAI-compatible servers and Anthropic): ``payload`` builds the exact bytes a request
sends so the caller can audit them first, ``send`` posts those bytes and streams the reply, and every failure is a
``CloudError`` that says whether trying again can help. ``provider`` picks the client the settings name. Needs the
``cloud`` extra (httpx, keyring)."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from edge.cloud.anthropic import Anthropic
from edge.cloud.base import (
    CloudDelta,
    CloudError,
    CloudProtocolError,
    CloudRefused,
    CloudReply,
    CloudRequest,
    CloudUnavailable,
    Message,
    MissingApiKey,
    Provider,
    endpoint,
)
from edge.cloud.keys import api_key, key_hint
from edge.cloud.keys import api_key as _resolve_key
from edge.cloud.openai import OpenAICompatible
from edge.config import CloudSettings

if TYPE_CHECKING:
    import httpx


def provider(settings: CloudSettings, api_key: str | None = None, transport: httpx.BaseTransport | None = None) -> Provider:
    """The client for ``settings.provider``; ``api_key`` None resolves the key from the environment or keyring.

    ``transport`` replaces the network, for tests that inject faults."""
    url = endpoint(settings)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise CloudRefused(
            f"cloud.endpoint {url!r} is not an http(s) URL", "set cloud.endpoint to e.g. https://api.openai.com/v1"
        )
    kind = Anthropic if settings.provider == "anthropic" else OpenAICompatible
    return kind(
        settings.model,
        url,
        api_key=_resolve_key(settings) if api_key is None else api_key,
        timeout_s=settings.timeout_s,
        transport=transport,
        key_hint=key_hint(settings),
    )


__all__ = [
    "Anthropic",
    "CloudDelta",
    "CloudError",
    "CloudProtocolError",
    "CloudRefused",
    "CloudReply",
    "CloudRequest",
    "CloudUnavailable",
    "Message",
    "MissingApiKey",
    "OpenAICompatible",
    "Provider",
    "api_key",
    "provider",
]
