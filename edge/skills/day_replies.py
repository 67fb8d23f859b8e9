"""The spoken answers to questions about a day: its date or weekday, here or in another place, how long until or
since it; and the facts of the calendar: the week number, leap years, the days in a month or year, holidays."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from edge.errors import InputError
from edge.skills.base import Slots
from edge.skills.days import RELATIVE_DAYS, shift
from edge.skills.holidays import holidays_on, next_holiday
from edge.skills.spoken import MONTHS, WEEKDAYS, capitalized, spoken_count, spoken_date
from edge.skills.time_replies import Reply, zone_info


def _week_reply(slots: Slots, now: datetime) -> tuple[str, dict[str, Any]]:
    year, week, _ = now.date().isocalendar()
    return f"It's week {week} of {year}.", {"week": week, "year": year}


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _leap_year_reply(slots: Slots, now: datetime) -> tuple[str, dict[str, Any]]:
    year = int(slots.get("year") or now.year + int(slots.get("years_ahead") or 0))
    following = next(y for y in range(now.year + 1 if slots.get("next") else year + 1, year + 9) if _is_leap(y))
    if slots.get("next"):
        return f"The next leap year is {following}.", {"year": following}
    if _is_leap(year):
        return f"Yes, {year} is a leap year.", {"year": year, "leap": True}
    return f"No, {year} is not a leap year; the next one is {following}.", {"year": year, "leap": False}


def _period(slots: Slots, now: datetime) -> tuple[date, date, str]:
    """The first day of the month or year the slots name, the first day after it, and its name ("May 2027", "2026"); a
    month named without a year is its next one."""
    if slots.get("month") or "months_ahead" in slots:
        first = shift(now.date().replace(day=1), int(slots.get("months_ahead") or 0), "month")
        if slots.get("month"):
            month = int(slots["month"])
            first = date(int(slots.get("year") or now.year + (month < now.month)), month, 1)
        return first, shift(first, 1, "month"), f"{MONTHS[first.month - 1]} {first.year}"
    year = int(slots.get("year") or now.year + int(slots.get("years_ahead") or 0))
    return date(year, 1, 1), date(year + 1, 1, 1), str(year)


def _days_in_reply(slots: Slots, now: datetime) -> tuple[str, dict[str, Any]]:
    first, after, name = _period(slots, now)
    days = (after - first).days
    return f"{name} has {days} days.", {"days": days}


def _weekdays_in_reply(slots: Slots, now: datetime) -> tuple[str, dict[str, Any]]:
    """ "December 2026 has 4 Sundays." """
    first, after, name = _period(slots, now)
    weekday = WEEKDAYS.index(str(slots["weekday"]))
    count = sum((first + timedelta(days=n)).weekday() == weekday for n in range((after - first).days))
    return f"{name} has {spoken_count(count, WEEKDAYS[weekday])}.", {"count": count}


def _holiday_reply(slots: Slots, now: datetime) -> tuple[str, dict[str, Any]]:
    zone = now.tzinfo or ZoneInfo("UTC")
    label = str(slots.get("day") or "today")
    day = now.date() + timedelta(days=RELATIVE_DAYS.get(label, 0))
    following, name = next_holiday(now.date() if slots.get("next") else day, zone)
    then = f"{name}, {spoken_date(following)}"
    if slots.get("next"):
        return f"The next holiday is {then}.", {"date": following.isoformat(), "holiday": name}
    verb = "was" if label == "yesterday" else "is"
    if found := holidays_on(day, zone):
        return f"Yes, {label} {verb} {' and '.join(found)}.", {"date": day.isoformat(), "holiday": found[0]}
    return f"No, {label} {verb}n't a holiday; the next one is {then}.", {"date": following.isoformat(), "holiday": name}


_SPAN_FROM_NOW = re.compile(r"(?:in|after) \d+ \w+|\d+ \w+ (?:ago|from now|from today|later|back)")


def _subject(label: str, offset: int, starts: bool = True) -> str:
    """ "Christmas is", "Yesterday was", "In 3 days it will be", "3 days ago it was"; capitalized when it ``starts``
    the sentence."""
    verb = "was" if offset < 0 else "is"
    if _SPAN_FROM_NOW.fullmatch(label):
        verb = f"it {'was' if offset < 0 else 'will be'}"
    return f"{capitalized(label) if starts else label} {verb}"


def _date_reply(label: str, day: date, offset: int) -> str:
    if offset == 0:
        return f"Today is {spoken_date(day)}."
    names_weekday = WEEKDAYS[day.weekday()].lower() in label.lower()
    return f"{_subject(label, offset)} {spoken_date(day, weekday=not names_weekday)}."


def _date_check_reply(today: date, said: list[date]) -> str:
    """ "Yes, today is ..."; "No, today is ..."; asked among several dates, none today: "Neither: today is ..." """
    answer = "Yes," if today in said else "No," if len(said) == 1 else "Neither:"
    return f"{answer} today is {spoken_date(today)}."


def _weekday_reply(label: str, day: date, offset: int, check: str | None = None) -> str:
    """ "Christmas is a Friday."; asked whether it is a given weekday: "No, April 23 is a Friday." """
    weekday = WEEKDAYS[day.weekday()]
    article = "" if label in RELATIVE_DAYS or offset == 0 else "a "
    starts = check is None
    subject = ("Today is" if starts else "today is") if offset == 0 else _subject(label, offset, starts)
    said = f"{subject} {article}{weekday}."
    return said if check is None else f"{'Yes' if check == weekday else 'No'}, {said}"


def _days_until_reply(label: str, day: date, offset: int, unit: str, now: datetime) -> str:
    if offset == 0:
        return "That's today." if label in RELATIVE_DAYS else f"{_subject(label, 0)} today."
    if offset == 1 and unit == "days":
        return f"{_subject(label, 1)} tomorrow."
    span = _span(abs(offset), unit, day, now)
    if offset < 0:
        return f"{_subject(label, offset)} {span} ago."
    return f"{_subject(label, offset)} in {span}."


def _span(days: int, unit: str, day: date, now: datetime) -> str:
    """ "33 days", "4 weeks and 5 days", "2 months and 3 days", "792 hours"."""
    if unit == "hours":
        midnight = datetime.combine(day, time(0), tzinfo=now.tzinfo)
        return spoken_count(round(abs((midnight - now).total_seconds()) / 3600), "hour")
    if unit == "weeks" and days >= 7:
        weeks, rest = divmod(days, 7)
        return spoken_count(weeks, "week") + (f" and {spoken_count(rest, 'day')}" if rest else "")
    if unit == "months" and days >= 28:
        months, start = 0, now.date() if day > now.date() else day
        end = day if day > now.date() else now.date()
        while shift(start, months + 1, "month") <= end:
            months += 1
        rest = (end - shift(start, months, "month")).days
        return spoken_count(months, "month") + (f" and {spoken_count(rest, 'day')}" if rest else "")
    return spoken_count(days, "day")


def _day_reply(slots: Slots, now: datetime) -> tuple[str, dict[str, Any]]:
    action = str(slots["action"])
    if slots.get("there"):
        return _day_in_place(action, slots, now)
    try:
        day = date.fromisoformat(slots["date"]) if slots.get("date") else now.date()
    except (TypeError, ValueError):
        raise InputError(f"{slots['date']!r} is not an ISO date", "pass the slots TimeSkill.parse returned") from None
    label = str(slots.get("day") or "today")
    offset = (day - now.date()).days
    if slots.get("format") == "numbers":
        return f"{capitalized(label)} is {day.month}/{day.day}/{day.year}.", {"date": day.isoformat()}
    if action == "weekday":
        text = _weekday_reply(label, day, offset, slots.get("check"))
    elif action == "date" and slots.get("check"):
        text = _date_check_reply(day, [date.fromisoformat(str(said)) for said in slots["check"]])
    elif action == "date":
        text = _date_reply(label, day, offset)
    else:
        text = _days_until_reply(label, day, offset, str(slots.get("unit") or "days"), now)
    return text, {"date": day.isoformat(), "days": offset}


def _day_in_place(action: str, slots: Slots, now: datetime) -> tuple[str, dict[str, Any]]:
    """ "In Sydney it's Monday, November 23, 2026."; "UTC is on Monday." """
    there = now.astimezone(zone_info(str(slots["zone"])))
    said = WEEKDAYS[there.weekday()] if action == "weekday" else spoken_date(there.date())
    place = str(slots["place"])
    text = f"{capitalized(place)} is on {said}." if slots.get("zone_named") else f"In {place} it's {said}."
    return text, {"date": there.date().isoformat(), "days": (there.date() - now.date()).days}


DAY_REPLIES: dict[str, Reply] = {
    "date": _day_reply,
    "weekday": _day_reply,
    "days_until": _day_reply,
    "week": _week_reply,
    "leap_year": _leap_year_reply,
    "days_in": _days_in_reply,
    "weekdays_in": _weekdays_in_reply,
    "holiday": _holiday_reply,
}
