from pathlib import Path

import pytest

from edge.router import Handled, Router
from edge.router.grounding import NOT_IN_DOCUMENTS, grounded
from edge.runtime import Runtime
from edge.store.database import Database
from edge.store.knowledge import Hit
from tests.store.samples import mixed_folder


@pytest.fixture
def router(runtime, tmp_path):
    with Router(runtime, db=Database(tmp_path / "edge.db")) as r:
        yield r


@pytest.fixture
def docs(router, tmp_path):
    folder = mixed_folder(tmp_path)
    router.knowledge.add([folder])
    return folder


def cited_files(reply):
    return [Path(c.source).name for c in reply.citations if c.cited]


@pytest.mark.parametrize(
    "question, file, fact",
    [
        ("How often should I descale the espresso machine?", "espresso.md", "200 cups"),
        ("How many weeks of parental leave do employees get?", "leave.html", "16 weeks"),
        ("How much did revenue grow in the third quarter?", "q3.pdf", "12 percent"),
    ],
)
def test_a_question_the_documents_answer_is_answered_from_them_with_a_citation(router, docs, question, file, fact):
    reply = router.ask(question)
    assert reply.decision.route == "knowledge"
    assert fact in reply.text and "[1]" in reply.text
    assert cited_files(reply) == [file]


NOTES = {
    "greenhouse.md": "The greenhouse irrigation valve opens at 06:40 every morning and runs for 12 minutes.\n",
    "boat.md": "The sailboat Marigold is moored at berth 17 in the north harbour.\n",
    "wifi.md": "The guest wifi network is called Lantern and rotates its password on Mondays.\n",
}


@pytest.fixture
def notes(router, tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    for name, text in NOTES.items():
        (folder / name).write_text(text)
    router.knowledge.add([folder])
    return folder


@pytest.mark.parametrize(
    "question, classified_as",
    [
        ("How long does the irrigation run?", "a status request"),
        ("what berth is the Marigold at", "an unsupported action"),
        ("how long does the irrigation valve stay open", "an unsure classification"),
        ("what is the wifi password rotation day", "a time question"),
    ],
)
def test_a_request_the_documents_match_strongly_goes_to_them_whatever_the_classifier_said(router, notes, question, classified_as):
    decision = router.decide(question)
    assert (decision.route, decision.matched_by) == ("knowledge", "documents"), classified_as
    assert decision.confidence >= router.settings.router.documents_similarity and "documents match" in decision.reason
    router.ask(question)
    (record,) = router.decisions.recent(1)
    assert (record.route, record.matched_by, record.confidence) == ("knowledge", "documents", decision.confidence)


def test_a_question_sharing_rare_words_with_a_document_goes_to_it_though_phrased_apart(router, docs):
    decision = router.decide("when was the Lisbon office opened")
    assert (decision.route, decision.matched_by) == ("knowledge", "documents")
    assert decision.confidence < router.settings.router.documents_similarity and "rare words" in decision.reason


COOKBOOK = """# Bread machine cookbook

## Basic white loaf

Put 300 ml of water, 500 g of strong flour, 7 g of yeast and a teaspoon of salt in the pan. Choose the basic
program and a medium crust. Set a timer for 5 minutes after the beep and add seeds or raisins then.

## Risotto

Toast the arborio rice in butter for 2 minutes, then add the stock one ladle at a time and stir for 18 minutes.
"""


@pytest.fixture
def kitchen(router, docs):
    (docs / "cookbook.md").write_text(COOKBOOK)
    router.knowledge.add([docs])
    return docs


@pytest.mark.parametrize(
    "command, skill",
    [
        ("set a timer for 5 minutes", "timer"),
        ("give me a heads up in a quarter of an hour", "timer"),
        ("remind me to stir the risotto in 18 minutes", "notes"),
    ],
)
def test_a_command_in_the_words_of_an_indexed_cooking_manual_is_still_a_command(router, kitchen, command, skill):
    decision = router.decide(command)
    assert (decision.route, decision.skill) == ("skill", skill)


@pytest.mark.parametrize(
    "request_text", ["who painted the mona lisa", "tell me a joke about cats", "what's the best way to learn spanish"]
)
def test_a_chat_request_about_nothing_in_the_documents_stays_chat(router, kitchen, request_text):
    decision = router.decide(request_text)
    assert (decision.route, decision.matched_by) == ("chat", "classifier")


@pytest.mark.parametrize(
    "command, skill",
    [
        ("set a timer for 5 minutes", "timer"),
        ("buzz me when 45 minutes are up", "timer"),
        ("remind me to water the plants at 6", "notes"),
        ("what time is it", "time"),
        ("what's 15 percent of 80", "math"),
        ("how much memory are you using", "status"),
    ],
)
def test_skill_commands_still_reach_their_skills_beside_the_documents(router, notes, command, skill):
    decision = router.decide(command)
    assert (decision.route, decision.skill) == ("skill", skill)


def test_without_documents_the_classifier_decides(router):
    decision = router.decide("what berth is the Marigold at")
    assert (decision.route, decision.matched_by) == ("oos", "classifier")


def test_a_general_question_the_documents_answer_well_is_answered_from_them(router, docs):
    reply = router.ask("When did the Lisbon office open?")
    assert reply.decision.route == "knowledge" and "documents match" in reply.decision.reason
    assert "September" in reply.text and cited_files(reply) == ["q3.pdf"]


def test_a_general_question_the_documents_do_not_answer_goes_to_the_llm(router, docs):
    reply = router.ask("What is the capital of France?")
    assert reply.decision.route == "chat" and reply.handler is Handled.LOCAL_LLM and not reply.citations


def test_a_question_about_the_documents_they_do_not_answer_gets_no_invented_answer(router, docs):
    reply = router.ask("What does my manual say about the warranty?")
    assert reply.decision.route == "knowledge"
    assert reply.text == NOT_IN_DOCUMENTS and reply.handler is Handled.DOCUMENTS and not reply.citations
    assert "knowledge: nothing relevant" in reply.fallbacks


def test_asking_again_is_answered_from_the_cache_and_a_negated_question_is_not(router, docs):
    first = router.ask("How often should I descale the espresso machine?")
    again = router.ask("how often should I descale the espresso machine")
    assert (again.handler, again.cached, again.text) == (Handled.CACHE, "exact", first.text)
    assert [c.source for c in again.citations] == [c.source for c in first.citations]
    negated = router.ask("How often should I not descale the espresso machine?")
    assert negated.cached is None and negated.handler is not Handled.CACHE
    stats = router.cache.stats()
    assert stats.exact == 1 and stats.lookups == 3


def test_a_cached_answer_from_the_documents_goes_stale_when_they_change(router, docs):
    router.ask("How many weeks of parental leave do employees get?")
    policy = docs / "policies" / "leave.html"
    policy.write_text(policy.read_text().replace("16 weeks", "20 weeks"))
    router.knowledge.add([docs])
    reply = router.ask("How many weeks of parental leave do employees get?")
    assert reply.cached is None and "20 weeks" in reply.text
    assert router.cache.stats().stale == 1


def test_an_empty_knowledge_base_says_so_before_a_general_answer(router):
    reply = router.ask("What does my lease say about pets?")
    assert reply.decision.route == "knowledge"
    assert reply.text.startswith("Your knowledge base is empty") and "knowledge: no documents" in reply.fallbacks


def prompt_tokens(router):
    return sum(u.prompt_tokens for u in router.meter.usage())


def test_a_conversation_is_remembered_and_its_recent_turns_given_to_the_llm(router):
    router.ask("My name is Ada and I live in Lisbon.", conversation="t1")
    turns = router.memory.recent("t1")
    assert [t.role for t in turns] == ["user", "assistant"] and turns[0].text == "My name is Ada and I live in Lisbon."
    before = prompt_tokens(router)
    router.ask("What is my name?", conversation="elsewhere")
    alone = prompt_tokens(router) - before
    router.ask("What is my name?", conversation="t1")
    with_history = prompt_tokens(router) - before - alone
    assert with_history >= alone + len("My name is Ada and I live in Lisbon.".split())
    assert len(router.memory.history("t1")) == 4 and router.memory.history("other") == []
    cached = [r["question"] for r in router.db.query("SELECT question FROM answer_cache")]
    assert cached.count("What is my name?") == 1, "only the question asked without history is cached"


def hit(text):
    return Hit(doc_id=1, chunk_id=1, score=1.0, text=text, source="/docs/a.md", start=0, end=len(text))


@pytest.mark.parametrize(
    "answer, ok",
    [
        ("Descale the machine every 200 cups [1].", True),
        ("The machine should be descaled every 300 cups.", False),
        ("Descaling removes limescale and keeps the coffee tasting fresh, experts recommend vinegar.", False),
        ("Descale every 200 cups. Descale every 200 cups. Descale every 200 cups.", False),
        ("", False),
    ],
)
def test_an_answer_is_grounded_only_when_its_numbers_and_words_come_from_the_sources(answer, ok):
    source = "Manual > Descaling\n\nDescale the machine every 200 cups, or once a month with hard water."
    assert grounded(answer, [source]) is ok


@pytest.mark.parametrize(
    "answer, ok",
    [
        ("The greenhouse irrigation valve opens at 06:40 every morning [1].", True),
        ("The valve opens at 6:40 in the morning and runs for 12 minutes [1].", True),
        ("The greenhouse irrigation valve opens at 12:40 AM every morning and runs for 12 minutes [1].", False),
        ("The greenhouse irrigation valve opens at 06:40 every morning and runs for 12 hours [1].", False),
        ("The greenhouse irrigation valve opens at 06:40 every morning, says Gardener Morrison [1].", False),
    ],
)
def test_the_grounding_check_compares_times_durations_and_names_as_values(answer, ok):
    assert grounded(answer, [NOTES["greenhouse.md"]], "When does the greenhouse irrigation valve open?") is ok


def test_the_greenhouse_question_is_answered_with_the_time_its_note_gives_and_the_citation(router, notes):
    reply = router.ask("At what time does the greenhouse irrigation valve open?")
    assert "06:40" in reply.text or "6:40 in the morning" in reply.text
    assert "12:40" not in reply.text and cited_files(reply) == ["greenhouse.md"]


def test_a_question_about_the_notes_that_they_do_not_answer_is_declined_with_the_reason(router, notes):
    reply = router.ask("Who installed the greenhouse irrigation valve?")
    assert reply.text == NOT_IN_DOCUMENTS and reply.handler is Handled.DOCUMENTS
    assert reply.fallbacks == ["reader: the sentence does not hold the kind of answer asked for"]


def test_an_answer_from_the_notes_holds_the_span_and_cites_the_one_sentence_it_came_from(router, notes):
    reply = router.ask("How long does the irrigation run?")
    assert "12 minutes" in reply.text and reply.text.endswith("[1]") and cited_files(reply) == ["greenhouse.md"]
    assert grounded(reply.text, [NOTES["greenhouse.md"]])


def test_by_default_the_sentence_is_quoted_without_the_llm(router, notes):
    reply = router.ask("what berth is the Marigold at")
    assert reply.text == f'Your documents say: "{NOTES["boat.md"].strip()}" [1]'
    assert reply.handler is Handled.DOCUMENTS and reply.models == [] and cited_files(reply) == ["boat.md"]


def test_auto_mode_has_the_llm_rephrase_the_sentence_and_keep_its_values(runtime, tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "greenhouse.md").write_text(NOTES["greenhouse.md"])
    settings = runtime.settings
    rephrasing = Runtime(settings.model_copy(update={"knowledge": settings.knowledge.model_copy(update={"answer": "auto"})}))
    rephrasing.engines = runtime.engines
    with Router(rephrasing, db=Database(tmp_path / "edge.db")) as router:
        router.knowledge.add([folder])
        reply = router.ask("At what time does the greenhouse irrigation valve open?")
    assert reply.models, "the LLM was asked to rephrase"
    assert ("06:40" in reply.text or "6:40 in the morning" in reply.text) and "12:40" not in reply.text
    assert cited_files(reply) == ["greenhouse.md"]
