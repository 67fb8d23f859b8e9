"""Generate English training sentences for edge's intent head.

One label per route of edge's router (``LABELS``). Sentences of the skills Home Assistant
knows (timer, time, weather, device, and lists under notes) come from the English templates
of ``home-assistant-intents`` (Apache-2.0), parsed with ``hassil`` (Apache-2.0), with every
slot filled from wide value pools. Those templates are narrow for some skills
(HassGetCurrentTime has 11 expansions, HassGetWeather only "what is the weather like in X"),
so extra templates widen them and are the only source of the labels HA has no intents for
(math, status, knowledge, unsupported, notes and reminders); ``--no-extra`` drops the groups
of labels HA covers. ``chat`` mixes the first turns of ``chatterbot-corpus`` (BSD-3-Clause)
with its templates; ``complex`` mixes the corpus's coding.yml with its templates.

The data is hassil YAML in scripts/intent_templates/: one file of templates per label
(``<label>.yaml``, edge_* / chat_* / complex_* groups), the value lists (``_common.yaml``),
values in pairs or groups (``_tables.yaml``) and the labels with their HA intents and
weights (``_labels.yaml``). This module holds the pools that compute values (durations,
clock times, arithmetic...) and the sampling.

    python scripts/intent_data.py --out intents.csv [--seed 0] [--per-label 800] [--no-extra]

Nothing here reads the evaluation data (../shared/eval), which is kept for evaluation.
"""

from __future__ import annotations

import argparse
import csv
import importlib.metadata
import importlib.resources
import random
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from hassil import (
    Alternative,
    Expression,
    Intents,
    ListReference,
    Permutation,
    RangeSlotList,
    RuleReference,
    Sentence,
    Sequence,
    SlotList,
    TextChunk,
    TextSlotList,
    WildcardSlotList,
    normalize_whitespace,
    parse_sentence,
)
from hassil.numbers import get_rbnf_engine
from home_assistant_intents import get_intents

LANGUAGE = "en"
DEFAULT_PER_LABEL = 1600
MAX_CONSECUTIVE_MISSES = 200
TEMPLATES_DIR = Path(__file__).resolve().parent / "intent_templates"


def _load(name: str) -> dict[str, Any]:
    return yaml.safe_load((TEMPLATES_DIR / name).read_text(encoding="utf-8"))


_LABELS_FILE = _load("_labels.yaml")
LABELS: tuple[str, ...] = tuple(_LABELS_FILE["labels"])
LABEL_DESCRIPTIONS: dict[str, str] = {label: spec["description"] for label, spec in _LABELS_FILE["labels"].items()}
HA_INTENT_LABELS: dict[str, str] = {
    intent: label for label, spec in _LABELS_FILE["labels"].items() for intent in spec.get("home_assistant_intents", ())
}
"""Home Assistant intent name -> edge label. Intents absent here are not used."""
DROPPED_HA_INTENTS: dict[str, str] = _LABELS_FILE["unused_home_assistant_intents"]
SOURCE_WEIGHTS: dict[str, float] = _LABELS_FILE["weights"]
LABEL_ROWS: dict[str, float] = {label: float(spec.get("rows", 1.0)) for label, spec in _LABELS_FILE["labels"].items()}
"""Rows of a label as a multiple of ``per_label``: a label that covers more ground (chat) gets more."""
NAME_DOMAINS_BY_INTENT: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _LABELS_FILE["name_domains"].items()}

LISTS: dict[str, tuple[str, ...]] = {name: tuple(spec["values"]) for name, spec in _load("_common.yaml")["lists"].items()}
"""The value lists of _common.yaml, by name."""
_TABLES = _load("_tables.yaml")
TIMER_COMMANDS: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (command["pattern"], tuple(command["targets"])) for command in _TABLES["timer_commands"]
)
CONCEPT_PAIRS: tuple[tuple[str, str], ...] = tuple((a, b) for a, b in _TABLES["pairs"]["concept_pairs"])
DECISION_PAIRS: tuple[tuple[str, str], ...] = tuple((a, b) for a, b in _TABLES["pairs"]["decision_pairs"])
ANIMALS: tuple[tuple[str, str], ...] = tuple((singular, plural) for singular, plural in _TABLES["pairs"]["animals"])
UNITS: dict[str, tuple[tuple[str, str], ...]] = {
    dimension: tuple((singular, plural) for singular, plural in units) for dimension, units in _TABLES["units"].items()
}
MEASURE_ADJECTIVES: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _TABLES["measure_adjectives"].items()}


def template_groups() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Every template group of the label files, as key -> (label, sentences), in file order."""
    groups: dict[str, tuple[str, tuple[str, ...]]] = {}
    for label in LABELS:
        path = TEMPLATES_DIR / f"{label}.yaml"
        if path.exists():
            for key, intent in _load(path.name)["intents"].items():
                groups[key] = (label, tuple(s for data in intent["data"] for s in data["sentences"]))
    return groups


TEMPLATE_GROUPS = template_groups()
"""Templates beyond home-assistant-intents: phrasings it lacks for the skill labels it covers, and
every sentence of the labels it does not (math, status, knowledge, unsupported, most of notes, chat
and complex). hassil syntax, with the HA expansion rules (``<what_is>``...) and the lists as slots."""

QUESTION_STARTS = LISTS["question_starts"]
POLITE_PREFIXES = LISTS["polite_prefixes"]
IMPERATIVE_VERBS = frozenset(LISTS["imperative_verbs"])

CORPUS_PACKAGE = "chatterbot-corpus"
CORPUS_SKILL_WORDS = re.compile(
    r"\b(time|timer|timers|alarm|clock|date|today|tomorrow|weather|forecast|rain|snow|sunny|"
    r"temperature|degrees|turn on|turn off|switch|light|lights|lamp|volume|music|play|"
    r"shopping|list|buy|remind|reminder|minutes?|hours?|seconds?|news|hardware|memory|version|internet|"
    r"online|offline|e-?mail|call|phone|text|notes?|documents?|files?|manual|calculate|convert|percent)\b",
    re.IGNORECASE,
)
"""Corpus lines with these words are left out: they may belong to another label."""

CORPUS_FILE_LABELS: dict[str, str] = {"coding.yml": "complex"}
"""Label of a chatterbot-corpus file's first turns; files not named here are ``chat``."""

CORPUS_WEIGHTS: dict[str, float] = {"chat": 8.0, "complex": 1.0}

Pool = Callable[[random.Random], str]


@dataclass(frozen=True)
class Template:
    """A parsed sentence with what it needs to be rendered."""

    sentence: Sentence
    rules: Mapping[str, Sentence]
    lists: Mapping[str, SlotList]
    name_domains: tuple[str, ...] = ()


@dataclass
class Source:
    """A group of sentences drawn for one label: one HA intent, one extra group, or the corpus."""

    key: str
    label: str
    weight: float
    templates: tuple[Template, ...] = ()
    texts: tuple[str, ...] = ()
    misses: int = 0

    def draw(self, rng: random.Random, pools: Mapping[str, Pool]) -> str:
        if self.texts:
            return rng.choice(self.texts)
        template = rng.choice(self.templates)
        return render(template, rng, pools)


def _choice(values: tuple[str, ...]) -> Pool:
    return lambda rng: rng.choice(values)


def _number_words(value: int) -> str:
    words = get_rbnf_engine(LANGUAGE).format_number(value).text_by_ruleset["spellout-cardinal"]
    return words


def _number(rng: random.Random, value: int, p_words: float = 0.4) -> str:
    if rng.random() < p_words:
        words = _number_words(value)
        return words.replace("-", " ") if rng.random() < 0.3 else words
    return str(value)


def _count_with_unit(rng: random.Random, value: int, unit: str, abbreviations: tuple[str, ...]) -> str:
    if value == 1 and rng.random() < 0.6:
        return rng.choice(("a", "one", "1")) + " " + unit
    number = _number(rng, value)
    if rng.random() < 0.15:
        return f"{number} {rng.choice(abbreviations)}"
    return f"{number} {unit}s"


COMMON_MINUTES = (1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 25, 30, 35, 40, 45, 50, 90)
COMMON_TIMER_VALUES: dict[str, tuple[int, ...]] = {
    "timer_hours": (1, 1, 2, 2, 3, 4, 5, 6, 8, 10, 12, 24),
    "timer_minutes": COMMON_MINUTES,
    "timer_seconds": (5, 10, 15, 20, 30, 40, 45, 50, 60, 90),
}


def duration(rng: random.Random) -> str:
    """A spoken duration such as "ten minutes" or "2 hours and 5 minutes"."""
    kind = rng.random()
    if kind < 0.08:
        return rng.choice(LISTS["duration_phrases"])
    if kind < 0.55:
        minutes = rng.choice(COMMON_MINUTES) if rng.random() < 0.7 else rng.randint(1, 120)
        return _count_with_unit(rng, minutes, "minute", ("min", "mins"))
    if kind < 0.7:
        seconds = rng.choice((10, 15, 20, 30, 40, 45, 60, 90)) if rng.random() < 0.7 else rng.randint(5, 120)
        return _count_with_unit(rng, seconds, "second", ("sec", "secs"))
    if kind < 0.8:
        return _count_with_unit(rng, rng.randint(1, 12), "hour", ("hr", "hrs"))
    hours = _count_with_unit(rng, rng.randint(1, 5), "hour", ("hr", "hrs"))
    minutes = _count_with_unit(rng, rng.randint(1, 59), "minute", ("min", "mins"))
    if rng.random() < 0.2:
        seconds = _count_with_unit(rng, rng.randint(1, 59), "second", ("sec", "secs"))
        return f"{hours} {minutes} and {seconds}"
    return f"{hours}{rng.choice((' and ', ' '))}{minutes}"


def clock_time(rng: random.Random) -> str:
    hour = rng.randint(1, 12)
    minute = rng.choice((0, 0, 0, 15, 30, 45, rng.randint(0, 59)))
    suffix = rng.choice(("", " am", " pm", " a.m.", " p.m.", " in the morning", " tonight"))
    style = rng.random()
    if minute == 0 and style < 0.3:
        return f"{_number(rng, hour)} o'clock{suffix if 'm' not in suffix else ''}"
    if minute == 0 and style < 0.5:
        return "noon" if rng.random() < 0.5 else "midnight"
    if minute == 30 and style < 0.7:
        return f"half past {_number(rng, hour)}"
    if minute == 15 and style < 0.7:
        return f"quarter past {_number(rng, hour)}"
    if minute == 0:
        return f"{hour}{suffix}"
    return f"{hour}:{minute:02d}{suffix}"


def when(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return rng.choice(("on {}", "{}", "{} morning", "{} night")).format(rng.choice(LISTS["weekdays"]))
    return rng.choice(LISTS["when_phrases"])


def temperature_value(rng: random.Random) -> str:
    value = rng.choice((rng.randint(16, 26), rng.randint(60, 78)))
    return rng.choice((str(value), f"{value} degrees", _number_words(value), f"{_number_words(value)} degrees"))


def percent(rng: random.Random) -> str:
    value = rng.choice((10, 20, 25, 30, 40, 50, 60, 70, 75, 80, 90, 100, rng.randint(1, 100)))
    return rng.choice((f"{value}%", f"{value} percent", f"{_number_words(value)} percent"))


def timer_command(rng: random.Random) -> str:
    pattern, targets = rng.choice(TIMER_COMMANDS)
    target = rng.choice(targets)
    if rng.random() < 0.4:
        target = f"{rng.choice(LISTS['rooms'])} {target}"
    return pattern.format(target)


def fill(rng: random.Random, pattern: str) -> str:
    """A pool value with each ``{name}`` in it replaced by a value of ``PLACEHOLDERS[name]``."""
    return re.sub(r"\{(\w+)\}", lambda match: PLACEHOLDERS[match.group(1)](rng), pattern)


def _filled(values: tuple[str, ...]) -> Pool:
    return lambda rng: fill(rng, rng.choice(values))


def small_number(rng: random.Random) -> str:
    return _number(rng, rng.randint(2, 12), 0.5)


def decimal(rng: random.Random) -> str:
    whole, tenths = rng.randint(0, 500), rng.randint(1, 9)
    if rng.random() < 0.2:
        return f"{_number_words(whole)} point {_number_words(tenths)}"
    return f"{whole}.{tenths}" if rng.random() < 0.6 else f"{whole}.{rng.randint(10, 99)}"


def math_number(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.35:
        return _number(rng, rng.randint(2, 20), 0.35)
    if kind < 0.65:
        return _number(rng, rng.randint(21, 999), 0.2)
    if kind < 0.78:
        return _number(rng, rng.randint(1000, 99999), 0.1)
    if kind < 0.9:
        return decimal(rng)
    return rng.choice(LISTS["round_numbers"])


def arithmetic(rng: random.Random) -> str:
    """A spoken expression such as "234 times 7", sometimes typed with a symbol or a third term."""
    if rng.random() < 0.12:
        return f"{rng.randint(2, 999)} {rng.choice(LISTS['arith_symbols'])} {rng.randint(2, 999)}"
    expression = f"{math_number(rng)} {rng.choice(LISTS['arith_operators'])} {math_number(rng)}"
    if rng.random() < 0.15:
        expression += f" {rng.choice(LISTS['arith_operators'])} {small_number(rng)}"
    return expression


def number_list(rng: random.Random) -> str:
    numbers = [str(rng.randint(1, 120)) for _ in range(rng.randint(3, 6))]
    return ", ".join(numbers[:-1]) + " and " + numbers[-1]


def math_percent(rng: random.Random) -> str:
    value = rng.choice((5, 7.5, 10, 12, 12.5, 15, 18, 20, 22, 25, 30, 33, 40, 60, 75, 120, 150, rng.randint(1, 99)))
    return rng.choice((f"{value:g}%", f"{value:g} percent", f"{value:g} per cent"))


def money(rng: random.Random) -> str:
    amount = rng.choice((rng.randint(1, 99), rng.randint(10, 300), rng.randint(100, 5000)))
    style = rng.random()
    if style < 0.15:
        return f"${amount}"
    if style < 0.3:
        return f"{amount}.{rng.randint(10, 99)}"
    if style < 0.4:
        return f"{amount} dollars and {rng.randint(1, 99)} cents"
    return f"{_number(rng, amount, 0.2)} {rng.choice(LISTS['money_units'])}"


def _amount_of(rng: random.Random, unit: tuple[str, str]) -> str:
    kind = rng.random()
    if kind < 0.5:
        value = str(rng.choice((1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 50, 100, rng.randint(1, 1000))))
    elif kind < 0.68:
        value = _number_words(rng.randint(1, 20))
    elif kind < 0.85:
        value = f"{rng.randint(0, 50)}.{rng.randint(1, 9)}"
    else:
        value = rng.choice(("half a", "a quarter of a", "a", "one", "a couple of", "a few"))
    singular = value in ("1", "one", "a", "half a", "a quarter of a")
    return f"{value} {unit[0] if singular else unit[1]}"


def _unit_pair(rng: random.Random) -> tuple[str, tuple[str, str], tuple[str, str]]:
    dimension = rng.choice(tuple(UNITS))
    source, target = rng.sample(UNITS[dimension], 2)
    return dimension, source, target


def unit_conversion(rng: random.Random) -> str:
    _, source, target = _unit_pair(rng)
    return f"{_amount_of(rng, source)} {rng.choice(('to', 'in', 'into', 'in'))} {target[1]}"


def how_many_conversion(rng: random.Random) -> str:
    """What follows "how many" in a conversion question: "cups in a liter", "ounces is 2 pounds"."""
    _, source, target = _unit_pair(rng)
    verb = rng.choice(("in", "are in", "are there in", "make", "is", "in", "fit in", "go into"))
    article = "an" if source[0][0] in "aeiou" else "a"
    amount = f"{rng.choice((article, article, 'one', 'each'))} {source[0]}" if rng.random() < 0.4 else _amount_of(rng, source)
    return f"{target[1]} {verb} {amount}"


def measure_question(rng: random.Random) -> str:
    dimension, source, target = _unit_pair(rng)
    return f"how {rng.choice(MEASURE_ADJECTIVES[dimension])} is {_amount_of(rng, source)} in {target[1]}"


def temperature_conversion(rng: random.Random) -> str:
    source, target = rng.sample(LISTS["temperature_units"], 2)
    degrees = rng.choice(("", "degrees ", "degrees ", "minus "))
    return f"{rng.randint(0, 450)} {degrees}{source} {rng.choice(('in', 'to', 'into'))} {target}"


def ordinal_day(rng: random.Random) -> str:
    day = rng.randint(1, 31)
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return rng.choice((f"{day}{suffix}", f"the {day}{suffix}", str(day)))


def relative_day(rng: random.Random) -> str:
    return rng.choice(LISTS["relative_days"]).format(rng.choice(LISTS["weekdays"]))


def day_count(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return _count_with_unit(rng, rng.randint(1, 12), "week", ("wks",))
    return _count_with_unit(rng, rng.randint(2, 365), "day", ("days",))


def pin(rng: random.Random) -> str:
    digits = "".join(str(rng.randint(0, 9)) for _ in range(4))
    return " ".join(digits) if rng.random() < 0.3 else digits


def phone_number(rng: random.Random) -> str:
    groups = (3, 3, 4) if rng.random() < 0.7 else (4, 3, 4)
    return " ".join("".join(str(rng.randint(0, 9)) for _ in range(n)) for n in groups)


def long_text(rng: random.Random) -> str:
    return " ".join(rng.sample(LISTS["long_text_sentences"], rng.randint(1, 3)))


def _joined(pairs: tuple[tuple[str, str], ...], joiners: tuple[str, ...]) -> Pool:
    return lambda rng: f" {rng.choice(joiners)} ".join(rng.choice(pairs))


PLACEHOLDERS: dict[str, Pool] = {
    "word": _choice(LISTS["note_words"]),
    "number": lambda rng: str(rng.randint(2, 200)),
    "small": lambda rng: _number(rng, rng.randint(2, 9), 0.5),
    "pin": pin,
    "phone": phone_number,
    "letter": lambda rng: rng.choice("abcdefghjk"),
    "weekday": _choice(LISTS["weekdays"]),
    "month": _choice(LISTS["months"]),
    "day": ordinal_day,
    "ordinal": ordinal_day,
    "person": _choice(LISTS["people"]),
    "person_famous": _choice(LISTS["people_famous"]),
    "money": money,
    "hiding": _choice(LISTS["note_hiding_places"]),
    "clock": clock_time,
    "duration": duration,
    "when": when,
    "thing": _choice(LISTS["note_things"]),
    "room": _choice(LISTS["rooms"]),
    "topic": _choice(LISTS["topics"]),
    "item": _choice(LISTS["shopping_items"]),
    "food": _choice(LISTS["shopping_items"]),
    "bill": _choice(LISTS["bills"]),
    "color": _choice(LISTS["colors"]),
    "store": _choice(LISTS["stores"]),
    "city": _choice(LISTS["cities"]),
    "zone": _choice(LISTS["zones"]),
    "country": _choice(LISTS["countries"]),
    "restaurant": _choice(LISTS["restaurants"]),
    "subject": _choice(LISTS["subjects"]),
    "song": _choice(LISTS["search_queries"]),
    "company": _choice(LISTS["companies"]),
}
"""Values for the ``{name}`` placeholders inside list values (note_facts, bookings, plans...)."""


def _device_names() -> dict[str, tuple[str, ...]]:
    lights = tuple(f"{place} {noun}" for place in LISTS["light_places"] for noun in LISTS["light_nouns"])
    return {
        "light": lights,
        "switch": LISTS["switches"],
        "input_boolean": LISTS["switches"],
        "fan": LISTS["fans"],
        "cover": LISTS["covers"],
        "valve": LISTS["valves"],
        "lock": LISTS["locks"],
        "climate": LISTS["climate"],
        "media_player": LISTS["media_players"],
        "vacuum": LISTS["vacuums"],
        "lawn_mower": LISTS["mowers"],
        "scene": LISTS["scenes"],
        "script": LISTS["scripts"],
        "button": LISTS["buttons"],
        "input_button": LISTS["buttons"],
        "sensor": LISTS["sensors"],
        "binary_sensor": LISTS["binary_sensors"],
        "person": LISTS["people"],
        "weather": LISTS["cities"],
        "todo": LISTS["todo_list_names"],
    }


DEVICE_NAMES: dict[str, tuple[str, ...]] = _device_names()
ANY_DEVICE_DOMAINS: tuple[str, ...] = ("light", "light", "switch", "fan", "cover", "lock", "climate", "media_player", "vacuum")


def build_pools() -> dict[str, Pool]:
    """Values for every list a template may reference, HA wildcards and areas included."""
    all_devices = (
        tuple(name for domain in ("switch", "fan", "media_player", "climate", "vacuum") for name in DEVICE_NAMES[domain])
        + DEVICE_NAMES["light"][::4]
    )
    return {
        "area": _choice(LISTS["rooms"]),
        "floor": _choice(LISTS["floors"]),
        "zone": _choice(LISTS["zones"]),
        "message": _choice(LISTS["messages"]),
        "search_query": _choice(LISTS["search_queries"]),
        "timer_name": _choice(LISTS["timer_names"]),
        "timer_command": timer_command,
        "shopping_list_item": _choice(LISTS["shopping_items"]),
        "todo_list_item": _choice(LISTS["todo_items"]),
        "duration": duration,
        "clock_time": clock_time,
        "when": when,
        "weekday": _choice(LISTS["weekdays"]),
        "month": _choice(LISTS["months"]),
        "city": _choice(LISTS["cities"]),
        "percent": percent,
        "temperature_value": temperature_value,
        "todo_item": _choice(LISTS["todo_items"]),
        "todo_name": _choice(LISTS["todo_list_names"]),
        "shopping_item": _choice(LISTS["shopping_items"]),
        "light_name": _choice(DEVICE_NAMES["light"]),
        "device_name": _choice(all_devices),
        "lock_name": _choice(LISTS["locks"]),
        "cover_name": _choice(LISTS["covers"]),
        "media_name": _choice(LISTS["media_players"]),
        "vacuum_name": _choice(LISTS["vacuums"]),
        "concept": _choice(LISTS["concepts"]),
        "concept_pair": lambda rng: " and ".join(rng.choice(CONCEPT_PAIRS)),
        "concept_or": lambda rng: " or ".join(rng.choice(CONCEPT_PAIRS)),
        "concept_versus": lambda rng: rng.choice((" vs ", " versus ", " or ")).join(rng.choice(CONCEPT_PAIRS)),
        "famous_person": _choice(LISTS["people_famous"]),
        "howto": _choice(LISTS["howto_tasks"]),
        "topic": _choice(LISTS["topics"]),
        "media_kind": _choice(LISTS["media_kinds"]),
        "phrase": _choice(LISTS["phrases"]),
        "language": _choice(LISTS["languages"]),
        "mood": _choice(LISTS["moods"]),
        "food": _choice(LISTS["foods"]),
        "country": _choice(LISTS["countries"]),
        "device_noun": _choice(LISTS["device_nouns"]),
        "weather_phenomenon": _choice(LISTS["weather_phenomena"]),
        "alarm_name": _choice(LISTS["alarm_names"]),
        "alarm_day": _choice(LISTS["alarm_days"]),
        "holiday": _choice(LISTS["holidays"]),
        "relative_day": relative_day,
        "day_of_month": ordinal_day,
        "duration_days": day_count,
        "arith": arithmetic,
        "number": math_number,
        "small_number": small_number,
        "number_list": number_list,
        "decimal": decimal,
        "fraction": _choice(LISTS["fractions"]),
        "money": money,
        "math_percent": math_percent,
        "conversion": unit_conversion,
        "how_many_conversion": how_many_conversion,
        "measure_question": measure_question,
        "temperature_conversion": temperature_conversion,
        "note_fact": _filled(LISTS["note_facts"]),
        "note_topic": _choice(LISTS["note_topics"]),
        "reminder_task": _filled(LISTS["reminder_tasks"]),
        "reminder_time": _filled(LISTS["reminder_times"]),
        "person": _choice(LISTS["people"]),
        "assistant_part": _choice(LISTS["assistant_parts"]),
        "resource": _choice(LISTS["resources"]),
        "hardware": _choice(LISTS["hardware"]),
        "doc_kind": _choice(LISTS["doc_kinds"]),
        "doc_added": _choice(LISTS["doc_added"]),
        "doc_subject": _choice(LISTS["doc_subjects"]),
        "doc_topic": _choice(LISTS["doc_topics"]),
        "doc_question": _choice(LISTS["doc_questions"]),
        "kb_place": _choice(LISTS["kb_places"]),
        "appliance": _choice(LISTS["appliances"]),
        "manual_task": _choice(LISTS["manual_tasks"]),
        "manual_topic": _choice(LISTS["manual_topics"]),
        "contact": _choice(LISTS["contacts"]),
        "message_body": _choice(LISTS["message_bodies"]),
        "call_app": _choice(LISTS["call_apps"]),
        "message_app": _choice(LISTS["message_apps"]),
        "phone_number": phone_number,
        "online_store": _choice(LISTS["online_stores"]),
        "product": _choice(LISTS["products"]),
        "food_order": _choice(LISTS["food_orders"]),
        "restaurant": _choice(LISTS["restaurants"]),
        "booking": _filled(LISTS["bookings"]),
        "place": _filled(LISTS["places_to_go"]),
        "poi": _choice(LISTS["points_of_interest"]),
        "music_service": _choice(LISTS["music_services"]),
        "video_service": _choice(LISTS["video_services"]),
        "show": _choice(LISTS["shows"]),
        "social_network": _choice(LISTS["social_networks"]),
        "social_post": _choice(LISTS["social_posts"]),
        "company": _choice(LISTS["companies"]),
        "sports_team": _choice(LISTS["sports_teams"]),
        "news_topic": _choice(LISTS["news_topics"]),
        "crypto": _choice(LISTS["crypto"]),
        "currency_pair": _choice(LISTS["currency_pairs"]),
        "local_business": _choice(LISTS["local_businesses"]),
        "web_query": _filled(LISTS["web_queries"]),
        "payment_app": _choice(LISTS["payment_apps"]),
        "bill": _choice(LISTS["bills"]),
        "vocab_word": _choice(LISTS["vocab_words"]),
        "famous_work": _choice(LISTS["famous_works"]),
        "short_creation": _choice(LISTS["short_creations"]),
        "chat_help_task": _choice(LISTS["chat_help_tasks"]),
        "complex_help_task": _choice(LISTS["complex_help_tasks"]),
        "programming_language": _choice(LISTS["programming_languages"]),
        "code_artifact": _choice(LISTS["code_artifacts"]),
        "code_task": _choice(LISTS["code_tasks"]),
        "code_problem": _choice(LISTS["code_problems"]),
        "algorithm": _choice(LISTS["algorithms"]),
        "app_kind": _choice(LISTS["app_kinds"]),
        "long_writing": _choice(LISTS["long_writings"]),
        "recipient": _choice(LISTS["recipients"]),
        "issue": _choice(LISTS["issues"]),
        "word_count": lambda rng: rng.choice(("500", "1000", "two thousand", "300", "800", "five hundred")),
        "story_kind": _choice(LISTS["story_kinds"]),
        "essay_topic": _choice(LISTS["essay_topics"]),
        "job": _choice(LISTS["jobs"]),
        "occasion": _choice(LISTS["occasions"]),
        "puzzle": _choice(LISTS["puzzles"]),
        "theorem": _choice(LISTS["theorems"]),
        "probability_event": _choice(LISTS["probability_events"]),
        "decision_versus": _joined(DECISION_PAIRS, ("versus", "vs", "or", "compared to", "and")),
        "decision_or": _joined(DECISION_PAIRS, ("or",)),
        "decision_and": _joined(DECISION_PAIRS, ("and",)),
        "situation": _choice(LISTS["situations"]),
        "plan": _filled(LISTS["plans"]),
        "process_clause": _choice(LISTS["process_clauses"]),
        "long_text": long_text,
        "superlative": _choice(LISTS["superlatives"]),
        "trivia_thing": _choice(LISTS["trivia_things"]),
        "landmark": _choice(LISTS["landmarks"]),
        "historic_event": _choice(LISTS["historic_events"]),
        "discovery": _choice(LISTS["discoveries"]),
        "element": _choice(LISTS["elements"]),
        "countable_fact": _filled(LISTS["countable_facts"]),
        "animal": lambda rng: rng.choice(ANIMALS)[1],
        "animal_singular": lambda rng: rng.choice(ANIMALS)[0],
        "doc_owner": _choice(LISTS["doc_owners"]),
        "doc_plural": _choice(LISTS["doc_plurals"]),
        "artist": _choice(LISTS["artists"]),
        "song_title": _choice(LISTS["song_titles"]),
        "genre": _choice(LISTS["genres"]),
        "music_mood": _choice(LISTS["music_moods"]),
        "playlist": _choice(LISTS["playlists"]),
        "radio_station": _choice(LISTS["radio_stations"]),
        "audiobook": _choice(LISTS["audiobooks"]),
        "podcast": _choice(LISTS["podcasts"]),
        "game": _choice(LISTS["games"]),
        "currency": _choice(LISTS["currencies"]),
        "currency_plural": _choice(LISTS["currency_plurals"]),
        "email_topic": _choice(LISTS["email_topics"]),
        "contact_field": _choice(LISTS["contact_fields"]),
        "first_name": _choice(LISTS["first_names"]),
        "appliance_action": _choice(LISTS["appliance_actions"]),
        "drink": _choice(LISTS["drinks"]),
        "everyday_place": _choice(LISTS["everyday_places"]),
        "life_event": _choice(LISTS["life_events"]),
        "life_time": _choice(LISTS["life_times"]),
        "invitation": _choice(LISTS["invitations"]),
        "wish": _choice(LISTS["wishes"]),
        "family_member": _choice(LISTS["family_members"]),
        "celebrity": _choice(LISTS["celebrities"]),
        "fact": lambda rng: rng.choice(LISTS["question_facts"]).format(
            country=rng.choice(LISTS["countries"]), city=rng.choice(LISTS["cities"])
        ),
    }


def _range_value(rng: random.Random, ref: ListReference, slot_list: RangeSlotList) -> str:
    start, stop, step = slot_list.start, slot_list.stop, slot_list.step
    if ref.list_name == "timer_hours":
        stop = min(stop, 24)
    if ref.list_name in COMMON_TIMER_VALUES and rng.random() < 0.6:
        common = [m for m in COMMON_TIMER_VALUES[ref.list_name] if start <= m <= stop]
        value = rng.choice(common) if common else rng.randrange(start, stop + 1, step)
    else:
        value = rng.randrange(start, stop + 1, step)
    if slot_list.fraction_type is not None and value < stop and rng.random() < 0.15:
        return f"{value}.5"
    p_words = 0.0 if not slot_list.words else (1.0 if not slot_list.digits else 0.4)
    return _number(rng, value, p_words)


def _expand(expr: Expression, template: Template, rng: random.Random, pools: Mapping[str, Pool]) -> str:
    """Walk a hassil expression choosing one branch at random.

    hassil.sample.sample_expression enumerates the full product in template order
    (HassGetState alone expands to over a million skeletons before any slot value), so a
    cap on it keeps only the first alternatives; one random walk per sentence does not.
    """
    if isinstance(expr, TextChunk):
        return expr.original_text
    if isinstance(expr, Alternative):
        return _expand(rng.choice(expr.items), template, rng, pools)
    if isinstance(expr, Permutation):
        items = list(expr.items)
        rng.shuffle(items)
        return " ".join(_expand(item, template, rng, pools) for item in items)
    if isinstance(expr, Sequence):
        return "".join(_expand(item, template, rng, pools) for item in expr.items)
    if isinstance(expr, RuleReference):
        return _expand(template.rules[expr.rule_name].expression, template, rng, pools)
    if isinstance(expr, ListReference):
        return _list_value(expr, template, rng, pools)
    raise TypeError(f"unexpected hassil expression {type(expr).__name__}")


def _list_value(ref: ListReference, template: Template, rng: random.Random, pools: Mapping[str, Pool]) -> str:
    if ref.is_inline_range:
        bounds = ref.get_inline_range()
        assert bounds is not None
        return _number(rng, rng.randrange(bounds[0], bounds[1] + 1, bounds[2]))
    if ref.list_name == "name":
        domain = rng.choice(template.name_domains or ANY_DEVICE_DOMAINS)
        return rng.choice(DEVICE_NAMES.get(domain) or DEVICE_NAMES["switch"])
    if ref.list_name in pools:
        return pools[ref.list_name](rng)
    slot_list = template.lists.get(ref.list_name)
    if isinstance(slot_list, TextSlotList):
        value = rng.choice(slot_list.values)
        return _expand(value.text_in, template, rng, pools)
    if isinstance(slot_list, RangeSlotList):
        return _range_value(rng, ref, slot_list)
    if isinstance(slot_list, WildcardSlotList):
        raise KeyError(f"no value pool for wildcard list {{{ref.list_name}}}")
    raise KeyError(f"no values for list {{{ref.list_name}}}")


def render(template: Template, rng: random.Random, pools: Mapping[str, Pool]) -> str:
    text = _expand(template.sentence.expression, template, rng, pools)
    return normalize_whitespace(text).strip().replace(" ,", ",")


def _domains(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value)
    return ()


def load_intents() -> Intents:
    raw = get_intents(LANGUAGE)
    if raw is None:
        raise RuntimeError("home-assistant-intents has no English templates")
    return Intents.from_dict(raw)


def ha_sources(intents: Intents) -> list[Source]:
    """One Source per English HA intent named in HA_INTENT_LABELS."""
    sources = []
    for name, intent in intents.intents.items():
        label = HA_INTENT_LABELS.get(name)
        if label is None:
            continue
        templates = []
        for data in intent.data:
            domains = (
                _domains(data.requires_context.get("domain"))
                or _domains(data.slots.get("domain"))
                or NAME_DOMAINS_BY_INTENT.get(name, ())
            )
            rules = {**intents.expansion_rules, **data.expansion_rules}
            lists = {**intents.slot_lists, **data.slot_lists}
            templates.extend(Template(s, rules, lists, domains) for s in data.sentences)
        sources.append(Source(name, label, SOURCE_WEIGHTS.get(name, 1.0), tuple(templates)))
    missing = sorted(set(HA_INTENT_LABELS) - {s.key for s in sources})
    if missing:
        raise RuntimeError(f"intents missing from home-assistant-intents: {missing}")
    return sources


def template_sources(intents: Intents, groups: Mapping[str, tuple[str, tuple[str, ...]]]) -> list[Source]:
    """Sources for templates written here; they may use HA's expansion rules and lists."""
    sources = []
    for key, (label, texts) in groups.items():
        templates = tuple(Template(parse_sentence(t), intents.expansion_rules, intents.slot_lists) for t in texts)
        sources.append(Source(key, label, SOURCE_WEIGHTS.get(key, 1.0), templates))
    return sources


def corpus_lines(label: str) -> tuple[str, ...]:
    """First turns of the chatterbot-corpus English files of one label, minus lines naming other labels' words."""
    try:
        root = importlib.resources.files("chatterbot_corpus") / "data" / "english"
    except ModuleNotFoundError as err:
        raise ImportError(f"the chat corpus needs `pip install --no-deps {CORPUS_PACKAGE}`") from err
    lines: dict[str, None] = {}
    files = sorted((p for p in root.iterdir() if p.name.endswith(".yml")), key=lambda p: p.name)
    for path in (p for p in files if CORPUS_FILE_LABELS.get(p.name, "chat") == label):
        for conversation in yaml.safe_load(path.read_text(encoding="utf-8")).get("conversations", []):
            text = " ".join(str(conversation[0]).split())
            if 2 <= len(text.split()) <= 30 and not CORPUS_SKILL_WORDS.search(text):
                lines.setdefault(text, None)
    return tuple(lines)


def extra_templates(include_extra: bool) -> dict[str, tuple[str, tuple[str, ...]]]:
    """TEMPLATE_GROUPS, or without it only the groups of labels that Home Assistant has no intents for."""
    ha_labels = set(HA_INTENT_LABELS.values())
    return {key: group for key, group in TEMPLATE_GROUPS.items() if include_extra or group[0] not in ha_labels}


def all_sources(include_extra: bool = True) -> list[Source]:
    intents = load_intents()
    sources = ha_sources(intents)
    sources += template_sources(intents, extra_templates(include_extra))
    for label, weight in CORPUS_WEIGHTS.items():
        key = "chatterbot-corpus" if label == "chat" else f"chatterbot-corpus-{label}"
        sources.append(Source(key, label, weight, texts=corpus_lines(label)))
    return sources


def augment(text: str, rng: random.Random) -> str:
    """Politeness words (HA's skip words), casing and end punctuation, at low rates. A request may end in "please" or
    "for me"; a statement ("I missed the bus") only gets a "hey" or "ok" in front."""
    first = text.split(" ", 1)[0].lower()
    is_question = first in QUESTION_STARTS
    is_command = first in IMPERATIVE_VERBS or first == "please"
    if not is_question and rng.random() < 0.12:
        prefixes = POLITE_PREFIXES if first in IMPERATIVE_VERBS else ("please", "hey", "ok") if is_command else ("hey", "ok")
        text = f"{rng.choice(prefixes)} {text}"
    elif is_command and rng.random() < 0.06:
        text = f"{text} {rng.choice(('please', 'for me'))}"
    if rng.random() < 0.3:
        text = text[:1].upper() + text[1:]
    if text[-1:].isalnum() and rng.random() < 0.3:
        text += "?" if is_question else rng.choice((".", "!"))
    return text


def normalise(text: str) -> str:
    """The key under which two sentences count as the same."""
    return " ".join(re.sub(r"[^\w' ]", " ", text.casefold()).split())


def generate_with_sources(
    seed: int = 0, per_label: int = DEFAULT_PER_LABEL, include_extra: bool = True
) -> list[tuple[str, str, str]]:
    """Like generate, with the key of the Source each row came from (HA intent, template group or corpus)."""
    rng = random.Random(seed)
    pools = build_pools()
    sources = all_sources(include_extra)
    seen: set[str] = set()
    rows: list[tuple[str, str, str]] = []
    for label in LABELS:
        active = [s for s in sources if s.label == label]
        count = 0
        wanted = round(per_label * LABEL_ROWS[label])
        while count < wanted and active:
            source = rng.choices(active, weights=[s.weight for s in active])[0]
            text = source.draw(rng, pools)
            if not source.texts:
                text = augment(text, rng)
            key = normalise(text)
            if key in seen:
                source.misses += 1
                if source.misses >= MAX_CONSECUTIVE_MISSES:
                    active.remove(source)
                continue
            source.misses = 0
            seen.add(key)
            rows.append((text, label, source.key))
            count += 1
    return rows


def generate(seed: int = 0, per_label: int = DEFAULT_PER_LABEL, include_extra: bool = True) -> list[tuple[str, str]]:
    """Up to ``per_label`` unique (text, label) rows per label, the same for the same arguments."""
    return [(text, label) for text, label, _ in generate_with_sources(seed, per_label, include_extra)]


def write_csv(rows: Iterable[tuple[str, str]], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(("text", "label"))
        writer.writerows(rows)


def read_csv(path: Path) -> list[tuple[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return [(row["text"], row["label"]) for row in csv.DictReader(handle)]


def versions() -> dict[str, str]:
    return {pkg: importlib.metadata.version(pkg) for pkg in ("hassil", "home-assistant-intents", CORPUS_PACKAGE)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="CSV to write (columns text,label)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--per-label", type=int, default=DEFAULT_PER_LABEL)
    parser.add_argument("--no-extra", action="store_true", help="skill sentences from home-assistant-intents only")
    args = parser.parse_args(argv)
    rows = generate(args.seed, args.per_label, include_extra=not args.no_extra)
    write_csv(rows, args.out)
    counts = {label: sum(1 for _, lab in rows if lab == label) for label in LABELS}
    print(f"{len(rows)} rows -> {args.out}: {counts}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
