"""The shape every engine shares: built from settings, lazy load(), unload(), warm-up, timed calls."""

from __future__ import annotations

import gc
import logging
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import contextmanager
from typing import ClassVar, Generic, TypeVar

from edge.config import Role, Settings
from edge.errors import EdgeError, InputError, ModelFileError
from edge.library_imports import import_serially
from edge.models import ModelRegistry, ResolvedModel
from edge.telemetry import CallStats

M = TypeVar("M")
log = logging.getLogger(__name__)

WAIT_STEP_S = 0.5
"""How often a caller waiting its turn on a non-reentrant engine looks whether the one holding it is stuck."""


class Engine(ABC, Generic[M]):
    """One model kind. Subclasses implement ``_open`` (and optionally ``_warmup``).

    ``reentrant = False`` serialises calls, for libraries such as llama.cpp whose model
    object must not be used from two threads at once: concurrent callers wait their turn (``_turn``). A turn whose
    library call has run longer than ``stuck_after_s`` is taken for stuck inside native code that no stop flag
    reaches: the next caller opens the model afresh and goes on, and the stuck call keeps the old one until it ends.
    """

    role: ClassVar[Role]
    reentrant: ClassVar[bool] = True
    libraries: ClassVar[tuple[str, ...]] = ()
    """The packages ``_open`` imports, imported first one thread at a time (see ``edge.library_imports``)."""

    def __init__(self, settings: Settings, registry: ModelRegistry | None = None) -> None:
        self.settings = settings
        self.registry = registry or ModelRegistry(settings)
        self.stats = CallStats()
        self.model_info: ResolvedModel | None = None
        self.load_s: float | None = None
        self._model: M | None = None
        self._load_lock = threading.Lock()
        self._call_lock = threading.Lock()
        self._holder: _Turn[M] | None = None
        self.reopened = 0
        """How many times a stuck call made this engine open its model afresh."""

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def load(self) -> None:
        """Resolve, verify and open the model, then warm it up. Safe to call twice or from several threads."""
        with self._load_lock:
            if self._model is not None:
                return
            start = time.perf_counter()
            info = self.registry.resolve(self.role)
            import_serially(*self.libraries)
            model = self._open(info)
            self._model, self.model_info = model, info
            try:
                self._warmup()
            except EdgeError:
                self._model = None
                raise
            except Exception as exc:
                self._model = None
                raise ModelFileError(
                    f"{self.role} model {info.path} loaded but failed its warm-up run ({exc})",
                    f"check that it is a {self.role} model of the expected kind, or remove its path from the config",
                ) from exc
            self.load_s = time.perf_counter() - start

    def unload(self) -> None:
        """Drop the model once the call running on it ends; a stuck call is not waited for, and keeps it."""
        with self._load_lock:
            lock = self._call_lock
            while not (free := lock.acquire(timeout=WAIT_STEP_S)):
                if self._stuck_on(lock):
                    break
            try:
                self._model, self._holder = None, None
                self.load_s = None
                gc.collect()
            finally:
                if free:
                    lock.release()

    @property
    def model(self) -> M:
        if self._model is None:
            self.load()
        assert self._model is not None
        return self._model

    @abstractmethod
    def _open(self, info: ResolvedModel) -> M:
        """Build the library object from verified files; raise ModelFileError on a bad file."""

    def _warmup(self) -> None:
        """Run one tiny call so the first real call pays no one-off cost."""

    def _call(self) -> _Call[M]:
        """Load if needed and time the call: ``with self._call() as model`` (reentrant engines)."""
        return _Call(self)

    def _turn(self) -> _Turn[M]:
        """Load if needed, wait for this caller's turn and time the call: ``with self._turn() as turn``, then
        ``turn.model``; yield to the caller's reader inside ``with turn.paused()`` (engines with ``reentrant = False``)."""
        return _Turn(self)

    @property
    def stuck_after_s(self) -> float:
        """How long one library call of a turn may run before the engine is taken for stuck; never, unless the
        engine says."""
        return float("inf")

    def _wait_turn(self, turn: _Turn[M]) -> None:
        while True:
            lock = self._call_lock
            if lock.acquire(timeout=WAIT_STEP_S):
                if lock is self._call_lock:
                    turn.lock, self._holder = lock, turn
                    return
                lock.release()
                continue
            if self._stuck_on(lock):
                self._reopen(lock)

    def _stuck_on(self, lock: threading.Lock) -> bool:
        """Whether the turn holding ``lock`` has been inside one library call longer than ``stuck_after_s``."""
        holder = self._holder
        return holder is not None and holder.lock is lock and holder.stuck_for() > self.stuck_after_s

    def _reopen(self, stuck: threading.Lock) -> None:
        """A fresh model for the callers after a stuck one; the stuck call keeps its own until it returns."""
        with self._load_lock:
            if self._call_lock is not stuck or self.model_info is None:
                return
            waited = self._holder.stuck_for() if self._holder is not None else 0.0
            self._model = self._open(self.model_info)
            self._call_lock, self._holder = threading.Lock(), None
            self.reopened += 1
        log.warning("the %s was inside one call for %.0f s; its model was opened afresh", self.role, waited)

    def _check_text(self, text: str, what: str = "text") -> str:
        if not isinstance(text, str):
            raise InputError(f"{what} must be a string, got {type(text).__name__}", f"pass {what} as str")
        if not text.strip():
            raise InputError(f"{what} is empty", f"give the {self.role} some words")
        limit = self.settings.max_text_chars
        if len(text) > limit:
            raise InputError(
                f"{what} is {len(text):,} characters; the limit is {limit:,}",
                "split the text into smaller pieces, or raise max_text_chars in the config",
            )
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise InputError(f"{what} is not valid UTF-8", "re-encode the input as UTF-8") from None
        return text


class _Call(Generic[M]):
    """A plain context manager rather than @contextmanager: it sits on every call's hot path."""

    __slots__ = ("engine", "start")

    def __init__(self, engine: Engine[M]) -> None:
        self.engine = engine
        self.start = 0.0

    def __enter__(self) -> M:
        engine = self.engine
        model = engine._model if engine._model is not None else engine.model
        self.start = time.perf_counter()
        return model

    def __exit__(self, exc_type: type[BaseException] | None, *_: object) -> None:
        failed = exc_type is not None and not issubclass(exc_type, GeneratorExit)
        self.engine.stats.record(time.perf_counter() - self.start, failed)


class _Turn(Generic[M]):
    """One caller's turn on a non-reentrant engine: its model, its lock, and since when it has been inside the
    library (None while it is paused, handing a result to its reader)."""

    __slots__ = ("engine", "start", "lock", "model", "inside_since")
    lock: threading.Lock
    model: M

    def __init__(self, engine: Engine[M]) -> None:
        self.engine = engine
        self.start = 0.0
        self.inside_since: float | None = None

    def __enter__(self) -> _Turn[M]:
        engine = self.engine
        model = engine._model if engine._model is not None else engine.model
        engine._wait_turn(self)
        self.model = engine._model if engine._model is not None else model
        self.start = self.inside_since = time.perf_counter()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *_: object) -> None:
        engine = self.engine
        failed = exc_type is not None and not issubclass(exc_type, GeneratorExit)
        engine.stats.record(time.perf_counter() - self.start, failed)
        if engine._holder is self:
            engine._holder = None
        self.lock.release()

    def stuck_for(self) -> float:
        since = self.inside_since
        return 0.0 if since is None else time.perf_counter() - since

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Around a ``yield`` to the caller's reader: a slow reader is not a stuck library."""
        self.inside_since = None
        try:
            yield
        finally:
            self.inside_since = time.perf_counter()
