"""Street addresses and place names, found by their shape: a house number next to a street word, unit and
post-box phrases, and the city, region, country and postcode lines that follow; plus places named after
cues such as "lives at" or "flew to"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from edge.privacy.entities import Entity
from edge.privacy.gazetteers import given_names, places, surnames
from edge.privacy.patterns import DATE

_STREET_WORDS = (
    r"street|st|str|road|rd|avenue|ave|av|avda|avd|boulevard|blvd|bd|lane|ln|drive|dr|court|ct|place|pl|plaza|square|sq|way|"
    r"highway|hwy|parkway|pkwy|terrace|crescent|close|row|walk|alley|circle|cir|trail|path|hill|island|islands|mews|gardens|"
    r"rue|chemin|allée|allee|impasse|quai|via|viale|piazza|corso|vicolo|strada|calle|carrer|avenida|rua|travessa|largo|praça|"
    r"straße|strasse|gasse|weg|platz|ring|damm|ul|ulica|aleja|al|utca|út|tér|tie|katu|kuja|polku|gatan|vägen|gata|gate|"
    r"gade|vej|veien|vegen|stræde|straat|laan|plein|kade|gracht|odos|leoforos|plateia|ulitsa|prospekt|quadra|sokak|cadde"
)
_STREET_SUFFIXES = (
    r"straße|strasse|str|gasse|weg|platz|allee|ring|damm|tie|katu|kuja|gatan|vägen|gata|gate|gade|vej|veien|vegen|straat|"
    r"laan|plein|kade|braut|straeti|stræti|vænget|vangen|bakken|torget|torg|väg|stig|gränd|polku|ntie|ulice"
)
_UNIT = (
    r"(?:apt|apartment|suite|ste|unit|flat|floor|fl|room|rm|bldg|building|box|p\.?\s?o\.?\s?box|psc|cmr|uss|usns|usnv|usncg)"
    r"\.?"
)
_WORD = r"[^\W\d_][\w'’.-]*"
_CAP = r"(?:(?-i:[^\W\d_a-z])[\w'’.-]*)"
_NUMBER = r"\d{1,6}(?:[-/]?[A-Za-z]\b|-\d{1,4})?"

STREET_CORE = re.compile(
    rf"""(?ix)
    (?:{_UNIT}\s*\#?\w{{1,6}},?\s+)*
    (?:\d{{1,6}}\s+)*
    \b(?:
        {_NUMBER}\s+(?:{_WORD}\s+){{0,4}}?(?:{_STREET_WORDS})\b\.?
      | (?!st\b|str\b)(?:{_STREET_WORDS})\b\.?\s+(?:(?-i:[^\W\d_a-z])[\w'’.-]*\s+)(?:{_WORD}\s+){{0,3}}?{_NUMBER}\b
      | {_WORD}(?:{_STREET_SUFFIXES})\b\.?\s+{_NUMBER}\b
      | (?P<between>{_NUMBER}\s+{_CAP}(?:\s+{_WORD}){{0,3}}?\s+{_NUMBER})\b
      | {_UNIT}\s*\#?\d{{1,6}}\b(?:,?\s+{_UNIT}\s*\#?\d{{1,6}}\b)*
      | (?:apo|fpo|dpo)\s+(?:aa|ae|ap)\s+\d{{5}}
      | (?:uss|usns|usnv|usncg)\s+{_CAP}
    )
    """
)
UNIT_LINE = re.compile(rf"(?i){_UNIT}\s*\#?\w{{1,6}}\b|(?:apo|fpo|dpo)\s+(?:aa|ae|ap)\s+\d{{5}}")
POSTCODE = re.compile(r"(?:[A-Z]{1,2}-)?\d{3,6}(?:[ -]\d{2,4})?|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}")
_PARTICLES = frozenset("de del della di da do dos das du la le les van von der den am an im sur sul el al y e upon on".split())
_STOP_AFTER = frozenset(
    "mobile phone tel fax desk office email e-mail website web personal info name date when where i my we you he she they it "
    "is was are be in on at and or but for to the this that last next since so please".split()
)
SEGMENT = re.compile(r"[ \t]*(,|\n[ \t>?*-]*|[ \t]+)[ \t]*([^\n,]*)")
_CUE = re.compile(
    r"""(?ix)\b(?:
        address(?:\s+(?:is|was))?\s*:?|addresses?\s+of\s+[\w .'-]{1,40}?\s+is|
        lives?\s+(?:at|on|in)|living\s+(?:at|in)|lived\s+(?:at|in)|
        live\s+(?:at|in)|moved\s+(?:to|from)|move\s+to|sent\s+to|send\s+(?:it|them|this|that|one|a\s+new\s+one)?\s*to|
        ship(?:ped)?\s+to|deliver(?:ed)?\s+to|located\s+(?:at|in)|is\s+at|are\s+at|arrived\s+at|meet\s+me\s+at|meeting\s+at|
        drops?\s+you\s+off\s+at|taxi\s+to|it'?s\s+in|i'?m\s+in|return\s+to|flew\s+to|fly\s+to|flying\s+to|travel(?:l)?ing\s+to|
        grew\s+up\s+in|born\s+in|originally\s+from|here\s+from|came\s+from|comes\s+from|home\s+(?:city|town)|city\s+of|town\s+of|
        corner\s+of|enter\s+on|visit(?:ing)?|trip\s+to|from|in|to|at|near
    )\s+"""
)
_WEAK_CUES = frozenset({"from", "in", "to", "at", "near"})
PLACE_RUN = re.compile(rf"{_CAP}(?:[ \t]+(?:{_CAP}|(?:de|del|di|la|le|du|van|von|der|am|sur)\b))*")


FUNCTION_WORDS = frozenset("a an the at in on of to for by with from before after than and or as per".split())
"""Words a street's name does not hold: "81 basis points at the close" is no address."""


def street_addresses(text: str) -> Iterator[Entity]:
    """Address blocks: the street line, then unit, city, region, country and postcode lines or comma parts."""
    for m in STREET_CORE.finditer(text):
        if FUNCTION_WORDS.intersection(w.lower() for w in re.findall(r"[^\W\d_]+", m.group())):
            continue
        between = m.group("between")
        if between and (_score_line(between) or DATE.fullmatch(between)):
            continue
        end = _extend(text, m.end())
        if text[end - 1] == "." and re.search(r"\w{4,}\.$", text[m.start() : end]):
            end -= 1
        yield Entity(m.start(), end, "LOCATION", 0.9, "address")


def _score_line(match: str) -> bool:
    """Words between two numbers that are a result ("1 Gornik Zabrze 0") or a quote ("90 PCT 82") rather than a
    postcode, street and house number ("6750 Koskikatu 25")."""
    numbers = re.findall(r"\d+", match)
    words = re.findall(r"[^\W\d_]{2,}", match)
    return len(numbers[0]) <= 2 and len(numbers[-1]) <= 2 or all(w.isupper() for w in words)


def _extend(text: str, end: int) -> int:
    while True:
        m = SEGMENT.match(text, end)
        if m is None or not m.group(2).strip():
            return end
        segment = m.group(2).rstrip()
        part = _address_part(segment)
        if part == 0:
            return end
        end = m.start(2) + part
        if m.group(1).strip() == "" and m.group(1) and part < len(segment):
            return end


def _address_part(segment: str) -> int:
    """How much of a comma part or line reads as the rest of an address: 0 when it does not."""
    unit = UNIT_LINE.match(segment)
    if unit:
        return unit.end()
    if sum(c.isdigit() for c in segment) >= 7:
        return 0
    length = 0
    words = 0
    for word in re.finditer(r"\(?[\w'’.-]+\)?", segment):
        token = word.group().strip("().")
        lowered = token.lower()
        if not token:
            continue
        if lowered in _STOP_AFTER or "@" in token:
            break
        if not (token[0].isupper() or token[0].isdigit() or lowered in _PARTICLES):
            break
        if token[0].isdigit() and not POSTCODE.fullmatch(token) and not token.isdigit():
            break
        length, words = word.end(), words + 1
        if words >= 5:
            break
    return length


def cued_places(text: str) -> Iterator[Entity]:
    """A capitalised run after a place cue ("flew to MÖNSTERÅS", "arrived at Ettelgem"); after a bare
    preposition only when the run is a known place or written in capitals."""
    for m in _CUE.finditer(text):
        run = PLACE_RUN.match(text, m.end())
        if run is None:
            continue
        name = run.group().rstrip(".'’-")
        cue = m.group().strip().lower()
        known = name.lower() in places() or name.split()[0].lower() in places()
        shouting = name.isupper() and len(name) > 3 and not text.isupper()
        if cue in _WEAK_CUES and (not (known or shouting) or _is_name(name)):
            continue
        yield Entity(run.start(), run.start() + len(name), "LOCATION", 0.7 if known or shouting else 0.55, "place-cue")


def _is_name(name: str) -> bool:
    first = name.split()[0].lower()
    return first in given_names() or (first in surnames() and " " not in name)


def known_places(text: str) -> Iterator[Entity]:
    """Capitalised words and pairs that name a city, country or US state, unless they are also a person's name."""
    names = places()
    for m in re.finditer(rf"{_CAP}(?:\s+{_CAP})?", text):
        words = m.group().rstrip(".'’-").split()
        for size in (2, 1):
            if len(words) >= size:
                candidate = " ".join(words[:size])
                if candidate.lower() in names and (size == 2 or len(candidate) > 3) and not _is_name(candidate):
                    after = text[m.start() + len(candidate) : m.start() + len(candidate) + 1]
                    if after != ":":
                        yield Entity(m.start(), m.start() + len(candidate), "LOCATION", 0.6, "place")
                    break
