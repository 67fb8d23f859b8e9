from __future__ import annotations

import json

import pytest

from edge.cloud import CloudProtocolError, CloudReply, CloudUnavailable, Message, provider
from edge.config import CloudSettings
from tests.cloud.conftest import KEY
from tests.cloud.helpers import ask, collect
from tests.cloud.server import FakeCloud, anthropic_events, anthropic_json, anthropic_stream, sse, stream

CHAT = [
    Message("system", "Be brief."),
    Message("user", "Which river flows through Köln?"),
    Message("assistant", "The Rhine."),
    Message("system", "Answer in German."),
    Message("user", "And through Wien?"),
]


def test_a_streamed_reply_arrives_in_pieces_then_one_final_reply_with_usage(
    fake_cloud: FakeCloud, anthropic_settings: CloudSettings
):
    fake_cloud.reply(anthropic_stream(["Die ", "Donau", "."], model="claude-test-1", usage=(25, 5)))
    with provider(anthropic_settings, api_key=KEY) as client:
        pieces, reply = collect(client, client.payload(ask(CHAT)))
    assert pieces == ["Die ", "Donau", "."]
    assert reply == CloudReply("Die Donau.", "claude-test-1", 25, 5, "127.0.0.1")


def test_a_whole_reply_comes_as_one_piece_then_the_final_reply(fake_cloud: FakeCloud, anthropic_settings: CloudSettings):
    fake_cloud.reply(anthropic_json("Die Donau.", usage=(25, 5)))
    with provider(anthropic_settings, api_key=KEY) as client:
        pieces, reply = collect(client, client.payload(ask(CHAT, stream=False)))
    assert pieces == ["Die Donau."]
    assert (reply.text, reply.prompt_tokens, reply.completion_tokens) == ("Die Donau.", 25, 5)


def test_system_messages_go_to_the_system_field_and_turns_keep_their_roles(anthropic_settings: CloudSettings):
    with provider(anthropic_settings, api_key=KEY) as client:
        sent = json.loads(client.payload(ask(CHAT)))
    assert sent["system"] == "Be brief.\n\nAnswer in German."
    assert sent["messages"] == [
        {"role": "user", "content": "Which river flows through Köln?"},
        {"role": "assistant", "content": "The Rhine."},
        {"role": "user", "content": "And through Wien?"},
    ]
    assert (sent["model"], sent["max_tokens"], sent["temperature"], sent["stream"]) == ("claude-test", 64, 0.2, True)


def test_without_system_messages_there_is_no_system_field_and_temperature_is_capped_at_one(anthropic_settings: CloudSettings):
    with provider(anthropic_settings, api_key=KEY) as client:
        sent = json.loads(client.payload(ask([Message("user", "hi")], temperature=1.7)))
    assert "system" not in sent and sent["temperature"] == 1.0


def test_the_server_receives_exactly_the_payload_bytes_with_key_and_version_headers(
    fake_cloud: FakeCloud, anthropic_settings: CloudSettings
):
    with provider(anthropic_settings, api_key=KEY) as client:
        body = client.payload(ask(CHAT))
        collect(client, body)
    got = fake_cloud.last
    assert (got.path, got.body) == ("/v1/messages", body)
    assert got.headers["x-api-key"] == KEY and got.headers["anthropic-version"] == "2023-06-01"
    assert got.headers["content-type"] == "application/json" and "authorization" not in got.headers


def test_cached_prompt_tokens_count_in_the_prompt(fake_cloud: FakeCloud, anthropic_settings: CloudSettings):
    events = anthropic_events(["ok"], usage=(10, 2))
    events[0]["message"]["usage"].update(cache_creation_input_tokens=100, cache_read_input_tokens=1000)
    fake_cloud.reply(stream(sse(*events, named=True)))
    with provider(anthropic_settings, api_key=KEY) as client:
        reply = collect(client, client.payload(ask(CHAT)))[1]
    assert (reply.prompt_tokens, reply.completion_tokens) == (1110, 2)


def test_the_openai_default_endpoint_becomes_anthropics_own():
    settings = CloudSettings(provider="anthropic", model="claude-test")
    with provider(settings, api_key=KEY) as client:
        assert (client.name, client.url) == ("anthropic", "https://api.anthropic.com/v1/messages")


def test_an_overloaded_error_event_may_be_retried(fake_cloud: FakeCloud, anthropic_settings: CloudSettings):
    overloaded = {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}
    fake_cloud.reply(stream(sse(*anthropic_events(["Die "])[:4], overloaded, named=True)))
    with provider(anthropic_settings, api_key=KEY) as client, pytest.raises(CloudUnavailable, match="Overloaded") as caught:
        collect(client, client.payload(ask(CHAT)))
    assert caught.value.retryable


def test_another_error_event_is_a_protocol_error(fake_cloud: FakeCloud, anthropic_settings: CloudSettings):
    bad = {"type": "error", "error": {"type": "invalid_request_error", "message": "prompt is too long"}}
    fake_cloud.reply(stream(sse(bad, named=True)))
    with provider(anthropic_settings, api_key=KEY) as client, pytest.raises(CloudProtocolError, match="too long") as caught:
        collect(client, client.payload(ask(CHAT)))
    assert not caught.value.retryable


def test_a_stream_that_stops_before_message_stop_is_a_protocol_error(fake_cloud: FakeCloud, anthropic_settings: CloudSettings):
    fake_cloud.reply(stream(sse(*anthropic_events(["Die "])[:4], named=True)))
    with provider(anthropic_settings, api_key=KEY) as client, pytest.raises(CloudProtocolError, match="ended before"):
        collect(client, client.payload(ask(CHAT)))
