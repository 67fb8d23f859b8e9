"""Slot values as people say them: numbers in words, durations, times of day, and the words to say them back."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from text_to_num import alpha2digit

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
CALENDAR = re.compile(r"\b(?:calendar|appointments?|events?|meetings?|schedule[ds]?|agenda)\b")
"""What a calendar holds, which edge does not keep: "when is my next meeting" is neither a question about the time
nor a list request."""
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
MONTH = "|".join(m.lower() for m in MONTHS)
WEEKDAY = "|".join(d.lower() for d in WEEKDAYS)
"""Regular-expression alternatives of the month and weekday names, in lower case."""

UNIT_SECONDS: dict[str, int] = {
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds"), 1),
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes"), 60),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), 3600),
    **dict.fromkeys(("d", "day", "days"), 86400),
    **dict.fromkeys(("w", "wk", "wks", "week", "weeks"), 604800),
}
_SPOKEN_UNITS = (("week", 604800), ("day", 86400), ("hour", 3600), ("minute", 60), ("second", 1))
_UNIT_WORD = r"(?:sec|second|min|minute|hr|hour|day|week)s?"

_FRACTIONS = {"half": 0.5, "quarter": 0.25, "3 quarter": 0.75}
_SMALL_NUMBERS = {"zero": "0", "one": "1", "two": "2"}
_NOT_A_NUMBER_AFTER = frozenset(
    {"the", "this", "that", "which", "no", "any", "every", "each", "another", "some", "other", "last", "next", "someone"}
)


def _flags(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _number(value: float) -> str:
    return f"{value:g}"


def spoken_count(amount: float, noun: str) -> str:
    """ "1 day", "1,200 days"."""
    return f"{amount:,} {noun}" if amount == 1 else f"{amount:,} {noun}s"


def _whole_units(seconds: float) -> str:
    for name, size in _SPOKEN_UNITS:
        if seconds >= size and seconds % size == 0:
            return spoken_count(int(seconds // size), name)
    return f"{_number(seconds)} seconds"


def _plural_unit(word: str) -> str:
    unit = word.lower()
    return word if unit.endswith("s") or unit not in UNIT_SECONDS or len(unit) < 3 else word + "s"


def _small_number(match: re.Match[str]) -> str:
    before = re.search(r"(\w+)\W*$", match.string[: match.start()])
    if before and before.group(1).lower() in _NOT_A_NUMBER_AFTER:
        return match.group(0)
    return _SMALL_NUMBERS[match.group(0).lower()]


def _fraction(said: str) -> float:
    """The value of "a half" (0.5), "quarter" (0.25) or "3 quarters" (0.75)."""
    return _FRACTIONS[re.sub(r"^an? ", "", said.lower()).removesuffix("s")]


def _and_a_fraction(match: re.Match[str]) -> str:
    count = 1.0 if match["count"].lower() in ("a", "an") else float(match["count"])
    total = _number(count + _fraction(match["fraction"]))
    unit = match["unit"]
    return f"{total} {_plural_unit(unit)}" if unit else total


def _fraction_of_unit(match: re.Match[str]) -> str:
    return _whole_units(_fraction(match["fraction"]) * UNIT_SECONDS[match["unit"].lower()])


_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}


def _digits_times_scale(match: re.Match[str]) -> str:
    """ "1 million" → "1000000", "2.5 thousand" → "2500": text2num leaves digits before a scale word apart."""
    return f"{(Decimal(match[1]) * _SCALES[match[2].lower()]).normalize():f}"


_BEFORE_TEXT2NUM: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (_flags(r"\ba (hundred|thousand|million|billion)\b"), r"one \1"),
    (_flags(r"(?<![\d.])(\d+(?:\.\d+)?) (hundred|thousand|million|billion|trillion)\b"), _digits_times_scale),
]
_AFTER_TEXT2NUM: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (re.compile(r"(?<=\d),(?=\d{3}\b)"), ""),
    (_flags(r"\b(?:zero|one|two)\b"), _small_number),
    (
        _flags(r"\b(?P<count>\d+(?:\.\d+)?) and (?P<fraction>(?:an? )?(?:half|quarter)|3 quarters?)\b(?: (?P<unit>[a-z]+))?"),
        _and_a_fraction,
    ),
    (
        _flags(r"\b(?P<count>\d+(?:\.\d+)?|an?) (?P<unit>[a-z]+) and (?P<fraction>an? (?:half|quarter)|3 quarters)\b"),
        _and_a_fraction,
    ),
    (
        _flags(r"\b(?:an? )?(?P<fraction>half|quarter|3 quarters)(?: of)?(?: an?)? (?P<unit>hour|minute|day|week)s?\b"),
        _fraction_of_unit,
    ),
    (_flags(r"\b(?:a )?couple(?: of)?\b"), "2"),
    (_flags(r"\ba few\b"), "3"),
    (_flags(rf"\ban? (?={_UNIT_WORD}\b)"), "1 "),
]


def normalize_numbers(text: str) -> str:
    """Digits for every number said in words, and for what text2num leaves alone:
    "an hour" → "1 hour", "half an hour" → "30 minutes", "one and a half hours" → "1.5 hours",
    "a couple of minutes" → "2 minutes", "a few" → "3"."""
    for pattern, replacement in _BEFORE_TEXT2NUM:
        text = pattern.sub(replacement, text)
    text = alpha2digit(text, "en")
    for pattern, substitute in _AFTER_TEXT2NUM:
        text = pattern.sub(substitute, text)
    return text


def parse_duration(text: str) -> float | None:
    """Seconds in "1 hour 20 minutes", "an hour and a half", "3 mins 30 secs", "two hours thirty", "1/2 an hour"; None
    when no amount of time is said.

    "second" is read as the unit, never the ordinal text2num would make of "thirty second".
    """
    halves = re.sub(r"(?<![\d/])1/2(?![\d/])", "half", text)
    plural_seconds = re.sub(r"\bsecond\b", "seconds", halves.replace("-", " "), flags=re.IGNORECASE)
    words = re.findall(r"\d+(?:\.\d+)?|[a-z]+", normalize_numbers(plural_seconds).lower())
    total = None
    for i, (amount, unit) in enumerate(zip(words, [*words[1:], ""], strict=False)):
        if not amount[0].isdigit():
            continue
        if unit in UNIT_SECONDS:
            total = (total or 0.0) + float(amount) * UNIT_SECONDS[unit]
        elif i and UNIT_SECONDS.get(words[i - 1]) in _NEXT_UNIT and float(amount) < 60 and unit in _AFTER_A_DURATION:
            total = (total or 0.0) + float(amount) * _NEXT_UNIT[UNIT_SECONDS[words[i - 1]]]
    return total


_NEXT_UNIT = {3600: 60, 60: 1}
"""A bare number after hours counts minutes, after minutes seconds: "two hours thirty", "5 minutes 30"."""
_AFTER_A_DURATION = frozenset({"", "please", "now", "from", "and", "for", "on", "at", "to", "then", "timer", "alarm", "reminder"})
"""Words that may follow such a number: "2 hours 3 times" counts no minutes."""


_PERIODS = {
    "am": "am", "morning": "am", "midnight": "am",
    "pm": "pm", "afternoon": "pm", "evening": "pm", "tonight": "pm", "night": "pm", "noon": "pm", "midday": "pm",
}  # fmt: skip
_NAMED_TIMES = {"noon": (12, 0), "midday": (12, 0), "midnight": (0, 0)}
_RELATIVE_MINUTES = {"half": 30, "quarter": 15}
_BEFORE_THE_HOUR = frozenset({"to", "before", "till", "til"})
_DAYS_AHEAD = {"day after tomorrow": 2, "tomorrow": 1}

_RELATIVE_TIME = re.compile(
    r"\b(?P<minute>\d{1,2}|half|quarter)(?: minutes?)? (?P<relation>past|after|to|before|till|til) (?P<hour>\d{1,2})\b"
)
_CLOCK_TIME = re.compile(
    rf"(?<![\d.])\b(?P<hour>\d{{1,2}})(?:(?:[:.](?=\d\d\b)| oh | )(?P<minute>\d{{1,2}}))?\b"
    rf"(?!\.\d| ?(?:%|percent|{_UNIT_WORD}|months?|years?)\b)"
)
_MILITARY_TIME = re.compile(r"\bat (?P<hour>[01]?\d|2[0-3])(?P<minute>[0-5]\d)\b")
_ZERO_PADDED_HOUR = re.compile(r"(?P<at>\bat )?(?<![:.])\b0(?P<hour>\d)(?P<colon>:)?(?P<minute>[0-5]\d)\b(?![:.]\d| ?[ap]m\b)")


def _before_ten_am(match: re.Match[str]) -> str:
    """A zero-padded hour ("07:30", "at 0730") is on a 24-hour clock: before ten in the morning, "7:30 am"."""
    if not (match["colon"] or match["at"]):
        return match[0]
    return f"{match['at'] or ''}{match['hour']}:{match['minute']} am"


def _clean_clock_text(text: str) -> str:
    text = re.sub(r"\bo'?clock\b", "", normalize_numbers(text).lower())
    text = _ZERO_PADDED_HOUR.sub(_before_ten_am, re.sub(r"(\d)\s*([ap])\.? ?m\b\.?", r"\1 \2m", text))
    return re.sub(r"\bmid[- ]?(day|night)\b", r"mid\1", text)


def _hour_and_minute(match: re.Match[str]) -> tuple[int, int] | None:
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    return (hour, minute) if hour <= 23 and minute <= 59 else None


def _relative_time(match: re.Match[str]) -> tuple[int, int] | None:
    hour = int(match["hour"])
    minute = _RELATIVE_MINUTES.get(match["minute"]) or int(match["minute"])
    if hour > 23 or minute >= 60:
        return None
    if match["relation"] not in _BEFORE_THE_HOUR:
        return hour, minute
    return (hour - 1 if hour > 1 else 12 if hour == 1 else 23), 60 - minute


def _time_of_day(text: str) -> tuple[int, int] | None:
    for pattern, read in ((_RELATIVE_TIME, _relative_time), (_MILITARY_TIME, _hour_and_minute), (_CLOCK_TIME, _hour_and_minute)):
        for match in pattern.finditer(text):
            if found := read(match):
                return found
    return next((hm for name, hm in _NAMED_TIMES.items() if re.search(rf"\b{name}\b", text)), None)


def _period(text: str) -> str | None:
    return next((_PERIODS[word] for word in re.findall(r"[a-z]+", text) if word in _PERIODS), None)


CALENDAR_DATE = re.compile(
    rf"\b(?:on )?(?:the )?(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?: of)? (?P<month>{MONTH})"
    rf"|(?P<month2>{MONTH}) (?:the )?(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?!:| ?[ap]m\b))(?:,? (?P<year>\d{{4}}))?\b"
    r"|\b(?:on )?the (?P<day3>\d{1,2})(?:st|nd|rd|th)\b(?! of\b)",
    re.IGNORECASE,
)
"""A date on the calendar: "march 10", "the 10th of march 2017", "on the 24th" (of this month, or the next)."""


def calendar_date(text: str, today: date) -> tuple[date | None, str] | None:
    """The date the text names, if any, and the text without it; None for a date that does not exist."""
    match = CALENDAR_DATE.search(text)
    if match is None:
        return None, text
    rest = f"{text[: match.start()]} {text[match.end() :]}"
    day = int(match["day"] or match["day2"] or match["day3"])
    month_name = match["month"] or match["month2"]
    month = MONTH.split("|").index(month_name.lower()) + 1 if month_name else today.month
    year = int(match["year"]) if match["year"] else today.year
    try:
        found = date(year, month, day)
        if not match["year"] and found < today:
            found = date(year + 1, month, day) if month_name else _next_month(found)
    except ValueError:
        return None
    return found, rest


def _next_month(day: date) -> date:
    return day.replace(year=day.year + 1, month=1) if day.month == 12 else day.replace(month=day.month + 1)


def _stated_day(text: str, today: date) -> date | None:
    for phrase, days in _DAYS_AHEAD.items():
        if re.search(rf"\b{phrase}\b", text):
            return today + timedelta(days=days)
    for index, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name.lower()}\b", text):
            return today + timedelta(days=(index - today.weekday()) % 7)
    return None


def _hours(hour: int, period: str | None, daytime: bool) -> list[int]:
    """The 24-hour readings of a spoken hour; "7" alone is both 7:00 and 19:00, or the daytime one on a stated day."""
    if hour == 0 or hour > 12:
        return [hour]
    if period == "am":
        return [hour % 12]
    if period == "pm":
        return [hour % 12 + 12]
    if daytime:
        return [hour if 6 <= hour <= 12 else hour + 12]
    return [hour % 12, hour % 12 + 12]


def parse_time_of_day(text: str) -> time | None:
    """The time of day said ("10 pm", "half past 4", "3 30 in the afternoon", "noon"); an hour said without am or pm
    is read as the daytime one, so "8" is 8 AM and "3" is 3 PM."""
    clean = _clean_clock_text(text)
    found = _time_of_day(clean)
    if found is None:
        return None
    hour, minute = found
    return time(_hours(hour, _period(clean), daytime=True)[0], minute)


def parse_clock_time(text: str, now: datetime) -> datetime | None:
    """The next moment at the time of day said ("7:30", "half past six", "tomorrow at 6", "9 tonight"), in now's time zone.

    A time already past today means tomorrow; a stated weekday, date or "tomorrow" is kept as said (a date with a year
    may be past).
    """
    dated = calendar_date(_clean_clock_text(text), now.date())
    if dated is None:
        return None
    on_date, clean = dated
    found = _time_of_day(clean)
    if found is None:
        return None
    hour, minute = found
    day = on_date or _stated_day(clean, now.date())
    if on_date:
        return datetime.combine(on_date, time(_hours(hour, _period(clean), daytime=True)[0], minute), tzinfo=now.tzinfo)
    moments = [
        datetime.combine(on, time(h, minute), tzinfo=now.tzinfo)
        for on in ([day] if day else [now.date(), now.date() + timedelta(days=1)])
        for h in _hours(hour, _period(clean), daytime=day is not None)
    ]
    upcoming = [moment for moment in moments if moment > now]
    return min(upcoming) if upcoming else min(moments) + timedelta(days=7)


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def spoken_duration(seconds: float) -> str:
    """ "1 hour and 30 minutes", "45 seconds"; whole seconds, largest unit first, days at most."""
    remaining = max(0, round(seconds))
    parts = []
    for name, size in _SPOKEN_UNITS[1:]:
        amount, remaining = divmod(remaining, size)
        if amount:
            parts.append(spoken_count(amount, name))
    return _join(parts) if parts else "0 seconds"


def _clock_face(moment: datetime | time) -> str:
    hour = moment.hour % 12 or 12
    suffix = "AM" if moment.hour < 12 else "PM"
    return f"{hour} {suffix}" if moment.minute == 0 else f"{hour}:{moment.minute:02d} {suffix}"


def spoken_date(day: date, weekday: bool = True) -> str:
    """ "Sunday, November 22, 2026" (without the weekday when told), whatever the locale."""
    text = f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    return f"{WEEKDAYS[day.weekday()]}, {text}" if weekday else text


def spoken_time(moment: datetime, now: datetime | None = None) -> str:
    """ "7:30 AM"; with now, the day too when it is not today: "tomorrow at 7 AM", "Friday at 6:15 PM"."""
    face = _clock_face(moment)
    days = 0 if now is None else (moment.date() - now.date()).days
    if days == 0:
        return face
    if days == 1:
        return f"tomorrow at {face}"
    if 1 < days < 7:
        return f"{WEEKDAYS[moment.weekday()]} at {face}"
    return f"{spoken_date(moment.date())} at {face}"


def capitalized(text: str) -> str:
    """The text with its first letter in upper case and the rest as it was (``str.capitalize`` lowers the rest)."""
    return f"{text[:1].upper()}{text[1:]}"


_FIRST_PERSON = re.compile(r"\b(?:i am|i was|i'm|im|i've|i'll|i'd|i|me|my|mine|myself|we|us|our|ours|ourselves)\b", re.I)
_SECOND_PERSON = {
    "i am": "you are", "i was": "you were", "i'm": "you're", "im": "you're", "i've": "you've", "i'll": "you'll",
    "i'd": "you'd", "i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself", "we": "you",
    "us": "you", "our": "your", "ours": "yours", "ourselves": "yourselves",
}  # fmt: skip


def said_back(text: str) -> str:
    """The user's words as edge says them back: "call my mom" is "call your mom" in "I'll remind you to ..."."""
    return _FIRST_PERSON.sub(lambda m: _SECOND_PERSON[m[0].lower()], text)
