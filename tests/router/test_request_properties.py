"""Whatever text arrives as a request (control characters, bidirectional marks, emoji, lone surrogates, a line of a
megabyte), the router decides it or refuses it with one InputError; it never raises anything else."""

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from edge.errors import InputError
from edge.router import Handled, Router

ODD = st.sampled_from(["\u202e", "\u200f", "\u200b", "\ufeff", "\x00", "\x1b[31m", "\r\n", "🦜", "👩‍👩‍👧", "\ud800", "e\u0301"])
WORDS = st.sampled_from(["set a timer for", "what is", "ten minutes", "12 times 7", "the", "weather", "?", "Ada"])
TEXT = st.lists(st.one_of(ODD, WORDS, st.text(max_size=20)), max_size=12).map(" ".join)


@pytest.fixture(scope="module")
def router(runtime):
    with Router(runtime) as r:
        yield r


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
@example(text="set a timer for \u202eten minutes\u202c")
@example(text="\x00" * 50)
@example(text="🦜" * 2_000)
def test_any_text_is_decided_or_refused_with_one_clear_error(router, text):
    try:
        decision = router.decide(text)
    except InputError as exc:
        assert exc.fix
    else:
        assert decision.route in ("skill", "clarify", "oos", "chat", "complex", "knowledge")


@pytest.mark.parametrize(
    ("text", "message"), [("x" * 1_000_000, "the limit is 100,000"), ("what is \ud800 two", "not valid UTF-8")]
)
def test_a_megabyte_line_or_broken_unicode_is_one_error_naming_the_fix(router, text, message):
    with pytest.raises(InputError, match=message) as caught:
        router.ask(text)
    assert caught.value.fix


@pytest.mark.parametrize("text", ["what is 12 times 7\u200b", "\u202ewhat is 12 times 7\u202c", "what is\x1b 12 times 7\r\n"])
def test_invisible_marks_and_control_characters_around_a_command_still_reach_its_skill(router, text):
    reply = router.ask(text)
    assert reply.handler is Handled.SKILL and "84" in reply.text
