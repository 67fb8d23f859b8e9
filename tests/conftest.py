from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import edge
from edge.config import Settings, load_settings
from edge.engines.base import Engine
from edge.evaluation import eval_dir
from edge.privacy.ner import SpacyNer
from tests.recordings import Recording, recording

pytest_plugins = ["tests.cloud.server"]
"""``fake_cloud``: a local HTTP server playing the cloud provider, for every test that needs one."""

_HOME = Path(tempfile.mkdtemp(prefix="edge-tests-"))
os.environ["XDG_CONFIG_HOME"] = str(_HOME / "config")
os.environ["XDG_DATA_HOME"] = str(_HOME / "data")
for _name in [n for n in os.environ if n.startswith("EDGE_") and n != "EDGE_EVAL_DIR"]:
    del os.environ[_name]

MODEL_FIXTURES = frozenset({"runtime", "detector"})
"""Fixtures that load real models; ``router`` and ``speech`` build on ``runtime``."""


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Marks ``models`` on every test that uses a model fixture and ``quality`` on every test that reads the
    evaluation data, before ``-m`` selects by them."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if fixtures & MODEL_FIXTURES:
            item.add_marker(pytest.mark.models)
        if "eval_data" in fixtures:
            item.add_marker(pytest.mark.quality)


_running: list[pytest.Item] = []
_REFUSED = pytest.StashKey[str]()
_FAILED = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Iterator[object]:
    _running.append(item)
    try:
        return (yield)
    finally:
        _running.remove(item)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item) -> Iterator[pytest.TestReport]:
    report = yield
    if report.failed:
        item.stash[_FAILED] = True
    return report


def _refuse_unless_marked(what: str) -> None:
    item = _running[-1] if _running else None
    if item is None or item.get_closest_marker("models"):
        return
    item.stash[_REFUSED] = what
    hint = "use a model fixture (runtime, router, speech, detector) or mark it with pytest.mark.models"
    pytest.fail(f"{item.nodeid} {what}: {hint}", pytrace=False)


def _refused_on_first_load(
    load: Callable[[Any], object], is_loaded: Callable[[Any], bool], what: Callable[[Any], str]
) -> Callable[[Any], object]:
    """``load`` that fails an unmarked test once it has loaded a model; a second call on a loaded one is free."""

    def guarded(model: Any) -> object:
        first = not is_loaded(model)
        result = load(model)
        if first:
            _refuse_unless_marked(what(model))
        return result

    return guarded


@pytest.fixture(scope="session", autouse=True)
def models_load_only_in_marked_tests() -> Iterator[None]:
    """Keeps the ``models`` marker true, so ``-m "not models"`` stays fast: in a test without it, a model that loads
    (in the test or in any fixture it sets up) or a CLI started in a subprocess fails the test. Refusing a broken
    model file loads nothing and is allowed."""
    popen = subprocess.Popen

    def cli_refused(args: object, *rest: object, **kwargs: object) -> subprocess.Popen:
        if "edge.cli" in str(args):
            _refuse_unless_marked("runs the CLI in a subprocess")
        return popen(args, *rest, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        engine_load = _refused_on_first_load(Engine.load, lambda e: e.loaded, lambda e: f"loads the {e.role} model")
        ner_load = _refused_on_first_load(SpacyNer.load, lambda ner: ner._nlp is not None, lambda _: "loads spaCy's NER")
        patch.setattr(Engine, "load", engine_load)
        patch.setattr(SpacyNer, "load", ner_load)
        patch.setattr(subprocess, "Popen", cli_refused)
        yield


@pytest.fixture(autouse=True)
def refused_model_loads_are_not_swallowed(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    refused = request.node.stash.get(_REFUSED, None)
    if refused and not request.node.stash.get(_FAILED, False):
        pytest.fail(f"{request.node.nodeid} {refused} without the models marker", pytrace=False)


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
    """Default settings, except that the voice speaks a text the same way every run, so a test that listens
    to it does not depend on chance."""
    return load_settings(env={}, data_dir=data_dir, tts={"noise_scale": 0.0, "noise_w_scale": 0.0})


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
