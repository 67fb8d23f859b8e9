"""The answer path's one concurrency model: a model call runs in a worker thread and hands its text to the
request's thread through a queue, as it comes; the call's time running out, or the caller's stop, sets the
call's cancel event, which the model checks at every token.

What to call, and when to retry or move on, is decided by a chain's steps (edge.router.resilience); ``stream``
runs those steps and yields the live handler's text as tokens.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from edge.router.request import Token
from edge.router.resilience import Call, CircuitBreaker, Declined, Failure, RetryPolicy, Steps, Wait

T = TypeVar("T")
R = TypeVar("R")


class Cancelled(Exception):
    """Raised by work that saw its cancel event set."""


class Cancel:
    """Set when the call's time is up or the caller stopped the request."""

    def __init__(self, stop: threading.Event) -> None:
        self._stop = stop
        self._own = threading.Event()

    def set(self) -> None:
        self._own.set()

    def is_set(self) -> bool:
        return self._own.is_set() or self._stop.is_set()


Work = Callable[[Cancel, Callable[[str], None]], T]
"""One call: it emits its text as it comes and returns the whole result; it raises ``Cancelled`` once cancelled."""


@dataclass
class Streamed(Generic[T]):
    """A handler whose call runs in a thread of its own."""

    name: str
    work: Work[T]
    breaker: CircuitBreaker = field(default_factory=CircuitBreaker)
    policy: RetryPolicy | None = None
    live: bool = False
    """Its text reaches the caller as it is generated."""


@dataclass(frozen=True)
class _Done:
    value: object


def stream(steps: Steps[Streamed[T], R], stop: threading.Event) -> Generator[Token, None, R]:
    """Runs ``steps`` to their result; a stopped request is declined, so nothing retries or escalates it."""
    sent: object = None
    while True:
        try:
            step = steps.send(sent)
        except StopIteration as done:
            return done.value
        if isinstance(step, Wait):
            stop.wait(step.seconds)
            sent = None
        else:
            sent = yield from _call(step, stop)


def _call(step: Call[Streamed[T]], stop: threading.Event) -> Generator[Token, None, object]:
    """The call's value, or a ``Failure`` when it raised or its time ran out."""
    if stop.is_set():
        return Failure(Declined("stopped"))
    handler = step.handler
    cancel = Cancel(stop)
    pieces: queue.SimpleQueue[str | _Done | Failure] = queue.SimpleQueue()

    def run() -> None:
        emit = pieces.put if handler.live else _ignore
        try:
            pieces.put(_Done(handler.work(cancel, emit)))
        except Exception as exc:
            pieces.put(Failure(exc))

    threading.Thread(target=run, name=f"edge-{handler.name}", daemon=True).start()
    deadline = None if step.timeout_s is None else time.monotonic() + step.timeout_s
    try:
        while True:
            try:
                item = pieces.get(timeout=None if deadline is None else max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                return Failure(None)
            if isinstance(item, str):
                yield Token(item)
                continue
            if stop.is_set():
                return Failure(Declined("stopped"))
            return item.value if isinstance(item, _Done) else item
    finally:
        cancel.set()


def _ignore(text: str) -> None:
    pass
