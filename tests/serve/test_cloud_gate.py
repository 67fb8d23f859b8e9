"""The cloud gate applies to served requests as to local ones: masked before anything leaves, and nothing sent
under the 'ask' policy, since no one is there to consent."""

from __future__ import annotations

import openai
import pytest

from tests.serve.served import edge_serve, escalating

pytestmark = pytest.mark.models
CARD = "4111 1111 1111 1111"


def ask(server, text: str):
    client = openai.OpenAI(base_url=server.api, api_key="unused", max_retries=0, timeout=120)
    return client.chat.completions.create(model="edge", messages=[{"role": "user", "content": text}])


def test_a_card_number_in_a_served_request_never_reaches_the_cloud(fake_cloud):
    with edge_serve(env=escalating(fake_cloud, "always")) as server:
        reply = ask(server, f"My card number is {CARD}. Tell me a short joke about banks.")
    assert fake_cloud.requests == [] and reply.model_extra["x_edge"]["handler"] == "llm:local"
    assert reply.choices[0].message.content.startswith("Nothing was sent to the cloud: the request contains CREDIT_CARD")


def test_personal_data_in_a_served_request_leaves_masked_and_comes_back_whole(fake_cloud):
    fake_cloud.text = "I will write to <EMAIL_1> today."
    with edge_serve(env=escalating(fake_cloud, "always")) as server:
        reply = ask(server, "Write a one-line note to jane.doe@example.com saying the meeting moved.")
    sent = fake_cloud.received.decode()
    assert "jane.doe@example.com" not in sent and "<EMAIL_1>" in sent
    assert reply.model_extra["x_edge"]["handler"] == "llm:cloud"
    assert "jane.doe@example.com" in reply.choices[0].message.content


def test_under_the_ask_policy_a_served_request_is_not_sent(fake_cloud):
    with edge_serve(env=escalating(fake_cloud, "ask")) as server:
        reply = ask(server, "Tell me a short joke about banks.")
    assert fake_cloud.requests == [] and reply.model_extra["x_edge"]["handler"] == "llm:local"
