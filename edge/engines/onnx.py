"""Opening an ONNX model with onnxruntime, with a clear error for a file that is not one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from edge.config import Role
from edge.engines.watchdog import WATCHDOG
from edge.errors import EngineTimeout, ModelFileError

if TYPE_CHECKING:
    from onnxruntime import InferenceSession


def open_session(path: Path, role: Role, threads: int = 0, spin: bool = False) -> InferenceSession:
    """Worker threads sleep between calls instead of spinning unless ``spin``, so an idle session takes no core from
    llama.cpp, Whisper or the audio threads (spinning tripled a query's embedding time on a busy 2-core machine)."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.add_session_config_entry("session.intra_op.allow_spinning", "1" if spin else "0")
    options.log_severity_level = 3
    try:
        return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    except Exception as exc:
        raise ModelFileError(
            f"{role} model {path} is not a loadable ONNX model ({type(exc).__name__})",
            f"point {role}.path at a valid ONNX file, or remove it to use the default",
        ) from None


def run_within(
    session: InferenceSession,
    output_names: list[str] | None,
    feeds: dict[str, Any],
    timeout_s: float,
    role: Role,
    release: bool = True,
) -> list[Any]:
    """The session's outputs, or ``EngineTimeout`` when the run takes longer than ``timeout_s``: onnxruntime stops a
    run whose terminate flag is set at its next operator, so a stuck call ends instead of holding a turn.

    With ``release`` the memory arena hands its free chunks back at the end of the run. The arena keeps what its
    largest input needed, so one batch of documents embedded or one long sentence spoken held 400 MB for the life of
    the process; releasing costs about 5 % of a batch's time."""
    import onnxruntime as ort

    options = ort.RunOptions()
    if release:
        options.add_run_config_entry("memory.enable_memory_arena_shrinkage", "cpu:0")
    try:
        with WATCHDOG.deadline(timeout_s, lambda: setattr(options, "terminate", True)):
            return session.run(output_names, feeds, options)
    except Exception:
        if options.terminate:
            raise EngineTimeout(
                f"the {role} took longer than {timeout_s:g} s and was stopped",
                f"ask again; if it repeats, raise {role}.timeout_s",
            ) from None
        raise


class GuardedSession:
    """An ``InferenceSession`` for a library that runs it itself (piper), each run under ``run_within``: stopped past
    ``timeout_s()`` seconds, and releasing its memory when its largest input holds more than ``release_above``
    values. Short inputs keep their arena: releasing after every sentence made short ones 12 % slower to say."""

    def __init__(self, session: InferenceSession, role: Role, timeout_s: Callable[[], float], release_above: int) -> None:
        self._session = session
        self._role: Role = role
        self._timeout_s = timeout_s
        self._release_above = release_above

    def run(self, output_names: list[str] | None, feeds: dict[str, Any]) -> list[Any]:
        largest = max((getattr(value, "size", 0) for value in feeds.values()), default=0)
        release = largest > self._release_above
        return run_within(self._session, output_names, feeds, self._timeout_s(), self._role, release)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._session, name)
