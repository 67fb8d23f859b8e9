"""Streaming speech to text: audio frames in, partial transcripts while the user speaks, one utterance out.

Whisper is not a streaming model, so the growing utterance is transcribed again every ``partial_every_ms``.
When the speech pauses, the audio up to the pause is transcribed at once; if the pause turns out to be the end,
that transcript is usually ready by the time the silence has been long enough to end the utterance, so little
work is left after the user stops. That transcript also sets the silence the pause needs to end the utterance:
less when it already is a whole skill command, more when it stops mid-phrase ("set a timer for") or lacks what
its skill needs ("set a timer").
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass

import numpy as np

from edge.audio import SAMPLE_RATE
from edge.config import Settings
from edge.engines.stt import Stt
from edge.engines.vad import WINDOW, Vad, VadStream
from edge.errors import EdgeError
from edge.router.gateway import Completeness
from edge.voice.endpoint import Boundary, Endpointer
from edge.voice.events import Failed, PartialTranscript, SpeechStarted, VoiceEvent
from edge.voice.turn_end import ends_unfinished

_LEAD_IN = np.zeros(SAMPLE_RATE // 5, dtype=np.float32)


@dataclass(frozen=True)
class Utterance:
    text: str
    audio_s: float
    ended_at: float
    """perf_counter() when the last speech sample arrived."""
    ready_ms: float
    """From the end of speech to the transcript, the closing silence included."""
    stt_ms: float
    """Transcription still running when the closing silence had been long enough."""


class Listener:
    """Feed audio as it arrives (16 kHz mono float32, any piece size); ``feed`` returns an Utterance when one ends,
    and ``finish`` when the input does (in push-to-talk mode, the only end). Partial transcripts and speech starts
    go to ``emit`` (from this thread or the transcription thread). ``completeness`` tells whether a transcript is
    a whole skill command, one that still lacks something, or neither."""

    def __init__(
        self,
        vad: Vad,
        stt: Stt,
        settings: Settings,
        emit: Callable[[VoiceEvent], None],
        completeness: Callable[[str], Completeness] | None = None,
    ) -> None:
        self.stt = stt
        self.emit = emit
        self.completeness = completeness
        self.opts = settings.voice
        self.stt_settings = settings.stt
        self.vad_settings = settings.vad
        self.scores = VadStream(vad)
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="edge-stt")
        self._pre_roll = round(self.opts.pre_roll_ms / 1000 * SAMPLE_RATE)
        self._partial_every = round(self.opts.partial_every_ms / 1000 * SAMPLE_RATE)
        self.reset()

    def reset(self) -> None:
        self.scores.reset()
        self.endpointer = Endpointer(self.vad_settings, self.opts.max_utterance_s, self.opts.mode == "hands_free")
        self._audio = np.zeros(0, dtype=np.float32)
        self._audio_start = 0
        self._arrivals: list[float] = []
        """When each window of the current utterance arrived, from window ``_arrivals_from`` on."""
        self._arrivals_from = 0
        self._begin = 0
        self._jobs: dict[int, Future[str]] = {}
        self._judged: set[int] = set()
        """Pauses (by their first quiet sample) whose silence the transcript has set."""
        self._last_job = 0

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    @property
    def in_speech(self) -> bool:
        return self.endpointer.in_speech

    @property
    def speech_s(self) -> float:
        """How long the current speech has lasted, 0 outside speech."""
        start = self.endpointer.start
        return 0.0 if start is None else (self.endpointer.window - start) * WINDOW / SAMPLE_RATE

    def feed(self, samples: np.ndarray, now: float | None = None) -> Utterance | None:
        now = time.perf_counter() if now is None else now
        self._audio = np.concatenate([self._audio, samples])
        utterance = None
        for probability in self.scores.feed(samples):
            self._arrivals.append(now)
            self._judge_pause()
            boundary = self.endpointer.push(float(probability))
            if boundary is not None:
                utterance = self._on(boundary) or utterance
        if not self.in_speech:
            self._trim()
        elif not self.endpointer.pausing:
            self._maybe_partial()
        return utterance

    def finish(self) -> Utterance | None:
        """The input has ended: the utterance in progress, if any, ends with it."""
        boundary = self.endpointer.close()
        return self._on(boundary) if boundary is not None else None

    def _on(self, boundary: Boundary) -> Utterance | None:
        if boundary.kind == "start":
            self._begin = max(self._audio_start, boundary.window * WINDOW - self._pre_roll)
            self._jobs.clear()
            self._judged.clear()
            self._last_job = self._begin
            self.emit(SpeechStarted(boundary.at_s))
        elif boundary.kind == "pause":
            self._transcribe(boundary.window * WINDOW)
        elif boundary.kind == "end":
            return self._finish(boundary)
        elif boundary.kind == "discard":
            self._jobs.clear()
        return None

    def _judge_pause(self) -> None:
        """The transcript up to the pause sets the silence that ends it, as soon as it is done, or before the pause
        would end (the end waits for that transcript anyway)."""
        window = self.endpointer.pause_window
        if window is None or window * WINDOW in self._judged:
            return
        end = window * WINDOW
        job = self._jobs.get(end)
        if job is None or not (job.done() or self.endpointer.ends_on_quiet):
            return
        wait([job], timeout=self.stt_settings.timeout_s)
        self._judged.add(end)
        text = job.result() if job.done() and not job.cancelled() and job.exception() is None else ""
        if ends_unfinished(text):
            judged: Completeness = "incomplete"
        else:
            judged = self.completeness(text) if text and self.completeness is not None else "unknown"
        if judged != "unknown":
            silence_ms = self.opts.complete_silence_ms if judged == "complete" else self.opts.unfinished_silence_ms
            self.endpointer.pause_needs(silence_ms / 1000)

    def _maybe_partial(self) -> None:
        heard = self._audio_start + len(self._audio)
        idle = all(job.done() for job in self._jobs.values())
        if idle and heard - self._last_job >= self._partial_every:
            self._transcribe(heard)

    def _transcribe(self, end: int) -> Future[str]:
        """The utterance up to sample ``end``, on the transcription thread; a queued job it supersedes is dropped."""
        if end not in self._jobs:
            for stale in self._jobs.values():
                stale.cancel()
            audio = self._audio[self._begin - self._audio_start : end - self._audio_start].copy()
            self._last_job = end
            future = self._pool.submit(self._text, audio)
            audio_s = len(audio) / SAMPLE_RATE
            future.add_done_callback(lambda f: self._partial(f, audio_s))
            self._jobs[end] = future
        return self._jobs[end]

    def _text(self, audio: np.ndarray) -> str:
        """Whisper mishears a first word that starts right at the beginning of its input: it gets a lead-in."""
        return self.stt.transcribe(np.concatenate([_LEAD_IN, audio]), vad_filter=False).text

    def _partial(self, future: Future[str], audio_s: float) -> None:
        if not future.cancelled() and future.exception() is None and future.result():
            self.emit(PartialTranscript(future.result(), round(audio_s, 3)))

    def _finish(self, boundary: Boundary) -> Utterance:
        end = boundary.window * WINDOW
        last_voiced = min(max(boundary.window - 1 - self._arrivals_from, 0), len(self._arrivals) - 1)
        ended_at = self._arrivals[last_voiced]
        waiting = time.perf_counter()
        text = self._transcript(end)
        done = time.perf_counter()
        self._jobs.clear()
        audio_s = round((end - self._begin) / SAMPLE_RATE, 3)
        return Utterance(text, audio_s, ended_at, round((done - ended_at) * 1000, 1), round((done - waiting) * 1000, 1))

    def _transcript(self, end: int) -> str:
        """The final transcript; one that fails or takes longer than ``stt.timeout_s`` drops the utterance with an
        error, and listening goes on (a hung transcription's thread is left behind and a new one takes over)."""
        limit = self.stt_settings.timeout_s
        try:
            return self._transcribe(end).result(timeout=limit)
        except FutureTimeout:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = ThreadPoolExecutor(1, thread_name_prefix="edge-stt")
            said = f"speech recognition took longer than {limit:g} s and was abandoned"
            fix = "say it again; if it repeats, run edge doctor and restart edge (stt.timeout_s sets the limit)"
        except EdgeError as exc:
            said, fix = exc.message, exc.fix
        except Exception as exc:
            said, fix = f"speech recognition failed ({type(exc).__name__}: {exc})", "say it again; if it repeats, run edge doctor"
        self.emit(Failed(f"{said}, so this utterance was dropped. Fix: {fix}"))
        return ""

    def _trim(self) -> None:
        """Outside speech, keep only the pre-roll."""
        self._arrivals.clear()
        self._arrivals_from = self.endpointer.window
        keep = self._pre_roll + WINDOW
        if len(self._audio) > keep:
            drop = len(self._audio) - keep
            self._audio = self._audio[drop:]
            self._audio_start += drop
