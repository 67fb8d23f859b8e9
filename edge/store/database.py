"""edge's one SQLite file: WAL journal, schema versioned by ``PRAGMA user_version`` and migrated on open.

A file that is not SQLite, or is another program's SQLite database, is refused and never written to.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from edge.errors import EdgeError
from edge.store.connection import connect

APPLICATION_ID = 0x65646765
"""'edge' in ASCII, stored in the file header so a foreign database is recognised."""
SQLITE_MAGIC = b"SQLite format 3\x00"

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE timers (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('timer', 'alarm', 'reminder')),
        label TEXT,
        seconds REAL,
        created_at REAL NOT NULL,
        due_at REAL NOT NULL,
        remaining_s REAL,
        state TEXT NOT NULL CHECK (state IN ('running', 'paused', 'fired', 'cancelled')),
        fired_at REAL
    );
    CREATE INDEX timers_due ON timers (state, due_at);
    CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        list TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at REAL NOT NULL
    );
    CREATE INDEX notes_list ON notes (list, id);
    CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        at REAL NOT NULL,
        input_sha256 TEXT NOT NULL,
        route TEXT NOT NULL,
        intent TEXT,
        skill TEXT,
        confidence REAL,
        matched_by TEXT,
        models TEXT NOT NULL,
        fallbacks TEXT NOT NULL,
        latency_ms TEXT NOT NULL,
        cost_usd REAL NOT NULL DEFAULT 0,
        error TEXT
    );
    CREATE TABLE usage (
        model TEXT NOT NULL,
        month TEXT NOT NULL,
        calls INTEGER NOT NULL DEFAULT 0,
        errors INTEGER NOT NULL DEFAULT 0,
        prompt_tokens INTEGER NOT NULL DEFAULT 0,
        completion_tokens INTEGER NOT NULL DEFAULT 0,
        ms REAL NOT NULL DEFAULT 0,
        cost_usd REAL NOT NULL DEFAULT 0,
        PRIMARY KEY (model, month)
    );
    CREATE TABLE dead_letters (
        id INTEGER PRIMARY KEY,
        at REAL NOT NULL,
        request TEXT NOT NULL,
        route TEXT,
        attempts TEXT NOT NULL
    );
    """,
)


class StoreError(EdgeError):
    """The database file cannot be used as edge's store."""


class Database:
    """One connection shared by the runtime's threads, serialised by a lock."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).expanduser()
        self._check_foreign()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = connect(self.path, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA busy_timeout=5000")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} cannot be opened as a database ({exc})", _FIX) from None
        self._lock = threading.RLock()
        self._migrate()

    def _check_foreign(self) -> None:
        if not self.path.is_file() or self.path.stat().st_size == 0:
            return
        with self.path.open("rb") as f:
            header = f.read(100)
        if not header.startswith(SQLITE_MAGIC):
            raise StoreError(f"{self.path} is not a SQLite database", _FIX)
        application_id = int.from_bytes(header[68:72], "big")
        if application_id != APPLICATION_ID:
            raise StoreError(f"{self.path} is another program's SQLite database (application id {application_id:#x})", _FIX)

    def _migrate(self) -> None:
        with self.transaction() as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > len(MIGRATIONS):
                raise StoreError(
                    f"{self.path} has schema version {version}, newer than this edge knows ({len(MIGRATIONS)})",
                    "upgrade edge, or point store.path at another file",
                )
            for number, script in enumerate(MIGRATIONS[version:], version + 1):
                for statement in filter(str.strip, script.split(";")):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All statements inside commit together or not at all."""
        with self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.rollback()
                raise
            self.conn.commit()

    def execute(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> sqlite3.Cursor:
        with self.transaction() as conn:
            return conn.execute(sql, params)

    def query(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        with self._lock:
            cursor = self.conn.execute(sql, params)
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    @property
    def schema_version(self) -> int:
        return self.query("PRAGMA user_version")[0]["user_version"]

    def close(self) -> None:
        with self._lock:
            self.conn.close()


_FIX = "point store.path in the config at a new file (edge creates it), or move the file away; edge never overwrites it"
