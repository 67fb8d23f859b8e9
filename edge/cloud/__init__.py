"""Clients for cloud models (OpenAI-compatible servers and Anthropic): ``payload`` builds the exact bytes a request
sends so the caller can audit them first, ``send`` posts those bytes and streams the reply, and every failure is a
``CloudError`` that says whether trying again can help. Needs the ``cloud`` extra (httpx, keyring)."""

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
    provider,
)
from edge.cloud.keys import api_key
from edge.cloud.openai import OpenAICompatible

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
