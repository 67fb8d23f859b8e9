"""Text classification: an ONNX head on the embedder's vectors, returning a label with probabilities."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from edge.config import Settings
from edge.engines.base import Engine
from edge.engines.embedder import Embedder
from edge.engines.onnx import open_session
from edge.errors import ModelFileError
from edge.models import ModelRegistry, ResolvedModel

if TYPE_CHECKING:
    from onnxruntime import InferenceSession


@dataclass(frozen=True)
class Classification:
    label: str
    confidence: float
    probabilities: dict[str, float]


@dataclass
class ClassifierModel:
    session: InferenceSession
    input_name: str
    probabilities_output: str
    labels: list[str]
    oos_threshold: float = 0.0
    """Below this top probability the label is "oos" (from intents.json beside a trained head)."""


class Classifier(Engine[ClassifierModel]):
    role = "classifier"
    libraries = ("onnxruntime",)

    def __init__(self, settings: Settings, registry: ModelRegistry | None = None, embedder: Embedder | None = None) -> None:
        super().__init__(settings, registry)
        self.embedder = embedder or Embedder(settings, self.registry)

    def _open(self, info: ResolvedModel) -> ClassifierModel:
        path = info.files["model"]
        labels_path = info.files.get("labels") or self.settings.classifier.labels or path.with_name("labels.json")
        session = open_session(path, self.role, threads=1)
        inputs = session.get_inputs()
        dim = self.embedder.dim
        if len(inputs) != 1 or inputs[0].type != "tensor(float)" or inputs[0].shape[-1] != dim:
            got = [(i.name, i.type, i.shape) for i in inputs]
            raise ModelFileError(
                f"classifier model {path} has inputs {got}",
                f"edge needs one float32 input of shape [N, {dim}] (the embedder's vectors)",
            )
        probs = [o.name for o in session.get_outputs() if o.type == "tensor(float)"]
        if not probs:
            raise ModelFileError(f"classifier model {path} has no float probabilities output", "export it with zipmap disabled")
        try:
            labels = json.loads(open(labels_path, encoding="utf-8").read())
        except (OSError, ValueError) as exc:
            raise ModelFileError(
                f"classifier labels {labels_path} cannot be read ({exc})", "set classifier.labels to a JSON list of label names"
            ) from None
        meta = path.with_name("intents.json")
        threshold = float(json.loads(meta.read_text()).get("oos_threshold", 0.0)) if meta.is_file() else 0.0
        return ClassifierModel(session, inputs[0].name, probs[-1], [str(label) for label in labels], threshold)

    def _warmup(self) -> None:
        self.classify_vectors(np.zeros((1, self.embedder.dim), dtype=np.float32))

    @property
    def labels(self) -> list[str]:
        return list(self.model.labels)

    def classify(self, texts: Sequence[str]) -> list[Classification]:
        if isinstance(texts, str):
            texts = [texts]
        return self.classify_vectors(self.embedder.embed(texts))

    def classify_vectors(self, vectors: np.ndarray) -> list[Classification]:
        with self._call() as model:
            probs = model.session.run([model.probabilities_output], {model.input_name: np.asarray(vectors, dtype=np.float32)})[0]
        if probs.shape[1] != len(model.labels):
            raise ModelFileError(
                f"classifier gives {probs.shape[1]} probabilities but labels.json names {len(model.labels)} labels",
                "use the labels.json written with the model",
            )
        labels = model.labels
        rounded = np.round(probs, 4).tolist()
        threshold = model.oos_threshold
        return [
            Classification(labels[best] if row[best] >= threshold else "oos", row[best], dict(zip(labels, row, strict=True)))
            for best, row in zip(probs.argmax(axis=1).tolist(), rounded, strict=True)
        ]
