"""The retrieval stage: the chunks of the user's documents that a knowledge question is answered from."""

from __future__ import annotations

from edge.config import KnowledgeSettings
from edge.store.knowledge import Hit, KnowledgeBase

RELEVANCE_MARGIN = 0.15
"""Chunks much less similar than the best one are left out of the prompt: small models follow distractors."""


class Retrieval:
    def __init__(self, knowledge: KnowledgeBase, settings: KnowledgeSettings) -> None:
        self.knowledge = knowledge
        self.settings = settings

    def __call__(self, text: str) -> list[Hit]:
        """The relevant chunks, best first; none when even the best is not similar enough to answer from."""
        opts = self.settings
        hits = self.knowledge.search(text, opts.top_k, opts.mode)
        best = _best(hits, opts.mode)
        if best is None:
            return hits
        if best < opts.min_similarity:
            return []
        floor = max(opts.min_similarity, best - RELEVANCE_MARGIN)
        return [h for h in hits if h.similarity is not None and h.similarity >= floor]


def _best(hits: list[Hit], mode: str) -> float | None:
    return max((h.similarity for h in hits if h.similarity is not None), default=None if mode == "bm25" else 0.0)
