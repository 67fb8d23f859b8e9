"""OpenAI's own Python client against a real `edge serve` with the real models."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import numpy as np
import openai
import pytest

from tests.serve.served import edge_serve

pytestmark = pytest.mark.models
LLM = "smollm2-135m-instruct-q4_1"


@pytest.fixture(scope="module")
def served():
    with edge_serve(env={"EDGE_SERVE__QUEUE": "1"}) as server:
        yield server


def test_the_models_are_the_router_and_the_local_models(client):
    assert [m.id for m in client.models.list()] == ["edge", LLM, "all-minilm-l6-v2-int8"]


def test_a_request_to_edge_is_answered_by_the_skill_the_router_chooses(client):
    reply = client.chat.completions.create(model="edge", messages=[{"role": "user", "content": "what is seven times six"}])
    assert reply.choices[0].message.content == "7 times 6 is 42."
    assert reply.model_extra["x_edge"] == {"handler": "skill:math", "route": "skill"}


def test_a_streamed_answer_comes_in_pieces_that_make_the_final_text(client):
    stream = client.chat.completions.create(
        model="edge", stream=True, messages=[{"role": "user", "content": "tell me about octopuses"}]
    )
    chunks = list(stream)
    pieces = [c.choices[0].delta.content for c in chunks if c.choices[0].delta.content]
    assert len(pieces) > 3
    assert chunks[-1].choices[0].finish_reason == "stop"
    assert "".join(pieces) == chunks[-1].model_extra["x_edge"]["text"]


def test_the_local_llm_is_called_directly_and_reports_its_tokens(client):
    reply = client.chat.completions.create(
        model=LLM, max_tokens=6, messages=[{"role": "user", "content": "Count from one to twenty in words."}]
    )
    assert reply.choices[0].finish_reason == "length"
    assert reply.usage.completion_tokens <= 6 and reply.usage.prompt_tokens > 5


def test_json_output_follows_the_schema_asked_for(client):
    schema = {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}
    reply = client.chat.completions.create(
        model=LLM,
        response_format={"type": "json_schema", "json_schema": {"name": "place", "schema": schema}},
        messages=[{"role": "user", "content": "Name a city in France as JSON."}],
    )
    assert isinstance(json.loads(reply.choices[0].message.content)["city"], str)


def test_embeddings_place_close_meanings_close(client):
    texts = ["how do I reset my password", "I forgot my login password", "the tide comes in at noon"]
    vectors = np.array([d.embedding for d in client.embeddings.create(model="edge", input=texts).data])
    assert vectors.shape == (3, 384)
    similar, unrelated = vectors[0] @ vectors[1], vectors[0] @ vectors[2]
    assert similar > unrelated + 0.2


def test_an_unknown_model_is_an_openai_error_that_lists_the_models(client):
    with pytest.raises(openai.NotFoundError, match=f"Fix: use one of edge, {LLM}"):
        client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])


def test_a_malformed_request_names_what_is_wrong(client):
    with pytest.raises(openai.BadRequestError, match="messages"):
        client.chat.completions.create(model="edge", messages=[])


def test_an_oversized_body_is_refused(served):
    reply = httpx.post(f"{served.api}/embeddings", content=b"x" * 26_000_000, headers={"content-type": "application/json"})
    assert reply.status_code == 413 and "serve.max_body_bytes" in reply.json()["error"]["message"]


def test_past_its_queue_an_engine_answers_busy_and_a_stream_the_client_leaves_frees_its_place(client):
    stream = client.chat.completions.create(
        model=LLM, stream=True, max_tokens=400, messages=[{"role": "user", "content": "Write a long story about a ship."}]
    )
    next(iter(stream))
    with pytest.raises(openai.RateLimitError, match="raise serve.queue"):
        client.chat.completions.create(model=LLM, max_tokens=4, messages=[{"role": "user", "content": "hi"}])
    stream.close()
    deadline = time.monotonic() + 30
    while True:
        try:
            client.chat.completions.create(model=LLM, max_tokens=4, messages=[{"role": "user", "content": "hi"}])
            break
        except openai.RateLimitError:
            assert time.monotonic() < deadline, "the abandoned stream kept its place"
            time.sleep(0.2)


def test_on_every_address_with_keys_set_every_endpoint_but_health_needs_one():
    env = {"EDGE_SERVE__API_KEYS": '["s3cret"]', "EDGE_ROLES": '["embedder"]'}
    with edge_serve("--host", "0.0.0.0", env=env) as server:
        with pytest.raises(openai.AuthenticationError, match="serve.api_keys"):
            openai.OpenAI(base_url=server.api, api_key="wrong", max_retries=0).models.list()
        assert [m.id for m in openai.OpenAI(base_url=server.api, api_key="s3cret").models.list()][0] == "edge"
        assert httpx.get(f"{server.url}/health").status_code == 200


def test_another_address_than_loopback_is_not_served_without_keys():
    done = subprocess.run(
        [sys.executable, "-m", "edge.cli", "serve", "--host", "0.0.0.0", "--port", "0"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0 and "set serve.api_keys" in done.stderr and "Traceback" not in done.stderr


def test_as_a_sidecar_it_exits_when_the_app_that_started_it_is_gone():
    parent = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    with edge_serve(env={"EDGE_ROLES": '["embedder"]'}, parent=parent.pid) as server:
        parent.kill()
        parent.wait()
        assert server.process.wait(30) == 0


def test_eight_streams_at_once_all_complete_and_a_ninth_is_told_busy():
    with edge_serve() as server:
        client = openai.OpenAI(base_url=server.api, api_key="unused", max_retries=0, timeout=300)
        question = [{"role": "user", "content": "Name three colours."}]
        streams = [client.chat.completions.create(model=LLM, stream=True, max_tokens=24, messages=question) for _ in range(8)]
        firsts = [next(iter(stream)) for stream in streams]
        with pytest.raises(openai.RateLimitError):
            client.chat.completions.create(model=LLM, max_tokens=4, messages=question)
        with ThreadPoolExecutor(8) as pool:
            texts = list(pool.map(lambda s: "".join(c.choices[0].delta.content or "" for c in s), streams))
        assert all(f.choices[0].delta.role == "assistant" for f in firsts) and all(texts)


def test_metrics_count_the_calls_and_the_log_holds_no_request_text(client, served):
    client.chat.completions.create(model=LLM, max_tokens=4, messages=[{"role": "user", "content": "zebra marmalade question"}])
    metrics = httpx.get(f"{served.url}/metrics").text
    assert 'edge_engine_calls_total{role="llm"}' in metrics
    assert 'edge_http_requests_total{path="/v1/chat/completions",status="200"}' in metrics
    assert 'edge_http_request_seconds_bucket{path="/v1/chat/completions",le="+Inf"}' in metrics
    assert 'edge_queue_capacity{engine="llm"} 1' in metrics
    log = served.log.read_text()
    assert "POST /v1/chat/completions 200" in log and "zebra" not in log


def test_a_streamed_skill_answer_arrives_as_content_too(client):
    stream = client.chat.completions.create(
        model="edge", stream=True, messages=[{"role": "user", "content": "what is 7 times 6"}]
    )
    assert "".join(c.choices[0].delta.content or "" for c in stream) == "7 times 6 is 42."


def test_tools_are_refused_rather_than_ignored(client):
    tool = {"type": "function", "function": {"name": "lights", "parameters": {"type": "object", "properties": {}}}}
    with pytest.raises(openai.BadRequestError, match="tools are not offered"):
        client.chat.completions.create(model=LLM, tools=[tool], messages=[{"role": "user", "content": "lights on"}])
