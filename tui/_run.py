"""``edge assistant``: build the router with the app's consent dialog, run the app, close the router."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from edge.router import Router
from tui.app import AssistantApp

CLOSE_WAIT_S = 60.0
"""How long quitting waits for models still loading before closing the router under them."""


def run(config: str | Path | None = None, inputs: Sequence[Path | str] = (), speak: bool | None = None) -> int:
    app = AssistantApp(lambda consent: Router(config=config, consent=consent), inputs=inputs, speak=speak)
    try:
        app.run()
    finally:
        app.loaded.wait(CLOSE_WAIT_S)
        if app.router is not None:
            app.router.close()
    return app.return_code or 0
