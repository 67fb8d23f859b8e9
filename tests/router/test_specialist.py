import asyncio
import random

from edge.router import Handler
from edge.router.specialist import Specialist, specialist_or_generalist
from tests.router.test_resilience import FAST, Flaky


def route(intent: str, confidence: float, specialist: Flaky, generalist: Flaky):
    experts = [Specialist("math-expert", frozenset({"math"}), specialist)]
    chain = specialist_or_generalist(
        intent, confidence, experts, Handler("generalist", generalist), 0.5, FAST, rng=random.Random(0)
    )
    return asyncio.run(chain)


def test_a_confident_request_in_the_specialists_domain_goes_to_the_specialist():
    expert, general = Flaky("expert"), Flaky("general")
    assert route("math", 0.9, expert, general).handler == "math-expert" and general.calls == 0


def test_an_unsure_or_foreign_request_goes_to_the_generalist():
    expert, general = Flaky("expert"), Flaky("general")
    assert route("math", 0.3, expert, general).handler == "generalist"
    assert route("chat", 0.99, expert, general).handler == "generalist"
    assert expert.calls == 0


def test_a_failing_specialist_falls_back_to_the_generalist():
    result = route("math", 0.9, Flaky("expert", failures=99), Flaky("general"))
    assert result.handler == "generalist" and result.fallbacks == ["math-expert"]
