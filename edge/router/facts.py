"""Questions for a fact of the world that no skill or document answered: what the local models may say to them.

SmolLM2-135M asked XQuAD questions without their paragraph names the right time, date, number, name or place in
about 6% of its answers, and how sure it is (the mean probability of its tokens, of its first sentence, or of the
value itself) does not tell its right answers from its wrong ones. A confidence threshold cannot separate them, so
the question's kind decides: by default the local models do not guess at such facts, and only the cloud, when
allowed, answers them. ``scripts/bench_fact_questions.py`` measures it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from edge.config import FactPolicy
from edge.router.reader import asked_kinds
from edge.router.tiers import Prompt

DONT_KNOW = "I don't know that offline, and I won't guess. Add a document that says it, or allow the cloud for such questions."
UNSURE = "I'm not sure of this, it's from memory: "
_ADDRESSED = re.compile(r"\b(?:you|your|yours|yourself)\b", re.I)
_QUESTION = re.compile(r"^\W*(?:what|which|who|whom|whose|when|where|how|in what|in which)\b|\?\W*$", re.I)


_MEANING = re.compile(
    r"^\W*(?:please |can you |could you )?(?:tell me )?"
    r"(?:what (?:does|do) (?!(?:it|that|this|all|everything|you|i)\b)\S+(?: \S+){0,2} mean"
    r"|what(?: is|'s) the (?:meaning|definition) of(?! life\b)|define"
    r"|(?:give me |what(?: is|'s) )?(?:a |another |the )?(?:synonyms?|antonyms?|opposite) (?:for|of))\b",
    re.I,
)
"""What a word means, or one like or unlike it: of fifteen common words SmolLM2-135M defined about five well and four
wrongly ("ubiquitous" as "a term coined by the author of The Unabomber"), and gave "sad" as a synonym for happy."""


def asks_for_fact(question: str) -> bool:
    """A question for a time, date, number, name or place, or for what a word means, not addressed to the assistant
    itself ("how old are you?" is small talk); a request that only holds a question word ("a story about a dragon
    who...") is none."""
    if _ADDRESSED.search(question):
        return False
    return bool(_MEANING.search(question)) or bool(_QUESTION.search(question)) and asked_kinds(question) is not None


def for_fact(prompt: Prompt, policy: FactPolicy, cloud_allowed: bool) -> Prompt | None:
    """The prompt for a fact question under ``policy``; None when no model may answer it."""
    if policy == "decline":
        return replace(prompt, local=False) if cloud_allowed else None
    if policy == "hedge":
        return replace(prompt, preface=prompt.preface + UNSURE)
    return prompt
