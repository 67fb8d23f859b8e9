"""Parallel fan-out and ensemble voting.

``fan_out`` runs several handlers at once, each with its own timeout, and keeps every outcome: one slow or
failing handler costs nothing but its own answer. ``vote`` combines labelled answers by majority or by
summed confidence.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from edge.telemetry import elapsed_ms

T = TypeVar("T")
VoteMode = Literal["majority", "weighted"]


@dataclass(frozen=True)
class Outcome(Generic[T]):
    name: str
    value: T | None
    error: str | None
    latency_ms: float

    @property
    def ok(self) -> bool:
        return self.error is None


async def fan_out(calls: Mapping[str, Callable[[], Awaitable[T]]], timeout_s: float | None = None) -> list[Outcome[T]]:
    """Start every call at once; a call past ``timeout_s`` is cancelled and reported as timed out."""

    async def one(name: str, call: Callable[[], Awaitable[T]]) -> Outcome[T]:
        start = time.perf_counter()
        try:
            value = await asyncio.wait_for(call(), timeout_s)
        except asyncio.TimeoutError:
            return Outcome(name, None, f"timed out after {timeout_s} s", elapsed_ms(start))
        except Exception as exc:
            return Outcome(name, None, f"{type(exc).__name__}: {exc}", elapsed_ms(start))
        return Outcome(name, value, None, elapsed_ms(start))

    return list(await asyncio.gather(*(one(name, call) for name, call in calls.items())))


@dataclass(frozen=True)
class Ballot:
    label: str
    confidence: float = 1.0


@dataclass(frozen=True)
class Vote:
    label: str | None
    """None when nobody voted."""
    score: float
    """The winner's share of the votes (majority) or of the summed confidence (weighted), 0..1."""
    tally: dict[str, float]
    voters: int


def vote(ballots: Sequence[Ballot], mode: VoteMode = "weighted") -> Vote:
    """Majority counts one vote per ballot; weighted sums confidences. Ties go to the label voted first."""
    if not ballots:
        return Vote(None, 0.0, {}, 0)
    tally: dict[str, float] = defaultdict(float)
    for ballot in ballots:
        tally[ballot.label] += 1.0 if mode == "majority" else max(ballot.confidence, 0.0)
    total = sum(tally.values())
    winner = max(tally, key=tally.__getitem__)
    score = tally[winner] / total if total else 0.0
    return Vote(winner, round(score, 4), {k: round(v, 4) for k, v in Counter(tally).most_common()}, len(ballots))


async def ensemble(
    voters: Mapping[str, Callable[[], Awaitable[Ballot]]], mode: VoteMode = "weighted", timeout_s: float | None = None
) -> tuple[Vote, list[Outcome[Ballot]]]:
    """Fan out to every voter and vote over those that answered in time."""
    outcomes = await fan_out(voters, timeout_s)
    return vote([o.value for o in outcomes if o.ok and o.value is not None], mode), outcomes
