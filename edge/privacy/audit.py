"""The egress log: one row per request that leaves the device, written before the first byte is sent and
completed when the reply is in. It holds counts, hashes and money, never the text."""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from edge.store.database import Database


@dataclass(frozen=True)
class EgressRecord:
    id: int
    at: float
    host: str
    route: str | None
    provider: str
    model: str
    entities: dict[str, int]
    """Masked values by type: how many placeholders the payload carried."""
    payload_sha256: str
    """Hash of the exact bytes sent, so a captured request can be matched to its row."""
    payload_bytes: int
    prompt_tokens: int | None
    completion_tokens: int | None
    cost_usd: float | None
    outcome: str
    """"sending" while in flight (or if edge stopped mid-request), "ok", or "failed: <reason>"."""
    leaks: dict[str, int] | None
    """Personal data in the reply that the request did not carry, by type."""


class EgressLog:
    def __init__(self, db: Database) -> None:
        self.db = db

    def sending(
        self, *, host: str, route: str | None, provider: str, model: str, entities: dict[str, int], payload: bytes
    ) -> int:
        cursor = self.db.execute(
            """INSERT INTO egress (at, host, route, provider, model, entities, payload_sha256, payload_bytes, outcome)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'sending')""",
            (time.time(), host, route, provider, model, json.dumps(entities, sort_keys=True), sha256(payload), len(payload)),
        )
        return int(cursor.lastrowid or 0)

    def finished(
        self,
        row: int,
        outcome: str,
        prompt_tokens: int | None = None,
        completion_tokens: int | None = None,
        cost_usd: float | None = None,
        leaks: dict[str, int] | None = None,
    ) -> None:
        self.db.execute(
            "UPDATE egress SET outcome = ?, prompt_tokens = ?, completion_tokens = ?, cost_usd = ?, leaks = ? WHERE id = ?",
            (outcome, prompt_tokens, completion_tokens, cost_usd, json.dumps(leaks, sort_keys=True) if leaks else None, row),
        )

    def records(self, limit: int = 100, since: float | None = None) -> list[EgressRecord]:
        rows = self.db.query("SELECT * FROM egress WHERE at >= ? ORDER BY id DESC LIMIT ?", (since or 0.0, limit))
        return [EgressRecord(**{**row, "entities": json.loads(row["entities"]), "leaks": _json(row["leaks"])}) for row in rows]


def _json(value: str | None) -> dict[str, int] | None:
    return json.loads(value) if value else None


def sha256(payload: bytes) -> str:
    return hashlib.sha256(payload).hexdigest()
