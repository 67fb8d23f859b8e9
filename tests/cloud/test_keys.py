from __future__ import annotations

import keyring.core
import pytest
from keyring.backends import fail

from edge.cloud import CloudRefused, MissingApiKey, api_key, provider
from edge.config import CloudSettings
from tests.cloud.conftest import KEY, MemoryKeyring
from tests.cloud.helpers import ask, collect
from tests.cloud.server import FakeCloud

OPENAI = CloudSettings(provider="openai")
ANTHROPIC = CloudSettings(provider="anthropic")


def test_the_key_comes_from_the_providers_variable(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-other")
    assert (api_key(OPENAI), api_key(ANTHROPIC)) == (KEY, "sk-ant-other")


def test_a_configured_variable_replaces_the_default(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-not-this-one")
    monkeypatch.setenv("EDGE_TEST_KEY", f"  {KEY}\n")
    assert api_key(OPENAI.model_copy(update={"api_key_env": "EDGE_TEST_KEY"})) == KEY


def test_the_keyring_is_asked_when_the_variable_is_unset_or_empty(monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring):
    memory_keyring.set_password("edge", "openai", KEY)
    memory_keyring.set_password("work", "anthropic", "sk-ant-work")
    monkeypatch.setenv("OPENAI_API_KEY", "")
    assert api_key(OPENAI) == KEY
    assert api_key(ANTHROPIC.model_copy(update={"keyring_service": "work"})) == "sk-ant-work"


def test_a_missing_key_says_how_to_provide_it(memory_keyring: MemoryKeyring):
    with pytest.raises(MissingApiKey) as caught:
        api_key(OPENAI)
    assert str(caught.value).endswith("Fix: export OPENAI_API_KEY=... or store it with `keyring set edge openai`")
    with pytest.raises(MissingApiKey, match="ANTHROPIC_API_KEY=... or store it with `keyring set edge anthropic`"):
        api_key(ANTHROPIC)
    assert issubclass(MissingApiKey, CloudRefused) and not MissingApiKey.retryable


def test_a_keyring_without_a_backend_counts_as_no_key(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())
    with pytest.raises(MissingApiKey):
        api_key(OPENAI)


@pytest.mark.parametrize("endpoint", ["http://localhost:11434/v1", "http://127.0.0.1:8080/v1", "http://[::1]:8080/v1"])
def test_a_server_on_this_machine_needs_no_key(endpoint: str):
    assert api_key(OPENAI.model_copy(update={"endpoint": endpoint})) == ""


def test_the_factory_resolves_the_key_and_sends_it(
    monkeypatch: pytest.MonkeyPatch, fake_cloud: FakeCloud, openai_settings: CloudSettings, anthropic_settings: CloudSettings
):
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-" + KEY)
    for settings, header, value in [
        (openai_settings, "authorization", f"Bearer {KEY}"),
        (anthropic_settings, "x-api-key", "sk-ant-" + KEY),
    ]:
        with provider(settings) as client:
            collect(client, client.payload(ask()))
            assert KEY not in repr(client)
        assert fake_cloud.last.headers[header] == value


def test_the_factory_refuses_a_remote_provider_without_a_key():
    with pytest.raises(MissingApiKey):
        provider(ANTHROPIC)
