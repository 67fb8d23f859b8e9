import json

import pytest

from edge.engines import Completion
from edge.router.agent import Agent, Tool, skill_tool
from edge.skills.math import MathSkill

MATH = "calculates arithmetic such as '12 times 7'"


class Scripted:
    """An LLM that replies with the given texts in turn, for injecting bad model behaviour."""

    def __init__(self, *replies: str) -> None:
        self.replies = list(replies)
        self.seen: list[list[dict]] = []

    def chat(self, messages, **options) -> Completion:
        self.seen.append(list(messages))
        return Completion(self.replies.pop(0) if len(self.replies) > 1 else self.replies[0])


def call(tool: str, text: str) -> str:
    return json.dumps({"tool": tool, "input": text})


def test_the_model_uses_a_tool_then_answers_with_its_result():
    llm = Scripted(call("math", "12 times 7"), call("answer", "12 times 7 is 84."))
    result = Agent(llm, [skill_tool(MathSkill(), MATH)]).run("What is twelve times seven?")
    assert result.finished and result.answer == "12 times 7 is 84."
    assert [s.tool for s in result.steps] == ["math"] and result.steps[0].observation == "12 times 7 is 84."
    assert llm.seen[1][-1] == {"role": "user", "content": "Result: 12 times 7 is 84."}


def test_the_step_limit_ends_a_model_that_never_answers_with_its_last_good_result():
    llm = Scripted(call("math", "1 plus 1"), call("math", "2 plus 2"), call("math", "what is love"))
    result = Agent(llm, [skill_tool(MathSkill(), MATH)], max_steps=3).run("loop forever")
    assert not result.finished and len(result.steps) == 3 and result.answer == "2 plus 2 is 4."
    assert [s.ok for s in result.steps] == [True, True, False]


def test_a_model_repeating_the_same_call_is_stopped():
    llm = Scripted(call("math", "12 times 7"))
    result = Agent(llm, [skill_tool(MathSkill(), MATH)], max_steps=6).run("What is twelve times seven?")
    assert not result.finished and len(result.steps) == 1 and result.answer == "12 times 7 is 84."


def test_bad_model_output_and_failing_tools_become_observations_not_crashes():
    def broken(_: str) -> str:
        raise ConnectionError("tool backend down")

    llm = Scripted("not json", call("ghost", "x"), call("clock", "now"), call("answer", "done"))
    result = Agent(llm, [Tool("clock", "tells the time", broken)], max_steps=5).run("hi")
    assert result.answer == "done"
    assert [s.observation.split(":")[0] for s in result.steps] == [
        "that was not a JSON object with tool and input; reply with one",
        "there is no tool named 'ghost'",
        "the clock tool failed",
    ]


@pytest.mark.slow
def test_with_the_real_local_llm_every_step_is_valid_json_naming_a_real_tool(runtime):
    agent = Agent(runtime.llm, [skill_tool(MathSkill(), MATH)], max_steps=3)
    result = agent.run("Use the math tool to compute 12 times 7, then answer.")
    assert all(s.tool in ("math", "answer") for s in result.steps)
    assert result.answer
