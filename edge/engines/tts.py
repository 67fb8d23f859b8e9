"""Text to speech with piper-tts (GPL-3.0, optional extra `tts`): audio one sentence at a time."""

from __future__ import annotations

import json
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from edge.audio import write_wav
from edge.engines.base import Engine
from edge.engines.onnx import GuardedSession, open_session
from edge.engines.threads import thread_plan
from edge.errors import MissingExtra, ModelFileError
from edge.models import ResolvedModel

LONG_PHONEMES = 250
"""Phoneme ids in a sentence of about 20 words. The arena grows with the longest sentence spoken, so past this
it is released after the sentence."""


@dataclass(frozen=True)
class AudioChunk:
    """One sentence of speech."""

    samples: np.ndarray
    """int16 mono samples."""
    sample_rate: int

    @property
    def duration_s(self) -> float:
        return len(self.samples) / self.sample_rate


@dataclass(frozen=True)
class SpeechFile:
    path: Path
    duration_s: float
    sample_rate: int
    sentences: int
    first_chunk_s: float
    total_s: float


class Tts(Engine[Any]):
    role = "tts"
    libraries = ("piper",)
    reentrant = False
    """espeak-ng, which piper phonemizes with, keeps global state."""

    def _open(self, info: ResolvedModel) -> Any:
        try:
            from piper import PiperConfig, PiperVoice
        except ImportError:
            raise MissingExtra("piper-tts", "tts", "text to speech") from None
        model = info.files["model"]
        config = info.files.get("config") or Path(f"{model}.json")
        if not config.is_file():
            raise ModelFileError(f"tts voice config {config} is missing", f"put the voice's .onnx.json next to {model.name}")
        try:
            voice_config = json.loads(config.read_text(encoding="utf-8"))
        except (ValueError, OSError) as exc:
            raise ModelFileError(
                f"tts voice config {config} is not valid JSON ({exc})", "restore the voice's .onnx.json"
            ) from None
        opts = self.settings.tts
        session = open_session(model, "tts", opts.threads or thread_plan().tts, spin=opts.spin)
        guarded = GuardedSession(session, "tts", lambda: self.settings.tts.timeout_s, release_above=LONG_PHONEMES)
        try:
            return PiperVoice(config=PiperConfig.from_dict(voice_config), session=guarded)
        except Exception as exc:
            raise ModelFileError(
                f"tts voice {model} cannot be loaded ({type(exc).__name__}: {exc})",
                "point tts.path at a piper voice .onnx, or run scripts/setup to restore the default",
            ) from None

    @property
    def stuck_after_s(self) -> float:
        """A run past ``tts.timeout_s`` is told to stop; one still inside onnxruntime or espeak-ng well after that
        is stuck."""
        return 2 * self.settings.tts.timeout_s

    def _warmup(self) -> None:
        for _ in self.synthesize("Ready."):
            pass

    @property
    def sample_rate(self) -> int:
        return int(self.model.config.sample_rate)

    def synthesize(self, text: str) -> Iterator[AudioChunk]:
        """Speech for ``text``, yielded sentence by sentence as each is ready. Text that cannot be spoken raises
        here, before the first sentence is asked for; control characters are read as spaces."""
        if isinstance(text, str):
            text = "".join(" " if unicodedata.category(c) == "Cc" else c for c in text)
        return self._sentences(self._check_text(text))

    def _sentences(self, text: str) -> Iterator[AudioChunk]:
        from piper import SynthesisConfig

        opts = self.settings.tts
        config = SynthesisConfig(
            speaker_id=opts.speaker,
            length_scale=opts.length_scale,
            noise_scale=opts.noise_scale,
            noise_w_scale=opts.noise_w_scale,
        )
        with self._turn() as turn:
            for chunk in turn.model.synthesize(text, syn_config=config):
                with turn.paused():
                    yield AudioChunk(chunk.audio_int16_array, chunk.sample_rate)

    def to_wav(self, text: str, path: str | Path) -> SpeechFile:
        start = time.perf_counter()
        first = None
        parts: list[np.ndarray] = []
        rate = 0
        for chunk in self.synthesize(text):
            first = first or time.perf_counter()
            parts.append(chunk.samples)
            rate = chunk.sample_rate
        end = time.perf_counter()
        if not parts:
            parts, rate = [np.zeros(0, dtype=np.int16)], self.sample_rate
        samples = np.concatenate(parts)
        out = write_wav(path, samples, rate)
        return SpeechFile(
            out, round(len(samples) / rate, 3), rate, len(parts), round((first or end) - start, 4), round(end - start, 4)
        )
