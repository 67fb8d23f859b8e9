"""A coarse quantizer for large vector sets: k-means cells, so a search scans the few cells nearest the query
instead of every vector (the inverted-file layout of Jégou et al., 2011).

Vectors and centroids are unit length and compared by dot product (spherical k-means).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

TRAIN_PER_CELL = 40
"""Training vectors per cell: k-means centroids settle with a few dozen points each."""
ITERATIONS = 8
BATCH = 16_384


@dataclass(frozen=True)
class Cells:
    """Rows sorted by cell: cell ``c`` holds rows ``offsets[c]:offsets[c + 1]``."""

    centroids: np.ndarray
    offsets: np.ndarray

    def __len__(self) -> int:
        return len(self.centroids)

    def nearest(self, query: np.ndarray, count: int) -> np.ndarray:
        """The rows of the ``count`` cells closest to the query."""
        count = min(count, len(self.centroids))
        scores = self.centroids @ query
        best = np.argpartition(-scores, count - 1)[:count] if count < len(scores) else np.arange(len(scores))
        starts, ends = self.offsets[best], self.offsets[best + 1]
        lengths = ends - starts
        total = int(lengths.sum())
        if not total:
            return np.empty(0, dtype=np.int64)
        shift = np.repeat(starts - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths)
        return np.arange(total, dtype=np.int64) + shift


def cell_count(vectors: int) -> int:
    """About the square root of the set's size, the usual balance of cells scanned against cell sizes."""
    return max(1, round(np.sqrt(vectors)))


def train(sample: np.ndarray, cells: int, seed: int = 0) -> np.ndarray:
    """Centroids of ``cells`` cells from a sample of unit vectors."""
    rng = np.random.default_rng(seed)
    sample = np.asarray(sample, dtype=np.float32)
    cells = min(cells, len(sample))
    centroids = sample[rng.choice(len(sample), cells, replace=False)].copy()
    for _ in range(ITERATIONS):
        labels = assign(sample, centroids)
        sums = np.zeros_like(centroids)
        np.add.at(sums, labels, sample)
        empty = ~sums.any(axis=1)
        sums[empty] = sample[rng.choice(len(sample), int(empty.sum()), replace=False)]
        centroids = sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)
    return centroids.astype(np.float32)


def assign(vectors: np.ndarray, centroids: np.ndarray) -> np.ndarray:
    """The nearest centroid of each vector, in batches so the score matrix stays small."""
    labels = np.empty(len(vectors), dtype=np.int64)
    for start in range(0, len(vectors), BATCH):
        labels[start : start + BATCH] = np.argmax(vectors[start : start + BATCH] @ centroids.T, axis=1)
    return labels


def partition(count: int, vectors: Callable[[np.ndarray], np.ndarray], seed: int = 0) -> tuple[Cells, np.ndarray]:
    """Cells for ``count`` vectors and the order that sorts the rows by cell; ``vectors(rows)`` gives rows as float32."""
    cells = cell_count(count)
    rng = np.random.default_rng(seed)
    sample_rows = np.sort(rng.choice(count, min(count, cells * TRAIN_PER_CELL), replace=False))
    centroids = train(vectors(sample_rows), cells, seed)
    batches = [assign(vectors(np.arange(s, min(s + BATCH, count))), centroids) for s in range(0, count, BATCH)]
    labels = np.concatenate(batches or [np.empty(0, dtype=np.int64)])
    order = np.argsort(labels, kind="stable")
    offsets = np.zeros(len(centroids) + 1, dtype=np.int64)
    np.cumsum(np.bincount(labels, minlength=len(centroids)), out=offsets[1:])
    return Cells(centroids, offsets), order
