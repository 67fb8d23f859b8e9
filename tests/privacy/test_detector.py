import pytest

from edge.config import PrivacySettings
from edge.privacy.detector import Detector, resolve
from edge.privacy.entities import Entity

DONE_WHEN = "I'm Jane Doe, jane.doe@example.com, card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00."


def values(text: str, entities: list[Entity]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for e in entities:
        out.setdefault(e.type, []).append(text[e.start : e.end])
    return out


def test_a_name_an_email_a_card_and_an_iban_are_all_found_with_offsets_into_the_text(detector):
    found = values(DONE_WHEN, detector.detect(DONE_WHEN))
    assert found["PERSON"] == ["Jane Doe"]
    assert found["EMAIL_ADDRESS"] == ["jane.doe@example.com"]
    assert found["CREDIT_CARD"] == ["4111 1111 1111 1111"]
    assert found["IBAN_CODE"] == ["DE89 3704 0044 0532 0130 00"]


def test_street_addresses_are_found_as_whole_blocks(detector):
    text = "Please send it to 221 Baker Street, Apt. 4\nLondon\nUnited Kingdom NW1 6XE. Thanks!"
    assert values(text, detector.detect(text))["LOCATION"] == ["221 Baker Street, Apt. 4\nLondon\nUnited Kingdom NW1 6XE"]


def test_names_without_a_capital_or_after_a_cue_are_found(detector):
    assert values("my name is lena andersson", detector.detect("my name is lena andersson"))["PERSON"] == ["lena andersson"]
    text = "Directed By:    Sari J. Paavolainen"
    assert values(text, detector.detect(text))["PERSON"] == ["Sari J. Paavolainen"]


def test_every_mention_of_a_name_is_found_once_one_is(detector):
    text = "Magnus spent a year as the assistant to Magnus Poulsen."
    assert values(text, detector.detect(text))["PERSON"] == ["Magnus", "Magnus Poulsen"]


def test_text_with_no_personal_data_gives_nothing(detector):
    for text in ("", "   ", "How can I request a new credit card pin?", "What are my options?", "set a timer for 10 minutes"):
        assert detector.detect(text) == [], text


def test_long_text_is_handled_whole(detector):
    text = "Nothing to see here. " * 2000 + "Email me at a@b.org"
    assert values(text, detector.detect(text))["EMAIL_ADDRESS"] == ["a@b.org"]


@pytest.mark.models
def test_deny_terms_and_patterns_are_always_masked_and_allow_terms_never():
    settings = PrivacySettings(deny_terms=["Project Falcon"], deny_patterns=[r"\bEMP-\d{5}\b"], allow_terms=["Acme"])
    detector = Detector(settings)
    text = "project falcon is run by EMP-12345 at Acme"
    found = values(text, detector.detect(text))
    assert found["DENY_LIST"] == ["project falcon", "EMP-12345"]
    assert "Acme" not in sum(found.values(), [])


def test_only_the_configured_entity_types_are_reported():
    detector = Detector(PrivacySettings(entities=["EMAIL_ADDRESS"]))
    assert [e.type for e in detector.detect(DONE_WHEN)] == ["EMAIL_ADDRESS"]


def test_overlaps_keep_the_validated_entity_and_trim_the_guess():
    card = Entity(10, 26, "CREDIT_CARD", 1.0, "luhn")
    phone = Entity(5, 26, "PHONE_NUMBER", 0.9, "phone")
    assert resolve([phone, card]) == [Entity(5, 10, "PHONE_NUMBER", 0.9, "phone"), card]


def test_touching_pieces_of_one_type_become_one_entity():
    merged = resolve([Entity(0, 5, "LOCATION", 0.9), Entity(5, 9, "LOCATION", 0.6)])
    assert [(e.start, e.end) for e in merged] == [(0, 9)]


def test_numbers_before_a_street_word_used_as_a_common_noun_are_no_address(detector):
    text = "Yields fell 81 basis points at the close, and the dollar was 45 shortly before the close."
    assert "LOCATION" not in values(text, detector.detect(text))


def test_a_date_with_its_month_in_words_is_a_date_not_a_house_number_and_a_street(detector):
    text = "The strike ended on 23 August 1996 and the office at 23 August Road, Leeds reopened."
    assert [(text[e.start : e.end], e.type) for e in detector.detect(text)] == [
        ("23 August 1996", "DATE_TIME"),
        ("23 August Road, Leeds", "LOCATION"),
    ]


def test_a_weekday_a_year_or_a_time_of_day_alone_is_left_for_the_answer(detector):
    text = "What's on at the cinema on Friday at 8:30 pm? The film is from 1996."
    assert detector.detect(text) == []


def test_a_listed_name_the_model_reads_as_a_nationality_is_no_person(detector):
    assert detector.detect("He plays in the German Bundesliga for Bayern.") == []


def test_a_listed_place_inside_an_organisations_name_is_no_place(detector):
    found = values("Shares on the London Stock Exchange rose.", detector.detect("Shares on the London Stock Exchange rose."))
    assert "LOCATION" not in found
    assert values("I flew to London.", detector.detect("I flew to London."))["LOCATION"] == ["London"]


def test_a_place_heading_a_row_of_figures_is_a_table_entry_not_where_someone_is(detector):
    assert detector.detect("DETROIT 47 86 .353 27 1/2") == []
    assert detector.detect("Exeter 3 1 2 0 4 3 5") == []
    table_then_sentence = "Exeter 3 1 2 0 4 3 5\nI moved to Exeter last year."
    assert values(table_then_sentence, detector.detect(table_then_sentence))["LOCATION"] == ["Exeter", "Exeter"]
    address = "Springfield, IL 62704"
    assert values(address, detector.detect(address)).get("LOCATION")


def test_a_company_the_model_reads_as_a_person_is_left_visible(detector):
    assert detector.detect("Shares of Cofinec S.A. fell.") == []
    assert values("Thurston Howell III called.", detector.detect("Thurston Howell III called."))["PERSON"] == [
        "Thurston Howell III"
    ]


def test_the_words_that_open_a_request_are_not_part_of_the_name_after_them(detector):
    text = "Call Jane Doe at 555-123-4567."
    assert values(text, detector.detect(text))["PERSON"] == ["Jane Doe"]
