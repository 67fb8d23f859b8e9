"""Voice latency: from the end of speech to the first audio sample out, beside Home Assistant's Wyoming servers.

    .venv/bin/python scripts/bench_voice.py [--repeats 3] [--no-wyoming] [--out bench-results/voice.json]

edge     each utterance is fed to ``Assistant.hear`` at real-time pace, as a microphone would deliver it, with the
         default models and no answer cache; the stages are timed from the arrival of the last voiced 32 ms window:
         transcript (the closing silence the endpointer waits for included), route, first token, first audio.
wyoming  the same utterances streamed in real time to wyoming-faster-whisper (timed from AudioStop to Transcript),
         then edge's reply text sent to wyoming-piper (timed from Synthesize to the first audio chunk); both servers
         run edge's model files (scripts/wyoming_baseline.py). Their sum is the time before any sound in a Wyoming
         pipeline whose intent handling and language model take no time at all.

The commands are spoken by the installed piper voice (the only recorded commands we have); jfk.flac and five
LJ Speech clips from speech/ in the evaluation data (EDGE_EVAL_DIR) time transcription on recorded human speech.
Targets on 2 cores, first audio: a skill command median <= 400 ms and p90 <= 500 ms, a local-LLM answer median
<= 650 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np
from scipy.signal import resample_poly

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from edge.audio import SAMPLE_RATE, load_audio  # noqa: E402
from edge.config import load_settings  # noqa: E402
from edge.errors import EdgeError  # noqa: E402
from edge.evaluation import eval_dir  # noqa: E402
from edge.router.router import Router  # noqa: E402
from edge.runtime import Runtime  # noqa: E402
from edge.voice import Answered, Assistant, FinalTranscript, Recorder, TurnTimings, frames_of  # noqa: E402

SPEECH = eval_dir() / "speech"
COMMANDS = {
    "skill": ["Set a timer for ten minutes.", "What time is it?", "What is twelve times seven?"],
    "local LLM": ["Tell me a fun fact about cats.", "Why is the sky blue?", "Give me a tip for sleeping better."],
}
LEAD_IN_S = 0.3
STAGES = ("transcript", "route", "first_token", "first_audio")


def spoken(router: Router, text: str) -> np.ndarray:
    tts = router.runtime.tts
    pcm = np.concatenate([c.samples for c in tts.synthesize(text)]).astype(np.float32) / 32768
    voice = resample_poly(pcm, SAMPLE_RATE, tts.sample_rate).astype(np.float32)
    return np.concatenate([np.zeros(round(LEAD_IN_S * SAMPLE_RATE), dtype=np.float32), voice])


def edge_turn(assistant: Assistant, audio: np.ndarray) -> dict[str, Any]:
    heard, reply, timings = None, None, None
    for event in assistant.hear(frames_of(audio, realtime=True, trailing_silence_s=1.5)):
        if isinstance(event, FinalTranscript):
            heard = event
        elif isinstance(event, Answered):
            reply = event.reply
        elif isinstance(event, TurnTimings):
            timings = event
    assistant.output.stop()
    if heard is None or reply is None or timings is None:
        raise RuntimeError("the utterance was not heard and answered")
    return {"heard": heard.text, "handler": reply.label, "reply": reply.text, "stt_left_ms": heard.stt_ms, **asdict(timings)}


def median(rows: list[dict[str, Any]], key: str) -> float | None:
    values = [r[key] for r in rows if r.get(key) is not None]
    return round(statistics.median(values), 1) if values else None


def p90(rows: list[dict[str, Any]], key: str) -> float | None:
    values = [r[key] for r in rows if r.get(key) is not None]
    return round(statistics.quantiles(values, n=10, method="inclusive")[-1], 1) if len(values) > 1 else None


def run_edge(router: Router, utterances: dict[str, list[tuple[str, np.ndarray]]], repeats: int) -> dict[str, list[dict]]:
    assistant = Assistant(router, Recorder(), conversation=None)
    edge_turn(assistant, utterances["skill"][0][1])
    edge_turn(assistant, utterances["local LLM"][0][1])
    results: dict[str, list[dict]] = {}
    for kind, items in utterances.items():
        results[kind] = [{"text": text, **edge_turn(assistant, audio)} for text, audio in items for _ in range(repeats)]
    return results


def run_wyoming(
    router: Router,
    utterances: dict[str, list[tuple[str, np.ndarray]]],
    replies: dict[str, str],
    recorded: list[tuple[str, np.ndarray]],
    repeats: int,
) -> dict[str, list[dict]]:
    from wyoming_baseline import WyomingServers, link_files

    stt, tts = router.runtime.stt.model_info, router.runtime.tts.model_info
    assert stt is not None and tts is not None
    results: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory(prefix="edge-bench-stt-") as tmp:
        with WyomingServers(link_files(dict(stt.files), Path(tmp)), tts.files["model"]) as servers:
            servers.transcribe_live(utterances["skill"][0][1])
            servers.speak("Ready.")
            for kind, items in utterances.items():
                rows = results.setdefault(kind, [])
                for text, audio in items:
                    for _ in range(repeats):
                        heard, stt_ms = servers.transcribe_live(audio)
                        first_ms, end_ms = servers.speak(replies[text])
                        rows.append({"text": text, "heard": heard, "stt_ms": round(stt_ms, 1),
                                     "tts_first_ms": round(first_ms, 1), "first_audio": round(stt_ms + first_ms, 1)})  # fmt: skip
            for name, audio in recorded:
                heard, stt_ms = servers.transcribe_live(audio)
                results.setdefault("recorded", []).append({"clip": name, "heard": heard, "stt_ms": round(stt_ms, 1)})
    return results


def recorded_speech() -> list[tuple[str, np.ndarray]]:
    clips = [SPEECH / "jfk.flac", *sorted((SPEECH / "ljspeech" / "wavs").glob("*.wav"))[:5]]
    return [(clip.name, load_audio(clip)) for clip in clips if clip.is_file()]


def transcripts_of_recorded_speech(router: Router, clips: list[tuple[str, np.ndarray]]) -> list[dict]:
    """Recorded human speech: when edge's transcript of the clip's last utterance is ready after its end. A clip
    with pauses is heard as several utterances, each answered (text only) in turn."""
    assistant = Assistant(router, Recorder(), conversation=None)
    rows = []
    for name, audio in clips:
        last = None
        for event in assistant.hear(frames_of(audio, realtime=True, trailing_silence_s=1.5), speak=False):
            if isinstance(event, FinalTranscript):
                heard = event
            if isinstance(event, TurnTimings) and event.transcript is not None:
                last = {"clip": name, "audio_s": round(len(audio) / SAMPLE_RATE, 1), "heard": heard.text,
                        "transcript": event.transcript, "stt_left_ms": heard.stt_ms}  # fmt: skip
        if last is not None:
            rows.append(last)
    return rows


def table(edge: dict[str, list[dict]], recorded: list[dict], wyoming: dict[str, list[dict]] | None) -> str:
    lines = [
        "| ms after the end of speech (median) | transcript | route | first token | first audio | first audio p90 "
        "| target |" + (" Wyoming STT | Wyoming TTS first audio | Wyoming sum |" if wyoming else ""),
        "|---|---|---|---|---|---|---|" + ("---|---|---|" if wyoming else ""),
    ]
    for kind, rows in edge.items():
        target = "400, p90 <= 500" if kind == "skill" else "650"
        cells = [str(median(rows, s)) for s in STAGES] + [str(p90(rows, "first_audio"))]
        line = f"| {kind} ({len(rows)} turns) | " + " | ".join(cells) + f" | <= {target} |"
        if wyoming:
            w = wyoming[kind]
            line += f" {median(w, 'stt_ms')} | {median(w, 'tts_first_ms')} | {median(w, 'first_audio')} |"
        lines.append(line)
    line = f"| recorded speech ({len(recorded)} clips) | {median(recorded, 'transcript')} | | | | | |"
    if wyoming:
        line += f" {median(wyoming['recorded'], 'stt_ms')} | | |"
    lines.append(line)
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="turns per utterance")
    parser.add_argument("--no-wyoming", action="store_true", help="skip the Wyoming servers")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results" / "voice.json")
    args = parser.parse_args()
    try:
        with tempfile.TemporaryDirectory(prefix="edge-bench-voice-") as tmp:
            settings = load_settings(cache={"enabled": False}, store={"path": Path(tmp) / "edge.db"})
            with Runtime(settings) as runtime, Router(runtime) as router:
                utterances = {kind: [(t, spoken(router, t)) for t in texts] for kind, texts in COMMANDS.items()}
                edge = run_edge(router, utterances, args.repeats)
                clips = recorded_speech()
                recorded = transcripts_of_recorded_speech(router, clips)
                replies = {row["text"]: row["reply"] for rows in edge.values() for row in rows}
                wyoming = None if args.no_wyoming else run_wyoming(router, utterances, replies, clips, args.repeats)
    except EdgeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for kind, rows in edge.items():
        for row in rows[:: args.repeats]:
            print(f"{kind:>9}: heard {row['heard']!r} → {row['handler']}: {row['reply'][:70]!r}")
    print()
    print(table(edge, recorded, wyoming))
    print()
    for kind, rows in edge.items():
        print(f"{kind}: transcription still running when the closing silence ended, median {median(rows, 'stt_left_ms')} ms")
    for row in recorded:
        print(f"{row['clip']} ({row['audio_s']} s): transcript {row['transcript']:.0f} ms after the end, {row['heard']!r}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    result = {"machine": platform.machine(), "cpus": os.cpu_count(), "edge": edge,
              "recorded_speech": recorded, "wyoming": wyoming}  # fmt: skip
    args.out.write_text(json.dumps(result, indent=1))
    print(f"\nwritten to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
