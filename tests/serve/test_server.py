from edge.config import load_settings
from edge.engines.threads import usable_cores
from edge.serve.server import served_threads


def test_a_server_speaks_on_every_core_unless_told_otherwise():
    assert served_threads(load_settings(env={})).tts.threads == usable_cores()
    assert served_threads(load_settings(env={}, tts={"threads": 1})).tts.threads == 1
