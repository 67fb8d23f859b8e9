"""Replies that need no model: a skill's, a question for what a skill request left out, and an honest refusal
of what edge cannot do."""

from __future__ import annotations

from edge.router.gateway import Decision
from edge.router.request import Handled, Reply
from edge.skills import Skills

REFUSALS = {
    "empty": "I didn't get a request. What would you like me to do?",
    "weather": "I can't check the weather: I run offline, with no weather service.",
    "device": "I can't control devices: I have no connection to your smart home.",
    "unsupported": "I can't do that: I run offline on this device, without calls, messages, shopping or the internet.",
    "unsure": "I'm not sure what you're asking, and I'd rather not guess. Could you say it another way?",
}


def skill_reply(skills: Skills, decision: Decision) -> Reply:
    """Runs the skill the decision names with its parsed slots."""
    assert decision.skill is not None and decision.slots is not None
    result = skills.by_name[decision.skill].run(decision.slots)
    return Reply(result.text, decision, Handled.SKILL, skill=result)


def clarification(skills: Skills, decision: Decision) -> Reply:
    """Asks for what is missing from a request meant for a skill that could not parse it, rather than let the LLM
    guess at it as small talk."""
    assert decision.skill is not None
    return Reply(skills.by_name[decision.skill].clarification, decision, Handled.CLARIFY)


def refusal(decision: Decision) -> Reply:
    if decision.matched_by == "empty":
        key = "empty"
    else:
        key = decision.intent if decision.intent in REFUSALS else "unsure"
    return Reply(REFUSALS[key], decision, Handled.REFUSAL)
