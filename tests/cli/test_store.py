import time

from edge.store.database import Database
from tests.cli.runner import edge_cli, jsonl


def store_with_old_records(path, n=2_000):
    db = Database(path)
    long_ago = time.time() - 400 * 86400
    with db.transaction() as conn:
        conn.executemany(
            "INSERT INTO memory (conversation, role, text, at) VALUES ('c', 'user', ?, ?)",
            [("a turn of a conversation long ago " * 20, long_ago)] * n,
        )
        conn.execute("INSERT INTO memory (conversation, role, text, at) VALUES ('c', 'user', 'today', ?)", (time.time(),))
    db.close()


def test_store_size_lists_each_table_that_grows_with_its_rows_and_limit(tmp_path):
    store_with_old_records(tmp_path / "edge.db", n=3)
    shown = edge_cli("store", "size", env={"EDGE_STORE__PATH": str(tmp_path / "edge.db")})
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert lines[0].startswith(f"{tmp_path / 'edge.db'}: ") and lines[0].endswith(" MB")
    assert any(line.split()[:2] == ["memory", "4"] and "90 days, at most 50,000 rows" in line for line in lines)
    assert any(line.startswith("egress") and "never cut by count" in line for line in lines)


def test_store_vacuum_removes_what_is_past_retention_and_gives_the_space_back(tmp_path):
    path = tmp_path / "edge.db"
    store_with_old_records(path)
    (done,) = jsonl(edge_cli("store", "vacuum", "--json", env={"EDGE_STORE__PATH": str(path)}))
    assert done["removed"] == {"memory": 2_000}
    assert done["bytes_after"] < done["bytes_before"] / 4
    left = Database(path).query("SELECT text FROM memory")
    assert left == [{"text": "today"}]


def test_doctor_reports_the_store_size_and_its_largest_tables(tmp_path):
    store_with_old_records(tmp_path / "edge.db", n=3)
    checks = {c["name"]: c for c in jsonl(edge_cli("doctor", "--json", env={"EDGE_STORE__PATH": str(tmp_path / "edge.db")}))}
    assert checks["store size"]["status"] == "ok"
    assert "memory 4" in checks["store size"]["detail"] and " MB" in checks["store size"]["detail"]
