"""Voice activity detection with Silero VAD v6 (ONNX): speech probabilities and speech segments."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from edge.audio import SAMPLE_RATE, load_audio
from edge.engines.base import Engine
from edge.errors import ModelFileError
from edge.models import ResolvedModel

WINDOW = 512
"""Silero v6 scores 32 ms windows of 16 kHz audio."""


@dataclass(frozen=True)
class SpeechSegment:
    start_s: float
    end_s: float


class Vad(Engine[Any]):
    role = "vad"
    libraries = ("faster_whisper",)

    def _open(self, info: ResolvedModel) -> Any:
        from faster_whisper.vad import SileroVADModel

        try:
            return SileroVADModel(str(info.path))
        except Exception as exc:
            raise ModelFileError(
                f"vad model {info.path} is not a loadable ONNX model ({exc})",
                "point vad.path at a Silero VAD .onnx file or remove it to use the default",
            ) from None

    def _warmup(self) -> None:
        self.model(np.zeros(WINDOW * 4, dtype=np.float32))

    def probabilities(self, audio: str | Path | np.ndarray) -> np.ndarray:
        """Speech probability of each 32 ms window."""
        samples = load_audio(audio)
        padded = np.pad(samples, (0, -len(samples) % WINDOW))
        with self._call() as model:
            return np.asarray(model(padded), dtype=np.float32).reshape(-1)

    def segments(self, audio: str | Path | np.ndarray) -> list[SpeechSegment]:
        """Speech stretches: start above the threshold, end after enough quiet."""
        probs = self.probabilities(audio)
        opts = self.settings.vad
        on, off = opts.threshold, max(opts.threshold - 0.15, 0.01)
        window_s = WINDOW / SAMPLE_RATE
        quiet_needed = max(1, round(opts.min_silence_ms / 1000 / window_s))
        segments: list[SpeechSegment] = []
        start: int | None = None
        quiet = 0
        for i, p in enumerate(probs):
            if start is None:
                if p >= on:
                    start, quiet = i, 0
            elif p < off:
                quiet += 1
                if quiet >= quiet_needed:
                    segments.append(SpeechSegment(start * window_s, (i - quiet + 1) * window_s))
                    start = None
            else:
                quiet = 0
        if start is not None:
            segments.append(SpeechSegment(start * window_s, len(probs) * window_s))
        min_len = opts.min_speech_ms / 1000
        return [s for s in segments if s.end_s - s.start_s >= min_len]


CONTEXT = 64
"""Each window is scored with the last 64 samples of the window before it."""


class VadStream:
    """Speech probabilities for audio that arrives in pieces (a microphone, a live stream): the model's recurrent
    state and each window's context carry over from one piece to the next, so the result equals scoring the whole."""

    def __init__(self, vad: Vad) -> None:
        self.vad = vad
        self.reset()

    def reset(self) -> None:
        self._state = (np.zeros((1, 1, 128), dtype=np.float32), np.zeros((1, 1, 128), dtype=np.float32))
        self._context = np.zeros(CONTEXT, dtype=np.float32)
        self._pending = np.zeros(0, dtype=np.float32)

    def feed(self, samples: np.ndarray) -> np.ndarray:
        """Probabilities of the complete 32 ms windows the new samples finish (none while a window is filling)."""
        audio = np.concatenate([self._pending, np.asarray(samples, dtype=np.float32)])
        n = len(audio) // WINDOW
        self._pending = audio[n * WINDOW :]
        if n == 0:
            return np.zeros(0, dtype=np.float32)
        windows = audio[: n * WINDOW].reshape(n, WINDOW)
        contexts = np.concatenate([self._context[None], windows[:-1, -CONTEXT:]])
        self._context = windows[-1, -CONTEXT:].copy()
        with self.vad._call() as model:
            out, h, c = model.session.run(
                None, {"input": np.concatenate([contexts, windows], axis=1), "h": self._state[0], "c": self._state[1]}
            )
        self._state = (h, c)
        return np.asarray(out, dtype=np.float32).reshape(-1)
