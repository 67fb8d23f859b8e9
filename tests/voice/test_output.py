import numpy as np
import pytest

from edge.voice import Recorder

RATE = 1_000


def test_a_recorder_takes_as_long_to_play_as_the_audio_lasts_and_keeps_what_played():
    recorder = Recorder()
    recorder.play(np.arange(100, dtype=np.int16), RATE)
    assert recorder.playing
    assert recorder.wait(timeout=5) and not recorder.playing
    assert recorder.played_s == pytest.approx(0.1) and list(recorder.samples()) == list(range(100))


def test_a_long_session_keeps_only_the_last_keep_s_seconds_of_audio():
    recorder = Recorder(keep_s=0.15)
    for start in (0, 100, 200):
        recorder.play(np.arange(start, start + 100, dtype=np.int16), RATE)
    assert recorder.wait(timeout=5)
    assert recorder.played_s == pytest.approx(0.15) and list(recorder.samples()) == list(range(150, 300))


def test_without_a_limit_everything_played_is_kept_for_saving():
    recorder = Recorder(keep_s=None)
    for start in (0, 100, 200):
        recorder.play(np.arange(start, start + 100, dtype=np.int16), RATE)
    assert recorder.wait(timeout=5) and list(recorder.samples()) == list(range(300))


def test_audio_stopped_half_way_keeps_the_part_that_played():
    recorder = Recorder()
    recorder.play(np.zeros(2_000, dtype=np.int16), RATE)
    recorder.stop()
    assert recorder.played_s < 0.5 and recorder.stops == 1 and not recorder.playing
