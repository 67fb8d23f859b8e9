import sqlite3

import pytest

from edge.store.database import APPLICATION_ID, MIGRATIONS, Database, StoreError, text_sha256
from tests.store.old_stores import migration_adding, store_at_version


def test_a_new_file_gets_the_whole_schema_in_wal_mode(tmp_path):
    db = Database(tmp_path / "sub" / "edge.db")
    assert db.schema_version == len(MIGRATIONS)
    assert db.query("PRAGMA journal_mode")[0]["journal_mode"] == "wal"
    assert db.query("PRAGMA application_id")[0]["application_id"] == APPLICATION_ID
    tables = {r["name"] for r in db.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"timers", "notes", "decisions", "usage", "dead_letters"} <= tables


def test_reopening_keeps_the_data(tmp_path):
    db = Database(tmp_path / "edge.db")
    db.execute("INSERT INTO notes (list, text, created_at) VALUES ('notes', 'keep me', 0)")
    db.close()
    again = Database(tmp_path / "edge.db")
    assert [r["text"] for r in again.query("SELECT text FROM notes")] == ["keep me"]


def test_a_failed_transaction_leaves_nothing_behind(tmp_path):
    db = Database(tmp_path / "edge.db")
    with pytest.raises(RuntimeError), db.transaction() as conn:
        conn.execute("INSERT INTO notes (list, text, created_at) VALUES ('notes', 'half', 0)")
        raise RuntimeError("crash mid-way")
    assert db.query("SELECT COUNT(*) AS n FROM notes")[0]["n"] == 0


def test_a_file_that_is_not_sqlite_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("my precious notes\n")
    with pytest.raises(StoreError, match="not a SQLite database") as err:
        Database(path)
    assert "never overwrites" in err.value.fix
    assert path.read_text() == "my precious notes\n"


def test_another_programs_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="another program's SQLite database"):
        Database(path)
    assert path.read_bytes() == before


def test_a_schema_newer_than_this_edge_is_refused(tmp_path):
    db = Database(tmp_path / "edge.db")
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    db.close()
    with pytest.raises(StoreError, match="newer than this edge"):
        Database(tmp_path / "edge.db")


def test_damaged_pages_are_reported_as_a_store_error_and_the_file_left_alone(tmp_path):
    path = tmp_path / "edge.db"
    db = Database(path)
    with db.transaction() as conn:
        for n in range(3000):
            conn.execute("INSERT INTO notes (list, text, created_at) VALUES ('notes', ?, 0)", (f"note number {n} " * 4,))
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(path.read_bytes())
    quarter = len(data) // 4
    data[quarter : 3 * quarter] = b"\xff" * (2 * quarter)
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError) as err:
        Database(path).query("SELECT COUNT(*), SUM(LENGTH(text)) FROM notes")
    assert "damaged" in err.value.fix or "cannot be opened" in err.value.message
    assert path.read_bytes() == bytes(data)


def test_opening_a_current_store_does_not_write_to_it(tmp_path):
    path = tmp_path / "edge.db"
    Database(path).close()
    before = path.read_bytes()
    Database(path).close()
    assert path.read_bytes() == before


def test_dead_letters_written_by_an_older_edge_keep_the_request_hash_and_lose_its_text(tmp_path):
    old = store_at_version(tmp_path / "edge.db", migration_adding("CREATE TABLE dead_letters_hashed"))
    old.execute("INSERT INTO dead_letters (at, request, route, attempts) VALUES (1, 'call Ada on 555 0100', 'chat', '[]')")
    old.commit()
    old.close()
    db = Database(tmp_path / "edge.db")
    assert db.query("SELECT input_sha256, route, attempts FROM dead_letters") == [
        {"input_sha256": text_sha256("call Ada on 555 0100"), "route": "chat", "attempts": "[]"}
    ]
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert b"call Ada" not in (tmp_path / "edge.db").read_bytes()


def test_deleted_text_is_not_left_in_the_file(tmp_path):
    db = Database(tmp_path / "edge.db")
    with db.transaction() as conn:
        conn.executemany(
            "INSERT INTO memory (conversation, role, text, at) VALUES ('c', 'user', ?, 0)",
            [(f"my card is 4111 1111 1111 1111, note {i}",) for i in range(2_000)],
        )
    db.execute("DELETE FROM memory")
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    files = [tmp_path / "edge.db", tmp_path / "edge.db-wal"]
    assert not any(b"4111 1111" in f.read_bytes() for f in files if f.exists())
