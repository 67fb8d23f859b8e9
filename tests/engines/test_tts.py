import json
import wave

import numpy as np
import pytest

from edge.engines import Tts
from edge.errors import InputError, ModelFileError
from edge.evaluation.metrics import normalize_words


def test_speech_comes_one_sentence_at_a_time(runtime):
    chunks = list(runtime.tts.synthesize("The first sentence is here. And here is the second one. A third!"))
    assert len(chunks) == 3
    for chunk in chunks:
        assert chunk.samples.dtype == np.int16 and chunk.sample_rate == 22050
        assert 0.3 < chunk.duration_s < 5 and np.abs(chunk.samples).max() > 1000


def test_the_first_sentence_arrives_before_the_rest_are_made(runtime):
    stream = runtime.tts.synthesize("One. " + "This sentence is long and comes after the first one. " * 5)
    first = next(stream)
    assert first.duration_s < 1.5
    stream.close()


def test_a_wav_file_reads_back_as_the_same_words(runtime, tmp_path):
    text = "Please turn on the light in the kitchen."
    speech = runtime.tts.to_wav(text, tmp_path / "out.wav")
    with wave.open(str(speech.path)) as wav:
        assert wav.getframerate() == 22050 and wav.getnchannels() == 1 and wav.getsampwidth() == 2
        assert wav.getnframes() / 22050 == pytest.approx(speech.duration_s, abs=0.01)
    assert normalize_words(runtime.stt.transcribe(speech.path).text) == normalize_words(text)


@pytest.mark.parametrize("text", ["", "  \n ", "\x00", "\x1b\x07"])
def test_text_with_nothing_to_say_is_refused_before_any_sentence_is_made(runtime, text):
    with pytest.raises(InputError, match="empty"):
        runtime.tts.synthesize(text)


def test_control_characters_are_read_as_spaces(runtime):
    assert [c.samples.size for c in runtime.tts.synthesize("Ready.\x00")] == [
        c.samples.size for c in runtime.tts.synthesize("Ready. ")
    ]


def test_a_voice_with_a_broken_config_is_refused(settings, tmp_path):
    from edge.models import ModelRegistry

    voice = ModelRegistry(settings).resolve("tts").files["model"]
    model = tmp_path / "voice.onnx"
    model.symlink_to(voice)
    (tmp_path / "voice.onnx.json").write_text("{not json")
    with pytest.raises(ModelFileError, match="not valid JSON"):
        Tts(settings.model_copy(update={"tts": settings.tts.model_copy(update={"path": model})})).load()


def test_a_voice_that_is_not_onnx_is_refused(settings, tmp_path, copy_of):
    from edge.models import ModelRegistry

    config = ModelRegistry(settings).resolve("tts").files["config"]
    (tmp_path / "voice.onnx").write_bytes(b"\x00" * 1000)
    (tmp_path / "voice.onnx.json").write_text(json.dumps(json.loads(config.read_text())))
    with pytest.raises(ModelFileError, match="not a loadable ONNX model"):
        Tts(settings.model_copy(update={"tts": settings.tts.model_copy(update={"path": tmp_path / "voice.onnx"})})).load()


def test_a_voice_without_noise_speaks_a_text_the_same_way_every_time(runtime):
    assert runtime.settings.tts.noise_scale == 0 and runtime.settings.tts.noise_w_scale == 0
    first, second = ([c.samples for c in runtime.tts.synthesize("Set a timer.")] for _ in range(2))
    assert all(np.array_equal(a, b) for a, b in zip(first, second, strict=True))


@pytest.mark.models
def test_a_long_sentence_does_not_keep_its_memory(settings):
    from edge.skills.status import resident_mb

    tts = Tts(settings)
    try:
        list(tts.synthesize("Ready."))
        before = resident_mb()
        list(tts.synthesize(" ".join(["the sailboat is moored at berth seventeen in the north harbour"] * 8) + "."))
        assert resident_mb() - before < 100, "onnxruntime's arena kept 400 MB after such a sentence"
    finally:
        tts.unload()
