"""What device edge runs on, for `edge doctor`: the board, the CPU features llama.cpp was built to use, the ALSA
sound cards (as `arecord -l` and `aplay -l` list them) and whether this user may open them."""

from __future__ import annotations

import grp
import os
import platform
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from edge.engines.threads import usable_cores

_CARD = re.compile(r"^card (\d+): \S+ \[(.*?)\], device (\d+): .*?\[(.*?)\]", re.M)


@dataclass(frozen=True)
class SoundDevice:
    card: int
    device: int
    name: str

    @property
    def address(self) -> str:
        """ALSA's name for it, as `arecord -D` takes it."""
        return f"hw:{self.card},{self.device}"


def describe_machine() -> str:
    """The architecture, the board when it says (a Raspberry Pi, a Jetson), and the usable cores."""
    board = _read("/proc/device-tree/model").rstrip("\0").strip()
    if not board and Path("/etc/nv_tegra_release").is_file():
        board = "NVIDIA Jetson (" + _read("/etc/nv_tegra_release").split(",")[0].lstrip("# ").strip() + ")"
    parts = [platform.machine(), board, f"{usable_cores()} cores"]
    return ", ".join(p for p in parts if p)


def llm_cpu_features() -> list[str]:
    """The CPU features llama.cpp's kernels use here (AVX2, NEON, DOTPROD...), from its own report."""
    import llama_cpp

    report = llama_cpp.llama_print_system_info().decode(errors="replace")
    return features_in(report)


def llm_gpu_offload() -> bool:
    """Whether this llama-cpp-python was built with a GPU backend (CUDA on a Jetson) that llm.gpu_layers can use."""
    import llama_cpp

    return bool(llama_cpp.llama_supports_gpu_offload())


def features_in(report: str) -> list[str]:
    """``"CPU : NEON = 1 | ARM_FMA = 1 | SVE = 0 | OPENMP = 1 |"`` → ``["NEON", "ARM_FMA"]``: instruction sets only."""
    return [name for name, on in re.findall(r"([A-Z][A-Z0-9_]*) = (\d+)", report) if on != "0" and name not in _NOT_ISA]


_NOT_ISA = {"OPENMP", "REPACK", "LLAMAFILE", "KLEIDIAI", "ACCELERATE"}


def sound_devices(kind: str) -> list[SoundDevice] | None:
    """The ALSA devices for ``kind`` ("capture" or "playback"), or None when alsa-utils is not installed."""
    tool = "arecord" if kind == "capture" else "aplay"
    if not shutil.which(tool):
        return None
    try:
        listed = subprocess.run([tool, "-l"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    return parse_device_list(listed)


def parse_device_list(listed: str) -> list[SoundDevice]:
    return [SoundDevice(int(card), int(device), name) for card, name, device, _ in _CARD.findall(listed)]


def sound_access() -> str | None:
    """Why this user cannot open the sound cards, or None when it can (or the machine has none)."""
    devices = Path("/dev/snd")
    if not devices.is_dir():
        return None
    nodes = [n for n in devices.iterdir() if n.name.startswith(("pcmC", "controlC"))]
    if not nodes or all(os.access(n, os.R_OK | os.W_OK) for n in nodes):
        return None
    try:
        audio = grp.getgrnam("audio").gr_gid
    except KeyError:
        return "the sound devices in /dev/snd are not readable by this user"
    if audio in os.getgroups():
        return "the sound devices in /dev/snd are not readable by this user, though it is in the audio group"
    return "this user is not in the audio group, which owns /dev/snd"


def _read(path: str) -> str:
    try:
        return Path(path).read_text(errors="replace")
    except OSError:
        return ""
