"""`edge doctor`: checks Python, packages, models, SQLite extension loading and audio, each with a fix."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from importlib import metadata
from typing import Literal

from edge.config import ROLES, Settings
from edge.errors import EdgeError, install_extra
from edge.models import ModelRegistry

Status = Literal["ok", "warn", "fail"]

PACKAGES: tuple[tuple[str, str | None], ...] = (
    ("numpy", None),
    ("pydantic", None),
    ("onnxruntime", None),
    ("tokenizers", None),
    ("faster-whisper", None),
    ("ctranslate2", None),
    ("llama-cpp-python", None),
    ("sqlite-vec", None),
    ("sqlean-py", None),
    ("hassil", None),
    ("text2num", None),
    ("pint", None),
    ("piper-tts", "tts"),
    ("textual", "tui"),
    ("sounddevice", "audio"),
    ("spacy", "privacy"),
    ("httpx", "cloud"),
    ("keyring", "cloud"),
)


@dataclass(frozen=True)
class Check:
    name: str
    status: Status
    detail: str
    fix: str = ""


def run_checks(settings: Settings) -> list[Check]:
    return [
        _python(),
        *_packages(),
        *_models(settings),
        _sqlite(),
        *_device(settings),
        *_sound_cards(),
        _audio(),
        _data_dir(settings),
        *_store(settings),
        _privacy(settings),
        _offline(settings),
    ]


def _python() -> Check:
    version = ".".join(map(str, sys.version_info[:3]))
    return Check("python", "ok", f"{version} ({sys.executable})")


def _packages() -> list[Check]:
    checks = []
    for dist, extra in PACKAGES:
        try:
            checks.append(Check(f"package {dist}", "ok", metadata.version(dist)))
        except metadata.PackageNotFoundError:
            fix = install_extra(extra) if extra else "rerun scripts/setup"
            checks.append(Check(f"package {dist}", "warn" if extra else "fail", "not installed", fix))
    return checks


def _models(settings: Settings) -> list[Check]:
    registry = ModelRegistry(settings)
    checks = []
    for role in ROLES:
        if role not in settings.roles:
            checks.append(Check(f"model {role}", "ok", "disabled in the config"))
            continue
        try:
            resolved = registry.resolve(role)
        except EdgeError as exc:
            checks.append(Check(f"model {role}", "fail", exc.message, exc.fix))
            continue
        state = "sha256 ok" if resolved.verified else "custom file, not in the manifest"
        checks.append(Check(f"model {role}", "ok", f"{resolved.id}: {resolved.path} ({state})"))
    return checks


def _sqlite() -> Check:
    try:
        from edge.store import connect, sqlite_driver

        driver = sqlite_driver()
        conn = connect()
        version, vec = conn.execute("select sqlite_version(), vec_version()").fetchone()
        conn.close()
    except EdgeError as exc:
        return Check("sqlite extensions", "fail", exc.message, exc.fix)
    except Exception as exc:
        return Check("sqlite extensions", "fail", f"sqlite-vec does not load ({exc})", "rerun scripts/setup")
    how = "stdlib sqlite3" if driver.__name__ == "sqlite3" else f"{driver.__name__} (stdlib sqlite3 cannot load extensions here)"
    return Check("sqlite extensions", "ok", f"{how}, SQLite {version}, sqlite-vec {vec}")


def _device(settings: Settings) -> list[Check]:
    from edge import hardware

    checks = [Check("device", "ok", hardware.describe_machine())]
    try:
        features = hardware.llm_cpu_features()
        offload = hardware.llm_gpu_offload()
    except Exception:
        return checks
    checks.append(Check("llm cpu features", "ok", ", ".join(features) or "none: llama.cpp's generic kernels"))
    checks.append(_gpu(offload, settings.llm.gpu_layers))
    return checks


def _sound_cards() -> list[Check]:
    """ALSA's microphones and speakers, on Linux, where a headless device plays and records through them."""
    from edge import hardware

    if sys.platform != "linux":
        return []
    checks = []
    for kind, what, tool, without in (
        ("capture", "microphone", "arecord", "`edge listen FILE` and typed requests work without one"),
        ("playback", "speaker", "aplay", "`edge say -o out.wav` writes files without one"),
    ):
        devices = hardware.sound_devices(kind)
        name = f"alsa {kind}"
        if devices is None:
            unlisted = "alsa-utils is not installed: the sound cards cannot be listed"
            checks.append(Check(name, "warn", unlisted, "apt install alsa-utils"))
        elif not devices:
            fix = f"plug in a USB {what} or a sound HAT; `{tool} -l` should list it; {without}"
            checks.append(Check(name, "warn", f"no {what} (no ALSA {kind} device)", fix))
        else:
            checks.append(Check(name, "ok", "; ".join(f"{d.address} {d.name}" for d in devices)))
    if problem := hardware.sound_access():
        checks.append(Check("audio group", "warn", problem, "sudo usermod -aG audio $USER, then log in again"))
    return checks


def _gpu(offload: bool, layers: int) -> Check:
    if offload and layers == 0:
        return Check(
            "llm gpu", "warn", "this llama.cpp can run on the GPU, and llm.gpu_layers is 0", "set gpu_layers = -1 under [llm]"
        )
    if offload:
        return Check("llm gpu", "ok", f"{'every layer' if layers < 0 else f'{layers} layers'} on the GPU")
    if layers != 0:
        fix = "on a Jetson, packaging/jetson/build-llama-cuda and rerun scripts/setup; or set gpu_layers = 0 under [llm]"
        return Check("llm gpu", "warn", f"llm.gpu_layers is {layers} but this llama-cpp-python is built for the CPU only", fix)
    return Check("llm gpu", "ok", "CPU only (llama-cpp-python built without a GPU backend)")


def _audio() -> Check:
    from edge.audio import output_device

    device = output_device()
    if device:
        return Check("audio output", "ok", device)
    return Check(
        "audio output",
        "warn",
        "no speaker found (or sounddevice/PortAudio missing)",
        f"apt install libportaudio2 and {install_extra('audio')}; without a speaker, `edge say -o out.wav` writes files",
    )


def _data_dir(settings: Settings) -> Check:
    path = settings.data_dir
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / ".write-test"
        probe.write_text("ok")
        probe.unlink()
    except OSError as exc:
        return Check(
            "data dir", "fail", f"{path} is not writable ({exc.strerror})", "set data_dir in the config to a writable folder"
        )
    return Check("data dir", "ok", str(path))


def _store(settings: Settings) -> list[Check]:
    from edge.store.database import Database
    from edge.store.retention import Retention

    try:
        db = Database(settings.store_path)
        version = db.schema_version
        problems = [r["quick_check"] for r in db.query("PRAGMA quick_check") if r["quick_check"] != "ok"]
        documents = db.query("SELECT COUNT(*) AS n FROM documents")[0]["n"]
        sizes = Retention(db, settings.store.retention).sizes()
        size = db.file_bytes()
        db.close()
    except EdgeError as exc:
        return [Check("store", "fail", exc.message, exc.fix)]
    if problems:
        return [
            Check(
                "store",
                "fail",
                f"{settings.store_path} is damaged ({problems[0]})",
                "restore a backup, or move it away to start afresh",
            )
        ]
    rows = ", ".join(f"{s.table} {s.rows:,}" for s in sizes if s.rows) or "no records yet"
    return [
        Check("store", "ok", f"{settings.store_path} (schema v{version}, WAL, {documents} documents, intact)"),
        Check("store size", "ok", f"{size / 1e6:.1f} MB; rows kept under store.retention: {rows} (edge store size)"),
    ]


def _privacy(settings: Settings) -> Check:
    """The NER model that PII detection needs, verified; only an error when cloud escalation depends on it."""
    from edge.models import ModelRegistry
    from edge.privacy.ner import MANIFEST_ID

    registry = ModelRegistry(settings)
    try:
        model = registry.resolve_spec(registry.manifest.models[MANIFEST_ID])
    except EdgeError as exc:
        return Check("model ner", "fail" if settings.cloud.enabled else "warn", exc.message, exc.fix)
    return Check("model ner", "ok", f"{model.id}: {model.path.parent} (sha256 verified; PII detection)")


def _offline(settings: Settings) -> Check:
    if os.environ.get("HF_HUB_OFFLINE") != "1":
        return Check("offline", "warn", "HF_HUB_OFFLINE is not 1", "unset HF_HUB_OFFLINE so edge can set it")
    cloud = settings.cloud
    if not cloud.enabled:
        return Check("offline", "ok", "no model hub access; cloud escalation off: nothing leaves this device")
    policies = ", ".join(f"{route} {policy}" for route, policy in cloud.policy.items())
    return Check("offline", "ok", f"no model hub access; cloud escalation on to {cloud.endpoint} ({policies}), masked")
