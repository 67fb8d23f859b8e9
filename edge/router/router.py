"""The router: one request passes once through the stages of the answer path.

decide (gateway, which knows the documents) → a skill, a question for what a skill request left out, or a
refusal; or else: answer cache → retrieval → grounding or the LLM tiers (local, larger, cloud) → cache the new
answer; then record the decision. ``stream`` yields the decision, the reply's tokens as they come, then the reply;
a ``Retracted`` among the tokens withdraws those before it (a model abandoned mid-answer) and what follows replaces them.
Each stage lives in its own module; the router composes them.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
import unicodedata
from collections.abc import Generator, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from edge.engines import Classification
from edge.errors import EdgeError, EngineTimeout, InputError, RoleUnavailable
from edge.privacy.policy import Consent
from edge.router.caching import Caching
from edge.router.decisions import DecisionLog
from edge.router.direct import clarification, refusal, skill_reply
from edge.router.escalation import CloudEscalation
from edge.router.facts import DONT_KNOW, asks_for_fact, for_fact
from edge.router.gateway import Completeness, Decision, Gateway
from edge.router.grounding import Grounding
from edge.router.note_documents import NoteDocuments
from edge.router.prefill import HistoryPrefill
from edge.router.request import Handled, Reply, Request, Retracted, Token
from edge.router.resilience import CircuitBreaker, DeadLetters
from edge.router.retrieval import Retrieval
from edge.router.tiers import LlmTiers, chat_prompt
from edge.runtime import Runtime
from edge.skills import Skills
from edge.store.cache import AnswerCache
from edge.store.database import Database, StoreError
from edge.store.knowledge import KnowledgeBase
from edge.store.matching import DocumentMatch
from edge.store.memory import ConversationMemory
from edge.store.retention import Retention
from edge.telemetry import Meter, elapsed_ms

log = logging.getLogger(__name__)


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
        if runtime is not None and (config is not None or overrides):
            raise TypeError("settings go to the Runtime when one is passed in: Router(Runtime(config=..., **settings))")
        self._owns = (runtime is None, db is None)
        self.runtime = runtime or Runtime(config=config, **overrides)
        self.settings = settings = self.runtime.settings
        self.db = db = db or Database(settings.store_path)
        self.skills = Skills(db, self.runtime.status)
        self.decisions = DecisionLog(db)
        self.dead_letters = DeadLetters(db)
        self.meter = Meter(db, settings.metering)
        self.knowledge = KnowledgeBase(db, self.runtime.embedder, settings.knowledge)
        self.note_documents = NoteDocuments(db, self.knowledge)
        self.memory = ConversationMemory(db, settings.memory)
        self.retention = Retention(db, settings.store.retention)
        self.cloud = CloudEscalation(settings, db, self.meter, consent)
        self.caching = Caching(db, self.runtime, self.knowledge, settings.cache)
        self.retrieval = Retrieval(self.knowledge, settings.knowledge)
        self._last_vector: tuple[str, np.ndarray] | None = None
        self.gateway = Gateway(settings.router, self.skills.by_name, self._classify, documents=self._match_documents)
        self.tiers = LlmTiers(self.runtime, self.meter, self.cloud, self.dead_letters, settings)
        self.grounding = Grounding(self.knowledge, self.runtime, self.tiers)
        self.prefill = HistoryPrefill(self.runtime, self.memory, settings)

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
        self.note_documents.sync()

    def close(self) -> None:
        self.skills.scheduler.stop()
        self.prefill.close()
        owns_runtime, owns_db = self._owns
        if owns_runtime:
            self.runtime.close()
        if owns_db:
            self.db.close()

    def __enter__(self) -> Router:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def cache(self) -> AnswerCache:
        return self.caching.cache

    @property
    def breakers(self) -> dict[str, CircuitBreaker]:
        """One per LLM tier: "local", "larger", "cloud"."""
        return self.tiers.breakers

    def _classify(self, text: str) -> Classification:
        return self.runtime.classifier.classify_vectors(self._vector(text)[None, :])[0]

    def _match_documents(self, text: str) -> DocumentMatch | None:
        if not self.knowledge.document_count:
            return None
        return self.knowledge.match(text, self._vector(text))

    def _vector(self, text: str) -> np.ndarray:
        """The request's embedding, computed once for the classifier and the documents."""
        last = self._last_vector
        if last is not None and last[0] == text:
            return last[1]
        try:
            vector = self.runtime.embedder.embed([text])[0]
        except EngineTimeout as exc:
            raise RoleUnavailable(exc.message, exc.fix) from None
        except EdgeError:
            raise
        except Exception as exc:
            raise RoleUnavailable(
                f"the embedder failed ({type(exc).__name__}: {exc})", "ask again; if it repeats, run edge doctor"
            ) from exc
        self._last_vector = (text, vector)
        return vector

    def decide(self, text: str) -> Decision:
        """The decision alone, nothing executed (``edge route``)."""
        return self.gateway.decide(self._checked(text))

    def completeness(self, text: str) -> Completeness:
        """Whether ``text`` is a whole skill command, nothing executed: a spoken turn ends sooner after one, later
        after one that still lacks what its skill needs."""
        return self.gateway.completeness(text) if len(text) <= self.settings.max_text_chars else "unknown"

    def ask(
        self, text: str, conversation: str | None = None, stop: threading.Event | None = None, max_sentences: int | None = None
    ) -> Reply:
        reply = None
        for event in self.stream(text, conversation, stop, max_sentences):
            if isinstance(event, Reply):
                reply = event
        assert reply is not None
        return reply

    def stream(
        self,
        text: str,
        conversation: str | None = None,
        stop: threading.Event | None = None,
        max_sentences: int | None = None,
    ) -> Iterator[Decision | Token | Retracted | Reply]:
        """``conversation`` names a conversation to remember: its recent turns are given to the LLM. Setting
        ``stop`` (barge-in) ends generation at the next token; the reply is then handled "stopped" and forgotten.
        ``max_sentences`` ends an LLM's answer after that many sentences (voice: ``voice.max_sentences``)."""
        start = time.perf_counter()
        text = self._checked(text)
        request = Request(text, conversation, stop or threading.Event(), max_sentences)
        decision = self.gateway.decide(text)
        yield decision
        if decision.route == "skill":
            reply = skill_reply(self.skills, decision)
            if decision.skill == "notes" and decision.slots and decision.slots.get("list") == "notes":
                self.note_documents.sync()
        elif decision.route == "clarify":
            reply = clarification(self.skills, decision)
        elif decision.route == "oos":
            reply = refusal(decision)
        else:
            reply = yield from self._answer(request, decision)
        reply = replace(reply, latency_ms=_latency(decision, reply, elapsed_ms(start)))
        yield self._recorded(text, conversation, reply)

    def _recorded(self, text: str, conversation: str | None, reply: Reply) -> Reply:
        """The decision log, memory and retention after an answer: a store that is full or busy costs the records,
        never the answer, and the reply says so."""
        try:
            self.decisions.record(text, reply)
            if conversation and reply.handler not in (Handled.ERROR, Handled.STOPPED):
                self.memory.add(conversation, "user", text)
                self.memory.add(conversation, "assistant", reply.text)
                self.prefill.after_turn(conversation)
            self.retention.tick()
        except StoreError as exc:
            log.warning("a turn's records were not kept: %s", exc.recorded())
            if reply.notice is None:
                return replace(reply, notice=f"This turn was not saved: {exc.message}. Fix: {exc.fix}")
        return reply

    def _answer(self, request: Request, decision: Decision) -> Generator[Token | Retracted, None, Reply]:
        """The answer cache, then the documents or the LLM tiers; a new answer is cached."""
        self.prefill.interrupt()
        stages: dict[str, float] = {}
        text, conversation = request.text, request.conversation
        history = self.memory.recent(conversation) if conversation and decision.route != "knowledge" else []
        cacheable = self.caching.applies(text, bool(history))
        kb_version = self.caching.kb_version(decision)
        if cacheable:
            with _timed(stages, "cache"):
                hit = self.caching.lookup(text, decision, kb_version)
            if hit is not None:
                yield Token(hit.text)
                return replace(hit, latency_ms=stages)
        if decision.route == "knowledge" and self.knowledge.document_count:
            with _timed(stages, "retrieve"):
                hits = self.retrieval(text)
            reply = yield from self.grounding.answer(request, hits, decision)
        else:
            wants_documents = decision.route == "knowledge"
            prompt = chat_prompt(self.settings.llm, history, text, wants_documents)
            policy, cloud = self.settings.router.fact_questions, self.cloud.allowed(decision.route)
            asked = for_fact(prompt, policy, cloud) if not history and asks_for_fact(text) else prompt
            if asked is None:
                reply = Reply(DONT_KNOW, decision, Handled.REFUSAL, fallbacks=["llm: a fact the local models would guess"])
            else:
                reply = yield from self.tiers.answer(request, decision, asked)
        reply = replace(reply, latency_ms=stages)
        if cacheable:
            self.caching.store(text, decision.route, reply, kb_version)
        return reply

    def _checked(self, text: str) -> str:
        """The request as every stage reads it: composed (NFC), without the invisible format marks and control
        characters that a paste or a terminal leaves in it ("12 times 7\u200b")."""
        if not isinstance(text, str):
            raise InputError(f"the request must be text, got {type(text).__name__}", "pass a str")
        limit = self.settings.max_text_chars
        if len(text) > limit:
            raise InputError(f"the request is {len(text):,} characters; the limit is {limit:,}", "shorten it")
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise InputError("the request is not valid UTF-8 (it holds a lone surrogate)", "re-encode it as UTF-8") from None
        return _visible(text)


@contextlib.contextmanager
def _timed(stages: dict[str, float], name: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    stages[name] = elapsed_ms(start)


def _latency(decision: Decision, reply: Reply, total: float) -> dict[str, float]:
    """Per stage: template, classifier, parse, decide, cache, retrieve, answer, total."""
    return {
        **decision.stages_ms,
        "decide": decision.latency_ms,
        **reply.latency_ms,
        "answer": round(total - decision.latency_ms, 3),
        "total": total,
    }


_KEPT_CONTROLS = frozenset("\t\n")


def _visible(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    if text.isprintable():
        return text
    return "".join(
        " " if category == "Cc" and ch not in _KEPT_CONTROLS else ch
        for ch in text
        if (category := unicodedata.category(ch)) != "Cf"
    )
