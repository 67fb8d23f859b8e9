from edge.config import load_settings
from edge.engines.threads import usable_cores
from edge.serve.server import served_threads


def test_a_server_speaks_on_every_core_unless_told_otherwise():
    assert served_threads(load_settings(env={})).tts.threads == usable_cores()
    assert served_threads(load_settings(env={}, tts={"threads": 1})).tts.threads == 1


def test_a_server_lets_speech_threads_spin_unless_told_not_to():
    assert not load_settings(env={}).tts.spin
    assert served_threads(load_settings(env={})).tts.spin
    assert not served_threads(load_settings(env={}, tts={"spin": False})).tts.spin
    assert not served_threads(load_settings(env={"EDGE_TTS__SPIN": "false"})).tts.spin
