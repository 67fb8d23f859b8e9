import asyncio

from edge.router.fanout import Ballot, ensemble, fan_out, vote
from tests.router.test_resilience import Flaky


def test_fan_out_runs_calls_at_once_and_keeps_every_outcome():
    fast, slow, broken = Flaky("fast", delay_s=0.05), Flaky("slow", delay_s=5), Flaky("broken", failures=1)
    outcomes = asyncio.run(fan_out({"fast": fast, "slow": slow, "broken": broken}, timeout_s=0.3))
    by_name = {o.name: o for o in outcomes}
    assert by_name["fast"].value == "fast" and by_name["fast"].ok
    assert by_name["slow"].error == "timed out after 0.3 s" and slow.cancelled
    assert by_name["broken"].error == "ConnectionError: broken is down"
    assert max(o.latency_ms for o in outcomes) < 1000


def test_majority_vote_counts_heads():
    result = vote([Ballot("chat", 0.9), Ballot("timer", 0.6), Ballot("timer", 0.55)], "majority")
    assert result.label == "timer" and result.score == round(2 / 3, 4) and result.voters == 3


def test_weighted_vote_sums_confidence():
    result = vote([Ballot("chat", 0.95), Ballot("timer", 0.3), Ballot("timer", 0.3)], "weighted")
    assert result.label == "chat" and result.tally == {"chat": 0.95, "timer": 0.6}


def test_a_tie_goes_to_the_label_voted_first_and_nobody_voting_gives_no_label():
    assert vote([Ballot("a"), Ballot("b")], "majority").label == "a"
    assert vote([], "weighted").label is None


def test_an_ensemble_votes_over_the_voters_that_answered():
    async def says(label: str, confidence: float, delay: float = 0.0, fail: bool = False) -> Ballot:
        await asyncio.sleep(delay)
        if fail:
            raise RuntimeError("model crashed")
        return Ballot(label, confidence)

    voters = {
        "head": lambda: says("timer", 0.8),
        "custom": lambda: says("timer", 0.6),
        "crashed": lambda: says("chat", 0.99, fail=True),
        "stuck": lambda: says("chat", 0.99, delay=5),
    }
    result, outcomes = asyncio.run(ensemble(voters, "weighted", timeout_s=0.3))
    assert result.label == "timer" and result.voters == 2
    assert sorted(o.name for o in outcomes if not o.ok) == ["crashed", "stuck"]
