"""Per-engine call metrics: every engine call is timed and counted."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field


@dataclass
class CallStats:
    """Timing of one engine's calls since it was created."""

    calls: int = 0
    errors: int = 0
    total_s: float = 0.0
    last_s: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def record(self, elapsed_s: float, failed: bool = False) -> None:
        with self._lock:
            self.calls += 1
            self.errors += failed
            self.total_s += elapsed_s
            self.last_s = elapsed_s
