"""A real `edge serve` in its own process, started the way an app starts its sidecar."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from edge.serve.announce import read_until_ready

TEXT_ROLES = '["embedder", "classifier", "llm"]'
"""The roles a text API needs: the server starts in a few seconds without the speech models."""


WYOMING_ANY_PORT = {f"EDGE_SERVE__WYOMING_{service}__PORT": "0" for service in ("ASR", "TTS", "HANDLE")}
"""Every server of a test on free ports, so that several can run at once."""


def escalating(cloud, policy: str = "always", **extra: str) -> dict[str, str]:
    """Settings under which every request goes to the chat route and every local answer is unsure, so each one is
    offered to ``cloud`` (a FakeCloud) under ``policy``; no key from the developer's environment goes with it."""
    for name in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY"):
        os.environ.pop(name, None)
    return {
        "EDGE_CLOUD__ENABLED": "true",
        "EDGE_CLOUD__ENDPOINT": cloud.url,
        "EDGE_CLOUD__MODEL": "gpt-test",
        "EDGE_CLOUD__ALLOWED_HOSTS": '["127.0.0.1"]',
        "EDGE_CLOUD__POLICY__CHAT": policy,
        "EDGE_CLOUD__POLICY__COMPLEX": policy,
        "EDGE_ROUTER__MIN_CONFIDENCE": "1.0",
        "EDGE_ROUTER__LOW_CONFIDENCE_ROUTE": "chat",
        "EDGE_ROUTER__TEMPLATES": "false",
        "EDGE_ROUTER__CASCADE__MIN_CONFIDENCE": "1.0",
        "EDGE_CACHE__ENABLED": "false",
        **extra,
    }


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
        announced = read_until_ready(process.stdout or ())
        if announced.url is None:
            raise RuntimeError(f"edge serve ended before it was ready: {log.read_text()}")
        yield Served(announced.url.removesuffix("/v1"), process, announced.wyoming, log)
    finally:
        process.terminate()
        process.wait(60)
