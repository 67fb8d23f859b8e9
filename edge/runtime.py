"""The runtime: every engine in one process, loaded in parallel, each role ready or failed on its own."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

from edge.allocator import limit_malloc_arenas
from edge.config import ROLES, Role, Settings, load_settings
from edge.engines import Classifier, Embedder, Engine, Llm, Stt, Tts, Vad
from edge.errors import EdgeError, RoleUnavailable
from edge.models import ModelRegistry, ResolvedModel

State = Literal["ready", "failed", "not_loaded", "disabled"]
E = TypeVar("E", bound=Engine[Any])


@dataclass(frozen=True)
class RoleStatus:
    role: Role
    state: State
    model: str | None = None
    source: str | None = None
    path: str | None = None
    size: int | None = None
    verified: bool = False
    """The files matched the manifest's sha256 (False for a custom path)."""
    load_s: float | None = None
    error: str | None = None
    """One line: what went wrong and the fix."""


def _described(role: Role, state: State, info: ResolvedModel, load_s: float | None = None) -> RoleStatus:
    source = info.spec.source if info.spec else "custom path"
    return RoleStatus(role, state, info.id, source, str(info.path), info.size, info.verified, load_s)


class Runtime:
    """Owns all engines. ``start()`` loads the configured roles in parallel and never raises for a
    broken role: the role is marked failed (degraded mode) and the others work.

    >>> with Runtime() as rt:
    ...     rt.llm.chat("Hello").text
    """

    def __init__(self, settings: Settings | None = None, *, config: str | Path | None = None, **overrides: Any) -> None:
        self.settings = settings or load_settings(config, **overrides)
        limit_malloc_arenas(self.settings.malloc_arenas)
        self.registry = ModelRegistry(self.settings)
        embedder = Embedder(self.settings, self.registry)
        self.engines: dict[Role, Engine[Any]] = {
            "vad": Vad(self.settings, self.registry),
            "stt": Stt(self.settings, self.registry),
            "embedder": embedder,
            "classifier": Classifier(self.settings, self.registry, embedder),
            "llm": Llm(self.settings, self.registry),
            "tts": Tts(self.settings, self.registry),
        }
        self._errors: dict[Role, EdgeError] = {}

    def start(self) -> list[RoleStatus]:
        """Load every enabled role in parallel; with ``preload = false`` roles load on first use."""
        if self.settings.preload:
            roles = self.enabled_roles
            with ThreadPoolExecutor(max_workers=len(roles) or 1, thread_name_prefix="edge-load") as pool:
                list(pool.map(self._load, roles))
        return self.status()

    @property
    def enabled_roles(self) -> list[Role]:
        return [r for r in ROLES if r in self.settings.roles]

    def _load(self, role: Role) -> None:
        try:
            self.engines[role].load()
            self._errors.pop(role, None)
        except EdgeError as exc:
            self._errors[role] = exc

    def engine(self, role: Role) -> Engine[Any]:
        """The engine for a role; raises RoleUnavailable when it is disabled or failed to load."""
        if role not in self.settings.roles:
            raise RoleUnavailable(f"the {role} role is disabled", f"add '{role}' to roles in the config")
        engine = self.engines[role]
        if not engine.loaded:
            self._load(role)
        if role in self._errors:
            error = self._errors[role]
            raise RoleUnavailable(f"{role} is unavailable: {error.message}", error.fix)
        return engine

    def _engine(self, role: Role, kind: type[E]) -> E:
        engine = self.engine(role)
        if not isinstance(engine, kind):
            raise TypeError(f"the {role} engine is a {type(engine).__name__}, not a {kind.__name__}")
        return engine

    @property
    def vad(self) -> Vad:
        return self._engine("vad", Vad)

    @property
    def stt(self) -> Stt:
        return self._engine("stt", Stt)

    @property
    def embedder(self) -> Embedder:
        return self._engine("embedder", Embedder)

    @property
    def classifier(self) -> Classifier:
        return self._engine("classifier", Classifier)

    @property
    def llm(self) -> Llm:
        return self._engine("llm", Llm)

    @property
    def tts(self) -> Tts:
        return self._engine("tts", Tts)

    def status(self) -> list[RoleStatus]:
        return [self.role_status(role) for role in ROLES]

    def role_status(self, role: Role) -> RoleStatus:
        if role not in self.settings.roles:
            return RoleStatus(role, "disabled")
        engine = self.engines[role]
        if role in self._errors:
            return RoleStatus(role, "failed", error=str(self._errors[role]))
        if not engine.loaded or engine.model_info is None:
            return RoleStatus(role, "not_loaded")
        load_s = round(engine.load_s, 3) if engine.load_s is not None else None
        return _described(role, "ready", engine.model_info, load_s)

    def verify(self, role: Role) -> RoleStatus:
        """Check a role's files against the manifest without loading the model."""
        if role not in self.settings.roles:
            return RoleStatus(role, "disabled")
        try:
            info = self.registry.resolve(role)
        except EdgeError as exc:
            return RoleStatus(role, "failed", error=str(exc))
        return _described(role, "ready" if self.engines[role].loaded else "not_loaded", info)

    @property
    def degraded(self) -> bool:
        return bool(self._errors)

    def close(self) -> None:
        for engine in self.engines.values():
            engine.unload()

    def __enter__(self) -> Runtime:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
