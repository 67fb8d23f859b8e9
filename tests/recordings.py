"""Recorded human speech shipped in tests/data/speech, with the words spoken (sources: tests/data/LICENSES)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

SPEECH = Path(__file__).resolve().parent / "data" / "speech"


@dataclass(frozen=True)
class Recording:
    path: Path
    words: list[str]
    """The reference transcript, lower-case without punctuation, as ``normalize_words`` gives it."""


def recording(name: str) -> Recording:
    transcripts = dict(line.split("\t", 1) for line in (SPEECH / "transcripts.tsv").read_text().splitlines() if line)
    return Recording(SPEECH / name, transcripts[name].split())
