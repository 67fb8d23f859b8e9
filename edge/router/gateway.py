"""The gateway: one request in, one decision out (route, intent, skill, slots), without executing anything."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from edge.config import Route, RouterSettings, is_route
from edge.engines import Classification
from edge.errors import RoleUnavailable
from edge.router.templates import TemplateMatcher
from edge.skills.base import Skill, Slots
from edge.store.matching import DocumentMatch
from edge.telemetry import elapsed_ms

MatchedBy = Literal["template", "classifier", "documents", "empty"]
Completeness = Literal["complete", "incomplete", "unknown"]
"""A skill command with everything its skill needs, one it would ask back about ("set a timer"), or neither."""
WORDS_SIMILARITY = 0.25
"""A chunk that shares rare words with a request must still be this similar in meaning: names alone can coincide."""
WORDS_COVERAGE = 0.5
"""... and hold at least this share of the request's word weight."""
RUNNER_UP = 0.15
"""When the likeliest skill cannot parse a request, another skill this likely that parses all of it serves it."""
MEDIA_COMMAND = re.compile(
    r"^(?:(?:please|can you|could you|would you|will you|hey|ok|okay|now|just)\s+)*"
    r"(?:play|replay|shuffle|stream|start playing|resume playing|put on some|(?:i (?:want|wanna|would like|'d like|need)"
    r"|let me|let's|lets) (?:to )?(?:listen to|listen|hear))\b(?! (?:with|along)\b)"
    r"(?! (?:(?:a|an|another|some|more|something|one) )?(?:joke|story|stories|riddle|fact|poem|funny|interesting|cool|fun"
    r"|good|new)s?\b| (?:you|your|yours|about|what|how|why|it|that|this|from you)\b)",
    re.IGNORECASE,
)
"""A command to play media, which the classifier can take for small talk ("play some jazz", "I want to hear country
music"); it is decided as the ``device`` intent."""


@dataclass(frozen=True)
class Decision:
    route: Route
    intent: str | None
    """The classifier's label or the matched template's skill; None for an empty request."""
    skill: str | None
    """The skill that will serve it (route "skill"), or that was meant but could not parse it (route "clarify")."""
    slots: Slots | None
    confidence: float
    """1.0 for a template match; the closest document chunk's similarity when the documents decided; else the
    classifier's calibrated probability of ``intent``."""
    latency_ms: float
    matched_by: MatchedBy
    reason: str
    """Why this route, in a few words."""
    stages_ms: dict[str, float] = field(default_factory=dict)


class Gateway:
    """Template match first, then the intent classifier; the config maps each intent to a route. When the user has
    documents, a request that is not a confident skill command and matches them strongly goes to ``knowledge``."""

    def __init__(
        self,
        settings: RouterSettings,
        skills: Mapping[str, Skill],
        classify: Callable[[str], Classification],
        templates: TemplateMatcher | None = None,
        documents: Callable[[str], DocumentMatch | None] | None = None,
    ) -> None:
        """``documents`` tells how closely a request matches the user's documents, None when there are none."""
        self.settings = settings
        self.skills = skills
        self.classify = classify
        self.templates = templates if templates is not None else TemplateMatcher() if settings.templates else None
        self.documents = documents

    def decide(self, text: str) -> Decision:
        start = time.perf_counter()
        stages: dict[str, float] = {}
        if not text or not text.strip():
            return Decision("oos", None, None, None, 1.0, elapsed_ms(start), "empty", "the request is empty", stages)
        if self.templates is not None:
            decision = self._by_template(text, start, stages)
            if decision is not None:
                return decision
        decision = self._by_classifier(text, start, stages)
        if self.documents is None or decision.route == "knowledge" or self._confident_skill(decision):
            return decision
        return self._by_documents(text, decision, start, stages)

    def completeness(self, text: str) -> Completeness:
        """Whether ``text`` is a skill command (a template matched, or the classifier is confident and the skill
        parses it) with everything the skill needs. The documents are not asked: this is for ending a spoken turn."""
        if not text.strip():
            return "unknown"
        start = time.perf_counter()
        decision = self._by_template(text, start, {}) if self.templates is not None else None
        if decision is None:
            decision = self._by_classifier(text, start, {})
            if not self._confident_skill(decision):
                return "unknown"
        assert decision.skill is not None and decision.slots is not None
        return "complete" if self.skills[decision.skill].complete(decision.slots) else "incomplete"

    def _confident_skill(self, decision: Decision) -> bool:
        return decision.route == "skill" and decision.confidence >= self.settings.confident_skill

    def _by_documents(self, text: str, decision: Decision, start: float, stages: dict[str, float]) -> Decision:
        """Whatever the classifier said: it was trained on requests, not on the user's documents."""
        assert self.documents is not None
        mark = time.perf_counter()
        try:
            match = self.documents(text)
        except RoleUnavailable:
            match = None
        stages["documents"] = elapsed_ms(mark)
        if match is None or not self._matches(match, decision):
            return replace(decision, latency_ms=elapsed_ms(start))
        reason = f"documents match (similarity {match.similarity:.2f}, rare words {match.words:.1f}) over {decision.reason}"
        return self._decision("knowledge", decision.intent, None, None, match.similarity, start, "documents", reason, stages)

    def _matches(self, match: DocumentMatch, decision: Decision) -> bool:
        """Close in meaning, or sharing the request's rare words; a request a skill could parse is a command
        unless a chunk means the same."""
        if match.similarity >= self.settings.documents_similarity:
            return True
        return (
            decision.route != "skill"
            and match.similarity >= WORDS_SIMILARITY
            and match.words >= self.settings.documents_words
            and match.coverage >= WORDS_COVERAGE
        )

    def _by_classifier(self, text: str, start: float, stages: dict[str, float]) -> Decision:
        mark = time.perf_counter()
        try:
            result = self.classify(text)
        except RoleUnavailable as exc:
            reason = f"no template matched and the classifier is unavailable ({exc.message}) -> chat"
            return self._decision("chat", None, None, None, 0.0, start, "classifier", reason, stages)
        stages["classifier"] = elapsed_ms(mark)
        intent, confidence = result.label, round(float(result.confidence), 4)
        if intent == "oos" or confidence < self.settings.min_confidence:
            route = self.settings.low_confidence_route
            reason = f"classifier unsure: {intent} at {confidence:.2f} < {self.settings.min_confidence}"
            return self._decision(route, intent, None, None, confidence, start, "classifier", reason, stages)
        if intent in ("chat", "complex") and MEDIA_COMMAND.match(text.strip()):
            route = self._route_of("device")
            reason = f"a command to play media, classified {intent} at {confidence:.2f} -> {route}"
            return self._decision(route, "device", None, None, confidence, start, "classifier", reason, stages)
        target = self.settings.intents.get(intent, self.settings.low_confidence_route)
        name, _, skill = target.partition(":")
        if name != "skill" and is_route(name):
            reason = f"intent {intent} at {confidence:.2f} -> {name}"
            return self._decision(name, intent, None, None, confidence, start, "classifier", reason, stages)
        if self.skills[skill].declines(text):
            taken = self._next_skill(text, result, skill, f"the {skill} skill declines it", start, stages)
            return taken or self._declined(result, skill, start, stages)
        mark = time.perf_counter()
        slots = self.skills[skill].parse(text)
        stages["parse"] = elapsed_ms(mark)
        if slots is None:
            if taken := self._next_skill(text, result, skill, f"the {skill} skill cannot parse it", start, stages):
                return taken
            route = self.settings.unparsed_skill_route
            reason = f"intent {intent} at {confidence:.2f}, but the {skill} skill cannot parse it -> {route}"
            meant = skill if route == "clarify" else None
            return self._decision(route, intent, meant, None, confidence, start, "classifier", reason, stages)
        reason = f"intent {intent} at {confidence:.2f} -> {skill} skill"
        return self._decision("skill", intent, skill, slots, confidence, start, "classifier", reason, stages)

    def _next_skill(
        self, text: str, result: Classification, skill: str, why: str, start: float, stages: dict[str, float]
    ) -> Decision | None:
        """Another skill the classifier thought likely that parses the whole command: a clause about something else
        ("set an alarm for noon so I can register") can pull the classifier astray."""
        for p, label in sorted(((p, label) for label, p in result.probabilities.items()), reverse=True):
            if p < RUNNER_UP:
                return None
            route, _, other = self.settings.intents.get(label, "").partition(":")
            if route != "skill" or other == skill or other not in self.skills or self.skills[other].declines(text):
                continue
            slots = self.skills[other].parse(text)
            if slots is not None and self.skills[other].complete(slots):
                reason = f"{why}; next intent {label} at {p:.2f} -> {other} skill"
                return self._decision("skill", label, other, slots, round(float(p), 4), start, "classifier", reason, stages)
        return None

    def _route_of(self, intent: str) -> Route:
        name = self.settings.intents.get(intent, self.settings.low_confidence_route).partition(":")[0]
        return name if is_route(name) and name not in ("skill", "clarify") else self.settings.low_confidence_route

    def _declined(self, result: Classification, skill: str, start: float, stages: dict[str, float]) -> Decision:
        """The classifier's most likely intent that is not this skill's decides; another skill's is answered as chat,
        since the request was not a command."""
        confidence, intent = max(
            (p, label) for label, p in result.probabilities.items() if self.settings.intents.get(label) != f"skill:{skill}"
        )
        name = self.settings.intents.get(intent, self.settings.low_confidence_route).partition(":")[0]
        route: Route = name if is_route(name) and name != "skill" else "chat"
        reason = f"the {skill} skill declines it; next intent {intent} at {confidence:.2f} -> {route}"
        return self._decision(route, intent, None, None, round(confidence, 4), start, "classifier", reason, stages)

    def _by_template(self, text: str, start: float, stages: dict[str, float]) -> Decision | None:
        assert self.templates is not None
        mark = time.perf_counter()
        matches = self.templates.matches(text)
        stages["template"] = elapsed_ms(mark)
        for match in matches:
            target = self.settings.intents.get(match.intent, "")
            route, _, skill = target.partition(":")
            if route != "skill" or skill not in self.skills or self.skills[skill].declines(text):
                continue
            slots = self.skills[skill].parse(text, match.slots)
            if slots is not None:
                stages["parse"] = elapsed_ms(mark) - stages["template"]
                reason = f"template of the {skill} skill"
                return self._decision("skill", match.intent, skill, slots, 1.0, start, "template", reason, stages)
        return None

    @staticmethod
    def _decision(
        route: Route,
        intent: str | None,
        skill: str | None,
        slots: Slots | None,
        confidence: float,
        start: float,
        matched_by: MatchedBy,
        reason: str,
        stages: dict[str, float],
    ) -> Decision:
        return Decision(route, intent, skill, slots, confidence, elapsed_ms(start), matched_by, reason, stages)
