"""What edge is running: which models are loaded, and the memory it uses."""

from __future__ import annotations

import re
import resource
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from edge.skills.base import Skill, SkillReply, Slots
from edge.skills.list_phrases import POLITE_START


def resident_mb() -> float:
    """The process's resident memory now (Linux), else its peak."""
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024


ABOUT_ME = re.compile(
    r"\b(?:models?|memory|ram|status|loaded|loading|running|working|offline|online|cpu|version|health|healthy|uptime"
    r"|you|your|yours|yourself|system|edge|disk|storage|ok|okay|alive|up)\b"
)
"""What a question about edge itself mentions; "what lists do I have", classified as status, is about something else."""


class StatusSkill(Skill):
    name = "status"
    clarification = "I heard a question about me, but not which part: my models, my memory, or whether I'm offline?"

    def __init__(self, statuses: Callable[[], Sequence[Any]]) -> None:
        """``statuses`` returns the runtime's RoleStatus list."""
        self.statuses = statuses

    def declines(self, text: str) -> bool:
        """A request must be about edge itself; "can you tell me what list I have" is not."""
        return not ABOUT_ME.search(POLITE_START.sub("", text.lower()))

    def parse(self, text: str, matched: Mapping[str, str] | None = None) -> Slots | None:
        return {"action": "status"}

    def run(self, slots: Slots) -> SkillReply:
        statuses = [s for s in self.statuses() if s.state != "disabled"]
        ready = [s.role for s in statuses if s.state == "ready"]
        failed = [s.role for s in statuses if s.state == "failed"]
        memory = resident_mb()
        if failed:
            models = f"{len(ready)} of {len(statuses)} models are loaded; {', '.join(failed)} failed"
        elif len(ready) == len(statuses):
            models = f"All {len(statuses)} models are loaded"
        else:
            models = f"{len(ready)} of {len(statuses)} models are loaded, the rest load on first use"
        data: Mapping[str, Any] = {
            "memory_mb": round(memory),
            "roles": {s.role: {"state": s.state, "model": s.model} for s in statuses},
        }
        return SkillReply(self.name, "status", f"{models}, using {memory:,.0f} MB of memory, all offline.", dict(data))
