"""A blocking iterator (a model's stream) read in a worker thread and handed to the event loop as it comes."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from typing import TypeVar

T = TypeVar("T")
_END = object()


async def in_thread(start: Callable[[threading.Event], Iterator[T]]) -> AsyncIterator[T]:
    """The items of ``start(stop)``, produced in a thread. When the consumer stops early (the client went away,
    the task was cancelled), ``stop`` is set so the model ends at its next token, and the iterator is closed."""
    loop = asyncio.get_running_loop()
    items: asyncio.Queue[object] = asyncio.Queue()
    stop = threading.Event()

    def produce() -> None:
        iterator: Iterator[T] | None = None
        try:
            iterator = start(stop)
            for item in iterator:
                loop.call_soon_threadsafe(items.put_nowait, item)
                if stop.is_set():
                    break
        except BaseException as exc:  # noqa: BLE001 - handed to the consumer, which raises it
            loop.call_soon_threadsafe(items.put_nowait, exc)
        finally:
            if (close := getattr(iterator, "close", None)) is not None:
                close()
            loop.call_soon_threadsafe(items.put_nowait, _END)

    worker = loop.run_in_executor(None, produce)
    try:
        while (item := await items.get()) is not _END:
            if isinstance(item, BaseException):
                raise item
            yield item  # type: ignore[misc]
    finally:
        stop.set()
        await asyncio.shield(worker)
