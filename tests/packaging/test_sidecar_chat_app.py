"""The sidecar example app, driven as a user would on a virtual screen, with a real edge serve behind it."""

from __future__ import annotations

import asyncio
import importlib.util
from pathlib import Path

import pytest

pytestmark = pytest.mark.models
APP = Path(__file__).resolve().parents[2] / "packaging" / "sidecar" / "chat_app.py"


def load_example():
    spec = importlib.util.spec_from_file_location("chat_app", APP)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_app_starts_edge_asks_it_hears_its_timer_and_stops_it(monkeypatch):
    monkeypatch.setenv("EDGE_ROLES", '["embedder", "classifier"]')
    for service in ("ASR", "TTS", "HANDLE"):
        monkeypatch.setenv(f"EDGE_SERVE__WYOMING_{service}__PORT", "0")
    app = load_example().ChatApp()

    async def drive() -> str:
        async with app.run_test() as pilot:
            prompt = app.query_one("#prompt")
            for _ in range(600):
                if not prompt.disabled:
                    break
                await asyncio.sleep(0.1)
            assert not prompt.disabled, "edge serve did not become ready"
            await pilot.click("#prompt")
            for question, awaited in [("what is seven times six", "42"), ("set a timer for 1 second", "is done")]:
                await pilot.press(*question, "enter")
                for _ in range(300):
                    if any(awaited in line for line in app.query_one("#conversation").lines):
                        break
                    await asyncio.sleep(0.1)
            return "\n".join(app.query_one("#conversation").lines)

    conversation = asyncio.run(drive())
    assert "you: what is seven times six" in conversation and "edge: 7 times 6 is 42." in conversation
    assert "edge: Your 1 second timer is done." in conversation
    assert app.sidecar is not None and app.sidecar.process.poll() is not None, "the sidecar outlived the app"
