"""OpenAI's audio endpoints: transcriptions of an uploaded file, and speech streamed sentence by sentence."""

from __future__ import annotations

import struct
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response

from edge.engines.stt import Transcript
from edge.serve.admission import Lane
from edge.serve.bridge import in_thread

STT_ALIASES = frozenset({"whisper-1", "gpt-4o-transcribe", "gpt-4o-mini-transcribe"})
TTS_ALIASES = frozenset({"tts-1", "tts-1-hd", "gpt-4o-mini-tts"})
"""OpenAI's model names, taken for edge's local model so clients written for OpenAI work unchanged."""
TRANSCRIPT_FORMATS = ("json", "text", "verbose_json", "srt", "vtt")
SPEECH_FORMATS = ("wav", "pcm")


class AudioRequestError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


async def transcription(request: Request, stt: Any, model: str, lane: Lane) -> Response:
    async with request.form(max_files=1, max_fields=20) as form:
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise AudioRequestError("no file in the form. Fix: send the audio as multipart field 'file'")
        asked = str(form.get("model") or "")
        if asked not in (model, *STT_ALIASES):
            raise AudioRequestError(f"model {asked!r} does not transcribe here. Fix: use {model} or whisper-1")
        fmt = str(form.get("response_format") or "json")
        if fmt not in TRANSCRIPT_FORMATS:
            raise AudioRequestError(f"response_format {fmt!r} is not offered. Fix: use one of {', '.join(TRANSCRIPT_FORMATS)}")
        language = str(form.get("language") or "") or None
        data = await upload.read()
    with lane.admit(), tempfile.TemporaryDirectory(prefix="edge-upload-") as folder:
        path = Path(folder) / "audio"
        path.write_bytes(data)
        transcript = await _first(in_thread(lambda stop: iter([stt.transcribe(path, language=language)])))
    return _transcript_response(transcript, fmt)


async def _first(items: AsyncIterator[Any]) -> Any:
    async for item in items:
        return item
    raise AssertionError("the worker produced nothing")


def _transcript_response(transcript: Transcript, fmt: str) -> Response:
    if fmt == "json":
        return JSONResponse({"text": transcript.text})
    if fmt == "text":
        return PlainTextResponse(transcript.text)
    if fmt == "verbose_json":
        segments = [
            {
                "id": i,
                "start": round(s.start, 3),
                "end": round(s.end, 3),
                "text": s.text,
                "avg_logprob": s.avg_logprob,
                "no_speech_prob": s.no_speech_prob,
            }
            for i, s in enumerate(transcript.segments)
        ]
        body = {"task": "transcribe", "language": transcript.language, "duration": round(transcript.duration_s, 3)}
        return JSONResponse(body | {"text": transcript.text, "segments": segments})
    cues = [(s.start, s.end, s.text.strip()) for s in transcript.segments]
    if fmt == "srt":
        blocks = [f"{i}\n{_stamp(a, ',')} --> {_stamp(b, ',')}\n{text}\n" for i, (a, b, text) in enumerate(cues, 1)]
        return PlainTextResponse("\n".join(blocks), media_type="application/x-subrip")
    blocks = [f"{_stamp(a, '.')} --> {_stamp(b, '.')}\n{text}\n" for a, b, text in cues]
    return PlainTextResponse("WEBVTT\n\n" + "\n".join(blocks), media_type="text/vtt")


def _stamp(seconds: float, mark: str) -> str:
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}{mark}{rest % 1000:03d}"


def speech(tts: Any, text: str) -> AsyncIterator[bytes]:
    """Each sentence's samples (int16, little-endian) as soon as it is synthesised; leaving early stops piper.
    Text piper cannot speak raises here, before the response has started."""

    sentences = tts.synthesize(text)

    def samples(stop: Any) -> Iterator[bytes]:
        for chunk in sentences:
            yield chunk.samples.astype("<i2").tobytes()
            if stop.is_set():
                return

    return in_thread(samples)


def speech_stream(tts: Any, text: str, fmt: str) -> tuple[AsyncIterator[bytes], str, dict[str, str]]:
    """The body, its media type and headers: the sentences' samples as each is synthesised, a WAV header first."""
    rate, pieces = tts.sample_rate, speech(tts, text)

    async def body() -> AsyncIterator[bytes]:
        if fmt == "wav":
            yield streaming_wav_header(rate)
        async for piece in pieces:
            yield piece

    media = "audio/wav" if fmt == "wav" else "audio/pcm"
    return body(), media, {"X-Sample-Rate": str(rate)}


def streaming_wav_header(sample_rate: int) -> bytes:
    """A mono 16-bit WAV header whose lengths say "unknown" (0xFFFFFFFF), as streamed WAV is written."""
    unknown = 0xFFFFFFFF
    fmt = struct.pack("<HHIIHH", 1, 1, sample_rate, sample_rate * 2, 2, 16)
    return b"RIFF" + struct.pack("<I", unknown) + b"WAVEfmt " + struct.pack("<I", 16) + fmt + b"data" + struct.pack("<I", unknown)
