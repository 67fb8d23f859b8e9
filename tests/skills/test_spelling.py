import pytest

from edge.skills.spelling import SpellingSkill

SKILL = SpellingSkill()


@pytest.mark.parametrize(
    "text, spoken",
    [
        ("how do you spell necessary", "Necessary: N, E, C, E, S, S, A, R, Y."),
        ("spell restaurant please", "Restaurant: R, E, S, T, A, U, R, A, N, T."),
        ("how is Worcestershire spelled", "Worcestershire: W, O, R, C, E, S, T, E, R, S, H, I, R, E."),
        ("what's the spelling of rhythm", "Rhythm: R, H, Y, T, H, M."),
        ("how do you spell o'clock", "O'clock: O, apostrophe, C, L, O, C, K."),
    ],
)
def test_a_word_is_spelled_letter_by_letter(text, spoken):
    assert SKILL.run(SKILL.parse(text)).text == spoken


@pytest.mark.parametrize("text", ["spell it", "how do you spell", "spell the word", "the spelling bee is on friday"])
def test_a_request_without_a_word_to_spell_is_not_spelled(text):
    assert SKILL.parse(text) is None
