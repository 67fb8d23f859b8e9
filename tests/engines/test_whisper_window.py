"""Whisper on a window sized to the utterance (edge/engines/whisper_window.py)."""

import numpy as np
import pytest

from edge.audio import load_audio
from edge.engines import whisper_window
from edge.evaluation.metrics import normalize_words
from tests.recordings import recording


@pytest.mark.parametrize("content_frames, window", [(300, 1000), (950, 1100), (1500, 1600), (2950, 3000), (4000, 3000)])
def test_the_window_is_the_utterance_plus_a_second_at_least_ten_seconds_at_most_thirty(content_frames, window):
    assert whisper_window.window_frames(content_frames) == window


def test_only_audio_shorter_than_the_full_window_fits():
    assert whisper_window.fits(np.zeros(28 * 16_000, dtype=np.float32), 16_000)
    assert not whisper_window.fits(np.zeros(int(29.5 * 16_000), dtype=np.float32), 16_000)


@pytest.mark.parametrize("seconds, tokens", [(0.5, 25), (3.0, 50), (28.0, 300)])
def test_a_transcript_may_hold_ten_tokens_a_second_and_twenty_more(seconds, tokens):
    assert whisper_window.token_budget(seconds) == tokens


@pytest.mark.models
def test_the_decoder_is_stopped_at_the_utterances_budget(runtime, monkeypatch):
    real, asked = whisper_window._decode, []

    def recorded(model, tokenizer, prompt, features, frames, beam_size, max_length):
        asked.append(max_length - len(prompt))
        return real(model, tokenizer, prompt, features, frames, beam_size, max_length)

    monkeypatch.setattr(whisper_window, "_decode", recorded)
    samples = load_audio(recording("austen-amiable.flac").path)
    whisper_window.transcribe(runtime.stt.model, samples, "en", 1)
    assert asked == [whisper_window.token_budget(len(samples) / 16_000)]


@pytest.mark.models
def test_a_short_utterance_is_heard_on_a_ten_second_window(runtime):
    clip = recording("austen-amiable.flac")
    decoded = whisper_window.transcribe(runtime.stt.model, load_audio(clip.path), "en", 1)
    assert decoded.frames == 1000 and normalize_words(decoded.text) == clip.words


@pytest.mark.models
def test_endpointed_speech_takes_the_sized_window_and_a_file_the_full_one(runtime):
    clip = recording("austen-amiable.flac")
    cut = runtime.stt.transcribe(load_audio(clip.path), vad_filter=False)
    assert normalize_words(cut.text) == clip.words
    assert [(s.start, s.end) for s in cut.segments] == [(0.0, cut.duration_s)]
    whole = runtime.stt.transcribe(clip.path)
    assert normalize_words(whole.text) == clip.words
    assert [(s.start, s.end) for s in whole.segments] == [(0.0, 3.0)], "timestamps come from the full window's decoding"


@pytest.mark.models
def test_silence_on_a_sized_window_is_no_text(runtime):
    assert runtime.stt.transcribe(np.zeros(32_000, dtype=np.float32), vad_filter=False).text == ""


@pytest.mark.models
def test_a_transcript_that_repeats_itself_is_decoded_again_on_the_full_window(runtime, monkeypatch):
    real = whisper_window._decode
    windows = []

    def looping_on_short_windows(model, tokenizer, prompt, features, frames, beam_size, max_length):
        windows.append(frames)
        if frames < whisper_window.FULL_FRAMES:
            return whisper_window.Decoded("in being modern. " * 20, -0.2, 0.01, frames)
        return real(model, tokenizer, prompt, features, frames, beam_size, max_length)

    monkeypatch.setattr(whisper_window, "_decode", looping_on_short_windows)
    clip = recording("austen-amiable.flac")
    decoded = whisper_window.transcribe(runtime.stt.model, load_audio(clip.path), "en", 1)
    assert windows == [1000, 3000] and normalize_words(decoded.text) == clip.words
