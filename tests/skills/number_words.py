"""Whole numbers written in English words the ways people say them, for the skills' property tests."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

ONES = "zero one two three four five six seven eight nine".split()
TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


@dataclass(frozen=True)
class Wording:
    """How a number is said: "two hundred and forty-six", "a hundred five", "a thousand", "twelve hundred"."""

    and_after_hundreds: bool = False
    hyphens: bool = False
    a_for_one: bool = False
    hundreds_past_a_thousand: bool = False


def _below_hundred(n: int, wording: Wording) -> str:
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    tens, ones = divmod(n, 10)
    return TENS[tens] if ones == 0 else f"{TENS[tens]}{'-' if wording.hyphens else ' '}{ONES[ones]}"


def _times(n: int, scale: str, wording: Wording, first: bool) -> str:
    """ "two hundred", "a thousand" (as the first word only), "twelve hundred"."""
    return f"{'a' if n == 1 and first and wording.a_for_one else _below_hundred(n, wording)} {scale}"


def in_words(n: int, wording: Wording = Wording()) -> str:
    """0..9999 in English words."""
    if n < 100:
        return _below_hundred(n, wording)
    hundreds, below = divmod(n, 100)
    thousands = 0 if wording.hundreds_past_a_thousand and hundreds % 10 else hundreds // 10
    hundreds -= thousands * 10
    parts = [_times(thousands, "thousand", wording, first=True)] if thousands else []
    if hundreds:
        parts.append(_times(hundreds, "hundred", wording, first=not thousands))
    if below:
        parts.append(f"{'and ' if wording.and_after_hundreds else ''}{_below_hundred(below, wording)}")
    return " ".join(parts)


WORDINGS = st.builds(Wording, st.booleans(), st.booleans(), st.booleans(), st.booleans())
