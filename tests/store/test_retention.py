import json
from datetime import datetime, timezone

import pytest

from edge.config import RetentionSettings
from edge.store.database import Database
from edge.store.retention import DAY_S, Retention, first_kept_month

NOW = datetime(2026, 12, 7, 12, tzinfo=timezone.utc).timestamp()


@pytest.fixture
def db(tmp_path):
    return Database(tmp_path / "edge.db")


def retention(db, **settings):
    return Retention(db, RetentionSettings(**settings), clock=lambda: NOW)


def add(db, table, days_ago, n=1):
    at = NOW - days_ago * DAY_S
    rows = {
        "decisions": (
            "INSERT INTO decisions (at, input_sha256, route, models, fallbacks, latency_ms)"
            " VALUES (?, 'x', 'chat', '[]', '[]', '{}')"
        ),
        "dead_letters": "INSERT INTO dead_letters (at, input_sha256, route, attempts) VALUES (?, 'x', 'chat', '[]')",
        "memory": "INSERT INTO memory (conversation, role, text, at) VALUES ('c', 'user', 'x', ?)",
        "audit": "INSERT INTO audit (at, event, detail) VALUES (?, 'add', '{}')",
        "egress": (
            "INSERT INTO egress (at, host, provider, model, entities, payload_sha256, payload_bytes, outcome)"
            " VALUES (?, 'h', 'openai', 'm', '{}', 'x', 1, 'ok')"
        ),
    }[table]
    with db.transaction() as conn:
        conn.executemany(rows, [(at,)] * n)


def count(db, table, where="1"):
    return db.query(f"SELECT COUNT(*) AS n FROM {table} WHERE {where}")[0]["n"]


@pytest.mark.parametrize("table", ["decisions", "dead_letters", "memory", "audit", "egress"])
def test_rows_older_than_their_age_go_and_newer_ones_stay(db, table):
    add(db, table, days_ago=400)
    add(db, table, days_ago=1)
    removed = retention(db).prune()
    assert removed[table] == 1
    assert count(db, table, "event != 'retention'" if table == "audit" else "1") == 1


def test_a_table_past_its_row_count_loses_its_oldest_rows_first(db):
    add(db, "decisions", days_ago=3, n=5)
    add(db, "decisions", days_ago=1, n=5)
    retention(db, decisions_rows=5).prune()
    assert count(db, "decisions") == 5
    assert count(db, "decisions", f"at < {NOW - 2 * DAY_S}") == 0


def test_the_egress_record_is_never_cut_by_count(db):
    add(db, "egress", days_ago=1, n=50)
    retention(db, decisions_rows=1, dead_letters_rows=1, memory_rows=1, batch_rows=10).prune_all()
    assert count(db, "egress") == 50


def test_a_running_timer_stays_however_old_and_a_fired_one_goes_after_its_age_once_it_was_heard(db):
    long_ago = NOW - 100 * DAY_S
    with db.transaction() as conn:
        for state, fired, told in (
            ("running", None, None),
            ("paused", None, None),
            ("fired", long_ago, long_ago),
            ("fired", long_ago, None),
            ("cancelled", None, None),
        ):
            conn.execute(
                "INSERT INTO timers (kind, created_at, due_at, state, fired_at, delivered_at) VALUES ('timer', ?, ?, ?, ?, ?)",
                (long_ago, long_ago, state, fired, told),
            )
    assert retention(db).prune()["timers"] == 2
    assert sorted(r["state"] for r in db.query("SELECT state FROM timers")) == ["fired", "paused", "running"]


def test_usage_keeps_this_month_and_the_months_before_it_up_to_the_setting(db):
    with db.transaction() as conn:
        for month in ("2024-12", "2025-01", "2026-12"):
            conn.execute("INSERT INTO usage (model, month, calls) VALUES ('llm', ?, 1)", (month,))
    retention(db, usage_months=24).prune()
    assert [r["month"] for r in db.query("SELECT month FROM usage ORDER BY month")] == ["2025-01", "2026-12"]


@pytest.mark.parametrize(("months", "first"), [(1, "2026-12"), (12, "2026-01"), (13, "2025-12"), (24, "2025-01")])
def test_the_first_month_kept_counts_back_across_years(months, first):
    assert first_kept_month(NOW, months) == first


def test_a_pass_removes_one_batch_per_table_and_prune_all_finishes_the_job(db):
    add(db, "memory", days_ago=400, n=25)
    keeper = retention(db, batch_rows=10)
    assert keeper.prune() == {"memory": 10}
    assert keeper.prune_all() == {"memory": 15}
    assert count(db, "memory") == 0


def test_every_pass_that_removes_rows_says_so_in_the_audit(db):
    add(db, "decisions", days_ago=400, n=3)
    add(db, "egress", days_ago=400, n=2)
    keeper = retention(db)
    keeper.prune()
    keeper.prune()
    records = db.query("SELECT detail FROM audit WHERE event = 'retention'")
    assert [json.loads(r["detail"]) for r in records] == [{"removed": {"decisions": 3, "egress": 2}}]


def test_ticks_prune_once_per_interval_unless_a_pass_left_rows_behind(db):
    add(db, "memory", days_ago=400, n=25)
    keeper = retention(db, batch_rows=10, interval_s=3600)
    assert [keeper.tick() for _ in range(4)] == [{"memory": 10}, {"memory": 10}, {"memory": 5}, {}]
    add(db, "memory", days_ago=400)
    assert keeper.tick() == {}
    assert count(db, "memory") == 1


def test_a_long_job_is_many_short_transactions(db):
    """No writer waits behind the whole job: each batch of rows commits on its own."""
    add(db, "decisions", days_ago=400, n=5_000)
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    retention(db, batch_rows=500).prune_all()
    db.conn.set_trace_callback(None)
    assert count(db, "decisions") == 0
    deletes = [i for i, sql in enumerate(statements) if sql.startswith("DELETE FROM decisions")]
    assert len(deletes) >= 5_000 / 500
    assert all(statements[i - 1] == "BEGIN IMMEDIATE" and statements[i + 1] == "COMMIT" for i in deletes)


def test_sizes_report_rows_and_the_oldest_row_of_each_table(db):
    add(db, "memory", days_ago=10, n=3)
    sizes = {s.table: s for s in retention(db).sizes()}
    assert sizes["memory"].rows == 3 and sizes["memory"].oldest == pytest.approx(NOW - 10 * DAY_S)
    assert sizes["egress"].rows == 0 and "never cut by count" in sizes["egress"].limit
    assert sizes["usage"].oldest is None
