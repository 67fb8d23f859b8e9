import numpy as np
import pytest

from edge.store import snapshots, vectors
from edge.store.database import Database
from edge.store.knowledge import KnowledgeBase
from edge.store.vectors import VectorIndex
from tests.store.samples import ESPRESSO_MD, mixed_folder
from tests.store.test_knowledge import SMALL_CHUNKS


@pytest.fixture
def saving(monkeypatch):
    """Save the index of any size, as a knowledge base of 20,000 chunks and more is saved."""
    monkeypatch.setattr(snapshots, "SNAPSHOT_MIN", 1)


@pytest.fixture
def path(tmp_path):
    return tmp_path / "edge.db"


def open_kb(runtime, path):
    return KnowledgeBase(Database(path), runtime.embedder, SMALL_CHUNKS)


def loaded(runtime, path, docs):
    """A knowledge base holding ``docs`` whose index has been loaded, and so saved when large enough."""
    kb = open_kb(runtime, path)
    kb.add([docs])
    kb.load()
    return kb


def saved_rows(path):
    return Database(path).query("SELECT COUNT(*) AS n FROM vector_snapshots")[0]["n"]


def test_a_large_index_is_saved_and_a_new_process_starts_from_it(saving, runtime, path, tmp_path, monkeypatch):
    kb = open_kb(runtime, path)
    kb.add([mixed_folder(tmp_path)])
    expected = kb.search("how often should I descale", k=3, mode="dense")
    assert saved_rows(path) == 1

    def read_every_vector(*args, **kwargs):
        raise AssertionError("the saved index was not used")

    monkeypatch.setattr(VectorIndex, "load", read_every_vector)
    fresh = open_kb(runtime, path)
    assert fresh.search("how often should I descale", k=3, mode="dense") == expected


def test_a_small_index_is_not_saved(runtime, path, tmp_path):
    loaded(runtime, path, mixed_folder(tmp_path))
    assert saved_rows(path) == 0


def test_changes_made_after_the_save_are_applied_on_load(saving, runtime, path, tmp_path):
    docs = mixed_folder(tmp_path)
    loaded(runtime, path, docs)
    other = open_kb(runtime, path)
    other.remove([docs / "notes" / "garden.txt"])
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "boat.md").write_text("The sailboat Marigold is moored at berth 17 in the north harbour.\n")
    other.add([extra])
    assert Database(path).query("SELECT COUNT(*) AS n FROM chunk_changes")[0]["n"] > 0, "changes are logged"

    fresh = open_kb(runtime, path)
    fresh.load()
    chunk_ids = {r["id"] for r in fresh.db.query("SELECT id FROM chunks")}
    assert set(fresh._current_index().ids.tolist()) == chunk_ids
    assert "boat.md" in fresh.search("where is the Marigold moored", k=1, mode="dense")[0].source
    assert all("garden" not in h.source for h in fresh.search("where do the tomatoes go", k=5, mode="dense"))


def test_a_search_in_one_process_sees_another_process_change_the_documents(saving, runtime, path, tmp_path):
    docs = mixed_folder(tmp_path)
    reader = loaded(runtime, path, docs)
    writer = open_kb(runtime, path)
    (docs / "manuals" / "espresso.md").write_text(ESPRESSO_MD.replace("every 200 cups", "every 90 cups"))
    writer.add([docs])
    hits = reader.search("how often should I descale", k=1, mode="dense")
    assert "90 cups" in hits[0].text


def test_the_log_starts_afresh_when_the_index_is_saved_again(saving, runtime, path, tmp_path, monkeypatch):
    monkeypatch.setattr(snapshots, "due", lambda vectors, lag: vectors > 0 and (lag is None or lag > 0))
    docs = mixed_folder(tmp_path)
    kb = loaded(runtime, path, docs)
    kb.remove([docs / "notes" / "garden.txt"])
    assert Database(path).query("SELECT COUNT(*) AS n FROM chunk_changes")[0]["n"] == 0
    fresh = open_kb(runtime, path)
    assert sorted(fresh._current_index().ids.tolist()) == sorted(r["id"] for r in fresh.db.query("SELECT id FROM chunks"))


def test_a_save_is_refused_when_the_store_moved_on(saving, runtime, path, tmp_path):
    kb = open_kb(runtime, path)
    kb.add([mixed_folder(tmp_path)])
    index, version = kb._current_index(), kb._index_version
    kb.db.execute("UPDATE kb_state SET version = version + 1")
    assert not snapshots.save(kb.db, kb._vector_space(), index, version)


def test_reindexing_forgets_the_saved_index(saving, runtime, path, tmp_path):
    kb = loaded(runtime, path, mixed_folder(tmp_path))
    kb.reindex()
    assert saved_rows(path) == 0
    assert kb.search("how often should I descale", k=1, mode="dense")[0].source.endswith("espresso.md")


def test_a_saved_partitioned_index_is_loaded_with_its_cells(saving, runtime, path, tmp_path, monkeypatch):
    monkeypatch.setattr(vectors, "PARTITION_MIN", 4)
    kb = loaded(runtime, path, mixed_folder(tmp_path))
    fresh = open_kb(runtime, path)
    index = fresh._current_index()
    assert index.cells is not None and np.array_equal(index.arrays()["offsets"], kb._current_index().arrays()["offsets"])


def test_a_damaged_saved_index_is_read_again_from_the_vectors_and_saved_anew(saving, runtime, path, tmp_path, caplog):
    loaded(runtime, path, mixed_folder(tmp_path))
    Database(path).execute("UPDATE vector_snapshot_parts SET data = x'00' WHERE name = 'int8'")
    fresh = open_kb(runtime, path)
    assert fresh.search("how often should I descale", k=1, mode="dense")[0].source.endswith("espresso.md")
    assert "saved vector index is damaged" in caplog.text
    again = open_kb(runtime, path)
    assert again.search("how often should I descale", k=1, mode="dense")[0].source.endswith("espresso.md")
    assert caplog.text.count("damaged") == 1, "the index was saved whole again"
