import numpy as np
import pytest

from edge.audio import write_wav
from tests.test_cli import edge_cli, jsonl, one_line_error

pytestmark = pytest.mark.models


@pytest.fixture(scope="module")
def timer_wav(runtime, tmp_path_factory):
    path = tmp_path_factory.mktemp("voice") / "timer.wav"
    runtime.tts.to_wav("Set a timer for ten minutes.", path)
    return path


def test_listen_hears_a_spoken_command_routes_it_and_writes_the_spoken_answer(timer_wav, tmp_path):
    out = tmp_path / "answer.wav"
    result = edge_cli("listen", str(timer_wav), "--json", "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    rows = jsonl(result)
    assert "timer for 10 minutes" in rows[0]["heard"].lower()
    assert rows[1] == {"route": "skill", "skill": "timer"}
    assert rows[2]["handler"] == "skill:timer" and rows[2]["text"] == "Timer set for 10 minutes."
    assert rows[3]["spoken"] is True and rows[3]["transcript"] <= rows[3]["first_audio"]
    assert out.stat().st_size > 20_000


def test_listen_reads_raw_pcm_from_stdin(runtime, timer_wav):
    from edge.audio import load_audio

    pcm = (load_audio(timer_wav) * 32767).astype("<i2").tobytes()
    result = edge_cli("listen", "-", "--json", "--no-speak", stdin=pcm)
    assert result.returncode == 0, result.stderr.decode()
    assert jsonl(result)[2]["handler"] == "skill:timer"


def test_listen_to_a_missing_or_broken_file_is_one_error_and_the_next_file_still_runs(timer_wav, tmp_path):
    broken = tmp_path / "broken.wav"
    broken.write_bytes(b"RIFF not really audio")
    result = edge_cli("listen", str(tmp_path / "missing.wav"), "--no-speak")
    assert result.returncode == 1 and "does not exist" in one_line_error(result)
    result = edge_cli("listen", str(broken), "--no-speak")
    assert result.returncode == 1 and "not a readable audio file" in one_line_error(result)


def test_listen_to_noise_says_it_heard_no_speech(tmp_path):
    noise = tmp_path / "noise.wav"
    write_wav(noise, np.random.default_rng(0).integers(-300, 300, 48_000), 16_000)
    result = edge_cli("listen", str(noise), "--no-speak")
    assert result.returncode == 0
    assert "heard no speech" in result.stderr.decode()


def test_listen_with_nothing_to_listen_to_names_the_fix():
    result = edge_cli("listen")
    assert result.returncode == 1 and "--mic" in one_line_error(result)
