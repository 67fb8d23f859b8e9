"""Questions about a day: its date or weekday, whether it is a given weekday, how long until or since it (days people
name, or only the user knows, like a birthday); and facts of the calendar: the week number, leap years, how many days
a month or year has, holidays."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from edge.skills.base import Slots
from edge.skills.days import parse_day
from edge.skills.spoken import MONTH, MONTHS, WEEKDAY, WEEKDAYS
from edge.skills.time_phrases import ask, first_match

_WEEK_NUMBER = re.compile(
    r"\b(?:what|which) week (?:number )?(?:of the year )?(?:is it|is this|are we in|is today|it is)\b|\bweek number\b"
)
_LEAP_YEAR = re.compile(
    r"\b(?:is|was|will) (?:it |this year |this |(?P<which>next|last) year |(?:the year )?(?P<year>\d{4}) )?"
    r"(?:be |going to be )?a leap year\b"
    r"|\b(?P<next>when is|when will be|which is|what is) the next leap year\b"
)
_PERIOD = rf"(?:the month of )?(?P<what>{MONTH}|(?:this|next|last|the|a) (?:month|year)|\d{{4}})(?: (?P<year>\d{{4}}))?"
_DAYS_IN = re.compile(
    rf"\bhow many days (?:are there |are |does |is there |will there be |were there )?(?:in )?{_PERIOD}"
    r"(?: have| has| got)?$"
)
_WEEKDAYS_IN = re.compile(
    rf"\bhow many (?P<weekday>{WEEKDAY})s? (?:(?:are|is|were|will|be|there|having|in|does|do|during) )*{_PERIOD}"
    r"(?: have| has| got| hold)?$"
)

_HOLIDAY_WORDS = r"(?:a |any )?(?:public |bank |national |federal )?holidays?"
_IS_IT_A_HOLIDAY = (
    re.compile(rf"^(?:is|was|will) (?P<day>today|tomorrow|yesterday|it)(?: be)? {_HOLIDAY_WORDS}(?: today)?$"),
    re.compile(rf"\bwhat {_HOLIDAY_WORDS} (?:is|was) (?:it )?(?P<day>today|tomorrow|yesterday)\b"),
    re.compile(rf"\b(?:is|are) there {_HOLIDAY_WORDS} (?P<day>today|tomorrow)\b"),
)
_NEXT_HOLIDAY = re.compile(r"\b(?:next|upcoming|coming) (?:public |bank |national |federal )?holiday\b")

_DATE_IN_NUMBERS = re.compile(r" (?:in (?:numbers|digits|numeric form|number format)|numerically)\b")
_DATE_AND_TIME = re.compile(
    r"(?:^|\b(?:is|are|me|know|tell|give|show|need|want|have|check|what) )(?:the |todays |today )?(?:current |exact )?"
    r"(?:date and (?:the )?time|time and (?:the )?date|day and (?:the )?time|time and (?:the )?day)\b"
    r"(?! (?:i|we|you|that|when|for|to|of|it)\b)"
)
_DATE_QUESTIONS = (
    re.compile(r"\bwhat(?: is| was| will be| would be) (?:the )?(?P<before>[a-z0-9 ]*?)\s*date\b(?P<after>.*)$"),
    re.compile(r"\b(?:what|which) (?:date|day of the month) (?:is|was|will be|does|did|falls on|will)\b(?P<after>.*)$"),
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
    re.compile(r"\bwhat is (?P<after>the (?:first|1st|last) day of .+|the (?:longest|shortest) day\b.*)$"),
    re.compile(r"\bwhat (?:is|was|will be) (?:the date of )?(?P<after>the (?:next|following|previous) day)$"),
    re.compile(r"\bwhat (?:will|would|was) (?:the )?date (?:be )?\b(?P<after>.*)$"),
    re.compile(r"^(?:the |todays |today )?(?:current )?date(?P<after> today)?(?: please| now)?$"),
    re.compile(r"^(?P<after>.+?) (?:is|was|will be|falls on|fall on) (?:on )?(?:what|which) date$"),
    re.compile(r"\bwhen (?P<tense>is|was|will|does|did|do|are|were) (?P<after>.+)$"),
)
_WEEKDAY_QUESTIONS = (
    re.compile(r"\b(?:what|which) (?:day|weekday) (?:of (?:the )?week )?(?:is|was|will|does|did|falls on|would)\b(?P<after>.*)$"),
    re.compile(r"\b(?:what|which) (?:day|weekday) (?:of (?:the )?week )?it (?:is|was|will be)\b(?P<after>.*)$"),
    re.compile(r"\bon (?:what|which) day (?:of (?:the )?week )?(?:is|was|will|does|did)\b(?P<after>.*)$"),
    re.compile(r"\bwhat is the (?:current )?day(?: of the week)?(?: (?:on|of|for|it is|it will be|it was))?(?P<after> .+)?$"),
    re.compile(r"\bwhat day (?:of (?:the )?week )?(?:are we(?: in| on)?|it today|is it now)$"),
    re.compile(
        r"^(?:on )?(?P<after>.+?),? (?:is|was|will be|falls|fall|lands|land)? ?(?:on )?(?:what|which) (?:day|weekday)"
        r"(?: of the week)?(?: is (?:it|that)| was (?:it|that)| will (?:it|that) be)?$"
    ),
    re.compile(r"^(?:the )?(?:day|weekday)(?: of the week)? (?:is |was |will be )?(?:on|for|of) (?P<after>.+)$"),
    re.compile(
        r"^(?:where|on what day|on which day) (?:does|will|did) (?P<before>.+?) (?:fall|land)(?: on)?"
        r"(?P<after> (?:this|next|last) (?:month|year)| in \d{4})?$"
    ),
)
_WEEKDAY_CHECKS = (
    re.compile(rf"^(?:is|was) (?:it|today) (?:a )?(?P<weekday>{WEEKDAY})(?P<after> today)?$"),
    re.compile(
        rf"^(?:is|was|will|does|did) (?P<after>.+?) (?:be |fall |land |falls |lands )?(?:on )?(?:a )?(?P<weekday>{WEEKDAY})"
        rf"(?P<year>(?: this| next| last)? year| in \d{{4}})?$"
    ),
)
_DATE_CHECK = re.compile(r"^is (?:today|it) (?P<days>(?!an? ).+?)(?: today)?$")
"""Whether today is a date said, or one of several: "is today march 6th", "is today the 4th or the 5th"."""
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
_SAID_DATE = re.compile(
    rf"\b(?:is|on|was|falls on) (?:on )?(?P<date>(?:the )?\d{{1,2}}(?:st|nd|rd|th)? (?:of )?(?:{MONTH})"
    rf"|(?:{MONTH}) (?:the )?\d{{1,2}}(?:st|nd|rd|th)?)"
)
_FILLER_START = re.compile(
    r"^(?:(?:it|is|was|will|be|on|of|for|the|falls on|does|did|going to be|gonna be|current|exact|full|actual|correct)\b\s*)+"
)
_FILLER_END = re.compile(
    r"(?:\s*\b(?:falls? on|lands? on|land|(?<=\w )fall|be|on|is it|was it|will it be|(?<!from )(?<!after )(?<!before )today"
    r"|going to be|gonna be|happen|start|begin|in the calendar|this time|comes?|come around|come up|roll around|arrives?"
    r"|occurs?|(?:(?:day|month|year|weekday),? (?:and )?)+(?:day|month|year|weekday))\b)+$"
)
_VERB_BEFORE_YEAR = re.compile(
    r" (?:(?:fall|falls|land|lands|be) on|on|be|fall|falls|land|lands|come|comes|arrive|arrives)"
    r"(?= (?:(?:this|next|last) year|in \d{4}|\d+ years? from now)$)"
)


def calendar_fact(clean: str) -> Slots | None:
    """The week number, whether a year is a leap year, how many days a month or year has, whether a day is a holiday."""
    if match := first_match(_IS_IT_A_HOLIDAY, clean):
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
        return {"action": "days_in", **_period(match)}
    if match := _WEEKDAYS_IN.search(clean):
        weekday = WEEKDAYS[[d.lower() for d in WEEKDAYS].index(match["weekday"])]
        return {"action": "weekdays_in", "weekday": weekday, **_period(match)}
    return None


def _period(match: re.Match[str]) -> Slots:
    """The month or year a question names: {"month": 5}, {"months_ahead": 1}, {"year": 2027}, {"years_ahead": 0}."""
    what, year = match["what"], int(match["year"]) if match["year"] else None
    if what.isdigit():
        return {"year": int(what)}
    if what.endswith("year"):
        return {"years_ahead": {"next": 1, "last": -1}.get(what.split()[0], 0)}
    if what.endswith("month"):
        return {"months_ahead": {"next": 1, "last": -1}.get(what.split()[0], 0)}
    return {"month": [m.lower() for m in MONTHS].index(what) + 1, **({"year": year} if year else {})}


def day_question(clean: str, text: str, now: datetime, said_day: str | None = None) -> tuple[bool, Slots | None]:
    """Whether the text asks about a day, and if so its slots: None when the day cannot be made out. ``said_day`` is
    the day a template matched, if any."""
    if _DATE_AND_TIME.search(clean):
        return True, {"action": "datetime"}
    if _DATE_IN_NUMBERS.search(clean):
        asked, slots = day_question(_DATE_IN_NUMBERS.sub("", clean), text, now, said_day)
        return asked, slots and {**slots, "format": "numbers"} if slots and slots["action"] == "date" else slots
    if match := first_match(_WEEKDAY_CHECKS, clean):
        slots = _about_day("weekday", f"{match['after'] or ''}{match.groupdict().get('year') or ''}", match, now)
        slots = slots or _personal_day("weekday", text, clean, match, now)
        return True, slots if slots is None or slots["action"] == "ask" else {**slots, "check": match["weekday"].title()}
    if (match := _DATE_CHECK.search(clean)) and (checked := _dates_checked(match["days"], now)):
        return True, {"action": "date", "check": checked}
    questions = (
        ("days_since", _DAYS_SINCE_QUESTIONS),
        ("days_until", _DAYS_UNTIL_QUESTIONS),
        ("weekday", _WEEKDAY_QUESTIONS),
        ("date", _DATE_QUESTIONS),
    )
    for action, patterns in questions:
        if match := first_match(patterns, clean):
            phrase = said_day or _day_phrase(match)
            if not phrase and "tense" in match.groupdict():
                return False, None
            if not phrase and match.start() > 0:
                before = _about_day(action, _day_phrase_before(clean[: match.start()]), match, now)
                if before is not None:
                    return True, before
            slots = _about_day(action, phrase, match, now) or _personal_day(action, text, clean, match, now)
            return slots is not None or "tentative" not in match.groupdict(), slots
    return False, None


def _dates_checked(said: str, now: datetime) -> list[str] | None:
    days = [parse_day(day, now.date(), now.tzinfo or ZoneInfo("UTC")) for day in re.split(r" or (?:is it )?", said)]
    return [found[0].isoformat() for found in days if found] if all(days) else None


def _personal_day(action: str, text: str, clean: str, question: re.Match[str], now: datetime) -> Slots | None:
    """A day only the user knows ("my birthday", "our anniversary"): its date when they said it ("my birthday is on
    march 4th, what day is that"), else a question for it rather than a guess."""
    match = _PERSONAL_DAY.search(text.lower().replace("’", "'").replace("'", ""))
    if match is None or (match["leave"] and action not in ("days_until", "days_since")):
        return None
    whose = {"my": "your", "our": "your", "your": "my"}.get(match["whose"], match["whose"])
    if whose not in ("your", "my", "his", "her", "their"):
        whose = "that"
    if said := _SAID_DATE.search(clean):
        slots = _about_day(action, said["date"], question, now)
        if slots is not None and slots.get("date"):
            return {**slots, "day": f"{whose} {match['what']}"}
    return ask(f"I don't know the date of {whose} {match['what']}: which day is it?")


def _about_day(action: str, phrase: str, match: re.Match[str], now: datetime) -> Slots | None:
    groups = match.groupdict()
    unit = groups.get("unit")
    extra = {"unit": unit} if unit and unit not in ("days", "sleeps", "nights") else {}
    if not phrase and action not in ("days_until", "days_since"):
        return {"action": action, **extra}
    past = action == "days_since" or groups.get("tense") in ("was", "did")
    found = parse_day(phrase, now.date(), now.tzinfo or ZoneInfo("UTC"), past=past)
    if found is None:
        return None
    day, label = found
    if day == now.date() and action in ("date", "weekday"):
        return {"action": action, **extra}
    if action == "weekday" and WEEKDAYS[day.weekday()].lower() in label.lower():
        action = "date"
    return {"action": "days_until" if action == "days_since" else action, "date": day.isoformat(), "day": label, **extra}


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
