"""GET /v1/events: timers, alarms and reminders going off in a real `edge serve`, as server-sent events."""

from __future__ import annotations

import asyncio
import contextlib
import json
import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest

from edge.serve.events import BACKLOG, Events, TooManyListeners
from tests.serve.served import edge_serve


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A store of its own: a timer another test left in the shared one would go off on these streams."""
    with edge_serve(env={"EDGE_STORE__PATH": str(tmp_path_factory.mktemp("events") / "edge.db")}) as server:
        yield server


def read_events(stream: httpx.Response) -> Iterator[tuple[int, str, dict]]:
    fields: dict[str, str] = {}
    for line in stream.iter_lines():
        if line.startswith(("id:", "event:", "data:")):
            name, _, value = line.partition(": ")
            fields[name] = value
        elif not line and "data" in fields:
            yield int(fields["id"]), fields["event"], json.loads(fields["data"])
            fields = {}


@contextmanager
def listening(served, last_id: int | None = None) -> Iterator[queue.Queue]:
    """A listener connected before the block starts, its events arriving in the queue it yields."""
    received: queue.Queue = queue.Queue()
    connected = threading.Event()
    headers = {"Last-Event-ID": str(last_id)} if last_id is not None else {}
    with httpx.Client(timeout=httpx.Timeout(30, read=60)) as http:

        def listen() -> None:
            with http.stream("GET", f"{served.api}/events", headers=headers) as stream:
                assert stream.headers["content-type"].startswith("text/event-stream")
                connected.set()
                with contextlib.suppress(httpx.ReadError):
                    for event in read_events(stream):
                        received.put(event)

        thread = threading.Thread(target=listen, daemon=True)
        thread.start()
        assert connected.wait(30)
        yield received


def say(client, text):
    return client.chat.completions.create(model="edge", messages=[{"role": "user", "content": text}])


@pytest.mark.models
def test_a_timer_set_through_chat_is_heard_going_off_on_the_event_stream(served, client):
    with listening(served) as events:
        assert say(client, "set a timer for 2 seconds").model_extra["x_edge"]["handler"] == "skill:timer"
        event_id, kind, event = events.get(timeout=30)
    assert kind == "timer.fired" and event["id"] == event_id and event["kind"] == "timer"
    assert event["text"] == "Your 2 second timer is done." and event["late_s"] < 2
    log = served.log.read_text()
    assert "timer" in log and "went off" in log and "is done" not in log


@pytest.mark.models
def test_a_listener_that_reconnects_gets_what_it_missed(served, client):
    with listening(served) as events:
        say(client, "set a timer for 1 second")
        last_seen, _, _ = events.get(timeout=30)
    say(client, "set a timer for 1 second")
    with listening(served) as events:
        _, _, live = events.get(timeout=30)
    with listening(served, last_id=last_seen) as events:
        missed_id, _, missed = events.get(timeout=30)
    assert missed_id == last_seen + 1 and missed == live and missed["text"] == "Your 1 second timer is done."
    with listening(served, last_id=0) as events:
        held = [events.get(timeout=30)[0] for _ in range(missed_id)]
    assert held == list(range(1, missed_id + 1))


def fired_on_another_thread(events: Events, count: int) -> None:
    def publish() -> None:
        for n in range(count):
            events.publish({"type": "test", "n": n})

    thread = threading.Thread(target=publish)
    thread.start()
    thread.join()


async def drained(listener) -> list[int]:
    await asyncio.sleep(0.05)
    return [listener.get_nowait()["n"] for _ in range(listener.qsize())]


def test_a_listener_that_reads_slowly_loses_the_oldest_events_and_never_holds_up_the_publisher():
    async def scenario():
        events = Events()
        listener = events.listen()
        fired_on_another_thread(events, BACKLOG + 10)
        return await drained(listener)

    assert asyncio.run(scenario()) == list(range(10, BACKLOG + 10))


def test_listeners_past_the_limit_are_refused_and_one_that_leaves_frees_its_place():
    async def scenario():
        events = Events(max_listeners=2)
        first, _ = events.listen(), events.listen()
        with pytest.raises(TooManyListeners):
            events.listen()
        events.leave(first)
        events.listen()

    asyncio.run(scenario())


def test_events_before_any_listener_are_held_for_one_that_asks_from_the_start():
    async def scenario():
        events = Events()
        fired_on_another_thread(events, 3)
        return await drained(events.listen()), await drained(events.listen(last_id=0)), await drained(events.listen(2))

    assert asyncio.run(scenario()) == ([], [0, 1, 2], [2])
