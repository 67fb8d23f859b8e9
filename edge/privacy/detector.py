"""The detector: pattern recognizers with validation, address and name rules, and spaCy's NER, merged so that
each character belongs to at most one entity, the most certain one."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from edge.config import PrivacySettings
from edge.privacy import addresses, name_contexts, parsed_addresses, people, postcode_addresses
from edge.privacy.entities import Entity
from edge.privacy.gazetteers import given_names, places
from edge.privacy.ner import NOT_PERSONAL, SpacyNer
from edge.privacy.patterns import RECOGNIZERS, phones

PRIORITY = {"DENY_LIST": 0, "EMAIL_ADDRESS": 1, "URL": 1, "IBAN_CODE": 1, "CREDIT_CARD": 1, "US_SSN": 1, "IP_ADDRESS": 1}
"""Lower wins an overlap: the user's own terms, then checksummed or exactly shaped values; the rest (priority 2)
by score."""


class Detector:
    """Finds personal data in text. Offsets point into the text as given.

    >>> [e.type for e in Detector().detect("Mail jane.doe@example.com")]
    ['EMAIL_ADDRESS']
    """

    def __init__(self, settings: PrivacySettings | None = None, ner: SpacyNer | None = None) -> None:
        self.settings = settings or PrivacySettings()
        self.ner = ner or SpacyNer()
        self._deny = [re.compile(re.escape(term), re.IGNORECASE) for term in self.settings.deny_terms]
        self._deny += [re.compile(pattern) for pattern in self.settings.deny_patterns]
        self._allow = {term.lower() for term in self.settings.allow_terms}
        regions = tuple(self.settings.phone_regions)
        self._recognizers = {**RECOGNIZERS, "PHONE_NUMBER": lambda text: phones(text, regions)}

    def load(self) -> None:
        """Everything detection needs, loaded now rather than on the first call."""
        self.ner.load()
        self.detect("Load Name lives at 1 Main Street, Springfield, IL 62704; see example.com.")

    def detect(self, text: str) -> list[Entity]:
        wanted = set(self.settings.entities)
        candidates = list(self._candidates(text, wanted))
        not_personal = [e for e in candidates if e.type == NOT_PERSONAL]
        found = [e for e in candidates if e.type in wanted and e.score >= self.settings.min_score]
        found = [e for e in found if text[e.start : e.end].strip().lower() not in self._allow]
        found = [e for e in found if not _contradicted(e, not_personal) and not _place_in_a_row_of_figures(text, e)]
        entities = [e for e in resolve(found) if _has_word(text[e.start : e.end])]
        names = [e for e in entities if e.type == "PERSON"]
        if not names:
            return _every_mention(text, entities)
        mentioned = {text[e.start : e.end] for e in names} | {text[e.start : e.end].split()[0] for e in names}
        entities = [
            Entity(e.start, e.end, "PERSON", e.score, e.source)
            if e.source.startswith("ner") and text[e.start : e.end] in mentioned
            else e
            for e in entities
        ]
        more = [
            e
            for e in (*people.repeated(text, names), *name_contexts.listed_names(text, names))
            if not _contradicted(e, not_personal)
        ]
        return _every_mention(text, people.whole_names(text, resolve([*entities, *more])))

    def _candidates(self, text: str, wanted: set[str]) -> Iterator[Entity]:
        if "DENY_LIST" in wanted:
            for pattern in self._deny:
                for m in pattern.finditer(text):
                    if m.end() > m.start():
                        yield Entity(m.start(), m.end(), "DENY_LIST", 1.0, "deny-list")
        for kind, recognizer in self._recognizers.items():
            if kind in wanted:
                yield from recognizer(text)
        if "LOCATION" in wanted:
            yield from addresses.street_addresses(text)
            yield from parsed_addresses.parsed_street_addresses(text)
            yield from postcode_addresses.postcode_addresses(text)
            yield from addresses.cued_places(text)
            yield from addresses.known_places(text)
        if "PERSON" in wanted:
            yield from people.cued_names(text)
            yield from people.known_names(text)
            yield from people.heading_names(text)
            yield from people.lowercase_names(text)
            yield from people.speakers(text)
            yield from people.display_names(text)
            yield from name_contexts.speaking_names(text)
            yield from name_contexts.entrants(text)
        if wanted & {"PERSON", "LOCATION"}:
            for entity in self.ner.entities(text):
                yield _person_or_place(text, entity)


def _has_word(value: str) -> bool:
    """Pieces that trimming left with less than two letters or digits (" > ", " é ") name nothing."""
    return sum(c.isalnum() for c in value) >= 2


def _every_mention(text: str, entities: list[Entity]) -> list[Entity]:
    """A value found once is masked wherever else it stands whole: one mention left visible gives it away."""
    entities = [e for e in entities if _has_word(text[e.start : e.end])]
    covered = [(e.start, e.end) for e in entities]
    more = []
    for entity in entities:
        value = text[entity.start : entity.end].strip()
        at = text.find(value) if len(value) >= 2 else -1
        while at >= 0:
            end = at + len(value)
            whole = (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum())
            if whole and not any(a < end and at < b for a, b in covered):
                more.append(Entity(at, end, entity.type, entity.score, "same-value"))
                covered.append((at, end))
            at = text.find(value, end)
    return resolve([*entities, *more]) if more else entities


_WEAK = {
    "PERSON": (frozenset("name-list repeated speaker-verb entrant list ner+name-list".split()), "NORP EVENT LAW LANGUAGE"),
    "LOCATION": (frozenset("place place-cue".split()), "ORG NORP EVENT LAW LANGUAGE"),
}
"""Sources of a name or place that rest on one signal (a list, a position, a verb), and the model's readings that
outweigh them. The model's organisations do not outweigh a name: it calls many people's names organisations."""


def _contradicted(entity: Entity, not_personal: list[Entity]) -> bool:
    """A weakly found name or place that the statistical model reads as something else ("the German Bundesliga",
    "Sydney City", "the London Stock Exchange")."""
    sources, labels = _WEAK.get(entity.type, (frozenset(), ""))
    if entity.source not in sources:
        return False
    return any(
        e.start < entity.end and entity.start < e.end and e.source[4:] in labels.split() and _wider(e, entity)
        for e in not_personal
    )


_FIGURES = re.compile(r"[\d\s.,:;/()+\-%]*")


def _place_in_a_row_of_figures(text: str, entity: Entity) -> bool:
    """A place named by itself in a row of figures is a team or a market in a table ("Exeter 3 1 2 0 4 3 5", "DETROIT
    47 86 .353"), not where someone is. An address is kept: its parts are figures too."""
    if entity.type != "LOCATION" or not (entity.source.startswith("ner") or entity.source in ("place", "place-cue")):
        return False
    line_start = text.rfind("\n", 0, entity.start) + 1
    line_end = text.find("\n", entity.end)
    line_end = len(text) if line_end < 0 else line_end
    rest = f"{text[line_start : entity.start]} {text[entity.end : line_end]}"
    return bool(_FIGURES.fullmatch(rest)) and len(re.findall(r"\d+", rest)) >= 2


def _wider(reading: Entity, entity: Entity) -> bool:
    """For a place, the model's reading must hold more than it ("London" in "the London Stock Exchange"): a city's
    name alone is often read as its team or its government."""
    return entity.type != "LOCATION" or reading.end - reading.start > entity.end - entity.start


def _person_or_place(text: str, entity: Entity) -> Entity:
    """spaCy's small model often calls a lone given name a place ("remove my kid Alina"), and a company a person
    ("RKC Waalwijk", "Cofinec S.A."); the name lists and the organisation's words decide."""
    if entity.type == "PERSON" and people.organisation_like(text[entity.start : entity.end]):
        return Entity(entity.start, entity.end, NOT_PERSONAL, 0.0, "ner+organisation")
    if entity.type == "PERSON":
        start = people.after_request_words(text, entity.start, entity.end)
        return Entity(start, entity.end, entity.type, entity.score, entity.source)
    if entity.type != "LOCATION":
        return entity
    words = text[entity.start : entity.end].split()
    if words and words[0].lower() in given_names() and " ".join(words).lower() not in places():
        return Entity(entity.start, entity.end, "PERSON", 0.7, "ner+name-list")
    return entity


def resolve(entities: Iterable[Entity]) -> list[Entity]:
    """Keep the most certain entity for every character: by priority, then score, then length. A less certain
    entity that overlaps is trimmed to what lies outside, and dropped if little is left."""
    ranked = sorted(entities, key=lambda e: (PRIORITY.get(e.type, 2), -e.score, -(e.end - e.start), e.start))
    kept: list[Entity] = []
    for entity in ranked:
        pieces = [(entity.start, entity.end)]
        for other in kept:
            if other.start < entity.end and entity.start < other.end:
                pieces = [part for start, end in pieces for part in _minus(start, end, other.start, other.end)]
        for start, end in pieces:
            if end - start >= 2 and (start, end) == (entity.start, entity.end) or end - start >= 3:
                kept.append(Entity(start, end, entity.type, entity.score, entity.source))
    return sorted(_merge_same_type(sorted(kept)))


def _minus(start: int, end: int, cut_start: int, cut_end: int) -> list[tuple[int, int]]:
    if cut_end <= start or end <= cut_start:
        return [(start, end)]
    return [(s, e) for s, e in ((start, cut_start), (cut_end, end)) if e > s]


def _merge_same_type(entities: list[Entity]) -> Iterator[Entity]:
    """Touching pieces of one type become one entity, so one value gets one placeholder."""
    current: Entity | None = None
    for entity in entities:
        if current is not None and current.type == entity.type and entity.start <= current.end:
            end, score = max(current.end, entity.end), max(current.score, entity.score)
            current = Entity(current.start, end, current.type, score, current.source)
            continue
        if current is not None:
            yield current
        current = entity
    if current is not None:
        yield current
