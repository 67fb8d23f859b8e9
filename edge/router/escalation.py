"""Cloud escalation: a request the local models could not answer well goes to the cloud model, but only as the
policy allows, masked, with the user's consent where asked, logged before it leaves, and unmasked on return."""

from __future__ import annotations

import random
import threading
import time
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Literal, Protocol, cast

from edge.cloud import CloudError, CloudReply, CloudRequest, CloudUnavailable, Message, Provider, provider
from edge.config import Settings
from edge.privacy.audit import EgressLog
from edge.privacy.detector import Detector
from edge.privacy.masking import Masker
from edge.privacy.ner import SpacyNer
from edge.privacy.policy import Consent, ConsentRequest, EgressRefused, check, check_route
from edge.router.resilience import Attempt, RetryPolicy
from edge.store.database import Database
from edge.telemetry import Meter, OverBudget, elapsed_ms

CONVERSATIONS = 64
"""Placeholder mappings kept in memory, one per recent conversation."""


class Cancellation(Protocol):
    """Set when the request is stopped or its time is up (a ``threading.Event`` is one)."""

    def is_set(self) -> bool: ...


@dataclass(frozen=True)
class CloudTrace:
    """What left the device for one answer, for the user to see."""

    host: str
    model: str
    sent: list[dict[str, str]]
    """The masked messages exactly as the provider received them."""
    entities: dict[str, int]
    egress_id: int
    leaks: dict[str, int] = field(default_factory=dict)
    """Personal data in the reply that the request did not carry: the provider's own, flagged."""


@dataclass(frozen=True)
class CloudAnswer:
    text: str
    """Unmasked."""
    model: str
    prompt_tokens: int
    completion_tokens: int
    cost_usd: float
    trace: CloudTrace


class CloudEscalation:
    def __init__(
        self,
        settings: Settings,
        db: Database,
        meter: Meter,
        consent: Consent | None = None,
        detector: Detector | None = None,
        client: Provider | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings.cloud
        self._all = settings
        self.log = EgressLog(db)
        self.meter = meter
        self.consent = consent
        self._detector = detector
        self._client = client
        self._maskers: OrderedDict[str, Masker] = OrderedDict()
        self._lock = threading.Lock()
        self.sleep = sleep
        self.retry = RetryPolicy(attempts=self.settings.retries + 1, base_s=0.5, max_s=8.0, timeout_s=None)

    def allowed(self, route: str) -> bool:
        return self.settings.enabled and self.settings.policy_for(route) != "never"

    @property
    def detector(self) -> Detector:
        if self._detector is None:
            self._detector = Detector(self._all.privacy, SpacyNer(self._all))
        return self._detector

    @property
    def client(self) -> Provider:
        if self._client is None:
            self._client = provider(self.settings)
        return self._client

    def masker(self, conversation: str | None) -> Masker:
        """One mapping per conversation, so a name keeps its placeholder across turns; a request outside a
        conversation gets its own."""
        if conversation is None:
            return Masker(self.detector)
        with self._lock:
            if conversation not in self._maskers:
                self._maskers[conversation] = Masker(self.detector)
                while len(self._maskers) > CONVERSATIONS:
                    self._maskers.popitem(last=False)
            self._maskers.move_to_end(conversation)
            return self._maskers[conversation]

    def answer(
        self,
        route: str,
        messages: list[dict[str, str]],
        conversation: str | None = None,
        on_text: Callable[[str], None] | None = None,
        cancelled: Cancellation | None = None,
    ) -> CloudAnswer:
        """Raises ``EgressRefused`` when the gate keeps the request local, ``OverBudget``, or ``CloudError``."""
        check_route(self.settings, route)
        model = self.settings.model
        if not self.meter.allows(model):
            raise OverBudget(f"{model} is over this month's budget of ${self.meter.settings.budget.monthly_usd}")
        masker = self.masker(conversation)
        masked = [(m["role"], masker.mask(m["content"])) for m in messages]
        entities = dict(sum((Counter(m.counts) for _, m in masked), Counter()))
        sent = [{"role": role, "content": m.text} for role, m in masked]
        client = self.client
        # The router's prompts are plain dicts whose roles are only ever system, user or assistant.
        prompt = [Message(cast(Literal["system", "user", "assistant"], m["role"]), m["content"]) for m in sent]
        body = client.payload(CloudRequest(prompt, self.settings.max_tokens, self.settings.temperature))
        request = ConsentRequest(route, client.host, model, sent, entities, len(body))
        check(self.settings, route, client.host, entities, len(body), self.consent, request)
        rng = random.Random()
        emitted: list[str] = []

        def emit(text: str) -> None:
            emitted.append(text)
            if on_text is not None:
                on_text(text)

        where = {"host": client.host, "route": route, "provider": client.name, "model": model}
        for attempt in range(self.retry.attempts):
            row = self.log.sending(**where, entities=entities, payload=body)
            start = time.perf_counter()
            try:
                reply, text = self._receive(client, body, masker, emit, cancelled)
            except CloudError as exc:
                self.log.finished(row, f"failed: {exc.recorded(exc.message)}")
                self.meter.record(model, ms=elapsed_ms(start), failed=True)
                if not exc.retryable or emitted or attempt + 1 == self.retry.attempts or (cancelled and cancelled.is_set()):
                    raise
                wait = getattr(exc, "retry_after_s", None) or self.retry.delay(attempt, rng)
                self.sleep(min(wait, self.settings.timeout_s))
                continue
            leaks = dict(Counter(e.type for e in masker.leaks(text, " ".join(m["content"] for m in sent))))
            cost = self.meter.record(model, reply.prompt_tokens, reply.completion_tokens, elapsed_ms(start))
            self.log.finished(row, "ok", reply.prompt_tokens, reply.completion_tokens, cost, leaks)
            trace = CloudTrace(client.host, model, sent, entities, row, leaks)
            return CloudAnswer(text, reply.model or model, reply.prompt_tokens, reply.completion_tokens, cost, trace)
        raise CloudUnavailable(f"{client.host} did not answer", "check the network and cloud.endpoint")  # pragma: no cover

    def _receive(
        self,
        client: Provider,
        body: bytes,
        masker: Masker,
        on_text: Callable[[str], None],
        cancelled: Cancellation | None,
    ) -> tuple[CloudReply, str]:
        final: CloudReply | None = None

        def pieces() -> Iterator[str]:
            nonlocal final
            for event in client.send(body):
                if cancelled is not None and cancelled.is_set():
                    raise CloudUnavailable(f"the request to {client.host} was cancelled", "ask again")
                if isinstance(event, CloudReply):
                    final = event
                elif event.text:
                    yield event.text

        parts = []
        for text in masker.unmask_stream(pieces()):
            parts.append(text)
            on_text(text)
        if final is None:
            raise CloudUnavailable(f"{client.host} ended the reply early", "ask again")
        return final, "".join(parts).strip()


def cloud_notice(attempts: list[Attempt]) -> str | None:
    """The sentence that tells the user why the cloud did not answer, when it was tried."""
    failed = [a for a in attempts if a.handler == "cloud" and not a.ok]
    if not failed:
        return None
    last = failed[-1]
    if last.failure == "declined":
        return f"Nothing was sent to the cloud: {last.reason}. Here is the local answer instead."
    if last.failure == "circuit open":
        return "The cloud model has been failing, so I'm not trying it for now. Here is the local answer instead."
    return f"The cloud model couldn't answer ({last.reason}). Here is the local answer instead."


__all__ = ["CloudAnswer", "CloudEscalation", "CloudTrace", "EgressRefused", "OverBudget", "cloud_notice"]
