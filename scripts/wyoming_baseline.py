"""Baseline for the voice latency benchmark (scripts/bench_voice.py): Home Assistant's Wyoming servers on edge's own
model files.

Runs wyoming-faster-whisper (STT) and wyoming-piper (TTS) from their own venv (default .venv-wyoming, or
$EDGE_WYOMING_VENV; created on first use) on 127.0.0.1 and talks to them as a Home Assistant voice pipeline does.
STT: the utterance streams in real time in 1024-sample chunks, then AudioStop; timed from AudioStop to Transcript.
TTS: one Synthesize; timed from the request to the first AudioChunk and to AudioStop.
Both servers get edge's settings: tiny.en int8, beam 1, CTranslate2's default thread count, language en.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import numpy as np

from edge.audio import SAMPLE_RATE
from edge.errors import EdgeError

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_VENV = ROOT / ".venv-wyoming"
SERVER_PACKAGES = (
    "wyoming-faster-whisper==3.8.1",
    "wyoming-piper==2.5.2",
    "faster-whisper==1.2.1",
    "ctranslate2==4.8.5",
    "piper-tts==1.8.0",
    "onnxruntime==1.32.0",
)
VENV_MARKER = "edge-wyoming-packages.txt"
PROTOCOL_VERSION = "1.10.2"


CHUNK_SAMPLES = 1024
AUDIO_FORMAT = {"rate": SAMPLE_RATE, "width": 2, "channels": 1}
READY_TIMEOUT_S = 300.0
REQUEST_TIMEOUT_S = 120.0


class WyomingError(EdgeError):
    """The Wyoming baseline could not be set up or a server misbehaved; ``detail`` is the end of the tool's output."""

    def __init__(self, message: str, fix: str, detail: str = "") -> None:
        super().__init__(message, fix)
        self.detail = detail

    def __str__(self) -> str:
        return super().__str__() + (f"\n{self.detail}" if self.detail else "")


@dataclass
class Event:
    type: str
    data: dict[str, Any] = field(default_factory=dict)
    payload: bytes = b""


class Connection:
    """One client connection speaking Wyoming: a JSON header line, then data_length bytes of JSON, then the payload."""

    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=REQUEST_TIMEOUT_S)
        self.reader: IO[bytes] = self.sock.makefile("rb")

    def send(self, event_type: str, data: dict[str, Any] | None = None, payload: bytes = b"") -> None:
        header: dict[str, Any] = {"type": event_type, "version": PROTOCOL_VERSION}
        body = json.dumps(data, ensure_ascii=False).encode() if data else b""
        if body:
            header["data_length"] = len(body)
        if payload:
            header["payload_length"] = len(payload)
        self.sock.sendall(json.dumps(header, ensure_ascii=False).encode() + b"\n" + body + payload)

    def receive(self) -> Event:
        line = self.reader.readline()
        if not line:
            raise ConnectionError("the server closed the connection")
        header = json.loads(line)
        data = header.get("data") or {}
        if header.get("data_length"):
            data.update(json.loads(self._read_exactly(header["data_length"])))
        event = Event(header["type"], data, self._read_exactly(header.get("payload_length") or 0))
        if event.type == "error":
            raise WyomingError(f"the Wyoming server answered with an error: {data.get('text')}", "check the request")
        return event

    def receive_until(self, event_type: str) -> Event:
        while (event := self.receive()).type != event_type:
            pass
        return event

    def _read_exactly(self, size: int) -> bytes:
        data = self.reader.read(size) if size else b""
        if len(data) != size:
            raise ConnectionError("the server closed the connection mid-event")
        return data

    def close(self) -> None:
        self.reader.close()
        self.sock.close()


@contextmanager
def connect(port: int) -> Iterator[Connection]:
    conn = Connection(port)
    try:
        yield conn
    finally:
        conn.close()


@dataclass
class Server:
    name: str
    port: int
    process: subprocess.Popen[bytes]
    log: Path

    def wait_ready(self, timeout_s: float = READY_TIMEOUT_S) -> None:
        """The STT server loads its model before listening; a Describe answered means it can serve."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise WyomingError(
                    f"{self.name} exited with code {self.process.returncode}",
                    "check the model files and the flags in its log below",
                    self.log_tail(),
                )
            try:
                with connect(self.port) as conn:
                    conn.send("describe")
                    conn.receive_until("info")
                return
            except OSError:
                time.sleep(0.2)
        raise WyomingError(
            f"{self.name} did not answer a Describe within {timeout_s:.0f} s",
            "the machine may be overloaded; try again",
            self.log_tail(),
        )

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def log_tail(self, lines: int = 20) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


class WyomingServers:
    """Both servers on free loopback ports, started on enter and stopped on exit."""

    def __init__(self, stt_model_dir: Path, voice_onnx: Path, venv: Path | None = None) -> None:
        self.stt_model_dir = Path(stt_model_dir).absolute()
        self.voice_onnx = Path(voice_onnx).absolute()
        self.venv = Path(venv or os.environ.get("EDGE_WYOMING_VENV") or DEFAULT_VENV)
        self.stt: Server | None = None
        self.tts: Server | None = None
        self._stack = ExitStack()

    def __enter__(self) -> WyomingServers:
        check_model_files(self.stt_model_dir, self.voice_onnx)
        python = ensure_venv(self.venv)
        try:
            work = Path(self._stack.enter_context(tempfile.TemporaryDirectory(prefix="edge-wyoming-")))
            self.stt = self._start(python, "wyoming_faster_whisper", stt_args(self.stt_model_dir, work / "stt"), work)
            self.tts = self._start(python, "wyoming_piper", tts_args(self.voice_onnx, work / "voices"), work)
            self.stt.wait_ready()
            self.tts.wait_ready()
        except BaseException:
            self._stack.close()
            raise
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._stack.close()

    def _start(self, python: Path, module: str, args: list[str], work: Path) -> Server:
        port = free_port()
        log = work / f"{module}.log"
        env = {**os.environ, "HF_HUB_OFFLINE": "1"}
        with log.open("wb") as out:
            process = subprocess.Popen(
                [str(python), "-m", module, "--uri", f"tcp://127.0.0.1:{port}", *args],
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                env=env,
            )
        server = Server(module, port, process, log)
        self._stack.callback(server.stop)
        return server

    def transcribe_live(self, samples: np.ndarray) -> tuple[str, float]:
        assert self.stt is not None, "use WyomingServers as a context manager"
        return transcribe_live(self.stt.port, samples)

    def speak(self, text: str) -> tuple[float, float]:
        assert self.tts is not None, "use WyomingServers as a context manager"
        return speak(self.tts.port, text)


def transcribe_live(port: int, samples: np.ndarray) -> tuple[str, float]:
    """Stream as a microphone would: each chunk leaves once it has been captured, AudioStop right after the last.
    The transcript, and the milliseconds from AudioStop to it."""
    pcm = to_pcm16(samples)
    chunk_bytes = CHUNK_SAMPLES * 2
    with connect(port) as conn:
        conn.send("transcribe", {"language": "en"})
        conn.send("audio-start", AUDIO_FORMAT)
        start = time.perf_counter()
        for offset in range(0, len(pcm), chunk_bytes):
            chunk = pcm[offset : offset + chunk_bytes]
            sleep_until(start + (offset + len(chunk)) / 2 / SAMPLE_RATE)
            conn.send("audio-chunk", AUDIO_FORMAT, chunk)
        conn.send("audio-stop")
        stopped = time.perf_counter()
        transcript = conn.receive_until("transcript")
        elapsed_ms = (time.perf_counter() - stopped) * 1000
    return str(transcript.data.get("text", "")).strip(), elapsed_ms


def speak(port: int, text: str) -> tuple[float, float]:
    """Milliseconds from Synthesize to the first audio chunk, and to AudioStop."""
    first_audio: float | None = None
    with connect(port) as conn:
        start = time.perf_counter()
        conn.send("synthesize", {"text": text})
        while (event := conn.receive()).type != "audio-stop":
            if event.type == "audio-chunk" and first_audio is None:
                first_audio = time.perf_counter()
        end = time.perf_counter()
    if first_audio is None:
        raise WyomingError(f"the server on port {port} sent no audio for {text!r}", "check the voice files and the server log")
    return (first_audio - start) * 1000, (end - start) * 1000


def stt_args(model_dir: Path, data_dir: Path) -> list[str]:
    """A folder path as --model loads it in place; --local-files-only makes a missing file an error, not a download."""
    data_dir.mkdir(parents=True, exist_ok=True)
    return [
        "--model", str(model_dir),
        "--data-dir", str(data_dir),
        "--download-dir", str(data_dir),
        "--local-files-only",
        "--stt-library", "faster-whisper",
        "--language", "en",
        "--beam-size", "1",
        "--compute-type", "int8",
        "--cpu-threads", "0",
    ]  # fmt: skip


def tts_args(voice_onnx: Path, data_dir: Path) -> list[str]:
    """wyoming-piper finds a voice as <data-dir>/<name>.onnx(.json), so a catalog voice found there is not downloaded."""
    data_dir.mkdir(parents=True, exist_ok=True)
    name = voice_onnx.name.removesuffix(".onnx")
    link_files({f"{name}.onnx": voice_onnx, f"{name}.onnx.json": voice_config(voice_onnx)}, data_dir)
    return ["--voice", name, "--data-dir", str(data_dir), "--download-dir", str(data_dir)]


def voice_config(voice_onnx: Path) -> Path:
    return voice_onnx.with_name(voice_onnx.name + ".json")


def check_model_files(stt_model_dir: Path, voice_onnx: Path) -> None:
    missing = [p for p in (stt_model_dir / "model.bin", stt_model_dir / "config.json") if not p.is_file()]
    if missing:
        raise WyomingError(
            f"{stt_model_dir} lacks {', '.join(p.name for p in missing)}", "pass a CTranslate2 Whisper model folder"
        )
    for path in (voice_onnx, voice_config(voice_onnx)):
        if not path.is_file():
            raise WyomingError(f"piper voice file {path} does not exist", "pass a voice .onnx with its .onnx.json beside it")


def ensure_venv(venv: Path) -> Path:
    """Reused while its marker lists exactly SERVER_PACKAGES; otherwise (re)installed."""
    python = venv / "bin" / "python"
    wanted = "\n".join(SERVER_PACKAGES) + "\n"
    marker = venv / VENV_MARKER
    if python.is_file() and marker.is_file() and marker.read_text() == wanted:
        return python
    print(f"installing the Wyoming servers into {venv} (once; a few minutes)", file=sys.stderr, flush=True)
    run_setup_step(
        [sys.executable, "-m", "venv", str(venv)],
        f"could not create a venv at {venv}",
        "install python3-venv (apt-get install python3-venv) or point EDGE_WYOMING_VENV at a writable folder",
    )
    run_setup_step(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *SERVER_PACKAGES],
        f"pip could not install {', '.join(SERVER_PACKAGES)} into {venv}",
        f"install them by hand: {python} -m pip install {' '.join(SERVER_PACKAGES)}",
    )
    marker.write_text(wanted)
    return python


def run_setup_step(cmd: Sequence[str], message: str, fix: str) -> None:
    result = subprocess.run(list(cmd), capture_output=True, text=True)
    if result.returncode != 0:
        raise WyomingError(message, fix, "\n".join((result.stderr or result.stdout).strip().splitlines()[-10:]))


def link_files(files: dict[str, Path], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, path in files.items():
        (folder / name).symlink_to(Path(path).absolute())
    return folder


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def to_pcm16(samples: np.ndarray) -> bytes:
    return (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2").tobytes()


def sleep_until(moment: float) -> None:
    delay = moment - time.perf_counter()
    if delay > 0:
        time.sleep(delay)
