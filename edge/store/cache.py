"""The answer cache: a question asked before is answered from the store instead of the LLM.

Exact match first (after normalising case, punctuation and spacing), then the nearest cached
question by meaning, above ``cache.similarity``. Close embeddings are not enough: questions that
differ in a negation, a number, a date or a name must miss however similar they look, so a
semantic hit must also pass ``guards.conflict``. Answers drawn from the knowledge base remember
its version and go stale when it changes.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from edge.config import CacheSettings
from edge.store.database import Database
from edge.store.guards import conflict
from edge.store.vectors import VectorSpace, as_blob, drop_space, open_space

TABLE = "answer_cache_vectors"
NEIGHBOURS = 5
Outcome = Literal["exact", "semantic", "miss", "guarded", "stale"]
CONTEXT_WORDS = re.compile(
    r"\b(it|its|that|this|those|these|they|them|their|he|him|his|she|her|there|then|above|previous|again|else)\b"
    r"|^\s*(and|but|so|also|what about|how about)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class CachedAnswer:
    question: str
    """The cached question that matched, as it was asked."""
    answer: str
    reply: dict[str, Any]
    match: Literal["exact", "semantic"]
    similarity: float
    age_s: float


@dataclass(frozen=True)
class CacheStats:
    entries: int
    exact: int
    semantic: int
    misses: int
    guarded: int
    """Semantic neighbours close enough to hit that the guards turned away."""
    stale: int
    """Hits refused because they expired or the knowledge base changed since."""

    @property
    def lookups(self) -> int:
        return self.exact + self.semantic + self.misses + self.guarded + self.stale

    @property
    def hit_rate(self) -> float:
        return round((self.exact + self.semantic) / self.lookups, 4) if self.lookups else 0.0


def normalise(question: str) -> str:
    return " ".join(re.findall(r"[\w.%$€£+-]+", question.lower())).strip(" .")


def depends_on_context(question: str) -> bool:
    """ "What about Germany?" or "is it safe?" mean something only after the previous turn: never cached."""
    return bool(CONTEXT_WORDS.search(question))


class AnswerCache:
    def __init__(self, db: Database, embed: Callable[[str], np.ndarray], model: str, dim: int, settings: CacheSettings) -> None:
        self.db = db
        self.embed = embed
        self.settings = settings
        self._model, self._dim = model, dim
        self._space: VectorSpace | None = None

    def _vectors(self) -> VectorSpace:
        if self._space is None:
            space = open_space(self.db, TABLE, self._model, self._dim)
            if space is None:
                with self.db.transaction() as conn:
                    drop_space(conn, TABLE)
                    conn.execute("DELETE FROM answer_cache")
                space = open_space(self.db, TABLE, self._model, self._dim)
            assert space is not None
            self._space = space
        return self._space

    def lookup(self, question: str, route: str, kb_version: int | None = None) -> CachedAnswer | None:
        outcome, found = self._lookup(question, route, kb_version)
        self._count(outcome)
        return found

    def _lookup(self, question: str, route: str, kb_version: int | None) -> tuple[Outcome, CachedAnswer | None]:
        now = time.time()
        rows = self.db.query(
            "SELECT * FROM answer_cache WHERE normalized = ? AND route = ? ORDER BY id DESC LIMIT 1",
            (normalise(question), route),
        )
        if rows:
            if self._fresh(rows[0], now, kb_version):
                return "exact", self._hit(rows[0], "exact", 1.0, now)
            self._drop([rows[0]["id"]])
            return "stale", None
        space = self._vectors()
        vector = self.embed(question)
        neighbours = self.db.query(
            f"SELECT v.id, v.distance, a.* FROM {space.table} v JOIN answer_cache a ON a.id = v.id"
            f" WHERE v.embedding MATCH ? AND k = {NEIGHBOURS} ORDER BY v.distance",
            (as_blob(vector),),
        )
        outcome: Outcome = "miss"
        for row in neighbours:
            similarity = 1.0 - row["distance"] ** 2 / 2.0
            if similarity < self.settings.similarity or row["route"] != route:
                continue
            if conflict(question, row["question"]) is not None:
                outcome = "guarded"
                continue
            if not self._fresh(row, now, kb_version):
                self._drop([row["id"]])
                outcome = "stale"
                continue
            return "semantic", self._hit(row, "semantic", similarity, now)
        return outcome, None

    def _fresh(self, row: dict[str, Any], now: float, kb_version: int | None) -> bool:
        return row["expires_at"] > now and (row["kb_version"] is None or row["kb_version"] == kb_version)

    def _hit(self, row: dict[str, Any], match: Literal["exact", "semantic"], similarity: float, now: float) -> CachedAnswer:
        self.db.execute("UPDATE answer_cache SET hits = hits + 1 WHERE id = ?", (row["id"],))
        return CachedAnswer(
            row["question"], row["answer"], json.loads(row["reply"]), match, round(similarity, 4), now - row["created_at"]
        )

    def store(self, question: str, route: str, answer: str, reply: dict[str, Any], kb_version: int | None = None) -> None:
        """``kb_version`` marks an answer drawn from the knowledge base at that version."""
        space = self._vectors()
        vector = self.embed(question)
        now = time.time()
        with self.db.transaction() as conn:
            entry = conn.execute(
                "INSERT INTO answer_cache (question, normalized, route, answer, reply, kb_version, created_at, expires_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (question, normalise(question), route, answer, json.dumps(reply), kb_version, now, now + self.settings.ttl_s),
            ).lastrowid
            conn.execute(f"INSERT INTO {space.table} (id, embedding) VALUES (?, ?)", (entry, as_blob(vector)))
            overflow = [
                r[0]
                for r in conn.execute(
                    "SELECT id FROM answer_cache WHERE expires_at <= ? OR id NOT IN"
                    " (SELECT id FROM answer_cache ORDER BY id DESC LIMIT ?)",
                    (now, self.settings.max_entries),
                )
            ]
            self._delete(conn, overflow)

    def _drop(self, ids: list[int]) -> None:
        with self.db.transaction() as conn:
            self._delete(conn, ids)

    def _delete(self, conn: Any, ids: list[int]) -> None:
        for entry in ids:
            conn.execute(f"DELETE FROM {TABLE} WHERE id = ?", (entry,))
            conn.execute("DELETE FROM answer_cache WHERE id = ?", (entry,))

    def _count(self, outcome: Outcome) -> None:
        self.db.execute(
            "INSERT INTO cache_counts (outcome, count) VALUES (?, 1) ON CONFLICT (outcome) DO UPDATE SET count = count + 1",
            (outcome,),
        )

    def stats(self) -> CacheStats:
        counts = {r["outcome"]: r["count"] for r in self.db.query("SELECT outcome, count FROM cache_counts")}
        entries = self.db.query("SELECT COUNT(*) AS n FROM answer_cache")[0]["n"]
        return CacheStats(
            entries,
            counts.get("exact", 0),
            counts.get("semantic", 0),
            counts.get("miss", 0),
            counts.get("guarded", 0),
            counts.get("stale", 0),
        )

    def clear(self) -> int:
        self._vectors()
        with self.db.transaction() as conn:
            ids = [r[0] for r in conn.execute("SELECT id FROM answer_cache")]
            self._delete(conn, ids)
            conn.execute("DELETE FROM cache_counts")
        return len(ids)
