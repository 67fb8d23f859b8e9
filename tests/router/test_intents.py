import csv
import json
from pathlib import Path

import pytest

from edge.engines import Classifier
from edge.errors import InputError
from edge.router import evaluate_intents, read_rows, train_intents
from tests.cli.runner import edge_cli, jsonl, one_line_error

DATA = Path(__file__).resolve().parent.parent / "data"
INTENTS = ["balance", "transfer", "timer", "weather", "translate", "recipe", "flight_status", "alarm"]


@pytest.fixture(scope="module")
def clinc(eval_data) -> dict[str, list[tuple[str, str]]]:
    data = json.loads((eval_data / "intent" / "clinc150_data_full.json").read_text())

    def split(name: str, oos_rows: int) -> list[tuple[str, str]]:
        rows = [(t, label) for t, label in data[name] if label in INTENTS]
        return rows + [(t, "oos") for t, _ in data[f"oos_{name}"][:oos_rows]]

    return {"train": split("train", 100), "val": split("val", 100), "test": split("test", 300)}


def write_csv(path: Path, rows: list[tuple[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["text", "label"])
        writer.writerows(rows)
    return path


@pytest.fixture(scope="module")
def trained(clinc, runtime, tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("intents")
    return out, train_intents(clinc["train"], out, runtime.embedder, clinc["val"])


def test_training_writes_a_head_its_labels_and_a_calibrated_threshold(trained):
    out, meta = trained
    assert {p.name for p in out.iterdir()} >= {"intent-head.onnx", "labels.json", "intents.json"}
    assert sorted(json.loads((out / "labels.json").read_text())) == sorted(INTENTS)
    assert 0.0 < meta["oos_threshold"] < 1.0 and meta["labels"] == len(INTENTS)


def test_held_out_requests_are_labelled_and_out_of_scope_ones_rejected(trained, clinc, settings, runtime):
    out, _ = trained
    custom = settings.model_copy(update={"classifier": settings.classifier.model_copy(update={"path": out / "intent-head.onnx"})})
    report = evaluate_intents(clinc["test"], Classifier(custom, embedder=runtime.embedder))
    assert report.accuracy >= 0.9 and report.macro_f1 >= 0.85
    assert report.oos_recall is not None and report.oos_recall >= 0.5 and report.oos_precision >= 0.6
    assert set(report.per_label) == {*INTENTS, "oos"} and report.rows == len(clinc["test"])


def test_without_calibration_rows_a_share_of_the_data_is_held_out(runtime, tmp_path):
    rows = read_rows(DATA / "intents.csv")
    meta = train_intents(rows, tmp_path, runtime.embedder)
    assert meta["calibration_rows"] == pytest.approx(0.15 * len(rows), abs=2)


def test_one_label_is_not_enough(runtime, tmp_path):
    with pytest.raises(InputError, match="at least two labels"):
        train_intents([("hi", "greet"), ("hello", "greet"), ("asdf", "oos")] * 5, tmp_path, runtime.embedder)


@pytest.mark.parametrize(
    "content, message",
    [("text;label\nhi;greet\n", "expected text,label"), ("text,label\n", "no rows"), (b"text,label\n\xff\xfe,x\n", "not UTF-8")],
)
def test_bad_csv_files_are_one_clear_error(tmp_path, content, message):
    path = tmp_path / "data.csv"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(InputError, match=message):
        read_rows(path)


@pytest.mark.models
def test_the_cli_trains_and_evaluates_with_the_documented_json(clinc, tmp_path):
    train = write_csv(tmp_path / "train.csv", clinc["train"])
    test = write_csv(tmp_path / "test.csv", clinc["test"])
    trained = edge_cli("intents", "train", str(train), "--out", str(tmp_path / "model"), "--json")
    assert trained.returncode == 0, trained.stderr
    (report,) = jsonl(edge_cli("intents", "eval", str(test), "--model", str(tmp_path / "model"), "--json"))
    assert {"accuracy", "macro_f1", "per_label", "oos_recall", "oos_precision"} <= set(report)
    assert report["accuracy"] >= 0.9


@pytest.mark.models
def test_evaluating_a_folder_without_a_model_names_the_fix(tmp_path):
    data = write_csv(tmp_path / "d.csv", [("hi", "greet")])
    result = edge_cli("intents", "eval", str(data), "--model", str(tmp_path))
    assert result.returncode == 1 and "edge intents train" in one_line_error(result)
