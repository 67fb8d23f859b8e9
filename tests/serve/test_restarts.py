"""A served edge killed (SIGKILL) or stopped (SIGTERM) in the middle of its work, then started again on the same
store: the audit still lists what left the device, timers that came due while it was down fire once, and the
next request is answered. (An ingest killed half way: tests/store/test_crash_safety.py.)"""

from __future__ import annotations

import re
import signal
import threading
import time

import openai
import pytest

from edge.skills import TimerStore
from edge.store.database import Database
from tests.cloud.server import Reply, openai_events, sse
from tests.serve.served import edge_serve, escalating

pytestmark = pytest.mark.models


def chat(server, text: str, timeout: float = 120):
    client = openai.OpenAI(base_url=server.api, api_key="unused", max_retries=0, timeout=timeout)
    return client.chat.completions.create(model="edge", messages=[{"role": "user", "content": text}])


def rows(store, sql: str) -> list[dict]:
    db = Database(store)
    try:
        return db.query(sql)
    finally:
        db.close()


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_stopped_while_a_cloud_answer_streams_the_audit_keeps_the_request_and_a_restart_answers(fake_cloud, tmp_path, how):
    store = tmp_path / "edge.db"
    slow = tuple(sse(*openai_events(["Slowly ", "it ", "comes."])))
    fake_cloud.reply(Reply(chunks=slow, headers={"content-type": "text/event-stream"}, chunk_delay_s=20.0))
    with edge_serve(env=escalating(fake_cloud, EDGE_STORE__PATH=str(store), EDGE_ROUTER__CHAINS__CHAT='["cloud"]')) as server:
        outcome: list[BaseException] = []

        def ask() -> None:
            try:
                chat(server, "Tell me a story about Ada Lovelace.")
            except openai.APIError as exc:
                outcome.append(exc)

        asking = threading.Thread(target=ask)
        asking.start()
        deadline = time.monotonic() + 60
        while not fake_cloud.requests and time.monotonic() < deadline:
            time.sleep(0.05)
        assert fake_cloud.requests, "the request never reached the cloud"
        server.process.send_signal(how)
        server.process.wait(30)
        asking.join(60)
    assert len(outcome) == 1, "the client was answered by a server that was stopped mid-answer"

    (record,) = rows(store, "SELECT host, outcome, payload_bytes, entities FROM egress")
    assert record["host"] == "127.0.0.1" and record["payload_bytes"] == len(fake_cloud.requests[0].body)
    assert record["outcome"] in ("sending", "failed: the request to 127.0.0.1 was cancelled")
    assert '"PERSON": 1' in record["entities"]

    fake_cloud.text = "Here it is."
    with edge_serve(env=escalating(fake_cloud, EDGE_STORE__PATH=str(store), EDGE_ROUTER__CHAINS__CHAT='["cloud"]')) as again:
        reply = chat(again, "Tell me another story.")
    assert reply.choices[0].message.content == "Here it is."
    assert len(rows(store, "SELECT id FROM egress")) == 2


def test_a_timer_that_came_due_while_edge_was_killed_fires_once_when_it_is_back(tmp_path):
    store = tmp_path / "edge.db"
    env = {"EDGE_STORE__PATH": str(store)}
    with edge_serve(env=env) as server:
        set_it = chat(server, "set a timer for 2 seconds")
        assert "2 seconds" in (set_it.choices[0].message.content or "")
        server.process.send_signal(signal.SIGKILL)
        server.process.wait(30)
    assert rows(store, "SELECT state FROM timers") == [{"state": "running"}]
    time.sleep(3)

    with edge_serve(env=env) as back:
        deadline = time.monotonic() + 30
        while rows(store, "SELECT state FROM timers") != [{"state": "fired"}] and time.monotonic() < deadline:
            time.sleep(0.1)
        assert rows(store, "SELECT state FROM timers") == [{"state": "fired"}]
        assert "84" in (chat(back, "what is 12 times 7").choices[0].message.content or "")
        log = back.log
    assert log.read_text().count("timer 1 went off") == 1

    with edge_serve(env=env) as third:
        chat(third, "what is 2 plus 2")
        log = third.log
    assert "went off" not in log.read_text(), "a fired timer fired again after a restart"


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_killed_while_timers_fire_every_one_is_heard_when_it_is_back(tmp_path, how):
    """Many timers due at once fire as edge starts; it is stopped after the first is heard. Each one is heard in the
    first run or the next, none twice (bar the one being told when SIGKILL came)."""
    store = tmp_path / "edge.db"
    timers = TimerStore(Database(store))
    now = time.time()
    for n in range(2000):
        timers.add("timer", now - 1, seconds=60.0 + n)
    timers.db.close()
    env = {"EDGE_STORE__PATH": str(store)}

    def heard(log) -> list[str]:
        return re.findall(r"timer (\d+) went off", log.read_text())

    with edge_serve(env=env) as server:
        deadline = time.monotonic() + 60
        while not heard(server.log) and time.monotonic() < deadline:
            time.sleep(0.005)
        server.process.send_signal(how)
        server.process.wait(60)
        first = heard(server.log)
    with edge_serve(env=env) as back:
        deadline = time.monotonic() + 60
        while rows(store, "SELECT COUNT(*) AS n FROM timers WHERE delivered_at IS NULL") != [{"n": 0}]:
            assert time.monotonic() < deadline, "timers fired before the kill were never told"
            time.sleep(0.1)
        assert "84" in (chat(back, "what is 12 times 7").choices[0].message.content or "")
        second = heard(back.log)
    assert set(first) | set(second) == {str(n) for n in range(1, 2001)}
    assert len(first) + len(second) - 2000 <= (1 if how == signal.SIGKILL else 0)
