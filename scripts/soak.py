"""Soak: one long-lived edge process through many mixed turns, watching for leaks and slowdowns.

    .venv/bin/python scripts/soak.py [--turns 1000] [--json OUT.json] [--chart OUT.png]

One Router with the default models, behind the voice assistant (answers are spoken into memory), in a fresh data
directory. Every ten turns: a typed math request, a spoken timer command (synthesized by the installed voice; the
timers fire during the soak), a question about the knowledge base, a new question for the local LLM, a question
asked before outside the conversation (an answer cache hit), a recorded human request (tests/data/speech), a fact
question answered by a fake cloud provider on 127.0.0.1 (masked, audited), an item added to a list and removed
(every fifth cycle instead: a document added and an older one removed, which makes cached answers stale), and a
time question. Retention is set small (decisions 300 rows, memory 200 turns, a pass every 5 s) so the store
reaches its bound.

Every 50 turns it records the process's RSS, open file descriptors, threads and store size; it writes them with
the p95 turn latency of the first and the last 100 turns (until the answer is complete; the speech still playing
after it is left out) and the number of failed turns. A turn slower than 8 s is printed with the time each of its
stages took (synthesis of a spoken command, transcript, routing, answer, and the assistant's own timings).

Targets (issue 20): RSS growth <= 5 % from turn 100 to the end, flat descriptors and threads, the store bounded,
the last 100 turns' p95 <= 1.1 x the first 100's.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
from scipy.signal import resample_poly

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from edge.audio import SAMPLE_RATE, load_audio  # noqa: E402
from edge.config import load_settings  # noqa: E402
from edge.router.router import Router  # noqa: E402
from edge.runtime import Runtime  # noqa: E402
from edge.voice import Answered, Assistant, Failed, FinalTranscript, Routed, TurnTimings, frames_of  # noqa: E402
from tests.cloud.server import FakeCloud  # noqa: E402

SAMPLE_EVERY = 50
SLOW_MS = 8000.0
"""A turn slower than this has its stages written out: where the time went."""
RECORDED = ROOT / "tests" / "data" / "speech" / "austen-amiable.flac"
NOTES = {
    "boat.md": "The sailboat Marigold is moored at berth 17 in the north harbour.",
    "greenhouse.md": "The greenhouse irrigation valve opens at 06:40 every morning and runs for 12 minutes.",
}
TOPICS = ("cats", "octopuses", "volcanoes", "honey bees", "the moon", "glaciers", "owls", "tea", "bridges", "comets")
FACTS = ("the tallest mountain in Peru", "the capital of Mongolia", "the author of Middlemarch", "the year Oslo was founded")


def process_sample(turn: int, store: Path) -> dict[str, float | int]:
    status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    files = [store, store.with_name(store.name + "-wal")]
    return {
        "turn": turn,
        "rss_mb": round(int(status["VmRSS"].split()[0]) / 1024, 1),
        "fds": len(os.listdir("/proc/self/fd")),
        "threads": int(status["Threads"]),
        "store_mb": round(sum(f.stat().st_size for f in files if f.exists()) / 1e6, 2),
    }


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return round(ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)], 1) if ordered else 0.0


class Soak:
    def __init__(self, router: Router, home: Path) -> None:
        self.router = router
        self.assistant = Assistant(router)
        self.home = home
        self.recorded = load_audio(RECORDED)
        self.errors: list[str] = []
        self.answered_at: float | None = None
        self.stages: dict[str, float | None] = {}
        """Milliseconds from the turn's start to each stage of the last turn, and the assistant's own timings."""
        self.begun = 0.0

    def mark(self, stage: str) -> None:
        self.stages[stage] = round((time.perf_counter() - self.begun) * 1000, 1)

    def spoken(self, text: str) -> np.ndarray:
        tts = self.router.runtime.tts
        pcm = np.concatenate([c.samples for c in tts.synthesize(text)]).astype(np.float32) / 32768
        self.mark("command synthesized")
        return resample_poly(pcm, SAMPLE_RATE, tts.sample_rate).astype(np.float32)

    def typed(self, text: str) -> None:
        self._follow(text, self.assistant.ask(text))

    def asked(self, text: str) -> None:
        """Through the router without a conversation, as an app calling the API does: the answer cache applies."""
        reply = self.router.ask(text)
        if reply.handler.value == "error":
            self.errors.append(f"{text!r}: {reply.text}")

    def heard(self, what: str, audio: np.ndarray) -> None:
        self._follow(what, self.assistant.hear(frames_of(audio)))

    def _follow(self, what: str, events: Iterator[Any]) -> None:
        """Notes when the answer is complete: a turn's latency ends there, not when its speech has played out (how
        long an answer takes to say is not how fast edge is)."""
        failed, answered = [], []
        for event in events:
            if isinstance(event, FinalTranscript):
                self.mark("transcript")
                self.stages["stt work after speech"] = event.stt_ms
            elif isinstance(event, Routed):
                self.mark("routed")
            elif isinstance(event, TurnTimings):
                self.stages.update({f"assistant: {k}": v for k, v in event.stages().items()})
            elif isinstance(event, Failed):
                failed.append(event.message)
            elif isinstance(event, Answered):
                self.mark("answered")
                answered.append(event.reply)
                self.answered_at = time.perf_counter()
        if failed or not answered or answered[-1].handler.value == "error":
            self.errors.append(f"{what!r}: {failed or [a.text for a in answered] or 'no answer'}")

    def turn(self, n: int) -> Callable[[], None]:
        cycle, step = divmod(n, 10)
        note = self.home / "notes" / f"visit-{cycle}.md"
        documents_change = cycle % 5 == 0
        turns: list[Callable[[], None]] = [
            lambda: self.typed(f"what is {cycle % 90 + 11} times {step + 3}"),
            lambda: self.heard("spoken timer", self.spoken(f"Set a timer for {cycle % 3 + 1} seconds.")),
            lambda: self.typed("what berth is the Marigold at" if cycle % 2 else "how long does the irrigation run"),
            lambda: self.typed(f"Give me one short tip about {TOPICS[cycle % len(TOPICS)]}, tip number {cycle}."),
            lambda: self.asked("Tell me a fun fact about octopuses."),
            lambda: self.heard("recorded speech", self.recorded),
            lambda: self.typed(f"What is {FACTS[cycle % len(FACTS)]}? Ask number {cycle}."),
            (lambda: self.add_note(note, cycle))
            if documents_change
            else lambda: self.typed(f"add eggs {cycle} to my shopping list"),
            (lambda: self.remove_note(self.home / "notes" / f"visit-{cycle - 5}.md"))
            if documents_change
            else lambda: self.typed(f"remove eggs {cycle} from my shopping list"),
            lambda: self.typed("what time is it in Tokyo"),
        ]
        return turns[step]

    def add_note(self, path: Path, cycle: int) -> None:
        path.parent.mkdir(exist_ok=True)
        path.write_text(f"# Visit {cycle}\n\nThe plumber visit number {cycle} is booked for bay {cycle % 40 + 1}.\n")
        report = self.router.knowledge.add([path])
        if report.failed:
            self.errors.append(f"kb add: {report.failed}")

    def remove_note(self, path: Path) -> None:
        if path.exists():
            self.router.knowledge.remove([path])
            path.unlink()


def run(turns: int) -> dict[str, Any]:
    home = Path(tempfile.mkdtemp(prefix="edge-soak-"))
    store = home / "edge.db"
    with FakeCloud() as cloud:
        cloud.text = "It is a well-known fact, and the answer is in most encyclopedias."
        os.environ.pop("OPENAI_API_KEY", None)
        settings = load_settings(
            env={},
            data_dir=home / "data",
            store={"path": store, "retention": {"decisions_rows": 300, "memory_rows": 200, "interval_s": 5.0}},
            voice={"speak": True},
            cloud={
                "enabled": True,
                "endpoint": cloud.url,
                "model": "gpt-test",
                "allowed_hosts": ["127.0.0.1"],
                "policy": {"chat": "always", "complex": "always", "knowledge": "never"},
            },
        )
        notes = home / "notes"
        notes.mkdir()
        for name, text in NOTES.items():
            (notes / name).write_text(text + "\n")
        with Router(Runtime(settings)) as router:
            router.knowledge.add([notes / name for name in NOTES])
            soak = Soak(router, home)
            latencies: list[float] = []
            slow: list[dict[str, Any]] = []
            samples = [process_sample(0, store)]
            started = time.perf_counter()
            for n in range(turns):
                begun, soak.answered_at, soak.stages = time.perf_counter(), None, {}
                soak.begun = begun
                try:
                    soak.turn(n)()
                except Exception as exc:
                    soak.errors.append(f"turn {n}: {type(exc).__name__}: {exc}")
                latencies.append(((soak.answered_at or time.perf_counter()) - begun) * 1000)
                if latencies[-1] > SLOW_MS:
                    slow.append({"turn": n, "step": n % 10, "ms": round(latencies[-1], 1), "stages": soak.stages})
                    print(f"slow turn {n} (step {n % 10}): {slow[-1]['ms']} ms {soak.stages}", flush=True)
                if (n + 1) % SAMPLE_EVERY == 0:
                    samples.append(process_sample(n + 1, store))
                    last = samples[-1]
                    print(
                        f"turn {n + 1:>5}  rss {last['rss_mb']:>7} MB  fds {last['fds']:>4}  threads {last['threads']:>3}"
                        f"  store {last['store_mb']:>6} MB  p95 last 50 {p95(latencies[-50:]):>7} ms  errors {len(soak.errors)}",
                        flush=True,
                    )
        cloud_requests = len(cloud.requests)
    return {
        "turns": turns,
        "samples": samples,
        "p95_ms_first100": p95(latencies[:100]),
        "p95_ms_last100": p95(latencies[-100:]),
        "errors": len(soak.errors),
        "error_examples": soak.errors[:10],
        "cloud_requests": cloud_requests,
        "seconds": round(time.perf_counter() - started),
        "latency_ms": [round(x, 1) for x in latencies],
        "slow_turns": slow,
    }


def summary(result: dict[str, Any]) -> dict[str, Any]:
    """The targets, measured: RSS growth from turn 100 (or the first sample after it) to the end."""
    samples = result["samples"]
    base = next((s for s in samples if s["turn"] >= 100), samples[0])
    end = samples[-1]
    return {
        "rss_growth_from_turn_100": round(end["rss_mb"] / base["rss_mb"] - 1, 4),
        "fds": [min(s["fds"] for s in samples[1:] or samples), max(s["fds"] for s in samples[1:] or samples)],
        "threads": [min(s["threads"] for s in samples[1:] or samples), max(s["threads"] for s in samples[1:] or samples)],
        "store_mb": [min(s["store_mb"] for s in samples), max(s["store_mb"] for s in samples)],
        "p95_ratio_last_to_first": round(result["p95_ms_last100"] / result["p95_ms_first100"], 3),
    }


def chart(result: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    samples = result["samples"]
    turns = [s["turn"] for s in samples]
    figure, axes = plt.subplots(2, 2, figsize=(11, 7), sharex=True)
    for ax, key, label in (
        (axes[0][0], "rss_mb", "RSS (MB)"),
        (axes[0][1], "store_mb", "store file + WAL (MB)"),
    ):
        ax.plot(turns, [s[key] for s in samples], marker="o", markersize=3)
        ax.set_title(label)
        ax.set_ylim(bottom=0)
    axes[1][0].plot(turns, [s["fds"] for s in samples], marker="o", markersize=3, label="open file descriptors")
    axes[1][0].plot(turns, [s["threads"] for s in samples], marker="o", markersize=3, label="threads")
    axes[1][0].set_title("descriptors and threads")
    axes[1][0].set_ylim(bottom=0)
    axes[1][0].legend()
    latency = result["latency_ms"]
    windows = [(i + SAMPLE_EVERY, p95(latency[i : i + SAMPLE_EVERY])) for i in range(0, len(latency), SAMPLE_EVERY)]
    axes[1][1].plot([w[0] for w in windows], [w[1] / 1000 for w in windows], marker="o", markersize=3)
    axes[1][1].set_title(f"p95 turn latency per {SAMPLE_EVERY} turns (s)")
    axes[1][1].set_ylim(bottom=0)
    for ax in axes[1]:
        ax.set_xlabel("turn")
    figure.suptitle(f"edge soak: {result['turns']} mixed turns in one process, default models, 2 cores")
    figure.tight_layout()
    figure.savefig(path, dpi=90)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--turns", type=int, default=1000)
    parser.add_argument("--json", type=Path, help="write the numbers here")
    parser.add_argument("--chart", type=Path, help="draw them as a PNG here")
    parser.add_argument("--max-failed", type=int, default=0, metavar="N", help="exit 1 when more turns than this fail")
    args = parser.parse_args()
    if args.turns < SAMPLE_EVERY:
        parser.error(f"--turns must be at least {SAMPLE_EVERY}")
    result = run(args.turns)
    result["summary"] = summary(result)
    print(json.dumps({k: v for k, v in result.items() if k not in ("samples", "latency_ms", "slow_turns")}, indent=2))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=1) + "\n")
    if args.chart:
        args.chart.parent.mkdir(parents=True, exist_ok=True)
        chart(result, args.chart)
    return 1 if result["errors"] > args.max_failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
