from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np
import pytest
from scipy.signal import resample_poly

from edge.config import load_settings
from edge.router.router import Router
from edge.runtime import Runtime
from edge.store.database import Database


@pytest.fixture(scope="session")
def speech(runtime) -> Callable[[str], np.ndarray]:
    """Speech for a text at 16 kHz, spoken by the installed piper voice, with a quarter second of silence before."""
    cache: dict[str, np.ndarray] = {}

    def say(text: str) -> np.ndarray:
        if text not in cache:
            tts = runtime.tts
            pcm = np.concatenate([c.samples for c in tts.synthesize(text)]).astype(np.float32) / 32768
            voice = resample_poly(pcm, 16_000, tts.sample_rate).astype(np.float32)
            cache[text] = np.concatenate([np.zeros(4_000, dtype=np.float32), voice])
        return cache[text]

    return say


@pytest.fixture(scope="module")
def router(runtime, tmp_path_factory) -> Iterator[Router]:
    """A router on its own store with no answer cache, so every question reaches the models; the session's
    loaded engines are shared."""
    settings = load_settings(env={}, data_dir=runtime.settings.data_dir, cache={"enabled": False})
    own = Runtime(settings)
    own.engines = runtime.engines
    db = Database(tmp_path_factory.mktemp("voice") / "edge.db")
    with Router(own, db=db) as r:
        yield r
    db.close()
