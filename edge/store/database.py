"""edge's one SQLite file: WAL journal, schema versioned by ``PRAGMA user_version`` and migrated on open.

Deleted rows are overwritten (``secure_delete``): what is forgotten or pruned is not left in free pages.

A file that is not SQLite, or is another program's SQLite database, is refused and never written to.
"""

from __future__ import annotations

import hashlib
import resource
import shutil
import sqlite3
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from edge.errors import EdgeError
from edge.store.connection import connect, sqlite_driver

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
    """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        title TEXT,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime REAL NOT NULL,
        chunks INTEGER NOT NULL,
        added_at REAL NOT NULL,
        updated_at REAL NOT NULL
    );
    CREATE INDEX documents_sha256 ON documents (sha256);
    CREATE TABLE chunks (
        id INTEGER PRIMARY KEY,
        doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        heading TEXT NOT NULL,
        page INTEGER,
        tokens INTEGER NOT NULL,
        sha256 TEXT NOT NULL
    );
    CREATE INDEX chunks_doc ON chunks (doc_id, ordinal);
    CREATE INDEX chunks_sha256 ON chunks (sha256);
    CREATE VIRTUAL TABLE chunks_fts USING fts5 (
        text, content = 'chunks', content_rowid = 'id', tokenize = 'porter unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER chunks_fts_insert AFTER INSERT ON chunks BEGIN
        INSERT INTO chunks_fts (rowid, text) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER chunks_fts_delete AFTER DELETE ON chunks BEGIN
        INSERT INTO chunks_fts (chunks_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END;
    CREATE TABLE vector_spaces (
        name TEXT PRIMARY KEY,
        model TEXT NOT NULL,
        dim INTEGER NOT NULL
    );
    CREATE TABLE kb_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        version INTEGER NOT NULL
    );
    INSERT INTO kb_state (id, version) VALUES (1, 0);
    CREATE TABLE embedding_cache (
        model TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        vector BLOB NOT NULL,
        added_at REAL NOT NULL,
        PRIMARY KEY (model, sha256)
    ) WITHOUT ROWID;
    CREATE INDEX embedding_cache_added ON embedding_cache (added_at);
    CREATE TABLE answer_cache (
        id INTEGER PRIMARY KEY,
        question TEXT NOT NULL,
        normalized TEXT NOT NULL,
        route TEXT NOT NULL,
        answer TEXT NOT NULL,
        reply TEXT NOT NULL,
        kb_version INTEGER,
        created_at REAL NOT NULL,
        expires_at REAL NOT NULL,
        hits INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX answer_cache_normalized ON answer_cache (normalized, route);
    CREATE TABLE cache_counts (
        outcome TEXT PRIMARY KEY,
        count INTEGER NOT NULL
    );
    CREATE TABLE memory (
        id INTEGER PRIMARY KEY,
        conversation TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
        text TEXT NOT NULL,
        at REAL NOT NULL
    );
    CREATE INDEX memory_conversation ON memory (conversation, id);
    ALTER TABLE decisions ADD COLUMN handler TEXT;
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at REAL NOT NULL,
        event TEXT NOT NULL,
        detail TEXT NOT NULL
    );
    """,
    """
    CREATE TABLE egress (
        id INTEGER PRIMARY KEY,
        at REAL NOT NULL,
        host TEXT NOT NULL,
        route TEXT,
        provider TEXT NOT NULL,
        model TEXT NOT NULL,
        entities TEXT NOT NULL,
        payload_sha256 TEXT NOT NULL,
        payload_bytes INTEGER NOT NULL,
        prompt_tokens INTEGER,
        completion_tokens INTEGER,
        cost_usd REAL,
        outcome TEXT NOT NULL,
        leaks TEXT
    );
    CREATE INDEX egress_at ON egress (at);
    """,
    """
    CREATE TABLE lists (
        name TEXT PRIMARY KEY,
        created_at REAL NOT NULL
    );
    INSERT INTO lists (name, created_at) SELECT list, MIN(created_at) FROM notes WHERE list != 'notes' GROUP BY list;
    """,
    """
    ALTER TABLE timers ADD COLUMN repeat TEXT;
    """,
    """
    CREATE TABLE vector_snapshots (
        space TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        layout TEXT NOT NULL,
        saved_at REAL NOT NULL
    );
    CREATE TABLE vector_snapshot_parts (
        id INTEGER PRIMARY KEY,
        space TEXT NOT NULL,
        name TEXT NOT NULL,
        part INTEGER NOT NULL,
        data BLOB NOT NULL,
        UNIQUE (space, name, part)
    );
    CREATE TABLE chunk_changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        chunk_id INTEGER NOT NULL,
        added INTEGER NOT NULL
    );
    CREATE TRIGGER chunk_changes_insert AFTER INSERT ON chunks WHEN EXISTS (SELECT 1 FROM vector_snapshots) BEGIN
        INSERT INTO chunk_changes (chunk_id, added) VALUES (new.id, 1);
    END;
    CREATE TRIGGER chunk_changes_delete AFTER DELETE ON chunks WHEN EXISTS (SELECT 1 FROM vector_snapshots) BEGIN
        INSERT INTO chunk_changes (chunk_id, added) VALUES (old.id, 0);
    END;
    """,
    """
    CREATE TABLE dead_letters_hashed (
        id INTEGER PRIMARY KEY,
        at REAL NOT NULL,
        input_sha256 TEXT NOT NULL,
        route TEXT,
        attempts TEXT NOT NULL
    );
    INSERT INTO dead_letters_hashed (id, at, input_sha256, route, attempts)
        SELECT id, at, sha256_hex(request), route, attempts FROM dead_letters;
    DROP TABLE dead_letters;
    ALTER TABLE dead_letters_hashed RENAME TO dead_letters;
    """,
    """
    ALTER TABLE timers ADD COLUMN delivered_at REAL;
    UPDATE timers SET delivered_at = fired_at WHERE state = 'fired';
    """,
)


GROWTH_MARGIN = 1 << 20
"""A file this close to a size limit, or a disk with less free, cannot take the next write's pages."""


class StoreError(EdgeError):
    """The database file cannot be used as edge's store."""


class Database:
    """One connection shared by the runtime's threads, serialised by a lock."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).expanduser()
        self._check_foreign()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        driver = sqlite_driver()
        self._errors = driver.DatabaseError
        """sqlean's errors do not derive from sqlite3's: the driver's own are caught."""
        try:
            self.conn = connect(self.path, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA busy_timeout=5000")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA secure_delete=ON")
            self.conn.create_function("sha256_hex", 1, text_sha256, deterministic=True)
        except driver.DatabaseError as exc:
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
        application_id = int.from_bytes(header[68:72], "big") or self._application_id_in_wal()
        if application_id != APPLICATION_ID:
            raise StoreError(f"{self.path} is another program's SQLite database (application id {application_id:#x})", _FIX)

    def _application_id_in_wal(self) -> int:
        """A new file's header may still be in its write-ahead log; a read-only connection sees it there. It uses the
        store's own SQLite library: a second copy of SQLite in the process would not see this process's locks, and
        closing its connection would drop them."""
        if not self.path.with_name(self.path.name + "-wal").is_file():
            return 0
        driver = sqlite_driver()
        try:
            conn = driver.connect(f"{self.path.as_uri()}?mode=ro", uri=True)
            try:
                return conn.execute("PRAGMA application_id").fetchone()[0]
            finally:
                conn.close()
        except driver.DatabaseError:
            return 0

    def _migrate(self) -> None:
        """Writes only when the schema is behind, so opening a current store leaves its bytes alone."""
        version, application_id = (self.query(f"PRAGMA {name}")[0][name] for name in ("user_version", "application_id"))
        if version == len(MIGRATIONS) and application_id == APPLICATION_ID:
            return
        with self.transaction() as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > len(MIGRATIONS):
                raise StoreError(
                    f"{self.path} has schema version {version}, newer than this edge knows ({len(MIGRATIONS)})",
                    "upgrade edge, or point store.path at another file",
                )
            for number, script in enumerate(MIGRATIONS[version:], version + 1):
                for statement in _statements(script):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All statements inside commit together or not at all."""
        with self._lock, self._damage():
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.rollback()
                raise
            self.conn.commit()

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """Reads inside see one state of the file, whatever other processes write meanwhile."""
        with self._lock, self._damage():
            self.conn.execute("BEGIN")
            try:
                yield self.conn
            finally:
                self.conn.rollback()

    @contextmanager
    def _damage(self) -> Iterator[None]:
        """A damaged page turns up as an error from SQLite or sqlite-vec only when it is read."""
        try:
            yield
        except self._errors as exc:
            if type(exc).__name__ in ("IntegrityError", "ProgrammingError", "InterfaceError"):
                raise
            if "locked" in str(exc):
                raise StoreError(f"{self.path} is busy ({exc})", "another process held it for over 5 s: try again") from exc
            if "full" in str(exc) or (blocked := self._growth_blocked()):
                why = f"{blocked}: " if "full" not in str(exc) else ""
                raise StoreError(
                    f"{self.path} cannot grow ({why}{exc})",
                    "free space on its disk, or raise the file size limit; what this step wrote was rolled back, so try again",
                ) from exc
            raise StoreError(
                f"{self.path} failed a read or write ({exc})",
                "if it persists the file is damaged: `edge doctor` checks it; restore a backup or move the file away "
                "and edge starts a new one (it never overwrites it)",
            ) from exc

    def _growth_blocked(self) -> str | None:
        """Why the store's files cannot grow, when SQLite reports a write error that is that and not damage: past a
        file size limit a write fails with EFBIG, which SQLite calls a disk I/O error."""
        files = [p for p in (self.path, self.path.with_name(self.path.name + "-wal")) if p.exists()]
        limit, _ = resource.getrlimit(resource.RLIMIT_FSIZE)
        if limit != resource.RLIM_INFINITY and any(p.stat().st_size + GROWTH_MARGIN > limit for p in files):
            return f"the file size limit of {limit:,} bytes is reached"
        free = shutil.disk_usage(self.path.parent).free
        return f"its disk has {free:,} bytes free" if free < GROWTH_MARGIN else None

    def execute(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> sqlite3.Cursor:
        with self.transaction() as conn:
            return conn.execute(sql, params)

    def query(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> list[dict[str, Any]]:
        with self._lock, self._damage():
            cursor = self.conn.execute(sql, params)
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def batches(self, sql: str, size: int, params: tuple[Any, ...] = ()) -> Iterator[list[tuple[Any, ...]]]:
        """A large result ``size`` rows at a time, without holding it all in memory."""
        with self._lock, self._damage():
            cursor = self.conn.execute(sql, params)
            while rows := cursor.fetchmany(size):
                yield rows

    def file_bytes(self) -> int:
        """The file and its write-ahead log."""
        files = (self.path, self.path.with_name(self.path.name + "-wal"))
        return sum(f.stat().st_size for f in files if f.is_file())

    def vacuum(self) -> None:
        """Rewrites the file without its free pages, then empties the write-ahead log."""
        with self._lock, self._damage():
            self.conn.execute("VACUUM")
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    @property
    def schema_version(self) -> int:
        return self.query("PRAGMA user_version")[0]["user_version"]

    def close(self) -> None:
        with self._lock:
            self.conn.close()


def text_sha256(text: str) -> str:
    """How the store names a request without keeping it: decisions and dead letters hold this, never the text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The rowid of the row an INSERT added (sqlite3 types ``lastrowid`` as optional: it is None before any insert)."""
    if cursor.lastrowid is None:
        raise ValueError("the statement inserted no row")
    return cursor.lastrowid


def _statements(script: str) -> Iterator[str]:
    """The script's statements one by one (``executescript`` would commit the open transaction)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending
            pending = ""
    if pending.strip():
        yield pending


_FIX = "point store.path in the config at a new file (edge creates it), or move the file away; edge never overwrites it"
