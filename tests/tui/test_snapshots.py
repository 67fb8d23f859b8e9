"""SVG snapshots of the main screens (pytest-textual-snapshot; update with --snapshot-update). Everything that
differs run to run is fixed first: latency (FIXED_TIMINGS), memory and load times (fixed_vitals), the cursor."""

from __future__ import annotations

import asyncio

import pytest
from textual.pilot import Pilot

from edge.voice import Recorder
from tests.store.samples import mixed_folder
from tests.tui.helpers import (
    CLOUD_QUESTION,
    FIXED_TIMINGS,
    answered,
    app_for,
    close,
    escalating,
    fixed_vitals,
    make_router,
    ready,
    still,
    type_question,
    until,
)
from tui import AssistantApp
from tui._consent import ConsentScreen
from tui._knowledge import KnowledgeScreen
from tui._settings import SettingsScreen

SIZE = (110, 34)


@pytest.fixture(scope="module")
def router(runtime, tmp_path_factory):
    router = make_router(runtime, tmp_path_factory.mktemp("tui-snapshots") / "edge.db")
    yield router
    close(router)


async def settle(pilot: Pilot) -> None:
    still(pilot.app)
    await pilot.pause()
    await asyncio.sleep(0.1)
    await pilot.pause()


def test_the_conversation_after_answers(snap_compare, router):
    async def converse(pilot: Pilot) -> None:
        app = await ready(pilot)
        await type_question(pilot, "what is 12 times 7")
        await answered(pilot)
        await type_question(pilot, "what's the weather going to be like tomorrow")
        await answered(pilot, 2)
        for turn in app.conversation.turns:
            turn.timed(FIXED_TIMINGS)
        await settle(pilot)

    assert snap_compare(app_for(router, probe=fixed_vitals), terminal_size=SIZE, run_before=converse)


@pytest.mark.usefixtures("no_keys")
def test_the_consent_dialog(snap_compare, runtime, fake_cloud, tmp_path):
    routers = []

    def connect(consent):
        routers.append(make_router(runtime, tmp_path / "edge.db", consent, **escalating(fake_cloud.url)))
        return routers[-1]

    async def ask(pilot: Pilot) -> None:
        await ready(pilot)
        await type_question(pilot, CLOUD_QUESTION)
        await until(pilot, lambda: isinstance(pilot.app.screen, ConsentScreen), "the consent dialog", timeout=90)
        await settle(pilot)

    app = AssistantApp(connect, speak=False, output=Recorder(), microphone=False, probe=fixed_vitals)
    try:
        assert snap_compare(app, terminal_size=SIZE, run_before=ask)
    finally:
        for router in routers:
            close(router)
    assert fake_cloud.connections == 0


def test_the_knowledge_panel_with_the_sources_an_answer_cited(snap_compare, router, tmp_path):
    router.knowledge.add([mixed_folder(tmp_path)])

    async def open_panel(pilot: Pilot) -> None:
        await ready(pilot)
        await type_question(pilot, "How often should I descale the espresso machine?")
        await answered(pilot, timeout=90)
        await pilot.press("ctrl+l")
        await until(pilot, lambda: isinstance(pilot.app.screen, KnowledgeScreen), "the knowledge panel")
        await settle(pilot)

    assert snap_compare(app_for(router, probe=fixed_vitals), terminal_size=SIZE, run_before=open_panel)


def test_the_settings_screen(snap_compare, router):
    async def open_settings(pilot: Pilot) -> None:
        await ready(pilot)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(pilot.app.screen, SettingsScreen), "the settings screen")
        await settle(pilot)

    assert snap_compare(app_for(router, probe=fixed_vitals), terminal_size=(110, 50), run_before=open_settings)
