from __future__ import annotations

import pytest

from edge.privacy.detector import Detector


@pytest.fixture(scope="session")
def detector() -> Detector:
    found = Detector()
    found.load()
    return found
