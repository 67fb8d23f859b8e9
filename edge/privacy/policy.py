"""The egress gate: what must hold before a masked request may leave the device."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from edge.config import CloudSettings


@dataclass(frozen=True)
class ConsentRequest:
    """What the user is asked to approve: exactly what would be sent, already masked."""

    route: str
    host: str
    model: str
    messages: list[dict[str, str]]
    """The masked messages, role and content, as the provider will receive them."""
    entities: dict[str, int]
    """Masked values by type."""
    payload_bytes: int


Consent = Callable[[ConsentRequest], bool]
"""Asked under the 'ask' policy: return True to send. The CLI prompts on the terminal; the TUI shows a dialog."""


class EgressRefused(Exception):
    """The gate kept the request on the device; the message says why, for the user."""


def check_route(settings: CloudSettings, route: str) -> str:
    """The route's policy, unless escalation is off or the policy is 'never': checked before anything else is done."""
    if not settings.enabled:
        raise EgressRefused("cloud escalation is off (cloud.enabled = false)")
    policy = settings.policy_for(route)
    if policy == "never":
        raise EgressRefused(f"the cloud policy for {route} requests is 'never'")
    return policy


def check(
    settings: CloudSettings,
    route: str,
    host: str,
    entities: dict[str, int],
    payload_bytes: int,
    consent: Consent | None,
    request: ConsentRequest,
) -> None:
    """Raises ``EgressRefused`` unless cloud escalation is on, the route allows it, the host is allowed, nothing of a
    never-send type is present, the payload is small enough, and (under 'ask') the user said yes."""
    policy = check_route(settings, route)
    if host not in settings.allowed_hosts:
        raise EgressRefused(f"{host} is not in cloud.allowed_hosts")
    blocked = sorted(kind for kind in entities if kind in settings.never_send)
    if blocked:
        raise EgressRefused(f"the request contains {', '.join(blocked)}, which cloud.never_send keeps on this device")
    if payload_bytes > settings.max_payload_bytes:
        raise EgressRefused(f"the request is {payload_bytes:,} bytes; cloud.max_payload_bytes is {settings.max_payload_bytes:,}")
    if policy == "ask":
        if consent is None:
            raise EgressRefused("the cloud policy is 'ask' and there is no one to ask")
        if not consent(request):
            raise EgressRefused("you declined to send it")
