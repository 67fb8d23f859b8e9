from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

import edge
from edge.config import Settings, load_settings
from edge.evaluation import eval_dir
from edge.evaluation.metrics import normalize_words

pytest_plugins = ["tests.cloud.server"]
"""``fake_cloud``: a local HTTP server playing the cloud provider, for every test that needs one."""

_HOME = Path(tempfile.mkdtemp(prefix="edge-tests-"))
os.environ["XDG_CONFIG_HOME"] = str(_HOME / "config")
os.environ["XDG_DATA_HOME"] = str(_HOME / "data")
for _name in [n for n in os.environ if n.startswith("EDGE_") and n != "EDGE_EVAL_DIR"]:
    del os.environ[_name]

EVAL = eval_dir()


def eval_path(*parts: str) -> Path:
    path = EVAL.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"evaluation data {path} is absent: set EDGE_EVAL_DIR to the folder holding it")
    return path


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return _HOME / "data" / "edge"


@pytest.fixture(scope="session")
def settings(data_dir: Path) -> Settings:
    return load_settings(env={}, data_dir=data_dir)


@pytest.fixture(scope="session")
def runtime(settings: Settings) -> Iterator[edge.Runtime]:
    with edge.Runtime(settings) as rt:
        yield rt


@pytest.fixture(scope="session")
def jfk() -> Path:
    return eval_path("speech", "jfk.flac")


JFK_WORDS = "and so my fellow americans ask not what your country can do for you ask what you can do for your country"


words = normalize_words


@pytest.fixture
def silence() -> np.ndarray:
    return np.zeros(16_000 * 2, dtype=np.float32)


@pytest.fixture
def copy_of(tmp_path: Path):
    def copy(path: Path, name: str | None = None) -> Path:
        target = tmp_path / (name or path.name)
        shutil.copy(path, target)
        return target

    return copy
