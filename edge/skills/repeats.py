"""Alarms that repeat: "every day", "on weekdays", "every Monday and Thursday".

A repeat is kept as the weekdays it rings on, Monday 0 to Sunday 6, written as digits ("01234" for weekdays). The next
ring is the same wall-clock time on the next of those days, so it stays at 7 AM across a daylight-saving change.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
EVERY_DAY = "0123456"
SETS = {"day": EVERY_DAY, "weekday": "01234", "weekend": "56", "workday": "01234", "school day": "01234"}
_DAY = "|".join(DAY_NAMES)
REPEAT = re.compile(
    rf"\b(?:every|each)(?: single)? (?P<every>(?:(?:{_DAY}|day|weekday|weekend|workday|school day|morning|night|evening"
    r"|afternoon)s?(?:,? (?:and|&) |, )?)+)"
    rf"|\b(?P<daily>daily|nightly|everyday)\b|\b(?:on )?(?P<plural>(?:(?:{_DAY}|weekday|weekend)s(?:,? (?:and|&) |, )?)+)"
)


def parse_repeat(text: str) -> str | None:
    """The weekdays a request says an alarm repeats on, or None when it does not repeat."""
    match = REPEAT.search(text.lower())
    if match is None:
        return None
    if match["daily"]:
        return EVERY_DAY
    said = match["every"] or match["plural"]
    days: set[str] = set()
    for word in re.findall(rf"{_DAY}|school day|weekday|weekend|workday|day|morning|night|evening|afternoon", said):
        if word in DAY_NAMES:
            days.add(str(DAY_NAMES.index(word)))
        else:
            days.update(SETS.get(word, EVERY_DAY))
    return "".join(sorted(days)) or None


def first_ring(at: datetime, repeat: str) -> datetime:
    """The first moment at or after ``at`` that falls on one of the repeat's days, at the same time of day."""
    return _on_a_repeat_day(at, repeat, skip_today=False)


def next_ring(last: datetime, repeat: str) -> datetime:
    """The ring after ``last``: the same wall-clock time on the next day of the repeat."""
    return _on_a_repeat_day(last, repeat, skip_today=True)


def _on_a_repeat_day(moment: datetime, repeat: str, skip_today: bool) -> datetime:
    """In the local time zone: a naive wall-clock time made aware takes that day's UTC offset."""
    wall = moment.astimezone().replace(tzinfo=None)
    for ahead in range(1 if skip_today else 0, 8):
        day = wall + timedelta(days=ahead)
        if str(day.weekday()) in repeat:
            return day.astimezone()
    raise ValueError(f"a repeat names no weekday: {repeat!r}")


def spoken_repeat(repeat: str) -> str:
    """ "every day", "every weekday", "every weekend", "every Monday and Thursday"."""
    named = {EVERY_DAY: "every day", "01234": "every weekday", "56": "every weekend"}
    if repeat in named:
        return named[repeat]
    names = [DAY_NAMES[int(day)].capitalize() for day in repeat]
    return "every " + (names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}")
