"""The router: decide (gateway), then serve the request with a skill, the LLM cascade or an honest refusal,
and record the decision. ``stream`` yields the decision, the reply's tokens as they come, then the reply."""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from edge.config import Route, Tier
from edge.engines import Classification, Llm
from edge.errors import InputError, RoleUnavailable
from edge.router.cascade import CascadeResult, run_cascade
from edge.router.decisions import DecisionLog, DecisionRecord, input_hash
from edge.router.gateway import Decision, Gateway
from edge.router.resilience import AllHandlersFailed, CircuitBreaker, DeadLetters, Handler, RetryPolicy, failed_handlers
from edge.runtime import Runtime
from edge.skills import Skills
from edge.skills.base import SkillReply
from edge.store.database import Database
from edge.telemetry import Meter, elapsed_ms

REFUSALS = {
    "empty": "I didn't get a request. What would you like me to do?",
    "weather": "I can't check the weather: I run offline, with no weather service.",
    "device": "I can't control devices: I have no connection to your smart home.",
    "unsupported": "I can't do that: I run offline on this device, without calls, messages, shopping or the internet.",
    "unsure": "I'm not sure what you're asking, and I'd rather not guess. Could you say it another way?",
}
NO_DOCUMENTS = "Your knowledge base is empty, so this answer is not from your documents: "


class OverBudget(Exception):
    """A priced model was skipped: this month's spend reached metering.budget.monthly_usd."""


@dataclass(frozen=True)
class Token:
    """A piece of an LLM reply, as it is generated."""

    text: str


@dataclass(frozen=True)
class LlmAnswer:
    text: str
    model: str
    confidence: float | None
    prompt_tokens: int
    completion_tokens: int


@dataclass(frozen=True)
class Reply:
    text: str
    decision: Decision
    handler: str
    """"skill:timer", "llm:local", "llm:larger", "refusal" or "error"."""
    models: list[str] = field(default_factory=list)
    fallbacks: list[str] = field(default_factory=list)
    confidence: float | None = None
    """The LLM's geometric-mean token probability for its answer."""
    latency_ms: dict[str, float] = field(default_factory=dict)
    cost_usd: float = 0.0
    skill: SkillReply | None = None
    error: str | None = None


class Router:
    """Serves requests with the runtime's engines, edge's skills and the store.

    >>> with Router() as router:
    ...     router.ask("set a timer for ten minutes").text
    'Timer set for 10 minutes.'
    """

    def __init__(
        self,
        runtime: Runtime | None = None,
        *,
        db: Database | None = None,
        config: str | Path | None = None,
        **overrides: Any,
    ) -> None:
        """A runtime or database passed in stays open after ``close()``; the caller owns it."""
        self._owns = (runtime is None, db is None)
        self.runtime = runtime or Runtime(config=config, **overrides)
        self.settings = self.runtime.settings
        self.db = db or Database(self.settings.store_path)
        self.skills = Skills(self.db, self.runtime.status)
        self.gateway = Gateway(self.settings.router, self.skills.by_name, self._classify)
        self.decisions = DecisionLog(self.db)
        self.dead_letters = DeadLetters(self.db)
        self.meter = Meter(self.db, self.settings.metering)
        opts = self.settings.router
        self.policy = RetryPolicy(attempts=opts.retries + 1, timeout_s=opts.timeout_s)
        self.breakers = {tier: CircuitBreaker(opts.breaker_failures, opts.breaker_reset_s) for tier in ("local", "larger")}
        self._larger: Llm | None = None

    def start(self) -> Router:
        """Load the models (unless preload is off), templates and skills; fire timers that came due while edge was off."""
        self.runtime.start()
        self.load()
        self.skills.scheduler.start()
        return self

    def load(self) -> None:
        """Everything a decision needs, loaded now rather than on the first request: templates, skills, classifier."""
        if self.gateway.templates is not None:
            self.gateway.templates.load()
        for skill in self.skills.by_name.values():
            skill.load()
        with contextlib.suppress(RoleUnavailable):
            self.runtime.classifier.load()

    def close(self) -> None:
        self.skills.scheduler.stop()
        owns_runtime, owns_db = self._owns
        if owns_runtime:
            self.runtime.close()
        if owns_db:
            self.db.close()

    def __enter__(self) -> Router:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _classify(self, text: str) -> Classification:
        return self.runtime.classifier.classify([text])[0]

    def decide(self, text: str) -> Decision:
        """The decision alone, nothing executed (``edge route``)."""
        return self.gateway.decide(self._checked(text))

    def ask(self, text: str) -> Reply:
        reply = None
        for event in self.stream(text):
            if isinstance(event, Reply):
                reply = event
        assert reply is not None
        return reply

    def stream(self, text: str) -> Iterator[Decision | Token | Reply]:
        start = time.perf_counter()
        decision = self.decide(text)
        yield decision
        if decision.route == "skill":
            reply = self._skill(decision)
        elif decision.route == "oos":
            key = "empty" if decision.matched_by == "empty" else decision.intent if decision.intent in REFUSALS else "unsure"
            reply = Reply(REFUSALS[key], decision, "refusal")
        else:
            reply = yield from self._llm(text, decision)
        total = elapsed_ms(start)
        latency = {
            **decision.stages_ms,
            "decide": decision.latency_ms,
            "answer": round(total - decision.latency_ms, 3),
            "total": total,
        }
        reply = replace(reply, latency_ms=latency)
        self._record(text, reply)
        yield reply

    def _checked(self, text: str) -> str:
        if not isinstance(text, str):
            raise InputError(f"the request must be text, got {type(text).__name__}", "pass a str")
        limit = self.settings.max_text_chars
        if len(text) > limit:
            raise InputError(f"the request is {len(text):,} characters; the limit is {limit:,}", "shorten it")
        return text

    def _skill(self, decision: Decision) -> Reply:
        assert decision.skill is not None and decision.slots is not None
        result = self.skills.by_name[decision.skill].run(decision.slots)
        return Reply(result.text, decision, f"skill:{decision.skill}", skill=result)

    def _llm(self, text: str, decision: Decision) -> Iterator[Token]:
        route: Route = decision.route
        prefix = NO_DOCUMENTS if route == "knowledge" else ""
        tiers = self._tiers(route)
        if not tiers:
            return Reply("No language model is available.", decision, "error", error="no llm tier could load")
        if prefix:
            yield Token(prefix)
        tokens: queue.Queue[str | None] = queue.Queue()
        live = tiers[-1][0]
        handlers = [
            Handler(name, self._generator(name, llm, text, tokens if name == live else None), self.breakers[name])
            for name, llm in tiers
        ]
        cascade = run_cascade(handlers, lambda a: a.confidence, self.settings.router.cascade.min_confidence, self.policy)
        with ThreadPoolExecutor(1, thread_name_prefix="edge-cascade") as pool:
            future = pool.submit(asyncio.run, cascade)
            future.add_done_callback(lambda _: tokens.put(None))
            while (piece := tokens.get()) is not None:
                yield Token(piece)
            try:
                result: CascadeResult[LlmAnswer] = future.result()
            except AllHandlersFailed as exc:
                self.dead_letters.add(text, exc.attempts, route)
                fallbacks = failed_handlers(exc.attempts)
                message = "Sorry, no local model could answer that just now. I kept your request to retry later."
                return Reply(message, decision, "error", fallbacks=fallbacks, error=str(exc))
        answer = result.value
        if result.handler != live:
            yield Token(answer.text)
        fallbacks = result.fallbacks + result.escalations
        if route == "knowledge":
            fallbacks.insert(0, "knowledge: no documents")
        cost = self.meter.cost(answer.model, answer.prompt_tokens, answer.completion_tokens)
        return Reply(
            prefix + answer.text,
            decision,
            f"llm:{result.handler}",
            models=[answer.model],
            fallbacks=fallbacks,
            confidence=result.confidence,
            cost_usd=cost,
        )

    def _tiers(self, route: Route) -> list[tuple[Tier, Llm]]:
        tiers = []
        for tier in self.settings.router.chains.get(route, ["local"]):  # type: ignore[call-overload]
            try:
                llm = self.runtime.llm if tier == "local" else self._larger_llm()
            except RoleUnavailable:
                continue
            if llm is not None:
                tiers.append((tier, llm))
        return tiers

    def _larger_llm(self) -> Llm | None:
        path = self.settings.router.cascade.larger_llm
        if path is None:
            return None
        if self._larger is None:
            llm_settings = self.settings.llm.model_copy(update={"path": path})
            self._larger = Llm(self.settings.model_copy(update={"llm": llm_settings}))
        return self._larger

    def _generator(
        self, tier: Tier, llm: Llm, text: str, sink: queue.Queue[str | None] | None
    ) -> Callable[[], Awaitable[LlmAnswer]]:
        """A coroutine factory for one tier; cancelling it stops generation at the next token."""

        def generate(cancelled: threading.Event) -> LlmAnswer:
            parts: list[str] = []
            start = time.perf_counter()
            llm.load()
            model = llm.model_info.id if llm.model_info else tier
            if not self.meter.allows(model):
                raise OverBudget(f"{model} is over this month's budget of ${self.settings.metering.budget.monthly_usd}")
            stream = llm.stream(text, logprobs=True)
            try:
                for chunk in stream:
                    if cancelled.is_set():
                        break
                    if chunk.stats is not None:
                        stats = chunk.stats
                    elif chunk.text:
                        parts.append(chunk.text)
                        if sink is not None:
                            sink.put(chunk.text)
            except Exception:
                self.meter.record(model, ms=elapsed_ms(start), failed=True)
                raise
            finally:
                stream.close()
            if cancelled.is_set():
                raise TimeoutError("cancelled")
            self.meter.record(model, stats.prompt_tokens, stats.completion_tokens, elapsed_ms(start))
            return LlmAnswer("".join(parts).strip(), model, stats.confidence, stats.prompt_tokens, stats.completion_tokens)

        async def call() -> LlmAnswer:
            cancelled = threading.Event()
            try:
                return await asyncio.to_thread(generate, cancelled)
            except asyncio.CancelledError:
                cancelled.set()
                raise

        return call

    def _record(self, text: str, reply: Reply) -> None:
        decision = reply.decision
        self.decisions.add(
            DecisionRecord(
                at=time.time(),
                input_sha256=input_hash(text),
                route=decision.route,
                intent=decision.intent,
                skill=decision.skill,
                confidence=decision.confidence,
                matched_by=decision.matched_by,
                models=reply.models,
                fallbacks=reply.fallbacks,
                latency_ms=reply.latency_ms,
                cost_usd=reply.cost_usd,
                error=reply.error,
            )
        )
