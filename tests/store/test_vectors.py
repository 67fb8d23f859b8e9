import numpy as np
import pytest

from edge.store import vectors
from edge.store.vectors import VectorIndex

DIM = 64


def clustered(count: int, seed: int = 0, centres: int = 40) -> np.ndarray:
    """Unit vectors around random centres, as embeddings of related texts gather."""
    rng = np.random.default_rng(seed)
    centre = rng.normal(size=(centres, DIM))
    points = centre[rng.integers(0, centres, count)] + 0.6 * rng.normal(size=(count, DIM))
    return (points / np.linalg.norm(points, axis=1, keepdims=True)).astype(np.float32)


def exact(points: np.ndarray, ids: np.ndarray, query: np.ndarray, k: int) -> set[int]:
    return set(ids[np.argsort(-(points @ query))[:k]].tolist())


def recall(index: VectorIndex, points: np.ndarray, ids: np.ndarray, queries: np.ndarray, k: int = 10) -> float:
    found = [len(set(index.search(q, k)[0].tolist()) & exact(points, ids, q, k)) / k for q in queries]
    return float(np.mean(found))


@pytest.fixture
def partitioned(monkeypatch):
    """Cells from 2,000 vectors instead of 200,000, so a test builds them in a moment."""
    monkeypatch.setattr(vectors, "PARTITION_MIN", 2_000)
    points = clustered(6_000)
    ids = np.arange(1, len(points) + 1)
    index = VectorIndex(DIM, oversample=10)
    index.add(ids, points)
    index.partition()
    return index, points, ids


def test_a_stored_vector_is_its_own_nearest_neighbour():
    points = clustered(500)
    index = VectorIndex(DIM)
    index.add(np.arange(100, 600), points)
    ids, scores = index.search(points[42], 3)
    assert ids[0] == 142 and scores[0] == pytest.approx(1.0, abs=0.02)
    assert list(scores) == sorted(scores, reverse=True)


def test_below_the_partition_size_the_index_stays_one_flat_scan():
    index = VectorIndex(DIM)
    index.add(np.arange(1, 1_001), clustered(1_000))
    index.partition()
    assert index.cells is None and len(index) == 1_000


def test_cells_scan_a_small_share_and_keep_recall(partitioned):
    index, points, ids = partitioned
    assert index.cells is not None and len(index.cells) == round(np.sqrt(len(points)))
    assert sorted(index.main.ids.tolist()) == ids.tolist(), "every vector sits in exactly one cell"
    queries = clustered(50, seed=1)
    assert recall(index, points, ids, queries) >= 0.9


def test_vectors_added_after_the_cells_are_found_and_then_sorted_in(partitioned):
    index, points, ids = partitioned
    more = clustered(300, seed=2)
    more_ids = np.arange(10_001, 10_301)
    index.add(more_ids, more)
    assert index.unsorted == 300 and len(index) == 6_300
    assert index.search(more[7], 1)[0][0] == 10_008
    index.partition()
    assert index.unsorted == 0 and len(index.main) == 6_300
    assert index.search(more[7], 1)[0][0] == 10_008


def test_removed_vectors_are_never_returned(partitioned):
    index, points, ids = partitioned
    gone = ids[:3_000]
    index.remove(gone)
    assert len(index) == 3_000 and index.unsorted == 3_000
    for query in points[:20]:
        assert not set(index.search(query, 10)[0].tolist()) & set(gone.tolist())
    index.partition()
    assert index.cells is not None and len(index.main) == 3_000


def test_an_index_that_shrinks_below_the_partition_size_is_flat_again(partitioned):
    index, _, ids = partitioned
    index.remove(ids[:5_000])
    index.partition()
    assert index.cells is None and len(index) == 1_000


def test_an_allowed_mask_is_searched_whole_not_only_the_nearest_cells(partitioned):
    index, points, ids = partitioned
    allowed = np.isin(index.ids, ids[-50:])
    found, _ = index.search(points[0], 10, allowed)
    assert len(found) == 10 and set(found.tolist()) <= set(ids[-50:].tolist())
    assert set(found.tolist()) == exact(points[-50:], ids[-50:], points[0], 10)


def test_the_arrays_make_the_same_index_again(partitioned):
    index, points, _ = partitioned
    again = VectorIndex.from_arrays({name: array.copy() for name, array in index.arrays().items()}, oversample=10)
    for query in points[:10]:
        assert np.array_equal(index.search(query, 5)[0], again.search(query, 5)[0])


def test_an_index_with_vectors_outside_its_cells_is_not_saved_half_sorted(partitioned):
    index, points, _ = partitioned
    index.add(np.array([99_999]), points[:1])
    with pytest.raises(ValueError, match="partition"):
        index.arrays()
