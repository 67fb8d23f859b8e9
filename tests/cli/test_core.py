"""models, doctor, transcribe, say, ask, route, timers, embed and the behaviour every command shares, run in-process."""

import os
from pathlib import Path

import numpy as np
import pytest

from edge.audio import output_device, write_wav
from edge.cli.core import erase
from edge.evaluation.metrics import normalize_words as words
from edge.store.database import MIGRATIONS
from tests.cli.runner import edge_cli, jsonl, one_line_error
from tests.faults import ABANDONED, break_first_stream


@pytest.mark.models
def test_models_json_shows_every_role_verified_and_loaded():
    result = edge_cli("models", "--json")
    assert result.returncode == 0, result.stderr
    rows = {row["role"]: row for row in jsonl(result)}
    assert set(rows) == {"vad", "stt", "embedder", "classifier", "llm", "tts"}
    for row in rows.values():
        assert row["checksum_ok"] and row["loaded"] and row["load_s"] > 0 and row["size"] > 0
        assert Path(row["path"]).is_file() and row["source"]


@pytest.mark.models
def test_transcribe_prints_the_sentence(speech_clip):
    result = edge_cli("transcribe", str(speech_clip.path))
    assert result.returncode == 0
    assert speech_clip.is_heard_in(result.stdout)


@pytest.mark.models
def test_transcribe_json_has_the_documented_keys(speech_clip):
    (row,) = jsonl(edge_cli("transcribe", "--json", str(speech_clip.path)))
    assert {"text", "language", "duration_s", "segments", "timings"} <= set(row)
    assert {"start", "end", "text"} <= set(row["segments"][0])


@pytest.mark.models
def test_say_writes_speech_that_transcribe_reads_back(tmp_path):
    out = tmp_path / "hello.wav"
    text = "The quick brown fox jumps over the lazy dog."
    said = edge_cli("say", text, "-o", str(out), "--json")
    assert said.returncode == 0, said.stderr
    assert jsonl(said)[0]["duration_s"] > 1
    heard = edge_cli("transcribe", str(out))
    assert words(heard.stdout) == words(text)


def test_say_without_a_speaker_asks_for_a_file():
    if output_device():
        pytest.skip("this machine has a speaker")
    result = edge_cli("say", "hello")
    assert result.returncode == 1
    assert "-o out.wav" in one_line_error(result)


@pytest.mark.models
def test_ask_streams_json_tokens_and_ends_with_the_routed_reply(tmp_path):
    own_store = {"XDG_DATA_HOME": str(tmp_path)}
    rows = jsonl(edge_cli("ask", "--stream", "--json", "What is the capital of France?", env=own_store))
    *tokens, reply = rows
    assert tokens and "".join(t["token"] for t in tokens) == reply["text"]
    assert reply["done"] and reply["route"] == "chat" and reply["handler"] == "llm:local" and "Paris" in reply["text"]
    assert reply["models"] == ["smollm2-135m-instruct-q4_1"] and reply["latency_ms"]["total"] > 0
    (again,) = jsonl(edge_cli("ask", "--json", "what is the capital of france", env=own_store))
    assert (again["handler"], again["cached"], again["text"]) == ("cache", "exact", reply["text"])


@pytest.mark.models
def test_ask_streams_text_once(tmp_path):
    result = edge_cli("ask", "--stream", "What is the capital of France?", env={"XDG_DATA_HOME": str(tmp_path)})
    assert result.returncode == 0 and result.stdout.count("Paris") == 1


@pytest.mark.models
def test_ask_streams_a_cached_answer_once(tmp_path):
    own_store = {"XDG_DATA_HOME": str(tmp_path)}
    first = edge_cli("ask", "--stream", "What is the capital of France?", env=own_store)
    again = edge_cli("ask", "--stream", "What is the capital of France?", env=own_store)
    assert again.returncode == 0 and again.stdout == first.stdout and again.stdout.count("Paris") == 1


@pytest.mark.models
def test_ask_streams_a_retried_answer_on_a_line_of_its_own_after_the_abandoned_text(tmp_path, monkeypatch):
    own_store = {"XDG_DATA_HOME": str(tmp_path)}
    break_first_stream(monkeypatch)
    result = edge_cli("ask", "--stream", "What is the capital of France?", env=own_store)
    (cached,) = jsonl(edge_cli("ask", "--json", "What is the capital of France?", env=own_store))
    assert result.returncode == 0 and "Paris" in cached["text"]
    assert result.stdout == "".join(ABANDONED) + "\n" + cached["text"] + "\n"


@pytest.mark.models
def test_ask_streams_json_a_retracted_event_and_the_reply_is_the_tokens_after_it(tmp_path, monkeypatch):
    break_first_stream(monkeypatch)
    rows = jsonl(edge_cli("ask", "--stream", "--json", "What is the capital of France?", env={"XDG_DATA_HOME": str(tmp_path)}))
    cut = rows.index({"event": "retracted"})
    *after, reply = rows[cut + 1 :]
    assert [row["token"] for row in rows[:cut]] == ABANDONED and rows.count({"event": "retracted"}) == 1
    assert "".join(row["token"] for row in after) == reply["text"] and reply["handler"] == "llm:local"


def test_a_retraction_on_a_terminal_takes_the_cursor_back_over_every_row_the_text_filled():
    assert erase("Octopuses are", 80) == "\r\x1b[J"
    assert erase("x" * 100, 80) == "\r\x1b[1A\x1b[J"
    assert erase("Octopuses:\n\n- eight arms\n" + "y" * 160, 80) == "\r\x1b[4A\x1b[J"


@pytest.mark.models
def test_route_shows_the_timer_decision_without_setting_a_timer(tmp_path):
    own_store = {"XDG_DATA_HOME": str(tmp_path)}
    (row,) = jsonl(edge_cli("route", "--json", "set a timer for ten minutes", env=own_store))
    assert {"route", "intent", "skill", "slots", "confidence", "latency_ms"} <= set(row)
    assert (row["route"], row["intent"], row["skill"], row["slots"]["seconds"]) == ("skill", "timer", "timer", 600)
    assert edge_cli("timers", env=own_store).stdout.strip() == "no timers, alarms or reminders"


@pytest.mark.models
def test_ask_sets_a_timer_that_a_later_command_sees_fire(tmp_path):
    own_store = {"XDG_DATA_HOME": str(tmp_path)}
    result = edge_cli("ask", "set a timer for 6 seconds", env=own_store)
    assert result.stdout.strip() == "Timer set for 6 seconds."
    (running,) = jsonl(edge_cli("timers", "--json", env=own_store))
    assert running["kind"] == "timer" and running["state"] == "running" and running["seconds"] == 6
    listed, fired = jsonl(edge_cli("timers", "--json", "--wait", env=own_store))
    assert listed["id"] == running["id"] and fired["text"] == "Your 6 second timer is done."


@pytest.mark.models
def test_an_empty_request_gets_an_honest_reply():
    result = edge_cli("ask", "")
    assert result.returncode == 0 and result.stdout.startswith("I didn't get a request")


@pytest.mark.models
def test_several_inputs_from_stdin_give_json_lines():
    result = edge_cli("embed", "--json", "-", stdin=b"first text\nsecond text\n\nthird text\n")
    rows = jsonl(result)
    assert [r["text"] for r in rows] == ["first text", "second text", "third text"]
    assert all(r["dim"] == 384 and len(r["vector"]) == 384 for r in rows)


@pytest.mark.models
def test_a_bad_input_in_a_batch_is_reported_and_the_rest_still_run(speech_clip, tmp_path):
    garbage = tmp_path / "noise.ogg"
    garbage.write_bytes(os.urandom(4000))
    result = edge_cli("transcribe", "--json", str(garbage), str(speech_clip.path))
    assert result.returncode == 1
    bad, good = jsonl(result)
    assert "not a readable audio file" in bad["error"] and bad["fix"]
    assert speech_clip.is_heard_in(good["text"])
    one_line_error(result)


@pytest.mark.parametrize(
    "args, stdin, message",
    [
        pytest.param(("embed", "-"), b"x" * 1_048_576 + b"\n", "limit", marks=pytest.mark.models),
        pytest.param(("ask", "-"), ("word " * 209_715).encode() + b"\n", "limit", marks=pytest.mark.models),
        (("embed", "-"), b"\xff\xfe bad utf-8\n", "not valid UTF-8"),
        pytest.param(("transcribe", "/nonexistent/file.wav"), b"", "does not exist", marks=pytest.mark.models),
    ],
    ids=["1 MB to embed", "1 MB to ask", "bad utf-8", "missing audio file"],
)
def test_bad_text_and_files_get_one_clear_line(args, stdin, message):
    result = edge_cli(*args, stdin=stdin)
    assert result.returncode == 1
    assert message in one_line_error(result)


@pytest.mark.models
def test_silent_audio_is_no_speech(tmp_path):
    path = write_wav(tmp_path / "silence.wav", np.zeros(32000, dtype=np.int16), 16000)
    result = edge_cli("transcribe", str(path))
    assert result.returncode == 1 and "no speech" in one_line_error(result)


def test_a_retired_setting_is_one_warning_line_and_the_command_runs(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("[knowledge]\nchat_similarity = 0.4\n")
    result = edge_cli("--config", str(config), "timers")
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        f"warning: {config}: 'knowledge.chat_similarity' is retired and ignored: "
        "router.documents_similarity and router.documents_words now decide for every request"
    ]


def test_a_broken_config_exits_2_with_the_key_named(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("[llm]\ncontext = 'lots'\n")
    result = edge_cli("ask", "hi", "--config", str(config))
    assert result.returncode == 2 and "llm.context" in one_line_error(result)


@pytest.mark.models
def test_a_corrupt_model_fails_that_role_only(tmp_path):
    fake = tmp_path / "fake.gguf"
    fake.write_text("not a model")
    result = edge_cli("models", "--json", env={"EDGE_LLM__PATH": str(fake)})
    assert result.returncode == 1
    rows = {row["role"]: row for row in jsonl(result)}
    assert rows["llm"]["state"] == "failed" and "not a GGUF file" in rows["llm"]["error"]
    assert all(rows[r]["state"] == "ready" for r in ("vad", "stt", "embedder", "classifier", "tts"))


@pytest.mark.models
def test_doctor_checks_everything_and_names_the_sqlite_driver():
    result = edge_cli("doctor", "--json")
    checks = {c["name"]: c for c in jsonl(result)}
    assert {"python", "sqlite extensions", "audio output", "model llm", "package llama-cpp-python"} <= set(checks)
    assert checks["sqlite extensions"]["status"] == "ok" and "sqlite-vec" in checks["sqlite extensions"]["detail"]
    assert checks["store"]["status"] == "ok" and f"schema v{len(MIGRATIONS)}," in checks["store"]["detail"]
    assert all(c["status"] == "ok" for name, c in checks.items() if name.startswith("model "))
    assert result.returncode == 0


def test_an_unexpected_error_is_one_line_naming_debug_and_exits_3():
    result = edge_cli("audit", env={"XDG_DATA_HOME": os.devnull})
    assert result.returncode == 3 and "--debug" in one_line_error(result)
