import pytest

from edge.config import CloudSettings
from edge.privacy.policy import ConsentRequest, EgressRefused, check

ON = CloudSettings(enabled=True, policy={"chat": "always", "complex": "ask", "knowledge": "never"})


def gate(settings=ON, route="chat", host="api.openai.com", entities=None, size=100, consent=None):
    messages = [{"role": "user", "content": "<PERSON_1> says hi"}]
    request = ConsentRequest(route, host, settings.model, messages, entities or {}, size)
    check(settings, route, host, entities or {}, size, consent, request)


def refused(**kwargs) -> str:
    with pytest.raises(EgressRefused) as info:
        gate(**kwargs)
    return str(info.value)


def test_an_allowed_request_passes_without_asking():
    gate(entities={"PERSON": 1})


def test_nothing_leaves_while_cloud_escalation_is_off():
    assert "off" in refused(settings=CloudSettings())


def test_a_route_with_policy_never_stays_local():
    assert "'never'" in refused(route="knowledge")


def test_ask_shows_the_user_the_masked_request_and_obeys_the_answer():
    seen = []
    gate(route="complex", consent=lambda request: seen.append(request) or True)
    assert seen[0].messages == [{"role": "user", "content": "<PERSON_1> says hi"}] and seen[0].host == "api.openai.com"
    assert "declined" in refused(route="complex", consent=lambda request: False)
    assert "no one to ask" in refused(route="complex")


def test_hosts_outside_the_allow_list_are_refused():
    assert "allowed_hosts" in refused(host="evil.example")


def test_never_send_types_keep_the_request_on_the_device_even_masked():
    assert "CREDIT_CARD" in refused(entities={"CREDIT_CARD": 1, "PERSON": 2})


def test_a_payload_over_the_cap_is_refused():
    assert "max_payload_bytes" in refused(size=ON.max_payload_bytes + 1)
