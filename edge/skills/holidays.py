"""Days people name by what happens on them: fixed holidays, holidays on the nth weekday of a month, the moveable feasts
around Easter, and the equinoxes and solstices."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo
from functools import partial

from edge.skills.seasons import Season, season_start


@dataclass(frozen=True)
class Holiday:
    label: str
    """How to say it within a sentence: "Christmas", "the winter solstice"."""
    dates: Callable[[int, tzinfo], tuple[date, ...]]
    """Its dates in a year, in the given time zone (an equinox falls on different days east and west)."""


def easter(year: int) -> date:
    """Western Easter Sunday by the anonymous Gregorian computus (Meeus, Astronomical Algorithms, chapter 8)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * weekday) // 433
    month, day = divmod(h + weekday - 7 * m + 90, 25)
    return date(year, month, (h + weekday - 7 * m + 33 * month + 19) % 32)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The nth ``weekday`` (0 = Monday) of the month, counted from its end when n is negative."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-n - 1))


def _fixed(month: int, day: int, year: int, zone: tzinfo) -> tuple[date, ...]:
    return (date(year, month, day),)


def _nth(month: int, weekday: int, n: int, days_after: int, year: int, zone: tzinfo) -> tuple[date, ...]:
    return (nth_weekday(year, month, weekday, n) + timedelta(days=days_after),)


def _from_easter(days: int, year: int, zone: tzinfo) -> tuple[date, ...]:
    return (easter(year) + timedelta(days=days),)


def _nth_each(rules: tuple[tuple[int, int, int], ...], year: int, zone: tzinfo) -> tuple[date, ...]:
    """The days of several (month, weekday, n) rules: the US clock changes."""
    return tuple(nth_weekday(year, month, weekday, n) for month, weekday, n in rules)


def _seasons(seasons: tuple[Season, ...], year: int, zone: tzinfo) -> tuple[date, ...]:
    return tuple(season_start(year, season).astimezone(zone).date() for season in seasons)


def _holiday(label: str, dates: Callable[..., tuple[date, ...]], *args: object) -> Holiday:
    return Holiday(label, partial(dates, *args))


_THANKSGIVING = (11, 3, 4)
_HOLIDAYS: dict[tuple[str, ...], Holiday] = {
    ("christmas", "christmas day", "xmas"): _holiday("Christmas", _fixed, 12, 25),
    ("christmas eve",): _holiday("Christmas Eve", _fixed, 12, 24),
    ("boxing day",): _holiday("Boxing Day", _fixed, 12, 26),
    ("new year", "new years", "new years day"): _holiday("New Year's Day", _fixed, 1, 1),
    ("new years eve",): _holiday("New Year's Eve", _fixed, 12, 31),
    ("halloween", "all hallows eve"): _holiday("Halloween", _fixed, 10, 31),
    ("valentines day", "valentines", "valentine day", "saint valentines day", "st valentines day"): _holiday(
        "Valentine's Day", _fixed, 2, 14
    ),
    ("st patricks day", "saint patricks day", "st paddys day", "paddys day"): _holiday("St. Patrick's Day", _fixed, 3, 17),
    ("independence day",): _holiday("Independence Day", _fixed, 7, 4),
    ("april fools day", "april fools"): _holiday("April Fools' Day", _fixed, 4, 1),
    ("earth day",): _holiday("Earth Day", _fixed, 4, 22),
    ("groundhog day",): _holiday("Groundhog Day", _fixed, 2, 2),
    ("cinco de mayo",): _holiday("Cinco de Mayo", _fixed, 5, 5),
    ("juneteenth",): _holiday("Juneteenth", _fixed, 6, 19),
    ("veterans day",): _holiday("Veterans Day", _fixed, 11, 11),
    ("remembrance day", "armistice day"): _holiday("Remembrance Day", _fixed, 11, 11),
    ("flag day",): _holiday("Flag Day", _fixed, 6, 14),
    ("canada day",): _holiday("Canada Day", _fixed, 7, 1),
    ("bastille day",): _holiday("Bastille Day", _fixed, 7, 14),
    ("australia day",): _holiday("Australia Day", _fixed, 1, 26),
    ("guy fawkes night", "guy fawkes day", "bonfire night"): _holiday("Guy Fawkes Night", _fixed, 11, 5),
    ("all saints day",): _holiday("All Saints' Day", _fixed, 11, 1),
    ("epiphany",): _holiday("Epiphany", _fixed, 1, 6),
    ("may day",): _holiday("May Day", _fixed, 5, 1),
    ("thanksgiving", "thanksgiving day"): _holiday("Thanksgiving", _nth, *_THANKSGIVING, 0),
    ("black friday",): _holiday("Black Friday", _nth, *_THANKSGIVING, 1),
    ("cyber monday",): _holiday("Cyber Monday", _nth, *_THANKSGIVING, 4),
    ("mothers day", "mother day", "moms day"): _holiday("Mother's Day", _nth, 5, 6, 2, 0),
    ("fathers day", "father day", "dads day"): _holiday("Father's Day", _nth, 6, 6, 3, 0),
    ("labor day", "labour day"): _holiday("Labor Day", _nth, 9, 0, 1, 0),
    ("memorial day",): _holiday("Memorial Day", _nth, 5, 0, -1, 0),
    ("martin luther king day", "martin luther king jr day", "mlk day"): _holiday("Martin Luther King Jr. Day", _nth, 1, 0, 3, 0),
    ("presidents day", "washingtons birthday"): _holiday("Presidents' Day", _nth, 2, 0, 3, 0),
    ("columbus day", "indigenous peoples day"): _holiday("Columbus Day", _nth, 10, 0, 2, 0),
    ("election day", "next election", "election"): _holiday("Election Day", _nth, 11, 0, 1, 1),
    ("super bowl", "superbowl", "super bowl sunday"): _holiday("the Super Bowl", _nth, 2, 6, 2, 0),
    ("easter", "easter sunday", "easter day"): _holiday("Easter", _from_easter, 0),
    ("easter monday",): _holiday("Easter Monday", _from_easter, 1),
    ("good friday",): _holiday("Good Friday", _from_easter, -2),
    ("maundy thursday", "holy thursday"): _holiday("Maundy Thursday", _from_easter, -3),
    ("palm sunday",): _holiday("Palm Sunday", _from_easter, -7),
    ("ash wednesday",): _holiday("Ash Wednesday", _from_easter, -46),
    ("mardi gras", "shrove tuesday", "fat tuesday", "pancake day"): _holiday("Mardi Gras", _from_easter, -47),
    ("pentecost", "whitsun", "whit sunday"): _holiday("Pentecost", _from_easter, 49),
    ("ascension day",): _holiday("Ascension Day", _from_easter, 39),
    ("spring equinox", "vernal equinox", "march equinox", "first day of spring", "start of spring", "beginning of spring",
     "spring"): (
        _holiday("the spring equinox", _seasons, ("march",))
    ),
    ("summer solstice", "june solstice", "first day of summer", "start of summer", "beginning of summer", "summer", "longest day",
     "longest day of the year"): _holiday("the summer solstice", _seasons, ("june",)),
    ("fall equinox", "autumn equinox", "autumnal equinox", "september equinox", "first day of fall", "first day of autumn",
     "start of fall", "start of autumn", "beginning of fall", "beginning of autumn", "fall", "autumn"): _holiday(
        "the fall equinox", _seasons, ("september",)
    ),
    ("winter solstice", "december solstice", "first day of winter", "start of winter", "beginning of winter", "winter",
     "shortest day", "shortest day of the year"): _holiday("the winter solstice", _seasons, ("december",)),
    ("daylight saving time ends", "daylight saving time end", "daylight savings end", "daylight saving ends",
     "daylight savings time end", "daylight savings time ends", "end of daylight saving time", "end of daylight savings",
     "clocks go back", "clocks fall back", "the clocks go back", "the clocks fall back", "fall back"): _holiday(
        "the end of daylight saving time", _nth_each, ((11, 6, 1),)
    ),
    ("daylight saving time starts", "daylight saving time start", "daylight saving time begins", "daylight savings start",
     "daylight saving starts", "daylight savings time start", "daylight savings time starts", "start of daylight saving time",
     "start of daylight savings", "clocks go forward", "clocks spring forward", "the clocks go forward", "spring forward"): (
        _holiday("the start of daylight saving time", _nth_each, ((3, 6, 2),))
    ),
    ("daylight saving time", "daylight savings time", "daylight saving", "daylight savings", "clocks change",
     "the clocks change", "time change", "the time change", "next time change"): _holiday(
        "the next clock change", _nth_each, ((3, 6, 2), (11, 6, 1))
    ),
    ("solstice",): _holiday("the solstice", _seasons, ("june", "december")),
    ("equinox",): _holiday("the equinox", _seasons, ("march", "september")),
}  # fmt: skip

HOLIDAYS: dict[str, Holiday] = {
    said: holiday
    for names, holiday in _HOLIDAYS.items()
    for name in names
    for said in (name, re.sub(r"(\w)s\b(?= (?:day|eve|birthday|night)\b)", r"\1", name))
}
"""Each holiday by every name people call it, lowercase, without apostrophes, with or without a possessive s ("new years
eve", "new year eve")."""


NOTABLE = (
    "new years day", "martin luther king day", "valentines day", "presidents day", "st patricks day", "easter",
    "mothers day", "memorial day", "fathers day", "juneteenth", "independence day", "labor day", "columbus day",
    "halloween", "veterans day", "thanksgiving", "christmas eve", "christmas", "new years eve",
)  # fmt: skip
"""What "is today a holiday" and "the next holiday" mean: the US federal holidays and the days most people keep."""


def holidays_on(day: date, zone: tzinfo) -> list[str]:
    """The labels of the notable holidays that fall on ``day``."""
    return [HOLIDAYS[name].label for name in NOTABLE if day in HOLIDAYS[name].dates(day.year, zone)]


def next_holiday(after: date, zone: tzinfo) -> tuple[date, str]:
    """The first notable holiday after ``after``."""
    return min(
        (day, HOLIDAYS[name].label)
        for name in NOTABLE
        for year in (after.year, after.year + 1)
        for day in HOLIDAYS[name].dates(year, zone)
        if day > after
    )


def find_holiday(name: str) -> Holiday | None:
    """The holiday called ``name`` ("christmas", "the summer solstice", "easter sunday"), with or without "day"."""
    name = name.removeprefix("the ")
    return HOLIDAYS.get(name) or HOLIDAYS.get(name.removesuffix(" day")) or HOLIDAYS.get(f"{name} day")
