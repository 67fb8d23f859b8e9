import time

import pytest

from edge.config import CacheSettings
from edge.store.cache import AnswerCache, depends_on_context, normalise
from edge.store.database import Database


@pytest.fixture
def cache(runtime, tmp_path):
    embedder = runtime.embedder
    return AnswerCache(
        Database(tmp_path / "edge.db"), lambda text: embedder.embed([text])[0], "all-minilm-l6-v2-int8", 384, CacheSettings()
    )


REPLY = {"models": ["smollm2"], "confidence": 0.8, "citations": []}


def test_the_same_question_in_other_case_and_punctuation_is_an_exact_hit(cache):
    cache.store("What is the capital of France?", "chat", "Paris.", REPLY)
    hit = cache.lookup("what is the capital of france", "chat")
    assert hit is not None and (hit.match, hit.answer, hit.similarity) == ("exact", "Paris.", 1.0)


def test_a_rephrased_question_is_a_semantic_hit(cache):
    cache.store("What is the capital of France?", "chat", "Paris.", REPLY)
    hit = cache.lookup("What's the capital of France?", "chat")
    assert hit is not None and hit.match == "semantic" and hit.similarity >= CacheSettings().similarity
    assert hit.question == "What is the capital of France?"


@pytest.mark.parametrize(
    "question",
    [
        "What is the capital of Germany?",
        "What is not the capital of France?",
        "What was the capital of France in 1700?",
    ],
)
def test_a_close_question_that_differs_in_a_name_negation_or_date_misses(cache, question):
    cache.store("What is the capital of France?", "chat", "Paris.", REPLY)
    assert cache.lookup(question, "chat") is None


def test_the_guards_turn_away_neighbours_close_enough_to_hit(cache):
    cache.store("convert 5 miles to kilometres", "chat", "8.05 km", REPLY)
    assert cache.lookup("convert 50 miles to kilometres", "chat") is None
    assert cache.stats().guarded == 1


def test_an_answer_from_another_knowledge_base_version_is_stale(cache):
    cache.store("How often should I descale?", "knowledge", "Every 200 cups.", REPLY, kb_version=3)
    assert cache.lookup("How often should I descale?", "knowledge", kb_version=3) is not None
    assert cache.lookup("How often should I descale?", "knowledge", kb_version=4) is None
    assert cache.stats().stale == 1 and cache.stats().entries == 0


def test_an_expired_answer_is_not_served(runtime, tmp_path):
    embedder = runtime.embedder
    short = AnswerCache(Database(tmp_path / "edge.db"), lambda t: embedder.embed([t])[0], "m", 384, CacheSettings(ttl_s=0.05))
    short.store("What is the capital of France?", "chat", "Paris.", REPLY)
    time.sleep(0.1)
    assert short.lookup("What is the capital of France?", "chat") is None


def test_another_route_does_not_share_answers(cache):
    cache.store("What is the capital of France?", "chat", "Paris.", REPLY)
    assert cache.lookup("What is the capital of France?", "knowledge") is None


def test_hit_rate_counts_every_lookup(cache):
    cache.store("What is the capital of France?", "chat", "Paris.", REPLY)
    cache.lookup("what is the capital of france", "chat")
    cache.lookup("How tall is Mount Everest?", "chat")
    stats = cache.stats()
    assert (stats.exact, stats.misses, stats.lookups, stats.hit_rate) == (1, 1, 2, 0.5)


def test_the_oldest_entries_go_beyond_max_entries(runtime, tmp_path):
    embedder = runtime.embedder
    small = AnswerCache(Database(tmp_path / "edge.db"), lambda t: embedder.embed([t])[0], "m", 384, CacheSettings(max_entries=2))
    for n, city in enumerate(["Paris", "Berlin", "Rome"]):
        small.store(f"Question number {n} about {city}", "chat", city, REPLY)
    assert small.stats().entries == 2 and small.lookup("Question number 0 about Paris", "chat") is None


@pytest.mark.parametrize(
    "question, dependent",
    [
        ("What about Germany?", True),
        ("Is it safe?", True),
        ("And the population?", True),
        ("What is the capital of France?", False),
    ],
)
def test_questions_that_lean_on_the_conversation_are_recognised(question, dependent):
    assert depends_on_context(question) is dependent


def test_normalising_ignores_case_punctuation_and_spacing():
    assert normalise("  What IS   the capital of France?! ") == normalise("what is the capital of france")
