import pytest

from edge.voice.turn_end import ends_unfinished


@pytest.mark.parametrize(
    "text",
    ["Set a timer for", "Set a timer for.", "Add milk and", "Remind me to call the...", "Put it on my list, the",
     "What is twelve, um", "Wake me up at,", "Now..."],
)  # fmt: skip
def test_a_transcript_that_stops_on_a_word_that_needs_more_is_unfinished(text):
    assert ends_unfinished(text)


@pytest.mark.parametrize(
    "text",
    ["Set a timer for ten minutes.", "What time is it?", "Cancel my alarm", "Turn it on", "Where are you from?",
     "What's that", ""],
)  # fmt: skip
def test_a_transcript_that_can_end_there_is_not(text):
    assert not ends_unfinished(text)
