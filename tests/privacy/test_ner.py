import dataclasses

import pytest

from edge.config import load_settings
from edge.errors import ModelFileError
from edge.models import Manifest, ModelRegistry
from edge.privacy.ner import MANIFEST_ID


def test_the_ner_model_is_verified_against_the_manifest(tmp_path):
    registry = ModelRegistry(load_settings(env={}, data_dir=tmp_path))
    model = registry.resolve_spec(registry.manifest.models[MANIFEST_ID])
    assert model.verified and model.files["ner/model"].is_file()


def test_a_changed_model_file_is_reported_as_corrupt_with_the_fix(tmp_path):
    manifest = Manifest.load()
    spec = manifest.models[MANIFEST_ID]
    bad = dataclasses.replace(spec.files[4], sha256="0" * 64)
    manifest.models[MANIFEST_ID] = dataclasses.replace(spec, files=(*spec.files[:4], bad, *spec.files[5:]))
    registry = ModelRegistry(load_settings(env={}, data_dir=tmp_path), manifest)
    with pytest.raises(ModelFileError, match="corrupt.*Fix: run scripts/setup"):
        registry.resolve_spec(manifest.models[MANIFEST_ID])


def test_people_and_places_are_found(detector):
    found = {(e.type, e.source) for e in detector.ner.entities("Angela Merkel met Emmanuel Macron in Paris.")}
    assert ("PERSON", "ner:PERSON") in found and ("LOCATION", "ner:GPE") in found
