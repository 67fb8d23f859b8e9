"""`edge serve`: the OpenAI-compatible API on this machine, for other programs."""

from __future__ import annotations

import argparse

from edge.cli import services
from edge.cli.commands import Commands
from edge.cli.console import EXIT_OK
from edge.errors import MissingExtra


def register(commands: Commands) -> None:
    p = commands.add("serve", cmd_serve, "serve the OpenAI-compatible API (chat, embeddings) on 127.0.0.1:8088")
    p.add_argument("--host", help="address to listen on (default serve.host, 127.0.0.1); others need serve.api_keys")
    p.add_argument("--port", type=int, help="port (default serve.port, 8088); 0 picks a free one, printed as 'port N'")
    p.add_argument("--parent-pid", type=int, metavar="PID", help="exit when this process is gone (edge as an app's sidecar)")
    p.add_argument("--log-format", choices=("text", "json"), default="text", help="request logs on stderr, never their text")


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        from edge.serve.server import serve
    except ModuleNotFoundError as exc:
        raise MissingExtra(exc.name or "starlette", "serve", "edge serve") from None

    settings = services.settings(args)
    host = args.host or settings.serve.host
    port = settings.serve.port if args.port is None else args.port
    serve(settings, host, port, args.parent_pid, lambda line: print(line, flush=True), args.log_format)
    return EXIT_OK
