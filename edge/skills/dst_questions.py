"""Whether daylight saving time is in effect, here or in a place, and when the clocks change next: "is it daylight
saving time", "are we on summer time in london"."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from edge.skills import places
from edge.skills.base import Slots
from edge.skills.spoken import capitalized, spoken_date
from edge.skills.time_replies import zone_info

_DST = re.compile(r"\b(?:daylight sav(?:ing|ings)(?: time)?|dst|summer time|standard time)\b")
_ASKS_NOW = re.compile(r"^(?:is|are|do|does|am)\b")
_ASKS_WHEN = re.compile(r"\b(?:when|what date|what day|starts?|ends?|begins?|changes?|how long)\b")
_IN_PLACE = re.compile(r"\b(?:in|at|for) (?P<place>[a-z .'-]+?)(?: (?:now|right now|currently|today|at the moment|yet|still))*$")
_DAY_S = 86_400
_HORIZON_DAYS = 400


def dst_question(clean: str) -> Slots | None:
    """Whether ``clean`` asks if daylight saving time is in effect now (not when it starts or ends)."""
    if not _DST.search(clean) or not _ASKS_NOW.match(clean) or _ASKS_WHEN.search(clean):
        return None
    if (match := _IN_PLACE.search(clean)) and not _DST.search(match["place"]) and (place := places.find_place(match["place"])):
        return {"action": "dst", "place": place.name, "zone": place.zone}
    return {"action": "dst"}


def dst_reply(slots: Slots, now: datetime) -> tuple[str, dict[str, Any]]:
    """ "Yes, you're on daylight saving time until Sunday, November 7, 2027." / "No, London is on standard time;
    daylight saving time starts Sunday, March 28, 2027." """
    zone = zone_info(str(slots["zone"])) if slots.get("zone") else None
    where = capitalized(str(slots["place"])) if zone else "you"
    are = "is" if zone else "are"
    subject = f"{where} {are}" if zone else "you're"

    def offset(ts: float) -> float:
        return datetime.fromtimestamp(ts, zone).utcoffset().total_seconds() if zone else time.localtime(ts).tm_gmtoff  # type: ignore[union-attr]

    ts = now.timestamp()
    in_effect = bool(datetime.fromtimestamp(ts, zone).dst()) if zone else time.localtime(ts).tm_isdst > 0
    change = _next_change(ts, offset)
    if change is None:
        text = f"{where if zone else 'Your time zone'} doesn't use daylight saving time."
        return text, {"dst": in_effect}
    day = (datetime.fromtimestamp(change, zone) if zone else datetime.fromtimestamp(change)).date()
    if in_effect:
        text = f"Yes, {subject} on daylight saving time until {spoken_date(day)}."
    else:
        text = f"No, {subject} on standard time; daylight saving time starts {spoken_date(day)}."
    return text, {"dst": in_effect, "next_change": day.isoformat()}


def _next_change(ts: float, offset: Callable[[float], float]) -> float | None:
    """The moment, to the minute, the UTC offset next changes after ``ts``; None within the next 400 days."""
    here = offset(ts)
    for days in range(1, _HORIZON_DAYS):
        if offset(ts + days * _DAY_S) != here:
            low, high = ts + (days - 1) * _DAY_S, ts + days * _DAY_S
            while high - low > 60:
                middle = (low + high) / 2
                low, high = (middle, high) if offset(middle) == here else (low, middle)
            return high
    return None
