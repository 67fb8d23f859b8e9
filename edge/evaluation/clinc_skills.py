"""CLINC150's requests for what edge's skills do (timers, alarms, lists, arithmetic, unit conversion, time and date), as
an end-to-end check of the skills' grammars on phrasings crowd workers wrote.

Its train and val splits were read to find classes of phrasings the grammars missed; only the test split is reported.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from edge.evaluation import eval_dir

PATH = eval_dir() / "intent" / "clinc150_data_full.json"
UPDATES = frozenset({"add", "remove", "clear", "create", "delete_list", "update"})
READS = frozenset({"read", "contains", "lists"})
ALARMS = frozenset({"start", "status", "cancel", "move"})


@dataclass(frozen=True)
class Expected:
    family: str
    skill: str
    actions: frozenset[str] | None
    """The skill actions that serve the intent; None accepts any."""


INTENTS = {
    "timer": Expected("alarms/timers", "timer", ALARMS),
    "alarm": Expected("alarms/timers", "timer", ALARMS),
    "shopping_list": Expected("lists", "notes", READS),
    "todo_list": Expected("lists", "notes", READS),
    "shopping_list_update": Expected("lists", "notes", UPDATES),
    "todo_list_update": Expected("lists", "notes", UPDATES),
    "calculator": Expected("arithmetic", "math", None),
    "measurement_conversion": Expected("unit conversion", "math", None),
    "time": Expected("time/date", "time", None),
    "date": Expected("time/date", "time", None),
}


def read(path: Path = PATH, split: str = "test") -> Iterator[tuple[str, str, Expected]]:
    """(text, CLINC intent, what serves it) for the skill intents of one split."""
    for text, intent in json.loads(path.read_text())[split]:
        if intent in INTENTS:
            yield text, intent, INTENTS[intent]


def answered(expected: Expected, route: str, skill: str | None, action: str | None, asked: bool) -> bool:
    """The right skill acted with a fitting action, without asking back."""
    fits = expected.actions is None or action in expected.actions
    return route == "skill" and skill == expected.skill and fits and not asked
