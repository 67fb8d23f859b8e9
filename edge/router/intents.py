"""Custom intent models for apps that embed edge: train a head on the embedder's vectors, evaluate it.

Rows labelled ``oos`` mark out-of-scope requests. They are not a class: the head rejects a request
as out of scope when its top probability is below a threshold, calibrated on held-out rows as the
largest that costs at most ``max_inscope_loss`` of in-scope accuracy.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from edge.engines import Classifier, Embedder
from edge.errors import InputError, MissingExtra

OOS = "oos"
MODEL_FILE, LABELS_FILE, META_FILE = "intent-head.onnx", "labels.json", "intents.json"


@dataclass(frozen=True)
class IntentReport:
    accuracy: float
    """In-scope rows whose predicted label is right (a rejection as oos counts as wrong)."""
    macro_f1: float
    per_label: dict[str, dict[str, float]]
    oos_recall: float | None
    """Out-of-scope rows rejected; None when the data has no oos rows."""
    oos_precision: float | None
    rows: int


def read_rows(path: str | Path) -> list[tuple[str, str]]:
    """A CSV with the columns text,label."""
    path = Path(path)
    try:
        with path.open(newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            if not reader.fieldnames or not {"text", "label"} <= set(reader.fieldnames):
                raise InputError(f"{path} has columns {reader.fieldnames}; expected text,label", "add a header line: text,label")
            rows = [
                (r["text"].strip(), r["label"].strip())
                for r in reader
                if (r["text"] or "").strip() and (r["label"] or "").strip()
            ]
    except FileNotFoundError:
        raise InputError(f"{path} does not exist", "check the path") from None
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text", "save the CSV as UTF-8") from None
    except csv.Error as exc:
        raise InputError(f"{path} is not a readable CSV ({exc})", "save it as CSV with the columns text,label") from None
    if not rows:
        raise InputError(f"{path} has no rows", "add rows of text,label")
    return rows


def train_intents(
    rows: Sequence[tuple[str, str]],
    out: str | Path,
    embedder: Embedder,
    calibration: Sequence[tuple[str, str]] | None = None,
    c: float = 10.0,
    max_inscope_loss: float = 0.01,
    seed: int = 0,
) -> dict[str, object]:
    """Train, calibrate the oos threshold, and write intent-head.onnx, labels.json and intents.json."""
    try:
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import train_test_split
    except ImportError:
        raise MissingExtra("scikit-learn", "train", "intent training") from None
    labels = sorted({label for _, label in rows if label != OOS})
    if len(labels) < 2:
        raise InputError(f"the data has {len(labels)} in-scope label(s)", "give at least two labels besides oos")
    if calibration is None:
        strata = [label for _, label in rows]
        rows, calibration = train_test_split(list(rows), test_size=0.15, random_state=seed, stratify=strata)
    train = [(t, label) for t, label in rows if label != OOS]
    vectors = embedder.embed([t for t, _ in train])
    clf = LogisticRegression(C=c, max_iter=500, random_state=seed).fit(vectors, [label for _, label in train])
    cal_probs = clf.predict_proba(embedder.embed([t for t, _ in calibration]))
    threshold = _threshold(cal_probs, [label for _, label in calibration], list(clf.classes_), max_inscope_loss)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / MODEL_FILE).write_bytes(_onnx(clf, vectors.shape[1]))
    (out / LABELS_FILE).write_text(json.dumps(list(clf.classes_)))
    meta: dict[str, object] = {
        "oos_threshold": threshold,
        "labels": len(labels),
        "train_rows": len(train),
        "calibration_rows": len(calibration),
        "c": c,
    }
    (out / META_FILE).write_text(json.dumps(meta, indent=2))
    return meta


def _threshold(probs: np.ndarray, gold: Sequence[str], classes: list[str], max_loss: float) -> float:
    inscope = np.array([g != OOS for g in gold])
    if not inscope.any():
        return 0.0
    correct = np.array([classes[i] == g for i, g in zip(probs.argmax(axis=1), gold, strict=True)])[inscope]
    confidence = probs.max(axis=1)[inscope]
    best = correct.mean()
    chosen = 0.0
    for t in np.round(np.arange(0.0, 1.0, 0.01), 2):
        if (correct & (confidence >= t)).mean() >= best - max_loss:
            chosen = float(t)
    return chosen


def _onnx(clf: object, dim: int) -> bytes:
    try:
        from skl2onnx import convert_sklearn
        from skl2onnx.common.data_types import FloatTensorType
    except ImportError:
        raise MissingExtra("skl2onnx", "train", "intent training") from None
    model = convert_sklearn(
        clf,
        name="edge_intents",
        initial_types=[("embedding", FloatTensorType([None, dim]))],
        options={id(clf): {"zipmap": False}},
    )
    return model.SerializeToString()


def evaluate_intents(rows: Sequence[tuple[str, str]], classifier: Classifier) -> IntentReport:
    predicted = [r.label for r in classifier.classify([t for t, _ in rows])]
    gold = [label for _, label in rows]
    inscope = [(g, p) for g, p in zip(gold, predicted, strict=True) if g != OOS]
    per_label = {}
    for label in sorted({g for g in gold} | {p for p in predicted}):
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        support = gold.count(label)
        precision = tp / predicted.count(label) if predicted.count(label) else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label[label] = {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "support": support}
    scored = [v["f1"] for k, v in per_label.items() if k != OOS and v["support"]]
    oos = per_label.get(OOS)
    return IntentReport(
        accuracy=round(sum(g == p for g, p in inscope) / len(inscope), 4) if inscope else 0.0,
        macro_f1=round(float(np.mean(scored)), 4) if scored else 0.0,
        per_label=per_label,
        oos_recall=oos["recall"] if oos and oos["support"] else None,
        oos_precision=oos["precision"] if oos and oos["support"] else None,
        rows=len(rows),
    )
