"""Typed chat in the TUI against the engine: first token after Enter, and tokens per second.

    .venv/bin/python scripts/bench_tui.py [--repeats 3] [--out bench-results/tui.json]

engine   ``Router.stream`` in this process, as ``edge ask`` runs it, in one conversation and with the spoken answer's
         sentence budget, as the assistant asks: from the call to the first token, and the model's tokens per
         second to the last.
tui      the assistant app driven by Textual's Pilot on a virtual screen, speaking into a Recorder (speech is
         synthesized as in use, not played), and again with speech off: from the Enter key to the first token
         handed to the answer on screen, and tokens per second to the last. The status panel refreshes, the
         session thread and the sentence and speech threads all run as they do for a user.

The same questions, default models, no answer cache, one after another on an idle machine, two seconds apart
(as a user reads the reply). Last, the local LLM's tokens/s alone and beside a busy screen thread.
Targets on 2 cores: first token <= 150 ms after Enter (median), TUI tokens/s >= 0.9 x the engine's.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from edge.config import load_settings  # noqa: E402
from edge.errors import EdgeError  # noqa: E402
from edge.router.request import Token  # noqa: E402
from edge.router.router import Router  # noqa: E402
from edge.runtime import Runtime  # noqa: E402
from edge.voice import Recorder  # noqa: E402
from tui import AssistantApp  # noqa: E402
from tui._turn import TurnView  # noqa: E402

QUESTIONS = ["Tell me a fun fact about cats.", "Why is the sky blue?", "Give me a tip for sleeping better."]
READING_S = 2.0
"""Between a reply and the next question, as a user reads it."""


def generated(router: Router) -> int:
    """Completion tokens the local models have generated so far (the usage table counts them per month)."""
    return int(router.db.query("SELECT COALESCE(SUM(completion_tokens), 0) AS n FROM usage")[0]["n"])


def timed(start: float, stamps: list[float], tokens: int) -> dict[str, Any]:
    """The answer is streamed a sentence at a time (the router checks each before it is shown), so speed is the
    model's tokens over the time to the last piece."""
    if not stamps:
        return {"first_token_ms": None, "tokens_per_s": None, "tokens": tokens}
    return {
        "first_token_ms": round((stamps[0] - start) * 1000, 1),
        "tokens_per_s": round(tokens / (stamps[-1] - start), 1),
        "tokens": tokens,
    }


def engine_turn(router: Router, question: str) -> dict[str, Any]:
    before = generated(router)
    start = time.perf_counter()
    events = router.stream(question, "bench", max_sentences=router.settings.voice.max_sentences)
    stamps = [time.perf_counter() for event in events if isinstance(event, Token)]
    time.sleep(READING_S)
    return timed(start, stamps, generated(router) - before)


async def tui_turns(router: Router, questions: list[str], speak: bool) -> list[dict[str, Any]]:
    stamps: list[float] = []
    original = TurnView.token

    def timed_token(view: TurnView, text: str) -> None:
        stamps.append(time.perf_counter())
        original(view, text)

    TurnView.token = timed_token  # type: ignore[method-assign]
    app = AssistantApp(router, speak=speak, output=Recorder(), microphone=False)
    rows = []
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            while not app.ready:
                await pilot.pause(0.05)
            for question in questions:
                stamps.clear()
                before = generated(router)
                app.query_one("#prompt").value = question  # type: ignore[attr-defined]
                start = time.perf_counter()
                await pilot.press("enter")
                await pilot.pause(0.05)
                while app.session is not None and app.session.busy:
                    await asyncio.sleep(0.01)
                rows.append(timed(start, stamps, generated(router) - before))
                await asyncio.sleep(READING_S)
    finally:
        TurnView.token = original  # type: ignore[method-assign]
    return rows


def generation_speed(router: Router, busy_screen: bool, runs: int = 3) -> float:
    """The local LLM's median tokens/s, alone or beside a thread that draws a screen at 60 frames a second with
    8 ms of Python work a frame (a synthetic load in the same process)."""
    stop = threading.Event()

    def screen() -> None:
        while not stop.is_set():
            frame_end = time.perf_counter() + 0.008
            while time.perf_counter() < frame_end:
                sum(i * i for i in range(200))
            time.sleep(0.008)

    drawing = threading.Thread(target=screen, daemon=True)
    if busy_screen:
        drawing.start()
    try:
        speeds = []
        for _ in range(runs):
            generation = router.runtime.llm.stream("Write a long story about a dragon.", max_tokens=128)
            list(generation)
            speeds.append(generation.stats.generation_tok_s)
        return statistics.median(speeds)
    finally:
        stop.set()


def summary(rows: list[dict[str, Any]], key: str) -> str:
    values = sorted(r[key] for r in rows if r[key] is not None)
    if not values:
        return "-"
    return f"{statistics.median(values):.1f} ({values[0]:.1f}–{values[-1]:.1f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="turns per question")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results" / "tui.json")
    args = parser.parse_args()
    questions = [q for q in QUESTIONS for _ in range(args.repeats)]
    try:
        with tempfile.TemporaryDirectory(prefix="edge-bench-tui-") as tmp:
            settings = load_settings(cache={"enabled": False}, store={"path": Path(tmp) / "edge.db"})
            with Runtime(settings) as runtime, Router(runtime) as router:
                engine_turn(router, QUESTIONS[0])
                engine = [engine_turn(router, q) for q in questions]
                generation = {busy: generation_speed(router, busy) for busy in (False, True)}
                tui = {speak: asyncio.run(tui_turns(router, [QUESTIONS[0], *questions], speak))[1:] for speak in (True, False)}
    except EdgeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print("| typed chat, median (range) | first token, ms | tokens/s |\n|---|---|---|")
    runs = {"engine (edge ask)": engine, "TUI, speaking": tui[True], "TUI, text only": tui[False]}
    for name, rows in runs.items():
        print(f"| {name}, {len(rows)} turns | {summary(rows, 'first_token_ms')} | {summary(rows, 'tokens_per_s')} |")
    speed = {name: statistics.median(r["tokens_per_s"] for r in rows if r["tokens_per_s"]) for name, rows in runs.items()}
    for name in list(runs)[1:]:
        print(f"{name}: tokens/s = {speed[name] / speed['engine (edge ask)']:.2f} x the engine's (target >= 0.9)")
    idle, busy = generation[False], generation[True]
    print(f"local LLM tokens/s: {idle} alone, {busy} beside a busy screen thread = {busy / idle:.2f} x (target >= 0.8)")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    result = {"engine": engine, "tui_speaking": tui[True], "tui_text": tui[False], "generation_tok_s": generation}
    args.out.write_text(json.dumps(result, indent=1))
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
