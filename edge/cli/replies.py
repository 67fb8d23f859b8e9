"""A reply as the command line prints it in JSON."""

from __future__ import annotations

from typing import Any

from edge.cli.console import plain
from edge.router import Reply


def reply_row(reply: Reply) -> dict[str, Any]:
    decision = reply.decision
    return {
        "text": reply.text,
        "route": decision.route,
        "intent": decision.intent,
        "skill": decision.skill,
        "slots": decision.slots,
        "handler": reply.label,
        "models": reply.models,
        "fallbacks": reply.fallbacks,
        "confidence": reply.confidence,
        "latency_ms": reply.latency_ms,
        "cost_usd": reply.cost_usd,
        "data": reply.skill.data if reply.skill else None,
        "citations": [plain(c) | {"label": c.label} for c in reply.citations],
        "cached": reply.cached,
        "notice": reply.notice,
        "cloud": plain(reply.cloud),
        "error": reply.error,
    }
