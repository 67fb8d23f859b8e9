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
from tests.recordings import Recording, recording

pytest_plugins = ["tests.cloud.server"]
"""``fake_cloud``: a local HTTP server playing the cloud provider, for every test that needs one."""

_HOME = Path(tempfile.mkdtemp(prefix="edge-tests-"))
os.environ["XDG_CONFIG_HOME"] = str(_HOME / "config")
os.environ["XDG_DATA_HOME"] = str(_HOME / "data")
for _name in [n for n in os.environ if n.startswith("EDGE_") and n != "EDGE_EVAL_DIR"]:
    del os.environ[_name]


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Marks ``quality`` on every test that reads the evaluation data, before ``-m`` selects by it."""
    for item in items:
        if "eval_data" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.quality)


@pytest.fixture(scope="session")
def eval_data() -> Path:
    """The evaluation sets (EDGE_EVAL_DIR); a quality test that uses them skips when they are absent."""
    path = eval_dir()
    if not path.is_dir():
        pytest.skip(f"evaluation data absent at {path}: set EDGE_EVAL_DIR to the folder holding it")
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
def speech_clip() -> Recording:
    """11.6 s of a LibriVox reader: three sentences with pauses between them."""
    return recording("austen-ill-disposed.flac")


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
