"""Items of a generator made on a worker thread, each waited for at most a time limit: a native call that hangs
(a speech engine stuck in C) costs one error instead of the assistant."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from typing import TypeVar

from edge.errors import EngineTimeout

T = TypeVar("T")
_END = object()


def within(items: Iterator[T], timeout_s: float, what: str, fix: str) -> Iterator[T]:
    """Raises ``EngineTimeout`` naming ``what`` when the next item takes longer than ``timeout_s``; the worker is
    then left to finish or hang on its own. An error in ``items`` is raised here."""
    handoff: queue.Queue[object] = queue.Queue(maxsize=1)
    stop = threading.Event()

    def offer(item: object) -> bool:
        while not stop.is_set():
            try:
                handoff.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not offer(item):
                    return
            offer(_END)
        except BaseException as exc:
            offer(exc)
        finally:
            close = getattr(items, "close", None)
            if close is not None:
                close()

    threading.Thread(target=produce, name="edge-deadline", daemon=True).start()
    try:
        while True:
            try:
                item = handoff.get(timeout=timeout_s)
            except queue.Empty:
                raise EngineTimeout(f"{what} took longer than {timeout_s:g} s and was abandoned", fix) from None
            if item is _END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item  # type: ignore[misc]
    finally:
        stop.set()
