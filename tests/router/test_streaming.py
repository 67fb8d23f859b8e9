"""The streaming driver over model calls in threads: a live call's tokens, and their retraction when the chain
abandons them. The calls are fakes that say a few words and then answer, fail, stall or wait to be stopped."""

import random
import threading
from collections.abc import Callable

import pytest

from edge.router import AllHandlersFailed, Retracted, RetryPolicy, Token
from edge.router.cascade import cascade
from edge.router.resilience import fallback_chain
from edge.router.streaming import Cancel, Cancelled, Streamed, stream

FAST = RetryPolicy(attempts=2, base_s=0.001, max_s=0.01, timeout_s=1.0)


class Speaking:
    """A model call that emits ``words`` and then does what its attempt says: answer, fail or stall."""

    def __init__(self, words: list[str], *outcomes: str) -> None:
        self.words = words
        self.outcomes = outcomes
        self.calls = 0
        self.speaking = threading.Event()

    def __call__(self, cancel: Cancel, emit: Callable[[str], None]) -> str:
        outcome = self.outcomes[min(self.calls, len(self.outcomes) - 1)]
        self.calls += 1
        if outcome == "fail before":
            raise RuntimeError("crashed before a word")
        for word in self.words:
            emit(word)
        self.speaking.set()
        if outcome == "fail":
            raise RuntimeError("crashed mid-answer")
        if outcome in ("stall", "wait for stop"):
            while not cancel.is_set():
                threading.Event().wait(0.01)
            raise Cancelled(outcome)
        return "".join(self.words)


def run(steps, stop: threading.Event | None = None) -> tuple[list[Token | Retracted], object]:
    events: list[Token | Retracted] = []
    driver = stream(steps, stop or threading.Event())
    while True:
        try:
            events.append(next(driver))
        except StopIteration as done:
            return events, done.value


def chain(work: Speaking, live: bool = True, policy: RetryPolicy = FAST):
    return fallback_chain([Streamed("local", work, live=live)], policy, random.Random(0))


def texts(events: list[Token | Retracted]) -> list[str]:
    return ["<retracted>" if isinstance(e, Retracted) else e.text for e in events]


def test_a_live_call_that_answers_streams_its_words_and_nothing_is_retracted():
    events, result = run(chain(Speaking(["Paris", " is", " the capital."], "answer")))
    assert texts(events) == ["Paris", " is", " the capital."] and result.value == "Paris is the capital."


def test_a_live_call_that_fails_midway_is_retracted_before_its_retry_speaks():
    events, result = run(chain(Speaking(["Octopuses", " live"], "fail", "answer")))
    assert texts(events) == ["Octopuses", " live", "<retracted>", "Octopuses", " live"]
    assert result.value == "Octopuses live" and [a.ok for a in result.attempts] == [False, True]


def test_a_live_call_whose_time_runs_out_midway_is_retracted():
    policy = RetryPolicy(attempts=2, base_s=0.001, max_s=0.01, timeout_s=0.3)
    events, result = run(chain(Speaking(["They", " are", " found"], "stall", "answer"), policy=policy))
    assert texts(events) == ["They", " are", " found", "<retracted>", "They", " are", " found"]
    assert result.attempts[0].failure == "timed out"


def test_a_call_that_fails_before_its_first_word_is_retried_without_a_retraction():
    events, result = run(chain(Speaking(["Paris."], "fail before", "answer")))
    assert texts(events) == ["Paris."] and result.value == "Paris."


def test_a_call_that_is_not_live_streams_nothing_and_retracts_nothing():
    events, result = run(chain(Speaking(["Paris."], "fail", "answer"), live=False))
    assert events == [] and result.value == "Paris."


def test_when_every_attempt_fails_midway_the_last_words_are_retracted_before_the_chain_gives_up():
    driver = stream(chain(Speaking(["Octo", "puses"], "fail")), threading.Event())
    events = []
    with pytest.raises(AllHandlersFailed):
        for event in driver:
            events.append(event)
    assert texts(events) == ["Octo", "puses", "<retracted>", "Octo", "puses", "<retracted>"]


def test_an_unsure_live_answer_passed_over_by_the_cascade_is_retracted():
    unsure, sure = Speaking(["Maybe", " Lyon"], "answer"), Speaking(["Paris"], "answer")
    handlers = [Streamed("local", unsure, live=True), Streamed("larger", sure)]
    steps = cascade(handlers, lambda value: 0.9 if value == "Paris" else 0.1, 0.5, FAST, random.Random(0))
    events, result = run(steps)
    assert texts(events) == ["Maybe", " Lyon", "<retracted>"] and result.value == "Paris"


def test_a_stopped_request_keeps_its_words_and_is_not_retracted():
    stop = threading.Event()
    work = Speaking(["Once", " upon", " a time"], "wait for stop")
    threading.Thread(target=lambda: work.speaking.wait(5) and stop.set(), daemon=True).start()
    driver = stream(chain(work), stop)
    events = []
    with pytest.raises(AllHandlersFailed):
        for event in driver:
            events.append(event)
    assert texts(events) == ["Once", " upon", " a time"] and work.calls == 1


def test_a_call_blocked_where_it_cannot_look_at_its_cancel_is_told_when_its_time_runs_out():
    """Work stuck inside a native call (a long prompt's evaluation in llama.cpp) registers how to stop it."""
    told = threading.Event()

    def blocked(cancel: Cancel, emit: Callable[[str], None]) -> str:
        cancel.when_set(told.set)
        told.wait(5.0)
        raise Cancelled("stopped inside the call")

    policy = RetryPolicy(attempts=1, base_s=0.001, max_s=0.01, timeout_s=0.2)
    with pytest.raises(AllHandlersFailed, match="timed out"):
        run(fallback_chain([Streamed("local", blocked)], policy, random.Random(0)))
    assert told.is_set()


def test_a_callback_registered_after_the_call_is_over_runs_at_once():
    cancel = Cancel(threading.Event())
    cancel.set()
    told: list[str] = []
    cancel.when_set(lambda: told.append("stopped"))
    assert told == ["stopped"]
