"""Helpers for the TUI tests: routers over the session's loaded models, each with its own settings and database,
a way to wait for the app to get somewhere, and the fixed figures snapshots show."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from edge import Runtime
from edge.config import load_settings
from edge.privacy import Consent
from edge.router import Router
from edge.store.database import Database
from edge.voice import Recorder, TurnTimings
from tui import AssistantApp
from tui._status import Vitals, cloud_summary

FIXED_TIMINGS = TurnTimings(transcript=None, route=4.0, first_token=9.0, first_audio=None, done=12.0)
"""Latency differs run to run: snapshots show these instead."""


def fixed_vitals(router: Router) -> Vitals:
    """The status panel without load times or memory, which differ run to run."""
    roles = [replace(status, load_s=0.5) for status in router.runtime.status()]
    budget = router.settings.metering.budget.monthly_usd
    return Vitals(roles=roles, rss_bytes=512 * 1024 * 1024, spent_usd=0.0, budget_usd=budget, cloud=cloud_summary(router))


CLOUD_QUESTION = "Hi, I'm Maria Keller, my email is maria.keller@example.com. Write a thank-you note to my neighbour."


def escalating(cloud_url: str) -> dict[str, Any]:
    """Settings under which every local answer is unsure and goes to the cloud at ``cloud_url``, asking first."""
    return {
        "llm": {"max_tokens": 24},
        "router": {"cascade": {"min_confidence": 1.0}},
        "cloud": {
            "enabled": True,
            "endpoint": cloud_url,
            "model": "gpt-test",
            "allowed_hosts": ["127.0.0.1"],
            "policy": {"knowledge": "never", "chat": "ask", "complex": "ask"},
            "timeout_s": 10.0,
            "retries": 0,
        },
    }


def make_router(runtime: Runtime, db_path: Path, consent: Consent | None = None, **settings: Any) -> Router:
    """A router with its own settings (the app may change them) and no answer cache, sharing the loaded engines."""
    custom = Runtime(load_settings(env={}, data_dir=runtime.settings.data_dir, cache={"enabled": False}, **settings))
    custom.engines = runtime.engines
    return Router(custom, db=Database(db_path), consent=consent)


def close(router: Router) -> None:
    router.close()
    router.db.close()


def app_for(router: Router, **kwargs: Any) -> AssistantApp:
    """The app over a started router, quiet and without looking for a microphone unless asked."""
    return AssistantApp(router, **{"speak": False, "output": Recorder(), "microphone": False, **kwargs})


async def until(pilot: Pilot[Any], done: Callable[[], object], what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")
        await pilot.pause(0.05)


async def ready(pilot: Pilot[Any]) -> AssistantApp:
    app = pilot.app
    assert isinstance(app, AssistantApp)
    await until(pilot, lambda: app.ready or app.error, "the models to load")
    assert app.error is None, app.error
    return app


async def type_question(pilot: Pilot[Any], text: str) -> None:
    pilot.app.query_one("#prompt", Input).focus()
    await pilot.press(*text, "enter")


async def answered(pilot: Pilot[Any], count: int = 1, timeout: float = 60.0) -> Any:
    """The ``count``-th turn, once its timings are in (its last event)."""
    app = pilot.app
    assert isinstance(app, AssistantApp)

    def done() -> bool:
        turns = app.conversation.turns
        return len(turns) >= count and turns[count - 1].done

    await until(pilot, done, f"answer {count}", timeout)
    return app.conversation.turns[count - 1]


def still(app: AssistantApp) -> None:
    """No blinking cursor in a snapshot, on any screen (a dialog leaves the prompt under it on show)."""
    for screen in app.screen_stack:
        for prompt in screen.query(Input):
            prompt.cursor_blink = False
