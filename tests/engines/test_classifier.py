import csv
import json
from pathlib import Path

import numpy as np
import pytest

from edge.engines import Classifier
from edge.errors import ModelFileError

HELDOUT = Path(__file__).resolve().parents[2] / "scripts" / "intent_heldout.csv"
ROUTES = ["timer", "time", "math", "notes", "status", "weather", "device", "knowledge", "chat", "complex", "unsupported"]


def test_the_default_head_has_a_label_for_every_route(runtime):
    assert runtime.classifier.labels == ROUTES


@pytest.mark.parametrize(
    "text, label",
    [
        ("set a timer for ten minutes", "timer"),
        ("set an alarm for 6:30 tomorrow", "timer"),
        ("what time is it", "time"),
        ("what is 234 times 7", "math"),
        ("70 fahrenheit in celsius", "math"),
        ("how many cups in a liter", "math"),
        ("remind me in 20 minutes to check the oven", "notes"),
        ("add milk to my shopping list", "notes"),
        ("delete my last note", "notes"),
        ("which models are loaded", "status"),
        ("are you running offline", "status"),
        ("what's the weather like tomorrow", "weather"),
        ("turn off the kitchen lights", "device"),
        ("what does my lease say about pets", "knowledge"),
        ("search my documents for the warranty period", "knowledge"),
        ("who wrote pride and prejudice", "chat"),
        ("thank you", "chat"),
        ("write a python function that reverses a linked list", "complex"),
        ("explain step by step how public key cryptography works", "complex"),
        ("call mom", "unsupported"),
        ("what's the stock price of apple right now", "unsupported"),
    ],
)
def test_it_labels_commands(runtime, text, label):
    assert runtime.classifier.classify([text])[0].label == label


def heldout_rows() -> list[tuple[str, str]]:
    with HELDOUT.open(newline="", encoding="utf-8") as handle:
        return [(row["text"], row["label"]) for row in csv.DictReader(handle)]


def test_the_default_head_keeps_its_accuracy_on_the_hand_written_heldout_rows(runtime):
    rows = heldout_rows()
    predicted = [r.label for r in runtime.classifier.classify([text for text, _ in rows])]
    hits = [p == gold for p, (_, gold) in zip(predicted, rows, strict=True)]
    per_label = {label: np.mean([h for h, (_, gold) in zip(hits, rows, strict=True) if gold == label]) for label in ROUTES}
    assert np.mean(hits) >= 0.85
    assert min(per_label.values()) >= 0.7, per_label


def test_probabilities_cover_every_label_and_sum_to_one(runtime):
    result = runtime.classifier.classify(["start a five minute timer"])[0]
    assert set(result.probabilities) == set(runtime.classifier.labels)
    assert sum(result.probabilities.values()) == pytest.approx(1.0, abs=1e-3)
    assert result.confidence == max(result.probabilities.values())


def test_it_classifies_precomputed_vectors(runtime):
    vectors = runtime.embedder.embed(["set a timer for ten minutes", "turn on the lights"])
    labels = [r.label for r in runtime.classifier.classify_vectors(vectors)]
    assert labels == ["timer", "device"]


@pytest.mark.models
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
