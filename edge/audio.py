"""Audio in and out: decode any common file to 16 kHz mono float32, write WAV, play."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

from edge.errors import InputError, MissingExtra
from edge.library_imports import import_serially

SAMPLE_RATE = 16_000
AUDIO_FIX = "give a wav, flac, mp3 or ogg file with speech in it"


def load_audio(source: str | Path | np.ndarray, sample_rate: int = SAMPLE_RATE, max_s: float | None = None) -> np.ndarray:
    """A file path (anything PyAV/FFmpeg decodes) or samples at ``sample_rate`` → mono float32. A file that says it
    lasts longer than ``max_s`` is refused before it is decoded (two hours of samples take 460 MB)."""
    if isinstance(source, np.ndarray):
        return _check_samples(source)
    path = Path(source)
    if not path.is_file():
        raise InputError(f"audio file {path} does not exist", "check the path")
    if path.stat().st_size == 0:
        raise InputError(f"audio file {path} is empty (0 bytes)", AUDIO_FIX)
    if max_s is not None and (duration := _declared_duration_s(path)) is not None and duration > max_s:
        raise InputError(
            f"{path} lasts {duration / 60:.0f} minutes; the limit is {max_s / 60:.0f}",
            "split it (ffmpeg -i IN -f segment -segment_time 3600 part%02d.flac) or raise stt.max_audio_s",
        )
    import_serially("faster_whisper")
    from faster_whisper.audio import decode_audio

    try:
        samples = decode_audio(str(path), sampling_rate=sample_rate)
    except Exception as exc:
        raise InputError(f"{path} is not a readable audio file ({type(exc).__name__}: {exc})", AUDIO_FIX) from None
    if samples.size == 0:
        raise InputError(f"audio file {path} holds no audio samples", AUDIO_FIX)
    return samples


def _declared_duration_s(path: Path) -> float | None:
    """The duration the container states, without decoding; None when it states none or cannot be opened (the
    decoder then says what is wrong)."""
    import av

    try:
        with av.open(str(path)) as container:
            return container.duration / av.time_base if container.duration else None
    except Exception:
        return None


def _check_samples(samples: np.ndarray) -> np.ndarray:
    if samples.ndim != 1:
        raise InputError(f"audio samples have shape {samples.shape}; expected one channel", "pass mono samples (1-D)")
    if samples.size == 0:
        raise InputError("audio samples are empty", "pass at least a few hundred milliseconds of audio")
    if samples.dtype == np.int16:
        return samples.astype(np.float32) / 32768.0
    if not np.issubdtype(samples.dtype, np.floating):
        raise InputError(f"audio samples have dtype {samples.dtype}", "pass float32 in [-1, 1] or int16 samples")
    samples = samples.astype(np.float32, copy=False)
    if not np.isfinite(samples).all():
        raise InputError("audio samples contain NaN or infinity", "pass finite float32 samples in [-1, 1]")
    return samples


def write_wav(path: str | Path, samples: np.ndarray, sample_rate: int) -> Path:
    """Write int16 mono samples as a WAV file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(sample_rate)
        wav.writeframes(np.asarray(samples, dtype=np.int16).tobytes())
    return path


def output_device() -> str | None:
    """The default speaker's name, or None when there is no speaker or no audio library."""
    try:
        import sounddevice
    except (ImportError, OSError):
        return None
    try:
        return str(sounddevice.query_devices(kind="output")["name"])
    except Exception:
        return None


def play(samples: np.ndarray, sample_rate: int) -> None:
    """Play int16 samples on the default speaker and wait until they are done."""
    try:
        import sounddevice
    except ImportError:
        raise MissingExtra("sounddevice", "audio", "playback") from None
    except OSError:
        raise InputError(
            "PortAudio is not installed, so edge cannot play sound", "apt install libportaudio2, or write a file with -o out.wav"
        ) from None
    sounddevice.play(samples, sample_rate)
    sounddevice.wait()
