"""Street addresses read by a trained parser: usaddress (MIT; a conditional random field trained on US addresses,
its model inside the package), which knows the USPS street types ("Plains", "Burgs", "Esplanade") that a list of
common ones misses. Every house number starts a candidate; the parser labels the words after it, and the
candidate is an address when it holds a number and a street type, or a town with a state or postcode. The span runs
while the labels keep an address's order (street, town, state, postcode), then takes a postcode left behind."""

from __future__ import annotations

import re
from collections.abc import Iterator

from edge.privacy.addresses import FUNCTION_WORDS
from edge.privacy.entities import Entity

_START = re.compile(r"(?<![\w.$£€-])\d{1,6}[A-Za-z]?\s+(?=[A-Za-z]|\d{1,6}\s+[A-Za-z])")
_UNIT_BEFORE = re.compile(r"(?i)\b(?:apt|apartment|suite|ste|unit|flat|studio)\.?\s*#?\w{1,6},?\s+$")
_WINDOW = 120
_STAGES = {
    **dict.fromkeys(
        "AddressNumberPrefix AddressNumber AddressNumberSuffix StreetNamePreModifier StreetNamePreDirectional "
        "StreetNamePreType StreetName StreetNamePostType StreetNamePostDirectional SubaddressType SubaddressIdentifier "
        "BuildingName OccupancyType OccupancyIdentifier USPSBoxType USPSBoxID USPSBoxGroupType USPSBoxGroupID".split(),
        0,
    ),
    "PlaceName": 1,
    "StateName": 2,
    "ZipCode": 3,
}
"""The order of an address's parts; a label outside it (Recipient, CountryName, NotAddress) ends the address."""
_POSTCODE = re.compile(
    r"\s*,?\s*(?:\d{5}(?:-\d{4})?|\d{4}|[A-Za-z]\d[A-Za-z]\s?\d[A-Za-z]\d|[A-Za-z]{1,2}\d[A-Za-z\d]?\s?\d[A-Za-z]{2})\b"
)
"""A US ZIP, an Australian postcode, a Canadian and a British one."""


def parsed_street_addresses(text: str) -> Iterator[Entity]:
    import usaddress

    taken = 0
    for start in _START.finditer(text):
        if start.start() < taken:
            continue
        window = text[start.start() : _window_end(text, start.start())]
        tokens = list(re.finditer(r"\S+", window))
        if not _may_be_address(tokens, usaddress.STREET_NAMES):
            continue
        try:
            labels = [label for _, label in usaddress.parse(window)]
        except Exception:
            continue
        if len(labels) != len(tokens):
            continue
        kept = _address_prefix(labels)
        words = [t.group().strip(".,;:!?()") for t in tokens[:kept]]
        capitals = any(w[:1].isupper() for w in re.findall(r"[^\W\d_]+", window))
        street = [w.lower() for w, label in zip(words, labels, strict=False) if _STAGES.get(label) == 0]
        if not _is_address(labels[:kept], words, usaddress.STREET_NAMES, capitals) or FUNCTION_WORDS.intersection(street):
            continue
        kept = _without_trailing_words(window, tokens, kept)
        end = start.start() + len(window[: tokens[kept - 1].end()].rstrip(".,;:!?"))
        for tail in (start.start() + tokens[kept - 1].start(), end):
            postcode = _POSTCODE.match(text, tail)
            if postcode and postcode.end() > end and (postcode.end() == len(text) or not text[postcode.end()].isalnum()):
                end = postcode.end()
        unit = _UNIT_BEFORE.search(text, max(0, start.start() - 20), start.start())
        taken = end
        yield Entity(unit.start() if unit else start.start(), end, "LOCATION", 0.9, "usaddress")


def _may_be_address(tokens: list[re.Match[str]], street_types: set[str]) -> bool:
    """What the parser's answer would need, checked first for a fraction of its cost: a street type within five
    words of the number, or a postcode."""
    near = {t.group().strip(".,;:!?()").lower() for t in tokens[1:7]}
    return bool(near & street_types) or any(_POSTCODE.fullmatch(t.group().strip(".,;:!?()")) for t in tokens[1:])


def _window_end(text: str, start: int) -> int:
    """The candidate's end: the sentence's, a line's, or the window's."""
    end = min(len(text), start + _WINDOW)
    stop = re.compile(r"\n|[.!?](?:\s+[A-Z]|\s*$)").search(text, start, end)
    return stop.start() if stop else end


def _without_trailing_words(window: str, tokens: list[re.Match[str]], kept: int) -> int:
    """Drops lower-case words after an address written with capitals ("10 Downing Street tomorrow"); an address
    typed all in lower case keeps them, for the parser's labels are all there is to go on."""
    words = [window[t.start() : t.end()] for t in tokens[:kept]]
    if not any(w[:1].isupper() for w in words):
        return kept
    while kept > 1 and words[kept - 1][:1].islower():
        kept -= 1
    return kept


def _address_prefix(labels: list[str]) -> int:
    stage = 0
    for i, label in enumerate(labels):
        now = _STAGES.get(label)
        if now is None or now < stage:
            return i
        stage = now
    return len(labels)


def _is_address(labels: list[str], words: list[str], street_types: set[str], capitals: bool) -> bool:
    """A house number and, at most five words on, a USPS street type (the parser's own list; capitalised where the
    text uses capitals), a town with a state and a postcode, or a post-office box: the parser labels any words as an
    address, so its labels alone decide nothing."""
    held = set(labels)
    typed = any(
        label == "StreetNamePostType" and word.lower() in street_types and (word[:1].isupper() or not capitals) and i <= 5
        for i, (label, word) in enumerate(zip(labels, words, strict=True))
    )
    street = "AddressNumber" in held and typed
    postcode = any(label == "ZipCode" and _POSTCODE.fullmatch(word) for label, word in zip(labels, words, strict=True))
    town = "PlaceName" in held and "StateName" in held and postcode
    box = {"USPSBoxType", "USPSBoxID"} <= held
    return street or town or box
