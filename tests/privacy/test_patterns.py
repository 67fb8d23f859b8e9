import pytest

from edge.privacy.patterns import RECOGNIZERS, phones


def found(kind: str, text: str) -> list[str]:
    return [text[e.start : e.end] for e in RECOGNIZERS[kind](text)]


@pytest.mark.parametrize(
    ("kind", "text", "value"),
    [
        ("EMAIL_ADDRESS", "write to jane.o'neil+x@mail.example.co.uk today", "jane.o'neil+x@mail.example.co.uk"),
        ("URL", "see https://www.example.com/a?b=1.", "https://www.example.com/a?b=1"),
        ("URL", "visit PoolVendor.be for more", "PoolVendor.be"),
        ("URL", "go to lee-porter.biz today", "lee-porter.biz"),
        ("URL", "files at sftp://files.example.org/x.zip", "sftp://files.example.org/x.zip"),
        ("URL", "see example.co.uk/path", "example.co.uk/path"),
        ("IP_ADDRESS", "from 192.168.10.4 at noon", "192.168.10.4"),
        ("IP_ADDRESS", "host 6e40:4041:c617:e898:c11:40d2:c669:2eb4 is up", "6e40:4041:c617:e898:c11:40d2:c669:2eb4"),
        ("IBAN_CODE", "from GB56HXDO88167774656119 to other accounts", None),
        ("IBAN_CODE", "IBAN DE89 3704 0044 0532 0130 00 please", "DE89 3704 0044 0532 0130 00"),
        ("CREDIT_CARD", "my card 4111-1111-1111-1111 expired", "4111-1111-1111-1111"),
        ("US_SSN", "SSN 494-33-0748.", "494-33-0748"),
        ("PHONE_NUMBER", "call +1-903-140-4508x769 now", "+1-903-140-4508x769"),
        ("PHONE_NUMBER", "Desk: +41 (0)85 806 98 67", "+41 (0)85 806 98 67"),
        ("PHONE_NUMBER", "Mobile: 03.93.92.16.85", "03.93.92.16.85"),
        ("DATE_TIME", "She was born on 2/8/1935. Her", "2/8/1935"),
        ("DATE_TIME", "When: 2000-04-16 11:34:35", "2000-04-16 11:34:35"),
        ("DATE_TIME", "He was born in 1977 in Leeds", "1977"),
        ("DATE_TIME", "DOB: March 1980", "March 1980"),
        ("DATE_TIME", "my birthday is June 14", "June 14"),
        ("DATE_TIME", "It sank on April 14, 1912.", "April 14, 1912"),
    ],
)
def test_each_recognizer_finds_its_shape(kind, text, value):
    values = found(kind, text)
    if value is None:
        assert len(values) == 1
    else:
        assert value in values


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("CREDIT_CARD", "order 4111 1111 1111 1112 shipped"),
        ("IBAN_CODE", "code GB56HXDO88167774656118 is wrong"),
        ("US_SSN", "ticket 666-12-3456"),
        ("IP_ADDRESS", "version 1.2.3.999"),
        ("PHONE_NUMBER", "between 1990-2005"),
        ("DATE_TIME", "call 28-64-66-98"),
        ("DATE_TIME", "flew out on Tuesday morning at 8:30 and back in 1996"),
        ("DATE_TIME", "the meeting on August 28 was moved"),
        ("EMAIL_ADDRESS", "use the @ sign"),
        ("URL", "read notes.md and setup.py, e.g. in the U.S."),
        ("URL", "I went home.Today it rained"),
        ("URL", "the file is report.docx"),
    ],
)
def test_look_alikes_that_fail_validation_are_not_reported(kind, text):
    assert found(kind, text) == []


def test_a_number_valid_in_a_configured_region_scores_higher_than_a_shape_alone():
    valid = next(phones("call 217-977-6317 today", ["US"]))
    shaped = next(phones("call 217-977-6317 today", ["GB"]))
    assert (valid.source, shaped.source) == ("phonenumbers", "phone") and valid.score > shaped.score


def test_a_row_of_single_digits_is_a_table_not_a_phone_number():
    assert list(phones("Ajax 4 2 0 2 7 7 6 points")) == []


def test_figures_written_with_decimals_among_spaces_are_a_table_not_a_phone_number():
    assert list(phones("KANSAS CITY 61 75 .449 20 and balances 3.54 - 0.629", ["US"])) == []
    assert [p.source for p in phones("call 555.123.4567 now", ["US"])] == ["phone"]


def test_a_figure_with_one_dot_is_not_a_phone_number_but_two_groups_of_four_are():
    assert list(phones("SOKOLOVSKA UHELNA 785.00 6000 4710.000")) == []
    assert [p.end - p.start for p in phones("ring her on 3511.9378 tonight")] == [9]


def test_a_date_with_its_hour_is_not_a_phone_number():
    assert list(phones("logged at 2000-04-16 11:34:35 by the gate")) == []
