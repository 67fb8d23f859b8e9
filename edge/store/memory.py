"""Conversation memory: every turn is kept in the store; the recent ones are handed to the LLM."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Literal

from edge.config import MemorySettings
from edge.store.database import Database


@dataclass(frozen=True)
class Turn:
    role: Literal["user", "assistant"]
    text: str
    at: float


class ConversationMemory:
    def __init__(self, db: Database, settings: MemorySettings) -> None:
        self.db = db
        self.settings = settings

    def add(self, conversation: str, role: Literal["user", "assistant"], text: str) -> None:
        self.db.execute(
            "INSERT INTO memory (conversation, role, text, at) VALUES (?, ?, ?, ?)", (conversation, role, text, time.time())
        )

    def recent(self, conversation: str) -> list[Turn]:
        """The last ``memory.turns`` turns, oldest first, stopping at a pause longer than ``memory.idle_minutes``."""
        if self.settings.turns == 0:
            return []
        rows = self.db.query(
            "SELECT role, text, at FROM memory WHERE conversation = ? ORDER BY id DESC LIMIT ?",
            (conversation, self.settings.turns),
        )
        turns: list[Turn] = []
        newest = time.time()
        for row in rows:
            if newest - row["at"] > self.settings.idle_minutes * 60:
                break
            turns.append(Turn(row["role"], row["text"], row["at"]))
            newest = row["at"]
        if turns and turns[-1].role == "assistant":
            turns.pop()
        return turns[::-1]

    def history(self, conversation: str, limit: int = 100) -> list[Turn]:
        rows = self.db.query(
            "SELECT role, text, at FROM memory WHERE conversation = ? ORDER BY id DESC LIMIT ?", (conversation, limit)
        )
        return [Turn(r["role"], r["text"], r["at"]) for r in reversed(rows)]

    def forget(self, conversation: str) -> int:
        return self.db.execute("DELETE FROM memory WHERE conversation = ?", (conversation,)).rowcount
