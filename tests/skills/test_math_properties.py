"""Arithmetic asked of the math skill, two to four whole numbers with any of + - × ÷ between them, in digits or in
English words: the reply says the numbers back and states Python's exact answer (times and divide before plus and
minus, rounded as the skill says it: four places, three significant digits below 1), or the skill declines; it never
states a wrong number."""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from math import floor, log10

from hypothesis import example, given, settings
from hypothesis import strategies as st

from edge.skills.math import MathSkill
from tests.skills.number_words import WORDINGS, Wording, in_words

SKILL = MathSkill()


@dataclass(frozen=True)
class Operation:
    """One of + - × ÷: its exact result, the word the skill says for it, and the ways of asking for it."""

    exact: Callable[[Fraction, Fraction], Fraction]
    said_back: str
    words: tuple[str, ...]
    """What is said between the two numbers."""
    phrasings: tuple[str, ...]
    """Other ways of asking, with {a} and {b} where the numbers go."""


OPERATIONS = {
    "+": Operation(
        operator.add,
        "plus",
        ("plus", "+"),
        ("add {a} and {b}", "add {a} to {b}", "the sum of {a} and {b}", "take {a} and add {b}"),
    ),
    "-": Operation(
        operator.sub,
        "minus",
        ("minus", "-", "−"),
        ("subtract {b} from {a}", "the difference between {a} and {b}", "take {a} and subtract {b}"),
    ),
    "*": Operation(
        operator.mul,
        "times",
        ("times", "x", "×", "*", "multiplied by", "by"),
        ("multiply {a} by {b}", "the product of {a} and {b}", "take {a} and multiply it by {b}"),
    ),
    "/": Operation(
        operator.truediv,
        "divided by",
        ("divided by", "÷", "/", "over"),
        (
            "divide {a} by {b}",
            "the quotient of {a} and {b}",
            "take {a} and divide it by {b}",
            "how many times does {b} go into {a}",
        ),
    ),
}
QUESTIONS = ("", "what is ", "what's ", "whats ", "calculate ", "how much is ", "can you tell me what is ", "please work out ")
REQUESTS = ("", "please ", "can you ", "could you ")
"""The words before a sum or a named operation ("the sum of"), and before one asked as a command ("add")."""
TRAILS = ("", "?", " please", " for me")

OPERANDS = st.one_of(st.integers(0, 20), st.integers(0, 9999))


@dataclass(frozen=True)
class Request:
    text: str
    numbers: tuple[int, ...]
    symbols: tuple[str, ...]
    """The operations between the numbers, in order: "+", "-", "*", "/"."""

    def exact(self) -> Fraction | None:
        """Python's exact answer, times and divide before plus and minus; None when it divides by zero."""
        terms = [Fraction(self.numbers[0])]
        for symbol, number in zip(self.symbols, self.numbers[1:], strict=True):
            if symbol in "*/":
                if symbol == "/" and number == 0:
                    return None
                terms[-1] = OPERATIONS[symbol].exact(terms[-1], Fraction(number))
            else:
                terms.append(Fraction(number if symbol == "+" else -number))
        return sum(terms, Fraction(0))

    def said_back(self) -> str:
        """The sum as the skill says it back: "1,005 minus 2 times 3"."""
        operations = [
            f"{OPERATIONS[symbol].said_back} {number:,}" for symbol, number in zip(self.symbols, self.numbers[1:], strict=True)
        ]
        return " ".join([f"{self.numbers[0]:,}", *operations])


@st.composite
def numbers_said(draw: st.DrawFn, n: int) -> str:
    return str(n) if draw(st.booleans()) else in_words(n, draw(WORDINGS))


@st.composite
def named_operations(draw: st.DrawFn) -> Request:
    """Two numbers and an operation: "12 plus 7", "the sum of twelve and seven", "add 12 and 7"."""
    a, b = draw(OPERANDS), draw(OPERANDS)
    symbol = draw(st.sampled_from(sorted(OPERATIONS)))
    operation = OPERATIONS[symbol]
    phrasing = draw(st.sampled_from(tuple(f"{{a}} {word} {{b}}" for word in operation.words) + operation.phrasings))
    said = phrasing.format(a=draw(numbers_said(a)), b=draw(numbers_said(b)))
    lead_in = draw(st.sampled_from(REQUESTS if re.match(r"add|subtract|multiply|divide|take", said) else QUESTIONS))
    return Request(f"{lead_in}{said}{draw(st.sampled_from(TRAILS))}", (a, b), (symbol,))


@st.composite
def chains(draw: st.DrawFn) -> Request:
    """Three or four numbers with an operation between each two: "2 plus three times 4 over five"."""
    numbers = tuple(draw(st.lists(OPERANDS, min_size=3, max_size=4)))
    symbols = tuple(draw(st.sampled_from(sorted(OPERATIONS))) for _ in numbers[1:])
    said = draw(numbers_said(numbers[0]))
    for symbol, number in zip(symbols, numbers[1:], strict=True):
        said += f" {draw(st.sampled_from(OPERATIONS[symbol].words))} {draw(numbers_said(number))}"
    return Request(f"{draw(st.sampled_from(QUESTIONS))}{said}{draw(st.sampled_from(TRAILS))}", numbers, symbols)


ANSWER = re.compile(
    r"(?P<minus>[Mm]inus )?(?:about (?P<mantissa>[\d.]+) times 10 to the power of (?P<exponent>(?:minus )?\d+)"
    r"|(?P<number>[\d,]+(?:\.\d+)?))"
)


def stated(answer: re.Match[str]) -> Fraction:
    """The value of an answer as the skill says it: "1,428.4286", "minus 7", "about 1.27 times 10 to the power of 30"."""
    if answer["mantissa"]:
        value = Fraction(answer["mantissa"]) * Fraction(10) ** int(answer["exponent"].replace("minus ", "-"))
    else:
        value = Fraction(answer["number"].replace(",", ""))
    return -value if answer["minus"] else value


def rounding(exact: Fraction) -> Fraction:
    """How far the answer said may be from the exact one: whole numbers exactly; otherwise half the last place said,
    four decimals, three significant digits below 1, or three significant digits of "about ... times 10 to the power
    of" past 10 to the 15 and below a millionth."""
    if exact == 0 or exact.denominator == 1 and abs(exact) < 10**15:
        return Fraction(0)
    exponent = floor(log10(abs(exact)))
    if abs(exact) >= 10**15 or abs(exact) < Fraction(1, 10**6):
        return Fraction(10) ** (exponent - 2) / 2
    return Fraction(1, 2 * 10 ** max(4, 2 - exponent))


def assert_right_or_declined(request: Request) -> None:
    slots = SKILL.parse(request.text)
    if slots is None:
        return
    reply = SKILL.run(slots)
    if "result" not in reply.data:
        return
    exact = request.exact()
    assert exact is not None, (request.text, reply.text)
    match = re.fullmatch(rf"(?P<asked>.+) is (?P<answer>{ANSWER.pattern})\.", reply.text)
    assert match, (request.text, reply.text)
    assert match["asked"] == request.said_back(), (request.text, reply.text)
    answer = ANSWER.fullmatch(match["answer"])
    assert answer and abs(stated(answer) - exact) <= rounding(exact), (request.text, reply.text)


def test_numbers_in_words_are_spelt_as_people_say_them():
    assert in_words(246, Wording(and_after_hundreds=True)) == "two hundred and forty six"
    assert in_words(1105, Wording(a_for_one=True)) == "a thousand one hundred five"
    assert in_words(125, Wording(hyphens=True, a_for_one=True)) == "a hundred twenty-five"
    assert in_words(9000) == "nine thousand"
    assert in_words(1250, Wording(hundreds_past_a_thousand=True)) == "twelve hundred fifty"
    assert in_words(1000, Wording(a_for_one=True)) == "a thousand"
    assert in_words(2000, Wording(hundreds_past_a_thousand=True)) == "two thousand"
    assert in_words(9999) == "nine thousand nine hundred ninety nine"
    assert in_words(0) == "zero"


@settings(max_examples=200, deadline=None)
@given(named_operations())
@example(Request("what is twelve plus seven", (12, 7), ("+",)))
@example(Request("what's 346 divided by 4", (346, 4), ("/",)))
@example(Request("two hundred and forty six plus six hundred and fifty four", (246, 654), ("+",)))
@example(Request("nine times three", (9, 3), ("*",)))
@example(Request("1 divided by 7000", (1, 7000), ("/",)))
@example(Request("what is 5 divided by zero", (5, 0), ("/",)))
def test_two_numbers_and_an_operation_are_answered_exactly_or_declined(request):
    assert_right_or_declined(request)


@settings(max_examples=200, deadline=None)
@given(chains())
@example(Request("zero times 0 by 0 plus 1", (0, 0, 0, 1), ("*", "*", "+")))
@example(Request("what is 2 plus 3 by 4", (2, 3, 4), ("+", "*")))
def test_a_chain_of_operations_is_answered_exactly_or_declined(request):
    assert_right_or_declined(request)
