"""Wyoming servers, the protocol Home Assistant speaks to local speech and conversation services: speech to text,
text to speech (whole or streamed text) and a conversation handler, each on its own port, from the same models
and router as the HTTP API.

The protocol has no authentication: on another address than loopback a warning is logged, and
``serve.wyoming_clients`` limits who may connect.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
from wyoming.asr import Transcribe, Transcript, TranscriptChunk, TranscriptStart, TranscriptStop
from wyoming.audio import AudioChunk, AudioChunkConverter, AudioStart, AudioStop
from wyoming.error import Error
from wyoming.event import Event
from wyoming.handle import Handled, NotHandled
from wyoming.info import AsrModel, AsrProgram, Attribution, Describe, HandleModel, HandleProgram, Info, TtsProgram, TtsVoice
from wyoming.server import AsyncEventHandler
from wyoming.tts import Synthesize, SynthesizeChunk, SynthesizeStart, SynthesizeStop, SynthesizeStopped

from edge.errors import ConfigError, EdgeError, InputError
from edge.router.request import Handled as Handler
from edge.serve.admission import Busy
from edge.serve.audio_api import speech
from edge.serve.bridge import in_thread
from edge.serve.exposure import is_loopback
from edge.serve.openai_api import Served
from edge.serve.wyoming_events import MalformedEvent, parsed, read_event
from edge.voice.chunker import SentenceChunker

Service = Literal["asr", "tts", "handle"]
LOG = logging.getLogger("edge.serve")
ATTRIBUTION = Attribution(name="edge", url="https://github.com/")
SAMPLES_PER_CHUNK = 1024
STT_RATE = 16_000
AUDIO_RATES = range(4_000, 192_001)


@dataclass(frozen=True)
class Described:
    """What each service says about itself in Info."""

    stt_model: str | None
    tts_voice: str | None
    tts_languages: list[str]
    stt_languages: list[str]


def describe(served: Served) -> Described:
    stt, tts = served.model_id("stt"), served.model_id("tts")
    stt_languages = ["en"] if stt and stt.endswith(".en") else [served.runtime.settings.stt.language or "en"]
    tts_language = (tts or "").removeprefix("piper-").split("-")[0]
    return Described(stt, tts, [tts_language] if tts_language else ["en"], stt_languages)


def info(served: Served, service: Service) -> Info:
    about = describe(served)

    def artifact(name: str, description: str) -> dict[str, Any]:
        return {"name": name, "attribution": ATTRIBUTION, "installed": True, "description": description, "version": None}

    if service == "asr":
        model = AsrModel(languages=about.stt_languages, **artifact(about.stt_model or "stt", "Whisper (faster-whisper)"))
        streamed = AsrProgram(models=[model], supports_transcript_streaming=True, **artifact("edge", "edge speech to text"))
        return Info(asr=[streamed])
    if service == "tts":
        voice = TtsVoice(languages=about.tts_languages, **artifact(about.tts_voice or "tts", "Piper voice"))
        program = TtsProgram(voices=[voice], supports_synthesize_streaming=True, **artifact("edge", "edge text to speech"))
        return Info(tts=[program])
    agent = HandleModel(languages=["en"], **artifact("edge-router", "skills, documents and the local LLM"))
    return Info(handle=[HandleProgram(models=[agent], **artifact("edge", "edge conversation agent"))])


class EdgeHandler(AsyncEventHandler):
    """One client's connection to one service."""

    def __init__(self, served: Served, service: Service, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.served, self.service = served, service
        self._converter = AudioChunkConverter(rate=STT_RATE, width=2, channels=1)
        self._audio: list[bytes] = []
        self._audio_bytes = 0
        self._max_audio_bytes = int(served.runtime.settings.stt.max_audio_s * STT_RATE * 2)
        self._language: str | None = None
        self._streamed: SentenceChunker | None = None

    async def run(self) -> None:
        """Events until the client leaves; one whose framing is broken gets an Error event and ends the connection,
        since what follows it cannot be found."""
        try:
            while True:
                try:
                    event = await read_event(self.reader)
                except MalformedEvent as exc:
                    await self.write_event(
                        Error(text=f"{exc}. Fix: send Wyoming events as the protocol describes", code="malformed").event()
                    )
                    break
                if event is None or not await self.handle_event(event):
                    break
        except ConnectionError:
            pass
        finally:
            await self.disconnect()
            self.writer.close()

    async def handle_event(self, event: Event) -> bool:
        if Describe.is_type(event.type):
            await self.write_event(info(self.served, self.service).event())
            return True
        try:
            if self.service == "asr":
                await self._asr(event)
            elif self.service == "tts":
                await self._tts(event)
            elif Transcript.is_type(event.type):
                await self._handle(parsed(Transcript, event).text)
        except Busy as exc:
            await self.write_event(Error(text=f"{exc}; retry in a moment", code="busy").event())
        except MalformedEvent as exc:
            await self.write_event(Error(text=f"{exc}. Fix: send the fields the protocol gives it", code="malformed").event())
        except EdgeError as exc:
            await self.write_event(Error(text=str(exc), code=type(exc).__name__).event())
        return True

    async def _asr(self, event: Event) -> None:
        if Transcribe.is_type(event.type):
            self._language = parsed(Transcribe, event).language
        elif AudioStart.is_type(event.type):
            self._audio, self._audio_bytes = [], 0
            self._converter = AudioChunkConverter(rate=STT_RATE, width=2, channels=1)
        elif AudioChunk.is_type(event.type):
            self._add_audio(parsed(AudioChunk, event))
        elif AudioStop.is_type(event.type):
            samples = np.frombuffer(b"".join(self._audio), dtype=np.int16)
            self._audio, self._audio_bytes = [], 0
            with self.served.lanes["stt"].admit():
                await self._transcribe(samples)

    def _add_audio(self, chunk: AudioChunk) -> None:
        if chunk.rate not in AUDIO_RATES or chunk.width not in (1, 2, 4) or chunk.channels not in (1, 2):
            raise MalformedEvent(
                f"the audio-chunk event's format (rate {chunk.rate!r}, width {chunk.width!r}, channels {chunk.channels!r})"
                " is not 4-192 kHz, 1, 2 or 4 bytes, mono or stereo"
            )
        if len(chunk.audio) % (chunk.width * chunk.channels):
            raise MalformedEvent("the audio-chunk event's audio is not a whole number of frames")
        try:
            audio = self._converter.convert(chunk).audio
        except Exception as exc:  # noqa: BLE001 - audioop's own error type differs between Python versions
            raise MalformedEvent(
                f"the audio-chunk event's audio cannot be converted ({exc}); send one format per utterance"
            ) from None
        self._audio_bytes += len(audio)
        if self._audio_bytes > self._max_audio_bytes:
            self._audio, self._audio_bytes = [], 0
            limit = self.served.runtime.settings.stt.max_audio_s
            raise InputError(
                f"the utterance is longer than {limit:g} s and was dropped", "send shorter utterances, or raise stt.max_audio_s"
            )
        self._audio.append(audio)

    async def _transcribe(self, samples: np.ndarray) -> None:
        """The transcript streamed segment by segment as Whisper decodes it (TranscriptStart, a TranscriptChunk each,
        TranscriptStop), with the whole Transcript before the stop for clients that do not stream."""
        stt, asked = self.served.runtime.stt, self._language
        spoken: list[str] = []
        texts: list[str] = []
        started = False
        async for segment in in_thread(lambda stop: stt.stream(samples, language=asked, on_language=spoken.append)):
            if not started:
                await self.write_event(TranscriptStart(language=spoken[0] if spoken else asked).event())
                started = True
            if text := segment.text.strip():
                texts.append(text)
                await self.write_event(TranscriptChunk(text=segment.text).event())
        language = spoken[0] if spoken else asked
        if not started:
            await self.write_event(TranscriptStart(language=language).event())
        await self.write_event(Transcript(text=" ".join(texts), language=language).event())
        await self.write_event(TranscriptStop().event())

    async def _tts(self, event: Event) -> None:
        if SynthesizeStart.is_type(event.type):
            self._streamed = SentenceChunker(first_words=0)
        elif SynthesizeChunk.is_type(event.type) and self._streamed is not None:
            for sentence in self._streamed.feed(parsed(SynthesizeChunk, event).text):
                await self._speak(sentence)
        elif SynthesizeStop.is_type(event.type) and self._streamed is not None:
            for sentence in self._streamed.flush():
                await self._speak(sentence)
            self._streamed = None
            await self.write_event(SynthesizeStopped().event())
        elif Synthesize.is_type(event.type) and self._streamed is None:
            await self._speak(parsed(Synthesize, event).text)

    async def _speak(self, text: str) -> None:
        """One utterance: AudioStart, its chunks as each sentence is synthesised, AudioStop."""
        tts = self.served.runtime.tts
        rate = tts.sample_rate
        with self.served.lanes["tts"].admit():
            pieces = speech(tts, text)
            await self.write_event(AudioStart(rate=rate, width=2, channels=1).event())
            async for audio in pieces:
                for start in range(0, len(audio), SAMPLES_PER_CHUNK * 2):
                    chunk = AudioChunk(rate=rate, width=2, channels=1, audio=audio[start : start + SAMPLES_PER_CHUNK * 2])
                    await self.write_event(chunk.event())
            await self.write_event(AudioStop().event())

    async def _handle(self, text: str) -> None:
        router = self.served.router
        if router is None:
            await self.write_event(NotHandled(text="edge has no router here: add embedder and classifier to roles").event())
            return
        with self.served.lanes["router"].admit():
            reply = await _one(lambda: router.ask(text))
        handled = reply.handler not in (Handler.REFUSAL, Handler.ERROR, Handler.CLARIFY)
        await self.write_event((Handled if handled else NotHandled)(text=reply.text).event())


async def _one(work: Any) -> Any:
    async for item in in_thread(lambda stop: iter([work()])):
        return item
    raise AssertionError("the worker produced nothing")


async def start_servers(served: Served, say: Any) -> list[asyncio.Server]:
    """Each enabled Wyoming service listening; ``say`` gets "wyoming-asr port N" and the like."""
    settings = served.settings
    started: list[asyncio.Server] = []
    for service, config in (("asr", settings.wyoming_asr), ("tts", settings.wyoming_tts), ("handle", settings.wyoming_handle)):
        if not config.enabled:
            continue
        if not is_loopback(config.host):
            LOG.warning("Wyoming %s on %s has no authentication: anyone who reaches it can use it", service, config.host)

        async def connected(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, service: Service = service) -> None:  # type: ignore[assignment]
            peer = writer.get_extra_info("peername")
            allowed = settings.wyoming_clients
            if allowed and (not peer or peer[0] not in allowed):
                writer.close()
                return
            await EdgeHandler(served, service, reader, writer).run()

        try:
            server = await asyncio.start_server(connected, host=config.host, port=config.port)
        except OSError as exc:
            for each in started:
                each.close()
            raise ConfigError(
                f"the Wyoming {service} server cannot listen on {config.host}:{config.port} ({exc.strerror})",
                f"set serve.wyoming_{service}.port to a free port, or serve.wyoming_{service}.enabled = false",
            ) from None
        port = server.sockets[0].getsockname()[1]
        say(f"wyoming-{service} port {port}")
        started.append(server)
    return started
