import time as timer
from datetime import date, datetime, timedelta, timezone

import pytest

from edge.skills.spoken import (
    normalize_numbers,
    parse_clock_time,
    parse_duration,
    parse_time_of_day,
    spoken_date,
    spoken_duration,
    spoken_time,
)

ZONE = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 22, 19, 42, 10, tzinfo=ZONE)
"""A Sunday evening."""


@pytest.mark.parametrize(
    "text, normalized",
    [
        ("set a timer for ten minutes", "set a timer for 10 minutes"),
        ("Set a timer for TWENTY minutes", "Set a timer for 20 minutes"),
        ("an hour", "1 hour"),
        ("wait a minute", "wait 1 minute"),
        ("a sec", "1 sec"),
        ("half an hour", "30 minutes"),
        ("a half hour", "30 minutes"),
        ("half a minute", "30 seconds"),
        ("an hour and a half", "1.5 hours"),
        ("one and a half hours", "1.5 hours"),
        ("2 hours and a half", "2.5 hours"),
        ("1.5 hours", "1.5 hours"),
        ("a quarter of an hour", "15 minutes"),
        ("quarter hour", "15 minutes"),
        ("three quarters of an hour", "45 minutes"),
        ("a couple of minutes", "2 minutes"),
        ("couple of hours", "2 hours"),
        ("a few minutes", "3 minutes"),
        ("one minute and thirty seconds", "1 minute and 30 seconds"),
        ("two plus two", "2 plus 2"),
        ("zero point five", "0.5"),
        ("a hundred and five", "105"),
        ("twenty-five", "25"),
        ("1,000 seconds", "1000 seconds"),
        ("seven thirty pm", "7 30 pm"),
    ],
)
def test_numbers_said_in_words_become_digits(text, normalized):
    assert normalize_numbers(text) == normalized


@pytest.mark.parametrize("text", ["which one is it", "no one knows", "the other one", "hello there", ""])
def test_words_that_only_look_like_numbers_are_kept(text):
    assert normalize_numbers(text) == text


@pytest.mark.parametrize(
    "text, seconds",
    [
        ("ten minutes", 600),
        ("1 hour 20 minutes", 4800),
        ("an hour and a half", 5400),
        ("two and half hours", 9000),
        ("one and a half hours", 5400),
        ("1.5 hours", 5400),
        ("90 seconds", 90),
        ("2 hrs", 7200),
        ("5 min", 300),
        ("3 mins 30 secs", 210),
        ("one minute and thirty seconds", 90),
        ("half an hour", 1800),
        ("a quarter of an hour", 900),
        ("a day", 86400),
        ("2 weeks", 1209600),
        ("a couple of minutes", 120),
        ("a few seconds", 3),
        ("a thirty second timer", 30),
        ("twenty-second countdown", 20),
        ("one second", 1),
        ("2h30m", 9000),
        ("set a timer for ten minutes for the pasta", 600),
        ("1/2 an hour", 1800),
        ("1 and a 1/2 hours", 5400),
        ("1/2 a minute", 30),
    ],
)
def test_durations_are_read_in_seconds(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "set a timer", "7 am", "wake me at 7:30", "the 5th of may", "hello", "ten", "1 2 3"])
def test_text_without_an_amount_of_time_has_no_duration(text):
    assert parse_duration(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("7", "2026-11-23 07:00"),
        ("8", "2026-11-22 20:00"),
        ("7 am", "2026-11-23 07:00"),
        ("7am", "2026-11-23 07:00"),
        ("6:15 a.m.", "2026-11-23 06:15"),
        ("7:30", "2026-11-23 07:30"),
        ("seven thirty pm", "2026-11-23 19:30"),
        ("eleven fifty nine pm", "2026-11-22 23:59"),
        ("seven oh five", "2026-11-23 07:05"),
        ("half past six", "2026-11-23 06:30"),
        ("quarter past nine", "2026-11-22 21:15"),
        ("quarter to eight", "2026-11-22 19:45"),
        ("ten past nine", "2026-11-22 21:10"),
        ("twenty to seven pm", "2026-11-23 18:40"),
        ("quarter to one", "2026-11-23 00:45"),
        ("noon", "2026-11-23 12:00"),
        ("12 noon", "2026-11-23 12:00"),
        ("mid day", "2026-11-23 12:00"),
        ("midnight", "2026-11-23 00:00"),
        ("12 am", "2026-11-23 00:00"),
        ("at 18:45", "2026-11-23 18:45"),
        ("at 0630", "2026-11-23 06:30"),
        ("9 o'clock", "2026-11-22 21:00"),
        ("6 in the morning", "2026-11-23 06:00"),
        ("9 tonight", "2026-11-22 21:00"),
        ("5 in the evening", "2026-11-23 17:00"),
        ("tomorrow at 6", "2026-11-23 06:00"),
        ("tomorrow at 3", "2026-11-23 15:00"),
        ("tomorrow at noon", "2026-11-23 12:00"),
        ("6 pm tomorrow", "2026-11-23 18:00"),
        ("the day after tomorrow at 8", "2026-11-24 08:00"),
        ("friday at 7:30 pm", "2026-11-27 19:30"),
        ("wake me up at seven", "2026-11-23 07:00"),
        ("set an alarm for 6:30 to go running", "2026-11-23 06:30"),
        ("set an alarm for march 10 at 7 am", "2027-03-10 07:00"),
        ("on december twenty fourth at 6", "2026-12-24 06:00"),
        ("the 3rd at 7:30", "2026-12-03 07:30"),
        ("the 30th at 9 pm", "2026-11-30 21:00"),
        ("the tenth of march two thousand seventeen at 8", "2017-03-10 08:00"),
    ],
)
def test_clock_times_are_the_next_moment_at_that_time(text, expected):
    assert parse_clock_time(text, NOW) == datetime.strptime(expected, "%Y-%m-%d %H:%M").replace(tzinfo=ZONE)


@pytest.mark.parametrize("text", ["march 10", "at 7 am on the 31st of february"])
def test_a_date_without_a_time_or_a_date_that_does_not_exist_is_no_clock_time(text):
    assert parse_clock_time(text, NOW) is None


@pytest.mark.parametrize(
    "now, text, expected",
    [
        ("08:00", "7", "2026-11-22 19:00"),
        ("06:00", "7", "2026-11-22 07:00"),
        ("21:00", "7", "2026-11-23 07:00"),
        ("07:00", "7", "2026-11-22 19:00"),
        ("11:00", "12", "2026-11-22 12:00"),
        ("13:00", "12", "2026-11-23 00:00"),
    ],
)
def test_an_hour_without_am_or_pm_is_the_next_one_on_the_clock(now, text, expected):
    moment = datetime.strptime(f"2026-11-22 {now}", "%Y-%m-%d %H:%M").replace(tzinfo=ZONE)
    assert parse_clock_time(text, moment) == datetime.strptime(expected, "%Y-%m-%d %H:%M").replace(tzinfo=ZONE)


def test_a_time_already_past_today_means_tomorrow():
    assert parse_clock_time("7 pm", NOW) == datetime(2026, 11, 23, 19, 0, tzinfo=ZONE)
    assert parse_clock_time("7:42 pm", NOW) == datetime(2026, 11, 23, 19, 42, tzinfo=ZONE)


def test_todays_weekday_at_a_passed_time_means_next_week():
    assert parse_clock_time("sunday at 9 am", NOW) == datetime(2026, 11, 29, 9, 0, tzinfo=ZONE)
    assert parse_clock_time("sunday at 10 pm", NOW) == datetime(2026, 11, 22, 22, 0, tzinfo=ZONE)


def test_the_time_keeps_the_zone_of_now():
    tokyo = NOW.astimezone(timezone(timedelta(hours=9)))
    assert parse_clock_time("7 am", tokyo).utcoffset() == timedelta(hours=9)


@pytest.mark.parametrize(
    "text", ["", "set an alarm", "in 10 minutes", "for 2 hours", "the 5th of may", "25 percent", "in 2026", "version 3.5", "hi"]
)
def test_text_without_a_time_of_day_has_no_clock_time(text):
    assert parse_clock_time(text, NOW) is None


@pytest.mark.parametrize(
    "seconds, spoken",
    [
        (600, "10 minutes"),
        (5400, "1 hour and 30 minutes"),
        (45, "45 seconds"),
        (60, "1 minute"),
        (1, "1 second"),
        (3601, "1 hour and 1 second"),
        (90061, "1 day, 1 hour, 1 minute and 1 second"),
        (2851200, "33 days"),
        (89.6, "1 minute and 30 seconds"),
        (0.4, "0 seconds"),
        (0, "0 seconds"),
        (-5, "0 seconds"),
    ],
)
def test_durations_are_said_largest_unit_first(seconds, spoken):
    assert spoken_duration(seconds) == spoken


@pytest.mark.parametrize(
    "moment, spoken",
    [
        (datetime(2026, 11, 22, 19, 42), "7:42 PM"),
        (datetime(2026, 11, 22, 7, 5), "7:05 AM"),
        (datetime(2026, 11, 22, 7, 0), "7 AM"),
        (datetime(2026, 11, 22, 12, 0), "12 PM"),
        (datetime(2026, 11, 22, 0, 30), "12:30 AM"),
    ],
)
def test_times_are_said_on_a_12_hour_clock(moment, spoken):
    assert spoken_time(moment) == spoken


@pytest.mark.parametrize(
    "moment, spoken",
    [
        (datetime(2026, 11, 22, 21, 0, tzinfo=ZONE), "9 PM"),
        (datetime(2026, 11, 23, 7, 30, tzinfo=ZONE), "tomorrow at 7:30 AM"),
        (datetime(2026, 11, 27, 18, 0, tzinfo=ZONE), "Friday at 6 PM"),
        (datetime(2026, 12, 25, 9, 0, tzinfo=ZONE), "Friday, December 25, 2026 at 9 AM"),
    ],
)
def test_times_on_another_day_say_the_day(moment, spoken):
    assert spoken_time(moment, NOW) == spoken


def test_dates_are_said_in_english_whatever_the_locale():
    assert spoken_date(date(2026, 11, 22)) == "Sunday, November 22, 2026"
    assert spoken_date(date(2027, 1, 1), weekday=False) == "January 1, 2027"


def test_parsing_takes_well_under_a_millisecond():
    calls = [
        lambda: normalize_numbers("set a timer for an hour and a half"),
        lambda: parse_duration("one minute and thirty seconds"),
        lambda: parse_clock_time("tomorrow at half past six in the morning", NOW),
    ]
    for call in calls:
        start = timer.perf_counter()
        for _ in range(200):
            call()
        assert (timer.perf_counter() - start) / 200 < 0.001


@pytest.mark.parametrize(
    "text, said",
    [
        ("10 pm", "22:00"),
        ("ten p.m.", "22:00"),
        ("10 p m", "22:00"),
        ("half past four", "16:30"),
        ("quarter to five", "16:45"),
        ("three thirty in the afternoon", "15:30"),
        ("7:45 am", "07:45"),
        ("8", "08:00"),
        ("3", "15:00"),
        ("noon", "12:00"),
        ("midnight", "00:00"),
    ],
)
def test_a_time_of_day_said_without_a_day_reads_an_unmarked_hour_as_daytime(text, said):
    assert parse_time_of_day(text).strftime("%H:%M") == said


def test_no_time_of_day_is_none():
    assert parse_time_of_day("in a while") is None
