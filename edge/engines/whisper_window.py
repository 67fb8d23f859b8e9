"""Whisper on a window sized to the utterance instead of 30 seconds of padding.

faster-whisper pads every input to 3,000 mel frames, so the encoder costs the same (about 180 ms on 2 cores for
tiny.en) however short the command; CTranslate2's encoder accepts fewer frames (about 19 ms for 10 s). A spoken
request, already cut to speech, is encoded on a window of its length plus a second, and at least ten seconds:
on shorter windows the decoder repeats itself or mishears the last words ("am you" for "amiable" on a 3 s
utterance with a 6 s window). A transcript that still repeats itself (its text compresses more than
faster-whisper's own threshold allows) is decoded again on the full window.

``scripts/bench_stt_window.py`` measures it on LJ Speech and JFK, the LJ clips split in two: the window was chosen
on the first 16 and is reported on the other 16 and JFK.
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass
from typing import Any

import numpy as np

FULL_FRAMES = 3000
FRAMES_PER_SECOND = 100
SAMPLE_RATE = 16_000
MIN_WINDOW_S = 10
MARGIN_S = 1
MAX_COMPRESSION = 2.4
"""faster-whisper's compression_ratio_threshold: text that compresses more than this repeats itself."""
TOKENS_PER_S = 10
SPARE_TOKENS = 20
"""Speech holds at most about 6.5 tokens a second (5 words a second, fast); a transcript is given room for 10 a
second and 20 more, so a decoder that repeats itself stops within the utterance's length, not at 448 tokens."""
NO_SPEECH = 0.6
LOW_LOGPROB = -1.0
"""faster-whisper's no_speech_threshold and log_prob_threshold: both together mean no speech."""


@dataclass(frozen=True)
class Decoded:
    text: str
    avg_logprob: float
    no_speech_prob: float
    frames: int
    """The encoder's window, in mel frames."""


def window_frames(content_frames: int) -> int:
    needed = math.ceil((content_frames + MARGIN_S * FRAMES_PER_SECOND) / FRAMES_PER_SECOND) * FRAMES_PER_SECOND
    return min(FULL_FRAMES, max(MIN_WINDOW_S * FRAMES_PER_SECOND, needed))


def fits(samples: np.ndarray, sample_rate: int) -> bool:
    """Whether the audio is short enough for one window shorter than the full one."""
    return len(samples) / sample_rate * FRAMES_PER_SECOND < FULL_FRAMES - MARGIN_S * FRAMES_PER_SECOND


def transcribe(model: Any, samples: np.ndarray, language: str, beam_size: int) -> Decoded:
    """One utterance of ``samples`` (16 kHz float32) through a faster-whisper ``WhisperModel`` on a sized window."""
    from faster_whisper.tokenizer import Tokenizer

    features = model.feature_extractor(samples)
    tokenizer = Tokenizer(model.hf_tokenizer, model.model.is_multilingual, task="transcribe", language=language)
    prompt = model.get_prompt(tokenizer, [], without_timestamps=True)
    limit = min(model.max_length, len(prompt) + token_budget(len(samples) / SAMPLE_RATE))
    decoded = _decode(model, tokenizer, prompt, features, window_frames(features.shape[-1]), beam_size, limit)
    if decoded.frames < FULL_FRAMES and _compression(decoded.text) > MAX_COMPRESSION:
        decoded = _decode(model, tokenizer, prompt, features, FULL_FRAMES, beam_size, limit)
    if decoded.no_speech_prob > NO_SPEECH and decoded.avg_logprob < LOW_LOGPROB:
        return Decoded("", decoded.avg_logprob, decoded.no_speech_prob, decoded.frames)
    return decoded


def token_budget(seconds: float) -> int:
    """The most tokens a transcript of ``seconds`` of speech is allowed."""
    return math.ceil(seconds * TOKENS_PER_S) + SPARE_TOKENS


def _decode(
    model: Any, tokenizer: Any, prompt: list[int], features: np.ndarray, frames: int, beam_size: int, max_length: int
) -> Decoded:
    import ctranslate2
    from faster_whisper.audio import pad_or_trim

    window = ctranslate2.StorageView.from_array(np.ascontiguousarray(pad_or_trim(features, frames)[None]))
    result = model.model.generate(
        model.model.encode(window),
        [prompt],
        beam_size=beam_size,
        max_length=max_length,
        return_scores=True,
        return_no_speech_prob=True,
        suppress_blank=True,
        suppress_tokens=[-1],
    )[0]
    tokens = [t for t in result.sequences_ids[0] if t < tokenizer.eot]
    return Decoded(tokenizer.decode(tokens).strip(), float(result.scores[0]), float(result.no_speech_prob), frames)


def _compression(text: str) -> float:
    data = text.encode()
    return len(data) / len(zlib.compress(data)) if data else 0.0
