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
            raise ValueError(f"it could not understand {request!r}")
        return skill.run(slots).text

    return Tool(skill.name, description, run)


@dataclass(frozen=True)
class Step:
    tool: str
    input: str
    observation: str
    ok: bool = True
    """False when the call was invalid or the tool failed."""


@dataclass(frozen=True)
class AgentResult:
    answer: str
    steps: list[Step] = field(default_factory=list)
    finished: bool = True
    """False when the step limit, or the model repeating a call, ended the loop before it answered."""


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
                step = Step("invalid", reply.text, "that was not a JSON object with tool and input; reply with one", ok=False)
            elif call[0] == ANSWER:
                return AgentResult(call[1], steps)
            elif steps and (steps[-1].tool, steps[-1].input) == call:
                break
            else:
                step = self._use(*call)
            steps.append(step)
            messages += [{"role": "assistant", "content": reply.text}, {"role": "user", "content": f"Result: {step.observation}"}]
        done = [s.observation for s in steps if s.ok]
        return AgentResult(done[-1] if done else "I could not finish that with the tools I have.", steps, finished=False)

    def _use(self, name: str, text: str) -> Step:
        tool = self.tools.get(name)
        if tool is None:
            return Step(name, text, f"there is no tool named {name!r}", ok=False)
        try:
            return Step(name, text, tool.run(text))
        except Exception as exc:
            return Step(name, text, f"the {name} tool failed: {type(exc).__name__}: {exc}", ok=False)


def _parse(text: str) -> tuple[str, str] | None:
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("tool"), str):
        return None
    return value["tool"], str(value.get("input", ""))
