"""A router whose LLM routes may use a FakeCloud provider on 127.0.0.1, sharing the session's loaded engines."""

from __future__ import annotations

from typing import Any

from edge.config import load_settings
from edge.router import Router
from edge.runtime import Runtime
from edge.store.database import Database
from tests.cloud.server import FakeCloud

CHAT_ONLY = {"min_confidence": 1.0, "low_confidence_route": "chat", "templates": False}
"""Router settings that send every request to the chat route."""


def cloud_router(
    runtime: Runtime,
    db: Database,
    cloud: FakeCloud,
    consent: Any = None,
    enabled: bool = True,
    router: dict[str, Any] | None = None,
    knowledge: dict[str, Any] | None = None,
    **cloud_settings: Any,
) -> Router:
    """Every local answer counts as unsure, so each request the policy allows escalates; no answer cache."""
    settings = load_settings(
        env={},
        data_dir=runtime.settings.data_dir,
        cache={"enabled": False},
        knowledge=knowledge or {},
        router={"cascade": {"min_confidence": 1.0}, **(router or {})},
        cloud={
            "enabled": enabled,
            "endpoint": cloud.url,
            "model": "gpt-test",
            "allowed_hosts": ["127.0.0.1"],
            "policy": {"chat": "always", "complex": "always", "knowledge": "never"},
            "timeout_s": 5.0,
            "retries": 1,
            **cloud_settings,
        },
    )
    custom = Runtime(settings)
    custom.engines = runtime.engines
    built = Router(custom, db=db, consent=consent)
    built.cloud.sleep = lambda seconds: None
    return built
