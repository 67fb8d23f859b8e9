import numpy as np
import pytest

from edge.voice import Recorder

RATE = 1_000


def play_three_tenths(recorder: Recorder) -> None:
    for start in (0, 100, 200):
        recorder.play(np.arange(start, start + 100, dtype=np.int16), RATE)


def test_a_recorder_takes_as_long_to_play_as_the_audio_lasts_and_keeps_none_of_it_by_default():
    recorder = Recorder()
    play_three_tenths(recorder)
    assert recorder.playing
    assert recorder.wait(timeout=5) and not recorder.playing
    assert recorder.played_s == pytest.approx(0.3) and len(recorder.samples()) == 0


def test_it_keeps_the_last_keep_s_seconds_of_audio_for_saving():
    recorder = Recorder(keep_s=0.15)
    play_three_tenths(recorder)
    assert recorder.wait(timeout=5)
    assert recorder.played_s == pytest.approx(0.3) and list(recorder.samples()) == list(range(150, 300))


def test_without_a_limit_everything_played_is_kept_for_saving():
    recorder = Recorder(keep_s=None)
    play_three_tenths(recorder)
    assert recorder.wait(timeout=5) and list(recorder.samples()) == list(range(300))


def test_audio_stopped_half_way_counts_the_part_that_played():
    recorder = Recorder(keep_s=None)
    recorder.play(np.zeros(2_000, dtype=np.int16), RATE)
    recorder.stop()
    assert recorder.played_s < 0.5 and len(recorder.samples()) == round(recorder.played_s * RATE)
    assert recorder.stops == 1 and not recorder.playing
