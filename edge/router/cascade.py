"""The cascade: the cheapest model answers first; an unsure answer escalates to the next, a failing model is skipped.

Each model runs inside a fallback chain of one (retry with backoff, timeout, circuit breaker), so failure and
low confidence are handled the same way: move on to the next model. When every later model fails, the best
unsure answer still stands, marked as such.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from edge.router.resilience import (
    AllHandlersFailed,
    Attempt,
    H,
    Handler,
    RetryPolicy,
    Steps,
    drive,
    failed_handlers,
    fallback_chain,
)

T = TypeVar("T")


@dataclass(frozen=True)
class CascadeResult(Generic[T]):
    value: T
    handler: str
    confidence: float | None
    attempts: list[Attempt]
    escalations: list[str]
    """One line per unsure answer passed over, e.g. "local: confidence 0.31 < 0.45"."""

    @property
    def fallbacks(self) -> list[str]:
        """Handlers that failed or were skipped by an open breaker."""
        return failed_handlers(self.attempts)


def cascade(
    handlers: Sequence[H],
    confidence: Callable[[Any], float | None],
    min_confidence: float,
    policy: RetryPolicy,
    rng: random.Random,
) -> Steps[H, CascadeResult[Any]]:
    """Each handler in a fallback chain of its own, in order, until one answers with ``confidence(value) >=
    min_confidence`` (None counts as sure). Raises ``AllHandlersFailed`` when none answers at all."""
    attempts: list[Attempt] = []
    escalations: list[str] = []
    unsure: list[tuple[float, str, Any]] = []
    for handler in handlers:
        try:
            result = yield from fallback_chain([handler], policy, rng)
        except AllHandlersFailed as exc:
            attempts += exc.attempts
            continue
        attempts += result.attempts
        score = confidence(result.value)
        if score is None or score >= min_confidence:
            return CascadeResult(result.value, handler.name, score, attempts, escalations)
        escalations.append(f"{handler.name}: confidence {score:.2f} < {min_confidence}")
        unsure.append((score, handler.name, result.value))
    if unsure:
        score, name, value = max(unsure, key=lambda u: u[0])
        return CascadeResult(value, name, score, attempts, escalations)
    raise AllHandlersFailed(attempts)


async def run_cascade(
    handlers: Sequence[Handler[T]],
    confidence: Callable[[T], float | None],
    min_confidence: float,
    policy: RetryPolicy | None = None,
    *,
    rng: random.Random | None = None,
) -> CascadeResult[T]:
    """``cascade`` over coroutine handlers, on asyncio."""
    return await drive(cascade(handlers, confidence, min_confidence, policy or RetryPolicy(), rng or random.Random()))
