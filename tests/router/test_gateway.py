from datetime import datetime, timedelta, timezone

import pytest

from edge.config import load_settings
from edge.errors import RoleUnavailable
from edge.router import Gateway
from edge.router.direct import skill_reply
from edge.skills import Skills
from edge.store.database import Database


@pytest.fixture
def skills(tmp_path, runtime):
    return Skills(Database(tmp_path / "edge.db"), runtime.status)


def gateway(runtime, skills, **router):
    settings = load_settings(env={}, router=router).router
    return Gateway(settings, skills.by_name, lambda text: runtime.classifier.classify([text])[0])


def test_a_template_match_picks_the_skill_and_fills_its_slots(runtime, skills):
    d = gateway(runtime, skills).decide("set a timer for ten minutes")
    assert (d.route, d.intent, d.skill, d.matched_by, d.confidence) == ("skill", "timer", "timer", "template", 1.0)
    assert d.slots["seconds"] == 600 and "classifier" not in d.stages_ms


def test_a_phrasing_outside_the_templates_goes_through_the_classifier(runtime, skills):
    d = gateway(runtime, skills).decide("buzz me when 45 minutes are up")
    assert (d.route, d.skill, d.matched_by) == ("skill", "timer", "classifier")
    assert d.slots["seconds"] == 2700 and d.confidence >= 0.35


@pytest.mark.parametrize(
    "text",
    ["the fire alarm keeps beeping", "how do i turn off the smoke alarm", "what is an alarm clock", "who sounded the alarm"],
)
def test_an_alarm_that_is_a_device_goes_where_the_next_intent_sends_it_not_to_the_timer_skill(runtime, skills, text):
    d = gateway(runtime, skills).decide(text)
    assert d.route != "skill" and d.skill is None and "timer skill declines it" in d.reason


@pytest.mark.parametrize("text", ["set an alarm for 7 am", "sound the alarm at 6 am tomorrow"])
def test_an_alarm_edge_rings_is_still_set(runtime, skills, text):
    d = gateway(runtime, skills).decide(text)
    assert (d.route, d.skill, d.slots["kind"]) == ("skill", "timer", "alarm")


@pytest.mark.parametrize(
    "text",
    [
        "set an alarm on wednesday noon so i can register for early adopters program",
        "wake me up on friday at five in the morning i need to catch the train",
    ],
)
def test_a_command_whose_likeliest_skill_cannot_parse_it_goes_to_the_next_skill_that_can(runtime, skills, text):
    d = gateway(runtime, skills).decide(text)
    assert (d.route, d.skill, d.slots["kind"]) == ("skill", "timer", "alarm")
    assert "notes skill cannot parse it" in d.reason


def test_a_request_the_likeliest_skill_declines_goes_to_the_next_skill_that_parses_it(runtime, skills):
    d = gateway(runtime, skills).decide("what list do i have")
    assert (d.route, d.skill, d.slots["action"]) == ("skill", "notes", "lists")
    assert "status skill declines it" in d.reason


def test_a_whole_sum_is_arithmetic_however_it_is_said(runtime, skills):
    for text, expression in [
        ("two by two is", "2 * 2"),
        ("seven times six equals", "7 * 6"),
        ("3 + 4", "3 + 4"),
        ("what is two thirds of ninety", "2 / 3 * 90"),
        ("if i win 200000 how do i split it 7 ways", "200000 / 7"),
    ]:
        d = gateway(runtime, skills).decide(text)
        assert (d.route, d.skill, d.matched_by, d.slots["expression"]) == ("skill", "math", "template", expression)


def test_a_template_the_skill_refuses_falls_through_to_the_classifier(runtime, skills):
    d = gateway(runtime, skills).decide("what is the capital of France")
    assert d.matched_by == "classifier" and d.route == "chat"


def test_an_empty_request_is_out_of_scope(runtime, skills):
    for text in ("", "   \n"):
        d = gateway(runtime, skills).decide(text)
        assert (d.route, d.matched_by, d.intent) == ("oos", "empty", None)


def test_intents_map_to_routes_from_the_config(runtime, skills):
    text = "what's the weather like tomorrow"
    assert gateway(runtime, skills).decide(text).route == "oos"
    assert gateway(runtime, skills, intents={"weather": "chat"}).decide(text).route == "chat"


def test_a_low_confidence_classification_takes_the_configured_route(runtime, skills):
    d = gateway(runtime, skills, min_confidence=1.0, low_confidence_route="chat").decide("buzz me when 45 minutes are up")
    assert d.route == "chat" and d.reason.startswith("classifier unsure")


def test_templates_can_be_switched_off(runtime, skills):
    d = gateway(runtime, skills, templates=False).decide("set a timer for ten minutes")
    assert d.matched_by == "classifier" and d.slots["seconds"] == 600


def test_without_a_classifier_templates_still_work_and_the_rest_goes_to_chat(skills):
    def unavailable(text):
        raise RoleUnavailable("classifier is unavailable: intent-head.onnx is truncated", "rerun scripts/setup")

    gate = Gateway(load_settings(env={}).router, skills.by_name, unavailable)
    assert gate.decide("set a timer for ten minutes").slots["seconds"] == 600
    d = gate.decide("tell me about the moon")
    assert d.route == "chat" and "classifier is unavailable" in d.reason


@pytest.mark.parametrize(
    "text, action",
    [
        ("what time is it in orlando florida", "time"),
        ("what time is it in fredericksburg, tx", "time"),
        ("current time in japan", "time"),
        ("time in california", "time"),
        ("what time is it in pacific time", "time"),
        ("switch to eastern time zone", "time"),
        ("if it's ten pm in california what time is it in alabama", "convert"),
        ("convert 3 pm eastern to pacific", "convert"),
        ("what is 5 pm london time in new york", "convert"),
        ("what's the time difference between london and new york", "difference"),
        ("what time zone am i in", "zone"),
        ("what day of the week is the twenty third of this month", "weekday"),
        ("is the 23rd of april a saturday", "weekday"),
        ("what day is christmas on this year", "weekday"),
        ("what date was it three days ago", "date"),
        ("what's the date of the winter solstice two years from now", "date"),
        ("how many weeks until the summer solstice", "days_until"),
        ("how many days until thanksgiving", "days_until"),
        ("what day does my birthday fall on", "ask"),
        ("set time zone", "zone"),
        ("how many fridays are there in may", "weekdays_in"),
        ("is today march sixth", "date"),
        ("where does the twenty second fall this month", "weekday"),
        ("which day is friday the thirteenth this year", "date"),
        ("what is the longest day of the year", "date"),
        ("is it noon in paris", "time"),
        ("eight am manila time is what in eastern time", "convert"),
    ],
)
def test_time_and_date_questions_of_every_family_are_decided_for_the_time_skill(runtime, skills, text, action):
    d = gateway(runtime, skills).decide(text)
    assert (d.route, d.skill, d.slots["action"]) == ("skill", "time", action)


def test_a_time_question_the_time_skill_cannot_read_is_asked_back_not_given_to_chat(runtime, skills):
    d = gateway(runtime, skills).decide("what time is it in the land of nod")
    assert (d.route, d.skill) == ("skill", "time") and d.slots["action"] == "ask"


def test_the_time_skill_takes_no_request_of_another_skill(runtime, skills):
    for text, skill in [
        ("set a timer for ten minutes", "timer"),
        ("what is two plus two", "math"),
        ("convert 5 miles to kilometers", "math"),
        ("add milk to my shopping list", "notes"),
    ]:
        assert gateway(runtime, skills).decide(text).skill == skill


@pytest.mark.parametrize(
    "text",
    [
        "can you tell me the square root of pi",
        "how many square feet is a 13 by 74 room",
        "how do i convert inches and centimeters",
    ],
)
def test_a_calculation_or_conversion_the_classifier_doubts_is_still_the_math_skills(runtime, skills, text):
    d = gateway(runtime, skills).decide(text)
    assert (d.route, d.skill) == ("skill", "math"), d.reason


@pytest.mark.parametrize("text", ["how old is someone born in 1990", "how many years since 1990"])
def test_a_count_of_years_is_the_time_skills_not_left_to_a_guess(runtime, skills, text):
    d = gateway(runtime, skills).decide(text)
    assert (d.route, d.skill, d.slots["action"]) == ("skill", "time", "age" if "old" in text else "years"), d.reason


@pytest.mark.parametrize(
    "text, skill",
    [
        ("flip a coin", "chance"),
        ("roll two dice", "chance"),
        ("pick a random number between 1 and 10", "chance"),
        ("how do you spell necessary", "spell"),
    ],
)
def test_chance_and_spelling_are_done_by_skills_not_described_by_the_llm(runtime, skills, text, skill):
    d = gateway(runtime, skills).decide(text)
    assert (d.route, d.skill) == ("skill", skill), d.reason


def test_the_time_skill_answers_on_its_own_clock(runtime, skills):
    sunday_evening = datetime(2026, 11, 22, 19, 42, tzinfo=timezone(timedelta(hours=-5)))
    skills.by_name["time"].clock = lambda: sunday_evening
    d = gateway(runtime, skills).decide("how many weeks until the summer solstice")
    assert d.slots == {"action": "days_until", "date": "2027-06-21", "day": "the summer solstice", "unit": "weeks"}
    assert skill_reply(skills, d).text == "The summer solstice is in 30 weeks and 1 day."


@pytest.mark.parametrize("text", ["play some calming music for me", "i want to listen to george strait", "play chess with me"])
def test_a_command_to_play_media_taken_for_small_talk_is_decided_as_a_device_command(runtime, skills, text):
    d = gateway(runtime, skills).decide(text)
    assert (d.route, d.intent) == ("oos", "device"), d.reason


@pytest.mark.parametrize("text", ["i want to hear a joke", "i would like to hear a story", "play along with me"])
def test_asking_to_hear_a_joke_or_a_story_is_still_small_talk(runtime, skills, text):
    assert gateway(runtime, skills).decide(text).route == "chat"


def test_a_status_question_about_something_else_is_not_answered_with_the_models(runtime, skills):
    d = gateway(runtime, skills).decide("what list do i have")
    assert d.skill != "status"


@pytest.mark.parametrize(
    "text", ["set a timer for ten minutes", "wake me up at seven", "remind me to call mom at five pm", "what time is it"]
)
def test_a_skill_command_with_everything_its_skill_needs_is_complete(runtime, skills, text):
    assert gateway(runtime, skills).completeness(text) == "complete"


@pytest.mark.parametrize("text", ["set a timer", "set an alarm", "remind me to call mom", "remind me"])
def test_a_skill_command_its_skill_would_ask_back_about_is_incomplete(runtime, skills, text):
    assert gateway(runtime, skills).completeness(text) == "incomplete"


@pytest.mark.parametrize("text", ["tell me about octopuses", "what is twelve times", ""])
def test_a_request_that_is_not_a_skill_command_it_can_parse_is_unknown(runtime, skills, text):
    assert gateway(runtime, skills).completeness(text) == "unknown"
