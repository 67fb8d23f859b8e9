from datetime import date, timedelta, timezone

import pytest

from edge.skills.days import parse_day, shift

TODAY = date(2026, 11, 22)
"""A Sunday."""
ZONE = timezone(timedelta(hours=-5))


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
        ("friday after next", "2026-12-04", "Friday after next"),
        ("next week friday", "2026-11-27", "next week Friday"),
        ("in 2 weeks", "2026-12-06", "in 2 weeks"),
        ("3 days from now", "2026-11-25", "3 days from now"),
        ("three days ago", "2026-11-19", "3 days ago"),
        ("two days back", "2026-11-20", "2 days back"),
        ("after ten days", "2026-12-02", "after 10 days"),
        ("a month from now", "2026-12-22", "1 month from now"),
        ("two years from now", "2028-11-22", "2 years from now"),
        ("christmas", "2026-12-25", "Christmas"),
        ("Christmas Eve", "2026-12-24", "Christmas Eve"),
        ("halloween", "2027-10-31", "Halloween"),
        ("valentine's day", "2027-02-14", "Valentine's Day"),
        ("thanksgiving", "2026-11-26", "Thanksgiving"),
        ("memorial day", "2027-05-31", "Memorial Day"),
        ("mother's day", "2027-05-09", "Mother's Day"),
        ("labor day", "2027-09-06", "Labor Day"),
        ("easter", "2027-03-28", "Easter"),
        ("the 4th of july", "2027-07-04", "July 4"),
        ("twenty fifth of december", "2026-12-25", "December 25"),
        ("the second of may", "2027-05-02", "May 2"),
        ("november 22", "2026-11-22", "November 22"),
        ("january 1st 2030", "2030-01-01", "January 1, 2030"),
        ("july 4 1776", "1776-07-04", "July 4, 1776"),
    ],
)
def test_days_people_name_are_resolved_to_dates(phrase, day, label):
    assert parse_day(phrase, TODAY, ZONE) == (date.fromisoformat(day), label)


@pytest.mark.parametrize(
    "phrase, day, label",
    [
        ("the twenty third of this month", "2026-11-23", "the 23rd of this month"),
        ("the 23rd", "2026-11-23", "the 23rd"),
        ("the 3rd", "2026-12-03", "the 3rd"),
        ("the 31st of next month", "2026-12-31", "the 31st of next month"),
        ("the first monday of march", "2027-03-01", "the 1st Monday of March"),
        ("the last friday of the month", "2026-11-27", "the last Friday of the month"),
        ("the end of the month", "2026-11-30", "the end of the month"),
        ("the end of the year", "2026-12-31", "the end of the year"),
        ("this weekend", "2026-11-21", "this weekend"),
        ("next weekend", "2026-11-28", "next weekend"),
    ],
)
def test_days_of_a_month_or_week_are_resolved(phrase, day, label):
    assert parse_day(phrase, TODAY, ZONE) == (date.fromisoformat(day), label)


@pytest.mark.parametrize(
    "phrase, day, label",
    [
        ("christmas this year", "2026-12-25", "Christmas this year"),
        ("christmas next year", "2027-12-25", "Christmas next year"),
        ("christmas last year", "2025-12-25", "Christmas last year"),
        ("christmas in twenty thirty", "2030-12-25", "Christmas 2030"),
        ("the winter solstice two years from now", "2028-12-21", "the winter solstice 2 years from now"),
        ("mothers day this year", "2026-05-10", "Mother's Day this year"),
        ("last christmas", "2025-12-25", "Christmas"),
    ],
)
def test_a_year_said_with_a_day_picks_that_years_occurrence(phrase, day, label):
    assert parse_day(phrase, TODAY, ZONE) == (date.fromisoformat(day), label)


@pytest.mark.parametrize(
    "phrase, day, label",
    [
        ("the day after christmas", "2026-12-26", "the day after Christmas"),
        ("3 days before thanksgiving", "2026-11-23", "3 days before Thanksgiving"),
        ("a week from friday", "2026-12-04", "1 week from Friday"),
        ("2 weeks from today", "2026-12-06", "2 weeks from today"),
    ],
)
def test_a_day_counted_from_another_day(phrase, day, label):
    assert parse_day(phrase, TODAY, ZONE) == (date.fromisoformat(day), label)


@pytest.mark.parametrize(
    "phrase, day",
    [
        ("summer solstice", "2027-06-21"),
        ("the longest day of the year", "2027-06-21"),
        ("first day of spring", "2027-03-20"),
        ("the fall equinox in 2026", "2026-09-22"),
        ("winter solstice", "2026-12-21"),
    ],
)
def test_equinoxes_and_solstices_fall_on_the_users_day(phrase, day):
    assert parse_day(phrase, TODAY, ZONE)[0] == date.fromisoformat(day)


def test_past_days_are_the_last_occurrence():
    assert parse_day("halloween", TODAY, ZONE, past=True) == (date(2026, 10, 31), "Halloween")
    assert parse_day("friday", TODAY, ZONE, past=True) == (date(2026, 11, 20), "Friday")


@pytest.mark.parametrize("phrase", ["", "my birthday", "february 30", "the 45th of may", "someday", "the meeting"])
def test_days_that_do_not_exist_or_are_unknown_are_none(phrase):
    assert parse_day(phrase, TODAY, ZONE) is None


def test_a_month_later_keeps_the_day_or_the_months_last():
    assert shift(date(2027, 1, 31), 1, "month") == date(2027, 2, 28)
    assert shift(date(2028, 2, 29), 1, "year") == date(2029, 2, 28)
    assert shift(date(2026, 11, 22), -2, "week") == date(2026, 11, 8)


@pytest.mark.parametrize(
    "phrase, day, label",
    [
        ("two saturdays from now", "2026-12-05", "2 Saturdays from now"),
        ("one friday from now", "2026-11-27", "1 Friday from now"),
        ("two wednesdays back from today", "2026-11-11", "2 Wednesdays back from today"),
        ("the following monday", "2026-11-23", "following Monday"),
        ("the 30th this month", "2026-11-30", "the 30th this month"),
    ],
)
def test_weekdays_counted_from_today_and_days_of_this_month(phrase, day, label):
    assert parse_day(phrase, TODAY) == (date.fromisoformat(day), label)
