"""edge's own endpoints on a real `edge serve`: routing decisions and the knowledge base."""

from __future__ import annotations

from pathlib import Path

import httpx
import openai
import pytest

from tests.serve.served import edge_serve

pytestmark = pytest.mark.models
GREENHOUSE = b"The greenhouse irrigation valve opens at 06:40 every morning and runs for 12 minutes."
BOAT = b"The sailboat Marigold is moored at berth 17 in the north harbour."


@pytest.fixture(scope="module")
def served():
    with edge_serve() as server:
        yield server


def test_a_request_is_routed_without_being_carried_out(served):
    decision = httpx.post(f"{served.api}/route", json={"input": "set a timer for ten minutes"}).json()
    assert (decision["route"], decision["skill"], decision["slots"]["seconds"]) == ("skill", "timer", 600)


def test_an_uploaded_document_is_searched_and_answers_through_the_router(served):
    added = httpx.post(f"{served.api}/kb/documents", files={"file": ("../../etc/greenhouse.md", GREENHOUSE)}, timeout=60)
    assert added.status_code == 200 and len(added.json()["added"]) == 1
    source = added.json()["added"][0]
    assert "/uploads/greenhouse.md" in source and "/etc/" not in source
    hits = httpx.get(f"{served.api}/kb/search", params={"q": "when does the irrigation valve open"}).json()["data"]
    assert hits[0]["source"] == source and "06:40" in hits[0]["text"]
    assert [d["source"] for d in httpx.get(f"{served.api}/kb/documents").json()["data"]] == [source]
    client = openai.OpenAI(base_url=served.api, api_key="unused", max_retries=0, timeout=120)
    reply = client.chat.completions.create(
        model="edge", messages=[{"role": "user", "content": "At what time does the greenhouse irrigation valve open?"}]
    )
    assert "06:40" in reply.choices[0].message.content
    assert reply.model_extra["x_edge"]["citations"][0]["source"] == source


@pytest.mark.parametrize(
    "path, params, fix",
    [
        ("kb/search", {}, "add ?q="),
        ("kb/search", {"q": "valve", "k": "0"}, "1 to 100"),
        ("kb/search", {"q": "x", "mode": "fuzzy"}, "dense, bm25"),
    ],
)
def test_a_bad_search_names_the_fix(served, path, params, fix):
    reply = httpx.get(f"{served.api}/{path}", params=params)
    assert reply.status_code == 400 and fix in reply.json()["error"]["message"]


def test_a_route_request_without_input_names_the_fix(served):
    reply = httpx.post(f"{served.api}/route", json={})
    assert reply.status_code == 400 and "input" in reply.json()["error"]["message"]


def test_an_upload_that_is_not_a_document_is_refused_and_nothing_is_saved(served, tmp_path):
    files = [("file", ("notes.md", GREENHOUSE)), ("file", ("photo.png", b"\x89PNG\r\n\x1a\n"))]
    reply = httpx.post(f"{served.api}/kb/documents", files=files)
    assert reply.status_code == 400 and "photo.png" in reply.json()["error"]["message"]
    assert ".md" in reply.json()["error"]["message"]
    assert "notes.md" not in str(httpx.get(f"{served.api}/kb/documents").json())


def test_a_form_that_cannot_be_parsed_is_refused_in_openai_shape(served):
    reply = httpx.post(
        f"{served.api}/kb/documents", content=b"--x\r\n[{}]--x--\r\n", headers={"Content-Type": "multipart/form-data; boundary=x"}
    )
    assert reply.status_code == 400 and "Fix:" in reply.json()["error"]["message"]


def test_an_upload_that_cannot_be_read_is_reported_and_not_kept(served):
    reply = httpx.post(f"{served.api}/kb/documents", files={"file": ("manual.pdf", b"%PDF-1.7 cut short")}, timeout=60)
    (failed,) = reply.json()["failed"]
    assert reply.status_code == 422 and failed.endswith("/uploads/manual.pdf")
    assert not Path(failed).exists()


def test_an_upload_that_cannot_be_read_puts_back_the_document_it_replaced(served):
    good = httpx.post(f"{served.api}/kb/documents", files={"file": ("boat.md", BOAT)}, timeout=60)
    (source,) = good.json()["added"]
    broken = httpx.post(f"{served.api}/kb/documents", files={"file": ("boat.md", b"\x00\x01binary")}, timeout=60)
    assert broken.status_code == 422 and list(broken.json()["failed"]) == [source]
    assert Path(source).read_bytes() == BOAT
    hits = httpx.get(f"{served.api}/kb/search", params={"q": "where is the Marigold moored"}).json()["data"]
    assert hits[0]["source"] == source and "berth 17" in hits[0]["text"]
