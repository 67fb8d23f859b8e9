import re
import threading
import time

import numpy as np
import pytest

from edge.router import Handled
from edge.voice import (
    Answered,
    Assistant,
    Audio,
    FinalTranscript,
    Interrupted,
    PartialTranscript,
    Recorder,
    Retracted,
    Routed,
    Sentence,
    Token,
    TurnTimings,
    frames_of,
    speakable,
)
from tests.faults import break_first_stream

LONG_QUESTION = "Tell me about the history of Rome."


@pytest.fixture
def recorder():
    output = Recorder()
    yield output
    output.close()


@pytest.fixture
def assistant(router, recorder):
    return Assistant(router, recorder, conversation=None)


def kinds(events) -> list[str]:
    return [type(e).__name__ for e in events]


def test_a_typed_command_is_routed_answered_and_spoken(assistant, recorder):
    events = list(assistant.ask("what is 12 times 7"))
    reply = next(e.reply for e in events if isinstance(e, Answered))
    assert reply.label == "skill:math" and "84" in reply.text
    assert kinds(events)[0] == "Routed" and kinds(events)[-1] == "TurnTimings"
    assert [e.text for e in events if isinstance(e, Sentence)] == [reply.text]
    audio = [e for e in events if isinstance(e, Audio)]
    assert audio and sum(a.duration_s for a in audio) > 0.5
    timings = events[-1]
    assert timings.first_audio is not None and timings.transcript is None
    assert 0 <= timings.route <= timings.first_token <= timings.first_audio <= timings.done
    assert recorder.wait(timeout=10) and recorder.played_s == pytest.approx(sum(a.duration_s for a in audio), abs=0.01)


def test_a_spoken_timer_request_is_transcribed_routed_to_the_timer_and_answered_in_speech(assistant, speech):
    events = list(assistant.hear(frames_of(speech("Set a timer for ten minutes."), realtime=True)))
    names = kinds(events)
    assert names.index("SpeechStarted") < names.index("FinalTranscript") < names.index("Routed")
    final = next(e for e in events if isinstance(e, FinalTranscript))
    assert "timer for 10 minutes" in final.text.lower()
    assert any(isinstance(e, PartialTranscript) for e in events[: names.index("FinalTranscript")])
    routed = next(e for e in events if isinstance(e, Routed))
    assert routed.decision.skill == "timer"
    reply = next(e.reply for e in events if isinstance(e, Answered))
    assert reply.label == "skill:timer" and reply.text == "Timer set for 10 minutes."
    assert any(isinstance(e, Audio) for e in events)
    timings = next(e for e in events if isinstance(e, TurnTimings))
    assert timings.first_audio is not None and timings.transcript is not None and timings.transcript <= timings.first_audio


def test_the_first_sentence_is_spoken_while_the_model_still_writes_the_rest(assistant):
    events = list(assistant.ask(LONG_QUESTION))
    reply = next(e.reply for e in events if isinstance(e, Answered))
    assert reply.handler is Handled.LOCAL_LLM
    sentences = [e for e in events if isinstance(e, Sentence)]
    assert len(sentences) >= 2
    first_audio = next(i for i, e in enumerate(events) if isinstance(e, Audio))
    last_token = max(i for i, e in enumerate(events) if isinstance(e, Token))
    assert first_audio < last_token


def test_without_speech_the_answer_is_text_only(assistant, recorder):
    events = list(assistant.ask("what is 2 plus 2", speak=False))
    assert not any(isinstance(e, Audio) for e in events)
    assert events[-1].first_audio is None
    assert recorder.played_s == 0


def test_a_spoken_answer_from_the_llm_ends_after_the_voice_sentence_budget(assistant):
    events = list(assistant.ask("Write a long story about a dragon who learns to cook."))
    reply = next(e.reply for e in events if isinstance(e, Answered))
    assert reply.handler is Handled.LOCAL_LLM and "dragon" in reply.text.lower()
    assert 1 <= len(re.findall(r"[.!?](?:\s|$)", reply.text)) <= assistant.opts.max_sentences == 3


def test_interrupting_stops_the_answer_and_the_voice(assistant, router, recorder):
    assistant.opts = assistant.opts.model_copy(update={"max_sentences": None})

    def interrupt_once_speaking():
        while not recorder.playing:
            time.sleep(0.02)
        assistant.interrupt("key")

    threading.Thread(target=interrupt_once_speaking, daemon=True).start()
    start = time.perf_counter()
    events = list(assistant.ask("Write a long story about a dragon who learns to cook."))
    assert time.perf_counter() - start < 20
    assert any(isinstance(e, Interrupted) and e.reason == "key" for e in events)
    reply = next(e.reply for e in events if isinstance(e, Answered))
    assert reply.handler is Handled.STOPPED
    assert not recorder.playing and recorder.stops >= 1
    synthesized = sum(e.duration_s for e in events if isinstance(e, Audio))
    assert recorder.played_s < synthesized


def test_speaking_during_an_answer_barges_in_and_asks_the_new_question(assistant, recorder, speech):
    pause = np.zeros(16_000 * 6, dtype=np.float32)
    audio = np.concatenate([speech(LONG_QUESTION), pause, speech("What is two plus two?")])
    events = list(assistant.hear(frames_of(audio, realtime=True)))
    assert [e.reason for e in events if isinstance(e, Interrupted)][0] == "barge-in"
    finals = [e.text for e in events if isinstance(e, FinalTranscript)]
    assert len(finals) == 2 and "rome" in finals[0].lower()
    replies = [e.reply for e in events if isinstance(e, Answered)]
    assert "4" in replies[-1].text
    first_turn_audio = sum(e.duration_s for e in events[: kinds(events).index("Interrupted")] if isinstance(e, Audio))
    assert recorder.stops >= 1 and first_turn_audio > 0


ABANDONED_SPEECH = ["Abandoned answers stop mid-sentence.", " This sentence waits its turn.", " So does this one.", " And"]


def soon(done, timeout_s: float = 30.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not done() and time.monotonic() < deadline:
        time.sleep(0.01)


def test_a_retracted_answer_stops_being_spoken_and_the_retry_is_spoken_instead(assistant, router, recorder, monkeypatch):
    speaking = lambda: soon(lambda: recorder.playing)
    break_first_stream(monkeypatch, llm=router.runtime.llm, words=ABANDONED_SPEECH, before_breaking=speaking)
    events = list(assistant.ask("What is the capital of France?"))
    (cut,) = [i for i, e in enumerate(events) if isinstance(e, Retracted)]
    before, after = events[:cut], events[cut + 1 :]
    assert [e.text for e in before if isinstance(e, Sentence)][0] == "Abandoned answers stop mid-sentence."
    reply = next(e.reply for e in after if isinstance(e, Answered))
    assert "Paris" in reply.text and "".join(e.text for e in after if isinstance(e, Token)) == reply.text
    assert " ".join(e.text for e in after if isinstance(e, Sentence)) == speakable(reply.text)
    answer_s = sum(e.duration_s for e in after if isinstance(e, Audio))
    assert recorder.wait(timeout=30) and recorder.stops >= 1
    assert answer_s > 0.5 and recorder.played_s < answer_s + 0.5
