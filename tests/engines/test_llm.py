import signal
import subprocess
import sys
import threading

import pytest

from edge.engines import ChatMessage, Llm
from edge.errors import InputError, ModelFileError


def test_it_answers_a_question(runtime):
    assert "Paris" in runtime.llm.chat("What is the capital of France?").text


def test_it_streams_tokens_and_ends_with_stats(runtime):
    generation = runtime.llm.stream("Count from one to five.", max_tokens=30)
    with pytest.raises(RuntimeError, match="has not ended"):
        _ = generation.stats
    pieces = list(generation)
    assert len([p for p in pieces if p]) > 3
    stats = generation.stats
    assert stats.completion_tokens > 3 and stats.prompt_tokens > 5
    assert stats.ttft_s > 0 and stats.generation_tok_s > 0 and stats.finish_reason in ("stop", "length")


def test_a_generation_stopped_before_its_prompt_is_evaluated_is_aborted_inside_llama_cpp(runtime):
    """llama.cpp's abort callback ends the decode: less than one batch of the long prompt is evaluated, where a stop
    seen only between tokens would have waited for all of it. The next request is answered as usual."""
    generation = runtime.llm.stream("Summarise this: " + "the tide comes in and the tide goes out. " * 150)
    generation.stop()
    assert list(generation) == []
    assert generation.stats.finish_reason == "stopped" and generation.stats.prompt_tokens < 512
    assert "Paris" in runtime.llm.chat("What is the capital of France?").text


def test_max_tokens_limits_the_reply(runtime):
    reply = runtime.llm.chat("Write a long story about a dragon.", max_tokens=8)
    assert reply.stats.completion_tokens <= 8 and reply.stats.finish_reason == "length"


def test_a_repeat_penalty_given_for_one_call_keeps_that_reply_from_repeating_itself(runtime):
    asked = [{"role": "user", "content": "Write the word cat ten times."}]
    plain = runtime.llm.chat(asked, max_tokens=30, repeat_penalty=1.0).text
    penalised = runtime.llm.chat(asked, max_tokens=30, repeat_penalty=1.5).text
    assert plain.lower().count("cat") >= 8 > penalised.lower().count("cat")


def test_a_stop_string_ends_the_reply_before_it(runtime):
    prompt = "Describe the sea in two sentences."
    full = runtime.llm.chat(prompt, max_tokens=40).text
    stop = full[len(full) // 2 : len(full) // 2 + 4]
    cut = runtime.llm.chat(prompt, max_tokens=40, stop=[stop])
    assert cut.text == full[: full.index(stop)].strip() and cut.stats.finish_reason == "stop"


def test_chat_messages_keep_their_roles(runtime):
    messages = [
        ChatMessage("system", "You answer with one word."),
        {"role": "user", "content": "What colour is the sky on a clear day?"},
    ]
    assert "blue" in runtime.llm.chat(messages).text.lower()


def test_a_json_schema_constrains_the_output(runtime):
    schema = {
        "type": "object",
        "properties": {"city": {"type": "string"}, "country": {"type": "string"}},
        "required": ["city", "country"],
    }
    value = runtime.llm.chat("Name the capital of Italy as JSON.", json_schema=schema, max_tokens=60).json()
    assert set(value) == {"city", "country"} and all(isinstance(v, str) for v in value.values())


def test_a_gbnf_grammar_constrains_the_output(runtime):
    reply = runtime.llm.chat("Is fire hot? Answer yes or no.", grammar='root ::= "yes" | "no"', max_tokens=4)
    assert reply.text in ("yes", "no")


def test_concurrent_callers_wait_their_turn(runtime):
    answers: list[str] = []
    errors: list[BaseException] = []

    def ask() -> None:
        try:
            answers.append(runtime.llm.chat("What is the capital of France?", max_tokens=16).text)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=ask) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(answers) == 3 and all("Paris" in a for a in answers)


def test_a_prompt_longer_than_the_context_is_one_clear_error(runtime):
    with pytest.raises(InputError, match="context") as err:
        runtime.llm.chat("word " * 20_000)
    assert "llm.context" in err.value.fix


@pytest.mark.parametrize(
    "messages, message", [("", "empty"), ([], "no messages"), ([{"role": "robot", "content": "hi"}], "role")]
)
def test_unusable_prompts_are_refused(runtime, messages, message):
    with pytest.raises(InputError, match=message):
        runtime.llm.chat(messages)


def test_a_text_file_named_gguf_is_refused(settings, tmp_path):
    fake = tmp_path / "model.gguf"
    fake.write_text("hello, I am not a model")
    with pytest.raises(ModelFileError, match="not a GGUF file"):
        Llm(settings.model_copy(update={"llm": settings.llm.model_copy(update={"path": fake})})).load()


def test_a_truncated_gguf_is_refused(settings, tmp_path):
    from edge.models import ModelRegistry

    real = ModelRegistry(settings).resolve("llm").path
    cut = tmp_path / "cut.gguf"
    with real.open("rb") as src:
        cut.write_bytes(src.read(real.stat().st_size // 3))
    with pytest.raises(ModelFileError, match="cannot be loaded"):
        Llm(settings.model_copy(update={"llm": settings.llm.model_copy(update={"path": cut})})).load()


TRUNCATE_WHILE_LOADED = """
import os, shutil, sys
from pathlib import Path
from edge.config import load_settings
from edge.engines import Llm
from edge.models import ModelRegistry

copy = Path(sys.argv[1])
shutil.copy(ModelRegistry(load_settings(env={})).resolve("llm").path, copy)
llm = Llm(load_settings(env={}, llm={"path": str(copy), "mmap": sys.argv[2] == "mmap"}))
llm.load()
print(repr(llm.chat("Say hi.", max_tokens=4).text), flush=True)
{change}
print(repr(llm.chat("Say hello again.", max_tokens=4).text), flush=True)
"""


@pytest.mark.models
@pytest.mark.parametrize(
    "change",
    [
        "os.truncate(copy, 1000)",
        "copy.write_bytes(b'GGUF' + bytes(1000))",
        "new = copy.with_name('new.gguf'); new.write_bytes(b'GGUF' + bytes(1000)); os.replace(new, copy)",
    ],
    ids=["truncated", "overwritten", "replaced"],
)
def test_a_model_file_cut_or_overwritten_while_loaded_does_not_kill_the_process(tmp_path, change):
    """llama.cpp maps the file by default; a truncated map is SIGBUS on the next read. edge reads the file in."""
    script = TRUNCATE_WHILE_LOADED.replace("{change}", change)
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "m.gguf"), "read"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert len(done.stdout.splitlines()) == 2


@pytest.mark.models
def test_with_mmap_on_a_truncated_model_file_is_the_crash_the_default_avoids(tmp_path):
    script = TRUNCATE_WHILE_LOADED.replace("{change}", "os.truncate(copy, 1000)")
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "m.gguf"), "mmap"], capture_output=True, text=True)
    assert done.returncode == -signal.SIGBUS


def test_a_prefilled_history_leaves_the_next_answer_as_it_would_be(runtime):
    history = [
        {"role": "system", "content": "You are a helpful assistant. Answer briefly."},
        {"role": "user", "content": "What is the capital of France?"},
        {"role": "assistant", "content": "The capital of France is Paris."},
    ]
    asked = [*history, {"role": "user", "content": "And of Italy?"}]
    llm = runtime.llm
    llm.prefill([{"role": "user", "content": "Something else entirely."}])
    cold = llm.chat(asked, max_tokens=12)
    shared = llm.prefill(history)
    warm = llm.chat(asked, max_tokens=12)
    assert 0 < shared < cold.stats.prompt_tokens
    assert warm.text == cold.text
