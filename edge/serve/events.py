"""What happens in the server that no request asked for, sent to every listener of ``GET /v1/events`` as server-sent
events: a timer, alarm or reminder going off. An app that set a timer through chat hears it go off there.

Each event has an id; a listener that reconnects with ``Last-Event-ID`` first gets what it missed of the last
``BACKLOG`` events, and one that sends ``Last-Event-ID: 0`` everything held since the start (alarms that came due
while edge was off fire as it starts, before any app has connected)."""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from collections import deque
from collections.abc import AsyncIterator
from typing import Any

from edge.skills import Fired

HEARTBEAT_S = 15.0
"""A comment line this often keeps proxies from closing a quiet stream, and finds listeners that went away."""
BACKLOG = 64
"""Events held for a listener that reads slowly or reconnects; past it the oldest are dropped, the server never waits
for a listener."""

log = logging.getLogger("edge.serve")


class TooManyListeners(Exception):
    pass


class Events:
    """Fan-out from the scheduler's thread to the event loop's listeners."""

    def __init__(self, max_listeners: int = 32) -> None:
        self.loop: asyncio.AbstractEventLoop | None = None
        self.max_listeners = max_listeners
        self._listeners: set[asyncio.Queue[dict[str, Any]]] = set()
        self._held: deque[dict[str, Any]] = deque(maxlen=BACKLOG)
        self._count = 0
        self._lock = threading.Lock()

    def fired(self, fired: Fired) -> None:
        """A Scheduler listener: called on the scheduler's thread."""
        timer = fired.timer
        log.info("%s %d went off", timer.kind, timer.id)
        self.publish(
            {
                "type": "timer.fired",
                "timer_id": timer.id,
                "kind": timer.kind,
                "label": timer.label,
                "due_at": timer.due_at,
                "late_s": round(fired.late_s, 3),
                "text": fired.text,
            }
        )

    def publish(self, event: dict[str, Any]) -> None:
        with self._lock:
            self._count += 1
            event = {"id": self._count, **event}
            self._held.append(event)
            listeners = list(self._listeners)
        if self.loop is None or self.loop.is_closed():
            return
        for queue in listeners:
            self.loop.call_soon_threadsafe(_offer, queue, event)

    def listen(self, last_id: int | None = None) -> asyncio.Queue[dict[str, Any]]:
        """On the event loop, which then receives every event; ``last_id``: the last event the listener saw."""
        with self._lock:
            self.loop = asyncio.get_running_loop()
            if len(self._listeners) >= self.max_listeners:
                raise TooManyListeners(f"{self.max_listeners} listeners are already connected to /v1/events")
            queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(BACKLOG)
            for event in self._held if last_id is not None else ():
                if event["id"] > last_id:
                    queue.put_nowait(event)
            self._listeners.add(queue)
            return queue

    def leave(self, queue: asyncio.Queue[dict[str, Any]]) -> None:
        with self._lock:
            self._listeners.discard(queue)

    async def stream(self, queue: asyncio.Queue[dict[str, Any]], heartbeat_s: float = HEARTBEAT_S) -> AsyncIterator[str]:
        try:
            yield ": listening\n\n"
            while True:
                try:
                    event = await asyncio.wait_for(queue.get(), heartbeat_s)
                except asyncio.TimeoutError:
                    yield ": still here\n\n"
                    continue
                yield f"id: {event['id']}\nevent: {event['type']}\ndata: {json.dumps(event, ensure_ascii=False)}\n\n"
        finally:
            self.leave(queue)


def _offer(queue: asyncio.Queue[dict[str, Any]], event: dict[str, Any]) -> None:
    if queue.full():
        queue.get_nowait()
    queue.put_nowait(event)
