"""With cloud escalation off, nothing in the process may open a network connection."""

import socket

import pytest

import edge

pytestmark = pytest.mark.models


@pytest.fixture
def no_network(monkeypatch):
    attempts: list[object] = []

    def refuse(self, address, *args, **kwargs):
        attempts.append(address)
        raise OSError(f"edge test: network connection to {address} refused")

    def refuse_create(address, *args, **kwargs):
        attempts.append(address)
        raise OSError(f"edge test: network connection to {address} refused")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse_create)
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: attempts.append(a) or refuse_create(a))
    return attempts


def test_load_transcribe_embed_ask_and_say_work_without_the_network(no_network, settings, speech_clip, tmp_path):
    with edge.Runtime(settings) as rt:
        assert all(s.state == "ready" for s in rt.status())
        assert speech_clip.is_heard_in(rt.stt.transcribe(speech_clip.path).text)
        assert rt.embedder.embed(["offline"]).shape == (1, 384)
        assert rt.classifier.classify(["turn on the lights"])[0].label == "device"
        assert "Paris" in rt.llm.chat("What is the capital of France?").text
        assert rt.tts.to_wav("All of this ran offline.", tmp_path / "offline.wav").duration_s > 1
    assert no_network == []
