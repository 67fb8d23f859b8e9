"""Deterministic local handlers: timers and alarms, time and date, math and units, notes and reminders, status, chance
(coins, dice, random picks) and spelling."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from edge.skills.base import Skill, SkillReply, Slots
from edge.skills.chance import ChanceSkill
from edge.skills.clock import TimeSkill
from edge.skills.math import MathSkill
from edge.skills.notes import NotesSkill
from edge.skills.spelling import SpellingSkill
from edge.skills.status import StatusSkill
from edge.skills.timers import Fired, Scheduler, Timer, TimerSkill, TimerStore
from edge.store.database import Database


class Skills:
    """edge's skills, sharing one store; ``scheduler`` fires timers, alarms and reminders."""

    def __init__(self, db: Database, statuses: Callable[[], Sequence[Any]]) -> None:
        self.timers = TimerStore(db)
        self.scheduler = Scheduler(self.timers)
        skills: list[Skill] = [
            TimerSkill(self.timers),
            TimeSkill(),
            MathSkill(),
            NotesSkill(db, self.timers),
            StatusSkill(statuses),
            ChanceSkill(),
            SpellingSkill(),
        ]
        self.by_name: dict[str, Skill] = {s.name: s for s in skills}


__all__ = ["Fired", "Scheduler", "Skill", "SkillReply", "Skills", "Slots", "Timer", "TimerStore"]
