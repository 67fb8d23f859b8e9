"""The 'ask' cloud policy end to end: a real HTTP server on 127.0.0.1 plays the cloud, the local model answers
first and is never sure enough, and the user approves or refuses in the dialog."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from edge.router import Handled
from tests.tui.helpers import CLOUD_QUESTION, answered, close, escalating, make_router, ready, type_question, until
from tui import AssistantApp
from tui._consent import ConsentScreen

pytestmark = [pytest.mark.anyio, pytest.mark.usefixtures("no_keys")]

PERSONAL = ("Maria", "Keller", "maria.keller", "example.com")


@pytest.fixture
def cloud_app(runtime, fake_cloud, tmp_path):
    """The app over a router whose every local answer escalates to the fake cloud under the 'ask' policy."""
    routers = []

    def connect(consent):
        router = make_router(runtime, tmp_path / "edge.db", consent, **escalating(fake_cloud.url))
        routers.append(router)
        return router

    fake_cloud.text = "Dear neighbour, thank you! Warm wishes, <PERSON_1> (<EMAIL_1>)"
    yield AssistantApp(connect, speak=False, microphone=False)
    for router in routers:
        close(router)


def dialog_text(screen: ConsentScreen) -> str:
    return "\n".join(str(widget.content) for widget in screen.query(Static) if widget.id is None)


async def asked(pilot) -> ConsentScreen:
    await ready(pilot)
    await type_question(pilot, CLOUD_QUESTION)
    await until(pilot, lambda: isinstance(pilot.app.screen, ConsentScreen), "the consent dialog", timeout=90)
    await pilot.pause()
    return pilot.app.screen


async def test_approving_sends_only_the_masked_request_and_marks_the_answer(cloud_app, fake_cloud):
    async with cloud_app.run_test(size=(110, 40)) as pilot:
        dialog = await asked(pilot)
        shown = dialog_text(dialog)
        assert "I'm <PERSON_1>, my email is <EMAIL_1>. Write a thank-you note" in shown
        assert "127.0.0.1" in shown and "gpt-test" in shown and "1 EMAIL_ADDRESS" in shown and "1 PERSON" in shown
        assert not any(value in shown for value in PERSONAL)
        assert fake_cloud.connections == 0

        await pilot.click("#send")
        turn = await answered(pilot, timeout=60)
        assert turn.reply.handler is Handled.CLOUD_LLM and turn.badge_text == "complex · cloud · gpt-test"
        assert turn.answer == "Dear neighbour, thank you! Warm wishes, Maria Keller (maria.keller@example.com)"
        assert turn.left_device and turn.query_one(".egress").display
        assert turn.query_one(".egress").border_title.startswith("↑ LEFT THE DEVICE")
        assert "to 127.0.0.1 · model gpt-test" in turn.egress and "<PERSON_1>" in turn.egress and "<EMAIL_1>" in turn.egress
        assert not any(value in turn.egress for value in PERSONAL)
        assert len(fake_cloud.requests) == 1 and b"<PERSON_1>" in fake_cloud.last.body
        assert not any(value.encode() in fake_cloud.received for value in PERSONAL)


async def test_refusing_keeps_the_request_on_the_device_and_says_so(cloud_app, fake_cloud):
    async with cloud_app.run_test(size=(110, 40)) as pilot:
        await asked(pilot)
        await pilot.press("escape")
        turn = await answered(pilot, timeout=60)
        assert turn.reply.handler is Handled.LOCAL_LLM and turn.badge_text.startswith("complex · local LLM · smollm2")
        notice = "Nothing was sent to the cloud: you declined to send it. Here is the local answer instead."
        assert turn.reply.notice == notice and str(turn.query_one(".notice").content) == notice
        assert turn.answer and not turn.answer.startswith("Nothing was sent")
        assert not turn.left_device and not turn.query_one(".egress").display
        assert fake_cloud.connections == 0 and fake_cloud.received == b""
