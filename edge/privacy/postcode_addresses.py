"""Addresses read backwards from their postcode. A postcode in a country's format (a US state and ZIP, a
Canadian, British or Australian postcode) ends most written addresses; the words before it, back to the house
number or the unit ("Flat 3", "Studio 2", "14/2"), are the rest of the address, whatever the street type or the
town is called. This finds addresses with street types no list holds ("Allen Prairie", "Leah Stairs") and those
without a house number ("Studio 2, Geraldine Cape, East Louishaven, S07 7RU")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from edge.privacy.entities import Entity

_US_STATES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR "
    "PA RI SC SD TN TX UT VT VA WA WV WI WY AS GU MP PR VI AA AE AP"
).split()
_CA_PROVINCES = "AB BC MB NB NL NS NT NU ON PE QC SK YT".split()
_AU_STATES = "NSW VIC QLD SA WA TAS NT ACT".split()
_POSTCODES = "|".join(
    [
        rf"(?:{'|'.join(_US_STATES)}),?\s+\d{{5}}(?:-\d{{4}})?",
        rf"(?:(?:{'|'.join(_CA_PROVINCES)}),?\s+)?[A-Z]\d[A-Z]\s?\d[A-Z]\d",
        r"[A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}",
        rf"(?:{'|'.join(_AU_STATES)}),?\s+\d{{4}}",
    ]
)
"""A British inward code never ends in C, I, K, M, O or V: "16KB" is no postcode."""
_POSTCODE = re.compile(_POSTCODES)
_POSTCODE_LOWER = re.compile(rf"(?i)(?<![\w-])(?:{_POSTCODES})(?![\w-])")
_TOKEN = re.compile(r"[^\s,]+")
_NUMBER = re.compile(r"#?\d{1,6}[A-Za-z]?(?:[/-]\d{1,6}[A-Za-z]?)?")
_UNITS = frozenset("flat studio unit apt apt. apartment suite ste ste. level lvl floor room rm po box p.o. psc cmr lot".split())
_STOPS = frozenset(
    """a an the at in on of to for by with from is are was were be and or but as i me my we our you your he she his
    her they their it its this that there here please thanks send ship moved move lives live living address
    deliver delivered visit meet near""".split()
)
_ABBREVIATIONS = frozenset("st. mt. ft. apt. ste. no. dr. rd. ave. blvd. ln.".split())
_MAX_WORDS = 12


def postcode_addresses(text: str) -> Iterator[Entity]:
    """A postcode typed in lower case counts only with a house number or unit before it."""
    taken = 0
    for anchor in _POSTCODE_LOWER.finditer(text):
        lower = not any(c.isupper() for c in anchor.group())
        if anchor.start() < taken or not lower and not _POSTCODE.fullmatch(anchor.group()):
            continue
        start = _address_start(text, anchor.start(), lower)
        if start is not None:
            taken = anchor.end()
            yield Entity(start, anchor.end(), "LOCATION", 0.85, "postcode")


def _address_start(text: str, end: int, lower: bool) -> int | None:
    """Where the address ending in the postcode at ``end`` starts: its house number or unit, or, with a comma
    before the postcode and neither, the first of the capitalised words before it; None when nothing before it
    reads as an address. A unit ("Apt 618") may follow the street, so the walk goes on past one for a house
    number."""
    tokens = list(_TOKEN.finditer(text, max(0, end - 160), end))
    taken: list[re.Match[str]] = []
    start: int | None = None
    in_number = False
    for token in reversed(tokens):
        word = token.group()
        bare = word.lower().strip("()")
        if _ends_sentence(word) or bare in _STOPS or len(taken) >= _MAX_WORDS or "\n\n" in text[token.end() : end]:
            break
        is_number, is_unit = _NUMBER.fullmatch(bare) is not None, bare in _UNITS
        if in_number and not is_number and not is_unit:
            break
        if not (is_number or is_unit or lower or word[:1].isupper() or bare in ("de", "upon", "on", "la")):
            break
        taken.append(token)
        in_number = is_number
        if is_number or is_unit:
            start = token.start()
    if start is not None:
        return start
    comma = re.search(r",\s*$", text[:end])
    return taken[-1].start() if taken and comma and len(taken) <= 6 and not lower else None


def _ends_sentence(word: str) -> bool:
    return word[-1] in ".!?:;" and word.lower() not in _ABBREVIATIONS and not re.fullmatch(r"[A-Za-z]\.", word)
