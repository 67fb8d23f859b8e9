import pytest

from tests.tui.helpers import close, make_router


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def no_keys(monkeypatch):
    """The local server needs no key; none from the developer's environment is sent to it."""
    for name in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="module")
def router(runtime, tmp_path_factory):
    """One started router per test module, on its own store, sharing the session's loaded models."""
    router = make_router(runtime, tmp_path_factory.mktemp("tui") / "edge.db")
    yield router
    close(router)
