"""Whisper on a window sized to the utterance against the full 30 s window: word error rate and time per clip.

    .venv/bin/python scripts/bench_stt_window.py [--part held-back|tune|all]

Clips: LJ Speech's 32 clips and JFK (speech/ in the evaluation data, EDGE_EVAL_DIR), each transcribed as the voice
path does (speech already cut to an utterance, ``Stt.transcribe(..., vad_filter=False)``), once with
``stt.sized_window`` and once without. The window's floor and margin (edge/engines/whisper_window.py) were chosen on
the first 16 LJ clips ("tune"); the other 16 and JFK ("held-back") are what the README reports. Target: the sized
window's WER within 0.01 of the full window's.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from edge.evaluation import eval_dir

SPEECH = eval_dir() / "speech"
JFK = "And so my fellow Americans, ask not what your country can do for you, ask what you can do for your country."
TARGET_WER_LOSS = 0.01


def clips(part: str) -> list[tuple[Path, str]]:
    rows = [line.split("\t", 1) for line in (SPEECH / "ljspeech" / "transcripts.tsv").read_text().splitlines() if "\t" in line]
    lj = [(SPEECH / "ljspeech" / "wavs" / f"{clip}.wav", text) for clip, text in rows]
    return {"tune": lj[:16], "held-back": [*lj[16:], (SPEECH / "jfk.flac", JFK)], "all": [*lj, (SPEECH / "jfk.flac", JFK)]}[part]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", default="held-back", choices=["held-back", "tune", "all"])
    args = parser.parse_args()
    if not SPEECH.is_dir():
        print(f"speech clips not found at {SPEECH}: set EDGE_EVAL_DIR", file=sys.stderr)
        return 1

    from edge import Runtime
    from edge.audio import load_audio
    from edge.config import load_settings
    from edge.evaluation.metrics import word_error_rate

    chosen = clips(args.part)
    audio = [(load_audio(path), text) for path, text in chosen]
    results = {}
    for sized in (False, True):
        settings = load_settings(env={}, stt={"sized_window": sized})
        with Runtime(settings, roles=["stt"]) as runtime:
            runtime.stt.transcribe(audio[0][0], vad_filter=False)
            pairs, seconds = [], []
            for samples, reference in audio:
                start = time.perf_counter()
                pairs.append((reference, runtime.stt.transcribe(samples, vad_filter=False).text))
                seconds.append(time.perf_counter() - start)
        results[sized] = (word_error_rate(pairs), statistics.median(seconds) * 1000)
    full, sized_window = results[False], results[True]
    print(f"{len(audio)} clips ({args.part}): WER full window {full[0]:.4f}, sized window {sized_window[0]:.4f}")
    print(f"  median per clip: full {full[1]:.0f} ms, sized {sized_window[1]:.0f} ms")
    loss = sized_window[0] - full[0]
    print(f"  WER loss {loss:+.4f}, target <= {TARGET_WER_LOSS}: {'met' if loss <= TARGET_WER_LOSS else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
