"""Home Assistant's side of the Wyoming protocol (the `wyoming` package's client) against a real `edge serve`."""

from __future__ import annotations

import asyncio

import numpy as np
import pytest
from wyoming.asr import Transcribe, Transcript, TranscriptChunk
from wyoming.audio import AudioChunk, AudioStart, AudioStop
from wyoming.client import AsyncTcpClient
from wyoming.error import Error
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
    assert asr.asr[0].supports_transcript_streaming
    assert tts.tts[0].supports_synthesize_streaming and tts.tts[0].voices[0].languages == ["en_US"]
    assert handle.handle[0].models[0].languages == ["en"] and not handle.asr


def test_speech_streamed_in_chunks_is_transcribed_after_audio_stop_and_the_transcript_streamed_back(served):
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
    received = talk(served.wyoming["asr"], *events, until="transcript-stop")
    kinds = [event.type for event in received]
    assert kinds[0] == "transcript-start" and kinds[-2:] == ["transcript", "transcript-stop"]
    assert set(kinds[1:-2]) == {"transcript-chunk"}
    transcript = Transcript.from_event(received[-2])
    chunks = [TranscriptChunk.from_event(event).text.strip() for event in received[1:-2]]
    assert speech.is_heard_in(transcript.text) and " ".join(chunks) == transcript.text and transcript.language == "en"


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
    received = talk(served.wyoming["asr"], *events, until="transcript-stop")
    assert [event.type for event in received] == ["transcript-start", "transcript", "transcript-stop"]
    assert Transcript.from_event(received[1]).text == ""


def test_speech_asked_for_past_the_queue_gets_a_busy_error_event():
    long_text = " ".join(f"This is sentence number {n} of a long reading." for n in range(1, 13))
    with edge_serve(env={"EDGE_ROLES": '["tts"]', "EDGE_SERVE__QUEUE": "1"}) as server:

        async def two_at_once() -> tuple[list[Event], Event]:
            async with AsyncTcpClient("127.0.0.1", server.wyoming["tts"]) as first:
                await first.write_event(Synthesize(text=long_text).event())
                assert (await first.read_event()).type == "audio-start"
                async with AsyncTcpClient("127.0.0.1", server.wyoming["tts"]) as second:
                    await second.write_event(Synthesize(text="Hello.").event())
                    refused = await asyncio.wait_for(second.read_event(), 60)
                spoken = []
                while (event := await asyncio.wait_for(first.read_event(), 120)).type != "audio-stop":
                    spoken.append(event)
                return spoken, refused

        spoken, refused = asyncio.run(two_at_once())
    assert Error.is_type(refused.type) and Error.from_event(refused).code == "busy"
    assert "retry" in Error.from_event(refused).text and len(spoken) > 10
