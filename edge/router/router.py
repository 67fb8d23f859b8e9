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
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from edge.config import Route, Tier
from edge.engines import Classification, Llm
from edge.errors import InputError, RoleUnavailable
from edge.privacy.policy import Consent, EgressRefused
from edge.router.cascade import CascadeResult, run_cascade
from edge.router.decisions import DecisionLog, DecisionRecord, input_hash
from edge.router.escalation import CloudEscalation, CloudTrace
from edge.router.gateway import Decision, Gateway
from edge.router.grounding import Citation, citations, grounded, grounded_messages, quoted_answer
from edge.router.resilience import (
    AllHandlersFailed,
    Attempt,
    CircuitBreaker,
    DeadLetters,
    Declined,
    Handler,
    RetryPolicy,
    failed_handlers,
)
from edge.runtime import Runtime
from edge.skills import Skills
from edge.skills.base import SkillReply
from edge.store.cache import AnswerCache, depends_on_context
from edge.store.database import Database
from edge.store.knowledge import Hit, KnowledgeBase
from edge.store.memory import ConversationMemory
from edge.telemetry import Meter, OverBudget, elapsed_ms

REFUSALS = {
    "empty": "I didn't get a request. What would you like me to do?",
    "weather": "I can't check the weather: I run offline, with no weather service.",
    "device": "I can't control devices: I have no connection to your smart home.",
    "unsupported": "I can't do that: I run offline on this device, without calls, messages, shopping or the internet.",
    "unsure": "I'm not sure what you're asking, and I'd rather not guess. Could you say it another way?",
}
NO_DOCUMENTS = "Your knowledge base is empty, so this answer is not from your documents: "
NOT_IN_DOCUMENTS = "I couldn't find that in your documents, so I won't guess. Try other words, or add the document that says it."


ANSWER_RELEVANCE = 0.5
"""An answer from the sources less similar than this to the question answers something else."""
GROUNDED_TOKENS = 96
RELEVANCE_MARGIN = 0.15
"""Chunks much less similar than the best one are left out of the prompt: small models follow distractors."""


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
    cloud: CloudTrace | None = None


@dataclass(frozen=True)
class Reply:
    text: str
    decision: Decision
    handler: str
    """"skill:timer", "llm:local", "llm:larger", "cache", "knowledge", "refusal" or "error"."""
    models: list[str] = field(default_factory=list)
    fallbacks: list[str] = field(default_factory=list)
    confidence: float | None = None
    """The LLM's geometric-mean token probability for its answer."""
    latency_ms: dict[str, float] = field(default_factory=dict)
    cost_usd: float = 0.0
    skill: SkillReply | None = None
    citations: list[Citation] = field(default_factory=list)
    """The documents the answer was drawn from, numbered as the answer cites them."""
    cached: str | None = None
    """"exact" or "semantic" when the answer came from the answer cache."""
    notice: str | None = None
    """Why a local answer stands where the cloud was tried: refused by the policy or the user, down, or over budget.
    It also opens the reply's text."""
    cloud: CloudTrace | None = None
    """What left the device for this answer (masked), when the cloud model gave it."""
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
        consent: Consent | None = None,
        **overrides: Any,
    ) -> None:
        """A runtime or database passed in stays open after ``close()``; the caller owns it. ``consent`` is asked
        before anything is sent to the cloud under the 'ask' policy; without it such requests stay local."""
        self._owns = (runtime is None, db is None)
        self.runtime = runtime or Runtime(config=config, **overrides)
        self.settings = self.runtime.settings
        self.db = db or Database(self.settings.store_path)
        self.skills = Skills(self.db, self.runtime.status)
        self.gateway = Gateway(self.settings.router, self.skills.by_name, self._classify)
        self.decisions = DecisionLog(self.db)
        self.dead_letters = DeadLetters(self.db)
        self.meter = Meter(self.db, self.settings.metering)
        self.knowledge = KnowledgeBase(self.db, self.runtime.embedder, self.settings.knowledge)
        self.memory = ConversationMemory(self.db, self.settings.memory)
        self._cache: AnswerCache | None = None
        opts = self.settings.router
        self.policy = RetryPolicy(attempts=opts.retries + 1, timeout_s=opts.timeout_s)
        self.breakers = {tier: CircuitBreaker(opts.breaker_failures, opts.breaker_reset_s) for tier in ("local", "larger")}
        cloud = self.settings.cloud
        self.breakers["cloud"] = CircuitBreaker(cloud.breaker_failures, cloud.breaker_reset_s)
        self.cloud = CloudEscalation(self.settings, self.db, self.meter, consent)
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
            self.knowledge.load()

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

    @property
    def cache(self) -> AnswerCache:
        if self._cache is None:
            embedder = self.runtime.embedder
            embedder.load()
            model = embedder.model_info.id if embedder.model_info else "embedder"
            self._cache = AnswerCache(self.db, self.knowledge.embed_query, model, embedder.dim, self.settings.cache)
        return self._cache

    def ask(self, text: str, conversation: str | None = None, stop: threading.Event | None = None) -> Reply:
        reply = None
        for event in self.stream(text, conversation, stop):
            if isinstance(event, Reply):
                reply = event
        assert reply is not None
        return reply

    def stream(
        self, text: str, conversation: str | None = None, stop: threading.Event | None = None
    ) -> Iterator[Decision | Token | Reply]:
        """``conversation`` names a conversation to remember: its recent turns are given to the LLM. Setting
        ``stop`` (barge-in) ends generation at the next token; the reply is then handled "stopped" and forgotten."""
        start = time.perf_counter()
        stop = stop or threading.Event()
        decision = self.decide(text)
        yield decision
        if decision.route == "skill":
            reply = self._skill(decision)
        elif decision.route == "oos":
            key = "empty" if decision.matched_by == "empty" else decision.intent if decision.intent in REFUSALS else "unsure"
            reply = Reply(REFUSALS[key], decision, "refusal")
        else:
            reply = yield from self._answer(text, decision, conversation, stop)
        total = elapsed_ms(start)
        latency = {
            **decision.stages_ms,
            "decide": decision.latency_ms,
            **reply.latency_ms,
            "answer": round(total - decision.latency_ms, 3),
            "total": total,
        }
        reply = replace(reply, latency_ms=latency)
        self._record(text, reply)
        if conversation and reply.handler not in ("error", "stopped"):
            self.memory.add(conversation, "user", text)
            self.memory.add(conversation, "assistant", reply.text)
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

    def _answer(self, text: str, decision: Decision, conversation: str | None, stop: threading.Event) -> Iterator[Token]:
        """The answer cache, then the documents, then the LLM cascade. Answers given while the knowledge base
        had documents are cached against its version: a change may answer them differently."""
        stages: dict[str, float] = {}
        asked_route = decision.route
        history = self.memory.recent(conversation) if conversation and decision.route != "knowledge" else []
        cacheable = self.settings.cache.enabled and not history and not depends_on_context(text)
        documents = self.knowledge.document_count if decision.route in ("knowledge", "chat") else 0
        kb_version = self.knowledge.version if documents else None
        if cacheable:
            start = time.perf_counter()
            hit = self.cache.lookup(text, decision.route, kb_version)
            stages["cache"] = elapsed_ms(start)
            if hit is not None:
                yield Token(hit.answer)
                return Reply(
                    hit.answer,
                    decision,
                    "cache",
                    models=hit.reply["models"],
                    confidence=hit.reply.get("confidence"),
                    citations=[Citation(**c) for c in hit.reply["citations"]],
                    cached=hit.match,
                    latency_ms=stages,
                )
        hits: list[Hit] = []
        if documents:
            start = time.perf_counter()
            hits, decision = self._retrieve(text, decision)
            stages["retrieve"] = elapsed_ms(start)
            if decision.route == "knowledge" and not hits:
                reply = Reply(
                    NOT_IN_DOCUMENTS, decision, "knowledge", fallbacks=["knowledge: nothing relevant"], latency_ms=stages
                )
                yield Token(reply.text)
                return reply
        if hits:
            reply = yield from self._grounded(text, hits, decision, conversation, stop)
        else:
            messages = [
                {"role": "system", "content": self.settings.llm.system_prompt},
                *({"role": t.role, "content": t.text} for t in history),
                {"role": "user", "content": text},
            ]
            empty_kb = decision.route == "knowledge" and not documents
            reply = yield from self._llm(text, messages, decision, stop, empty_kb=empty_kb, conversation=conversation)
        reply = replace(reply, latency_ms=stages)
        if cacheable and reply.handler.startswith(("llm:", "knowledge")) and not reply.error and not reply.notice:
            record = {"models": reply.models, "confidence": reply.confidence, "citations": [asdict(c) for c in reply.citations]}
            self.cache.store(text, asked_route, reply.text, record, kb_version)
        return reply

    def _retrieve(self, text: str, decision: Decision) -> tuple[list[Hit], Decision]:
        """The chunks to answer from, when they are relevant. A chat question the documents answer well becomes
        a knowledge question."""
        opts = self.settings.knowledge
        hits = self.knowledge.search(text, opts.top_k, opts.mode)
        best = max((h.similarity for h in hits if h.similarity is not None), default=None if opts.mode == "bm25" else 0.0)
        if decision.route == "chat":
            if best is None or best < opts.chat_similarity:
                return [], decision
            decision = replace(decision, route="knowledge", reason=f"{decision.reason}; documents match ({best:.2f})")
        elif best is not None and best < opts.min_similarity:
            return [], decision
        if best is not None:
            hits = [
                h for h in hits if h.similarity is not None and h.similarity >= max(opts.min_similarity, best - RELEVANCE_MARGIN)
            ]
        return hits, decision

    def _grounded(
        self, text: str, hits: list[Hit], decision: Decision, conversation: str | None, stop: threading.Event
    ) -> Iterator[Token]:
        """An answer from the sources, checked before it is shown: one that strays from them or from the question
        escalates through the cascade, and if no model gets it right, the best-matching source sentence is quoted."""
        question = self.knowledge.embed_query(text)
        embed = self.runtime.embedder.embed

        def accept(answer: str) -> bool:
            return grounded(answer, hits) and float(embed([answer])[0] @ question) >= ANSWER_RELEVANCE

        reply = yield from self._llm(
            text,
            grounded_messages(text, hits),
            decision,
            stop,
            accept=accept,
            stream=False,
            max_tokens=GROUNDED_TOKENS,
            conversation=conversation,
        )
        if reply.handler == "stopped":
            return reply
        if reply.error is None and not accept(reply.text):
            quote = quoted_answer(question, hits, embed)
            reply = replace(
                reply,
                text=quote,
                handler="knowledge",
                confidence=None,
                fallbacks=[*reply.fallbacks, "llm: answer not in the sources"],
            )
        yield Token(reply.text)
        return replace(reply, citations=citations(reply.text, hits))

    def _llm(
        self,
        request: str,
        messages: list[dict[str, str]],
        decision: Decision,
        stop: threading.Event,
        empty_kb: bool = False,
        accept: Callable[[str], bool] | None = None,
        stream: bool = True,
        max_tokens: int | None = None,
        conversation: str | None = None,
    ) -> Iterator[Token]:
        """The cascade over the route's chain, the cloud last when its policy allows. An answer ``accept`` refuses
        escalates like an unsure one; without ``stream`` nothing is yielded."""
        route: Route = decision.route
        prefix = NO_DOCUMENTS if empty_kb else ""
        tiers = self._tiers(route)
        if not tiers:
            return Reply("No language model is available.", decision, "error", error="no llm tier could load")
        if prefix and stream:
            yield Token(prefix)
        tokens: queue.Queue[str | None] = queue.Queue()
        live = tiers[-1][0] if stream else None
        handlers = [
            Handler(
                name,
                self._cloud_call(route, messages, conversation, tokens if name == live else None, stop)
                if llm is None
                else self._generator(name, llm, messages, tokens if name == live else None, stop, max_tokens),
                self.breakers[name],
                RetryPolicy(attempts=1, timeout_s=None) if llm is None else None,
            )
            for name, llm in tiers
        ]

        def confidence(answer: LlmAnswer) -> float | None:
            return 0.0 if accept is not None and not accept(answer.text) else answer.confidence

        cascade = run_cascade(handlers, confidence, self.settings.router.cascade.min_confidence, self.policy)
        with ThreadPoolExecutor(1, thread_name_prefix="edge-cascade") as pool:
            future = pool.submit(asyncio.run, cascade)
            future.add_done_callback(lambda _: tokens.put(None))
            while (piece := tokens.get()) is not None:
                yield Token(piece)
            try:
                result: CascadeResult[LlmAnswer] = future.result()
            except AllHandlersFailed as exc:
                if stop.is_set():
                    return Reply("", decision, "stopped", fallbacks=failed_handlers(exc.attempts), error="stopped")
                self.dead_letters.add(request, exc.attempts, route)
                fallbacks = failed_handlers(exc.attempts)
                message = "Sorry, no local model could answer that just now. I kept your request to retry later."
                return Reply(message, decision, "error", fallbacks=fallbacks, error=str(exc))
        answer = result.value
        notice = _cloud_notice(result.attempts) if result.handler != "cloud" else None
        if notice:
            prefix = f"{notice} {prefix}"
            if stream:
                yield Token(f"{notice} ")
        if stream and result.handler != live:
            yield Token(answer.text)
        fallbacks = result.fallbacks + result.escalations
        if empty_kb:
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
            notice=notice,
            cloud=answer.cloud,
        )

    def _tiers(self, route: Route) -> list[tuple[Tier, Llm | None]]:
        """The route's chain of models; the cloud (no local ``Llm``) only where its policy allows, last unless the
        chain places it."""
        tiers: list[tuple[Tier, Llm | None]] = []
        chain: list[Tier] = list(self.settings.router.chains.get(route, ["local"]))  # type: ignore[call-overload]
        if self.cloud.allowed(route) and "cloud" not in chain:
            chain.append("cloud")
        for tier in chain:
            if tier == "cloud":
                if self.cloud.allowed(route):
                    tiers.append(("cloud", None))
                continue
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
        self,
        tier: Tier,
        llm: Llm,
        messages: list[dict[str, str]],
        sink: queue.Queue[str | None] | None,
        stop: threading.Event,
        max_tokens: int | None = None,
    ) -> Callable[[], Awaitable[LlmAnswer]]:
        """A coroutine factory for one tier; cancelling it stops generation at the next token."""

        def generate(cancelled: _Either) -> LlmAnswer:
            parts: list[str] = []
            start = time.perf_counter()
            llm.load()
            model = llm.model_info.id if llm.model_info else tier
            if not self.meter.allows(model):
                raise OverBudget(f"{model} is over this month's budget of ${self.settings.metering.budget.monthly_usd}")
            stream = llm.stream(messages, logprobs=True, max_tokens=max_tokens)
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

        return _cancellable(generate, stop)

    def _cloud_call(
        self,
        route: Route,
        messages: list[dict[str, str]],
        conversation: str | None,
        sink: queue.Queue[str | None] | None,
        stop: threading.Event,
    ) -> Callable[[], Awaitable[LlmAnswer]]:
        """A coroutine factory for the cloud tier. A refusal by the gate or the budget is declined, not failed:
        it is not retried and does not open the breaker."""

        def ask(cancelled: _Either) -> LlmAnswer:
            try:
                answer = self.cloud.answer(route, messages, conversation, sink.put if sink is not None else None, cancelled)
            except (EgressRefused, OverBudget) as exc:
                raise Declined(str(exc)) from None
            return LlmAnswer(answer.text, answer.model, None, answer.prompt_tokens, answer.completion_tokens, answer.trace)

        return _cancellable(ask, stop)

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
                handler=reply.handler,
                models=reply.models,
                fallbacks=reply.fallbacks,
                latency_ms=reply.latency_ms,
                cost_usd=reply.cost_usd,
                error=reply.error,
            )
        )


class _Either:
    """Set when a handler's own timeout cancels it or when the caller stops the whole request."""

    def __init__(self, own: threading.Event, stop: threading.Event) -> None:
        self.own, self.stop = own, stop

    def is_set(self) -> bool:
        return self.own.is_set() or self.stop.is_set()


def _cancellable(work: Callable[[_Either], LlmAnswer], stop: threading.Event) -> Callable[[], Awaitable[LlmAnswer]]:
    """A coroutine factory running ``work`` in a thread; cancelling the coroutine, or ``stop``, sets the event
    ``work`` watches. A stopped request is declined, so nothing retries or escalates it."""

    async def call() -> LlmAnswer:
        if stop.is_set():
            raise Declined("stopped")
        own = threading.Event()
        try:
            answer = await asyncio.to_thread(work, _Either(own, stop))
        except asyncio.CancelledError:
            own.set()
            raise
        except Exception:
            if stop.is_set():
                raise Declined("stopped") from None
            raise
        if stop.is_set():
            raise Declined("stopped")
        return answer

    return call


def _cloud_notice(attempts: list[Attempt]) -> str | None:
    """The sentence that tells the user why the cloud did not answer, when it was tried."""
    failed = [a.error or "" for a in attempts if a.handler == "cloud" and not a.ok]
    if not failed:
        return None
    reason = failed[-1]
    if reason.startswith("declined: "):
        return f"Nothing was sent to the cloud: {reason.removeprefix('declined: ')}. Here is the local answer instead."
    if reason == "circuit open":
        return "The cloud model has been failing, so I'm not trying it for now. Here is the local answer instead."
    detail = reason.split(": ", 1)[-1].split(". Fix:")[0]
    return f"The cloud model couldn't answer ({detail}). Here is the local answer instead."
