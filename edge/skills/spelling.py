"""A word spelled out letter by letter: "how do you spell necessary" → "Necessary: N, E, C, E, S, S, A, R, Y."."""

from __future__ import annotations

import re
from collections.abc import Mapping

from edge.errors import InputError
from edge.skills.base import Skill, SkillReply, Slots
from edge.skills.list_phrases import POLITE_END, POLITE_START

MAX_LETTERS = 40

_SPELL = re.compile(
    r"^(?:how (?:do|would|should|can) (?:you|i|we|one) spell|(?:can you |could you )?spell(?: out)?(?: the word)?"
    r"|(?:what is|what's) the (?:correct |right )?spelling of(?: the word)?|how is|how do you write)"
    r" (?P<word>[^\W\d_]+(?:['-][^\W\d_]+)*)(?: (?:spelled|spelt|spelled out|written))?$"
)

_POINTING = frozenset({"it", "that", "this", "them", "those", "these", "something", "anything", "words", "word"})
"""Words that stand for the word to spell rather than being it: "spell it"."""


class SpellingSkill(Skill):
    name = "spell"
    clarification = "Which word should I spell?"

    def parse(self, text: str, matched: Mapping[str, str] | None = None) -> Slots | None:
        plain = POLITE_END.sub("", POLITE_START.sub("", text.strip().rstrip(".!?\"'"))).strip()
        match = _SPELL.match(plain.lower())
        if match is None or not 2 <= len(match["word"]) <= MAX_LETTERS or match["word"] in _POINTING:
            return None
        return {"action": "spell", "word": plain[match.start("word") : match.end("word")]}

    def run(self, slots: Slots) -> SkillReply:
        if slots.get("action") != "spell" or not isinstance(slots.get("word"), str):
            raise InputError(
                f"the spell skill has no action {slots.get('action')!r}", "pass the slots SpellingSkill.parse returned"
            )
        word = str(slots["word"])
        letters = [c.upper() if c.isalpha() else {"-": "hyphen", "'": "apostrophe"}.get(c, c) for c in word]
        return SkillReply(self.name, "spell", f"{word.capitalize()}: {', '.join(letters)}.", {"word": word, "letters": letters})
