"""Names found by what surrounds them: speech and quotes, brackets with a country or contact details, lists."""

from __future__ import annotations

import pytest

from edge.privacy.entities import Entity
from edge.privacy.name_contexts import entrants, listed_names, speaking_names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Itar-Tass quoted Lebed as saying the war was over.", "Lebed"),
        ('" That\'s it, " Lebed told reporters.', "Lebed"),
        ("Bernardin, 68, underwent surgery in June.", "Bernardin"),
        ("Tarango, whose tantrum cost him a fine, lost again.", "Tarango"),
    ],
)
def test_someone_who_speaks_or_is_quoted_is_a_person(text, name):
    assert [text[e.start : e.end] for e in speaking_names(text)] == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Dealers said the metal eased.",
        "Others said they thought so.",
        "The Kremlin said nothing.",
        "Damascus Radio said the talks failed.",
    ],
)
def test_groups_institutions_and_the_media_speak_without_being_people(text):
    assert list(speaking_names(text)) == []


def test_a_results_line_names_people_by_their_country_in_brackets():
    text = "7. Claus Hirsbro (Denmark) 20.90 and Ajax (Netherlands)"
    assert [text[e.start : e.end] for e in entrants(text)] == ["Claus Hirsbro"]


def test_the_rest_of_a_list_of_names_are_names_too():
    text = "Austria: Michael Konsel, Markus Schopp, Peter Schoettel, Anton Pfeffer"
    first_two = [Entity(9, 23, "PERSON", 0.85, "ner"), Entity(25, 38, "PERSON", 0.85, "ner")]
    assert [text[e.start : e.end] for e in listed_names(text, first_two)] == ["Peter Schoettel", "Anton Pfeffer"]
    assert list(listed_names(text, first_two[:1])) == []


def test_a_name_before_a_phone_number_in_brackets_is_a_person():
    text = "Loop in Robin Holt (020 7946 0958) on the thread."
    assert [text[e.start : e.end] for e in entrants(text)] == ["Robin Holt"]


def test_companies_in_a_list_of_names_stay_companies():
    text = "Partners: John Baker, Mary Stone, BellSouth Corp, SBC Communications"
    named = [Entity(10, 20, "PERSON", 0.85, "ner"), Entity(22, 32, "PERSON", 0.85, "ner")]
    assert list(listed_names(text, named)) == []
