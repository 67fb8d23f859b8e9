"""End of turn: does a pause inside a sentence ever end the utterance early?

    .venv/bin/python scripts/bench_turn_end.py [--pauses 180 240] [--out bench-results/turn-end.json]

Each case is two pieces of speech joined by a pause, fed to the Listener at real-time pace as the assistant hears
(the transcript at a pause sets the silence that ends it: voice.complete_silence_ms after a whole skill command,
voice.unfinished_silence_ms after words that stop mid-phrase, vad.min_silence_ms otherwise), and again with
silence alone deciding. A case is cut at the pause when an utterance other than the last ends on the first piece's
last word; it is cut at all when it is heard as more utterances than it has sentences.

recorded   consecutive LJ Speech clips that continue one sentence (LJ001-0001 ends "...represented in the
           Exhibition", LJ001-0002 goes on "in being comparatively modern."), edge silence trimmed, from speech/ in
           the evaluation data (EDGE_EVAL_DIR). The reader's own pauses inside the clips count too.
hesitation commands spoken by the installed piper voice in two parts, the first not yet a whole request
           ("Set a timer for" / "ten minutes."): none may be cut.
afterthought the first part already is a whole command ("What time is it" / "in Tokyo?"): an early end cuts it by
           design; reported so the cost of the rule is known.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bench_voice import spoken  # noqa: E402

from edge.audio import SAMPLE_RATE, load_audio  # noqa: E402
from edge.config import load_settings  # noqa: E402
from edge.errors import EdgeError  # noqa: E402
from edge.evaluation import eval_dir  # noqa: E402
from edge.router.router import Router  # noqa: E402
from edge.runtime import Runtime  # noqa: E402
from edge.voice import frames_of  # noqa: E402
from edge.voice.listener import Listener  # noqa: E402

LJSPEECH = eval_dir() / "speech" / "ljspeech"
HESITATIONS = [
    ("Set a timer for", "ten minutes."),
    ("Set a timer", "for five minutes."),
    ("Set an alarm for", "six thirty."),
    ("Set an alarm", "for seven am."),
    ("Wake me up at", "seven tomorrow."),
    ("Remind me to", "water the plants tomorrow at nine."),
    ("Remind me to call the dentist", "tomorrow at ten."),
    ("Remind me to call mom at", "five pm."),
    ("Add eggs and", "milk to my shopping list."),
    ("Put bread on my", "shopping list."),
    ("What is twelve times", "seven?"),
    ("What's the time in", "Tokyo?"),
]
AFTERTHOUGHTS = [
    ("Set a timer for ten minutes", "for the pasta."),
    ("What time is it", "in Tokyo?"),
    ("Wake me up at seven", "tomorrow."),
]


def trimmed(audio: np.ndarray, level: float = 0.01) -> np.ndarray:
    loud = np.flatnonzero(np.abs(audio) > level)
    return audio[loud[0] : loud[-1] + 1] if len(loud) else audio


def joined(first: np.ndarray, rest: np.ndarray, pause_ms: int) -> np.ndarray:
    gap = np.zeros(round(pause_ms / 1000 * SAMPLE_RATE), dtype=np.float32)
    lead = np.zeros(SAMPLE_RATE // 4, dtype=np.float32)
    return np.concatenate([lead, trimmed(first), gap, trimmed(rest)])


Case = tuple[str, str, np.ndarray, np.ndarray, int]
"""Name, the first piece's text, the first piece, the rest, and how many sentences they hold."""


def sentences(text: str) -> int:
    return len(re.split(r"(?<=[a-z]{2}[.?!])\s+", text.strip()))


def cut_at_pause(heard: list[str], first: str) -> bool:
    """Whether an utterance before the last ended where the first piece does."""
    last = re.findall(r"[a-z0-9]+", first.lower())[-1:]
    return any(re.findall(r"[a-z0-9]+", text.lower())[-1:] == last for text in heard[:-1])


def recorded_pairs() -> list[Case]:
    """Pairs of consecutive clips whose first does not end its sentence."""
    lines = (LJSPEECH / "transcripts.tsv").read_text().splitlines()
    texts = dict(line.split("\t", 1) for line in lines if line)
    ids = sorted(texts)
    pairs, taken = [], set()
    for first, rest in itertools.pairwise(ids):
        if first not in taken and not texts[first].rstrip().endswith((".", "?", "!")):
            taken.add(rest)
            audio = [load_audio(LJSPEECH / "wavs" / f"{clip}.wav") for clip in (first, rest)]
            pairs.append((f"{first}+{rest}", texts[first], audio[0], audio[1], sentences(f"{texts[first]} {texts[rest]}")))
    return pairs


def heard(router: Router, audio: np.ndarray, by_meaning: bool) -> list[str]:
    """Silence alone decides the same at any pace, so only the rule by meaning is run in real time."""
    settings, complete = router.settings, router.completeness
    if not by_meaning:
        voice = settings.voice.model_copy(update={"unfinished_silence_ms": settings.vad.min_silence_ms})
        settings, complete = settings.model_copy(update={"voice": voice}), None
    listener = Listener(router.runtime.vad, router.runtime.stt, settings, lambda _: None, complete)
    try:
        frames = frames_of(audio, realtime=by_meaning)
        texts = [u.text for frame in frames if (u := listener.feed(frame)) is not None]
        if (last := listener.finish()) is not None:
            texts.append(last.text)
        return texts
    finally:
        listener.close()


def run(router: Router, pauses: list[int]) -> dict[str, list[dict[str, Any]]]:
    cases = {
        "recorded": recorded_pairs(),
        "hesitation": [(f"{a} / {b}", a, spoken(router, a), spoken(router, b), 1) for a, b in HESITATIONS],
        "afterthought": [(f"{a} / {b}", a, spoken(router, a), spoken(router, b), 1) for a, b in AFTERTHOUGHTS],
    }
    results: dict[str, list[dict[str, Any]]] = {}
    for kind, items in cases.items():
        for name, text, first, rest, expected in items:
            for pause in pauses:
                audio = joined(first, rest, pause)
                silence, meaning = heard(router, audio, by_meaning=False), heard(router, audio, by_meaning=True)
                row = {"case": name, "pause_ms": pause, "heard": meaning, "sentences": expected,
                       "cut_by_silence": len(silence) > expected, "cut": len(meaning) > expected,
                       "cut_at_pause_by_silence": cut_at_pause(silence, text),
                       "cut_at_pause": cut_at_pause(meaning, text)}  # fmt: skip
                results.setdefault(kind, []).append(row)
                print(f"{kind:>12} {pause} ms {name}: {meaning}", flush=True)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pauses", type=int, nargs="+", default=[180, 240], help="pauses inside the sentence, ms")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results" / "turn-end.json")
    args = parser.parse_args()
    if not (LJSPEECH / "transcripts.tsv").is_file():
        print(f"error: no LJ Speech clips in {LJSPEECH}. Fix: set EDGE_EVAL_DIR to the evaluation data", file=sys.stderr)
        return 1
    try:
        with tempfile.TemporaryDirectory(prefix="edge-bench-turn-end-") as tmp:
            settings = load_settings(cache={"enabled": False}, store={"path": Path(tmp) / "edge.db"})
            with Runtime(settings) as runtime, Router(runtime) as router:
                results = run(router, args.pauses)
                voice = router.settings.voice
                closing = router.settings.vad.min_silence_ms, voice.complete_silence_ms, voice.unfinished_silence_ms
    except EdgeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"\nclosing silence {closing[0]} ms; {closing[1]} ms after a whole command, {closing[2]} ms mid-phrase")
    print("| set | pause | cases | cut at the pause: silence alone / as heard | cut anywhere: silence alone / as heard |")
    print("|---|---|---|---|---|")
    for kind, rows in results.items():
        for pause in args.pauses:
            at = [r for r in rows if r["pause_ms"] == pause]
            joint = sum(r["cut_at_pause_by_silence"] for r in at), sum(r["cut_at_pause"] for r in at)
            cuts = sum(r["cut_by_silence"] for r in at), sum(r["cut"] for r in at)
            print(f"| {kind} | {pause} ms | {len(at)} | {joint[0]} / {joint[1]} | {cuts[0]} / {cuts[1]} |")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"closing_silence_ms": closing, "results": results}, indent=1))
    print(f"\nwritten to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
