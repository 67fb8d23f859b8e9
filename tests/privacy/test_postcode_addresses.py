"""Addresses read back from their postcode: the street type and the town may be any words, the house number or
unit starts the address, and a postcode's look-alikes start nothing."""

from __future__ import annotations

import pytest

from edge.privacy.postcode_addresses import postcode_addresses


def found(text: str) -> list[str]:
    return [text[e.start : e.end] for e in postcode_addresses(text)]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Ship it to Studio 2, Heron Cape, East Wexcombe, S07 7RU please.", "Studio 2, Heron Cape, East Wexcombe, S07 7RU"),
        ("the party is at Flat 62Q Birch Shore West Dunmore B6 2YS", "Flat 62Q Birch Shore West Dunmore B6 2YS"),
        ("we moved to 314/69 Quill Stairs Lower Amberley WA 2327 last month", "314/69 Quill Stairs Lower Amberley WA 2327"),
        ("drop it with Ann Lee, 5 Amy Ronde, St. Denise, QLD, 2267", "5 Amy Ronde, St. Denise, QLD, 2267"),
        ("Unit 5 123 Smith Street, Carlton NSW 2000", "Unit 5 123 Smith Street, Carlton NSW 2000"),
        ("Mail 8812 Pike Tarn Apt. 618, Lake Dena, PE E9K 7K2 today", "8812 Pike Tarn Apt. 618, Lake Dena, PE E9K 7K2"),
        ("Our office in San Francisco, CA 94105.", "San Francisco, CA 94105"),
    ],
)
def test_an_address_runs_back_from_its_postcode_to_its_number_or_unit(text, address):
    assert found(text) == [address]


def test_an_address_typed_in_lower_case_counts_with_its_house_number():
    text = "Loop in Ted Fox: ship to flat 41h, davies shores, alitown, hr83 0zw"
    assert found(text) == ["flat 41h, davies shores, alitown, hr83 0zw"]


@pytest.mark.parametrize(
    "text",
    [
        "The Apple M2 4GB model and a 16KB cache",
        "The Data Protection act, 2018 applies",
        "I paid 40 dollars in wa 2000 times",
        "See clause ON 12345 of the contract.",
    ],
)
def test_postcode_look_alikes_start_no_address(text):
    assert found(text) == []
