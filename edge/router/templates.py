"""Exact template matching with hassil: a request phrased like a skill's template skips the classifier."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from edge.errors import ConfigError

if TYPE_CHECKING:
    from hassil import Intents

SKILL_TEMPLATES = Path(__file__).resolve().parent.parent / "skills" / "templates.yaml"


@dataclass(frozen=True)
class TemplateMatch:
    intent: str
    slots: dict[str, str]
    """Raw text of each {slot} in the template, e.g. {"duration": "ten minutes"}."""


class TemplateMatcher:
    def __init__(self, path: Path = SKILL_TEMPLATES) -> None:
        self.path = path

    @cached_property
    def _intents(self) -> Intents:
        import yaml
        from hassil import Intents

        try:
            return Intents.from_dict(yaml.safe_load(self.path.read_text(encoding="utf-8")))
        except (OSError, yaml.YAMLError, KeyError, ValueError) as exc:
            raise ConfigError(f"skill templates {self.path} cannot be read ({exc})", "fix the hassil template file") from None

    def load(self) -> None:
        """Parse the templates and match once: hassil compiles its matchers on first use (about 25 ms)."""
        self.matches("set a timer for one minute")

    def matches(self, text: str) -> list[TemplateMatch]:
        """Every template the text matches, best first; a skill may still refuse one."""
        from hassil import recognize_all

        found = [
            TemplateMatch(r.intent.name, {name: str(e.value).strip() for name, e in r.entities.items()})
            for r in recognize_all(text, self._intents)
        ]
        return sorted(found, key=lambda m: sum(len(v) for v in m.slots.values()))
