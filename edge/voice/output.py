"""Where the assistant's voice goes: the speaker, or a clock-paced recorder when there is none."""

from __future__ import annotations

import threading
import time
from collections import deque
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from edge.audio import write_wav
from edge.errors import InputError, MissingExtra


class AudioOutput(Protocol):
    def play(self, samples: np.ndarray, sample_rate: int) -> None:
        """Queue int16 mono samples; returns at once."""

    def stop(self) -> None:
        """Drop what is playing and queued (barge-in)."""

    def wait(self, timeout: float | None = None) -> bool:
        """Block until everything queued has played; False on timeout."""

    @property
    def playing(self) -> bool: ...

    def close(self) -> None: ...


class Recorder:
    """Plays nothing aloud but keeps real time: audio takes as long to 'play' as it lasts, so barge-in and the
    overlap of speaking and thinking behave as with a speaker. It counts what was played (cut short by ``stop``) and
    keeps the last ``keep_s`` seconds of it for ``save``: none by default, so a session standing in for a speaker
    for days does not grow; None keeps all of it."""

    def __init__(self, keep_s: float | None = 0.0) -> None:
        self.keep_s = keep_s
        self._lock = threading.Lock()
        self._queue: deque[np.ndarray] = deque()
        self._played: deque[np.ndarray] = deque()
        self._kept = 0
        self._played_total = 0
        self._rate = 0
        self._started = 0.0
        self._until = 0.0
        self.stops = 0

    def play(self, samples: np.ndarray, sample_rate: int) -> None:
        with self._lock:
            self._settle(time.perf_counter())
            now = time.perf_counter()
            if self._until <= now:
                self._started = self._until = now
            self._rate = sample_rate
            self._queue.append(np.asarray(samples, dtype=np.int16))
            self._until += len(samples) / sample_rate

    def _settle(self, now: float) -> None:
        """Move what has finished playing by ``now`` from the queue to the played audio."""
        while self._queue:
            head = self._queue[0]
            end = self._started + len(head) / self._rate
            if end > now:
                break
            self._keep(self._queue.popleft())
            self._started = end

    def _keep(self, samples: np.ndarray) -> None:
        self._played_total += len(samples)
        self._played.append(samples)
        self._kept += len(samples)
        if self.keep_s is None:
            return
        limit = round(self.keep_s * self._rate)
        while self._kept > limit and self._played:
            extra = self._kept - limit
            head = self._played[0]
            if len(head) <= extra:
                self._played.popleft()
                self._kept -= len(head)
            else:
                self._played[0] = head[extra:]
                self._kept -= extra

    def stop(self) -> None:
        with self._lock:
            now = time.perf_counter()
            self._settle(now)
            if self._queue:
                head = self._queue[0]
                heard = int(max(0.0, now - self._started) * self._rate)
                self._keep(head[:heard])
                self._queue.clear()
                self.stops += 1
            self._until = now

    def wait(self, timeout: float | None = None) -> bool:
        deadline = None if timeout is None else time.perf_counter() + timeout
        while self.playing:
            left = self._until - time.perf_counter()
            if deadline is not None:
                if time.perf_counter() >= deadline:
                    return False
                left = min(left, deadline - time.perf_counter())
            time.sleep(max(0.0, min(left, 0.05)))
        return True

    @property
    def playing(self) -> bool:
        return time.perf_counter() < self._until

    @property
    def played_s(self) -> float:
        with self._lock:
            self._settle(time.perf_counter())
            return self._played_total / self._rate if self._rate else 0.0

    def samples(self) -> np.ndarray:
        with self._lock:
            self._settle(time.perf_counter())
            return np.concatenate(self._played) if self._played else np.zeros(0, dtype=np.int16)

    def save(self, path: str | Path) -> Path:
        return write_wav(path, self.samples(), self._rate or 22_050)

    def close(self) -> None:
        self.stop()


class Speaker:
    """The sound card through PortAudio (sounddevice). One stream, opened at the first sample rate it gets."""

    def __init__(self, device: str | int | None = None) -> None:
        try:
            import sounddevice
        except ImportError:
            raise MissingExtra("sounddevice", "audio", "playback") from None
        except OSError:
            raise InputError("PortAudio is not installed, so edge cannot play sound", "apt install libportaudio2") from None
        self._sd = sounddevice
        self.device = device
        self._stream: Any = None
        self._rate = 0
        self._lock = threading.Lock()
        self._queue: deque[np.ndarray] = deque()
        self._idle = threading.Event()
        self._idle.set()

    def _open(self, sample_rate: int) -> None:
        if self._stream is not None and self._rate == sample_rate:
            return
        self.close()
        self._rate = sample_rate
        self._stream = self._sd.OutputStream(
            samplerate=sample_rate, channels=1, dtype="int16", device=self.device, callback=self._fill
        )
        self._stream.start()

    def _fill(self, out: np.ndarray, frames: int, _time: Any, _status: Any) -> None:
        filled = 0
        with self._lock:
            while filled < frames and self._queue:
                head = self._queue[0]
                take = min(frames - filled, len(head))
                out[filled : filled + take, 0] = head[:take]
                filled += take
                if take == len(head):
                    self._queue.popleft()
                else:
                    self._queue[0] = head[take:]
            if not self._queue:
                self._idle.set()
        out[filled:] = 0

    def play(self, samples: np.ndarray, sample_rate: int) -> None:
        self._open(sample_rate)
        with self._lock:
            self._queue.append(np.asarray(samples, dtype=np.int16))
            self._idle.clear()

    def stop(self) -> None:
        with self._lock:
            self._queue.clear()
            self._idle.set()

    def wait(self, timeout: float | None = None) -> bool:
        return self._idle.wait(timeout)

    @property
    def playing(self) -> bool:
        return not self._idle.is_set()

    def close(self) -> None:
        if self._stream is not None:
            self.stop()
            self._stream.close()
            self._stream = None


def speaker_or_recorder(device: str | int | None = None) -> tuple[AudioOutput, str | None]:
    """The speaker when there is one, else a Recorder and the reason there is no sound."""
    from edge.audio import output_device

    if device is None and output_device() is None:
        return Recorder(), "No speaker found: answers are shown as text."
    try:
        return Speaker(device), None
    except Exception as exc:
        return Recorder(), f"No sound: {exc}. Answers are shown as text."
