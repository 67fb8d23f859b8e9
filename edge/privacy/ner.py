"""Statistical named-entity recognition with spaCy, for what no pattern can find: names and places."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from typing import Any

from edge.config import Settings
from edge.errors import MissingExtra
from edge.models import ModelRegistry
from edge.privacy.entities import Entity

MANIFEST_ID = "en-core-web-sm"
"""en_core_web_sm 3.8.0 (MIT) from a PyPI package, its files checked against models/manifest.toml."""
LABELS = {"PERSON": "PERSON", "GPE": "LOCATION", "LOC": "LOCATION", "FAC": "LOCATION"}
"""spaCy's DATE and TIME are left out: they also tag ages, durations and card numbers; dates come from patterns."""
SCORES = {"PERSON": 0.85, "LOCATION": 0.8}
NOT_PERSONAL = "NOT_PERSONAL"
"""The type of the model's organisations, nationalities, events, laws and languages: never masked, they tell the
detector that a name found by a weaker rule is something else."""
_NOT_A_NAMES_END = " \t\n*#_~|/\\-–—,;:!?\"'()[]{}<>"
PIECE_CHARS = 100_000
"""The longest piece of text the model reads at once."""
_TRAILING_FIGURES = re.compile(r"(?:\s+\d+(?:[.,]\d+)?){2,}$")
"""Figures after a place's name in a table's row ("Notts County 2 1 1 0"): the model takes them into the name."""
_NOT_PERSONAL_LABELS = frozenset("ORG NORP EVENT LAW LANGUAGE".split())
_UNUSED_PIPES = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
"""The shared tok2vec feeds only the tagger and parser: the ner component embeds tokens with its own."""


class SpacyNer:
    """Loads the pipeline once, keeping only its tokenizer and NER, on first use. Its layers multiply matrices with
    numpy's BLAS rather than the bundled blis, which the wheels build without fast kernels: about 25% faster here.
    See pyproject.toml for why spaCy is pinned to 3.8.6."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings
        self._nlp: Any = None
        self._lock = threading.Lock()

    def load(self) -> Any:
        with self._lock:
            if self._nlp is None:
                try:
                    import spacy
                    from thinc.api import use_ops
                except ImportError:
                    raise MissingExtra("spacy", "privacy", "PII detection") from None
                registry = ModelRegistry(self.settings or Settings())
                model = registry.resolve_spec(registry.manifest.models[MANIFEST_ID])
                with use_ops("numpy", use_blis=False):
                    self._nlp = spacy.load(model.files["config.cfg"].parent, exclude=_UNUSED_PIPES)
        return self._nlp

    def entities(self, text: str) -> Iterator[Entity]:
        """Text of any length: a long one is read in pieces cut at line or sentence ends (spaCy refuses texts over
        a million characters, and its memory grows with the length)."""
        nlp = self.load()
        for offset, piece in pieces(text, PIECE_CHARS):
            for ent in nlp(recased(piece)).ents:
                start, end = ent.start_char, ent.end_char
                start += len(piece[start:end]) - len(piece[start:end].lstrip())
                end = start + len(piece[start:end].rstrip(_NOT_A_NAMES_END))
                if end <= start:
                    continue
                kind = LABELS.get(ent.label_)
                if kind == "PERSON":
                    digit = re.search(r"\s+\S*\d", piece[start:end])
                    end = start + digit.start() if digit else end
                elif figures := _TRAILING_FIGURES.search(piece[start:end]):
                    end = start + figures.start()
                if kind is not None and end > start and not piece[start].isdigit():
                    yield Entity(offset + start, offset + end, kind, SCORES[kind], f"ner:{ent.label_}")
                elif ent.label_ in _NOT_PERSONAL_LABELS:
                    yield Entity(offset + start, offset + end, NOT_PERSONAL, 0.0, f"ner:{ent.label_}")


def pieces(text: str, size: int) -> Iterator[tuple[int, str]]:
    """``text`` as (offset, piece) with pieces of at most ``size`` characters, each cut after the last line end,
    sentence end or space before the limit."""
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = max(window.rfind("\n"), window.rfind(". "), window.rfind("? "), window.rfind("! "))
        cut = cut + 1 if cut > 0 else window.rfind(" ") + 1 or size
        yield start, text[start : start + cut]
        start += cut
    yield start, text[start:]


def recased(text: str) -> str:
    """Lines written in capitals, with each word's first letter kept and the rest lower-cased: the model reads
    names by their capitals, and in a shouted line every word has them. Offsets are unchanged."""
    if not any(c.isupper() for c in text):
        return text
    return re.sub(r"[^\n]+", lambda line: _word_case(line.group()) if _shouted(line.group()) else line.group(), text)


def _shouted(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _word_case(line: str) -> str:
    return re.sub(r"(?<=[^\W\d_])[^\W\d_]+", lambda m: "".join(c.lower() if len(c.lower()) == 1 else c for c in m.group()), line)
