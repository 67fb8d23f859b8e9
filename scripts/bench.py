"""Benchmark every engine on the default models; print a table and write JSON.

    .venv/bin/python scripts/bench.py [--out bench-results/bench.json] [--quick]

Per engine: load time, latency and throughput, and the runtime's overhead as a ratio of the
time the underlying library takes when called directly on the same loaded model in the same run
(>= 0.97 means edge adds at most 3 %). Then, in fresh processes: cold start to all-ready, with the files in
the page cache and evicted from it (as after a reboot), and the resident memory with every role loaded. Real
data comes from the evaluation data (EDGE_EVAL_DIR, by default ../shared/eval).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from edge.evaluation import eval_dir

ROOT = Path(__file__).resolve().parent.parent
EVAL = eval_dir()
TARGETS = {
    "overhead_ratio_min": 0.97,
    "rss_all_roles_mb_max": 900,
    "cold_start_s_max": 4.0,
    "embedder_batch32_sentences_s_min": 1000,
    "llm_generation_tok_s_min": 50,
}

COLD_START = """
import json, time
t = time.perf_counter()
import edge
rt = edge.Runtime()
statuses = rt.start()
ready = time.perf_counter() - t
status = open("/proc/self/status").read()
rss, hwm = (int(status.split(name + ":")[1].split()[0]) / 1024 for name in ("VmRSS", "VmHWM"))
print(json.dumps({"ready_s": ready, "rss_mb": rss, "hwm_mb": hwm,
                  "failed": [s.role for s in statuses if s.state != "ready"],
                  "load_s": {s.role: s.load_s for s in statuses}}))
"""

ASSISTANT_READY = """
import asyncio, json, time
t = time.perf_counter()
from edge.router import Router
from edge.voice import Recorder
from tui import AssistantApp

async def main():
    app = AssistantApp(lambda consent: Router(consent=consent), output=Recorder(), microphone=False)
    async with app.run_test() as pilot:
        while not app.loaded.is_set():
            await pilot.pause(0.01)
        return app.ready

ready = asyncio.run(main())
print(json.dumps({"ready_s": time.perf_counter() - t, "ready": ready}))
"""
"""The voice assistant's screen from start to "ready" (every model loaded, the prompt enabled), on a virtual screen."""


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def paired(edge_fn: Callable[[], Any], direct_fn: Callable[[], Any], reps: int) -> dict[str, float]:
    """Median times of alternating runs, so drift on the machine hits both sides alike."""
    edge_fn(), direct_fn()
    edge_t, direct_t = [], []
    for _ in range(reps):
        edge_t.append(timed(edge_fn))
        direct_t.append(timed(direct_fn))
    e, d = statistics.median(edge_t), statistics.median(direct_t)
    return {"edge_s": round(e, 4), "direct_s": round(d, 4), "overhead_ratio": round(d / e, 3)}


def clinc_texts(n: int) -> list[str]:
    data = json.loads((EVAL / "intent" / "clinc150_data_full.json").read_text())
    return [text for text, _ in data["test"][:n]]


def ljspeech() -> list[tuple[Path, str]]:
    folder = EVAL / "speech" / "ljspeech"
    rows = [line.split("\t", 1) for line in (folder / "transcripts.tsv").read_text().splitlines() if "\t" in line]
    return [(folder / "wavs" / f"{clip}.wav", text) for clip, text in rows]


def bench_stt(rt: Any, reps: int) -> dict[str, Any]:
    from edge.audio import load_audio
    from edge.evaluation.metrics import word_error_rate

    clips = ljspeech()
    pairs, audio_s, work_s = [], 0.0, 0.0
    for path, ref in clips:
        transcript = rt.stt.transcribe(path)
        pairs.append((ref, transcript.text))
        audio_s += transcript.duration_s
        work_s += transcript.timings["total_s"]
    samples = load_audio(EVAL / "speech" / "jfk.flac")
    model, opts = rt.stt.model, rt.settings.stt

    def direct() -> None:
        segments, _ = model.transcribe(
            samples, language="en", beam_size=opts.beam_size, vad_filter=opts.vad_filter, condition_on_previous_text=False
        )
        list(segments)

    return {
        "load_s": rt.stt.load_s,
        "ljspeech_clips": len(clips),
        "ljspeech_audio_s": round(audio_s, 1),
        "rtf": round(work_s / audio_s, 4),
        "wer_ljspeech": round(word_error_rate(pairs), 4),
        **paired(lambda: rt.stt.transcribe(samples), direct, reps),
    }


def bench_embedder(rt: Any, reps: int) -> dict[str, Any]:
    texts = clinc_texts(2048)
    emb = rt.embedder
    one = timed(lambda: [emb.embed([t]) for t in texts[:256]])
    b32 = statistics.median(timed(lambda: emb.embed(texts, batch_size=32)) for _ in range(3))
    model = emb.model

    def direct() -> None:
        tok = model.tokenizer
        for start in range(0, len(texts), 32):
            enc = tok.encode_batch(texts[start : start + 32])
            width = max(len(e.ids) for e in enc)
            ids = np.array([e.ids + [0] * (width - len(e.ids)) for e in enc], dtype=np.int64)
            mask = np.array([[1] * len(e.ids) + [0] * (width - len(e.ids)) for e in enc], dtype=np.int64)
            model.session.run(None, {"input_ids": ids, "attention_mask": mask})

    return {
        "load_s": emb.load_s,
        "sentences_s_batch1": round(256 / one, 1),
        "sentences_s_batch32": round(len(texts) / b32, 1),
        **paired(lambda: emb.embed(texts, batch_size=32), direct, reps * 2),
    }


def bench_classifier(rt: Any, reps: int) -> dict[str, Any]:
    """Per utterance, as the router calls it: text in, label out (the embedding included)."""
    texts = clinc_texts(64)
    vectors = rt.embedder.embed(texts)
    head, emb = rt.classifier.model, rt.embedder.model

    def direct() -> None:
        for text in texts:
            ids = np.array([emb.tokenizer.encode(text).ids], dtype=np.int64)
            vector = emb.single.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})[0]
            head.session.run([head.probabilities_output], {head.input_name: vector})[0].argmax()

    per_text = paired(lambda: [rt.classifier.classify([t]) for t in texts], direct, reps * 3)
    batch = paired(
        lambda: rt.classifier.classify_vectors(vectors),
        lambda: head.session.run([head.probabilities_output], {head.input_name: vectors}),
        reps * 10,
    )
    return {
        "load_s": rt.classifier.load_s,
        "latency_ms_text": round(per_text["edge_s"] / len(texts) * 1000, 3),
        "head_only_64_vectors_overhead_ratio": batch["overhead_ratio"],
        **per_text,
    }


def bench_llm(rt: Any, reps: int) -> dict[str, Any]:
    llm = rt.llm
    story = llm.chat("Write a short story about a robot who learns to paint.", max_tokens=128)
    context = " ".join(t for t, _ in (json.loads((EVAL / "intent" / "clinc150_data_full.json").read_text())["train"][:60]))
    long_prompt = llm.chat(f"Here are some requests: {context}\nWhich one is about travel?", max_tokens=16)
    messages = [{"role": "system", "content": rt.settings.llm.system_prompt}, {"role": "user", "content": "Name three fruits."}]

    def direct() -> None:
        for _ in llm.model.create_chat_completion(
            messages=messages, stream=True, max_tokens=48, temperature=0.0, top_p=0.95, repeat_penalty=1.0
        ):
            pass

    return {
        "load_s": llm.load_s,
        "ttft_s": story.stats.ttft_s,
        "generation_tok_s": story.stats.generation_tok_s,
        "prompt_tokens_long": long_prompt.stats.prompt_tokens,
        "prompt_tok_s": long_prompt.stats.prompt_tok_s,
        **paired(lambda: llm.chat(messages, max_tokens=48), direct, reps),
    }


def bench_tts(rt: Any, reps: int) -> dict[str, Any]:
    text = "The weather today is mild and sunny. Later this evening, expect a light breeze from the west. Have a good day."
    tts = rt.tts
    start = time.perf_counter()
    stream = tts.synthesize(text)
    first = next(stream)
    first_s = time.perf_counter() - start
    audio_s = first.duration_s + sum(c.duration_s for c in stream)
    total_s = time.perf_counter() - start
    voice = tts.model
    from piper import SynthesisConfig

    config = SynthesisConfig()
    return {
        "load_s": tts.load_s,
        "first_chunk_s": round(first_s, 4),
        "rtf": round(total_s / audio_s, 4),
        **paired(lambda: list(tts.synthesize(text)), lambda: list(voice.synthesize(text, syn_config=config)), reps),
    }


def bench_vad(rt: Any, reps: int) -> dict[str, Any]:
    from edge.audio import load_audio

    samples = load_audio(EVAL / "speech" / "jfk.flac")
    padded = np.pad(samples, (0, -len(samples) % 512))
    model = rt.vad.model
    result = paired(lambda: rt.vad.probabilities(samples), lambda: model(padded), reps * 5)
    return {"load_s": rt.vad.load_s, "rtf": round(result["edge_s"] / (len(samples) / 16000), 5), **result}


def evict_page_cache() -> int:
    """Drop the pages of the Python environment, the models and edge from the page cache, as after a reboot: no
    root needed (posix_fadvise DONTNEED drops a file's clean pages). The files evicted."""
    evicted = 0
    for top in {Path(sys.prefix), Path(sys.base_prefix), ROOT / "models", ROOT / "edge"}:
        for folder, _, names in os.walk(top):
            for name in names:
                try:
                    fd = os.open(os.path.join(folder, name), os.O_RDONLY)
                except OSError:
                    continue
                try:
                    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                    evicted += 1
                finally:
                    os.close(fd)
    return evicted


def run_fresh(code: str, cold: bool) -> dict[str, Any]:
    if cold:
        evict_page_cache()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def fresh_process(runs: int) -> dict[str, Any]:
    """Warm: the files are in the page cache (the first, unreported run puts them there); cold: evicted before each."""
    results: dict[bool, list[dict[str, Any]]] = {True: [], False: []}
    for cold in (False, *[c for _ in range(runs) for c in (True, False)]):
        results[cold].append(run_fresh(COLD_START, cold))
    cold_runs, results = results[True], results[False][1:]
    assistant = [run_fresh(ASSISTANT_READY, cold=False) for _ in range(runs)]
    if not all(r["ready"] for r in assistant):
        raise RuntimeError("the assistant did not get ready: run edge doctor")
    return {
        "assistant_ready_s": round(statistics.median(r["ready_s"] for r in assistant), 3),
        "cold_start_s": round(statistics.median(r["ready_s"] for r in results), 3),
        "cold_start_runs_s": [round(r["ready_s"], 3) for r in results],
        "cold_page_cache_start_s": round(statistics.median(r["ready_s"] for r in cold_runs), 3),
        "cold_page_cache_runs_s": [round(r["ready_s"], 3) for r in cold_runs],
        "rss_all_roles_mb": round(statistics.median(r["rss_mb"] for r in results), 1),
        "peak_rss_mb": round(max(r["hwm_mb"] for r in results), 1),
        "failed_roles": results[0]["failed"],
        "load_s_per_role": results[0]["load_s"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results" / "bench.json")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    if not EVAL.is_dir():
        print(f"evaluation data not found at {EVAL}: set EDGE_EVAL_DIR or clone the repo beside shared/", file=sys.stderr)
        return 1
    reps = 3 if args.quick else 15

    import edge

    report: dict[str, Any] = {
        "machine": {
            "python": platform.python_version(),
            "cpu": platform.processor() or platform.machine(),
            "cores": __import__("os").cpu_count(),
        }
    }
    report["process"] = fresh_process(3)
    with edge.Runtime() as rt:
        for name, fn in [
            ("vad", bench_vad),
            ("stt", bench_stt),
            ("embedder", bench_embedder),
            ("classifier", bench_classifier),
            ("llm", bench_llm),
            ("tts", bench_tts),
        ]:
            report[name] = fn(rt, reps)
            print(f"{name}: {report[name]}", file=sys.stderr, flush=True)
    report["targets"] = TARGETS
    report["verdict"] = verdict(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2))
    print_table(report)
    print(f"\nJSON written to {args.out}")
    return 0


def verdict(r: dict[str, Any]) -> dict[str, bool]:
    return {
        "overhead_ratio": all(
            r[e]["overhead_ratio"] >= TARGETS["overhead_ratio_min"]
            for e in ("vad", "stt", "embedder", "classifier", "llm", "tts")
        ),
        "rss_all_roles": r["process"]["rss_all_roles_mb"] <= TARGETS["rss_all_roles_mb_max"],
        "cold_start": r["process"]["cold_start_s"] <= TARGETS["cold_start_s_max"],
        "embedder_batch32": r["embedder"]["sentences_s_batch32"] >= TARGETS["embedder_batch32_sentences_s_min"],
        "llm_generation": r["llm"]["generation_tok_s"] >= TARGETS["llm_generation_tok_s_min"],
    }


def print_table(r: dict[str, Any]) -> None:
    rows = [
        ("vad", f"RTF {r['vad']['rtf']}"),
        ("stt", f"RTF {r['stt']['rtf']} on {r['stt']['ljspeech_audio_s']} s of LJSpeech, WER {r['stt']['wer_ljspeech']:.3f}"),
        (
            "embedder",
            f"{r['embedder']['sentences_s_batch1']} sent/s batch 1, {r['embedder']['sentences_s_batch32']} sent/s batch 32",
        ),
        ("classifier", f"{r['classifier']['latency_ms_text']} ms per text (embedding included)"),
        (
            "llm",
            f"TTFT {r['llm']['ttft_s']} s, generation {r['llm']['generation_tok_s']} tok/s, "
            f"prompt {r['llm']['prompt_tok_s']} tok/s",
        ),
        ("tts", f"RTF {r['tts']['rtf']}, first chunk {r['tts']['first_chunk_s']} s"),
    ]
    print(f"{'engine':<11}{'load s':>8}{'overhead':>10}  measure")
    for name, measure in rows:
        print(f"{name:<11}{r[name]['load_s'] or 0:>8.3f}{r[name]['overhead_ratio']:>10.3f}  {measure}")
    p = r["process"]
    print(
        f"\ncold start to all-ready: {p['cold_start_s']} s (runs {p['cold_start_runs_s']}); with the files out of "
        f"the page cache {p['cold_page_cache_start_s']} s (runs {p['cold_page_cache_runs_s']}); "
        f"RSS with all roles {p['rss_all_roles_mb']} MB, peak {p['peak_rss_mb']} MB; "
        f"the assistant's screen ready {p['assistant_ready_s']} s after start"
    )
    print("targets met:", ", ".join(f"{k} {'yes' if v else 'NO'}" for k, v in r["verdict"].items()))


if __name__ == "__main__":
    sys.exit(main())
