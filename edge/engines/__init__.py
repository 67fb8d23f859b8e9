"""One module per model kind; each engine is built from settings and loads lazily."""

from edge.engines.base import Engine
from edge.engines.classifier import Classification, Classifier
from edge.engines.embedder import Embedder
from edge.engines.llm import ChatMessage, Completion, Generation, GenerationStats, Llm
from edge.engines.stt import Segment, Stt, Transcript
from edge.engines.tts import AudioChunk, SpeechFile, Tts
from edge.engines.vad import SpeechSegment, Vad

__all__ = [
    "AudioChunk",
    "ChatMessage",
    "Classification",
    "Classifier",
    "Completion",
    "Embedder",
    "Engine",
    "Generation",
    "GenerationStats",
    "Llm",
    "Segment",
    "SpeechFile",
    "SpeechSegment",
    "Stt",
    "Transcript",
    "Tts",
    "Vad",
]
