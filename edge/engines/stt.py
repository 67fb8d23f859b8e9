"""Speech to text with faster-whisper (CTranslate2, int8)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from edge.audio import SAMPLE_RATE, load_audio
from edge.engines import whisper_window
from edge.engines.base import Engine
from edge.engines.threads import thread_plan
from edge.errors import ModelFileError
from edge.models import ResolvedModel


@dataclass(frozen=True)
class Segment:
    start: float
    end: float
    text: str
    avg_logprob: float
    no_speech_prob: float


@dataclass
class Transcript:
    text: str
    language: str
    language_probability: float
    duration_s: float
    segments: list[Segment]
    timings: dict[str, float] = field(default_factory=dict)
    """decode_s (file to samples), transcribe_s, total_s and rtf (transcribe_s / duration_s)."""


class Stt(Engine[Any]):
    role = "stt"
    libraries = ("faster_whisper",)

    def _open(self, info: ResolvedModel) -> Any:
        from faster_whisper import WhisperModel

        folder = self._model_folder(info)
        missing = [name for name in ("model.bin", "config.json") if not (folder / name).is_file()]
        if missing:
            raise ModelFileError(
                f"stt model folder {folder} lacks {', '.join(missing)}",
                "point stt.model at a CTranslate2 Whisper folder (model.bin, config.json, tokenizer.json)",
            )
        opts = self.settings.stt
        threads = opts.threads or thread_plan().stt
        try:
            return WhisperModel(
                str(folder), device="cpu", compute_type=opts.compute_type, cpu_threads=threads, local_files_only=True
            )
        except Exception as exc:
            raise ModelFileError(
                f"stt model in {folder} cannot be loaded ({type(exc).__name__}: {exc})",
                "reinstall it with scripts/setup, or point stt.model at a valid CTranslate2 Whisper folder",
            ) from None

    def _model_folder(self, info: ResolvedModel) -> Path:
        """One folder holding all model files; files from several packages are linked into the data dir."""
        if info.spec is None:
            return info.path
        parents = {p.parent for p in info.files.values()}
        if len(parents) == 1:
            return parents.pop()
        folder = self.settings.data_dir / "models" / info.id
        folder.mkdir(parents=True, exist_ok=True)
        for name, path in info.files.items():
            link = folder / name
            if link.resolve() != path.resolve():
                link.unlink(missing_ok=True)
                link.symlink_to(path)
        return folder

    def _warmup(self) -> None:
        segments, _ = self.model.transcribe(np.zeros(SAMPLE_RATE, dtype=np.float32), beam_size=1, language="en")
        list(segments)

    def stream(
        self, audio: str | Path | np.ndarray, language: str | None = None, on_language: Callable[[str], None] | None = None
    ) -> Iterator[Segment]:
        """Segments as they are decoded (a lazy generator); ``on_language`` hears the spoken language before the
        first segment."""
        samples = load_audio(audio, max_s=self.settings.stt.max_audio_s)
        with self._call() as model:
            segments, info = self._run(model, samples, language, None)
            if on_language is not None:
                on_language(info.language)
            for seg in segments:
                yield _segment(seg)

    def transcribe(
        self, audio: str | Path | np.ndarray, language: str | None = None, vad_filter: bool | None = None
    ) -> Transcript:
        """A file (wav, flac, mp3, ogg, ...) or 16 kHz float32 samples to text. ``vad_filter=False`` skips the
        VAD pass, for audio that endpointing has already cut to speech."""
        start = time.perf_counter()
        samples = load_audio(audio, max_s=self.settings.stt.max_audio_s)
        decoded = time.perf_counter()
        duration = len(samples) / SAMPLE_RATE
        with self._call() as model:
            sized = self._sized(model, samples, language, vad_filter)
            segments, spoken, probability = sized or self._full(model, samples, language, vad_filter)
        done = time.perf_counter()
        transcribe_s = done - decoded
        return Transcript(
            text=" ".join(s.text for s in segments if s.text).strip(),
            language=spoken,
            language_probability=round(probability, 4),
            duration_s=round(duration, 3),
            segments=segments,
            timings={
                "decode_s": round(decoded - start, 4),
                "transcribe_s": round(transcribe_s, 4),
                "total_s": round(done - start, 4),
                "rtf": round(transcribe_s / duration, 4) if duration else 0.0,
            },
        )

    def _sized(
        self, model: Any, samples: np.ndarray, language: str | None, vad_filter: bool | None
    ) -> tuple[list[Segment], str, float] | None:
        """Segments, language and its probability, decoded on a window sized to speech already cut to an utterance
        in a known language; None for other audio."""
        opts = self.settings.stt
        spoken = self._language(model, language)
        if vad_filter is not False or not opts.sized_window or spoken is None or not whisper_window.fits(samples, SAMPLE_RATE):
            return None
        found = whisper_window.transcribe(model, samples, spoken, opts.beam_size)
        end = round(len(samples) / SAMPLE_RATE, 3)
        segment = Segment(0.0, end, found.text, round(found.avg_logprob, 4), round(found.no_speech_prob, 4))
        return ([segment] if found.text else []), spoken, 1.0

    def _full(
        self, model: Any, samples: np.ndarray, language: str | None, vad_filter: bool | None
    ) -> tuple[list[Segment], str, float]:
        raw, info = self._run(model, samples, language, vad_filter)
        return [_segment(s) for s in raw], info.language, float(info.language_probability)

    def _language(self, model: Any, language: str | None) -> str | None:
        language = language or self.settings.stt.language
        return "en" if language is None and not model.model.is_multilingual else language

    def _run(self, model: Any, samples: np.ndarray, language: str | None, vad_filter: bool | None) -> tuple[Iterator[Any], Any]:
        opts = self.settings.stt
        language = self._language(model, language)
        return model.transcribe(
            samples,
            language=language,
            beam_size=opts.beam_size,
            vad_filter=opts.vad_filter if vad_filter is None else vad_filter,
            condition_on_previous_text=False,
        )


def _segment(seg: Any) -> Segment:
    return Segment(
        start=round(seg.start, 3),
        end=round(seg.end, 3),
        text=seg.text.strip(),
        avg_logprob=round(seg.avg_logprob, 4),
        no_speech_prob=round(seg.no_speech_prob, 4),
    )
