"""Fallback chains: retry with exponential backoff and jitter, a per-call timeout that cancels,
and a circuit breaker per handler. A request that fails every handler goes to a dead-letter sink.

The chain's decisions (``fallback_chain``) are kept apart from how calls run: ``run_chain`` drives them
with coroutine handlers on asyncio, where a timeout cancels the call (``asyncio.wait_for``); the router
drives the same steps with model calls in threads (edge.router.streaming).
"""

from __future__ import annotations

import asyncio
import json
import random
import time
from collections.abc import Awaitable, Callable, Generator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Literal, Protocol, TypeVar

from edge.errors import EdgeError, recorded
from edge.store.database import text_sha256
from edge.telemetry import elapsed_ms

if TYPE_CHECKING:
    from edge.store.database import Database

T = TypeVar("T")
R = TypeVar("R")
H = TypeVar("H", bound="Guarded")
BreakerState = Literal["closed", "open", "half_open"]
FailureKind = Literal["failed", "timed out", "declined", "circuit open"]


class Declined(Exception):
    """The handler chose not to answer (a policy said no): it is not retried and does not count against its breaker."""


class AllHandlersFailed(Exception):
    def __init__(self, attempts: list[Attempt]) -> None:
        super().__init__("; ".join(f"{a.handler}: {a.error}" for a in attempts))
        self.attempts = attempts


@dataclass
class CircuitBreaker:
    """Opens after ``failures`` consecutive failures; after ``reset_s`` one trial call is let through."""

    failures: int = 3
    reset_s: float = 30.0
    clock: Callable[[], float] = time.monotonic
    _count: int = 0
    _opened_at: float | None = None

    @property
    def state(self) -> BreakerState:
        if self._opened_at is None:
            return "closed"
        return "half_open" if self.clock() - self._opened_at >= self.reset_s else "open"

    def allow(self) -> bool:
        return self.state != "open"

    def success(self) -> None:
        self._count, self._opened_at = 0, None

    def failure(self) -> None:
        self._count += 1
        if self.state == "half_open" or self._count >= self.failures:
            self._opened_at = self.clock()


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 2
    """Calls per handler, the first included."""
    base_s: float = 0.1
    max_s: float = 2.0
    timeout_s: float | None = 10.0

    def delay(self, retry: int, rng: random.Random) -> float:
        """Full jitter: uniform in [0, min(max, base * 2^retry)]."""
        return rng.uniform(0.0, min(self.max_s, self.base_s * 2**retry))


@dataclass(frozen=True)
class Attempt:
    handler: str
    ok: bool
    latency_ms: float
    error: str | None = None
    """What went wrong, as a person reads it: "timed out after 10 s", "declined: ...", "KeyError: ..."."""
    failure: FailureKind | None = None
    reason: str | None = None
    """The cause alone: why it declined, or the error's message without its fix."""

    def record(self) -> dict[str, object]:
        """As the dead-letter log keeps it."""
        return {"handler": self.handler, "ok": self.ok, "latency_ms": self.latency_ms, "error": self.error}


@dataclass
class Handler(Generic[T]):
    name: str
    call: Callable[[], Awaitable[T]]
    breaker: CircuitBreaker = field(default_factory=CircuitBreaker)
    policy: RetryPolicy | None = None
    """Replaces the chain's policy for this handler (one that retries on its own takes attempts=1)."""


@dataclass(frozen=True)
class ChainResult(Generic[T]):
    value: T
    handler: str
    attempts: list[Attempt]

    @property
    def fallbacks(self) -> list[str]:
        """Handlers tried and failed (or skipped) before the one that answered."""
        return failed_handlers(self.attempts)


def failed_handlers(attempts: Sequence[Attempt]) -> list[str]:
    """Handlers that failed or were skipped, each once, in order."""
    return list(dict.fromkeys(a.handler for a in attempts if not a.ok))


class DeadLetters:
    """Requests that failed every handler: the request's hash (as the decision log names it, never its text) and
    what each handler said."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, request: str, attempts: Sequence[Attempt], route: str | None = None) -> None:
        self.db.execute(
            "INSERT INTO dead_letters (at, input_sha256, route, attempts) VALUES (?, ?, ?, ?)",
            (time.time(), text_sha256(request), route, json.dumps([a.record() for a in attempts])),
        )

    def read(self, limit: int = 100) -> list[dict[str, Any]]:
        rows = self.db.query("SELECT * FROM dead_letters ORDER BY id DESC LIMIT ?", (limit,))
        return [{**row, "attempts": json.loads(row["attempts"])} for row in rows]


@dataclass(frozen=True)
class Call(Generic[H]):
    """A step of a chain: call ``handler`` once, within ``timeout_s``."""

    handler: H
    timeout_s: float | None


@dataclass(frozen=True)
class Wait:
    """A step of a chain: back off before trying again."""

    seconds: float


@dataclass(frozen=True)
class Failure:
    """What a driver sends back for a call that raised ``error``, or that did not end in time (``error`` None)."""

    error: Exception | None


Steps = Generator["Call[H] | Wait", object, R]
"""A chain's decisions without its input and output: it yields the calls to make and the waits between tries, and is
sent each call's value or ``Failure`` (None after a wait). A driver runs it: ``drive`` on asyncio, or the router's
streaming driver on threads."""


class Guarded(Protocol):
    """What a chain needs of a handler; how it is called is the driver's business."""

    @property
    def name(self) -> str: ...
    @property
    def breaker(self) -> CircuitBreaker: ...
    @property
    def policy(self) -> RetryPolicy | None: ...


def fallback_chain(handlers: Sequence[H], policy: RetryPolicy, rng: random.Random) -> Steps[H, ChainResult[Any]]:
    """The first handler that answers wins; each is retried with backoff, timed out, and guarded by its breaker.
    Raises ``AllHandlersFailed`` when none answers."""
    attempts: list[Attempt] = []
    for handler in handlers:
        own = handler.policy or policy
        for retry in range(own.attempts):
            if not handler.breaker.allow():
                attempts.append(Attempt(handler.name, False, 0.0, "circuit open", "circuit open"))
                break
            start = time.perf_counter()
            outcome = yield Call(handler, own.timeout_s)
            latency = elapsed_ms(start)
            if not isinstance(outcome, Failure):
                handler.breaker.success()
                attempts.append(Attempt(handler.name, True, latency))
                return ChainResult(outcome, handler.name, attempts)
            if isinstance(outcome.error, Declined):
                said = str(outcome.error)
                attempts.append(Attempt(handler.name, False, latency, f"declined: {said}", "declined", said))
                break
            handler.breaker.failure()
            attempts.append(_failed(handler.name, outcome.error, latency, own.timeout_s))
            if retry + 1 < own.attempts:
                yield Wait(own.delay(retry, rng))
    raise AllHandlersFailed(attempts)


async def drive(steps: Steps[Handler[Any], R]) -> R:
    """Runs a chain's steps on asyncio: a timeout cancels the call's coroutine."""
    sent: object = None
    while True:
        try:
            step = steps.send(sent)
        except StopIteration as done:
            return done.value
        if isinstance(step, Wait):
            await asyncio.sleep(step.seconds)
            sent = None
            continue
        try:
            sent = await asyncio.wait_for(step.handler.call(), step.timeout_s)
        except asyncio.TimeoutError:
            sent = Failure(None)
        except Exception as exc:
            sent = Failure(exc)


async def run_chain(
    handlers: Sequence[Handler[T]],
    policy: RetryPolicy = RetryPolicy(),
    *,
    request: str = "",
    dead_letters: DeadLetters | None = None,
    rng: random.Random | None = None,
) -> ChainResult[T]:
    """``fallback_chain`` over coroutine handlers; a request that fails them all goes to ``dead_letters``."""
    try:
        return await drive(fallback_chain(handlers, policy, rng or random.Random()))
    except AllHandlersFailed as exc:
        if dead_letters is not None:
            dead_letters.add(request, exc.attempts)
        raise


def _failed(handler: str, exc: Exception | None, latency_ms: float, timeout_s: float | None) -> Attempt:
    if exc is None:
        said = f"timed out after {timeout_s} s"
        return Attempt(handler, False, latency_ms, said, "timed out", said)
    reason = exc.message if isinstance(exc, EdgeError) else str(exc)
    return Attempt(handler, False, latency_ms, f"{type(exc).__name__}: {recorded(exc)}", "failed", reason)
