import random

import pytest

from edge.errors import InputError
from edge.skills.chance import MAX_THINGS, ChanceSkill


@pytest.fixture
def skill():
    return ChanceSkill(random.Random(7))


@pytest.mark.parametrize(
    "text, slots",
    [
        ("flip a coin", {"action": "coin", "count": 1}),
        ("can you toss a coin for me", {"action": "coin", "count": 1}),
        ("heads or tails", {"action": "coin", "count": 1}),
        ("flip three coins", {"action": "coin", "count": 3}),
        ("roll a die", {"action": "dice", "count": 1, "sides": 6}),
        ("roll two dice", {"action": "dice", "count": 2, "sides": 6}),
        ("roll a d20", {"action": "dice", "count": 1, "sides": 20}),
        ("roll a 12 sided die", {"action": "dice", "count": 1, "sides": 12}),
        ("pick a random number between 1 and 100", {"action": "number", "low": 1, "high": 100}),
        ("give me a random number", {"action": "number", "low": 1, "high": 100}),
        ("pick a number from 10 to 1", {"action": "number", "low": 1, "high": 10}),
        ("choose between pizza and pasta", {"action": "pick", "options": ["pizza", "pasta"]}),
        ("pick mac and cheese or soup", {"action": "pick", "options": ["mac and cheese", "soup"]}),
    ],
)
def test_games_of_chance_as_people_ask_for_them(skill, text, slots):
    assert skill.parse(text) == slots


@pytest.mark.parametrize("text", ["pick up the kids at 5", "roll down the windows", "choose a movie for me", "what is a number"])
def test_requests_that_only_share_a_word_are_not_games(skill, text):
    assert skill.parse(text) is None


def test_every_roll_is_a_face_of_the_die_and_the_total_their_sum(skill):
    for _ in range(200):
        reply = skill.run({"action": "dice", "count": 3, "sides": 6})
        rolls = reply.data["rolls"]
        assert len(rolls) == 3 and all(1 <= r <= 6 for r in rolls) and reply.data["total"] == sum(rolls)
        assert reply.text.endswith(f": {sum(rolls)} in all.")


def test_a_coin_lands_on_both_faces_over_many_flips(skill):
    faces = {skill.run({"action": "coin", "count": 1}).text for _ in range(100)}
    assert faces == {"Heads.", "Tails."}


def test_a_random_number_stays_within_its_bounds(skill):
    numbers = {skill.run({"action": "number", "low": 3, "high": 5}).data["number"] for _ in range(100)}
    assert numbers == {3, 4, 5}


def test_a_pick_is_one_of_the_things_named(skill):
    reply = skill.run({"action": "pick", "options": ["pizza", "pasta"]})
    assert reply.data["choice"] in ("pizza", "pasta") and reply.text == f"I pick {reply.data['choice']}."


def test_too_many_things_at_once_is_a_spoken_limit_not_an_error(skill):
    assert skill.run({"action": "coin", "count": MAX_THINGS + 1}).data["error"] == "count"
    assert skill.run({"action": "dice", "count": 1, "sides": 1}).data["error"] == "count"
    assert skill.run({"action": "number", "low": 0, "high": 10**13}).data["error"] == "range"


def test_an_unknown_action_is_an_input_error(skill):
    with pytest.raises(InputError, match="no action"):
        skill.run({"action": "juggle"})
