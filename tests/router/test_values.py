import pytest

from edge.router.values import uncarried, values

GREENHOUSE = "The greenhouse irrigation valve opens at 06:40 every morning and runs for 12 minutes."


@pytest.mark.parametrize(
    "answer",
    [
        "The valve opens at 12:40 AM every morning.",
        "It opens at 6:40 pm.",
        "It runs for 12 hours.",
        "It runs for 40 minutes.",
        "It opens at 07:40.",
    ],
)
def test_an_answer_whose_time_or_duration_differs_from_the_source_is_not_carried(answer):
    assert uncarried(answer, [GREENHOUSE])


@pytest.mark.parametrize(
    "answer",
    [
        "The valve opens at 06:40 [1].",
        "It opens at 6:40 in the morning and runs for twelve minutes.",
        "It opens at 6:40 a.m.",
        "It opens at 6:40.",
        "It runs for 720 seconds.",
        "It runs for 12 minutes every morning.",
    ],
)
def test_the_same_time_or_duration_said_another_way_is_carried(answer):
    assert uncarried(answer, [GREENHOUSE]) == []


def test_a_bare_number_is_carried_by_the_same_number_with_a_unit_but_not_by_a_time():
    assert uncarried("It runs for 12.", [GREENHOUSE]) == []
    assert [v.text for v in uncarried("The answer is 40.", [GREENHOUSE])] == ["40"]


@pytest.mark.parametrize(
    "answer, source, ok",
    [
        ("It happened on March 3, 2020.", "On 3 March 2020 the office opened.", True),
        ("It happened on March 4.", "On 3 March 2020 the office opened.", False),
        ("It happened on March 3, 2021.", "On 3 March 2020 the office opened.", False),
        ("It happened on March 3, 2020.", "On March 3 the office opened.", False),
        ("Revenue grew by 12 percent.", "Revenue grew 12% in the third quarter.", True),
        ("Revenue grew by 12 percent.", "Revenue grew 12 points, to 40%.", False),
        ("It cost $1.5 million.", "The build cost 1,500,000 dollars.", True),
        ("It cost €1.5 million.", "The build cost 1,500,000 dollars.", False),
        ("The Franks entered the valley in 1073.", "In 1071 the Seljuks defeated the Byzantine army.", False),
        ("The trail is 3 miles long.", "The trail runs for 3 kilometres.", False),
        ("Bring 2 litres of water.", "Bring two litres of water.", True),
        ("The meeting is at noon.", "The meeting starts at 12 pm.", True),
    ],
)
def test_dates_money_percentages_and_measures_are_compared_as_values(answer, source, ok):
    assert (uncarried(answer, [source]) == []) is ok


def test_values_are_read_in_order_with_their_kinds():
    found = values("On 3 March 2020 at 9:15 pm, 40% of 1,200 people paid $5 for 2 hours.")
    assert [(v.kind, v.text) for v in found] == [
        ("date", "3 March 2020"),
        ("time", "9:15 pm"),
        ("percent", "40%"),
        ("number", "1200"),
        ("money", "$5"),
        ("amount", "2 hours"),
    ]


def test_citation_marks_and_text_without_values_state_nothing():
    assert values("Descale the machine [1], or ask [2, 3].") == []
    assert values("The guest network is called Lantern.") == []
