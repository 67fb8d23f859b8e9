"""How closely a request matches the knowledge base, in meaning and in words: what the router needs to tell a
question about the user's documents from one about something else, in a few milliseconds."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from edge.store.keywords import MAX_WORDS, KeywordSearch, idf
from edge.store.stopwords import NEGATIONS, STOPWORDS

_UNSEARCHED = STOPWORDS | NEGATIONS
BEST_OF = 5
"""Chunks re-scored for the best match when common words are added to a rare word's candidates."""


@dataclass(frozen=True)
class DocumentMatch:
    similarity: float
    """Cosine similarity of the chunk closest in meaning."""
    words: float
    """BM25's score of the best chunk for the request's words, in rare words: a word weighs its idf over the highest
    idf there is, so 1 for a word that only one chunk holds and near 0 for one that most chunks hold. Two rare
    words in common with a chunk is strong evidence even when the phrasing is far from the chunk's."""
    coverage: float
    """``words`` over the weight of all the request's words; a word no chunk holds weighs 1."""


def search_words(text: str) -> list[str]:
    """The words keyword search looks for: stopwords dropped unless nothing else is left, each once."""
    words = re.findall(r"\w+", text.lower())
    kept = [w for w in words if w not in _UNSEARCHED] or words
    return list(dict.fromkeys(kept))


def word_match(keywords: KeywordSearch, words: Sequence[str]) -> tuple[float, float]:
    """``DocumentMatch.words`` and ``coverage`` of the chunks' full-text index for ``words``.

    Words held by half the chunks or more are left out of the ranking: BM25 gives them no weight.
    """
    words = words[:MAX_WORDS]
    if not words:
        return 0.0, 0.0
    chunks, held = keywords.counts(words)
    rare = [(w, n) for w, n in zip(words, held, strict=True) if 0 < n < chunks / 2]
    if not rare:
        return 0.0, 0.0
    best = keywords.search([w for w, _ in rare], BEST_OF, counts=(chunks, [n for _, n in rare]))
    unit = idf(1, chunks)
    score = max(best.values()) / unit if best else 0.0
    weight = sum(idf(n, chunks) / unit if n else 1.0 for n in held)
    return score, score / weight
