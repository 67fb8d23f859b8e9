"""The knowledge base's vector index saved in the store, so a large one is searchable a moment after start
instead of after every vector is read from sqlite-vec and quantized again (17 s for a million).

Chunks added or removed after a save are logged by triggers (``chunk_changes``) and applied on load; a save
starts the log afresh.
"""

from __future__ import annotations

import json
import logging
import math
import sqlite3
import time
from dataclasses import dataclass

import numpy as np

from edge.store.database import Database
from edge.store.vectors import VectorIndex, VectorSpace

log = logging.getLogger(__name__)

SNAPSHOT_MIN = 20_000
"""Vectors from which the index is saved: below, reading them from sqlite-vec takes under half a second."""
PART_BYTES = 32 * 2**20
"""Arrays are written in parts of this size, so neither side holds a second copy of a large one."""
READ_BATCH = 500


@dataclass(frozen=True)
class Saved:
    index: VectorIndex
    version: int
    """The knowledge base's version the index holds."""
    lag: int
    """Changes logged since the save, applied on load."""


def save(db: Database, space: VectorSpace, index: VectorIndex, version: int) -> bool:
    """Save ``index``, which holds the knowledge base at ``version``; False, and nothing written, when the
    store has moved past that version since."""
    arrays = index.arrays()
    with db.transaction() as conn:
        if conn.execute("SELECT version FROM kb_state").fetchone()[0] != version:
            return False
        conn.execute("DELETE FROM vector_snapshot_parts WHERE space = ?", (space.table,))
        shapes = {}
        for name, array in arrays.items():
            data = np.ascontiguousarray(array)
            shapes[name] = {"dtype": data.dtype.str, "shape": list(data.shape)}
            flat = data.reshape(-1).view(np.uint8)
            for part, start in enumerate(range(0, max(len(flat), 1), PART_BYTES)):
                conn.execute(
                    "INSERT INTO vector_snapshot_parts (space, name, part, data) VALUES (?, ?, ?, ?)",
                    (space.table, name, part, flat[start : start + PART_BYTES].tobytes()),
                )
        seq = _last_seq(conn)
        conn.execute(
            "INSERT OR REPLACE INTO vector_snapshots (space, seq, layout, saved_at) VALUES (?, ?, ?, ?)",
            (space.table, seq, json.dumps({"model": space.model, "arrays": shapes}), time.time()),
        )
        conn.execute("DELETE FROM chunk_changes WHERE seq <= ?", (seq,))
    return True


def load(db: Database, space: VectorSpace, oversample: int) -> Saved | None:
    """The saved index with the changes logged since applied; None when none was saved for this space."""
    with db.reading() as conn:
        row = conn.execute("SELECT seq, layout FROM vector_snapshots WHERE space = ?", (space.table,)).fetchone()
        if row is None:
            return None
        try:
            seq, layout = row[0], json.loads(row[1])
            if layout["model"] != space.model:
                return None
            shapes = layout["arrays"]
            arrays = {name: _read_array(conn, space.table, name, s["dtype"], s["shape"]) for name, s in shapes.items()}
            index = VectorIndex.from_arrays(arrays, oversample)
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("the saved vector index is damaged (%s): reading every vector instead, and saving it again", exc)
            return None
        lag = _apply_changes(conn, space, index, seq)
        version = conn.execute("SELECT version FROM kb_state").fetchone()[0]
    return Saved(index, version, lag)


def changes_since(db: Database, space: VectorSpace) -> int | None:
    """Changes logged since the last save; None when nothing is saved."""
    rows = db.query("SELECT seq FROM vector_snapshots WHERE space = ?", (space.table,))
    if not rows:
        return None
    return db.query("SELECT COUNT(*) AS n FROM chunk_changes WHERE seq > ?", (rows[0]["seq"],))[0]["n"]


def due(vectors: int, lag: int | None) -> bool:
    """Whether an index of ``vectors`` with ``lag`` changes logged since its save (None: never saved) is
    saved again: applying the log at start stays well under a second."""
    if vectors < SNAPSHOT_MIN:
        return False
    return lag is None or lag > max(2_000, math.ceil(vectors / 20))


def forget(conn: sqlite3.Connection, table: str) -> None:
    """Drop the saved index of ``table`` (its vectors are about to be replaced)."""
    conn.execute("DELETE FROM vector_snapshot_parts WHERE space = ?", (table,))
    conn.execute("DELETE FROM vector_snapshots WHERE space = ?", (table,))
    conn.execute("DELETE FROM chunk_changes")


def _read_array(conn: sqlite3.Connection, table: str, name: str, dtype: str, shape: list[int]) -> np.ndarray:
    array = np.empty(shape, dtype=np.dtype(dtype))
    flat = array.reshape(-1).view(np.uint8)
    filled = 0
    for (data,) in conn.execute(
        "SELECT data FROM vector_snapshot_parts WHERE space = ? AND name = ? ORDER BY part", (table, name)
    ):
        flat[filled : filled + len(data)] = np.frombuffer(data, dtype=np.uint8)
        filled += len(data)
    if filled != flat.nbytes:
        raise ValueError(f"the saved {name} array holds {filled} bytes, not {flat.nbytes}")
    return array


def _apply_changes(conn: sqlite3.Connection, space: VectorSpace, index: VectorIndex, seq: int) -> int:
    """Remove every chunk the log names, then add back those whose last change added them; returns the
    number of changes."""
    last: dict[int, int] = {}
    changes = 0
    for chunk_id, added in conn.execute("SELECT chunk_id, added FROM chunk_changes WHERE seq > ? ORDER BY seq", (seq,)):
        last[chunk_id] = added
        changes += 1
    if not last:
        return 0
    index.remove(list(last))
    added_ids = [chunk_id for chunk_id, added in last.items() if added]
    for start in range(0, len(added_ids), READ_BATCH):
        batch = added_ids[start : start + READ_BATCH]
        rows = conn.execute(
            f"SELECT id, embedding FROM {space.table} WHERE id IN ({','.join('?' * len(batch))})", batch
        ).fetchall()
        if rows:
            vectors = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32).reshape(-1, space.dim)
            index.add(np.array([r[0] for r in rows], dtype=np.int64), vectors)
    return changes


def _last_seq(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'chunk_changes'").fetchone()
    return row[0] if row else 0
