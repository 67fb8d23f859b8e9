import numpy as np
import pytest

from edge.audio import load_audio
from edge.evaluation.metrics import normalize_words
from edge.voice.events import PartialTranscript, SpeechStarted
from edge.voice.listener import Listener
from edge.voice.sources import frames_of
from tests.recordings import recording


@pytest.fixture
def heard(runtime, settings):
    events = []
    listener = Listener(runtime.vad, runtime.stt, settings, events.append)
    yield listener, events
    listener.close()


def listen(listener, samples, realtime=True):
    return [u for frame in frames_of(samples, realtime=realtime) if (u := listener.feed(frame)) is not None]


def test_speech_at_real_time_pace_is_transcribed_with_partials_before_the_end(heard, speech):
    listener, events = heard
    utterances = listen(listener, speech("Please remind me to water the plants on Sunday morning."))
    assert len(utterances) == 1
    assert "water the plants" in utterances[0].text.lower()
    assert isinstance(events[0], SpeechStarted) and 0.1 < events[0].at_s < 0.6
    partials = [e for e in events if isinstance(e, PartialTranscript)]
    assert partials, "no partial transcript while speaking"
    assert partials[0].audio_s < utterances[0].audio_s
    assert utterances[0].ready_ms >= utterances[0].stt_ms >= 0


def test_two_utterances_with_a_pause_between_are_heard_separately(heard, speech):
    listener, _ = heard
    gap = np.zeros(16_000, dtype=np.float32)
    utterances = listen(listener, np.concatenate([speech("What time is it?"), gap, speech("Set a timer.")]), realtime=False)
    assert [normalize_words(u.text) for u in utterances] == [["what", "time", "is", "it"], ["set", "a", "timer"]]


def test_silence_and_a_click_make_no_utterance(heard):
    listener, events = heard
    audio = np.zeros(32_000, dtype=np.float32)
    audio[16_000:16_050] = 0.9
    assert listen(listener, audio, realtime=False) == []
    assert not any(isinstance(e, PartialTranscript) for e in events)


def test_recorded_speech_at_real_time_pace_is_transcribed(heard):
    clip = recording("austen-amiable.flac")
    listener, _ = heard
    utterances = listen(listener, load_audio(clip.path))
    assert [normalize_words(u.text) for u in utterances] == [clip.words]


def test_in_push_to_talk_a_pause_does_not_end_the_utterance_the_end_of_input_does(runtime, settings, speech):
    voice = settings.voice.model_copy(update={"mode": "push_to_talk"})
    listener = Listener(runtime.vad, runtime.stt, settings.model_copy(update={"voice": voice}), lambda _: None)
    gap = np.zeros(16_000, dtype=np.float32)
    audio = np.concatenate([speech("What time is it?"), gap, speech("Set a timer.")])
    assert listen(listener, audio, realtime=False) == []
    utterance = listener.finish()
    listener.close()
    heard = normalize_words(utterance.text)
    assert heard[:3] == ["what", "time", "is"] and heard[-1] == "timer"


def heard_with_a_pause(listener, first, pause_s, rest, speech):
    pause = np.zeros(round(pause_s * 16_000), dtype=np.float32)
    utterances = listen(listener, np.concatenate([speech(first), pause, speech(rest)])) + [listener.finish()]
    listener.close()
    return [" ".join(normalize_words(u.text)) for u in utterances if u is not None]


def test_a_pause_after_a_whole_command_ends_it_sooner_than_silence_alone(runtime, settings, router, speech):
    patient = settings.model_copy(update={"vad": settings.vad.model_copy(update={"min_silence_ms": 1000})})
    listener = Listener(runtime.vad, runtime.stt, patient, lambda _: None, router.completeness)
    assert heard_with_a_pause(listener, "What time is it?", 0.5, "Set a timer.", speech) == ["what time is it", "set a timer"]


def test_a_pause_mid_phrase_waits_longer_than_silence_alone(runtime, settings, router, speech):
    for unfinished_ms, utterances in ((settings.vad.min_silence_ms, 2), (settings.voice.unfinished_silence_ms, 1)):
        voice = settings.voice.model_copy(update={"unfinished_silence_ms": unfinished_ms})
        listener = Listener(runtime.vad, runtime.stt, settings.model_copy(update={"voice": voice}), lambda _: None)
        heard = heard_with_a_pause(listener, "Set an alarm for", 0.3, "seven.", speech)
        assert len(heard) == utterances and heard[0].startswith("set an alarm for")
