"""The model manifest: where each default model's files come from, and their verification.

Every default model ships in a registry package (or is committed under models/), so nothing
is fetched at run time. A file is checked against its manifest sha256 before first load; the
result is cached by (path, size, mtime) so a start does not re-hash hundreds of MB.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from edge.config import Role, Settings
from edge.errors import ModelFileError, install_extra

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SETUP_FIX = "run scripts/setup (it reinstalls the model packages and verifies them)"
STT_ALIASES = {"tiny.en": "whisper-tiny.en", "base": "whisper-base"}


def models_dir() -> Path:
    """models/ in a source checkout, or its copy inside an installed wheel."""
    packaged = Path(__file__).parent / "_models"
    return packaged if packaged.is_dir() else Path(__file__).parent.parent / "models"


@dataclass(frozen=True)
class FileSource:
    """One file of a model: inside an installed package, committed under models/, or joined from parts."""

    name: str
    sha256: str
    size: int
    package: str | None = None
    path: str | None = None
    repo: str | None = None
    parts: tuple[FileSource, ...] = ()


@dataclass(frozen=True)
class ModelSpec:
    id: str
    role: Role
    default: bool
    engine: str
    quantization: str
    license: str
    source: str
    files: tuple[FileSource, ...]
    extra: str | None = None


@dataclass(frozen=True)
class ResolvedModel:
    """A model ready to load: its file paths by name, and whether they passed the manifest check."""

    id: str
    role: Role
    files: dict[str, Path]
    verified: bool
    spec: ModelSpec | None = None

    @property
    def path(self) -> Path:
        return next(iter(self.files.values()))

    @property
    def size(self) -> int:
        return sum(p.stat().st_size for p in self.files.values() if p.is_file())


@dataclass
class Manifest:
    models: dict[str, ModelSpec] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None = None) -> Manifest:
        path = path or models_dir() / "manifest.toml"
        with path.open("rb") as f:
            raw = tomllib.load(f)
        return cls({mid: _spec(mid, entry) for mid, entry in raw["models"].items()})

    def default(self, role: Role) -> ModelSpec:
        return next(spec for spec in self.models.values() if spec.role == role and spec.default)


def _file(entry: dict[str, Any]) -> FileSource:
    parts = tuple(_file(p) for p in entry.get("parts", ()))
    return FileSource(
        name=entry.get("name", ""),
        sha256=entry["sha256"],
        size=entry["size"],
        package=entry.get("package"),
        path=entry.get("path"),
        repo=entry.get("repo"),
        parts=parts,
    )


def _spec(mid: str, entry: dict[str, Any]) -> ModelSpec:
    return ModelSpec(
        id=mid,
        role=entry["role"],
        default=entry.get("default", False),
        engine=entry["engine"],
        quantization=entry["quantization"],
        license=entry["license"],
        source=entry["source"],
        files=tuple(_file(f) for f in entry["files"]),
        extra=entry.get("extra"),
    )


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(chunk):
            digest.update(block)
    return digest.hexdigest()


class VerificationCache:
    """sha256 results keyed by path, valid while size and mtime are unchanged."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._entries: dict[str, list[Any]] | None = None

    def _load(self) -> dict[str, list[Any]]:
        if self._entries is None:
            try:
                self._entries = json.loads(self.path.read_text())
            except (OSError, ValueError):
                self._entries = {}
        return self._entries

    def sha256(self, path: Path) -> str:
        stat = path.stat()
        key = str(path.resolve())
        with self._lock:
            cached = self._load().get(key)
        if cached and cached[0] == stat.st_size and cached[1] == stat.st_mtime_ns:
            return cached[2]
        digest = sha256_file(path)
        with self._lock:
            self._load()[key] = [stat.st_size, stat.st_mtime_ns, digest]
            self._save()
        return digest

    def _save(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".verified-")
            with os.fdopen(fd, "w") as f:
                json.dump(self._entries, f)
            os.replace(tmp, self.path)
        except OSError:
            pass


class ModelRegistry:
    """Resolves each role to verified files: a path from the settings, else the manifest default."""

    def __init__(self, settings: Settings, manifest: Manifest | None = None) -> None:
        self.settings = settings
        self.manifest = manifest or Manifest.load()
        self.cache = VerificationCache(settings.data_dir / "verified.json")

    def spec_for(self, role: Role) -> ModelSpec | None:
        """The manifest model for a role, or None when the settings point at a custom file."""
        if role == "stt":
            choice = self.settings.stt.model
            return self.manifest.models.get(STT_ALIASES.get(choice, choice))
        if getattr(self.settings, role).path is not None:
            return None
        return self.manifest.default(role)

    def resolve(self, role: Role) -> ResolvedModel:
        spec = self.spec_for(role)
        if spec is None:
            return self._custom(role)
        return self.resolve_spec(spec)

    def resolve_spec(self, spec: ModelSpec) -> ResolvedModel:
        """A manifest model's files, located and checked against their sha256."""
        files = {f.name: self._locate(spec, f) for f in spec.files}
        return ResolvedModel(spec.id, spec.role, files, verified=True, spec=spec)

    def _custom(self, role: Role) -> ResolvedModel:
        path = Path(self.settings.stt.model) if role == "stt" else getattr(self.settings, role).path
        path = path.expanduser()
        if not path.exists():
            raise ModelFileError(
                f"{role} model {path} does not exist",
                f"correct '{role}' in the config, or remove it to use the default model",
            )
        return ResolvedModel(f"custom:{path.name}", role, {"model": path}, verified=False)

    def _locate(self, spec: ModelSpec, source: FileSource) -> Path:
        if source.parts:
            return self._joined(spec, source)
        path = self._path_of(spec, source)
        self._verify(spec, source, path)
        return path

    def _path_of(self, spec: ModelSpec, source: FileSource) -> Path:
        if source.repo:
            path = models_dir() / source.repo
        elif source.package is None or source.path is None:
            raise ModelFileError(
                f"{spec.role} model {spec.id}: {source.name} has neither a repo path nor a package and path", SETUP_FIX
            )
        else:
            try:
                dist = metadata.distribution(source.package)
            except metadata.PackageNotFoundError:
                hint = install_extra(spec.extra) if spec.extra else SETUP_FIX
                raise ModelFileError(
                    f"{spec.role} model {spec.id} is not installed (package {source.package} is missing)", hint
                ) from None
            path = Path(str(dist.locate_file(source.path)))
        if not path.is_file():
            fix = f"restore it from the edge repository: git checkout -- models/{source.repo}" if source.repo else SETUP_FIX
            raise ModelFileError(f"{spec.role} model file {path} is missing", fix)
        return path

    def _verify(self, spec: ModelSpec, source: FileSource, path: Path) -> None:
        size = path.stat().st_size
        if size != source.size:
            state = "truncated" if size < source.size else "larger than expected"
            raise ModelFileError(
                f"{spec.role} model file {path} is {state} ({size:,} bytes, manifest says {source.size:,})", SETUP_FIX
            )
        if self.cache.sha256(path) != source.sha256:
            raise ModelFileError(f"{spec.role} model file {path} is corrupt (sha256 differs from the manifest)", SETUP_FIX)

    def _joined(self, spec: ModelSpec, source: FileSource) -> Path:
        """A file shipped split in parts, joined once under the data dir and verified."""
        target = self.settings.data_dir / "models" / spec.id / source.name
        if target.is_file() and target.stat().st_size == source.size:
            try:
                self._verify(spec, source, target)
                return target
            except ModelFileError:
                pass
        paths = [self._locate(spec, part) for part in source.parts]
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".partial")
        with tmp.open("wb") as out:
            for part in paths:
                with part.open("rb") as f:
                    shutil.copyfileobj(f, out, 1 << 20)
        os.replace(tmp, target)
        self._verify(spec, source, target)
        return target
