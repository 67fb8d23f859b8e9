"""A store that cannot be written: its disk full (SQLite's max_page_count stands in for the disk) or held by another
writer past the busy timeout. Answers still come, what was kept before stays whole, the user is told what was not
saved and how to fix it, and once the fault is gone the next request works."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from edge.config import load_settings
from edge.router import Handled, Router
from edge.runtime import Runtime
from edge.store.database import Database, StoreError


@pytest.fixture
def router(runtime, db):
    settings = load_settings(env={}, data_dir=runtime.settings.data_dir)
    own = Runtime(settings)
    own.engines = runtime.engines
    return Router(own, db=db)


def fill_the_disk(db: Database) -> None:
    """No page may be added and every table that a turn writes has no room left in its pages."""
    pages = db.query("PRAGMA page_count")[0]["page_count"]
    db.conn.execute(f"PRAGMA max_page_count = {pages}")
    filler = [
        "INSERT INTO decisions (at, input_sha256, route, models, fallbacks, latency_ms) VALUES (?, ?, 'x', '[]', '[]', '{}')",
        "INSERT INTO notes (created_at, text, list) VALUES (?, ?, 'filler')",
        "INSERT INTO audit (at, detail, event) VALUES (?, ?, 'filler')",
    ]
    for sql in filler:
        for size in (2_000, 200, 20, 1):
            try:
                while True:
                    db.execute(sql, (time.time(), "x" * size))
            except StoreError:
                continue


def free_the_disk(db: Database) -> None:
    db.conn.execute("PRAGMA max_page_count = 1073741823")


def test_a_full_disk_during_ingest_keeps_the_documents_already_in_and_names_the_fix(router, db, tmp_path):
    first = tmp_path / "boat.md"
    first.write_text("The sailboat Marigold is moored at berth 17 in the north harbour.\n")
    assert not router.knowledge.add([first]).failed
    big = tmp_path / "manual.md"
    big.write_text("\n\n".join(f"Step {i}: turn valve {i} a quarter turn clockwise and wait." for i in range(3_000)))
    fill_the_disk(db)

    with pytest.raises(StoreError, match="cannot grow") as caught:
        router.knowledge.add([big])
    assert "free space" in caught.value.fix
    assert [d.source for d in router.knowledge.documents()] == [str(first)]
    assert "berth 17" in router.knowledge.search("where is the Marigold", k=1)[0].text

    free_the_disk(db)
    again = router.knowledge.add([first, big])
    assert not again.failed and [d.source for d in router.knowledge.documents()] == sorted([str(first), str(big)])


def test_a_full_disk_when_the_decision_is_written_still_gives_the_answer_and_says_it_was_not_saved(router, db):
    fill_the_disk(db)
    decisions = db.query("SELECT COUNT(*) AS n FROM decisions")[0]["n"]
    reply = router.ask("what is 12 times 7")
    assert "84" in reply.text and reply.handler is Handled.SKILL
    assert reply.notice is not None and reply.notice.startswith("This turn was not saved") and "free space" in reply.notice
    assert db.query("SELECT COUNT(*) AS n FROM decisions")[0]["n"] == decisions

    free_the_disk(db)
    after = router.ask("what is 12 times 8")
    assert "96" in after.text and after.notice is None
    assert db.query("SELECT COUNT(*) AS n FROM decisions")[0]["n"] == decisions + 1


HOLD = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("BEGIN IMMEDIATE")
print("held", flush=True)
sys.stdin.read()
conn.rollback()
"""


def test_a_store_held_by_another_writer_past_the_busy_timeout_is_one_error_and_the_retry_works(router, db, tmp_path):
    """The other writer is another process, as it would be: SQLite's locks do not hold between two copies of the
    library inside one process."""
    writer = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(tmp_path / "edge.db")], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline() == "held\n"
        with pytest.raises(StoreError, match="busy") as caught:
            router.ask("set a timer for 7 minutes")
        assert "try again" in caught.value.fix
        answered = router.ask("what is 12 times 7")
        assert "84" in answered.text and "busy" in (answered.notice or "")
    finally:
        writer.communicate("", timeout=30)
    retried = router.ask("set a timer for 7 minutes")
    assert retried.handler is Handled.SKILL
    assert db.query("SELECT COUNT(*) AS n FROM timers WHERE state = 'running'")[0]["n"] == 1


LIMITED = """
import resource, sys
from pathlib import Path
from edge.router import Router
from edge.runtime import Runtime
from edge.store.database import Database, StoreError

folder = Path(sys.argv[1])
router = Router(Runtime(), db=Database(folder / "edge.db"))
router.knowledge.add([folder / "boat.md"])
largest = max(p.stat().st_size for p in folder.glob("edge.db*"))
resource.setrlimit(resource.RLIMIT_FSIZE, (largest + 256 * 1024, resource.RLIM_INFINITY))
try:
    router.knowledge.add([folder / "manual.md"])
except StoreError as exc:
    print(exc)
print(router.ask("what is 12 times 7").text)
print(*[d.source for d in router.knowledge.documents()])
"""


@pytest.mark.models
def test_a_file_size_limit_during_ingest_is_named_not_taken_for_damage(tmp_path):
    """Past ``ulimit -f`` a write fails with EFBIG, which SQLite reports as a disk I/O error, not a full disk."""
    (tmp_path / "boat.md").write_text("The sailboat Marigold is moored at berth 17 in the north harbour.\n")
    (tmp_path / "manual.md").write_text("\n\n".join(f"Step {i}: turn valve {i} a quarter turn and wait." for i in range(3_000)))
    run = subprocess.run([sys.executable, "-c", LIMITED, str(tmp_path)], capture_output=True, text=True, timeout=300)
    error, answer, documents = run.stdout.splitlines()
    assert "cannot grow (the file size limit of" in error and "free space on its disk" in error
    assert "damaged" not in error
    assert answer == "12 times 7 is 84." and documents == str(tmp_path / "boat.md")
    assert Database(tmp_path / "edge.db").query("PRAGMA quick_check")[0]["quick_check"] == "ok"
