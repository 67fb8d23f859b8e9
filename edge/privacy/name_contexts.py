"""Names found by what surrounds them: people speak and are quoted ("Lebed said"), results and mail name them
beside a country or contact details in brackets, and a list of names holds more names."""

from __future__ import annotations

import re
from collections.abc import Iterator

from edge.privacy.entities import Entity
from edge.privacy.gazetteers import places
from edge.privacy.people import CAP_WORD, NAME_RUN, ORGANISATION_WORDS, common_word, organisation_like, stop_words

_SPEECH = re.compile(
    r"[ \t]*,[ \t]*(?:\d{1,3}[ \t]*,|who(?:se)?\b)|"
    r"(?:[ \t]+(?:has|had|was|also|then|later|again))?[ \t]+"
    r"(?:said|says|told|added|asked|wrote|explained|insisted|denied|admitted|warned|replied|recalled|declared|"
    r"urged|argued|announced|testified|tweeted)\b"
)
_QUOTED = re.compile(r"\b(?:quoted|quoting|according\s+to|interviewed|thanked|praised|criticised|criticized)[ \t]+$")


_REPORTERS = frozenset(
    """officials analysts dealers traders sources police witnesses residents others experts economists investors
    doctors critics officers authorities spokesman spokeswoman spokesperson aides diplomats reports organisers
    organizers observers commerce treasury prosecutors lawyers researchers scientists""".split()
)
"""Who says things in news and minutes without being named."""


_ONE_OR_TWO = re.compile(rf"{CAP_WORD}(?:[ \t]+{CAP_WORD})?")


def speaking_names(text: str) -> Iterator[Entity]:
    """One or two capitalised words that say something ("Lebed said", "Hoddle, 38, told") or are quoted
    ("quoted Lebed as saying"): people speak, and the small model misses names it has not seen."""
    for m in _ONE_OR_TWO.finditer(text):
        words = m.group().split()
        if any(common_word(w) or w.lower() in _REPORTERS for w in words) or words[-1].lower().strip(".") in ORGANISATION_WORDS:
            continue
        if " ".join(words).lower() in places() or re.search(r"\bthe[ \t]+$", text[max(0, m.start() - 5) : m.start()], re.I):
            continue
        if _SPEECH.match(text, m.end()) or _QUOTED.search(text, max(0, m.start() - 20), m.start()):
            yield Entity(m.start(), m.end(), "PERSON", 0.6, "speaker-verb")


_ENTRANT = re.compile(rf"({CAP_WORD}(?:[ \t]+{CAP_WORD}){{1,3}})[ \t]*\(([^()\n]{{2,40}})\)")


def entrants(text: str) -> Iterator[Entity]:
    """Two to four capitalised words followed by a country or contact details in brackets, as results, line-ups and
    contact lists name people ("Igor Trandenkov (Russia)", "Callum Sykes (020 7946 0958)"); before an email
    address, ``people.display_names``."""
    for m in _ENTRANT.finditer(text):
        words = m.group(1).split()
        inside = m.group(2).strip()
        contact = sum(c.isdigit() for c in inside) >= 7
        if (
            inside.lower() in places()
            and not any(common_word(w) for w in words)
            or contact
            and stop_words().isdisjoint(w.lower() for w in words)
        ):
            yield Entity(m.start(1), m.end(1), "PERSON", 0.6, "entrant")


def listed_names(text: str, names: list[Entity]) -> Iterator[Entity]:
    """In a list of two- and three-word names ("Austria: Michael Konsel, Markus Schopp, ..."), the items the
    other signals missed, once two items of the same line are names."""
    for line in re.finditer(r"[^\n]+", text):
        items = [(line.start() + m.start(), line.start() + m.end()) for m in re.finditer(r"[^,;]+", line.group())]
        if len(items) < 3:
            continue
        named = sum(any(a <= e.start < b for e in names) for a, b in items)
        if named < 2:
            continue
        for a, b in items:
            if any(a <= e.start < b for e in names):
                continue
            for run in NAME_RUN.finditer(text, a, b):
                words = run.group().split()
                if 2 <= len(words) <= 3 and not any(common_word(w) for w in words) and not _place_or_firm(run.group()):
                    yield Entity(run.start(), run.end(), "PERSON", 0.55, "list")


def _place_or_firm(run: str) -> bool:
    return run.lower() in places() or organisation_like(run)
