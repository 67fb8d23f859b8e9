"""Recorded human speech shipped in tests/data/speech, with the words spoken (sources: tests/data/LICENSES)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from edge.evaluation.metrics import word_error_rate

SPEECH = Path(__file__).resolve().parent / "data" / "speech"


@dataclass(frozen=True)
class Recording:
    path: Path
    words: list[str]
    """The reference transcript, lower-case without punctuation, as ``normalize_words`` gives it."""

    def is_heard_in(self, text: str, max_wer: float = 0.15) -> bool:
        """Whisper's int8 kernels differ by CPU: AVX-512 hears "ill-disposed" in the shipped clip, AVX2 hears
        "old-sposed" (4 of 30 words), with the same 0.07 WER on LJSpeech. A transcript counts as this recording
        when its word error rate is at most ``max_wer``."""
        return word_error_rate([(" ".join(self.words), text)]) <= max_wer


def recording(name: str) -> Recording:
    transcripts = dict(line.split("\t", 1) for line in (SPEECH / "transcripts.tsv").read_text().splitlines() if line)
    return Recording(SPEECH / name, transcripts[name].split())
