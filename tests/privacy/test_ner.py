import dataclasses

import pytest

from edge.config import load_settings
from edge.errors import ModelFileError
from edge.models import Manifest, ModelRegistry
from edge.privacy import ner
from edge.privacy.ner import MANIFEST_ID, NOT_PERSONAL, pieces, recased


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


def test_a_line_in_capitals_is_read_with_its_words_capitalised_and_its_offsets_kept():
    text = "Call Ann.\nGOLF - PARNEVIK TAKES LEAD AT MILWAUKEE"
    assert recased(text) == "Call Ann.\nGolf - Parnevik Takes Lead At Milwaukee"
    assert recased("İSTANBUL") == "İstanbul" and len(recased("STRASSE ß")) == len("STRASSE ß")


def test_a_name_in_a_shouted_headline_is_found(detector):
    text = "PARNEVIK TAKES LEAD AT MILWAUKEE"
    assert ("PARNEVIK", "PERSON") in {(text[e.start : e.end], e.type) for e in detector.ner.entities(text)}


def test_the_figures_after_a_name_in_a_table_are_not_part_of_it(detector):
    text = "Glamorgan 259 and 207, Durham 114 and 211."
    people = [text[e.start : e.end] for e in detector.ner.entities(text) if e.type == "PERSON"]
    assert people and not any(c.isdigit() for name in people for c in name)


def test_the_figures_of_a_table_row_are_not_part_of_the_place_before_them(detector):
    text = "Notts County 2 1 1 0 2 1 4"
    places = [text[e.start : e.end] for e in detector.ner.entities(text) if e.type == "LOCATION"]
    assert places == ["Notts County"]


def test_nationalities_and_events_are_reported_as_not_personal(detector):
    text = "The German team won the World Cup."
    assert ("German", NOT_PERSONAL) in {(text[e.start : e.end], e.type) for e in detector.ner.entities(text)}


def test_a_long_text_is_cut_into_pieces_at_line_and_sentence_ends_that_slice_back_to_it():
    text = "First line.\nA sentence. Another one? Yes! " * 50 + "x" * 300
    cut = list(pieces(text, 100))
    assert "".join(piece for _, piece in cut) == text
    assert all(text[offset : offset + len(piece)] == piece and len(piece) <= 100 for offset, piece in cut)
    assert all(piece.endswith(("\n", ".", "?", "!", " ")) for _, piece in cut[:-3])


def test_names_in_every_piece_of_a_long_text_keep_their_offsets(detector, monkeypatch):
    monkeypatch.setattr(ner, "PIECE_CHARS", 60)
    text = "Angela Merkel met the press. " + "It rained all day long. " * 5 + "Then Emmanuel Macron spoke."
    people = [text[e.start : e.end] for e in detector.ner.entities(text) if e.type == "PERSON"]
    assert people == ["Angela Merkel", "Emmanuel Macron"]
