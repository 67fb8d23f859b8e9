import pytest

from edge.config import KnowledgeSettings
from edge.store.database import Database
from edge.store.knowledge import KnowledgeBase
from edge.store.matching import search_words, word_match
from tests.store.samples import mixed_folder


@pytest.fixture
def kb(runtime, tmp_path):
    knowledge = KnowledgeBase(
        Database(tmp_path / "edge.db"), runtime.embedder, KnowledgeSettings(chunk_tokens=40, overlap_tokens=8)
    )
    knowledge.add([mixed_folder(tmp_path)])
    return knowledge


def words(kb, text):
    return word_match(kb._keywords, search_words(text))


def test_the_words_searched_for_are_the_content_words_each_once():
    assert search_words("What is the citric acid, the CITRIC acid for?") == ["citric", "acid"]
    assert search_words("what is it") == ["what", "is", "it"]
    assert search_words("?!") == []


def test_a_word_that_only_one_chunk_holds_counts_about_one(kb):
    rare, coverage = words(kb, "citric")
    assert 0.7 <= rare <= 1.3 and coverage == pytest.approx(rare)


def test_rare_words_count_together_only_when_one_chunk_holds_them(kb):
    together, _ = words(kb, "citric acid litre")
    apart, _ = words(kb, "citric tomatoes")
    assert together >= 1.7 and apart <= 1.3


def test_a_word_no_chunk_holds_lowers_the_coverage_not_the_words(kb):
    known = words(kb, "citric acid litre")
    with_unknown = words(kb, "citric acid litre zeppelin")
    assert with_unknown[0] == pytest.approx(known[0]) and with_unknown[1] < known[1]


@pytest.mark.parametrize("text", ["zeppelin", "the", ""])
def test_unknown_words_and_function_words_match_nothing(kb, text):
    assert words(kb, text) == (0.0, 0.0)


def test_a_match_gives_the_closest_chunks_similarity_and_the_words(kb):
    match = kb.match("how often should I descale the espresso machine")
    (closest,) = kb.search("how often should I descale the espresso machine", k=1, mode="dense")
    assert match is not None and match.similarity == pytest.approx(closest.similarity, abs=1e-3)
    assert match.words >= 1.0 and match.coverage > 0.5


def test_without_documents_there_is_no_match(runtime, tmp_path):
    empty = KnowledgeBase(Database(tmp_path / "empty.db"), runtime.embedder, KnowledgeSettings())
    assert empty.match("how often should I descale the espresso machine") is None
