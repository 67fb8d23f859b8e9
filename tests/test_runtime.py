import threading

import pytest

import edge
from edge.errors import RoleUnavailable


def test_every_role_is_ready_after_start(runtime):
    statuses = {s.role: s for s in runtime.status()}
    assert set(statuses) == set(edge.ROLES)
    for status in statuses.values():
        assert status.state == "ready", status.error
        assert status.verified and status.load_s is not None
    assert not runtime.degraded


@pytest.mark.models
def test_roles_load_in_parallel(settings, monkeypatch):
    from edge.engines.base import Engine

    active, peak = 0, 0
    lock = threading.Lock()
    real = Engine.load

    def counting(self):
        nonlocal active, peak
        with lock:
            active += 1
            peak = max(peak, active)
        try:
            real(self)
        finally:
            with lock:
                active -= 1

    monkeypatch.setattr(Engine, "load", counting)
    rt = edge.Runtime(settings.model_copy(update={"roles": ["vad", "stt", "llm"]}))
    rt.start()
    assert peak > 1
    rt.close()


@pytest.mark.models
def test_a_broken_role_leaves_the_others_working(settings, tmp_path, speech_clip):
    broken = tmp_path / "voice.onnx"
    broken.write_bytes(b"garbage")
    (tmp_path / "voice.onnx.json").write_text("{}")
    rt = edge.Runtime(
        settings.model_copy(update={"roles": ["stt", "llm", "tts"], "tts": settings.tts.model_copy(update={"path": broken})})
    )
    statuses = {s.role: s for s in rt.start()}
    assert statuses["tts"].state == "failed" and "voice.onnx" in statuses["tts"].error
    assert statuses["stt"].state == statuses["llm"].state == "ready"
    assert rt.degraded
    with pytest.raises(RoleUnavailable, match="tts is unavailable"):
        rt.tts.synthesize("hello")
    assert "Paris" in rt.llm.chat("What is the capital of France?").text
    assert speech_clip.is_heard_in(rt.stt.transcribe(speech_clip.path).text)
    rt.close()


def test_a_disabled_role_says_how_to_enable_it(settings):
    rt = edge.Runtime(
        settings.model_copy(update={"roles": ["llm"]}),
    )
    with pytest.raises(RoleUnavailable, match="disabled") as err:
        rt.engine("stt")
    assert "roles" in err.value.fix
    assert {s.role: s.state for s in rt.status()}["stt"] == "disabled"


@pytest.mark.models
def test_lazy_roles_load_on_first_use(settings):
    rt = edge.Runtime(settings.model_copy(update={"preload": False, "roles": ["embedder"]}))
    rt.start()
    assert rt.role_status("embedder").state == "not_loaded"
    rt.embedder.embed(["hello"])
    assert rt.role_status("embedder").state == "ready"
    rt.close()
    assert rt.role_status("embedder").state == "not_loaded"


def test_every_call_is_timed(runtime):
    before = runtime.embedder.stats.calls
    runtime.embedder.embed(["one", "two"])
    assert runtime.embedder.stats.calls == before + 1 and runtime.embedder.stats.last_s > 0
