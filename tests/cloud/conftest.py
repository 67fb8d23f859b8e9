from __future__ import annotations

from collections.abc import Iterator

import keyring.core
import pytest
from keyring.backend import KeyringBackend

from edge.config import CloudSettings
from tests.cloud.server import FakeCloud

KEY = "sk-test-0123456789abcdefSECRET"


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    """Keeps the tests off the real keyring and out of the developer's environment."""
    for name in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "EDGE_TEST_KEY"):
        monkeypatch.delenv(name, raising=False)
    ring = MemoryKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", ring)
    yield ring


@pytest.fixture
def openai_settings(fake_cloud: FakeCloud) -> CloudSettings:
    return CloudSettings(provider="openai", endpoint=fake_cloud.url, model="gpt-test", timeout_s=5.0)


@pytest.fixture
def anthropic_settings(fake_cloud: FakeCloud) -> CloudSettings:
    return CloudSettings(provider="anthropic", endpoint=fake_cloud.url, model="claude-test", timeout_s=5.0)
