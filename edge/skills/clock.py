"""The time, the date, the day of the week, and how many days until a day people name."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from edge.errors import InputError
from edge.skills import places
from edge.skills.base import Skill, SkillReply, Slots
from edge.skills.spoken import MONTHS, WEEKDAYS, normalize_numbers, spoken_date, spoken_duration, spoken_time

Clock = Callable[[], datetime]

RELATIVE_DAYS = {
    "today": 0, "tonight": 0, "now": 0, "tomorrow": 1, "yesterday": -1,
    "day after tomorrow": 2, "day before yesterday": -2,
}  # fmt: skip
FIXED_HOLIDAYS = {
    "christmas": ("Christmas", 12, 25), "christmas day": ("Christmas", 12, 25), "xmas": ("Christmas", 12, 25),
    "christmas eve": ("Christmas Eve", 12, 24), "boxing day": ("Boxing Day", 12, 26),
    "new year": ("New Year's Day", 1, 1), "new years": ("New Year's Day", 1, 1), "new years day": ("New Year's Day", 1, 1),
    "new years eve": ("New Year's Eve", 12, 31), "halloween": ("Halloween", 10, 31),
    "valentines day": ("Valentine's Day", 2, 14), "valentines": ("Valentine's Day", 2, 14),
    "st patricks day": ("St. Patrick's Day", 3, 17), "saint patricks day": ("St. Patrick's Day", 3, 17),
    "independence day": ("Independence Day", 7, 4),
}  # fmt: skip
NTH_WEEKDAY_HOLIDAYS = {
    "thanksgiving": ("Thanksgiving", 11, 3, 4),
    "mothers day": ("Mother's Day", 5, 6, 2),
    "fathers day": ("Father's Day", 6, 6, 3),
    "labor day": ("Labor Day", 9, 0, 1),
    "memorial day": ("Memorial Day", 5, 0, -1),
}
"""name: (label, month, weekday, n), n counted from the month's start, or from its end when negative."""

_ORDINAL_WORDS = {"first": "1", "second": "2"}
_MONTH = "|".join(m.lower() for m in MONTHS)
_WEEKDAY = "|".join(d.lower() for d in WEEKDAYS)
_DAY_NUMBER = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_CALENDAR_DATES = (
    re.compile(rf"(?:the )?{_DAY_NUMBER} (?:of )?(?P<month>{_MONTH})(?:,? (?P<year>\d{{4}}))?"),
    re.compile(rf"(?P<month>{_MONTH}) (?:the )?{_DAY_NUMBER}(?:,? (?P<year>\d{{4}}))?"),
)
_WEEKDAY_PHRASE = re.compile(rf"(?P<which>next|this|coming|last)? ?(?P<weekday>{_WEEKDAY})")
_DAYS_AWAY = re.compile(
    r"in (?P<ahead>\d+) (?P<unit>days?|weeks?)|(?P<count>\d+) (?P<unit2>days?|weeks?) (?P<way>from now|from today|ago)"
)

_FILLER_START = re.compile(r"^(?:(?:it|is|was|will|be|on|of|for|the|falls?|does|did)\b\s*)+")
_FILLER_END = re.compile(r"(?:\s*\b(?:this year|falls? on|land on|lands on|fall|be|on|is it|was it|will it be|today)\b)+$")

_TIME_QUESTIONS = (
    re.compile(r"\bwhat time is it\b(?! in\b)"),
    re.compile(r"\bwhat is the (?:current |exact |local )?time\b(?! in\b| zone)"),
    re.compile(r"\b(?:tell me|give me|do you know|do you have|have you got|got) the time\b(?! in\b)"),
    re.compile(r"^(?:the )?(?:current |local )?time(?: now| please| right now)?$"),
)
_TIME_IN_PLACE = re.compile(
    r"\b(?:what time is it|what is the (?:current |exact |local )?time|(?:current |local )?time(?: is it| now)?)"
    r" (?:right now |now )?in (?P<place>[a-z][a-z ]*?)(?: right now| now| please)?$"
)
_DATE_QUESTIONS = (
    re.compile(r"\bwhat(?: is| was| will be) (?:the )?(?P<before>[a-z ]*?)\s*date\b(?P<after>.*)$"),
    re.compile(r"\bwhat date (?:is|was|will be)\b(?P<after>.*)$"),
    re.compile(r"\b(?:tell me|give me) (?:the |today )?date\b(?P<after>.*)$"),
    re.compile(r"^what is (?P<after>today)$"),
    re.compile(r"\bwhen is (?P<after>.+)$"),
)
_WEEKDAY_QUESTIONS = (
    re.compile(r"\bwhat day (?:of the week )?(?:is|was|will|does|did)\b(?P<after>.*)$"),
    re.compile(r"\bwhich day (?:of the week )?(?:is|was|will|does|did)\b(?P<after>.*)$"),
)
_DAYS_UNTIL_QUESTIONS = (
    re.compile(
        r"\bhow (?:many (?:more )?(?:days|sleeps)|long) (?:is it |are there |left |do we have |do i have )?"
        r"(?:until|till|til|to|before) (?P<after>.+)$"
    ),
    re.compile(r"\bhow (?:many )?days (?:away )?is (?P<after>.+?)(?: away)?$"),
)

_DAY_QUESTIONS = {"days_until": _DAYS_UNTIL_QUESTIONS, "weekday": _WEEKDAY_QUESTIONS, "date": _DATE_QUESTIONS}


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-n - 1))


def _next_yearly(today: date, on: Callable[[int], date]) -> date:
    this_year = on(today.year)
    return this_year if this_year >= today else on(today.year + 1)


def _title(phrase: str) -> str:
    names = {n.lower(): n for n in (*WEEKDAYS, *MONTHS)}
    return " ".join(names.get(word, word) for word in phrase.split())


def _calendar_date(phrase: str, today: date) -> tuple[date, str] | None:
    for pattern in _CALENDAR_DATES:
        if match := pattern.fullmatch(phrase):
            month, day = [m.lower() for m in MONTHS].index(match["month"]) + 1, int(match["day"])
            label = f"{MONTHS[month - 1]} {day}"
            try:
                if match["year"]:
                    return date(int(match["year"]), month, day), f"{label}, {match['year']}"
                return _next_yearly(today, partial(date, month=month, day=day)), label
            except ValueError:
                return None
    return None


def _weekday(match: re.Match[str], today: date) -> date:
    index = [d.lower() for d in WEEKDAYS].index(match["weekday"])
    if match["which"] == "last":
        return today - timedelta(days=(today.weekday() - index - 1) % 7 + 1)
    return today + timedelta(days=(index - today.weekday() - 1) % 7 + 1)


def _days_away(match: re.Match[str]) -> int:
    count = int(match["ahead"] or match["count"])
    days = count * 7 if (match["unit"] or match["unit2"]).startswith("week") else count
    return -days if match["way"] == "ago" else days


def parse_day(phrase: str, today: date) -> tuple[date, str] | None:
    """The date a spoken day names and a label to say it by: "next friday", "christmas", "the 4th of july", "in 3 days".

    Holidays and dates without a year mean their next occurrence; a weekday means the next one after today.
    """
    phrase = re.sub(r"\s+", " ", normalize_numbers(phrase.lower()).replace("'", "")).strip(" ?.!,")
    phrase = re.sub(r"\b(?:first|second)\b", lambda m: _ORDINAL_WORDS[m.group(0)], phrase)
    phrase = re.sub(r"^the ", "", phrase)
    if phrase in RELATIVE_DAYS:
        return today + timedelta(days=RELATIVE_DAYS[phrase]), phrase
    if phrase in FIXED_HOLIDAYS:
        label, month, day = FIXED_HOLIDAYS[phrase]
        return _next_yearly(today, lambda year: date(year, month, day)), label
    if phrase in NTH_WEEKDAY_HOLIDAYS:
        label, month, weekday, n = NTH_WEEKDAY_HOLIDAYS[phrase]
        return _next_yearly(today, lambda year: _nth_weekday(year, month, weekday, n)), label
    if match := _WEEKDAY_PHRASE.fullmatch(phrase):
        return _weekday(match, today), _title(phrase)
    if match := _DAYS_AWAY.fullmatch(phrase):
        return today + timedelta(days=_days_away(match)), phrase
    return _calendar_date(phrase, today)


def _clean(text: str) -> str:
    text = text.lower().replace("’", "'").replace("what's", "what is").replace("whats", "what is").replace("when's", "when is")
    text = re.sub(r"\b(today|tomorrow|yesterday)'?s\b", r"\1", text)
    text = normalize_numbers(text).replace("'", "")
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s:]", " ", text)).strip()


def _day_phrase(match: re.Match[str]) -> str:
    groups = match.groupdict()
    phrase = f"{groups.get('before') or ''} {groups.get('after') or ''}".strip()
    return _FILLER_END.sub("", _FILLER_START.sub("", phrase)).strip()


_ABOUT_THE_TIME = re.compile(r"\b(time|clock|hour|late|early|noon|midnight|morning|afternoon|evening|night)\b")
_ABOUT_THE_DATE = re.compile(
    r"\b(date|day|today|month|year|weekend|week|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)

_NOT_THE_LOCAL_CLOCK = re.compile(
    r"\btime (?:is it )?in\b|\btime ?zone\b|\b(opens?|closes?|starts?|begins?|weather|forecast|rain)\b"
)


def _general_question(clean: str) -> Slots | None:
    """Loosely phrased questions ("how late is it", "what month are we in") get the current time or date.

    The router asks the skill only once the request is known to be about time, by template or classifier.
    """
    if _NOT_THE_LOCAL_CLOCK.search(clean):
        return None
    if _ABOUT_THE_TIME.search(clean):
        return {"action": "time"}
    if _ABOUT_THE_DATE.search(clean):
        return {"action": "date"}
    return None


def _first_match(patterns: tuple[re.Pattern[str], ...], text: str) -> re.Match[str] | None:
    return next((m for p in patterns if (m := p.search(text))), None)


class TimeSkill(Skill):
    name = "time"
    clarification = "I heard a question about the time or the date, but not which day or place: could you say it another way?"

    def __init__(self, clock: Clock | None = None) -> None:
        self.clock: Clock = clock or (lambda: datetime.now().astimezone())

    def load(self) -> None:
        places.load()

    def parse(self, text: str, matched: Mapping[str, str] | None = None) -> Slots | None:
        clean = _clean(text)
        if (asked := _TIME_IN_PLACE.search(clean)) and (place := places.find_place(asked["place"])):
            return {"action": "time", "place": place.name, "zone": place.zone}
        if _first_match(_TIME_QUESTIONS, clean):
            return {"action": "time"}
        for action, patterns in _DAY_QUESTIONS.items():
            if match := _first_match(patterns, clean):
                phrase = matched["day"] if matched and matched.get("day") else _day_phrase(match)
                return self._about_day(action, phrase)
        return _general_question(clean)

    def _about_day(self, action: str, phrase: str) -> Slots | None:
        if not phrase and action != "days_until":
            return {"action": action}
        today = self.clock().date()
        found = parse_day(phrase, today)
        if found is None:
            return None
        day, label = found
        if day == today and action != "days_until":
            return {"action": action}
        return {"action": action, "date": day.isoformat(), "day": label}

    def run(self, slots: Slots) -> SkillReply:
        now = self.clock()
        action = slots.get("action")
        if action == "time" and slots.get("zone"):
            there = now.astimezone(_zone(str(slots["zone"])))
            weekday = "" if there.date() == now.date() else f" on {WEEKDAYS[there.weekday()]}"
            text = f"In {slots.get('place')} it's {spoken_time(there)}{weekday}."
            return self._reply("time", text, time=there.isoformat(), zone=slots["zone"])
        if action == "time":
            return self._reply("time", f"It's {spoken_time(now)}.", time=now.isoformat())
        if action not in ("date", "weekday", "days_until"):
            raise InputError(f"the time skill has no action {action!r}", "pass the slots TimeSkill.parse returned")
        try:
            day = date.fromisoformat(slots["date"]) if slots.get("date") else now.date()
        except (TypeError, ValueError):
            raise InputError(f"{slots['date']!r} is not an ISO date", "pass the slots TimeSkill.parse returned") from None
        label = str(slots.get("day") or "today")
        offset = (day - now.date()).days
        text = {"date": _date_reply, "weekday": _weekday_reply, "days_until": _days_until_reply}[action](label, day, offset)
        return self._reply(action, text, date=day.isoformat(), days=offset)

    def _reply(self, action: str, text: str, **data: Any) -> SkillReply:
        return SkillReply(self.name, action, text, data)


def _subject(label: str, offset: int) -> str:
    """ "Christmas is", "Yesterday was", "In 3 days it will be", "3 days ago it was"."""
    verb = "was" if offset < 0 else "is"
    if label.startswith("in ") or label.endswith(" ago"):
        verb = f"it {'was' if offset < 0 else 'will be'}"
    return f"{label[:1].upper()}{label[1:]} {verb}"


def _date_reply(label: str, day: date, offset: int) -> str:
    if offset == 0:
        return f"Today is {spoken_date(day)}."
    names_weekday = WEEKDAYS[day.weekday()].lower() in label.lower()
    return f"{_subject(label, offset)} {spoken_date(day, weekday=not names_weekday)}."


def _weekday_reply(label: str, day: date, offset: int) -> str:
    weekday = WEEKDAYS[day.weekday()]
    if offset == 0:
        return f"Today is {weekday}."
    article = "" if label in RELATIVE_DAYS else "a "
    return f"{_subject(label, offset)} {article}{weekday}."


def _days_until_reply(label: str, day: date, offset: int) -> str:
    if offset == 0:
        return "That's today." if label in RELATIVE_DAYS else f"{_subject(label, 0)} today."
    if offset == 1:
        return f"{_subject(label, 1)} tomorrow."
    if offset < 0:
        return f"{_subject(label, offset)} {spoken_duration(-offset * 86400)} ago."
    return f"{_subject(label, offset)} in {spoken_duration(offset * 86400)}."


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError(f"{name!r} is not a time zone", "pass the slots TimeSkill.parse returned") from None
