"""The assistant app driven by Textual's Pilot over the real models: typed questions, an audio file heard as
voice, stopping an answer, and errors shown as one line with their fix."""

from __future__ import annotations

import threading
from math import gcd
from pathlib import Path

import numpy as np
import pytest
from scipy.signal import resample_poly
from textual.widgets import Input

from edge.audio import SAMPLE_RATE, output_device, write_wav
from edge.router import Router
from edge.voice import microphone_available
from tests.faults import ABANDONED, break_first_stream, slow_device
from tests.tui.helpers import answered, app_for, ready, type_question, until
from tui import AssistantApp

pytestmark = pytest.mark.anyio


def spoken_wav(router: Router, path: Path, *sentences: str, gap_s: float = 0.5) -> Path:
    """The sentences spoken by the real TTS voice, ``gap_s`` of silence around each, as a 16 kHz WAV."""
    tts = router.runtime.tts
    common = gcd(SAMPLE_RATE, tts.sample_rate)
    gap = np.zeros(round(gap_s * SAMPLE_RATE))
    parts = [gap]
    for sentence in sentences:
        speech = np.concatenate([chunk.samples for chunk in tts.synthesize(sentence)]).astype(np.float32)
        parts += [resample_poly(speech, SAMPLE_RATE // common, tts.sample_rate // common), gap]
    return write_wav(path, np.clip(np.concatenate(parts), -32768, 32767).astype(np.int16), SAMPLE_RATE)


@pytest.fixture(scope="module")
def timer_wav(router, tmp_path_factory) -> Path:
    return spoken_wav(router, tmp_path_factory.mktemp("tui-audio") / "timer.wav", "Set a timer for ten minutes.")


async def test_a_typed_math_question_is_answered_with_a_skill_badge(router):
    async with app_for(router).run_test(size=(110, 32)) as pilot:
        app = await ready(pilot)
        await type_question(pilot, "what is 12 times 7")
        turn = await answered(pilot)
        assert turn.question == "what is 12 times 7" and not turn.voice
        assert turn.answer == "12 times 7 is 84." and "84" in str(turn.query_one(".answer").content)
        assert turn.reply.label == "skill:math" and turn.decision.route == "skill"
        assert turn.badge_text == "skill · math" and "skill" in turn.query_one(".badge").classes
        assert turn.timings is not None and turn.timings.transcript is None and turn.timings.first_token is not None
        assert str(turn.query_one(".timings").content).startswith("enter → route ")
        assert not turn.left_device and not turn.query_one(".egress").display
        assert app.query_one("#prompt", Input).value == ""


async def test_an_audio_file_is_heard_as_voice_transcribed_routed_and_answered(router, timer_wav):
    async with app_for(router, inputs=[timer_wav]).run_test(size=(110, 32)) as pilot:
        app = await ready(pilot)
        turn = await answered(pilot, timeout=90)
        assert turn.voice and turn.partials >= 1
        heard = turn.question.lower()
        assert "timer" in heard and ("10 minutes" in heard or "ten minutes" in heard)
        assert heard in str(turn.query_one(".question").content).lower()
        assert turn.decision.route == "skill" and turn.reply.label == "skill:timer"
        assert turn.answer == "Timer set for 10 minutes." and turn.badge_text == "skill · timer"
        assert turn.timings.transcript is not None and turn.timings.route >= turn.timings.transcript
        assert str(turn.query_one(".timings").content).startswith("end of speech → transcript ")
        await until(pilot, lambda: "Done listening to timer.wav" in app.conversation.notes, "the file to end")
        assert "Listening to timer.wav" in app.conversation.notes


async def test_speaking_again_stops_the_answer_and_the_new_question_gets_its_own_turn(router, tmp_path):
    wav = spoken_wav(router, tmp_path / "two.wav", "Tell me a long story about a dragon.", "What is 12 times 7?", gap_s=2.5)
    async with app_for(router, inputs=[wav], speak=True).run_test(size=(110, 32)) as pilot:
        app = await ready(pilot)
        second = await answered(pilot, 2, timeout=120)
        first = app.conversation.turns[0]
        assert "dragon" in first.question.lower() and first.decision is not None and first.decision.route != "skill"
        assert first.stopped == "barge-in" and first.timings is not None
        assert "12" in second.question and second.voice and second.stopped is None
        assert second.answer == "12 times 7 is 84." and second.badge_text == "skill · math"
        assert second.timings.transcript is not None and len(app.conversation.turns) == 2


async def test_escape_stops_an_answer_while_it_streams(router, monkeypatch):
    slow_device(monkeypatch, router.runtime.llm)
    async with app_for(router).run_test(size=(110, 32)) as pilot:
        await ready(pilot)
        await type_question(pilot, "Tell me a long story about a dragon who learns to fly over the sea.")
        app = pilot.app
        await until(pilot, lambda: app.conversation.turns and len(app.conversation.turns[0].answer) > 5, "the first tokens")
        await pilot.press("escape")
        turn = await answered(pilot)
        assert turn.stopped == "key" and turn.badge_text == "complex · stopped (key)"
        assert turn.reply is None and turn.answer and "▍" not in str(turn.query_one(".answer").content)
        assert turn.timings.done < 30_000

        await type_question(pilot, "what is 2 plus 2")
        second = await answered(pilot, 2)
        assert second.reply.label == "skill:math" and second.stopped is None and "4" in second.answer


async def test_a_retried_answer_replaces_the_abandoned_text_in_its_bubble(router, monkeypatch):
    shown = threading.Event()
    break_first_stream(monkeypatch, llm=router.runtime.llm, before_breaking=lambda: shown.wait(30))
    abandoned = "".join(ABANDONED)
    async with app_for(router).run_test(size=(110, 32)) as pilot:
        app = await ready(pilot)
        await type_question(pilot, "Tell me about octopuses.")
        await until(pilot, lambda: [t.answer for t in app.conversation.turns] == [abandoned], "the words that break off")
        shown.set()
        turn = app.conversation.turns[0]
        retrying = lambda: turn.state == "streaming" and turn.answer and "Abandoned" not in turn.answer
        await until(pilot, retrying, "the retry's words in place of the abandoned ones")
        turn = await answered(pilot)
        bubble = str(turn.query_one(".answer").content)
        assert turn.reply.handler.by_llm and turn.answer == turn.reply.text and "Abandoned" not in bubble
        assert bubble.count(turn.reply.text[:30]) == 1


async def test_a_timer_that_goes_off_is_shown(router):
    async with app_for(router).run_test(size=(110, 32)) as pilot:
        app = await ready(pilot)
        await type_question(pilot, "set a timer for 1 second")
        assert (await answered(pilot)).answer == "Timer set for 1 second."
        await until(pilot, lambda: "Your 1 second timer is done." in app.conversation.notes, "the timer to go off", timeout=10)
        assert app.conversation.query(".note.timer")


async def test_a_missing_audio_file_is_reported_with_its_fix_and_typing_goes_on(router):
    async with app_for(router).run_test(size=(110, 32)) as pilot:
        app = await ready(pilot)
        await type_question(pilot, "/wav /no/such/question.wav")
        await until(pilot, lambda: any("does not exist" in n for n in app.conversation.notes), "the error")
        error = next(n for n in app.conversation.notes if "does not exist" in n)
        assert error == "audio file /no/such/question.wav does not exist. Fix: check the path"
        assert app.conversation.query(".note.error") and not app.conversation.turns
        await type_question(pilot, "what is 3 times 3")
        assert (await answered(pilot)).answer == "3 times 3 is 9."


async def test_a_broken_config_is_shown_as_one_line_with_its_fix(tmp_path):
    missing = tmp_path / "missing.toml"
    app = AssistantApp(lambda consent: Router(config=missing, consent=consent), microphone=False)
    async with app.run_test(size=(110, 32)) as pilot:
        await until(pilot, lambda: app.error is not None, "the error")
        await pilot.pause()
        assert app.error == f"config file {missing} does not exist. Fix: create it or pass an existing file to --config"
        assert app.conversation.notes == [app.error]
        assert app.query_one("#prompt", Input).disabled and not app.query("#loading")
        assert app.check_action("knowledge", ()) is None
        await pilot.press("ctrl+q")
    assert app.return_code == 1


async def test_with_no_microphone_or_speaker_it_says_so_once_and_carries_on(router):
    if microphone_available() or output_device():
        pytest.skip("this machine has a microphone or a speaker")
    async with AssistantApp(router, speak=False).run_test(size=(110, 32)) as pilot:
        app = await ready(pilot)
        await pilot.press("ctrl+t")
        await type_question(pilot, "what is 5 times 5")
        assert (await answered(pilot)).answer == "5 times 5 is 25."
        missing = [n for n in app.conversation.notes if n.startswith("No microphone")]
        assert missing == [
            "No microphone or speaker here: type your questions, or /wav PATH to speak from a file; answers are shown as text."
        ]
        assert app.check_action("talk", ()) is None and app.microphone is None
