from datetime import date, timedelta, timezone

import pytest

from edge.skills.holidays import HOLIDAYS, easter, find_holiday, nth_weekday

UTC = timezone.utc


@pytest.mark.parametrize(
    "year, sunday",
    [
        (2024, "2024-03-31"),
        (2025, "2025-04-20"),
        (2026, "2026-04-05"),
        (2027, "2027-03-28"),
        (2038, "2038-04-25"),
        (2285, "2285-03-22"),
    ],
)
def test_easter_is_computed_by_the_gregorian_computus(year, sunday):
    assert easter(year) == date.fromisoformat(sunday)


@pytest.mark.parametrize(
    "name, year, day",
    [
        ("thanksgiving", 2026, "2026-11-26"),
        ("black friday", 2026, "2026-11-27"),
        ("mother's day", 2027, "2027-05-09"),
        ("memorial day", 2027, "2027-05-31"),
        ("mlk day", 2027, "2027-01-18"),
        ("election day", 2026, "2026-11-03"),
        ("good friday", 2027, "2027-03-26"),
        ("ash wednesday", 2027, "2027-02-10"),
        ("halloween", 2026, "2026-10-31"),
        ("valentines day", 2027, "2027-02-14"),
        ("independence day", 2027, "2027-07-04"),
        ("new year's day", 2027, "2027-01-01"),
        ("summer solstice", 2026, "2026-06-21"),
        ("the winter solstice", 2026, "2026-12-21"),
        ("first day of spring", 2026, "2026-03-20"),
    ],
)
def test_holidays_fall_on_their_day(name, year, day):
    holiday = find_holiday(name.replace("'", ""))
    assert holiday is not None and holiday.dates(year, UTC) == (date.fromisoformat(day),)


def test_an_equinox_falls_on_the_day_it_is_where_the_user_is():
    equinox = find_holiday("fall equinox")
    assert equinox.dates(2026, UTC) == (date(2026, 9, 23),)
    assert equinox.dates(2026, timezone(timedelta(hours=-5))) == (date(2026, 9, 22),)


def test_the_solstice_alone_means_both_of_the_year():
    assert find_holiday("solstice").dates(2026, UTC) == (date(2026, 6, 21), date(2026, 12, 21))


def test_a_holiday_is_found_with_or_without_day():
    assert find_holiday("christmas day") is find_holiday("christmas")
    assert find_holiday("valentines") is find_holiday("valentines day")
    assert find_holiday("my birthday") is None


def test_nth_weekday_counts_from_the_end_when_negative():
    assert nth_weekday(2026, 5, 0, -1) == date(2026, 5, 25)
    assert nth_weekday(2026, 11, 3, 4) == date(2026, 11, 26)


def test_every_name_is_lowercase_without_apostrophes():
    assert all(name == name.lower() and "'" not in name for name in HOLIDAYS)
