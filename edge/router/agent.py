"""The agent loop: the LLM picks a local tool through grammar-constrained JSON, sees its result, and repeats until
it answers or reaches the step limit. The grammar makes every step valid JSON naming a real tool."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from edge.engines import Completion
from edge.skills.base import Skill

ANSWER = "answer"


class ChatModel(Protocol):
    def chat(self, messages: Any, **options: Any) -> Completion: ...


@dataclass(frozen=True)
class Tool:
    name: str
    description: str
    run: Callable[[str], str]
    """Takes the tool input text, returns what it found or did, in one sentence."""


def skill_tool(skill: Skill, description: str) -> Tool:
    def run(request: str) -> str:
        slots = skill.parse(request)
        if slots is None:
            return f"the {skill.name} tool could not understand {request!r}"
        return skill.run(slots).text

    return Tool(skill.name, description, run)


@dataclass(frozen=True)
class Step:
    tool: str
    input: str
    observation: str


@dataclass(frozen=True)
class AgentResult:
    answer: str
    steps: list[Step] = field(default_factory=list)
    finished: bool = True
    """False when the step limit ended the loop before the model answered."""


class Agent:
    def __init__(self, llm: ChatModel, tools: Sequence[Tool], max_steps: int = 4, max_tokens: int = 96) -> None:
        if not tools:
            raise ValueError("an agent needs at least one tool")
        self.llm = llm
        self.tools = {t.name: t for t in tools}
        self.max_steps = max_steps
        self.max_tokens = max_tokens
        self.schema = {
            "type": "object",
            "properties": {"tool": {"type": "string", "enum": [*self.tools, ANSWER]}, "input": {"type": "string"}},
            "required": ["tool", "input"],
        }

    def _system(self) -> str:
        tools = "\n".join(f"- {t.name}: {t.description}" for t in self.tools.values())
        return (
            "You solve the user's request with tools. Reply with one JSON object: "
            '{"tool": NAME, "input": TEXT}. Tools:\n'
            f"{tools}\n- {ANSWER}: give the final answer to the user as input.\n"
            "After each tool call you get its result; answer as soon as you can."
        )

    def run(self, request: str) -> AgentResult:
        messages: list[dict[str, str]] = [{"role": "system", "content": self._system()}, {"role": "user", "content": request}]
        steps: list[Step] = []
        for _ in range(self.max_steps):
            reply = self.llm.chat(messages, json_schema=self.schema, max_tokens=self.max_tokens)
            call = _parse(reply.text)
            if call is None:
                observation = "that was not a JSON object with tool and input; reply with one"
                steps.append(Step("invalid", reply.text, observation))
            elif call[0] == ANSWER:
                return AgentResult(call[1], steps)
            else:
                observation = self._use(*call)
                steps.append(Step(call[0], call[1], observation))
            messages += [{"role": "assistant", "content": reply.text}, {"role": "user", "content": f"Result: {observation}"}]
        last = next((s.observation for s in reversed(steps) if s.tool in self.tools), None)
        answer = last or f"I could not finish that in {self.max_steps} steps."
        return AgentResult(answer, steps, finished=False)

    def _use(self, name: str, text: str) -> str:
        tool = self.tools.get(name)
        if tool is None:
            return f"there is no tool named {name!r}"
        try:
            return tool.run(text)
        except Exception as exc:
            return f"the {name} tool failed: {type(exc).__name__}: {exc}"


def _parse(text: str) -> tuple[str, str] | None:
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("tool"), str):
        return None
    return value["tool"], str(value.get("input", ""))
