"""Evaluation data and scoring, used by benchmarks and quality tests, never by the runtime (it is left out of the wheel).

The evaluation sets live outside the repository; ``EDGE_EVAL_DIR`` says where, by default ``../shared/eval`` beside it.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent


def eval_dir() -> Path:
    """The folder holding the evaluation sets: ``$EDGE_EVAL_DIR``, or ``<repo>/../shared/eval``."""
    configured = os.environ.get("EDGE_EVAL_DIR")
    return Path(configured).expanduser() if configured else REPO.parent / "shared" / "eval"
