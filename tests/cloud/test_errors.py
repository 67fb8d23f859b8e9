from __future__ import annotations

import socket
import sys
import time

import httpx
import pytest

from edge.cloud import CloudError, CloudProtocolError, CloudRefused, CloudUnavailable, Message, provider
from edge.config import CloudSettings
from edge.errors import MissingExtra
from tests.cloud.conftest import KEY
from tests.cloud.helpers import ask, collect
from tests.cloud.server import FakeCloud, Reply, error, hang, openai_events, openai_stream, sse, stream, whole

PRIVATE = "my diary says Anna Schmidt lives at Hauptstraße 5"


def fail(settings: CloudSettings, stream_it: bool = True, transport: httpx.BaseTransport | None = None) -> CloudError:
    with provider(settings, api_key=KEY, transport=transport) as client, pytest.raises(CloudError) as caught:
        collect(client, client.payload(ask([Message("user", PRIVATE)], stream=stream_it)))
    assert KEY not in str(caught.value) and KEY not in repr(caught.value)
    assert PRIVATE not in str(caught.value) and "Hauptstraße" not in caught.value.fix
    return caught.value


@pytest.mark.parametrize(
    "reply",
    [
        error(400, "could not parse: Hauptstraße 5, as the user wrote"),
        stream(sse({"error": {"type": "server_error", "message": "could not parse: Hauptstraße 5, as the user wrote"}})),
    ],
)
def test_the_providers_reason_is_shown_to_the_user_but_not_recorded(fake_cloud: FakeCloud, openai_settings: CloudSettings, reply):
    """A provider may echo the request in its error: the user sees it, the store and the logs do not."""
    fake_cloud.reply(reply)
    exc = fail(openai_settings)
    assert "Hauptstraße 5" in exc.message
    assert "Hauptstraße" not in exc.recorded() and "Hauptstraße" not in exc.recorded(exc.message)
    assert exc.recorded().startswith("127.0.0.1 ") and "Fix: " in exc.recorded()


@pytest.mark.parametrize(
    ("status", "kind", "retryable"),
    [
        (500, CloudUnavailable, True),
        (502, CloudUnavailable, True),
        (503, CloudUnavailable, True),
        (529, CloudUnavailable, True),
        (408, CloudUnavailable, True),
        (429, CloudUnavailable, True),
        (400, CloudRefused, False),
        (401, CloudRefused, False),
        (403, CloudRefused, False),
        (404, CloudRefused, False),
        (422, CloudRefused, False),
    ],
)
def test_each_status_maps_to_an_error_that_says_whether_to_retry(
    fake_cloud: FakeCloud, openai_settings: CloudSettings, status: int, kind: type[CloudError], retryable: bool
):
    fake_cloud.reply(error(status, "the provider's reason"))
    exc = fail(openai_settings)
    assert type(exc) is kind and exc.retryable is retryable
    assert (exc.status, exc.host) == (status, "127.0.0.1")
    assert f"HTTP {status}" in exc.message and "127.0.0.1" in exc.message and "the provider's reason" in exc.message


def test_429_keeps_the_retry_after_seconds(fake_cloud: FakeCloud, openai_settings: CloudSettings):
    fake_cloud.reply(error(429, "Rate limit reached", retry_after="2.5"))
    exc = fail(openai_settings)
    assert isinstance(exc, CloudUnavailable) and exc.retry_after_s == 2.5 and "2.5 s" in exc.fix


def test_429_for_an_exhausted_quota_is_not_retried(fake_cloud: FakeCloud, openai_settings: CloudSettings):
    fake_cloud.reply(error(429, "You exceeded your current quota", kind="insufficient_quota"))
    exc = fail(openai_settings)
    assert isinstance(exc, CloudRefused) and "billing" in exc.fix


def test_the_fix_names_what_to_check(fake_cloud: FakeCloud, openai_settings: CloudSettings):
    fake_cloud.reply(error(401, "Invalid key"), error(404, "The model `gpt-test` does not exist"))
    assert "OPENAI_API_KEY" in fail(openai_settings).fix
    fix = fail(openai_settings).fix
    assert "gpt-test" in fix and fake_cloud.url in fix


def test_a_key_the_provider_echoes_back_is_redacted_whole_or_partly_masked(fake_cloud: FakeCloud, openai_settings: CloudSettings):
    fake_cloud.reply(
        error(401, f"Incorrect API key provided: {KEY}."), error(401, "Incorrect API key provided: sk-test-****SECRET.")
    )
    assert "Incorrect API key provided: ***." in fail(openai_settings).message
    message = fail(openai_settings).message
    assert "Incorrect API key provided: sk-***." in message and "SECRET" not in message


def test_the_provider_message_is_cut_short(fake_cloud: FakeCloud, openai_settings: CloudSettings):
    fake_cloud.reply(error(400, "x" * 5000))
    assert 200 <= len(fail(openai_settings).message) < 300


def test_a_body_that_is_not_json_gives_the_reason_phrase(fake_cloud: FakeCloud, openai_settings: CloudSettings):
    fake_cloud.reply(Reply(502, b"<html>bad gateway</html>", {"content-type": "text/html"}))
    assert "HTTP 502: Bad Gateway" in fail(openai_settings).message


def test_a_redirect_is_not_followed(fake_cloud: FakeCloud, openai_settings: CloudSettings):
    fake_cloud.reply(Reply(307, headers={"location": "https://elsewhere.example/v1/chat/completions"}))
    exc = fail(openai_settings)
    assert isinstance(exc, CloudRefused) and "elsewhere.example" in exc.message
    assert len(fake_cloud.requests) == 1


def test_a_server_that_does_not_answer_in_time_is_unavailable(fake_cloud: FakeCloud, openai_settings: CloudSettings):
    fake_cloud.reply(hang(3))
    start = time.monotonic()
    exc = fail(openai_settings.model_copy(update={"timeout_s": 0.3}))
    assert isinstance(exc, CloudUnavailable) and "0.3 s" in exc.message
    assert time.monotonic() - start < 2


def test_a_stream_that_stalls_is_unavailable(fake_cloud: FakeCloud, openai_settings: CloudSettings):
    fake_cloud.reply(openai_stream(["a", "b"], chunk_delay_s=3))
    assert isinstance(fail(openai_settings.model_copy(update={"timeout_s": 0.3})), CloudUnavailable)


def test_a_closed_port_is_unavailable(openai_settings: CloudSettings):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    exc = fail(openai_settings.model_copy(update={"endpoint": f"http://127.0.0.1:{port}/v1"}))
    assert isinstance(exc, CloudUnavailable) and "could not connect to 127.0.0.1" in exc.message


def test_a_connection_dropped_mid_stream_is_unavailable(fake_cloud: FakeCloud, openai_settings: CloudSettings):
    fake_cloud.reply(stream(sse(*openai_events(["a", "b"])[:2]), cut=True))
    assert isinstance(fail(openai_settings), CloudUnavailable)


@pytest.mark.parametrize(
    ("reply", "stream_it"),
    [
        (whole(b"{not json"), False),
        (whole([1, 2]), False),
        (whole({"choices": []}), False),
        (stream([b"data: {not json\n\n"]), True),
        (stream([b'data: {"choices": "nope"}\n\n']), True),
        (stream([b"this is not server-sent events\n"]), True),
    ],
    ids=["garbage-body", "array-body", "no-choices", "garbage-event", "wrong-shape-event", "not-sse"],
)
def test_a_malformed_body_or_stream_is_a_protocol_error(
    fake_cloud: FakeCloud, openai_settings: CloudSettings, reply: Reply, stream_it: bool
):
    fake_cloud.reply(reply)
    exc = fail(openai_settings, stream_it)
    assert isinstance(exc, CloudProtocolError) and not exc.retryable and "cloud.endpoint" in exc.fix


def test_an_error_event_inside_an_openai_stream_ends_it(fake_cloud: FakeCloud, openai_settings: CloudSettings):
    events = openai_events(["a"])[:2] + [{"error": {"type": "server_error", "message": "The server had an error"}}]
    fake_cloud.reply(stream(sse(*events)))
    assert isinstance(fail(openai_settings), CloudUnavailable)


def test_a_transport_fault_is_unavailable(openai_settings: CloudSettings):
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadError("connection reset by peer", request=request)

    exc = fail(openai_settings, transport=httpx.MockTransport(refuse))
    assert isinstance(exc, CloudUnavailable) and "ReadError" in exc.message


def test_an_endpoint_that_is_not_http_is_refused_up_front(openai_settings: CloudSettings):
    with pytest.raises(CloudRefused, match="not an http"):
        provider(openai_settings.model_copy(update={"endpoint": "ftp://example.com/v1"}), api_key=KEY)


def test_without_httpx_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch, openai_settings: CloudSettings):
    monkeypatch.setitem(sys.modules, "httpx", None)
    with pytest.raises(MissingExtra, match=r"edge-runtime\[cloud\]"):
        provider(openai_settings, api_key=KEY)
