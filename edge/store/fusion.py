"""Combining ranked lists from different retrievers into one ranking."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def reciprocal_rank(rankings: Sequence[Sequence[int]], k: int = 60) -> dict[int, float]:
    """Reciprocal rank fusion (Cormack et al., 2009): only ranks count, so scales never need to agree."""
    fused: dict[int, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, 1):
            fused[item] = fused.get(item, 0.0) + 1.0 / (k + rank)
    return fused


def convex(scored: Sequence[Mapping[int, float]], weights: Sequence[float]) -> dict[int, float]:
    """A weighted sum of each retriever's scores scaled to [0, 1] by its own min and max (Bruch et al., 2023).

    Unlike rank fusion it keeps how far apart the scores are: a clear winner stays a clear winner.
    An item a retriever did not return gets 0 from it; a retriever's only item gets 1.
    """
    fused: dict[int, float] = {}
    for scores, weight in zip(scored, weights, strict=True):
        if not scores:
            continue
        low, high = min(scores.values()), max(scores.values())
        for item, score in scores.items():
            scaled = (score - low) / (high - low) if high > low else 1.0
            fused[item] = fused.get(item, 0.0) + weight * scaled
    return fused
