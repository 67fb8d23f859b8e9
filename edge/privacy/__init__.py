"""Personal data kept on the device: detection, reversible masking, the egress gate and the egress log."""

from edge.privacy.audit import EgressLog, EgressRecord
from edge.privacy.detector import Detector
from edge.privacy.entities import Entity
from edge.privacy.masking import Masked, Masker
from edge.privacy.policy import Consent, ConsentRequest, EgressRefused

__all__ = [
    "Consent",
    "ConsentRequest",
    "Detector",
    "EgressLog",
    "EgressRecord",
    "EgressRefused",
    "Entity",
    "Masked",
    "Masker",
]
