"""Names from the census lists, their other mentions, and whole-name masking."""

from __future__ import annotations

import pytest

from edge.privacy.entities import Entity
from edge.privacy.people import display_names, known_names, organisation_like, repeated, whole_names


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


def test_a_surname_found_once_is_masked_where_it_stands_alone():
    text = "Michael Owen scored. Owen said he was tired; Michael smiled."
    found = [text[e.start : e.end] for e in repeated(text, [Entity(0, 12, "PERSON", 0.85, "ner")])]
    assert sorted(found) == ["Michael", "Michael", "Michael Owen", "Owen", "Owen"]


@pytest.mark.parametrize(
    ("text", "found", "whole"),
    [
        ("German Ramirez called me.", (7, 14), "German Ramirez"),
        ("drop the keys with Robin Jones-Davies today", (25, 37), "Robin Jones-Davies"),
        ("I met J. Smith there.", (9, 14), "J. Smith"),
        ("I told Dana Smith.", (7, 11), "Dana Smith"),
    ],
)
def test_a_name_grows_over_its_given_name_initial_or_surname(text, found, whole):
    (name,) = whole_names(text, [Entity(*found, "PERSON", 0.85, "ner")])
    assert text[name.start : name.end] == whole


def test_a_name_does_not_grow_into_another_entity_or_a_common_word():
    text = "Call Dana Lee Smith"
    (_, name) = whole_names(text, [Entity(0, 4, "DENY_LIST", 1.0, "deny"), Entity(5, 13, "PERSON", 0.85, "ner")])
    assert text[name.start : name.end] == "Dana Lee Smith"
    text = "The Smith report"
    (name,) = whole_names(text, [Entity(4, 9, "PERSON", 0.85, "ner")])
    assert text[name.start : name.end] == "Smith"


def test_a_double_barrelled_surname_counts_by_its_parts():
    assert names("I wrote to Gwen Jones-Davies.") == ["Gwen Jones-Davies"]


def test_a_run_with_a_towns_name_that_is_no_persons_name_is_a_club():
    assert names("Nottingham Forest drew with Legia Warsaw.") == []
    assert names("Paris Hilton met Tom Houston.") == ["Paris Hilton", "Tom Houston"]


@pytest.mark.parametrize(
    ("name", "firm"),
    [
        ("RKC Waalwijk", True),
        ("Cofinec S.A.", True),
        ("GTE Corp", True),
        ("SBC Communications", True),
        ("Thurston Howell III", False),
        ("Jane Doe DDS", False),
        ("JANE DOE", False),
        ("Jane Doe", False),
    ],
)
def test_a_run_with_an_organisations_word_or_an_acronym_names_a_firm(name, firm):
    assert organisation_like(name) is firm


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Loop in Callum Sykes (xshah@example.net) on the thread.", "Callum Sykes"),
        ("Loop in Amber (ramirezmadison@example.org) on the thread.", "Amber"),
        ("From: Will Hope <will@example.com>", "Will Hope"),
    ],
)
def test_the_name_before_an_email_address_in_brackets_is_its_owner(text, name):
    assert [text[e.start : e.end] for e in display_names(text)] == [name]


def test_a_company_or_a_request_before_an_email_address_is_no_name():
    assert list(display_names("Write to Acme Corp <sales@acme.com> or Email (help@example.com)")) == []
