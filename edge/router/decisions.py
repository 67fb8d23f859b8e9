"""One record per request: what was decided, by what, how fast, at what cost. The text itself is not kept, only its hash."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass

from edge.router.request import Reply
from edge.store.database import Database, text_sha256


@dataclass(frozen=True)
class DecisionRecord:
    at: float
    input_sha256: str
    route: str
    intent: str | None
    skill: str | None
    confidence: float | None
    matched_by: str
    handler: str | None
    """"skill:timer", "llm:local", "cache", "knowledge", "refusal" or "error"."""
    models: list[str]
    fallbacks: list[str]
    """Handlers that failed or were skipped, and unsure answers escalated past."""
    latency_ms: dict[str, float]
    """Per stage: template, classifier, parse, decide, answer, total."""
    cost_usd: float
    error: str | None = None


class DecisionLog:
    def __init__(self, db: Database) -> None:
        self.db = db

    def record(self, text: str, reply: Reply) -> None:
        """Keeps what was decided for ``text`` and how ``reply`` came about; the text only as its hash."""
        decision = reply.decision
        self.add(
            DecisionRecord(
                at=time.time(),
                input_sha256=text_sha256(text),
                route=decision.route,
                intent=decision.intent,
                skill=decision.skill,
                confidence=decision.confidence,
                matched_by=decision.matched_by,
                handler=reply.label,
                models=reply.models,
                fallbacks=reply.fallbacks,
                latency_ms=reply.latency_ms,
                cost_usd=reply.cost_usd,
                error=reply.error,
            )
        )

    def add(self, record: DecisionRecord) -> None:
        self.db.execute(
            """INSERT INTO decisions (at, input_sha256, route, intent, skill, confidence, matched_by, handler, models,
               fallbacks, latency_ms, cost_usd, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                record.at,
                record.input_sha256,
                record.route,
                record.intent,
                record.skill,
                record.confidence,
                record.matched_by,
                record.handler,
                json.dumps(record.models),
                json.dumps(record.fallbacks),
                json.dumps(record.latency_ms),
                record.cost_usd,
                record.error,
            ),
        )

    def recent(self, limit: int = 20) -> list[DecisionRecord]:
        rows = self.db.query("SELECT * FROM decisions ORDER BY id DESC LIMIT ?", (limit,))
        return [
            DecisionRecord(
                **{k: v for k, v in row.items() if k != "id"}
                | {k: json.loads(row[k]) for k in ("models", "fallbacks", "latency_ms")}
            )
            for row in rows
        ]
