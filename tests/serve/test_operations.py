"""edge serve as a system service and behind a web page: systemd's readiness, JSON logs, CORS."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import httpx
import pytest
from wyoming.client import AsyncTcpClient
from wyoming.info import Describe

from tests.serve.served import edge_serve

pytestmark = pytest.mark.models


def test_systemd_hears_ready_and_stopping_the_log_is_json_and_only_a_configured_origin_may_call():
    folder = Path(tempfile.mkdtemp(prefix="edge-notify-"))
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as systemd:
        systemd.bind(str(folder / "notify"))
        systemd.settimeout(120)
        env = {
            "NOTIFY_SOCKET": str(folder / "notify"),
            "EDGE_ROLES": '["embedder"]',
            "EDGE_SERVE__CORS_ORIGINS": '["http://localhost:5173"]',
        }
        with edge_serve("--log-format", "json", env=env) as server:
            assert systemd.recv(64) == b"READY=1"
            preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
            allowed = httpx.options(f"{server.api}/embeddings", headers={"Origin": "http://localhost:5173", **preflight})
            refused = httpx.options(f"{server.api}/embeddings", headers={"Origin": "http://evil.example", **preflight})
            assert allowed.headers.get("access-control-allow-origin") == "http://localhost:5173"
            assert "access-control-allow-origin" not in refused.headers
            httpx.get(f"{server.api}/models")
        assert systemd.recv(64) == b"STOPPING=1"
    assert server.process.returncode == 0, "SIGTERM should end the server cleanly"
    entries = [json.loads(line) for line in server.log.read_text().splitlines() if line.startswith("{")]
    assert any(e["message"].startswith("GET /v1/models 200") for e in entries)


def test_wyoming_turns_away_clients_not_on_its_list():
    async def describe(port: int) -> object:
        """The server's answer, or None when it closed the connection."""
        try:
            async with AsyncTcpClient("127.0.0.1", port) as client:
                await client.write_event(Describe().event())
                return await asyncio.wait_for(client.read_event(), 30)
        except ConnectionError:
            return None

    env = {"EDGE_ROLES": '["embedder"]', "EDGE_SERVE__WYOMING_CLIENTS": '["10.9.9.9"]'}
    with edge_serve(env=env) as server:
        assert asyncio.run(describe(server.wyoming["asr"])) is None
    with edge_serve(env={"EDGE_ROLES": '["embedder"]'}) as server:
        assert asyncio.run(describe(server.wyoming["asr"])) is not None


def test_a_wyoming_port_in_use_is_one_error_that_names_the_setting():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = {**os.environ, "EDGE_ROLES": '["embedder"]', "EDGE_SERVE__WYOMING_TTS__PORT": str(port)}
        done = subprocess.run(
            [sys.executable, "-m", "edge.cli", "serve", "--port", "0"], capture_output=True, text=True, env=env, timeout=120
        )
    assert done.returncode != 0 and "serve.wyoming_tts.port" in done.stderr and "Traceback" not in done.stderr
