"""Questions answered by counting: someone's age from when they were born, how long ago or ahead a year is, the days
between two dates and the day of the year ("how old is someone born in 1990", "how many years since 1990", "how many
days between march 1 and june 15", "what day of the year is it")."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from edge.errors import InputError
from edge.skills.base import Slots
from edge.skills.days import RELATIVE_DAYS, parse_day
from edge.skills.spoken import spoken_count, spoken_date

_AGE = re.compile(r"\b(?:how old|what age|which age)\b")
_BORN = re.compile(
    r"\bborn (?:in |on )?(?:the year )?(?P<born>.+?)"
    r"(?=,| how old| what age| which age| if\b| and\b| be\b| now\b| today\b| (?:be|turn) in\b|$)"
)
_BORN_YEAR = re.compile(r"\bborn (?:in )?(?:the year )?(?P<born>\d{4})\b")
_AT_YEAR = re.compile(r"\b(?:be|turn|in|by) (?:the year )?(?P<at>\d{4})\b")
_SPEAKER = re.compile(r"\b(?:i|me|my|i'm|im)\b")
_YEARS_SINCE = re.compile(
    r"^how (?:many years|long)(?: has it been| have passed| has passed| is it)? since (?:the year )?(?P<year>\d{3,4})$"
    r"|^how many years ago (?:was|is) (?:the year )?(?P<year2>\d{3,4})$"
)
_DAY_OF_YEAR = re.compile(
    r"\b(?:what|which) (?:day|number day) of the year (?:is it|is today|is this|are we on|it is)\b|\bday of the year\b.*\btoday\b"
)
_BETWEEN = re.compile(
    r"^how many (?P<unit>days|weeks) (?:are there |is it |are )?(?:between|from) (?P<first>.+?)"
    r" (?:and|to|until|till) (?P<second>.+?)(?: inclusive)?$"
)
_YEARS_UNTIL = re.compile(
    r"^how many (?:more )?years (?:until|till|to|before|away is|is it until) (?:the year )?(?P<year>\d{4})$"
)


def count_question(clean: str, now: datetime) -> Slots | None:
    """The slots of an age, a count of years or days, or the day of the year asked in ``clean`` (a cleaned request),
    or None."""
    if _DAY_OF_YEAR.search(clean):
        return {"action": "day_of_year"}
    if match := _BETWEEN.match(clean):
        zone = now.tzinfo or ZoneInfo("UTC")
        first = parse_day(match["first"], now.date(), zone)
        second = parse_day(match["second"], now.date(), zone)
        if first and second and second[0] < first[0] and match["second"].strip() not in RELATIVE_DAYS:
            second = parse_day(match["second"], first[0], zone)
        if first is None or second is None:
            return None
        unit = {"unit": match["unit"]} if match["unit"] != "days" else {}
        return {"action": "between", "first": first[0].isoformat(), "second": second[0].isoformat(), **unit}
    if match := _YEARS_SINCE.match(clean) or _YEARS_UNTIL.match(clean):
        return {"action": "years", "year": int(match.group("year") or match.group("year2"))}
    if not _AGE.search(clean) or not (born := _BORN_YEAR.search(clean) or _BORN.search(clean)):
        return None
    said = born["born"].strip()
    rest = clean[: born.start()] + clean[born.end() :]
    at = {"at": int(m["at"])} if (m := _AT_YEAR.search(rest)) else {}
    who = {"who": "you" if _SPEAKER.search(clean) else "someone"}
    if re.fullmatch(r"\d{4}", said):
        return {"action": "age", "born_year": int(said), **at, **who}
    found = parse_day(said, now.date(), now.tzinfo or ZoneInfo("UTC"), past=True)
    if found is None or found[0] > now.date():
        return None
    return {"action": "age", "born": found[0].isoformat(), **at, **who}


def between_reply(slots: Slots, now: datetime) -> tuple[str, dict[str, Any]]:
    """ "There are 106 days between March 1, 2027 and June 15, 2027." """
    try:
        first, second = sorted(date.fromisoformat(str(slots[side])) for side in ("first", "second"))
    except ValueError:
        raise InputError("the dates are not ISO dates", "pass the slots TimeSkill.parse returned") from None
    days = (second - first).days
    if slots.get("unit") == "weeks":
        weeks, rest = divmod(days, 7)
        count = spoken_count(weeks, "week") + (f" and {spoken_count(rest, 'day')}" if rest else "")
    else:
        count = spoken_count(days, "day")
    said = f"{spoken_date(first, weekday=False)} and {spoken_date(second, weekday=False)}"
    return f"There {'is' if days == 1 and slots.get('unit') != 'weeks' else 'are'} {count} between {said}.", {"days": days}


def day_of_year_reply(slots: Slots, now: datetime) -> tuple[str, dict[str, Any]]:
    day = now.timetuple().tm_yday
    left = (date(now.year, 12, 31) - now.date()).days
    return f"Today is day {day} of {now.year}, with {spoken_count(left, 'day')} to go.", {"day": day}


def years_reply(slots: Slots, now: datetime) -> tuple[str, dict[str, Any]]:
    year = int(slots["year"])
    years = year - now.year
    if years == 0:
        return f"{year} is this year.", {"years": 0}
    count = f"{abs(years)} year{'s' if abs(years) != 1 else ''}"
    return (f"{year} was {count} ago." if years < 0 else f"{year} is {count} away."), {"years": years}


def age_reply(slots: Slots, now: datetime) -> tuple[str, dict[str, Any]]:
    """ "You are 41.", "Someone born in 1990 is 36 if their birthday has passed this year, else 35.", "You turn 40 in
    2030." """
    try:
        born = date.fromisoformat(str(slots["born"])) if slots.get("born") else None
    except ValueError:
        raise InputError(f"{slots['born']!r} is not an ISO date", "pass the slots TimeSkill.parse returned") from None
    year = born.year if born else int(slots["born_year"])
    you = slots.get("who") == "you"
    subject = "You" if you else f"Someone born {f'on {spoken_date(born, weekday=False)}' if born else f'in {year}'}"
    if at := slots.get("at"):
        turns = int(at) - year
        verb = ("turn" if you else "turns") if int(at) >= now.year else "turned"
        return f"{subject} {verb} {turns} in {at}.", {"age": turns}
    if born:
        age = now.year - born.year - ((now.month, now.day) < (born.month, born.day))
        return f"{subject} {'are' if you else 'is'} {age}.", {"age": age}
    older = now.year - year
    whose = "your birthday has" if you else "their birthday has"
    text = f"{subject} {'are' if you else 'is'} {older} if {whose} passed this year, else {older - 1}."
    return text, {"age": [older - 1, older]}
