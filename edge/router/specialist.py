"""Specialist / generalist: a request whose intent a specialist covers, classified with enough confidence, goes to
that specialist, with the generalist behind it as the fallback; anything else goes straight to the generalist."""

from __future__ import annotations

import random
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from edge.router.resilience import ChainResult, CircuitBreaker, Handler, RetryPolicy, run_chain

T = TypeVar("T")


@dataclass
class Specialist(Generic[T]):
    name: str
    intents: frozenset[str]
    call: Callable[[], Awaitable[T]]
    breaker: CircuitBreaker = field(default_factory=CircuitBreaker)


async def specialist_or_generalist(
    intent: str,
    confidence: float,
    specialists: Sequence[Specialist[T]],
    generalist: Handler[T],
    min_confidence: float = 0.5,
    policy: RetryPolicy | None = None,
    *,
    rng: random.Random | None = None,
) -> ChainResult[T]:
    expert = next((s for s in specialists if intent in s.intents), None)
    chain: list[Handler[T]] = [generalist]
    if expert is not None and confidence >= min_confidence:
        chain.insert(0, Handler(expert.name, expert.call, expert.breaker))
    return await run_chain(chain, policy or RetryPolicy(), rng=rng)
