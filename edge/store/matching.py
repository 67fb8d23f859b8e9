"""How closely a request matches the knowledge base, in meaning and in words: what the router needs to tell a
question about the user's documents from one about something else, in a few milliseconds."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from edge.store.database import Database
from edge.store.stopwords import NEGATIONS, STOPWORDS

_UNSEARCHED = STOPWORDS | NEGATIONS
MAX_WORDS = 32
"""Words of a long request (a pasted text) past these are not looked up: each costs a pass over its posting list."""


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


def word_match(db: Database, words: Sequence[str]) -> tuple[float, float]:
    """``DocumentMatch.words`` and ``coverage`` of the chunks' full-text index for ``words``.

    Words held by half the chunks or more are left out of the ranking query: BM25 gives them no weight, and
    their long posting lists are most of its cost.
    """
    words = words[:MAX_WORDS]
    if not words:
        return 0.0, 0.0
    counts = ", ".join(f"(SELECT COUNT(*) FROM chunks_fts WHERE chunks_fts MATCH ?) AS w{i}" for i in range(len(words)))
    row = db.query(f"SELECT (SELECT COUNT(*) FROM chunks) AS chunks, {counts}", [quoted(w) for w in words])[0]
    chunks, held = row["chunks"], [row[f"w{i}"] for i in range(len(words))]
    rare = [w for w, n in zip(words, held, strict=True) if 0 < n < chunks / 2]
    if not rare:
        return 0.0, 0.0
    best = db.query(
        "SELECT -bm25(chunks_fts) AS score FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY rank LIMIT 1",
        (" OR ".join(quoted(w) for w in rare),),
    )
    unit = idf(1, chunks)
    score = best[0]["score"] / unit if best else 0.0
    weight = sum(idf(n, chunks) / unit if n else 1.0 for n in held)
    return score, score / weight


def idf(held: int, chunks: int) -> float:
    """FTS5's BM25 idf of a word ``held`` by that many of ``chunks`` chunks."""
    return max(math.log((chunks - held + 0.5) / (held + 0.5)), 1e-6)


def quoted(word: str) -> str:
    return f'"{word}"'
