"""SLURP (Bastianelli et al., 2020; text CC BY 4.0) as a routing evaluation: real spoken assistant requests, each
mapped to the edge handler that should serve it.

Only the devel split is used (never test, nor HWU64, whose sentences overlap it). It is split in two halves by a hash
of the SLURP id: ``tune`` may be read to find classes of errors, ``heldout`` is only ever reported.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

Split = str
""""tune" or "heldout"."""


@dataclass(frozen=True)
class Family:
    """Edge's right handler for a group of SLURP intents."""

    name: str
    route: str
    """"skill", "llm" (any LLM route) or "oos" (an honest refusal)."""
    skill: str | None = None
    actions: dict[str, frozenset[str]] | None = None
    """SLURP intent -> the skill actions that serve it; None accepts any action of the skill."""


FAMILIES: dict[str, Family] = {}
INTENTS: dict[str, Family] = {}


def _family(family: Family, *intents: str) -> None:
    FAMILIES[family.name] = family
    for intent in intents:
        INTENTS[intent] = family


_family(Family("time/date", "skill", "time"), "datetime_query", "datetime_convert")
_family(
    Family(
        "alarms/timers",
        "skill",
        "timer",
        {
            "alarm_set": frozenset({"start", "move"}),
            "alarm_query": frozenset({"status"}),
            "alarm_remove": frozenset({"cancel"}),
        },
    ),
    "alarm_set",
    "alarm_query",
    "alarm_remove",
)
_family(
    Family(
        "lists",
        "skill",
        "notes",
        {
            "lists_createoradd": frozenset({"add", "create", "update"}),
            "lists_query": frozenset({"read", "lists", "contains"}),
            "lists_remove": frozenset({"remove", "clear", "delete_list", "update"}),
        },
    ),
    "lists_createoradd",
    "lists_query",
    "lists_remove",
)
_family(Family("arithmetic", "skill", "math"), "qa_maths")
_family(
    Family("offline refusal", "oos"),
    "weather_query",
    "audio_volume_down",
    "audio_volume_mute",
    "audio_volume_up",
    "iot_cleaning",
    "iot_coffee",
    "iot_hue_lightchange",
    "iot_hue_lightdim",
    "iot_hue_lightoff",
    "iot_hue_lighton",
    "iot_hue_lightup",
    "iot_wemo_off",
    "iot_wemo_on",
    "email_query",
    "email_sendemail",
    "email_querycontact",
    "email_addcontact",
    "play_music",
    "play_radio",
    "play_podcasts",
    "play_audiobook",
    "play_game",
    "news_query",
    "social_post",
    "social_query",
    "takeaway_order",
    "takeaway_query",
    "transport_taxi",
    "transport_ticket",
    "transport_traffic",
    "transport_query",
    "qa_stock",
    "qa_currency",
)
_family(Family("chat", "llm"), "general_joke", "general_greet", "general_quirky", "qa_factoid", "qa_definition")

WAKE_WORDS = re.compile(r"^(?:(?:hey|hi|ok|okay)\s+)?(?:olly|ollie|siri|alexa|google)\b[\s,]*", re.IGNORECASE)
"""What SLURP's speakers said to wake the device; a wake-word detector consumes it before edge hears the request."""


@dataclass(frozen=True)
class Utterance:
    slurp_id: int
    text: str
    intent: str
    family: Family
    split: Split


def default_path() -> Path:
    """``$EDGE_SLURP`` or ~/.cache/edge/slurp/devel.jsonl (dataset/slurp/devel.jsonl of github.com/pswietojanski/slurp)."""
    configured = os.environ.get("EDGE_SLURP")
    return Path(configured).expanduser() if configured else Path.home() / ".cache" / "edge" / "slurp" / "devel.jsonl"


def split_of(slurp_id: int) -> Split:
    digest = hashlib.sha256(f"slurp:{slurp_id}".encode()).digest()
    return "heldout" if digest[0] % 2 else "tune"


def read(path: Path) -> Iterator[Utterance]:
    """The devel utterances whose intent edge has a handler family for, wake word removed."""
    if path.name.startswith("test"):
        raise ValueError(f"{path} is SLURP's test split; the routing evaluation reads only devel")
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            family = INTENTS.get(row["intent"])
            text = WAKE_WORDS.sub("", row["sentence"]).strip()
            if family is not None and text:
                yield Utterance(row["slurp_id"], text, row["intent"], family, split_of(row["slurp_id"]))


@dataclass(frozen=True)
class Outcome:
    handled: bool
    """The right handler replied: the right skill answered or asked for what was missing, an LLM route for chat, a
    refusal for what edge cannot do offline."""
    answered: bool
    """Stricter, for skills: the right skill acted with an action that serves the intent, without asking back."""
    got: str
    """What served it, e.g. "skill:notes/read", "clarify:time", "oos", "chat"."""


def score(utterance: Utterance, route: str, skill: str | None, action: str | None, asked: bool = False) -> Outcome:
    """``route``/``skill``/``action``: where the router sent it and, for a skill that ran, the action it took;
    ``asked``: the skill's reply was a question back ("What should I call the new list?")."""
    family = utterance.family
    got = f"{route}:{skill}/{action}" if route == "skill" else f"{route}:{skill}" if route == "clarify" else route
    if family.route == "oos":
        return Outcome(route == "oos", route == "oos", got)
    if family.route == "llm":
        llm = route in ("chat", "complex", "knowledge")
        return Outcome(llm, llm, got)
    right_skill = skill == family.skill
    actions = family.actions.get(utterance.intent) if family.actions else None
    served = route == "skill" and right_skill and (actions is None or action in actions)
    return Outcome(served or (route == "clarify" and right_skill), served and not asked, got)
