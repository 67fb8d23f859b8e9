"""Chance: a coin flipped, dice rolled, a number or one of several things picked at random. A language model asked to
"roll a die" describes dice; this rolls one."""

from __future__ import annotations

import random
import re
from collections.abc import Mapping

from edge.errors import InputError
from edge.skills.base import Skill, SkillReply, Slots
from edge.skills.list_phrases import POLITE_END, POLITE_START
from edge.skills.spoken import normalize_numbers

MAX_THINGS = 20
"""Coins or dice at once: more is not a game said aloud."""
MAX_SIDES = 1000
MAX_NUMBER = 10**12

_COIN = re.compile(r"^(?:(?:flip|toss)(?: me)? (?:a|the|one|(?P<count>\d+)) coins?|heads or tails|call heads or tails)$")
_DICE = re.compile(
    r"^roll(?: me)?(?: (?:a|an|the|one|(?P<count>\d+)))?(?: (?P<sides>\d+)[- ]sided)? (?:die|dice|dices)"
    r"|^roll (?:a |an |one |(?P<count2>\d+) )?d(?P<sides2>\d+)$"
)
_NUMBER = re.compile(
    r"^(?:(?:pick|choose|give me|generate|think of|say|tell me|get)(?: me)? )?(?:a |one )?(?P<random>random )?(?:whole )?number"
    r"(?: (?:between|from) (?P<low>-?\d+) (?:and|to) (?P<high>-?\d+))?$"
)
_PICK = re.compile(r"^(?:pick|choose|decide)(?: for me)?(?: (?P<between>between)| one of| from)? (?:either )?(?P<options>.+)$")
_OPTIONS = re.compile(r",? or |, ")
_BETWEEN_OPTIONS = re.compile(r",? (?:or|and) |, ")
"""Things to pick from: "pizza or pasta"; after "between", "and" joins them too ("between pizza and pasta")."""


class ChanceSkill(Skill):
    name = "chance"
    clarification = "I can flip a coin, roll dice or pick a number: which would you like?"

    def __init__(self, rng: random.Random | None = None) -> None:
        self.rng = rng or random.SystemRandom()

    def parse(self, text: str, matched: Mapping[str, str] | None = None) -> Slots | None:
        plain = POLITE_END.sub("", POLITE_START.sub("", normalize_numbers(text.lower().strip().rstrip(".!?")))).strip()
        if match := _COIN.match(plain):
            return {"action": "coin", "count": int(match["count"] or 1)}
        if match := _DICE.match(plain):
            count = int(match["count"] or match["count2"] or 1)
            return {"action": "dice", "count": count, "sides": int(match["sides"] or match["sides2"] or 6)}
        if (match := _NUMBER.match(plain)) and (match["random"] or match["low"]):
            low, high = sorted((int(match["low"] or 1), int(match["high"] or 100)))
            return {"action": "number", "low": low, "high": high}
        if (match := _PICK.match(plain)) and not plain.startswith(("pick up", "pick me up")):
            split = _BETWEEN_OPTIONS if match["between"] else _OPTIONS
            options = [o.strip() for o in split.split(match["options"]) if o.strip()]
            return {"action": "pick", "options": options} if 2 <= len(options) <= MAX_THINGS else None
        return None

    def run(self, slots: Slots) -> SkillReply:
        action = slots.get("action")
        if action == "coin":
            return self._coins(int(slots.get("count", 1)))
        if action == "dice":
            return self._dice(int(slots.get("count", 1)), int(slots.get("sides", 6)))
        if action == "number":
            return self._number(int(slots["low"]), int(slots["high"]))
        if action == "pick":
            options = [str(o) for o in slots["options"]]
            choice = self.rng.choice(options)
            return SkillReply(self.name, "pick", f"I pick {choice}.", {"choice": choice})
        raise InputError(f"the chance skill has no action {action!r}", "pass the slots ChanceSkill.parse returned")

    def _coins(self, count: int) -> SkillReply:
        if not 1 <= count <= MAX_THINGS:
            return SkillReply(self.name, "coin", f"I can flip from 1 to {MAX_THINGS} coins at once.", {"error": "count"})
        faces = [self.rng.choice(("heads", "tails")) for _ in range(count)]
        return SkillReply(self.name, "coin", f"{_joined(faces).capitalize()}.", {"faces": faces})

    def _dice(self, count: int, sides: int) -> SkillReply:
        if not 1 <= count <= MAX_THINGS or not 2 <= sides <= MAX_SIDES:
            text = f"I can roll from 1 to {MAX_THINGS} dice of 2 to {MAX_SIDES} sides."
            return SkillReply(self.name, "dice", text, {"error": "count"})
        rolls = [self.rng.randint(1, sides) for _ in range(count)]
        if count == 1:
            article = "an" if str(rolls[0]).startswith("8") or rolls[0] in (11, 18) else "a"
            return SkillReply(self.name, "dice", f"You rolled {article} {rolls[0]}.", {"rolls": rolls, "total": rolls[0]})
        text = f"You rolled {_joined([str(r) for r in rolls])}: {sum(rolls)} in all."
        return SkillReply(self.name, "dice", text, {"rolls": rolls, "total": sum(rolls)})

    def _number(self, low: int, high: int) -> SkillReply:
        if max(abs(low), abs(high)) > MAX_NUMBER:
            return SkillReply(self.name, "number", "Those numbers are too big for me to pick between.", {"error": "range"})
        number = self.rng.randint(low, high)
        return SkillReply(self.name, "number", f"Your number is {number}.", {"number": number, "low": low, "high": high})


def _joined(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"
