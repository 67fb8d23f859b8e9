"""The LLM stage: the route's chain of models (local, larger, cloud) run as a cascade, the last tier streaming.

Each model generates in a thread of its own and stops at the next token once its time is up or the request is
stopped (edge.router.streaming).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from edge.config import LlmSettings, Settings, Tier, is_llm_route
from edge.engines import Llm
from edge.errors import RoleUnavailable
from edge.privacy.policy import EgressRefused
from edge.router.cascade import CascadeResult, cascade
from edge.router.escalation import CloudEscalation, CloudTrace, cloud_notice
from edge.router.gateway import Decision
from edge.router.rambling import Rambling
from edge.router.request import Handled, Reply, Request, Retracted, Token
from edge.router.resilience import AllHandlersFailed, CircuitBreaker, DeadLetters, Declined, RetryPolicy, failed_handlers
from edge.router.streaming import Cancel, Cancelled, Streamed, Work, stream
from edge.runtime import Runtime
from edge.store.memory import Turn
from edge.telemetry import Meter, OverBudget, elapsed_ms

T = TypeVar("T")
R = TypeVar("R")

NO_DOCUMENTS = "Your knowledge base is empty, so this answer is not from your documents: "
UNANSWERED = "Sorry, no local model could answer that just now. Please ask again in a moment."


@dataclass(frozen=True)
class Prompt:
    """What the cascade is asked, and how its answer is judged and given."""

    messages: list[dict[str, str]]
    accept: Callable[[str], bool] | None = None
    """An answer this refuses escalates like an unsure one."""
    stream: bool = True
    """Stream the last tier's tokens; without it nothing is yielded."""
    max_tokens: int | None = None
    max_sentences: int | None = None
    """The answer ends after this many sentences (a spoken answer's budget)."""
    preface: str = ""
    """Said before the answer, e.g. that it is not from the user's documents."""
    fallback: str | None = None
    """Noted first among the reply's fallbacks, with the preface."""
    local: bool = True
    """False: only the cloud may answer (a question the local models would only guess at)."""
    repeat_penalty: float | None = None
    """For the local models; None takes ``llm.repeat_penalty``."""


@dataclass(frozen=True)
class LlmAnswer:
    text: str
    model: str
    confidence: float | None
    prompt_tokens: int
    completion_tokens: int
    cloud: CloudTrace | None = None


def chat_prompt(llm: LlmSettings, history: Sequence[Turn], text: str, wants_documents: bool = False) -> Prompt:
    """The request after the conversation's recent turns. A question meant for documents, asked while there are
    none, is answered with a preface saying so."""
    messages = [
        {"role": "system", "content": llm.system_prompt},
        *({"role": t.role, "content": t.text} for t in history),
        {"role": "user", "content": text},
    ]
    if wants_documents:
        return Prompt(messages, preface=NO_DOCUMENTS, fallback="knowledge: no documents", repeat_penalty=llm.chat_repeat_penalty)
    return Prompt(messages, repeat_penalty=llm.chat_repeat_penalty)


class LlmTiers:
    def __init__(
        self, runtime: Runtime, meter: Meter, cloud: CloudEscalation, dead_letters: DeadLetters, settings: Settings
    ) -> None:
        self.runtime = runtime
        self.meter = meter
        self.cloud = cloud
        self.dead_letters = dead_letters
        self.settings = settings
        opts = settings.router
        self.policy = RetryPolicy(attempts=opts.retries + 1, timeout_s=opts.timeout_s)
        self.breakers = {tier: CircuitBreaker(opts.breaker_failures, opts.breaker_reset_s) for tier in ("local", "larger")}
        self.breakers["cloud"] = CircuitBreaker(settings.cloud.breaker_failures, settings.cloud.breaker_reset_s)
        self._larger: Llm | None = None

    def answer(self, request: Request, decision: Decision, prompt: Prompt) -> Generator[Token | Retracted, None, Reply]:
        """The cascade over the route's chain, the cloud last when its policy allows. What is streamed ends as the
        reply's text: when the answer is not what was streamed, it is retracted and the reply's text follows."""
        tiers = [t for t in self.tiers(decision.route) if prompt.local or t[0] == "cloud"]
        if prompt.max_sentences is None and request.max_sentences is not None:
            prompt = replace(prompt, max_sentences=request.max_sentences)
        if not tiers:
            return Reply("No language model is available.", decision, Handled.ERROR, error="no llm tier could load")
        shown = _Shown(prompt.preface if prompt.stream else "")
        yield from shown.open()
        live = tiers[-1][0] if prompt.stream else None
        handlers = [
            Streamed(
                name,
                _trimmed(self._ask_cloud(decision, prompt, request) if llm is None else self._generate(name, llm, prompt)),
                self.breakers[name],
                RetryPolicy(attempts=1, timeout_s=None) if llm is None else None,
                live=name == live,
            )
            for name, llm in tiers
        ]

        def confidence(answer: LlmAnswer) -> float | None:
            return 0.0 if prompt.accept is not None and not prompt.accept(answer.text) else answer.confidence

        steps = cascade(handlers, confidence, self.settings.router.cascade.min_confidence, self.policy, random.Random())
        try:
            result: CascadeResult[LlmAnswer] = yield from shown.relay(stream(steps, request.stop))
        except AllHandlersFailed as exc:
            fallbacks = failed_handlers(exc.attempts)
            if request.stop.is_set():
                return Reply("", decision, Handled.STOPPED, fallbacks=fallbacks, error="stopped")
            yield from shown.settle("")
            self.dead_letters.add(request.text, exc.attempts, decision.route)
            return Reply(UNANSWERED, decision, Handled.ERROR, fallbacks=fallbacks, error=str(exc))
        fallbacks = result.fallbacks + result.escalations
        if prompt.fallback:
            fallbacks.insert(0, prompt.fallback)
        if request.stop.is_set():
            return Reply("", decision, Handled.STOPPED, fallbacks=fallbacks, error="stopped")
        answer = result.value
        notice = cloud_notice(result.attempts) if result.handler != "cloud" else None
        text = f"{notice} {prompt.preface}{answer.text}" if notice else prompt.preface + answer.text
        if prompt.stream:
            yield from shown.settle(text)
        return Reply(
            text,
            decision,
            Handled.by_tier(result.handler),
            models=[answer.model],
            fallbacks=fallbacks,
            confidence=result.confidence,
            cost_usd=self.meter.cost(answer.model, answer.prompt_tokens, answer.completion_tokens),
            notice=notice,
            cloud=answer.cloud,
        )

    def tiers(self, route: str) -> list[tuple[Tier, Llm | None]]:
        """The route's chain of models; the cloud (no local ``Llm``) only where its policy allows, last unless the
        chain places it."""
        tiers: list[tuple[Tier, Llm | None]] = []
        chains = self.settings.router.chains
        chain: list[Tier] = list(chains.get(route, ["local"])) if is_llm_route(route) else ["local"]
        if self.cloud.allowed(route) and "cloud" not in chain:
            chain.append("cloud")
        for tier in chain:
            if tier == "cloud":
                if self.cloud.allowed(route):
                    tiers.append(("cloud", None))
                continue
            try:
                llm = self.runtime.llm if tier == "local" else self.larger_llm()
            except RoleUnavailable:
                continue
            if llm is not None:
                tiers.append((tier, llm))
        return tiers

    def larger_llm(self) -> Llm | None:
        path = self.settings.router.cascade.larger_llm
        if path is None:
            return None
        if self._larger is None:
            llm_settings = self.settings.llm.model_copy(update={"path": path})
            self._larger = Llm(self.settings.model_copy(update={"llm": llm_settings}))
        return self._larger

    def _generate(self, tier: Tier, llm: Llm, prompt: Prompt) -> Work[LlmAnswer]:
        def generate(cancel: Cancel, emit: Callable[[str], None]) -> LlmAnswer:
            start = time.perf_counter()
            llm.load()
            model = llm.model_info.id if llm.model_info else tier
            if not self.meter.allows(model):
                raise OverBudget(f"{model} is over this month's budget of ${self.settings.metering.budget.monthly_usd}")
            generation = llm.stream(
                prompt.messages, logprobs=True, max_tokens=prompt.max_tokens, repeat_penalty=prompt.repeat_penalty
            )
            cancel.when_set(generation.stop)
            guard = Rambling(prompt.max_sentences)
            try:
                for piece in generation:
                    if cancel.is_set():
                        break
                    for text in guard.feed(piece):
                        emit(text)
                    if guard.stopped:
                        generation.stop()
            except Exception:
                self.meter.record(model, ms=elapsed_ms(start), failed=True)
                raise
            finally:
                generation.close()
            if cancel.is_set():
                raise Cancelled(tier)
            stats = generation.stats
            if rest := guard.finish(complete=stats.finish_reason != "length"):
                emit(rest)
            self.meter.record(model, stats.prompt_tokens, stats.completion_tokens, elapsed_ms(start))
            return LlmAnswer(guard.text.strip(), model, stats.confidence, stats.prompt_tokens, stats.completion_tokens)

        return generate

    def _ask_cloud(self, decision: Decision, prompt: Prompt, request: Request) -> Work[LlmAnswer]:
        """A refusal by the gate or the budget is declined, not failed: it is not retried and does not open the
        breaker."""

        def ask(cancel: Cancel, emit: Callable[[str], None]) -> LlmAnswer:
            try:
                answer = self.cloud.answer(decision.route, prompt.messages, request.conversation, emit, cancel)
            except (EgressRefused, OverBudget) as exc:
                raise Declined(str(exc)) from None
            return LlmAnswer(answer.text, answer.model, None, answer.prompt_tokens, answer.completion_tokens, answer.trace)

        return ask


class _Shown:
    """The reply's text as the caller has it: the preface, then the live model's tokens since the last retraction."""

    def __init__(self, preface: str) -> None:
        self.preface = preface
        self.text = ""

    def open(self) -> Iterator[Token]:
        if self.preface:
            yield self._say(self.preface)

    def relay(self, events: Generator[Token | Retracted, None, R]) -> Generator[Token | Retracted, None, R]:
        """The live model's events; after a retraction, the preface opens the new text again."""
        try:
            while True:
                try:
                    event = next(events)
                except StopIteration as done:
                    return done.value
                if isinstance(event, Retracted):
                    self.text = ""
                    yield event
                    continue
                if not self.text:
                    yield from self.open()
                yield self._say(event.text)
        finally:
            events.close()

    def settle(self, text: str) -> Iterator[Token | Retracted]:
        """What turns the text shown into ``text``: the rest of it, or a retraction and all of it."""
        if not text.startswith(self.text):
            self.text = ""
            yield Retracted()
        if rest := text[len(self.text) :]:
            yield self._say(rest)

    def _say(self, text: str) -> Token:
        self.text += text
        return Token(text)


def _trimmed(work: Work[T]) -> Work[T]:
    """``work`` emitting its text without the whitespace that opens or ends it, as its answer keeps it: whitespace
    is held back until more text follows."""

    def run(cancel: Cancel, emit: Callable[[str], None]) -> T:
        held = ""
        started = False

        def trimmed(piece: str) -> None:
            nonlocal held, started
            text = held + piece if started else piece.lstrip()
            body = text.rstrip()
            held = text[len(body) :]
            if body:
                started = True
                emit(body)

        return work(cancel, trimmed)

    return run
