"""Street addresses read by the trained parser: whole, from the house number to the postcode, in US, Canadian and
British formats and as typed in lower case; numbers that start no address are left alone."""

from __future__ import annotations

import pytest

from edge.privacy.parsed_addresses import parsed_street_addresses


def found(text: str) -> list[str]:
    return [text[e.start : e.end] for e in parsed_street_addresses(text)]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Deliver to 4417 Willow Bluffs, East Marlow, OR 97301.", "4417 Willow Bluffs, East Marlow, OR 97301"),
        ("Send it to 88 Birch Crescent, Red Deer, AB T4N 5E1", "88 Birch Crescent, Red Deer, AB T4N 5E1"),
        ("post it to 27 Kestrel Walk, Bramford, IP8 4AW thanks", "27 Kestrel Walk, Bramford, IP8 4AW"),
        ("ship to 12 maple rd springfield il 62704", "12 maple rd springfield il 62704"),
    ],
)
def test_an_address_is_taken_whole_from_its_number_to_its_postcode(text, address):
    assert found(text) == [address]


def test_lower_case_words_after_an_address_written_with_capitals_are_not_part_of_it():
    assert found("The meeting is at 10 Downing Street tomorrow.") == ["10 Downing Street"]


@pytest.mark.parametrize(
    "text",
    [
        "I have 3 cats and 2 dogs at home",
        "Shares rose 3 percent to 450 pence in London.",
        "She won 3 Grand Prix races in 2 years.",
        "Call 555 1234 now",
    ],
)
def test_a_number_that_starts_no_address_is_left_alone(text):
    assert found(text) == []


def test_the_detector_masks_an_address_with_a_street_type_its_own_list_lacks(detector):
    text = "Deliver to 4417 Willow Bluffs, East Marlow, OR 97301."
    spans = [text[e.start : e.end] for e in detector.detect(text) if e.type == "LOCATION"]
    assert spans == ["4417 Willow Bluffs, East Marlow, OR 97301"]
