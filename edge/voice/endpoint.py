"""Endpointing: where an utterance starts, pauses and ends, from streamed speech probabilities."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from edge.audio import SAMPLE_RATE
from edge.config import VadSettings
from edge.engines.vad import WINDOW

WINDOW_S = WINDOW / SAMPLE_RATE
Kind = Literal["start", "pause", "resume", "end", "discard"]


@dataclass(frozen=True)
class Boundary:
    kind: Kind
    window: int
    """The window where speech started (start), or the first quiet window after it (pause, end, discard)."""

    @property
    def at_s(self) -> float:
        return self.window * WINDOW_S


class Endpointer:
    """One 32 ms speech probability at a time → boundaries. Speech starts above ``threshold`` and counts as
    quiet below ``threshold - 0.15``; a pause becomes the end after ``min_silence_ms`` of quiet; an utterance
    shorter than ``min_speech_ms`` is discarded as noise; one longer than ``max_utterance_s`` ends anyway.
    Without ``end_on_silence`` (push-to-talk) only the end of the input or the maximum length ends it."""

    def __init__(self, settings: VadSettings, max_utterance_s: float = 30.0, end_on_silence: bool = True) -> None:
        self.on = settings.threshold
        self.off = max(settings.threshold - 0.15, 0.01)
        self.quiet_needed = max(1, round(settings.min_silence_ms / 1000 / WINDOW_S)) if end_on_silence else None
        self.min_windows = round(settings.min_speech_ms / 1000 / WINDOW_S)
        self.max_windows = round(max_utterance_s / WINDOW_S)
        self.window = 0
        self.start: int | None = None
        self._quiet_from: int | None = None
        self._pause_needed: int | None = None

    @property
    def in_speech(self) -> bool:
        return self.start is not None

    @property
    def pausing(self) -> bool:
        """In speech, but quiet since the last pause."""
        return self._quiet_from is not None

    @property
    def pause_window(self) -> int | None:
        """The first quiet window of the current pause."""
        return self._quiet_from

    @property
    def ends_on_quiet(self) -> bool:
        """One more quiet window would end the current pause."""
        return self._quiet_from is not None and self._quiet_enough(self.window + 1 - self._quiet_from)

    def _quiet_enough(self, windows: int) -> bool:
        needed = self._pause_needed or self.quiet_needed
        return needed is not None and windows >= needed

    def pause_needs(self, silence_s: float) -> None:
        """The silence that ends the current pause, for this pause only: less after words that already are a whole
        request, more after words that stop mid-phrase. No effect without a pause, or without ``end_on_silence``."""
        if self._quiet_from is not None and self.quiet_needed is not None:
            self._pause_needed = max(1, round(silence_s / WINDOW_S))

    def push(self, probability: float) -> Boundary | None:
        i = self.window
        self.window += 1
        if self.start is None:
            if probability >= self.on:
                self.start, self._quiet_from = i, None
                return Boundary("start", i)
            return None
        if probability >= self.off:
            if self._quiet_from is not None:
                self._quiet_from, self._pause_needed = None, None
                return Boundary("resume", i)
            if i - self.start + 1 >= self.max_windows:
                return self._finish(i + 1)
            return None
        if self._quiet_from is None:
            self._quiet_from = i
            return Boundary("pause", i)
        if self._quiet_enough(i - self._quiet_from + 1):
            return self._finish(self._quiet_from)
        if i - self.start + 1 >= self.max_windows:
            return self._finish(self._quiet_from)
        return None

    def close(self) -> Boundary | None:
        """The input ended: an utterance in progress ends where its speech did."""
        if self.start is None:
            return None
        return self._finish(self.window if self._quiet_from is None else self._quiet_from)

    def _finish(self, end: int) -> Boundary:
        assert self.start is not None
        kind: Kind = "end" if end - self.start >= self.min_windows else "discard"
        self.start, self._quiet_from, self._pause_needed = None, None, None
        return Boundary(kind, end)
