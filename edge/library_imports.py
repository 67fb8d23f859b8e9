"""Third-party packages imported one thread at a time.

Python's per-module import locks deadlock when two threads import the two ends of one package at once: one
imports ``faster_whisper``, whose ``__init__`` reaches ``faster_whisper.vad``, while the other imports
``faster_whisper.vad`` first and then waits for the package. The runtime loads its roles in parallel, so the
packages an engine needs are imported here, under one lock, before its model opens.
"""

from __future__ import annotations

import importlib
import threading

_lock = threading.Lock()


def import_serially(*packages: str) -> None:
    """Import ``packages`` under the process-wide lock; one that is not installed is left for the caller's own
    import to report, with the fix it names."""
    with _lock:
        for package in packages:
            try:
                importlib.import_module(package)
            except ImportError:
                continue
