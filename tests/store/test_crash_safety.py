"""The store survives what happens to real files: an ingest killed half-way, readers searching while a writer
ingests, and a store path that points at something that is not edge's database."""

from __future__ import annotations

import hashlib
import json
import math
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from edge.config import KnowledgeSettings
from edge.store.connection import connect
from edge.store.database import Database
from edge.store.knowledge import Hit, KnowledgeBase
from tests.store.samples import mixed_folder

LIBRARY_FILES = 150
"""About 550 chunks at the default chunk size: three embedder batches, so the files are committed in three
bursts several seconds apart and a kill lands between documents or inside one's transaction."""

THINGS = {
    "kitchen": ["espresso machine", "dishwasher", "oven", "kettle", "fridge", "blender", "induction hob", "coffee grinder"],
    "garden": ["tomato bed", "compost heap", "apple tree", "lawn mower", "greenhouse", "rain barrel", "hedge", "rose bush"],
    "office": ["expense report", "laptop", "travel booking", "quarterly review", "onboarding checklist", "security badge"],
    "car": ["winter tyres", "oil filter", "brake pads", "battery", "windscreen wipers", "charging cable", "roof rack"],
    "health": ["vaccination record", "blood pressure log", "running plan", "sleep diary", "physiotherapy routine", "eye test"],
}
VERBS = ["check", "clean", "replace", "inspect", "adjust", "log", "order parts for", "book a service for", "measure", "update"]
WHEN = ["every Monday", "once a month", "after each use", "before winter", "every 200 hours", "twice a year", "in spring"]
WHY = [
    "to keep it working well",
    "so the warranty stays valid",
    "because the manual says so",
    "to avoid a costly repair",
    "as the inspector asked",
    "to save energy",
]
DETAILS = [
    "Use a soft cloth and warm water, never a scouring pad.",
    "Write the date and your initials in the log book by the door.",
    "Ask {name} for the spare key; it hangs in the hall cupboard.",
    "The replacement part is number {n} and costs about {m} euros.",
    "It takes about {m} minutes if the tools are ready.",
    "Keep the receipt in the blue folder on the second shelf.",
    "Call the service line on extension {n} if anything rattles.",
    "{name} did it last time and noted that the screws were loose.",
]
NAMES = ["Ana", "Bruno", "Chloe", "Dmitri", "Eva", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Keiko", "Luca"]


def write_library(root: Path, count: int = LIBRARY_FILES) -> Path:
    """``count`` distinct household and office notes, half Markdown with headings, half plain text, each with
    a few paragraphs and a serial number (``SN-00042``) found in no other file."""
    for i in range(count):
        rng = random.Random(i)
        area = rng.choice(sorted(THINGS))
        thing = rng.choice(THINGS[area])
        paragraphs = []
        for _ in range(rng.randint(3, 5)):
            sentences = []
            for _ in range(rng.randint(3, 6)):
                other = rng.choice(THINGS[area])
                sentences.append(f"{rng.choice(VERBS).capitalize()} the {other} {rng.choice(WHEN)} {rng.choice(WHY)}.")
                detail = rng.choice(DETAILS)
                sentences.append(detail.format(name=rng.choice(NAMES), n=rng.randint(100, 9999), m=rng.randint(5, 90)))
            paragraphs.append(" ".join(sentences))
        paragraphs[0] = f"The {thing} has serial number SN-{i:05d}. " + paragraphs[0]
        title = f"{thing.capitalize()}: notes {i}"
        folder = root / area
        folder.mkdir(parents=True, exist_ok=True)
        if i % 2:
            headings = [rng.choice(["Routine", "Parts", "History", "Contacts"]) for _ in paragraphs]
            body = "\n\n".join(f"## {h} {k}\n\n{p}" for k, (h, p) in enumerate(zip(headings, paragraphs, strict=True)))
            (folder / f"{thing.replace(' ', '-')}-{i:03d}.md").write_text(f"# {title}\n\n{body}\n")
        else:
            (folder / f"{thing.replace(' ', '-')}-{i:03d}.txt").write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n")
    return root


def library_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def store_env(store: Path) -> dict[str, str]:
    return {**os.environ, "EDGE_STORE__PATH": str(store)}


def edge_cli(store: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "edge.cli", *args], capture_output=True, timeout=300, env=store_env(store), check=False
    )


def start_ingest(store: Path, folder: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "edge.cli", "kb", "add", "--json", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=store_env(store),
    )


def one_line_error(result: subprocess.CompletedProcess) -> str:
    err = result.stderr.decode()
    assert "Traceback" not in err, err
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and "Fix:" in lines[0], err
    return lines[0]


def committed_documents(store: Path) -> int:
    """Documents committed so far, read through a read-only connection that never waits for the writer."""
    try:
        conn = sqlite3.connect(f"{store.as_uri()}?mode=ro", uri=True, timeout=0)
    except sqlite3.Error:
        return 0
    try:
        return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0
    finally:
        conn.close()


def snapshot(store: Path) -> dict[str, dict]:
    """Every document with its chunks, after checking that each is whole: all its chunks with ordinals
    0..n-1, each chunk with exactly one vector and one full-text entry. Opens the file read-only."""
    conn = connect(f"{store.as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        chunk_ids = [r[0] for r in conn.execute("SELECT id FROM chunks")]
        vector_ids = [r[0] for r in conn.execute("SELECT id FROM chunk_vectors")]
        conn.execute("CREATE VIRTUAL TABLE temp.fts_rows USING fts5vocab(main, chunks_fts, instance)")
        fts_ids = [r[0] for r in conn.execute("SELECT DISTINCT doc FROM temp.fts_rows")]
        assert len(vector_ids) == len(set(vector_ids)) and sorted(vector_ids) == sorted(chunk_ids)
        assert sorted(fts_ids) == sorted(chunk_ids)
        sources = [r[0] for r in conn.execute("SELECT source FROM documents")]
        assert len(sources) == len(set(sources))
        twice = conn.execute("SELECT doc_id, ordinal FROM chunks GROUP BY doc_id, ordinal HAVING COUNT(*) > 1").fetchall()
        assert twice == [], "chunks stored twice"
        documents = {}
        for doc_id, source, sha256, declared, added_at in conn.execute(
            "SELECT id, source, sha256, chunks, added_at FROM documents"
        ).fetchall():
            chunks = conn.execute("SELECT id, ordinal, sha256 FROM chunks WHERE doc_id = ? ORDER BY ordinal", (doc_id,))
            chunks = chunks.fetchall()
            assert [c[1] for c in chunks] == list(range(declared)) and declared > 0, source
            documents[source] = {"id": doc_id, "sha256": sha256, "added_at": added_at, "chunks": chunks}
        assert sum(len(d["chunks"]) for d in documents.values()) == len(chunk_ids), "chunks without a document"
        return documents
    finally:
        conn.close()


def fts_integrity_check(store: Path) -> None:
    """FTS5's own check of the index against the chunks table (rank 1); raises when they disagree."""
    conn = connect(store)
    try:
        conn.execute("INSERT INTO chunks_fts (chunks_fts, rank) VALUES ('integrity-check', 1)")
    finally:
        conn.close()


def kill_mid_ingest(store: Path, folder: Path, total: int) -> int:
    """Start ``edge kb add folder`` and SIGKILL it once some but not all documents are committed."""
    writer = start_ingest(store, folder)
    started = time.monotonic()
    try:
        while (committed := committed_documents(store)) in (0, total):
            if writer.poll() is not None:
                pytest.fail(
                    f"`edge kb add` exited ({writer.returncode}) after {time.monotonic() - started:.1f} s before it could be"
                    f" killed half-way ({committed} of {total} documents committed): raise LIBRARY_FILES so the ingest"
                    f" is slower. stderr: {writer.stderr.read().decode()[-500:]}"
                )
            assert time.monotonic() - started < 120, "no document was committed within 120 s"
            time.sleep(0.02)
    finally:
        if writer.poll() is None:
            os.kill(writer.pid, signal.SIGKILL)
        writer.communicate(timeout=30)
    assert writer.returncode == -signal.SIGKILL, f"`edge kb add` finished (exit {writer.returncode}) before the kill landed"
    return committed


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Path:
    return write_library(tmp_path_factory.mktemp("library"))


@pytest.mark.slow
@pytest.mark.models
def test_an_ingest_killed_half_way_leaves_whole_documents_and_a_second_run_adds_the_rest(tmp_path, library):
    store = tmp_path / "edge.db"
    files = library_files(library)
    seen = kill_mid_ingest(store, library, len(files))

    survived = snapshot(store)
    assert seen <= len(survived) < len(files)
    assert set(survived) <= {str(f) for f in files}

    found = edge_cli(store, "kb", "search", "how often should the brake pads be replaced", "--json")
    assert found.returncode == 0, found.stderr.decode()
    (hits,) = [json.loads(line) for line in found.stdout.decode().splitlines()]
    assert hits and {h["source"] for h in hits} <= set(survived)
    fts_integrity_check(store)

    again = edge_cli(store, "kb", "add", "--json", str(library))
    assert again.returncode == 0, again.stderr.decode()
    report = json.loads(again.stdout.decode().splitlines()[-1])
    assert sorted(report["unchanged"]) == sorted(survived)
    assert len(report["added"]) == len(files) - len(survived) and not report["failed"] and not report["updated"]

    final = snapshot(store)
    fts_integrity_check(store)
    assert sorted(final) == sorted(str(f) for f in files)
    assert {source: final[source] for source in survived} == survived, "a document committed before the kill changed"
    for path in files:
        assert final[str(path)]["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    stats = edge_cli(store, "kb", "stats", "--json")
    assert stats.returncode == 0, stats.stderr.decode()
    counted = json.loads(stats.stdout)
    assert (counted["documents"], counted["chunks"]) == (len(files), sum(len(d["chunks"]) for d in final.values()))


QUERIES = [
    f"how often should I {verb} the {thing}"
    for verb, things in zip(["clean", "check", "replace", "inspect", "update"], THINGS.values(), strict=True)
    for thing in things[:3]
]


def assert_well_formed(hits: list[Hit], k: int, roots: tuple[Path, ...], db: Database, nonempty: bool = True) -> None:
    """At most ``k`` distinct chunks, best first, each pointing at its real text in an indexed file."""
    assert (0 if nonempty else -1) < len(hits) <= k
    if not hits:
        return
    assert len({h.chunk_id for h in hits}) == len(hits)
    scores = [h.score for h in hits]
    assert all(math.isfinite(s) for s in scores) and scores == sorted(scores, reverse=True)
    for hit in hits:
        assert hit.text.strip() and 0 <= hit.start <= hit.end
        assert any(Path(hit.source).is_relative_to(root) for root in roots) and Path(hit.source).is_file()
        assert hit.similarity is None or -1.0 <= hit.similarity <= 1.0 + 1e-6
    stored = {
        r["id"]: (r["text"], r["source"])
        for r in db.query(
            f"SELECT c.id, c.text, d.source FROM chunks c JOIN documents d ON d.id = c.doc_id"
            f" WHERE c.id IN ({','.join('?' * len(hits))})",
            tuple(h.chunk_id for h in hits),
        )
    }
    assert stored == {h.chunk_id: (h.text, h.source) for h in hits}


@pytest.mark.slow
def test_searches_keep_working_while_another_process_ingests_into_the_same_file(runtime, tmp_path, library):
    store = tmp_path / "edge.db"
    kb = KnowledgeBase(Database(store), runtime.embedder, KnowledgeSettings())
    seed = mixed_folder(tmp_path)
    kb.add([seed])
    writer = start_ingest(store, library)
    counts, searches = set(), 0
    try:
        while writer.poll() is None:
            # a new query each time: every search also writes its vector to the embedding cache
            query = f"{QUERIES[searches % len(QUERIES)]} ({searches})"
            mode = ("hybrid", "dense", "bm25")[searches % 3]
            assert_well_formed(kb.search(query, k=5, mode=mode), 5, (seed, library), kb.db, nonempty=mode != "bm25")
            counts.add(kb.document_count)
            searches += 1
            time.sleep(0.05)  # a user's pace, leaving the cores to the writer
    finally:
        if writer.poll() is None:
            writer.kill()
        _, err = writer.communicate(timeout=30)
    assert writer.returncode == 0, err.decode()
    assert len(counts) >= 3, f"the {searches} searches saw only the document counts {sorted(counts)}: none ran during the ingest"

    files = library_files(library)
    assert kb.document_count == 4 + len(files)
    target = files[len(files) // 2]
    serial = target.stem.rsplit("-", 1)[1]
    assert [h.source for h in kb.search(f"serial number SN-00{serial}", k=1, mode="bm25")] == [str(target)]
    dense = kb.search("when should the winter tyres and brake pads be checked", k=5, mode="dense")
    assert_well_formed(dense, 5, (library,), kb.db)


@pytest.mark.slow
def test_one_knowledge_base_serves_searching_threads_while_a_thread_adds(runtime, tmp_path):
    kb = KnowledgeBase(Database(tmp_path / "edge.db"), runtime.embedder, KnowledgeSettings())
    seed = mixed_folder(tmp_path)
    kb.add([seed])
    for query in QUERIES[:6]:
        kb.search(query)  # the readers' queries are embedded once, before the writer holds the embedder
    folder = write_library(tmp_path / "library", 60)
    errors: list[BaseException] = []
    searches = [0, 0, 0]
    adding = threading.Event()
    adding.set()

    def add() -> None:
        try:
            kb.add([folder])
        except BaseException as exc:
            errors.append(exc)
        finally:
            adding.clear()

    def search(reader: int) -> None:
        try:
            while adding.is_set():
                # a few queries again and again, their vectors from the cache: the readers search the in-memory
                # index as fast as they can while the writer updates it
                n = searches[reader]
                mode = ("dense", "hybrid", "dense", "bm25")[n % 4]
                hits = kb.search(QUERIES[(reader * 7 + n) % 6], k=5, mode=mode)
                assert_well_formed(hits, 5, (seed, folder), kb.db, nonempty=mode != "bm25")
                searches[reader] += 1
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=add)] + [threading.Thread(target=search, args=(r,)) for r in range(3)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns every few bytecodes, so unlocked steps interleave
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    finally:
        sys.setswitchinterval(interval)
    assert not any(t.is_alive() for t in threads), "a thread is stuck"
    assert not errors, errors
    assert min(searches) > 0, searches
    assert kb.document_count == 4 + len(library_files(folder))
    fresh = KnowledgeBase(Database(tmp_path / "edge.db"), runtime.embedder, KnowledgeSettings())
    fresh.load()
    assert kb.stats().index_bytes == fresh.stats().index_bytes, "the in-memory index differs from the stored vectors"
    query = "how often should I clean the espresso machine"
    assert [h.chunk_id for h in kb.search(query, 5, "dense")] == [h.chunk_id for h in fresh.search(query, 5, "dense")]


@pytest.fixture(scope="module")
def edge_db_bytes(runtime, tmp_path_factory) -> bytes:
    """A real edge database with documents, checkpointed into one file."""
    root = tmp_path_factory.mktemp("real")
    db = Database(root / "edge.db")
    KnowledgeBase(db, runtime.embedder, KnowledgeSettings()).add([mixed_folder(root)])
    db.close()
    assert not (root / "edge.db-wal").exists()
    return (root / "edge.db").read_bytes()


def text_file(path: Path, _: bytes) -> str:
    path.write_text("my precious notes\nbuy milk\n")
    return "not a SQLite database"


def foreign_database(path: Path, _: bytes) -> str:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO photos (name) VALUES ('beach.jpg')")
    conn.commit()
    conn.close()
    return "another program's SQLite database"


def truncated_edge_database(path: Path, edge_db: bytes) -> str:
    path.write_bytes(edge_db[: len(edge_db) // 2])
    return "cannot be opened as a database"


@pytest.mark.parametrize("make", [text_file, foreign_database, truncated_edge_database])
@pytest.mark.parametrize("command", [("kb", "add"), ("kb", "search", "descaling", "--json")])
def test_a_store_path_at_something_else_is_refused_in_one_line_and_never_written(tmp_path, edge_db_bytes, make, command):
    store = tmp_path / "store" / "edge.db"
    store.parent.mkdir()
    message = make(store, edge_db_bytes)
    before = store.read_bytes()
    args = (*command, str(mixed_folder(tmp_path))) if command[-1] == "add" else command
    result = edge_cli(store, *args)
    assert result.returncode == 1, result.stderr.decode()
    line = one_line_error(result)
    assert str(store) in line and message in line and "never overwrites" in line
    assert store.read_bytes() == before
    assert sorted(p.name for p in store.parent.iterdir()) == ["edge.db"], "files were left beside the store"
