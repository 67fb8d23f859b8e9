"""Sunrise, sunset, dawn, dusk and the length of the day, here or in a place, computed offline with astral from the
place's coordinates: "when is sunset", "what time does the sun come up in oslo tomorrow", "how much daylight today".

"Here" is the city this machine's time zone is named after; with no such city (UTC), the user is asked where."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from edge.skills import places
from edge.skills.base import Slots
from edge.skills.days import parse_day
from edge.skills.spoken import spoken_duration, spoken_time
from edge.skills.time_phrases import ask
from edge.skills.time_replies import zone_info

_EVENTS = (
    ("sunrise", re.compile(r"\b(?:sun ?rise|sun ?up|the sun (?:rise|rises|come up|comes up|get up|gets up))\b")),
    ("sunset", re.compile(r"\b(?:sun ?set|sun ?down|the sun (?:set|sets|go down|goes down))\b")),
    ("dawn", re.compile(r"\b(?:dawn|daybreak|first light)\b")),
    ("dusk", re.compile(r"\b(?:dusk|twilight|nightfall|it gets dark|does it get dark|last light)\b")),
    ("daylight", re.compile(
        r"\b(?:how (?:much|many hours of) (?:day ?light|sun ?light|sun)|how long is the day|length of the day|day length)\b"
    )),
)  # fmt: skip
_ASKS = re.compile(r"^(?:when|what times?|at what time|how|is|are|does|do|will|what is|what are|tell me|time of)\b")
_DAY = re.compile(
    r"\b(?:on )?(?P<day>today|tonight|this (?:evening|morning)|tomorrow(?: (?:morning|evening|night))?|yesterday"
    r"|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|the \d{1,2}(?:st|nd|rd|th)?)\b"
)
_BY_THE_SUN = re.compile(r"\b(?:after|before|until|till|at|by|around|from|since|past|during) (?:the )?$")
"""The sun as a moment something else is timed by: "will there be fog after sunset"."""
_IN_PLACE = re.compile(r"\b(?:in|at|for|over) (?P<place>[a-z .'-]+?)(?: (?:be|today|tonight|tomorrow|now))*$")
_WORD = {"sunrise": "Sunrise", "sunset": "Sunset", "dawn": "Dawn", "dusk": "Dusk"}


def sun_question(clean: str) -> Slots | None:
    """When the sun rises or sets, when dawn or dusk is, or how long the day is, on a day, here or in a place."""
    said = next(((name, m) for name, pattern in _EVENTS if (m := pattern.search(clean))), None)
    if said is None or not (_ASKS.match(clean) or said[1].start() == 0) or _BY_THE_SUN.search(clean[: said[1].start()]):
        return None
    event = said[0]
    day = _DAY.search(clean)
    rest = _DAY.sub("", clean).strip()
    slots: dict[str, Any] = {
        "action": "sun",
        "event": event,
        "day": re.sub(r"^this | (?:morning|evening|night)$", "", day["day"]) if day else "today",
    }
    if (match := _IN_PLACE.search(rest)) and not any(p.search(match["place"]) for _, p in _EVENTS):
        place = places.find_place(match["place"])
        if place is None:
            return ask(f"I don't know where {match['place'].strip()} is: which city do you mean?")
    else:
        place = places.home()
        if place is None:
            return ask(f"{_WORD.get(event, 'Daylight')} where? Tell me the city.")
    where = place.coordinates or (city.coordinates if (city := places.zone_city(place.zone)) else None)
    if where is None:
        return ask(f"Which city in {place.name} do you mean?")
    return slots | {"place": place.name, "zone": place.zone, "latitude": where[0], "longitude": where[1]}


def sun_reply(slots: Slots, now: datetime) -> tuple[str, dict[str, Any]]:
    """ "Sunset in Paris is at 5:53 PM today." / "Oslo has 6 hours and 5 minutes of daylight tomorrow." """
    from astral import Observer, sun

    zone = zone_info(str(slots["zone"]))
    local_now = now.astimezone(zone)
    day, said = parse_day(str(slots.get("day", "today")), local_now.date(), zone) or (local_now.date(), "today")
    place, event, when = str(slots["place"]), str(slots["event"]), _when(said)
    observer = Observer(latitude=float(slots["latitude"]), longitude=float(slots["longitude"]))
    data: dict[str, Any] = {"event": event, "day": day.isoformat()}
    try:
        if event == "daylight":
            rise, set_ = sun.daylight(observer, date=day, tzinfo=zone)
            seconds = round((set_ - rise).total_seconds() / 60) * 60
            return f"{place} has {spoken_duration(seconds)} of daylight {when}.", data | {"seconds": seconds}
        moment: datetime = getattr(sun, event)(observer, date=day, tzinfo=zone)
    except ValueError:
        up = sun.elevation(observer, datetime(day.year, day.month, day.day, 12, tzinfo=zone)) > 0
        return _no_event(place, event, when, up), data
    tense = "was" if moment < now else "is"
    return f"{_WORD[event]} in {place} {tense} at {spoken_time(moment)} {when}.", data | {"at": moment.isoformat()}


def sun_event(text: str) -> str | None:
    """The sunrise, sunset, dawn or dusk ``text`` names, if any."""
    return next((name for name, pattern in _EVENTS if name in _WORD and pattern.search(text)), None)


def next_sun_time(text: str, now: datetime, offset_s: float | None = None) -> datetime | None:
    """The next sunrise, sunset, dawn or dusk here that a request names as its time ("wake me up at dawn"), or
    ``offset_s`` before or after it ("half an hour before sunrise"); None without one, or without a city for this
    device's zone."""
    event = sun_event(text)
    side = re.search(r"\b(before|after)\b", text)
    if event is None or bool(side) != bool(offset_s):
        return None
    place = places.home()
    if place is None or place.coordinates is None:
        return None
    from astral import Observer, sun

    zone = zone_info(place.zone)
    observer = Observer(latitude=place.coordinates[0], longitude=place.coordinates[1])
    shift = timedelta(seconds=(offset_s or 0) * (-1 if side and side[1] == "before" else 1))
    today = now.astimezone(zone).date()
    for days in range(3):
        try:
            moment: datetime = getattr(sun, event)(observer, date=today + timedelta(days=days), tzinfo=zone) + shift
        except ValueError:
            continue
        if moment > now:
            return moment
    return None


def _when(said: str) -> str:
    return said if said in ("today", "tonight", "tomorrow", "yesterday") else f"on {said}"


def _no_event(place: str, event: str, when: str, up_at_noon: bool) -> str:
    """Polar day or night, or a summer night that never gets dark enough for dawn and dusk."""
    if event in ("dawn", "dusk"):
        return (
            f"There is no {event} in {place} {when}: it does not get dark enough."
            if up_at_noon
            else f"The sun does not rise in {place} {when}."
        )
    stays = "does not set" if up_at_noon else "does not rise"
    if event == "daylight":
        return f"{place} has {'24 hours of daylight' if up_at_noon else 'no daylight'} {when}: the sun {stays}."
    return f"The sun {stays} in {place} {when}."
