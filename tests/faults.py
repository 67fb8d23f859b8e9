"""Faults injected into the local model for the tests of retraction: a first stream that says a few sentences and
then breaks, after which the real model answers."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Generator
from typing import Any

import pytest

from edge.engines import Llm
from edge.engines.llm import Generation, GenerationStats

ABANDONED = ["Abandoned words.", " They never end."]
"""What the first stream says before it breaks, unless a test gives its own words. Answers are shown a sentence at
a time, so these are whole sentences."""


def break_first_stream(
    monkeypatch: pytest.MonkeyPatch,
    fault: str = "fail",
    llm: Llm | type[Llm] = Llm,
    words: list[str] = ABANDONED,
    before_breaking: Callable[[], object] | None = None,
) -> list[tuple[Any, ...]]:
    """The first stream of ``llm`` (a loaded model, or every model) says ``words``, waits for ``before_breaking``, then
    crashes ("fail") or stalls past any timeout ("stall"); every later call is the real model. Returns the calls, as
    they are made."""
    real = llm.stream
    calls: list[tuple[Any, ...]] = []

    def breaking() -> Generator[str, None, GenerationStats]:
        yield from words
        yield " "
        if before_breaking is not None:
            before_breaking()
        if fault == "stall":
            time.sleep(30)
        raise RuntimeError("llama.cpp crashed mid-answer")

    def first_breaks(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return Generation(breaking(), threading.Event()) if len(calls) == 1 else real(*args, **kwargs)

    monkeypatch.setattr(llm, "stream", first_breaks)
    return calls


def slow_device(monkeypatch: pytest.MonkeyPatch, llm: Llm, seconds_per_piece: float = 0.05) -> None:
    """The real model on a device slow enough that a long answer is still streaming when a test acts on it: each
    piece comes ``seconds_per_piece`` late. Stopping the generation still ends it before its next piece."""
    real = llm.stream

    def slowly(*args: Any, **kwargs: Any) -> Generation:
        generation, halt = real(*args, **kwargs), threading.Event()

        def pieces() -> Generator[str, None, GenerationStats]:
            for piece in generation:
                time.sleep(seconds_per_piece)
                if halt.is_set():
                    generation.stop()
                yield piece
            return generation.stats

        return Generation(pieces(), halt)

    monkeypatch.setattr(llm, "stream", slowly)
