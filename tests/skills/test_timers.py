import time
from datetime import datetime, timedelta

import pytest

from edge.skills import Scheduler, TimerStore
from edge.skills.timers import TimerSkill
from edge.store.database import Database
from tests.store.old_stores import migration_adding, store_at_version

NOON = datetime(2026, 11, 22, 12, 0).astimezone().timestamp()


class Clock:
    """Time that moves only when the test says so."""

    def __init__(self, now: float = NOON) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def store(tmp_path, clock):
    return TimerStore(Database(tmp_path / "edge.db"), clock)


@pytest.fixture
def skill(store):
    return TimerSkill(store)


def ask(skill: TimerSkill, text: str):
    slots = skill.parse(text)
    assert slots is not None, text
    return skill.run(slots)


@pytest.mark.parametrize(
    "text, seconds",
    [
        ("set a timer for ten minutes", 600),
        ("Set a timer for 10 minutes.", 600),
        ("start a 90 second timer", 90),
        ("timer for an hour and a half", 5400),
        ("wake me in 20 min", 1200),
        ("I need a 12 minute timer for the cookies", 720),
    ],
)
def test_a_timer_request_parses_to_seconds(skill, text, seconds):
    slots = skill.parse(text)
    assert slots["action"] == "start" and slots["kind"] == "timer" and slots["seconds"] == seconds


def test_setting_a_timer_replies_in_one_spoken_sentence_and_keeps_it(skill, store, clock):
    reply = ask(skill, "set a timer for ten minutes")
    assert reply.text == "Timer set for 10 minutes."
    (timer,) = store.active()
    assert timer.due_at == clock.now + 600 and timer.state == "running"


def test_a_timer_without_a_length_asks_for_one(skill, store):
    assert not skill.complete(skill.parse("set a timer"))
    assert ask(skill, "set a timer").text == "For how long should I set the timer?"
    assert store.active() == []


def test_a_due_timer_fires_once(skill, store, clock):
    ask(skill, "set a timer for ten minutes")
    scheduler = Scheduler(store)
    heard = []
    scheduler.subscribe(heard.append)
    clock.now += 599
    assert scheduler.fire_due() == []
    clock.now += 1
    (fired,) = scheduler.fire_due()
    assert fired.text == "Your 10 minute timer is done."
    assert heard == [fired] and scheduler.fire_due() == [] and store.active() == []


def test_a_timer_that_came_due_while_edge_was_off_fires_on_restart(tmp_path, clock):
    first = TimerStore(Database(tmp_path / "edge.db"), clock)
    ask(TimerSkill(first), "set a timer for 5 minutes")
    first.db.close()
    clock.now += 3600
    restarted = TimerStore(Database(tmp_path / "edge.db"), clock)
    (fired,) = Scheduler(restarted).fire_due()
    assert fired.late_s == 3300
    assert fired.text == "Your 5 minute timer is done. It went off 55 minutes ago, while I was off."


def test_an_entry_that_fired_as_edge_was_killed_is_heard_once_when_it_is_back(tmp_path, clock):
    """Killed after the entries were marked fired and before the listeners were told: told at the next start."""
    first = TimerStore(Database(tmp_path / "edge.db"), clock)
    ask(TimerSkill(first), "set a timer for 5 minutes")
    clock.now += 300
    assert len(first.take_due()) == 1
    first.db.close()
    restarted = Scheduler(TimerStore(Database(tmp_path / "edge.db"), clock))
    heard = []
    restarted.subscribe(heard.append)
    assert restarted.fire_due() == [], "only a starting scheduler looks for entries another process may be telling"
    (fired,) = restarted.fire_due(recovering=True)
    assert heard == [fired] and fired.text == "Your 5 minute timer is done."
    assert restarted.fire_due(recovering=True) == []


def test_a_listener_that_fails_keeps_no_one_else_from_hearing(store, skill, clock, caplog):
    ask(skill, "set a timer for 1 minute")
    ask(skill, "set a timer for 2 minutes")
    scheduler = Scheduler(store)
    heard = []

    def broken(fired):
        raise RuntimeError("the speaker is unplugged")

    scheduler.subscribe(broken)
    scheduler.subscribe(heard.append)
    clock.now += 120
    assert scheduler.fire_due() == heard and len(heard) == 2
    assert "the speaker is unplugged" in caplog.text
    assert store.undelivered() == []


def test_timers_fired_in_an_older_store_count_as_heard(tmp_path, clock):
    old = store_at_version(tmp_path / "edge.db", migration_adding("ADD COLUMN delivered_at"))
    old.execute(
        "INSERT INTO timers (kind, created_at, due_at, state, fired_at) VALUES ('timer', ?, ?, 'fired', ?)",
        (clock.now, clock.now, clock.now),
    )
    old.commit()
    old.close()
    assert TimerStore(Database(tmp_path / "edge.db"), clock).undelivered() == []


def test_the_scheduler_thread_fires_a_timer_on_time(tmp_path):
    store = TimerStore(Database(tmp_path / "edge.db"))
    scheduler = Scheduler(store)
    heard = []
    scheduler.subscribe(heard.append)
    scheduler.start()
    try:
        start = time.time()
        ask(TimerSkill(store), "set a timer for 1 second")
        while not heard and time.time() - start < 5:
            time.sleep(0.02)
    finally:
        scheduler.stop()
    assert heard and heard[0].timer.seconds == 1
    assert 0.9 <= heard[0].timer.fired_at - start < 2.5


def test_pause_resume_extend_and_status(skill, store, clock):
    ask(skill, "set a pasta timer for 10 minutes")
    clock.now += 120
    assert ask(skill, "how much time is left on the pasta timer").text == "Your pasta timer has 8 minutes left."
    assert ask(skill, "pause the timer").text == "Paused your pasta timer."
    clock.now += 300
    assert ask(skill, "how long is left").text == "Your pasta timer has 8 minutes left (paused)."
    assert ask(skill, "resume the timer").text == "Resumed your pasta timer."
    assert ask(skill, "add 5 minutes to the timer").text == "Added 5 minutes to your pasta timer."
    (timer,) = store.active()
    assert timer.remaining(clock.now) == 780


def test_cancel_one_or_all(skill, store):
    ask(skill, "set a timer for 3 minutes")
    ask(skill, "set a timer for 8 minutes")
    assert ask(skill, "cancel all my timers").text == "Cancelled all 2 timers."
    assert store.active() == []
    assert ask(skill, "cancel the timer").text == "You have no timers running."


def test_an_alarm_is_set_for_the_next_time_of_day(skill, store, clock):
    reply = ask(skill, "wake me up at 7 am")
    (alarm,) = store.active()
    due = datetime.fromtimestamp(alarm.due_at)
    assert alarm.kind == "alarm" and (due.hour, due.minute) == (7, 0) and alarm.due_at > clock.now
    assert reply.text.startswith("Alarm set for")


@pytest.mark.parametrize(
    "text",
    [
        "do I have any alarms",
        "which alarms are on",
        "what time is my alarm for",
        "show me the alarms I set",
        "read me my alarms",
        "how many timers are going",
    ],
)
def test_a_question_about_alarms_and_timers_reports_them_and_sets_nothing(skill, store, text):
    assert skill.parse(text)["action"] == "status"


def test_asking_about_the_alarms_says_when_they_ring(skill):
    ask(skill, "wake me up at 6:30 am")
    assert ask(skill, "what alarms do I have").text == "Your alarm is set for tomorrow at 6:30 AM."


def test_an_alarm_can_be_set_for_a_while_from_now(skill, clock):
    slots = skill.parse("set an alarm for twenty minutes from now")
    assert slots["kind"] == "alarm" and datetime.fromisoformat(slots["at"]).timestamp() == clock.now + 1200


def test_a_wake_up_call_is_an_alarm(skill):
    slots = skill.parse("give me a wake-up call at 6 am")
    assert slots["kind"] == "alarm" and datetime.fromisoformat(slots["at"]).hour == 6


@pytest.mark.parametrize(
    "text, hour, minute",
    [
        ("set an alarm for tomorrow at 6 am", 6, 0),
        ("set an alarm at half past seven in the morning", 7, 30),
        ("set an alarm for quarter to eight am", 7, 45),
        ("wake me up at six thirty tomorrow", 6, 30),
        ("set an alarm for seven a m", 7, 0),
        ("can you set the alarm for one hundred and thirty", 13, 30),
        ("i need to wake up at 5 am", 5, 0),
        ("set a reminder i need to wake up at five am every morning", 5, 0),
        ("get me up at 6 am", 6, 0),
        ("wake me up at 7", 7, 0),
        ("wake me up at 7 pm", 19, 0),
        ("help me get up at eight thirty in the morning tomorrow", 8, 30),
        ("i want to be woken up at 9 tomorrow", 9, 0),
        ("can you alert me at 6 in the morning", 6, 0),
    ],
)
def test_ways_of_setting_an_alarm_ring_at_the_time_said(skill, text, hour, minute):
    slots = skill.parse(text)
    at = datetime.fromisoformat(slots["at"])
    assert slots["action"] == "start" and slots["kind"] == "alarm" and (at.hour, at.minute) == (hour, minute)


@pytest.mark.parametrize(
    "text, rings",
    [
        ("set an alarm for 7 am and another for 8 am", [(7, 0), (8, 0)]),
        ("set two alarms, one at 6 and one at 7", [(18, 0), (19, 0)]),
        ("set alarms for 7 and 8 am", [(7, 0), (8, 0)]),
        ("wake me up at 6 and again at 6:15", [(6, 0), (6, 15)]),
        ("set an alarm for 235pm and another an hour later", [(14, 35), (15, 35)]),
        ("set an alarm for 6 am and one more for 7 am", [(6, 0), (7, 0)]),
    ],
)
def test_several_alarms_in_one_request_are_all_set(skill, store, text, rings):
    reply = ask(skill, text)
    due = sorted(datetime.fromtimestamp(alarm.due_at) for alarm in store.active())
    assert [(d.hour, d.minute) for d in due] == rings
    assert reply.text.startswith("Alarms set for ") and reply.text.count("tomorrow") <= 1


def test_an_alarm_whose_time_is_not_understood_is_asked_about_and_the_other_is_set(skill, store):
    reply = ask(skill, "set an alarm for 7 am and another one for whenever")
    assert reply.text == "Alarm set for tomorrow at 7 AM. What time should the other alarm ring?"
    assert len(store.active()) == 1
    assert not skill.complete(skill.parse("set an alarm for 7 am and another one for whenever"))


def test_an_alarm_for_another_day_says_the_day(skill):
    assert ask(skill, "wake me up at 7 am").text == "Alarm set for tomorrow at 7 AM."


@pytest.mark.parametrize(
    "text",
    ["turn my alarm off", "disable my alarm", "unset my alarm", "i don't need the alarm", "don't wake me up tomorrow"],
)
def test_ways_of_cancelling_an_alarm(skill, text):
    assert skill.parse(text)["action"] == "cancel"


def test_a_long_cancel_that_names_no_timer_or_alarm_is_not_for_this_skill(skill):
    assert skill.parse("please cancel all the programs for friday") is None


def test_an_alarm_is_cancelled_by_its_time(skill, store):
    ask(skill, "set an alarm for 6 am")
    ask(skill, "set an alarm for 7:30 am")
    assert ask(skill, "cancel my 6 am alarm").text == "Cancelled your alarm for tomorrow at 6 AM."
    assert ask(skill, "delete the alarm at 9").text == "You have no alarm set at 9."
    assert [datetime.fromtimestamp(a.due_at).hour for a in store.active()] == [7]


def test_an_alarm_on_a_date_is_set_and_cancelled_by_that_date_only(skill, store):
    assert ask(skill, "set an alarm for march 10 at 7 am").text == "Alarm set for Wednesday, March 10, 2027 at 7 AM."
    ask(skill, "set an alarm for 6 am")
    cancelled = ask(skill, "cancel alarm for tenth of march two thousand seventeen")
    assert cancelled.text == "You have no alarm set on Friday, March 10, 2017."
    assert ask(skill, "cancel my alarm for march 10").text == "Cancelled your alarm for Wednesday, March 10, 2027 at 7 AM."
    assert [datetime.fromtimestamp(a.due_at).hour for a in store.active()] == [6]


def test_a_name_no_alarm_has_cancels_none_of_several(skill, store):
    ask(skill, "set an alarm for 7 am")
    ask(skill, "set an alarm for 6 pm")
    assert ask(skill, "cancel my yoga alarm").text == "You have no yoga alarm."
    assert len(store.active()) == 2


def test_a_name_the_one_timer_lacks_still_cancels_it(skill, store):
    ask(skill, "set a timer for 10 minutes")
    assert ask(skill, "cancel the pasta timer").text == "Cancelled your 10 minute timer."


def test_an_alarm_for_a_date_gone_by_is_not_set(skill, store):
    reply = ask(skill, "set an alarm for the tenth of march two thousand seventeen at 8 am")
    assert reply.text == "Friday, March 10, 2017 has passed; which day do you mean?"
    assert store.active() == []


@pytest.mark.parametrize("text", ["cancel alarm", "change alarm to 8 am", "delete scheduled alarm"])
def test_a_verb_before_alarm_is_not_taken_for_its_name(skill, text):
    assert skill.parse(text)["label"] is None


def test_a_question_about_an_alarm_at_a_time_or_day_answers_yes_or_no(skill):
    ask(skill, "set an alarm for 6 am")
    ask(skill, "set an alarm for 8 pm")
    assert ask(skill, "do i have an alarm set for tomorrow").text == "Yes. Your alarm is set for tomorrow at 6 AM."
    assert ask(skill, "what time is my alarm set for tomorrow").text == "Your alarm is set for tomorrow at 6 AM."
    assert ask(skill, "is there an alarm at 7").text == "You have no alarm set at 7."
    assert ask(skill, "what alarms do i have").text == "You have 2 alarms: 8 PM and tomorrow at 6 AM."
    assert ask(skill, "am or pm").text == "You have 2 alarms: 8 PM and tomorrow at 6 AM."


def test_snoozing_sets_the_alarm_again_a_few_minutes_from_now(skill, store, clock):
    reply = ask(skill, "snooze")
    assert reply.action == "start" and reply.text == "Snoozed for 9 minutes: your alarm rings again at 12:09 PM."
    assert ask(skill, "snooze for 5 minutes").data["due_at"] == clock.now + 300


def test_an_alarm_that_repeats_on_weekdays_rings_first_on_the_next_weekday(skill, store):
    assert ask(skill, "set an alarm for 7 am every weekday").text == "Alarm set for 7 AM every weekday."
    (alarm,) = store.active()
    assert alarm.repeat == "01234" and datetime.fromtimestamp(alarm.due_at) == datetime(2026, 11, 23, 7, 0)


def test_a_repeating_alarm_is_set_again_for_its_next_day_when_it_rings(skill, store, clock):
    ask(skill, "wake me up at 7 on weekdays")
    rings = []
    for _ in range(6):
        clock.now = store.active()[0].due_at
        (fired,) = store.take_due()
        rings.append(datetime.fromtimestamp(fired.timer.due_at).strftime("%a %H:%M"))
    assert rings == ["Mon 07:00", "Tue 07:00", "Wed 07:00", "Thu 07:00", "Fri 07:00", "Mon 07:00"]
    assert len(store.active()) == 1


def test_a_repeating_alarm_missed_while_edge_was_off_rings_once_and_goes_on_from_now(skill, store, clock):
    ask(skill, "set an alarm every day at 6 am")
    clock.now += 3 * 86400
    assert len(store.take_due()) == 1
    (following,) = store.active()
    assert following.due_at > clock.now and datetime.fromtimestamp(following.due_at).hour == 6


def test_cancelling_a_repeating_alarm_ends_the_series(skill, store):
    ask(skill, "set an alarm for 8 am on saturdays and sundays")
    assert ask(skill, "cancel my alarm").text.startswith("Cancelled your alarm")
    assert store.active() == []


def test_asking_about_a_repeating_alarm_says_when_it_repeats(skill):
    ask(skill, "alarm every monday and thursday at 5 pm")
    assert ask(skill, "when is my alarm").text == "Your alarm is set for tomorrow at 5 PM every Monday and Thursday."


def test_an_alarm_is_moved_to_another_time(skill, store):
    ask(skill, "set an alarm for 6 am")
    ask(skill, "set an alarm for 9 pm")
    assert ask(skill, "move my 6 am alarm to 6:45").text == "Moved your alarm from tomorrow at 6 AM to tomorrow at 6:45 AM."
    assert ask(skill, "change my alarm to 7").text.endswith("Which one should I move?")
    assert sorted(datetime.fromtimestamp(a.due_at).strftime("%H:%M") for a in store.active()) == ["06:45", "21:00"]


def test_moving_an_alarm_when_there_is_none_sets_one(skill, store):
    reply = ask(skill, "change my alarm to six thirty")
    assert (reply.action, reply.text) == ("start", "Alarm set for 6:30 PM.")


def test_alarms_from_a_store_made_before_repeats_keep_ringing(tmp_path, clock):
    old = store_at_version(tmp_path / "edge.db", migration_adding("ADD COLUMN repeat"))
    old.execute(
        "INSERT INTO timers (kind, created_at, due_at, state) VALUES ('alarm', ?, ?, 'running')", (clock.now, clock.now + 60)
    )
    old.commit()
    old.close()
    store = TimerStore(Database(tmp_path / "edge.db"), clock)
    clock.now += 60
    (fired,) = store.take_due()
    assert fired.timer.kind == "alarm" and fired.timer.repeat is None


@pytest.mark.parametrize(
    "text",
    ["let me see my alarms", "may i know the alarms you set", "if any alarm is set then let me know", "review my alarms"],
)
def test_an_alarm_request_that_asks_and_says_no_time_is_a_question(skill, store, text):
    ask(skill, "set an alarm for 6 am")
    reply = ask(skill, text)
    assert reply.action == "status" and len(store.active()) == 1


@pytest.mark.parametrize("text", ["set an alarm", "i need an alarm", "can you set an alarm for me"])
def test_an_alarm_to_set_without_a_time_asks_for_it(skill, text):
    assert not skill.complete(skill.parse(text))
    assert ask(skill, text).text == "What time should I set the alarm for?"


def test_the_next_alarm_is_the_one_that_rings_first(skill):
    ask(skill, "set an alarm for 6 am")
    ask(skill, "set an alarm for 7 pm")
    assert ask(skill, "what's my next alarm").text == "Your next alarm is set for 7 PM."


def test_a_question_about_alarms_in_part_of_the_day_looks_only_there(skill):
    ask(skill, "set an alarm for 7 pm")
    assert ask(skill, "do i have any alarms in the morning").text == "You have no alarm set in the morning."
    ask(skill, "set an alarm for 6 am")
    assert ask(skill, "have i set any alarms in the morning").text == "Yes. Your alarm is set for tomorrow at 6 AM."


def test_cancelling_alarms_in_the_plural_cancels_them_all(skill, store):
    ask(skill, "set an alarm for 6 am")
    ask(skill, "set an alarm for 7 pm")
    assert ask(skill, "take off my alarms").text == "Cancelled all 2 alarms."
    assert store.active() == []


def test_a_time_heard_as_hundreds_is_a_clock_time(skill):
    assert ask(skill, "set an eight hundred am alarm for next tuesday").text == "Alarm set for Tuesday at 8 AM."


def test_snooze_named_as_an_option_is_not_a_snooze(skill):
    reply = ask(skill, "set an alarm without the option to snooze for seven am")
    assert (reply.action, reply.text) == ("start", "Alarm set for tomorrow at 7 AM.")


@pytest.mark.parametrize(
    "text, action",
    [
        ("how long is left on my 1 hour timer", "status"),
        ("status of 1 hour timer", "status"),
        ("1 hour timer status", "status"),
        ("cancel the 1 hour timer", "cancel"),
        ("stop timer for 1 hour", "cancel"),
        ("pause my 1 hour timer", "pause"),
    ],
)
def test_a_timer_named_by_its_length_is_the_one_acted_on_and_no_new_one_starts(skill, store, text, action):
    ask(skill, "set a timer for 5 minutes")
    ask(skill, "set a timer for 1 hour")
    reply = ask(skill, text)
    assert reply.action == action and "1 hour timer" in reply.text
    assert sorted(t.seconds for t in store.active()) == ([5 * 60] if action == "cancel" else [5 * 60, 3600])


def test_a_length_no_timer_has_is_said_to_be_missing(skill):
    ask(skill, "set a timer for 5 minutes")
    assert ask(skill, "how long is left on the 20 minute timer").text == "You have no 20 minute timer."


@pytest.mark.parametrize(
    "text, added",
    [
        ("add 5 minutes to 1 hour timer", 300),
        ("add 5 minutes to timer for 1 hour", 300),
        ("increase the 1 hour timer by 5 minutes", 300),
        ("increase timer for 1 hour by 5 minutes", 300),
        ("decrease the 1 hour timer by 5 minutes", -300),
    ],
)
def test_lengthening_a_timer_named_by_its_length_adds_the_other_amount_to_it(skill, store, clock, text, added):
    ask(skill, "set a timer for 5 minutes")
    ask(skill, "set a timer for 1 hour")
    reply = ask(skill, text)
    hour = next(t for t in store.active() if t.seconds == 3600)
    assert reply.action == "extend" and hour.remaining(clock()) == 3600 + added


@pytest.mark.parametrize(
    "text",
    [
        "start a 5 minute timer named pizza",
        "5 minute timer for pizza",
        "set timer called pizza for 5 minutes",
        "set a timer for 5 minutes and call it pizza",
    ],
)
def test_a_timer_is_named_as_people_name_it_and_found_by_that_name(skill, store, text):
    assert ask(skill, text).text == "Timer set for 5 minutes for the pizza."
    ask(skill, "set a timer for 1 hour")
    assert ask(skill, "increase the pizza timer by 5 minutes").text == "Added 5 minutes to your pizza timer."
    assert ask(skill, "how long is left on the pizza timer").text == "Your pizza timer has 10 minutes left."


@pytest.mark.parametrize("text", ["add 5 minutes to timer in kitchen", "status of timer in kitchen"])
def test_a_word_between_timer_and_its_place_is_no_name(skill, text):
    ask(skill, "set a timer for 5 minutes")
    assert "your 5 minute timer" in ask(skill, text).text.lower()


@pytest.mark.parametrize(
    "text, lengths",
    [
        ("set a 20 minute timer and a 5 minute timer", [300, 1200]),
        ("set a timer for 10 minutes and another for 3 minutes", [180, 600]),
        ("set a timer for ten minutes and then a timer for five", [300, 600]),
        ("set timers for 5 and 10 minutes", [300, 600]),
        ("set a timer for 1 hour 30 minutes and one for 20 minutes", [1200, 5400]),
    ],
)
def test_several_timers_in_one_request_are_each_set_not_added_together(skill, store, text, lengths):
    reply = ask(skill, text)
    assert sorted(t.seconds for t in store.active()) == lengths
    assert reply.text.startswith("Timers set for ")


@pytest.mark.parametrize("text", ["set a timer for 1 hour and 30 minutes", "set a timer for an hour and a half"])
def test_one_length_said_in_two_units_is_one_timer(skill, store, text):
    assert ask(skill, text).text == "Timer set for 1 hour and 30 minutes."
    assert len(store.active()) == 1


def test_each_of_several_timers_keeps_its_name(skill):
    reply = ask(skill, "set a 10 minute timer for the pasta and a 4 minute timer for the sauce")
    assert reply.text == "Timers set for 10 minutes for the pasta and 4 minutes for the sauce."


def test_a_second_timer_without_a_length_is_asked_about_and_the_first_is_set(skill, store):
    text = "set a timer for 10 minutes and another one"
    assert ask(skill, text).text == "Timer set for 10 minutes. For how long should the other timer be?"
    assert len(store.active()) == 1
    assert not skill.complete(skill.parse(text))


@pytest.mark.parametrize(
    "text, offset_minutes",
    [
        ("wake me up at sunrise", 0),
        ("set an alarm for 30 minutes before sunrise", -30),
        ("set an alarm for an hour after sunrise", 60),
    ],
)
def test_an_alarm_at_sunrise_rings_at_the_next_sunrise_here_or_the_time_said_from_it(
    skill, store, local_zone, text, offset_minutes
):
    from astral import Observer, sun

    local_zone("Europe/Berlin")
    ask(skill, text)
    (alarm,) = store.active()
    now = datetime.fromtimestamp(store.clock()).astimezone()
    berlin = Observer(latitude=52.52, longitude=13.41)
    rises = [sun.sunrise(berlin, date=now.date() + timedelta(days=d)) for d in range(3)]
    expected = next(r for r in (r + timedelta(minutes=offset_minutes) for r in rises) if r.timestamp() > store.clock())
    assert abs(alarm.due_at - expected.timestamp()) < 120


@pytest.mark.parametrize("text", ["wake me up at dawn", "set an alarm for 30 minutes before sunrise"])
def test_without_a_city_for_this_devices_zone_an_alarm_at_the_sun_asks_the_time(skill, store, local_zone, text):
    local_zone("UTC")
    assert ask(skill, text).text == "What time should I set the alarm for?"
    assert store.active() == []
