import numpy as np
import pytest

from edge.audio import load_audio
from edge.engines import Stt
from edge.errors import InputError, ModelFileError
from edge.evaluation.metrics import normalize_words, word_error_rate
from tests.recordings import recording


def test_it_transcribes_real_speech(runtime, speech_clip):
    transcript = runtime.stt.transcribe(speech_clip.path)
    assert speech_clip.is_heard_in(transcript.text)
    assert transcript.language == "en"
    assert transcript.duration_s == pytest.approx(11.6, abs=0.1)
    assert transcript.segments and transcript.segments[0].start < transcript.segments[-1].end <= 11.7
    assert 0 < transcript.timings["rtf"] < 1


def test_it_takes_16khz_float32_samples(runtime, speech_clip):
    assert speech_clip.is_heard_in(runtime.stt.transcribe(load_audio(speech_clip.path)).text)


def test_segments_stream_lazily_after_the_spoken_language_is_told(runtime, speech_clip):
    heard: list[str] = []
    stream = runtime.stt.stream(speech_clip.path, on_language=heard.append)
    assert heard == []
    first = next(stream)
    assert heard == ["en"] and first.text and first.end > first.start
    assert len([first, *stream]) >= 1


def test_silence_gives_no_text(runtime, silence):
    assert runtime.stt.transcribe(silence).text == ""


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"RIFF\x00\x00garbage-not-audio" * 50, "not a readable audio file"),
        (b"hello world\n" * 100, "not a readable audio file"),
    ],
)
def test_unreadable_audio_is_one_clear_error(runtime, tmp_path, content, message):
    path = tmp_path / "clip.wav"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as err:
        runtime.stt.transcribe(path)
    assert str(path) in err.value.message


def test_a_missing_file_is_named(runtime, tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        runtime.stt.transcribe(tmp_path / "nothing.flac")


def test_samples_of_the_wrong_shape_are_refused(runtime):
    with pytest.raises(InputError, match="one channel"):
        runtime.stt.transcribe(np.zeros((2, 16000), dtype=np.float32))
    with pytest.raises(InputError, match="NaN"):
        runtime.stt.transcribe(np.full(16000, np.nan, dtype=np.float32))


def test_word_error_rate_on_ljspeech_is_low(runtime, eval_data):
    folder = eval_data / "speech" / "ljspeech"
    refs = dict(line.split("\t", 1) for line in (folder / "transcripts.tsv").read_text().splitlines() if "\t" in line)
    pairs = [(text, runtime.stt.transcribe(folder / "wavs" / f"{clip}.wav").text) for clip, text in sorted(refs.items())[:12]]
    assert word_error_rate(pairs) < 0.15


@pytest.mark.models
def test_the_multilingual_base_model_transcribes_and_detects_the_language(settings, speech_clip):
    stt = Stt(settings.model_copy(update={"stt": settings.stt.model_copy(update={"model": "base"})}))
    transcript = stt.transcribe(speech_clip.path)
    assert transcript.language == "en" and transcript.language_probability > 0.9
    assert len(set(normalize_words(transcript.text)) & set(speech_clip.words)) >= 20
    stt.unload()


def test_a_folder_without_a_model_is_refused(settings, tmp_path):
    stt = Stt(settings.model_copy(update={"stt": settings.stt.model_copy(update={"model": str(tmp_path)})}))
    with pytest.raises(ModelFileError, match="lacks model.bin"):
        stt.load()


def encode(samples: np.ndarray, path, codec: str, rate: int) -> None:
    import av

    resampled = np.interp(np.arange(0, len(samples), 16_000 / rate), np.arange(len(samples)), samples)
    with av.open(str(path), "w") as out:
        stream = out.add_stream(codec, rate=rate)
        stream.layout = "mono"
        frame = av.AudioFrame.from_ndarray((resampled * 32767).astype(np.int16)[None, :], format="s16", layout="mono")
        frame.sample_rate = rate
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            out.mux(packet)


@pytest.mark.parametrize("name, codec, rate", [("speech.mp3", "libmp3lame", 16_000), ("speech.ogg", "libopus", 48_000)])
def test_compressed_files_decode_and_resample(runtime, tmp_path, name, codec, rate):
    clip = recording("austen-amiable.flac")
    encode(load_audio(clip.path), tmp_path / name, codec, rate)
    assert clip.is_heard_in(runtime.stt.transcribe(tmp_path / name).text)
