"""Statistical named-entity recognition with spaCy, for what no pattern can find: names and places."""

from __future__ import annotations

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
        doc = self.load()(text)
        for ent in doc.ents:
            kind = LABELS.get(ent.label_)
            if kind is not None:
                yield Entity(ent.start_char, ent.end_char, kind, SCORES[kind], f"ner:{ent.label_}")
