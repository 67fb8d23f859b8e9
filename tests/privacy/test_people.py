"""Names from the census lists: a capitalised run that ends in an organisation's word names no person."""

from __future__ import annotations

import pytest

from edge.privacy.entities import Entity
from edge.privacy.people import entrants, known_names, listed_names, repeated, speaking_names


def names(text: str) -> list[str]:
    return [text[e.start : e.end] for e in known_names(text)]


@pytest.mark.parametrize(
    "text",
    [
        "A spokesman for the Natural Law Party declined to comment.",
        "Shares of Doubletree Corp rose on Monday.",
        "The Immigration Service said the rules would change.",
        "RUGBY UNION - LEADING SCORES",
    ],
)
def test_an_organisations_name_is_not_a_persons(text):
    assert names(text) == []


def test_a_persons_name_is_still_found_beside_one():
    assert names("I met Laura Jenkins at the Natural Law Party office.") == ["Laura Jenkins"]


def test_a_line_in_capitals_needs_a_given_name_and_a_surname():
    assert names("SQUASH - HONG KONG OPEN QUARTER-FINAL RESULTS.") == []
    assert names("STOCKS SINK AS BOND RATES JUMP") == []
    assert names("REPORT BY JAMES WILSON") == ["JAMES WILSON"]


def test_a_surname_opening_a_sentence_counts_before_a_verb_but_a_function_word_does_not():
    assert names("Adams was injured in the first half.") == ["Adams"]
    assert names("How can I request a new card?") == []


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


def test_a_surname_found_once_is_masked_where_it_stands_alone():
    text = "Michael Owen scored. Owen said he was tired; Michael smiled."
    found = [text[e.start : e.end] for e in repeated(text, [Entity(0, 12, "PERSON", 0.85, "ner")])]
    assert sorted(found) == ["Michael", "Michael", "Michael Owen", "Owen", "Owen"]
