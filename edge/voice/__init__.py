"""The voice pipeline: audio in, endpointing, streaming STT, the router, sentence chunking, speech out, barge-in."""

from edge.voice.assistant import Assistant
from edge.voice.chunker import SentenceChunker, sentences, speakable
from edge.voice.events import (
    Answered,
    Audio,
    Failed,
    FinalTranscript,
    Interrupted,
    PartialTranscript,
    Retracted,
    Routed,
    Sentence,
    SpeechStarted,
    Token,
    TurnTimings,
    VoiceEvent,
)
from edge.voice.output import AudioOutput, Recorder, Speaker, speaker_or_recorder
from edge.voice.sources import (
    file_frames,
    frames_of,
    microphone_available,
    microphone_frames,
    pcm_frames,
    voice_input,
)

__all__ = [
    "Answered",
    "Assistant",
    "Audio",
    "AudioOutput",
    "Failed",
    "FinalTranscript",
    "Interrupted",
    "PartialTranscript",
    "Recorder",
    "Retracted",
    "Routed",
    "Sentence",
    "SentenceChunker",
    "Speaker",
    "SpeechStarted",
    "Token",
    "TurnTimings",
    "VoiceEvent",
    "file_frames",
    "frames_of",
    "microphone_available",
    "microphone_frames",
    "pcm_frames",
    "sentences",
    "speakable",
    "speaker_or_recorder",
    "voice_input",
]
