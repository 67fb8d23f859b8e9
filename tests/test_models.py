import hashlib
from pathlib import Path

import pytest

import edge.models
from edge.config import ROLES, load_settings
from edge.errors import ModelFileError
from edge.models import FileSource, Manifest, ModelRegistry, ModelSpec, models_dir


def test_the_manifest_has_one_verified_default_per_role():
    manifest = Manifest.load()
    for role in ROLES:
        spec = manifest.default(role)
        assert spec.license and spec.quantization and spec.source
        for file in spec.files:
            assert len(file.sha256) == 64 and file.size > 0


def test_every_default_model_resolves_to_files_matching_the_manifest(settings):
    registry = ModelRegistry(settings)
    for role in ROLES:
        resolved = registry.resolve(role)
        assert resolved.verified
        assert all(path.is_file() for path in resolved.files.values())


def test_committed_models_live_under_models(settings):
    resolved = ModelRegistry(settings).resolve("embedder")
    assert resolved.files["model"].is_relative_to(models_dir())


def one_file_manifest(path: Path, sha256: str, size: int) -> Manifest:
    source = FileSource(name="model", sha256=sha256, size=size, repo=str(path))
    spec = ModelSpec("test-vad", "vad", True, "onnxruntime", "fp32", "MIT", "test", (source,))
    return Manifest({"test-vad": spec})


@pytest.fixture
def vad_copy(settings, copy_of):
    return copy_of(ModelRegistry(settings).resolve("vad").path)


def test_a_corrupt_file_is_refused_and_named(vad_copy, tmp_path):
    good = hashlib.sha256(vad_copy.read_bytes()).hexdigest()
    data = bytearray(vad_copy.read_bytes())
    data[1000] ^= 0xFF
    vad_copy.write_bytes(bytes(data))
    registry = ModelRegistry(load_settings(env={}, data_dir=tmp_path), one_file_manifest(vad_copy, good, len(data)))
    with pytest.raises(ModelFileError, match="corrupt") as err:
        registry.resolve("vad")
    assert str(vad_copy) in err.value.message and "scripts/setup" in err.value.fix


def test_a_truncated_file_is_refused_without_hashing(vad_copy, tmp_path, monkeypatch):
    size = vad_copy.stat().st_size
    with vad_copy.open("r+b") as f:
        f.truncate(size // 2)
    monkeypatch.setattr(edge.models, "sha256_file", lambda path: pytest.fail("hashed a file of the wrong size"))
    registry = ModelRegistry(load_settings(env={}, data_dir=tmp_path), one_file_manifest(vad_copy, "0" * 64, size))
    with pytest.raises(ModelFileError, match="truncated"):
        registry.resolve("vad")


def test_a_verified_file_is_not_hashed_again_until_it_changes(vad_copy, tmp_path, monkeypatch):
    digest = hashlib.sha256(vad_copy.read_bytes()).hexdigest()
    settings = load_settings(env={}, data_dir=tmp_path)
    manifest = one_file_manifest(vad_copy, digest, vad_copy.stat().st_size)
    ModelRegistry(settings, manifest).resolve("vad")
    hashed = []
    real = edge.models.sha256_file
    monkeypatch.setattr(edge.models, "sha256_file", lambda path: hashed.append(path) or real(path))
    ModelRegistry(settings, manifest).resolve("vad")
    assert hashed == []
    vad_copy.touch()
    ModelRegistry(settings, manifest).resolve("vad")
    assert hashed == [vad_copy]


def test_a_missing_package_names_the_package(tmp_path):
    source = FileSource(name="model", sha256="0" * 64, size=1, package="edge-no-such-package", path="x.onnx")
    spec = ModelSpec("ghost", "vad", True, "onnxruntime", "fp32", "MIT", "test", (source,), extra="tts")
    registry = ModelRegistry(load_settings(env={}, data_dir=tmp_path), Manifest({"ghost": spec}))
    with pytest.raises(ModelFileError, match="edge-no-such-package is missing") as err:
        registry.resolve("vad")
    assert "edge-runtime[tts]" in err.value.fix


def test_a_path_in_the_settings_replaces_the_default(vad_copy, tmp_path):
    registry = ModelRegistry(load_settings(env={}, data_dir=tmp_path, vad={"path": str(vad_copy)}))
    resolved = registry.resolve("vad")
    assert resolved.path == vad_copy and not resolved.verified


def test_a_custom_path_that_does_not_exist_is_named(tmp_path):
    registry = ModelRegistry(load_settings(env={}, data_dir=tmp_path, llm={"path": str(tmp_path / "gone.gguf")}))
    with pytest.raises(ModelFileError, match="gone.gguf does not exist"):
        registry.resolve("llm")


def test_whisper_base_is_joined_from_its_two_packages_once(settings):
    registry = ModelRegistry(settings.model_copy(update={"stt": settings.stt.model_copy(update={"model": "base"})}))
    resolved = registry.resolve("stt")
    joined = resolved.files["model.bin"]
    assert joined.is_relative_to(settings.data_dir) and resolved.verified
    mtime = joined.stat().st_mtime_ns
    registry.resolve("stt")
    assert joined.stat().st_mtime_ns == mtime
