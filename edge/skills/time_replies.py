"""The spoken answers to questions about the time, here or in other places: the time now or a while from now,
a time converted between places, a place's time zone, how far apart two places' clocks are, how long until a time."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, time, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from edge.errors import InputError
from edge.skills.base import Slots
from edge.skills.spoken import WEEKDAYS, capitalized, spoken_date, spoken_duration, spoken_time

Reply = Callable[[Slots, datetime], tuple[str, dict[str, Any]]]
"""The spoken sentence for a request's slots at a moment, and its structured data."""


def zone_info(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError(f"{name!r} is not a time zone", "pass the slots TimeSkill.parse returned") from None


def _where(end: Mapping[str, Any] | None, now: datetime) -> tuple[tzinfo, str]:
    """The zone of one end of a conversion and how to say "in" it: "in Alabama", "Eastern Time", "here"."""
    if end is None:
        return now.tzinfo or ZoneInfo("UTC"), "here"
    name = str(end["place"])
    return zone_info(str(end["zone"])), name if end.get("zone_named") else f"in {name}"


def _time_reply(slots: Slots, now: datetime) -> tuple[str, dict[str, Any]]:
    if slots.get("minutes"):
        minutes = int(slots["minutes"])
        then = now + timedelta(minutes=minutes)
        span = spoken_duration(abs(minutes) * 60)
        said = f"In {span} it will be" if minutes > 0 else f"{capitalized(span)} ago it was"
        return f"{said} {spoken_time(then, now)}.", {"time": then.isoformat()}
    if slots.get("format") == "24h":
        return f"It's {now:%H:%M}.", {"time": now.isoformat()}
    if slots.get("check"):
        return _time_check_reply(slots, now)
    if not slots.get("zone"):
        return f"It's {spoken_time(now)}.", {"time": now.isoformat()}
    zone, where = _where(slots, now)
    there = now.astimezone(zone)
    weekday = "" if there.date() == now.date() else f" on {WEEKDAYS[there.weekday()]}"
    if slots.get("zone_named"):
        return f"It's {spoken_time(there)} {where}{weekday}.", {"time": there.isoformat(), "zone": slots["zone"]}
    return f"{capitalized(where)} it's {spoken_time(there)}{weekday}.", {
        "time": there.isoformat(),
        "zone": slots["zone"],
    }


_ABOUT_MINUTES = 10
"""How near a time "is it noon" counts as noon."""


def _time_check_reply(slots: Slots, now: datetime) -> tuple[str, dict[str, Any]]:
    """ "Yes, it's 7:42 PM."; at a place: "No, in Paris it's 11:39 PM." """
    zone, where = _where(slots if slots.get("zone") else None, now)
    there = now.astimezone(zone)
    asked = time.fromisoformat(str(slots["check"]))
    minutes = there.hour * 60 + there.minute - (asked.hour * 60 + asked.minute)
    compared = slots.get("compared", "after")
    if compared == "at":
        halves = (0, 720) if slots.get("either_half") else (0,)
        yes = any(abs((minutes - half + 720) % 1440 - 720) <= _ABOUT_MINUTES for half in halves)
    else:
        yes = minutes < 0 if compared == "before" else minutes >= 0
    said = f"it's {spoken_time(there)}" if where == "here" else f"{where} it's {spoken_time(there)}"
    if slots.get("zone_named"):
        said = f"it's {spoken_time(there)} {where}"
    return f"{'Yes' if yes else 'No'}, {said}.", {"time": there.isoformat()}


def _datetime_reply(slots: Slots, now: datetime) -> tuple[str, dict[str, Any]]:
    zone, where = _where(slots if slots.get("zone") else None, now)
    there = now.astimezone(zone)
    said = f"{spoken_time(there)} on {spoken_date(there.date())}"
    if not slots.get("zone"):
        return f"It's {said}.", {"time": now.isoformat()}
    if slots.get("zone_named"):
        return f"It's {said} {where}.", {"time": there.isoformat()}
    return f"{capitalized(where)} it's {said}.", {"time": there.isoformat()}


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
    who = f"{capitalized(str(slots['place']))} is" if slots.get("zone") else "You're"
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
        return f"{first} and {second if second == 'you' else capitalized(second)} keep the same time.", {"seconds": 0}
    way = "ahead of" if seconds > 0 else "behind"
    return f"{capitalized(first)} is {spoken_duration(abs(seconds))} {way} {second}.", {"seconds": seconds}


def _until_reply(slots: Slots, now: datetime) -> tuple[str, dict[str, Any]]:
    at = datetime.fromisoformat(str(slots["at"]))
    seconds = max(0.0, (at - now).total_seconds())
    span = spoken_duration(round(seconds / 60) * 60) if seconds >= 60 else "less than a minute"
    said = spoken_time(at) if seconds < 86400 else spoken_time(at, now)
    return f"{capitalized(said)} is in {span}.", {"seconds": seconds}


TIME_REPLIES: dict[str, Reply] = {
    "time": _time_reply,
    "datetime": _datetime_reply,
    "convert": _convert_reply,
    "zone": _zone_reply,
    "difference": _difference_reply,
    "until": _until_reply,
}
