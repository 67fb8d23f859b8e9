"""What a served edge keeps after cloud requests that succeed, are refused and fail: the API key, the request's
text and the payload sent never appear in the store file, its write-ahead log or the server's log. (The answer
cache, off here, keeps questions by design: that is what it is for.)"""

from __future__ import annotations

import json

import openai
import pytest

from tests.cloud.server import error
from tests.serve.served import edge_serve, escalating

pytestmark = pytest.mark.models
KEY = "sk-proj-canaryKey7f3a9c1e5b2d4068a1c3e5f7"
REQUESTS = (
    "Tell Quentin Vasquez-Oduya about the zorblaxian migration of the glimmerwick herds.",
    "Describe the plinthorine festival that Quentin Vasquez-Oduya hosts every spring.",
    "What does a snorvelbeak eat in the long winter months?",
)


def served_with_key(cloud, store) -> dict[str, str]:
    return escalating(
        cloud,
        OPENAI_API_KEY=KEY,
        EDGE_STORE__PATH=str(store),
        EDGE_CLOUD__RETRIES="0",
        EDGE_ROUTER__RETRIES="0",
        EDGE_ROUTER__CHAINS__CHAT='["cloud"]',
    )


def test_no_key_request_or_payload_is_kept_in_the_store_or_the_log(fake_cloud, tmp_path):
    store = tmp_path / "edge.db"
    fake_cloud.text = "The glimmerwick herds move north, <PERSON_1>."
    with edge_serve(env=served_with_key(fake_cloud, store)) as server:
        client = openai.OpenAI(base_url=server.api, api_key="unused", max_retries=0, timeout=120)
        answered = client.chat.completions.create(model="edge", messages=[{"role": "user", "content": REQUESTS[0]}])
        fake_cloud.reply(error(401, f"Incorrect API key provided: {KEY}. You can find your API key at example.org."))
        refused = client.chat.completions.create(model="edge", messages=[{"role": "user", "content": REQUESTS[1]}])
        fake_cloud.reply(error(500, f"upstream failed while reading: {REQUESTS[2]}"))
        failed = client.chat.completions.create(model="edge", messages=[{"role": "user", "content": REQUESTS[2]}])
        log = server.log

    assert answered.model_extra["x_edge"]["handler"] == "llm:cloud"
    assert "Quentin Vasquez-Oduya" in (answered.choices[0].message.content or "")
    assert refused.model_extra["x_edge"]["handler"] == failed.model_extra["x_edge"]["handler"] == "error"
    assert len(fake_cloud.requests) == 3 and all(r.headers["authorization"] == f"Bearer {KEY}" for r in fake_cloud.requests)

    sent = [m["content"] for r in fake_cloud.requests for m in r.json()["messages"] if m["role"] == "user"]
    canaries = {"the API key": [KEY, KEY[-12:]], "request text": ["zorblaxian", "plinthorine", "snorvelbeak"], "payload": sent}
    kept = {path.name: path.read_bytes() for path in (store, store.with_name("edge.db-wal"), log) if path.exists()}
    assert set(kept) >= {"edge.db", log.name}
    for what, values in canaries.items():
        for value in values:
            for name, data in kept.items():
                assert value.encode() not in data, f"{what} {value!r} is in {name}"

    dead = _rows(store, "SELECT input_sha256, attempts FROM dead_letters")
    assert len(dead) == 2 and all(len(d["input_sha256"]) == 64 for d in dead)
    assert any("HTTP 401" in json.dumps(d["attempts"]) for d in dead)


def _rows(path, sql):
    from edge.store.database import Database

    db = Database(path)
    try:
        return db.query(sql)
    finally:
        db.close()
