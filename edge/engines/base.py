"""The shape every engine shares: built from settings, lazy load(), unload(), warm-up, timed calls."""

from __future__ import annotations

import gc
import threading
import time
from abc import ABC, abstractmethod
from typing import ClassVar, Generic, TypeVar

from edge.config import Role, Settings
from edge.errors import EdgeError, InputError, ModelFileError
from edge.models import ModelRegistry, ResolvedModel
from edge.telemetry import CallStats

M = TypeVar("M")


class Engine(ABC, Generic[M]):
    """One model kind. Subclasses implement ``_open`` (and optionally ``_warmup``).

    ``reentrant = False`` serialises calls, for libraries such as llama.cpp whose model
    object must not be used from two threads at once: concurrent callers wait their turn.
    """

    role: ClassVar[Role]
    reentrant: ClassVar[bool] = True

    def __init__(self, settings: Settings, registry: ModelRegistry | None = None) -> None:
        self.settings = settings
        self.registry = registry or ModelRegistry(settings)
        self.stats = CallStats()
        self.model_info: ResolvedModel | None = None
        self.load_s: float | None = None
        self._model: M | None = None
        self._load_lock = threading.Lock()
        self._call_lock = threading.Lock()

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
        with self._load_lock, self._call_lock:
            self._model = None
            self.load_s = None
            gc.collect()

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
        """Load if needed, serialise when not reentrant, and time the call: ``with self._call() as model``."""
        return _Call(self)

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
        if not engine.reentrant:
            engine._call_lock.acquire()
        self.start = time.perf_counter()
        return model

    def __exit__(self, exc_type: type[BaseException] | None, *_: object) -> None:
        engine = self.engine
        failed = exc_type is not None and not issubclass(exc_type, GeneratorExit)
        engine.stats.record(time.perf_counter() - self.start, failed)
        if not engine.reentrant:
            engine._call_lock.release()
