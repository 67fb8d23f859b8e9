"""Names that the statistical model misses: those after a cue ("my name is", "Dr.", "Directed by:"), capitalised
runs that start with a known given name or end with a known surname, and every other mention of a name found once;
and names grown to their whole value. Names found by what surrounds them are in ``name_contexts``."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from edge.privacy.entities import Entity
from edge.privacy.gazetteers import COMMON_WORDS, common_surnames, every_given_name, given_names, places, surnames
from edge.privacy.patterns import EMAIL

_NAME_WORD = r"(?:[^\W\d_]\.|[^\W\d_][\w'’-]*)"
CAP_WORD = r"(?:[^\W\d_a-z]\.|[^\W\d_a-z][\w'’-]*)"
_SUFFIX = r"(?:\s+(?:Jr\.?|Sr\.?|II|III|IV|MD|PhD|DDS|DVM))?"
_CASELESS_CUES = re.compile(
    r"(?i)\b(?:my\s+name\s+is|name\s+is|name\s*:|first\s+name\s*(?:is|:|\?)|last\s+name\s*(?:is|:|\?)|surname\s*(?:is|:|\?)|"
    r"maiden\s+name\s+is|call\s+me|calls\s+me|called|named|signed|regards,|sincerely,|directed\s+by\s*:?|written\s+by\s*:?|"
    r"starring|add|under|to\s+leave\s+me)\s+"
)
_TITLE_CUES = re.compile(r"\b(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Sir|Madam|Dame|Rev|Hon)\.?\s+")
_CAPITAL_CUES = re.compile(
    r"(?i)\b(?:i\s+am|i'?m|this\s+is|dear|hi|hello|hey|said|says|asked|told|thanks|thank\s+you|and|with|by|of|to)\s+"
)
NAME_RUN = re.compile(rf"{CAP_WORD}(?:[ \t]+{CAP_WORD}){{0,3}}{_SUFFIX}")
CASELESS_RUN = re.compile(rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}}")
_NOT_NAMES = frozenset("i a an the my your our his her their this that it yes no not please thanks".split())
ORGANISATION_WORDS = frozenset(
    """inc incorporated corp corporation co company ltd limited llc llp plc gmbh ag sa nv bv spa oy ab as
    group holdings industries international bank bancorp capital partners associates mills motors airlines airways
    systems technologies labs pharmaceuticals foods stores communications networks energy resources petroleum oil
    mining electric telecom media entertainment insurance securities investments finance financial brands
    software solutions logistics enterprises ventures
    board service services party union league club council ministry department agency authority commission committee
    association federation society institute institution foundation trust university college school academy hospital
    church court parliament assembly congress senate government army police fc afc
    radio television tv news newspaper daily times post journal herald gazette press""".split()
)
"""Words that end an organisation's name ("Doubletree Corp", "Natural Law Party", "Immigration Service"): a run
of capitalised words ending in one names no person, whatever names it starts with."""


def _clean(run: str) -> str:
    return run.rstrip(" .,'’-") if not re.search(r"\b[^\W\d_]\.$", run) or run.endswith(" .") else run


def cued_names(text: str) -> Iterator[Entity]:
    for m in _CASELESS_CUES.finditer(text):
        run = CASELESS_RUN.match(text, m.end())
        if run is None:
            continue
        words = run.group().split()
        keep = []
        for word in words:
            if word.lower().strip(".") in COMMON_WORDS and not word[0].isupper():
                break
            keep.append(word)
        if not keep or keep[0].lower() in _NOT_NAMES:
            continue
        capitalised = keep[0][0].isupper()
        known = keep[0].lower() in given_names() or keep[-1].lower() in surnames()
        if m.group().strip().lower() in ("add", "under", "to leave me") and not (capitalised and (known or len(keep) > 1)):
            continue
        name = _clean(" ".join(keep))
        yield Entity(run.start(), run.start() + len(name), "PERSON", 0.8 if capitalised or known else 0.6, "name-cue")
    for m in _TITLE_CUES.finditer(text):
        run = NAME_RUN.match(text, m.end())
        if run is not None:
            name = _clean(run.group())
            yield Entity(run.start(), run.start() + len(name), "PERSON", 0.85, "title")


def known_names(text: str) -> Iterator[Entity]:
    """Capitalised runs whose first word is a given name or whose last word is a surname of the census lists."""
    given = given_names()
    for m in NAME_RUN.finditer(text):
        words = [w for w in re.finditer(r"\S+", _clean(m.group()))]
        while words and (common_word(words[0].group()) or words[0].group().lower() in REQUEST_WORDS):
            words.pop(0)
        if not words or (len(words) == 1 and len(words[0].group()) <= 3 and words[0].group().isupper()):
            continue
        start, end = m.start() + words[0].start(), m.start() + words[-1].end()
        first, last = words[0].group().lower(), re.sub(r"['’]s$", "", words[-1].group().lower())
        if last.strip(".,") in ORGANISATION_WORDS:
            continue
        if all(w.group().isupper() for w in words):
            yield from _shouted_names(m.start(), words)
            continue
        if len(words) >= 2 and (first in given or _is_surname(last)) and not any(town_not_name(w.group().lower()) for w in words):
            yield Entity(start, end, "PERSON", 0.7, "name-list")
        elif len(words) > 1 or first not in given and not _is_surname(last):
            continue
        elif first in given and (not _sentence_start(text, start) or _after_cue(text, start) or _followed_by_verb(text, end)):
            yield Entity(start, end, "PERSON", 0.55, "name-list")
        elif (
            _is_surname(last)
            and first not in places()
            and (not _sentence_start(text, start) or _followed_by_verb(text, end) and first not in stop_words())
        ):
            yield Entity(start, start + len(re.sub(r"['’]s$", "", words[0].group())), "PERSON", 0.5, "name-list")


def organisation_like(name: str) -> bool:
    """A run that names an organisation, not a person: it ends in an organisation's word ("Cofinec S.A.",
    "GTE Corp"), or holds an acronym in text that is not all capitals ("RKC Waalwijk", "SBC Warburg")."""
    words = name.split()
    if not words:
        return False
    last = re.sub(r"['’]s$", "", words[-1].lower()).replace(".", "")
    acronym = not name.isupper() and any(
        len(w) >= 3 and w.isupper() and w.isalpha() and not re.fullmatch(r"[IVXL]+|DDS|DVM|CPA|MBA|ESQ", w) for w in words
    )
    return last in ORGANISATION_WORDS or acronym


REQUEST_WORDS = frozenset("call email e-mail text ask tell meet message ping phone contact invite remind thank thanks".split())
"""Words that open a request and get taken into the name after them ("Call Jane Doe")."""


def after_request_words(text: str, start: int, end: int) -> int:
    """Where a name from ``start`` to ``end`` begins once the words that open a request are left out."""
    for word in re.finditer(r"[^\s,]+", text[start:end]):
        if word.group().lower() not in REQUEST_WORDS:
            return start + word.start()
    return start


def town_not_name(word: str) -> bool:
    """A town's name that is no given name nor a common surname: in a capitalised run it makes a club or a
    company ("Nottingham Forest", "Werder Bremen"), not a person."""
    return word in places() and word not in every_given_name() and word not in common_surnames()


def _is_surname(word: str) -> bool:
    """A surname of the lists, or a double-barrelled one with a part that is ("Jones-Davies")."""
    family = surnames()
    return word in family or "-" in word and any(part in family for part in word.split("-"))


def whole_names(text: str, entities: list[Entity]) -> list[Entity]:
    """Each name grown over the given name or initial before it and the surname after it ("German Ramirez",
    "J. Smith", "Olga Lebed"), where those words belong to no other entity: half a name still names someone."""
    taken = sorted((e.start, e.end) for e in entities)
    grown = []
    for entity in entities:
        start, end = entity.start, entity.end
        if entity.type == "PERSON":
            before = _WORD_BEFORE.search(text, 0, start)
            if before and (before.group(1).lower() in every_given_name() or re.fullmatch(r"[A-Z]\.", before.group(1))):
                start = before.start(1) if _free(taken, before.start(1), start, entity) else start
            after = _WORD_AFTER.match(text, end)
            if after and _is_surname(after.group(1).lower()):
                end = after.end(1) if _free(taken, end, after.end(1), entity) else end
        grown.append(Entity(start, end, entity.type, entity.score, entity.source))
    return grown


_WORD_BEFORE = re.compile(r"(?<![\w.])([A-Z][\w'’-]*\.?|[A-Z]\.)[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+([A-Z][a-z][\w'’-]*)\b")


def _free(taken: list[tuple[int, int]], start: int, end: int, entity: Entity) -> bool:
    """Whether the characters from start to end belong to no entity but this one."""
    return not any(a < end and start < b and (a, b) != (entity.start, entity.end) for a, b in taken)


def _shouted_names(offset: int, words: list[re.Match[str]]) -> Iterator[Entity]:
    """In capitals every word looks like a name: only a given name followed by a surname counts."""
    lowered = [w.group().lower() for w in words]
    for i in range(len(words) - 1):
        pair = f"{lowered[i]} {lowered[i + 1]}"
        if lowered[i] in given_names() and lowered[i + 1] in surnames() and pair not in places():
            yield Entity(offset + words[i].start(), offset + words[i + 1].end(), "PERSON", 0.6, "name-list")


def common_word(word: str) -> bool:
    """A common word, or a contraction of one ("I'm", "It's")."""
    lowered = word.lower()
    return lowered in COMMON_WORDS or re.sub(r"['’](?:m|d|ll|ve|re|s|t)$", "", lowered) in COMMON_WORDS


def heading_names(text: str) -> Iterator[Entity]:
    """The first line of a letter, signature or contact card: two to four capitalised words and nothing else."""
    m = re.match(rf"[\s>?*-]*({CAP_WORD}(?:[ \t]+{CAP_WORD}){{1,3}})[ \t]*\n", text)
    if m is not None and not any(w.lower() in COMMON_WORDS for w in m.group(1).split()):
        yield Entity(m.start(1), m.end(1), "PERSON", 0.6, "heading")


def lowercase_names(text: str) -> Iterator[Entity]:
    """In text written all in lower case: a known given name and the name-like words after it."""
    if not text.islower():
        return
    given = given_names()
    for m in re.finditer(r"[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,2}", text):
        words = m.group().split()
        if words[0] in given and words[0] not in COMMON_WORDS:
            keep = [words[0]]
            for word in words[1:]:
                if word in COMMON_WORDS or len(word) < 1:
                    break
                keep.append(word)
            yield Entity(m.start(), m.start() + len(" ".join(keep)), "PERSON", 0.5, "name-list-lowercase")


_LABELS = frozenset(
    "name date phone address email e-mail website when where mobile desk fax note bot user q a re subject to from cc".split()
)


def speakers(text: str) -> Iterator[Entity]:
    """Dialogue written as "Name: line" on two or more lines."""
    found = list(re.finditer(rf"(?m)^[ \t>]*({CAP_WORD}(?:[ \t]+{CAP_WORD})?)[ \t]*:(?=[ \t]*\S)", text))
    found = [m for m in found if m.group(1).split()[0].lower() not in _LABELS]
    if len(found) >= 2:
        for m in found:
            yield Entity(m.start(1), m.end(1), "PERSON", 0.6, "speaker")


_DISPLAY_NAME = re.compile(rf"({NAME_RUN.pattern})[ \t]*[(<][ \t]*{EMAIL.pattern}[ \t]*[)>]")


def display_names(text: str) -> Iterator[Entity]:
    """The name written before an email address in brackets, as mail programs show a sender ("Callum Sykes
    <xshah@example.net>", "Cristian (cynthia23@example.com)")."""
    for m in _DISPLAY_NAME.finditer(text):
        words = list(re.finditer(r"\S+", m.group(1)))
        while words and _not_a_name(words[0].group()):
            words.pop(0)
        if words and not organisation_like(m.group(1)[words[0].start() :]):
            yield Entity(m.start(1) + words[0].start(), m.start(1) + words[-1].end(), "PERSON", 0.8, "display-name")


def _not_a_name(word: str) -> bool:
    lowered = word.lower()
    return lowered in REQUEST_WORDS or common_word(word) and lowered not in every_given_name()


def repeated(text: str, names: list[Entity]) -> Iterator[Entity]:
    """Every other mention of a name found once, of its given name ("Magnus ... Magnus Poulsen") and of its
    surname ("Jurgen Klinsmann ... Klinsmann")."""
    candidates = set()
    for entity in names:
        value = text[entity.start : entity.end]
        words = value.split()
        candidates |= {value, words[-1]} if len(words) > 1 else {value}
        if len(words) > 1 and words[0].lower() in given_names():
            candidates.add(words[0])
    candidates = {c for c in candidates if len(c) >= 3 and c[0].isupper() and c.lower() not in COMMON_WORDS}
    for candidate in candidates:
        at = text.find(candidate)
        while at >= 0:
            end = at + len(candidate)
            if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                yield Entity(at, end, "PERSON", 0.6, "repeated")
            at = text.find(candidate, end)


@functools.cache
def stop_words() -> frozenset[str]:
    """English function words ("how", "whoever", "nobody") that are also someone's surname."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _after_cue(text: str, start: int) -> bool:
    return _CAPITAL_CUES.search(text, max(0, start - 12), start) is not None


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'“(>")
    return not before or before[-1] in ".!?\n:"


_VERBS = re.compile(
    r"(?:'s\b|\s+(?:is|was|has|had|did|does|lives|said|says|went|will|can|and|spent|began|wrote|gave|told|asked)\b)"
)


def _followed_by_verb(text: str, end: int) -> bool:
    return _VERBS.match(text, end) is not None
