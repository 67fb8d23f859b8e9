import os
from pathlib import Path

import pytest

from edge.config import KnowledgeSettings
from edge.errors import InputError
from edge.store.database import Database
from edge.store.knowledge import KnowledgeBase, SearchFilter
from edge.store.vectors import StoreError
from tests.store.samples import ESPRESSO_MD, mixed_folder

SMALL_CHUNKS = KnowledgeSettings(chunk_tokens=40, overlap_tokens=8)
"""The sample documents are short: small chunks give each several."""


@pytest.fixture
def kb(runtime, tmp_path):
    return KnowledgeBase(Database(tmp_path / "edge.db"), runtime.embedder, SMALL_CHUNKS)


@pytest.fixture
def docs(tmp_path):
    return mixed_folder(tmp_path)


def names(hits):
    return [Path(h.source).name for h in hits]


def test_a_folder_of_mixed_documents_is_indexed_recursively(kb, docs):
    report = kb.add([docs])
    assert sorted(Path(p).name for p in report.added) == ["espresso.md", "garden.txt", "leave.html", "q3.pdf"]
    assert not report.failed and report.chunks == report.embedded >= 4
    listed = {Path(d.source).name: d for d in kb.documents()}
    assert {d.kind for d in listed.values()} == {"md", "html", "txt", "pdf"}
    assert listed["leave.html"].title == "Leave policy"
    stats = kb.stats()
    assert stats.documents == 4 and stats.chunks == report.chunks and stats.by_kind == {"html": 1, "md": 1, "pdf": 1, "txt": 1}
    assert stats.embedder == "all-minilm-l6-v2-int8" and stats.dim == 384


@pytest.mark.parametrize("mode", ["dense", "bm25", "hybrid"])
@pytest.mark.parametrize(
    "query, expected",
    [
        ("how often should I descale the espresso machine", "espresso.md"),
        ("how many weeks of paid parental leave", "leave.html"),
        ("where do the tomatoes go", "garden.txt"),
        ("how much did revenue grow last quarter", "q3.pdf"),
    ],
)
def test_each_mode_finds_the_document_that_answers(kb, docs, mode, query, expected):
    kb.add([docs])
    hits = kb.search(query, k=3, mode=mode)
    assert names(hits)[0] == expected


def test_a_hit_points_at_its_text_in_the_document(kb, docs):
    kb.add([docs])
    hit = kb.search("citric acid descaling", k=1)[0]
    assert hit.heading == "Espresso machine manual > Descaling"
    assert hit.text.endswith(ESPRESSO_MD[hit.start : hit.end].strip())
    assert "citric acid" in ESPRESSO_MD[hit.start : hit.end]
    assert hit.similarity is not None and 0.3 < hit.similarity <= 1.0


def test_a_pdf_hit_carries_its_page(kb, docs):
    kb.add([docs])
    hit = kb.search("Lisbon office opening", k=1)[0]
    assert names([hit]) == ["q3.pdf"] and hit.page == 2


def test_filters_restrict_the_search_to_some_documents(kb, docs):
    kb.add([docs])
    only_pdf = kb.search("descale the espresso machine", k=5, filters=SearchFilter(kinds=("pdf",)))
    assert set(names(only_pdf)) == {"q3.pdf"}
    by_path = kb.search("leave", k=5, mode="bm25", filters=SearchFilter(sources=("*/manuals/*",)))
    assert by_path == []
    by_id = kb.search("anything at all", k=5, filters=SearchFilter(doc_ids=(kb.documents()[0].id,)))
    assert {h.doc_id for h in by_id} == {kb.documents()[0].id}


def test_adding_again_without_changes_does_nothing(kb, docs):
    kb.add([docs])
    version = kb.version
    again = kb.add([docs])
    assert len(again.unchanged) == 4 and not again.added and not again.updated and again.embedded == 0
    assert kb.version == version


def test_a_touched_but_identical_file_is_not_chunked_again(kb, docs):
    kb.add([docs])
    garden = docs / "notes" / "garden.txt"
    os.utime(garden, (1, 1))
    report = kb.add([garden])
    assert report.unchanged == [str(garden)] and report.embedded == 0


def test_a_changed_file_replaces_its_chunks_and_embeds_only_new_text(kb, docs):
    kb.add([docs])
    manual = docs / "manuals" / "espresso.md"
    manual.write_text(ESPRESSO_MD + "\n## Milk\n\nSteam the milk to 65 degrees for a flat white.\n")
    report = kb.add([docs])
    assert report.updated == [str(manual)] and len(report.unchanged) == 3
    assert 0 < report.embedded < report.chunks
    assert names(kb.search("milk temperature for a flat white", k=1)) == ["espresso.md"]
    chunk_ids = [r["id"] for r in kb.db.query("SELECT id FROM chunks")]
    vector_ids = [r["id"] for r in kb.db.query("SELECT id FROM chunk_vectors")]
    assert sorted(chunk_ids) == sorted(vector_ids)


def test_a_copy_of_an_indexed_file_is_indexed_once(kb, docs, tmp_path):
    kb.add([docs])
    copy = tmp_path / "copy-of-garden.txt"
    copy.write_bytes((docs / "notes" / "garden.txt").read_bytes())
    report = kb.add([copy])
    assert report.duplicates == {str(copy): str(docs / "notes" / "garden.txt")}
    assert kb.stats().documents == 4


def test_a_deleted_file_is_removed_by_prune_or_by_name(kb, docs):
    kb.add([docs])
    (docs / "notes" / "garden.txt").unlink()
    assert [d.missing for d in kb.documents()].count(True) == 1
    report = kb.add([docs], prune=True)
    assert report.removed == [str(docs / "notes" / "garden.txt")]
    assert "garden.txt" not in names(kb.search("tomatoes basil", k=5))
    assert kb.remove([docs / "policies"]) == [str(docs / "policies" / "leave.html")]
    assert kb.stats().documents == 2


def test_a_knowledge_base_opened_afresh_removes_a_document(kb, docs, runtime, tmp_path):
    kb.add([docs])
    fresh = KnowledgeBase(Database(tmp_path / "edge.db"), runtime.embedder, SMALL_CHUNKS)
    assert fresh.remove([docs / "policies"]) == [str(docs / "policies" / "leave.html")]
    assert fresh.stats().documents == 3


def test_removing_what_is_not_there_names_the_fix(kb, docs):
    kb.add([docs])
    with pytest.raises(InputError, match="not in the knowledge base") as err:
        kb.remove(["/no/such/file.md"])
    assert "edge kb list" in err.value.fix


def test_an_unreadable_file_is_reported_and_the_rest_still_indexed(kb, docs):
    (docs / "broken.pdf").write_bytes(b"%PDF-1.4 garbage")
    report = kb.add([docs])
    assert list(report.failed) == [str(docs / "broken.pdf")] and len(report.added) == 4


def test_a_search_sees_documents_another_process_added(kb, docs, runtime, tmp_path):
    kb.add([docs / "manuals"])
    assert names(kb.search("tomatoes", k=1, mode="dense")) == ["espresso.md"]
    other = KnowledgeBase(Database(tmp_path / "edge.db"), runtime.embedder, SMALL_CHUNKS)
    other.add([docs / "notes"])
    assert names(kb.search("where do the tomatoes go", k=1, mode="dense")) == ["garden.txt"]


def test_a_knowledge_base_from_another_embedder_asks_for_a_reindex(kb, docs, tmp_path):
    kb.add([docs])
    kb.db.execute("UPDATE vector_spaces SET model = 'some-other-embedder'")
    fresh = KnowledgeBase(kb.db, kb.embedder, SMALL_CHUNKS)
    with pytest.raises(StoreError, match="some-other-embedder") as err:
        fresh.search("descaling", k=1)
    assert "edge kb reindex" in err.value.fix
    assert fresh.reindex() == kb.stats().chunks
    assert names(fresh.search("descaling with citric acid", k=1)) == ["espresso.md"]


@pytest.mark.parametrize("query", ["", "   "])
def test_an_empty_query_is_refused(kb, query):
    with pytest.raises(InputError, match="empty"):
        kb.search(query)


def test_bm25_queries_match_any_word_and_survive_fts_syntax(kb, docs):
    kb.add([docs])
    assert names(kb.search('what is "AND" NEAR(x) the -descaling* program?', k=1, mode="bm25")) == ["espresso.md"]
    assert kb.search("?!", mode="bm25") == []


def test_repeated_queries_reuse_the_cached_embedding(kb, docs):
    kb.add([docs])
    kb.search("descaling", k=1)
    calls = kb.embedder.stats.calls
    kb.search("descaling", k=1)
    assert kb.embedder.stats.calls == calls
