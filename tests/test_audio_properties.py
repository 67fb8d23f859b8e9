"""Whatever bytes arrive as an audio file, reading it gives samples or one InputError naming the fix."""

import io
import wave

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from edge.audio import load_audio, write_wav
from edge.errors import InputError
from tests.recordings import SPEECH

FLAC = (SPEECH / "austen-amiable.flac").read_bytes()


def wav_bytes(seconds: float, rate: int = 16_000) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(np.zeros(round(seconds * rate), dtype=np.int16).tobytes())
    return out.getvalue()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(min_size=1, max_size=4096), st.integers(1, len(FLAC) - 1).map(lambda n: FLAC[:n])))
@example(data=b"RIFF\x00\x00\x00\x00WAVEfmt ")
@example(data=wav_bytes(0.5)[:60])
@example(data="naïve ✓ text, not audio \u202e\u0000".encode())
def test_random_or_truncated_bytes_are_samples_or_one_clear_error(tmp_path, data):
    path = tmp_path / "input.flac"
    path.write_bytes(data)
    try:
        samples = load_audio(path)
    except InputError as exc:
        assert str(path) in exc.message and exc.fix
    else:
        assert samples.dtype == np.float32 and samples.ndim == 1 and samples.size > 0
        assert np.isfinite(samples).all()


def test_a_file_that_says_it_lasts_longer_than_the_limit_is_refused_before_it_is_decoded(tmp_path):
    long = write_wav(tmp_path / "long.wav", np.zeros(8_000 * 90, dtype=np.int16), 8_000)
    with pytest.raises(InputError, match="lasts 2 minutes; the limit is 1") as caught:
        load_audio(long, max_s=60)
    assert "stt.max_audio_s" in caught.value.fix
    assert load_audio(long, max_s=120).size == 16_000 * 90
