"""Stopping llama.cpp inside a decode, so that a stopped generation frees the model at once instead of after a long
prompt's evaluation."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class Abort:
    """llama.cpp's abort callback for one model. llama.cpp calls it between the nodes of each graph it computes, and
    a Python callback there takes the GIL hundreds of times a token, so it is installed only once a stop is asked for
    and removed when the generation it was asked for ends. The aborted decode returns 2 and keeps what it finished."""

    def __init__(self) -> None:
        from llama_cpp import ggml_abort_callback

        self._lock = threading.Lock()
        self._ctx: Any = None
        self._running: threading.Event | None = None
        self._installed = False
        self._callback = ggml_abort_callback(self._aborting)
        self._none = ggml_abort_callback()

    def _aborting(self, _data: object) -> bool:
        running = self._running
        return running is not None and running.is_set()

    @contextmanager
    def running(self, ctx: Any, halt: threading.Event) -> Iterator[None]:
        """The block's llama.cpp calls, on the model whose context is ``ctx``, are stopped by ``stop(halt)``: a decode
        aborted for it ends the block quietly, and the caller sees ``halt`` set."""
        self.begin(ctx, halt)
        try:
            yield
        except RuntimeError as exc:
            if not (halt.is_set() and str(exc).endswith("returned 2")):
                raise
        finally:
            self.end(halt)

    def begin(self, ctx: Any, halt: threading.Event) -> None:
        """A generation whose ``halt`` stops it holds the model (whose llama context is ``ctx``); one stopped before it
        began is aborted at its first decode."""
        with self._lock:
            self._ctx, self._running, self._installed = ctx, halt, False
        if halt.is_set():
            self.request(halt)

    def request(self, halt: threading.Event) -> None:
        """``halt`` was set: stop its generation's decode if it is the one running."""
        with self._lock:
            if self._running is halt and not self._installed:
                self._set(self._callback)
                self._installed = True

    def end(self, halt: threading.Event) -> None:
        """``halt``'s generation is over; a later one (on a model opened afresh after it got stuck) is left alone."""
        with self._lock:
            if self._running is not halt:
                return
            if self._installed:
                self._set(self._none)
                self._installed = False
            self._ctx = self._running = None

    def _set(self, callback: Any) -> None:
        from llama_cpp import llama_set_abort_callback

        llama_set_abort_callback(self._ctx, callback, None)
