from __future__ import annotations

from edge.cloud import CloudDelta, CloudReply, CloudRequest, Message, Provider

QUESTION = [Message("system", "Be brief."), Message("user", "Which river flows through Köln?")]


def ask(messages: list[Message] = QUESTION, stream: bool = True, max_tokens: int = 64, temperature: float = 0.2) -> CloudRequest:
    return CloudRequest(messages, max_tokens, temperature, stream)


def collect(client: Provider, body: bytes) -> tuple[list[str], CloudReply]:
    """The streamed pieces and the final reply, checking the reply comes once and last."""
    events = list(client.send(body))
    assert events and isinstance(events[-1], CloudReply)
    assert all(isinstance(e, CloudDelta) for e in events[:-1])
    return [e.text for e in events[:-1]], events[-1]
