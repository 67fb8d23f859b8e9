from datetime import date, datetime, timedelta, timezone

import pytest

from edge.errors import InputError
from edge.skills.clock import TimeSkill, parse_day

NOW = datetime(2026, 11, 22, 19, 42, 5, tzinfo=timezone(timedelta(hours=-5)))
"""A Sunday evening."""
TODAY = NOW.date()
SKILL = TimeSkill(clock=lambda: NOW)


def reply(text: str) -> str:
    slots = SKILL.parse(text)
    assert slots is not None, f"{text!r} was not parsed"
    return SKILL.run(slots).text


@pytest.mark.parametrize(
    "text, slots",
    [
        ("what time is it", {"action": "time"}),
        ("What time is it?", {"action": "time"}),
        ("what's the time", {"action": "time"}),
        ("whats the time right now", {"action": "time"}),
        ("tell me the time", {"action": "time"}),
        ("do you know the time", {"action": "time"}),
        ("time please", {"action": "time"}),
        ("what's the date", {"action": "date"}),
        ("what's today's date", {"action": "date"}),
        ("what is the date today", {"action": "date"}),
        ("what date is it", {"action": "date"}),
        ("give me the date", {"action": "date"}),
        ("what's today", {"action": "date"}),
        ("what day is it", {"action": "weekday"}),
        ("what day is it today", {"action": "weekday"}),
        ("what day of the week is it", {"action": "weekday"}),
        ("what's the date next friday", {"action": "date", "date": "2026-11-27", "day": "next Friday"}),
        ("what's tomorrow's date", {"action": "date", "date": "2026-11-23", "day": "tomorrow"}),
        ("what was the date yesterday", {"action": "date", "date": "2026-11-21", "day": "yesterday"}),
        ("what is the date the day after tomorrow", {"action": "date", "date": "2026-11-24", "day": "day after tomorrow"}),
        ("what is the date in 10 days", {"action": "date", "date": "2026-12-02", "day": "in 10 days"}),
        ("when is thanksgiving", {"action": "date", "date": "2026-11-26", "day": "Thanksgiving"}),
        ("what day is christmas", {"action": "weekday", "date": "2026-12-25", "day": "Christmas"}),
        ("what day does christmas fall on", {"action": "weekday", "date": "2026-12-25", "day": "Christmas"}),
        ("what day is it tomorrow", {"action": "weekday", "date": "2026-11-23", "day": "tomorrow"}),
        ("what day of the week is the fourth of july", {"action": "weekday", "date": "2027-07-04", "day": "July 4"}),
        ("what day is december twenty fifth", {"action": "weekday", "date": "2026-12-25", "day": "December 25"}),
        ("how many days until christmas", {"action": "days_until", "date": "2026-12-25", "day": "Christmas"}),
        ("how many days until new year", {"action": "days_until", "date": "2027-01-01", "day": "New Year's Day"}),
        ("how long until new year's eve", {"action": "days_until", "date": "2026-12-31", "day": "New Year's Eve"}),
        ("how many days until friday", {"action": "days_until", "date": "2026-11-27", "day": "Friday"}),
        ("how many days until the first of january", {"action": "days_until", "date": "2027-01-01", "day": "January 1"}),
        ("how many days away is halloween", {"action": "days_until", "date": "2027-10-31", "day": "Halloween"}),
        ("how many days until march 3 2027", {"action": "days_until", "date": "2027-03-03", "day": "March 3, 2027"}),
    ],
)
def test_questions_are_parsed_into_slots(text, slots):
    assert SKILL.parse(text) == slots


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("what time is it", "It's 7:42 PM."),
        ("what's the date", "Today is Sunday, November 22, 2026."),
        ("what day is it", "Today is Sunday."),
        ("what's the date next friday", "Next Friday is November 27, 2026."),
        ("what's tomorrow's date", "Tomorrow is Monday, November 23, 2026."),
        ("what was the date yesterday", "Yesterday was Saturday, November 21, 2026."),
        ("what is the date in 10 days", "In 10 days it will be Wednesday, December 2, 2026."),
        ("what day was it 3 days ago", "3 days ago it was a Thursday."),
        ("what day is it tomorrow", "Tomorrow is Monday."),
        ("what day is christmas", "Christmas is a Friday."),
        ("when is thanksgiving", "Thanksgiving is Thursday, November 26, 2026."),
        ("how many days until christmas", "Christmas is in 33 days."),
        ("how many days until new year", "New Year's Day is in 40 days."),
        ("how many days until monday", "Monday is tomorrow."),
    ],
)
def test_replies_are_one_spoken_sentence(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "set a timer for 10 minutes",
        "what is the capital of France",
        "what is 2 plus 2",
        "what's the time zone here",
        "what time does the store open",
        "how many days until my birthday",
        "when is the next train",
        "what is the due date of my project",
        "what's the weather like today",
        "timer status",
    ],
)
def test_unrelated_text_is_not_parsed(text):
    assert SKILL.parse(text) is None


@pytest.mark.parametrize(
    "phrase, day, label",
    [
        ("today", "2026-11-22", "today"),
        ("tomorrow", "2026-11-23", "tomorrow"),
        ("yesterday", "2026-11-21", "yesterday"),
        ("the day after tomorrow", "2026-11-24", "day after tomorrow"),
        ("friday", "2026-11-27", "Friday"),
        ("next sunday", "2026-11-29", "next Sunday"),
        ("last friday", "2026-11-20", "last Friday"),
        ("in 2 weeks", "2026-12-06", "in 2 weeks"),
        ("3 days from now", "2026-11-25", "3 days from now"),
        ("christmas", "2026-12-25", "Christmas"),
        ("Christmas Eve", "2026-12-24", "Christmas Eve"),
        ("halloween", "2027-10-31", "Halloween"),
        ("valentine's day", "2027-02-14", "Valentine's Day"),
        ("thanksgiving", "2026-11-26", "Thanksgiving"),
        ("memorial day", "2027-05-31", "Memorial Day"),
        ("mother's day", "2027-05-09", "Mother's Day"),
        ("labor day", "2027-09-06", "Labor Day"),
        ("the 4th of july", "2027-07-04", "July 4"),
        ("twenty fifth of december", "2026-12-25", "December 25"),
        ("the second of may", "2027-05-02", "May 2"),
        ("november 22", "2026-11-22", "November 22"),
        ("january 1st 2030", "2030-01-01", "January 1, 2030"),
    ],
)
def test_days_people_name_are_resolved_to_dates(phrase, day, label):
    assert parse_day(phrase, TODAY) == (date.fromisoformat(day), label)


@pytest.mark.parametrize("phrase", ["", "my birthday", "february 30", "the 45th of may", "someday"])
def test_days_that_do_not_exist_or_are_unknown_are_none(phrase):
    assert parse_day(phrase, TODAY) is None


def test_a_template_day_slot_is_used_when_given():
    slots = SKILL.parse("how many days until it", {"day": "christmas"})
    assert slots == {"action": "days_until", "date": "2026-12-25", "day": "Christmas"}


def test_a_day_that_is_today_is_answered_as_today():
    christmas = TimeSkill(clock=lambda: datetime(2026, 12, 25, 9, 0).astimezone())
    assert christmas.run(christmas.parse("how many days until christmas")).text == "Christmas is today."
    assert christmas.parse("what is the date today") == {"action": "date"}


def test_the_reply_data_holds_the_date_and_the_offset():
    result = SKILL.run(SKILL.parse("how many days until christmas"))
    assert (result.skill, result.action, result.data) == ("time", "days_until", {"date": "2026-12-25", "days": 33})


def test_the_default_clock_is_local_time_with_a_zone():
    now = TimeSkill().clock()
    assert now.tzinfo is not None
    assert abs((now - datetime.now().astimezone()).total_seconds()) < 5


def test_bad_slots_are_an_input_error():
    with pytest.raises(InputError, match="no action"):
        SKILL.run({"action": "alarm"})
    with pytest.raises(InputError, match="ISO date"):
        SKILL.run({"action": "date", "date": "next tuesday"})


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("what time is it in new york city", "In New York City it's 7:42 PM."),
        ("current time in japan", "In Tokyo it's 9:42 AM on Monday."),
        ("what's the time in London", "In London it's 12:42 AM on Monday."),
        ("what is the local time in paris right now", "In Paris it's 1:42 AM on Monday."),
        ("time in los angeles", "In Los Angeles it's 4:42 PM."),
    ],
)
def test_the_time_in_another_city_or_country_is_the_time_there(text, spoken):
    assert reply(text) == spoken


def test_a_place_it_does_not_know_is_not_guessed():
    assert SKILL.parse("what time is it in narnia") is None
