import pytest

from edge.store import keywords
from edge.store.database import Database
from edge.store.keywords import KeywordSearch, quoted
from edge.store.stemming import Stemmer

TEXTS = [
    "Descale the espresso machine every 200 cups, or once a month with hard water.",
    "The machine grinds the beans; a fine grind suits a double shot of espresso.",
    "Cleaning the machines: run water through the group head after every shot.",
    "Water the raised beds every second morning in July and August.",
    "The tomatoes go in the north bed, with basil between them.",
    "Running water cleans; the runner ran and runs every morning.",
    "Café crème is espresso with hot milk, served in the morning.",
]


@pytest.fixture
def search(tmp_path):
    db = Database(tmp_path / "edge.db")
    with db.transaction() as conn:
        conn.execute(
            "INSERT INTO documents (id, source, kind, sha256, size, mtime, chunks, added_at, updated_at)"
            " VALUES (1, 'notes.txt', 'txt', '', 0, 0, ?, 0, 0)",
            (len(TEXTS),),
        )
        for ordinal, text in enumerate(TEXTS):
            conn.execute(
                "INSERT INTO chunks (doc_id, ordinal, text, start, end, heading, tokens, sha256)"
                " VALUES (1, ?, ?, 0, 0, '', 0, '')",
                (ordinal, text),
            )
    return KeywordSearch(db)


def fts5_scores(search, words):
    rows = search.db.query(
        "SELECT rowid AS id, -bm25(chunks_fts) AS score FROM chunks_fts WHERE chunks_fts MATCH ?",
        (" OR ".join(quoted(w) for w in words),),
    )
    return {r["id"]: r["score"] for r in rows}


def test_the_stems_are_the_ones_the_index_stores():
    stems = Stemmer().stems(["running", "machines", "Café", "foo_bar", "?"])
    assert stems == [("run",), ("machin",), ("cafe",), ("foo", "bar"), ()]


def test_a_query_within_the_bound_is_ranked_by_fts5_alone(search):
    words = ["espresso", "machine", "water"]
    assert search.search(words, pool=10) == pytest.approx(fts5_scores(search, words))


@pytest.mark.parametrize(
    "words",
    [["espresso", "machine", "water", "every"], ["tomatoes", "running", "morning"], ["cafe", "espresso", "milk"]],
)
def test_common_words_dropped_from_the_candidates_still_count_in_their_score(search, monkeypatch, words):
    monkeypatch.setattr(keywords, "POSTINGS", 1)
    full = fts5_scores(search, words)
    found = search.search(words, pool=10)
    assert found, "the rarest word chooses candidates"
    assert found == pytest.approx({i: full[i] for i in found}), "each candidate's score is FTS5's for the whole query"
    assert list(found) == sorted(found, key=lambda i: -found[i])


def test_a_restricting_clause_applies_to_the_candidates(search):
    assert search.search(["espresso"], pool=10, where="c.ordinal > ?", params=[3]) == pytest.approx(
        {7: fts5_scores(search, ["espresso"])[7]}
    )


def test_an_empty_index_finds_nothing(tmp_path):
    assert KeywordSearch(Database(tmp_path / "edge.db")).search(["0"], pool=10) == {}


def test_an_index_emptied_of_its_chunks_finds_nothing(search):
    with search.db.transaction() as conn:
        conn.execute("DELETE FROM chunks")
    assert search.search(["espresso", "0"], pool=10) == {}
