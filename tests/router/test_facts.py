"""A question for a fact of the world that no skill or document answers is not guessed at by the local models:
declined by default, hedged or answered plainly when configured, answered by the cloud when it is allowed."""

from __future__ import annotations

import pytest

from edge.config import load_settings
from edge.router import Handled, Router
from edge.router.facts import DONT_KNOW, UNSURE, asks_for_fact
from edge.runtime import Runtime
from edge.store.database import Database


def router_with(runtime, tmp_path, **settings) -> Router:
    custom = Runtime(load_settings(env={}, data_dir=runtime.settings.data_dir, cache={"enabled": False}, **settings))
    custom.engines = runtime.engines
    return Router(custom, db=Database(tmp_path / "edge.db"))


@pytest.mark.parametrize(
    "question",
    ["When was the Eiffel Tower built?", "How many moons does Mars have?", "Who painted the Mona Lisa?", "Where is Lhasa?"],
)
def test_a_question_for_a_time_number_name_or_place_asks_for_a_fact(question):
    assert asks_for_fact(question)


@pytest.mark.parametrize(
    "question",
    [
        "what does ubiquitous mean",
        "what does the word serene mean",
        "define gratitude",
        "what is a synonym for happy",
        "what's the opposite of hot",
    ],
)
def test_what_a_word_means_is_a_fact_too(question):
    assert asks_for_fact(question)


@pytest.mark.parametrize(
    "request_text",
    [
        "How old are you?",
        "Who made you?",
        "What is photosynthesis?",
        "Tell me a joke.",
        "Why is the sky blue?",
        "Write a story about a dragon who learns to cook.",
        "what does it all mean",
        "what is the meaning of life",
    ],
)
def test_small_talk_to_the_assistant_and_open_questions_do_not(request_text):
    assert not asks_for_fact(request_text)


def test_by_default_the_local_model_declines_a_fact_question_without_generating(runtime, tmp_path):
    with router_with(runtime, tmp_path) as router:
        reply = router.ask("When was the Eiffel Tower built?")
    assert reply.decision.route in ("chat", "complex") and reply.text == DONT_KNOW
    assert reply.handler is Handled.REFUSAL and reply.models == []


def test_hedged_the_local_model_answers_saying_it_is_unsure(runtime, tmp_path):
    with router_with(runtime, tmp_path, router={"fact_questions": "hedge"}) as router:
        reply = router.ask("When was the Eiffel Tower built?")
    assert reply.handler is Handled.LOCAL_LLM and reply.text.startswith(UNSURE) and len(reply.text) > len(UNSURE)


def test_a_fact_the_conversation_may_hold_is_left_to_the_model(runtime, tmp_path):
    with router_with(runtime, tmp_path) as router:
        router.ask("I adopted a cat called Miso in 2019.", conversation="c")
        reply = router.ask("When did I adopt my cat?", conversation="c")
    assert reply.handler is Handled.LOCAL_LLM and reply.text != DONT_KNOW


def test_when_the_cloud_is_allowed_it_answers_the_fact_question_and_the_local_model_does_not(
    runtime, tmp_path, fake_cloud, monkeypatch
):
    for name in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    fake_cloud.text = "It was completed in 1889."
    cloud = {"enabled": True, "endpoint": fake_cloud.url, "model": "gpt-test", "allowed_hosts": ["127.0.0.1"]}
    cloud["policy"] = {"chat": "always", "complex": "always", "knowledge": "never"}
    with router_with(runtime, tmp_path, cloud=cloud) as router:
        reply = router.ask("When was the Eiffel Tower built?")
    assert reply.handler is Handled.CLOUD_LLM and "1889" in reply.text and reply.models == ["gpt-test"]
    assert len(fake_cloud.requests) == 1
