import time

import pytest


@pytest.fixture
def local_zone(monkeypatch):
    """Sets this process's local time zone (``TZ``) for the test: ``local_zone("Europe/Berlin")``."""

    def use(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield use
    monkeypatch.undo()
    time.tzset()
