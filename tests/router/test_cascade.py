import asyncio
import random

import pytest

from edge.router import AllHandlersFailed, CircuitBreaker, Handler, RetryPolicy, run_cascade
from tests.router.test_resilience import FAST, Flaky


class Answering:
    """A model that answers with a fixed confidence, or fails its first ``failures`` calls."""

    def __init__(self, text: str, confidence: float | None, failures: int = 0) -> None:
        self.flaky = Flaky(text, failures)
        self.confidence = confidence

    async def __call__(self) -> tuple[str, float | None]:
        return await self.flaky(), self.confidence

    @property
    def calls(self) -> int:
        return self.flaky.calls


def cascade(*models: tuple[str, Answering], threshold: float = 0.5, policy: RetryPolicy = FAST):
    handlers = [Handler(name, model) for name, model in models]
    return asyncio.run(run_cascade(handlers, lambda v: v[1], threshold, policy, rng=random.Random(0)))


def test_a_sure_answer_from_the_cheap_model_stops_the_cascade():
    small, large = Answering("small", 0.9), Answering("large", 0.95)
    result = cascade(("small", small), ("large", large))
    assert result.handler == "small" and result.escalations == [] and large.calls == 0


def test_an_unsure_answer_escalates_to_the_next_model():
    small, large = Answering("small", 0.2), Answering("large", 0.8)
    result = cascade(("small", small), ("large", large))
    assert result.value[0] == "large" and result.confidence == 0.8
    assert result.escalations == ["small: confidence 0.20 < 0.5"]


def test_when_every_answer_is_unsure_the_most_confident_one_stands():
    result = cascade(("small", Answering("small", 0.3)), ("large", Answering("large", 0.4)))
    assert result.handler == "large" and len(result.escalations) == 2


def test_a_failing_model_is_skipped_and_an_unsure_answer_survives_a_failing_escalation():
    result = cascade(("small", Answering("small", 0.3)), ("large", Answering("large", 0.9, failures=99)))
    assert result.handler == "small" and result.fallbacks == ["large"]


def test_a_model_without_a_confidence_counts_as_sure():
    assert cascade(("rule", Answering("rule", None)), ("large", Answering("large", 0.9))).handler == "rule"


def test_an_open_breaker_skips_the_model_without_calling_it():
    broken = Answering("small", 0.9, failures=99)
    breaker = CircuitBreaker(failures=2, reset_s=60)
    handlers = [Handler("small", broken, breaker), Handler("large", Answering("large", 0.9))]
    for _ in range(2):
        asyncio.run(run_cascade(handlers, lambda v: v[1], 0.5, FAST, rng=random.Random(0)))
    calls = broken.calls
    result = asyncio.run(run_cascade(handlers, lambda v: v[1], 0.5, FAST, rng=random.Random(0)))
    assert breaker.state == "open" and broken.calls == calls and result.handler == "large"
    assert result.attempts[0].error == "circuit open"


def test_all_models_failing_raises_with_every_attempt():
    with pytest.raises(AllHandlersFailed) as err:
        cascade(("small", Answering("small", 0.9, failures=99)), ("large", Answering("large", 0.9, failures=99)))
    assert [a.handler for a in err.value.attempts] == ["small", "small", "large", "large"]
