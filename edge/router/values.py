"""The values a text states, parsed so that an answer can be checked against its sources by value, not by digits.

"06:40" and "12:40 AM" share the digits 40 but not the time; "12 minutes" and "12 hours" share the number but not
the duration. Times of day, dates, money, percentages, amounts with a unit and bare numbers are read as values;
an answer's value is carried by the sources when one of theirs is the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from edge.skills.spoken import MONTH, MONTHS, UNIT_SECONDS, normalize_numbers

Kind = Literal["time", "date", "money", "percent", "amount", "number"]

_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_CURRENCIES = {
    "$": "usd", "dollar": "usd", "dollars": "usd", "usd": "usd", "cent": "usd-cent", "cents": "usd-cent",
    "€": "eur", "euro": "eur", "euros": "eur", "eur": "eur",
    "£": "gbp", "pound": "gbp", "pounds": "gbp", "gbp": "gbp", "¥": "jpy", "yen": "jpy",
}  # fmt: skip
_DAY_PERIODS = {"morning": "am", "night": None, "afternoon": "pm", "evening": "pm"}
_NUMBER = r"\d[\d,]*(?:\.\d+)?"
_MONTH_NUMBER = {m.lower(): n for n, m in enumerate(MONTHS, 1)}
_UNITS: dict[str, tuple[str, float]] = {
    **{word: ("seconds", float(seconds)) for word, seconds in UNIT_SECONDS.items() if len(word) > 1},
    **dict.fromkeys(("month", "months"), ("seconds", 2629800.0)),
    **dict.fromkeys(("year", "years", "yr", "yrs"), ("seconds", 31557600.0)),
    **dict.fromkeys(("decade", "decades"), ("seconds", 315576000.0)),
    **dict.fromkeys(("century", "centuries"), ("seconds", 3155760000.0)),
    **dict.fromkeys(("mm", "millimetre", "millimetres", "millimeter", "millimeters"), ("metres", 0.001)),
    **dict.fromkeys(("cm", "centimetre", "centimetres", "centimeter", "centimeters"), ("metres", 0.01)),
    **dict.fromkeys(("metre", "metres", "meter", "meters"), ("metres", 1.0)),
    **dict.fromkeys(("km", "kilometre", "kilometres", "kilometer", "kilometers"), ("metres", 1000.0)),
    **dict.fromkeys(("inch", "inches"), ("metres", 0.0254)),
    **dict.fromkeys(("foot", "feet", "ft"), ("metres", 0.3048)),
    **dict.fromkeys(("yard", "yards"), ("metres", 0.9144)),
    **dict.fromkeys(("mile", "miles"), ("metres", 1609.344)),
    **dict.fromkeys(("mg", "milligram", "milligrams"), ("grams", 0.001)),
    **dict.fromkeys(("g", "gram", "grams"), ("grams", 1.0)),
    **dict.fromkeys(("kg", "kilogram", "kilograms", "kilo", "kilos"), ("grams", 1000.0)),
    **dict.fromkeys(("lb", "lbs"), ("grams", 453.59237)),
    **dict.fromkeys(("ounce", "ounces", "oz"), ("grams", 28.349523125)),
    **dict.fromkeys(("tonne", "tonnes", "ton", "tons"), ("grams", 1e6)),
    **dict.fromkeys(("ml", "millilitre", "millilitres", "milliliter", "milliliters"), ("litres", 0.001)),
    **dict.fromkeys(("l", "litre", "litres", "liter", "liters"), ("litres", 1.0)),
    **dict.fromkeys(("gallon", "gallons"), ("litres", 3.785411784)),
    **dict.fromkeys(("kb", "kilobyte", "kilobytes"), ("bytes", 1e3)),
    **dict.fromkeys(("mb", "megabyte", "megabytes"), ("bytes", 1e6)),
    **dict.fromkeys(("gb", "gigabyte", "gigabytes"), ("bytes", 1e9)),
    **dict.fromkeys(("tb", "terabyte", "terabytes"), ("bytes", 1e12)),
    **dict.fromkeys(("degree", "degrees"), ("degrees", 1.0)),
    "mph": ("mph", 1.0),
}
"""Units of measure, each with its dimension and its size in that dimension's base unit: "12 minutes" is 720
seconds, never equal to "12 hours"."""

_SCALED = re.compile(rf"\b({_NUMBER})\s+(thousand|million|billion|trillion)\b", re.IGNORECASE)
_CITATION_MARKS = re.compile(r"\[\d+(?:\s*,\s*\d+)*\]")

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "date",
        re.compile(
            rf"\b(?:(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month1>{MONTH})|(?P<month2>{MONTH})\s+"
            rf"(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d|:))(?:,?\s+(?P<year>\d{{4}}))?\b",
            re.IGNORECASE,
        ),
    ),
    ("iso_date", re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")),
    (
        "time",
        re.compile(
            r"\b(?P<hour>[01]?\d|2[0-3])(?::(?P<minute>[0-5]\d)|\.(?P<dotted>[0-5]\d)(?=\s*[ap]\.?m\b))"
            r"(?:\s*(?P<period>[ap])\.?m\b\.?)?(?:\s+(?:in the|at)\s+(?P<part>morning|afternoon|evening|night))?"
            r"|\b(?P<bare>1[0-2]|0?\d)(?:\s*(?P<bare_period>[ap])\.?m\b\.?|\s+o'?clock\b)"
            r"(?:\s+(?:in the|at)\s+(?P<bare_part>morning|afternoon|evening|night))?"
            r"|\b(?P<named>noon|midday|midnight)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "money",
        re.compile(
            rf"(?P<symbol>[$€£¥])\s?(?P<amount>{_NUMBER})"
            rf"|\b(?P<amount2>{_NUMBER})\s+(?P<word>dollars?|euros?|pounds?|cents?|yen|usd|eur|gbp)\b",
            re.IGNORECASE,
        ),
    ),
    ("percent", re.compile(rf"\b(?P<amount>{_NUMBER})\s?(?:%|percent\b|per cent\b)", re.IGNORECASE)),
    (
        "amount",
        re.compile(rf"(?<![\w.])(?P<amount>{_NUMBER})(?:\s*-?\s*(?P<unit>[a-z]+))?", re.IGNORECASE),
    ),
]


@dataclass(frozen=True)
class Value:
    kind: Kind
    amounts: frozenset[float]
    """The value's readings: one, or two for a time of day said without am or pm. Amounts are in their
    dimension's base unit, dates are month * 100 + day."""
    unit: str | None
    """An amount's dimension, money's currency, a date's year."""
    text: str
    stated: float | None = None
    """The number as written, before any unit: 12 in "12 minutes"; None for times and dates."""

    def matches(self, other: Value) -> bool:
        """Whether ``other``, a source's value, states this one; a year or currency this one names must be its."""
        if self.kind == "number":
            return self.stated is not None and self.stated == other.stated
        return self.kind == other.kind and bool(self.amounts & other.amounts) and self.unit in (None, other.unit)


def values(text: str) -> list[Value]:
    """Every value ``text`` states, in order of appearance; numbers said in words are read too."""
    text = _CITATION_MARKS.sub(" ", text.replace("\u2013", "-").replace("\u2014", " "))
    text = normalize_numbers(_SCALED.sub(_scaled, text))
    found: list[tuple[int, Value]] = []
    taken = [False] * len(text)
    for name, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(taken[match.start() : match.end()]):
                continue
            value = _READERS[name](match)
            if value is None:
                continue
            taken[match.start() : match.end()] = [True] * (match.end() - match.start())
            found.append((match.start(), value))
    return [v for _, v in sorted(found, key=lambda f: f[0])]


def uncarried(answer: str, sources: Iterable[str]) -> list[Value]:
    """The answer's values that no source states."""
    carried = [v for s in sources for v in values(s)]
    return [v for v in values(answer) if not any(v.matches(c) for c in carried)]


def _scaled(match: re.Match[str]) -> str:
    return f"{_amount(match[1], match[2]):.0f}"


def _amount(number: str, scale: str | None = None) -> float:
    return float(number.replace(",", "")) * (_SCALES[scale.lower()] if scale else 1.0)


def _date(match: re.Match[str]) -> Value:
    month = _MONTH_NUMBER[(match["month1"] or match["month2"]).lower()]
    day = int(match["day1"] or match["day2"])
    year = match["year"]
    return Value("date", frozenset({float(month * 100 + day)}), year, match.group(0), float(year) if year else None)


def _iso_date(match: re.Match[str]) -> Value:
    year = match["year"]
    return Value("date", frozenset({float(int(match["month"]) * 100 + int(match["day"]))}), year, match.group(0), float(year))


def _time(match: re.Match[str]) -> Value:
    if match["named"]:
        minutes = 0 if match["named"].lower() == "midnight" else 12 * 60
        return Value("time", frozenset({float(minutes)}), None, match.group(0))
    hour_text = match["hour"] or match["bare"]
    minute = int(match["minute"] or match["dotted"] or 0)
    period = (match["period"] or match["bare_period"] or "").lower() or None
    part = (match["part"] or match["bare_part"] or "").lower()
    period = period or (_DAY_PERIODS.get(part) if part else None)
    hour = int(hour_text)
    if part == "night" and not period:
        period = "am" if hour < 5 or hour == 12 else "pm"
    if period:
        hours = {hour % 12 + (12 if period[0] == "p" else 0)}
    elif hour > 12 or hour == 0 or hour_text.startswith("0"):
        hours = {hour}
    else:
        hours = {hour % 12, hour % 12 + 12}
    return Value("time", frozenset(float(h * 60 + minute) for h in hours), None, match.group(0))


def _money(match: re.Match[str]) -> Value:
    if match["symbol"]:
        amount, currency = _amount(match["amount"]), _CURRENCIES[match["symbol"]]
    else:
        amount, currency = _amount(match["amount2"]), _CURRENCIES[match["word"].lower()]
    stated = amount
    if currency == "usd-cent":
        amount, currency = amount / 100, "usd"
    return Value("money", frozenset({round(amount, 6)}), currency, match.group(0), stated)


def _percent(match: re.Match[str]) -> Value:
    amount = _amount(match["amount"])
    return Value("percent", frozenset({amount}), None, match.group(0), amount)


def _quantity(match: re.Match[str]) -> Value | None:
    number = match["amount"].rstrip(",")
    if not re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", number):
        return None
    amount = _amount(number)
    unit = (match["unit"] or "").lower()
    if unit in _UNITS:
        dimension, size = _UNITS[unit]
        return Value("amount", frozenset({round(amount * size, 6)}), dimension, match.group(0), amount)
    return Value("number", frozenset({amount}), None, number, amount)


_READERS = {
    "date": _date,
    "iso_date": _iso_date,
    "time": _time,
    "money": _money,
    "percent": _percent,
    "amount": _quantity,
}
