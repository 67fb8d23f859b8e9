"""What every skill is: a deterministic local handler that parses its slots, then acts and replies."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

Slots = dict[str, Any]
"""A skill's parsed arguments: plain JSON values, always with an ``action`` key (e.g. {"action": "start", "seconds": 600})."""


@dataclass(frozen=True)
class SkillReply:
    skill: str
    action: str
    text: str
    """One short sentence, written to be spoken."""
    data: dict[str, Any] = field(default_factory=dict)
    """The structured result, e.g. {"timer_id": 3, "seconds": 600}."""


class Skill(ABC):
    """``parse`` never acts, so a router can show its decision without executing it (``edge route``);
    ``run`` acts on what ``parse`` returned."""

    name: ClassVar[str]
    clarification: ClassVar[str]
    """One spoken sentence for a request meant for this skill that it cannot parse: what was understood, and a
    question for what is missing."""

    @abstractmethod
    def parse(self, text: str, matched: Mapping[str, str] | None = None) -> Slots | None:
        """Slots from the request, or None when this skill cannot serve it.

        ``matched`` holds the raw values of a template match (e.g. {"duration": "ten minutes"}), when there was one.
        """

    @abstractmethod
    def run(self, slots: Slots) -> SkillReply:
        """Act on parsed slots and reply."""

    def complete(self, slots: Slots) -> bool:
        """The request had everything ``run`` needs to act; False when it would ask back ("set a timer" asks for
        how long), so a spoken request that pauses there is not ended early."""
        return True

    def declines(self, text: str) -> bool:
        """True for a request that only looks like this skill's ("the fire alarm keeps beeping" is not about an
        alarm the timer skill sets): the router then sends it where the classifier's next intent goes."""
        return False

    def load(self) -> None:  # noqa: B027
        """Build whatever is slow to build, so the first request does not wait for it."""
