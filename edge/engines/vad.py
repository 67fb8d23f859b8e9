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
