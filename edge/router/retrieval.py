"""The retrieval stage: the user's documents that bear on a request, when any do."""

from __future__ import annotations

from dataclasses import dataclass, replace

from edge.config import KnowledgeSettings
from edge.router.gateway import Decision
from edge.store.knowledge import Hit, KnowledgeBase

RELEVANCE_MARGIN = 0.15
"""Chunks much less similar than the best one are left out of the prompt: small models follow distractors."""


@dataclass(frozen=True)
class Retrieved:
    hits: list[Hit]
    """The chunks to answer from, best first; none when nothing is relevant."""
    decision: Decision
    """The request's decision; a chat question, or a skill request its skill could not parse, that the documents
    answer well has become a knowledge question."""


class Retrieval:
    def __init__(self, knowledge: KnowledgeBase, settings: KnowledgeSettings) -> None:
        self.knowledge = knowledge
        self.settings = settings

    def documents(self, decision: Decision) -> int:
        """How many documents the request may be answered from: knowledge and chat questions look, and so do skill
        requests the skill could not parse ("how much did revenue grow?" sounds like arithmetic)."""
        return self.knowledge.document_count if decision.route in ("knowledge", "chat", "clarify") else 0

    def __call__(self, text: str, decision: Decision) -> Retrieved:
        opts = self.settings
        hits = self.knowledge.search(text, opts.top_k, opts.mode)
        best = max((h.similarity for h in hits if h.similarity is not None), default=None if opts.mode == "bm25" else 0.0)
        if decision.route in ("chat", "clarify"):
            if best is None or best < opts.chat_similarity:
                return Retrieved([], decision)
            decision = replace(decision, route="knowledge", reason=f"{decision.reason}; documents match ({best:.2f})")
        elif best is not None and best < opts.min_similarity:
            return Retrieved([], decision)
        if best is not None:
            floor = max(opts.min_similarity, best - RELEVANCE_MARGIN)
            hits = [h for h in hits if h.similarity is not None and h.similarity >= floor]
        return Retrieved(hits, decision)
