"""Who can reach the servers: loopback is served freely, any other address only with keys (HTTP) or a warning
(Wyoming, which has no authentication)."""

from __future__ import annotations

import ipaddress

from edge.config import Settings
from edge.errors import ConfigError


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_exposure(settings: Settings, host: str) -> None:
    """Anyone who could reach another address could use the models, the documents and the cloud account."""
    if not is_loopback(host) and not settings.serve.api_keys:
        raise ConfigError(
            f"edge serve on {host} would be open to anyone who can reach it",
            "set serve.api_keys (or EDGE_SERVE__API_KEYS='[\"KEY\"]'), or serve on 127.0.0.1",
        )
