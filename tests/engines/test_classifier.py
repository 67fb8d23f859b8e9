import json

import numpy as np
import pytest

from edge.engines import Classifier
from edge.errors import ModelFileError


@pytest.mark.parametrize(
    "text, label",
    [
        ("set a timer for ten minutes", "timer"),
        ("what time is it", "time"),
        ("turn off the kitchen lights", "device"),
        ("what's the weather like tomorrow", "weather"),
        ("who wrote pride and prejudice", "chat"),
    ],
)
def test_it_labels_commands(runtime, text, label):
    assert runtime.classifier.classify([text])[0].label == label


def test_probabilities_cover_every_label_and_sum_to_one(runtime):
    result = runtime.classifier.classify(["start a five minute timer"])[0]
    assert set(result.probabilities) == set(runtime.classifier.labels)
    assert sum(result.probabilities.values()) == pytest.approx(1.0, abs=1e-3)
    assert result.confidence == max(result.probabilities.values())


def test_it_classifies_precomputed_vectors(runtime):
    vectors = runtime.embedder.embed(["set a timer for ten minutes", "turn on the lights"])
    labels = [r.label for r in runtime.classifier.classify_vectors(vectors)]
    assert labels == ["timer", "device"]


def test_a_head_with_the_wrong_input_is_refused(settings, tmp_path):
    from edge.models import ModelRegistry

    (tmp_path / "head.onnx").write_bytes(ModelRegistry(settings).resolve("vad").path.read_bytes())
    (tmp_path / "labels.json").write_text(json.dumps(["a", "b"]))
    custom = settings.model_copy(update={"classifier": settings.classifier.model_copy(update={"path": tmp_path / "head.onnx"})})
    with pytest.raises(ModelFileError, match="has inputs"):
        Classifier(custom).load()


def test_labels_that_do_not_match_the_head_are_refused(runtime, settings, tmp_path, copy_of):
    head = copy_of(runtime.classifier.model_info.files["model"], "head.onnx")
    (tmp_path / "labels.json").write_text(json.dumps(["only-one"]))
    custom = settings.model_copy(update={"classifier": settings.classifier.model_copy(update={"path": head})})
    with pytest.raises(ModelFileError, match="labels"):
        Classifier(custom, embedder=runtime.embedder).classify_vectors(np.zeros((1, 384), dtype=np.float32))
