"""Scoring PII detection on Presidio's synthetic set (pii/ in the evaluation data), shared by the benchmark and the
quality test. Span level, with overlap: a gold value counts as found when entities of its type cover at least
half of its characters; an entity counts as right when it overlaps a gold value of its type."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from edge.privacy.entities import Entity

GOLD_TYPES = {
    "PERSON": "PERSON",
    "STREET_ADDRESS": "LOCATION",
    "GPE": "LOCATION",
    "DOMAIN_NAME": "URL",
    "EMAIL_ADDRESS": "EMAIL_ADDRESS",
    "PHONE_NUMBER": "PHONE_NUMBER",
    "CREDIT_CARD": "CREDIT_CARD",
    "US_SSN": "US_SSN",
    "IBAN_CODE": "IBAN_CODE",
    "IP_ADDRESS": "IP_ADDRESS",
    "DATE_TIME": "DATE_TIME",
}
"""Dataset type -> Presidio's name, as presidio-research maps them. Other dataset types (ORGANIZATION, TITLE, AGE,
NRP, ZIP_CODE, US_DRIVER_LICENSE) are not scored: an entity on one of them is neither right nor wrong."""
SCORED = frozenset(GOLD_TYPES.values())
"""Entity types scored; others a detector reports (Presidio's NRP, US_BANK_NUMBER…) are left out of precision too."""
COVERED = 0.5


@dataclass(frozen=True)
class Sample:
    text: str
    gold: list[Entity]
    """Spans with the dataset's own type names."""


@dataclass(frozen=True)
class Row:
    type: str
    gold: int
    found: int
    predicted: int
    correct: int

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float | None:
        return self.correct / self.predicted if self.predicted else None

    @property
    def f2(self) -> float | None:
        p, r = self.precision, self.recall
        return None if p is None else (5 * p * r / (4 * p + r) if p + r else 0.0)


@dataclass
class Report:
    rows: dict[str, Row] = field(default_factory=dict)
    overall: Row | None = None
    character_recall: float = 0.0
    """Share of gold characters covered by any entity, whatever its type: what did not leak."""

    def table(self, name: str = "edge") -> str:
        lines = [f"| {name} | gold | precision | recall | F2 |", "|---|---|---|---|---|"]
        for row in [*sorted(self.rows.values(), key=lambda r: -r.gold), *([self.overall] if self.overall else [])]:
            p, f2 = row.precision, row.f2
            lines.append(
                f"| {row.type} | {row.gold} | {'n/a' if p is None else f'{p:.3f}'} | {row.recall:.3f} | "
                f"{'n/a' if f2 is None else f'{f2:.3f}'} |"
            )
        return "\n".join(lines)


def load_pii_dataset(path: Path) -> list[Sample]:
    records = json.loads(path.read_text(encoding="utf-8"))
    return [
        Sample(
            r["full_text"],
            sorted(Entity(s["start_position"], s["end_position"], s["entity_type"], 1.0, "gold") for s in r["spans"]),
        )
        for r in records
    ]


def score(samples: list[Sample], predictions: list[list[Entity]]) -> Report:
    gold: Counter[str] = Counter()
    found: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    gold_chars = covered_chars = 0
    for sample, entities in zip(samples, predictions, strict=True):
        for span in sample.gold:
            kind = GOLD_TYPES.get(span.type)
            if kind is None:
                continue
            same = _covered(span, [e for e in entities if e.type == kind])
            hit = same >= COVERED * (span.end - span.start)
            for key in {kind, span.type} if span.type == "STREET_ADDRESS" else {kind}:
                gold[key] += 1
                found[key] += hit
            gold_chars += span.end - span.start
            covered_chars += _covered(span, entities)
        for entity in entities:
            if entity.type not in SCORED:
                continue
            overlapping = [s for s in sample.gold if s.overlaps(entity)]
            if any(GOLD_TYPES.get(s.type) == entity.type for s in overlapping):
                predicted[entity.type] += 1
                correct[entity.type] += 1
            elif not any(GOLD_TYPES.get(s.type) is None for s in overlapping):
                predicted[entity.type] += 1
    rows = {
        kind: Row(kind, gold[kind], found[kind], 0 if kind == "STREET_ADDRESS" else predicted[kind], correct[kind])
        for kind in set(gold) | set(predicted)
    }
    scored = [r for r in rows.values() if r.type != "STREET_ADDRESS"]
    overall = Row(
        "overall",
        sum(r.gold for r in scored),
        sum(r.found for r in scored),
        sum(r.predicted for r in scored),
        sum(r.correct for r in scored),
    )
    return Report(rows, overall, covered_chars / gold_chars if gold_chars else 0.0)


def _covered(span: Entity, entities: list[Entity]) -> int:
    chars: set[int] = set()
    for entity in entities:
        chars.update(range(max(entity.start, span.start), min(entity.end, span.end)))
    return len(chars)
