"""Engines that crash or stop answering inside a running assistant: the turn ends with one clear error, the answer
already written is not lost, and the next turn works. (The LLM's faults mid-stream: tests/router/test_router.py.)"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from edge.errors import EngineTimeout
from edge.router import Handled
from edge.voice import Answered, Assistant, Audio, Failed, Recorder, frames_of

HANG_S = 30.0


@pytest.fixture
def assistant(router):
    output = Recorder()
    yield Assistant(router, output, conversation=None)
    output.close()


def failures(events) -> list[str]:
    return [e.message for e in events if isinstance(e, Failed)]


def answer(events) -> str:
    return next(e.reply.text for e in events if isinstance(e, Answered))


@pytest.mark.parametrize("fault", ["crash", "hang"])
def test_speech_recognition_that_fails_ends_the_utterance_with_an_error_and_the_next_one_is_heard(
    assistant, router, speech, monkeypatch, fault
):
    stt = router.runtime.stt
    real = stt.transcribe

    def broken(*args, **kwargs):
        if fault == "hang":
            time.sleep(HANG_S)
        raise RuntimeError("CTranslate2 crashed")

    monkeypatch.setattr(router.settings.stt, "timeout_s", 3.0)
    monkeypatch.setattr(stt, "transcribe", broken)
    begun = time.perf_counter()
    events = list(assistant.hear(frames_of(speech("What is two plus two?"))))
    assert time.perf_counter() - begun < HANG_S / 2, "a hung transcription held the assistant"
    (failure,) = failures(events)
    assert "Fix: " in failure and ("crashed" in failure if fault == "crash" else "3 s" in failure)
    assert not any(isinstance(e, Answered) for e in events)

    monkeypatch.setattr(stt, "transcribe", real)
    again = list(assistant.hear(frames_of(speech("What is two plus two?"))))
    assert failures(again) == [] and "4" in answer(again)


@pytest.mark.parametrize("fault", ["crash", "hang"])
def test_speech_synthesis_that_fails_mid_answer_keeps_the_answer_text_and_the_next_turn_speaks(
    assistant, router, monkeypatch, fault
):
    tts = router.runtime.tts
    real = tts.synthesize

    def broken(text: str) -> Iterator:
        yield from real("The first words.")
        if fault == "hang":
            time.sleep(HANG_S)
        raise RuntimeError("espeak-ng crashed")

    monkeypatch.setattr(router.settings.tts, "timeout_s", 3.0)
    monkeypatch.setattr(tts, "synthesize", broken)
    begun = time.perf_counter()
    events = list(assistant.ask("what is 12 times 7"))
    assert time.perf_counter() - begun < HANG_S / 2, "a hung synthesis held the assistant"
    assert "84" in answer(events)
    (failure,) = failures(events)
    assert failure.startswith("speech failed") and "Fix: " in failure

    monkeypatch.setattr(tts, "synthesize", real)
    again = list(assistant.ask("what is 12 times 8"))
    assert failures(again) == [] and "96" in answer(again) and any(isinstance(e, Audio) for e in again)


def test_an_embedder_that_crashes_leaves_templates_and_the_llm_answering_and_then_recovers(router, monkeypatch):
    """Without the embedder nothing can be classified or searched: commands a template matches still reach their
    skill, the rest goes to the chat route (as with the classifier unavailable), and the decision says why."""
    model = router.runtime.embedder.model

    def crash(*args, **kwargs):
        raise RuntimeError("onnxruntime crashed")

    for session in {id(model.single): model.single, id(model.session): model.session}.values():
        monkeypatch.setattr(session, "run", crash)
    command = router.ask("what is 12 times 9")
    assert "108" in command.text and command.handler is Handled.SKILL
    chat = router.ask("Tell me a fun fact about owls.")
    assert chat.handler is Handled.LOCAL_LLM and chat.text
    assert "the embedder failed (RuntimeError: onnxruntime crashed)" in chat.decision.reason

    monkeypatch.undo()
    again = router.ask("Tell me a fun fact about owls.")
    assert again.handler is Handled.LOCAL_LLM and "embedder" not in again.decision.reason


class SlowToStart:
    """A session that waits before it runs, so that its deadline has passed when onnxruntime starts: a one-text run
    (a few ms) cannot finish before a busy machine gets round to setting the stop flag."""

    def __init__(self, session: Any) -> None:
        self.session = session

    def run(self, *args: object) -> Any:
        time.sleep(0.2)
        return self.session.run(*args)


def test_an_embedder_that_hangs_is_stopped_at_its_deadline_and_the_turn_goes_on(router, monkeypatch):
    """onnxruntime ends a run whose terminate flag is set: the real session is stopped, not a stand-in."""
    monkeypatch.setattr(router.runtime.embedder.settings.embedder, "timeout_s", 1e-6)
    with pytest.raises(EngineTimeout, match="embedder took longer than 1e-06 s"):
        router.runtime.embedder.embed(["a text", "and another one"] * 40)
    model = router.runtime.embedder.model
    monkeypatch.setattr(model, "single", SlowToStart(model.single))
    chat = router.ask("Tell me a fun fact about otters.")
    assert chat.handler is Handled.LOCAL_LLM and chat.text
    assert "the embedder took longer than 1e-06 s" in chat.decision.reason

    monkeypatch.undo()
    assert router.runtime.embedder.embed(["a text"]).shape == (1, router.runtime.embedder.dim)
    again = router.ask("Tell me a fun fact about otters.")
    assert again.handler is Handled.LOCAL_LLM and "embedder" not in again.decision.reason


def test_speech_synthesis_stuck_in_onnxruntime_is_stopped_at_its_deadline_and_the_voice_is_free(router, monkeypatch):
    """piper runs its own session: edge hands it one whose runs carry a terminate flag, so the real run is stopped
    and the voice's lock released, rather than the call abandoned with the lock held."""
    tts = router.runtime.tts
    monkeypatch.setattr(tts.settings.tts, "timeout_s", 1e-6)
    with pytest.raises(EngineTimeout, match="tts took longer than 1e-06 s and was stopped"):
        list(tts.synthesize("A sentence long enough to take a while to say out loud."))

    monkeypatch.undo()
    assert sum(len(chunk.samples) for chunk in tts.synthesize("Free again.")) > 0
