"""Reversible masking: each value becomes a placeholder such as ``<PERSON_1>``, the same value the same placeholder
for as long as the ``Masker`` lives (one conversation), so a cloud model can still reason about who is who.
The mapping lives only in this object's memory; it is never written anywhere."""

from __future__ import annotations

import re
from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from edge.privacy.detector import Detector
from edge.privacy.entities import Entity

REMEMBERED = 64
"""Texts whose detections a masker keeps: a conversation's history is masked again with every request."""
PLACEHOLDER = re.compile(r"<([A-Z_]+)_(\d+)>")
_SHORT = {"EMAIL_ADDRESS": "EMAIL", "PHONE_NUMBER": "PHONE", "IP_ADDRESS": "IP", "IBAN_CODE": "IBAN", "DATE_TIME": "DATE"}


@dataclass(frozen=True)
class Masked:
    text: str
    """The text with every detected value replaced by its placeholder."""
    entities: list[Entity]
    """What was found, with offsets into the original text."""
    placeholders: list[str] = field(default_factory=list)
    """The placeholder each entity became, in the same order."""

    @property
    def counts(self) -> dict[str, int]:
        """Entities by type: what the audit log records instead of the values."""
        return dict(Counter(e.type for e in self.entities))


@dataclass
class Masker:
    detector: Detector
    _by_value: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)
    _by_placeholder: dict[str, str] = field(default_factory=dict, repr=False)
    _detected: OrderedDict[str, list[Entity]] = field(default_factory=OrderedDict, repr=False)
    _literal: set[str] = field(default_factory=set, repr=False)

    def __repr__(self) -> str:
        return f"Masker({len(self._by_placeholder)} placeholders)"

    def mask(self, text: str) -> Masked:
        """Spellings of one value that differ only in case or spacing share its placeholder, so the cloud model
        knows them for one person; unmasking gives the first spelling back. Text that already looks like a
        placeholder ("<PERSON_1>") is never given that number, so unmasking leaves it as it was."""
        self._literal |= {m.group() for m in PLACEHOLDER.finditer(text)}
        entities = self._detect(text)
        parts, placeholders, last = [], [], 0
        for entity in entities:
            placeholders.append(self._placeholder(entity.type, text[entity.start : entity.end]))
            parts += [text[last : entity.start], placeholders[-1]]
            last = entity.end
        parts.append(text[last:])
        return Masked("".join(parts), entities, placeholders)

    def _detect(self, text: str) -> list[Entity]:
        if text in self._detected:
            self._detected.move_to_end(text)
            return self._detected[text]
        entities = self._detected[text] = self.detector.detect(text)
        if len(self._detected) > REMEMBERED:
            self._detected.popitem(last=False)
        return entities

    def _placeholder(self, kind: str, value: str) -> str:
        key = (kind, " ".join(value.split()).casefold())
        if key not in self._by_value:
            label = _SHORT.get(kind, kind)
            number = 1 + sum(1 for k, _ in self._by_value if k == kind)
            while f"<{label}_{number}>" in self._literal or f"<{label}_{number}>" in self._by_placeholder:
                number += 1
            placeholder = f"<{label}_{number}>"
            self._by_value[key] = placeholder
            self._by_placeholder[placeholder] = value
        return self._by_value[key]

    def unmask(self, text: str) -> str:
        """Placeholders this masker made are replaced by their values; any other ``<...>`` is left as it is."""
        return PLACEHOLDER.sub(lambda m: self._by_placeholder.get(m.group(), m.group()), text)

    def unmask_stream(self, pieces: Iterable[str]) -> Iterator[str]:
        """Unmasks streamed text, holding back a possible placeholder cut between two pieces."""
        pending = ""
        for piece in pieces:
            pending += piece
            cut = pending.rfind("<")
            if cut != -1 and ">" not in pending[cut:] and len(pending) - cut <= 24:
                ready, pending = pending[:cut], pending[cut:]
            else:
                ready, pending = pending, ""
            if ready:
                yield self.unmask(ready)
        if pending:
            yield self.unmask(pending)

    def leaks(self, reply: str, request: str) -> list[Entity]:
        """Personal data in a cloud reply that the masked request did not contain: the provider's own addition,
        flagged for the user. Placeholders and values the user gave are not counted."""
        known = {" ".join(v.split()).casefold() for v in self._by_placeholder.values()}
        sent = request.casefold()
        found = []
        for entity in self.detector.detect(reply):
            value = reply[entity.start : entity.end]
            folded = " ".join(value.split()).casefold()
            if PLACEHOLDER.search(value) or folded in sent or any(k in folded for k in known):
                continue
            found.append(entity)
        return found
