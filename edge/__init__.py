"""edge: an offline, on-device multi-model AI runtime.

import edge
with edge.Runtime() as rt:
    print(rt.stt.transcribe("talk.flac").text)
    print(rt.llm.chat("What is the capital of France?").text)
"""

import os

for _switch in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE", "HF_HUB_DISABLE_TELEMETRY"):
    os.environ.setdefault(_switch, "1")

from edge.config import ROLES, Role, Settings, load_settings  # noqa: E402
from edge.engines import (  # noqa: E402
    AudioChunk,
    ChatMessage,
    Classification,
    Completion,
    Generation,
    GenerationStats,
    Segment,
    SpeechFile,
    SpeechSegment,
    Transcript,
)
from edge.errors import ConfigError, EdgeError, InputError, MissingExtra, ModelFileError, RoleUnavailable  # noqa: E402
from edge.runtime import RoleStatus, Runtime  # noqa: E402

__version__ = "0.1.0"

__all__ = [
    "ROLES",
    "AudioChunk",
    "ChatMessage",
    "Classification",
    "Completion",
    "ConfigError",
    "EdgeError",
    "Generation",
    "GenerationStats",
    "InputError",
    "MissingExtra",
    "ModelFileError",
    "Role",
    "RoleStatus",
    "RoleUnavailable",
    "Runtime",
    "Segment",
    "Settings",
    "SpeechFile",
    "SpeechSegment",
    "Transcript",
    "load_settings",
]
