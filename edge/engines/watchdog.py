"""One thread that calls each registered expiry once its deadline passes, shared by every guarded model run.

A ``threading.Timer`` per run started a thread each time: a third of a millisecond of a 3 ms query embedding."""

from __future__ import annotations

import itertools
import math
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class Watchdog:
    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._due: dict[int, tuple[float, Callable[[], None]]] = {}
        self._keys = itertools.count()
        self._waking_at = math.inf
        self._thread: threading.Thread | None = None

    @contextmanager
    def deadline(self, seconds: float, expire: Callable[[], None]) -> Iterator[None]:
        """``expire()`` is called from the watchdog's thread if the block is still running ``seconds`` from now."""
        key, due = next(self._keys), time.monotonic() + seconds
        with self._changed:
            self._due[key] = (due, expire)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._watch, name="edge-watchdog", daemon=True)
                self._thread.start()
            elif due < self._waking_at:
                self._changed.notify()
        try:
            yield
        finally:
            with self._changed:
                self._due.pop(key, None)

    def _watch(self) -> None:
        """Sleeps until the earliest deadline, or until one earlier is registered; a block that ended in time is
        simply gone from the table when it wakes."""
        with self._changed:
            while True:
                now = time.monotonic()
                for key, (due, expire) in list(self._due.items()):
                    if due <= now:
                        del self._due[key]
                        expire()
                self._waking_at = min((due for due, _ in self._due.values()), default=math.inf)
                self._changed.wait(None if self._waking_at == math.inf else self._waking_at - now)


WATCHDOG = Watchdog()
