"""Questions about other places: the time or the date there, a time converted from one place to another, how far
apart two places' clocks are, and which time zone a place (or the device) is on."""

from __future__ import annotations

import re
from typing import Any

from edge.skills import places
from edge.skills.base import Slots
from edge.skills.spoken import parse_time_of_day
from edge.skills.time_phrases import IS_IT_TIME, TIME_OF_DAY, ask, first_match
from edge.skills.time_questions import time_check

_PLACE = r"(?:the )?(?P<{}>[a-z][a-z0-9 ]*?)"
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
            rf"(?:\b(?:if|when|at) {_IT_IS}|^(?:it is|its) ){TIME_OF_DAY} (?:{_AT} )?{_place('source')}(?: time)?,?"
            rf" (?:then |so )?{_WHAT_TIME_THERE} (?:{_AT} )?{_place('target')}$"
        ),
        True,
    ),
    (
        re.compile(
            rf"\b{_WHAT_TIME_THERE} {_AT} {_place('target')}"
            rf" (?:if|when) {_IT_IS}{TIME_OF_DAY}"
            rf" (?:{_AT} )?{_place('source')}$"
        ),
        True,
    ),
    (
        re.compile(
            rf"\b{_WHAT_TIME_THERE} {_AT} {_place('target')} (?:if|when) {_place('source')}(?:'s)?(?: time)? (?:is|says)"
            rf" {TIME_OF_DAY}$"
        ),
        True,
    ),
    (
        re.compile(
            rf"\b(?:convert|change|translate|switch) {TIME_OF_DAY} (?:from |in )?{_place('source')}"
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
    (re.compile(rf"\bwhat (?:time )?is {TIME_OF_DAY} (?:in )?{_place('source')} (?:in|to|for) {_place('target')}$"), False),
    (
        re.compile(
            rf"^{TIME_OF_DAY} (?:in )?{_place('source')}(?: time)? (?:is what(?: time)?|is|equals|to|in) (?:in )?"
            rf"{_place('target')}$"
        ),
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
    r"^(?:(?:can|could|would|will) you |i (?:want|need|would like|'d like) (?:you )?to |lets |let us |please )*"
    rf"(?:switch|change|set|move|put|convert|adjust|update)(?: me| it| us)?(?: over)?(?: (?:my|the|our))?"
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
    r"\b(?:time|hour(?= is it)) (?:is it |it is |is |would it be |will it be |is set to |set to |now |right now |currently )*"
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
    r"\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|morning|afternoon|evening|night|advance|moment|while"
    r"|bit|future|present|past|format|clock|phone)\b"
)
"""What follows "the time of/in" that is no place: "the time of day" is not Dayton's."""
_IS_IT_TIME_THERE = re.compile(rf"^{IS_IT_TIME} (?:in|over in|at) {_place('place')}(?: yet| now| right now| already)?$")
_LOOSE_TIME_AT_PLACE = (
    re.compile(r"\bwhat time is it (?:now |right now )?(?:in )?(?P<place>[a-z][a-z ]*?)(?: right now| now)?$"),
    re.compile(
        r"\bwhat is the (?:current |local )?time (?:now |right now )?(?:in )?(?P<place>[a-z][a-z ]*?)(?: right now| now)?$"
    ),
    re.compile(r"^in (?:the )?(?P<place>[a-z][a-z ]*?),? what (?:time is it|is the time)(?: now| right now)?$"),
    re.compile(
        r"^(?:is it|it is|is it still|is it already) (?:morning|afternoon|evening|night|nighttime|night time|daytime|day time"
        r"|day|dark|light|late|early|lunchtime|lunch time|bedtime)(?: yet| now| right now| already)? (?:in|over in) "
        r"(?:the )?(?P<place>[a-z][a-z ]*?)(?: yet| now| right now| already)?$"
    ),
    re.compile(
        r"^(?:(?:what is|tell me|give me|show me|display) )?(?:the )?(?:current |exact )?(?P<place>[a-z][a-z ]*?)"
        r" (?:current |local |exact )?time(?: now| right now| please)?$"
    ),
    re.compile(r"^(?:the )?(?:current |local )?time (?:now |right now )?(?:in |at |for )?(?P<place>[a-z][a-z ]*?)$"),
    re.compile(r"^what hour(?: of the day)? is it (?:now |right now )?(?:in|at) (?P<place>[a-z][a-z ]*?)(?: now| right now)?$"),
)
_NOT_PLACES = frozenset(
    {"sunrise", "sunset", "spring", "summer", "winter", "fall", "autumn", "reading", "bed", "dinner", "lunch"}
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
    re.compile(rf"^(?:the )?(?:current |todays )?(?P<what>date) (?:in|at) {_place('place')}(?: now| right now| today)?$"),
)


def conversion(clean: str) -> Slots | None:
    """ "if it's 10 pm in california what time is it in alabama", "convert 3 pm eastern to pacific"."""
    found = next(((m, sure) for pattern, sure in _CONVERSIONS if (m := pattern.search(clean))), None)
    if found is None:
        return None
    match, sure = found
    moment = None if match["time"] == "time" else parse_time_of_day(match["time"])
    if moment is None and match["time"] != "time":
        return None
    ends = _ends(match["source"], match["target"])
    if isinstance(ends, str):
        return _unknown_place(ends) if sure and _CLEAR_TIME.search(match["time"]) else None
    source, target = ends
    if source is None and target is None:
        return None
    said = {"time": moment.strftime("%H:%M")} if moment else {}
    return {"action": "convert", **said, "from": source, "to": target}


def difference(clean: str) -> Slots | None:
    """ "what's the time difference between london and new york", "how many hours ahead is tokyo"."""
    match = first_match(_DIFFERENCES, clean)
    if match is None:
        return None
    ends = _ends(match["first"], match.groupdict().get("second"))
    if isinstance(ends, str):
        return _unknown_place(ends)
    first, second = ends if ends[0] else (ends[1], ends[0])
    return {"action": "difference", "first": first, "second": second} if first else None


def zone_question(clean: str) -> Slots | None:
    """ "what time zone am i in", "what time zone is chicago in", "switch to eastern time zone" (the time there)."""
    if _MY_ZONE.search(clean):
        return {"action": "zone"}
    if _SET_ZONE_ALONE.search(clean):
        return {"action": "zone", "change": True}
    if match := first_match(_ZONES_OF_PLACES, clean):
        place = places.find_place(match["place"])
        if place is None:
            return _zone_by_keywords(clean) or _unknown_place(match["place"])
        return {"action": "zone", **_place_slots(place)}
    if (match := _SET_ZONE.search(clean)) and (place := places.find_place(match["place"])):
        return {"action": "time", **_place_slots(place)}
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
    return {"action": "zone", **_place_slots(place)} if place else None


def time_in_place(clean: str) -> Slots | None:
    """ "what time is it in orlando florida", "current time in japan", "what time is it cet", "what is tokyo time",
    "is it noon in paris"."""
    if (match := _IS_IT_TIME_THERE.search(clean)) and (place := places.find_place(match["place"])):
        checked = time_check(match)
        return {**checked, **_place_slots(place)} if checked else None
    if (match := _TIME_IN_PLACE.search(clean)) and not _KIND_OF_TIME.search(clean[: match.start()].rstrip()):
        if _NOT_A_PLACE.search(match["place"]):
            return None
        if _HERE.fullmatch(match["place"]) and match["preposition"] in ("in", "at", "over in", "out in", "down in", "up in"):
            return {"action": "time"}
        if place := places.find_place(match["place"]) or _place_after_in(match["place"]):
            return {"action": "time", **_place_slots(place)}
        if match["preposition"] in ("in", "at") and not re.search(r"\d", match["place"]):
            return _unknown_place(match["place"])
        return None
    for pattern in _LOOSE_TIME_AT_PLACE:
        if (match := pattern.search(clean)) and match["place"] not in _NOT_PLACES:
            if place := places.find_place(match["place"], alternate_names=False) or _possessive(match["place"]):
                return {"action": "time", **_place_slots(place)}
    return None


def _possessive(phrase: str) -> places.Place | None:
    """ "bostons current time": the apostrophe went with the punctuation."""
    return places.find_place(phrase[:-1], alternate_names=False) if phrase.endswith("s") else None


def _place_after_in(phrase: str) -> places.Place | None:
    """ "my sister in london": the place after the last "in"."""
    _, found, after = phrase.rpartition(" in ")
    return places.find_place(after) if found else None


def date_in_place(clean: str) -> Slots | None:
    """ "what date is it in london", "what day is it in sydney", "is it tomorrow in japan"."""
    match = first_match(_DATE_IN_PLACE, clean)
    if match is None or not (place := places.find_place(match["place"])):
        return None
    if " and " in match["what"]:
        return {"action": "datetime", **_place_slots(place)}
    action = {"day": "weekday", "tomorrow": "date", "yesterday": "date"}.get(match["what"], "date")
    return {"action": action, "there": True, **_place_slots(place)}


def _ends(*names: str | None) -> list[dict[str, Any] | None] | str:
    """The slots of each place named, None for here; or the first name that is no place known."""
    ends: list[dict[str, Any] | None] = []
    for name in names:
        if name is None or _HERE.fullmatch(name):
            ends.append(None)
        elif place := places.find_place(name):
            ends.append(_place_slots(place))
        else:
            return name
    return ends


def _place_slots(place: places.Place) -> dict[str, Any]:
    """The place as it is said back, and its zone."""
    return {"place": place.name, "zone": place.zone} | ({"zone_named": True} if place.is_zone else {})


def _unknown_place(name: str) -> Slots:
    return ask(f"I don't know the time zone of {name.strip()}: which city or time zone do you mean?")
