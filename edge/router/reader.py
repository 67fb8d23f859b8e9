"""The extractive reader: the sentence of the retrieved chunks that answers a question, and in it the short span
the question asks for, or the judgement that the chunks do not answer it.

There is no extractive QA model in any package registry, so the reader is built from what edge already runs: the
embedder scores each sentence's meaning against the question, the question's words are looked for in the sentence
and its chunk, and the question's type (when, how many, who, where...) picks the span: a value parsed as in
grounding, or a name. A question whose names or rare words the chunks do not hold is not answered from them.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from edge.router.values import Value, values
from edge.store.knowledge import Hit
from edge.store.stopwords import NEGATIONS, STOPWORDS

WORDS_WEIGHT = 0.5
"""A sentence's score is its similarity to the question plus this share of the question's words it holds."""
ANSWERABLE = 0.62
"""The best sentence's score below which the chunks are taken not to answer the question."""
_QUESTION_WORDS = frozenset("what which who whom whose when where why how name named".split())
_MEASURES = "many much long old far big large tall high often wide deep heavy fast"
_PLACES = "city country state town place region county river continent"
_KINDS: list[tuple[re.Pattern[str], frozenset[str]]] = [
    (re.compile(r"\bwhat time\b", re.I), frozenset({"time"})),
    (
        re.compile(r"\bwhen\b", re.I),
        frozenset({"date", "year", "time"}),
    ),
    (
        re.compile(r"\b(?:what year|which year|what date|what day|what century|what decade)\b", re.I),
        frozenset({"date", "year"}),
    ),
    (
        re.compile(rf"\bhow (?:{'|'.join(_MEASURES.split())})\b|\bwhat (?:percentage|percent|number|amount)\b", re.I),
        frozenset({"number", "amount", "money", "percent"}),
    ),
    (re.compile(r"\bhours\b(?! (?:ahead|before|after|earlier|later|long))", re.I), frozenset({"time"})),
    (re.compile(r"\bwho(?:m|se)?\b|\bwhat (?:is |was |were |are )?(?:the |its |their )?names?\b", re.I), frozenset({"name"})),
    (re.compile(rf"\bwhere\b|\b(?:what|which) (?:{'|'.join(_PLACES.split())})\b", re.I), frozenset({"name", "place"})),
]
"""What a question asks for, by how it asks: the first pattern that matches decides."""
_LOCATIVE = re.compile(
    r"\b(?:in|at|on|under|behind|beside|inside|near|next to|above|below|beneath|outside|by) (?:the |a |an |my |our |his |her"
    r" |their |its )?(?!(?:the|a|an)\b)[a-z0-9-]+(?: [a-z0-9-]+){0,3}?(?=[.,;!?]|$| and | but | so | every | since )"
)
"""Where a thing is, said without a name: "on level 3", "under the blue pot"."""
_MONTHS = "January February March April May June July August September October November December"
_DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
_DATE_WORDS = re.compile(
    rf"\b(?:(?:early |late |mid-?)?(?:the )?\d{{1,2}}(?:st|nd|rd|th) centur(?:y|ies)|(?:{'|'.join(_MONTHS.split())})"
    rf"|(?:{'|'.join(_DAYS.split())})|(?:spring|summer|autumn|winter) of)\b"
)
"""When a sentence says a time without a parsed date: a century, a month or a weekday alone."""
_NUMBER_WORDS = "a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|\\d+"
_RELATIVE_TIME = re.compile(
    rf"\b(?:(?:{_NUMBER_WORDS}) (?:minute|hour|day|week|month|year)s? (?:ahead|before|after|earlier|later|beforehand|in "
    rf"advance|prior|ago|from now)|(?:within|after) (?:{_NUMBER_WORDS}) (?:minute|hour|day|week|month|year)s?)\b",
    re.I,
)
"""When, said relative to something: "24 hours ahead", "two weeks before", "within 30 days"."""


@dataclass(frozen=True)
class Extract:
    number: int
    """The chunk's number among the hits, as cited: 1 for the first."""
    sentence: str
    span: str | None
    """The short answer inside the sentence, when the question asks for a value or a name and one is there."""
    score: float


def read(question: str, question_vector: np.ndarray, hits: list[Hit], embed: Callable[[list[str]], np.ndarray]) -> Extract | str:
    """The sentence of ``hits`` that answers the question, or why none does. When the closest sentence holds no
    value of the kind asked for, the closest one that does is taken if it is close enough: "what are the dentist's
    hours" is answered by the opening times, not by "cancelled up to 24 hours ahead"."""
    ranked = _ranked(question, question_vector, hits, embed)
    if not ranked:
        return "the documents have no sentences"
    found = _extract(question, ranked[0])
    kinds = asked_kinds(question)
    if found.span is None and kinds is not None and "name" not in kinds and not _holds_value(kinds, found.sentence):
        holding = next((r for r in ranked[1:] if r[0] >= ANSWERABLE and _holds_value(kinds, r[2])), None)
        found = _extract(question, holding) if holding else found
    chunk = hits[found.number - 1].text
    if found.score < ANSWERABLE:
        return f"no sentence is close to the question (best {found.score:.2f} < {ANSWERABLE})"
    if _names_missing(question, chunk):
        return "a name in the question is not in the documents"
    if missing := _numbers_missing(question, chunk):
        return f"the question's {missing[0]} is not in the documents"
    if _only_names_shared(question, f"{hits[found.number - 1].heading} {found.sentence}"):
        return "the sentence shares only names with the question, none of what it asks about"
    if _negated(question) and not _negated(found.sentence):
        return "the question asks what is not so; the sentence says what is"
    if found.span is None and _kind_absent(question, found.sentence):
        return "the sentence does not hold the kind of answer asked for"
    return found


def best_sentence(
    question: str, question_vector: np.ndarray, hits: list[Hit], embed: Callable[[list[str]], np.ndarray]
) -> Extract | None:
    """The sentence of ``hits`` closest to the question in meaning and words, whether or not it answers it."""
    ranked = _ranked(question, question_vector, hits, embed)
    return _extract(question, ranked[0]) if ranked else None


def _ranked(
    question: str, question_vector: np.ndarray, hits: list[Hit], embed: Callable[[list[str]], np.ndarray]
) -> list[tuple[float, int, str]]:
    """(score, chunk number, sentence) for every sentence of ``hits``, closest first."""
    candidates = [(n, s) for n, h in enumerate(hits, 1) for s in sentences(body(h.text))]
    if not candidates:
        return []
    asked = content_words(question)
    read = [f"{hits[n - 1].heading}: {s}" if hits[n - 1].heading else s for n, s in candidates]
    similarity = embed(read) @ question_vector
    scored = [
        (round(float(sim) + WORDS_WEIGHT * _share(asked, content_words(text)), 4), number, sentence)
        for sim, text, (number, sentence) in zip(similarity, read, candidates, strict=True)
    ]
    return sorted(scored, key=lambda item: -item[0])


def _extract(question: str, ranked: tuple[float, int, str]) -> Extract:
    score, number, sentence = ranked
    return Extract(number, sentence, span(question, sentence), score)


def span(question: str, sentence: str) -> str | None:
    """The part of ``sentence`` of the kind the question asks for that the question does not already say."""
    kinds = asked_kinds(question)
    if kinds is None:
        return None
    said = content_words(question)
    if "name" in kinds:
        names = [n for n in _names(sentence) if not content_words(n) <= said]
        if not names and "place" in kinds:
            names = [m.group() for m in _LOCATIVE.finditer(sentence) if not content_words(m.group()) <= said]
        return names[0] if len(names) == 1 else None
    found = [v.text for v in values(sentence) if _kind_fits(v, kinds) and not content_words(v.text) <= said]
    if not found and "date" in kinds:
        found = [m.group() for m in _when_words(sentence) if not content_words(m.group()) <= said]
    return found[0] if len(found) == 1 else None


def asked_kinds(question: str) -> frozenset[str] | None:
    """The kinds of answer the question asks for (a time, a date, a number, a name), or None for any other."""
    return next((k for pattern, k in _KINDS if pattern.search(question)), None)


def _kind_fits(value: Value, kinds: frozenset[str]) -> bool:
    if "year" in kinds and value.kind == "number" and value.stated is not None and 1000 <= value.stated <= 2100:
        return True
    return value.kind in kinds


def _names(sentence: str) -> list[str]:
    """Runs of capitalised words after the sentence's first word, joined by "of", "the", "de"."""
    words = sentence.split()
    runs: list[str] = []
    current: list[str] = []
    for i, word in enumerate(words):
        clean = word.strip(".,;:!?\"'()[]")
        if i > 0 and clean[:1].isupper() and clean.lower() not in STOPWORDS:
            current.append(clean)
        elif current and clean in ("of", "the", "de", "von", "van") and i + 1 < len(words) and words[i + 1][:1].isupper():
            current.append(clean)
        else:
            if current:
                runs.append(" ".join(current))
            current = []
        if current and word[-1:] in ".,;:!?":
            runs.append(" ".join(current))
            current = []
    if current:
        runs.append(" ".join(current))
    return runs


def _numbers_missing(question: str, chunk: str) -> list[str]:
    """The numbers the question states that the chunk does not."""
    held = set(re.findall(r"\d+", chunk))
    return [n for n in re.findall(r"\d+", question) if n not in held]


def _negated(text: str) -> bool:
    return any(w in NEGATIONS or w.endswith("n't") for w in re.findall(r"[a-z']+", text.lower()))


def _when_words(sentence: str) -> list[re.Match[str]]:
    return [*_DATE_WORDS.finditer(sentence), *_RELATIVE_TIME.finditer(sentence)]


def _kind_absent(question: str, sentence: str) -> bool:
    """Whether the question asks for a kind of answer (a time, a number, a name) that the sentence holds none of."""
    kinds = asked_kinds(question)
    if kinds is None:
        return False
    if "name" in kinds:
        said = content_words(question)
        places = [m.group() for m in _LOCATIVE.finditer(sentence)] if "place" in kinds else []
        return not any(not content_words(n) <= said for n in [*_names(sentence), *places])
    return not _holds_value(kinds, sentence)


def _holds_value(kinds: frozenset[str], sentence: str) -> bool:
    """Whether the sentence says a time, date or amount of the kinds asked for."""
    if "date" in kinds and any(_when_words(sentence)):
        return True
    return any(_kind_fits(v, kinds) for v in values(sentence))


def _names_missing(question: str, chunk: str) -> bool:
    """Whether a name the question asks about (a capitalised word after its first) is nowhere in the chunk, not
    even misspelt ("Hatmanis" for "Hartmanis", as typed or as heard by speech recognition)."""
    held = content_words(chunk)
    return any(not _near(word, held) for name in _asked_names(question) for word in content_words(name))


def _near(word: str, held: set[str]) -> bool:
    if word in held:
        return True
    if len(word) < 5 or word.isdigit():
        return False
    return bool(difflib.get_close_matches(word, [h for h in held if abs(len(h) - len(word)) <= 2], n=1, cutoff=0.8))


def _only_names_shared(question: str, sentence: str) -> bool:
    """Whether the question's words other than its names are all missing from the sentence: "What colour is the
    Marigold's sail?" is not answered by where the Marigold is moored."""
    names = set().union(*(content_words(w) for w in _asked_names(question)))
    rest = content_words(question) - names
    return bool(rest) and not rest & content_words(sentence)


def _asked_names(question: str) -> list[str]:
    return [w for w in question.split()[1:] if w[:1].isupper() and w.strip("?.,'\"").lower() not in STOPWORDS]


def _share(asked: set[str], held: set[str]) -> float:
    return len(asked & held) / len(asked) if asked else 0.0


def content_words(text: str) -> set[str]:
    return {
        stem(w)
        for w in re.findall(r"[a-z0-9]+", text.lower())
        if w not in STOPWORDS and w not in NEGATIONS and w not in _QUESTION_WORDS and (len(w) > 2 or w.isdigit())
    }


def stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def body(chunk_text: str) -> str:
    """The chunk without its heading prefix."""
    head, sep, rest = chunk_text.partition("\n\n")
    return rest if sep and len(head) < 200 and not head.rstrip().endswith((".", "!", "?")) else chunk_text


_ABBREVIATION = re.compile(
    r"(?:\b(?:Dr|Mr|Mrs|Ms|Mx|Prof|Rev|Hon|Gen|Col|Capt|Lt|Sgt|Gov|Sen|Rep|Sr|Jr|St|Mt|Ft|No|vs|Jan|Feb|Mar|Apr|Aug|Sept?"
    r"|Oct|Nov|Dec)|(?<![\w.])[A-Z])\.$"
)
"""A title, a short form or an initial whose full stop ends no sentence: "Dr. Alvarez", "J. R. R. Tolkien"."""


def sentences(text: str) -> list[str]:
    parts: list[str] = []
    for part in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])|\n{2,}", text):
        if parts and _ABBREVIATION.search(parts[-1]):
            parts[-1] = f"{parts[-1]} {part}"
        else:
            parts.append(part)
    return [" ".join(p.split()) for p in parts if len(p.split()) >= 3]
