"""The voice pipeline: utterance → router → streamed tokens → sentences → speech, the stages overlapping.

The answer runs in one thread and the voice in another, so the first sentence is spoken while the model still
writes the rest. Everything that happens arrives as typed events (edge.voice.events) from one generator.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np

from edge.errors import EdgeError
from edge.router.gateway import Decision
from edge.router.request import Reply
from edge.router.router import Router
from edge.voice.chunker import SentenceChunker
from edge.voice.deadline import within
from edge.voice.events import (
    Answered,
    Audio,
    Failed,
    FinalTranscript,
    Interrupted,
    Retracted,
    Routed,
    Sentence,
    Token,
    TurnTimings,
    VoiceEvent,
)
from edge.voice.listener import Listener, Utterance
from edge.voice.output import AudioOutput, Recorder


@dataclass(frozen=True)
class _Heard:
    utterance: Utterance


@dataclass(frozen=True)
class _TurnOver:
    turn: _Turn


@dataclass(frozen=True)
class _SourceOver:
    pass


_Queued = VoiceEvent | _Heard | _TurnOver | _SourceOver


class _Turn:
    """One question and its answer: an answer thread and a voice thread, and when each stage first happened."""

    def __init__(self, assistant: Assistant, text: str, t0: float, transcript_ms: float | None, speak: bool) -> None:
        self.assistant = assistant
        self.text = text
        self.t0 = t0
        self.transcript_ms = transcript_ms
        self.speak = speak
        self.stop = threading.Event()
        self.marks: dict[str, float] = {}
        self._take = 0
        """How many times the answer was retracted: a sentence of an earlier take is not spoken."""
        self._sentences: queue.Queue[tuple[int, str] | None] = queue.Queue()
        self._answer = threading.Thread(target=self._run_answer, name="edge-answer", daemon=True)
        self._voice = threading.Thread(target=self._run_voice, name="edge-voice", daemon=True)

    def start(self) -> _Turn:
        self._answer.start()
        self._voice.start()
        return self

    def emit(self, event: VoiceEvent, mark: str | None = None) -> None:
        if mark:
            self.marks.setdefault(mark, time.perf_counter())
        self.assistant._events.put(event)

    def _run_answer(self) -> None:
        chunker = SentenceChunker(self.assistant.opts.first_chunk_words)
        streamed = False
        try:
            budget = self.assistant.opts.max_sentences if self.speak else None
            for event in self.assistant.router.stream(self.text, self.assistant.conversation, self.stop, budget):
                if isinstance(event, Decision):
                    self.emit(Routed(self.text, event), "route")
                elif isinstance(event, Token):
                    streamed = True
                    self.emit(event, "first token")
                    self._say(chunker.feed(event.text))
                elif isinstance(event, Retracted):
                    streamed = False
                    chunker = SentenceChunker(self.assistant.opts.first_chunk_words)
                    self._retract(event)
                elif isinstance(event, Reply):
                    if not streamed and event.text:
                        self.emit(Token(event.text), "first token")
                        self._say(chunker.feed(event.text))
                    self.emit(Answered(event))
            self._say(chunker.flush())
        except EdgeError as exc:
            self.emit(Failed(str(exc)))
        except Exception as exc:
            self.emit(Failed(f"the answer failed ({type(exc).__name__}: {exc}). Fix: try again; if it repeats, run edge doctor"))
        finally:
            self._sentences.put(None)

    def _say(self, sentences: Iterable[str]) -> None:
        for sentence in sentences:
            self._sentences.put((self._take, sentence))

    def _retract(self, event: Retracted) -> None:
        """Stops speaking the withdrawn text and drops its sentences still queued. Under the lock the voice thread
        plays under, so no event or sound of the withdrawn text comes after the retraction."""
        with self.assistant._lock:
            self._take += 1
            self.assistant.output.stop()
            self.emit(event)

    def _current(self, take: int) -> bool:
        return not self.stop.is_set() and take == self._take

    def _run_voice(self) -> None:
        assistant = self.assistant
        index = 0
        try:
            while (queued := self._sentences.get()) is not None:
                take, sentence = queued
                with assistant._lock:
                    if not self._current(take):
                        continue
                    self.emit(Sentence(sentence, index))
                if self.speak:
                    for chunk in within(
                        assistant.router.runtime.tts.synthesize(sentence),
                        assistant.settings.tts.timeout_s,
                        "speech synthesis",
                        "ask again; if it repeats, run edge doctor and restart edge (tts.timeout_s sets the limit)",
                    ):
                        with assistant._lock:
                            if not self._current(take):
                                break
                            assistant.output.play(chunk.samples, chunk.sample_rate)
                            self.emit(Audio(chunk.samples, chunk.sample_rate, index), "first audio")
                index += 1
        except EdgeError as exc:
            self.emit(Failed(f"speech failed: {exc}"))
        except Exception as exc:
            self.emit(Failed(f"speech failed ({type(exc).__name__}: {exc}). Fix: run edge doctor to check the tts voice"))
        finally:
            self._answer.join()
            self.emit(self.timings())
            self.assistant._events.put(_TurnOver(self))

    def timings(self) -> TurnTimings:
        since = lambda mark: round((self.marks[mark] - self.t0) * 1000, 1) if mark in self.marks else None
        return TurnTimings(
            transcript=self.transcript_ms,
            route=since("route") or 0.0,
            first_token=since("first token"),
            first_audio=since("first audio"),
            done=round((time.perf_counter() - self.t0) * 1000, 1),
        )


class Assistant:
    """The voice assistant without a screen, over a started Router.

    >>> assistant = Assistant(router)
    >>> for event in assistant.ask("set a timer for ten minutes"): ...
    >>> for event in assistant.hear(file_frames("question.wav", realtime=True)): ...
    """

    def __init__(self, router: Router, output: AudioOutput | None = None, conversation: str | None = "assistant") -> None:
        self.router = router
        self.settings = router.settings
        self.opts = self.settings.voice
        self.output: AudioOutput = output if output is not None else Recorder()
        self.conversation = conversation
        self._events: queue.Queue[_Queued] = queue.Queue()
        self._turn: _Turn | None = None
        self._lock = threading.Lock()

    @property
    def busy(self) -> bool:
        """An answer is being written or spoken."""
        turn = self._turn
        return (turn is not None and not turn.stop.is_set()) or self.output.playing

    def interrupt(self, reason: str = "interrupted") -> bool:
        """Stop speaking and cancel the rest of the answer (barge-in, a key). True when something was stopped."""
        with self._lock:
            stopped = self.busy
            if self._turn is not None:
                self._turn.stop.set()
            self.output.stop()
        if stopped:
            self._events.put(Interrupted(reason))
        return stopped

    def ask(self, text: str, speak: bool | None = None) -> Iterator[VoiceEvent]:
        """A typed turn, from submitting the text to the last sentence handed to the output."""
        self._begin(text, time.perf_counter(), None, speak)
        yield from (event for event in self._drain(until_idle=True) if not isinstance(event, _Heard))

    def hear(self, frames: Iterable[np.ndarray], speak: bool | None = None) -> Iterator[VoiceEvent]:
        """Voice input: every utterance in ``frames`` becomes a turn, and speech while the assistant answers stops it
        (barge-in). Ends when the frames end and the last answer is out."""
        runtime = self.router.runtime
        listener = Listener(runtime.vad, runtime.stt, self.settings, self._events.put, self.router.completeness)
        reader = threading.Thread(target=self._read, args=(frames, listener), name="edge-listen", daemon=True)
        reader.start()
        try:
            for event in self._drain(until_idle=False):
                if isinstance(event, _Heard):
                    heard = event.utterance
                    if heard.text:
                        yield FinalTranscript(heard.text, heard.audio_s, heard.stt_ms)
                        self.interrupt("new question")
                        self._begin(heard.text, heard.ended_at, heard.ready_ms, speak)
                else:
                    yield event
        finally:
            listener.close()

    def _read(self, frames: Iterable[np.ndarray], listener: Listener) -> None:
        barged = False
        try:
            for frame in frames:
                heard = listener.feed(frame)
                if not listener.in_speech:
                    barged = False
                elif self.opts.barge_in and not barged and listener.speech_s * 1000 >= self.opts.barge_in_ms and self.busy:
                    barged = self.interrupt("barge-in")
                if heard is not None:
                    self._events.put(_Heard(heard))
            if (heard := listener.finish()) is not None:
                self._events.put(_Heard(heard))
        except EdgeError as exc:
            self._events.put(Failed(str(exc)))
        except Exception as exc:
            self._events.put(Failed(f"listening failed ({type(exc).__name__}: {exc}). Fix: check the audio input"))
        finally:
            self._events.put(_SourceOver())

    def _begin(self, text: str, t0: float, transcript_ms: float | None, speak: bool | None) -> None:
        with self._lock:
            self._turn = _Turn(self, text, t0, transcript_ms, self.opts.speak if speak is None else speak).start()

    def _drain(self, until_idle: bool) -> Iterator[VoiceEvent | _Heard]:
        """Events until the turn is over (typed) or the source and every turn are (listening)."""
        source_over = until_idle
        while True:
            event = self._events.get()
            if isinstance(event, _TurnOver):
                with self._lock:
                    if self._turn is event.turn:
                        self._turn = None
                if source_over and self._turn is None:
                    return
            elif isinstance(event, _SourceOver):
                source_over = True
                if self._turn is None and self._events.empty():
                    return
            else:
                yield event
