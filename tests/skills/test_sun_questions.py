"""Almanac times from published tables (timeanddate.com, for the winter solstice of 2026 and the summer one): the
skill's minutes may differ from them by one or two, as almanacs round and refraction varies."""

from datetime import datetime, timezone

import pytest

from edge.skills.clock import TimeSkill
from edge.skills.sun_questions import sun_question

WINTER = datetime(2026, 12, 21, 6, 0, tzinfo=timezone.utc)
SUMMER = datetime(2026, 6, 21, 6, 0, tzinfo=timezone.utc)


def answer(text: str, now: datetime = WINTER):
    skill = TimeSkill(clock=lambda: now)
    slots = skill.parse(text, {})
    assert slots is not None and slots["action"] in ("sun", "ask"), f"{text!r} was read as {slots}"
    return skill.run(slots)


def minutes(iso: str) -> int:
    moment = datetime.fromisoformat(iso)
    return moment.hour * 60 + moment.minute


@pytest.mark.parametrize(
    "text, event, almanac",
    [
        ("when is sunset in london", "sunset", 15 * 60 + 54),
        ("what time does the sun come up in london", "sunrise", 8 * 60 + 4),
        ("what time's sunrise in new york", "sunrise", 7 * 60 + 17),
        ("sunset time in sydney", "sunset", 20 * 60 + 5),
    ],
)
def test_sunrise_and_sunset_in_a_place_match_the_almanac_to_the_minute_or_two(text, event, almanac):
    reply = answer(text)
    assert reply.action == "sun" and reply.data["event"] == event
    assert abs(minutes(reply.data["at"]) - almanac) <= 2, reply.text


def test_the_reply_says_the_event_the_place_the_time_and_the_day():
    assert answer("when is sunrise in paris tomorrow").text == "Sunrise in Paris is at 8:42 AM tomorrow."


def test_the_length_of_the_day_is_said_in_hours_and_minutes():
    reply = answer("how much daylight is there in reykjavik today")
    assert abs(reply.data["seconds"] - (4 * 3600 + 8 * 60)) <= 120, reply.text
    assert reply.text.startswith("Reykjavík has 4 hours and")


@pytest.mark.parametrize(
    "text, now, spoken",
    [
        ("when is sunrise in tromso", WINTER, "The sun does not rise in Tromsø today."),
        ("when is sunset in tromso", SUMMER, "The sun does not set in Tromsø today."),
        ("how long is the day in tromso", SUMMER, "Tromsø has 24 hours of daylight today: the sun does not set."),
    ],
)
def test_polar_night_and_midnight_sun_are_said_as_such(text, now, spoken):
    assert answer(text, now).text == spoken


def test_here_is_the_city_of_this_devices_time_zone(local_zone):
    local_zone("Europe/Berlin")
    assert answer("when does the sun go down").text.startswith("Sunset in Berlin is at 3:5")


def test_with_no_city_for_this_devices_zone_the_user_is_asked_where(local_zone):
    local_zone("UTC")
    assert answer("when is sunset").text == "Sunset where? Tell me the city."


def test_a_place_it_does_not_know_is_asked_back():
    assert answer("when is sunset in narnia").text == "I don't know where narnia is: which city do you mean?"


@pytest.mark.parametrize(
    "text",
    ["set an alarm for sunrise", "remind me to close the blinds at sunset", "what time is it", "will there be fog after sunset"],
)
def test_requests_that_only_mention_the_sun_are_not_sun_questions(text):
    assert sun_question(text) is None
