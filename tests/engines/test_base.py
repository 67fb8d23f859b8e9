"""Engines that serialise their calls (the LLM, the voice): a call stuck inside native code, which no stop flag
reaches, does not hold every later call; a slow reader does not count as stuck."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pytest

from edge.config import Settings
from edge.engines import Llm, Tts

pytestmark = pytest.mark.models

T = TypeVar("T")
E = TypeVar("E", Llm, Tts)


def finished_within(seconds: float, call: Callable[[], T]) -> T:
    """``call()``'s result, run on a thread so that a call that never returns fails the test instead of hanging it."""
    result: list[T] = []
    worker = threading.Thread(target=lambda: result.append(call()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"still waiting after {seconds} s"
    return result[0]


class NeverReturns:
    """A native call that does not return until the test lets it, whatever stop flag is set."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.release = threading.Event()

    def __call__(self, *_: Any, **__: Any) -> Any:
        self.entered.set()
        self.release.wait()
        raise RuntimeError("released by the test")


def stuck_on_a_thread(work: Callable[[], object], stuck: NeverReturns) -> threading.Thread:
    def quietly() -> None:
        try:
            work()
        except RuntimeError:
            pass

    thread = threading.Thread(target=quietly, daemon=True)
    thread.start()
    assert stuck.entered.wait(30)
    return thread


@pytest.fixture
def stuck() -> Iterator[NeverReturns]:
    """Released at the end of the test, before the engine it holds is unloaded."""
    call = NeverReturns()
    yield call
    call.release.set()


def loaded(engine: E, section: str, **values: float) -> Iterator[E]:
    """``engine`` built with ``values`` changed in its settings' ``section``, loaded, and unloaded after the test."""
    changed = getattr(engine.settings, section).model_copy(update=values)
    engine.settings = engine.settings.model_copy(update={section: changed})
    engine.load()
    yield engine
    engine.unload()


@pytest.fixture
def llm(settings: Settings) -> Iterator[Llm]:
    yield from loaded(Llm(settings), "llm", stuck_s=1.0)


@pytest.fixture
def tts(settings: Settings) -> Iterator[Tts]:
    yield from loaded(Tts(settings), "tts", timeout_s=0.5)


def test_a_generation_stuck_inside_llama_cpp_leaves_the_next_request_answered_on_the_model_opened_afresh(llm, stuck):
    stuck_model = llm.model
    stuck_model.create_chat_completion = stuck
    first = stuck_on_a_thread(lambda: list(llm.stream("Hello")), stuck)

    assert "Paris" in finished_within(60, lambda: llm.chat("What is the capital of France?").text)
    assert llm.reopened == 1 and llm.model is not stuck_model

    stuck.release.set()
    first.join(10)
    assert "Paris" in finished_within(60, lambda: llm.chat("What is the capital of France?").text)
    assert llm.reopened == 1


def test_speech_stuck_inside_onnxruntime_leaves_the_next_sentence_spoken_by_a_voice_opened_afresh(tts, stuck):
    stuck_voice = tts.model
    stuck_voice.session.run = stuck
    first = stuck_on_a_thread(lambda: list(tts.synthesize("A sentence that never ends.")), stuck)

    chunks = finished_within(60, lambda: list(tts.synthesize("Free again.")))
    assert sum(len(chunk.samples) for chunk in chunks) > 0
    assert tts.reopened == 1 and tts.model is not stuck_voice

    stuck.release.set()
    first.join(10)
    assert tts.reopened == 1


def test_a_reader_that_pauses_between_sentences_is_waited_for_not_taken_for_stuck(tts):
    reading = tts.synthesize("The first sentence. The second sentence.")
    next(reading)
    waiting = threading.Thread(target=lambda: list(tts.synthesize("After the reader.")), daemon=True)
    waiting.start()
    time.sleep(3 * tts.stuck_after_s)
    assert waiting.is_alive() and tts.reopened == 0

    reading.close()
    waiting.join(30)
    assert not waiting.is_alive() and tts.reopened == 0
