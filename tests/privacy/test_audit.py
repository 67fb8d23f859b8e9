import json

from edge.privacy.audit import EgressLog, sha256
from edge.store.database import Database


def test_each_request_is_logged_before_sending_and_completed_after_with_no_plaintext(tmp_path):
    db = Database(tmp_path / "edge.db")
    log = EgressLog(db)
    payload = b'{"messages":[{"role":"user","content":"<PERSON_1> lives at <LOCATION_1>"}]}'
    where = {"host": "api.openai.com", "route": "chat", "provider": "openai", "model": "gpt-4o-mini"}
    row = log.sending(**where, entities={"PERSON": 1}, payload=payload)
    [inflight] = log.records()
    assert inflight.outcome == "sending" and inflight.payload_sha256 == sha256(payload) and inflight.payload_bytes == len(payload)
    log.finished(row, "ok", prompt_tokens=12, completion_tokens=30, cost_usd=0.0001, leaks={"PHONE_NUMBER": 1})
    [done] = log.records()
    assert (done.outcome, done.prompt_tokens, done.completion_tokens, done.leaks) == ("ok", 12, 30, {"PHONE_NUMBER": 1})
    assert done.entities == {"PERSON": 1}
    stored = json.dumps(db.query("SELECT * FROM egress"))
    assert "PERSON_1" not in stored and "lives at" not in stored
    db.close()
