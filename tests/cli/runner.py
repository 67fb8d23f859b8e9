"""Running `edge` as a user does: in this process (fast, the default) or as a subprocess (for the smoke tests)."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from unittest.mock import patch

from edge.cli import main

MODULE = (sys.executable, "-m", "edge.cli")


@dataclass(frozen=True)
class Result:
    returncode: int
    stdout: str
    stderr: str


def edge_cli(*args: str, stdin: bytes = b"", env: dict[str, str] | None = None) -> Result:
    """`edge ARGS` called in this process, with its own stdin, stdout, stderr and environment, as sqlite-utils'
    CliRunner runs its command line."""
    stdout, stderr = io.StringIO(), io.StringIO()
    with patch.dict(os.environ, env or {}), _stdin(stdin), contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = main(list(args))
    return Result(code, stdout.getvalue(), stderr.getvalue())


def edge_process(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None, command: Sequence[str] = MODULE
) -> Result:
    """`python -m edge.cli ARGS` (or another command starting edge) in a new process."""
    done = subprocess.run(
        [*command, *args],
        input=stdin,
        capture_output=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )
    return Result(done.returncode, done.stdout.decode(), done.stderr.decode())


@contextlib.contextmanager
def _stdin(data: bytes) -> Iterator[None]:
    original = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    try:
        yield
    finally:
        sys.stdin = original


def one_line_error(result: Result) -> str:
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, result.stderr
    assert "Fix:" in lines[0]
    return lines[0]


def jsonl(result: Result) -> list[dict[str, Any]]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
