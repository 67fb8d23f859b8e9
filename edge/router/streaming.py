"""The answer path's one concurrency model: a model call runs in a worker thread and hands its text to the
request's thread through a queue, as it comes; the call's time running out, or the caller's stop, sets the
call's cancel event, which the model checks at every token.

What to call, and when to retry or move on, is decided by a chain's steps (edge.router.resilience); ``stream``
runs those steps and yields the live handler's text as tokens, and a retraction when the steps abandon that text.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from edge.router.request import Retracted, Token
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
        self._callbacks: list[Callable[[], None]] = []
        self._lock = threading.Lock()

    def set(self) -> None:
        with self._lock:
            self._own.set()
            callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback()

    def when_set(self, callback: Callable[[], None]) -> None:
        """Calls ``callback`` once the call is over (its time is up, it was stopped or it returned), at once if it is:
        for work blocked where it cannot look at ``is_set``, such as a decode inside llama.cpp."""
        with self._lock:
            if not self._own.is_set():
                self._callbacks.append(callback)
                return
        callback()

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


def stream(steps: Steps[Streamed[T], R], stop: threading.Event) -> Generator[Token | Retracted, None, R]:
    """Runs ``steps`` to their result; a stopped request is declined, so nothing retries or escalates it.

    A live call's tokens stand when the steps end on its value. When they go on instead (a retry, the next handler,
    a backoff) or end after it failed, the tokens are withdrawn by a ``Retracted``, unless the request was stopped.
    """
    sent: object = None
    shown = False
    while True:
        try:
            step = steps.send(sent)
        except StopIteration as done:
            if shown and isinstance(sent, Failure):
                yield from _retract(stop)
            return done.value
        except Exception:
            if shown:
                yield from _retract(stop)
            raise
        if shown:
            yield from _retract(stop)
        if isinstance(step, Wait):
            stop.wait(step.seconds)
            sent, shown = None, False
        else:
            sent, shown = yield from _call(step, stop)


def _retract(stop: threading.Event) -> Iterator[Retracted]:
    if not stop.is_set():
        yield Retracted()


def _call(step: Call[Streamed[T]], stop: threading.Event) -> Generator[Token, None, tuple[object, bool]]:
    """The call's value, or a ``Failure`` when it raised or its time ran out; and whether it yielded tokens."""
    if stop.is_set():
        return Failure(Declined("stopped")), False
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
    shown = False
    try:
        while True:
            try:
                item = pieces.get(timeout=None if deadline is None else max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                return Failure(None), shown
            if isinstance(item, str):
                shown = True
                yield Token(item)
                continue
            if stop.is_set():
                return Failure(Declined("stopped")), shown
            return (item.value if isinstance(item, _Done) else item), shown
    finally:
        cancel.set()


def _ignore(text: str) -> None:
    pass
