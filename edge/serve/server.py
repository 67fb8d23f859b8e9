"""Run the API: load every configured model, listen, say so on stdout, stop cleanly on SIGTERM or when the parent
process that started edge as a sidecar is gone."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import socket
import threading
import time
from collections.abc import Callable

import uvicorn

from edge.config import Settings
from edge.engines.threads import usable_cores
from edge.errors import ConfigError
from edge.router import Router
from edge.runtime import Runtime
from edge.serve.exposure import check_exposure
from edge.serve.openai_api import Served, create_app
from edge.serve.wyoming_servers import start_servers

PARENT_POLL_S = 1.0
ROUTER_ROLES = {"embedder", "classifier"}
"""The roles without which there is no router: a server of speech alone answers no "edge" chat."""


def serve(
    settings: Settings, host: str, port: int, parent_pid: int | None, say: Callable[[str], None], log_format: str = "text"
) -> None:
    """Blocks until stopped. ``say`` gets the lines a sidecar's parent reads: the port, then readiness. Each request is
    logged on stderr, as text or JSON lines, without its text."""
    _log_to_stderr(log_format)
    check_exposure(settings, host)
    settings = served_threads(settings)
    listener = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
    except OSError as exc:
        raise ConfigError(
            f"edge serve cannot listen on {host}:{port} ({exc.strerror})", "choose another --port, or 0 for any free one"
        ) from None
    listener.listen(2048)
    chosen = listener.getsockname()[1]
    say(f"port {chosen}")
    runtime = Runtime(settings)
    statuses = runtime.start()
    router = Router(runtime) if ROUTER_ROLES <= set(runtime.enabled_roles) else None
    served = Served(runtime, router, settings.serve)
    if router is not None:
        router.load()
        router.skills.scheduler.subscribe(served.events.fired)
        router.skills.scheduler.start()
    app = create_app(served)
    server = uvicorn.Server(
        uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off", timeout_graceful_shutdown=10)
    )
    if parent_pid:
        threading.Thread(target=_exit_with_parent, args=(parent_pid, server), daemon=True, name="edge-parent").start()
    failed = [s for s in statuses if s.state == "failed"]
    url = f"http://{host if ':' not in host else f'[{host}]'}:{chosen}/v1"
    ready = f"ready {url}" + (f" (not loaded: {', '.join(s.role for s in failed)})" if failed else "")

    async def run() -> None:
        wyoming = await start_servers(served, say)
        say(ready)
        notify_systemd("READY=1")
        try:
            await server.serve(sockets=[listener])
        finally:
            notify_systemd("STOPPING=1")
            for each in wyoming:
                each.close()

    signal.signal(signal.SIGTERM, _after_shutdown)
    try:
        asyncio.run(run())
    finally:
        if router is not None:
            router.close()
        runtime.close()


def _after_shutdown(signum: int, frame: object) -> None:
    """uvicorn shuts down on SIGTERM, then raises it again for the handler it found; this one lets the store and
    the models close instead of the process dying there."""


def _exit_with_parent(pid: int, server: object) -> None:
    while _alive(pid):
        time.sleep(PARENT_POLL_S)
    server.should_exit = True  # type: ignore[attr-defined]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class _JsonLines(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {"time": round(record.created, 3), "level": record.levelname.lower(), "logger": record.name}
        return json.dumps(entry | {"message": record.getMessage()})


def _log_to_stderr(log_format: str) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(_JsonLines() if log_format == "json" else logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger = logging.getLogger("edge.serve")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO)
    logger.propagate = False


def served_threads(settings: Settings) -> Settings:
    """TTS on every core, its threads spinning, unless tts.threads or tts.spin say otherwise. The assistant gives it
    half the cores and lets them sleep, as it speaks while the LLM writes; a server's speech request comes after its
    answer is written (Home Assistant's pipeline: transcript, conversation, speech). Half the cores made edge's first
    audio a third slower than wyoming-piper's; sleeping threads, about a tenth."""
    served = settings.model_copy(deep=True)
    if not settings.tts.threads:
        served.tts.threads = usable_cores()
    if "spin" not in settings.tts.model_fields_set:
        served.tts.spin = True
    return served


def notify_systemd(state: str) -> None:
    """Tell systemd (a Type=notify service) how the server is doing, when it gave a NOTIFY_SOCKET."""
    address = os.environ.get("NOTIFY_SOCKET")
    if not address:
        return
    target = "\0" + address[1:] if address.startswith("@") else address
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        try:
            sock.sendto(state.encode(), target)
        except OSError as exc:
            logging.getLogger("edge.serve").warning("systemd was not told %s: %s", state, exc)
