"""What every command shares: exit codes, output as text or JSON Lines, inputs from arguments or stdin, and
errors reported per input so that one bad input does not stop the rest."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any

from edge.errors import EdgeError, InputError

EXIT_OK, EXIT_FAILED, EXIT_CONFIG, EXIT_UNEXPECTED, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


def error(exc: EdgeError, prefix: str = "") -> None:
    print(f"error: {prefix}{exc}", file=sys.stderr)


def emit(args: argparse.Namespace, obj: Any, text: str) -> None:
    if args.json:
        print(json.dumps(plain(obj), ensure_ascii=False), flush=True)
    else:
        print(text, flush=True)


def plain(obj: Any) -> Any:
    """Dataclasses, dicts, lists and paths as JSON-ready values; keys starting with `_` are left out."""
    if is_dataclass(obj) and not isinstance(obj, type):
        return plain(asdict(obj))
    if isinstance(obj, dict):
        return {k: plain(v) for k, v in obj.items() if not k.startswith("_")}
    if isinstance(obj, (list, tuple)):
        return [plain(v) for v in obj]
    if isinstance(obj, Path):
        return str(obj)
    return obj


def items(values: list[str]) -> Iterator[str]:
    """Arguments in order; `-` expands to stdin's lines, read as strict UTF-8."""
    for value in values:
        if value != "-":
            yield value
            continue
        for number, raw in enumerate(sys.stdin.buffer, 1):
            try:
                line = raw.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError:
                raise InputError(f"stdin line {number} is not valid UTF-8", "re-encode the input as UTF-8") from None
            if line.strip():
                yield line


def each(args: argparse.Namespace, values: list[str], run: Callable[[str, int], None]) -> int:
    """Run each input; a failing one is reported and the rest still run."""
    failures = 0
    index = 0
    inputs = items(values)
    while True:
        try:
            item = next(inputs)
        except StopIteration:
            break
        except InputError as exc:
            failures += 1
            report(args, "-", exc)
            break
        index += 1
        try:
            run(item, index)
        except InputError as exc:
            failures += 1
            report(args, item, exc)
    return EXIT_FAILED if failures else EXIT_OK


def report(args: argparse.Namespace, item: str, exc: EdgeError) -> None:
    if args.json:
        print(json.dumps({"input": shorten(item), "error": exc.message, "fix": exc.fix}, ensure_ascii=False), flush=True)
    error(exc, "" if item == "-" or item in exc.message else f"{shorten(item)}: ")


def shorten(text: str, limit: int = 60) -> str:
    text = text.encode("utf-8", "replace").decode("utf-8")
    return text if len(text) <= limit else text[: limit - 1] + "…"
