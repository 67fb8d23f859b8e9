"""Audio in, as 16 kHz mono float32 frames: a file (optionally at real-time pace), raw PCM, or a microphone."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import numpy as np

from edge.audio import SAMPLE_RATE, load_audio
from edge.errors import InputError, MissingExtra

FRAME = 512
"""32 ms: one VAD window."""


def frames_of(samples: np.ndarray, realtime: bool = False, trailing_silence_s: float = 1.0) -> Iterator[np.ndarray]:
    """Samples cut into frames; ``realtime`` paces them as a microphone would deliver them. The silence after the
    audio lets endpointing see the end of an utterance that stops right at the end of the file."""
    audio = np.concatenate([samples, np.zeros(round(trailing_silence_s * SAMPLE_RATE), dtype=np.float32)])
    start = time.perf_counter()
    for i in range(0, len(audio), FRAME):
        if realtime:
            due = start + (i + FRAME) / SAMPLE_RATE
            time.sleep(max(0.0, due - time.perf_counter()))
        yield audio[i : i + FRAME]


def file_frames(path: str | Path, realtime: bool = False, trailing_silence_s: float = 1.0) -> Iterator[np.ndarray]:
    """Any file FFmpeg decodes (wav, flac, mp3, ogg...)."""
    return frames_of(load_audio(path), realtime, trailing_silence_s)


def pcm_frames(stream: BinaryIO, sample_rate: int = SAMPLE_RATE) -> Iterator[np.ndarray]:
    """Raw signed 16-bit little-endian mono PCM, e.g. from ``arecord -f S16_LE -r 16000`` on stdin."""
    if sample_rate != SAMPLE_RATE:
        raise InputError(f"raw PCM at {sample_rate} Hz", f"record at {SAMPLE_RATE} Hz (arecord -r {SAMPLE_RATE})")
    leftover = b""
    while chunk := stream.read(FRAME * 2):
        data = leftover + chunk
        usable = len(data) - len(data) % 2
        leftover = data[usable:]
        if usable:
            yield np.frombuffer(data[:usable], dtype="<i2").astype(np.float32) / 32768.0


def microphone_available(device: str | int | None = None) -> str | None:
    """The microphone's name, or None when there is none (or no audio library)."""
    try:
        import sounddevice

        return str(sounddevice.query_devices(device, kind="input")["name"])
    except Exception:
        return None


def microphone_frames(stop: threading.Event, device: str | int | None = None) -> Iterator[np.ndarray]:
    """Frames from the microphone until ``stop`` is set."""
    try:
        import sounddevice
    except ImportError:
        raise MissingExtra("sounddevice", "audio", "the microphone") from None
    except OSError:
        raise InputError("PortAudio is not installed, so edge cannot hear", "apt install libportaudio2") from None
    frames: queue.Queue[np.ndarray] = queue.Queue()

    def arrived(data: np.ndarray, _frames: int, _time: object, _status: object) -> None:
        frames.put(data[:, 0].copy())

    with sounddevice.InputStream(
        samplerate=SAMPLE_RATE, channels=1, dtype="float32", blocksize=FRAME, device=device, callback=arrived
    ):
        while not stop.is_set():
            try:
                yield frames.get(timeout=0.1)
            except queue.Empty:
                continue


def voice_input(
    files: list[str], microphone: bool, realtime: bool, stop: threading.Event, device: str | int | None = None
) -> Iterator[np.ndarray]:
    """Frames from each file in turn ('-' is raw PCM on stdin), then the microphone until ``stop``."""
    import sys

    for name in files:
        yield from pcm_frames(sys.stdin.buffer) if name == "-" else file_frames(name, realtime)
    if microphone:
        if microphone_available(device) is None:
            raise InputError("no microphone found", "plug one in, or give audio files instead of --mic")
        yield from microphone_frames(stop, device)
