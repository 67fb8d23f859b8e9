"""The assistant's single consumer: typed questions and audio sources run one after another on a thread.

``Assistant.ask`` and ``Assistant.hear`` read one shared event queue, so two of them must never run at once.
"""

from __future__ import annotations

import itertools
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np

from edge.errors import EdgeError
from edge.privacy import EgressRecord
from edge.voice import Answered, Assistant, Failed, VoiceEvent


@dataclass(frozen=True)
class Job:
    id: int
    text: str | None = None
    """A typed question."""
    source: str | None = None
    """What an audio job listens to: a file name or "microphone"."""
    frames: Callable[[], Iterable[np.ndarray]] | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class Started:
    job: Job


@dataclass(frozen=True)
class Finished:
    job: Job


@dataclass(frozen=True)
class LeftDevice:
    """Requests the egress log recorded while the last answer was made, including cloud calls that failed after
    sending: a reply's ``cloud`` trace only covers the one that answered."""

    records: list[EgressRecord]


SessionEvent = VoiceEvent | Started | Finished | LeftDevice


class Session:
    def __init__(self, assistant: Assistant, emit: Callable[[Job, SessionEvent], None]) -> None:
        self.assistant = assistant
        self.emit = emit
        self._egress = assistant.router.cloud.log
        self._seen = max((r.id for r in self._egress.records(1)), default=0)
        self._jobs: queue.Queue[Job | None] = queue.Queue()
        self._ids = itertools.count(1)
        self._closing = threading.Event()
        self._lock = threading.Lock()
        self._pending = 0
        self.current: Job | None = None
        self._thread = threading.Thread(target=self._run, name="tui-session", daemon=True)
        self._thread.start()

    @property
    def busy(self) -> bool:
        """A job is running or waiting."""
        return self._pending > 0

    def ask(self, text: str) -> Job:
        return self._queue(Job(next(self._ids), text=text))

    def hear(self, source: str, frames: Callable[[], Iterable[np.ndarray]]) -> Job:
        return self._queue(Job(next(self._ids), source=source, frames=frames))

    def interrupt(self, reason: str) -> bool:
        return self.assistant.interrupt(reason)

    def close(self, timeout: float = 5.0) -> None:
        self._closing.set()
        self.assistant.interrupt("quit")
        self._jobs.put(None)
        self._thread.join(timeout)

    def _queue(self, job: Job) -> Job:
        with self._lock:
            self._pending += 1
        self._jobs.put(job)
        return job

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            if self._closing.is_set():
                break
            self.current = job
            self.emit(job, Started(job))
            try:
                for event in self._events(job):
                    self.emit(job, event)
                    if isinstance(event, Answered):
                        self._check_egress(job)
            except EdgeError as exc:
                self.emit(job, Failed(str(exc)))
            except Exception as exc:
                self.emit(job, Failed(f"{type(exc).__name__}: {exc}. Fix: try again; if it repeats, run edge doctor"))
            finally:
                self.current = None
                with self._lock:
                    self._pending -= 1
                self.emit(job, Finished(job))

    def _events(self, job: Job) -> Iterator[VoiceEvent]:
        if job.text is not None:
            return self.assistant.ask(job.text)
        assert job.frames is not None
        return self.assistant.hear(self._until_closing(job.frames()))

    def _until_closing(self, frames: Iterable[np.ndarray]) -> Iterator[np.ndarray]:
        for frame in frames:
            if self._closing.is_set():
                return
            yield frame

    def _check_egress(self, job: Job) -> None:
        fresh = sorted((r for r in self._egress.records(20) if r.id > self._seen), key=lambda r: r.id)
        if fresh:
            self._seen = fresh[-1].id
            self.emit(job, LeftDevice(fresh))
