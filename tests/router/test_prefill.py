import threading

from edge.engines import Llm
from edge.router import Handled, Router
from edge.store.database import Database


def ask(router: Router, text: str):
    return router.ask(text, conversation="kitchen", max_sentences=1)


def test_after_a_turn_the_history_the_next_prompt_starts_with_is_prefilled(runtime, tmp_path, monkeypatch):
    prefilled = []
    real = Llm.prefill
    monkeypatch.setattr(Llm, "prefill", lambda self, messages, halt: prefilled.append(messages) or real(self, messages, halt))
    with Router(runtime, db=Database(tmp_path / "edge.db")) as router:
        ask(router, "Tell me a fun fact about cats.")
        router.prefill.close()
    (messages,) = prefilled
    assert [m["role"] for m in messages] == ["system", "user", "assistant"]
    assert messages[1]["content"] == "Tell me a fun fact about cats."


def test_the_prefill_runs_at_the_lowest_priority_so_the_next_utterance_is_transcribed_first(runtime, tmp_path, monkeypatch):
    """A prefill shared both cores with the transcription of what the user said next: 0.6 s of speech took 3 s."""
    import os

    priorities = []
    real = Llm.prefill

    def noted(self, messages, halt):
        priorities.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
        return real(self, messages, halt)

    monkeypatch.setattr(Llm, "prefill", noted)
    with Router(runtime, db=Database(tmp_path / "edge.db")) as router:
        ask(router, "Tell me a fun fact about cats.")
        router.prefill.close()
    assert priorities == [19] and os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) != 19


def test_a_prefill_that_fails_costs_only_its_head_start(runtime, tmp_path, monkeypatch, caplog):
    def broken(self, messages, halt):
        raise RuntimeError("llama_decode returned -1")

    monkeypatch.setattr(Llm, "prefill", broken)
    with Router(runtime, db=Database(tmp_path / "edge.db")) as router:
        ask(router, "Tell me a fun fact about cats.")
        reply = ask(router, "And one about dogs?")
    assert reply.handler is Handled.LOCAL_LLM and reply.text
    assert "not prefilled (RuntimeError: llama_decode returned -1)" in caplog.text


def test_a_stopped_prefill_ends_inside_llama_cpp_and_the_next_answer_comes(runtime, tmp_path):
    """A request that needs the LLM stops the prefill: it runs on idle CPU only, and waiting for all of it would
    cost the request more than evaluating the rest itself."""
    history = [{"role": "user", "content": "the tide comes in and the tide goes out. " * 150}]
    with Router(runtime, db=Database(tmp_path / "edge.db")) as router:
        halt = threading.Event()
        router.runtime.llm.stop(halt)
        assert router.runtime.llm.prefill(history, halt) == 0
        assert router.runtime.llm.prefill(history) > 1000
        assert ask(router, "What is the capital of France?").handler is Handled.LOCAL_LLM
