"""The Textual voice assistant. It uses only edge's public API (``import edge``).

>>> import tui
>>> raise SystemExit(tui.run(config=None, inputs=["question.wav"]))
"""

from tui._run import run
from tui.app import AssistantApp

__all__ = ["AssistantApp", "run"]
