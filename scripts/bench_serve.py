"""edge serve beside the servers people run instead, on the same model files, in one run.

    .venv/bin/python scripts/bench_serve.py [--repeats 5] [--no-wyoming] [--out bench-results/serve.json]

chat     the same prompts, streamed, temperature 0, max_tokens 64, to edge serve (the local LLM's id) and to
         llama-cpp-python's own OpenAI server (``python -m llama_cpp.server``) loading edge's GGUF with edge's context,
         thread counts and repeat penalty; alternating, one request at a time. First token: from sending the request
         to the first piece of text. Tokens/s: pieces of text after the first, over the time to the last.
         The server's packages (fastapi and others) are installed with pip into ~/.cache/edge/llama-cpp-server on
         first use, apart from edge's environment.
wyoming  edge serve's Wyoming ASR and TTS beside wyoming-faster-whisper and wyoming-piper on edge's model files
         (scripts/wyoming_baseline.py): recorded speech streamed in real time, timed from AudioStop to Transcript;
         a one-sentence and a three-sentence reply to speak, timed from Synthesize to the first audio chunk.

Targets on 2 cores: edge's tokens/s >= 0.95 x llama_cpp.server's and its first token within 20 ms of it; Wyoming
transcript and first audio no slower than the reference servers': slower when the 95% interval of the paired
differences lies above zero.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from edge.serve.announce import read_until_ready

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
DEPS = Path.home() / ".cache" / "edge" / "llama-cpp-server"
SERVER_DEPS = ("fastapi<0.120", "sse-starlette", "starlette-context", "pydantic-settings")
PROMPTS = (
    "Explain why the sky is blue in three sentences.",
    "Write a short note to a neighbour about a lost cat.",
    "Give three tips for sleeping better.",
    "Describe how a bicycle works.",
    "What should I pack for a day at the beach?",
)
MAX_TOKENS = 64
REPLIES = {
    "first_audio_ms": "The timer is set for ten minutes.",
    "first_audio_3_sentences_ms": "Octopuses have three hearts and blue blood. They can change colour in a fraction of a "
    "second. Most of them live for only a year or two.",
}
WYOMING_KEYS = ("transcript_ms", *REPLIES)
SPOKEN_PER_CLIP = 3
TARGET_THROUGHPUT = 0.95
TARGET_FIRST_TOKEN_MS = 20.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="rounds over the prompts")
    parser.add_argument("--no-wyoming", action="store_true", help="skip the Wyoming comparison")
    parser.add_argument("--out", type=Path, help="write the numbers as JSON")
    args = parser.parse_args()

    from edge.config import load_settings
    from edge.engines.threads import thread_plan
    from edge.runtime import Runtime

    settings = load_settings()
    llm = Runtime(settings, roles=["llm"]).verify("llm")
    assert llm.path and llm.model, "the llm role's model file is missing: run scripts/setup"
    plan = thread_plan()
    llm_args = {
        "n_ctx": settings.llm.context,
        "n_threads": settings.llm.threads or plan.llm_generation,
        "n_threads_batch": settings.llm.prompt_threads or plan.llm_prompt,
    }
    results: dict[str, Any] = {"model": llm.model, "llama_cpp_server_args": llm_args}
    roles = '["llm"]' if args.no_wyoming else '["vad", "stt", "tts", "llm"]'
    with edge_serve(roles) as (edge_url, wyoming), llama_cpp_server(Path(llm.path), llm.model, llm_args) as reference_url:
        results["chat"] = compare_chat(edge_url, reference_url, llm.model, settings.llm.repeat_penalty, args.repeats)
        if not args.no_wyoming:
            results["wyoming"] = compare_wyoming(wyoming, args.repeats)
    report(results)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, indent=2))
    return 0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def edge_serve(roles: str) -> Iterator[tuple[str, dict[str, int]]]:
    env = {**os.environ, "EDGE_ROLES": roles, "EDGE_CACHE__ENABLED": "false"}
    env |= {f"EDGE_SERVE__WYOMING_{s}__PORT": "0" for s in ("ASR", "TTS", "HANDLE")}
    command = [sys.executable, "-m", "edge.cli", "serve", "--port", "0", "--parent-pid", str(os.getpid())]
    with tempfile.TemporaryFile("w+") as log:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log, text=True, env=env)
        try:
            announced = read_until_ready(process.stdout or ())
            if announced.url is None:
                log.seek(0)
                raise SystemExit(f"edge serve did not start: {log.read()[-2000:]}")
            yield announced.url, announced.wyoming
        finally:
            process.terminate()
            process.wait(60)


@contextmanager
def llama_cpp_server(model: Path, alias: str, llm_args: dict[str, int]) -> Iterator[str]:
    if not (DEPS / "fastapi").is_dir():
        print(f"installing llama_cpp.server's packages into {DEPS}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--target", str(DEPS), *SERVER_DEPS], check=True)
    port = free_port()
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--model_alias", alias, "--port", str(port)]
    command += [arg for key, value in llm_args.items() for arg in (f"--{key}", str(value))]
    env = {**os.environ, "PYTHONPATH": str(DEPS)}
    with tempfile.TemporaryFile("w+") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
        try:
            url = f"http://127.0.0.1:{port}/v1"
            deadline = time.monotonic() + 120
            while True:
                try:
                    if httpx.get(f"{url}/models", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise SystemExit(f"llama_cpp.server did not start: {log.read()[-2000:]}")
                time.sleep(0.5)
            yield url
        finally:
            process.terminate()
            process.wait(60)


def stream_once(url: str, model: str, prompt: str, repeat_penalty: float) -> tuple[float, float, int]:
    """First-token milliseconds, tokens per second after it, pieces of text."""
    body = {
        "model": model,
        "stream": True,
        "temperature": 0.0,
        "max_tokens": MAX_TOKENS,
        "repeat_penalty": repeat_penalty,
        "messages": [{"role": "user", "content": prompt}],
    }
    start = time.perf_counter()
    stamps: list[float] = []
    with httpx.stream("POST", f"{url}/chat/completions", json=body, timeout=300) as reply:
        reply.raise_for_status()
        for line in reply.iter_lines():
            if not line.startswith("data: ") or line == "data: [DONE]":
                continue
            delta = json.loads(line[6:])["choices"][0]["delta"]
            if delta.get("content"):
                stamps.append(time.perf_counter())
    assert stamps, f"{url} streamed no text"
    rate = (len(stamps) - 1) / (stamps[-1] - stamps[0]) if len(stamps) > 1 else 0.0
    return (stamps[0] - start) * 1000, rate, len(stamps)


def compare_chat(edge_url: str, reference_url: str, model: str, repeat_penalty: float, repeats: int) -> dict[str, Any]:
    servers = {"edge serve": edge_url, "llama_cpp.server": reference_url}
    for url in servers.values():
        stream_once(url, model, "Hi.", repeat_penalty)
    timings: dict[str, dict[str, list[float]]] = {name: {"first_ms": [], "tok_s": [], "tokens": []} for name in servers}
    for round_ in range(repeats):
        for prompt in PROMPTS:
            order = list(servers.items()) if round_ % 2 == 0 else list(reversed(servers.items()))
            for name, url in order:
                first, rate, pieces = stream_once(url, model, prompt, repeat_penalty)
                timings[name]["first_ms"].append(first)
                timings[name]["tok_s"].append(rate)
                timings[name]["tokens"].append(pieces)
    return {
        name: {key: round(statistics.median(values), 2) for key, values in numbers.items()} for name, numbers in timings.items()
    }


def compare_wyoming(ports: dict[str, int], repeats: int) -> dict[str, Any]:
    """Medians per server, and per measure the median of the paired differences (edge minus the reference, each
    pair measured back to back) with a bootstrap 95% interval: both run the same piper and Whisper code, so a
    difference inside the noise of this machine is a tie, not a verdict."""
    from wyoming_baseline import WyomingServers, speak, transcribe_live

    from edge.audio import load_audio
    from edge.evaluation import eval_dir
    from edge.runtime import Runtime

    speech_dir = eval_dir() / "speech"
    clips = sorted(speech_dir.glob("**/*.flac"))[:5] or sorted((ROOT / "tests" / "data" / "speech").glob("*.flac"))
    audio = [load_audio(path) for path in clips]
    runtime = Runtime(roles=["stt", "tts"])
    stt, tts = runtime.verify("stt"), runtime.verify("tts")
    assert stt.path and tts.path
    numbers: dict[str, dict[str, list[float]]] = {n: {key: [] for key in WYOMING_KEYS} for n in ("edge serve", "wyoming")}
    with WyomingServers(Path(stt.path).parent, Path(tts.path)) as reference:
        targets = {"edge serve": (ports["asr"], ports["tts"]), "wyoming": (reference.stt.port, reference.tts.port)}  # type: ignore[union-attr]
        for asr_port, tts_port in targets.values():
            transcribe_live(asr_port, audio[0][:16000])
            speak(tts_port, "Ready.")
        for _ in range(repeats):
            for samples in audio:
                for name, (asr_port, _) in targets.items():
                    numbers[name]["transcript_ms"].append(transcribe_live(asr_port, samples)[1])
                for key, reply in REPLIES.items():
                    for _ in range(SPOKEN_PER_CLIP):
                        for name, (_, tts_port) in targets.items():
                            numbers[name][key].append(speak(tts_port, reply)[0])
    medians = {name: {k: round(statistics.median(v), 1) for k, v in values.items()} for name, values in numbers.items()}
    differences = {key: paired_difference(numbers["edge serve"][key], numbers["wyoming"][key]) for key in WYOMING_KEYS}
    return {**medians, "edge minus wyoming": differences}


def paired_difference(edge: list[float], reference: list[float], resamples: int = 2000) -> dict[str, float]:
    """The median of the pairs' differences and its bootstrap 95% interval, in ms."""
    import numpy as np

    gaps = np.asarray(edge) - np.asarray(reference)
    picks = np.random.default_rng(0).integers(0, len(gaps), size=(resamples, len(gaps)))
    low, high = np.percentile(np.median(gaps[picks], axis=1), [2.5, 97.5])
    return {"median": round(float(np.median(gaps)), 1), "low": round(float(low), 1), "high": round(float(high), 1)}


def report(results: dict[str, Any]) -> None:
    chat = results["chat"]
    edge, reference = chat["edge serve"], chat["llama_cpp.server"]
    print(f"chat, {results['model']}, medians")
    for name, numbers in chat.items():
        first, rate, pieces = numbers["first_ms"], numbers["tok_s"], numbers["tokens"]
        print(f"  {name:<18} first token {first:7.1f} ms   {rate:6.1f} tokens/s   ({pieces:.0f} pieces)")
    ratio = edge["tok_s"] / reference["tok_s"] if reference["tok_s"] else 0.0
    gap = edge["first_ms"] - reference["first_ms"]
    print(f"  tokens/s {ratio:.3f} x (target >= {TARGET_THROUGHPUT}): {'met' if ratio >= TARGET_THROUGHPUT else 'NOT met'}")
    verdict = "met" if gap <= TARGET_FIRST_TOKEN_MS else "NOT met"
    print(f"  first token {gap:+.1f} ms (target <= +{TARGET_FIRST_TOKEN_MS:.0f}): {verdict}")
    if wyoming := results.get("wyoming"):
        print("wyoming, medians")
        for name in ("edge serve", "wyoming"):
            heard, first, longer = (wyoming[name][key] for key in WYOMING_KEYS)
            print(
                f"  {name:<18} transcript after AudioStop {heard:7.1f} ms   first audio {first:7.1f} ms"
                f"   (3 sentences: {longer:7.1f} ms)"
            )
        for key, gap in wyoming["edge minus wyoming"].items():
            verdict = "slower" if gap["low"] > 0 else "faster" if gap["high"] < 0 else "a tie within the noise"
            met = "NOT met" if gap["low"] > 0 else "met"
            print(
                f"  {key}: edge minus wyoming, paired median {gap['median']:+.1f} ms "
                f"(95% interval {gap['low']:+.1f} to {gap['high']:+.1f}): {verdict}; no slower: {met}"
            )


if __name__ == "__main__":
    raise SystemExit(main())
