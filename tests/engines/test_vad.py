import numpy as np
import pytest

from edge.engines import Vad


def test_speech_is_found_where_it_is(runtime, speech_clip):
    segments = runtime.vad.segments(speech_clip.path)
    assert 2 <= len(segments) <= 8
    assert segments[0].start_s < 1.0 and segments[-1].end_s > 11.0
    assert all(s.end_s > s.start_s for s in segments)


def test_silence_has_no_speech(runtime, silence):
    assert runtime.vad.segments(silence) == []
    assert runtime.vad.probabilities(silence).max() < 0.2


def test_one_probability_per_32ms_window(runtime, silence):
    assert len(runtime.vad.probabilities(silence)) == len(silence) // 512 + (len(silence) % 512 > 0)


@pytest.mark.models
def test_a_higher_threshold_finds_less_speech(settings, speech_clip):
    strict = Vad(settings.model_copy(update={"vad": settings.vad.model_copy(update={"threshold": 0.95})}))
    relaxed = Vad(settings)
    speech = lambda vad: sum(s.end_s - s.start_s for s in vad.segments(speech_clip.path))
    assert speech(strict) < speech(relaxed)


def test_a_stream_scores_audio_in_pieces_exactly_as_the_whole(runtime, speech_clip):
    from edge.audio import load_audio
    from edge.engines.vad import VadStream

    audio = load_audio(speech_clip.path)
    stream, pieces, i = VadStream(runtime.vad), [], 0
    for size in [100, 700, 512, 3000, 1] * 200:
        pieces.append(stream.feed(audio[i : i + size]))
        i += size
        if i >= len(audio):
            break
    streamed = np.concatenate(pieces)
    whole = runtime.vad.probabilities(audio)
    assert len(streamed) == len(audio) // 512
    np.testing.assert_allclose(streamed, whole[: len(streamed)], atol=1e-6)


def test_a_reset_stream_forgets_what_it_heard(runtime, speech_clip):
    from edge.audio import load_audio
    from edge.engines.vad import VadStream

    audio = load_audio(speech_clip.path)[:16_000]
    stream = VadStream(runtime.vad)
    first = stream.feed(audio)
    stream.reset()
    np.testing.assert_array_equal(stream.feed(audio), first)
