"""The `edge` command. Every error prints as one line naming the fix; no tracebacks (unless --debug).

Commands taking TEXT or FILE take several, or `-` to read one per line from stdin; with --json
each result is one JSON object on its own line (JSON Lines).

One module per command family declares its commands' arguments beside their handlers. The edge modules they
import load models, spaCy and httpx only when used, so only the Textual interface is imported inside its command.
"""

from __future__ import annotations

import argparse
import sys
import warnings

from edge.cli import cloud, core, intents, kb, serve, store, voice
from edge.cli.commands import Commands, Handler, global_options
from edge.cli.console import EXIT_CONFIG, EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_UNEXPECTED, error
from edge.config import RetiredSetting
from edge.errors import ConfigError, EdgeError

FAMILIES = (core, voice, cloud, kb, store, intents, serve)


def build_parser() -> argparse.ArgumentParser:
    description = (__doc__ or "").splitlines()[0]
    parser = argparse.ArgumentParser(prog="edge", description=description, parents=[global_options(with_defaults=True)])
    parser.set_defaults(handler=None)
    commands = Commands(parser.add_subparsers(title="commands", metavar="COMMAND"), global_options(with_defaults=False))
    for family in FAMILIES:
        family.register(commands)
    return parser


def _one_line_warning(message: Warning | str, category: type[Warning], *_: object, **__: object) -> None:
    print(f"warning: {message}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = args.handler
    if handler is None:
        parser.print_help()
        return EXIT_FAILED
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always", RetiredSetting)
            warnings.showwarning = _one_line_warning
            return handler(args)
    except ConfigError as exc:
        error(exc)
        return EXIT_CONFIG
    except EdgeError as exc:
        error(exc)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:
        if args.debug:
            raise
        print(f"error: unexpected {type(exc).__name__}: {exc}. Fix: rerun with --debug and report the traceback", file=sys.stderr)
        return EXIT_UNEXPECTED
