"""The typed events of a voice turn: the one stream the TUI, the CLI and embedding apps consume.

A spoken turn runs SpeechStarted → PartialTranscript* → FinalTranscript → Routed → Token* / Sentence* /
Audio* → Answered → TurnTimings; a typed turn starts at Routed. Retracted withdraws the answer's text so far (the
model writing it was abandoned) and stops its speech; the tokens after it replace that text. Interrupted ends a turn
early (barge-in or interrupt()); Failed carries an error that names its fix. Token and Retracted are the router's own.
"""

from __future__ import annotations

from dataclasses import dataclass

from edge.engines.tts import AudioChunk
from edge.router.gateway import Decision
from edge.router.request import Reply, Retracted, Token


@dataclass(frozen=True)
class SpeechStarted:
    at_s: float
    """Seconds into the input audio."""


@dataclass(frozen=True)
class PartialTranscript:
    text: str
    audio_s: float
    """How much of the utterance this text covers."""


@dataclass(frozen=True)
class FinalTranscript:
    text: str
    audio_s: float
    stt_ms: float
    """Work left after the end of speech: 0 when a transcript started during the closing pause was ready in time."""


@dataclass(frozen=True)
class Routed:
    text: str
    decision: Decision


@dataclass(frozen=True)
class Sentence:
    text: str
    index: int


@dataclass(frozen=True)
class Audio(AudioChunk):
    """Speech for sentence number ``sentence``, as it is handed to the output."""

    sentence: int


@dataclass(frozen=True)
class Answered:
    reply: Reply


@dataclass(frozen=True)
class TurnTimings:
    """Milliseconds from the end of speech (or the moment typed text was submitted) to each stage."""

    transcript: float | None
    route: float
    first_token: float | None
    first_audio: float | None
    done: float

    def stages(self) -> dict[str, float | None]:
        return {
            "transcript": self.transcript,
            "route": self.route,
            "first token": self.first_token,
            "first audio": self.first_audio,
            "done": self.done,
        }


@dataclass(frozen=True)
class Interrupted:
    reason: str


@dataclass(frozen=True)
class Failed:
    message: str


VoiceEvent = (
    SpeechStarted
    | PartialTranscript
    | FinalTranscript
    | Routed
    | Token
    | Retracted
    | Sentence
    | Audio
    | Answered
    | TurnTimings
    | Interrupted
    | Failed
)
