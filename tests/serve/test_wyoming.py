"""Home Assistant's side of the Wyoming protocol (the `wyoming` package's client) against a real `edge serve`."""

from __future__ import annotations

import asyncio

import numpy as np
import pytest
from wyoming.asr import Transcribe, Transcript
from wyoming.audio import AudioChunk, AudioStart, AudioStop
from wyoming.client import AsyncTcpClient
from wyoming.event import Event
from wyoming.handle import Handled, NotHandled
from wyoming.info import Describe, Info
from wyoming.tts import Synthesize, SynthesizeChunk, SynthesizeStart, SynthesizeStop, SynthesizeStopped

from edge.audio import load_audio
from tests.recordings import recording
from tests.serve.served import edge_serve

pytestmark = pytest.mark.models


@pytest.fixture(scope="module")
def served():
    with edge_serve(env={"EDGE_ROLES": '["vad", "stt", "tts", "embedder", "classifier"]'}) as server:
        yield server


def talk(port: int, *events: Event, until: str) -> list[Event]:
    """Send the events, then read until an event of type ``until``."""

    async def exchange() -> list[Event]:
        async with AsyncTcpClient("127.0.0.1", port) as client:
            for event in events:
                await client.write_event(event)
            received = []
            while True:
                event = await asyncio.wait_for(client.read_event(), 120)
                assert event is not None, "the server closed the connection"
                received.append(event)
                if event.type == until:
                    return received

    return asyncio.run(exchange())


def test_each_service_describes_itself(served):
    asr = Info.from_event(talk(served.wyoming["asr"], Describe().event(), until="info")[-1])
    tts = Info.from_event(talk(served.wyoming["tts"], Describe().event(), until="info")[-1])
    handle = Info.from_event(talk(served.wyoming["handle"], Describe().event(), until="info")[-1])
    assert asr.asr[0].models[0].name == "whisper-tiny.en" and asr.asr[0].models[0].languages == ["en"]
    assert tts.tts[0].supports_synthesize_streaming and tts.tts[0].voices[0].languages == ["en_US"]
    assert handle.handle[0].models[0].languages == ["en"] and not handle.asr


def test_speech_streamed_in_chunks_is_transcribed_after_audio_stop(served):
    speech = recording("austen-amiable.flac")
    samples = (load_audio(speech.path) * 32767).astype("<i2").tobytes()
    chunks = [
        AudioChunk(rate=16000, width=2, channels=1, audio=samples[i : i + 2048]).event() for i in range(0, len(samples), 2048)
    ]
    events = [
        Transcribe(language="en").event(),
        AudioStart(rate=16000, width=2, channels=1).event(),
        *chunks,
        AudioStop().event(),
    ]
    transcript = Transcript.from_event(talk(served.wyoming["asr"], *events, until="transcript")[-1])
    assert speech.is_heard_in(transcript.text)


def _seconds(events: list[Event]) -> float:
    chunks = [AudioChunk.from_event(e) for e in events if AudioChunk.is_type(e.type)]
    return sum(len(c.audio) for c in chunks) / 2 / chunks[0].rate


def test_text_is_spoken_as_one_utterance(served):
    events = talk(served.wyoming["tts"], Synthesize(text="Hello there. This is edge.").event(), until="audio-stop")
    assert events[0].type == "audio-start" and 1.0 < _seconds(events) < 5.0


def test_streamed_text_is_spoken_sentence_by_sentence_as_it_comes(served):
    events = talk(
        served.wyoming["tts"],
        SynthesizeStart().event(),
        SynthesizeChunk(text="Hello the").event(),
        SynthesizeChunk(text="re. This is").event(),
        SynthesizeChunk(text=" edge.").event(),
        Synthesize(text="Hello there. This is edge.").event(),
        SynthesizeStop().event(),
        until="synthesize-stopped",
    )
    types = [e.type for e in events if e.type != "audio-chunk"]
    assert types == ["audio-start", "audio-stop", "audio-start", "audio-stop", SynthesizeStopped().event().type]
    assert 1.0 < _seconds(events) < 5.0


def test_a_request_edge_can_serve_is_handled(served):
    reply = talk(served.wyoming["handle"], Transcript(text="what is seven times six").event(), until="handled")[-1]
    assert Handled.from_event(reply).text == "7 times 6 is 42."


def test_a_request_edge_cannot_serve_offline_is_not_handled_but_says_why(served):
    reply = talk(served.wyoming["handle"], Transcript(text="turn on the living room lights").event(), until="not-handled")
    assert NotHandled.from_event(reply[-1]).text


def test_silence_is_an_empty_transcript_not_an_error(served):
    silence = np.zeros(16000, dtype="<i2").tobytes()
    events = [
        AudioStart(rate=16000, width=2, channels=1).event(),
        AudioChunk(rate=16000, width=2, channels=1, audio=silence).event(),
        AudioStop().event(),
    ]
    transcript = Transcript.from_event(talk(served.wyoming["asr"], *events, until="transcript")[-1])
    assert transcript.text.strip() == ""
