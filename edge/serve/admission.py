"""How many requests an engine takes at once: those running and those waiting their turn, bounded."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


class Busy(Exception):
    """The engine already has as many requests as it takes: the client is told to retry later (HTTP 429)."""

    def __init__(self, lane: str, capacity: int) -> None:
        super().__init__(f"the {lane} engine already has {capacity} requests running or waiting")
        self.lane = lane


class Lane:
    """Requests for one engine. The engines run one call at a time behind their own lock; a lane only counts what
    is in flight, on the event loop's thread, and turns away what is past ``capacity``."""

    def __init__(self, name: str, capacity: int) -> None:
        self.name = name
        self.capacity = capacity
        self.in_flight = 0

    def take(self) -> None:
        """A place for one request, or ``Busy``; ``give_back`` when the request has ended, however it ended."""
        if self.in_flight >= self.capacity:
            raise Busy(self.name, self.capacity)
        self.in_flight += 1

    def give_back(self) -> None:
        self.in_flight -= 1

    @contextmanager
    def admit(self) -> Iterator[None]:
        self.take()
        try:
            yield
        finally:
            self.give_back()
