"""The cache stage: a question answered before is answered again from the store, and a new answer is kept.

Answers given while the knowledge base had documents are cached against its version: a change may answer them
differently. Only whole answers to self-contained questions are kept: none that depend on a conversation, none
that stopped, failed or fell back from the cloud.
"""

from __future__ import annotations

import logging
from dataclasses import asdict

from edge.config import CacheSettings
from edge.errors import recorded
from edge.router.citations import Citation
from edge.router.gateway import Decision
from edge.router.request import Handled, Reply
from edge.runtime import Runtime
from edge.store.cache import AnswerCache, depends_on_context
from edge.store.database import Database
from edge.store.knowledge import KnowledgeBase

log = logging.getLogger(__name__)


class Caching:
    def __init__(self, db: Database, runtime: Runtime, knowledge: KnowledgeBase, settings: CacheSettings) -> None:
        self.db = db
        self.runtime = runtime
        self.knowledge = knowledge
        self.settings = settings
        self._cache: AnswerCache | None = None

    @property
    def cache(self) -> AnswerCache:
        """Opened on first use: it needs the embedder."""
        if self._cache is None:
            embedder = self.runtime.embedder
            embedder.load()
            model = embedder.model_info.id if embedder.model_info else "embedder"
            self._cache = AnswerCache(self.db, self.knowledge.embed_query, model, embedder.dim, self.settings)
        return self._cache

    def kb_version(self, decision: Decision) -> int | None:
        """The knowledge base's version for a knowledge or chat question asked while it holds documents: adding or
        removing one may answer it differently."""
        if decision.route in ("knowledge", "chat") and self.knowledge.document_count:
            return self.knowledge.version
        return None

    def applies(self, text: str, has_history: bool) -> bool:
        return self.settings.enabled and not has_history and not depends_on_context(text)

    def lookup(self, text: str, decision: Decision, kb_version: int | None) -> Reply | None:
        """A cache that cannot be read just now (the store busy or full, the embedder failing) is a miss: the models
        still answer."""
        try:
            hit = self.cache.lookup(text, decision.route, kb_version)
        except Exception as exc:
            log.warning("the answer cache was skipped: %s", recorded(exc))
            return None
        if hit is None:
            return None
        return Reply(
            hit.answer,
            decision,
            Handled.CACHE,
            models=hit.reply["models"],
            confidence=hit.reply.get("confidence"),
            citations=[Citation(**c) for c in hit.reply["citations"]],
            cached=hit.match,
        )

    def store(self, text: str, route: str, reply: Reply, kb_version: int | None) -> None:
        """Keeps ``reply`` if it is a whole answer from a model or the documents; ``route`` is the one asked for."""
        if not (reply.handler.by_llm or reply.handler is Handled.DOCUMENTS) or reply.error or reply.notice:
            return
        record = {"models": reply.models, "confidence": reply.confidence, "citations": [asdict(c) for c in reply.citations]}
        try:
            self.cache.store(text, route, reply.text, record, kb_version)
        except Exception as exc:
            log.warning("an answer was not cached: %s", recorded(exc))
