"""Where the API key comes from: the environment, then the system keyring. The key is returned, never shown."""

from __future__ import annotations

import os
from collections.abc import Mapping

from edge.cloud.base import KEY_ENV, MissingApiKey, endpoint, is_local
from edge.config import CloudSettings


def key_env(settings: CloudSettings) -> str:
    return settings.api_key_env or KEY_ENV[settings.provider]


def key_hint(settings: CloudSettings) -> str:
    return f"{key_env(settings)} (or `keyring set {settings.keyring_service} {settings.provider}`)"


def api_key(settings: CloudSettings, env: Mapping[str, str] | None = None) -> str:
    """The key for ``settings.provider``; "" for a server on this machine that has none, which needs none."""
    value = (os.environ if env is None else env).get(key_env(settings), "").strip()
    if value:
        return value
    value = (_from_keyring(settings.keyring_service, settings.provider) or "").strip()
    if value:
        return value
    if is_local(endpoint(settings)):
        return ""
    raise MissingApiKey(
        f"no API key for {settings.provider}: {key_env(settings)} is unset and the system keyring has none",
        f"export {key_env(settings)}=... or store it with `keyring set {settings.keyring_service} {settings.provider}`",
    )


def _from_keyring(service: str, name: str) -> str | None:
    """A missing keyring package, no usable backend, a locked store: all mean no key here, not a failure."""
    try:
        import keyring

        return keyring.get_password(service, name)
    except Exception:
        return None
