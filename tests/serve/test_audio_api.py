"""OpenAI's audio endpoints of a real `edge serve`, called with OpenAI's own client."""

from __future__ import annotations

import io
import wave
from concurrent.futures import ThreadPoolExecutor

import httpx
import openai
import pytest

from tests.recordings import recording
from tests.serve.served import edge_serve

pytestmark = pytest.mark.models


@pytest.fixture(scope="module")
def served():
    with edge_serve(env={"EDGE_ROLES": '["vad", "stt", "tts"]'}) as server:
        yield server


def test_an_uploaded_recording_is_transcribed(client):
    speech = recording("austen-amiable.flac")
    with speech.path.open("rb") as audio:
        transcript = client.audio.transcriptions.create(model="whisper-1", file=audio)
    assert speech.is_heard_in(transcript.text)


@pytest.mark.parametrize("fmt, start", [("srt", "1\n00:00:00,000 --> "), ("vtt", "WEBVTT\n\n00:00:00.000 --> ")])
def test_subtitles_time_each_segment(client, fmt, start):
    with recording("austen-amiable.flac").path.open("rb") as audio:
        subtitles = client.audio.transcriptions.create(model="whisper-tiny.en", file=audio, response_format=fmt)
    assert subtitles.startswith(start) and "amiable" in subtitles


def test_verbose_json_gives_language_duration_and_segments(client):
    with recording("austen-amiable.flac").path.open("rb") as audio:
        verbose = client.audio.transcriptions.create(model="whisper-1", file=audio, response_format="verbose_json")
    assert verbose.language == "en" and 2.0 < verbose.duration < 5.0
    assert verbose.segments[0].start == 0.0 and verbose.segments[-1].end <= verbose.duration + 0.5


def test_a_file_that_is_not_audio_is_refused_with_the_fix(client):
    with pytest.raises(openai.BadRequestError, match="wav, flac, mp3 or ogg"):
        client.audio.transcriptions.create(model="whisper-1", file=("notes.txt", b"these are not sounds"))


def test_speech_comes_back_as_a_wav_that_plays(client):
    reply = client.audio.speech.create(model="tts-1", voice="alloy", input="Hello there. This is edge.", response_format="wav")
    audio = reply.read()
    header = audio[:44]
    assert header[:4] == b"RIFF" and header[8:16] == b"WAVEfmt "
    rate = int.from_bytes(header[24:28], "little")
    seconds = (len(audio) - 44) / 2 / rate
    assert 1.0 < seconds < 5.0


def test_raw_pcm_says_its_sample_rate(served):
    reply = httpx.post(
        f"{served.api}/audio/speech", json={"model": "tts-1", "input": "One.", "response_format": "pcm"}, timeout=60
    )
    assert reply.status_code == 200 and reply.headers["x-sample-rate"] == "22050"
    assert len(reply.content) > 22050 * 2 * 0.2


def test_a_format_edge_cannot_make_is_refused_with_the_fix(client):
    with pytest.raises(openai.BadRequestError, match="Fix: use wav or pcm"):
        client.audio.speech.create(model="tts-1", voice="alloy", input="Hello.", response_format="mp3")


def test_the_wav_header_says_its_length_is_unknown_so_players_read_to_the_end():
    from edge.serve.audio_api import streaming_wav_header

    with wave.open(io.BytesIO(streaming_wav_header(16000) + b"\x00\x00" * 160)) as wav:
        assert (wav.getframerate(), wav.getnchannels(), wav.getsampwidth()) == (16000, 1, 2)


def test_four_transcriptions_at_once_all_complete(client):
    speech = recording("austen-amiable.flac")

    def transcribe(_: int) -> str:
        with speech.path.open("rb") as audio:
            return client.audio.transcriptions.create(model="whisper-1", file=audio).text

    with ThreadPoolExecutor(4) as pool:
        assert all(speech.is_heard_in(text) for text in pool.map(transcribe, range(4)))
