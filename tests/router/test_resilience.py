import asyncio
import random

import pytest

from edge.router.resilience import (
    AllHandlersFailed,
    CircuitBreaker,
    DeadLetters,
    Declined,
    Handler,
    RetryPolicy,
    run_chain,
)
from edge.store.database import Database, text_sha256

FAST = RetryPolicy(attempts=2, base_s=0.001, max_s=0.01, timeout_s=1.0)


class Flaky:
    """A handler that fails its first ``failures`` calls, then answers."""

    def __init__(self, answer: str, failures: int = 0, delay_s: float = 0.0) -> None:
        self.answer, self.failures, self.delay_s = answer, failures, delay_s
        self.calls = 0
        self.cancelled = False

    async def __call__(self) -> str:
        self.calls += 1
        try:
            await asyncio.sleep(self.delay_s)
        except asyncio.CancelledError:
            self.cancelled = True
            raise
        if self.calls <= self.failures:
            raise ConnectionError(f"{self.answer} is down")
        return self.answer


def chain(*handlers: Handler, policy: RetryPolicy = FAST, **kwargs):
    return asyncio.run(run_chain(handlers, policy, rng=random.Random(0), **kwargs))


def test_the_first_handler_that_answers_wins():
    local, cloud = Flaky("local"), Flaky("cloud")
    result = chain(Handler("local", local), Handler("cloud", cloud))
    assert result.value == "local" and result.fallbacks == [] and cloud.calls == 0


def test_a_failing_handler_is_retried_then_skipped():
    broken, backup = Flaky("small", failures=99), Flaky("large")
    result = chain(Handler("small", broken), Handler("large", backup))
    assert result.value == "large" and result.fallbacks == ["small"] and broken.calls == 2
    assert [a.ok for a in result.attempts] == [False, False, True]


def test_a_retry_can_succeed_on_the_same_handler():
    flaky = Flaky("small", failures=1)
    result = chain(Handler("small", flaky))
    assert result.value == "small" and flaky.calls == 2 and result.handler == "small"


def test_a_slow_handler_is_timed_out_and_cancelled():
    slow, fast = Flaky("slow", delay_s=5.0), Flaky("fast")
    policy = RetryPolicy(attempts=1, timeout_s=0.05)
    result = chain(Handler("slow", slow), Handler("fast", fast), policy=policy)
    assert result.value == "fast" and slow.cancelled
    assert "timed out" in result.attempts[0].error and result.attempts[0].latency_ms < 1000


def test_the_breaker_opens_after_repeated_failures_and_skips_the_handler():
    now = [0.0]
    breaker = CircuitBreaker(failures=3, reset_s=30.0, clock=lambda: now[0])
    broken, backup = Flaky("small", failures=99), Flaky("large")
    handlers = (Handler("small", broken, breaker), Handler("large", backup))
    chain(*handlers)
    chain(*handlers)
    assert breaker.state == "open" and broken.calls == 3
    result = chain(*handlers)
    assert broken.calls == 3 and result.attempts[0].error == "circuit open" and result.value == "large"


def test_the_breaker_lets_one_trial_through_after_the_reset_time():
    now = [0.0]
    breaker = CircuitBreaker(failures=1, reset_s=30.0, clock=lambda: now[0])
    breaker.failure()
    assert breaker.state == "open" and not breaker.allow()
    now[0] = 31.0
    assert breaker.state == "half_open" and breaker.allow()
    breaker.failure()
    assert breaker.state == "open"
    now[0] = 62.0
    breaker.success()
    assert breaker.state == "closed"


def test_a_request_that_fails_everything_lands_in_the_dead_letter_log(tmp_path):
    letters = DeadLetters(Database(tmp_path / "edge.db"))
    with pytest.raises(AllHandlersFailed) as err:
        chain(Handler("a", Flaky("a", failures=99)), Handler("b", Flaky("b", failures=99)), request="hello", dead_letters=letters)
    assert len(err.value.attempts) == 4
    (record,) = letters.read()
    assert (
        record["input_sha256"] == text_sha256("hello")
        and "hello" not in str(record)
        and [a["handler"] for a in record["attempts"]] == ["a", "a", "b", "b"]
    )


def test_a_declining_handler_is_not_retried_and_does_not_trip_its_breaker():
    calls = []

    async def refuse() -> str:
        calls.append(1)
        raise Declined("the policy says no")

    breaker = CircuitBreaker(failures=1)
    result = chain(Handler("cloud", refuse, breaker), Handler("local", Flaky("local")))
    assert result.value == "local" and len(calls) == 1 and breaker.state == "closed"
    assert result.attempts[0].error == "declined: the policy says no"


def test_a_handler_with_its_own_policy_is_tried_as_that_policy_says():
    cloud = Flaky("cloud", failures=1)
    result = chain(Handler("cloud", cloud, policy=RetryPolicy(attempts=1, timeout_s=None)), Handler("local", Flaky("local")))
    assert result.handler == "local" and cloud.calls == 1


def test_backoff_is_exponential_with_full_jitter():
    policy = RetryPolicy(base_s=0.1, max_s=1.0)
    rng = random.Random(1)
    for retry, cap in [(0, 0.1), (1, 0.2), (2, 0.4), (5, 1.0)]:
        delays = [policy.delay(retry, rng) for _ in range(200)]
        assert 0.0 <= min(delays) and max(delays) <= cap and max(delays) > cap * 0.8
