"""Store files as an older edge left them, to test the migrations that bring them up to date."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from edge.store.database import APPLICATION_ID, MIGRATIONS, text_sha256


def migration_adding(fragment: str) -> int:
    """The number of migrations before the one whose script holds ``fragment``."""
    return next(number for number, script in enumerate(MIGRATIONS) if fragment in script)


def store_at_version(path: Path, version: int) -> sqlite3.Connection:
    """A new store file with only the first ``version`` migrations applied, open for writing old rows into."""
    conn = sqlite3.connect(path)
    conn.create_function("sha256_hex", 1, text_sha256, deterministic=True)
    for script in MIGRATIONS[:version]:
        conn.executescript(script)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.commit()
    return conn
