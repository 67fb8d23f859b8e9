"""A detected piece of personal data: its Presidio type name and where it sits in the text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Entity:
    start: int
    """Offset of the first character in the original text."""
    end: int
    """Offset one past the last character."""
    type: str
    """Presidio's name: PERSON, EMAIL_ADDRESS, PHONE_NUMBER, CREDIT_CARD, US_SSN, IBAN_CODE, IP_ADDRESS, URL,
    LOCATION, DATE_TIME, or DENY_LIST for the user's own terms."""
    score: float
    """Confidence in [0, 1]: checksummed or validated values score near 1, NER guesses lower."""
    source: str = ""
    """The recognizer that found it (e.g. "luhn", "ner", "phonenumbers"), for debugging and evaluation."""

    def overlaps(self, other: Entity) -> bool:
        return self.start < other.end and other.start < self.end
