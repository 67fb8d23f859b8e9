"""The container recipe: hadolint finds nothing in it, it installs the bundle build-bundle names, it opens the ports
edge serves on, and its health check asks edge a real question. (No Docker daemon runs here to build it.)"""

from __future__ import annotations

import fnmatch
import re
import subprocess
import sys
from pathlib import Path

from edge.config import ServeSettings

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "packaging" / "container" / "Dockerfile"


def instructions() -> list[tuple[str, str]]:
    """Each instruction and its arguments, continuation lines joined, comments dropped."""
    logical = re.sub(r"\\\n", " ", DOCKERFILE.read_text())
    lines = [line.strip() for line in logical.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in lines]


def test_hadolint_finds_nothing():
    hadolint = Path(sys.executable).parent / "hadolint"
    done = subprocess.run([hadolint, "--no-color", DOCKERFILE], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr


def test_it_opens_the_ports_edge_serves_on_by_default():
    serve = ServeSettings()
    exposed = {int(p) for kind, args in instructions() if kind == "EXPOSE" for p in args.split()}
    assert exposed == {serve.port, serve.wyoming_asr.port, serve.wyoming_tts.port, serve.wyoming_handle.port}


def test_its_health_check_is_a_real_request_to_ready_and_it_serves_on_every_address():
    steps = dict(instructions())
    assert "http://127.0.0.1:8088/ready" in steps["HEALTHCHECK"]
    assert steps["CMD"] == '["edge", "serve", "--host", "0.0.0.0", "--log-format", "json"]'
    assert steps["USER"] != "root" and steps["USER"] != "0"


def test_it_installs_the_bundle_that_build_bundle_names_with_the_bundles_installer():
    run = next(args for kind, args in instructions() if kind == "RUN")
    pattern = re.search(r'-name "(edge-runtime-\*-\$\{arch\}-py\$\{PY\}\.tar)"', run).group(1)
    for arch, py in (("x86_64", "311"), ("aarch64", "310")):
        built = f"edge-runtime-0.1.0-pi-{arch}-py{py}.tar"
        assert fnmatch.fnmatch(built, pattern.replace("${arch}", arch).replace("${PY}", py))
    assert 'install.sh)" --prefix /opt/edge-runtime --service none' in run
