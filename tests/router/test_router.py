import threading
import time

import pytest

from edge.config import load_settings
from edge.engines import Generation
from edge.router import Decision, Handled, Reply, Retracted, Router, Token
from edge.router.tiers import Prompt, chat_prompt
from edge.runtime import Runtime
from edge.store.database import text_sha256
from tests.faults import ABANDONED, break_first_stream


@pytest.fixture
def router(runtime, db):
    with Router(runtime, db=db) as r:
        yield r


def custom_router(runtime, db, tmp_path, **router_settings) -> Router:
    """A router with its own settings and no answer cache (every call reaches the models), sharing the
    session's loaded engines."""
    settings = load_settings(env={}, data_dir=runtime.settings.data_dir, router=router_settings, cache={"enabled": False})
    custom = Runtime(settings)
    custom.engines = runtime.engines
    return Router(custom, db=db)


def after_last_retraction(events) -> tuple[list[str], list[str]]:
    """The tokens before the last ``Retracted`` and those after it."""
    cut = max((i for i, e in enumerate(events) if isinstance(e, Retracted)), default=-1)
    tokens = lambda part: [e.text for e in part if isinstance(e, Token)]
    return tokens(events[: max(cut, 0)]), tokens(events[cut + 1 :])


def test_a_timer_request_sets_a_timer_that_fires(router):
    heard = []
    router.skills.scheduler.subscribe(heard.append)
    reply = router.ask("set a timer for 1 second")
    assert reply.label == "skill:timer" and reply.text == "Timer set for 1 second."
    deadline = time.time() + 5
    while not heard and time.time() < deadline:
        time.sleep(0.05)
    assert [f.text for f in heard] == ["Your 1 second timer is done."]


def test_a_general_question_streams_its_first_sentence_by_words_then_a_sentence_at_a_time(router):
    events = list(router.stream("Tell me three facts about Paris."))
    assert isinstance(events[0], Decision) and events[0].route == "chat"
    tokens = [e.text for e in events if isinstance(e, Token)]
    reply = events[-1]
    assert isinstance(reply, Reply) and len(tokens) > 1 and "".join(tokens) == reply.text
    ends = [t.rstrip()[-1] in ".!?:)\"'" for t in tokens]
    first_end = ends.index(True)
    assert first_end > 0, "the first sentence arrives in pieces"
    assert all(ends[first_end:-1]), "the sentences after it arrive whole"
    assert "Paris" in reply.text and reply.handler is Handled.LOCAL_LLM and reply.models == ["smollm2-135m-instruct-q4_1"]
    assert reply.confidence is not None and 0 < reply.confidence <= 1


@pytest.mark.parametrize(
    "text, start",
    [
        ("", "I didn't get a request"),
        ("what's the weather going to be like tomorrow", "I can't check the weather"),
        ("order me a pizza from dominos", "I can't do that"),
    ],
)
def test_out_of_scope_requests_get_an_honest_reply(router, text, start):
    reply = router.ask(text)
    assert reply.decision.route == "oos" and reply.handler is Handled.REFUSAL and reply.text.startswith(start)


@pytest.mark.parametrize(
    "text, skill, asks",
    [("add to my list", "notes", "which list"), ("calculate this for me", "math", "which numbers")],
)
def test_a_skill_request_the_skill_cannot_parse_asks_for_what_is_missing_and_no_model_guesses(router, text, skill, asks):
    reply = router.ask(text)
    assert (reply.decision.route, reply.decision.skill, reply.handler) == ("clarify", skill, Handled.CLARIFY)
    assert asks in reply.text and reply.text.endswith("?") and reply.models == []
    (record,) = router.decisions.recent(1)
    assert (record.route, record.handler) == ("clarify", "clarify")


def test_an_unparsed_skill_request_goes_where_the_config_says(runtime, db, tmp_path):
    with custom_router(runtime, db, tmp_path, unparsed_skill_route="oos") as refusing:
        reply = refusing.ask("calculate this for me")
    assert reply.decision.route == "oos" and reply.handler is Handled.REFUSAL


def test_every_request_leaves_a_decision_record_without_its_text(router):
    router.ask("what's 15 percent of 80")
    (record,) = router.decisions.recent(1)
    assert record.input_sha256 == text_sha256("what's 15 percent of 80") and record.route == "skill" and record.skill == "math"
    assert {"decide", "answer", "total"} <= set(record.latency_ms)
    stored = router.db.query("SELECT * FROM decisions")
    assert not any("15 percent" in str(v) for row in stored for v in row.values())


def test_a_turn_prunes_records_past_their_age_after_answering(router):
    old = time.time() - 400 * 86400
    router.db.execute("INSERT INTO memory (conversation, role, text, at) VALUES ('c', 'user', 'long ago', ?)", (old,))
    reply = router.ask("what's 2 plus 2")
    assert "4" in reply.text
    assert router.db.query("SELECT COUNT(*) AS n FROM memory")[0]["n"] == 0
    assert router.db.query("SELECT detail FROM audit WHERE event = 'retention'") == [{"detail": '{"removed": {"memory": 1}}'}]


def test_llm_calls_are_metered_per_model(router):
    router.ask("Tell me a fun fact about octopuses.")
    (usage,) = router.meter.usage()
    assert usage.model == "smollm2-135m-instruct-q4_1" and usage.calls == 1 and usage.completion_tokens > 0 and usage.ms > 0


def test_a_broken_model_is_skipped_by_the_fallback_chain_and_its_breaker_opens(runtime, db, tmp_path):
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(b"GGUF" + b"\0" * 64)
    first_larger = {"chat": ["larger", "local"]}
    router = custom_router(
        runtime, db, tmp_path, cascade={"larger_llm": str(broken)}, chains=first_larger, breaker_failures=2, retries=0
    )
    replies = [router.ask("What is the capital of France?") for _ in range(3)]
    assert all(r.handler is Handled.LOCAL_LLM and "larger" in r.fallbacks for r in replies)
    assert router.breakers["larger"].state == "open"
    assert replies[-1].latency_ms["answer"] < replies[0].latency_ms["answer"] * 3


@pytest.mark.parametrize("fault", ["fail", "stall"])
def test_a_stream_abandoned_midway_is_retracted_and_the_reply_is_the_text_streamed_after_it(
    runtime, db, tmp_path, monkeypatch, fault
):
    router = custom_router(runtime, db, tmp_path, timeout_s=10.0, retries=1)
    break_first_stream(monkeypatch, fault, runtime.llm)
    events = list(router.stream("What is the capital of France?"))
    reply = events[-1]
    assert sum(isinstance(e, Retracted) for e in events) == 1
    before, after = after_last_retraction(events)
    assert before == ABANDONED and "".join(after) == reply.text
    assert reply.handler is Handled.LOCAL_LLM and "Paris" in reply.text and "Abandoned" not in reply.text


def test_a_retraction_withdraws_the_preface_too_and_the_retry_says_it_again(runtime, db, tmp_path, monkeypatch):
    router = custom_router(runtime, db, tmp_path, retries=1)
    break_first_stream(monkeypatch, llm=runtime.llm)
    events = list(router.stream("What does my lease say about pets?"))
    reply = events[-1]
    before, after = after_last_retraction(events)
    assert before[0].startswith("Your knowledge base is empty") and before[1:] == ABANDONED
    assert "".join(after) == reply.text and reply.text.startswith("Your knowledge base is empty")


def test_a_failure_before_the_first_token_is_retried_without_a_retraction(runtime, db, tmp_path, monkeypatch):
    router = custom_router(runtime, db, tmp_path, retries=1)
    real, calls = runtime.llm.stream, []

    def first_crashes(*args, **kwargs):
        calls.append(args)
        if len(calls) == 1:
            raise RuntimeError("llama.cpp crashed")
        return real(*args, **kwargs)

    monkeypatch.setattr(runtime.llm, "stream", first_crashes)
    events = list(router.stream("What is the capital of France?"))
    assert not any(isinstance(e, Retracted) for e in events) and len(calls) == 2
    assert "".join(e.text for e in events if isinstance(e, Token)) == events[-1].text


def test_a_slow_model_times_out_and_the_next_one_answers(runtime, db, tmp_path, monkeypatch):
    """The time limit leaves the larger model room to answer on a busy machine; the local one never starts."""
    router = custom_router(runtime, db, tmp_path, timeout_s=8, retries=0, chains={"chat": ["local", "larger"]})
    router.settings.router.cascade.larger_llm = runtime.registry.resolve("llm").path
    router.tiers.larger_llm().load()
    released = threading.Event()

    def stalled(*args, **kwargs):
        def pieces():
            released.wait(60)
            yield from ()

        return Generation(pieces(), threading.Event())

    monkeypatch.setattr(runtime.llm, "stream", stalled)
    try:
        reply = router.ask("What is the capital of France?")
    finally:
        released.set()
    assert reply.handler is Handled.LARGER_LLM and reply.fallbacks == ["local"]


def test_an_unsure_answer_escalates_to_the_larger_model(runtime, db, tmp_path):
    router = custom_router(runtime, db, tmp_path, cascade={"min_confidence": 0.999})
    router.settings.router.cascade.larger_llm = runtime.registry.resolve("llm").path
    reply = router.ask("What is the capital of France?")
    assert reply.fallbacks[0].startswith("local: confidence")
    assert reply.handler in (Handled.LOCAL_LLM, Handled.LARGER_LLM)


def test_a_request_whose_every_stream_breaks_midway_retracts_them_all_and_says_it_could_not_answer(
    runtime, db, tmp_path, monkeypatch
):
    router = custom_router(runtime, db, tmp_path, retries=0)
    break_first_stream(monkeypatch, llm=runtime.llm)
    events = list(router.stream("Tell me about the moon."))
    reply = events[-1]
    assert [type(e).__name__ for e in events[1:]] == ["Token", "Token", "Retracted", "Reply"]
    assert reply.handler is Handled.ERROR and "ask again" in reply.text


def test_a_request_every_model_fails_lands_in_the_dead_letters(runtime, db, tmp_path, monkeypatch):
    router = custom_router(runtime, db, tmp_path, retries=0)

    def crash(*args, **kwargs):
        def pieces():
            raise RuntimeError("llama.cpp crashed")
            yield

        return Generation(pieces(), threading.Event())

    monkeypatch.setattr(runtime.llm, "stream", crash)
    reply = router.ask("Tell me about the moon.")
    assert reply.handler is Handled.ERROR and "ask again" in reply.text
    (letter,) = router.dead_letters.read()
    assert letter["input_sha256"] == text_sha256("Tell me about the moon.") and letter["route"] == "chat"
    assert letter["attempts"][0]["error"] == "RuntimeError: llama.cpp crashed"
    assert "moon" not in str(router.db.query("SELECT * FROM dead_letters"))


def test_a_priced_model_over_its_monthly_budget_is_not_called(runtime, db, tmp_path):
    settings = load_settings(
        env={},
        data_dir=runtime.settings.data_dir,
        router={"retries": 0},
        metering={"prices": {"smollm2-135m-instruct-q4_1": {"output_per_mtok": 1000.0}}, "budget": {"monthly_usd": 0.0001}},
    )
    custom = Runtime(settings)
    custom.engines = runtime.engines
    router = Router(custom, db=db)
    first = router.ask("Tell me a fun fact about octopuses.")
    assert first.handler is Handled.LOCAL_LLM and first.cost_usd > 0.0001
    second = router.ask("Tell me a fun fact about whales.")
    assert second.handler is Handled.ERROR and "over this month's budget" in second.error
    (usage,) = router.meter.usage()
    assert usage.calls == 1


def test_a_stopped_request_ends_at_the_next_token_and_is_forgotten(runtime, db, tmp_path):
    router = custom_router(runtime, db, tmp_path)
    stop = threading.Event()
    pieces = []
    with router:
        for event in router.stream("Write a long story about a dragon who learns to cook.", "talk", stop):
            assert not isinstance(event, Retracted)
            if isinstance(event, Token):
                pieces.append(event.text)
                if len(pieces) == 5:
                    stop.set()
            elif isinstance(event, Reply):
                reply = event
        assert reply.handler is Handled.STOPPED and reply.text == ""
        assert len(pieces) <= 7
        assert router.memory.recent("talk") == []
        assert router.dead_letters.read() == []


def test_settings_given_beside_a_runtime_are_refused_rather_than_ignored(runtime):
    with pytest.raises(TypeError, match="settings go to the Runtime"):
        Router(runtime, knowledge={"answer": "extract"})


def test_open_answers_are_sampled_with_the_chat_repeat_penalty_and_the_rest_with_the_plain_one():
    llm = load_settings(env={}).llm
    assert chat_prompt(llm, [], "Tell me about octopuses.").repeat_penalty == llm.chat_repeat_penalty == 1.1
    assert chat_prompt(llm, [], "What does my contract say?", wants_documents=True).repeat_penalty == 1.1
    assert Prompt([{"role": "user", "content": "x"}]).repeat_penalty is None and llm.repeat_penalty == 1.0
