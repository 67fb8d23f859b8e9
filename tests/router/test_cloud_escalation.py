"""Cloud escalation end to end: a real HTTP server on 127.0.0.1 plays the provider, the real local models answer
first, and every byte the server receives is checked for personal data."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from edge.privacy.audit import EgressLog, sha256
from edge.router import Handled, Reply, Router, Token
from tests.cloud.server import FakeCloud, error
from tests.router.cloud import CHAT_ONLY
from tests.router.cloud import cloud_router as escalating_router

CONVERSATION = [
    "Hi, I'm Maria Keller. My email is maria.keller@example.com and my phone is +1 415 555 0199.",
    "Write a polite message to my landlord Tom Becker asking him to repair the heating at 14 Elm Street, Springfield.",
    "Also say that Maria Keller is away on 12/03/2026 and can be reached at maria.keller@example.com.",
]
PERSONAL = [
    *("Maria", "Keller", "maria.keller", "example.com", "415 555 0199"),
    *("Tom Becker", "Becker", "Elm Street", "Springfield", "12/03/2026"),
]
CLOUD_SAYS = [
    "Nice to meet you, <PERSON_1>. I will write to <EMAIL_1>.",
    "Dear <PERSON_2>, could you please repair the heating at <LOCATION_1>? Kind regards, <PERSON_1>",
    "Noted: <PERSON_1> is away on <DATE_1> and can be reached at <EMAIL_1>.",
]
LABELS = {"EMAIL": "EMAIL_ADDRESS", "PHONE": "PHONE_NUMBER", "DATE": "DATE_TIME", "IP": "IP_ADDRESS", "IBAN": "IBAN_CODE"}


def cloud_router(runtime, db, cloud: FakeCloud, consent=None, enabled=True, **cloud_settings) -> Router:
    """Every request goes to the chat route and every local answer counts as unsure, so each one escalates."""
    return escalating_router(runtime, db, cloud, consent, enabled, router=CHAT_ONLY, **cloud_settings)


def converse(router: Router, cloud: FakeCloud, name: str) -> list[Reply]:
    replies = []
    for text, answer in zip(CONVERSATION, CLOUD_SAYS, strict=True):
        cloud.text = answer
        replies.append(router.ask(text, conversation=name))
    return replies


def placeholders(body: bytes) -> Counter:
    return Counter(LABELS.get(m, m) for m in re.findall(r"<([A-Z_]+?)_\d+>", body.decode()))


def test_personal_data_never_leaves_and_the_reply_comes_back_unmasked(runtime, db, fake_cloud):
    router = cloud_router(runtime, db, fake_cloud)
    before = len(EgressLog(db).records(1000))
    replies = converse(router, fake_cloud, "proof")

    assert all(r.handler is Handled.CLOUD_LLM for r in replies) and len(replies) == 3
    received = fake_cloud.received.lower()
    assert received and len(fake_cloud.requests) == 3
    for value in PERSONAL:
        assert value.lower().encode() not in received, value
    assert replies[0].text == "Nice to meet you, Maria Keller. I will write to maria.keller@example.com."
    assert replies[1].text.startswith("Dear Tom Becker, could you please repair the heating at 14 Elm Street, Springfield?")
    assert replies[2].text == "Noted: Maria Keller is away on 12/03/2026 and can be reached at maria.keller@example.com."
    assert replies[2].cloud is not None and replies[2].cloud.host == "127.0.0.1"

    records = list(reversed(EgressLog(db).records(1000)))[before:]
    assert len(records) == len(fake_cloud.requests)
    for record, request in zip(records, fake_cloud.requests, strict=True):
        assert record.payload_sha256 == sha256(request.body) and record.payload_bytes == len(request.body)
        assert record.entities == dict(placeholders(request.body))
        assert (record.outcome, record.host, record.route, record.model) == ("ok", "127.0.0.1", "chat", "gpt-test")
        assert record.prompt_tokens and record.completion_tokens


def test_with_escalation_off_the_same_conversation_sends_zero_bytes(runtime, db, fake_cloud):
    router = cloud_router(runtime, db, fake_cloud, enabled=False)
    before = len(EgressLog(db).records(1000))
    replies = converse(router, fake_cloud, "offline")
    assert all(r.handler is Handled.LOCAL_LLM for r in replies)
    assert all(r.cloud is None and r.notice is None for r in replies)
    assert fake_cloud.connections == 0 and fake_cloud.received == b""
    assert len(EgressLog(db).records(1000)) == before


def test_a_cloud_outage_mid_conversation_falls_back_to_the_local_answer_and_says_so(runtime, db, fake_cloud):
    router = cloud_router(runtime, db, fake_cloud)
    fake_cloud.text = CLOUD_SAYS[0]
    first = router.ask(CONVERSATION[0], conversation="outage")
    fake_cloud.reply(error(503, "overloaded"), error(503, "overloaded"))
    second = router.ask(CONVERSATION[1], conversation="outage")
    fake_cloud.text = CLOUD_SAYS[2]
    third = router.ask(CONVERSATION[2], conversation="outage")

    assert first.handler is Handled.CLOUD_LLM and third.handler is Handled.CLOUD_LLM
    assert second.handler is Handled.LOCAL_LLM
    assert second.notice is not None and second.notice.startswith("The cloud model couldn't answer")
    assert second.text.startswith(second.notice) and len(second.text) > len(second.notice) + 3
    outcomes = [r.outcome for r in reversed(EgressLog(db).records(4))]
    assert outcomes == ["ok", *["failed: 127.0.0.1 is unavailable (HTTP 503: ...)"] * 2, "ok"], (
        "the provider's reason is not stored"
    )


def test_under_ask_the_user_sees_exactly_the_masked_request_and_can_refuse(runtime, db, fake_cloud):
    asked = []
    answers = iter([False, True])

    def consent(request):
        asked.append(request)
        return next(answers)

    router = cloud_router(runtime, db, fake_cloud, consent=consent, policy={"chat": "ask"})
    refused = router.ask(CONVERSATION[0], conversation="ask")
    assert fake_cloud.connections == 0
    assert refused.handler is Handled.LOCAL_LLM and refused.notice is not None and "declined" in refused.notice
    shown = asked[0].messages[-1]["content"]
    assert shown == "Hi, I'm <PERSON_1>. My email is <EMAIL_1> and my phone is <PHONE_1>." and asked[0].host == "127.0.0.1"

    fake_cloud.text = CLOUD_SAYS[0]
    approved = router.ask(CONVERSATION[0], conversation="ask")
    assert approved.handler is Handled.CLOUD_LLM and fake_cloud.last.json()["messages"][-1]["content"] == shown


def test_the_system_instructions_and_the_users_text_keep_their_roles(runtime, db, fake_cloud):
    router = cloud_router(runtime, db, fake_cloud)
    router.ask("Explain why the sky is blue, for Ada Lovelace.")
    messages = fake_cloud.last.json()["messages"]
    assert [m["role"] for m in messages] == ["system", "user"]
    assert messages[1]["content"] == "Explain why the sky is blue, for <PERSON_1>."


def test_never_send_types_keep_the_whole_request_on_the_device(runtime, db, fake_cloud):
    router = cloud_router(runtime, db, fake_cloud, never_send=["CREDIT_CARD"])
    reply = router.ask("My card 4111 1111 1111 1111 was charged twice, what should I write to the bank?")
    assert fake_cloud.connections == 0
    assert reply.handler is Handled.LOCAL_LLM and "CREDIT_CARD" in (reply.notice or "")


def test_over_budget_stops_the_cloud_and_the_local_answer_stands(runtime, db, fake_cloud):
    settings = {"metering": {"prices": {"gpt-test": {"input_per_mtok": 1000.0}}, "budget": {"monthly_usd": 0.0}}}
    router = cloud_router(runtime, db, fake_cloud)
    router.meter.settings = router.meter.settings.model_validate(settings["metering"])
    reply = router.ask("Explain photosynthesis in one sentence.")
    assert fake_cloud.connections == 0
    assert reply.handler is Handled.LOCAL_LLM and "budget" in (reply.notice or "")


def test_personal_data_the_provider_adds_is_flagged(runtime, db, fake_cloud):
    router = cloud_router(runtime, db, fake_cloud)
    fake_cloud.text = "Sure, <PERSON_1>. You could also ask John Smith at john.smith@corp.example."
    reply = router.ask("Who can help Ada Lovelace with her taxes?")
    assert reply.text.startswith("Sure, Ada Lovelace.")
    assert reply.cloud is not None and reply.cloud.leaks == {"EMAIL_ADDRESS": 1, "PERSON": 1}
    assert EgressLog(db).records(1)[0].leaks == {"EMAIL_ADDRESS": 1, "PERSON": 1}


def test_the_cloud_reply_streams_unmasked(runtime, db, fake_cloud):
    router = cloud_router(runtime, db, fake_cloud)
    fake_cloud.text = "Hello <PERSON_1>, nice to meet you."
    events = list(router.stream("Say hello to Ada Lovelace."))
    tokens = [e.text for e in events if isinstance(e, Token)]
    assert len(tokens) > 2 and "".join(tokens) == "Hello Ada Lovelace, nice to meet you."
    assert all("<PERSON" not in t for t in tokens)


def test_the_anthropic_provider_goes_through_the_same_gate(runtime, db, fake_cloud):
    router = cloud_router(runtime, db, fake_cloud, provider="anthropic", model="claude-test")
    fake_cloud.text = "Hello <PERSON_1>."
    reply = router.ask("Say hello to Ada Lovelace.")
    body = fake_cloud.last.json()
    assert fake_cloud.last.path == "/v1/messages" and "system" in body and body["messages"][0]["role"] == "user"
    assert b"Lovelace" not in fake_cloud.received and reply.text == "Hello Ada Lovelace."


@pytest.mark.parametrize("failures", [3])
def test_repeated_failures_open_the_breaker_and_the_cloud_is_skipped(runtime, db, fake_cloud, failures):
    router = cloud_router(runtime, db, fake_cloud, retries=0, breaker_failures=failures)
    fake_cloud.reply(*[error(500, "boom")] * failures)
    for _ in range(failures):
        router.ask("Explain tides briefly.")
    calls = len(fake_cloud.requests)
    reply = router.ask("Explain tides briefly.")
    assert len(fake_cloud.requests) == calls == failures
    assert reply.handler is Handled.LOCAL_LLM and "failing" in (reply.notice or "")
