from datetime import datetime, timedelta, timezone

import pytest

from edge.skills.clock import TimeSkill

NOW = datetime(2026, 11, 22, 19, 42, 5, tzinfo=timezone(timedelta(hours=-5)))
SKILL = TimeSkill(clock=lambda: NOW)


def reply(text: str) -> str:
    slots = SKILL.parse(text, {})
    assert slots is not None and slots["action"] == "dst", f"{text!r} was read as {slots}"
    return SKILL.run(slots).text


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("is it summer time in london", "No, London is on standard time; daylight saving time starts Sunday, March 28, 2027."),
        ("is it dst in sydney", "Yes, Sydney is on daylight saving time until Sunday, April 4, 2027."),
        ("is it daylight saving time in phoenix", "Phoenix doesn't use daylight saving time."),
    ],
)
def test_whether_a_place_is_on_daylight_saving_time_and_until_when(text, spoken):
    assert reply(text) == spoken


@pytest.fixture
def new_york(local_zone):
    local_zone("America/New_York")


@pytest.mark.parametrize("text", ["is it daylight saving time", "are we in dst right now", "is daylight saving time in effect"])
def test_here_is_this_devices_zone(new_york, text):
    assert reply(text) == "No, you're on standard time; daylight saving time starts Sunday, March 14, 2027."


def test_when_daylight_saving_time_starts_is_a_date_question():
    assert SKILL.parse("when does daylight saving time start", {})["action"] == "date"
