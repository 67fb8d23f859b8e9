import pytest

from edge.skills.status import StatusSkill

SKILL = StatusSkill(lambda: [])


@pytest.mark.parametrize(
    "text",
    [
        "system status",
        "are you working",
        "how much memory are you using",
        "which models are loaded",
        "can you tell me your status",
    ],
)
def test_a_question_about_edge_itself_is_taken(text):
    assert not SKILL.declines(text)


@pytest.mark.parametrize(
    "text",
    [
        "what list do i have",
        "are there any traffic issues",
        "what is the customer feedback",
        "can you tell me what list i have",
    ],
)
def test_a_question_about_something_else_is_declined(text):
    assert SKILL.declines(text)
