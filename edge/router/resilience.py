"""Fallback chains: retry with exponential backoff and jitter, a per-call timeout that cancels,
and a circuit breaker per handler. A request that fails every handler goes to a dead-letter sink.

Handlers are coroutines, so a timeout cancels the call (``asyncio.wait_for``); blocking engine
calls are wrapped with ``asyncio.to_thread`` by the caller.
"""

from __future__ import annotations

import asyncio
import json
import random
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from edge.telemetry import elapsed_ms

if TYPE_CHECKING:
    from edge.store.database import Database

T = TypeVar("T")
BreakerState = Literal["closed", "open", "half_open"]


class CircuitOpen(Exception):
    """The handler's breaker is open: it is skipped without being called."""


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
    """Requests that failed every handler, kept in the store with what each handler said."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, request: str, attempts: Sequence[Attempt], route: str | None = None) -> None:
        self.db.execute(
            "INSERT INTO dead_letters (at, request, route, attempts) VALUES (?, ?, ?, ?)",
            (time.time(), request, route, json.dumps([asdict(a) for a in attempts])),
        )

    def read(self, limit: int = 100) -> list[dict[str, Any]]:
        rows = self.db.query("SELECT * FROM dead_letters ORDER BY id DESC LIMIT ?", (limit,))
        return [{**row, "attempts": json.loads(row["attempts"])} for row in rows]


async def run_chain(
    handlers: Sequence[Handler[T]],
    policy: RetryPolicy = RetryPolicy(),
    *,
    request: str = "",
    dead_letters: DeadLetters | None = None,
    rng: random.Random | None = None,
) -> ChainResult[T]:
    """The first handler that answers wins; each is retried with backoff, timed out, and guarded by its breaker."""
    rng = rng or random.Random()
    attempts: list[Attempt] = []
    for handler in handlers:
        own = handler.policy or policy
        for retry in range(own.attempts):
            if not handler.breaker.allow():
                attempts.append(Attempt(handler.name, False, 0.0, "circuit open"))
                break
            start = time.perf_counter()
            try:
                value = await asyncio.wait_for(handler.call(), own.timeout_s)
            except Declined as exc:
                attempts.append(Attempt(handler.name, False, elapsed_ms(start), f"declined: {exc}"))
                break
            except Exception as exc:
                handler.breaker.failure()
                error = (
                    f"timed out after {own.timeout_s} s"
                    if isinstance(exc, asyncio.TimeoutError)
                    else f"{type(exc).__name__}: {exc}"
                )
                attempts.append(Attempt(handler.name, False, elapsed_ms(start), error))
                if retry + 1 < own.attempts:
                    await asyncio.sleep(own.delay(retry, rng))
                continue
            handler.breaker.success()
            attempts.append(Attempt(handler.name, True, elapsed_ms(start)))
            return ChainResult(value, handler.name, attempts)
    if dead_letters is not None:
        dead_letters.add(request, attempts)
    raise AllHandlersFailed(attempts)
