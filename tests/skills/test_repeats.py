from datetime import datetime

import pytest

from edge.skills.repeats import first_ring, next_ring, parse_repeat, spoken_repeat


@pytest.mark.parametrize(
    "text, days",
    [
        ("wake me up at 7 every day", "0123456"),
        ("an alarm for 6 each morning", "0123456"),
        ("set a daily alarm for 8", "0123456"),
        ("alarm at 7 on weekdays", "01234"),
        ("every weekday at 7", "01234"),
        ("at 9 every weekend", "56"),
        ("every monday and thursday at 5 pm", "03"),
        ("on tuesdays, wednesdays and fridays", "124"),
        ("set an alarm for 7 am", None),
        ("wake me up on monday at 6", None),
    ],
)
def test_the_days_an_alarm_repeats_on_are_read_from_the_request(text, days):
    assert parse_repeat(text) == days


@pytest.mark.parametrize(
    "days, spoken",
    [("0123456", "every day"), ("01234", "every weekday"), ("56", "every weekend"), ("03", "every Monday and Thursday")],
)
def test_a_repeat_is_said_in_words(days, spoken):
    assert spoken_repeat(days) == spoken


def test_the_first_ring_falls_on_a_day_of_the_repeat():
    saturday = datetime(2026, 11, 21, 7, 0).astimezone()
    assert first_ring(saturday, "01234").replace(tzinfo=None) == datetime(2026, 11, 23, 7, 0)
    assert first_ring(saturday, "56") == saturday


@pytest.fixture
def berlin(local_zone):
    local_zone("Europe/Berlin")


def test_a_repeating_alarm_keeps_its_wall_clock_time_across_a_daylight_saving_change(berlin):
    saturday = datetime(2026, 3, 28, 7, 0).astimezone()
    sunday = next_ring(saturday, "0123456")
    assert (sunday.day, sunday.hour, sunday.minute) == (29, 7, 0)
    assert sunday.timestamp() - saturday.timestamp() == 23 * 3600
