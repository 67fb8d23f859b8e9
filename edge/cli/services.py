"""What commands are built on (settings, store, runtime, router, the cloud consent prompt), made from their options."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from edge.config import Role, Settings, load_settings
from edge.privacy.policy import Consent, ConsentRequest
from edge.router import Router
from edge.runtime import Runtime
from edge.store.database import Database


def settings(args: argparse.Namespace) -> Settings:
    return load_settings(args.config)


def store(args: argparse.Namespace) -> Database:
    return Database(settings(args).store_path)


def runtime(args: argparse.Namespace, roles: list[Role], **overrides: Any) -> Runtime:
    """A runtime that loads these roles on first use."""
    return Runtime(config=args.config, roles=roles, preload=False, **overrides)


def router(args: argparse.Namespace) -> Router:
    """The router for text requests: no speech models."""
    return Router(runtime(args, ["embedder", "classifier", "llm"]), consent=consent(args))


def voice_router(args: argparse.Namespace) -> Router:
    return Router(Runtime(config=args.config), consent=consent(args))


def consent(args: argparse.Namespace) -> Consent | None:
    """Under the 'ask' policy: --yes approves; on a terminal the user sees the masked request and answers;
    otherwise nobody can be asked and nothing is sent."""
    if getattr(args, "yes", False):
        return lambda request: True
    if not sys.stdin.isatty():
        return None

    def ask(request: ConsentRequest) -> bool:
        masked = ", ".join(f"{n} {kind}" for kind, n in sorted(request.entities.items())) or "nothing"
        print(
            f"\nSend this to {request.host} ({request.model})? Masked: {masked}; {request.payload_bytes} bytes.", file=sys.stderr
        )
        for message in request.messages:
            print(f"  [{message['role']}] {message['content']}", file=sys.stderr)
        return input("Send? [y/N] ").strip().lower() in ("y", "yes")

    return ask
