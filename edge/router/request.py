"""What passes through the answer path: the request, the reply's tokens as they come (withdrawn by a retraction when
the text they started is abandoned), then the reply, marked with what produced it."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from enum import Enum

from edge.router.citations import Citation
from edge.router.escalation import CloudTrace
from edge.router.gateway import Decision
from edge.skills.base import SkillReply


@dataclass(frozen=True)
class Request:
    text: str
    conversation: str | None = None
    """A conversation to remember: its recent turns are given to the LLM."""
    stop: threading.Event = field(default_factory=threading.Event)
    """Set by the caller (barge-in) to end generation at the next token."""
    max_sentences: int | None = None
    """An LLM's answer ends after this many sentences: the budget of a spoken answer."""


@dataclass(frozen=True)
class Token:
    """A piece of a reply's text, as it is generated."""

    text: str


@dataclass(frozen=True)
class Retracted:
    """The text streamed so far for this reply is withdrawn, all of it (a preface too): the tokens that follow
    replace it.

    Sent when a model that was streaming is abandoned (its time ran out, it failed, it is retried, or its answer
    was passed over), never after the caller stopped the request. A streamed reply's text is the tokens after the
    last retraction."""


class Handled(Enum):
    """What produced a reply. The value is its name in decision records and JSON output."""

    SKILL = "skill"
    CLARIFY = "clarify"
    """A skill was meant but could not parse the request: the reply asks for what is missing."""
    LOCAL_LLM = "llm:local"
    LARGER_LLM = "llm:larger"
    CLOUD_LLM = "llm:cloud"
    CACHE = "cache"
    DOCUMENTS = "knowledge"
    """Said from the documents without a model: a quoted source sentence, or that they hold no answer."""
    REFUSAL = "refusal"
    ERROR = "error"
    STOPPED = "stopped"

    @classmethod
    def by_tier(cls, tier: str) -> Handled:
        """The handler of an answer from the cascade's tier "local", "larger" or "cloud"."""
        return {"local": cls.LOCAL_LLM, "larger": cls.LARGER_LLM, "cloud": cls.CLOUD_LLM}[tier]

    @property
    def by_llm(self) -> bool:
        return self in (Handled.LOCAL_LLM, Handled.LARGER_LLM, Handled.CLOUD_LLM)


@dataclass(frozen=True)
class Reply:
    text: str
    decision: Decision
    handler: Handled
    models: list[str] = field(default_factory=list)
    fallbacks: list[str] = field(default_factory=list)
    confidence: float | None = None
    """The LLM's geometric-mean token probability for its answer."""
    latency_ms: dict[str, float] = field(default_factory=dict)
    cost_usd: float = 0.0
    skill: SkillReply | None = None
    citations: list[Citation] = field(default_factory=list)
    """The documents the answer was drawn from, numbered as the answer cites them."""
    cached: str | None = None
    """"exact" or "semantic" when the answer came from the answer cache."""
    notice: str | None = None
    """Why a local answer stands where the cloud was tried: refused by the policy or the user, down, or over budget.
    It also opens the reply's text."""
    cloud: CloudTrace | None = None
    """What left the device for this answer (masked), when the cloud model gave it."""
    error: str | None = None

    @property
    def label(self) -> str:
        """The handler as decision records and JSON output name it: "skill:timer", "llm:local", "cache", ..."""
        if self.handler is Handled.SKILL and self.decision.skill:
            return f"skill:{self.decision.skill}"
        return self.handler.value
