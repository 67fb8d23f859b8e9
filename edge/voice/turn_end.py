"""Words heard before a pause that the speaker has not finished, so a longer pause is needed to end the turn."""

from __future__ import annotations

import re

_UNFINISHED = re.compile(
    r"(?:\.\.\.|…|[,;:\-–—]|\b(?:and|or|but|nor|if|than|to|for|from|at|onto|into|of|by|with|the|a|an|my|your|our"
    r"|their|called|named|um+|uh+|er+|erm|hmm+)[.!]*)\s*$",
    re.IGNORECASE,
)
"""A transcript that stops on a conjunction, a preposition, an article, a possessive, a filler, or a comma or an
ellipsis, is a sentence the speaker has not finished. Words that end whole sentences too are left out: particles
("turn it on"), pronouns ("what's that"), and any word before a question mark ("where are you from?")."""


def ends_unfinished(text: str) -> bool:
    return _UNFINISHED.search(text.strip()) is not None
