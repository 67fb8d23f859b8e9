"""Metrics: every engine call timed and counted; per-model usage and cost metered in the store."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from edge.config import MeteringSettings
    from edge.store.database import Database


def elapsed_ms(start: float) -> float:
    """Milliseconds since a ``time.perf_counter()`` reading, to the microsecond."""
    return round((time.perf_counter() - start) * 1000, 3)


class OverBudget(Exception):
    """A priced model was skipped: this month's spend reached metering.budget.monthly_usd."""


@dataclass
class CallStats:
    """Timing of one engine's calls since it was created."""

    calls: int = 0
    errors: int = 0
    total_s: float = 0.0
    last_s: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def record(self, elapsed_s: float, failed: bool = False) -> None:
        with self._lock:
            self.calls += 1
            self.errors += failed
            self.total_s += elapsed_s
            self.last_s = elapsed_s


@dataclass(frozen=True)
class Usage:
    model: str
    month: str
    calls: int
    errors: int
    prompt_tokens: int
    completion_tokens: int
    ms: float
    cost_usd: float


class Meter:
    """Per-model calls, tokens, milliseconds and money, summed per calendar month in the store.

    Prices come from the config's table (USD per million tokens); a model without a price is free.
    """

    def __init__(self, db: Database, settings: MeteringSettings) -> None:
        self.db = db
        self.settings = settings

    def cost(self, model: str, prompt_tokens: int, completion_tokens: int) -> float:
        price = self.settings.prices.get(model)
        if price is None:
            return 0.0
        return (prompt_tokens * price.input_per_mtok + completion_tokens * price.output_per_mtok) / 1e6

    def record(
        self, model: str, prompt_tokens: int = 0, completion_tokens: int = 0, ms: float = 0.0, failed: bool = False
    ) -> float:
        """Add one call; returns its cost in USD."""
        cost = self.cost(model, prompt_tokens, completion_tokens)
        self.db.execute(
            """INSERT INTO usage (model, month, calls, errors, prompt_tokens, completion_tokens, ms, cost_usd)
               VALUES (?, ?, 1, ?, ?, ?, ?, ?)
               ON CONFLICT (model, month) DO UPDATE SET calls = calls + 1, errors = errors + excluded.errors,
                 prompt_tokens = prompt_tokens + excluded.prompt_tokens,
                 completion_tokens = completion_tokens + excluded.completion_tokens,
                 ms = ms + excluded.ms, cost_usd = cost_usd + excluded.cost_usd""",
            (model, _month(), int(failed), prompt_tokens, completion_tokens, ms, cost),
        )
        return cost

    def usage(self, month: str | None = None) -> list[Usage]:
        rows = self.db.query("SELECT * FROM usage WHERE month = ? ORDER BY model", (month or _month(),))
        return [Usage(**row) for row in rows]

    def spent(self, month: str | None = None) -> float:
        return sum(u.cost_usd for u in self.usage(month))

    def allows(self, model: str) -> bool:
        """False when the model is priced and this month's spend has reached the budget."""
        budget = self.settings.budget.monthly_usd
        return budget is None or model not in self.settings.prices or self.spent() < budget


def _month() -> str:
    return time.strftime("%Y-%m")
