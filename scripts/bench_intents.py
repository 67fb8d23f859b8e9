"""CLINC150 with `edge intents`: train on train + oos_train, calibrate on val, report test.

.venv/bin/python scripts/bench_intents.py
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from edge.evaluation import eval_dir

CLINC = eval_dir() / "intent" / "clinc150_data_full.json"
TARGETS = {"accuracy": 0.93, "oos_recall": 0.60}


def main() -> int:
    if not CLINC.is_file():
        print(f"CLINC150 not found at {CLINC}: set EDGE_EVAL_DIR or clone the repo beside shared/", file=sys.stderr)
        return 1
    import edge
    from edge.engines import Classifier
    from edge.router import evaluate_intents, train_intents

    data = json.loads(CLINC.read_text())

    def split(name: str) -> list[tuple[str, str]]:
        return [(t, label) for t, label in data[name]] + [(t, "oos") for t, _ in data[f"oos_{name}"]]

    with edge.Runtime(roles=["embedder"]) as rt, tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        meta = train_intents(split("train"), out, rt.embedder, split("val"))
        train_s = time.perf_counter() - start
        settings = rt.settings.model_copy(
            update={"classifier": rt.settings.classifier.model_copy(update={"path": Path(out) / "intent-head.onnx"})}
        )
        report = evaluate_intents(split("test"), Classifier(settings, embedder=rt.embedder))
    print(f"trained on {meta['train_rows']} rows in {train_s:.1f} s; oos threshold {meta['oos_threshold']}")
    print(f"test: in-scope accuracy {report.accuracy} (target >= {TARGETS['accuracy']}), macro F1 {report.macro_f1}")
    print(f"      oos recall {report.oos_recall} (target >= {TARGETS['oos_recall']}), oos precision {report.oos_precision}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
