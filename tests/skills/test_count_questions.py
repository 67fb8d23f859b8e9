from datetime import datetime, timedelta, timezone

import pytest

from edge.skills.clock import TimeSkill

NOW = datetime(2026, 11, 22, 19, 42, 5, tzinfo=timezone(timedelta(hours=-5)))
SKILL = TimeSkill(clock=lambda: NOW)


def reply(text: str) -> str:
    slots = SKILL.parse(text, {})
    assert slots is not None, f"{text!r} was not parsed"
    return SKILL.run(slots).text


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("how old am i if i was born on may 5 1985", "You are 41."),
        ("how old would someone born on december 25 1950 be", "Someone born on December 25, 1950 is 75."),
        ("how old is someone born in 1990", "Someone born in 1990 is 36 if their birthday has passed this year, else 35."),
        ("if i was born in 1990 how old am i", "You are 36 if your birthday has passed this year, else 35."),
        ("how old will i be in 2030 if i was born in 1990", "You turn 40 in 2030."),
        ("what age was someone born in 1990 in 2000", "Someone born in 1990 turned 10 in 2000."),
    ],
)
def test_an_age_is_counted_from_the_birth_said(text, spoken):
    assert reply(text) == spoken


def test_an_age_is_one_less_before_the_birthday_comes():
    assert reply("how old am i if i was born on december 25 1985") == "You are 40."


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("how many years since 1990", "1990 was 36 years ago."),
        ("how many years ago was 1066", "1066 was 960 years ago."),
        ("how many years until 2030", "2030 is 4 years away."),
        ("how many years since 2026", "2026 is this year."),
    ],
)
def test_years_are_counted_to_a_year_said(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize("text", ["how old is the eiffel tower", "how old is someone born tomorrow"])
def test_an_age_with_no_birth_in_the_past_is_not_counted(text):
    assert SKILL.parse(text, {}) is None


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("how many days between march 1 and june 15", "There are 106 days between March 1, 2027 and June 15, 2027."),
        ("how many days between monday and friday", "There are 4 days between November 23, 2026 and November 27, 2026."),
        ("how many days from june 15 to march 1", "There are 260 days between June 15, 2027 and March 1, 2028."),
        (
            "how many weeks between january 1 2026 and march 3 2026",
            "There are 8 weeks and 5 days between January 1, 2026 and March 3, 2026.",
        ),
    ],
)
def test_the_days_between_two_dates_are_counted_the_second_after_the_first(text, spoken):
    assert reply(text) == spoken


def test_the_day_of_the_year_is_counted_with_the_days_left():
    assert reply("what day of the year is it") == "Today is day 326 of 2026, with 39 days to go."
