"""The knowledge panel (adding documents, the sources an answer cited) and the settings screen's live edits."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, Select, Switch

from tests.store.samples import mixed_folder
from tests.tui.helpers import answered, app_for, ready, type_question, until
from tui._knowledge import KnowledgeScreen
from tui._settings import SettingsScreen

pytestmark = pytest.mark.anyio


async def test_documents_added_in_the_panel_answer_a_question_and_the_panel_shows_what_it_cited(router, tmp_path):
    docs = mixed_folder(tmp_path)
    async with app_for(router).run_test(size=(110, 40)) as pilot:
        app = await ready(pilot)
        await pilot.press("ctrl+l")
        await until(pilot, lambda: isinstance(app.screen, KnowledgeScreen), "the knowledge panel")
        panel = app.screen
        assert panel.documents == []
        assert "No answer has come from your documents yet." in str(panel.query_one("#kb-cited").content)
        path = panel.query_one("#kb-path", Input)
        path.value = str(docs)
        await pilot.press("enter")
        await until(pilot, lambda: panel.report.startswith("added"), "the documents to be added", timeout=120)
        assert panel.report == "added 4, updated 0, unchanged 0, 5 chunks"
        assert sorted(panel.documents) == ["espresso.md", "garden.txt", "leave.html", "q3.pdf"]
        assert panel.query_one("#documents", DataTable).row_count == 4
        assert str(panel.query_one("#kb-stats").content).startswith("4 documents · 5 chunks")

        await pilot.press("escape")
        await type_question(pilot, "How often should I descale the espresso machine?")
        turn = await answered(pilot, timeout=90)
        assert turn.decision.route == "knowledge" and turn.badge_text.startswith("knowledge · ")
        assert "200 cups" in turn.answer and turn.sources.startswith("Sources: [1] espresso.md")

        await pilot.press("ctrl+l")
        await until(pilot, lambda: isinstance(app.screen, KnowledgeScreen), "the knowledge panel again")
        cited = str(app.screen.query_one("#kb-cited").content)
        assert "[1] espresso.md" in cited and "espresso.md" in cited.split("\n")[1] and cited.split("\n")[1].endswith("cited")


async def test_a_document_that_cannot_be_read_is_reported_with_its_fix(router, tmp_path):
    async with app_for(router).run_test(size=(110, 40)) as pilot:
        app = await ready(pilot)
        await pilot.press("ctrl+l")
        await until(pilot, lambda: isinstance(app.screen, KnowledgeScreen), "the knowledge panel")
        app.screen.query_one("#kb-path", Input).value = str(tmp_path / "nowhere.md")
        await pilot.press("enter")
        await until(pilot, lambda: "does not exist" in app.screen.report, "the error")
        assert app.screen.report == f"{tmp_path / 'nowhere.md'} does not exist. Fix: check the path"


async def test_the_safe_settings_change_the_running_router(router):
    settings = router.settings
    async with app_for(router).run_test(size=(110, 50)) as pilot:
        app = await ready(pilot)
        assert settings.voice.speak is False
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, SettingsScreen), "the settings screen")
        screen = app.screen
        assert screen.query_one("#speak", Switch).value is False and screen.query_one("#barge-in", Switch).value is True

        await pilot.click("#speak")
        await until(pilot, lambda: settings.voice.speak is True, "speak to turn on")
        assert screen.message == "answers are spoken"
        await pilot.click("#barge-in")
        await until(pilot, lambda: settings.voice.barge_in is False, "barge-in to turn off")

        box = screen.query_one("#min-confidence", Input)
        assert box.value == "0.45"
        box.focus()
        box.value = "1.5"
        await pilot.press("enter")
        assert settings.router.cascade.min_confidence == 0.45 and "must be a number from 0 to 1" in screen.message
        box.value = "0.7"
        await pilot.press("enter")
        assert settings.router.cascade.min_confidence == 0.7 and screen.message.startswith("cascade min confidence is now 0.7")

        assert settings.cloud.policy["chat"] == "ask"
        screen.query_one("#policy-chat", Select).value = "never"
        await until(pilot, lambda: settings.cloud.policy["chat"] == "never", "the chat policy to change")
        assert settings.cloud.policy == {"knowledge": "never", "chat": "never", "complex": "ask"}

        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, SettingsScreen), "the conversation")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, SettingsScreen), "the settings screen again")
        again = app.screen
        assert again.query_one("#speak", Switch).value is True and again.query_one("#min-confidence", Input).value == "0.7"
        assert again.query_one("#policy-chat", Select).value == "never"
