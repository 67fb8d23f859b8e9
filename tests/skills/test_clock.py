from datetime import datetime, timedelta, timezone

import pytest

from edge.errors import InputError
from edge.skills.clock import TimeSkill

NOW = datetime(2026, 11, 22, 19, 42, 5, tzinfo=timezone(timedelta(hours=-5)))
"""A Sunday evening."""
TODAY = NOW.date()
SKILL = TimeSkill(clock=lambda: NOW)


def reply(text: str) -> str:
    slots = SKILL.parse(text)
    assert slots is not None, f"{text!r} was not parsed"
    return SKILL.run(slots).text


@pytest.mark.parametrize(
    "text, slots",
    [
        ("what time is it", {"action": "time"}),
        ("What time is it?", {"action": "time"}),
        ("what's the time", {"action": "time"}),
        ("whats the time right now", {"action": "time"}),
        ("tell me the time", {"action": "time"}),
        ("do you know the time", {"action": "time"}),
        ("time please", {"action": "time"}),
        ("what's the date", {"action": "date"}),
        ("what's today's date", {"action": "date"}),
        ("what is the date today", {"action": "date"}),
        ("what date is it", {"action": "date"}),
        ("give me the date", {"action": "date"}),
        ("what's today", {"action": "date"}),
        ("what day is it", {"action": "weekday"}),
        ("what day is it today", {"action": "weekday"}),
        ("what day of the week is it", {"action": "weekday"}),
        ("what's the date next friday", {"action": "date", "date": "2026-11-27", "day": "next Friday"}),
        ("what's tomorrow's date", {"action": "date", "date": "2026-11-23", "day": "tomorrow"}),
        ("what was the date yesterday", {"action": "date", "date": "2026-11-21", "day": "yesterday"}),
        ("what is the date the day after tomorrow", {"action": "date", "date": "2026-11-24", "day": "day after tomorrow"}),
        ("what is the date in 10 days", {"action": "date", "date": "2026-12-02", "day": "in 10 days"}),
        ("when is thanksgiving", {"action": "date", "date": "2026-11-26", "day": "Thanksgiving"}),
        ("what day is christmas", {"action": "weekday", "date": "2026-12-25", "day": "Christmas"}),
        ("what day does christmas fall on", {"action": "weekday", "date": "2026-12-25", "day": "Christmas"}),
        ("what day is it tomorrow", {"action": "weekday", "date": "2026-11-23", "day": "tomorrow"}),
        ("what day of the week is the fourth of july", {"action": "weekday", "date": "2027-07-04", "day": "July 4"}),
        ("what day is december twenty fifth", {"action": "weekday", "date": "2026-12-25", "day": "December 25"}),
        ("how many days until christmas", {"action": "days_until", "date": "2026-12-25", "day": "Christmas"}),
        ("how many days until new year", {"action": "days_until", "date": "2027-01-01", "day": "New Year's Day"}),
        ("how long until new year's eve", {"action": "days_until", "date": "2026-12-31", "day": "New Year's Eve"}),
        ("how many days until friday", {"action": "days_until", "date": "2026-11-27", "day": "Friday"}),
        ("how many days until the first of january", {"action": "days_until", "date": "2027-01-01", "day": "January 1"}),
        ("how many days away is halloween", {"action": "days_until", "date": "2027-10-31", "day": "Halloween"}),
        ("how many days until march 3 2027", {"action": "days_until", "date": "2027-03-03", "day": "March 3, 2027"}),
    ],
)
def test_questions_are_parsed_into_slots(text, slots):
    assert SKILL.parse(text) == slots


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("what time is it", "It's 7:42 PM."),
        ("what's the date", "Today is Sunday, November 22, 2026."),
        ("what day is it", "Today is Sunday."),
        ("what's the date next friday", "Next Friday is November 27, 2026."),
        ("what's tomorrow's date", "Tomorrow is Monday, November 23, 2026."),
        ("the date tomorrow is what", "Tomorrow is Monday, November 23, 2026."),
        ("can you tell me what the next day is", "Tomorrow is Monday, November 23, 2026."),
        ("what was the date yesterday", "Yesterday was Saturday, November 21, 2026."),
        ("what is the date in 10 days", "In 10 days it will be Wednesday, December 2, 2026."),
        ("what day was it 3 days ago", "3 days ago it was a Thursday."),
        ("what day is it tomorrow", "Tomorrow is Monday."),
        ("what day is christmas", "Christmas is a Friday."),
        ("when is thanksgiving", "Thanksgiving is Thursday, November 26, 2026."),
        ("how many days until christmas", "Christmas is in 33 days."),
        ("how many days until new year", "New Year's Day is in 40 days."),
        ("how many days until monday", "Monday is tomorrow."),
    ],
)
def test_replies_are_one_spoken_sentence(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "set a timer for 10 minutes",
        "what is the capital of France",
        "what is 2 plus 2",
        "what time does the store open",
        "when is the next train",
        "what is the due date of my project",
        "what's the weather like today",
        "timer status",
    ],
)
def test_unrelated_text_is_not_parsed(text):
    assert SKILL.parse(text) is None


def test_a_template_day_slot_is_used_when_given():
    slots = SKILL.parse("how many days until it", {"day": "christmas"})
    assert slots == {"action": "days_until", "date": "2026-12-25", "day": "Christmas"}


def test_a_day_that_is_today_is_answered_as_today():
    christmas = TimeSkill(clock=lambda: datetime(2026, 12, 25, 9, 0).astimezone())
    assert christmas.run(christmas.parse("how many days until christmas")).text == "Christmas is today."
    assert christmas.parse("what is the date today") == {"action": "date"}


def test_the_reply_data_holds_the_date_and_the_offset():
    result = SKILL.run(SKILL.parse("how many days until christmas"))
    assert (result.skill, result.action, result.data) == ("time", "days_until", {"date": "2026-12-25", "days": 33})


def test_the_default_clock_is_local_time_with_a_zone():
    now = TimeSkill().clock()
    assert now.tzinfo is not None
    assert abs((now - datetime.now().astimezone()).total_seconds()) < 5


def test_bad_slots_are_an_input_error():
    with pytest.raises(InputError, match="no action"):
        SKILL.run({"action": "alarm"})
    with pytest.raises(InputError, match="ISO date"):
        SKILL.run({"action": "date", "date": "next tuesday"})


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("what time is it in new york city", "In New York City it's 7:42 PM."),
        ("current time in japan", "In Japan it's 9:42 AM on Monday."),
        ("what's the time in London", "In London it's 12:42 AM on Monday."),
        ("what is the local time in paris right now", "In Paris it's 1:42 AM on Monday."),
        ("time in los angeles", "In Los Angeles it's 4:42 PM."),
        ("i need to know what time it is right now in new york city", "In New York City it's 7:42 PM."),
        ("show me boston's current time", "In Boston it's 7:42 PM."),
        ("what hour of the day is it in dallas", "In Dallas it's 6:42 PM."),
        ("how late is it now in new york", "In New York it's 7:42 PM."),
    ],
)
def test_the_time_in_another_city_or_country_is_the_time_there(text, spoken):
    assert reply(text) == spoken


def test_the_time_of_day_is_no_place():
    assert reply("i need the time of day") == "It's 7:42 PM."


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("what time is it in orlando florida", "In Orlando it's 7:42 PM."),
        ("what's the current time in orlando fl", "In Orlando it's 7:42 PM."),
        ("what time is it in sacramento california", "In Sacramento it's 4:42 PM."),
        ("time in california", "In California it's 4:42 PM."),
        ("what time is it in alabama", "In Alabama it's 6:42 PM."),
        ("what's the time in the uk", "In the United Kingdom it's 12:42 AM on Monday."),
        ("what time is it on the east coast", "It's 7:42 PM Eastern Time."),
        ("tell me the time of new york", "In New York it's 7:42 PM."),
    ],
)
def test_a_question_about_the_time_in_a_state_or_country_answers_with_its_zone_time(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("what's the time in eastern time", "It's 7:42 PM Eastern Time."),
        ("what time is it in pacific time", "It's 4:42 PM Pacific Time."),
        ("eastern standard time please", "It's 7:42 PM Eastern Time."),
        ("what's the time in gmt", "It's 12:42 AM GMT on Monday."),
        ("time in utc", "It's 12:42 AM UTC on Monday."),
        ("what time is it cet", "It's 1:42 AM CET on Monday."),
        ("what time is it in I.S.T.", "It's 6:12 AM IST on Monday."),
        ("what is the time in utc plus two", "It's 2:42 AM UTC+2 on Monday."),
        ("what is tokyo time", "In Tokyo it's 9:42 AM on Monday."),
    ],
)
def test_the_time_in_a_zone_named_or_abbreviated_is_said_in_that_zone(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize(
    "text, spoken",
    [
        (
            "if it's ten pm in california what time is it in alabama",
            "When it's 10 PM in California, it's 12 AM the next day in Alabama.",
        ),
        (
            "if it's eight pm on the east coast what time is it in sacramento california",
            "When it's 8 PM Eastern Time, it's 5 PM in Sacramento.",
        ),
        ("convert 3 pm eastern to pacific", "When it's 3 PM Eastern Time, it's 12 PM Pacific Time."),
        ("three pm london time is what in new york", "When it's 3 PM in London, it's 10 AM in New York."),
        ("it's eight at night in france what time is it in new york", "When it's 8 PM in France, it's 2 PM in New York."),
        ("what is 5 pm london time in new york", "When it's 5 PM in London, it's 12 PM in New York."),
        ("3 p.m. est to gmt", "When it's 3 PM EST, it's 8 PM GMT."),
        ("what time is it in london when it is half past four here", "When it's 4:30 PM here, it's 9:30 PM in London."),
        (
            "what is the time in india when it is ten am in new york",
            "When it's 10 AM in New York, it's 8:30 PM in India.",
        ),
        ("convert time from pst to est", "It's 4:42 PM PST and 7:42 PM EST."),
        ("what time is it in tokyo when london time is 9 am", "When it's 9 AM in London, it's 6 PM in Tokyo."),
    ],
)
def test_a_time_in_one_place_is_converted_to_another(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("switch to eastern time zone", "It's 7:42 PM Eastern Time."),
        ("set my time zone to pacific", "It's 4:42 PM Pacific Time."),
        ("change the clock to london time", "In London it's 12:42 AM on Monday."),
        ("what time zone am i in", "You're on UTC minus 5."),
        ("what time zone is chicago in", "Chicago is on CST, UTC minus 6."),
        ("what's the time zone in london", "London is on GMT, the same as UTC."),
        ("what's the time difference between london and new york", "London is 5 hours ahead of New York."),
        ("how many hours ahead is tokyo", "Tokyo is 14 hours ahead of you."),
        ("time difference between india and california", "India is 13 hours and 30 minutes ahead of California."),
        ("is london ahead of new york", "London is 5 hours ahead of New York."),
        ("what is the time difference between here and london", "London is 5 hours ahead of you."),
        (
            "set time zone",
            "You're on UTC minus 5; I can't change this device's zone, but I can tell you the time in any other.",
        ),
    ],
)
def test_time_zones_are_named_compared_and_switched_to(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize(
    "text, question",
    [
        ("what's the time in narnia", "I don't know the time zone of narnia"),
        ("if it's 10 pm in narnia what time is it here", "I don't know the time zone of narnia"),
        ("what day does my birthday fall on", "I don't know the date of your birthday"),
        ("what day does my birthday fall on next year", "I don't know the date of your birthday"),
        ("how many days until my anniversary", "I don't know the date of your anniversary"),
    ],
)
def test_a_time_question_missing_what_only_the_user_knows_is_asked_back(text, question):
    assert not SKILL.complete(SKILL.parse(text))
    answer = SKILL.run(SKILL.parse(text))
    assert answer.action == "ask" and question in answer.text and answer.text.endswith("?")


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("what day of the week is the twenty third of this month", "The 23rd of this month is a Monday."),
        ("is the 23rd of april a saturday", "No, April 23 is a Friday."),
        ("is christmas on a friday this year", "Yes, Christmas this year is a Friday."),
        ("is it sunday today", "Yes, today is Sunday."),
        ("what day is christmas on this year", "Christmas this year is a Friday."),
        ("what day of the week will christmas be in twenty thirty", "Christmas 2030 is a Wednesday."),
        ("which day was it on the fifteenth of last month", "The 15th of last month was a Thursday."),
        ("today is what day", "Today is Sunday."),
        ("march tenth lands on what day of the week", "March 10 is a Wednesday."),
        ("on fifth april which day of the week", "April 5 is a Monday."),
        ("day on twenty second april", "April 22 is a Thursday."),
        ("which day of week is the twenty fourth", "The 24th is a Tuesday."),
        ("what day was july 4 1776", "July 4, 1776 was a Thursday."),
        ("where does the twenty fifth fall this month", "The 25th this month is a Wednesday."),
    ],
)
def test_the_weekday_of_a_day_is_said_or_checked(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("what day is next friday", "Next Friday is November 27, 2026."),
        ("what day of the month is next tuesday", "Next Tuesday is November 24, 2026."),
        ("which day is friday the thirteenth next year", "Friday the 13th next year is August 13, 2027."),
        ("when is the next friday the 13th", "Friday the 13th is August 13, 2027."),
        ("what is the longest day of the year", "The summer solstice is Monday, June 21, 2027."),
    ],
)
def test_a_day_named_by_its_weekday_is_answered_with_its_date(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("is today november twenty second", "Yes, today is Sunday, November 22, 2026."),
        ("is today march sixth", "No, today is Sunday, November 22, 2026."),
        ("is it the twenty second today", "Yes, today is Sunday, November 22, 2026."),
        ("is today the twentieth or the twenty first", "Neither: today is Sunday, November 22, 2026."),
    ],
)
def test_whether_today_is_a_date_is_checked(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("what date was it three days ago", "3 days ago it was Thursday, November 19, 2026."),
        ("what will be the date after ten days", "After 10 days it will be Wednesday, December 2, 2026."),
        ("two years from now what's the date", "2 years from now it will be Wednesday, November 22, 2028."),
        (
            "what's the date of the winter solstice two years from now",
            "The winter solstice 2 years from now is Thursday, December 21, 2028.",
        ),
        ("when is the winter solstice", "The winter solstice is Monday, December 21, 2026."),
        ("when is easter", "Easter is Sunday, March 28, 2027."),
        ("when was thanksgiving", "Thanksgiving was Thursday, November 27, 2025."),
        ("when does christmas come this year", "Christmas this year is Friday, December 25, 2026."),
        ("what's the date a week from friday", "1 week from Friday is December 4, 2026."),
        ("date", "Today is Sunday, November 22, 2026."),
        ("what is the date and time", "It's 7:42 PM on Sunday, November 22, 2026."),
        ("what's the current date, month and year", "Today is Sunday, November 22, 2026."),
        ("what is the full date after today", "Tomorrow is Monday, November 23, 2026."),
    ],
)
def test_dates_of_holidays_seasons_and_relative_days_are_said(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("how many weeks until the summer solstice", "The summer solstice is in 30 weeks and 1 day."),
        ("how many months until easter", "Easter is in 4 months and 6 days."),
        ("how many days since halloween", "Halloween was 22 days ago."),
        ("how many days are left in this year", "The end of the year is in 39 days."),
        ("how long until 10 pm", "10 PM is in 2 hours and 18 minutes."),
        ("how many minutes till midnight", "12 AM is in 4 hours and 18 minutes."),
        ("what time will it be in three hours", "In 3 hours it will be 10:42 PM."),
        ("what time was it 20 minutes ago", "20 minutes ago it was 7:22 PM."),
    ],
)
def test_how_long_until_or_since_is_counted_in_the_unit_asked(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("what week is it", "It's week 47 of 2026."),
        ("is it a leap year", "No, 2026 is not a leap year; the next one is 2028."),
        ("is twenty twenty eight a leap year", "Yes, 2028 is a leap year."),
        ("is the year two thousand and eighteen a leap year", "No, 2018 is not a leap year; the next one is 2020."),
        ("when is the next leap year", "The next leap year is 2028."),
        ("how many days are in february", "February 2027 has 28 days."),
        ("how many days are in february 2028", "February 2028 has 29 days."),
        ("how many days in this month", "November 2026 has 30 days."),
        ("how many sundays are there this month", "November 2026 has 5 Sundays."),
        ("how many fridays are there in may", "May 2027 has 4 Fridays."),
        ("how many mondays does next month have", "December 2026 has 4 Mondays."),
        ("how many saturdays in 2027", "2027 has 52 Saturdays."),
    ],
)
def test_calendar_facts_are_answered(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize(
    "text",
    [
        "how long is an earth day",
        "tell me about my day",
        "how is the day today",
        "when is it",
        "it's coffee time",
        "post new status on facebook time to celebrate",
        "set an alarm for 7 am tomorrow",
        "convert 5 miles to kilometers",
        "what's on my shopping list",
        "play some music from the eighties",
        "time to go to bed",
        "set the alarm time in ten minutes",
        "what time does the train leave",
    ],
)
def test_a_request_matched_by_a_template_is_answered_only_when_it_reads_as_a_time_question(text):
    assert SKILL.parse(text, {"question": text}) is None


def test_a_request_the_classifier_sent_may_be_read_loosely():
    assert SKILL.parse("how late is it") == {"action": "time"}
    assert SKILL.parse("tell me what time it currently is") == {"action": "time"}
    assert SKILL.parse("how late is it", {"question": "how late is it"}) is None


@pytest.mark.parametrize(
    "text",
    [
        "is the year 2018 really that long ago",
        "what is the first friday of next month",
        "what is the time for the party",
        "am i on vacation this week",
        "give me an update on the election tomorrow at noon",
    ],
)
def test_a_loose_request_about_another_day_or_an_event_is_not_taken_for_the_clock(text):
    assert SKILL.parse(text) is None


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("is today a holiday", "No, today isn't a holiday; the next one is Thanksgiving, Thursday, November 26, 2026."),
        ("when is the next holiday", "The next holiday is Thanksgiving, Thursday, November 26, 2026."),
        ("when does daylight saving time end", "The end of daylight saving time is Sunday, November 7, 2027."),
        ("when do the clocks go forward", "The start of daylight saving time is Sunday, March 14, 2027."),
        ("when does summer start", "The summer solstice is Monday, June 21, 2027."),
        ("how many days until spring", "The spring equinox is in 118 days."),
        ("christmas is in how many days", "Christmas is in 33 days."),
        ("my birthday is on march 4th what day is that", "Your birthday is a Thursday."),
    ],
)
def test_holidays_seasons_and_a_date_said_with_a_personal_day(text, spoken):
    assert reply(text) == spoken


def test_a_holiday_today_is_named():
    christmas = TimeSkill(clock=lambda: datetime(2026, 12, 25, 9, 0, tzinfo=timezone.utc))
    assert christmas.run(christmas.parse("is today a holiday")).text == "Yes, today is Christmas."


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("what date is it in london", "In London it's Monday, November 23, 2026."),
        ("what day is it in sydney", "In Sydney it's Monday."),
        ("what time is it for my sister in london", "In London it's 12:42 AM on Monday."),
        ("what is the current time in the state of california", "In California it's 4:42 PM."),
        ("what's the current time in italy rome", "In Rome it's 1:42 AM on Monday."),
        ("what is the time in newyork", "In New York it's 7:42 PM."),
        ("what's the time in washington state", "In Washington it's 4:42 PM."),
        ("what's the time as per indian standard time", "It's 6:12 AM India time on Monday."),
    ],
)
def test_the_time_or_date_in_a_place_however_the_place_is_said(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("tell me the time in twenty four hour format", "It's 19:42."),
        ("what time is it in military time", "It's 19:42."),
        ("what's today's date in numbers", "Today is 11/22/2026."),
        ("is it five o'clock yet", "Yes, it's 7:42 PM."),
        ("is it nine pm yet", "No, it's 7:42 PM."),
        ("is it before nine pm", "Yes, it's 7:42 PM."),
        ("is it noon", "No, it's 7:42 PM."),
        ("is it seven forty", "Yes, it's 7:42 PM."),
        ("is it noon in paris", "No, in Paris it's 1:42 AM."),
        ("what is the time in the uk right now please", "In the United Kingdom it's 12:42 AM on Monday."),
        ("what is the date olly", "Today is Sunday, November 22, 2026."),
    ],
)
def test_formats_checks_and_courtesies_around_the_time(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("italy is in what timezone", "Italy is on CET, UTC plus 1."),
        ("do you know the timezone for dublin", "Dublin is on GMT, the same as UTC."),
        ("what's chicago's time zone", "Chicago is on CST, UTC minus 6."),
        ("denver's timezone is what", "Denver is on MST, UTC minus 7."),
        ("what timezone do they use in la", "Los Angeles is on PST, UTC minus 8."),
        ("what timezone would i be in if i traveled to moscow", "Moscow is on MSK, UTC plus 3."),
        ("tell me the time zone", "You're on UTC minus 5."),
        ("i need to know what timezone sedona is in", "Sedona is on MST, UTC minus 7."),
    ],
)
def test_a_time_zone_question_names_the_zone_however_it_is_asked(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("i would like to know what today's date is", "Today is Sunday, November 22, 2026."),
        ("today's date is what", "Today is Sunday, November 22, 2026."),
        ("can you tell me tomorrow's date", "Tomorrow is Monday, November 23, 2026."),
        ("what is the month and day tomorrow", "Tomorrow is Monday, November 23, 2026."),
        ("what is the current date", "Today is Sunday, November 22, 2026."),
        ("what day are we in", "Today is Sunday."),
        ("what will the date be a week from today", "1 week from today it will be Sunday, November 29, 2026."),
        ("what's the date and time in tokyo", "In Tokyo it's 9:42 AM on Monday, November 23, 2026."),
        ("can you tell me the date and time", "It's 7:42 PM on Sunday, November 22, 2026."),
        ("what hour is it in london", "In London it's 12:42 AM on Monday."),
        ("what time is it right now in my city", "It's 7:42 PM."),
        ("i want to know the time", "It's 7:42 PM."),
        ("what does the clock say", "It's 7:42 PM."),
    ],
)
def test_the_date_and_time_asked_indirectly_or_with_a_place(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize(
    "text",
    [
        "what is the time frame to get a new card mailed to me",
        "what is the wait time at applebee's",
        "what's a good use of my time in toronto",
        "find out the next available date and time i can go to get my oil changed",
        "on what month and year does my card expire",
        "has my vacation time at work been allowed",
        "when is your birthday",
    ],
)
def test_the_time_something_takes_or_another_date_is_not_a_time_question(text):
    assert SKILL.parse(text, {"question": text}) is None


def test_asking_whether_it_is_night_somewhere_tells_the_time_there():
    assert reply("is it morning in sydney") == "In Sydney it's 11:42 AM on Monday."


@pytest.mark.parametrize("text", ["what time is high tide", "when is the next full moon", "what time is moonrise"])
def test_the_time_of_a_sky_or_sea_event_is_never_answered_with_the_clock(text):
    """The sun's are answered (test_sun_questions); the moon's and the tides' are not known offline."""
    assert SKILL.parse(text) is None


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("what is today's exact date", "Today is Sunday, November 22, 2026."),
        ("what is the date and month today", "Today is Sunday, November 22, 2026."),
        ("what is mondays actual date", "Monday is November 23, 2026."),
        ("what's the current date in tokyo", "In Tokyo it's Monday, November 23, 2026."),
        ("the time difference between paris and london is what", "Paris is 1 hour ahead of London."),
        ("what is the time in berlin at this very moment", "In Berlin it's 1:42 AM on Monday."),
    ],
)
def test_words_that_add_nothing_to_the_question_are_left_out(text, spoken):
    assert reply(text) == spoken


@pytest.mark.parametrize("text", ["when did i move to lisbon", "when did you move to paris", "why did we switch to tokyo"])
def test_a_question_about_moving_to_a_place_is_not_a_time_zone_change(text):
    assert SKILL.parse(text) is None


def test_a_weekday_asked_among_others_is_answered():
    assert reply("is the 30th a monday or a sunday") == "The 30th is a Monday."


def test_how_close_it_is_to_a_time_is_the_time_until_it():
    assert reply("how close is it to 9 pm") == "9 PM is in 1 hour and 18 minutes."


@pytest.mark.parametrize("text", ["when is my next meeting", "what time does the meeting start", "is my calendar free"])
def test_a_question_about_a_calendar_is_declined(text):
    assert SKILL.declines(text)
