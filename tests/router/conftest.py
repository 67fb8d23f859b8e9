import pytest

from edge.store.database import Database


@pytest.fixture(autouse=True)
def no_keys(monkeypatch):
    """Router tests that reach a cloud reach the local fake one, which needs no key: none from the developer's
    environment is sent to it."""
    for name in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def db(tmp_path):
    """The test's own store file."""
    database = Database(tmp_path / "edge.db")
    yield database
    database.close()
