"""Opening an ONNX model with onnxruntime, with a clear error for a file that is not one."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from edge.config import Role
from edge.errors import EngineTimeout, ModelFileError

if TYPE_CHECKING:
    import numpy as np
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


def run_within(session: InferenceSession, feeds: dict[str, Any], timeout_s: float, role: Role) -> np.ndarray:
    """The session's first output, or ``EngineTimeout`` when the run takes longer than ``timeout_s``: onnxruntime
    stops a run whose terminate flag is set at its next operator, so a stuck call ends instead of holding a turn."""
    import onnxruntime as ort

    options = ort.RunOptions()
    timer = threading.Timer(timeout_s, setattr, (options, "terminate", True))
    timer.daemon = True
    timer.start()
    try:
        return session.run(None, feeds, options)[0]
    except Exception:
        if options.terminate:
            raise EngineTimeout(
                f"the {role} took longer than {timeout_s:g} s and was stopped",
                f"ask again; if it repeats, raise {role}.timeout_s",
            ) from None
        raise
    finally:
        timer.cancel()
