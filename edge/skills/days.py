"""The date a spoken phrase names: "next friday", "christmas next year", "the 23rd of this month", "3 days ago",
"the first monday of march", "the winter solstice 2 years from now", "a week after thanksgiving"."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta, timezone, tzinfo
from functools import partial

from edge.skills.holidays import find_holiday, nth_weekday
from edge.skills.spoken import MONTH, MONTHS, WEEKDAY, WEEKDAYS, normalize_numbers

RELATIVE_DAYS = {
    "today": 0, "tonight": 0, "now": 0, "tomorrow": 1, "yesterday": -1,
    "day after tomorrow": 2, "day before yesterday": -2, "next day": 1, "following day": 1, "previous day": -1,
    "day after today": 1, "after today": 1, "day before today": -1, "before today": -1,
}  # fmt: skip

_MONTH_NAMES = [m.lower() for m in MONTHS]
_WEEKDAY_NAMES = [d.lower() for d in WEEKDAYS]
_ORDINAL = r"(?P<day>\d{1,2})(?:st|nd|rd|th)"
_UNIT = r"(?P<unit>day|week|month|year)s?"

_CALENDAR_DATES = (
    re.compile(rf"{_ORDINAL}? (?:of )?(?P<month>{MONTH})(?: (?P<year>\d{{4}}))?"),
    re.compile(rf"(?P<month>{MONTH}) (?:the )?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?: (?P<year>\d{{4}}))?"),
)
_DAY_OF_MONTH = re.compile(rf"{_ORDINAL}(?: (?:day )?(?:(?:of|in) )?(?P<which>this|next|last|the) month)?")
_NTH_WEEKDAY = re.compile(
    rf"(?P<n>\d)(?:st|nd|rd|th)? (?P<weekday>{WEEKDAY}) (?:of|in) (?:(?P<month>{MONTH})|(?P<which>this|next|last|the) month)"
)
_LAST_WEEKDAY = re.compile(rf"last (?P<weekday>{WEEKDAY}) (?:of|in) (?:(?P<month>{MONTH})|(?P<which>this|next|last|the) month)")
_EDGE_OF_YEAR = re.compile(r"(?P<edge>1st day|first day|start|beginning|last day|end) of (?:the |this )?(?P<which>year|week)")
_EDGE_OF_MONTH = re.compile(
    rf"(?P<edge>1st day|first day|start|beginning|last day|end) of (?:(?P<month>{MONTH})|(?P<which>this|next|last|the) month)"
)
_WEEKDAY_PHRASE = re.compile(
    rf"(?:(?P<which>next|this|coming|this coming|the coming|following|the following|last|past) )?(?P<weekday>{WEEKDAY})"
    rf"(?: (?P<week>after next|next week|this week|last week))?"
)
_WEEKDAYS_AWAY = re.compile(
    rf"(?P<n>\d+) (?P<weekday>{WEEKDAY})s? (?P<way>from now|from today|ahead|later|hence|ago|back(?: from today)?|before today)"
)
"""The nth coming or past weekday: "two saturdays from now" is the second Saturday after today."""
_WEEKDAY_DATED = re.compile(
    rf"(?:(?P<which>next|last) )?(?P<weekday>{WEEKDAY}) (?:the )?{_ORDINAL}(?: (?:of|in) (?P<month>{MONTH}))?"
)
"""A day of the month that falls on a weekday: "friday the 13th", "next monday the 1st"."""
_WEEK_WEEKDAY = re.compile(rf"(?P<week>next|this|last) week (?:on )?(?P<weekday>{WEEKDAY})")
_WEEKEND = re.compile(r"(?:(?P<which>this|next|last|the coming|the) )?weekend")
_FROM_NOW = re.compile(
    rf"(?:in|after) (?P<n>\d+) {_UNIT}(?: time| from now| from today)?"
    rf"|(?P<n2>\d+) (?P<unit2>day|week|month|year)s? (?P<way>from now|from today|ago|later|hence|back|before today|after today)"
)
_FROM_DAY = re.compile(rf"(?:(?P<n>\d+) )?{_UNIT} (?P<way>from|after|before) (?P<base>.+)")
_YEAR = re.compile(
    r" (?:(?P<which>this|next|last) year|(?:in |of )?(?P<year>\d{4})|(?P<ahead>\d+) years? (?:from now|from today|later|hence)"
    r"|in (?P<ahead2>\d+) years?(?: time)?|(?P<ago>\d+) years? ago)$"
)
_WHICH_YEAR = {"this": 0, "next": 1, "last": -1}
_NEXT_PERIOD = re.compile(r"(?P<which>next|last|this time next|this time last) (?P<unit>week|month)")
_ON_THE_WORD_ORDINALS = {"first": "1st", "second": "2nd"}

Found = tuple[date, str]


def parse_day(phrase: str, today: date, zone: tzinfo = timezone.utc, past: bool = False) -> Found | None:
    """The date a spoken day names and a label to say it by (lowercase but for names), or None.

    A holiday or date without a year means its next occurrence (its last one when ``past``); a weekday the next one
    after today; ``zone`` decides the day of an equinox or solstice.
    """
    phrase = _normalized(phrase)
    if not phrase:
        return None
    if phrase in RELATIVE_DAYS:
        plain = phrase in ("today", "tonight", "now", "tomorrow", "yesterday")
        said = phrase if plain else {1: "tomorrow", -1: "yesterday"}.get(RELATIVE_DAYS[phrase], phrase)
        return today + timedelta(days=RELATIVE_DAYS[phrase]), said
    if match := _NEXT_PERIOD.fullmatch(phrase):
        count = {"next": 1, "last": -1, "this time next": 1, "this time last": -1}[match["which"]]
        return shift(today, count, match["unit"]), f"this time {phrase}" if not phrase.startswith("this") else phrase
    if match := _FROM_NOW.fullmatch(phrase):
        count, unit = int(match["n"] or match["n2"]), match["unit"] or match["unit2"]
        return shift(today, -count if match["way"] in ("ago", "back", "before today") else count, unit), phrase
    if found := _offset_from_day(phrase, today, zone, past):
        return found
    if match := _YEAR.search(f" {phrase}"):
        base = phrase[: max(0, match.start() - 1)].strip()
        year = _year(match, today)
        if not base:
            return shift(today, year - today.year, "year"), phrase
        if found := _day(base, today, zone, past, year):
            return found[0], _with_year(found[1], match, year)
    return _day(phrase, today, zone, past, None)


def _normalized(phrase: str) -> str:
    phrase = normalize_numbers(phrase.lower().replace("'", "").replace("’", ""))
    phrase = re.sub(r"[^\w\s]", " ", phrase)
    phrase = re.sub(r"\ban? (?=(?:day|week|month|year)s?\b)", "1 ", phrase)
    phrase = re.sub(r"\b(?:first|second)\b", lambda m: _ON_THE_WORD_ORDINALS[m.group(0)], phrase)
    phrase = re.sub(r"\b(1[1-9]|20) ([0-9]{2})\b", r"\1\2", phrase)
    phrase = re.sub(r"\s+", " ", phrase).strip()
    return re.sub(r"^(?:on |the )+", "", phrase)


def _year(match: re.Match[str], today: date) -> int:
    if match["which"]:
        return today.year + _WHICH_YEAR[match["which"]]
    if match["year"]:
        return int(match["year"])
    ahead = match["ahead"] or match["ahead2"]
    return today.year + int(ahead) if ahead else today.year - int(match["ago"])


def _with_year(label: str, match: re.Match[str], year: int) -> str:
    if match["year"]:
        return f"{label}, {year}" if label[-1].isdigit() else f"{label} {year}"
    return f"{label} {match.group(0).strip()}"


def _offset_from_day(phrase: str, today: date, zone: tzinfo, past: bool) -> Found | None:
    """ "3 days after christmas", "a week from friday", "the day before thanksgiving"."""
    match = _FROM_DAY.fullmatch(phrase)
    if match is None:
        return None
    base = (today, match["base"]) if match["base"] in ("now", "today") else parse_day(match["base"], today, zone, past)
    if base is None:
        return None
    count, unit = int(match["n"] or 1), match["unit"]
    moved = shift(base[0], -count if match["way"] == "before" else count, unit)
    amount = f"the {unit}" if not match["n"] else f"{count} {unit}{'' if count == 1 else 's'}"
    return moved, f"{amount} {match['way']} {base[1]}"


def shift(day: date, count: int, unit: str) -> date:
    """``day`` moved by ``count`` days, weeks, months or years; a month's day past its end becomes its last day."""
    if unit in ("day", "week"):
        return day + timedelta(days=count * (7 if unit == "week" else 1))
    months = day.month - 1 + count * (12 if unit == "year" else 1)
    year, month = day.year + months // 12, months % 12 + 1
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("every month has 28 days")


def _day(phrase: str, today: date, zone: tzinfo, past: bool, year: int | None) -> Found | None:
    for reader in _READERS:
        if found := reader(phrase, today, zone, past, year):
            return found
    if phrase.endswith("s") and phrase[:-1] != phrase:
        return next((f for reader in _READERS if (f := reader(phrase[:-1], today, zone, past, year))), None)
    return None


def _relative(phrase: str, today: date, zone: tzinfo, past: bool, year: int | None) -> Found | None:
    days = RELATIVE_DAYS.get(phrase)
    return None if days is None or year is not None else (today + timedelta(days=days), phrase)


def _holiday(phrase: str, today: date, zone: tzinfo, past: bool, year: int | None) -> Found | None:
    which, _, name = phrase.partition(" ")
    if which not in ("next", "this", "last", "coming"):
        which, name = "", phrase
    holiday = find_holiday(name.replace("1st ", "first "))
    if holiday is None:
        return None
    if year is not None or which == "this":
        return holiday.dates(year or today.year, zone)[0], holiday.label
    candidates = [d for y in (today.year - 1, today.year, today.year + 1) for d in holiday.dates(y, zone)]
    if past or which == "last":
        return max(d for d in candidates if d < today or (past and d == today)), holiday.label
    return min(d for d in candidates if d >= today), holiday.label


def _yearly(today: date, year: int | None, past: bool, on: Callable[[int], date]) -> date:
    if year is not None:
        return on(year)
    this_year = on(today.year)
    if past:
        return this_year if this_year <= today else on(today.year - 1)
    return this_year if this_year >= today else on(today.year + 1)


def _date(month: int, day: int, year: int) -> date:
    return date(year, month, day)


def _calendar_date(phrase: str, today: date, zone: tzinfo, past: bool, year: int | None) -> Found | None:
    for pattern in _CALENDAR_DATES:
        if match := pattern.fullmatch(phrase):
            month, day = _MONTH_NAMES.index(match["month"]) + 1, int(match["day"])
            label = f"{MONTHS[month - 1]} {day}"
            if match["year"]:
                year, label = int(match["year"]), f"{label}, {match['year']}"
            try:
                return _yearly(today, year, past, partial(_date, month, day)), label
            except ValueError:
                return None
    return None


def _month(match: re.Match[str], today: date, year: int | None) -> tuple[int, int]:
    """The (year, month) a match names by a month's name or "this"/"next"/"last"/"the" month."""
    if month := match.groupdict().get("month"):
        return year or today.year, _MONTH_NAMES.index(month) + 1
    shifted = shift(today.replace(day=1), {"next": 1, "last": -1}.get(match["which"], 0), "month")
    return shifted.year, shifted.month


def _day_of_month(phrase: str, today: date, zone: tzinfo, past: bool, year: int | None) -> Found | None:
    """ "the 23rd" (this month's, or next month's once it has passed), "the 5th of next month"."""
    match = _DAY_OF_MONTH.fullmatch(phrase)
    if match is None or year is not None:
        return None
    month_year, month = _month(match, today, None)
    try:
        day = date(month_year, month, int(match["day"]))
        if match["which"] is None and day < today and not past:
            moved = shift(today.replace(day=1), 1, "month")
            day = date(moved.year, moved.month, int(match["day"]))
    except ValueError:
        return None
    return day, f"the {phrase}"


def _nth_weekday(phrase: str, today: date, zone: tzinfo, past: bool, year: int | None) -> Found | None:
    """ "the 2nd sunday in may", "the last friday of the month"."""
    match = _NTH_WEEKDAY.fullmatch(phrase) or _LAST_WEEKDAY.fullmatch(phrase)
    if match is None:
        return None
    weekday = _WEEKDAY_NAMES.index(match["weekday"])
    n = int(match["n"]) if "n" in match.groupdict() else -1
    month_year, month = _month(match, today, year)
    try:
        on = lambda y: nth_weekday(y, month, weekday, n)
        day = _yearly(today, year, past, on) if match["month"] else on(month_year)
    except ValueError:
        return None
    if day.month != month:
        return None
    return day, f"the {_named(phrase)}"


def _weekday_dated(phrase: str, today: date, zone: tzinfo, past: bool, year: int | None) -> Found | None:
    """ "friday the 13th": its next one (its last one when ``past``), or the first in the year said."""
    match = _WEEKDAY_DATED.fullmatch(phrase)
    if match is None:
        return None
    weekday, number = _WEEKDAY_NAMES.index(match["weekday"]), int(match["day"])
    backwards = (past and match["which"] != "next") or match["which"] == "last"
    first = date(year, 1, 1) if year is not None else today.replace(day=1)
    step = -1 if backwards and year is None else 1
    for months in range(0, 12 * 7 * step, step):
        moved = shift(first, months, "month")
        if year is not None and moved.year != year:
            return None
        if match["month"] and moved.month != _MONTH_NAMES.index(match["month"]) + 1:
            continue
        try:
            day = moved.replace(day=number)
        except ValueError:
            continue
        ahead = day > today if match["which"] == "next" else day >= today
        if day.weekday() == weekday and (year is not None or (day <= today if backwards else ahead)):
            return day, _named(phrase[match.start("weekday") :])
    return None


def _edge_of_month(phrase: str, today: date, zone: tzinfo, past: bool, year: int | None) -> Found | None:
    """ "the first day of next month", "the end of the month", "the last day of february"."""
    match = _EDGE_OF_MONTH.fullmatch(phrase)
    if match is None:
        return _edge_of_year_or_week(phrase, today, year)
    month_year, month = _month(match, today, year)
    first = date(month_year, month, 1)
    day = first if match["edge"] in ("1st day", "first day", "start", "beginning") else shift(first, 1, "month") - timedelta(1)
    return day, f"the {_named(phrase.replace('1st day', 'first day'))}"


def _edge_of_year_or_week(phrase: str, today: date, year: int | None) -> Found | None:
    """ "the end of the year", "the first day of the year", "the end of the week" (its Sunday)."""
    match = _EDGE_OF_YEAR.fullmatch(phrase)
    if match is None:
        return None
    starts = match["edge"] in ("1st day", "first day", "start", "beginning")
    if match["which"] == "week":
        monday = today - timedelta(days=today.weekday())
        return (monday if starts else monday + timedelta(days=6)), f"the {phrase}"
    on = year or today.year
    return (date(on, 1, 1) if starts else date(on, 12, 31)), f"the {phrase.replace('1st day', 'first day')}"


def _weekday(phrase: str, today: date, zone: tzinfo, past: bool, year: int | None) -> Found | None:
    """ "friday", "next friday", "last friday", "friday after next", "next week friday", "this weekend"."""
    if year is not None:
        return None
    if away := _WEEKDAYS_AWAY.fullmatch(phrase):
        index, count = _WEEKDAY_NAMES.index(away["weekday"]), int(away["n"])
        if away["way"].startswith(("ago", "back", "before")):
            return today - timedelta(days=(today.weekday() - index - 1) % 7 + 1 + 7 * (count - 1)), _named(phrase)
        return today + timedelta(days=(index - today.weekday() - 1) % 7 + 1 + 7 * (count - 1)), _named(phrase)
    match = _WEEKDAY_PHRASE.fullmatch(phrase) or _WEEK_WEEKDAY.fullmatch(phrase)
    if match is None:
        return _weekend(phrase, today)
    index = _WEEKDAY_NAMES.index(match["weekday"])
    week = (match["week"] or "").replace(" week", "")
    which = match.groupdict().get("which") or ""
    if week in ("next", "this", "last") and not which:
        monday = today - timedelta(days=today.weekday())
        day = monday + timedelta(days=index + 7 * _WHICH_YEAR[week])
    elif which in ("last", "past") or (past and not which):
        day = today - timedelta(days=(today.weekday() - index - 1) % 7 + 1)
    else:
        day = today + timedelta(days=(index - today.weekday() - 1) % 7 + 1 + (7 if week == "after next" else 0))
    return day, _named(phrase)


def _weekend(phrase: str, today: date) -> Found | None:
    match = _WEEKEND.fullmatch(phrase)
    if match is None:
        return None
    saturday = today + timedelta(days=5 - today.weekday())
    label = phrase if match["which"] not in (None, "the") else "the weekend"
    if label == "the weekend" and today.weekday() == 6:
        saturday = today
    return saturday + timedelta(days=7 * {"next": 1, "last": -1}.get(match["which"], 0)), label


def _named(phrase: str) -> str:
    names = {n.lower(): n for n in (*WEEKDAYS, *MONTHS)} | {f"{d.lower()}s": f"{d}s" for d in WEEKDAYS}
    return " ".join(names.get(word, word) for word in phrase.split())


_READERS = (_relative, _holiday, _calendar_date, _day_of_month, _nth_weekday, _weekday_dated, _edge_of_month, _weekday)
