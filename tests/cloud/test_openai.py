from __future__ import annotations

import json
import math

import pytest

from edge.cloud import CloudReply, CloudUnavailable, Message, provider
from edge.cloud.openai import OpenAICompatible
from edge.config import CloudSettings
from tests.cloud.conftest import KEY
from tests.cloud.helpers import QUESTION, ask, collect
from tests.cloud.server import FakeCloud, openai_json, openai_stream, stream, whole


def test_a_streamed_reply_arrives_in_pieces_then_one_final_reply_with_usage(
    fake_cloud: FakeCloud, openai_settings: CloudSettings
):
    fake_cloud.reply(openai_stream(["The ", "Rhine", "."], model="gpt-test-2024", usage=(21, 3)))
    with provider(openai_settings, api_key=KEY) as client:
        pieces, reply = collect(client, client.payload(ask()))
    assert pieces == ["The ", "Rhine", "."]
    assert reply == CloudReply("The Rhine.", "gpt-test-2024", 21, 3, "127.0.0.1")


def test_the_server_receives_exactly_the_payload_bytes_with_the_bearer_key(fake_cloud: FakeCloud, openai_settings: CloudSettings):
    with provider(openai_settings, api_key=KEY) as client:
        body = client.payload(ask())
        collect(client, body)
    got = fake_cloud.last
    assert (got.method, got.path, got.body) == ("POST", "/v1/chat/completions", body)
    assert got.headers["authorization"] == f"Bearer {KEY}"
    assert got.headers["content-type"] == "application/json"


def test_the_payload_is_compact_deterministic_utf8_json_asking_for_usage_when_streaming(openai_settings: CloudSettings):
    with provider(openai_settings, api_key=KEY) as client:
        body = client.payload(ask())
        assert body == client.payload(ask())
        assert "Köln".encode() in body and b", " not in body and b": " not in body
        assert json.loads(body) == {
            "model": "gpt-test",
            "messages": [
                {"role": "system", "content": "Be brief."},
                {"role": "user", "content": "Which river flows through Köln?"},
            ],
            "max_tokens": 64,
            "temperature": 0.2,
            "stream": True,
            "stream_options": {"include_usage": True},
        }
        assert "stream_options" not in json.loads(client.payload(ask(stream=False)))


def test_a_whole_reply_comes_as_one_piece_then_the_final_reply(fake_cloud: FakeCloud, openai_settings: CloudSettings):
    fake_cloud.reply(openai_json("The Rhine.", usage=(30, 4)))
    with provider(openai_settings, api_key=KEY) as client:
        pieces, reply = collect(client, client.payload(ask(stream=False)))
    assert pieces == ["The Rhine."]
    assert (reply.text, reply.prompt_tokens, reply.completion_tokens) == ("The Rhine.", 30, 4)
    assert fake_cloud.last.json()["stream"] is False


def test_without_usage_from_the_server_tokens_are_estimated_at_four_characters_each(
    fake_cloud: FakeCloud, openai_settings: CloudSettings
):
    fake_cloud.reply(openai_stream(["The Rhine", " river."], usage=None), openai_json("The Rhine river.", usage=None))
    prompt_chars = sum(len(m.content) for m in QUESTION)
    with provider(openai_settings, api_key=KEY) as client:
        for stream_it in (True, False):
            _, reply = collect(client, client.payload(ask(stream=stream_it)))
            assert (reply.prompt_tokens, reply.completion_tokens) == (math.ceil(prompt_chars / 4), math.ceil(16 / 4))


def test_a_server_that_ignores_stream_and_answers_json_is_still_understood(fake_cloud: FakeCloud, openai_settings: CloudSettings):
    fake_cloud.reply(openai_json("Whole anyway."))
    with provider(openai_settings, api_key=KEY) as client:
        pieces, reply = collect(client, client.payload(ask(stream=True)))
    assert pieces == ["Whole anyway."] and reply.text == "Whole anyway."


def test_a_stream_without_the_done_marker_is_whole_once_a_choice_finished(fake_cloud: FakeCloud, openai_settings: CloudSettings):
    chunk = {"model": "m", "choices": [{"index": 0, "delta": {"content": "Done."}, "finish_reason": "stop"}]}
    fake_cloud.reply(stream([f"data: {json.dumps(chunk)}\n\n".encode()]))
    with provider(openai_settings, api_key=KEY) as client:
        assert collect(client, client.payload(ask()))[1].text == "Done."


def test_a_local_server_gets_no_authorization_header_when_the_key_is_empty(fake_cloud: FakeCloud, openai_settings: CloudSettings):
    with provider(openai_settings) as client:
        collect(client, client.payload(ask()))
    assert "authorization" not in fake_cloud.last.headers


def test_requests_reuse_one_pooled_connection(fake_cloud: FakeCloud, openai_settings: CloudSettings):
    with provider(openai_settings, api_key=KEY) as client:
        for stream_it in (True, True, False):
            collect(client, client.payload(ask(stream=stream_it)))
    assert len({r.client_port for r in fake_cloud.requests}) == 1


def test_abandoning_a_stream_midway_leaves_the_client_usable(fake_cloud: FakeCloud, openai_settings: CloudSettings):
    fake_cloud.reply(openai_stream(["a", "b", "c"]))
    with provider(openai_settings, api_key=KEY) as client:
        events = client.send(client.payload(ask()))
        next(events)
        events.close()
        assert collect(client, client.payload(ask()))[1].text == fake_cloud.text


def test_the_endpoint_decides_host_and_url_and_repr_names_no_key():
    client = OpenAICompatible("llama", "http://localhost:8080/v1/", api_key=KEY)
    assert (client.name, client.host, client.url) == ("openai", "localhost", "http://localhost:8080/v1/chat/completions")
    assert KEY not in repr(client) and KEY not in str(client)
    assert "llama" in repr(client)
    client.close()


def test_user_text_stays_in_its_role(openai_settings: CloudSettings):
    messages = [Message("user", "hi"), Message("assistant", "hello"), Message("user", "bye")]
    with provider(openai_settings, api_key=KEY) as client:
        sent = json.loads(client.payload(ask(messages)))["messages"]
    assert [(m["role"], m["content"]) for m in sent] == [("user", "hi"), ("assistant", "hello"), ("user", "bye")]


def test_an_error_object_in_a_200_reply_is_not_taken_for_an_answer(fake_cloud: FakeCloud, openai_settings: CloudSettings):
    fake_cloud.reply(whole({"error": {"type": "server_error", "message": "The server had an error"}}))
    with provider(openai_settings, api_key=KEY) as client, pytest.raises(CloudUnavailable, match="server_error"):
        collect(client, client.payload(ask(stream=False)))
