"""The time here or anywhere, a time converted between places, time zones, the date, the day of the week, and how
long until (or since) a day people name."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from edge.errors import InputError
from edge.skills import places
from edge.skills.base import Skill, SkillReply, Slots
from edge.skills.days import RELATIVE_DAYS, parse_day, shift
from edge.skills.holidays import holidays_on, next_holiday
from edge.skills.spoken import (
    MONTHS,
    WEEKDAYS,
    normalize_numbers,
    parse_clock_time,
    parse_duration,
    parse_time_of_day,
    spoken_date,
    spoken_duration,
    spoken_time,
)

Clock = Callable[[], datetime]

_WEEKDAY = "|".join(d.lower() for d in WEEKDAYS)
_MONTH = "|".join(m.lower() for m in MONTHS)
_PLACE = r"(?:the )?(?P<{}>[a-z][a-z0-9 ]*?)"
_TIME_OF_DAY = (
    r"(?P<time>(?:(?:12 )?(?:noon|midday|midnight)|\d{1,2}(?::\d{2}| \d{2})?(?: ?[ap]m)?"
    r"|(?:half|quarter|\d{1,2}(?: minutes?)?) (?:past|after|to|before|till) \d{1,2}(?: ?[ap]m)?)"
    r"(?: o ?clock)?(?: in the (?:morning|afternoon|evening)| at night| tonight| this (?:morning|afternoon|evening))?)"
)
_AT = r"(?:in|on|at|for)"
_IT_IS = r"(?:it is |its |it will be |it was )?"
_WHAT_TIME_THERE = (
    r"what (?:time )?(?:is it|will it be|would it be|is that|time is it|is the time|does that make it|would be the time"
    r"|will be the time|would the time be|will the time be)(?: be)?"
)


def _place(name: str) -> str:
    return _PLACE.format(name)


_CONVERSIONS = (
    (
        re.compile(
            rf"\b(?:if|when|at) {_IT_IS}{_TIME_OF_DAY} (?:{_AT} )?{_place('source')}(?: time)?,? (?:then )?{_WHAT_TIME_THERE}"
            rf" (?:{_AT} )?{_place('target')}$"
        ),
        True,
    ),
    (
        re.compile(
            rf"\b{_WHAT_TIME_THERE} {_AT} {_place('target')}"
            rf" (?:if|when) {_IT_IS}{_TIME_OF_DAY}"
            rf" (?:{_AT} )?{_place('source')}$"
        ),
        True,
    ),
    (
        re.compile(
            rf"\b(?:convert|change|translate|switch) {_TIME_OF_DAY} (?:from |in )?{_place('source')}"
            rf" (?:to|into|in) {_place('target')}$"
        ),
        True,
    ),
    (
        re.compile(
            rf"\b(?:convert|change|translate|switch) (?:the |my )?(?:current )?(?P<time>time) (?:from|in) "
            rf"{_place('source')}"
            rf" (?:to|into|in) {_place('target')}$"
        ),
        True,
    ),
    (re.compile(rf"\bwhat (?:time )?is {_TIME_OF_DAY} (?:in )?{_place('source')} (?:in|to|for) {_place('target')}$"), False),
    (
        re.compile(rf"^{_TIME_OF_DAY} (?:in )?{_place('source')} (?:is what time|is|equals|to|in) (?:in )?{_place('target')}$"),
        False,
    ),
)
"""Each with whether its frame is sure to be a conversion, so that a place it does not know is asked about."""
_CLEAR_TIME = re.compile(r"[ap]m\b|oclock|:|noon|midnight|midday|past|morning|afternoon|evening|night|^time$")
_HERE = re.compile(
    r"(?:here|mine|home|back home|local time|where (?:i am|we are|i live|we live)|(?:the |this )?(?:area|city|town|place)"
    r"|(?:my|our|this|the current|my current|our current)(?: (?:local )?(?:time|time zone|zone|location|city|area|region|town"
    r"|country|place|house|home|state|neighbou?rhood|office|position))?)"
)

_DIFFERENCES = tuple(
    re.compile(pattern)
    for pattern in (
        rf"\b(?:time difference|difference in time|hours? difference|how many hours (?:difference|apart)|how far apart)"
        rf"(?: is there| are)? (?:between|from) {_place('first')} (?:and|to) {_place('second')}$",
        rf"\bhow (?:many hours|far|much) (?:ahead|behind|earlier|later) (?:is|are) {_place('first')}"
        rf"(?: (?:of|from|than|compared to) {_place('second')})?$",
        rf"\b(?:time difference|difference in time|hours? difference) (?:with|to|from|for|in) {_place('first')}$",
        rf"^is {_place('first')} (?:ahead of|behind|earlier than|later than) {_place('second')}$",
    )
)

_ZONE_WORD = r"(?:time zone|zone)"
_MY_ZONE = re.compile(
    rf"\b(?:what|which) {_ZONE_WORD} (?:am i in|are we in|am i on|are we on|is (?:this|it|it here|here|mine)|do i live in"
    rf"|do we live in|is my (?:time zone|clock) (?:on|in|set to)|is (?:my|the) (?:clock|device) (?:on|in|set to))$"
    rf"|\b(?:what is|tell me|give me|show me) (?:my|the|our) (?:current |local )?{_ZONE_WORD}(?: here)?$"
    r"|^(?:my |current |local )?time zone$"
)
_ZONES_OF_PLACES = (
    re.compile(rf"\b(?:what|which) {_ZONE_WORD} (?:is|does|are) {_place('place')}(?: in| use| on| have| observe)?$"),
    re.compile(rf"\bwhat is the {_ZONE_WORD} (?:in|of|for|at) {_place('place')}$"),
    re.compile(rf"^{_ZONE_WORD} (?:in|of|for) {_place('place')}$"),
)
_SET_ZONE = re.compile(
    rf"\b(?:switch|change|set|move|put|convert|adjust|update)(?: me| it| us)?(?: over)?(?: (?:my|the|our))?"
    rf"(?: (?:time zone|clock|time))? (?:to|into|as|for|on) {_place('place')}(?: time| time zone| zone)?$"
)
_ASKS_THE_TIME = re.compile(
    r"\b(?:what time(?! zone)|the time(?! zone)|time is it|current time(?! zone)|local time(?! zone)|time now)\b"
)
_ZONE_QUESTION_WORDS = frozenset(
    "what which whats is are am the a an time zone zones in of for do does you know tell me can could would will i we "
    "need to wanna want like uses use used they them there their its it located observe observes on at be has have "
    "different same own please thanks current local my our that kind type whose what is like how if youre were im "
    "applicable search find give where reside resides contains contain include includes can be found now currently "
    "over".split()
)
_SET_ZONE_ALONE = re.compile(r"\b(?:switch|change|set|update|adjust|select)(?: my| the| our)? time zone$")

_TIME_IN_PLACE = re.compile(
    r"\b(?:time|hour(?= is it)) (?:is it |is |would it be |will it be |is set to |set to |now |right now |currently )*"
    r"(?P<preposition>in|at|over in|out in|down in|up in|on|of|for|as per|according to|by|per|based on|using) "
    rf"{_place('place')}"
    r"(?: right now| now| currently| at the moment| at this moment| at present| please| today| zone| time zone)*"
    r"(?: compared (?:to|with) (?:here|me|us|my time))?$"
)
_KIND_OF_TIME = re.compile(
    r"\b(?:wait|waiting|prep|preparation|cook|cooking|baking|travel|travelling|traveling|arrival|departure|flight|delivery"
    r"|drive|driving|commute|closing|opening|bed|dinner|lunch|breakfast|break|tea|screen|game|show|start|starting|end|run"
    r"|running|boarding|check in|play|nap|response|loading|shipping|transit|spare|free|leisure|quality|good|record|lap"
    r"|finish|reaction|tee|kick off|curfew|lights out|happy hour|service|visiting|office|business|prayer|vacation|holiday"
    r"|sitting|seating|my|your|our|their|his|her)$"
)
_NOT_A_PLACE = re.compile(
    r"\d|\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|morning|afternoon|evening|night|advance|moment|while"
    r"|bit|future|present|past|format|clock|phone)\b"
)
_LOOSE_TIME_AT_PLACE = (
    re.compile(r"\bwhat time is it (?:now |right now )?(?:in )?(?P<place>[a-z][a-z ]*?)(?: right now| now)?$"),
    re.compile(
        r"\bwhat is the (?:current |local )?time (?:now |right now )?(?:in )?(?P<place>[a-z][a-z ]*?)(?: right now| now)?$"
    ),
    re.compile(r"^in (?:the )?(?P<place>[a-z][a-z ]*?),? what (?:time is it|is the time)(?: now| right now)?$"),
    re.compile(
        r"\b(?:what is |tell me |give me )?(?:the )?(?:current |exact )?(?P<place>[a-z][a-z ]*?) time"
        r"(?: now| right now| please)?$"
    ),
)
_NOT_PLACES = frozenset(
    {"sunrise", "sunset", "spring", "summer", "winter", "fall", "autumn", "reading", "bed", "dinner", "lunch"}
)

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
    rf"| have i got| to go)* (?:until|till|til|to|before) {_TIME_OF_DAY}$"
)
_WEEK_NUMBER = re.compile(
    r"\b(?:what|which) week (?:number )?(?:of the year )?(?:is it|is this|are we in|is today|it is)\b|\bweek number\b"
)
_LEAP_YEAR = re.compile(
    r"\b(?:is|was|will) (?:it |this year |this |(?P<which>next|last) year |(?P<year>\d{4}) )?(?:be |going to be )?a leap year\b"
    r"|\b(?P<next>when is|when will be|which is|what is) the next leap year\b"
)
_DAYS_IN = re.compile(
    rf"\bhow many days (?:are there |are |does |is there |will there be |were there )?(?:in )?(?:the month of )?"
    rf"(?P<what>{_MONTH}|(?:this|next|last|the|a) (?:month|year)|\d{{4}})(?: (?P<year>\d{{4}}))?"
    r"(?: have| has| got)?$"
)

_TWENTY_FOUR_HOURS = re.compile(r"\b(?:in )?(?:24 hour|military|railway|army)(?: format| time| clock| notation)?\b")
_CLOCK_FORMAT = re.compile(
    r"\b(?:in )?(?:12|24) hour(?: format| time| clock| notation)|\b(?:in )?(?:military|railway|army) time\b"
)

_HOLIDAY_WORDS = r"(?:a |any )?(?:public |bank |national |federal )?holidays?"
_IS_IT_A_HOLIDAY = (
    re.compile(rf"^(?:is|was|will) (?P<day>today|tomorrow|yesterday|it)(?: be)? {_HOLIDAY_WORDS}(?: today)?$"),
    re.compile(rf"\bwhat {_HOLIDAY_WORDS} (?:is|was) (?:it )?(?P<day>today|tomorrow|yesterday)\b"),
    re.compile(rf"\b(?:is|are) there {_HOLIDAY_WORDS} (?P<day>today|tomorrow)\b"),
)
_NEXT_HOLIDAY = re.compile(r"\b(?:next|upcoming|coming) (?:public |bank |national |federal )?holiday\b")

_IS_IT_TIME_YET = re.compile(
    rf"^is it (?P<relation>already |past |after |before |nearly |almost )?{_TIME_OF_DAY}(?: yet| already| now)?$"
)

_DATE_IN_PLACE = (
    re.compile(
        rf"\b(?:what|which) (?P<what>date|day)(?: of the week)? is it (?:now |today |right now )?(?:in|at|over in)"
        rf" {_place('place')}$"
    ),
    re.compile(
        rf"\bwhat is (?:the |todays )?(?P<what>date|day)(?: today| now)? (?:in|at|over in) {_place('place')}(?: today| now)?$"
    ),
    re.compile(rf"^is it (?:already )?(?P<what>tomorrow|yesterday) (?:in|at|over in) {_place('place')}(?: yet| already)?$"),
    re.compile(
        rf"\b(?P<what>time and (?:the )?date|date and (?:the )?time) (?:in|at|over in) {_place('place')}(?: now| right now)?$"
    ),
)

_NOW_WORDS = r"(?: now| right now| currently| at the moment| here| today| please| again)*"
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
_DATE_IN_NUMBERS = re.compile(r" (?:in (?:numbers|digits|numeric form|number format)|numerically)\b")
_DATE_AND_TIME = re.compile(
    r"(?:^|\b(?:is|are|me|know|tell|give|show|need|want|have|check|what) )(?:the |todays |today )?(?:current |exact )?"
    r"(?:date and (?:the )?time|time and (?:the )?date|day and (?:the )?time|time and (?:the )?day)\b"
    r"(?! (?:i|we|you|that|when|for|to|of|it)\b)"
)
_DATE_QUESTIONS = (
    re.compile(r"\bwhat(?: is| was| will be| would be) (?:the )?(?P<before>[a-z0-9 ]*?)\s*date\b(?P<after>.*)$"),
    re.compile(r"\b(?:what|which) date (?:is|was|will be|does|did|falls on|will)\b(?P<after>.*)$"),
    re.compile(r"\bwhat (?:the )?date (?:it )?(?:is|was|will be)\b(?P<after>.*)$"),
    re.compile(r"\b(?:tell me|give me) (?:the |today )?date\b(?P<after>.*)$"),
    re.compile(r"^what is (?P<after>today)$"),
    re.compile(r"\b(?P<before>today|tomorrow|yesterday)s? date\b(?!.*\b(?:in|after|before|from)\b)"),
    re.compile(
        r"\b(?:know|tell me|give me|have|share|need|want|show me) (?:the )?(?:current |exact |correct |full )?date\b"
        r"(?P<tentative>)"
        r"(?P<after>.*)$"
    ),
    re.compile(r"\bwhat day (?P<after>today|tomorrow|yesterday) (?:is|was|will be)$"),
    re.compile(r"\b(?:current|today|todays) (?:date|day|month|year)(?:,? (?:and )?(?:day|date|month|year))+$"),
    re.compile(r"\b(?:month|year|day|date)(?:,? (?:and )?(?:day|date|month|year))+ (?P<after>today|tomorrow|yesterday)$"),
    re.compile(r"\bwhat (?P<after>today|tomorrow) is$"),
    re.compile(r"^(?:the )?date (?P<after>today|tomorrow|yesterday) is what$"),
    re.compile(r"\bremind me (?:of )?(?:the |todays )?date\b(?P<tentative>)(?P<after>.*)$"),
    re.compile(
        r"\bwhat (?:year|month|day of the month) (?:is it|is this|are we in|it is|is today)\b(?P<tentative>)(?P<after>.*)$"
    ),
    re.compile(r"\bwhat is (?P<after>the (?:first|1st|last) day of .+)$"),
    re.compile(r"\bwhat (?:will|would|was) (?:the )?date (?:be )?\b(?P<after>.*)$"),
    re.compile(r"^(?:the |todays |today )?(?:current )?date(?P<after> today)?(?: please| now)?$"),
    re.compile(r"^(?P<after>.+?) (?:is|was|will be|falls on|fall on) (?:on )?(?:what|which) date$"),
    re.compile(r"\bwhen (?P<tense>is|was|will|does|did|do|are|were) (?P<after>.+)$"),
)
_WEEKDAY_QUESTIONS = (
    re.compile(r"\b(?:what|which) (?:day|weekday) (?:of the week )?(?:is|was|will|does|did|falls on|would)\b(?P<after>.*)$"),
    re.compile(r"\b(?:what|which) (?:day|weekday) (?:of the week )?it (?:is|was|will be)\b(?P<after>.*)$"),
    re.compile(r"\bon (?:what|which) day (?:of the week )?(?:is|was|will|does|did)\b(?P<after>.*)$"),
    re.compile(r"\bwhat is the (?:current )?day(?: of the week)?(?: (?:on|of|for|it is|it will be|it was))?(?P<after> .+)?$"),
    re.compile(r"\bwhat day (?:of the week )?(?:are we(?: in| on)?|it today|is it now)$"),
    re.compile(r"^(?P<after>.+?) (?:is|was|will be|falls on|fall on) (?:on )?(?:what|which) (?:day|weekday)(?: of the week)?$"),
)
_WEEKDAY_CHECKS = (
    re.compile(rf"^(?:is|was) (?:it|today) (?:a )?(?P<weekday>{_WEEKDAY})(?P<after> today)?$"),
    re.compile(
        rf"^(?:is|was|will|does|did) (?P<after>.+?) (?:be |fall |land |falls |lands )?(?:on )?(?:a )?(?P<weekday>{_WEEKDAY})"
        rf"(?P<year>(?: this| next| last)? year| in \d{{4}})?$"
    ),
)
_UNITS = "days|weeks|months|hours|sleeps|nights"
_DAYS_UNTIL_QUESTIONS = (
    re.compile(
        rf"\bhow (?:many (?:more )?(?P<unit>{_UNITS})|long|much longer|much time|soon)"
        r"(?: is it| are there| is there| left| is left"
        rf"| remain| remaining| do we have| do i have| have we got| have i got| will it be| to go| to wait| till| until)*"
        rf" (?:until|till|til|to|before|unit) (?P<after>.+)$"
    ),
    re.compile(rf"\bhow (?:many (?P<unit>{_UNITS}) )?(?:away )?is (?P<after>.+?)(?: away| from now| from today)$"),
    re.compile(rf"\bhow many (?P<unit>{_UNITS}) (?:away )?is (?P<after>.+?)$"),
    re.compile(rf"^(?P<after>.+?) is (?:in )?how many (?P<unit>{_UNITS})(?: away| from now| from today)?$"),
    re.compile(
        rf"\bhow many (?P<unit>{_UNITS}) (?:are |is )?(?:left|remaining|remain|to go|are there|there are)(?: left| remaining)?"
        r" (?:in|of|for|this|until the end of|till the end of) (?:the |this )?(?P<period>month|year|week)$"
    ),
    re.compile(r"\bhow far (?:away |off )?is (?P<after>.+?)(?: away| from now| from today)?$"),
)
_DAYS_SINCE_QUESTIONS = (
    re.compile(
        rf"\bhow (?:many (?P<unit>{_UNITS})|long)(?: has it been| have passed| has passed| is it| ago was| was it)?"
        r" since (?P<after>.+)$"
    ),
    re.compile(rf"\bhow (?:many (?P<unit>{_UNITS}) |long )ago (?:was|did) (?P<after>.+)$"),
)
_PERSONAL_DAY = re.compile(
    r"\b(?P<whose>my|our|his|her|their|[a-z]+s) (?:[a-z]+s )?(?P<what>birthday|bday|anniversary|wedding(?: day)?"
    r"|graduation|retirement|(?P<leave>vacation|holiday|trip))\b"
)
_FILLER_START = re.compile(
    r"^(?:(?:it|is|was|will|be|on|of|for|the|falls on|does|did|going to be|gonna be|current|exact|full|actual|correct)\b\s*)+"
)
_FILLER_END = re.compile(
    r"(?:\s*\b(?:falls? on|lands? on|land|(?<=\w )fall|be|on|is it|was it|will it be|(?<!from )today|going to be|gonna be"
    r"|happen|start|begin|in the calendar|this time|comes?|come around|come up|roll around|arrives?|occurs?)\b)+$"
)
_VERB_BEFORE_YEAR = re.compile(
    r" (?:(?:fall|falls|land|lands|be) on|on|be|fall|falls|land|lands|come|comes|arrive|arrives)"
    r"(?= (?:(?:this|next|last) year|in \d{4}|\d+ years? from now)$)"
)

_ABOUT_THE_TIME = re.compile(r"\b(time|clock|hour|late|early|noon|midnight|morning|afternoon|evening|night|am|pm)\b")
_ABOUT_THE_DATE = re.compile(
    r"\b(date|day|today|month|year|weekend|week|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)
_NOT_THE_LOCAL_CLOCK = re.compile(
    r"\btime (?:is it )?in\b|\btime ?zone\b|\b(opens?|closes?|starts?|begins?|weather|forecast|rain)\b"
    r"|^(?:how (?:is|was|long is|long does|long do)|tell me about|describe)\b"
)


_COURTESY = re.compile(
    r"^(?:(?:please|hey|hi|ok|okay|so|and|um|uh|excuse me|sorry)\b\s*)+"
    r"|(?:\s*\b(?:please|thanks|thank you|for me|olly|ollie|alexa|siri|google|again|exactly)\b)+$"
)


def _clean(text: str) -> str:
    text = text.lower().replace("’", "'").replace("what's", "what is").replace("whats", "what is").replace("when's", "when is")
    text = re.sub(r"\b(today|tomorrow|yesterday)'?s\b", r"\1", text)
    text = re.sub(r"\btimezone\b", "time zone", text)
    text = re.sub(r"(?<=[a-z])\s*\+\s*(?=\d)", " plus ", text)
    text = re.sub(r"\b(utc|gmt)\s*[-−]\s*(?=\d)", r"\1 minus ", text)
    text = normalize_numbers(text).replace("'", "")
    text = re.sub(r"(\d)\s*([ap])\.? ?m\b\.?", r"\1 \2m", text)
    text = re.sub(r"\b(in|of|is|was|year) (1[5-9]|20) ([0-9]{2})\b(?! (?:am|pm|oclock|minutes?|hours?)\b)", r"\1 \2\3", text)
    return _COURTESY.sub("", re.sub(r"\s+", " ", re.sub(r"[^\w\s:]", " ", text)).strip()).strip()


def _first_match(patterns: tuple[re.Pattern[str], ...], text: str) -> re.Match[str] | None:
    return next((m for p in patterns if (m := p.search(text))), None)


def _place_slots(place: places.Place | None) -> dict[str, Any] | None:
    """None means here, in the device's own time zone."""
    if place is None:
        return None
    return {"place": place.name, "zone": place.zone} | ({"zone_named": True} if place.is_zone else {})


def _ask(question: str) -> Slots:
    return {"action": "ask", "question": question}


def _unknown_place(name: str) -> Slots:
    return _ask(f"I don't know the time zone of {name.strip()}: which city or time zone do you mean?")


class TimeSkill(Skill):
    name = "time"
    clarification = "I heard a question about the time or the date, but not which day or place: could you say it another way?"

    def __init__(self, clock: Clock | None = None) -> None:
        self.clock: Clock = clock or (lambda: datetime.now().astimezone())

    def load(self) -> None:
        places.load()

    def parse(self, text: str, matched: Mapping[str, str] | None = None) -> Slots | None:
        """``matched`` is None when the classifier, not a template, found the request to be about time: then loosely
        phrased questions ("how late is it", "what month are we in") are taken to ask for the time or the date."""
        clean = _clean(text)
        if not clean:
            return None
        readers = (
            self._conversion, _difference, _zone_question, _time_from_now, self._time_until, _time_in_format, _date_in_place,
            _time_in_place, _local_time,
            _calendar_fact,
        )  # fmt: skip
        for reader in readers:
            if (slots := reader(clean)) is not None:
                return slots
        asked, slots = self._day_question(clean, text, matched)
        if asked:
            return slots
        return _general_question(clean) if matched is None else None

    def _conversion(self, clean: str) -> Slots | None:
        """ "if it's 10 pm in california what time is it in alabama", "convert 3 pm eastern to pacific"."""
        found = next(((m, sure) for pattern, sure in _CONVERSIONS if (m := pattern.search(clean))), None)
        if found is None:
            return None
        match, sure = found
        moment = None if match["time"] == "time" else parse_time_of_day(match["time"])
        if moment is None and match["time"] != "time":
            return None
        ends: list[dict[str, Any] | None] = []
        for name in (match["source"], match["target"]):
            if _HERE.fullmatch(name):
                ends.append(None)
            elif place := places.find_place(name):
                ends.append(_place_slots(place))
            else:
                return _unknown_place(name) if sure and _CLEAR_TIME.search(match["time"]) else None
        if ends[0] is None and ends[1] is None:
            return None
        said = {"time": moment.strftime("%H:%M")} if moment else {}
        return {"action": "convert", **said, "from": ends[0], "to": ends[1]}

    def _time_until(self, clean: str) -> Slots | None:
        """ "how long until 5 pm", "how many minutes till midnight"."""
        match = _TIME_UNTIL.search(clean)
        if match is None or (at := parse_clock_time(match["time"], self.clock())) is None:
            return None
        return {"action": "until", "at": at.isoformat()}

    def _day_question(self, clean: str, text: str, matched: Mapping[str, str] | None) -> tuple[bool, Slots | None]:
        """Whether the text asks about a day, and if so its slots: None when the day cannot be made out."""
        if _DATE_AND_TIME.search(clean):
            return True, {"action": "datetime"}
        if _DATE_IN_NUMBERS.search(clean):
            asked, slots = self._day_question(_DATE_IN_NUMBERS.sub("", clean), text, matched)
            return asked, slots and {**slots, "format": "numbers"} if slots and slots["action"] == "date" else slots
        if match := _first_match(_WEEKDAY_CHECKS, clean):
            slots = self._about_day("weekday", f"{match['after'] or ''}{match.groupdict().get('year') or ''}", match)
            slots = slots or self._personal_day("weekday", text, clean, match)
            return True, slots if slots is None or slots["action"] == "ask" else {**slots, "check": match["weekday"].title()}
        questions = (
            ("days_since", _DAYS_SINCE_QUESTIONS),
            ("days_until", _DAYS_UNTIL_QUESTIONS),
            ("weekday", _WEEKDAY_QUESTIONS),
            ("date", _DATE_QUESTIONS),
        )
        for action, patterns in questions:
            if match := _first_match(patterns, clean):
                phrase = matched["day"] if matched and matched.get("day") else _day_phrase(match)
                if not phrase and "tense" in match.groupdict():
                    return False, None
                if not phrase and match.start() > 0:
                    before = self._about_day(action, _day_phrase_before(clean[: match.start()]), match)
                    if before is not None:
                        return True, before
                slots = self._about_day(action, phrase, match) or self._personal_day(action, text, clean, match)
                return slots is not None or "tentative" not in match.groupdict(), slots
        return False, None

    def _personal_day(self, action: str, text: str, clean: str, question: re.Match[str]) -> Slots | None:
        """A day only the user knows ("my birthday", "our anniversary"): its date when they said it ("my birthday is on
        march 4th, what day is that"), else a question for it rather than a guess."""
        match = _PERSONAL_DAY.search(text.lower().replace("’", "'").replace("'", ""))
        if match is None or (match["leave"] and action not in ("days_until", "days_since")):
            return None
        whose = {"my": "your", "our": "your", "your": "my"}.get(match["whose"], match["whose"])
        if whose not in ("your", "my", "his", "her", "their"):
            whose = "that"
        if said := _SAID_DATE.search(clean):
            slots = self._about_day(action, said["date"], question)
            if slots is not None and slots.get("date"):
                return {**slots, "day": f"{whose} {match['what']}"}
        return _ask(f"I don't know the date of {whose} {match['what']}: which day is it?")

    def _about_day(self, action: str, phrase: str, match: re.Match[str]) -> Slots | None:
        groups = match.groupdict()
        unit = groups.get("unit")
        extra = {"unit": unit} if unit and unit not in ("days", "sleeps", "nights") else {}
        if not phrase and action not in ("days_until", "days_since"):
            return {"action": action, **extra}
        now = self.clock()
        past = action == "days_since" or groups.get("tense") in ("was", "did")
        found = parse_day(phrase, now.date(), now.tzinfo or ZoneInfo("UTC"), past=past)
        if found is None:
            return None
        day, label = found
        if day == now.date() and action in ("date", "weekday"):
            return {"action": action, **extra}
        return {"action": "days_until" if action == "days_since" else action, "date": day.isoformat(), "day": label, **extra}

    def run(self, slots: Slots) -> SkillReply:
        now = self.clock()
        action = slots.get("action")
        if action == "ask":
            return self._reply("ask", str(slots["question"]))
        if action in _TIME_REPLIES:
            text, data = _TIME_REPLIES[action](slots, now)
            return self._reply(str(action), text, **data)
        if action not in ("date", "weekday", "days_until"):
            raise InputError(f"the time skill has no action {action!r}", "pass the slots TimeSkill.parse returned")
        if slots.get("there"):
            there = now.astimezone(_zone(str(slots["zone"])))
            said = WEEKDAYS[there.weekday()] if action == "weekday" else spoken_date(there.date())
            text = f"{slots['place'][:1].upper()}{str(slots['place'])[1:]} is on {said}." if slots.get("zone_named") else ""
            text = text or f"In {slots['place']} it's {said}."
            return self._reply(action, text, date=there.date().isoformat(), days=(there.date() - now.date()).days)
        try:
            day = date.fromisoformat(slots["date"]) if slots.get("date") else now.date()
        except (TypeError, ValueError):
            raise InputError(f"{slots['date']!r} is not an ISO date", "pass the slots TimeSkill.parse returned") from None
        label = str(slots.get("day") or "today")
        offset = (day - now.date()).days
        if slots.get("format") == "numbers":
            return self._reply(
                action, f"{label[:1].upper()}{label[1:]} is {day.month}/{day.day}/{day.year}.", date=day.isoformat()
            )
        if action == "weekday":
            text = _weekday_reply(label, day, offset, slots.get("check"))
        elif action == "date":
            text = _date_reply(label, day, offset)
        else:
            text = _days_until_reply(label, day, offset, str(slots.get("unit") or "days"), now)
        return self._reply(action, text, date=day.isoformat(), days=offset)

    def _reply(self, action: str, text: str, **data: Any) -> SkillReply:
        return SkillReply(self.name, action, text, data)


def _difference(clean: str) -> Slots | None:
    """ "what's the time difference between london and new york", "how many hours ahead is tokyo"."""
    match = _first_match(_DIFFERENCES, clean)
    if match is None:
        return None
    ends: list[dict[str, Any] | None] = []
    for name in (match["first"], match.groupdict().get("second")):
        if name is None or _HERE.fullmatch(name):
            ends.append(None)
        elif place := places.find_place(name):
            ends.append(_place_slots(place))
        else:
            return _unknown_place(name)
    first, second = ends if ends[0] else (ends[1], ends[0])
    return {"action": "difference", "first": first, "second": second} if first else None


def _calendar_fact(clean: str) -> Slots | None:
    """The week number, whether a year is a leap year, how many days a month or year has, whether a day is a holiday."""
    if match := _first_match(_IS_IT_A_HOLIDAY, clean):
        day = {"tomorrow": "tomorrow", "yesterday": "yesterday"}.get(match["day"], "today")
        return {"action": "holiday", "day": day}
    if _NEXT_HOLIDAY.search(clean):
        return {"action": "holiday", "next": True}
    if _WEEK_NUMBER.search(clean):
        return {"action": "week"}
    if match := _LEAP_YEAR.search(clean):
        if match["next"]:
            return {"action": "leap_year", "next": True}
        said = {"year": int(match["year"])} if match["year"] else {}
        return {
            "action": "leap_year",
            **said,
            **({"years_ahead": {"next": 1, "last": -1}[match["which"]]} if match["which"] else {}),
        }
    if match := _DAYS_IN.search(clean):
        what, year = match["what"], int(match["year"]) if match["year"] else None
        if what.isdigit():
            return {"action": "days_in", "year": int(what)}
        if what.endswith("year"):
            return {"action": "days_in", "years_ahead": {"next": 1, "last": -1}.get(what.split()[0], 0)}
        if what.endswith("month"):
            return {"action": "days_in", "months_ahead": {"next": 1, "last": -1}.get(what.split()[0], 0)}
        return {"action": "days_in", "month": [m.lower() for m in MONTHS].index(what) + 1, **({"year": year} if year else {})}
    return None


def _zone_question(clean: str) -> Slots | None:
    """ "what time zone am i in", "what time zone is chicago in", "switch to eastern time zone" (the time there)."""
    if _MY_ZONE.search(clean):
        return {"action": "zone"}
    if _SET_ZONE_ALONE.search(clean):
        return {"action": "zone", "change": True}
    if match := _first_match(_ZONES_OF_PLACES, clean):
        place = places.find_place(match["place"])
        if place is None:
            return _zone_by_keywords(clean) or _unknown_place(match["place"])
        return {"action": "zone", **(_place_slots(place) or {})}
    if (match := _SET_ZONE.search(clean)) and (place := places.find_place(match["place"])):
        return {"action": "time", **(_place_slots(place) or {})}
    return _zone_by_keywords(clean)


def _zone_by_keywords(clean: str) -> Slots | None:
    """Any other question about a time zone ("italy is in what timezone", "what's chicago's time zone", "do you know
    the timezone for phoenix"): what is left once the question's words are gone is the place, or nothing (here)."""
    if not re.search(r"\btime zones?\b", clean) or _ASKS_THE_TIME.search(clean):
        return None
    if moved := re.search(r"\b(?:traveled|travelled|went|go|going|fly|flew|moved?|moving) to (.+)$", clean):
        clean = moved[1]
    rest = " ".join(word for word in clean.split() if word not in _ZONE_QUESTION_WORDS)
    if not rest:
        return {"action": "zone"}
    possessive = places.find_place(rest[:-1], alternate_names=False) if rest.endswith("s") else None
    place = possessive or places.find_place(rest)
    return {"action": "zone", **(_place_slots(place) or {})} if place else None


def _time_from_now(clean: str) -> Slots | None:
    """ "what time will it be in 3 hours", "what time was it 20 minutes ago"."""
    match = _first_match(_TIME_FROM_NOW, clean)
    if match is None:
        return None
    said = match.groupdict().get("duration") or match["ago"]
    seconds = parse_duration(said) if re.search(r"\d", said) else None
    if not seconds or seconds >= 86400 * 2:
        return None
    minutes = round(seconds / 60) * (-1 if match.groupdict().get("ago") else 1)
    return {"action": "time", "minutes": minutes} if minutes else None


def _time_in_place(clean: str) -> Slots | None:
    """ "what time is it in orlando florida", "current time in japan", "what time is it cet", "what is tokyo time"."""
    if (match := _TIME_IN_PLACE.search(clean)) and not _KIND_OF_TIME.search(clean[: match.start()].rstrip()):
        if _HERE.fullmatch(match["place"]) and match["preposition"] in ("in", "at", "over in", "out in", "down in", "up in"):
            return {"action": "time"}
        if place := places.find_place(match["place"]) or _place_after_in(match["place"]):
            return {"action": "time", **(_place_slots(place) or {})}
        if match["preposition"] in ("in", "at") and not _NOT_A_PLACE.search(match["place"]):
            return _unknown_place(match["place"])
        return None
    for pattern in _LOOSE_TIME_AT_PLACE:
        if (match := pattern.search(clean)) and match["place"] not in _NOT_PLACES:
            if place := places.find_place(match["place"], alternate_names=False):
                return {"action": "time", **(_place_slots(place) or {})}
    return None


def _place_after_in(phrase: str) -> places.Place | None:
    """ "my sister in london": the place after the last "in"."""
    _, found, after = phrase.rpartition(" in ")
    return places.find_place(after) if found else None


def _date_in_place(clean: str) -> Slots | None:
    """ "what date is it in london", "what day is it in sydney", "is it tomorrow in japan"."""
    match = _first_match(_DATE_IN_PLACE, clean)
    if match is None or not (place := places.find_place(match["place"])):
        return None
    if " and " in match["what"]:
        return {"action": "datetime", **(_place_slots(place) or {})}
    action = {"day": "weekday", "tomorrow": "date", "yesterday": "date"}.get(match["what"], "date")
    return {"action": action, "there": True, **(_place_slots(place) or {})}


def _local_time(clean: str) -> Slots | None:
    if (match := _IS_IT_TIME_YET.search(clean)) and (said := parse_time_of_day(match["time"])):
        return {"action": "time", "check": said.strftime("%H:%M")}
    return {"action": "time"} if _first_match(_TIME_QUESTIONS, clean) else None


def _time_in_format(clean: str) -> Slots | None:
    """ "what time is it in 24 hour format", "tell me the time in military time"."""
    if not _CLOCK_FORMAT.search(clean) or not re.search(r"\btime\b", clean):
        return None
    return {"action": "time", "format": "24h"} if _TWENTY_FOUR_HOURS.search(clean) else {"action": "time"}


def _day_phrase(match: re.Match[str]) -> str:
    groups = match.groupdict()
    if groups.get("period"):
        return f"end of the {groups['period']}"
    phrase = f"{groups.get('before') or ''} {groups.get('after') or ''}".strip()
    phrase = _VERB_BEFORE_YEAR.sub("", phrase)
    return _FILLER_END.sub("", _FILLER_START.sub("", phrase)).strip()


def _day_phrase_before(prefix: str) -> str:
    """ "2 years from now what is the date": the day said before the question."""
    return re.sub(r"^(?:and |so |ok |okay |hey |please |then )+|\s*(?:,|and|so|then)$", "", prefix.strip()).strip()


_SAID_DATE = re.compile(
    rf"\b(?:is|on|was|falls on) (?:on )?(?P<date>(?:the )?\d{{1,2}}(?:st|nd|rd|th)? (?:of )?(?:{_MONTH})"
    rf"|(?:{_MONTH}) (?:the )?\d{{1,2}}(?:st|nd|rd|th)?)"
)


def _general_question(clean: str) -> Slots | None:
    """Loosely phrased questions ("how late is it", "what month are we in") get the current time or date."""
    if _NOT_THE_LOCAL_CLOCK.search(clean):
        return None
    if _ABOUT_THE_TIME.search(clean):
        return {"action": "time"}
    if _ABOUT_THE_DATE.search(clean):
        return {"action": "date"}
    return None


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError(f"{name!r} is not a time zone", "pass the slots TimeSkill.parse returned") from None


def _where(end: Mapping[str, Any] | None, now: datetime) -> tuple[tzinfo, str]:
    """The zone of one end of a conversion and how to say "in" it: "in Alabama", "Eastern Time", "here"."""
    if end is None:
        return now.tzinfo or ZoneInfo("UTC"), "here"
    name = str(end["place"])
    return _zone(str(end["zone"])), name if end.get("zone_named") else f"in {name}"


def _time_reply(slots: Slots, now: datetime) -> tuple[str, dict[str, Any]]:
    if slots.get("minutes"):
        minutes = int(slots["minutes"])
        then = now + timedelta(minutes=minutes)
        span = spoken_duration(abs(minutes) * 60)
        said = f"In {span} it will be" if minutes > 0 else f"{span[:1].upper()}{span[1:]} ago it was"
        return f"{said} {spoken_time(then, now)}.", {"time": then.isoformat()}
    if slots.get("format") == "24h":
        return f"It's {now:%H:%M}.", {"time": now.isoformat()}
    if slots.get("check"):
        asked = time.fromisoformat(str(slots["check"]))
        answer = "Yes" if (now.hour, now.minute) >= (asked.hour, asked.minute) else "No"
        return f"{answer}, it's {spoken_time(now)}.", {"time": now.isoformat()}
    if not slots.get("zone"):
        return f"It's {spoken_time(now)}.", {"time": now.isoformat()}
    zone, where = _where(slots, now)
    there = now.astimezone(zone)
    weekday = "" if there.date() == now.date() else f" on {WEEKDAYS[there.weekday()]}"
    if slots.get("zone_named"):
        return f"It's {spoken_time(there)} {where}{weekday}.", {"time": there.isoformat(), "zone": slots["zone"]}
    return f"{where[:1].upper()}{where[1:]} it's {spoken_time(there)}{weekday}.", {
        "time": there.isoformat(),
        "zone": slots["zone"],
    }


def _datetime_reply(slots: Slots, now: datetime) -> tuple[str, dict[str, Any]]:
    zone, where = _where(slots if slots.get("zone") else None, now)
    there = now.astimezone(zone)
    said = f"{spoken_time(there)} on {spoken_date(there.date())}"
    if not slots.get("zone"):
        return f"It's {said}.", {"time": now.isoformat()}
    if slots.get("zone_named"):
        return f"It's {said} {where}.", {"time": there.isoformat()}
    return f"{_capital(where)} it's {said}.", {"time": there.isoformat()}


def _convert_reply(slots: Slots, now: datetime) -> tuple[str, dict[str, Any]]:
    source_zone, source = _where(slots.get("from"), now)
    target_zone, target = _where(slots.get("to"), now)
    if not slots.get("time"):
        there, converted = now.astimezone(source_zone), now.astimezone(target_zone)
        return f"It's {spoken_time(there)} {source} and {spoken_time(converted)} {target}.", {"time": converted.isoformat()}
    said = time.fromisoformat(str(slots["time"]))
    there = datetime.combine(now.astimezone(source_zone).date(), said, tzinfo=source_zone)
    converted = there.astimezone(target_zone)
    days = (converted.date() - there.date()).days
    day = {1: " the next day", -1: " the day before"}.get(days, "")
    text = f"When it's {spoken_time(there)} {source}, it's {spoken_time(converted)}{day} {target}."
    return text, {"time": converted.isoformat()}


def _offset(moment: datetime) -> timedelta:
    return moment.utcoffset() or timedelta(0)


def _spoken_offset(offset: timedelta) -> str:
    minutes = round(offset.total_seconds() / 60)
    if minutes == 0:
        return "UTC"
    hours, rest = divmod(abs(minutes), 60)
    amount = f"{hours}:{rest:02d}" if rest else str(hours)
    return f"UTC {'plus' if minutes > 0 else 'minus'} {amount}"


def _zone_reply(slots: Slots, now: datetime) -> tuple[str, dict[str, Any]]:
    zone, _ = _where(slots if slots.get("zone") else None, now)
    there = now.astimezone(zone)
    abbreviation = there.tzname() or ""
    named = f"{abbreviation}, " if abbreviation.isalpha() and abbreviation != "UTC" else ""
    offset = _spoken_offset(_offset(there))
    offset = "the same as UTC" if offset == "UTC" and named else offset
    who = f"{_capital(str(slots['place']))} is" if slots.get("zone") else "You're"
    change = "; I can't change this device's zone, but I can tell you the time in any other" if slots.get("change") else ""
    return f"{who} on {named}{offset}{change}.", {
        "zone": str(slots.get("zone") or abbreviation),
        "utc_offset": _offset(there).total_seconds(),
    }


def _difference_reply(slots: Slots, now: datetime) -> tuple[str, dict[str, Any]]:
    first_zone, _ = _where(slots.get("first"), now)
    second_zone, _ = _where(slots.get("second"), now)
    first = str(slots["first"]["place"])
    second = str(slots["second"]["place"]) if slots.get("second") else "you"
    seconds = (_offset(now.astimezone(first_zone)) - _offset(now.astimezone(second_zone))).total_seconds()
    if seconds == 0:
        return f"{first} and {_capital(second)} keep the same time.", {"seconds": 0}
    way = "ahead of" if seconds > 0 else "behind"
    return f"{_capital(first)} is {spoken_duration(abs(seconds))} {way} {second}.", {"seconds": seconds}


def _capital(text: str) -> str:
    return text if text == "you" else f"{text[:1].upper()}{text[1:]}"


def _until_reply(slots: Slots, now: datetime) -> tuple[str, dict[str, Any]]:
    at = datetime.fromisoformat(str(slots["at"]))
    seconds = max(0.0, (at - now).total_seconds())
    span = spoken_duration(round(seconds / 60) * 60) if seconds >= 60 else "less than a minute"
    said = spoken_time(at) if seconds < 86400 else spoken_time(at, now)
    return f"{said[:1].upper()}{said[1:]} is in {span}.", {"seconds": seconds}


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


def _days_in_reply(slots: Slots, now: datetime) -> tuple[str, dict[str, Any]]:
    if slots.get("month") or "months_ahead" in slots:
        first = shift(now.date().replace(day=1), int(slots.get("months_ahead") or 0), "month")
        if slots.get("month"):
            first = date(int(slots.get("year") or now.year), int(slots["month"]), 1)
        days = (shift(first, 1, "month") - first).days
        return f"{MONTHS[first.month - 1]} {first.year} has {days} days.", {"days": days}
    year = int(slots.get("year") or now.year + int(slots.get("years_ahead") or 0))
    days = 366 if _is_leap(year) else 365
    return f"{year} has {days} days.", {"days": days}


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


_TIME_REPLIES: dict[str, Callable[[Slots, datetime], tuple[str, dict[str, Any]]]] = {
    "holiday": _holiday_reply,
    "until": _until_reply,
    "week": _week_reply,
    "leap_year": _leap_year_reply,
    "days_in": _days_in_reply,
    "time": _time_reply,
    "datetime": _datetime_reply,
    "convert": _convert_reply,
    "zone": _zone_reply,
    "difference": _difference_reply,
}


_SPAN_FROM_NOW = re.compile(r"(?:in|after) \d+ \w+|\d+ \w+ (?:ago|from now|from today|later|back)")


def _subject(label: str, offset: int, starts: bool = True) -> str:
    """ "Christmas is", "Yesterday was", "In 3 days it will be", "3 days ago it was"; capitalized when it ``starts``
    the sentence."""
    verb = "was" if offset < 0 else "is"
    if _SPAN_FROM_NOW.fullmatch(label):
        verb = f"it {'was' if offset < 0 else 'will be'}"
    return f"{label[:1].upper() if starts else label[:1]}{label[1:]} {verb}"


def _date_reply(label: str, day: date, offset: int) -> str:
    if offset == 0:
        return f"Today is {spoken_date(day)}."
    names_weekday = WEEKDAYS[day.weekday()].lower() in label.lower()
    return f"{_subject(label, offset)} {spoken_date(day, weekday=not names_weekday)}."


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
        return _count(round(abs((midnight - now).total_seconds()) / 3600), "hour")
    if unit == "weeks" and days >= 7:
        weeks, rest = divmod(days, 7)
        return _count(weeks, "week") + (f" and {_count(rest, 'day')}" if rest else "")
    if unit == "months" and days >= 28:
        months, start = 0, now.date() if day > now.date() else day
        end = day if day > now.date() else now.date()
        while shift(start, months + 1, "month") <= end:
            months += 1
        rest = (end - shift(start, months, "month")).days
        return _count(months, "month") + (f" and {_count(rest, 'day')}" if rest else "")
    return _count(days, "day")


def _count(amount: int, noun: str) -> str:
    return f"{amount:,} {noun}" if amount == 1 else f"{amount:,} {noun}s"
