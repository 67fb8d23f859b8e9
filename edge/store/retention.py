"""Keeping the tables that grow with use within an age and a row count (``store.retention``).

Rows go a batch at a time, each batch in its own transaction, so a request never waits behind a long delete.
Every pass that removes something says so in the audit table; the egress record is cut by age only.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

from edge.config import RetentionSettings
from edge.store.database import Database

DAY_S = 86_400.0


@dataclass(frozen=True)
class Rule:
    table: str
    age: str
    """SQL expression for when a row was written, compared with the cutoff."""
    cutoff: Callable[[float], float | str]
    """From now, the age under which a row goes."""
    kept: str
    max_rows: int | None = None
    removable: str = "1"
    """SQL condition a row must meet to be removed at all (a running timer never is)."""

    @property
    def limit(self) -> str:
        rows = f", at most {self.max_rows:,} rows" if self.max_rows else ""
        return f"{self.kept}{rows}"


@dataclass(frozen=True)
class TableSize:
    table: str
    rows: int
    oldest: float | None
    limit: str


def rules(settings: RetentionSettings) -> tuple[Rule, ...]:
    def days(n: float) -> Callable[[float], float]:
        return lambda now: now - n * DAY_S

    def kept(n: float, unit: str = "days") -> str:
        return f"{n:g} {unit}"

    s = settings
    return (
        Rule("decisions", "at", days(s.decisions_days), kept(s.decisions_days), s.decisions_rows),
        Rule("usage", "month", lambda now: first_kept_month(now, s.usage_months), kept(s.usage_months, "months")),
        Rule("dead_letters", "at", days(s.dead_letters_days), kept(s.dead_letters_days), s.dead_letters_rows),
        Rule("memory", "at", days(s.memory_days), kept(s.memory_days), s.memory_rows),
        Rule(
            "timers",
            "COALESCE(fired_at, created_at)",
            days(s.timers_days),
            f"{kept(s.timers_days)} once fired or cancelled",
            removable="(state = 'cancelled' OR delivered_at IS NOT NULL)",
        ),
        Rule("audit", "at", days(s.audit_days), kept(s.audit_days)),
        Rule("egress", "at", days(s.egress_days), f"{kept(s.egress_days)}, never cut by count"),
    )


def first_kept_month(now: float, months: int) -> str:
    """'YYYY-MM' of the oldest month kept: this month and the ``months - 1`` before it."""
    today = datetime.fromtimestamp(now, timezone.utc)
    index = today.year * 12 + today.month - 1 - (months - 1)
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


class Retention:
    def __init__(self, db: Database, settings: RetentionSettings, clock: Callable[[], float] = time.time) -> None:
        self.db = db
        self.settings = settings
        self.rules = rules(settings)
        self._clock = clock
        self._next_pass = 0.0
        self._running = threading.Lock()

    def tick(self) -> dict[str, int]:
        """A pass when one is due and no other thread is in one; a pass that left rows to remove is due again at once."""
        if time.monotonic() < self._next_pass or not self._running.acquire(blocking=False):
            return {}
        try:
            removed = self.prune()
            behind = any(n >= self.settings.batch_rows for n in removed.values())
            self._next_pass = time.monotonic() + (0.0 if behind else self.settings.interval_s)
            return removed
        finally:
            self._running.release()

    def prune(self) -> dict[str, int]:
        """One batch per table: rows past their age, then the oldest past the row count."""
        now = self._clock()
        removed: dict[str, int] = {}
        for rule in self.rules:
            count = self._by_age(rule, now)
            if rule.max_rows is not None and count < self.settings.batch_rows:
                count += self._by_count(rule, rule.max_rows)
            if count:
                removed[rule.table] = count
        if removed:
            self.db.execute(
                "INSERT INTO audit (at, event, detail) VALUES (?, 'retention', ?)",
                (now, json.dumps({"removed": removed}, sort_keys=True)),
            )
        return removed

    def prune_all(self) -> dict[str, int]:
        total: dict[str, int] = {}
        while removed := self.prune():
            for table, count in removed.items():
                total[table] = total.get(table, 0) + count
        return total

    def _by_age(self, rule: Rule, now: float) -> int:
        return self.db.execute(
            f"DELETE FROM {rule.table} WHERE rowid IN (SELECT rowid FROM {rule.table}"
            f" WHERE {rule.removable} AND {rule.age} < ? ORDER BY rowid LIMIT ?)",
            (rule.cutoff(now), self.settings.batch_rows),
        ).rowcount

    def _by_count(self, rule: Rule, max_rows: int) -> int:
        with self.db.transaction() as conn:
            rows = conn.execute(f"SELECT COUNT(*) FROM {rule.table} WHERE {rule.removable}").fetchone()[0]
            excess = min(rows - max_rows, self.settings.batch_rows)
            if excess <= 0:
                return 0
            return conn.execute(
                f"DELETE FROM {rule.table} WHERE rowid IN"
                f" (SELECT rowid FROM {rule.table} WHERE {rule.removable} ORDER BY rowid LIMIT ?)",
                (excess,),
            ).rowcount

    def sizes(self) -> list[TableSize]:
        sizes = []
        for rule in self.rules:
            row = self.db.query(f"SELECT COUNT(*) AS n, MIN({rule.age}) AS oldest FROM {rule.table}")[0]
            oldest = row["oldest"] if isinstance(row["oldest"], float | int) else None
            sizes.append(TableSize(rule.table, row["n"], oldest, rule.limit))
        return sizes
