"""Durations and clock times as people say them, in digits or in words: a duration of hours, minutes and seconds
parses back to its exact number of seconds; a clock time parses back to its hour and minute (the hour on a 12-hour
clock when no am or pm is said), as the next moment at that time (within twelve hours when either half of the day
would do), or not at all; never to another time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from edge.skills.spoken import parse_clock_time, parse_duration, parse_time_of_day
from tests.skills.number_words import WORDINGS, in_words

ZONE = timezone(timedelta(hours=1))

UNITS = {
    3600: ("hour", ("hr", "hrs", "h")),
    60: ("minute", ("min", "mins", "m")),
    1: ("second", ("sec", "secs", "s")),
}
"""Seconds in each unit, its word and its abbreviations."""


@st.composite
def amounts_said(draw: st.DrawFn, n: int, unit: int) -> str:
    """ "2 hours", "two hrs", "an hour", "a min", "1 m", "thirty-five seconds"."""
    word, abbreviations = UNITS[unit]
    said = draw(st.sampled_from(["an" if unit == 3600 else "a", "one", "1"] if n == 1 else [str(n), in_words(n, draw(WORDINGS))]))
    letter = abbreviations[-1]
    names = (word if n == 1 else f"{word}s", *abbreviations[:-1], *([] if said in ("a", "an") else [letter]))
    return f"{said} {draw(st.sampled_from(names))}"


@dataclass(frozen=True)
class Duration:
    text: str
    seconds: int


@st.composite
def durations(draw: st.DrawFn) -> Duration:
    """One to three of hours, minutes and seconds, largest first: "two hours and ten minutes", "1 hr, 5 mins and 3 secs"."""
    units = draw(st.lists(st.sampled_from(sorted(UNITS, reverse=True)), min_size=1, max_size=3, unique=True))
    units.sort(reverse=True)
    most = 999 if len(units) == 1 else 59
    counts = [draw(st.integers(1, most)) for _ in units]
    parts = [draw(amounts_said(n, unit)) for n, unit in zip(counts, units, strict=True)]
    said = parts[0]
    for part in parts[1:]:
        said += f"{draw(st.sampled_from([' ', ', ', ' and ']))}{part}"
    return Duration(said, sum(n * unit for n, unit in zip(counts, units, strict=True)))


@st.composite
def compact_durations(draw: st.DrawFn) -> Duration:
    """Digits and single letters, as typed: "2h30m", "1h 2m 3s"."""
    units = sorted(draw(st.lists(st.sampled_from(sorted(UNITS)), min_size=1, max_size=3, unique=True)), reverse=True)
    counts = [draw(st.integers(1, 59)) for _ in units]
    separator = draw(st.sampled_from(["", " "]))
    said = separator.join(f"{n}{UNITS[unit][1][-1]}" for n, unit in zip(counts, units, strict=True))
    return Duration(said, sum(n * unit for n, unit in zip(counts, units, strict=True)))


FRACTIONS = {"a half": 0.5, "a quarter": 0.25, "three quarters": 0.75}


def _of_a_unit(fraction: str, unit: int) -> list[str]:
    """ "half an hour", "a quarter of an hour", "three quarters of a minute", "a half hour"."""
    word, article = UNITS[unit][0], "an" if unit == 3600 else "a"
    ways = [f"{fraction} of {article} {word}"]
    if fraction == "a half":
        ways += [f"half {article} {word}", f"a half {word}"]
    return ways


def _and_a_fraction(count: str, n: int, fraction: str, unit: int) -> list[str]:
    """ "an hour and a half", "two and a half hours", "2 hours and three quarters", "one and three quarter hours"."""
    word = UNITS[unit][0]
    plural = word if n == 1 else f"{word}s"
    ways = [f"{count} {plural} and {fraction}"]
    if count not in ("a", "an"):
        ways += [f"{count} and {fraction} {word}s", f"{count} and {fraction.removesuffix('s')} {word}s"]
    return ways


@st.composite
def fractional_durations(draw: st.DrawFn) -> Duration:
    """A whole number of hours or minutes and a half, a quarter or three quarters, in words or in decimals."""
    unit = draw(st.sampled_from([3600, 60]))
    fraction = draw(st.sampled_from(sorted(FRACTIONS)))
    n = draw(st.integers(0, 12))
    amount = n + FRACTIONS[fraction]
    if n == 0:
        ways = _of_a_unit(fraction, unit)
    else:
        counts = [str(n), in_words(n), *(["an" if unit == 3600 else "a"] if n == 1 else [])]
        ways = _and_a_fraction(draw(st.sampled_from(counts)), n, fraction, unit)
    said = draw(st.sampled_from([*ways, f"{amount:g} {UNITS[unit][0]}s"]))
    return Duration(said, round(amount * unit))


ASKED_FOR = ["{}", "set a timer for {}", "timer for {}", "remind me in {}", "wait {}", "{} please", "in {} from now"]


@settings(max_examples=200, deadline=None)
@given(st.one_of(durations(), compact_durations(), fractional_durations()), st.sampled_from(ASKED_FOR))
@example(Duration("two hours and ten minutes", 7800), "{}")
@example(Duration("an hour and a half", 5400), "{}")
@example(Duration("90 seconds", 90), "{}")
@example(Duration("5 minutes", 300), "{}")
@example(Duration("5 and three quarter minutes", 345), "{}")
@example(Duration("an hour and three quarters", 6300), "{}")
def test_a_duration_parses_to_its_exact_seconds(duration, asked):
    assert parse_duration(asked.format(duration.text)) == duration.seconds


@dataclass(frozen=True)
class ClockTime:
    text: str
    hour: int
    minute: int
    half_of_the_day_said: bool
    """am or pm was said, or is plain from the time (a 24-hour clock, noon, midnight): the hour is read as it is."""

    def read_as_said(self, hour: int, minute: int) -> bool:
        same_hour = hour == self.hour if self.half_of_the_day_said else hour % 12 == self.hour % 12
        return same_hour and minute == self.minute


def _periods(hour: int) -> list[str]:
    """The ways of saying which half of the day an hour is in: " pm", "am", " p.m.", " in the evening"."""
    if hour < 12:
        return [" am", "am", " a.m.", " AM", " in the morning"]
    return [
        " pm",
        "pm",
        " p.m.",
        " PM",
        *([" in the afternoon"] if hour <= 17 else []),
        *([" in the evening"] if 17 <= hour <= 22 else []),
        *([" at night"] if hour >= 20 else []),
    ]


@st.composite
def number_said(draw: st.DrawFn, n: int) -> str:
    return draw(st.sampled_from([str(n), in_words(n, draw(WORDINGS))]))


@st.composite
def faces(draw: st.DrawFn, hour: int, minute: int) -> str:
    """The time as a clock face shows it: "7:30", "7", "seven thirty", "seven oh five", "7 o'clock"."""
    face = hour % 12 or 12
    if minute == 0:
        return draw(st.sampled_from([str(face), f"{face}:00", f"{draw(number_said(face))} o'clock", in_words(face)]))
    minutes = draw(st.sampled_from([in_words(minute), f"oh {in_words(minute)}"] if minute < 10 else [in_words(minute)]))
    return draw(st.sampled_from([f"{face}:{minute:02d}", f"{in_words(face)} {minutes}"]))


@st.composite
def relative_times(draw: st.DrawFn, hour: int, minute: int) -> str:
    """The time from the nearer hour: "half past seven", "quarter to eight", "ten past 7", "25 minutes to eight"."""
    past = minute <= 30
    face = (hour if past else hour + 1) % 12 or 12
    minutes = minute if past else 60 - minute
    said = {15: "quarter", 30: "half"}.get(minutes) if draw(st.booleans()) else None
    if said is None:
        said = draw(number_said(minutes)) + draw(st.sampled_from(["", " minutes" if minutes > 1 else " minute"]))
    relation = draw(st.sampled_from(["past", "after"] if past else ["to", "before", "till"]))
    return f"{said} {relation} {draw(number_said(face))}"


@st.composite
def clock_times(draw: st.DrawFn) -> ClockTime:
    """A time of day said on a 12-hour clock with or without am or pm, from the nearer hour, on a 24-hour clock, or by
    name."""
    hour, minute = draw(st.integers(0, 23)), draw(st.integers(0, 59))
    form = draw(st.sampled_from(["face", "relative", "24-hour", "named"]))
    if form == "24-hour" and not 10 <= hour <= 12:
        said = draw(st.sampled_from([f"{hour:02d}:{minute:02d}", f"{hour:02d}{minute:02d}"]))
        return ClockTime(said, hour, minute, half_of_the_day_said=True)
    if form == "named":
        hour, said = draw(st.sampled_from([(12, "noon"), (12, "twelve noon"), (12, "midday"), (0, "midnight")]))
        return ClockTime(said, hour, 0, half_of_the_day_said=True)
    said = draw(faces(hour, minute) if form == "face" or minute == 0 else relative_times(hour, minute))
    period = draw(st.sampled_from(["", *(p for p in _periods(hour) if p.startswith(" ") or said[-1].isdigit())]))
    return ClockTime(f"{said}{period}", hour, minute, half_of_the_day_said=bool(period))


SAID_AT = ["{}", "at {}", "wake me up at {}", "set an alarm for {}", "remind me at {}", "is it {} yet"]


@settings(max_examples=200, deadline=None)
@given(clock_times(), st.sampled_from(SAID_AT))
@example(ClockTime("7:30 pm", 19, 30, half_of_the_day_said=True), "{}")
@example(ClockTime("half past seven", 7, 30, half_of_the_day_said=False), "{}")
@example(ClockTime("03:34", 3, 34, half_of_the_day_said=True), "at {}")
@example(ClockTime("ten o'clock p.m.", 22, 0, half_of_the_day_said=True), "{}")
def test_a_time_of_day_parses_to_its_hour_and_minute_or_not_at_all(clock_time, said_at):
    parsed = parse_time_of_day(said_at.format(clock_time.text))
    assert parsed is None or clock_time.read_as_said(parsed.hour, parsed.minute), parsed


MOMENTS = st.datetimes(datetime(2026, 1, 1), datetime(2026, 12, 31)).map(lambda moment: moment.replace(tzinfo=ZONE))


@settings(max_examples=200, deadline=None)
@given(clock_times(), st.sampled_from(SAID_AT), MOMENTS)
@example(ClockTime("7:30 pm", 19, 30, half_of_the_day_said=True), "{}", datetime(2026, 11, 22, 19, 42, tzinfo=ZONE))
@example(ClockTime("half past seven", 7, 30, half_of_the_day_said=False), "{}", datetime(2026, 11, 22, 19, 42, tzinfo=ZONE))
@example(ClockTime("01:00", 1, 0, half_of_the_day_said=True), "{}", datetime(2026, 1, 1, 1, 0, tzinfo=ZONE))
@example(ClockTime("0630", 6, 30, half_of_the_day_said=True), "at {}", datetime(2026, 11, 22, 8, 0, tzinfo=ZONE))
@example(
    ClockTime("10 o'clock p.m.", 22, 0, half_of_the_day_said=True), "remind me at {}", datetime(2026, 4, 25, 6, 12, tzinfo=ZONE)
)
def test_a_clock_time_is_the_next_moment_at_its_hour_and_minute_or_not_at_all(clock_time, said_at, now):
    moment = parse_clock_time(said_at.format(clock_time.text), now)
    if moment is None:
        return
    assert clock_time.read_as_said(moment.hour, moment.minute), moment
    assert now < moment <= now + timedelta(hours=24 if clock_time.half_of_the_day_said else 12), moment


@pytest.mark.parametrize(
    ("said", "seconds"),
    [("two hours thirty", 9000), ("an hour thirty please", 5400), ("5 minutes 30", 330), ("remind me in 2 hours 3 times", 7200)],
)
def test_a_bare_number_after_hours_counts_minutes_and_after_minutes_seconds(said, seconds):
    assert parse_duration(said) == seconds
