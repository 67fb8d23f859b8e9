"""Requests about lists and alarms, said the ways people say them, reach the right skill and action."""

import pytest

from edge.router import Router
from edge.store.database import Database

LIST_REQUESTS = [
    ("add milk to my shopping list", "add"),
    ("put eggs on the grocery list", "add"),
    ("add to my to do list call the bank", "add"),
    ("i need to buy toothpaste", "add"),
    ("we're out of coffee", "add"),
    ("create a new list called camping", "create"),
    ("make a list for my party", "create"),
    ("what lists do i have", "lists"),
    ("what's on my shopping list", "read"),
    ("read me my to do list", "read"),
    ("is milk on my shopping list", "contains"),
    ("remove milk from my shopping list", "remove"),
    ("cross eggs off the list", "remove"),
    ("delete the last item on my shopping list", "remove"),
    ("clear my shopping list", "clear"),
    ("delete my party list", "delete_list"),
    ("tell me what lists i currently have", "lists"),
    ("what are my lists so far", "lists"),
    ("take bread off my shopping list and add butter", "update"),
    ("i'm out of rice so can you put that on my shopping list", "add"),
    ("do me a favor and put soap on my list for shopping", "add"),
    ("let me know what i have to do today", "read"),
    ("what are the things that i have for today", "read"),
    ("tell me what i need to buy", "read"),
    ("i need to know what tasks are on my to-do list", "read"),
    ("please read out my list of tasks to accomplish", "read"),
    ("i need to know if sorting the mail is on my to do list", "contains"),
]
ALARM_REQUESTS = [
    ("wake me up at 7 am", "start"),
    ("set an alarm for tomorrow at six thirty am", "start"),
    ("set an alarm for quarter to eight", "start"),
    ("i need to wake up at 6 tomorrow", "start"),
    ("what alarms do i have", "status"),
    ("do i have an alarm set for tomorrow", "status"),
    ("when is my next alarm", "status"),
    ("turn off my alarm", "cancel"),
    ("remove all alarms", "cancel"),
    ("what time do i need to get up tomorrow", "status"),
    ("when will i wake up", "status"),
    ("snooze", "start"),
    ("snooze the alarm for five minutes", "start"),
    ("set an alarm for 7 am every weekday", "start"),
    ("move my 7 am alarm to 7:30", "move"),
    ("let me see my alarms", "status"),
    ("what's my next alarm", "status"),
    ("set two alarms, one at 6 and one at 7", "start"),
    ("set an alarm for 7 am and another for 8 am", "start"),
    ("let me know in 15 minutes please", "start"),
    ("ring my phone at 12 pm", "start"),
]


@pytest.fixture(scope="module")
def router(runtime, tmp_path_factory):
    with Router(runtime, db=Database(tmp_path_factory.mktemp("lists") / "edge.db")) as r:
        r.ask("add milk and eggs to my shopping list")
        yield r


@pytest.mark.parametrize("text, action", LIST_REQUESTS)
def test_a_list_request_is_answered_by_the_notes_skill(router, text, action):
    reply = router.ask(text)
    assert (reply.decision.route, reply.decision.skill) == ("skill", "notes"), reply.decision.reason
    assert reply.skill is not None and reply.skill.action == action and not reply.text.endswith("?"), reply.text


@pytest.mark.parametrize("text, action", ALARM_REQUESTS)
def test_an_alarm_request_is_answered_by_the_timer_skill(router, text, action):
    reply = router.ask(text)
    assert (reply.decision.route, reply.decision.skill) == ("skill", "timer"), reply.decision.reason
    assert reply.skill is not None and reply.skill.action == action and not reply.text.endswith("?"), reply.text


def test_a_list_request_without_an_item_asks_back_in_one_sentence(router):
    reply = router.ask("add to my list")
    assert reply.decision.skill == "notes" and reply.text.endswith("?") and reply.text.count("?") == 1


@pytest.mark.parametrize("text", ["please open my contact list", "play my workout playlist", "add jane to my mailing list"])
def test_a_list_of_another_app_is_not_one_of_the_users_lists(router, text):
    assert router.decide(text).skill != "notes"


def test_a_task_said_done_is_crossed_off_the_list_it_is_on(router):
    router.ask("add call the plumber to my to do list")
    reply = router.ask("i finished calling the plumber")
    assert (reply.decision.skill, reply.text) == ("notes", "Removed call the plumber from your to-do list.")


def test_something_said_done_that_is_on_no_list_is_not_a_list_request(router):
    assert router.decide("i finished my homework").skill != "notes"
