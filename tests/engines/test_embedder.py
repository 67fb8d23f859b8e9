import numpy as np
import pytest

from edge.engines import Embedder
from edge.errors import InputError, ModelFileError


def test_vectors_are_384_d_and_unit_length(runtime):
    vectors = runtime.embedder.embed(["The cat sat on the mat.", "Quantum chromodynamics"])
    assert vectors.shape == (2, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)


def test_similar_sentences_are_closer_than_unrelated_ones(runtime):
    a, b, c = runtime.embedder.embed(
        ["How do I reset my password?", "I forgot my password, how can I change it?", "The weather in Lisbon is sunny."]
    )
    assert a @ b > 0.6 > a @ c


def test_batching_by_length_keeps_the_order_and_the_values(runtime):
    texts = ["short", "a much longer sentence about something else entirely, with many more tokens in it", "mid length text here"]
    together = runtime.embedder.embed(texts, batch_size=2)
    alone = np.vstack([runtime.embedder.embed([t]) for t in texts])
    similarity = together @ alone.T
    assert (similarity.argmax(axis=1) == [0, 1, 2]).all()
    assert similarity.diagonal().min() > 0.99, "int8 activations are quantised per batch, so values move slightly"


def test_long_text_is_truncated_not_refused(runtime):
    assert runtime.embedder.embed(["word " * 5000]).shape == (1, 384)


@pytest.mark.parametrize(
    "text, message", [("", "empty"), ("   ", "empty"), ("x" * 1_000_001, "limit"), ("bad \udcff byte", "UTF-8")]
)
def test_unusable_text_is_one_clear_error(runtime, text, message):
    with pytest.raises(InputError, match=message):
        runtime.embedder.embed([text])


def test_an_onnx_with_other_inputs_is_refused(settings, tmp_path):
    wrong = settings.model_copy(update={"embedder": settings.embedder.model_copy(update={"path": tmp_path / "vad.onnx"})})
    from edge.models import ModelRegistry

    (tmp_path / "vad.onnx").write_bytes(ModelRegistry(settings).resolve("vad").path.read_bytes())
    with pytest.raises(ModelFileError, match="has inputs"):
        Embedder(wrong).load()


def test_a_text_file_named_onnx_is_refused(settings, tmp_path):
    fake = tmp_path / "model.onnx"
    fake.write_text("not a model")
    wrong = settings.model_copy(update={"embedder": settings.embedder.model_copy(update={"path": fake})})
    with pytest.raises(ModelFileError, match="not a loadable ONNX model"):
        Embedder(wrong).load()


@pytest.mark.models
def test_a_batch_of_long_documents_does_not_keep_its_memory(settings):
    from edge.skills.status import resident_mb

    embedder = Embedder(settings)
    try:
        embedder.embed(["warm up"])
        before = resident_mb()
        embedder.embed([f"paragraph {n} " + "the irrigation valve opens every morning " * 40 for n in range(64)])
        assert resident_mb() - before < 100, "onnxruntime's arena kept 420 MB after such a batch"
    finally:
        embedder.unload()
