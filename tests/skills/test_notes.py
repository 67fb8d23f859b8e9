import pytest

from edge.skills import Scheduler, TimerStore
from edge.skills.notes import NotesSkill
from edge.store.database import Database
from tests.skills.test_timers import Clock


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def skill(tmp_path, clock):
    db = Database(tmp_path / "edge.db")
    return NotesSkill(db, TimerStore(db, clock))


def ask(skill: NotesSkill, text: str) -> str:
    slots = skill.parse(text)
    assert slots is not None, text
    return skill.run(slots).text


def test_notes_are_kept_and_read_back(skill):
    assert ask(skill, "take a note that the wifi password is on the fridge") == "Noted."
    assert ask(skill, "note that Sam's birthday is in May") == "Noted."
    assert ask(skill, "read my notes") == "In your notes: the wifi password is on the fridge and Sam's birthday is in May."
    assert ask(skill, "delete my last note") == "Removed Sam's birthday is in May from your notes."


def test_lists_take_several_items_at_once(skill):
    assert ask(skill, "add eggs, milk and bread to my shopping list") == "Added eggs, milk and bread to your shopping list."
    assert ask(skill, "remove milk from the grocery list") == "Removed milk from your shopping list."
    assert ask(skill, "what's on my shopping list") == "In your shopping list: eggs and bread."
    assert ask(skill, "clear my shopping list") == "Cleared your shopping list."
    assert ask(skill, "what's on my shopping list") == "There is nothing in your shopping list."


def test_a_reminder_fires_with_its_task(skill, clock):
    assert ask(skill, "remind me to call mom in 20 minutes") == "I'll remind you to call mom in 20 minutes."
    assert ask(skill, "what are my reminders").startswith("Your reminders: call mom at")
    clock.now += 1200
    (fired,) = Scheduler(skill.timers).fire_due()
    assert fired.text == "Reminder: call mom."


def test_a_reminder_without_a_time_asks_when(skill):
    assert ask(skill, "remind me to water the plants") == "When should I remind you to water the plants?"


def test_unrelated_text_is_not_a_note(skill):
    assert skill.parse("what is the capital of France") is None
