import pytest

from edge.skills import Scheduler, TimerStore
from edge.skills.notes import NotesSkill
from edge.store.database import Database
from tests.skills.test_timers import Clock
from tests.store.old_stores import migration_adding, store_at_version


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


@pytest.mark.parametrize("text", ["delete my notes", "erase all of my notes", "clear the notes", "delete all notes"])
def test_all_notes_are_cleared_however_it_is_said(skill, text):
    ask(skill, "take a note that the wifi password is on the fridge")
    assert ask(skill, text) == "Cleared your notes."
    assert ask(skill, "read my notes") == "There is nothing in your notes."


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


def test_remind_me_followed_by_a_question_is_not_a_reminder(skill):
    assert skill.parse("remind me what day it is") is None
    assert skill.parse("can you remind me what i put on my shopping list") == {"action": "read", "list": "shopping"}


def test_a_reminder_without_a_time_asks_when(skill):
    assert ask(skill, "remind me to water the plants") == "When should I remind you to water the plants?"
    assert ask(skill, "remind me to call my mother next friday") == "When should I remind you to call your mother?"


def test_unrelated_text_is_not_a_note(skill):
    assert skill.parse("what is the capital of France") is None


@pytest.mark.parametrize(
    "text, task, due",
    [
        ("remind me tomorrow morning to call the bank", "call the bank", (23, 9, 0)),
        ("remind me to call the bank tomorrow morning", "call the bank", (23, 9, 0)),
        ("remind me to take my pills at 9 pm", "take my pills", (22, 21, 0)),
        ("remind me to stop at the store at 5", "stop at the store", (22, 17, 0)),
        ("remind me on friday evening to water the plants", "water the plants", (27, 18, 0)),
        ("ping me in 20 minutes to check the oven", "check the oven", (22, 12, 20)),
    ],
)
def test_a_reminder_separates_the_task_from_its_time(skill, text, task, due):
    from datetime import datetime

    slots = skill.parse(text)
    when = datetime.fromisoformat(slots["due"])
    assert slots["text"] == task and (when.day, when.hour, when.minute) == due


@pytest.mark.parametrize(
    "text, slots",
    [
        ("we're out of milk", {"action": "add", "list": "shopping", "text": "milk"}),
        ("toss batteries on the list", {"action": "add", "list": None, "text": "batteries"}),
        ("add renew passport to my to-do list", {"action": "add", "list": "todo", "text": "renew passport"}),
        ("cross paper towels off my list", {"action": "remove", "list": None, "text": "paper towels"}),
        ("mark milk as done on my shopping list", {"action": "remove", "list": "shopping", "text": "milk"}),
        ("complete take out the trash on my chores list", {"action": "remove", "list": "chores", "text": "take out the trash"}),
        ("what do I still need to buy", {"action": "read", "list": "shopping"}),
        ("cancel my reminder about the dentist", {"action": "cancel_reminder", "text": "the dentist"}),
    ],
)
def test_everyday_list_phrasings(skill, text, slots):
    assert skill.parse(text) == slots


def test_marking_an_item_done_finds_its_list(skill):
    ask(skill, "add call mom to my to do list")
    assert ask(skill, "mark call mom as done") == "Removed call mom from your to-do list."


def test_an_item_said_with_other_word_endings_is_the_same_item(skill):
    ask(skill, "add call the plumber to my to do list")
    ask(skill, "add apple to my shopping list")
    assert ask(skill, "i finished calling the plumber") == "Removed call the plumber from your to-do list."
    assert ask(skill, "remove apples from my shopping list") == "Removed apple from your shopping list."


def test_a_list_named_by_what_it_holds_is_that_list(skill):
    assert ask(skill, "put paint on the list of stuff to get") == "Added paint to your shopping list."
    assert ask(skill, "add call the bank to my list of things to do") == "Added call the bank to your to-do list."
    assert ask(skill, "add the library to our list of errands for the weekend") == "Added the library to your errands list."
    assert ask(skill, "what's on my list of errands") == "In your errands list: the library."
    assert ask(skill, "take paint off the list of stuff to get") == "Removed paint from your shopping list."


def test_the_routing_issues_list_request_adds_to_the_shopping_list(skill):
    assert ask(skill, "add detergent to the list of things i need to buy") == "Added detergent to your shopping list."
    assert ask(skill, "what's on my shopping list") == "In your shopping list: detergent."


def test_a_list_is_created_named_and_listed(skill):
    assert ask(skill, "start a new list called camping gear") == "I made a new list: camping gear."
    assert ask(skill, "could you make me a packing list") == "I made a new list: packing."
    assert ask(skill, "set up a packing list") == "You already have a packing list."
    ask(skill, "put tent pegs on my camping gear list")
    assert ask(skill, "which lists do I have") == "You have 2 lists: camping gear and packing."


@pytest.mark.parametrize(
    "text, name",
    [
        ("start a list of dog names", "dog names"),
        ("i want to start a new list of power tools on sale at true value", "power tools"),
        ("create a list of books to be ordered", "books"),
    ],
)
def test_a_list_named_by_what_it_holds_is_named_by_those_words(skill, text, name):
    assert ask(skill, text) == f"I made a new list: {name}."


def test_a_new_list_without_a_name_asks_for_one(skill):
    assert skill.parse("please make a new list for me") == {"action": "create", "list": None}
    assert ask(skill, "create another list") == "What should I call the new list?"


def test_a_whole_list_is_deleted_with_its_items(skill):
    ask(skill, "add sunscreen and a hat to my beach list")
    assert ask(skill, "get rid of the beach list") == "Deleted your beach list and its 2 items."
    assert ask(skill, "what are my lists") == "You have no lists yet."
    assert ask(skill, "delete the list called beach") == "You have no beach list."
    assert ask(skill, "delete the list beach") == "You have no beach list."
    assert ask(skill, "remove this list") == "You have no lists to delete."


def test_a_list_to_delete_is_the_one_named_pointed_at_or_asked_for(skill):
    for name in ("beach", "camping", "work"):
        ask(skill, f"create a {name} list")
    assert ask(skill, "please remove the first list") == "Deleted your beach list."
    assert ask(skill, "delete a list") == "Which list should I delete: camping or work?"
    ask(skill, "add tent to my camping list")
    assert ask(skill, "i don't want this list any more") == "Deleted your camping list and its 1 item."
    assert ask(skill, "erase my old work list") == "You have no old work list."
    assert ask(skill, "remove the list") == "Deleted your work list."
    ask(skill, "add rope to my camping list")
    assert ask(skill, "delete all my lists") == "Deleted your only list."


def test_an_item_is_looked_up_on_a_list(skill):
    ask(skill, "add oat milk to the shopping list")
    assert ask(skill, "is oat milk on my shopping list") == "Yes, your shopping list has oat milk."
    assert ask(skill, "do we already have butter on the list") == "No, your shopping list doesn't have butter."
    assert skill.parse("do I have anything on my to do list") == {"action": "read", "list": "todo"}


@pytest.mark.parametrize(
    "text, slots",
    [
        ("read back my to do list", {"action": "read", "list": "todo"}),
        ("pull up the grocery list", {"action": "read", "list": "shopping"}),
        ("how many things are on my packing list", {"action": "read", "list": "packing", "count": True}),
        ("what does my errands list say", {"action": "read", "list": "errands"}),
        ("drop the batteries from my shopping list", {"action": "remove", "list": "shopping", "text": "batteries"}),
    ],
)
def test_more_ways_of_reading_and_changing_a_list(skill, text, slots):
    assert skill.parse(text) == slots


def test_a_store_from_before_named_lists_keeps_its_lists(tmp_path):
    old = store_at_version(tmp_path / "edge.db", migration_adding("CREATE TABLE lists"))
    old.execute("INSERT INTO notes (list, text, created_at) VALUES ('shopping', 'tea', 1), ('notes', 'hello', 2)")
    old.commit()
    old.close()
    reopened = Database(tmp_path / "edge.db")
    assert ask(NotesSkill(reopened, TimerStore(reopened)), "what lists do I have") == "You have one list: shopping."


@pytest.mark.parametrize(
    "text, slots",
    [
        ("put eggs on the grocery list", {"action": "add", "list": "shopping", "text": "eggs"}),
        ("add eggs to my groceries", {"action": "add", "list": "shopping", "text": "eggs"}),
        ("add coke to my shopping cart", {"action": "add", "list": "shopping", "text": "coke"}),
        ("remove soda from my shopping basket", {"action": "remove", "list": "shopping", "text": "soda"}),
        ("add to my shopping list eggs", {"action": "add", "list": "shopping", "text": "eggs"}),
        ("add a new item to my shopping list milk", {"action": "add", "list": "shopping", "text": "milk"}),
        ("i want to add rice to my shopping list please", {"action": "add", "list": "shopping", "text": "rice"}),
        ("put potatoes on my shopping list for saturday", {"action": "add", "list": "shopping", "text": "potatoes"}),
        ("add go to the gym to my to do list", {"action": "add", "list": "todo", "text": "go to the gym"}),
        ("i need to buy toothpaste", {"action": "add", "list": "shopping", "text": "toothpaste"}),
        ("remind me to buy batteries", {"action": "add", "list": "shopping", "text": "batteries"}),
        ("make a shopping list with milk and bread", {"action": "add", "list": "shopping", "text": "milk and bread"}),
        ("create a list for my party", {"action": "create", "list": "party"}),
        ("i need a new list called work", {"action": "create", "list": "work"}),
        ("open a new list", {"action": "create", "list": None}),
    ],
)
def test_ways_of_adding_to_or_making_a_list(skill, text, slots):
    assert skill.parse(text) == slots


@pytest.mark.parametrize(
    "text, slots",
    [
        ("do i have any lists", {"action": "lists"}),
        ("how many lists do i have", {"action": "lists"}),
        ("what list do i have", {"action": "lists"}),
        ("open my shopping list", {"action": "read", "list": "shopping"}),
        ("what items are on my shopping list", {"action": "read", "list": "shopping"}),
        ("what was on my to do list", {"action": "read", "list": "todo"}),
        ("what is on the list for saturday", {"action": "read", "list": "saturday"}),
        ("what is that on the list", {"action": "read", "list": None}),
        ("did i add milk to my shopping list", {"action": "contains", "list": "shopping", "text": "milk"}),
        ("have i put eggs on the list", {"action": "contains", "list": None, "text": "eggs"}),
        ("what do i need from the store", {"action": "read", "list": "shopping"}),
    ],
)
def test_ways_of_asking_about_lists(skill, text, slots):
    assert skill.parse(text) == slots


@pytest.mark.parametrize(
    "text, slots",
    [
        ("take milk off the shopping list", {"action": "remove", "list": "shopping", "text": "milk"}),
        ("cross off milk from my shopping list", {"action": "remove", "list": "shopping", "text": "milk"}),
        ("delete the last item on my shopping list", {"action": "remove", "list": "shopping", "position": "last"}),
        ("delete the last line", {"action": "remove", "list": None, "position": "last"}),
        ("remove the second item from my shopping list", {"action": "remove", "list": "shopping", "position": 2}),
        ("delete the item two from the list", {"action": "remove", "list": None, "position": 2}),
        ("delete item number 5", {"action": "remove", "list": None, "position": 5}),
        ("remove all items from my to do list", {"action": "clear", "list": "todo"}),
        ("empty the list", {"action": "clear", "list": None}),
        ("please remove my to do list from today", {"action": "delete_list", "list": "todo"}),
        ("cancel my shopping list", {"action": "delete_list", "list": "shopping"}),
        ("please delete the shopping list i created", {"action": "delete_list", "list": "shopping"}),
        ("i don't need the party list anymore", {"action": "delete_list", "list": "party"}),
    ],
)
def test_ways_of_taking_things_off_a_list_or_deleting_it(skill, text, slots):
    assert skill.parse(text) == slots


def test_an_item_said_to_be_done_comes_off_only_when_it_is_on_a_list(skill):
    ask(skill, "add milk and eggs to my shopping list")
    assert ask(skill, "i bought milk") == "Removed milk from your shopping list."
    assert ask(skill, "remove eggs") == "Removed eggs from your shopping list."
    assert skill.parse("i bought a new car") is None
    assert skill.parse("remove the alarm") is None


def test_an_item_taken_off_an_unnamed_list_is_found_on_the_list_holding_it(skill):
    ask(skill, "add call the plumber to my to do list")
    assert ask(skill, "remove call the plumber from my list") == "Removed call the plumber from your to-do list."


def test_a_question_about_a_list_that_does_not_exist_answers_so(skill):
    assert ask(skill, "what's on my party list") == "You have no list called party."
    assert ask(skill, "what's on my grocery list") == "There is nothing in your shopping list."


def test_an_unnamed_list_is_the_only_list_there_is(skill):
    ask(skill, "add hammer to my tools list")
    assert ask(skill, "read me my list") == "In your tools list: hammer."


@pytest.mark.parametrize(
    "text",
    [
        "put milk on my shopping list cause i'm out of it",
        "can you put milk on my shopping list because we're all out",
        "please put milk on my list i just used the last of it",
        "add milk to my shopping list if it's not already on it",
        "would you add milk to my shopping list as i am out",
    ],
)
def test_a_reason_or_condition_after_an_item_is_not_part_of_it(skill, text):
    assert ask(skill, text) == "Added milk to your shopping list."


@pytest.mark.parametrize(
    "text",
    [
        "what do i have to do today",
        "what is left to do",
        "what tasks are on my to-do list",
        "what are my tasks for today",
        "do i have any undone tasks",
        "let me know what i have to do today",
        "tell me what we still need to get done this week",
        "what are the things that i have for today",
    ],
)
def test_a_question_about_what_there_is_to_do_reads_the_to_do_list(skill, text):
    assert skill.parse(text) == {"action": "read", "list": "todo"}


@pytest.mark.parametrize(
    "text", ["what do i have to do to get a passport", "what should i do this weekend", "what are the things that i have"]
)
def test_a_question_about_how_to_do_something_is_not_about_the_to_do_list(skill, text):
    assert skill.parse(text) is None


@pytest.mark.parametrize("text", ["what things do i need to buy", "what items did i plan to buy", "tell me what i need to buy"])
def test_what_things_to_buy_reads_the_shopping_list(skill, text):
    assert skill.parse(text) == {"action": "read", "list": "shopping"}


@pytest.mark.parametrize("text", ["we don't need bread anymore", "i no longer want bread", "no more bread on my shopping list"])
def test_an_item_no_longer_needed_comes_off_its_list(skill, text):
    ask(skill, "add bread and jam to my shopping list")
    assert ask(skill, text) == "Removed bread from your shopping list."


def test_not_needing_something_that_is_on_no_list_is_not_a_list_request(skill):
    ask(skill, "add jam to my shopping list")
    assert skill.parse("i don't need your help") is None


@pytest.mark.parametrize("text", ["remove an item from my shopping list", "can you delete something from my shopping list"])
def test_removing_an_unnamed_item_asks_which(skill, text):
    ask(skill, "add jam to my shopping list")
    assert ask(skill, text) == "What should I remove from your shopping list?"


@pytest.mark.parametrize(
    "text", ["add item to list", "add the item to the list", "can you add it to my list", "add one more thing"]
)
def test_adding_an_unnamed_item_asks_what(skill, text):
    assert ask(skill, text) == "What should I add to your shopping list?"
    assert ask(skill, "what's on my shopping list") == "There is nothing in your shopping list."


def test_an_item_is_removed_by_its_place_on_the_list(skill):
    ask(skill, "add eggs, milk and bread to my shopping list")
    assert ask(skill, "remove the second item from my shopping list") == "Removed milk from your shopping list."
    assert ask(skill, "delete item number 5 from my shopping list") == "I couldn't find item 5 in your shopping list."


def test_an_item_already_on_the_list_is_not_added_twice(skill):
    ask(skill, "add milk to my shopping list")
    assert ask(skill, "add milk and eggs to my shopping list") == (
        "Added eggs to your shopping list. Milk is already on your shopping list."
    )
    assert ask(skill, "what's on my shopping list") == "In your shopping list: milk and eggs."


@pytest.mark.parametrize(
    "text, said",
    [
        (
            "take bread off my shopping list and add milk",
            "Removed bread from your shopping list. Added milk to your shopping list.",
        ),
        (
            "remove bread and add milk to my shopping list",
            "Removed bread from your shopping list. Added milk to your shopping list.",
        ),
        (
            "delete bread from my shopping list and put milk on it instead",
            "Removed bread from your shopping list. Added milk to your shopping list.",
        ),
    ],
)
def test_two_changes_in_one_request_are_both_made(skill, text, said):
    ask(skill, "add bread to my shopping list")
    assert ask(skill, text) == said
    assert ask(skill, "what's on my shopping list") == "In your shopping list: milk."


@pytest.mark.parametrize(
    "text, said",
    [
        ("is rice on my shopping list? if not, add it", "Added rice to your shopping list."),
        ("do i have rice on my shopping list, please add it if it isn't", "Added rice to your shopping list."),
        ("i'm out of rice so can you put that on my shopping list", "Added rice to your shopping list."),
        ("we have no rice, add it to the grocery list", "Added rice to your shopping list."),
        ("i need to call the bank, put it on my to do list", "Added call the bank to your to-do list."),
        ("please add rice to my shopping list unless i already did", "Added rice to your shopping list."),
    ],
)
def test_an_item_named_before_the_request_that_points_back_at_it_is_added(skill, text, said):
    assert ask(skill, text) == said


def test_an_item_done_and_pointed_back_at_comes_off(skill):
    ask(skill, "add water the plants to my to do list")
    assert ask(skill, "i just did water the plants, so cross it off my to do list") == (
        "Removed water the plants from your to-do list."
    )


@pytest.mark.parametrize(
    "text, slots",
    [
        ("do me a favor and put soap on my list for shopping", {"action": "add", "list": "shopping", "text": "soap"}),
        ("make sure soap is on my shopping list", {"action": "add", "list": "shopping", "text": "soap"}),
        ("i need soap added to my shopping list", {"action": "add", "list": "shopping", "text": "soap"}),
        ("please get soap removed from my shopping list", {"action": "remove", "list": "shopping", "text": "soap"}),
        ("on my to do list please add paint the fence", {"action": "add", "list": "todo", "text": "paint the fence"}),
        ("update my shopping list, delete the soap", {"action": "remove", "list": "shopping", "text": "soap"}),
        ("nuke everything on my to do list", {"action": "clear", "list": "todo"}),
        ("make my to do list blank", {"action": "clear", "list": "todo"}),
    ],
)
def test_a_change_after_words_that_are_not_part_of_it(skill, text, slots):
    assert skill.parse(text) == slots


@pytest.mark.parametrize(
    "text, slots",
    [
        ("i need to know if soap is on my shopping list", {"action": "contains", "list": "shopping", "text": "soap"}),
        ("i need to know what is on my shopping list", {"action": "read", "list": "shopping"}),
        ("tell me what i put on the shopping list", {"action": "read", "list": "shopping"}),
        ("remind me what is on my shopping list", {"action": "read", "list": "shopping"}),
        ("i need for you to tell me what is on my shopping list", {"action": "read", "list": "shopping"}),
        ("did i remember to add milk to my shopping list", {"action": "contains", "list": "shopping", "text": "milk"}),
    ],
)
def test_a_question_asked_in_other_words_is_answered_not_added(skill, text, slots):
    assert skill.parse(text) == slots


def test_a_change_that_is_not_understood_is_not_read_back_instead(skill):
    assert skill.parse("i need soap added to my list and the bleach moved") is None


def test_a_list_named_and_then_deleted_is_deleted(skill):
    ask(skill, "add hammer to my tools list")
    assert ask(skill, "i don't need the tools list, delete it") == "Deleted your tools list and its 1 item."


def test_an_item_asked_about_and_then_deleted_comes_off_and_its_list_stays(skill):
    ask(skill, "add milk and eggs to my shopping list")
    assert ask(skill, "is milk on my list, if so delete it") == "Removed milk from your shopping list."
    assert ask(skill, "what's on my shopping list") == "In your shopping list: eggs."


@pytest.mark.parametrize(
    "text, said",
    [
        ("tell me what lists i currently have", "You have one list: tools."),
        ("what are the names of the lists i have created", "You have one list: tools."),
        ("read that list back to me", "In your tools list: hammer."),
    ],
)
def test_more_ways_of_asking_which_lists_there_are(skill, text, said):
    ask(skill, "add hammer to my tools list")
    assert ask(skill, text) == said


def test_a_list_described_by_what_it_holds_is_named_by_its_noun(skill):
    assert skill.parse("make a new list of recent workouts") == {"action": "create", "list": "workouts"}


def test_a_request_for_the_reminders_is_not_about_a_list(skill):
    assert skill.parse("give me a list of all my reminders") == {"action": "reminders"}


@pytest.mark.parametrize(
    "text, slots",
    [
        ("i don't need apples remove it from my shopping list", {"action": "remove", "list": "shopping", "text": "apples"}),
        ("remove the laundry from my to do list on sunday", {"action": "remove", "list": "todo", "text": "laundry"}),
        ("please delete my grocery list in its entirety", {"action": "delete_list", "list": "shopping"}),
        ("delete the party list i made yesterday", {"action": "delete_list", "list": "party"}),
    ],
)
def test_more_ways_of_taking_things_off(skill, text, slots):
    assert skill.parse(text) == slots


@pytest.mark.parametrize(
    "text, said",
    [
        ("set a reminder for 5 pm to call mom", "I'll remind you to call mom at 5 PM."),
        ("i need a reminder for my five pm meeting", "I'll remind you about your meeting at 5 PM."),
        ("set reminder for two pm about my meeting", "I'll remind you about your meeting at 2 PM."),
        ("remind me about the dentist on wednesday at 3 pm", "I'll remind you about the dentist on Wednesday at 3 PM."),
        ("remind me that the oven is on in 10 minutes", "I'll remind you that the oven is on in 10 minutes."),
        ("remind me to call mom tomorrow morning", "I'll remind you to call mom tomorrow at 9 AM."),
        (
            "remind me on march 3 at 10 am to call the bank",
            "I'll remind you to call the bank on Wednesday, March 3, 2027 at 10 AM.",
        ),
        (
            "remind me that i have to see hannah about our project next tuesday at ten pm",
            "I'll remind you that you have to see hannah about your project on Tuesday at 10 PM.",
        ),
    ],
)
def test_a_reminder_is_said_back_the_way_it_was_asked(skill, text, said):
    assert ask(skill, text) == said


@pytest.mark.parametrize("text", ["is there any reminder for me", "tell me about any pending reminder"])
def test_a_question_about_a_reminder_lists_them(skill, text):
    assert skill.parse(text) == {"action": "reminders"}


@pytest.mark.parametrize("text", ["delete all my appointments for today", "add my business meeting to the work calendar"])
def test_a_calendar_request_is_declined(skill, text):
    assert skill.declines(text)


def test_a_meeting_put_on_a_list_is_not_declined(skill):
    assert not skill.declines("add a meeting with the architect to my project list")


@pytest.mark.parametrize(
    "text, said",
    [
        (
            "make a repeating reminder for my yoga practice every day at noon",
            "I'll remind you about your yoga practice at 12 PM every day.",
        ),
        ("remind me every weekday at 8 am to take my pills", "I'll remind you to take your pills at 8 AM every weekday."),
        ("set a daily reminder at 9 pm to lock the door", "I'll remind you to lock the door at 9 PM every day."),
        (
            "set a weekly reminder on monday at 9 am to water the plants",
            "I'll remind you to water the plants at 9 AM every Monday.",
        ),
    ],
)
def test_a_reminder_can_repeat_on_days_of_the_week(skill, text, said):
    assert ask(skill, text) == said


def test_a_repeating_reminder_fires_and_is_set_again(skill, clock):
    ask(skill, "set a daily reminder at 9 pm to lock the door")
    (reminder,) = skill.timers.active(("reminder",))
    clock.now = reminder.due_at
    (fired,) = skill.timers.take_due()
    assert fired.text == "Reminder: lock the door."
    (again,) = skill.timers.active(("reminder",))
    assert again.due_at == pytest.approx(reminder.due_at + 86400, abs=3600)


def test_a_reminder_every_month_is_said_to_be_beyond_what_repeats(skill):
    assert ask(skill, "please set a monthly reminder for paying rent") == (
        "I can repeat a reminder every day or on days of the week, not monthly."
    )


def test_a_time_said_before_the_reminder_is_its_time(skill):
    assert ask(skill, "tomorrow at 5 pm, remind me to call mom") == "I'll remind you to call mom tomorrow at 5 PM."


@pytest.mark.parametrize("text", ["add to my shopping list", "put on the grocery list"])
def test_a_list_named_with_no_item_is_not_taken_for_an_item_called_list(skill, text):
    slots = skill.parse(text)
    assert slots is None or not slots.get("text")


def test_a_request_is_complete_only_with_what_its_action_needs(skill):
    assert skill.complete(skill.parse("remind me to call mom at 5 pm"))
    assert not skill.complete(skill.parse("remind me to call mom"))
    assert skill.complete(skill.parse("add eggs to my shopping list"))
    assert skill.complete(skill.parse("what's on my shopping list"))


@pytest.mark.parametrize(
    "text",
    [
        "is it possible to add grapes to my shopping list if they aren't on there already",
        "do i have pepper my shopping list, if not add it",
    ],
)
def test_a_change_or_question_not_understood_is_neither_read_back_nor_added(skill, text):
    ask(skill, "add milk to my shopping list")
    assert skill.parse(text) is None


@pytest.mark.parametrize("question", ["how many things are on my grocery list", "how long is my shopping list"])
def test_asked_how_many_a_list_holds_the_count_comes_first(skill, question):
    ask(skill, "add eggs, milk and bread to my shopping list")
    assert ask(skill, question) == "Your shopping list has 3 items: eggs, milk and bread."


def test_a_list_is_renamed_with_its_items(skill):
    ask(skill, "put sunscreen and a hat on the packing list")
    assert ask(skill, "rename the packing list to beach trip") == "Renamed your packing list to beach trip."
    assert ask(skill, "what's on my beach trip list") == "In your beach trip list: sunscreen and a hat."
    assert ask(skill, "what's on my packing list") == "You have no list called packing."


@pytest.mark.parametrize(
    "text, reply",
    [
        ("rename the packing list to shopping", "You already have a shopping list."),
        ("change the name of my dinosaur list to fossils", "You have no dinosaur list."),
    ],
)
def test_a_rename_that_cannot_be_done_says_why(skill, text, reply):
    ask(skill, "start a packing list")
    assert ask(skill, text) == reply
