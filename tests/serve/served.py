"""A real `edge serve` in its own process, started the way an app starts its sidecar."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

TEXT_ROLES = '["embedder", "classifier", "llm"]'
"""The roles a text API needs: the server starts in a few seconds without the speech models."""


WYOMING_ANY_PORT = {f"EDGE_SERVE__WYOMING_{service}__PORT": "0" for service in ("ASR", "TTS", "HANDLE")}
"""Every server of a test on free ports, so that several can run at once."""


@dataclass(frozen=True)
class Served:
    url: str
    process: subprocess.Popen[str]
    wyoming: dict[str, int]
    """Service ("asr", "tts", "handle") -> port."""
    log: Path
    """What the server wrote on stderr."""

    @property
    def api(self) -> str:
        return f"{self.url}/v1"


@contextmanager
def edge_serve(*args: str, env: dict[str, str] | None = None, parent: int | None = None) -> Iterator[Served]:
    """`edge serve --port 0` with the test's isolated home, until its "ready" line; stopped with SIGTERM after."""
    command = [sys.executable, "-m", "edge.cli", "serve", "--port", "0", "--parent-pid", str(parent or os.getpid()), *args]
    environment = {**os.environ, "EDGE_ROLES": TEXT_ROLES, **WYOMING_ANY_PORT, **(env or {})}
    log = Path(tempfile.mkdtemp(prefix="edge-serve-")) / "stderr.log"
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log.open("w"), text=True, env=environment)
    try:
        port = None
        wyoming: dict[str, int] = {}
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            line = process.stdout.readline() if process.stdout else ""
            if not line:
                raise RuntimeError(f"edge serve ended before it was ready: {log.read_text()}")
            if line.startswith("port "):
                port = int(line.split()[1])
            if line.startswith("wyoming-"):
                service, _, number = line.split()
                wyoming[service.removeprefix("wyoming-")] = int(number)
            if line.startswith("ready"):
                break
        yield Served(f"http://127.0.0.1:{port}", process, wyoming, log)
    finally:
        process.terminate()
        process.wait(60)
