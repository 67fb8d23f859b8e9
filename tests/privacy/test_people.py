"""Names from the census lists: a capitalised run that ends in an organisation's word names no person."""

from __future__ import annotations

import pytest

from edge.privacy.people import known_names


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
