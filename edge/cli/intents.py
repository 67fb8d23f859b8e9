"""Custom intent models: intents train and intents eval."""

from __future__ import annotations

import argparse
from pathlib import Path

from edge.cli import services
from edge.cli.commands import Commands
from edge.cli.console import EXIT_OK, emit
from edge.errors import InputError
from edge.router import evaluate_intents, read_rows, train_intents
from edge.router.intents import MODEL_FILE


def register(commands: Commands) -> None:
    intents = commands.group("intents", "train and evaluate custom intent models")
    p = intents.add("train", cmd_intents_train, "train an intent head on a CSV of text,label (label oos: out of scope)")
    p.add_argument("data", type=Path, metavar="DATA.csv")
    p.add_argument(
        "--out", type=Path, required=True, metavar="DIR", help="folder for intent-head.onnx, labels.json, intents.json"
    )
    p.add_argument(
        "--calibrate", type=Path, metavar="VAL.csv", help="held-out rows for the oos threshold (default: 15%% of DATA)"
    )
    p = intents.add("eval", cmd_intents_eval, "accuracy, macro F1, per-label scores and oos recall/precision")
    p.add_argument("data", type=Path, metavar="DATA.csv")
    p.add_argument("--model", type=Path, required=True, metavar="DIR", help="a folder written by `edge intents train`")


def cmd_intents_train(args: argparse.Namespace) -> int:
    rows = read_rows(args.data)
    calibration = read_rows(args.calibrate) if args.calibrate else None
    meta = train_intents(rows, args.out, services.runtime(args, ["embedder"]).embedder, calibration)
    emit(args, {"out": args.out, **meta}, f"wrote {args.out}: {meta['labels']} labels, oos threshold {meta['oos_threshold']}")
    return EXIT_OK


def cmd_intents_eval(args: argparse.Namespace) -> int:
    model = args.model / MODEL_FILE
    if not model.is_file():
        raise InputError(f"{args.model} holds no {MODEL_FILE}", "train one with: edge intents train DATA.csv --out DIR")
    runtime = services.runtime(args, ["embedder", "classifier"], classifier={"path": model})
    report = evaluate_intents(read_rows(args.data), runtime.classifier)
    oos = f", oos recall {report.oos_recall}, oos precision {report.oos_precision}" if report.oos_recall is not None else ""
    emit(args, report, f"accuracy {report.accuracy}, macro F1 {report.macro_f1}{oos} ({report.rows} rows)")
    return EXIT_OK
