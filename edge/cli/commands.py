"""Declaring commands: each family module registers its commands, their arguments beside their handlers.

The global options (--config, --json, --debug) stand before or after a command's name. After the name they have
no default, so they do not overwrite a value given before it; given in both places, the one after the name wins.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argparse import _SubParsersAction

Handler = Callable[[argparse.Namespace], int]


def global_options(*, with_defaults: bool) -> argparse.ArgumentParser:
    def default(value: object) -> object:
        return value if with_defaults else argparse.SUPPRESS

    options = argparse.ArgumentParser(add_help=False)
    options.add_argument(
        "--config",
        type=Path,
        default=default(None),
        help="TOML settings file (default: $EDGE_CONFIG or ~/.config/edge/config.toml)",
    )
    options.add_argument(
        "--json", action="store_true", default=default(False), help="machine-readable output: one JSON object per line"
    )
    options.add_argument("--debug", action="store_true", default=default(False), help="show tracebacks of unexpected errors")
    return options


class Commands:
    """A level of commands (`edge COMMAND`, `edge kb ACTION`) that family modules add their commands to."""

    def __init__(self, subparsers: _SubParsersAction[argparse.ArgumentParser], options: argparse.ArgumentParser) -> None:
        self._subparsers = subparsers
        self._options = options

    def add(self, name: str, handler: Handler, help: str) -> argparse.ArgumentParser:
        parser = self._subparsers.add_parser(name, parents=[self._options], help=help, description=help)
        parser.set_defaults(handler=handler)
        return parser

    def group(self, name: str, help: str) -> Commands:
        parser = self._subparsers.add_parser(name, parents=[self._options], help=help, description=help)
        return Commands(parser.add_subparsers(metavar="ACTION"), self._options)
