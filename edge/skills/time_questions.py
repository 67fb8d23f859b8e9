"""Questions about the time here: now, a while from now or ago, how long until a time of day, in 24 hour format;
and, when the classifier alone found a request to be about time, whether it loosely asks the time or the date."""

from __future__ import annotations

import re
from datetime import datetime

from edge.skills.base import Slots
from edge.skills.spoken import parse_clock_time, parse_duration, parse_time_of_day
from edge.skills.time_phrases import IS_IT_TIME, TIME_OF_DAY, first_match
from edge.store.stopwords import STOPWORDS

_TIME_FROM_NOW = (
    re.compile(
        r"\bwhat time (?:will it be|is it going to be|would it be|is it|will it be in) (?:in )?(?P<duration>.+?)(?: from now)?$"
    ),
    re.compile(r"\bwhat (?:time )?(?:will it be|is it|will be|would be) (?P<duration>.+?) from now$"),
    re.compile(r"\bwhat time (?:was it|it was) (?P<ago>.+?) ago$"),
)

_TIME_UNTIL = re.compile(
    r"\bhow (?:long|many (?:more )?(?:hours|minutes)|much (?:more )?time)"
    r"(?: is it| is there| is left| left| do i have| do we have"
    rf"| have i got| to go)* (?:until|till|til|to|before) {TIME_OF_DAY}$"
)

_TWENTY_FOUR_HOURS = re.compile(r"\b(?:in )?(?:24 hour|military|railway|army)(?: format| time| clock| notation)?\b")
_CLOCK_FORMAT = re.compile(
    r"\b(?:in )?(?:12|24) hour(?: format| time| clock| notation)|\b(?:in )?(?:military|railway|army) time\b"
)

_IS_IT_TIME_YET = re.compile(rf"^{IS_IT_TIME}$")

_NOT_ANOTHER_TIME = (
    r"(?! (?:in|zone|frame|period|it|that|to|for|of(?! (?:the )?day)|left|signature|difference|limit|needed|required|span"
    r"|until|till|before|when|i|we|you|they|he|she|my|your)\b)"
)
"""What follows "the time" when it is the time something takes or happens, not the time now."""
_TIME_QUESTIONS = (
    re.compile(r"\bwhat time is it\b(?! in\b)"),
    re.compile(r"\bwhat time it is\b"),
    re.compile(rf"\bwhat is the (?:current |exact |local |correct )?time\b{_NOT_ANOTHER_TIME}"),
    re.compile(
        r"\b(?:tell me|give me|do you know|check|know|telling me|(?:do you have|have you got|got|have you|need|want|share) the)"
        rf" (?:the )?(?:current |exact |correct )?time\b{_NOT_ANOTHER_TIME}"
    ),
    re.compile(r"\bwhat (?:hour|hour and minute|hour and minutes|time of (?:the )?day) is it\b"),
    re.compile(r"\bwhat (?:does|do|is) (?:it|the clock|your clock|your watch|the watch) say\b|\bwhat is the clock say\b"),
    re.compile(r"\bwhat time do you have\b|^(?:the )?(?:current )?time is what$"),
    re.compile(r"^(?:the )?(?:current |local )?time(?: now| please| right now| check)?$"),
)

_ABOUT_THE_TIME = re.compile(r"\b(time|clock|hour|late|early|noon|midnight|morning|afternoon|evening|night|am|pm)\b")
_ABOUT_THE_DATE = re.compile(
    r"\b(date|day|today|month|year|weekend|week|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)
_NOT_THE_LOCAL_CLOCK = re.compile(
    r"\btime (?:is it )?in\b|\btime ?zone\b|\b(opens?|closes?|starts?|begins?|weather|forecast|rain)\b"
    r"|\b(?:sunrise|sunset|sun (?:rise|set|come up|go down|goes down|comes up)|dawn|dusk|twilight|moon|tides?|prayer)\b"
    r"|\b(?:morning|afternoon|evening|night|day|dark|light) (?:in|over in) (?!the (?:morning|afternoon|evening))"
    r"|^(?:how (?:is|was|long is|long does|long do)|tell me about|describe)\b|\b\d+\b|\btime (?:for|of) (?!(?:the )?day\b)"
)
"""Not a loose question for the clock: a time elsewhere, an event's, the weather's, or a number of its own ("is the
year 2018 a leap year" is not asking today's date)."""
_ANOTHER_DAY = re.compile(
    r"\b(?:next|last|first|second|third|fourth|fifth|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|january|february|march|april|may|june|july|august|september|october|november|december)\b"
)
_TODAY = re.compile(r"\b(?:today|now|right now|currently|at the moment)\b")
"""A day named in a loose question is another day ("what is the first friday of next month") unless it is said to be
today ("it's thursday today, right?")."""


def time_from_now(clean: str) -> Slots | None:
    """ "what time will it be in 3 hours", "what time was it 20 minutes ago"."""
    match = first_match(_TIME_FROM_NOW, clean)
    if match is None:
        return None
    said = match.groupdict().get("duration") or match["ago"]
    seconds = parse_duration(said) if re.search(r"\d", said) else None
    if not seconds or seconds >= 86400 * 2:
        return None
    minutes = round(seconds / 60) * (-1 if match.groupdict().get("ago") else 1)
    return {"action": "time", "minutes": minutes} if minutes else None


def time_until(clean: str, now: datetime) -> Slots | None:
    """ "how long until 5 pm", "how many minutes till midnight"."""
    match = _TIME_UNTIL.search(clean)
    if match is None or (at := parse_clock_time(match["time"], now)) is None:
        return None
    return {"action": "until", "at": at.isoformat()}


def local_time(clean: str) -> Slots | None:
    """ "what time is it", "do you know the time", "is it 5 pm yet"."""
    if match := _IS_IT_TIME_YET.search(clean):
        return time_check(match)
    return {"action": "time"} if first_match(_TIME_QUESTIONS, clean) else None


_HALF_OF_DAY = re.compile(r"[ap]m\b|noon|midday|midnight|morning|afternoon|evening|night")


def time_check(match: re.Match[str]) -> Slots | None:
    """ "is it 5 pm yet" (at or after it), "is it before noon", "is it noon" (about then)."""
    said = parse_time_of_day(match["time"])
    if said is None:
        return None
    relation = (match["relation"] or "").strip()
    compared = "before" if relation == "before" else "after" if relation in ("already", "past", "after") or match["yet"] else "at"
    either_half = compared == "at" and not _HALF_OF_DAY.search(match["time"])
    return {
        "action": "time",
        "check": said.strftime("%H:%M"),
        "compared": compared,
        **({"either_half": True} if either_half else {}),
    }


def time_in_format(clean: str) -> Slots | None:
    """ "what time is it in 24 hour format", "tell me the time in military time"."""
    if not _CLOCK_FORMAT.search(clean) or not re.search(r"\btime\b", clean):
        return None
    return {"action": "time", "format": "24h"} if _TWENTY_FOUR_HOURS.search(clean) else {"action": "time"}


_ASKING_WORDS = frozenset(
    "tell telling told say know knows check give show mind got get need want like please kindly current exact actual "
    "correct right real local present moment yet already still past before after late early hours minutes oclock "
    "remind let see look looking quick quickly hey ok okay exactly clock watch phone wondering wonder display read "
    "provide currently".split()
)
"""Words a loose question for the clock may hold besides the time and date words: any other word is about something
else ("am i on vacation this week", "give me an update on the election tomorrow at noon")."""


def general_question(clean: str) -> Slots | None:
    """Loosely phrased questions ("how late is it", "what month are we in") get the current time or date."""
    if _NOT_THE_LOCAL_CLOCK.search(clean) or (_ANOTHER_DAY.search(clean) and not _TODAY.search(clean)):
        return None
    if any(
        word not in STOPWORDS
        and word not in _ASKING_WORDS
        and not _ABOUT_THE_TIME.fullmatch(word)
        and not _ABOUT_THE_DATE.fullmatch(word)
        for word in clean.split()
    ):
        return None
    if _ABOUT_THE_TIME.search(clean):
        return {"action": "time"}
    if _ABOUT_THE_DATE.search(clean):
        return {"action": "date"}
    return None
